"""Accounts: signing up, logging in and out, CSRF and the guard on failed logins."""
from __future__ import annotations

import re
import statistics
import time

import pytest

from app import create_app
from app.extensions import db
from app.models import Role, User
from tests.web.conftest import PASSWORD, csrf_token, log_in, make_user, post_form


def test_signup_creates_a_hashed_account_and_sends_the_person_to_log_in(app, client):
    response = post_form(client, "/auth/signup", {
        "name": "Ada", "email": "Ada@Example.org", "password": PASSWORD, "confirm": PASSWORD, "role": "teacher"})
    assert response.status_code == 302 and response.headers["Location"] == "/auth/login"
    assert "Your account is ready" in client.get("/auth/login").get_data(as_text=True)
    assert log_in(client, "ada@example.org").status_code == 302
    assert "Welcome, Ada" in client.get("/").get_data(as_text=True)
    with app.app_context():
        user = db.session.execute(db.select(User)).scalar_one()
        assert (user.email, user.role) == ("ada@example.org", Role.TEACHER)
        assert PASSWORD not in user.password_hash and user.check_password(PASSWORD)


@pytest.mark.parametrize("fields, message", [
    ({"password": "short", "confirm": "short"}, "at least 12"),
    ({"password": "password1234", "confirm": "password1234"}, "This is a very common password"),
    ({"password": "123456789012", "confirm": "123456789012"}, "similar to a commonly used password"),
    ({"password": "adalovelace1", "confirm": "adalovelace1"}, "not your name or email"),
    ({"confirm": "something else entirely"}, "The passwords differ"),
    ({"email": "not-an-email"}, "Invalid email"),
    ({"name": ""}, "This field is required"),
])
def test_signup_rejects_bad_fields_and_saves_nothing(app, client, fields, message):
    data = {"name": "Ada Lovelace", "email": "ada.lovelace@example.org", "password": PASSWORD, "confirm": PASSWORD,
            "role": "learner"}
    response = post_form(client, "/auth/signup", {**data, **fields})
    assert response.status_code == 400
    assert message.lower() in response.get_data(as_text=True).lower()
    with app.app_context():
        assert db.session.execute(db.select(User)).first() is None


def test_signup_with_a_taken_email_answers_as_for_a_new_one_and_changes_nothing(app, client):
    make_user(app, role=Role.LEARNER, email="ada@example.org", name="Ada")
    new = post_form(client, "/auth/signup", {
        "name": "Bea", "email": "bea@example.org", "password": PASSWORD, "confirm": PASSWORD, "role": "learner"})
    new_page = client.get(new.headers["Location"]).get_data(as_text=True)
    taken = post_form(client, "/auth/signup", {
        "name": "Mallory", "email": "ada@example.org", "password": "another fine secret", "confirm": "another fine secret",
        "role": "teacher"})
    taken_page = client.get(taken.headers["Location"]).get_data(as_text=True)
    assert (taken.status_code, taken.headers["Location"]) == (new.status_code, new.headers["Location"])
    assert flashed(taken_page) == flashed(new_page) and "already exists" not in taken_page
    with app.app_context():
        ada = db.session.execute(db.select(User).filter_by(email="ada@example.org")).scalar_one()
        assert (ada.name, ada.role) == ("Ada", Role.LEARNER) and ada.check_password(PASSWORD)
        assert db.session.execute(db.select(db.func.count()).select_from(User)).scalar_one() == 2


def flashed(page: str) -> list[str]:
    return re.findall(r'<div class="alert[^"]*"[^>]*>(.*?)</div>', page, re.S)


def median_seconds(first, second, times: int = 9) -> tuple[float, float]:
    """Return the median time of each action, timed in turns so that the machine's other work slows both alike."""
    durations: tuple[list[float], list[float]] = ([], [])
    for _ in range(times):
        for action, spent in ((first, durations[0]), (second, durations[1])):
            started = time.perf_counter()
            action()
            spent.append(time.perf_counter() - started)
    return statistics.median(durations[0]), statistics.median(durations[1])


def test_a_login_takes_as_long_for_an_unknown_email_as_for_a_known_one(app, client):
    """Before, a known email took 177 ms (the password hash checked) and an unknown one 6 ms."""
    make_user(app, role=Role.LEARNER, email="ada@example.org")
    known, unknown = median_seconds(lambda: log_in(client, "ada@example.org", "not the password"),
                                    lambda: log_in(client, "nobody@example.org", "not the password"))
    assert 0.5 < unknown / known < 2, (known, unknown)


def test_a_signup_takes_as_long_for_a_taken_email_as_for_a_new_one(app, client):
    make_user(app, role=Role.LEARNER, email="ada@example.org")
    fields = {"name": "Ada", "password": PASSWORD, "confirm": PASSWORD, "role": "learner"}
    emails = iter(f"new{number}@example.org" for number in range(100))
    taken, new = median_seconds(lambda: post_form(client, "/auth/signup", {**fields, "email": "ada@example.org"}),
                                lambda: post_form(client, "/auth/signup", {**fields, "email": next(emails)}))
    assert 0.5 < taken / new < 2, (taken, new)


