"""One writer for every review: flashcard grades and quiz answers both go through ``app.reviewing``."""
from __future__ import annotations

import ast
import inspect
import re
from pathlib import Path

import pytest
import sqlalchemy as sa

from app.auth.sessions import LOGIN_SESSION_KEY
from app.extensions import db
from app.models import Answer, Attempt, CardState, Review, ReviewSource
from tests.web.conftest import csrf_token
from tests.web.learner_setup import form_fields, make_assigned_set

APP = Path(__file__).resolve().parents[2] / "app"
WRITER = APP / "reviewing.py"
# The tables a review writes, by model and by the Core table names the code gives them.
REVIEW_TABLES = {"Review", "LearnerReview", "CardState", "Answer", "_REVIEW", "_CARD", "_ANSWER"}
WRITES = re.compile(r"^\s*(INSERT INTO|UPDATE)\s+\"?(review|card_state|answer|attempt)\b", re.IGNORECASE)


@pytest.fixture()
def assigned(app, learner):
    return make_assigned_set(app, learner)


def _names_in(node: ast.AST) -> set[str]:
    return {child.id if isinstance(child, ast.Name) else child.attr
            for child in ast.walk(node) if isinstance(child, (ast.Name, ast.Attribute))}


def _review_writes_in(path: Path) -> list[str]:
    """Return where a module builds a row of a review table, or an INSERT or UPDATE statement on one."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
        if not isinstance(node, ast.Call):
            continue
        called = node.func.id if isinstance(node.func, ast.Name) else getattr(node.func, "attr", "")
        if called in REVIEW_TABLES - {"_REVIEW", "_CARD", "_ANSWER"}:
            found.append(f"{path.name}:{node.lineno} {called}(...)")
        elif called in ("insert", "update") and node.args and _names_in(node.args[0]) & REVIEW_TABLES:
            found.append(f"{path.name}:{node.lineno} {called}({ast.unparse(node.args[0])})")
    return found


def test_no_module_but_the_writer_writes_a_review_an_answer_or_a_card():
    elsewhere = [write for path in sorted(APP.rglob("*.py"))
                 if path != WRITER and "migrations" not in path.parts for write in _review_writes_in(path)]
    assert elsewhere == []
    assert len(_review_writes_in(WRITER)) >= 4  # the check finds the writes where they are


def test_no_module_but_the_writer_runs_statements_on_the_drivers_cursor():
    users = [path.relative_to(APP).as_posix() for path in sorted(APP.rglob("*.py"))
             if path != WRITER and "DriverStatement" in path.read_text()]
    assert users == []


def _writes_while(app, send) -> list[tuple[str, bool]]:
    """Return each INSERT or UPDATE on a review table that ``send()`` caused, and whether the writer issued it."""
    writes: list[tuple[str, bool]] = []

    def record(_connection, _cursor, statement, _parameters, _context, _executemany):
        match = WRITES.match(statement)
        if match:
            from_writer = any(Path(frame.filename) == WRITER for frame in inspect.stack())
            writes.append((f"{match.group(1).split()[0].upper()} {match.group(2).lower()}", from_writer))

    with app.app_context():
        engine = db.engine
    sa.event.listen(engine, "before_cursor_execute", record)
    try:
        send()
    finally:
        sa.event.remove(engine, "before_cursor_execute", record)
    return writes


def test_a_flashcard_grade_is_written_by_the_writer(app, client, assigned):
    page = client.get("/study/").get_data(as_text=True)
    writes = _writes_while(app, lambda: client.post("/study/grade", data={**form_fields(page), "rating": "3"}))
    assert {name for name, _ in writes} == {"INSERT review", "INSERT card_state"}
    assert all(from_writer for _, from_writer in writes), writes
    page = client.get("/study/").get_data(as_text=True)  # the next card, then the first again after its steps
    with app.app_context():
        assert db.session.execute(db.select(sa.func.count(Review.id))).scalar() == 1
        assert db.session.execute(db.select(Review.source)).scalar() is ReviewSource.FLASHCARD


def test_a_quiz_answer_is_written_by_the_same_writer(app, client, assigned):
    reply = client.post(f"/quiz/sets/{assigned.set_id}/start", data={"csrf_token": csrf_token(client, "/")})
    attempt_id = int(reply.headers["Location"].rsplit("/", 1)[1])
    form = {**form_fields(client.get(f"/quiz/{attempt_id}").get_data(as_text=True)), "response": "Lakeport"}
    writes = _writes_while(app, lambda: client.post(f"/quiz/{attempt_id}/answer", data=form,
                                                    headers={"Accept": "application/json"}))
    assert {name for name, _ in writes} == {"INSERT answer", "UPDATE attempt", "INSERT review", "INSERT card_state"}
    assert all(from_writer for _, from_writer in writes), writes
    with app.app_context():
        assert [(row.correct, row.total) for row in db.session.execute(db.select(Attempt)).scalars()] == [(1, 1)]
        assert db.session.execute(db.select(sa.func.count(Answer.id))).scalar() == 1
        assert db.session.execute(db.select(sa.func.count(CardState.id))).scalar() == 1


# --- The login under the app's own session key ------------------------------------------------------------

def test_log_in_keeps_the_login_under_the_apps_key_and_log_out_drops_it(client, learner):
    with client.session_transaction() as session:
        assert isinstance(session[LOGIN_SESSION_KEY], str) and len(session[LOGIN_SESSION_KEY]) > 30
    client.post("/auth/logout", data={"csrf_token": csrf_token(client, "/")})
    with client.session_transaction() as session:
        assert LOGIN_SESSION_KEY not in session


def test_without_the_apps_key_the_answer_falls_back_to_the_full_check(app, client, assigned):
    reply = client.post(f"/quiz/sets/{assigned.set_id}/start", data={"csrf_token": csrf_token(client, "/")})
    attempt_id = int(reply.headers["Location"].rsplit("/", 1)[1])
    form = {**form_fields(client.get(f"/quiz/{attempt_id}").get_data(as_text=True)), "response": "Lakeport"}
    with client.session_transaction() as session:
        del session[LOGIN_SESSION_KEY]  # Flask-Login's own keys stay: the account is loaded and checked
    reply = client.post(f"/quiz/{attempt_id}/answer", data=form, headers={"Accept": "application/json"})
    assert reply.status_code == 200 and reply.get_json()["status"] == "answered"


def test_no_module_reads_flask_logins_private_session_keys():
    key = re.compile(r"""["']_(user_id|fresh|id|remember)["']""")  # Flask-Login's session keys, as strings
    readers = [path.relative_to(APP).as_posix() for path in sorted(APP.rglob("*.py")) if key.search(path.read_text())]
    assert readers == []


def test_the_apps_own_engine_lets_the_answer_take_the_fast_path(app):
    """Factdeck's own listeners (SQLite's BEGIN) watch no statements: the answer is not handed back to SQLAlchemy."""
    from app.reviewing import _watches_statements
    with app.app_context(), db.engine.connect() as connection:
        assert not connection._echo and not _watches_statements(connection)
