"""The authorization matrix: every route of the app, for every kind of visitor, from the app's own URL map.

Routes are read from ``app.url_map``, so a new route is checked the day it is added; a route with an
argument this module cannot fill, or in a blueprint it does not know, fails until it is added here.
"""
from __future__ import annotations

import datetime as dt
import re
import secrets
from dataclasses import dataclass

import pytest
from flask import url_for
from werkzeug.security import generate_password_hash

from app import create_app
from app.extensions import db
from app.models import (Answer, Assignment, Attempt, Classroom, Enrollment, GenerationJob, JobKind, JobStatus, Question,
                        QuestionKind, QuestionSet,
                        ReviewStatus, Role, SetStatus, User, utcnow)
from tests.web.conftest import PASSWORD, csrf_token, log_in

TEACHER_BLUEPRINTS = frozenset({"classes", "sets", "reports"})
LEARNER_BLUEPRINTS = frozenset({"study", "quiz", "progress"})
LEARNER_ENDPOINTS = frozenset({"classes.join"})
PUBLIC_BLUEPRINTS = frozenset({"home", "auth", "bootstrap"})
PUBLIC_ENDPOINTS = frozenset({"static"})

# Strings only the owner's pages may show: none may reach another teacher or an outside learner.
SET_TITLE = "Zanzibar spice harvest"
CLASS_NAME = "Quokka reading circle"
JOIN_CODE = "QKRC7WXY"
LEARNER_EMAIL = "enrolled.pupil@example.org"
LEARNER_NAME = "Ingrid Enrolled"
# Logging in is what is checked here, not password hashing: a cheap hash keeps 200 logins quick.
CHEAP_PASSWORD_HASH = generate_password_hash(PASSWORD, method="pbkdf2:sha256:1000")
LOGIN_PAGE = "/auth/login"
OUTSIDER_SUBMISSION = "outsider-submission-0001-abcdef"


@dataclass(frozen=True)
class Route:
    endpoint: str
    rule: str
    method: str  # GET when the rule answers GET, else POST (with a valid CSRF token)
    arguments: tuple[str, ...]

    @property
    def blueprint(self) -> str:
        return self.endpoint.rsplit(".", 1)[0] if "." in self.endpoint else ""

    @property
    def audience(self) -> str:
        if self.endpoint in LEARNER_ENDPOINTS or self.blueprint in LEARNER_BLUEPRINTS:
            return "learner"
        if self.blueprint in TEACHER_BLUEPRINTS:
            return "teacher"
        if self.blueprint in PUBLIC_BLUEPRINTS or self.endpoint in PUBLIC_ENDPOINTS:
            return "public"
        return "unknown"


def all_routes() -> list[Route]:
    app = create_app({"TESTING": True, "SECRET_KEY": "routes-only", "SQLALCHEMY_DATABASE_URI": "sqlite://"})
    routes = []
    for rule in app.url_map.iter_rules():
        method = "GET" if "GET" in rule.methods else "POST"
        routes.append(Route(rule.endpoint, rule.rule, method, tuple(sorted(rule.arguments))))
    return sorted(routes, key=lambda route: (route.endpoint, route.rule))


ROUTES = all_routes()
TEACHER_ROUTES = [route for route in ROUTES if route.audience == "teacher"]
LEARNER_ROUTES = [route for route in ROUTES if route.audience == "learner"]


def route_id(route: Route) -> str:
    return f"{route.method} {route.rule}"


# --- the world every check runs in ----------------------------------------------------------------

