"""Guessing is slowed for every worker and machine at once, and never locks out everyone behind one proxy."""
from __future__ import annotations

import pytest
from werkzeug.security import generate_password_hash

from app import create_app
from app.auth import throttle
from app.extensions import db
from app.models import Classroom, FailedAttempt, Role, User
from tests.web.conftest import PASSWORD, csrf_token, post_form

PROXY = "10.0.0.1"  # the school's TLS proxy: every browser's requests come from it
CHEAP_HASH = generate_password_hash(PASSWORD, method="pbkdf2:sha256:1000")  # the limits are tested, not hashing


@pytest.fixture()
def database(tmp_path):
    return f"sqlite:///{tmp_path / 'shared.sqlite'}"


def instance(database: str):
    """One more app on the shared database, as another worker or machine runs it."""
    return create_app({"TESTING": True, "SECRET_KEY": "shared-secret", "SQLALCHEMY_DATABASE_URI": database})


@pytest.fixture()
def apps(database):
    first, second = instance(database), instance(database)
    with first.app_context():
        db.create_all()
        db.session.add_all([User(email=f"{name}@example.org", name=name.title(), role=Role.LEARNER,
                                 password_hash=CHEAP_HASH) for name in ("ada", "bea", "cy")])
        db.session.commit()
    yield first, second
    for app in (first, second):
        with app.app_context():
            db.engine.dispose()


def browser(app, address: str = PROXY):
    client = app.test_client()
    client.environ_base["REMOTE_ADDR"] = address
    return client


def log_in(client, email: str, password: str = PASSWORD) -> int:
    return post_form(client, "/auth/login", {"email": email, "password": password}).status_code


def test_guesses_at_one_account_are_counted_by_every_instance_and_address(apps):
    first, second = apps
    statuses = [log_in(browser(app, f"198.51.100.{number}"), "ada@example.org", "wrong guess")
                for number, app in enumerate([first, second] * 5)]
    assert statuses == [401] * 10
    # The 11th guess, from a new address on either instance, waits; so does the right password from a new browser.
    assert log_in(browser(first, "203.0.113.7"), "ada@example.org", "another guess") == 429
    assert log_in(browser(second, "203.0.113.8"), "ada@example.org") == 429
    assert log_in(browser(second, "203.0.113.9"), "bea@example.org") == 302  # other accounts are not touched


def test_a_browser_that_logged_in_before_is_not_locked_out_by_someone_elses_guessing(apps):
    first, second = apps
    own_laptop = browser(first)
    assert log_in(own_laptop, "ada@example.org") == 302
    own_laptop.post("/auth/logout", data={"csrf_token": csrf_token(own_laptop, "/")})
    for _ in range(throttle.ACCOUNT.attempts):  # someone else, behind the same proxy, guesses Ada's password
        log_in(browser(second), "ada@example.org", "wrong guess")
    assert log_in(browser(second), "ada@example.org") == 429
    assert log_in(own_laptop, "ada@example.org") == 302  # the device cookie of her earlier login lets her in


def test_many_bad_logins_from_the_proxy_never_lock_out_those_who_logged_in_before(apps, monkeypatch):
    first, second = apps
    monkeypatch.setattr(throttle, "ADDRESS", throttle.Limit(5, throttle.ADDRESS.window))
    regulars = {email: browser(first) for email in ("bea@example.org", "cy@example.org")}
    for email, client in regulars.items():
        assert log_in(client, email) == 302
        client.post("/auth/logout", data={"csrf_token": csrf_token(client, "/")})
    for number in range(5):  # bad logins to five unknown accounts, all through the proxy
        log_in(browser(second), f"nobody{number}@example.org", "wrong")
    assert log_in(browser(first), "bea@example.org") == 429  # a browser never used for the account waits
    assert all(log_in(client, email) == 302 for email, client in regulars.items())
    assert log_in(browser(first, "192.0.2.1"), "bea@example.org") == 302  # another address is not touched


def test_a_wrong_device_cookie_counts_as_none(apps):
    first, _ = apps
    client = browser(first)
    client.set_cookie(throttle.DEVICE_COOKIE, "forged", path="/auth/")
    for _ in range(throttle.ACCOUNT.attempts):
        assert log_in(client, "ada@example.org", "wrong") == 401
    assert log_in(client, "ada@example.org") == 429


def test_sign_ups_from_one_address_are_limited_across_instances(apps, monkeypatch):
    first, second = apps
    monkeypatch.setattr(throttle, "SIGNUP_ADDRESS", throttle.Limit(4, throttle.SIGNUP_ADDRESS.window))
    fields = {"name": "New", "password": PASSWORD, "confirm": PASSWORD, "role": "learner"}
    statuses = [post_form(browser(app), "/auth/signup", {**fields, "email": f"new{number}@example.org"}).status_code
                for number, app in enumerate([first, second, first, second, first])]
    assert statuses == [302, 302, 302, 302, 429]
    assert post_form(browser(second, "192.0.2.1"), "/auth/signup",
                     {**fields, "email": "elsewhere@example.org"}).status_code == 302
    with first.app_context():
        assert db.session.execute(db.select(db.func.count()).select_from(User)).scalar_one() == 3 + 5


def test_join_code_guessing_is_limited_per_learner(apps):
    first, second = apps
    with first.app_context():
        teacher = User(email="tess@example.org", name="Tess", role=Role.TEACHER, password_hash=CHEAP_HASH)
        db.session.add(teacher)
        db.session.flush()
        db.session.add(Classroom(teacher_id=teacher.id, name="Class 7", join_code="ABCDEFGH"))
        db.session.commit()
    clients = [browser(first), browser(second)]
    for client in clients:
        assert log_in(client, "ada@example.org") == 302
    statuses = [post_form(clients[number % 2], "/classes/join", {"code": f"WXYZ{number:04d}"}).status_code
                for number in range(throttle.JOIN_ACCOUNT.attempts + 1)]
    assert statuses == [400] * throttle.JOIN_ACCOUNT.attempts + [429]
    assert post_form(clients[0], "/classes/join", {"code": "ABCDEFGH"}).status_code == 429
    other = browser(second)
    assert log_in(other, "bea@example.org") == 302
    assert post_form(other, "/classes/join", {"code": "ABCDEFGH"}).status_code == 302  # another learner joins


def test_old_attempts_are_forgotten(apps):
    first, _ = apps
    with first.test_request_context(environ_base={"REMOTE_ADDR": PROXY}):
        db.session.add(FailedAttempt(key="account:old@example.org", at=throttle.utcnow() - 2 * throttle._LONGEST))
        db.session.commit()
        throttle.count_failed_login("ada@example.org")
        keys = db.session.execute(db.select(FailedAttempt.key)).scalars().all()
    assert sorted(keys) == ["account:ada@example.org", f"address:{PROXY}"]
