"""Odd input on every route, on SQLite and on PostgreSQL: a 400 or 404 with a message, and nothing saved.

Ids too large for any row (on every route of ``app.url_map`` that takes one, and in forms and query
arguments), dates outside an article's or an assignment's sensible life, JSON nested 100,000 levels deep
or too large, NUL and other control characters, and names that are invisible or reverse their own text.
"""
from __future__ import annotations

import io
import json
import uuid
from dataclasses import dataclass

import pytest
import sqlalchemy as sa
from flask import url_for
from flask_migrate import upgrade
from markupsafe import escape
from werkzeug.test import EnvironBuilder

from app import create_app
from app.extensions import db
from app.models import Attempt, GenerationJob, JobKind, JobStatus, Role
from tests.web.conftest import PASSWORD, csrf_token, log_in, make_user
from tests.web.learner_setup import make_assigned_set

HUGE_IDS = ("99999999999999999999", str(2**31), str(2**63), "9" * 5000)
NOT_FOUND_MESSAGE = "There is nothing here"


@dataclass
class World:
    app: object
    teacher: object  # test clients, logged in
    learner: object
    ids: dict[str, int]

    def counts(self) -> dict[str, int]:
        """Return the number of rows of every table: what a refused request must leave as it was."""
        with self.app.app_context():
            return {table.name: db.session.execute(sa.select(sa.func.count()).select_from(table)).scalar_one()
                    for table in db.metadata.sorted_tables}


def build_app(url: str):
    app = create_app({"TESTING": True, "SQLALCHEMY_DATABASE_URI": url, "SECRET_KEY": "test-secret",
                      "LOGIN_LIMIT_ENABLED": False})
    with app.app_context():
        upgrade()
    return app


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def world(request, tmp_path):
    if request.param == "sqlite":
        app, cleanup = build_app(f"sqlite:///{tmp_path / 'odd.sqlite'}"), None
    else:
        server = request.getfixturevalue("postgres_server")
        name = f"factdeck_{uuid.uuid4().hex[:12]}"
        app, cleanup = build_app(server.create_database(name)), (lambda: server.drop_database(name))
    learner_id = make_user(app, role=Role.LEARNER, email="learner@example.org", name="Lee Learner")
    assigned = make_assigned_set(app, learner_id, teacher_email="teacher@example.org")
    teacher, learner = app.test_client(), app.test_client()
    assert log_in(teacher, "teacher@example.org").status_code == 302
    assert log_in(learner, "learner@example.org").status_code == 302
    learner.post(f"/quiz/sets/{assigned.set_id}/start", data={"csrf_token": csrf_token(learner, "/")})
    with app.app_context():
        attempt_id = db.session.execute(sa.select(Attempt.id)).scalar_one()
        job = GenerationJob(owner_id=assigned.teacher_id, kind=JobKind.REGENERATE, set_id=assigned.set_id,
                            status=JobStatus.DONE, message="Regenerated.")
        db.session.add(job)
        db.session.commit()
        job_id = job.id
    ids = {"set_id": assigned.set_id, "classroom_id": assigned.classroom_id, "learner_id": learner_id,
           "question_id": assigned.question_ids[0], "attempt_id": attempt_id, "assignment_id": 1, "job_id": job_id,
           "format_name": "gift"}
    yield World(app, teacher, learner, ids)
    with app.app_context():
        db.session.remove()
        db.engine.dispose()
    if cleanup:
        cleanup()


def routes_with_ids(app) -> list[tuple[str, str, tuple[str, ...]]]:
    """Return (endpoint, method, id arguments) for every rule of the app that takes an id in its path."""
    found = []
    for rule in app.url_map.iter_rules():
        id_arguments = tuple(name for name in rule.arguments if name != "filename")
        if id_arguments:
            found += [(rule.endpoint, method, id_arguments) for method in sorted(rule.methods - {"HEAD", "OPTIONS"})]
    return found


def test_an_id_too_large_for_any_row_is_a_404_on_every_route(world):
    before = world.counts()
    routes = routes_with_ids(world.app)
    assert len({endpoint for endpoint, _, _ in routes}) >= 30
    failures = []
    for endpoint, method, id_arguments in routes:
        for huge in HUGE_IDS:
            for replaced in id_arguments:  # one id at a time, the others real
                arguments = {name: world.ids[name] for name in id_arguments}
                with world.app.test_request_context():
                    url = url_for(endpoint, **arguments).replace(f"/{arguments[replaced]}", f"/{huge}", 1)
                for client in (world.teacher, world.learner):
                    response = client.open(url, method=method, data={"csrf_token": "x"} if method == "POST" else None)
                    page = response.get_data(as_text=True)
                    if response.status_code != 404 or NOT_FOUND_MESSAGE not in page:
                        failures.append(f"{method} {url[:80]}: {response.status_code}")
    assert failures == []
    assert world.counts() == before