@pytest.fixture()
def world(app) -> dict[str, int]:
    """An owner teacher's class with an enrolled learner, a published assigned set and an attempt at it.

    Beside them: another teacher, and a learner in none of the owner's classes.
    """
    with app.app_context():
        def user(email: str, name: str, role: Role) -> User:
            account = User(email=email, name=name, role=role, password_hash=CHEAP_PASSWORD_HASH)
            db.session.add(account)
            return account

        owner = user("owner@example.org", "Olive Owner", Role.TEACHER)
        other_teacher = user("other.teacher@example.org", "Otto Other", Role.TEACHER)
        learner = user(LEARNER_EMAIL, LEARNER_NAME, Role.LEARNER)
        outsider = user("outsider@example.org", "Oscar Outsider", Role.LEARNER)
        db.session.flush()

        classroom = Classroom(teacher_id=owner.id, name=CLASS_NAME, join_code=JOIN_CODE)
        question_set = QuestionSet(owner_id=owner.id, title=SET_TITLE, status=SetStatus.PUBLISHED,
                                   published_at=utcnow(), published_on=dt.date(2024, 5, 15))
        sentence = "Zanzibar exported 4,000 tonnes of cloves in 2023, the ministry said."
        question_set.questions = [
            Question(kind=QuestionKind.MULTIPLE_CHOICE, position=0, prompt="How many tonnes of cloves did Zanzibar export?",
                     answer="4,000", choices=["4,000", "400", "40,000", "14,000"], explanation=sentence,
                     review_status=ReviewStatus.APPROVED, fact_kind="number"),
            Question(kind=QuestionKind.TRUE_FALSE, position=1, prompt="Zanzibar exported cloves in 2023.",
                     answer="True", choices=["True", "False"], explanation=sentence,
                     review_status=ReviewStatus.APPROVED, fact_kind="date"),
            Question(kind=QuestionKind.FLASHCARD, position=2, prompt="Who reported Zanzibar's clove exports?",
                     answer="the ministry", explanation=sentence, review_status=ReviewStatus.APPROVED,
                     fact_kind="speaker"),
        ]
        db.session.add_all([classroom, question_set])
        db.session.flush()
        db.session.add(Enrollment(classroom_id=classroom.id, learner_id=learner.id))
        assignment = Assignment(set_id=question_set.id, classroom_id=classroom.id, due_at=utcnow() + dt.timedelta(days=7))
        first, *_ = question_set.questions
        attempt = Attempt(learner_id=learner.id, set_id=question_set.id,
                          question_ids=[question.id for question in question_set.questions],
                          total=len(question_set.questions), correct=1)
        db.session.add_all([assignment, attempt])
        db.session.flush()
        db.session.add(Answer(attempt_id=attempt.id, question_id=first.id, learner_id=learner.id, response="4,000",
                              correct=True, duration_ms=4200, submission_id="world-answer-1"))
        job = GenerationJob(owner_id=owner.id, kind=JobKind.REGENERATE, set_id=question_set.id,
                            status=JobStatus.RUNNING, started_at=utcnow(), article_bytes=100_000)
        db.session.add(job)
        db.session.commit()
        return {
            "owner": owner.id, "other_teacher": other_teacher.id, "outsider": outsider.id,
            "classroom_id": classroom.id, "set_id": question_set.id, "question_id": first.id, "job_id": job.id,
            "learner_id": learner.id, "attempt_id": attempt.id, "assignment_id": assignment.id,
            "format_name": "moodle-xml",  # an export format; each one is tested in test_interop.py
        }


URL_ARGUMENTS = ("classroom_id", "set_id", "question_id", "learner_id", "attempt_id", "assignment_id", "job_id",
                 "format_name")


def url_for_world(route: Route, world: dict[str, int]) -> str:
    """Fill the rule's arguments with the world's ids; fail for an argument nobody taught this test."""
    unknown = [argument for argument in route.arguments if argument not in URL_ARGUMENTS]
    if unknown:
        pytest.fail(f"{route.endpoint} ({route.rule}) has arguments {unknown} the authorization matrix cannot fill: "
                    "add them to the world fixture and URL_ARGUMENTS in tests/web/test_authorization.py")
    url = route.rule
    for argument in route.arguments:
        url = re.sub(rf"<(?:[^<>:]*(?:\([^)]*\))?:)?{argument}>", str(world[argument]), url)
    assert "<" not in url, f"unfilled converter in {route.rule}"
    return url


