"""Reading question sets: a set's question, its questions in order, which ones learners met, the teacher's index."""
from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import func
from sqlalchemy.orm import selectinload

from app.errors import Invalid, NotFound
from app.extensions import db
from app.models import Answer, Assignment, CardState, Classroom, Question, QuestionSet, ReviewStatus, User, utcnow
from app.models import Review as LearnerReview

MAX_TITLE = 300


class SetError(Invalid):
    """An action on a set is not allowed in its current state; the message says why."""


def get_set_question(question_set: QuestionSet, question_id: int) -> Question:
    """Return a question of this set, or answer 404 (also for a question of another set)."""
    question = db.session.get(Question, question_id)
    if question is None or question.set_id != question_set.id:
        raise NotFound("Question", question_id)
    return question


def find_created_set(owner: User, creation_token: str) -> QuestionSet | None:
    """Return the set an earlier post of the same creation form made, if any."""
    if not creation_token:
        return None
    return db.session.execute(
        db.select(QuestionSet).filter_by(owner_id=owner.id, creation_token=creation_token)).scalar_one_or_none()


def ordered_questions(question_set: QuestionSet, *, include_retired: bool = False) -> list[Question]:
    """Return the set's questions in the order learners meet them."""
    query = db.select(Question).filter_by(set_id=question_set.id).order_by(Question.position, Question.id)
    if not include_retired:
        query = query.where(Question.retired_at.is_(None))
    return list(db.session.execute(query).scalars())


def question_numbers(question_set: QuestionSet) -> dict[int, int]:
    """Return each live question's number in the order learners meet them (from 1), by question id."""
    ids = db.session.execute(db.select(Question.id).filter_by(set_id=question_set.id)
                             .where(Question.retired_at.is_(None)).order_by(Question.position, Question.id)).scalars()
    return {question_id: number for number, question_id in enumerate(ids, start=1)}


def assigned_class_names(question_set: QuestionSet) -> list[str]:
    """Return the names of the classes the set is assigned to, in the order it was assigned."""
    return list(db.session.execute(
        db.select(Classroom.name).join(Assignment, Assignment.classroom_id == Classroom.id)
        .where(Assignment.set_id == question_set.id).order_by(Assignment.id)).scalars())


def questions_with_history(question_ids: list[int]) -> set[int]:
    """Return the ids among ``question_ids`` that a learner answered, reviewed or holds as a card."""
    if not question_ids:
        return set()
    found: set[int] = set()
    for model in (Answer, LearnerReview, CardState):
        found.update(db.session.execute(
            db.select(model.question_id).where(model.question_id.in_(question_ids)).distinct()).scalars())
    return found


@dataclass(frozen=True)
class SetSummary:
    question_set: QuestionSet
    counts: dict[ReviewStatus, int]
    classrooms: list[Classroom] = field(default_factory=list)

    @property
    def total(self) -> int:
        return sum(self.counts.values())


def set_summaries(teacher: User) -> list[SetSummary]:
    """Return the teacher's sets, most recently changed first, with question counts and assigned classes."""
    question_sets = list(db.session.execute(
        db.select(QuestionSet).filter_by(owner_id=teacher.id)
        .options(selectinload(QuestionSet.assignments).selectinload(Assignment.classroom))
        .order_by(QuestionSet.updated_at.desc(), QuestionSet.id.desc())).scalars())
    counts: dict[int, dict[ReviewStatus, int]] = {
        question_set.id: {status: 0 for status in ReviewStatus} for question_set in question_sets}
    if question_sets:
        rows = db.session.execute(
            db.select(Question.set_id, Question.review_status, func.count())
            .where(Question.set_id.in_(counts), Question.retired_at.is_(None))
            .group_by(Question.set_id, Question.review_status))
        for set_id, status, count in rows:
            counts[set_id][status] = count
    return [SetSummary(question_set, counts[question_set.id],
                       sorted((assignment.classroom for assignment in question_set.assignments),
                              key=lambda classroom: classroom.name.casefold()))
            for question_set in question_sets]


def next_position(question_set: QuestionSet) -> int:
    """Return the position after the set's last question."""
    highest = db.session.execute(
        db.select(func.max(Question.position)).where(Question.set_id == question_set.id)).scalar()
    return 0 if highest is None else highest + 1


def touch(question_set: QuestionSet) -> None:
    """Mark the set changed now: the teacher's index lists the most recently changed first."""
    question_set.updated_at = utcnow()
