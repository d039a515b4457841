"""SQLite writers queue on a file lock before BEGIN IMMEDIATE, and always let it go."""
from __future__ import annotations

import fcntl
import os
import sqlite3
import threading
import time

import pytest

from app import database
from app.database import QueuedWriterConnection
from app.extensions import db


def open_queued(path, timeout: float = 15) -> QueuedWriterConnection:
    connection = sqlite3.connect(path, timeout=timeout, factory=QueuedWriterConnection, check_same_thread=False)
    connection.isolation_level = None
    connection.execute("PRAGMA journal_mode=WAL")
    return connection


def queue_is_free(database_path) -> bool:
    """Whether a newcomer could take the writers' queue at once."""
    descriptor = os.open(f"{database_path}-writers", os.O_RDWR | os.O_CREAT)
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    finally:
        os.close(descriptor)
    return True


@pytest.fixture()
def database_path(tmp_path):
    path = tmp_path / "queue.sqlite"
    with open_queued(path) as connection:
        connection.execute("CREATE TABLE event (id INTEGER PRIMARY KEY, writer TEXT)")
    return path


def test_a_second_writer_waits_in_the_queue_and_goes_on_when_the_first_commits(database_path):
    first, second = open_queued(database_path), open_queued(database_path)
    first.begin_immediate()
    first.execute("INSERT INTO event (writer) VALUES ('first')")
    began = threading.Event()

    def write_second() -> None:
        second.begin_immediate()
        began.set()
        second.execute("INSERT INTO event (writer) VALUES ('second')")
        second.commit()

    thread = threading.Thread(target=write_second)
    thread.start()
    assert not began.wait(0.2), "the second writer began while the first held the queue"
    first.commit()
    thread.join(5)
    assert began.is_set()
    assert [row[0] for row in first.execute("SELECT writer FROM event ORDER BY id")] == ["first", "second"]
    assert queue_is_free(database_path)


@pytest.mark.parametrize("end", ["commit", "rollback", "close"])
def test_every_end_of_a_write_transaction_leaves_the_queue(database_path, end):
    connection = open_queued(database_path)
    connection.begin_immediate()
    assert not queue_is_free(database_path)
    getattr(connection, end)()
    assert queue_is_free(database_path)


def test_a_failed_begin_leaves_the_queue(database_path):
    connection = open_queued(database_path)
    connection.begin_immediate()
    with pytest.raises(sqlite3.OperationalError):
        connection.begin_immediate()  # a transaction is open already: SQLite refuses the second BEGIN
    connection.rollback()
    assert queue_is_free(database_path)


def test_a_writer_held_up_past_the_busy_timeout_gets_sqlites_error(database_path, monkeypatch):
    """The queue never waits forever: past the timeout SQLite's own busy handling answers."""
    monkeypatch.setattr(database, "BUSY_TIMEOUT_SECONDS", 0.1)
    holder, waiter = open_queued(database_path), open_queued(database_path, timeout=0.1)
    holder.begin_immediate()
    started = time.monotonic()
    with pytest.raises(sqlite3.OperationalError, match="locked"):
        waiter.begin_immediate()
    assert time.monotonic() - started < 2
    holder.rollback()
    assert queue_is_free(database_path)


def test_a_database_in_memory_needs_no_queue():
    connection = sqlite3.connect(":memory:", factory=QueuedWriterConnection)
    connection.isolation_level = None
    connection.begin_immediate()
    connection.execute("CREATE TABLE t (x)")
    connection.commit()
    connection.close()


def test_the_app_opens_its_sqlite_file_with_queued_writers(app):
    with app.app_context():
        raw = db.engine.raw_connection()
        try:
            assert isinstance(raw.driver_connection, QueuedWriterConnection)
        finally:
            raw.close()
