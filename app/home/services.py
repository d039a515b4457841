"""What each role's dashboard shows."""
from __future__ import annotations

from dataclasses import dataclass, field

from app.extensions import db
from app.models import Classroom, QuestionSet, User


@dataclass(frozen=True)
class TeacherOverview:
    classrooms: list[Classroom] = field(default_factory=list)
    question_sets: list[QuestionSet] = field(default_factory=list)


@dataclass(frozen=True)
class LearnerOverview:
    classrooms: list[Classroom] = field(default_factory=list)


def teacher_overview(teacher: User) -> TeacherOverview:
    classrooms = db.session.execute(
        db.select(Classroom).filter_by(teacher_id=teacher.id, archived_at=None).order_by(Classroom.name)).scalars().all()
    question_sets = db.session.execute(
        db.select(QuestionSet).filter_by(owner_id=teacher.id).order_by(QuestionSet.updated_at.desc())).scalars().all()
    return TeacherOverview(classrooms=list(classrooms), question_sets=list(question_sets))


def learner_overview(learner: User) -> LearnerOverview:
    return LearnerOverview()
