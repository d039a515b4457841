"""The models, the migrations and the main request paths on a real PostgreSQL server."""
from __future__ import annotations

import uuid

import pytest
import sqlalchemy as sa
from flask_migrate import downgrade, upgrade

from app import create_app
from app.extensions import db
from app.models import Role, User
from tests.web.conftest import log_in, make_user, post_form
from tests.web.test_migrations import schema_drift, table_names

pytestmark = pytest.mark.postgres


@pytest.fixture()
def pg_app(postgres_server, tmp_path):
    """An app on a fresh PostgreSQL database built by the migrations."""
    name = f"factdeck_{uuid.uuid4().hex[:12]}"
    url = postgres_server.create_database(name)
    app = create_app({
        "TESTING": True,
        "SQLALCHEMY_DATABASE_URI": url,
        "SECRET_KEY": "test-secret",
        "RATELIMIT_ENABLED": False,
    })
    with app.app_context():
        upgrade()
    yield app
    with app.app_context():
        db.session.remove()
        db.engine.dispose()
    postgres_server.drop_database(name)


@pytest.fixture()
def pg_client(pg_app):
    return pg_app.test_client()


def test_the_session_database_is_postgresql(postgres_url):
    engine = sa.create_engine(postgres_url)
    try:
        with engine.connect() as connection:
            version = connection.execute(sa.text("SHOW server_version")).scalar_one()
    finally:
        engine.dispose()
    assert version.split(".")[0].isdigit()
    assert postgres_url.startswith("postgresql+psycopg://postgres@127.0.0.1:")


def test_upgrade_creates_every_table_with_the_models_schema(pg_app):
    with pg_app.app_context():
        assert db.engine.dialect.name == "postgresql"
        assert table_names(db.engine) == set(db.metadata.tables)
        assert schema_drift(db.engine) == []


def test_downgrade_to_base_removes_every_table(pg_app):
    with pg_app.app_context():
        downgrade(revision="base")
        assert table_names(db.engine) == set()
        upgrade()
        assert table_names(db.engine) == set(db.metadata.tables)


def test_sign_up_log_out_and_log_in(pg_app, pg_client):
    response = post_form(pg_client, "/auth/signup", {
        "name": "Pat Postgres", "email": "pat@example.org", "password": "correct horse battery",
        "confirm": "correct horse battery", "role": "teacher"})
    assert response.status_code == 302
    assert "Pat Postgres" in pg_client.get("/").get_data(as_text=True)

    post_form(pg_client, "/auth/logout", {}, form_page="/")
    assert log_in(pg_client, "pat@example.org").status_code == 302

    with pg_app.app_context():
        user = db.session.execute(db.select(User).filter_by(email="pat@example.org")).scalar_one()
        assert user.role is Role.TEACHER
        assert user.password_hash != "correct horse battery"


def test_a_second_account_with_the_same_email_is_refused(pg_app, pg_client):
    make_user(pg_app, role=Role.LEARNER, email="twice@example.org")
    response = post_form(pg_client, "/auth/signup", {
        "name": "Twice", "email": "twice@example.org", "password": "correct horse battery",
        "confirm": "correct horse battery", "role": "learner"})
    assert response.status_code == 400
    with pg_app.app_context():
        count = db.session.execute(db.select(sa.func.count()).select_from(User)).scalar_one()
    assert count == 1
