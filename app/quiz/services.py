"""Quizzes: attempts at a set, its questions one at a time, each answer stored exactly once, and the score."""
from __future__ import annotations

import datetime as dt
import enum
import re
from dataclasses import dataclass
from typing import Iterable

from flask import abort
from fsrs import Rating
from markupsafe import Markup
from sqlalchemy import func, update
from sqlalchemy.exc import IntegrityError

from app.database import begin_write
from app.extensions import db
from app.grading import CHOICE_KINDS, AnswerKey, is_correct, looks_like_name
from app.models import Answer, Attempt, Question, QuestionKind, QuestionSet, ReviewSource, ReviewStatus, User
from app.scheduling import record_review
from app.sets.services import source_with_answer
from app.study.services import is_assigned, live_question_ids

MAX_RESPONSE = 2000
TRUE_FALSE_CHOICES = ("True", "False")
_BLANK = re.compile(r"_{3,}")


class EmptySetError(ValueError):
    """The set has no live questions to ask."""


# --- Starting and finding attempts ---------------------------------------------------------------------

@dataclass(frozen=True)
class StartedAttempt:
    attempt_id: int
    question_count: int
    resumed: bool  # the learner's unfinished attempt at the set, taken up again


def start_attempt(learner: User, set_id: int, now: dt.datetime) -> StartedAttempt:
    """Return the learner's unfinished attempt at the set, or a new one with its live questions in set order.

    Resuming makes "Take the quiz" pressed twice (or in two tabs) one sitting, not two.

    Raises:
        EmptySetError: the set has no live questions.
    """
    begin_write()
    if not is_assigned(learner.id, set_id):
        db.session.rollback()
        abort(404)
    unfinished = db.session.execute(
        db.select(Attempt).filter_by(learner_id=learner.id, set_id=set_id, finished_at=None)
        .order_by(Attempt.started_at.desc(), Attempt.id.desc()).limit(1)).scalar_one_or_none()
    if unfinished is not None:
        started = StartedAttempt(unfinished.id, len(unfinished.question_ids), resumed=True)
        db.session.rollback()
        return started
    question_ids = live_question_ids([set_id])
    if not question_ids:
        db.session.rollback()
        raise EmptySetError("This set has no questions to answer yet. Ask your teacher.")
    attempt = Attempt(learner_id=learner.id, set_id=set_id, question_ids=question_ids, started_at=now)
    db.session.add(attempt)
    try:
        db.session.flush()
        started = StartedAttempt(attempt.id, len(question_ids), resumed=False)
        db.session.commit()
    except Exception:
        db.session.rollback()
        raise
    return started


def own_attempt_or_404(learner: User, attempt_id: int) -> Attempt:
    """Return the learner's own attempt; anyone else's is as good as absent."""
    attempt = db.session.get(Attempt, attempt_id)
    if attempt is None or attempt.learner_id != learner.id:
        abort(404)
    return attempt


# --- Asking -----------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class QuizStep:
    """The next question of an attempt as the page asks it."""

    attempt_id: int
    question: Question
    number: int  # 1-based among the attempt's questions still asked
    total: int
    choices: tuple[str, ...]
    blank_before: str = ""  # a cloze prompt around its blank
    blank_after: str = ""

    @property
    def is_choice(self) -> bool:
        return self.question.kind in CHOICE_KINDS


def choices_of(question: Question) -> tuple[str, ...]:
    if question.kind is QuestionKind.TRUE_FALSE:
        return tuple(question.choices or ()) or TRUE_FALSE_CHOICES
    if question.kind is QuestionKind.MULTIPLE_CHOICE:
        return tuple(question.choices or ())
    return ()


def split_cloze(prompt: str) -> tuple[str, str]:
    """Return a cloze prompt's text before and after its blank (all of it before, if it has none)."""
    parts = _BLANK.split(prompt, maxsplit=1)
    return (parts[0], parts[1]) if len(parts) == 2 else (prompt, "")


def _asked_questions(attempt: Attempt) -> list[Question]:
    """Return the attempt's questions still live, in the attempt's order."""
    by_id = {question.id: question for question in db.session.execute(
        db.select(Question).where(Question.id.in_(attempt.question_ids))).scalars()}
    return [by_id[question_id] for question_id in attempt.question_ids
            if question_id in by_id and by_id[question_id].is_live]


def _answered_ids(attempt_id: int) -> set[int]:
    return set(db.session.execute(db.select(Answer.question_id).filter_by(attempt_id=attempt_id)).scalars())