def form_post(client, url: str, data: dict, *, form_page: str | None = None, **kwargs):
    return client.post(url, data={"csrf_token": csrf_token(client, form_page or url), **data}, **kwargs)


# (who, form page, URL to post, fields, a phrase of the message shown)
def form_cases(ids: dict[str, int]) -> list[tuple[str, str, str, dict, str]]:
    set_id, classroom_id = ids["set_id"], ids["classroom_id"]
    article = "Lisbon, 3 March 2024 - The mayor of Lisbon, Ana Costa, said on Tuesday that 40 new trams would run by June."
    cases = [
        # ids in forms
        ("learner", "/", "/study/grade", {"question_id": HUGE_IDS[0], "rating": "3", "submission_id": uuid.uuid4().hex},
         ""),
        ("teacher", f"/sets/{set_id}/assign", f"/sets/{set_id}/assign", {"classrooms": HUGE_IDS[0]}, "is not a valid choice"),
        # dates
        *[("teacher", "/sets/new", "/sets/new", {"article": article, "published_on": day}, "Give a date between")
          for day in ("9999-12-31", "0001-01-01", "1799-12-31")],
        ("teacher", "/sets/new", "/sets/new", {"article": article, "published_on": "10000-01-01"}, "Not a valid date"),
        ("teacher", f"/sets/{set_id}", f"/sets/{set_id}/details", {"title": "Trams", "published_on": "9999-12-31"},
         "Give a date between"),
        *[("teacher", f"/sets/{set_id}/assign", f"/sets/{set_id}/assign",
           {"classrooms": str(classroom_id), "due_date": day}, "Give a due date between")
          for day in ("9999-12-31", "0001-01-01")],
        # NUL and control characters, anywhere in a form
        ("teacher", "/classes/new", "/classes/new", {"name": "Year\x0010"}, "control character (U+0000)"),
        ("teacher", "/classes/new", "/classes/new", {"name": "Year\x1b[31m10"}, "control character (U+001B)"),
        ("teacher", "/sets/new", "/sets/new", {"article": article + "\x00", "published_on": "2024-03-03"},
         "control character"),
        ("teacher", "/sets/blank", "/sets/blank", {"title": "Trams", "description": "old\x85new"}, "control character"),
        ("teacher", f"/sets/{set_id}/questions/new", f"/sets/{set_id}/questions/new",
         {"kind": "short_answer", "prompt": "Who?\x00", "answer": "Ana"}, "control character"),
        ("nobody", "/auth/signup", "/auth/signup", {"name": "Ann\x00", "email": "ann@example.org", "password": PASSWORD,
                                                     "confirm": PASSWORD, "role": "learner"}, "control character"),
        ("nobody", "/auth/login", "/auth/login", {"email": "learner@example.org\x00", "password": PASSWORD},
         "control character"),
    ]
    # Names that show nothing, or turn their own text around
    for name in ("\u200b", "\u200b\u200c\u200d\ufeff", " \u2063 ", "\u3164", "\u202e", "\u0301\u0301",
                 "Year 10\u202e01 raeY", "\u2067Year 10\u2069"):
        cases += [
            ("teacher", "/classes/new", "/classes/new", {"name": name}, ""),
            ("teacher", f"/classes/{classroom_id}/rename", f"/classes/{classroom_id}/rename", {"name": name}, ""),
            ("teacher", "/sets/blank", "/sets/blank", {"title": name}, ""),
            ("teacher", f"/sets/{set_id}", f"/sets/{set_id}/details", {"title": name}, ""),
            ("nobody", "/auth/signup", "/auth/signup", {"name": name, "email": "ann@example.org", "password": PASSWORD,
                                                         "confirm": PASSWORD, "role": "learner"}, ""),
        ]
    return cases


