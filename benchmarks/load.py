"""Load test: 50 learners answering quiz questions at once, against gunicorn on SQLite or PostgreSQL, next to the
stack's ceiling on the same database.

Run by hand from the repository root (never by pytest; about seven minutes with the defaults)::

    .venv/bin/python benchmarks/load.py                 # 3 rounds of 15 s, 50 learners, 20-question quiz
    .venv/bin/python benchmarks/load.py --seconds 5 --rounds 1
    .venv/bin/python benchmarks/load.py --database postgresql                # a PostgreSQL server of its own
    .venv/bin/python benchmarks/load.py --database postgresql --instances 2  # two app servers, one database

What it does, all on 127.0.0.1 with fresh SQLite databases in a temporary folder (``--database postgresql``:
a PostgreSQL server started in a temporary folder, as the tests start theirs, with a database for each app):

1. Seeds Factdeck's database in-process (a teacher, a class of 50 learners, a published multiple-choice
   set assigned to the class; on PostgreSQL the tables come from the migrations, run once) and starts
   ``gunicorn 'app:create_app()'`` with 2 sync workers on it. ``--instances 2`` starts two such gunicorns on
   two ports with one secret key, as two machines behind a proxy would be, and each learner's requests go
   to them in turn: each request reaches the other server than the learner's request before it.
   Every learner logs in through the real login form (with its CSRF token), starts a quiz through
   the real ``quiz.start`` form and loads the question page it is sent to, as a browser does; learner n
   then answers n questions (modulo the quiz's length) untimed, so that the class is spread over the quiz
   rather than finishing every attempt in the same instant. Answers are posted as the quiz page's script
   posts them: the answer form, urlencoded, with ``Accept: application/json``; the JSON feedback must mark
   the answer right or wrong as the seed knows it.
2. Starts ``benchmarks/ceiling_app.py`` the same way: a bare Flask route inserting one row with
   Flask-SQLAlchemy (the ceiling of this stack), and beside it the same insert through the driver alone
   (below the stack: no ORM, no pool), on the same kind of database as Factdeck (SQLite with WAL, or the same
   PostgreSQL server), and as many instances.
3. Each round runs both servers in turn, each for ``--seconds`` (and at most ``--max-answers``):
   *saturated*: every learner posts its next answer as soon as the last one is answered (no thinking
   time): answers per second is the capacity, latency includes the queue in front of the two workers;
   *paced*: learners post together at half the ceiling's rate of that round (open loop: latency counts
   from when an answer was due to be sent, so a slow server is not flattered by learners who wait);
   *classroom* (Factdeck only): each learner answers every 4 s (``--classroom-rate``, 12.5 answers/s
   for 50), the pace of a real class taking a quiz together;
   *no-JS page* (Factdeck only, saturated): the same form posted as a browser without scripts posts
   it, answered with the HTML feedback page.
   A learner who finishes the quiz starts a new attempt and loads its first page (those requests are not
   timed, but their server CPU counts in the CPU per answer).
4. After the rounds, a double-submission check: every learner sends the same answer form twice at once.
5. Checks the database against what the server acknowledged: every acknowledged answer stored, nothing
   stored twice for an (attempt, question), each attempt's score equal to its stored answers.

Only answer POSTs are timed. Prints the medians over the rounds, the ratio real / ceiling, and the goals.
"""
from __future__ import annotations

import argparse
import contextlib
import json
import os
import random
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections import Counter
from dataclasses import dataclass, field
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parents[1]
SERVER_LOG = ROOT / "benchmarks" / "results" / "load-server.log"
HOST = "127.0.0.1"
PASSWORD = "load-test-password"
CSRF_FIELD = re.compile(r'name="csrf_token"[^>]*value="([^"]+)"|value="([^"]+)"[^>]*name="csrf_token"')
GOAL_RATIO = 0.5
# What a browser asks for when it follows a link or posts a form, and what the quiz page's script asks for.
PAGE_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
JSON_ACCEPT = "application/json"
GOAL_P99_MS = 100.0


# --- A minimal HTTP client: one connection per request, as gunicorn's sync workers close each one ---------

@dataclass
class Reply:
    status: int
    headers: list[tuple[str, str]]
    body: bytes

    def header(self, name: str) -> str | None:
        return next((value for key, value in self.headers if key.lower() == name.lower()), None)


