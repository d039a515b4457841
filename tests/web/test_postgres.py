"""The models, the migrations and the main request paths on a real PostgreSQL server."""
from __future__ import annotations

import contextlib
import datetime as dt
import re
import threading
import uuid

import psycopg
import pytest
import sqlalchemy as sa
from flask_migrate import downgrade, upgrade
from fsrs import Rating

from app import create_app, reviewing
from app.database import answers_engine, begin_write
from app.demo import DEMO_ARTICLE
from app.extensions import db
from app.models import (Answer, Attempt, CardState, Classroom, Enrollment, Question, QuestionSet, Review, ReviewSource,
                        Role, SetStatus, User, utcnow)
from app.scheduling import reviewed_card
from app.sets import creation, publishing, verdicts
from tests.web.conftest import PASSWORD, csrf_token, log_in, make_user, post_form
from tests.web.learner_setup import QUESTIONS, form_fields, make_assigned_set
from tests.web.test_migrations import schema_drift, table_names

pytestmark = pytest.mark.postgres


@pytest.fixture()
def pg_app(postgres_server, tmp_path):
    """An app on a fresh PostgreSQL database built by the migrations."""
    name = f"factdeck_{uuid.uuid4().hex[:12]}"
    url = postgres_server.create_database(name)
    app = create_app({
        "TESTING": True,
        "SQLALCHEMY_DATABASE_URI": url,
        "SECRET_KEY": "test-secret",
        "LOGIN_LIMIT_ENABLED": False,
    })
    with app.app_context():
        upgrade()
    yield app
    with app.app_context():
        db.session.remove()
        db.engine.dispose()
        answers_engine().dispose()
    postgres_server.drop_database(name)


@pytest.fixture()
def pg_client(pg_app):
    return pg_app.test_client()


def test_the_session_database_is_postgresql(postgres_url):
    engine = sa.create_engine(postgres_url)
    try:
        with engine.connect() as connection:
            version = connection.execute(sa.text("SHOW server_version")).scalar_one()
    finally:
        engine.dispose()
    assert version.split(".")[0].isdigit()
    assert postgres_url.startswith("postgresql+psycopg://postgres@127.0.0.1:")


def test_upgrade_creates_every_table_with_the_models_schema(pg_app):
    with pg_app.app_context():
        assert db.engine.dialect.name == "postgresql"
        assert table_names(db.engine) == set(db.metadata.tables)
        assert schema_drift(db.engine) == []


def test_downgrade_to_base_removes_every_table(pg_app):
    with pg_app.app_context():
        downgrade(revision="base")
        assert table_names(db.engine) == set()
        upgrade()
        assert table_names(db.engine) == set(db.metadata.tables)


def test_sign_up_log_out_and_log_in(pg_app, pg_client):
    response = post_form(pg_client, "/auth/signup", {
        "name": "Pat Postgres", "email": "pat@example.org", "password": "correct horse battery",
        "confirm": "correct horse battery", "role": "teacher"})
    assert response.status_code == 302
    assert log_in(pg_client, "pat@example.org").status_code == 302
    assert "Pat Postgres" in pg_client.get("/").get_data(as_text=True)

    post_form(pg_client, "/auth/logout", {}, form_page="/")
    assert log_in(pg_client, "pat@example.org").status_code == 302

    with pg_app.app_context():
        user = db.session.execute(db.select(User).filter_by(email="pat@example.org")).scalar_one()
        assert user.role is Role.TEACHER
        assert user.password_hash != "correct horse battery"


def test_a_second_account_with_the_same_email_is_not_made(pg_app, pg_client):
    make_user(pg_app, role=Role.LEARNER, email="twice@example.org")
    response = post_form(pg_client, "/auth/signup", {
        "name": "Twice", "email": "twice@example.org", "password": "correct horse battery",
        "confirm": "correct horse battery", "role": "learner"})
    assert response.status_code == 302  # answered as for a new email: no one learns which emails have accounts
    with pg_app.app_context():
        count = db.session.execute(db.select(sa.func.count()).select_from(User)).scalar_one()
    assert count == 1


