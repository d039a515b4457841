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
from sqlalchemy import Connection, Integer, and_, bindparam, case, cast, exists, func, insert, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import IntegrityError

from app.database import DriverStatement, begin_write_on
from app.extensions import db
from app.grading import CHOICE_KINDS, AnswerKey, is_correct, looks_like_name
from app.models import (Answer, Attempt, CardState, Question, QuestionKind, QuestionSet, Review, ReviewSource,
                        ReviewStatus, Role, User)
from app.quiz import settings as quiz_settings
from app.quiz.settings import QuizClosed
from app.scheduling import ReviewedCard, reviewed_card
from app.sets.services import source_with_answer

MAX_RESPONSE = 2000
TRUE_FALSE_CHOICES = ("True", "False")
_BLANK = re.compile(r"_{3,}")


class EmptySetError(ValueError):
    """The set has no live questions to ask (or none of the kinds the quiz asks)."""


class SetNotAssigned(LookupError):
    """The set is not assigned to the learner: as good as absent."""


class NotInYourQuiz(LookupError):
    """No such question in the learner's attempt: another's attempt, another set's question, or none at all."""


# --- Starting and finding attempts ---------------------------------------------------------------------

@dataclass(frozen=True)
class StartedAttempt:
    attempt_id: int
    question_count: int
    resumed: bool  # the learner's unfinished attempt at the set, taken up again
    time_limit_minutes: int | None = None
    late: bool = False


def start_attempt(learner_id: int, set_id: int, now: dt.datetime) -> StartedAttempt:
    """Return the learner's unfinished attempt at the set, or a new one shaped by the assignment's quiz settings.

    Resuming makes "Take the quiz" pressed twice (or in two tabs) one sitting, not two. A class starts a
    quiz every few answers, so this runs on a connection of its own with statements built once, as
    answering does.

    An unfinished attempt whose time is up is closed first, and does not count as one to resume.

    Raises:
        SetNotAssigned: the set is not assigned to this learner (or the id is not a learner's).
        QuizClosed: every attempt the quiz allows is used, or it is past due and late attempts are not allowed.
        EmptySetError: the set has no live questions of the kinds the quiz asks.
    """
    with db.engine.connect() as connection:
        settings = quiz_settings.learner_settings(connection, learner_id, set_id)
        if settings is None:
            raise SetNotAssigned(set_id)
        # The unfinished attempt is looked for under the write lock: two tabs start one attempt. The
        # transaction commits as the block ends, and rolls back if it ends with an error.
        with begin_write_on(connection):
            unfinished = _UNFINISHED_ATTEMPT.execute(connection, {"learner_id": learner_id, "set_id": set_id}).first()
            if unfinished is not None and unfinished.deadline_at is not None and now > unfinished.deadline_at:
                _CLOSE_AT_DEADLINE.execute(connection, {"attempt": unfinished.id})
                unfinished = None
            if unfinished is not None:
                return StartedAttempt(unfinished.id, len(unfinished.question_ids), resumed=True)
            # A refusal is raised after the block, so that closing an attempt out of time still commits.
            refusal: QuizClosed | None = None
            question_ids: list[int] = []
            try:
                late = quiz_settings.check_may_start(connection, learner_id, set_id, settings, now)
            except QuizClosed as error:
                refusal = error
            else:
                question_ids = quiz_settings.attempt_questions(connection, set_id, settings)
            if question_ids:
                attempt_id = _INSERT_ATTEMPT.execute(connection, {
                    "learner_id": learner_id, "set_id": set_id, "question_ids": question_ids, "started_at": now,
                    "correct": 0, "total": 0, "deadline_at": quiz_settings.deadline(settings, now),
                    "shuffle_choices": settings.shuffle_choices, "feedback_at_end": settings.feedback_at_end,
                    "late": late}).one().id
    if refusal is not None:
        raise refusal
    if not question_ids:
        raise EmptySetError("This set has no questions to answer yet. Ask your teacher.")
    return StartedAttempt(attempt_id, len(question_ids), resumed=False,
                          time_limit_minutes=settings.time_limit_minutes, late=late)


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
    set_title: str
    question: AskedQuestion
    number: int  # 1-based among the attempt's questions still asked
    total: int
    choices: tuple[str, ...]
    blank_before: str = ""  # a cloze prompt around its blank
    blank_after: str = ""
    deadline_at: dt.datetime | None = None  # when the time limit ends, if the quiz has one
    feedback_at_end: bool = False

    @property
    def is_choice(self) -> bool:
        return self.question.kind in CHOICE_KINDS