def http(port: int, method: str, path: str, *, form: dict | None = None, cookies: dict[str, str] | None = None,
         accept: str | None = None, timeout: float = 30.0) -> Reply:
    body = urlencode(form).encode() if form is not None else b""
    lines = [f"{method} {path} HTTP/1.1", f"Host: {HOST}:{port}", "Connection: close"]
    if accept:
        lines.append(f"Accept: {accept}")
    if cookies:
        lines.append("Cookie: " + "; ".join(f"{name}={value}" for name, value in cookies.items()))
    if form is not None:
        lines += ["Content-Type: application/x-www-form-urlencoded", f"Content-Length: {len(body)}"]
    with socket.create_connection((HOST, port), timeout=timeout) as connection:
        connection.sendall(("\r\n".join(lines) + "\r\n\r\n").encode() + body)
        chunks = []
        while chunk := connection.recv(65536):
            chunks.append(chunk)
    raw = b"".join(chunks)
    head, _, payload = raw.partition(b"\r\n\r\n")
    status_line, *header_lines = head.decode("latin-1").split("\r\n")
    headers = [tuple(part.strip() for part in line.split(":", 1)) for line in header_lines if ":" in line]
    return Reply(int(status_line.split()[1]), headers, payload)


class Browser:
    """One learner's cookies, kept across requests as a browser keeps them; requests go to the servers in turn."""

    def __init__(self, ports: list[int]):
        self.ports = ports
        self.requests = 0
        self.cookies: dict[str, str] = {}

    def request(self, method: str, path: str, form: dict | None = None, *, accept: str = PAGE_ACCEPT) -> Reply:
        port = self.ports[self.requests % len(self.ports)]
        self.requests += 1
        reply = http(port, method, path, form=form, cookies=self.cookies, accept=accept)
        for name, value in reply.headers:
            if name.lower() == "set-cookie":
                for morsel in SimpleCookie(value).values():
                    self.cookies[morsel.key] = morsel.value
        return reply

    def csrf_token(self, path: str) -> str:
        page = self.request("GET", path).body.decode()
        match = CSRF_FIELD.search(page)
        if not match:
            raise RuntimeError(f"no CSRF token on {path}")
        return match.group(1) or match.group(2)


def children_cpu_seconds(pid: int) -> float:
    """Return the CPU time a process's children have used so far (Linux /proc; 0 elsewhere)."""
    try:
        children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
        ticks = 0
        for child in children:
            fields = Path(f"/proc/{child}/stat").read_text().rsplit(")", 1)[1].split()
            ticks += int(fields[11]) + int(fields[12])  # utime, stime
        return ticks / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return 0.0


# --- Servers --------------------------------------------------------------------------------------------

def free_port() -> int:
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return probe.getsockname()[1]


class Gunicorn:
    """``gunicorn <target>`` with sync workers on a free local port, stopped on exit."""

    def __init__(self, target: str, env: dict[str, str], *, chdir: Path, workers: int):
        self.port = free_port()
        self.command = [str(Path(sys.executable).with_name("gunicorn")), "--workers", str(workers),
                        "--worker-class", "sync", "--bind", f"{HOST}:{self.port}", "--log-level", "warning",
                        "--chdir", str(chdir), target]
        self.env = {**os.environ, **env}
        self.process: subprocess.Popen | None = None

    def __enter__(self) -> "Gunicorn":
        # The app logs a line per request to standard output (as served for real, so its cost is measured);
        # it goes to a file here rather than over the benchmark's report.
        SERVER_LOG.parent.mkdir(parents=True, exist_ok=True)
        self.log = SERVER_LOG.open("a")
        self.process = subprocess.Popen(self.command, env=self.env, cwd=ROOT, stdout=self.log)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"gunicorn exited with {self.process.returncode}: {' '.join(self.command)}")
            try:
                http(self.port, "GET", "/", timeout=2)
                return self
            except OSError:
                time.sleep(0.2)
        raise RuntimeError("gunicorn did not start within 30 s")

    def worker_cpu_seconds(self) -> float:
        """Return the CPU time the workers have used so far (Linux /proc; 0 elsewhere)."""
        return children_cpu_seconds(self.process.pid)

    def __exit__(self, *_exc) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.log.close()


def start_postgresql(running: contextlib.ExitStack):
    """Start a PostgreSQL server in a temporary folder on a free port, as the tests do; stopped when ``running`` ends.

    The tests' throwaway cluster: it commits without waiting for the disk (as SQLite's WAL with synchronous
    NORMAL does), so both apps' figures are the database's work, not the shared disk's.
    """
    sys.path.insert(0, str(ROOT))
    from tests.conftest import PostgresServer, postgres_bin_dir

    bin_dir = postgres_bin_dir()
    if bin_dir is None:
        raise SystemExit("PostgreSQL server binaries not found (apt-get install postgresql)")
    server = PostgresServer(bin_dir)
    running.callback(server.stop)
    server.start()
    DATABASE_SERVER_PID.append(int((server.data_dir / "postmaster.pid").read_text().split()[0]))
    return server


# --- Factdeck's database --------------------------------------------------------------------------------

