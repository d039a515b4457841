"""The ceiling of this stack: bare Flask routes that store one row in SQLite (WAL) or PostgreSQL, and nothing else.

``load.py`` serves this app with gunicorn, two sync workers, exactly as it serves Factdeck, and posts
the same answers to it. Two routes, one database (a SQLite file named by the CEILING_DATABASE environment
variable, or the PostgreSQL database CEILING_DATABASE_URL names), each with its own table:

- ``POST /answer``: the stack's ceiling, the goal's reference. The row goes in as a route of this
  stack writes it: a Flask-SQLAlchemy model added to the session and committed.
- ``POST /answer/driver``: below the stack, the same row through the driver alone (``sqlite3``, or
  ``psycopg`` with one statement that commits itself) on one connection per worker: no ORM, no connection
  pool. What it reaches is what the database, gunicorn and Flask's request handling allow at all.
- ``GET /page``: a 10 KB page from a Jinja template (a heading, a table of 80 rows, a form), and no
  database: the reference ``pages.py`` measures Factdeck's pages against.

On SQLite both open the file as Factdeck does: WAL, synchronous NORMAL, a 15 s busy timeout. Whatever
Factdeck's answer endpoint does beyond this one insert is what the ratio between the two measures.
"""
from __future__ import annotations

import os
import sqlite3

from flask import Flask, redirect, render_template, request
from jinja2 import DictLoader
from flask_sqlalchemy import SQLAlchemy
from sqlalchemy import Integer, String, event
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

SCHEMA = """
CREATE TABLE IF NOT EXISTS driver_answer (
    id INTEGER PRIMARY KEY,
    submission_id TEXT NOT NULL UNIQUE,
    question_id INTEGER NOT NULL,
    response TEXT NOT NULL,
    duration_ms INTEGER,
    answered_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP
)
"""
POSTGRESQL_SCHEMA = """
CREATE TABLE IF NOT EXISTS driver_answer (
    id SERIAL PRIMARY KEY,
    submission_id TEXT NOT NULL UNIQUE,
    question_id INTEGER NOT NULL,
    response TEXT NOT NULL,
    duration_ms INTEGER,
    answered_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP
)
"""
INSERT = "INSERT INTO driver_answer (submission_id, question_id, response, duration_ms) VALUES ({0}, {0}, {0}, {0})"


# About 10 KB once rendered: what a page of a few tables and a form weighs, nothing read from a database.
PAGE_TEMPLATE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{{ title }}</title>
<meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body><header><nav><a href="/">Home</a> <a href="/study">Study</a> <a href="/progress">Progress</a></nav></header>
<main><h1>{{ title }}</h1>
<p>{{ intro }}</p>
<table><thead><tr><th>Set</th><th>Due</th><th>Cards</th><th>Score</th></tr></thead><tbody>
{% for row in rows %}<tr><td><a href="/sets/{{ row.id }}">{{ row.title }}</a></td><td>{{ row.due }}</td>
<td>{{ row.cards }}</td><td>{{ "%.0f"|format(row.score) }} %</td></tr>
{% endfor %}</tbody></table>
<form method="post" action="/answer"><input type="hidden" name="csrf_token" value="{{ token }}">
<label>Answer <input name="response"></label><button>Check answer</button></form>
</main></body></html>
"""
PAGE_ROWS = [{"id": number, "title": f"Troops leave the region, part {number}", "due": f"2026-12-{number % 28 + 1:02}",
              "cards": number * 3, "score": number * 1.5 % 100} for number in range(80)]


class Base(DeclarativeBase):
    pass


db = SQLAlchemy(model_class=Base)


class Answer(db.Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    submission_id: Mapped[str] = mapped_column(String(64), unique=True)
    question_id: Mapped[int] = mapped_column(Integer)
    response: Mapped[str] = mapped_column(String(2000))
    duration_ms: Mapped[int | None] = mapped_column(Integer)


def _set_pragmas(connection: sqlite3.Connection) -> None:
    connection.execute("PRAGMA journal_mode=WAL")
    connection.execute("PRAGMA synchronous=NORMAL")
    connection.execute("PRAGMA busy_timeout=15000")


def connect(path: str) -> sqlite3.Connection:
    """Open the database with the settings Factdeck uses: WAL, synchronous NORMAL, a 15 s busy timeout."""
    connection = sqlite3.connect(path, isolation_level=None, timeout=15, check_same_thread=False)
    _set_pragmas(connection)
    return connection


def postgresql_conninfo(url: str) -> str:
    """Return the psycopg connection string of a ``postgresql+psycopg://`` URL."""
    return url.replace("postgresql+psycopg://", "postgresql://", 1)


def create_tables(path: str | None = None, *, url: str | None = None) -> None:
    """Create both routes' tables (before gunicorn starts, so that no worker races another to it)."""
    if url:
        import psycopg

        with psycopg.connect(postgresql_conninfo(url), autocommit=True) as connection:
            connection.execute(POSTGRESQL_SCHEMA)
    else:
        with connect(path) as connection:
            connection.execute(SCHEMA)
    app = create_app(path, url=url)
    with app.app_context():
        db.create_all()
        db.engine.dispose()


def create_app(path: str | None = None, *, url: str | None = None) -> Flask:
    app = Flask(__name__)
    url = url or os.environ.get("CEILING_DATABASE_URL")
    path = None if url else path or os.environ["CEILING_DATABASE"]
    if url:
        app.config["SQLALCHEMY_DATABASE_URI"] = url  # no ping per checkout, as Factdeck's engine
    else:
        app.config["SQLALCHEMY_DATABASE_URI"] = f"sqlite:///{path}"
        app.config["SQLALCHEMY_ENGINE_OPTIONS"] = {"connect_args": {"timeout": 15}}
    db.init_app(app)
    if not url:
        with app.app_context():
            event.listen(db.engine, "connect", lambda dbapi_connection, _record: _set_pragmas(dbapi_connection))

    app.jinja_loader = DictLoader({"page.html": PAGE_TEMPLATE})

    @app.get("/page")
    def page():
        return render_template("page.html", title="Your sets", rows=PAGE_ROWS, token="x" * 40,
                               intro="The sets assigned to your classes, the soonest due first.")

    @app.post("/answer")
    def answer():
        db.session.add(Answer(submission_id=request.form["submission_id"],
                              question_id=int(request.form["question_id"]), response=request.form["response"],
                              duration_ms=request.form.get("duration_ms", type=int)))
        db.session.commit()
        return redirect("/next", 303)

    connections: list = []  # one per worker process, opened after gunicorn forks

    def driver_connection():
        if not connections:
            if url:
                import psycopg

                connections.append(psycopg.connect(postgresql_conninfo(url), autocommit=True))
            else:
                connections.append(connect(path))
        return connections[0]

    @app.post("/answer/driver")
    def answer_through_the_driver():
        database = driver_connection()
        row = (request.form["submission_id"], int(request.form["question_id"]), request.form["response"],
               request.form.get("duration_ms", type=int))
        if url:  # one statement, its own transaction: a single round trip
            database.execute(INSERT.format("%s"), row)
            return redirect("/next", 303)
        database.execute("BEGIN IMMEDIATE")
        try:
            database.execute(INSERT.format("?"), row)
            database.execute("COMMIT")
        except BaseException:
            database.execute("ROLLBACK")
            raise
        return redirect("/next", 303)

    return app
