"""Teachers' classes: join codes, the roster, archiving, and learners joining with a code."""
from __future__ import annotations

import datetime as dt
import secrets
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import bindparam, func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import selectinload

from app.auth.services import reset_password
from app.extensions import db
from app.models import Assignment, Classroom, Enrollment, User, utcnow

# No 0/O, 1/I/L: a code read off a projector or a whiteboard cannot be mistyped as another letter.
JOIN_CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
JOIN_CODE_LENGTH = 8
_AMBIGUOUS_CHARACTERS = frozenset("0O1IL")
_IGNORED_CHARACTERS = str.maketrans("", "", " -\t\u2010\u2011\u2012\u2013\u2014")
_CODE_ATTEMPTS = 20


class ClassroomError(ValueError):
    """A class cannot be changed or joined; the message is shown to the person."""


class ArchivedClassroomError(ClassroomError):
    """The class is archived, so it is read-only until its teacher restores it."""


@dataclass(frozen=True)
class ClassroomSummary:
    """A class with what its teacher sees at a glance in a list."""

    classroom: Classroom
    learner_count: int
    assignments: tuple[Assignment, ...]

    @property
    def is_archived(self) -> bool:
        return self.classroom.archived_at is not None


@dataclass(frozen=True)
class JoinResult:
    classroom: Classroom
    already_enrolled: bool


def generate_join_code() -> str:
    """Return a fresh random join code of JOIN_CODE_LENGTH unambiguous characters."""
    return "".join(secrets.choice(JOIN_CODE_ALPHABET) for _ in range(JOIN_CODE_LENGTH))


def normalise_join_code(typed: str) -> str:
    """Return a typed code as stored: upper case, without spaces or dashes."""
    return (typed or "").translate(_IGNORED_CHARACTERS).strip().upper()


def format_join_code(code: str) -> str:
    """Return a code split in two halves (``ABCD-EFGH``), easier to read aloud and to copy by eye."""
    half = len(code) // 2
    return f"{code[:half]}-{code[half:]}" if len(code) == JOIN_CODE_LENGTH else code


def classroom_summaries(teacher: User) -> list[ClassroomSummary]:
    """Return all the teacher's classes, active first then archived, each by name."""
    classrooms = db.session.execute(
        db.select(Classroom).filter_by(teacher_id=teacher.id)
        .options(selectinload(Classroom.assignments).selectinload(Assignment.question_set))
        .order_by(Classroom.archived_at.is_not(None), func.lower(Classroom.name), Classroom.id)).scalars().all()
    counts = learner_counts([classroom.id for classroom in classrooms])
    return [ClassroomSummary(classroom=classroom, learner_count=counts.get(classroom.id, 0),
                             assignments=tuple(sorted(classroom.assignments, key=_assignment_order)))
            for classroom in classrooms]


def learner_counts(classroom_ids: list[int]) -> dict[int, int]:
    """Return the number of enrolled learners of each class id."""
    if not classroom_ids:
        return {}
    rows = db.session.execute(
        db.select(Enrollment.classroom_id, func.count(Enrollment.id))
        .where(Enrollment.classroom_id.in_(classroom_ids)).group_by(Enrollment.classroom_id))
    return {classroom_id: count for classroom_id, count in rows}


def roster(classroom: Classroom) -> list[Enrollment]:
    """Return the class's enrollments with their learners, by learner name."""
    return list(db.session.execute(
        db.select(Enrollment).join(Enrollment.learner).filter(Enrollment.classroom_id == classroom.id)
        .options(selectinload(Enrollment.learner))
        .order_by(func.lower(User.name), User.email)).scalars())


def classroom_assignments(classroom: Classroom) -> list[Assignment]:
    """Return the sets assigned to the class, soonest due first, undated last."""
    assignments = db.session.execute(
        db.select(Assignment).filter_by(classroom_id=classroom.id)
        .options(selectinload(Assignment.question_set))).scalars().all()
    return sorted(assignments, key=_assignment_order)


def _assignment_order(assignment: Assignment) -> tuple:
    return (assignment.due_at is None, assignment.due_at or dt.datetime.max, assignment.question_set.title.lower())


def create_classroom(teacher: User, name: str, *, new_code: Callable[[], str] = generate_join_code) -> Classroom:
    """Create a class for the teacher with a join code no other class has."""
    classroom = Classroom(teacher_id=teacher.id, name=_clean_name(name))
    return _save_with_unique_code(classroom, new_code)


def regenerate_join_code(classroom: Classroom, *, new_code: Callable[[], str] = generate_join_code) -> Classroom:
    """Give the class a new join code; the old one stops working at once, enrolled learners stay."""
    _require_active(classroom)
    return _save_with_unique_code(classroom, new_code)


def _save_with_unique_code(classroom: Classroom, new_code: Callable[[], str]) -> Classroom:
    """Commit the class with a fresh code, drawing again when the code is taken.

    The lookup avoids most collisions; the UNIQUE constraint catches the one a concurrent request
    wins between the lookup and the commit.
    """
    classroom_id, name, old_code = classroom.id, classroom.name, classroom.join_code
    for _ in range(_CODE_ATTEMPTS):
        code = new_code()
        if code == old_code or _code_taken(code):
            continue
        classroom.join_code = code
        db.session.add(classroom)
        try:
            db.session.commit()
        except IntegrityError:
            db.session.rollback()
            if classroom_id is not None:
                classroom = db.session.get(Classroom, classroom_id)
            else:
                classroom = Classroom(teacher_id=classroom.teacher_id, name=name)
            continue
        return classroom
    raise ClassroomError("Could not find a free join code. Try again.")