def choices_of(question: Question | AskedQuestion) -> tuple[str, ...]:
    if question.kind is QuestionKind.TRUE_FALSE:
        return tuple(question.choices or ()) or TRUE_FALSE_CHOICES
    if question.kind is QuestionKind.MULTIPLE_CHOICE:
        return tuple(question.choices or ())
    return ()


def split_cloze(prompt: str) -> tuple[str, str]:
    """Return a cloze prompt's text before and after its blank (all of it before, if it has none)."""
    parts = _BLANK.split(prompt, maxsplit=1)
    return (parts[0], parts[1]) if len(parts) == 2 else (prompt, "")


def _asked_questions(connection: Connection, set_id: int, attempt_id: int,
                     question_ids: list[int]) -> list[tuple[int, bool]]:
    """Return the attempt's questions still live, in the attempt's order: each id, and whether it is answered."""
    values = {"set_id": set_id, "attempt_id": attempt_id}
    answered_by_id = dict(_LIVE_QUESTIONS_ANSWERED.execute(connection, values).rows)
    return [(question_id, answered_by_id[question_id]) for question_id in question_ids
            if question_id in answered_by_id]


def next_step(learner_id: int, attempt_id: int, now: dt.datetime | None = None) -> QuizStep | None:
    """Return the first unanswered live question of the learner's attempt, or None when every one is answered.

    An attempt whose time limit has passed is closed and has no next question.

    Anyone else's attempt is as good as absent (404). The page is loaded once per question, so its three
    reads are statements built once, run on the driver's cursor: the attempt with its set's title, the
    set's live questions marked answered or not, and the one question shown.
    """
    with db.engine.connect() as connection:
        attempt = _READ_ATTEMPT.execute(connection, {"attempt_id": attempt_id}).first()
        if attempt is None or attempt.learner_id != learner_id:
            abort(404)
        if attempt.deadline_at is not None and attempt.finished_at is not None:
            return None  # a timed attempt ends when it finishes, whatever was left unanswered
        if attempt.deadline_at is not None and now is not None and now > attempt.deadline_at:
            connection.commit()
            with begin_write_on(connection):
                _CLOSE_AT_DEADLINE.execute(connection, {"attempt": attempt_id})
            return None
        asked = _asked_questions(connection, attempt.set_id, attempt_id, attempt.question_ids)
        for number, (question_id, answered) in enumerate(asked, 1):
            if not answered:
                row = _READ_QUESTION.execute(connection, {"question_id": question_id}).one()
                question = _asked_question(question_id, row)
                before, after = split_cloze(question.prompt) if question.kind is QuestionKind.CLOZE else ("", "")
                choices = quiz_settings.ordered_choices(
                    choices_of(question), kind=question.kind, attempt_id=attempt_id, question_id=question_id,
                    shuffle=attempt.shuffle_choices)
                return QuizStep(attempt_id=attempt_id, set_title=attempt.title, question=question, number=number,
                                total=len(asked), choices=choices, blank_before=before, blank_after=after,
                                deadline_at=attempt.deadline_at, feedback_at_end=attempt.feedback_at_end)
    return None


# --- Answering --------------------------------------------------------------------------------------------

class AnswerStatus(enum.Enum):
    ANSWERED = "answered"
    ALREADY_ANSWERED = "already answered"  # a resubmitted form or a second tab: the first answer stands
    WITHDRAWN = "withdrawn"  # the teacher retired or rejected the question after it was shown
    TIME_UP = "time up"  # the attempt's time limit passed before the answer came: refused, the attempt closed


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
    feedback_at_end: bool = False  # the quiz shows right and wrong only on the score page

    @property
    def hides_verdict(self) -> bool:
        """Whether the page must not say yet if the answer was right (feedback only at the end)."""
        return self.feedback_at_end and self.status in (AnswerStatus.ANSWERED, AnswerStatus.ALREADY_ANSWERED)

    @property
    def heading(self) -> str:
        if self.status is AnswerStatus.TIME_UP:
            return "Time is up"
        if self.hides_verdict:
            return "Answer saved"
        if self.status is AnswerStatus.WITHDRAWN:
            return "Question withdrawn"
        if self.status is AnswerStatus.ALREADY_ANSWERED:
            return "Already answered"
        return "Right!" if self.correct else "Not quite"

    @property
    def message(self) -> str:
        if self.status is AnswerStatus.TIME_UP:
            return ("The time limit of this quiz has passed, so this answer was not saved and the quiz is closed. "
                    "Your answers sent in time count.")
        if self.hides_verdict:
            return "Your answer is saved. You will see what you got right when the quiz is over."
        if self.status is AnswerStatus.WITHDRAWN:
            return "This question was withdrawn by your teacher, so it does not count. Go on to the next one."
        if self.status is AnswerStatus.ALREADY_ANSWERED:
            return "You already answered this question; your first answer counts, once."
        return "Right!" if self.correct else "Not quite."