@pytest.mark.parametrize("setting, code, typed, allowed", [
    ("open", "", None, True),
    ("code", "staff-room-42", "staff-room-42", True),
    ("code", "staff-room-42", "staff-room-41", False),
    ("code", "", "", False),  # no code set: no one
    ("closed", "", None, False),
])
def test_who_may_sign_up_as_a_teacher_is_a_setting(app, client, setting, code, typed, allowed):
    app.config.update(TEACHER_SIGNUP=setting, TEACHER_SIGNUP_CODE=code)
    form = client.get("/auth/signup").get_data(as_text=True)
    assert ('value="teacher"' in form) is (setting != "closed" and not (setting == "code" and not code))
    assert ("Teacher sign-up code" in form) is (setting == "code" and bool(code))
    fields = {"name": "Tess", "email": "tess@example.org", "password": PASSWORD, "confirm": PASSWORD, "role": "teacher"}
    response = post_form(client, "/auth/signup", {**fields, **({"teacher_code": typed} if typed is not None else {})})
    assert (response.status_code == 302) is allowed
    with app.app_context():
        teachers = db.session.execute(db.select(User).filter_by(role=Role.TEACHER)).scalars().all()
    assert len(teachers) == (1 if allowed else 0)
    learner = post_form(client, "/auth/signup", {**fields, "email": "lee@example.org", "role": "learner"})
    assert learner.status_code == 302  # learners sign up whatever the setting


def test_login_with_a_wrong_password_is_refused(app, client):
    make_user(app, role=Role.LEARNER, email="ada@example.org")
    response = log_in(client, "ada@example.org", "wrong password")
    assert response.status_code == 401
    assert "do not match" in response.get_data(as_text=True)
    assert "Log in" in client.get("/").get_data(as_text=True)


def test_logout_ends_the_session(client, learner):
    response = post_form(client, "/auth/logout", {}, form_page="/")
    assert response.status_code == 302
    assert "Sign up" in client.get("/").get_data(as_text=True)


def test_a_post_without_csrf_token_is_rejected(app, client):
    make_user(app, role=Role.LEARNER, email="ada@example.org")
    response = client.post("/auth/login", data={"email": "ada@example.org", "password": PASSWORD})
    assert response.status_code == 400
    assert "expired" in response.get_data(as_text=True)


def test_login_redirects_only_to_local_pages(app, client):
    make_user(app, role=Role.LEARNER, email="ada@example.org")
    response = post_form(client, "/auth/login?next=https://evil.example/", {"email": "ada@example.org", "password": PASSWORD},
                         form_page="/auth/login")
    assert response.headers["Location"] == "/"


@pytest.fixture()
def limited_app(tmp_path):
    """An app that limits failed logins, as deployed (the other tests switch the limit off)."""
    app = create_app({"TESTING": True, "SECRET_KEY": "x",
                      "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'l.sqlite'}"})
    with app.app_context():
        db.create_all()
    make_user(app, role=Role.LEARNER, email="ada@example.org")
    yield app
    with app.app_context():
        db.engine.dispose()


def test_repeated_failed_logins_are_slowed_down(limited_app):
    client = limited_app.test_client()
    statuses = [log_in(client, "ada@example.org", "wrong").status_code for _ in range(11)]
    assert statuses[:10] == [401] * 10 and statuses[10] == 429
    # The allowance is spent for this address: the right password waits too, and nothing is logged in.
    assert log_in(client, "ada@example.org").status_code == 429
    assert client.get("/progress/").status_code == 302


def test_successful_logins_never_count_against_the_limit(limited_app):
    client = limited_app.test_client()
    for _ in range(12):
        assert log_in(client, "ada@example.org").status_code == 302
        client.post("/auth/logout", data={"csrf_token": csrf_token(client, "/")})
    assert log_in(client, "ada@example.org", "wrong").status_code == 401


def test_unknown_page_is_a_readable_404(client):
    response = client.get("/no/such/page")
    assert response.status_code == 404
    assert "Not found" in response.get_data(as_text=True)


def test_the_demo_and_test_passwords_are_accepted_by_the_password_check():
    from app.auth.passwords import check_password
    from app.demo import DEMO_PASSWORD, DEMO_TEACHER_EMAIL
    from tests.browser.pages import PASSWORD as BROWSER_PASSWORD

    for password, email in ((DEMO_PASSWORD, DEMO_TEACHER_EMAIL), (PASSWORD, "ada@example.org"),
                            (BROWSER_PASSWORD, "tess@example.org")):
        check_password(password, related=("Demo Teacher", email))