def _code_taken(code: str) -> bool:
    return db.session.execute(db.select(Classroom.id).filter_by(join_code=code)).first() is not None


def rename_classroom(classroom: Classroom, name: str) -> Classroom:
    _require_active(classroom)
    classroom.name = _clean_name(name)
    db.session.commit()
    return classroom


def archive_classroom(classroom: Classroom) -> Classroom:
    """Archive the class: it keeps its roster and history, takes no new learners and is read-only."""
    if classroom.archived_at is None:
        classroom.archived_at = utcnow()
        db.session.commit()
    return classroom


def unarchive_classroom(classroom: Classroom) -> Classroom:
    if classroom.archived_at is not None:
        classroom.archived_at = None
        db.session.commit()
    return classroom


def remove_learner(classroom: Classroom, learner_id: int) -> User:
    """Take a learner off the roster; their past answers and reviews are kept.

    Raises:
        ClassroomError: the learner is not in this class, or the class is archived.
    """
    enrollment = _active_enrollment(classroom, learner_id)
    learner = enrollment.learner
    db.session.delete(enrollment)
    db.session.commit()
    return learner


def reset_learner_password(classroom: Classroom, learner_id: int) -> tuple[User, str]:
    """Give a learner of the class a temporary password they must change at their next login.

    Returns the learner and the temporary password, to be shown to the teacher once.

    Raises:
        ClassroomError: the learner is not in this class, or the class is archived.
    """
    learner = _active_enrollment(classroom, learner_id).learner
    return learner, reset_password(learner)


def _active_enrollment(classroom: Classroom, learner_id: int) -> Enrollment:
    """Return the learner's enrolment in the class, or raise ClassroomError (not in it, or the class archived)."""
    _require_active(classroom)
    enrollment = db.session.execute(
        db.select(Enrollment).filter_by(classroom_id=classroom.id, learner_id=learner_id)
        .options(selectinload(Enrollment.learner))).scalar_one_or_none()
    if enrollment is None:
        raise ClassroomError("That learner is not in this class.")
    return enrollment


def join_classroom(learner: User, typed_code: str) -> JoinResult:
    """Enroll the learner in the class whose code they typed; joining twice changes nothing.

    Raises:
        ClassroomError: no class has the code, or the class is archived.
    """
    code = normalise_join_code(typed_code)
    classroom = db.session.execute(db.select(Classroom).filter_by(join_code=code)).scalar_one_or_none() if code else None
    if classroom is None:
        raise ClassroomError(_unknown_code_message(code))
    if classroom.archived_at is not None:
        raise ArchivedClassroomError(
            f"“{classroom.name}” is archived and takes no new learners. Ask your teacher for a current code.")
    if _is_enrolled(learner, classroom):
        return JoinResult(classroom=classroom, already_enrolled=True)
    db.session.add(Enrollment(classroom_id=classroom.id, learner_id=learner.id))
    try:
        db.session.commit()
    except IntegrityError:  # the same form sent twice at once: the other request enrolled them
        db.session.rollback()
        return JoinResult(classroom=db.session.get(Classroom, classroom.id), already_enrolled=True)
    return JoinResult(classroom=classroom, already_enrolled=False)


def _is_enrolled(learner: User, classroom: Classroom) -> bool:
    return db.session.execute(
        db.select(Enrollment.id).filter_by(classroom_id=classroom.id, learner_id=learner.id)).first() is not None


def _unknown_code_message(code: str) -> str:
    if not code:
        return "Type the join code your teacher gave you."
    shown = format_join_code(code)
    if _AMBIGUOUS_CHARACTERS & set(code):
        return (f"No class has the code {shown}. Join codes never contain 0, O, 1, I or L: "
                "check the code with your teacher.")
    if len(code) != JOIN_CODE_LENGTH:
        return f"Join codes have {JOIN_CODE_LENGTH} letters and digits; {shown} has {len(code)}."
    return f"No class has the code {shown}. Check it with your teacher."


def _require_active(classroom: Classroom) -> None:
    if classroom.archived_at is not None:
        raise ArchivedClassroomError(f"“{classroom.name}” is archived and read-only. Restore it to change it.")


def _clean_name(name: str) -> str:
    cleaned = " ".join((name or "").split())
    if not cleaned:
        raise ClassroomError("Give the class a name.")
    return cleaned


@dataclass(frozen=True)
class LearnerClassroom:
    """A class as its learner sees it listed: its name, its teacher's, and whether it is archived."""

    name: str
    teacher_name: str
    archived_at: dt.datetime | None


_CLASSROOM, _TEACHER, _ENROLLMENT = Classroom.__table__.c, User.__table__.c, Enrollment.__table__.c
# Built once, of the tables' own columns: the learner's home page lists the classes on every visit.
_LEARNER_CLASSROOMS = (
    select(_CLASSROOM.name, _TEACHER.name, _CLASSROOM.archived_at)
    .join(Enrollment.__table__, _ENROLLMENT.classroom_id == _CLASSROOM.id)
    .join(User.__table__, _TEACHER.id == _CLASSROOM.teacher_id)
    .where(_ENROLLMENT.learner_id == bindparam("learner_id"))
    .order_by(func.lower(_CLASSROOM.name), _CLASSROOM.id))


def learner_classrooms(learner: User) -> list[LearnerClassroom]:
    """Return the classes the learner is enrolled in, by name."""
    return [LearnerClassroom(*row) for row in db.session.execute(_LEARNER_CLASSROOMS, {"learner_id": learner.id})]
