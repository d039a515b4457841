"""SQLite connection settings and the write transactions that keep concurrent answers safe."""
from __future__ import annotations

from sqlalchemy import event
from sqlalchemy.engine import Engine

from app.extensions import db

_BEGIN_OPTION = "sqlite_begin"


def configure_sqlite(engine: Engine) -> None:
    """Turn on WAL, foreign keys and a busy timeout, and let SQLAlchemy issue BEGIN itself.

    pysqlite's own transaction handling begins lazily and cannot begin IMMEDIATE; taking it over is
    SQLAlchemy's documented recipe, and lets a write transaction take the write lock before it reads,
    so two writers queue on the busy timeout instead of failing with "database is locked".
    """
    if engine.dialect.name != "sqlite":
        return

    @event.listens_for(engine, "connect")
    def on_connect(dbapi_connection, _record):
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA busy_timeout=15000")
        if engine.url.database not in (None, "", ":memory:"):
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def on_begin(connection):
        mode = connection.get_execution_options().get(_BEGIN_OPTION, "")
        connection.exec_driver_sql(f"BEGIN {mode}".strip())


def begin_write() -> None:
    """Start the session's transaction as a writer (SQLite: BEGIN IMMEDIATE); call before any read.

    Outside SQLite this is an ordinary transaction: PostgreSQL has row locks and needs no such step.
    A read-only transaction already open (Flask-Login loads the user first) is ended here, since a
    transaction cannot become IMMEDIATE once begun; changes not yet committed are an error.
    """
    session = db.session()
    if session.in_transaction():
        if session.new or session.dirty or session.deleted:
            raise RuntimeError("begin_write() must come before any change in the session")
        session.rollback()
    session.connection(execution_options={_BEGIN_OPTION: "IMMEDIATE"})
