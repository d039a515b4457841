"""The migrations build exactly the schema the models describe, and run down and up again cleanly."""
from __future__ import annotations

import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from flask_migrate import downgrade, upgrade

from app import create_app
from app.extensions import db


def schema_drift(engine: sa.Engine) -> list:
    """Return what autogenerate would change to make the database match the models (empty: in sync)."""
    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True, "render_as_batch": True})
        return compare_metadata(context, db.metadata)


def table_names(engine: sa.Engine) -> set[str]:
    return set(sa.inspect(engine).get_table_names()) - {"alembic_version"}


@pytest.fixture()
def migrated_app(tmp_path):
    """An app whose SQLite file is built by the migrations, not by ``create_all``."""
    app = create_app({
        "TESTING": True,
        "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'migrated.sqlite'}",
        "SECRET_KEY": "test-secret",
    })
    with app.app_context():
        upgrade()
        yield app
        db.engine.dispose()


def test_upgrade_creates_every_table_of_the_models(migrated_app):
    assert table_names(db.engine) == set(db.metadata.tables)


def test_upgrade_gives_the_schema_the_models_describe(migrated_app):
    drift = schema_drift(db.engine)
    assert drift == [], ("the models and app/migrations differ; regenerate the migration "
                         f"(flask --app app db migrate): {drift}")


def test_downgrade_to_base_then_upgrade_to_head(migrated_app):
    downgrade(revision="base")
    assert table_names(db.engine) == set()

    upgrade()
    assert table_names(db.engine) == set(db.metadata.tables)
    assert schema_drift(db.engine) == []
