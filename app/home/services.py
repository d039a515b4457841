"""What each role's dashboard shows."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sqlalchemy import func
from sqlalchemy.orm import selectinload

from app.classes.services import ClassroomSummary, LearnerClassroom, classroom_summaries, learner_classrooms
from app.extensions import db
from app.models import Assignment, Classroom, Question, QuestionSet, ReviewStatus, User, utcnow
from app.progress.services import SetProgress, progress_and_queue
from app.scheduling import StudyQueue


@dataclass(frozen=True)
class SetSummary:
    """A teacher's set with how many of its questions await review, are approved or rejected."""

    question_set: QuestionSet
    pending: int = 0
    approved: int = 0
    rejected: int = 0


@dataclass(frozen=True)
class TeacherOverview:
    classrooms: list[ClassroomSummary] = field(default_factory=list)  # active classes only
    question_sets: list[SetSummary] = field(default_factory=list)
    due_soon: list[Assignment] = field(default_factory=list)
    archived_classroom_count: int = 0
    now: dt.datetime = field(default_factory=utcnow)  # the moment "due soon" and "overdue" are measured from


@dataclass(frozen=True)
class LearnerOverview:
    classrooms: list[LearnerClassroom] = field(default_factory=list)  # the classes the learner is in, archived ones too
    sets: list[SetProgress] = field(default_factory=list)  # assigned sets, soonest due first
    queue: StudyQueue | None = None  # today's flashcards over every assigned set
    now: dt.datetime = field(default_factory=utcnow)


TEACHER_DUE_SOON_WINDOW = dt.timedelta(days=14)
TEACHER_OVERDUE_WINDOW = dt.timedelta(days=7)


def teacher_overview(teacher: User, *, now: dt.datetime | None = None) -> TeacherOverview:
    """Return the teacher's active classes, their sets with review counts, and assignments due around now.

    "Due soon" runs from a week overdue to two weeks ahead, soonest first, active classes only.
    """
    now = now or utcnow()
    summaries = classroom_summaries(teacher)
    question_sets = db.session.execute(
        db.select(QuestionSet).filter_by(owner_id=teacher.id)
        .order_by(QuestionSet.updated_at.desc(), QuestionSet.id.desc())).scalars().all()
    counts: dict[int, dict[ReviewStatus, int]] = {}
    if question_sets:
        rows = db.session.execute(
            db.select(Question.set_id, Question.review_status, func.count(Question.id))
            .where(Question.set_id.in_([question_set.id for question_set in question_sets]),
                   Question.retired_at.is_(None))
            .group_by(Question.set_id, Question.review_status))
        for set_id, status, count in rows:
            counts.setdefault(set_id, {})[status] = count
    due_soon = db.session.execute(
        db.select(Assignment).join(Assignment.classroom)
        .where(Classroom.teacher_id == teacher.id, Classroom.archived_at.is_(None),
               Assignment.due_at.between(now - TEACHER_OVERDUE_WINDOW, now + TEACHER_DUE_SOON_WINDOW))
        .options(selectinload(Assignment.question_set), selectinload(Assignment.classroom))
        .order_by(Assignment.due_at, Assignment.id)).scalars().all()
    return TeacherOverview(
        classrooms=[summary for summary in summaries if not summary.is_archived],
        question_sets=[SetSummary(question_set=question_set,
                                  pending=counts.get(question_set.id, {}).get(ReviewStatus.PENDING, 0),
                                  approved=counts.get(question_set.id, {}).get(ReviewStatus.APPROVED, 0),
                                  rejected=counts.get(question_set.id, {}).get(ReviewStatus.REJECTED, 0))
                       for question_set in question_sets],
        due_soon=list(due_soon),
        archived_classroom_count=sum(summary.is_archived for summary in summaries),
        now=now,
    )


def learner_overview(learner: User, *, now: dt.datetime | None = None) -> LearnerOverview:
    """Return the learner's classes, assigned sets with due dates, cards to study and scores, and today's queue."""
    now = now or utcnow()
    sets, queue, _cards = progress_and_queue(learner, now)
    return LearnerOverview(classrooms=learner_classrooms(learner), sets=sets, queue=queue, now=now)