# Answering runs on every click of "Check answer", so its statements are built once, on the tables, and run
# on the driver's cursor (DriverStatement): each request then only binds values, skipping statement
# construction, the ORM's unit of work and Connection.execute's bookkeeping.
_ATTEMPT = Attempt.__table__
_QUESTION = Question.__table__
_ANSWER = Answer.__table__
_CARD = CardState.__table__
_REVIEW = Review.__table__
_USER = User.__table__
_SET = QuestionSet.__table__

_LIVE = and_(_QUESTION.c.review_status == ReviewStatus.APPROVED, _QUESTION.c.retired_at.is_(None))

# Starting a quiz and showing its next question are the other requests of a class taking a quiz: their
# statements are built once too.
_UNFINISHED_ATTEMPT = DriverStatement(
    select(_ATTEMPT.c.id, _ATTEMPT.c.question_ids, _ATTEMPT.c.deadline_at)
    .where(_ATTEMPT.c.learner_id == bindparam("learner_id"), _ATTEMPT.c.set_id == bindparam("set_id"),
           _ATTEMPT.c.finished_at.is_(None))
    .order_by(_ATTEMPT.c.started_at.desc(), _ATTEMPT.c.id.desc()).limit(1))
_INSERT_ATTEMPT = DriverStatement(insert(_ATTEMPT).returning(_ATTEMPT.c.id))
# The set's live questions, each marked answered or not by the attempt: a fixed statement, where an IN list
# of the attempt's ids would be rendered again for every page.
_LIVE_QUESTIONS_ANSWERED = DriverStatement(
    select(_QUESTION.c.id, _ANSWER.c.id.is_not(None).label("answered"))
    .select_from(_QUESTION.outerjoin(_ANSWER, and_(_ANSWER.c.attempt_id == bindparam("attempt_id"),
                                                   _ANSWER.c.question_id == _QUESTION.c.id)))
    .where(_QUESTION.c.set_id == bindparam("set_id"), _LIVE))

_READ_ATTEMPT = DriverStatement(
    select(_ATTEMPT.c.learner_id, _ATTEMPT.c.set_id, _ATTEMPT.c.question_ids, _SET.c.title, _ATTEMPT.c.finished_at,
           _ATTEMPT.c.deadline_at, _ATTEMPT.c.shuffle_choices, _ATTEMPT.c.feedback_at_end)
    .join(_SET, _SET.c.id == _ATTEMPT.c.set_id).where(_ATTEMPT.c.id == bindparam("attempt_id")))
# The columns of an AskedQuestion besides its id and set: the page and the answer's context read them alike.
_ASKED_COLUMNS = (_QUESTION.c.kind, _QUESTION.c.prompt, _QUESTION.c.answer, _QUESTION.c.choices,
                  _QUESTION.c.explanation, _QUESTION.c.fact_kind, _QUESTION.c.fact_text, _QUESTION.c.fact_value,
                  _QUESTION.c.review_status, _QUESTION.c.retired_at)
_READ_QUESTION = DriverStatement(
    select(_QUESTION.c.set_id, *_ASKED_COLUMNS).where(_QUESTION.c.id == bindparam("question_id")))

