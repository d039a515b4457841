"""What a learner studies: the sets assigned to their classes, the flashcard queue over them, grading a card."""
from __future__ import annotations

import datetime as dt
import enum
import re
import secrets
from dataclasses import dataclass
from typing import Sequence

from flask import current_app
from fsrs import Rating
from markupsafe import Markup
from sqlalchemy import Connection, and_, bindparam, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import defer

from app.database import begin_write
from app.errors import NotFound
from app.extensions import db
from app.models import (LIVE_QUESTION, Assignment, CardState, Classroom, Enrollment, Question, QuestionKind,
                        QuestionSet, ReviewSource, Role, SetStatus, User)
from app.reviewing import StoredCard, read_card, record_review
from app.scheduling import (RATING_LABELS, CardRow, StudyQueue, build_queue, format_interval, live_card_states,
                            next_due_times)
from app.sets.highlighting import source_with_answer

SUBMISSION_ID = re.compile(r"[A-Za-z0-9_-]{16,48}")
MAX_DURATION_MS = 24 * 60 * 60 * 1000


def new_submission_id() -> str:
    """Return a fresh token for one rendered answer form; the database keeps each token's answer once."""
    return secrets.token_urlsafe(18)


def valid_submission_id(value: str | None) -> str | None:
    return value if value and SUBMISSION_ID.fullmatch(value) else None


def parse_duration_ms(value: str | None) -> int | None:
    """Return the milliseconds the page measured from showing a card or question to its answer, if sane."""
    try:
        duration = int(value or "")
    except ValueError:
        return None
    return duration if 0 <= duration <= MAX_DURATION_MS else None


# --- Assigned sets ------------------------------------------------------------------------------------

# Built once, as the statements below: every learner's home, study and progress page asks it, and building and
# keying a statement costs more than its rows. A set's article, up to a megabyte, is no page's business here.
_ASSIGNED_SETS = (
    select(QuestionSet, Assignment)
    .join(Assignment, Assignment.set_id == QuestionSet.id)
    .join(Classroom, Classroom.id == Assignment.classroom_id)
    .join(Enrollment, Enrollment.classroom_id == Classroom.id)
    .where(Enrollment.learner_id == bindparam("learner_id"), Classroom.archived_at.is_(None),
           QuestionSet.status == SetStatus.PUBLISHED)
    .options(defer(QuestionSet.source_text))
    .order_by(Assignment.due_at.is_(None), Assignment.due_at, Assignment.assigned_at, Assignment.id))


def assigned_sets(learner: User) -> list[tuple[QuestionSet, Assignment]]:
    """Return the published sets assigned to the learner's active classes, each once, soonest due first.

    A set assigned to two of the learner's classes comes with the assignment due first.
    """
    rows = db.session.execute(_ASSIGNED_SETS, {"learner_id": learner.id}).all()
    seen: set[int] = set()
    result = []
    for question_set, assignment in rows:
        if question_set.id not in seen:
            seen.add(question_set.id)
            result.append((question_set, assignment))
    return result


_ASSIGNMENT, _SET, _CLASSROOM, _ENROLLMENT, _USER = (
    model.__table__ for model in (Assignment, QuestionSet, Classroom, Enrollment, User))
# Built once: every quiz start and assigned-set page asks it. A quiz start asks it with the learner known by
# the session's id alone, so the enrolled account must also be a learner's, as the role guard would have it.
_ASSIGNED = (
    select(_ASSIGNMENT.c.id)
    .join(_SET, _SET.c.id == _ASSIGNMENT.c.set_id)
    .join(_CLASSROOM, _CLASSROOM.c.id == _ASSIGNMENT.c.classroom_id)
    .join(_ENROLLMENT, _ENROLLMENT.c.classroom_id == _CLASSROOM.c.id)
    .join(_USER, and_(_USER.c.id == _ENROLLMENT.c.learner_id, _USER.c.role == Role.LEARNER))
    .where(_ASSIGNMENT.c.set_id == bindparam("set_id"), _ENROLLMENT.c.learner_id == bindparam("learner_id"),
           _CLASSROOM.c.archived_at.is_(None), _SET.c.status == SetStatus.PUBLISHED).limit(1))


def is_assigned(learner_id: int, set_id: int, connection: Connection | None = None) -> bool:
    """Whether the published set is assigned to one of the learner's active classes."""
    values = {"set_id": set_id, "learner_id": learner_id}
    return (connection or db.session.connection()).execute(_ASSIGNED, values).first() is not None


def assigned_set_or_404(learner: User, set_id: int) -> QuestionSet:
    """Return the set if it is assigned to the learner; raise NotFound else: other sets are as good as absent."""
    if not is_assigned(learner.id, set_id):
        raise NotFound("QuestionSet", set_id)
    return db.session.get(QuestionSet, set_id)


_QUESTION = Question.__table__.c
_LIVE_QUESTIONS = (
    select(_QUESTION.set_id, _QUESTION.id)
    .where(_QUESTION.set_id.in_(bindparam("set_ids", expanding=True)), LIVE_QUESTION)
    .order_by(_QUESTION.position, _QUESTION.id))


def live_questions_by_set(set_ids: Sequence[int]) -> dict[int, list[int]]:
    """Return the live question ids of each set, in position order, in one statement."""
    live: dict[int, list[int]] = {set_id: [] for set_id in set_ids}
    if set_ids:
        for set_id, question_id in db.session.execute(_LIVE_QUESTIONS, {"set_ids": list(set_ids)}):
            live[set_id].append(question_id)
    return live


