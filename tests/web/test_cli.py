"""``flask --app app demo``: migrations, then demo accounts, class and set, added once however often it runs."""
from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from app import create_app
import questions
from app.demo import DEMO_ARTICLE, DEMO_ARTICLE_PUBLISHED_ON, DEMO_LEARNER_EMAIL, DEMO_PASSWORD, DEMO_TEACHER_EMAIL
from app.extensions import db
from app.models import (Assignment, Classroom, Enrollment, Question, QuestionSet, ReviewStatus, Role, SetStatus, User,
                        utcnow)
from tests.web.conftest import log_in

COUNTED = (User, Classroom, Enrollment, QuestionSet, Question, Assignment)


@pytest.fixture()
def app(tmp_path):
    """An app on an empty database file: the command itself must build the tables, with the migrations."""
    app = create_app({
        "TESTING": True,
        "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'demo.sqlite'}",
        "SECRET_KEY": "test-secret",
        "LOGIN_LIMIT_ENABLED": False,
    })
    yield app
    with app.app_context():
        db.engine.dispose()


def row_counts(app) -> dict[str, int]:
    with app.app_context():
        return {model.__name__: db.session.execute(db.select(db.func.count()).select_from(model)).scalar()
                for model in COUNTED}


def test_demo_creates_the_accounts_class_and_assigned_set(app, runner):
    started = utcnow()
    result = runner.invoke(args=["demo"])
    assert result.exit_code == 0, result.output + repr(result.exception)
    for printed in (DEMO_TEACHER_EMAIL, DEMO_LEARNER_EMAIL, f"password: {DEMO_PASSWORD}",
                    "flask --app app run", "http://127.0.0.1:5000/"):
        assert printed in result.output

    with app.app_context():
        users = {user.email: user for user in db.session.execute(db.select(User)).scalars()}
        assert {email: user.role for email, user in users.items()} == {
            DEMO_TEACHER_EMAIL: Role.TEACHER, DEMO_LEARNER_EMAIL: Role.LEARNER}
        teacher, learner = users[DEMO_TEACHER_EMAIL], users[DEMO_LEARNER_EMAIL]

        classroom = db.session.execute(db.select(Classroom)).scalar_one()
        assert (classroom.name, classroom.teacher_id, classroom.archived_at) == ("Demo class", teacher.id, None)
        enrollment = db.session.execute(db.select(Enrollment)).scalar_one()
        assert (enrollment.classroom_id, enrollment.learner_id) == (classroom.id, learner.id)

        question_set = db.session.execute(db.select(QuestionSet)).scalar_one()
        assert (question_set.owner_id, question_set.status) == (teacher.id, SetStatus.PUBLISHED)
        assert question_set.published_on == dt.date(2024, 5, 15)
        approved = {question.engine_id for question in question_set.questions
                    if question.review_status is ReviewStatus.APPROVED}
        pending = {question.engine_id for question in question_set.questions
                   if question.review_status is ReviewStatus.PENDING}
        made = questions.generate(DEMO_ARTICLE.read_text(encoding="utf-8"), published=DEMO_ARTICLE_PUBLISHED_ON)
        recommended = {question.id for question in made.questions if question.recommended}
        # Published: the engine's recommended questions; every other suggestion waits for the teacher's review.
        assert approved | pending == {question.id for question in made.questions} and not approved & pending
        assert approved == recommended and len(recommended) >= 5  # the questions the engine is sure of
        assert all(question.explanation for question in question_set.questions)  # each keeps its source sentence

        assignment = db.session.execute(db.select(Assignment)).scalar_one()
        assert (assignment.set_id, assignment.classroom_id) == (question_set.id, classroom.id)
        assert started + dt.timedelta(days=6) < assignment.due_at < utcnow() + dt.timedelta(days=8)
        assert question_set.title in result.output and classroom.join_code[:4] in result.output


def test_the_demo_set_publishes_the_recommended_questions_whatever_the_ranker_picks(app, runner, monkeypatch):
    engine = questions.generate

    def every_third_recommended(text, *, published=None, seed=0, today=None):
        result = engine(text, published=published, seed=seed, today=today)
        return dataclasses.replace(result, questions=tuple(
            dataclasses.replace(question, recommended=index % 3 == 0, score=1 - index / len(result.questions))
            for index, question in enumerate(result.questions)))

    monkeypatch.setattr(questions, "generate", every_third_recommended)
    result = runner.invoke(args=["demo"])
    assert result.exit_code == 0, result.output + repr(result.exception)
    made = every_third_recommended(DEMO_ARTICLE.read_text(encoding="utf-8"), published=DEMO_ARTICLE_PUBLISHED_ON)
    with app.app_context():
        question_set = db.session.execute(db.select(QuestionSet)).scalar_one()
        statuses = {question.engine_id: question.review_status for question in question_set.questions}
        assert statuses == {question.id: ReviewStatus.APPROVED if question.recommended else ReviewStatus.PENDING
                            for question in made.questions}
        assert {question.engine_id for question in question_set.questions if question.recommended} == {
            question.id for question in made.questions if question.recommended}
    assert f"({len(made.questions[::3])} questions)" in result.output


def test_running_demo_twice_adds_nothing(app, runner):
    first = runner.invoke(args=["demo"])
    assert first.exit_code == 0, first.output + repr(first.exception)
    before = row_counts(app)
    second = runner.invoke(args=["demo"])
    assert second.exit_code == 0, second.output + repr(second.exception)
    assert "nothing added" in second.output
    assert row_counts(app) == before
    assert before["User"] == 2 and before["Classroom"] == 1 and before["QuestionSet"] == 1


@pytest.mark.parametrize("email, landing", [
    (DEMO_TEACHER_EMAIL, "Demo class"),
    (DEMO_LEARNER_EMAIL, "Demo Learner"),
])
def test_the_printed_logins_work(app, runner, email, landing):
    assert runner.invoke(args=["demo"]).exit_code == 0
    client = app.test_client()
    assert log_in(client, email, DEMO_PASSWORD).status_code == 302
    assert landing in client.get("/").get_data(as_text=True)