_READ_ANSWER_CONTEXT = DriverStatement(
    select(_ATTEMPT.c.learner_id, _ATTEMPT.c.set_id, _ATTEMPT.c.question_ids, _ATTEMPT.c.total,
           _ATTEMPT.c.finished_at, _ATTEMPT.c.deadline_at, _ATTEMPT.c.feedback_at_end, *_ASKED_COLUMNS,
           _ANSWER.c.response.label("stored_response"), _ANSWER.c.correct.label("stored_correct"),
           _CARD.c.id.label("card_id"), _CARD.c.fsrs_card, _CARD.c.last_review_at)
    .select_from(
        _ATTEMPT
        # Only a learner has attempts; the join says so, since the caller may know the learner by id alone.
        .join(_USER, and_(_USER.c.id == _ATTEMPT.c.learner_id, _USER.c.role == Role.LEARNER))
        .join(_QUESTION, and_(_QUESTION.c.id == bindparam("question_id"), _QUESTION.c.set_id == _ATTEMPT.c.set_id))
        .outerjoin(_ANSWER, and_(_ANSWER.c.attempt_id == _ATTEMPT.c.id, _ANSWER.c.question_id == _QUESTION.c.id))
        .outerjoin(_CARD, and_(_CARD.c.learner_id == _ATTEMPT.c.learner_id, _CARD.c.question_id == _QUESTION.c.id)))
    .where(_ATTEMPT.c.id == bindparam("attempt_id")))

_SET_NAME_FIELDS = select(_QUESTION.c.answer, _QUESTION.c.choices, _QUESTION.c.fact_text,
                          _QUESTION.c.fact_value).where(_QUESTION.c.set_id == bindparam("set_id"))

_INSERT_ANSWER = DriverStatement(insert(_ANSWER))
_INSERT_REVIEW = DriverStatement(insert(_REVIEW))
# A new card, unless a flashcard grade (another tab) created it since it was read: both dialects say it
# alike. Its id comes back only if it was inserted (PostgreSQL gives no rowcount for an INSERT here).
_INSERT_NEW_CARD = {
    "sqlite": DriverStatement(sqlite.insert(_CARD).on_conflict_do_nothing().returning(_CARD.c.id)),
    "postgresql": DriverStatement(postgresql.insert(_CARD).on_conflict_do_nothing().returning(_CARD.c.id))}


def _open_question(dialect: str):
    """Whether a live question of the attempt in the statement is still without an answer.

    The attempt's questions are read from its own JSON list inside the statement (SQLite's json_each,
    PostgreSQL's json_array_elements_text), not sent as a list of parameters: an expanding IN list is
    rendered again on every execution, which made this the costliest statement of an answer.
    """
    if dialect == "postgresql":
        asked = func.json_array_elements_text(_ATTEMPT.c.question_ids).table_valued("value").alias("asked")
        asked_id = cast(asked.c.value, Integer)
    else:
        asked = func.json_each(_ATTEMPT.c.question_ids).table_valued("value").alias("asked")
        asked_id = asked.c.value
    answered = (exists().where(_ANSWER.c.attempt_id == _ATTEMPT.c.id, _ANSWER.c.question_id == _QUESTION.c.id)
                .correlate(_ATTEMPT, _QUESTION))
    return exists().where(_QUESTION.c.id == asked_id, _LIVE, ~answered).correlate(_ATTEMPT)


_FINISHED_NOW = func.coalesce(_ATTEMPT.c.finished_at, bindparam("finished", type_=_ATTEMPT.c.finished_at.type))
_DIALECTS = ("sqlite", "postgresql")
# Counts the answer in SQL (never read, added to and written back) and finishes the attempt when no question
# is left open (this one's answer is inserted before it counts); the total returned tells whether another
# answer came in since the attempt was read.
_COUNT_ANSWER = {dialect: DriverStatement(
    update(_ATTEMPT).where(_ATTEMPT.c.id == bindparam("attempt"))
    .values(correct=_ATTEMPT.c.correct + bindparam("right", type_=Integer), total=_ATTEMPT.c.total + 1,
            finished_at=case((~_open_question(dialect), _FINISHED_NOW), else_=_ATTEMPT.c.finished_at))
    .returning(_ATTEMPT.c.total, _ATTEMPT.c.finished_at)) for dialect in _DIALECTS}
_IS_OPEN = {dialect: DriverStatement(select(_open_question(dialect).label("open")).select_from(_ATTEMPT)
                                      .where(_ATTEMPT.c.id == bindparam("attempt")))
            for dialect in _DIALECTS}
