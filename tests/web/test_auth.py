"""Accounts: signing up, logging in and out, CSRF and the guard on failed logins."""
from __future__ import annotations

import pytest

from app import create_app
from app.extensions import db
from app.models import Role, User
from tests.web.conftest import PASSWORD, csrf_token, log_in, make_user, post_form


def test_signup_creates_a_hashed_account_and_logs_in(app, client):
    response = post_form(client, "/auth/signup", {
        "name": "Ada", "email": "Ada@Example.org", "password": PASSWORD, "confirm": PASSWORD, "role": "teacher"})
    assert response.status_code == 302
    assert "Welcome, Ada" in client.get("/").get_data(as_text=True)
    with app.app_context():
        user = db.session.execute(db.select(User)).scalar_one()
        assert (user.email, user.role) == ("ada@example.org", Role.TEACHER)
        assert PASSWORD not in user.password_hash and user.check_password(PASSWORD)


@pytest.mark.parametrize("fields, message", [
    ({"password": "short", "confirm": "short"}, "at least 8"),
    ({"confirm": "something else entirely"}, "The passwords differ"),
    ({"email": "not-an-email"}, "Invalid email"),
    ({"name": ""}, "This field is required"),
])
def test_signup_rejects_bad_fields_and_saves_nothing(app, client, fields, message):
    data = {"name": "Ada", "email": "ada@example.org", "password": PASSWORD, "confirm": PASSWORD, "role": "learner"}
    response = post_form(client, "/auth/signup", {**data, **fields})
    assert response.status_code == 400
    assert message.lower() in response.get_data(as_text=True).lower()
    with app.app_context():
        assert db.session.execute(db.select(User)).first() is None


def test_signup_twice_with_one_email_is_refused(app, client):
    make_user(app, role=Role.LEARNER, email="ada@example.org")
    response = post_form(client, "/auth/signup", {
        "name": "Ada", "email": "ada@example.org", "password": PASSWORD, "confirm": PASSWORD, "role": "learner"})
    assert "already exists" in response.get_data(as_text=True)


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


def test_the_failed_login_counts_live_where_the_configuration_says(tmp_path):
    """Several servers share one store by its URI; an unknown store stops the app at start, not at a login."""
    from limits.errors import ConfigurationError

    with pytest.raises(ConfigurationError):
        create_app({"TESTING": True, "SECRET_KEY": "x", "LOGIN_LIMIT_STORAGE": "nowhere://",
                    "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'n.sqlite'}"})
