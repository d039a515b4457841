"""Running the engine again on a set's article: a new seed, or a new date for the article's relative dates."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import questions
from app.extensions import db
from app.models import Question, QuestionSet, ReviewStatus, utcnow
from app.sets.creation import as_sentence, generated_question
from app.sets.facts import dismissed_facts, engine_fact_identity, fact_identity
from app.sets.queries import MAX_TITLE, SetError, next_position, ordered_questions, questions_with_history, touch


def update_details(question_set: QuestionSet, *, title: str, published_on: dt.date | None,
                   description: str, regenerate_now: bool = True) -> Regeneration | None:
    """Change the set's title, the date its article speaks from and its description.

    A new date changes what the article's relative dates mean, so a set made from an article is
    regenerated from it (see ``regenerate`` with ``new_seed=False``); returns that regeneration, if any.
    With ``regenerate_now`` false the caller regenerates it later (a long article, in a job of its own).

    Raises:
        SetError: the article could not be read again (nothing is changed).
    """
    needs_regeneration = date_changes_questions(question_set, published_on)
    question_set.title = title.strip()[:MAX_TITLE]
    question_set.published_on = published_on
    question_set.description = description.strip()
    if regenerate_now and needs_regeneration:
        try:
            return regenerate(question_set, new_seed=False)
        except SetError:
            db.session.rollback()
            raise
    db.session.commit()
    return None


def date_changes_questions(question_set: QuestionSet, published_on: dt.date | None) -> bool:
    """Return whether giving the set this date means regenerating it: a new date for a set made from an article."""
    return published_on != question_set.published_on and bool(question_set.source_text.strip())


def regeneration_summary(outcome: Regeneration) -> str:
    """Return what a regeneration did, in a sentence or two for the teacher."""
    message = f"{outcome.added} new questions to review; {outcome.removed} questions replaced."
    if outcome.retired:
        message += f" {outcome.retired} that learners had answered were retired."
    if outcome.left_out:
        message += f" {outcome.left_out} about facts you had rejected or deleted were left out."
    return message


@dataclass(frozen=True)
class Regeneration:
    added: int
    removed: int
    retired: int
    left_out: int  # new questions about facts the teacher had rejected or deleted
    kept: int = 0  # generated questions the engine made again unchanged, with the teacher's verdict


def regenerate(question_set: QuestionSet, *, new_seed: bool = True) -> Regeneration:
    """Run the engine again on the set's article, with a new seed or (after a date change) the same one.

    A generated question the engine makes again unchanged keeps the teacher's verdict and takes the
    engine's new score and recommendation. Of the others, pending ones make way for the new questions
    (those learners answered are retired, not deleted); approved ones stay after a new seed (the
    teacher chose them) but make way after a new date (their answer moved with it). Rejected, edited
    and hand-made questions stay. Nothing is added that repeats a question kept, or asks about a fact
    the teacher rejected or deleted.

    Raises:
        SetError: the set was not made from an article, or the article cannot be read again.
    """
    if not question_set.source_text.strip():
        raise SetError("This set was not made from an article, so there is nothing to regenerate.")
    seed = question_set.seed + 1 if new_seed else question_set.seed
    try:
        result = questions.generate(question_set.source_text, published=question_set.published_on, seed=seed)
    except questions.InputError as err:
        raise SetError(f"The article could not be read again: {as_sentence(str(err))}") from None

    made = {generated.id[:64]: generated for generated in result.questions}
    dismissed = dismissed_facts(question_set)
    replaced: list[Question] = []
    kept: list[Question] = []
    made_again = 0
    for question in ordered_questions(question_set):
        generated = made.get(question.engine_id or "")
        untouchable = (not question.engine_id or question.edited_at is not None
                       or question.review_status is ReviewStatus.REJECTED)
        if untouchable:
            kept.append(question)
        elif question.review_status is ReviewStatus.PENDING and fact_identity(question) in dismissed:
            replaced.append(question)  # a suggestion about a fact the teacher turned down goes too
        elif generated is not None and _same_question(question, generated):
            _refresh(question, generated)
            kept.append(question)
            made_again += 1
        elif question.review_status is ReviewStatus.APPROVED and new_seed:
            kept.append(question)
        else:
            replaced.append(question)
    history = questions_with_history([question.id for question in replaced])
    now = utcnow()
    for question in replaced:
        if question.id in history:
            question.retired_at = now
        else:
            db.session.delete(question)

    # A fact the teacher already approved a question about is asked: the recommended set asks each fact once.
    approved_facts = {fact_identity(question) for question in kept
                      if question.review_status is ReviewStatus.APPROVED} - {None}
    for question in kept:
        if question.recommended and question.review_status is ReviewStatus.PENDING \
                and fact_identity(question) in approved_facts:
            question.recommended = False
    kept_engine_ids = {question.engine_id for question in kept if question.engine_id}
    kept_prompts = {(question.kind.value, question.prompt.strip().casefold()) for question in kept}
    position = next_position(question_set)
    added = left_out = 0
    for generated in result.questions:
        identity = engine_fact_identity(generated)
        if identity in dismissed:
            left_out += 1
            continue
        if generated.id[:64] in kept_engine_ids \
                or (generated.type.value, generated.prompt.strip().casefold()) in kept_prompts:
            continue
        question = generated_question(generated, position)
        question.recommended = generated.recommended and identity not in approved_facts
        question.set_id = question_set.id
        db.session.add(question)
        position += 1
        added += 1
    question_set.seed = seed
    touch(question_set)
    db.session.commit()
    return Regeneration(added=added, removed=len(replaced) - len(history), retired=len(history), left_out=left_out,
                        kept=made_again)


def _same_question(question: Question, generated: questions.Question) -> bool:
    """Whether the engine made this stored question again: same type, wording, answer and choices."""
    return (question.kind.value, question.prompt, question.answer, list(question.choices or ())) == (
        generated.type.value, generated.prompt, generated.answer, list(generated.choices))


def _refresh(question: Question, generated: questions.Question) -> None:
    question.score = generated.score
    question.recommended = generated.recommended
    question.fact_value = None if generated.fact.value is None else str(generated.fact.value)