def live_question_ids(set_ids: Sequence[int]) -> list[int]:
    """Return the ids of the live questions of the sets, set by set in the given order, then by position."""
    live = live_questions_by_set(set_ids)
    return [question_id for set_id in set_ids for question_id in live[set_id]]


# --- The flashcard session ----------------------------------------------------------------------------

def study_queue(learner: User, now: dt.datetime, *, set_id: int | None = None) -> StudyQueue:
    """Return the learner's queue over all assigned sets, or over one of them."""
    set_ids = [question_set.id for question_set, _ in assigned_sets(learner)]
    if set_id is not None:
        set_ids = [one for one in set_ids if one == set_id]
    return queue_over(learner, live_question_ids(set_ids), now, states=live_card_states(learner.id, set_ids))


def queue_over(learner: User, question_ids: Sequence[int], now: dt.datetime, *,
               states: dict[int, CardRow] | None = None) -> StudyQueue:
    """Return the learner's queue over these live questions (of their sets, in set order); ``states`` as
    ``build_queue`` takes them."""
    return build_queue(learner.id, question_ids, now, new_cards_per_day=current_app.config.get("NEW_CARDS_PER_DAY", 20),
                       zone_name=learner.time_zone, states=states)


@dataclass(frozen=True)
class GradeChoice:
    rating: int
    label: str
    interval: str  # when the card comes back after this grade, "10 min", "3 days"
    key: str  # the keyboard shortcut


@dataclass(frozen=True)
class Flashcard:
    """One card as the study page shows it: its front, its back and the four grades with their intervals."""

    question: Question
    set_title: str
    is_new: bool
    seen_version: str  # the card's last review when shown; a grade from an older page is recognised
    source: Markup
    grades: tuple[GradeChoice, ...]

    @property
    def choices(self) -> tuple[str, ...]:
        if self.question.kind is QuestionKind.MULTIPLE_CHOICE:
            return tuple(self.question.choices or ())
        return ()


def card_version(state: CardState | StoredCard | None) -> str:
    return state.last_review_at.isoformat() if state is not None and state.last_review_at else "new"


def flashcard(learner: User, question_id: int, now: dt.datetime) -> Flashcard:
    """Return the card for one question of the learner's queue."""
    question = db.session.get(Question, question_id)
    state = db.session.execute(
        db.select(CardState).filter_by(learner_id=learner.id, question_id=question_id)).scalar_one_or_none()
    due_times = next_due_times(state, now, question_id=question_id)
    grades = tuple(GradeChoice(rating=int(rating), label=RATING_LABELS[rating],
                               interval=format_interval(due_times[rating] - now), key=str(int(rating)))
                   for rating in Rating)
    return Flashcard(question=question, set_title=question.question_set.title, is_new=state is None,
                     seen_version=card_version(state), source=source_with_answer(question), grades=grades)


class GradeOutcome(enum.Enum):
    GRADED = "graded"
    ALREADY_GRADED = "already graded"  # the same form sent twice, or the card graded in another tab
    WITHDRAWN = "withdrawn"  # the teacher retired or rejected the question since the card was shown


@dataclass(frozen=True)
class GradeResult:
    outcome: GradeOutcome
    rating: int | None = None
    next_due: dt.datetime | None = None

    def message(self, now: dt.datetime) -> str:
        if self.outcome is GradeOutcome.WITHDRAWN:
            return "This question was withdrawn by your teacher, so it was not graded."
        if self.outcome is GradeOutcome.ALREADY_GRADED:
            return "That card was already graded, so it counted once. Here is the next one."
        interval = format_interval(self.next_due - now)
        return f"{RATING_LABELS[Rating(self.rating)]}: you will see that card again in {interval}."


def grade_card(learner: User, question_id: int, rating: Rating, *, submission_id: str, duration_ms: int | None,
               seen_version: str, now: dt.datetime) -> GradeResult:
    """Log the learner's grade of one card and schedule it, exactly once per shown card.

    The write lock comes first, so two tabs grading the same card queue up; the second finds the
    card moved on since it was shown (``seen_version``) and changes nothing. The unique submission id
    is the last guard: a repeated form fails at commit and is reported as already graded.
    """
    connection = begin_write()
    question = db.session.get(Question, question_id)
    if question is None or not is_assigned(learner.id, question.set_id):
        db.session.rollback()
        raise NotFound("Question", question_id)
    if not question.is_live:
        db.session.rollback()
        return GradeResult(GradeOutcome.WITHDRAWN)
    stored = read_card(learner.id, question_id, connection)
    if card_version(stored) != seen_version:
        db.session.rollback()
        return GradeResult(GradeOutcome.ALREADY_GRADED)
    try:
        card = record_review(learner_id=learner.id, question_id=question_id, rating=rating, now=now,
                             source=ReviewSource.FLASHCARD, submission_id=submission_id, duration_ms=duration_ms,
                             stored=stored, connection=connection)
        next_due = card.due
        db.session.commit()
    except IntegrityError:
        db.session.rollback()
        return GradeResult(GradeOutcome.ALREADY_GRADED)
    except Exception:
        db.session.rollback()
        raise
    return GradeResult(GradeOutcome.GRADED, rating=int(rating), next_due=next_due)
