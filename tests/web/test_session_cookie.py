"""The session cookie is signed again only when the session changed or the cookie has aged."""
from __future__ import annotations

import datetime as dt
import time

import pytest

from app.models import Role
from tests.web.conftest import csrf_token, log_in, make_user

EMAIL = "ada@example.org"


def session_cookie_set(response) -> bool:
    return any(header.startswith("session=") for header in response.headers.getlist("Set-Cookie"))


@pytest.mark.parametrize(("refresh_after", "sent_again"), [
    (dt.timedelta(minutes=5), False),  # a cookie signed a moment ago stands
    (dt.timedelta(0), True),  # an aged cookie is signed again, so that an active session does not expire
])
def test_an_unchanged_session_cookie_is_sent_again_only_once_aged(app, client, refresh_after, sent_again):
    make_user(app, role=Role.LEARNER, email=EMAIL)
    assert session_cookie_set(log_in(client, EMAIL))  # logging in changes the session
    assert session_cookie_set(client.get("/"))  # so does showing the welcome message, once
    app.config["SESSION_REFRESH_AFTER"] = refresh_after
    response = client.get("/")
    assert response.status_code == 200
    assert session_cookie_set(response) is sent_again


def test_a_changed_session_is_always_sent(app, client):
    make_user(app, role=Role.LEARNER, email=EMAIL)
    log_in(client, EMAIL)
    response = client.post("/auth/logout", data={"csrf_token": csrf_token(client, "/")})
    assert session_cookie_set(response)


def test_a_cookie_older_than_the_session_lifetime_logs_out(app, client):
    make_user(app, role=Role.LEARNER, email=EMAIL)
    app.config["PERMANENT_SESSION_LIFETIME"] = dt.timedelta(seconds=1)
    log_in(client, EMAIL)
    assert client.get("/progress/").status_code == 200
    time.sleep(2.1)  # the signature's timestamp counts whole seconds
    response = client.get("/progress/")
    assert response.status_code == 302 and "/auth/login" in response.headers["Location"]