def test_odd_form_input_is_refused_with_a_message_and_nothing_saved(world):
    failures = []
    for who, page, url, fields, phrase in form_cases(world.ids):
        client = {"teacher": world.teacher, "learner": world.learner, "nobody": world.app.test_client()}[who]
        before = world.counts()
        with world.app.app_context():
            names_before = db.session.execute(sa.text("SELECT name FROM classroom ORDER BY id")).scalars().all()
        response = form_post(client, url, fields, form_page=page)
        text = response.get_data(as_text=True)
        if response.status_code != 400 or (phrase and phrase not in text):
            failures.append(f"{url} {fields!r}: {response.status_code}, {phrase!r} shown: {phrase in text}")
        if world.counts() != before:
            failures.append(f"{url} {fields!r}: saved something")
        with world.app.app_context():
            if db.session.execute(sa.text("SELECT name FROM classroom ORDER BY id")).scalars().all() != names_before:
                failures.append(f"{url} {fields!r}: renamed a class")
    assert failures == []


@pytest.mark.parametrize("name", ["José", "Jose\u0301", "عائشة", "Ærøskøbing 7B", "张伟", "O'Brien-Smith", "😀 club"])
def test_ordinary_names_in_any_script_are_kept(world, name):
    response = form_post(world.teacher, "/classes/new", {"name": name})
    assert response.status_code == 302
    assert str(escape(name)) in world.teacher.get(response.headers["Location"]).get_data(as_text=True)


def test_odd_query_arguments_are_a_404_or_a_400(world):
    set_id = world.ids["set_id"]
    cases = [
        (world.learner, f"/study/?set_id={HUGE_IDS[0]}", 404),
        (world.learner, "/study/?set_id=-1", 404),
        (world.teacher, f"/reports/sets/{set_id}/items?classroom_id={HUGE_IDS[0]}", 404),
        (world.teacher, f"/reports/sets/{set_id}/items?classroom_id=1e9", 404),
        (world.teacher, "/sets/?status=%00", 400),
        (world.learner, "/study/?set_id=1%00", 400),
    ]
    failures = [(url, response.status_code) for client, url, status in cases
                if (response := client.get(url)).status_code != status]
    assert failures == []


def test_a_quiz_answer_naming_an_impossible_question_is_refused(world):
    before = world.counts()
    attempt_id = world.ids["attempt_id"]
    token = csrf_token(world.learner, f"/quiz/{attempt_id}")
    for accept in ("text/html", "application/json"):
        response = world.learner.post(f"/quiz/{attempt_id}/answer", headers={"Accept": accept}, data={
            "csrf_token": token, "question_id": HUGE_IDS[0], "submission_id": uuid.uuid4().hex, "response": "x"})
        assert response.status_code == 400, accept
    assert world.counts() == before


def import_file(world, filename: str, data: bytes):
    return form_post(world.teacher, "/sets/import", {"upload": (io.BytesIO(data), filename), "destination": "new"},
                     content_type="multipart/form-data")


@pytest.mark.parametrize(("filename", "data", "phrase"), [
    ("deep.json", b"[" * 100_000 + b"]" * 100_000, "nested too deeply"),
    ("deep.json", b'{"format": "factdeck-set", "a": ' + b'{"b": ' * 50_000 + b"1" + b"}" * 50_001, "nested too deeply"),
    ("nul.json", json.dumps({"format": "factdeck-set", "version": 1, "title": "T\u0000",
                             "questions": [{"kind": "flashcard", "prompt": "a\u0000", "answer": "b"}]}).encode(),
     "control character"),
    ("nul.csv", b"type,prompt,answer\nflashcard,front\x01,back\n", "control character"),
    ("date.json", json.dumps({"format": "factdeck-set", "version": 1, "title": "T", "published_on": "9999-12-31",
                              "questions": [{"kind": "flashcard", "prompt": "a", "answer": "b"}]}).encode(),
     "is not between"),
])
def test_odd_import_files_are_refused_with_a_message(world, filename, data, phrase):
    before = world.counts()
    response = import_file(world, filename, data)
    assert response.status_code == 400
    assert phrase in response.get_data(as_text=True)
    assert world.counts() == before


def test_an_import_larger_than_the_limit_is_refused(world):
    before = world.counts()
    data = b'{"format": "factdeck-set", "pad": "' + b"x" * (17 * 1024 * 1024) + b'"}'
    environ = EnvironBuilder(path="/sets/import", method="POST", data={
        "csrf_token": csrf_token(world.teacher, "/sets/import"), "upload": (io.BytesIO(data), "huge.json")}).get_environ()
    try:
        response = world.teacher.open(environ)
    finally:
        environ["wsgi.input"].close()  # the test client's temporary file; refused unread, the app never closes it
    assert response.status_code == 413
    assert "Too large" in response.get_data(as_text=True)
    assert world.counts() == before
