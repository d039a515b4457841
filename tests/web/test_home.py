"""The teacher's dashboard: their classes, sets and due assignments, and nobody else's."""
from __future__ import annotations

import datetime as dt

import pytest

from app.extensions import db
from app.home.services import teacher_overview
from app.models import (Assignment, Classroom, Enrollment, Question, QuestionKind, QuestionSet, ReviewStatus, Role,
                        SetStatus, User, utcnow)
from tests.web.conftest import make_user

NOW = dt.datetime(2031, 3, 10, 12, 0)


def add_set(teacher_id: int, title: str, statuses: list[ReviewStatus], *, published: bool = False,
            retired: int = 0) -> QuestionSet:
    question_set = QuestionSet(owner_id=teacher_id, title=title,
                               status=SetStatus.PUBLISHED if published else SetStatus.DRAFT)
    question_set.questions = [
        Question(kind=QuestionKind.FLASHCARD, prompt=f"Prompt {number}", answer="Answer", position=number,
                 review_status=status, retired_at=utcnow() if number < retired else None)
        for number, status in enumerate(statuses)]
    db.session.add(question_set)
    db.session.flush()
    return question_set


def add_classroom(teacher_id: int, name: str, code: str, *, learners: int = 0, archived: bool = False) -> Classroom:
    classroom = Classroom(teacher_id=teacher_id, name=name, join_code=code, archived_at=utcnow() if archived else None)
    db.session.add(classroom)
    db.session.flush()
    for number in range(learners):
        learner = User(email=f"{code.lower()}{number}@example.org", name=f"Learner {number}", role=Role.LEARNER)
        learner.set_password("irrelevant password")
        db.session.add(learner)
        db.session.flush()
        db.session.add(Enrollment(classroom_id=classroom.id, learner_id=learner.id))
    return classroom


@pytest.fixture()
def two_teachers_world(app, teacher):
    """The logged-in teacher's classes and sets, and another teacher's, side by side."""
    other = make_user(app, role=Role.TEACHER, email="other@example.org", name="Otto Other")
    with app.app_context():
        history = add_classroom(teacher, "Year 9 History", "HSTRY9AB", learners=3)
        add_classroom(teacher, "Last year's group", "ARCHVD22", learners=1, archived=True)
        draft = add_set(teacher, "Wimbledon draft",
                        [ReviewStatus.PENDING, ReviewStatus.PENDING, ReviewStatus.APPROVED, ReviewStatus.REJECTED])
        published = add_set(teacher, "Karabakh troops", [ReviewStatus.APPROVED] * 5, published=True, retired=1)
        db.session.add(Assignment(set_id=published.id, classroom_id=history.id, due_at=NOW + dt.timedelta(days=2)))

        secret_class = add_classroom(other, "Otto's secret class", "SECRET77", learners=2)
        secret_set = add_set(other, "Otto's secret set", [ReviewStatus.APPROVED], published=True)
        db.session.add(Assignment(set_id=secret_set.id, classroom_id=secret_class.id, due_at=NOW + dt.timedelta(days=1)))
        db.session.commit()
        return {"draft": draft.id, "published": published.id, "history": history.id}


def test_dashboard_shows_the_teachers_classes_sets_and_actions(app, client, two_teachers_world):
    page = client.get("/").get_data(as_text=True)
    assert "Welcome, Tess Teacher" in page
    for link in ('href="/sets/new"', 'href="/sets/import"', 'href="/classes/new"'):
        assert link in page
    classes_part = page.split('id="classes-heading"', 1)[1].split('id="due-heading"', 1)[0]
    assert "Year 9 History" in classes_part and "HSTR-Y9AB" in classes_part and ">3<" in classes_part.replace(" ", "")
    assert "Last year's group" not in page.replace("&#39;", "'") and "(1 archived)" in classes_part
    sets_part = page.split('id="sets-heading"', 1)[1]
    assert "Wimbledon draft" in sets_part and "Draft" in sets_part
    assert "2 to review" in sets_part and "1 approved, 1 rejected" in sets_part
    assert "Karabakh troops" in sets_part and "Published" in sets_part and "4 approved" in sets_part  # retired not counted
    assert f'href="/sets/{two_teachers_world["draft"]}"' in sets_part


def test_dashboard_never_shows_another_teachers_data(client, two_teachers_world):
    page = client.get("/").get_data(as_text=True).replace("&#39;", "'")
    for secret in ("Otto's secret class", "Otto's secret set", "SECRET77", "SECR-ET77", "Otto Other"):
        assert secret not in page


def test_new_teacher_sees_where_to_start(client, teacher):
    page = client.get("/").get_data(as_text=True)
    assert "No classes yet." in page and "No sets yet." in page and "Nothing is due in the next two weeks." in page


@pytest.mark.parametrize("due_in, archived, listed", [
    (dt.timedelta(days=2), False, True),
    (dt.timedelta(days=13), False, True),
    (dt.timedelta(days=-3), False, True),   # a few days overdue still needs the teacher's eye
    (dt.timedelta(days=30), False, False),
    (dt.timedelta(days=-30), False, False),
    (dt.timedelta(days=2), True, False),    # archived classes are done with
    (None, False, False),
])
def test_due_soon_covers_a_week_overdue_to_two_weeks_ahead(app, teacher, due_in, archived, listed):
    with app.app_context():
        classroom = add_classroom(teacher, "Group", "GRPABCDE", archived=archived)
        question_set = add_set(teacher, "Set", [ReviewStatus.APPROVED], published=True)
        db.session.add(Assignment(set_id=question_set.id, classroom_id=classroom.id,
                                  due_at=NOW + due_in if due_in is not None else None))
        db.session.commit()
        overview = teacher_overview(db.session.get(User, teacher), now=NOW)
        assert [assignment.question_set.title for assignment in overview.due_soon] == (["Set"] if listed else [])


def test_due_soon_links_to_the_class_results_and_flags_overdue(app, client, teacher):
    with app.app_context():
        classroom = add_classroom(teacher, "Group", "GRPABCDE")
        soon = add_set(teacher, "Due tomorrow", [ReviewStatus.APPROVED], published=True)
        late = add_set(teacher, "Was due yesterday", [ReviewStatus.APPROVED], published=True)
        now = utcnow()
        db.session.add_all([
            Assignment(set_id=soon.id, classroom_id=classroom.id, due_at=now + dt.timedelta(days=1)),
            Assignment(set_id=late.id, classroom_id=classroom.id, due_at=now - dt.timedelta(days=1)),
        ])
        db.session.commit()
        ids = (classroom.id, soon.id, late.id)
    due_part = client.get("/").get_data(as_text=True).split('id="due-heading"', 1)[1].split('id="sets-heading"', 1)[0]
    assert due_part.index("Was due yesterday") < due_part.index("Due tomorrow")
    assert "Overdue" in due_part and "Due soon" in due_part
    assert f'href="/reports/classes/{ids[0]}/sets/{ids[1]}"' in due_part