def logged_in(app, email: str | None):
    """A client logged in as ``email``, or an anonymous one for None."""
    client = app.test_client()
    if email is not None:
        assert log_in(client, email).status_code == 302, f"could not log in as {email}"
    client.form_page = "/" if email is not None else LOGIN_PAGE  # a page whose form carries a CSRF token
    return client


def send(client, route: Route, url: str, world: dict[str, int]):
    """Request the route as its rule allows; a POST carries a valid CSRF token and well-formed answer fields.

    The answer fields let a POST get past input checks to the ownership check; other forms ignore them.
    """
    if route.method == "GET":
        return client.get(url)
    return client.post(url, data={"csrf_token": csrf_token(client, client.form_page),
                                  "question_id": world["question_id"], "response": "4,000", "rating": "3",
                                  "submission_id": secrets.token_urlsafe(18), "duration_ms": "1500"})


def assert_sent_to_login(response, who: str) -> None:
    assert response.status_code == 302, f"{who}: expected a redirect to log in, got {response.status_code}"
    assert response.headers["Location"].startswith(LOGIN_PAGE), response.headers["Location"]


def assert_no_owner_data(response, who: str) -> None:
    body = response.get_data(as_text=True)
    leaked = [secret for secret in (SET_TITLE, CLASS_NAME, JOIN_CODE, f"{JOIN_CODE[:4]}-{JOIN_CODE[4:]}",
                                    LEARNER_EMAIL, LEARNER_NAME) if secret in body]
    assert not leaked, f"{who} saw the owner's data: {leaked}"


def assert_allowed(response, route: Route, who: str) -> None:
    """The owner is let through: a page, a redirect, or a form's own complaint about missing fields."""
    allowed = {200, 302, 303}
    if route.method == "POST":
        allowed.add(400)  # an empty form may be refused by its validation, never by the CSRF check
        assert "This form has expired" not in response.get_data(as_text=True), f"{who}: CSRF token was refused"
    assert response.status_code in allowed, f"{who}: got {response.status_code}"


# --- the matrix -----------------------------------------------------------------------------------

def test_every_route_belongs_to_a_known_audience():
    unknown = [route_id(route) + f" ({route.endpoint})" for route in ROUTES if route.audience == "unknown"]
    assert not unknown, ("routes in a blueprint this matrix does not know; classify the blueprint in "
                         f"tests/web/test_authorization.py: {unknown}")


@pytest.mark.parametrize("route", TEACHER_ROUTES + LEARNER_ROUTES, ids=route_id)
def test_every_route_argument_can_be_filled(route):
    unknown = [argument for argument in route.arguments if argument not in URL_ARGUMENTS]
    assert not unknown, f"{route.endpoint} has arguments {unknown} the authorization matrix cannot fill"


def test_the_matrix_covers_the_contract_routes():
    endpoints = {route.endpoint for route in TEACHER_ROUTES + LEARNER_ROUTES}
    assert {"classes.index", "classes.detail", "classes.join"} <= endpoints


@pytest.mark.parametrize("route", TEACHER_ROUTES, ids=route_id)
def test_teacher_route(app, world, route):
    url = url_for_world(route, world)

    assert_sent_to_login(send(logged_in(app, None), route, url, world), "anonymous")

    response = send(logged_in(app, LEARNER_EMAIL), route, url, world)
    assert response.status_code == 403, f"enrolled learner: got {response.status_code}"

    response = send(logged_in(app, "other.teacher@example.org"), route, url, world)
    if route.arguments:
        assert response.status_code in (403, 404), f"other teacher: got {response.status_code}"
    else:
        assert_allowed(response, route, "other teacher")  # their own list, which must not hold the owner's things
    assert_no_owner_data(response, "other teacher")

    # The owner goes last: their POST may archive, delete or publish what the others tried to reach.
    assert_allowed(send(logged_in(app, "owner@example.org"), route, url, world), route, "owner")