def sign_up(client, *, name: str, email: str, role: str) -> None:
    response = post_form(client, "/auth/signup", {"name": name, "email": email, "password": PASSWORD,
                                                  "confirm": PASSWORD, "role": role})
    assert response.status_code == 302, response.get_data(as_text=True)
    assert log_in(client, email).status_code == 302


def user_by_email(email: str) -> User:
    return db.session.execute(db.select(User).filter_by(email=email)).scalar_one()


def test_a_class_a_set_and_a_learners_answers_on_postgresql(pg_app):
    teacher_client, learner_client = pg_app.test_client(), pg_app.test_client()

    # The teacher: an account and a class through the pages, a set from the article through the services.
    sign_up(teacher_client, name="Tess Teacher", email="tess@example.org", role="teacher")
    response = post_form(teacher_client, "/classes/new", {"name": "Postgres class"})
    assert response.status_code == 302
    with pg_app.app_context():
        teacher = user_by_email("tess@example.org")
        classroom = db.session.execute(db.select(Classroom).filter_by(teacher_id=teacher.id)).scalar_one()
        question_set = creation.create_set_from_article(teacher, DEMO_ARTICLE.read_text(encoding="utf-8"))
        assert verdicts.approve_all(question_set) > 0
        publishing.publish(question_set)
        publishing.assign(question_set, classroom)
        join_code, set_id, classroom_id = classroom.join_code, question_set.id, classroom.id
        assert db.session.get(QuestionSet, set_id).status is SetStatus.PUBLISHED
    assert "Postgres class" in teacher_client.get("/classes/").get_data(as_text=True)

    # The learner joins with the code and starts the quiz.
    sign_up(learner_client, name="Lee Learner", email="lee@example.org", role="learner")
    response = post_form(learner_client, "/classes/join", {"code": join_code.lower()})
    assert response.status_code == 302
    response = learner_client.post(f"/quiz/sets/{set_id}/start", data={"csrf_token": csrf_token(learner_client, "/")})
    assert response.status_code == 302
    question_url = response.headers["Location"]
    attempt_id = int(re.search(r"/quiz/(\d+)", question_url).group(1))

    # One answer sent twice (a double click, a resubmitted form): stored once, counted once, no error.
    fields = form_fields(learner_client.get(question_url).get_data(as_text=True))
    first = learner_client.post(f"/quiz/{attempt_id}/answer", data={**fields, "response": "Moscow", "duration_ms": "900"})
    again = learner_client.post(f"/quiz/{attempt_id}/answer", data={**fields, "response": "Moscow", "duration_ms": "900"})
    assert (first.status_code, again.status_code) == (200, 200)
    assert "Already answered" in again.get_data(as_text=True)

    with pg_app.app_context():
        learner = user_by_email("lee@example.org")
        assert db.session.execute(db.select(Enrollment).filter_by(learner_id=learner.id)).scalar_one()
        answers = db.session.execute(db.select(Answer).filter_by(attempt_id=attempt_id)).scalars().all()
        assert [answer.submission_id for answer in answers] == [fields["submission_id"]]
        assert db.session.get(Attempt, attempt_id).total == 1
        quiz_reviews = db.session.execute(db.select(Review).filter_by(learner_id=learner.id)).scalars().all()
        assert len(quiz_reviews) == 1

    # The teacher's reports count it in SQL on PostgreSQL too: mastery and last activity from the learner's cards.
    report = teacher_client.get(f"/reports/classes/{classroom_id}/sets/{set_id}").get_data(as_text=True)
    assert "(+1 unfinished)" in report and ">never<" not in report and "0\u00a0%" in report
    assert teacher_client.get(f"/reports/sets/{set_id}/items").status_code == 200