def _open_question_count(attempt: Attempt, *, besides: int) -> int:
    """Return how many live questions of the attempt, other than ``besides``, are still unanswered."""
    answered = db.select(Answer.id).where(Answer.attempt_id == attempt.id, Answer.question_id == Question.id)
    return db.session.execute(
        db.select(func.count(Question.id))
        .where(Question.id.in_(attempt.question_ids), Question.id != besides,
               Question.review_status == ReviewStatus.APPROVED, Question.retired_at.is_(None),
               ~answered.exists())).scalar_one()


def next_step(attempt: Attempt) -> QuizStep | None:
    """Return the attempt's first unanswered live question, or None when every one is answered."""
    asked = _asked_questions(attempt)
    answered = _answered_ids(attempt.id)
    for number, question in enumerate(asked, 1):
        if question.id not in answered:
            before, after = split_cloze(question.prompt) if question.kind is QuestionKind.CLOZE else ("", "")
            return QuizStep(attempt_id=attempt.id, question=question, number=number, total=len(asked),
                            choices=choices_of(question), blank_before=before, blank_after=after)
    return None


# --- Answering --------------------------------------------------------------------------------------------

class AnswerStatus(enum.Enum):
    ANSWERED = "answered"
    ALREADY_ANSWERED = "already answered"  # a resubmitted form or a second tab: the first answer stands
    WITHDRAWN = "withdrawn"  # the teacher retired or rejected the question after it was shown


@dataclass(frozen=True)
class Feedback:
    """What the learner sees after answering, built from values in hand, never read back after commit."""

    status: AnswerStatus
    attempt_id: int
    prompt: str = ""
    kind: QuestionKind | None = None
    response: str = ""
    correct: bool = False
    right_answer: str = ""
    source: Markup = Markup("")
    finished: bool = False

    @property
    def message(self) -> str:
        if self.status is AnswerStatus.WITHDRAWN:
            return "This question was withdrawn by your teacher, so it does not count. Go on to the next one."
        if self.status is AnswerStatus.ALREADY_ANSWERED:
            return "You already answered this question; your first answer counts, once."
        return "Right!" if self.correct else "Not quite."


def set_names(set_id: int) -> list[str]:
    """Return the names of people in the set's questions: a surname shared by two of them is ambiguous."""
    names: set[str] = set()
    for answer, choices, fact_text, fact_value in db.session.execute(
            db.select(Question.answer, Question.choices, Question.fact_text, Question.fact_value)
            .where(Question.set_id == set_id)):
        names.update(text for text in (answer, fact_text, fact_value, *(choices or ()))
                     if text and looks_like_name(text))
    return sorted(names)


def _feedback_of(question: Question, attempt_id: int, status: AnswerStatus, *, response: str, correct: bool,
                 finished: bool) -> Feedback:
    return Feedback(status=status, attempt_id=attempt_id, prompt=question.prompt, kind=question.kind,
                    response=response, correct=correct, right_answer=question.answer,
                    source=source_with_answer(question), finished=finished)


def _stored_answer(attempt_id: int, question_id: int) -> Answer | None:
    return db.session.execute(
        db.select(Answer).filter_by(attempt_id=attempt_id, question_id=question_id)).scalar_one_or_none()


