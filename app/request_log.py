"""Logs a person can read, on standard output: one line per request, and every error with its traceback.

A request's line gives its method, path, status, time taken and the user id (``-`` for nobody), e.g.
``INFO app: GET /quiz/12 200 3.1 ms user=7``. An exception a view does not handle is logged by Flask
with its traceback through the same handler, so gunicorn or ``flask run`` print both to the terminal
or the service's journal. FACTDECK_LOG_LEVEL=WARNING keeps the errors and drops the request lines.
"""
from __future__ import annotations

import logging
import sys
import time

from flask import Flask, Response, current_app, g, request, session
from flask.logging import default_handler

LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


class StandardOutputHandler(logging.StreamHandler):
    """A handler that writes to whatever ``sys.stdout`` is when a record comes, as a captured test's is."""

    def __init__(self) -> None:
        super().__init__(sys.stdout)

    @property
    def stream(self):
        return sys.stdout

    @stream.setter
    def stream(self, _value) -> None:
        pass


def init_app(app: Flask) -> None:
    """Send the app's log to standard output and log a line for every request."""
    app.logger.removeHandler(default_handler)  # Flask's writes to the WSGI error stream (stderr)
    if not any(isinstance(handler, StandardOutputHandler) for handler in app.logger.handlers):
        handler = StandardOutputHandler()
        handler.setFormatter(logging.Formatter(LOG_FORMAT))
        app.logger.addHandler(handler)
    app.logger.setLevel(app.config["LOG_LEVEL"])
    app.logger.propagate = False  # one line per record, even when the root logger has a handler too
    app.before_request(_start_clock)
    app.after_request(_log_request)


def _start_clock() -> None:
    g.request_started = time.perf_counter()


def _log_request(response: Response) -> Response:
    logger = current_app.logger
    if logger.isEnabledFor(logging.INFO):
        started = g.get("request_started")
        took = f"{(time.perf_counter() - started) * 1000:.1f} ms" if started is not None else "- ms"
        logger.info("%s %s %s %s user=%s", request.method, request.path, response.status_code, took, _user_id())
    return response


def _user_id() -> str:
    """Return the logged-in user's id from the session, without loading the account for it."""
    user = g.get("_login_user")
    if user is not None and getattr(user, "is_authenticated", False):
        return str(user.get_id())
    # Reading for the log must not mark the session as used, which would add Vary: Cookie to the response.
    accessed = getattr(session, "accessed", True)
    user_id = session.get("_user_id")
    if hasattr(session, "accessed"):
        session.accessed = accessed
    return str(user_id) if user_id else "-"
