"""The ceiling of this stack: a bare Flask route that stores one row in SQLite (WAL), and nothing else.

``load.py`` serves it with gunicorn, two sync workers, exactly as it serves Factdeck, and posts the same
answers to it: whatever Factdeck's answer endpoint does beyond this one insert is what the ratio
between the two measures. The database file is named by the CEILING_DATABASE environment variable.
"""
from __future__ import annotations

import os
import sqlite3

from flask import Flask, redirect, request

SCHEMA = """
CREATE TABLE IF NOT EXISTS answer (
    id INTEGER PRIMARY KEY,
    submission_id TEXT NOT NULL UNIQUE,
    question_id INTEGER NOT NULL,
    response TEXT NOT NULL,
    duration_ms INTEGER,
    answered_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP
)
"""


def connect(path: str) -> sqlite3.Connection:
    """Open the database with the settings Factdeck uses: WAL, synchronous NORMAL, a 15 s busy timeout."""
    connection = sqlite3.connect(path, isolation_level=None, timeout=15, check_same_thread=False)
    connection.execute("PRAGMA journal_mode=WAL")
    connection.execute("PRAGMA synchronous=NORMAL")
    connection.execute("PRAGMA busy_timeout=15000")
    return connection


def create_app() -> Flask:
    app = Flask(__name__)
    path = os.environ["CEILING_DATABASE"]
    connections: list[sqlite3.Connection] = []  # one per worker process, opened after gunicorn forks

    def connection() -> sqlite3.Connection:
        if not connections:
            connections.append(connect(path))
        return connections[0]

    @app.post("/answer")
    def answer():
        database = connection()
        database.execute("BEGIN IMMEDIATE")
        try:
            database.execute("INSERT INTO answer (submission_id, question_id, response, duration_ms) "
                             "VALUES (?, ?, ?, ?)",
                             (request.form["submission_id"], int(request.form["question_id"]),
                              request.form["response"], request.form.get("duration_ms", type=int)))
            database.execute("COMMIT")
        except sqlite3.IntegrityError:
            database.execute("ROLLBACK")  # the same submission twice: already stored once
        except BaseException:
            database.execute("ROLLBACK")
            raise
        return redirect("/next", 303)

    return app