def test_the_same_answer_posted_from_two_tabs_at_once_is_stored_once(pg_app):
    """PostgreSQL runs the two requests truly in parallel; the row lock and the unique submission id hold."""
    teacher_id = make_user(pg_app, role=Role.TEACHER, email="race-teacher@example.org")
    learner_id = make_user(pg_app, role=Role.LEARNER, email="race-learner@example.org")
    with pg_app.app_context():
        teacher = db.session.get(User, teacher_id)
        question_set = creation.create_set_from_article(teacher, DEMO_ARTICLE.read_text(encoding="utf-8"))
        verdicts.approve_all(question_set)
        publishing.publish(question_set)
        classroom = Classroom(teacher_id=teacher_id, name="Race", join_code="RACE2345")
        db.session.add(classroom)
        db.session.flush()
        db.session.add(Enrollment(classroom_id=classroom.id, learner_id=learner_id))
        db.session.commit()
        publishing.assign(question_set, classroom)
        set_id = question_set.id

    tabs = [pg_app.test_client(), pg_app.test_client()]
    for tab in tabs:
        assert log_in(tab, "race-learner@example.org").status_code == 302
    response = tabs[0].post(f"/quiz/sets/{set_id}/start", data={"csrf_token": csrf_token(tabs[0], "/")})
    attempt_id = int(re.search(r"/quiz/(\d+)", response.headers["Location"]).group(1))

    statuses: list[int] = []
    for _ in range(3):
        fields = form_fields(tabs[0].get(f"/quiz/{attempt_id}").get_data(as_text=True))
        second_tab_token = csrf_token(tabs[1], "/")
        start = threading.Barrier(2)

        def post(tab, token):
            start.wait(timeout=10)
            reply = tab.post(f"/quiz/{attempt_id}/answer",
                             data={**fields, "csrf_token": token, "response": "Moscow", "duration_ms": "500"})
            statuses.append(reply.status_code)

        threads = [threading.Thread(target=post, args=(tabs[0], fields["csrf_token"])),
                   threading.Thread(target=post, args=(tabs[1], second_tab_token))]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=30)

    assert statuses == [200] * 6
    with pg_app.app_context():
        answers = db.session.execute(db.select(Answer).filter_by(attempt_id=attempt_id)).scalars().all()
        attempt = db.session.get(Attempt, attempt_id)
        assert len(answers) == 3 == attempt.total
        assert len({answer.submission_id for answer in answers}) == 3
        assert attempt.correct == sum(answer.correct for answer in answers)


def test_the_last_live_answer_finishes_the_attempt_on_postgresql(pg_app):
    """The attempt's open questions are read from its JSON list in SQL, which each database spells its own way."""
    learner_id = make_user(pg_app, role=Role.LEARNER, email="finisher@example.org")
    assigned = make_assigned_set(pg_app, learner_id)
    client = pg_app.test_client()
    assert log_in(client, "finisher@example.org").status_code == 302
    response = client.post(f"/quiz/sets/{assigned.set_id}/start", data={"csrf_token": csrf_token(client, "/")})
    attempt_id = int(re.search(r"/quiz/(\d+)", response.headers["Location"]).group(1))
    with pg_app.app_context():
        db.session.get(Question, assigned.question_ids[4]).retired_at = utcnow()
        db.session.commit()

    finished = []
    for response_text in ("Lakeport", "False", "1960", "Nikiforov"):
        fields = form_fields(client.get(f"/quiz/{attempt_id}").get_data(as_text=True))
        reply = client.post(f"/quiz/{attempt_id}/answer", data={**fields, "response": response_text},
                            headers={"Accept": "application/json"})
        finished.append(reply.get_json()["finished"])
    assert finished == [False, False, False, True]
    with pg_app.app_context():
        attempt = db.session.get(Attempt, attempt_id)
        assert (attempt.correct, attempt.total) == (3, 4) and attempt.finished_at is not None


def test_a_long_article_is_made_in_a_job_on_postgresql(pg_app, pg_client):
    """The job's own process reaches the same PostgreSQL database, claims its place and stores the set."""
    from tests.web.test_generation_jobs import follow_job
    from tests.web.test_sets import ARTICLE, post_article

    pg_app.config["GENERATION_INLINE_BYTES"] = 200
    sign_up(pg_client, name="Tess Teacher", email="tess@example.org", role="teacher")
    reply = post_article(pg_client, article=ARTICLE)
    assert "/sets/jobs/" in reply.headers["Location"]
    done = follow_job(pg_client, reply.headers["Location"])
    assert done.status_code == 302 and re.search(r"/sets/\d+$", done.headers["Location"])
    with pg_app.app_context():
        question_set = db.session.execute(db.select(QuestionSet)).scalar_one()
        assert question_set.questions and question_set.owner.email == "tess@example.org"


