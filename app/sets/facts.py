"""Which fact a question asks about, and the facts of a set the teacher turned down."""
from __future__ import annotations

import questions
from app.extensions import db
from app.models import DismissedFact, Question, QuestionSet, ReviewStatus

# Which fact a question asks about, as regenerating compares them: its kind, its words and the span of
# the sentence it quotes. The article text never changes, so these stay the same whatever the seed
# (which rewords questions, reshuffles choices and flips true/false, and so changes the question ids)
# and whatever the publication date (which changes a date fact's resolved value, not its words). A
# teacher rejects a question mostly for its fact (wrong, trivial, off the point): the engine asks each
# fact several ways, and a question-level identity would let the same fact come back in another form.
FactIdentity = tuple[str, str, int, int]


def fact_identity(question: Question) -> FactIdentity | None:
    """Return the identity of the fact a generated question asks about; None for one written by hand."""
    if not question.fact_kind or question.fact_text is None or question.source_start is None \
            or question.source_end is None:
        return None
    return question.fact_kind, question.fact_text, question.source_start, question.source_end


def engine_fact_identity(question: questions.Question) -> FactIdentity:
    """Return the identity of the fact an engine's question asks about."""
    return question.fact.kind.value, question.fact.text, question.source.start, question.source.end


def dismissed_facts(question_set: QuestionSet) -> set[FactIdentity]:
    """Return the facts of the set the teacher turned down: a question of theirs rejected or deleted."""
    rejected = db.session.execute(
        db.select(Question).filter_by(set_id=question_set.id, review_status=ReviewStatus.REJECTED)).scalars()
    found = {identity for question in rejected if (identity := fact_identity(question))}
    found.update(tuple(row) for row in db.session.execute(
        db.select(DismissedFact.fact_kind, DismissedFact.fact_text, DismissedFact.source_start,
                  DismissedFact.source_end).filter_by(set_id=question_set.id)))
    return found


def dismiss_fact(question_set: QuestionSet, question: Question, dismissed: set[FactIdentity]) -> None:
    """Remember the fact of a question the teacher deletes, unless it is hand-made or already in ``dismissed``."""
    identity = fact_identity(question)
    if identity is not None and identity not in dismissed:
        dismissed.add(identity)
        kind, text, start, end = identity
        db.session.add(DismissedFact(set_id=question_set.id, fact_kind=kind, fact_text=text, source_start=start,
                                     source_end=end))
