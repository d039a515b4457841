"""Connection settings (SQLite's, the quiz answers' own pool) and the write transactions that keep answers safe."""
from __future__ import annotations

import fcntl
import os
import sqlite3
import time
from collections.abc import Callable
from typing import TypeVar

from flask import Flask, current_app
from sqlalchemy import create_engine, event
from sqlalchemy.exc import IntegrityError
from sqlalchemy.engine import Connection, Engine, Transaction

from app.extensions import db

_BEGIN_OPTION = "sqlite_begin"
BUSY_TIMEOUT_SECONDS = 15
_ANSWERS_ENGINE = "factdeck.answers_engine"


class QueuedWriterConnection(sqlite3.Connection):
    """A SQLite connection whose write transactions first take an OS file lock beside the database.

    SQLite lets one writer in at a time and makes the others poll: its busy handler sleeps 1, 2, 5 ms
    and more between tries. With two workers answering a class at once, about a third of the
    write transactions slept at least a millisecond that way, for writes that take a fraction of one
    (measured with benchmarks/load.py). Writers that queue on ``flock`` instead try again every
    fraction of a millisecond, so the next one starts almost as soon as the last one commits. The
    lock is only a queue in front of SQLite's own: correctness never depends on it, and a process
    that dies lets it go with its file descriptors.
    """

    _FIRST_WAIT = 0.00005  # seconds between tries, doubling up to _LONGEST_WAIT
    _LONGEST_WAIT = 0.001

    def __init__(self, database, *args, **kwargs):
        super().__init__(database, *args, **kwargs)
        path = os.fspath(database)
        is_file = path not in ("", ":memory:") and not path.startswith("file:")
        self._queue_path = f"{path}-writers" if is_file else None
        self._queue_fd: int | None = None
        self._in_queue = False

    def begin_immediate(self) -> None:
        """Queue behind the other writers, then begin a transaction that holds SQLite's write lock."""
        self._enter_queue()
        try:
            self.execute("BEGIN IMMEDIATE")
        except BaseException:
            self._leave_queue()
            raise

    def commit(self) -> None:
        try:
            super().commit()
        finally:
            self._leave_queue()

    def rollback(self) -> None:
        try:
            super().rollback()
        finally:
            self._leave_queue()

    def close(self) -> None:
        try:
            super().close()
        finally:
            self._leave_queue()
            if self._queue_fd is not None:
                os.close(self._queue_fd)
                self._queue_fd = None

    def _enter_queue(self) -> None:
        if self._queue_path is None:
            return
        if self._queue_fd is None:
            self._queue_fd = os.open(self._queue_path, os.O_RDWR | os.O_CREAT, 0o600)
        deadline = time.monotonic() + BUSY_TIMEOUT_SECONDS
        wait = self._FIRST_WAIT
        while True:
            try:
                fcntl.flock(self._queue_fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    return  # SQLite's own busy timeout decides from here, as it would without the queue
                time.sleep(wait)
                wait = min(wait * 2, self._LONGEST_WAIT)
            else:
                self._in_queue = True
                return

    def _leave_queue(self) -> None:
        if self._in_queue:
            self._in_queue = False
            fcntl.flock(self._queue_fd, fcntl.LOCK_UN)


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
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_SECONDS * 1000}")
        if engine.url.database not in (None, "", ":memory:"):
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def on_begin(connection):
        mode = connection.get_execution_options().get(_BEGIN_OPTION, "")
        # Straight to the driver: every request begins a transaction, and this statement needs
        # none of the statement machinery (compiling, result objects) that exec_driver_sql adds.
        driver_connection = connection.connection.driver_connection
        if mode != "IMMEDIATE":
            driver_connection.execute("BEGIN")
        elif isinstance(driver_connection, QueuedWriterConnection):
            driver_connection.begin_immediate()
        else:
            driver_connection.execute("BEGIN IMMEDIATE")


def add_answers_engine(app: Flask) -> None:
    """On PostgreSQL, give quiz answers a pool of connections of their own, which no page uses, in autocommit.

    psycopg prepares a statement on a connection once it has run five times there, so that the server
    parses and plans it no more; but it forgets every prepared statement of a connection at each ROLLBACK,
    and every page's session ends with one. Sharing the pool with the pages, the answer's two statements
    were planned again on every answer (about 1.5 ms of the server's CPU, more than running them). On a
    pool of their own, which never sends ROLLBACK, they stay prepared. SQLite plans in the app's process
    and keeps its statements whatever ends a transaction: it needs no second pool.

    The pool runs in autocommit: an answer is two statements, a read and one write (``app.reviewing``),
    and each is a transaction by itself, all or nothing, so the answer sends no BEGIN and no COMMIT, each
    a round trip of its own. What needs more than one statement to be atomic asks for a transaction
    (``begin_answer_transaction``).

    Call in an app context, after ``db.init_app``. (Not one of Flask-SQLAlchemy's binds: a bind adds a
    metadata for its key to the extension shared by every app of the process.)
    """
    if db.engine.dialect.name != "postgresql":
        return
    app.extensions[_ANSWERS_ENGINE] = create_engine(db.engine.url, echo=app.config.get("SQLALCHEMY_ECHO", False),
                                                    isolation_level="AUTOCOMMIT",
                                                    **app.config["SQLALCHEMY_ENGINE_OPTIONS"])


def answers_engine() -> Engine:
    """Return the engine quiz answers run on: their own pool where there is one (``add_answers_engine``)."""
    return current_app.extensions.get(_ANSWERS_ENGINE) or db.engine


def begin_write() -> Connection:
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
    return session.connection(execution_options={_BEGIN_OPTION: "IMMEDIATE"})


def begin_write_on(connection: Connection) -> Transaction:
    """Begin a writer's transaction on a Core connection of its own (SQLite: BEGIN IMMEDIATE, queued).

    On a connection in autocommit (the answers' pool on PostgreSQL) each statement still commits by itself:
    use ``begin_answer_transaction`` where several statements must be one transaction.
    """
    return connection.execution_options(**{_BEGIN_OPTION: "IMMEDIATE"}).begin()


def begin_answer_transaction(connection: Connection) -> Transaction:
    """Begin a writer's transaction on a connection of ``answers_engine()``, a real one also in its autocommit.

    On the answers' own pool (PostgreSQL) the connection takes the database's default isolation level until it
    goes back to the pool, which sets autocommit again (no round trip: psycopg only notes it). Elsewhere this is
    ``begin_write_on``.
    """
    if connection.engine is current_app.extensions.get(_ANSWERS_ENGINE):
        if connection.in_transaction():
            connection.commit()  # SQLAlchemy's own, empty in autocommit: the isolation level changes only outside one
        connection.execution_options(isolation_level=connection.default_isolation_level)
    return begin_write_on(connection)


Row = TypeVar("Row")


def add_once(row: Row, made_by_the_other: Callable[[], Row | None]) -> tuple[Row, bool]:
    """Insert a row whose client token is unique and commit; return it and True.

    When the same form arrived twice at once, the other request's insert won: return its row and False.
    """
    db.session.add(row)
    try:
        db.session.commit()
    except IntegrityError:
        db.session.rollback()
        existing = made_by_the_other()
        if existing is None:
            raise
        return existing, False
    return row, True