def test_a_session_copied_before_logout_is_refused_on_postgresql(pg_app, pg_client):
    sign_up(pg_client, name="Lee Learner", email="lee@example.org", role="learner")
    copied = pg_app.test_client()
    copied.set_cookie("session", pg_client.get_cookie("session").value)
    assert copied.get("/study/").status_code == 200
    post_form(pg_client, "/auth/logout", {}, form_page="/")
    assert copied.get("/study/").status_code == 302
def test_a_shaped_timed_quiz_on_postgresql(pg_app):
    """The settings' statements on PostgreSQL: a drawn, shuffled attempt, and one closed at its deadline."""
    learner_id = make_user(pg_app, role=Role.LEARNER, email="timed@example.org")
    assigned = make_assigned_set(pg_app, learner_id, question_count=4, shuffle_questions=True, shuffle_choices=True,
                                 time_limit_minutes=5, max_attempts=2)
    client = pg_app.test_client()
    assert log_in(client, "timed@example.org").status_code == 302
    response = client.post(f"/quiz/sets/{assigned.set_id}/start", data={"csrf_token": csrf_token(client, "/")})
    attempt_id = int(re.search(r"/quiz/(\d+)", response.headers["Location"]).group(1))
    fields = form_fields(client.get(f"/quiz/{attempt_id}").get_data(as_text=True))
    assert client.post(f"/quiz/{attempt_id}/answer", data={**fields, "response": "x"}).status_code == 200
    fields = form_fields(client.get(f"/quiz/{attempt_id}").get_data(as_text=True))
    with pg_app.app_context():
        attempt = db.session.get(Attempt, attempt_id)
        assert len(attempt.question_ids) == 4 and set(attempt.question_ids) <= set(assigned.question_ids)
        attempt.deadline_at = utcnow() - dt.timedelta(seconds=1)
        db.session.commit()
    assert client.post(f"/quiz/{attempt_id}/answer", data={**fields, "response": "x"}).status_code == 409
    with pg_app.app_context():
        attempt = db.session.get(Attempt, attempt_id)
        assert (attempt.total, attempt.finished_at) == (4, attempt.deadline_at)


def test_review_days_turn_at_the_learners_midnight_on_postgresql(pg_app):
    """The days are read one row a UTC day (its first and last review), in PostgreSQL's SQL as in SQLite's."""
    from app.progress.services import review_days

    learner_id = make_user(pg_app, role=Role.LEARNER, email="kiwi@example.org")
    assigned = make_assigned_set(pg_app, learner_id)
    with pg_app.app_context():
        for index, moment in enumerate((dt.datetime(2026, 12, 6, 10, 30), dt.datetime(2026, 12, 6, 11, 30))):
            db.session.add(Review(learner_id=learner_id, question_id=assigned.question_ids[0], rating=3,
                                  reviewed_at=moment, duration_ms=1, source=ReviewSource.FLASHCARD,
                                  submission_id=f"pg-midnight-{index:04d}"))
        db.session.commit()
        # Both reviews share a UTC day; Auckland (UTC+13) puts them on either side of its midnight.
        assert review_days(learner_id, "Pacific/Auckland") == {dt.date(2026, 12, 6), dt.date(2026, 12, 7)}
        assert review_days(learner_id, "UTC") == {dt.date(2026, 12, 6)}


def client_messages(trace: str) -> list[str]:
    """Return what the client sent in a libpq trace, one entry a message: ``Query "BEGIN"``, ``Parse ...``, ``Sync``."""
    return [" ".join(line.split("\t", 2)[-1].split()) for line in trace.splitlines() if line.startswith("F\t")]


def round_trips(messages: list[str]) -> int:
    """Count the times the client waited for the server: each simple query, and each batch a Sync closes."""
    return sum(message.startswith(("Query", "Sync")) for message in messages)


