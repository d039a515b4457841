"""The app's log on standard output: a line per request with its user, and errors with their traceback."""
from __future__ import annotations

import re

import pytest

from tests.web.conftest import log_in, make_user
from app.models import Role

LINE = re.compile(r"^\S+ \S+ INFO app: (?P<method>[A-Z]+) (?P<path>\S+) (?P<status>\d{3}) "
                  r"(?P<ms>\d+\.\d) ms user=(?P<user>\S+)$", re.MULTILINE)


def request_lines(text: str) -> list[tuple[str, str, str, str]]:
    return [(m["method"], m["path"], m["status"], m["user"]) for m in LINE.finditer(text)]


@pytest.mark.parametrize(("method", "path", "status"), [
    ("GET", "/auth/login", "200"),
    ("GET", "/no-such-page", "404"),
    ("POST", "/auth/logout", "400"),  # no CSRF token
    ("GET", "/classes/", "302"),      # to the login page
    ("GET", "/static/factdeck.css", "200"),
])
def test_every_request_is_one_line_on_standard_output(client, capsys, method, path, status):
    client.open(path, method=method).close()
    captured = capsys.readouterr()
    assert request_lines(captured.out) == [(method, path, status, "-")]
    assert captured.err == ""


def test_the_line_names_the_logged_in_user(app, client, capsys):
    user_id = make_user(app, role=Role.TEACHER, email="teacher@example.org")
    log_in(client, "teacher@example.org")
    capsys.readouterr()
    client.get("/classes/?name=secret")
    assert request_lines(capsys.readouterr().out) == [("GET", "/classes/", "200", str(user_id))]


def test_an_error_is_logged_with_its_traceback(app, client, capsys):
    app.config["PROPAGATE_EXCEPTIONS"] = False  # as when served: the 500 page, not the exception, reaches the client

    @app.get("/broken")
    def broken():
        raise RuntimeError("the disk is on fire")

    response = client.get("/broken")
    out = capsys.readouterr().out
    assert response.status_code == 500
    assert "Something went wrong" in response.get_data(as_text=True)
    assert "ERROR app: Exception on /broken [GET]" in out
    assert "Traceback (most recent call last)" in out and "RuntimeError: the disk is on fire" in out
    assert request_lines(out) == [("GET", "/broken", "500", "-")]


def test_log_level_warning_drops_the_request_lines(tmp_path, monkeypatch, capsys):
    from app import create_app
    monkeypatch.setenv("FACTDECK_LOG_LEVEL", "warning")
    app = create_app({"TESTING": True, "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'quiet.sqlite'}",
                      "SECRET_KEY": "test-secret"})
    app.test_client().get("/auth/login")
    assert capsys.readouterr().out == ""