class Database:
    """The benchmark's own connection to an app's database (SQLite file or PostgreSQL), for its reads and checks."""

    def __init__(self, url: str):
        import sqlalchemy

        self.url = url
        self.engine = sqlalchemy.create_engine(url, connect_args={"timeout": 30} if url.startswith("sqlite") else {})
        self.text = sqlalchemy.text

    def rows(self, sql: str, **values) -> list:
        with self.engine.connect() as connection:
            return connection.execute(self.text(sql), values).all()

    def close(self) -> None:
        self.engine.dispose()


@dataclass(frozen=True)
class Seed:
    database_url: str
    set_id: int
    emails: list[str]
    right_answers: dict[int, str]  # question id -> right choice
    wrong_answers: dict[int, str]
    start_path: str
    answer_path: str  # with {attempt_id}


def seed_factdeck(*, learners: int, questions: int) -> Seed:
    """Create the tables and the class, learners and assigned set, in-process, before gunicorn starts.

    The database is FACTDECK_DATABASE_URL's (PostgreSQL: its tables made by the migrations, as a deployment
    makes them once), else the default one of the instance folder that FACTDECK_INSTANCE_PATH names, which
    gunicorn's workers then open too.
    """
    sys.path.insert(0, str(ROOT))
    from flask import url_for
    from flask_migrate import upgrade
    from werkzeug.security import generate_password_hash

    from app import create_app
    from app.extensions import db
    from app.models import (Assignment, Classroom, Enrollment, Question, QuestionKind, QuestionSet, Role, SetStatus,
                            User, utcnow)

    app = create_app()
    with app.app_context():
        if db.engine.dialect.name == "postgresql":
            upgrade()
        else:
            db.create_all()
        password_hash = generate_password_hash(PASSWORD)  # one hash for all: seeding stays fast
        teacher = User(email="teacher@example.org", name="Load Teacher", role=Role.TEACHER, password_hash=password_hash)
        learner_users = [User(email=f"learner{number:03}@example.org", name=f"Learner {number}", role=Role.LEARNER,
                              password_hash=password_hash) for number in range(1, learners + 1)]
        db.session.add_all([teacher, *learner_users])
        db.session.flush()
        classroom = Classroom(teacher_id=teacher.id, name="Load class", join_code="LOAD01")
        question_set = QuestionSet(owner_id=teacher.id, title="Load quiz", status=SetStatus.PUBLISHED,
                                   published_at=utcnow())
        question_set.questions = [
            Question(position=number, kind=QuestionKind.MULTIPLE_CHOICE,
                     prompt=f"How many troops were deployed in year {2000 + number}?", answer=f"{1000 + number}",
                     choices=[f"{1000 + number}", f"{2000 + number}", f"{3000 + number}"],
                     explanation=f"In {2000 + number}, {1000 + number} troops were deployed.")
            for number in range(questions)]
        db.session.add_all([classroom, question_set])
        db.session.flush()
        db.session.add_all([Enrollment(classroom_id=classroom.id, learner_id=user.id) for user in learner_users])
        db.session.add(Assignment(set_id=question_set.id, classroom_id=classroom.id))
        db.session.commit()
        right = {question.id: question.choices[0] for question in question_set.questions}
        wrong = {question.id: question.choices[1] for question in question_set.questions}
        with app.test_request_context():
            start_path = url_for("quiz.start", set_id=question_set.id)
            answer_path = url_for("quiz.answer", attempt_id=987654321).replace("987654321", "{attempt_id}")
        database_url = db.engine.url.render_as_string(hide_password=False)
        seed = Seed(database_url=database_url, set_id=question_set.id, emails=[user.email for user in learner_users],
                    right_answers=right, wrong_answers=wrong, start_path=start_path, answer_path=answer_path)
        db.engine.dispose()
    return seed


# --- Simulated learners -----------------------------------------------------------------------------------

@dataclass
class Tally:
    """What one run of one server saw."""

    latencies_ms: list[float] = field(default_factory=list)
    acknowledged: list[str] = field(default_factory=list)  # submission ids answered with success
    errors: Counter = field(default_factory=Counter)  # status code or exception name -> count
    restarts: int = 0
    seconds: float = 0.0
    server_cpu_seconds: float = 0.0  # the workers' CPU time during the run
    database_cpu_seconds: float = 0.0  # PostgreSQL's processes' CPU time during the run (0 on SQLite)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def record(self, latency_ms: float, submission_id: str, outcome: str | None) -> None:
        with self.lock:
            self.latencies_ms.append(latency_ms)
            if outcome is None:
                self.acknowledged.append(submission_id)
            else:
                self.errors[outcome] += 1

    @property
    def answers(self) -> int:
        return len(self.latencies_ms)

    @property
    def rate(self) -> float:
        return len(self.acknowledged) / self.seconds if self.seconds else 0.0

    @property
    def cpu_ms_per_answer(self) -> float:
        return 1000 * self.server_cpu_seconds / self.answers if self.answers else float("nan")

    @property
    def database_cpu_ms_per_answer(self) -> float:
        return 1000 * self.database_cpu_seconds / self.answers if self.answers else float("nan")

    def percentile(self, share: float) -> float:
        if not self.latencies_ms:
            return float("nan")
        ordered = sorted(self.latencies_ms)
        return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


