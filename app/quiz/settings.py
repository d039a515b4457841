"""Quiz settings of an assignment: which questions an attempt asks, in what order, for how long, and who may start one."""
from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass
from typing import Sequence

from sqlalchemy import Connection, and_, bindparam, func, select

from app.models import (LIVE_QUESTION, Assignment, Attempt, Classroom, Enrollment, Question, QuestionKind, QuestionSet,
                        Role, SetStatus, User)

MAX_TIME_LIMIT_MINUTES = 24 * 60
MAX_QUESTION_COUNT = 500
MAX_ATTEMPTS = 100
# True and False keep their places: a shuffled "False, True" only trips a learner up.
_FIXED_CHOICE_KINDS = frozenset({QuestionKind.TRUE_FALSE})


class QuizClosed(Exception):
    """The learner may not start another attempt: every attempt is used, or the due date has passed."""


@dataclass(frozen=True)
class QuizSettings:
    """How an assignment's quiz is shaped; the defaults are the quiz a teacher gets by changing nothing."""

    question_count: int | None = None  # None: the recommended set (every approved question when none is)
    question_kinds: tuple[QuestionKind, ...] = ()  # empty: every kind
    shuffle_questions: bool = True
    shuffle_choices: bool = True
    max_attempts: int | None = None
    time_limit_minutes: int | None = None
    feedback_at_end: bool = False
    allow_late: bool = True
    due_at: dt.datetime | None = None

    @classmethod
    def of(cls, assignment) -> QuizSettings:
        """Return the settings an Assignment (or a row with its columns) holds."""
        return cls(question_count=assignment.question_count,
                   question_kinds=tuple(QuestionKind(kind) for kind in assignment.question_kinds or ()),
                   shuffle_questions=bool(assignment.shuffle_questions), shuffle_choices=bool(assignment.shuffle_choices),
                   max_attempts=assignment.max_attempts, time_limit_minutes=assignment.time_limit_minutes,
                   feedback_at_end=bool(assignment.feedback_at_end), allow_late=bool(assignment.allow_late),
                   due_at=assignment.due_at)

    def describe(self) -> list[str]:
        """Return the settings as short phrases a teacher or learner reads ("10 questions", "30 minutes")."""
        kinds = ", ".join(KIND_LABELS[kind] for kind in self.question_kinds) or "all types"
        return [
            f"{self.question_count} questions" if self.question_count else "the recommended questions",
            kinds,
            "questions shuffled" if self.shuffle_questions else "questions in set order",
            "choices shuffled" if self.shuffle_choices else "choices in place",
            f"{self.max_attempts} attempt{'s' if self.max_attempts != 1 else ''}" if self.max_attempts
            else "unlimited attempts",
            f"{self.time_limit_minutes} min limit" if self.time_limit_minutes else "no time limit",
            "feedback at the end" if self.feedback_at_end else "feedback after each answer",
            "late attempts allowed" if self.allow_late else "no late attempts",
        ]


KIND_LABELS = {QuestionKind.MULTIPLE_CHOICE: "multiple choice", QuestionKind.TRUE_FALSE: "true/false",
               QuestionKind.CLOZE: "fill in the blank", QuestionKind.SHORT_ANSWER: "short answer",
               QuestionKind.FLASHCARD: "flashcard"}


@dataclass(frozen=True)
class PoolQuestion:
    """An approved, live question a quiz may ask, in set order."""

    id: int
    kind: QuestionKind
    recommended: bool


def choose_questions(pool: Sequence[PoolQuestion], settings: QuizSettings, rng: random.Random,
                     previous: Sequence[int] = ()) -> list[int]:
    """Return the ids an attempt asks, in the order it asks them.

    Questions of other kinds are left out; without a count the recommended ones are asked (all of them
    when none is recommended); with a count, that many are drawn at random from the approved ones. Set
    order is kept unless questions are shuffled; a shuffled retake never repeats the ``previous`` attempt's
    order (five questions shuffle back into the same order one time in 120).
    """
    eligible = [question for question in pool
                if not settings.question_kinds or question.kind in settings.question_kinds]
    if settings.question_count is None:
        recommended = [question for question in eligible if question.recommended]
        chosen = recommended or eligible
    elif settings.question_count < len(eligible):
        drawn = set(rng.sample(range(len(eligible)), settings.question_count))
        chosen = [question for index, question in enumerate(eligible) if index in drawn]
    else:
        chosen = eligible
    ids = [question.id for question in chosen]
    if settings.shuffle_questions:
        rng.shuffle(ids)
        if len(ids) > 1 and ids == list(previous):
            ids = ids[1:] + ids[:1]  # a rotation of distinct ids is another order
    return ids


def ordered_choices(choices: Sequence[str], *, kind: QuestionKind, attempt_id: int, question_id: int,
                    shuffle: bool) -> tuple[str, ...]:
    """Return a question's choices as an attempt shows them: shuffled the same way on every reload of the attempt.

    The order depends only on the attempt and the question, so it needs no storage, stays put within an
    attempt and differs between attempts (and so between learners).
    """
    if not shuffle or kind in _FIXED_CHOICE_KINDS or len(choices) < 2:
        return tuple(choices)
    shuffled = list(choices)
    random.Random(f"choices:{attempt_id}:{question_id}").shuffle(shuffled)
    return tuple(shuffled)