@contextlib.contextmanager
def traced_messages(app, trace_path):
    """Trace with libpq every message the app's connections send (the answers' own pool's too); yield a function
    returning what was sent since the last call, one entry a message."""
    with app.app_context():
        engines = {db.engine, answers_engine()}
    with trace_path.open("w") as trace_file:
        def trace(dbapi_connection, _record):
            dbapi_connection.pgconn.trace(trace_file.fileno())
            dbapi_connection.pgconn.set_trace_flags(psycopg.pq.Trace.SUPPRESS_TIMESTAMPS)

        read_up_to = 0

        def sent_since() -> list[str]:
            nonlocal read_up_to
            trace_file.flush()
            with trace_path.open() as written:
                written.seek(read_up_to)
                text = written.read()
                read_up_to = written.tell()
            return client_messages(text)

        for engine in engines:
            engine.dispose()
            sa.event.listen(engine, "connect", trace)
        try:
            yield sent_since
        finally:
            for engine in engines:
                sa.event.remove(engine, "connect", trace)
                engine.dispose()


def start_quiz(pg_app, email: str, **set_options) -> tuple:
    learner_id = make_user(pg_app, role=Role.LEARNER, email=email)
    assigned = make_assigned_set(pg_app, learner_id, **set_options)
    client = pg_app.test_client()
    assert log_in(client, email).status_code == 302
    response = client.post(f"/quiz/sets/{assigned.set_id}/start", data={"csrf_token": csrf_token(client, "/")})
    return learner_id, client, int(re.search(r"/quiz/(\d+)", response.headers["Location"]).group(1))


# A right answer to each of QUESTIONS in set order: a choice, true or false, a number, a person's name (whose
# grading reads the set's other names: one round trip more) and a flashcard's date.
RIGHT_RESPONSES = ("Lakeport", "True", "1960", "Yevgeny Nikiforov", "15 May 2024")


@pytest.mark.parametrize("accept", ["application/json", "text/html"], ids=["quiz page's script", "no-JS page"])
def test_an_answer_takes_at_most_four_round_trips_to_postgresql(pg_app, tmp_path, accept):
    """The read (which checks the login too) and the writes in one statement, each a transaction by itself: no
    BEGIN, no COMMIT, no ping, no other read; for every kind of question, answered from the quiz page's script or
    from the page without scripts (whose menu shows the learner as the answer's read found them).

    Counted by libpq itself, which traces every message the client sends, on connections opened for the purpose.
    """
    learner_id, client, attempt_id = start_quiz(pg_app, "round-trips@example.org")
    sent = {}
    with traced_messages(pg_app, tmp_path / "libpq.trace") as sent_since:
        for response_text in RIGHT_RESPONSES:
            # The page opens the pool's connections, so that the count below leaves out connecting.
            fields = form_fields(client.get(f"/quiz/{attempt_id}").get_data(as_text=True))
            sent_since()
            reply = client.post(f"/quiz/{attempt_id}/answer", data={**fields, "response": response_text},
                                headers={"Accept": accept})
            assert reply.status_code == 200
            if accept == "application/json":
                assert reply.get_json()["status"] == "answered" and reply.get_json()["correct"] is True
            else:
                page = reply.get_data(as_text=True)
                assert "Right</span>" in page and "Round-Trips (learner)" in page and "Log out" in page
            sent[response_text] = sent_since()
    round_trips_by_answer = {response_text: round_trips(messages) for response_text, messages in sent.items()}
    assert max(round_trips_by_answer.values()) <= 4, (round_trips_by_answer, sent)
    assert round_trips_by_answer == {"Lakeport": 2, "True": 2, "1960": 2, "Yevgeny Nikiforov": 3, "15 May 2024": 2}
    assert not [message for messages in sent.values() for message in messages if message.startswith("Query")], sent
    with pg_app.app_context():
        attempt = db.session.get(Attempt, attempt_id)
        assert (attempt.correct, attempt.total, attempt.finished_at is not None) == (5, 5, True)
        assert len(db.session.execute(db.select(Review).filter_by(learner_id=learner_id)).scalars().all()) == 5


