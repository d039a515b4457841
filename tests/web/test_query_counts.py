"""Each page runs a fixed number of SQL statements: not one more for another set, learner or review."""
from __future__ import annotations

import datetime as dt
import itertools
from dataclasses import dataclass

import pytest
from fsrs import Rating
from sqlalchemy import insert

from app.extensions import db
from app.models import (Answer, Assignment, Attempt, CardState, Classroom, Enrollment, Question, QuestionKind,
                        QuestionSet, Review, ReviewSource, Role, SetStatus, utcnow)
from app.scheduling import reviewed_card
from tests.web.conftest import log_in, make_user, statements_of

_numbers = itertools.count(1)


@dataclass(frozen=True)
class School:
    teacher_email: str
    learner_email: str  # the first learner of the class
    classroom_id: int
    set_ids: list[int]
    open_attempt_id: int  # the first learner's unfinished attempt at the first set


def build_school(app, *, sets: int, learners: int, reviews: int) -> School:
    """A teacher's class of ``learners`` with ``sets`` 4-question sets assigned, each learner having reviewed
    every card, finished one attempt at each set, and logged ``reviews`` reviews; one unfinished attempt."""
    number = next(_numbers)
    teacher_email = f"teacher{number}@example.org"
    teacher_id = make_user(app, role=Role.TEACHER, email=teacher_email)
    emails = [f"learner{number}-{index}@example.org" for index in range(learners)]
    learner_ids = [make_user(app, role=Role.LEARNER, email=email) for email in emails]
    now = utcnow()
    card = reviewed_card(None, Rating.Good, now - dt.timedelta(days=2)).fsrs_card
    with app.app_context():
        classroom = Classroom(teacher_id=teacher_id, name=f"Class {number}", join_code=f"QC{number:06}")
        question_sets = [QuestionSet(owner_id=teacher_id, title=f"Set {index}", status=SetStatus.PUBLISHED,
                                     published_at=now) for index in range(sets)]
        db.session.add_all([classroom, *question_sets])
        db.session.flush()
        questions = {question_set.id: [
            Question(set_id=question_set.id, position=position, kind=QuestionKind.MULTIPLE_CHOICE,
                     prompt=f"Question {position}?", answer="Right", choices=["Right", "Wrong", "Other"],
                     explanation=f"The answer is Right, said sentence {position}.", review_status="approved")
            for position in range(4)] for question_set in question_sets}
        db.session.add_all([question for made in questions.values() for question in made])
        db.session.add_all([Enrollment(classroom_id=classroom.id, learner_id=learner_id) for learner_id in learner_ids])
        db.session.add_all([Assignment(set_id=question_set.id, classroom_id=classroom.id,
                                       due_at=now + dt.timedelta(days=2)) for question_set in question_sets])
        db.session.flush()
        question_ids = [question.id for made in questions.values() for question in made]
        db.session.execute(insert(CardState), [
            {"learner_id": learner_id, "question_id": question_id, "due": now - dt.timedelta(hours=index % 3),
             "fsrs_card": card, "introduced_at": now - dt.timedelta(days=3), "last_review_at": now - dt.timedelta(days=2)}
            for learner_id in learner_ids for index, question_id in enumerate(question_ids)])
        db.session.execute(insert(Review), [
            {"learner_id": learner_id, "question_id": question_ids[index % len(question_ids)], "rating": 3,
             "reviewed_at": now - dt.timedelta(hours=index), "duration_ms": 1000, "source": ReviewSource.FLASHCARD,
             "submission_id": f"count-{number}-{learner_id}-{index}"}
            for learner_id in learner_ids for index in range(reviews)])
        for learner_id in learner_ids:
            for set_id, made in questions.items():
                attempt_id = db.session.execute(insert(Attempt).returning(Attempt.id), {
                    "learner_id": learner_id, "set_id": set_id, "question_ids": [q.id for q in made],
                    "started_at": now - dt.timedelta(days=1), "finished_at": now - dt.timedelta(hours=20),
                    "correct": 3, "total": 4}).scalar_one()
                db.session.execute(insert(Answer), [
                    {"attempt_id": attempt_id, "question_id": question.id, "learner_id": learner_id,
                     "response": "Right" if position else "Wrong", "correct": bool(position),
                     "answered_at": now - dt.timedelta(days=1), "duration_ms": 900,
                     "submission_id": f"count-{number}-{attempt_id}-{position}"}
                    for position, question in enumerate(made)])
        first_set = question_sets[0].id
        open_attempt = db.session.execute(insert(Attempt).returning(Attempt.id), {
            "learner_id": learner_ids[0], "set_id": first_set, "question_ids": [q.id for q in questions[first_set]],
            "started_at": now, "correct": 0, "total": 0}).scalar_one()
        db.session.commit()
        return School(teacher_email, emails[0], classroom.id, [question_set.id for question_set in question_sets],
                      open_attempt)


def statements_for(app, client, path: str) -> list[str]:
    """Return the SQL statements SQLite ran to answer GET ``path`` (transaction control left out)."""
    reply, statements = statements_of(app, lambda: client.get(path))
    assert reply.status_code == 200, (path, reply.status_code)
    return [statement for statement in statements
            if statement.split()[0].upper() not in ("BEGIN", "COMMIT", "ROLLBACK", "PRAGMA")]


PAGES = {
    "learner home": ("learner", lambda school: "/"),
    "study": ("learner", lambda school: "/study/"),
    "progress": ("learner", lambda school: "/progress/"),
    "quiz question": ("learner", lambda school: f"/quiz/{school.open_attempt_id}"),
    "teacher home": ("teacher", lambda school: "/"),
    "reports": ("teacher", lambda school: "/reports/"),
    "class x set report": ("teacher", lambda school: f"/reports/classes/{school.classroom_id}/sets/{school.set_ids[0]}"),
    "item analysis": ("teacher", lambda school: f"/reports/sets/{school.set_ids[0]}/items"),
    "set review": ("teacher", lambda school: f"/sets/{school.set_ids[0]}"),
}
# Pages whose statements still grow with what the tables hold; each is a known gap, with its cause.
GROWS: dict[tuple[str, str], str] = {}


def _count(app, scale: dict, page: str) -> int:
    school = build_school(app, **scale)
    role, path = PAGES[page]
    client = app.test_client()
    log_in(client, school.learner_email if role == "learner" else school.teacher_email)
    client.get("/")  # the welcome message shown and gone
    return len(statements_for(app, client, path(school)))


SMALL = {"sets": 1, "learners": 2, "reviews": 3}
GROWN = {"sets": {"sets": 3}, "learners": {"learners": 6}, "reviews": {"reviews": 60}}


@pytest.mark.parametrize("grown", sorted(GROWN))
@pytest.mark.parametrize("page", sorted(PAGES))
def test_a_pages_statements_do_not_grow_with_the_data(app, page, grown, request):
    if (page, grown) in GROWS:
        request.applymarker(pytest.mark.xfail(reason=GROWS[page, grown], strict=True))
    small = _count(app, SMALL, page)
    larger = _count(app, {**SMALL, **GROWN[grown]}, page)
    assert larger == small, f"{page}: {small} statements with {SMALL}, {larger} with more {grown}"