class FactdeckLearner:
    """A logged-in learner going through quiz attempts, one answer after another."""

    def __init__(self, ports: list[int], seed: Seed, database: Database, email: str, rng: random.Random):
        self.browser = Browser(ports)
        self.seed = seed
        self.database = database
        self.email = email
        self.rng = rng
        self.attempt_id: int | None = None
        self.remaining: list[int] = []
        self.csrf = ""
        self.accept = JSON_ACCEPT  # the quiz page's script; PAGE_ACCEPT is a browser without JavaScript

    def log_in(self) -> None:
        token = self.browser.csrf_token("/auth/login")
        reply = self.browser.request("POST", "/auth/login",
                                     {"csrf_token": token, "email": self.email, "password": PASSWORD})
        if reply.status != 302:
            raise RuntimeError(f"login of {self.email} answered {reply.status}")
        self.csrf = token

    def start_attempt(self) -> None:
        """Press "Take the quiz" and read which questions the new attempt asks, in order."""
        reply = self.browser.request("POST", self.seed.start_path, {"csrf_token": self.csrf})
        match = re.search(r"/(\d+)(?:[/?#]|$)", reply.header("Location") or "")
        if reply.status not in (302, 303) or not match:
            raise RuntimeError(f"quiz.start answered {reply.status} {reply.header('Location')}")
        self.attempt_id = int(match.group(1))
        # A browser follows the redirect: the question page shows (and so clears) the "Quiz started" message,
        # which would otherwise pile up in the session cookie of a learner who never loads a page.
        page = self.browser.request("GET", reply.header("Location"))
        if page.status != 200:
            raise RuntimeError(f"the quiz page answered {page.status}")
        [(question_ids,)] = self.database.rows("SELECT question_ids FROM attempt WHERE id = :id", id=self.attempt_id)
        if isinstance(question_ids, str):  # SQLite's JSON is text; psycopg reads PostgreSQL's into a list
            question_ids = json.loads(question_ids)
        answered = {row[0] for row in self.database.rows("SELECT question_id FROM answer WHERE attempt_id = :id",
                                                         id=self.attempt_id)}
        self.remaining = [question_id for question_id in question_ids if question_id not in answered]

    def answer_form(self) -> tuple[str, dict]:
        if not self.remaining:
            self.start_attempt()
        question_id = self.remaining.pop(0)
        right = self.rng.random() < 0.7
        response = (self.seed.right_answers if right else self.seed.wrong_answers)[question_id]
        form = {"csrf_token": self.csrf, "question_id": question_id, "response": response,
                "submission_id": uuid.uuid4().hex, "duration_ms": self.rng.randint(1500, 9000)}
        return self.seed.answer_path.format(attempt_id=self.attempt_id), form

    def post(self, path: str, form: dict) -> str | None:
        """Post one answer; return None when the server acknowledged it, else what went wrong.

        A JSON reply must also mark the answer as the seed knows it: right or wrong.
        """
        reply = self.browser.request("POST", path, form, accept=self.accept)
        if reply.status != 200:
            return f"HTTP {reply.status}"
        if self.accept == JSON_ACCEPT:
            try:
                feedback = json.loads(reply.body)
            except ValueError:
                return "not JSON"
            right = form["response"] == self.seed.right_answers[form["question_id"]]
            if feedback.get("status") not in ("answered", "already answered") or feedback.get("correct") != right:
                return "wrong feedback"
        return None


class CeilingLearner:
    """The same answers, posted to a bare insert route of ``ceiling_app.py``."""

    def __init__(self, rng: random.Random, ports: list[int], path: str = "/answer"):
        self.rng = rng
        self.ports = ports
        self.requests = 0
        self.path = path

    def answer_form(self) -> tuple[str, dict]:
        return self.path, {"question_id": self.rng.randint(1, 20), "response": "1001",
                           "submission_id": uuid.uuid4().hex, "duration_ms": self.rng.randint(1500, 9000)}

    def post(self, path: str, form: dict) -> str | None:
        port = self.ports[self.requests % len(self.ports)]
        self.requests += 1
        reply = http(port, "POST", path, form=form)
        return None if reply.status == 303 else f"HTTP {reply.status}"