def submit_answer(learner: User, attempt_id: int, question_id: int, response: str, *, submission_id: str,
                  duration_ms: int | None, now: dt.datetime) -> Feedback:
    """Store the learner's answer to one question of their attempt exactly once, score it and schedule the card.

    The write lock is taken before anything is read, so answers to one attempt queue up; an answer
    already stored (a resubmitted form, a second tab) is shown again instead of counted twice. The
    unique submission id and the unique (attempt, question) pair are the last guard: a duplicate
    fails at commit and is answered the same way. The attempt's counts move in SQL, never read,
    added to and written back. Everything the page shows is taken before the commit.
    """
    begin_write()
    attempt = db.session.execute(db.select(Attempt).filter_by(id=attempt_id).with_for_update()).scalar_one_or_none()
    if attempt is None or attempt.learner_id != learner.id or question_id not in attempt.question_ids \
            or not is_assigned(learner.id, attempt.set_id):
        db.session.rollback()
        abort(404)
    question = db.session.get(Question, question_id)
    stored = _stored_answer(attempt_id, question_id)
    if stored is not None:
        feedback = _feedback_of(question, attempt_id, AnswerStatus.ALREADY_ANSWERED, response=stored.response,
                                correct=stored.correct, finished=attempt.finished_at is not None)
        db.session.rollback()
        return feedback
    if not question.is_live:
        db.session.rollback()
        return Feedback(status=AnswerStatus.WITHDRAWN, attempt_id=attempt_id, prompt=question.prompt)

    response = response.strip()[:MAX_RESPONSE]
    key = AnswerKey.of(question)
    names_matter = key.kind not in CHOICE_KINDS and any(map(looks_like_name, (key.answer, *key.alternatives)))
    correct = is_correct(key, response, other_names=set_names(attempt.set_id) if names_matter else ())
    finishing = _open_question_count(attempt, besides=question_id) == 0
    feedback = _feedback_of(question, attempt_id, AnswerStatus.ANSWERED, response=response, correct=correct,
                            finished=finishing)

    counts = {"correct": Attempt.correct + int(correct), "total": Attempt.total + 1}
    if finishing:
        counts["finished_at"] = func.coalesce(Attempt.finished_at, now)
    try:
        db.session.add(Answer(attempt_id=attempt_id, question_id=question_id, learner_id=learner.id,
                              response=response, correct=correct, answered_at=now, duration_ms=duration_ms,
                              submission_id=submission_id))
        db.session.flush()  # the unique constraints speak here, before the score moves
        db.session.execute(update(Attempt).where(Attempt.id == attempt_id).values(**counts)
                           .execution_options(synchronize_session=False))
        record_review(learner_id=learner.id, question_id=question_id,
                      rating=Rating.Good if correct else Rating.Again, now=now, source=ReviewSource.QUIZ,
                      submission_id=f"quiz:{submission_id}", duration_ms=duration_ms)
        _commit_keeping_loaded_values()
    except IntegrityError:
        db.session.rollback()
        return _already_answered(attempt_id, question_id, submission_id)
    except Exception:
        db.session.rollback()
        raise
    return feedback


def _commit_keeping_loaded_values() -> None:
    """Commit without expiring loaded objects, so rendering the reply (and ``current_user``) reads nothing."""
    session = db.session()
    session.expire_on_commit = False
    try:
        session.commit()
    finally:
        session.expire_on_commit = True


def _already_answered(attempt_id: int, question_id: int, submission_id: str) -> Feedback:
    """Return the feedback of the answer that won a race to the unique constraints."""
    stored = _stored_answer(attempt_id, question_id)
    if stored is None:
        # The submission id was used for another question: a replayed or forged form, not a retry.
        abort(400)
    attempt = db.session.get(Attempt, attempt_id)
    return _feedback_of(stored.question, attempt_id, AnswerStatus.ALREADY_ANSWERED, response=stored.response,
                        correct=stored.correct, finished=attempt.finished_at is not None)


# --- The result -------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class MissedQuestion:
    prompt: str
    response: str
    right_answer: str
    source: Markup


@dataclass(frozen=True)
class QuizResult:
    attempt: Attempt
    question_set: QuestionSet
    missed: tuple[MissedQuestion, ...]
    unanswered: int  # live questions not answered yet

    @property
    def percent(self) -> int:
        return round(self.attempt.score_percent)


def attempt_result(attempt: Attempt) -> QuizResult:
    """Return the attempt's score and the questions the learner missed, with their right answers."""
    answers = db.session.execute(
        db.select(Answer).filter_by(attempt_id=attempt.id)).scalars().all()
    by_question = {answer.question_id: answer for answer in answers}
    order = {question_id: index for index, question_id in enumerate(attempt.question_ids)}
    missed = tuple(
        MissedQuestion(prompt=answer.question.prompt, response=answer.response, right_answer=answer.question.answer,
                       source=source_with_answer(answer.question))
        for answer in sorted(answers, key=lambda answer: order.get(answer.question_id, len(order)))
        if not answer.correct)
    unanswered = sum(question.id not in by_question for question in _asked_questions(attempt))
    return QuizResult(attempt=attempt, question_set=db.session.get(QuestionSet, attempt.set_id), missed=missed,
                      unanswered=unanswered)


def attempts_by_set(learner_id: int, set_ids: Iterable[int]) -> dict[int, list[Attempt]]:
    """Return the learner's attempts at each set, oldest first."""
    set_ids = list(set_ids)
    result: dict[int, list[Attempt]] = {set_id: [] for set_id in set_ids}
    if set_ids:
        for attempt in db.session.execute(
                db.select(Attempt).where(Attempt.learner_id == learner_id, Attempt.set_id.in_(set_ids))
                .order_by(Attempt.started_at, Attempt.id)).scalars():
            result[attempt.set_id].append(attempt)
    return result
