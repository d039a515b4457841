"""Questions written, edited, moved and deleted by hand."""
from __future__ import annotations

from app.extensions import db
from app.models import Question, QuestionSet, ReviewStatus, utcnow
from app.sets.drafts import QuestionDraft
from app.sets.facts import dismiss_fact, dismissed_facts, fact_identity
from app.sets.queries import SetError, next_position, ordered_questions, questions_with_history, touch


def add_question(question_set: QuestionSet, draft: QuestionDraft) -> Question:
    """Append a checked question to the set; a teacher's own question is approved."""
    question = Question(set_id=question_set.id, position=next_position(question_set),
                        review_status=ReviewStatus.APPROVED, **draft_fields(draft))
    db.session.add(question)
    touch(question_set)
    db.session.commit()
    return question


def edit_question(question: Question, draft: QuestionDraft) -> Question:
    """Save a teacher's edit of a question, which also approves it, and return the row now holding it.

    A question that learners already answered keeps its old wording for their history: it is retired
    and the edit becomes a new question in its place.
    """
    if question.retired_at is not None:
        raise SetError("This question is retired: learners no longer see it, so it cannot be edited.")
    fields = draft_fields(draft)
    changes_meaning = any(getattr(question, name) != value for name, value in fields.items() if name != "explanation")
    changed = changes_meaning or question.explanation != fields["explanation"]
    if changes_meaning and questions_with_history([question.id]):
        question.retired_at = utcnow()
        question = Question(
            set_id=question.set_id, position=question.position, source_start=question.source_start,
            source_end=question.source_end, fact_kind=question.fact_kind, fact_text=question.fact_text,
            fact_value=question.fact_value, engine_id=question.engine_id, score=question.score,
            recommended=question.recommended, edited_at=question.edited_at, **fields)
        db.session.add(question)
    else:
        for name, value in fields.items():
            setattr(question, name, value)
    if changed:
        question.edited_at = utcnow()
    question.review_status = ReviewStatus.APPROVED
    touch(db.session.get(QuestionSet, question.set_id))
    db.session.commit()
    return question


def delete_question(question: Question) -> bool:
    """Delete a question, or retire it if learners answered it; return whether it was retired.

    The fact of a deleted generated question is remembered: regenerating never asks about it again.
    """
    question_set = question.question_set
    if fact_identity(question) is not None:
        dismiss_fact(question_set, question, dismissed_facts(question_set))
    retired = bool(questions_with_history([question.id]))
    if retired:
        question.retired_at = question.retired_at or utcnow()
    else:
        db.session.delete(question)
    touch(question_set)
    db.session.commit()
    return retired


def move_question(question: Question, direction: str) -> bool:
    """Move a question one place up or down in the set's order; return whether it moved."""
    if question.retired_at is not None:
        return False
    siblings = ordered_questions(question.question_set)
    index = siblings.index(question)
    other = index - 1 if direction == "up" else index + 1
    if direction not in ("up", "down") or not 0 <= other < len(siblings):
        return False
    siblings[index], siblings[other] = siblings[other], siblings[index]
    for position, sibling in enumerate(siblings):
        sibling.position = position
    touch(question.question_set)
    db.session.commit()
    return True


def draft_fields(draft: QuestionDraft) -> dict:
    return {"kind": draft.kind, "prompt": draft.prompt, "answer": draft.answer, "choices": list(draft.choices),
            "explanation": draft.explanation}
