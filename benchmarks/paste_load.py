"""Load test: 50 learners answering while two teachers paste 1 MB articles, against gunicorn on SQLite.

Run by hand from the repository root (never by pytest; about two minutes with the defaults)::

    .venv/bin/python benchmarks/paste_load.py
    .venv/bin/python benchmarks/paste_load.py --workers 2 --rate 25 --quiet-seconds 20 --paste-seconds 60

What it does, on 127.0.0.1 with a fresh SQLite database in a temporary folder (the seeding, the learners
and the HTTP client are those of ``benchmarks/load.py``):

1. Seeds a class of 50 learners with an assigned 20-question quiz and two teachers, starts
   ``gunicorn 'app:create_app()'`` with 2 sync workers, logs every learner in and starts their quiz.
2. *Quiet*: the learners answer together at ``--rate`` answers a second (open loop: latency counts from
   when an answer was due) for ``--quiet-seconds``.
3. *Paste*: the same for ``--paste-seconds``; two seconds in, both teachers post the new-set form at once,
   each with an article of 1,000,000 characters (the engine's limit, under the 1 MB form limit): one the
   demo article pasted over and over (the paste that used to take minutes), one made of different news
   articles one after another (``../shared/bench/news.jsonl`` when it is there, else the demo article's
   paragraphs shuffled). Each teacher then loads the job's page every 2 s (as often as its script asks) until it
   sends them to the new set. Meanwhile a visitor loads the login page every half second.
4. Prints, per phase, the learners' answers per second, p50, p99 and worst latency and every non-200
   reply; the teachers' form POST time and the time until their questions were ready; the login page's
   worst time; and the goals: learners' p99 under 200 ms while the teachers paste, no 500 (no error at
   all), both sets made. The exit status is 0 only when every goal is met.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import re
import socket
import statistics
import sys
import tempfile
import threading
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from http.cookies import SimpleCookie

from load import (HOST, PASSWORD, ROOT, Browser, Database, FactdeckLearner, Gunicorn, Reply, Tally,  # noqa: E402
                  drive, seed_factdeck)

ARTICLE_CHARACTERS = 1_000_000
DEMO_ARTICLE = ROOT / "app" / "demo" / "karabakh-russian-troops-leave.txt"
NEWS = ROOT.parent / "shared" / "bench" / "news.jsonl"
TOKEN_FIELD = re.compile(r'name="creation_token"[^>]*value="([^"]*)"|value="([^"]*)"[^>]*name="creation_token"')
GOAL_P99_MS = 200.0


def repeated_article(characters: int) -> str:
    """The demo article pasted again and again up to ``characters`` (by default the engine's limit)."""
    article = DEMO_ARTICLE.read_text(encoding="utf-8").strip() + "\n\n"
    return (article * (characters // len(article) + 1))[:characters]


def varied_article(rng: random.Random, characters: int) -> str:
    """Different news articles one after another up to ``characters``."""
    if NEWS.exists():
        parts = []
        with NEWS.open(encoding="utf-8") as lines:
            for line in lines:
                item = json.loads(line)
                parts.append(f"{item.get('title', '')}\n{item.get('text', '')}\n\n")
                if sum(map(len, parts)) > characters:
                    break
    else:
        paragraphs = [part for part in DEMO_ARTICLE.read_text(encoding="utf-8").split("\n") if part.strip()]
        parts = []
        while sum(map(len, parts)) <= characters:
            rng.shuffle(paragraphs)
            parts.append("\n".join(paragraphs) + "\n\n")
    return "".join(parts)[:characters]


@dataclass
class Paste:
    """What one teacher saw."""

    label: str
    post_ms: float = 0.0
    ready_seconds: float | None = None
    statuses: list[int] = field(default_factory=list)
    outcome: str = ""
    ready_to_post: threading.Event = field(default_factory=threading.Event)


BOUNDARY = "----factdeck-paste-load-boundary"


def multipart(fields: dict[str, str], article: bytes) -> bytes:
    """Return the form as a browser sends it: each field a part, the article's text the last one."""
    parts = [f'--{BOUNDARY}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode()
             for name, value in fields.items()]
    parts.append(f'--{BOUNDARY}\r\nContent-Disposition: form-data; name="article"\r\n\r\n'.encode() + article
                 + f"\r\n--{BOUNDARY}--\r\n".encode())
    return b"".join(parts)


def post_encoded(browser: Browser, path: str, body: bytes) -> Reply:
    """POST a multipart form body built beforehand, as the new-set form (``enctype="multipart/form-data"``) posts."""
    head = [f"POST {path} HTTP/1.1", f"Host: {HOST}:{browser.ports[0]}", "Connection: close",
            "Cookie: " + "; ".join(f"{name}={value}" for name, value in browser.cookies.items()),
            f"Content-Type: multipart/form-data; boundary={BOUNDARY}", f"Content-Length: {len(body)}"]
    with socket.create_connection((HOST, browser.ports[0]), timeout=60) as connection:
        connection.sendall(("\r\n".join(head) + "\r\n\r\n").encode() + body)
        chunks = []
        while chunk := connection.recv(65536):
            chunks.append(chunk)
    raw_head, _, payload = b"".join(chunks).partition(b"\r\n\r\n")
    status_line, *header_lines = raw_head.decode("latin-1").split("\r\n")
    headers = [tuple(part.strip() for part in line.split(":", 1)) for line in header_lines if ":" in line]
    for name, value in headers:
        if name.lower() == "set-cookie":
            for morsel in SimpleCookie(value).values():
                browser.cookies[morsel.key] = morsel.value
    return Reply(int(status_line.split()[1]), headers, payload)


def teacher_pastes(port: int, email: str, article: bytes, paste: Paste, *, timeout: float) -> None:
    """Log in, post the new-set form with the article, and follow the job's page until the set is made."""
    browser = Browser([port])
    token = browser.csrf_token("/auth/login")
    reply = browser.request("POST", "/auth/login", {"csrf_token": token, "email": email, "password": PASSWORD})
    if reply.status != 302:
        paste.outcome = f"login answered {reply.status}"
        return
    page = browser.request("GET", "/sets/new").body.decode()
    csrf = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', page).group(1)
    creation = TOKEN_FIELD.search(page)
    body = multipart({"csrf_token": csrf, "creation_token": creation.group(1) or creation.group(2),
                      "title": paste.label, "published_on": "2024-05-15"}, article)
    paste.ready_to_post.wait()
    started = time.perf_counter()
    reply = post_encoded(browser, "/sets/new", body)
    paste.post_ms = (time.perf_counter() - started) * 1000
    paste.statuses.append(reply.status)
    location = reply.header("Location") or ""
    deadline = started + timeout
    while reply.status == 302 and "/sets/jobs/" in location and time.perf_counter() < deadline:
        time.sleep(2)  # as often as the job page's script asks
        reply = browser.request("GET", location)
        paste.statuses.append(reply.status)
        if reply.status == 302:
            location = reply.header("Location") or ""
        elif reply.status == 200 and b"Making questions from your article" in reply.body:
            reply.status = 302  # still making questions: look again
        else:
            break
    if re.search(r"/sets/\d+$", location):
        paste.ready_seconds = time.perf_counter() - started
        paste.outcome = "set made"
    else:
        paste.outcome = f"no set: last reply {reply.status} {location}"


def visitor(port: int, stop: threading.Event, latencies: list[float], statuses: list[int]) -> None:
    while not stop.is_set():
        started = time.perf_counter()
        reply = Browser([port]).request("GET", "/auth/login")
        latencies.append((time.perf_counter() - started) * 1000)
        statuses.append(reply.status)
        stop.wait(0.5)


def phase_line(label: str, tally: Tally) -> str:
    latencies = tally.latencies_ms
    worst = max(latencies) if latencies else 0.0
    return (f"  {label:<34} {tally.rate:6.1f} answers/s  p50 {tally.percentile(0.5):6.1f} ms  "
            f"p99 {tally.percentile(0.99):6.1f} ms  worst {worst:7.1f} ms  {tally.answers:5} answers  "
            f"errors {sum(tally.errors.values())} {dict(tally.errors) if tally.errors else ''}")


def add_second_teacher() -> None:
    from werkzeug.security import generate_password_hash

    from app import create_app
    from app.extensions import db
    from app.models import Role, User

    app = create_app()
    with app.app_context():
        db.session.add(User(email="teacher2@example.org", name="Second Teacher", role=Role.TEACHER,
                            password_hash=generate_password_hash(PASSWORD)))
        db.session.commit()
        db.engine.dispose()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--learners", type=int, default=50)
    parser.add_argument("--questions", type=int, default=20)
    parser.add_argument("--workers", type=int, default=2, help="gunicorn sync workers")
    parser.add_argument("--rate", type=float, default=25.0, help="answers/s of the whole class (open loop)")
    parser.add_argument("--quiet-seconds", type=float, default=20.0)
    parser.add_argument("--paste-seconds", type=float, default=60.0)
    parser.add_argument("--characters", type=int, default=ARTICLE_CHARACTERS, help="length of each pasted article")
    args = parser.parse_args(argv)
    rng = random.Random(20240515)
    # Encoded once, before any timing: the learners' threads share this process.
    articles = {label: text.encode("utf-8") for label, text in
                (("repeated demo article", repeated_article(args.characters)),
                 ("varied news articles", varied_article(rng, args.characters)))}

    with tempfile.TemporaryDirectory(prefix="factdeck-paste-") as folder:
        instance = Path(folder) / "instance"
        os.environ["FACTDECK_INSTANCE_PATH"] = str(instance)
        os.environ["FACTDECK_SECRET_KEY"] = uuid.uuid4().hex
        os.environ.pop("FACTDECK_DATABASE_URL", None)
        seed = seed_factdeck(learners=args.learners, questions=args.questions)
        add_second_teacher()
        env = {"FACTDECK_INSTANCE_PATH": str(instance), "FACTDECK_SECRET_KEY": os.environ["FACTDECK_SECRET_KEY"]}
        print(f"{args.learners} learners answering {args.rate:g}/s together, 2 teachers pasting "
              f"{args.characters:,} characters each; gunicorn with {args.workers} sync workers, SQLite WAL; "
              f"{os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.2f} before the server starts")
        with Gunicorn("app:create_app()", env, chdir=ROOT, workers=args.workers) as server:
            database = Database(seed.database_url)
            learners = [FactdeckLearner([server.port], seed, database, email, random.Random(rng.random()))
                        for email in seed.emails]
            for number, learner in enumerate(learners):
                learner.log_in()
                learner.start_attempt()
                for _ in range(number % args.questions):
                    learner.post(*learner.answer_form())

            quiet = drive(learners, [server], seconds=args.quiet_seconds, max_answers=10**6, rate=args.rate)
            print(phase_line("quiet (no paste)", quiet))

            pastes = [Paste(label) for label in articles]
            stop = threading.Event()
            login_latencies: list[float] = []
            login_statuses: list[int] = []

            def pasting() -> None:
                threads = [threading.Thread(target=teacher_pastes, daemon=True, kwargs={
                    "port": server.port, "email": email, "article": articles[paste.label], "paste": paste,
                    "timeout": args.paste_seconds - 4}) for email, paste in
                    zip(("teacher@example.org", "teacher2@example.org"), pastes)]
                for thread in threads:
                    thread.start()
                time.sleep(2)  # logged in and on the form by now; both press "Generate questions" together
                for paste in pastes:
                    paste.ready_to_post.set()
                for thread in threads:
                    thread.join()

            teachers = threading.Thread(target=pasting, daemon=True)
            login_page = threading.Thread(target=visitor, args=(server.port, stop, login_latencies, login_statuses),
                                          daemon=True)
            teachers.start()
            login_page.start()
            during = drive(learners, [server], seconds=args.paste_seconds, max_answers=10**6, rate=args.rate)
            teachers.join(timeout=30)
            stop.set()
            login_page.join()
            print(phase_line("while two teachers paste", during))

    print("teachers")
    for paste in pastes:
        ready = f"{paste.ready_seconds:.1f} s" if paste.ready_seconds is not None else "never"
        print(f"  {paste.label:<24} form posted in {paste.post_ms:7.1f} ms; questions ready after {ready} "
              f"({paste.outcome}; replies {sorted(set(paste.statuses))})")
    login_errors = [status for status in login_statuses if status != 200]
    print(f"login page, loaded every 0.5 s during the pastes: {len(login_latencies)} loads, "
          f"median {statistics.median(login_latencies) if login_latencies else 0:.1f} ms, "
          f"worst {max(login_latencies, default=0):.1f} ms, non-200 replies {len(login_errors)}")

    p99 = during.percentile(0.99)
    errors = sum(quiet.errors.values()) + sum(during.errors.values()) + len(login_errors) \
        + sum(status >= 500 for paste in pastes for status in paste.statuses)
    goals = [
        (f"learners' p99 < {GOAL_P99_MS:.0f} ms while the teachers paste: {p99:.1f} ms", p99 < GOAL_P99_MS),
        (f"no 500 and no other error: {errors}", errors == 0),
        ("both articles made sets: " + ", ".join(paste.outcome for paste in pastes),
         all(paste.ready_seconds is not None for paste in pastes)),
    ]
    print("goals")
    for text, met in goals:
        print(f"  [{'met' if met else 'MISSED'}] {text}")
    return 0 if all(met for _, met in goals) else 1


if __name__ == "__main__":
    sys.exit(main())