_FINISH_ATTEMPT = DriverStatement(
    update(_ATTEMPT).where(_ATTEMPT.c.id == bindparam("attempt")).values(finished_at=_FINISHED_NOW))
# An attempt whose time is up ends at its deadline, not when someone next looks at it, and its score counts
# every question it asked: one right answer before the time ran out is not 100 %.
_CLOSE_AT_DEADLINE = DriverStatement(
    update(_ATTEMPT).where(_ATTEMPT.c.id == bindparam("attempt"), _ATTEMPT.c.finished_at.is_(None),
                           _ATTEMPT.c.deadline_at.is_not(None))
    .values(finished_at=_ATTEMPT.c.deadline_at, total=func.json_array_length(_ATTEMPT.c.question_ids)))

_CARD_KEY = and_(_CARD.c.learner_id == bindparam("learner"), _CARD.c.question_id == bindparam("question"))
_CARD_NEW_VALUES = {"fsrs_card": bindparam("new_card", type_=_CARD.c.fsrs_card.type),
                    "due": bindparam("new_due", type_=_CARD.c.due.type),
                    "last_review_at": bindparam("reviewed", type_=_CARD.c.last_review_at.type)}
# The card as it was read, or nothing: a flashcard graded in another tab since then moved it on.
_UPDATE_CARD_AS_READ = DriverStatement(update(_CARD).where(
    _CARD_KEY, _CARD.c.last_review_at.is_not_distinct_from(bindparam("last_review_read"))).values(_CARD_NEW_VALUES))
_UPDATE_CARD = DriverStatement(update(_CARD).where(_CARD_KEY).values(_CARD_NEW_VALUES))
_READ_CARD_FOR_UPDATE = DriverStatement(select(_CARD.c.fsrs_card).where(_CARD_KEY).with_for_update())


@dataclass(frozen=True)
class AskedQuestion:
    """The columns of a question that the page, grading and feedback read, as one statement returns them.

    A plain value rather than a transient ``Question``: building a mapped object costs more than the rest
    of reading the answer's context, and nothing here needs the session.
    """

    id: int
    set_id: int
    kind: QuestionKind
    prompt: str
    answer: str
    choices: list[str] | None
    explanation: str
    fact_kind: str | None
    fact_text: str | None
    fact_value: str | None
    review_status: ReviewStatus
    retired_at: dt.datetime | None

    @property
    def is_live(self) -> bool:
        return self.review_status is ReviewStatus.APPROVED and self.retired_at is None


@dataclass(frozen=True)
class AnswerContext:
    """What answering one question of an attempt reads, all in one statement, before taking the write lock."""

    learner_id: int
    set_id: int
    question_ids: list[int]
    total: int
    finished: bool
    deadline_at: dt.datetime | None
    feedback_at_end: bool
    question: AskedQuestion
    stored_response: str | None  # the answer already stored for this question of the attempt, if any
    stored_correct: bool | None
    card_id: int | None  # the learner's card for the question, if it was ever reviewed
    fsrs_card: dict | None
    last_review_at: dt.datetime | None


def _asked_question(question_id: int, row) -> AskedQuestion:
    """Return the question from a row that holds its set_id and the ``_ASKED_COLUMNS``."""
    return AskedQuestion(id=question_id, set_id=row.set_id,
                         **{column.key: getattr(row, column.key) for column in _ASKED_COLUMNS})


def _read_answer_context(connection: Connection, attempt_id: int, question_id: int) -> AnswerContext | None:
    """Return the attempt, the question (of the attempt's set), a stored answer and the card; None if no such pair."""
    row = _READ_ANSWER_CONTEXT.execute(connection, {"attempt_id": attempt_id, "question_id": question_id}).first()
    if row is None:
        return None
    return AnswerContext(learner_id=row.learner_id, set_id=row.set_id, question_ids=row.question_ids,
                         total=row.total, finished=row.finished_at is not None, deadline_at=row.deadline_at,
                         feedback_at_end=row.feedback_at_end, question=_asked_question(question_id, row),
                         stored_response=row.stored_response, stored_correct=row.stored_correct,
                         card_id=row.card_id, fsrs_card=row.fsrs_card, last_review_at=row.last_review_at)


