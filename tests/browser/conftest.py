"""Browser-test fixtures: the real app served over HTTP on 127.0.0.1, driven by Debian's Chromium."""
from __future__ import annotations

import threading
import traceback
from collections.abc import Iterator
from pathlib import Path

import pytest
from flask import Flask, got_request_exception, url_for
from playwright.sync_api import expect
from werkzeug.serving import make_server

from app import create_app
from app.demo import seed_demo
from app.extensions import db

CHROMIUM_ARGS = [
    "--no-sandbox",  # tests run as root in CI
    "--disable-gpu",
    # The machine's network is closed: without these Chromium keeps trying to reach Google's hosts.
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
# Generous for a machine shared with other work; a passing flow waits far less.
ACTION_TIMEOUT_MS = 15_000
expect.set_options(timeout=10_000)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args, chromium_path):
    """pytest-playwright's launch options, pointed at Debian's Chromium (never a downloaded browser)."""
    return {**browser_type_launch_args, "executable_path": str(chromium_path), "args": CHROMIUM_ARGS}


@pytest.fixture(scope="session")
def base_url():
    """No fixed base URL: each test has its own server. (Replaces pytest-playwright's fallback fixture,
    a class method that pytest 9 deprecates, which the warnings-are-errors setting turns into an error.)"""
    return None


@pytest.fixture()
def new_context(new_context):
    """pytest-playwright's context factory (``page`` and ``context`` use it too), with our time limits."""
    def make(**kwargs):
        context = new_context(**kwargs)
        context.set_default_timeout(ACTION_TIMEOUT_MS)
        return context
    return make


class LiveServer:
    """The app served by werkzeug in a thread; records any exception a request raised."""

    def __init__(self, app: Flask):
        self.app = app
        self.errors: list[str] = []
        got_request_exception.connect(self._record_error, app)
        self._server = make_server("127.0.0.1", 0, app, threaded=True)
        self.base_url = f"http://127.0.0.1:{self._server.server_port}"
        self._thread = threading.Thread(target=self._server.serve_forever, name="live-server", daemon=True)

    def _record_error(self, sender, exception, **extra):
        self.errors.append("".join(traceback.format_exception(exception)))

    def url(self, endpoint: str, **values) -> str:
        """Return the absolute URL of an endpoint, as the browser reaches it."""
        with self.app.test_request_context():
            return self.base_url + url_for(endpoint, **values)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=10)
        got_request_exception.disconnect(self._record_error, self.app)


def make_browser_app(tmp_path: Path, monkeypatch) -> Flask:
    """The real app on a SQLite file of its own, its instance folder in ``tmp_path`` too."""
    monkeypatch.setenv("FACTDECK_INSTANCE_PATH", str(tmp_path / "instance"))
    return create_app({
        "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'factdeck.sqlite'}",
        "SECRET_KEY": "browser-test-secret",
    })


def serve(app: Flask) -> Iterator[LiveServer]:
    server = LiveServer(app)
    server.start()
    try:
        yield server
    finally:
        server.stop()
        with app.app_context():
            db.engine.dispose()
    assert not server.errors, "the server raised while the browser used it:\n" + "\n".join(server.errors)


@pytest.fixture()
def live_server(tmp_path, monkeypatch) -> Iterator[LiveServer]:
    """The app with empty tables, served on a free port of 127.0.0.1."""
    app = make_browser_app(tmp_path, monkeypatch)
    with app.app_context():
        db.create_all()
    yield from serve(app)


@pytest.fixture()
def demo_server(tmp_path, monkeypatch) -> Iterator[LiveServer]:
    """The app with the demo data ``flask --app app demo`` adds: accounts, a class and its assigned set.

    The tables come from the models, as in ``live_server``: whether the migrations match them is
    test_migrations' question, not the browser flows'.
    """
    app = make_browser_app(tmp_path, monkeypatch)
    with app.app_context():
        db.create_all()
        seed_demo()
    yield from serve(app)