def test_a_card_graded_between_the_answers_read_and_its_write_is_scheduled_again_on_postgresql(pg_app, monkeypatch):
    """The answer's statement writes the card only if it is still as read; else it is scheduled again from the card
    as it is, under its row lock, in a transaction of its own; the answers' pool then goes back to autocommit."""
    learner_id, client, attempt_id = start_quiz(pg_app, "card-race@example.org")
    with pg_app.app_context():
        question_id = db.session.get(Attempt, attempt_id).question_ids[0]
    original = reviewing._read_answer_context
    graded = []

    def read_before_a_flashcard_was_graded(connection, *args):
        context = original(connection, *args)
        with pg_app.app_context():  # another tab grades the question's flashcard: the card is made meanwhile
            begin_write()
            graded.append(reviewing.record_review(
                learner_id=learner_id, question_id=question_id, rating=Rating.Again,
                now=utcnow() - dt.timedelta(minutes=1), source=ReviewSource.FLASHCARD,
                submission_id="flashcard-in-another-tab", duration_ms=None))
            db.session.commit()
        return context

    monkeypatch.setattr(reviewing, "_read_answer_context", read_before_a_flashcard_was_graded)
    fields = form_fields(client.get(f"/quiz/{attempt_id}").get_data(as_text=True))
    reply = client.post(f"/quiz/{attempt_id}/answer", data={**fields, "response": "Lakeport"},
                        headers={"Accept": "application/json"})
    assert reply.get_json()["correct"] is True
    monkeypatch.undo()
    with pg_app.app_context():
        reviews = db.session.execute(db.select(Review).filter_by(learner_id=learner_id)
                                     .order_by(Review.reviewed_at)).scalars().all()
        assert [review.source for review in reviews] == [ReviewSource.FLASHCARD, ReviewSource.QUIZ]
        card = db.session.execute(db.select(CardState).filter_by(learner_id=learner_id)).scalar_one()
        assert card.last_review_at == reviews[1].reviewed_at
        # Scheduled from the card the flashcard left, not from none as the answer's read found it.
        assert card.fsrs_card == reviewed_card(graded[0].fsrs_card, Rating.Good, reviews[1].reviewed_at,
                                               question_id=question_id).fsrs_card
    with pg_app.app_context(), answers_engine().connect() as connection:
        assert connection.connection.driver_connection.autocommit


def test_the_answers_statements_stay_prepared_between_pages_on_postgresql(pg_app, tmp_path):
    """After a few answers the server runs the answer's statements as prepared, without parsing or planning them
    again, although every page between two answers ends its transaction with ROLLBACK (at which psycopg
    forgets a connection's prepared statements)."""
    questions = [{**QUESTIONS[0], "prompt": f"Which city hosted race {number}?"} for number in range(12)]
    learner_id, client, attempt_id = start_quiz(pg_app, "prepared@example.org", questions=questions)
    parsed_per_answer = []
    with traced_messages(pg_app, tmp_path / "libpq.trace") as sent_since:
        for _question in questions:
            fields = form_fields(client.get(f"/quiz/{attempt_id}").get_data(as_text=True))
            sent_since()
            reply = client.post(f"/quiz/{attempt_id}/answer", data={**fields, "response": "Lakeport"},
                                headers={"Accept": "application/json"})
            assert reply.get_json()["correct"] is True
            messages = sent_since()
            parsed_per_answer.append(sum(message.startswith("Parse") for message in messages))
            # psycopg prepares a statement at its sixth run on a connection: a Parse of its own, one round trip more.
            prepared_now = sum(message.startswith('Parse "_pg3_') for message in messages)
            assert round_trips(messages) == 2 + prepared_now <= 4, messages
            if len(parsed_per_answer) > 6:
                assert parsed_per_answer[-1] == 0, messages  # the read and the writes: Bind to prepared statements
                assert sum(message.startswith('Bind "" "_pg3_') for message in messages) == 2, messages
    with pg_app.app_context():
        attempt = db.session.get(Attempt, attempt_id)
        assert (attempt.correct, attempt.total, attempt.finished_at is not None) == (12, 12, True)