def set_names(set_id: int, connection: Connection | None = None) -> list[str]:
    """Return the names of people in the set's questions: a surname shared by two of them is ambiguous."""
    names: set[str] = set()
    rows = (connection or db.session.connection()).execute(_SET_NAME_FIELDS, {"set_id": set_id})
    for answer, choices, fact_text, fact_value in rows:
        names.update(text for text in (answer, fact_text, fact_value, *(choices or ()))
                     if text and looks_like_name(text))
    return sorted(names)


def grade(question: Question | AskedQuestion, response: str, connection: Connection | None = None) -> bool:
    """Return whether the response answers the question, surnames judged against the other people of its set."""
    key = AnswerKey.of(question)
    names_matter = key.kind not in CHOICE_KINDS and any(map(looks_like_name, (key.answer, *key.alternatives)))
    return is_correct(key, response, other_names=set_names(question.set_id, connection) if names_matter else ())


def _feedback_of(question: Question | AskedQuestion, attempt_id: int, status: AnswerStatus, *, response: str,
                 correct: bool, finished: bool, feedback_at_end: bool = False) -> Feedback:
    return Feedback(status=status, attempt_id=attempt_id, prompt=question.prompt, kind=question.kind,
                    response=response, correct=correct, right_answer=question.answer,
                    source=source_with_answer(question), finished=finished, feedback_at_end=feedback_at_end)


def _stored_answer(attempt_id: int, question_id: int) -> Answer | None:
    return db.session.execute(
        db.select(Answer).filter_by(attempt_id=attempt_id, question_id=question_id)).scalar_one_or_none()


def submit_answer(learner_id: int, attempt_id: int, question_id: int, response: str, *, submission_id: str,
                  duration_ms: int | None, now: dt.datetime) -> Feedback:
    """Store the learner's answer to one question of their attempt exactly once, score it and schedule the card.

    Everything is read and worked out first, without the write lock (on SQLite, BEGIN IMMEDIATE lets one
    writer in at a time across all workers); the lock then covers only the writes, each of which either
    holds by a constraint or checks that what was read still stands:

    - the answer's insert: the unique submission id and the unique (attempt, question) pair turn a
      resubmitted form, a double click or a second tab into "already answered", never a second answer;
    - the attempt's counts move in SQL, never read, added to and written back, and the same statement
      finishes the attempt when no live question of it is left without an answer;
    - the card is updated only if its last review is still the one read, and a new card is inserted
      only if there is still none (else it is scheduled again from the card as it is under the lock).

    Raises NotInYourQuiz when the attempt is not this learner's or the question not one of it.

    Nothing is read back after the commit: the feedback is built from the values in hand. This runs on
    every click of "Check answer", so it works on a connection of its own with Core statements built
    once and run on the driver's cursor: the bookkeeping of the ORM session, or even of
    ``Connection.execute``, around each statement would cost more than the statement.
    """
    with db.engine.connect() as connection:
        context = _read_answer_context(connection, attempt_id, question_id)
        if context is None or context.learner_id != learner_id or question_id not in context.question_ids:
            raise NotInYourQuiz(attempt_id, question_id)
        question = context.question
        if context.stored_response is not None:
            return _feedback_of(question, attempt_id, AnswerStatus.ALREADY_ANSWERED,
                                response=context.stored_response, correct=bool(context.stored_correct),
                                finished=context.finished, feedback_at_end=context.feedback_at_end)
        if context.deadline_at is not None and (context.finished or now > context.deadline_at):
            # The server's clock decides, whatever the page's countdown said: the attempt ends at its deadline.
            connection.commit()
            with begin_write_on(connection):
                _CLOSE_AT_DEADLINE.execute(connection, {"attempt": attempt_id})
            return Feedback(status=AnswerStatus.TIME_UP, attempt_id=attempt_id, prompt=question.prompt, finished=True)
        if not question.is_live:
            return Feedback(status=AnswerStatus.WITHDRAWN, attempt_id=attempt_id, prompt=question.prompt)

        response = response.strip()[:MAX_RESPONSE]
        correct = grade(question, response, connection)
        rating = Rating.Good if correct else Rating.Again
        card = reviewed_card(context.fsrs_card, rating, now, question_id=question_id)
        # The read was one statement, needing no transaction of its own; grading may have begun one to read the
        # set's names. It ends here, since a transaction becomes a writer only at its start.
        connection.commit()

        transaction = begin_write_on(connection)
        try:
            _INSERT_ANSWER.execute(connection, {
                "attempt_id": attempt_id, "question_id": question_id, "learner_id": learner_id, "response": response,
                "correct": correct, "answered_at": now, "duration_ms": duration_ms, "submission_id": submission_id})
        except IntegrityError:
            transaction.rollback()
            return _already_answered(attempt_id, question_id)
        try:
            finished = _count_answer(connection, attempt_id, context, correct=correct, now=now)
            _store_card(connection, learner_id, question_id, context, card, rating=rating, now=now)
            _INSERT_REVIEW.execute(connection, {
                "learner_id": learner_id, "question_id": question_id, "rating": int(rating), "reviewed_at": now,
                "duration_ms": duration_ms, "source": ReviewSource.QUIZ, "submission_id": f"quiz:{submission_id}"})
            transaction.commit()
        except BaseException:
            transaction.rollback()
            raise
    return _feedback_of(question, attempt_id, AnswerStatus.ANSWERED, response=response, correct=correct,
                        finished=finished, feedback_at_end=context.feedback_at_end)


