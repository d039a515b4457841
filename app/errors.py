"""The domain errors services raise, and the error pages a person can read; the 500 handler rolls back."""
from __future__ import annotations

from flask import Flask, flash, redirect, render_template, request, url_for
from flask_login import current_user
from flask_wtf.csrf import CSRFError

from app.extensions import db
from app import kept_answer as kept



class DomainError(Exception):
    """Something a service refuses; one handler turns each kind into its HTTP status and page."""

    status = 400

    def __init__(self, *args, message: str | None = None):
        super().__init__(*args)
        self.message = message


class NotFound(DomainError, LookupError):
    """No such thing, or not this person's: the two look alike from outside (404)."""

    status = 404


class NotAllowed(DomainError, PermissionError):
    """The thing exists and this person may see it, but not do this to it (403)."""

    status = 403


class Invalid(DomainError, ValueError):
    """The request cannot be acted on as sent; ``str(error)`` says why, in words a person reads (400)."""

    status = 400


_MESSAGES = {
    400: ("Bad request", "The request could not be understood. Go back and try again."),
    403: ("Not allowed", "This page belongs to someone else, or to another kind of account."),
    404: ("Not found", "There is nothing here. It may have been deleted, or the link is wrong."),
    405: ("Not allowed", "That page cannot be used this way."),
    413: ("Too large", "That upload is too large. Articles can be at most 1 MB, files of questions 10 MB."),
    429: ("Too many attempts", "Too many failed attempts from here. Wait a few minutes and try again; a device you "
                               "have logged in from before is not held up."),
    500: ("Something went wrong", "An unexpected error happened and nothing was saved. Try again in a moment."),
}


def render_error(status: int, message: str | None = None):
    title, default_message = _MESSAGES.get(status, ("Error", "Something went wrong."))
    return render_template("errors/error.html", status=status, title=title,
                           message=message or default_message), status


def register(app: Flask) -> None:
    for status in (400, 403, 404, 405, 413, 429):
        app.register_error_handler(status, lambda err, status=status: render_error(status))

    @app.errorhandler(DomainError)
    def domain_error(err: DomainError):
        db.session.rollback()
        message = str(err) if isinstance(err, Invalid) and err.args and isinstance(err.args[0], str) else err.message
        return render_error(err.status, message)

    @app.errorhandler(CSRFError)
    def csrf_error(err):
        # A login that expired takes the form's token with it: ask to log in again rather than answer a bare 400,
        # and keep a quiz answer for after the log-in.
        if not current_user.is_authenticated and request.blueprint != "auth":
            if kept.is_quiz_answer(request):
                return kept.keep_and_ask_to_log_in(request, wants_json=kept.wants_json(request))
            flash("Your login expired, so that form was not sent. Log in again and send it once more.", "warning")
            return redirect(url_for("auth.login"))
        return render_error(400, "This form has expired or was already sent. Reload the page and try again: "
                                 "nothing was saved.")

    @app.errorhandler(500)
    def internal_error(err):
        db.session.rollback()
        return render_error(500)
