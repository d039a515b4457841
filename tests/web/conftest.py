"""Fixtures for the web tests: an app on a real SQLite file, its test client, and logged-in users."""
from __future__ import annotations

import re

import pytest
import sqlalchemy as sa

from app import create_app
from app.extensions import db
from app.models import Role, User

CSRF_FIELD = re.compile(r'name="csrf_token"[^>]*value="([^"]+)"|value="([^"]+)"[^>]*name="csrf_token"')
PASSWORD = "correct horse battery"


@pytest.fixture()
def app(tmp_path):
    app = create_app({
        "TESTING": True,
        "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'factdeck.sqlite'}",
        "SECRET_KEY": "test-secret",
        "LOGIN_LIMIT_ENABLED": False,
    })
    with app.app_context():
        db.create_all()
    yield app
    with app.app_context():
        db.engine.dispose()


@pytest.fixture()
def client(app):
    return app.test_client()


@pytest.fixture()
def runner(app):
    return app.test_cli_runner()


def csrf_token(client, url: str = "/auth/login") -> str:
    """Return the CSRF token of the form on the page at ``url``, as a browser would send it back."""
    page = client.get(url).get_data(as_text=True)
    match = CSRF_FIELD.search(page)
    assert match, f"no CSRF token on {url}"
    return match.group(1) or match.group(2)


def post_form(client, url: str, data: dict, *, form_page: str | None = None, **kwargs):
    """POST ``data`` to ``url`` with the CSRF token of ``form_page`` (default: the same URL)."""
    return client.post(url, data={"csrf_token": csrf_token(client, form_page or url), **data}, **kwargs)


def make_user(app, *, role: Role, email: str, name: str = "", password: str = PASSWORD) -> int:
    """Create a user straight in the database and return its id."""
    with app.app_context():
        user = User(email=email, name=name or email.split("@")[0].title(), role=role)
        user.set_password(password)
        db.session.add(user)
        db.session.commit()
        return user.id


def log_in(client, email: str, password: str = PASSWORD):
    return post_form(client, "/auth/login", {"email": email, "password": password})


@pytest.fixture()
def teacher(app, client):
    """A logged-in teacher; the client acts as them."""
    user_id = make_user(app, role=Role.TEACHER, email="teacher@example.org", name="Tess Teacher")
    assert log_in(client, "teacher@example.org").status_code == 302
    return user_id


@pytest.fixture()
def learner(app, client):
    """A logged-in learner; the client acts as them."""
    user_id = make_user(app, role=Role.LEARNER, email="learner@example.org", name="Lee Learner")
    assert log_in(client, "learner@example.org").status_code == 302
    return user_id


def statements_of(app, send) -> tuple[object, list[str]]:
    """Return what ``send()`` returned and the SQL statements SQLite ran for it.

    Traced by the driver itself, on connections opened for the purpose: the answer runs some statements
    straight on the cursor, where SQLAlchemy's execution events never see them.
    """
    statements: list[str] = []
    with app.app_context():
        engine = db.engine
    trace = lambda dbapi_connection, _record: dbapi_connection.set_trace_callback(statements.append)  # noqa: E731
    engine.dispose()
    sa.event.listen(engine, "connect", trace)
    try:
        return send(), statements
    finally:
        sa.event.remove(engine, "connect", trace)
        engine.dispose()
