"""Decorators that keep each role to its own pages."""
from __future__ import annotations

from functools import wraps

from flask import abort
from flask_login import current_user, login_required


def teacher_required(view):
    """Let only logged-in teachers in; a learner gets 403, an anonymous visitor the login page."""

    @wraps(view)
    @login_required
    def wrapped(*args, **kwargs):
        if not current_user.is_teacher:
            abort(403)
        return view(*args, **kwargs)

    return wrapped


def learner_required(view):
    """Let only logged-in learners in; a teacher gets 403, an anonymous visitor the login page."""

    @wraps(view)
    @login_required
    def wrapped(*args, **kwargs):
        if not current_user.is_learner:
            abort(403)
        return view(*args, **kwargs)

    return wrapped