def _count_answer(connection: Connection, attempt_id: int, context: AnswerContext, *, correct: bool,
                  now: dt.datetime) -> bool:
    """Count the answer in the attempt's score and finish the attempt if it answers the last open question.

    Returns whether the attempt is finished.
    """
    values = {"attempt": attempt_id, "right": int(correct), "finished": now}
    total, finished_at = _COUNT_ANSWER[connection.dialect.name].execute(connection, values).one()
    if finished_at is not None or total == context.total + 1:
        return finished_at is not None
    # Another answer to the attempt came in since it was read (a second tab). Under SQLite's write lock the
    # statement saw it; a server with row locks waited for it but may have looked with an older snapshot.
    if _IS_OPEN[connection.dialect.name].execute(connection, {"attempt": attempt_id}).scalar():
        return False
    _FINISH_ATTEMPT.execute(connection, {"attempt": attempt_id, "finished": now})
    return True


def _store_card(connection: Connection, learner_id: int, question_id: int, context: AnswerContext,
                card: ReviewedCard, *, rating: Rating, now: dt.datetime) -> None:
    """Write the learner's card as reviewed now, unless it changed since it was read: then review it again."""
    key = {"learner": learner_id, "question": question_id}
    new_values = {"new_card": card.fsrs_card, "new_due": card.due, "reviewed": now}
    if context.card_id is None:
        insert_new_card = _INSERT_NEW_CARD[connection.dialect.name]
        if insert_new_card.execute(connection, {
                "learner_id": learner_id, "question_id": question_id, "due": card.due, "fsrs_card": card.fsrs_card,
                "introduced_at": now, "last_review_at": now}).first() is not None:
            return
    elif _UPDATE_CARD_AS_READ.execute(connection,
                                      {**key, **new_values, "last_review_read": context.last_review_at}).rowcount:
        return
    stored = _READ_CARD_FOR_UPDATE.execute(connection, key).one().fsrs_card
    card = reviewed_card(stored, rating, now, question_id=question_id)
    _UPDATE_CARD.execute(connection, {**key, "new_card": card.fsrs_card, "new_due": card.due, "reviewed": now})


def _already_answered(attempt_id: int, question_id: int) -> Feedback:
    """Return the feedback of the answer that won a race to the unique constraints."""
    stored = _stored_answer(attempt_id, question_id)
    if stored is None:
        # The submission id was used for another question: a replayed or forged form, not a retry.
        abort(400)
    attempt = db.session.get(Attempt, attempt_id)
    return _feedback_of(stored.question, attempt_id, AnswerStatus.ALREADY_ANSWERED, response=stored.response,
                        correct=stored.correct, finished=attempt.finished_at is not None,
                        feedback_at_end=attempt.feedback_at_end)


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
    order = {question_id: index for index, question_id in enumerate(attempt.question_ids)}
    missed = tuple(
        MissedQuestion(prompt=answer.question.prompt, response=answer.response, right_answer=answer.question.answer,
                       source=source_with_answer(answer.question))
        for answer in sorted(answers, key=lambda answer: order.get(answer.question_id, len(order)))
        if not answer.correct)
    asked = _asked_questions(db.session.connection(), attempt.set_id, attempt.id, attempt.question_ids)
    unanswered = sum(not answered for _question_id, answered in asked)
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
