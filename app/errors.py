"""Error pages a person can read; the 500 handler rolls the session back."""
from __future__ import annotations

from flask import Flask, render_template
from flask_wtf.csrf import CSRFError

from app.extensions import db

_MESSAGES = {
    400: ("Bad request", "The request could not be understood. Go back and try again."),
    403: ("Not allowed", "This page belongs to someone else, or to another kind of account."),
    404: ("Not found", "There is nothing here. It may have been deleted, or the link is wrong."),
    405: ("Not allowed", "That page cannot be used this way."),
    413: ("Too large", "That upload is too large. Articles can be at most 1 MB, files of questions 10 MB."),
    429: ("Too many attempts", "Too many failed attempts. Wait a minute and try again."),
    500: ("Something went wrong", "An unexpected error happened and nothing was saved. Try again in a moment."),
}


def render_error(status: int, message: str | None = None):
    title, default_message = _MESSAGES.get(status, ("Error", "Something went wrong."))
    return render_template("errors/error.html", status=status, title=title,
                           message=message or default_message), status


def register(app: Flask) -> None:
    for status in (400, 403, 404, 405, 413, 429):
        app.register_error_handler(status, lambda err, status=status: render_error(status))

    @app.errorhandler(CSRFError)
    def csrf_error(err):
        return render_error(400, "This form has expired or was already sent. Reload the page and try again: "
                                 "nothing was saved.")

    @app.errorhandler(500)
    def internal_error(err):
        db.session.rollback()
        return render_error(500)
