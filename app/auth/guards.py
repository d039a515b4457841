"""Decorators that keep each role to its own pages."""
from __future__ import annotations

from functools import wraps

from flask import abort, current_app, session
from flask_login import current_user

from app.models import Role, User


def _require(role: Role) -> User:
    """Return the logged-in user if they have the role; send an anonymous visitor to log in, refuse others 403."""
    if not current_user.is_authenticated:
        abort(current_app.login_manager.unauthorized())
    if current_user.role is not role:
        abort(403)
    return current_user


def teacher_required(view):
    """Let only logged-in teachers in; a learner gets 403, an anonymous visitor the login page."""

    @wraps(view)
    def wrapped(*args, **kwargs):
        _require(Role.TEACHER)
        return view(*args, **kwargs)

    return wrapped


def learner_required(view):
    """Let only logged-in learners in; a teacher gets 403, an anonymous visitor the login page."""

    @wraps(view)
    def wrapped(*args, **kwargs):
        _require(Role.LEARNER)
        return view(*args, **kwargs)

    return wrapped


# The app's own key for the signed-in learner's id, written at log-in and cleared at log-out; nothing reads
# Flask-Login's private session keys.
LEARNER_SESSION_KEY = "factdeck_learner_id"


def remember_learner(user: User) -> None:
    """Keep a learner's id under the app's own session key at log-in (anyone else's account: no key)."""
    if user.role is Role.LEARNER:
        session[LEARNER_SESSION_KEY] = user.id
    else:
        session.pop(LEARNER_SESSION_KEY, None)


def forget_learner() -> None:
    """Drop the learner's id at log-out."""
    session.pop(LEARNER_SESSION_KEY, None)


def require_learner() -> int:
    """Return the logged-in learner's id, loading the account: the check ``learner_required`` makes."""
    return _require(Role.LEARNER).id


def claimed_learner_id() -> int:
    """Return the id a learner's request acts for, without loading the account when the session holds it.

    This is the one place the learner's id is read from the session. Only a permanent session counts
    (every log-in here makes one, and Flask-Login's session protection never logs such a session out), and
    only the id the log-in stored under the app's own key. The id is only claimed: the caller's statement
    must find it as a learner's (enrolled where the set is assigned, the owner of the attempt) and
    otherwise call ``require_learner`` before refusing. A session without it (no log-in, one restored from
    the remember-me cookie) gets the full check at once: the login page, 403 for a teacher.
    """
    learner_id = session_learner_id()
    return learner_id if learner_id is not None else require_learner()


def session_learner_id() -> int | None:
    """Return the learner's id the log-in stored in a permanent session, else None; nothing is loaded."""
    learner_id = session.get(LEARNER_SESSION_KEY) if session.permanent else None
    return learner_id if isinstance(learner_id, int) and not isinstance(learner_id, bool) else None
