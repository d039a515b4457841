"""Logins that can be ended: each is a row, and every request's cookie must name one that still exists.

Flask-Login keeps whatever ``User.get_id()`` returns in the signed session and in the remember-me
cookie. Here that is a random token whose SHA-256 names a ``LoginSession`` row; the user loader finds
the account through that row (one query, as before), and the quiz's answer checks the row inside its own read.
Deleting the row (log out, a password change, a reset) refuses every copy of both cookies at once,
on every worker and machine. A login lasts at most LOGIN_MAX_DAYS however active it stays.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import secrets
from typing import NamedTuple

from flask import current_app, g, session
from flask_login import login_user, logout_user
from sqlalchemy import ColumnElement, bindparam, delete, exists, select

from app.database import begin_write
from app.extensions import db
from app.models import LoginSession, Role, User, utcnow

# The app's own session key for this browser's login token; Flask-Login's private keys are never read.
LOGIN_SESSION_KEY = "factdeck_login"
_LOGIN = LoginSession.__table__
_LOGIN_OWNER = select(_LOGIN.c.user_id).where(_LOGIN.c.token_hash == bindparam("login_hash"),
                                              _LOGIN.c.created_at > bindparam("login_since"))
# Built once: every logged-in request runs it, and building and keying a new statement cost more than its read.
_LOGIN_ACCOUNT = (select(User).join(LoginSession, LoginSession.user_id == User.id)
                  .where(LoginSession.token_hash == bindparam("login_hash"),
                         LoginSession.created_at > bindparam("login_since")))


def _hashed(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def _oldest_allowed() -> dt.datetime:
    return utcnow() - dt.timedelta(days=current_app.config["LOGIN_MAX_DAYS"])


def log_in(user: User, *, remember: bool = False) -> None:
    """Open a login session for the user and sign them in on this browser (a permanent session)."""
    token = secrets.token_urlsafe(32)
    begin_write()
    db.session.execute(delete(LoginSession).where(LoginSession.user_id == user.id,
                                                  LoginSession.created_at <= _oldest_allowed()))
    db.session.add(LoginSession(user_id=user.id, token_hash=_hashed(token)))
    db.session.commit()
    user.login_token = token
    session.permanent = True
    login_user(user, remember=remember)
    session[LOGIN_SESSION_KEY] = token


def log_out(user: User) -> None:
    """End this login: the session and remember-me cookies of every browser that holds a copy stop working."""
    if user.login_token:
        begin_write()
        db.session.execute(delete(LoginSession).where(LoginSession.token_hash == _hashed(user.login_token)))
        db.session.commit()
    logout_user()
    session.pop(LOGIN_SESSION_KEY, None)


def end_other_sessions(user: User) -> int:
    """End every login of the user but the one making this request (a password change calls it); return how many.

    Call it once the new password is committed: it begins a write transaction of its own.
    """
    keep = _hashed(user.login_token) if user.login_token else ""
    user_id = user.id
    begin_write()
    ended = db.session.execute(delete(LoginSession).where(LoginSession.user_id == user_id,
                                                          LoginSession.token_hash != keep))
    db.session.commit()
    return ended.rowcount


def end_all_sessions(user: User) -> int:
    """End every login of the user, this one too (a password reset calls it, once committed); return how many."""
    user_id = user.id
    begin_write()
    ended = db.session.execute(delete(LoginSession).where(LoginSession.user_id == user_id))
    db.session.commit()
    return ended.rowcount


def load_user(token: str) -> User | None:
    """Return the account of the login this token names, if the login still exists (Flask-Login's user loader).

    When a statement of this request already found that login to be a learner's (``note_checked_login``), the
    account is that learner as the statement read it, with no read of its own: a ``User`` of no session holding
    the id, the name and the role, which is what a page's menu shows; nothing adds it to a session or changes it.
    """
    checked = g.get("checked_learner")
    if checked is not None and checked.login_token == token:
        user = User(id=checked.user_id, name=checked.name, role=Role.LEARNER)
    else:
        user = db.session.execute(_LOGIN_ACCOUNT, login_values(token)).scalar_one_or_none()
    if user is not None:
        user.login_token = token
    return user


def session_login_token() -> str | None:
    """Return the login token the signed session holds, unchecked; None unless the session is permanent.

    Every log-in here makes a permanent session; anything else (no log-in, a session restored from the
    remember-me cookie) gives None: ask ``current_user`` then.
    """
    token = session.get(LOGIN_SESSION_KEY) if session.permanent else None
    return token if isinstance(token, str) and token else None


def login_values(token: str) -> dict:
    """Return the parameters of ``owns_login``'s condition for the login this token names."""
    return {"login_hash": _hashed(token), "login_since": _oldest_allowed()}


def owns_login(user_id: ColumnElement) -> ColumnElement:
    """SQL: the login of ``login_values``'s token still exists and belongs to the account ``user_id``.

    For a statement that checks the request's login as part of its own read, as the quiz answer's does,
    so that the check needs no read and no connection of its own.
    """
    return exists().where(_LOGIN.c.token_hash == bindparam("login_hash"), _LOGIN.c.user_id == user_id,
                          _LOGIN.c.created_at > bindparam("login_since", type_=_LOGIN.c.created_at.type))


class CheckedLearner(NamedTuple):
    """A learner as the statement that checked the request's login read them (the quiz answer's read does)."""

    login_token: str
    user_id: int
    name: str


def note_checked_login(learner: CheckedLearner) -> None:
    """Record that a statement found this request's login to be this learner's.

    The request log names them, and the page the request answers with shows them without loading the account
    (``load_user``): on PostgreSQL a transaction of the pages' pool less (BEGIN, the read, ROLLBACK).
    """
    g.login_user_id = learner.user_id
    g.checked_learner = learner


def session_user_id() -> int | None:
    """Return the id of the account the signed session's login belongs to, without loading the account.

    Only a permanent session counts (see ``session_login_token``); a login that was ended gives None too.
    One indexed read, made once a request.
    """
    token = session_login_token()
    if token is None:
        return None
    if "login_user_id" not in g:
        with db.engine.connect() as connection:
            row = connection.execute(_LOGIN_OWNER, login_values(token)).first()
        g.login_user_id = row.user_id if row is not None else None
    return g.login_user_id
