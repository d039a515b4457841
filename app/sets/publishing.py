"""A set's life after review: published, assigned to classes and unassigned, or deleted while unstudied."""
from __future__ import annotations

import datetime as dt

from app.errors import NotFound
from app.extensions import db
from app.models import Assignment, Attempt, Classroom, QuestionSet, SetStatus, User, utcnow
from app.quiz.settings import QuizSettings
from app.sets.queries import SetError, ordered_questions, questions_with_history


def publish(question_set: QuestionSet) -> None:
    """Open the set to assignment; it needs at least one approved question.

    Raises:
        SetError: no question is approved yet.
    """
    if not any(question.is_live for question in ordered_questions(question_set)):
        raise SetError("Approve at least one question before publishing the set.")
    if question_set.status is not SetStatus.PUBLISHED:
        question_set.status = SetStatus.PUBLISHED
        question_set.published_at = utcnow()
    db.session.commit()


def assignable_classrooms(teacher: User) -> list[Classroom]:
    """Return the teacher's classes that are not archived, by name."""
    return list(db.session.execute(
        db.select(Classroom).filter_by(teacher_id=teacher.id, archived_at=None).order_by(Classroom.name)).scalars())


def assign(question_set: QuestionSet, classroom: Classroom, due_at: dt.datetime | None = None,
           settings: QuizSettings | None = None) -> Assignment:
    """Assign a published set to one of its owner's classes, or change the due date and quiz settings if it already is.

    Raises:
        SetError: the set is a draft, or the class is archived or another teacher's.
    """
    if not question_set.is_published:
        raise SetError("Publish the set before assigning it to a class.")
    if classroom.teacher_id != question_set.owner_id:
        raise SetError("You can assign sets only to your own classes.")
    if classroom.archived_at is not None:
        raise SetError(f"The class {classroom.name!r} is archived; restore it before assigning sets to it.")
    assignment = db.session.execute(
        db.select(Assignment).filter_by(set_id=question_set.id, classroom_id=classroom.id)).scalar_one_or_none()
    if assignment is None:
        assignment = Assignment(set_id=question_set.id, classroom_id=classroom.id)
        db.session.add(assignment)
    assignment.due_at = due_at
    settings = settings or QuizSettings()
    assignment.question_count = settings.question_count
    assignment.question_kinds = [kind.value for kind in settings.question_kinds]
    assignment.shuffle_questions = settings.shuffle_questions
    assignment.shuffle_choices = settings.shuffle_choices
    assignment.max_attempts = settings.max_attempts
    assignment.time_limit_minutes = settings.time_limit_minutes
    assignment.feedback_at_end = settings.feedback_at_end
    assignment.allow_late = settings.allow_late
    db.session.commit()
    return assignment


def unassign(question_set: QuestionSet, assignment_id: int) -> Classroom:
    """Remove one of the set's assignments (learners keep their answers) and return its class."""
    assignment = db.session.get(Assignment, assignment_id)
    if assignment is None or assignment.set_id != question_set.id:
        raise NotFound("Assignment", assignment_id)
    classroom = assignment.classroom
    db.session.delete(assignment)
    db.session.commit()
    return classroom


def delete_set(question_set: QuestionSet) -> None:
    """Delete a set nobody has studied yet.

    Raises:
        SetError: learners answered or studied its questions, or took it as a quiz.
    """
    question_ids = [question.id for question in ordered_questions(question_set, include_retired=True)]
    attempted = db.session.execute(db.select(Attempt.id).filter_by(set_id=question_set.id).limit(1)).first()
    if attempted or questions_with_history(question_ids):
        raise SetError("Learners have studied this set, so it cannot be deleted; remove its assignments instead.")
    db.session.delete(question_set)
    db.session.commit()