def worker_cpu_seconds(servers: list[Gunicorn]) -> float:
    return sum(server.worker_cpu_seconds() for server in servers)


DATABASE_SERVER_PID: list[int] = []  # PostgreSQL's postmaster, when the run started one


def database_cpu_seconds() -> float:
    """Return the CPU time PostgreSQL's processes (one per connection) have used so far; 0 on SQLite."""
    return sum(children_cpu_seconds(pid) for pid in DATABASE_SERVER_PID)


def drive(learners: list, servers: list[Gunicorn], *, seconds: float, max_answers: int,
          rate: float | None) -> Tally:
    """Run every learner in its own thread for ``seconds``; ``rate`` (answers/s, all together) paces them."""
    tally = Tally()
    cpu_before, database_cpu_before = worker_cpu_seconds(servers), database_cpu_seconds()
    budget = threading.Semaphore(max_answers)
    start_gate = threading.Barrier(len(learners) + 1)
    started = [0.0]

    def run(index: int, learner) -> None:
        start_gate.wait()
        interval = len(learners) / rate if rate else 0.0
        due = started[0] + (index / len(learners)) * interval
        deadline = started[0] + seconds
        while time.perf_counter() < deadline and budget.acquire(blocking=False):
            if rate:
                pause = min(due, deadline) - time.perf_counter()
                if pause > 0:
                    time.sleep(pause)
                if time.perf_counter() >= deadline:
                    budget.release()
                    break
            try:
                attempt_before = getattr(learner, "attempt_id", None)
                path, form = learner.answer_form()
                if getattr(learner, "attempt_id", None) != attempt_before and attempt_before is not None:
                    with tally.lock:
                        tally.restarts += 1
            except Exception as err:  # a failed restart is an error of the run, not of an answer
                with tally.lock:
                    tally.errors[f"restart: {type(err).__name__}"] += 1
                continue
            sent = time.perf_counter()
            begin = due if rate else sent  # open loop: a late send counts against the server
            try:
                outcome = learner.post(path, form)
            except Exception as err:
                outcome = type(err).__name__
            tally.record((time.perf_counter() - begin) * 1000, form["submission_id"], outcome)
            due += interval

    threads = [threading.Thread(target=run, args=(index, learner), daemon=True)
               for index, learner in enumerate(learners)]
    for thread in threads:
        thread.start()
    started[0] = time.perf_counter()
    start_gate.wait()
    for thread in threads:
        thread.join()
    tally.seconds = time.perf_counter() - started[0]  # until the last answer in flight came back
    tally.server_cpu_seconds = worker_cpu_seconds(servers) - cpu_before
    tally.database_cpu_seconds = database_cpu_seconds() - database_cpu_before
    return tally


# --- Checks -------------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Integrity:
    acknowledged: int
    stored: int
    lost: int  # acknowledged, not stored
    stored_unacknowledged: int  # stored although the server answered with an error
    duplicated: int  # (attempt, question) pairs stored more than once
    miscounted_attempts: int  # attempts whose correct/total differ from their stored answers


def check_factdeck(database: Database, acknowledged: set[str]) -> Integrity:
    stored = {row[0] for row in database.rows("SELECT submission_id FROM answer")}
    [(duplicated,)] = database.rows(
        "SELECT COUNT(*) FROM (SELECT 1 FROM answer GROUP BY attempt_id, question_id HAVING COUNT(*) > 1) AS twice")
    [(miscounted,)] = database.rows("""
        SELECT COUNT(*) FROM attempt LEFT JOIN (
            SELECT attempt_id, COUNT(*) AS answers, SUM(CASE WHEN correct THEN 1 ELSE 0 END) AS right_answers
            FROM answer GROUP BY attempt_id
        ) AS counted ON counted.attempt_id = attempt.id
        WHERE attempt.total != COALESCE(counted.answers, 0) OR attempt.correct != COALESCE(counted.right_answers, 0)
    """)
    return Integrity(acknowledged=len(acknowledged), stored=len(stored), lost=len(acknowledged - stored),
                     stored_unacknowledged=len(stored - acknowledged), duplicated=duplicated,
                     miscounted_attempts=miscounted)