@pytest.mark.parametrize("route", LEARNER_ROUTES, ids=route_id)
def test_learner_route(app, world, route):
    url = url_for_world(route, world)

    assert_sent_to_login(send(logged_in(app, None), route, url, world), "anonymous")

    response = send(logged_in(app, "owner@example.org"), route, url, world)
    assert response.status_code == 403, f"teacher: got {response.status_code}"

    outsider = send(logged_in(app, "outsider@example.org"), route, url, world)
    if {"set_id", "attempt_id", "question_id"} & set(route.arguments):
        assert outsider.status_code in (403, 404), f"learner outside the class: got {outsider.status_code}"
    assert_no_owner_data(outsider, "learner outside the class")

    assert_allowed(send(logged_in(app, LEARNER_EMAIL), route, url, world), route, "enrolled learner")


# --- learners keep to their own classes and attempts ----------------------------------------------

def quiz_urls(app, world: dict[str, int]) -> dict[str, str]:
    with app.test_request_context():
        return {
            "start": url_for("quiz.start", set_id=world["set_id"]),
            "question": url_for("quiz.question", attempt_id=world["attempt_id"]),
            "result": url_for("quiz.result", attempt_id=world["attempt_id"]),
        }


def test_a_learner_outside_the_class_cannot_start_its_quiz(app, world):
    if "quiz.start" not in app.view_functions:
        pytest.fail("quiz.start is in the contract but not in the app")
    client = logged_in(app, "outsider@example.org")
    url = quiz_urls(app, world)["start"]
    for response in (client.get(url), client.post(url, data={"csrf_token": csrf_token(client, "/")})):
        assert response.status_code in (403, 404, 405)
        assert_no_owner_data(response, "outsider")
    with app.app_context():
        started = db.session.execute(db.select(Attempt).filter_by(learner_id=world["outsider"])).first()
        assert started is None


@pytest.mark.parametrize("page", ["question", "result"])
def test_a_learner_cannot_open_another_learners_attempt(app, world, page):
    if f"quiz.{page}" not in app.view_functions:
        pytest.fail(f"quiz.{page} is in the contract but not in the app")
    response = logged_in(app, "outsider@example.org").get(quiz_urls(app, world)[page])
    assert response.status_code in (403, 404)
    assert_no_owner_data(response, "outsider")
    assert "4,000 tonnes" not in response.get_data(as_text=True)


def test_a_learner_cannot_answer_in_another_learners_attempt(app, world):
    if "quiz.answer" not in app.view_functions:
        pytest.fail("quiz.answer is in the contract but not in the app")
    client = logged_in(app, "outsider@example.org")
    with app.test_request_context():
        url = url_for("quiz.answer", attempt_id=world["attempt_id"])
    response = client.post(url, data={"csrf_token": csrf_token(client, "/"), "question_id": world["question_id"] + 1,
                                      "response": "True", "submission_id": OUTSIDER_SUBMISSION, "duration_ms": "1000"})
    assert response.status_code in (403, 404)
    with app.app_context():
        assert db.session.execute(db.select(Answer).filter_by(submission_id=OUTSIDER_SUBMISSION)).first() is None
        assert db.session.execute(db.select(db.func.count(Answer.id))).scalar() == 1


def test_a_teacher_enrolled_in_a_class_is_still_refused_its_quiz(app, world):
    """Starting a quiz knows the learner by the session's id alone, so the enrollment must be a learner's.

    The forms never enroll a teacher; a row put in the database by hand must not get one an attempt.
    """
    with app.app_context():
        db.session.add(Enrollment(classroom_id=world["classroom_id"], learner_id=world["other_teacher"]))
        db.session.commit()
    client = logged_in(app, "other.teacher@example.org")
    response = client.post(quiz_urls(app, world)["start"], data={"csrf_token": csrf_token(client, "/")})
    assert response.status_code == 403
    with app.app_context():
        assert db.session.execute(db.select(Attempt).filter_by(learner_id=world["other_teacher"])).first() is None