# --- Reading an assignment's settings for a learner -------------------------------------------------------

_ASSIGNMENT, _SET, _CLASSROOM, _ENROLLMENT, _USER, _ATTEMPT, _QUESTION = (
    model.__table__ for model in (Assignment, QuestionSet, Classroom, Enrollment, User, Attempt, Question))

# The assignment that gives a learner the set, as the home page lists it (soonest due first) when the set is
# assigned to two of their classes; only a learner's enrolment counts, since the caller may know the learner
# by the session's id alone.
_LEARNER_ASSIGNMENT = (
    select(_ASSIGNMENT.c.question_count, _ASSIGNMENT.c.question_kinds, _ASSIGNMENT.c.shuffle_questions,
           _ASSIGNMENT.c.shuffle_choices, _ASSIGNMENT.c.max_attempts, _ASSIGNMENT.c.time_limit_minutes,
           _ASSIGNMENT.c.feedback_at_end, _ASSIGNMENT.c.allow_late, _ASSIGNMENT.c.due_at)
    .join(_SET, _SET.c.id == _ASSIGNMENT.c.set_id)
    .join(_CLASSROOM, _CLASSROOM.c.id == _ASSIGNMENT.c.classroom_id)
    .join(_ENROLLMENT, _ENROLLMENT.c.classroom_id == _CLASSROOM.c.id)
    .join(_USER, and_(_USER.c.id == _ENROLLMENT.c.learner_id, _USER.c.role == Role.LEARNER))
    .where(_ASSIGNMENT.c.set_id == bindparam("set_id"), _ENROLLMENT.c.learner_id == bindparam("learner_id"),
           _CLASSROOM.c.archived_at.is_(None), _SET.c.status == SetStatus.PUBLISHED)
    .order_by(_ASSIGNMENT.c.due_at.is_(None), _ASSIGNMENT.c.due_at, _ASSIGNMENT.c.assigned_at, _ASSIGNMENT.c.id)
    .limit(1))
_ATTEMPTS_STARTED = (
    select(func.count(_ATTEMPT.c.id).label("started"))
    .where(_ATTEMPT.c.learner_id == bindparam("learner_id"), _ATTEMPT.c.set_id == bindparam("set_id")))
_LAST_ORDER = (
    select(_ATTEMPT.c.question_ids)
    .where(_ATTEMPT.c.learner_id == bindparam("learner_id"), _ATTEMPT.c.set_id == bindparam("set_id"))
    .order_by(_ATTEMPT.c.started_at.desc(), _ATTEMPT.c.id.desc()).limit(1))
_POOL = (
    select(_QUESTION.c.id, _QUESTION.c.kind, _QUESTION.c.recommended)
    .where(_QUESTION.c.set_id == bindparam("set_id"), LIVE_QUESTION)
    .order_by(_QUESTION.c.position, _QUESTION.c.id))


def learner_settings(connection: Connection, learner_id: int, set_id: int) -> QuizSettings | None:
    """Return the quiz settings the set is assigned to the learner with; None when it is not assigned to them."""
    row = connection.execute(_LEARNER_ASSIGNMENT, {"learner_id": learner_id, "set_id": set_id}).first()
    return None if row is None else QuizSettings.of(row)


def check_may_start(connection: Connection, learner_id: int, set_id: int, settings: QuizSettings,
                    now: dt.datetime) -> bool:
    """Return whether an attempt started now is late; raise QuizClosed when the learner may not start one."""
    late = settings.due_at is not None and now > settings.due_at
    if late and not settings.allow_late:
        raise QuizClosed("This quiz was due before now and your teacher does not allow late attempts.")
    if settings.max_attempts is not None:
        started = connection.execute(_ATTEMPTS_STARTED, {"learner_id": learner_id, "set_id": set_id}).scalar()
        if started >= settings.max_attempts:
            allowed = settings.max_attempts
            raise QuizClosed(f"You have used the {allowed} attempt{'s' if allowed != 1 else ''} this quiz allows.")
    return late


def attempt_questions(connection: Connection, learner_id: int, set_id: int, settings: QuizSettings) -> list[int]:
    """Return the question ids of the learner's new attempt at the set, chosen and ordered as the settings say."""
    pool = [PoolQuestion(row.id, QuestionKind(row.kind), bool(row.recommended))
            for row in connection.execute(_POOL, {"set_id": set_id})]
    previous = connection.execute(_LAST_ORDER, {"learner_id": learner_id, "set_id": set_id}).scalar() or ()
    return choose_questions(pool, settings, random.SystemRandom(), previous)


def deadline(settings: QuizSettings, now: dt.datetime) -> dt.datetime | None:
    """Return when an attempt started now must be finished, if the quiz has a time limit."""
    if settings.time_limit_minutes is None:
        return None
    return now + dt.timedelta(minutes=settings.time_limit_minutes)
