"""Decorators that keep each role to its own pages."""
from __future__ import annotations

from functools import wraps

from flask import abort, current_app
from flask_login import current_user

from app.auth.sessions import session_login_token, session_user_id
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


def require_learner() -> int:
    """Return the logged-in learner's id, loading the account: the check ``learner_required`` makes."""
    return _require(Role.LEARNER).id


def claimed_learner_id() -> int:
    """Return the id a learner's request acts for, without loading the account when the session holds it.

    The id is only claimed: the caller's statement must find it as a learner's (enrolled where the set is
    assigned, the owner of the attempt) and otherwise call ``require_learner`` before refusing. A session
    without an id gets the full check at once: the login page, 403 for a teacher.
    """
    user_id = session_user_id()
    return user_id if user_id is not None else require_learner()


def claimed_login_token() -> str:
    """Return the login token a learner's request acts under, without loading the account when the session holds it.

    The token is only claimed: the caller's statement must find its login still open and the learner's
    (``app.auth.sessions.owns_login``), and otherwise call ``require_learner`` before refusing. A session
    without one (restored from the remember-me cookie, or none) gets the full check at once.
    """
    token = session_login_token()
    if token is None:
        token = _require(Role.LEARNER).login_token
    return token
