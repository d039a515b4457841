"""Logins that end: a copy of the session or remember-me cookie stops working when its login is ended."""
from __future__ import annotations

import datetime as dt

import pytest

from app.auth import sessions
from app.extensions import db
from app.models import Answer, LoginSession, Role, User
from tests.web.conftest import csrf_token, log_in, make_user, post_form
from tests.web.test_quiz_json import answer_form, assigned, attempt, post_json, rows  # noqa: F401 (fixtures)

LEARNER_EMAIL = "learner@example.org"
SESSION_COOKIE = "session"
REMEMBER_COOKIE = "remember_token"


def copy_of(app, client, *names: str):
    """Return a new browser holding copies of the named cookies of ``client``, as someone who copied them."""
    other = app.test_client()
    for name in names:
        cookie = client.get_cookie(name)
        assert cookie is not None, f"no {name} cookie to copy"
        other.set_cookie(name, cookie.value)
    return other


def opens_study(client) -> bool:
    reply = client.get("/study/")
    return reply.status_code == 200


def log_out(client):
    return client.post("/auth/logout", data={"csrf_token": csrf_token(client, "/")})


def test_a_session_cookie_copied_before_logout_is_refused_after_it(app, client, learner):
    copied = copy_of(app, client, SESSION_COOKIE)
    assert opens_study(copied)
    log_out(client)
    reply = copied.get("/study/")
    assert reply.status_code == 302 and "/auth/login" in reply.headers["Location"]
    assert not opens_study(client)


def test_a_remember_me_cookie_copied_before_logout_is_refused_after_it(app, client):
    make_user(app, role=Role.LEARNER, email=LEARNER_EMAIL)
    post_form(client, "/auth/login", {"email": LEARNER_EMAIL, "password": "correct horse battery", "remember": "y"})
    remembered = copy_of(app, client, REMEMBER_COOKIE)  # no session cookie: the remember-me cookie alone
    assert opens_study(remembered)
    log_out(client)
    fresh_copy = copy_of(app, client, REMEMBER_COOKIE) if client.get_cookie(REMEMBER_COOKIE) else None
    assert fresh_copy is None or not opens_study(fresh_copy)
    again = app.test_client()
    again.set_cookie(REMEMBER_COOKIE, remembered.get_cookie(REMEMBER_COOKIE).value)
    assert not opens_study(again)


def test_an_answer_sent_with_a_session_copied_before_logout_is_refused_and_not_stored(app, client, attempt):
    form = answer_form(client, attempt, "Lakeport")
    copied = copy_of(app, client, SESSION_COOKIE)
    log_out(client)
    reply = post_json(copied, attempt, form)
    # The quiz page's script is told to log in again (401 with the login's address); nothing is stored.
    assert reply.status_code == 401 and reply.get_json()["login_url"].startswith("/auth/login")
    assert rows(app, Answer) == []


def test_logging_out_ends_only_that_login(app, client, learner):
    other_device = app.test_client()
    log_in(other_device, LEARNER_EMAIL)
    log_out(client)
    assert opens_study(other_device)


@pytest.mark.parametrize("keep_this_one", [True, False], ids=["password change", "password reset"])
def test_a_password_change_or_reset_ends_the_other_logins(app, client, learner, keep_this_one):
    """A password change ends every login but the one that made it; a reset ends them all."""
    other_device = app.test_client()
    log_in(other_device, LEARNER_EMAIL)
    copied = copy_of(app, other_device, SESSION_COOKIE)
    with app.app_context():
        user = sessions.load_user(_token_of(app, client))  # the account as the first browser's request loads it
        ended = sessions.end_other_sessions(user) if keep_this_one else sessions.end_all_sessions(user)
    assert ended == (1 if keep_this_one else 2)
    assert not opens_study(other_device) and not opens_study(copied)
    assert opens_study(client) is keep_this_one


def _token_of(app, client) -> str:
    """Return the login token the client's signed session carries."""
    serializer = app.session_interface.get_signing_serializer(app)
    return serializer.loads(client.get_cookie(SESSION_COOKIE).value)["_user_id"]


def test_a_login_ends_after_its_longest_life_however_active(app, client, learner):
    assert opens_study(client)
    with app.app_context():
        db.session.execute(db.update(LoginSession).values(created_at=dt.datetime(2000, 1, 1)))
        db.session.commit()
    assert not opens_study(client)


def test_the_database_holds_no_token_that_opens_a_session(app, client, learner):
    token = _token_of(app, client)
    with app.app_context():
        stored = db.session.execute(db.select(LoginSession.token_hash)).scalars().all()
    assert len(stored) == 1 and token not in stored[0] and len(stored[0]) == 64