def double_submissions(learners: list[FactdeckLearner]) -> tuple[Counter, set[str]]:
    """Every learner sends its next answer form twice at the same moment (a double-click).

    Returns the replies by outcome and the submission ids of the forms that got at least one success.
    """
    replies: Counter = Counter()
    acknowledged: set[str] = set()
    lock = threading.Lock()
    gate = threading.Barrier(2 * len(learners))

    def send(learner: FactdeckLearner, path: str, form: dict) -> None:
        gate.wait()
        try:
            outcome = learner.post(path, form)
        except Exception as err:
            outcome = type(err).__name__
        with lock:
            replies[outcome or "HTTP 200"] += 1
            if outcome is None:
                acknowledged.add(form["submission_id"])

    threads = []
    for learner in learners:
        path, form = learner.answer_form()
        threads += [threading.Thread(target=send, args=(learner, path, form)) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return replies, acknowledged


# --- The run ------------------------------------------------------------------------------------------------

def line(label: str, tally: Tally) -> str:
    errors = sum(tally.errors.values())
    detail = f" {dict(tally.errors)}" if errors else ""
    restarts = f", {tally.restarts} quiz restarts" if tally.restarts else ""
    database = f"database CPU {tally.database_cpu_ms_per_answer:5.2f} ms/answer  " if DATABASE_SERVER_PID else ""
    return (f"  {label:<22} {tally.rate:7.0f} answers/s  p50 {tally.percentile(0.5):6.1f} ms  "
            f"p99 {tally.percentile(0.99):6.1f} ms  server CPU {tally.cpu_ms_per_answer:5.2f} ms/answer  {database}"
            f"{tally.answers:6} sent  errors {errors}{detail}{restarts}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--learners", type=int, default=50)
    parser.add_argument("--questions", type=int, default=20, help="questions in the quiz set")
    parser.add_argument("--seconds", type=float, default=15.0, help="length of each timed run")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--max-answers", type=int, default=60_000, help="upper bound of answers per timed run")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn sync workers (of each instance)")
    parser.add_argument("--database", choices=("sqlite", "postgresql"), default="sqlite",
                        help="SQLite files, or a PostgreSQL server started for the run (its binaries must be installed)")
    parser.add_argument("--instances", type=int, default=1,
                        help="app servers (gunicorns on ports of their own) sharing the database: PostgreSQL only")
    parser.add_argument("--classroom-rate", type=float, default=12.5,
                        help="answers/s of the classroom run (all learners together)")
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    args = parser.parse_args(argv)
    if args.instances > 1 and args.database != "postgresql":
        parser.error("several app servers share a PostgreSQL database: add --database postgresql")
    rng = random.Random(20240515)

    with tempfile.TemporaryDirectory(prefix="factdeck-load-") as folder, contextlib.ExitStack() as running:
        folder = Path(folder)
        instance = folder / "instance"
        os.environ["FACTDECK_INSTANCE_PATH"] = str(instance)  # for the in-process seeding
        os.environ["FACTDECK_SECRET_KEY"] = uuid.uuid4().hex  # one key for every instance, as the README says
        from ceiling_app import create_tables  # noqa: E402 (benchmarks/ is on sys.path as the script's folder)
        if args.database == "postgresql":
            server = start_postgresql(running)
            os.environ["FACTDECK_DATABASE_URL"] = server.create_database("factdeck_load")
            ceiling_url = server.create_database("ceiling_load")
            create_tables(url=ceiling_url)
            ceiling_env = {"CEILING_DATABASE_URL": ceiling_url}
            factdeck_env = {"FACTDECK_DATABASE_URL": os.environ["FACTDECK_DATABASE_URL"]}
            database_name = "PostgreSQL (synchronous_commit off)"
        else:
            os.environ.pop("FACTDECK_DATABASE_URL", None)
            ceiling_database = folder / "ceiling.sqlite"
            create_tables(str(ceiling_database))
            ceiling_env = {"CEILING_DATABASE": str(ceiling_database)}
            factdeck_env = {}
            database_name = "SQLite WAL"
        seed = seed_factdeck(learners=args.learners, questions=args.questions)
        database = Database(seed.database_url)
        running.callback(database.close)

        factdeck_env |= {"FACTDECK_INSTANCE_PATH": str(instance),
                         "FACTDECK_SECRET_KEY": os.environ["FACTDECK_SECRET_KEY"]}
        instances = f"{args.instances} app servers, each " if args.instances > 1 else ""
        print(f"{args.learners} learners, {args.questions}-question quiz, {args.rounds} rounds of {args.seconds:g} s, "
              f"{instances}gunicorn with {args.workers} sync workers, {database_name}; {os.cpu_count()} CPUs, "
              f"load average {os.getloadavg()[0]:.2f} before the servers start")
        factdeck = [running.enter_context(Gunicorn("app:create_app()", factdeck_env, chdir=ROOT,
                                                   workers=args.workers)) for _ in range(args.instances)]
        ceiling = [running.enter_context(Gunicorn("ceiling_app:create_app()", ceiling_env,
                                                  chdir=Path(__file__).parent, workers=args.workers))
                   for _ in range(args.instances)]
        factdeck_ports, ceiling_ports = [server.port for server in factdeck], [server.port for server in ceiling]
        learners = [FactdeckLearner(factdeck_ports, seed, database, email, random.Random(rng.random()))
                    for email in seed.emails]
        acknowledged: set[str] = set()
        for number, learner in enumerate(learners):
            learner.log_in()
            learner.start_attempt()
            # A class is spread over the quiz, not in step: learner n has answered n questions (modulo the
            # quiz's length) before the timed runs, so that attempts do not all end in the same instant.
            for _ in range(number % args.questions):
                path, form = learner.answer_form()
                if learner.post(path, form) is not None:
                    raise RuntimeError("an answer before the timed runs was refused")
                acknowledged.add(form["submission_id"])
        ceiling_learners = [CeilingLearner(random.Random(rng.random()), ceiling_ports) for _ in seed.emails]
        driver_learners = [CeilingLearner(random.Random(rng.random()), ceiling_ports, "/answer/driver")
                           for _ in seed.emails]

        rounds = []
        for number in range(1, args.rounds + 1):
            print(f"round {number}")
            bounds = {"seconds": args.seconds, "max_answers": args.max_answers}
            ceiling_saturated = drive(ceiling_learners, ceiling, rate=None, **bounds)
            print(line("ceiling, saturated", ceiling_saturated))
            driver_saturated = drive(driver_learners, ceiling, rate=None, **bounds)
            print(line("driver only, saturated", driver_saturated))
            real_saturated = drive(learners, factdeck, rate=None, **bounds)
            print(line("Factdeck, saturated", real_saturated))
            pace = ceiling_saturated.rate * GOAL_RATIO
            ceiling_paced = drive(ceiling_learners, ceiling, rate=pace, **bounds)
            print(line(f"ceiling @ {pace:.0f}/s", ceiling_paced))
            real_paced = drive(learners, factdeck, rate=pace, **bounds)
            print(line(f"Factdeck @ {pace:.0f}/s", real_paced))
            real_classroom = drive(learners, factdeck, rate=args.classroom_rate, **bounds)
            print(line(f"Factdeck @ {args.classroom_rate:g}/s", real_classroom))
            for learner in learners:
                learner.accept = PAGE_ACCEPT
            real_page = drive(learners, factdeck, rate=None, **bounds)
            print(line("Factdeck, no-JS page", real_page))
            for learner in learners:
                learner.accept = JSON_ACCEPT
            acknowledged |= {*real_saturated.acknowledged, *real_paced.acknowledged, *real_classroom.acknowledged,
                             *real_page.acknowledged}
            rounds.append((ceiling_saturated, real_saturated, ceiling_paced, real_paced, real_classroom, real_page,
                           driver_saturated))

        doubles, double_acknowledged = double_submissions(learners)
        integrity = check_factdeck(database, acknowledged | double_acknowledged)

    def median(values) -> float:
        return statistics.median(values)

    ceiling_rate = median([run[0].rate for run in rounds])
    real_rate = median([run[1].rate for run in rounds])
    real_p50 = median([run[1].percentile(0.5) for run in rounds])
    real_p99 = median([run[1].percentile(0.99) for run in rounds])
    paced_p50 = median([run[3].percentile(0.5) for run in rounds])
    paced_p99 = median([run[3].percentile(0.99) for run in rounds])
    ceiling_p99 = median([run[0].percentile(0.99) for run in rounds])
    ceiling_cpu = median([run[0].cpu_ms_per_answer for run in rounds])
    driver_rate = median([run[6].rate for run in rounds])
    driver_p99 = median([run[6].percentile(0.99) for run in rounds])
    driver_cpu = median([run[6].cpu_ms_per_answer for run in rounds])
    real_cpu = median([run[1].cpu_ms_per_answer for run in rounds])
    ceiling_database_cpu = median([run[0].database_cpu_ms_per_answer for run in rounds])
    real_database_cpu = median([run[1].database_cpu_ms_per_answer for run in rounds])
    classroom_p50 = median([run[4].percentile(0.5) for run in rounds])
    classroom_p99 = median([run[4].percentile(0.99) for run in rounds])
    page_rate = median([run[5].rate for run in rounds])
    page_p50 = median([run[5].percentile(0.5) for run in rounds])
    page_p99 = median([run[5].percentile(0.99) for run in rounds])
    page_cpu = median([run[5].cpu_ms_per_answer for run in rounds])
    errors = sum(sum(run[index].errors.values()) for run in rounds for index in (1, 3, 4, 5))
    ratio = real_rate / ceiling_rate if ceiling_rate else 0.0
    double_errors = sum(count for outcome, count in doubles.items() if outcome != "HTTP 200")

    print(f"\nmedians over {len(rounds)} rounds (load average now {os.getloadavg()[0]:.2f})")
    print(f"  ceiling (bare insert)     {ceiling_rate:7.0f} answers/s   p99 {ceiling_p99:6.1f} ms (saturated)  "
          f"server CPU {ceiling_cpu:.2f} ms/answer"
          + (f", database CPU {ceiling_database_cpu:.2f} ms/answer" if DATABASE_SERVER_PID else ""))
    print(f"  driver only (no ORM)      {driver_rate:7.0f} answers/s   p99 {driver_p99:6.1f} ms (saturated)  "
          f"server CPU {driver_cpu:.2f} ms/answer")
    print(f"  Factdeck quiz.answer      {real_rate:7.0f} answers/s   p50 {real_p50:6.1f} ms  p99 {real_p99:6.1f} ms "
          f"(saturated)  server CPU {real_cpu:.2f} ms/answer"
          + (f", database CPU {real_database_cpu:.2f} ms/answer" if DATABASE_SERVER_PID else ""))
    print(f"  Factdeck at half ceiling  p50 {paced_p50:6.1f} ms  p99 {paced_p99:6.1f} ms (paced)")
    print(f"  Factdeck, a class at {args.classroom_rate:g}/s  p50 {classroom_p50:6.1f} ms  p99 {classroom_p99:6.1f} ms")
    page_ratio = page_rate / ceiling_rate if ceiling_rate else 0.0
    print(f"  Factdeck, no-JS page      {page_rate:7.0f} answers/s   p50 {page_p50:6.1f} ms  p99 {page_p99:6.1f} ms "
          f"(saturated)  server CPU {page_cpu:.2f} ms/answer  ratio {page_ratio:.2f}")
    driver_ratio = real_rate / driver_rate if driver_rate else 0.0
    print(f"  ratio Factdeck / ceiling  {ratio:.2f}   (Factdeck / driver only {driver_ratio:.2f})")
    print(f"  answers acknowledged {integrity.acknowledged}, stored {integrity.stored}; {len(learners)} forms "
          f"double-clicked, replies {dict(doubles)}")
    goals = [
        (f"throughput >= {GOAL_RATIO} x ceiling", ratio >= GOAL_RATIO, f"{ratio:.2f}"),
        (f"p99 < {GOAL_P99_MS:.0f} ms at half the ceiling's rate", paced_p99 < GOAL_P99_MS, f"{paced_p99:.1f} ms"),
        (f"p99 < {GOAL_P99_MS:.0f} ms saturated (50 learners, no pause)", real_p99 < GOAL_P99_MS, f"{real_p99:.1f} ms"),
        (f"p99 < {GOAL_P99_MS:.0f} ms for a class at {args.classroom_rate:g} answers/s", classroom_p99 < GOAL_P99_MS,
         f"{classroom_p99:.1f} ms"),
        ("0 errors", errors + double_errors == 0, str(errors + double_errors)),
        ("0 lost (stored = acknowledged)", integrity.lost == 0 and integrity.stored_unacknowledged == 0,
         f"{integrity.lost} acknowledged not stored, {integrity.stored_unacknowledged} stored not acknowledged"),
        ("0 duplicated", integrity.duplicated == 0, f"{integrity.duplicated} (attempt, question) pairs twice"),
        ("scores match stored answers", integrity.miscounted_attempts == 0,
         f"{integrity.miscounted_attempts} attempts off"),
    ]
    print("goals")
    for label, met, value in goals:
        print(f"  [{'met' if met else 'MISSED'}] {label}: {value}")
    if args.json:
        args.json.write_text(json.dumps({
            "database": args.database, "instances": args.instances, "workers_per_instance": args.workers,
            "ceiling_answers_per_second": ceiling_rate, "answers_per_second": real_rate, "ratio": ratio,
            "ceiling_cpu_ms_per_answer": ceiling_cpu, "cpu_ms_per_answer": real_cpu, "p50_ms": real_p50,
            "ceiling_database_cpu_ms_per_answer": ceiling_database_cpu,
            "database_cpu_ms_per_answer": real_database_cpu,
            "driver_answers_per_second": driver_rate, "driver_p99_ms": driver_p99,
            "driver_cpu_ms_per_answer": driver_cpu, "driver_ratio": driver_ratio,
            "p99_ms": real_p99, "paced_p50_ms": paced_p50, "paced_p99_ms": paced_p99,
            "classroom_p50_ms": classroom_p50, "classroom_p99_ms": classroom_p99,
            "page_answers_per_second": page_rate, "page_p50_ms": page_p50, "page_p99_ms": page_p99,
            "page_cpu_ms_per_answer": page_cpu, "page_ratio": page_ratio,
            "errors": errors, "integrity": integrity.__dict__, "double_submissions": dict(doubles),
            "goals": {label: met for label, met, _value in goals}}, indent=2))
    return 0 if all(met for _label, met, _value in goals) else 1


if __name__ == "__main__":
    sys.exit(main())
