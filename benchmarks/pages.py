"""Page speed: Factdeck's pages against a 10 KB Jinja page of the same stack, 20 users at once, in one run.

Run by hand from the repository root (never by pytest)::

    .venv/bin/python benchmarks/pages.py                       # 3 rounds of 8 s per page, about 6 minutes
    .venv/bin/python benchmarks/pages.py --quick --json pages.json   # 1 round of 3 s per page

What it does, all on 127.0.0.1 with fresh SQLite databases in a temporary folder:

1. Seeds a school in-process: a teacher with ten classes of 30 learners; the first class has five
   20-question sets and one 100-question set assigned, the others the 100-question set. Every learner of
   the first class has a card for each of the 200 questions (about a third due now), a finished quiz
   attempt at each set and an unfinished one at the first, and 1,000 reviews over the last 60 days (the
   last learner of the class 5,000). Each of the other 270 learners answered the 100-question set once
   (with the review each quiz answer logs). About 70,000 answers and 70,000 reviews in all.
2. Serves Factdeck with ``gunicorn 'app:create_app()'`` (2 sync workers) and ``benchmarks/ceiling_app.py``
   the same way, whose ``GET /page`` renders a 10 KB Jinja page without a database: the reference.
3. For each page, 20 clients (each with its own logged-in session, as the real login form gives it) ask for
   it again and again for ``--seconds`` (closed loop, no thinking time). It records the latencies and
   the CPU time gunicorn's workers spent, per request.

The ratio of a page is the template page's CPU per request over the page's, measured in the same round:
1.0 costs what the template page costs, 0.25 four times as much. Prints the medians over the rounds, and
with ``--json FILE`` writes ``{"pages": {"<page>": {"ratio": ..., "p50_ms": ..., ...}}, ...}``.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import statistics
import sys
import tempfile
import threading
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from load import PASSWORD, ROOT, Browser, Gunicorn  # noqa: E402 (this folder is on sys.path)

USERS = 20
GOAL_RATIO = 0.25
GOAL_QUIZ_RATIO = 0.5
GOAL_P50_MS = 50.0
CLASS_SIZE = 30
CLASSES = 10
SMALL_SETS = 5
SMALL_SET_QUESTIONS = 20
BIG_SET_QUESTIONS = 100
REVIEWS = 1_000
HEAVY_REVIEWS = 5_000


@dataclass(frozen=True)
class School:
    """What the seeded pages are reached by."""

    teacher_email: str
    learner_emails: list[str]  # the first class, in order; the last one has HEAVY_REVIEWS reviews
    classroom_id: int
    big_set_id: int
    open_attempts: dict[str, int]  # learner email -> an unfinished attempt at the first set


def seed_school(rng: random.Random) -> School:
    """Create the tables and the school described in the module's docstring, in-process, before gunicorn starts."""
    sys.path.insert(0, str(ROOT))
    from sqlalchemy import insert
    from werkzeug.security import generate_password_hash

    from app import create_app
    from app.extensions import db
    from app.models import (Answer, Assignment, Attempt, CardState, Classroom, Enrollment, Question, QuestionKind,
                            QuestionSet, Review, ReviewSource, Role, SetStatus, User, utcnow)
    from app.scheduling import reviewed_card
    from fsrs import Rating

    now = utcnow()
    app = create_app()
    with app.app_context():
        db.create_all()
        password_hash = generate_password_hash(PASSWORD)
        teacher = User(email="teacher@example.org", name="Page Teacher", role=Role.TEACHER,
                       password_hash=password_hash)
        learners = [User(email=f"learner{number:03}@example.org", name=f"Learner {number}", role=Role.LEARNER,
                         password_hash=password_hash) for number in range(1, CLASS_SIZE * CLASSES + 1)]
        db.session.add_all([teacher, *learners])
        db.session.flush()
        classrooms = [Classroom(teacher_id=teacher.id, name=f"Class {number}", join_code=f"PAGE{number:02}")
                      for number in range(1, CLASSES + 1)]

        def new_set(title: str, size: int) -> QuestionSet:
            question_set = QuestionSet(owner_id=teacher.id, title=title, status=SetStatus.PUBLISHED,
                                       published_at=now - dt.timedelta(days=60))
            question_set.questions = [
                Question(position=number, kind=QuestionKind.MULTIPLE_CHOICE,
                         prompt=f"{title}: how many troops were deployed in year {2000 + number}?",
                         answer=f"{1000 + number}", choices=[f"{1000 + number}", f"{2000 + number}", f"{3000 + number}"],
                         explanation=f"In {2000 + number}, {1000 + number} troops were deployed to the region.",
                         fact_kind="number", fact_text=f"{1000 + number} troops", recommended=True)
                for number in range(size)]
            return question_set

        small_sets = [new_set(f"Troops leave, part {number}", SMALL_SET_QUESTIONS) for number in range(1, SMALL_SETS + 1)]
        big_set = new_set("The whole story", BIG_SET_QUESTIONS)
        db.session.add_all([*classrooms, *small_sets, big_set])
        db.session.flush()
        class_learners = [learners[index * CLASS_SIZE:(index + 1) * CLASS_SIZE] for index in range(CLASSES)]
        db.session.add_all([Enrollment(classroom_id=classroom.id, learner_id=learner.id)
                            for classroom, members in zip(classrooms, class_learners) for learner in members])
        for days, question_set in enumerate(small_sets):
            db.session.add(Assignment(set_id=question_set.id, classroom_id=classrooms[0].id,
                                      due_at=now + dt.timedelta(days=days - 2)))
        db.session.add_all([Assignment(set_id=big_set.id, classroom_id=classroom.id, due_at=now + dt.timedelta(days=7))
                            for classroom in classrooms])
        db.session.flush()
        sets = [*small_sets, big_set]
        first_class_questions = [question.id for question_set in sets for question in question_set.questions]
        big_questions = [question.id for question in big_set.questions]
        set_ids = [question_set.id for question_set in sets]
        questions_of = {question_set.id: [question.id for question in question_set.questions] for question_set in sets}

        # A few real FSRS cards to hand out, as a learner's cards are after a few reviews.
        samples = []
        for pattern in ((Rating.Good,), (Rating.Again,), (Rating.Good, Rating.Good), (Rating.Good, Rating.Hard),
                        (Rating.Again, Rating.Good, Rating.Good), (Rating.Easy,)):
            card, moment = None, now - dt.timedelta(days=30)
            for rating in pattern:
                reviewed = reviewed_card(card, rating, moment)
                card, moment = reviewed.fsrs_card, moment + dt.timedelta(days=3)
            samples.append(card)

        cards, reviews, attempts, answers = [], [], [], []
        counter = iter(range(10**9))
        open_attempt_keys = []
        for number, learner in enumerate(class_learners[0]):
            for question_id in first_class_questions:
                last = now - dt.timedelta(days=rng.uniform(1, 30))
                due = now - dt.timedelta(hours=rng.uniform(0, 48)) if rng.random() < 0.33 \
                    else now + dt.timedelta(days=rng.uniform(0.1, 30))
                cards.append({"learner_id": learner.id, "question_id": question_id, "due": due,
                              "fsrs_card": rng.choice(samples), "introduced_at": last - dt.timedelta(days=10),
                              "last_review_at": last})
            count = HEAVY_REVIEWS if number == CLASS_SIZE - 1 else REVIEWS
            for _ in range(count):
                flashcard = rng.random() < 0.6
                reviews.append({"learner_id": learner.id, "question_id": rng.choice(first_class_questions),
                                "rating": rng.choice((1, 3, 3, 3, 4)) if flashcard else rng.choice((1, 3, 3)),
                                "reviewed_at": now - dt.timedelta(days=rng.uniform(0, 60)),
                                "duration_ms": rng.randint(1500, 9000),
                                "source": ReviewSource.FLASHCARD if flashcard else ReviewSource.QUIZ,
                                "submission_id": f"seed-{next(counter)}"})
            for set_id in set_ids:
                attempts.append(("done", learner.id, set_id))
            open_attempt_keys.append(learner.email)
            attempts.append(("open", learner.id, set_ids[0]))
        for learner in (learner for members in class_learners[1:] for learner in members):
            attempts.append(("done", learner.id, big_set.id))

        db.session.execute(insert(CardState), cards)
        open_attempts = {}
        email_of = {learner.id: learner.email for learner in learners}
        difficulty = {question_id: rng.uniform(0.3, 0.95) for question_id in first_class_questions}
        for kind, learner_id, set_id in attempts:
            question_ids = questions_of[set_id]
            started = now - dt.timedelta(days=rng.uniform(1, 30))
            right = [rng.random() < difficulty[question_id] for question_id in question_ids] if kind == "done" else []
            attempt_id = db.session.execute(insert(Attempt).returning(Attempt.id), {
                "learner_id": learner_id, "set_id": set_id, "question_ids": question_ids, "started_at": started,
                "finished_at": started + dt.timedelta(minutes=10) if kind == "done" else None,
                "correct": sum(right), "total": len(right)}).scalar_one()
            if kind == "open":
                open_attempts[email_of[learner_id]] = attempt_id
            for question_id, correct in zip(question_ids, right):
                submission = f"seed-{next(counter)}"
                answers.append({"attempt_id": attempt_id, "question_id": question_id, "learner_id": learner_id,
                                "response": f"{1000 if correct else 2000}", "correct": correct,
                                "answered_at": started, "duration_ms": rng.randint(1500, 9000),
                                "submission_id": submission})
                if set_id == big_set.id and learner_id not in {learner.id for learner in class_learners[0]}:
                    reviews.append({"learner_id": learner_id, "question_id": question_id, "rating": 3 if correct else 1,
                                    "reviewed_at": started, "duration_ms": 4000, "source": ReviewSource.QUIZ,
                                    "submission_id": f"quiz:{submission}"})
        db.session.execute(insert(Answer), answers)
        db.session.execute(insert(Review), reviews)
        db.session.commit()
        print(f"seeded {len(learners)} learners, {len(cards):,} cards, {len(attempts):,} attempts, "
              f"{len(answers):,} answers, {len(reviews):,} reviews", flush=True)
        school = School(teacher_email=teacher.email, learner_emails=[learner.email for learner in class_learners[0]],
                        classroom_id=classrooms[0].id, big_set_id=big_set.id, open_attempts=open_attempts)
        db.engine.dispose()
    return school


def logged_in(port: int, email: str) -> Browser:
    browser = Browser([port])
    token = browser.csrf_token("/auth/login")
    reply = browser.request("POST", "/auth/login", {"csrf_token": token, "email": email, "password": PASSWORD})
    if reply.status != 302:
        raise RuntimeError(f"login of {email} answered {reply.status}")
    browser.request("GET", "/")  # shows (and so clears) the welcome message
    return browser


@dataclass(frozen=True)
class Page:
    name: str
    users: list[tuple[Browser, str]]  # one per simulated user: its logged-in session and the path it asks for


def page(name: str, path: str, sessions: list[Browser]) -> Page:
    return Page(name, [(browser, path) for browser in sessions])


@dataclass
class Tally:
    latencies_ms: list[float] = field(default_factory=list)
    errors: int = 0
    seconds: float = 0.0
    cpu_seconds: float = 0.0
    bytes: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)

    @property
    def cpu_ms(self) -> float:
        return 1000 * self.cpu_seconds / len(self.latencies_ms) if self.latencies_ms else float("nan")

    @property
    def rate(self) -> float:
        return len(self.latencies_ms) / self.seconds if self.seconds else 0.0

    def percentile(self, share: float) -> float:
        ordered = sorted(self.latencies_ms)
        return ordered[min(len(ordered) - 1, int(share * len(ordered)))] if ordered else float("nan")


def measure(page: Page, server: Gunicorn, seconds: float) -> Tally:
    """Have every session ask for the page again and again for ``seconds``; time each reply."""
    tally = Tally()
    gate = threading.Barrier(len(page.users) + 1)
    deadline = [0.0]

    def run(browser: Browser, path: str) -> None:
        gate.wait()
        while time.perf_counter() < deadline[0]:
            sent = time.perf_counter()
            try:
                reply = browser.request("GET", path)
                failed = reply.status != 200
            except OSError:
                reply, failed = None, True
            elapsed = (time.perf_counter() - sent) * 1000
            with tally.lock:
                tally.latencies_ms.append(elapsed)
                tally.errors += failed
                tally.bytes = len(reply.body) if reply is not None else tally.bytes

    threads = [threading.Thread(target=run, args=user, daemon=True) for user in page.users]
    for thread in threads:
        thread.start()
    cpu_before = server.worker_cpu_seconds()
    started = time.perf_counter()
    deadline[0] = started + seconds
    gate.wait()
    for thread in threads:
        thread.join()
    tally.seconds = time.perf_counter() - started
    tally.cpu_seconds = server.worker_cpu_seconds() - cpu_before
    return tally


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=8.0, help="length of each page's timed run")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--quick", action="store_true", help="one round of 3 s per page")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn sync workers")
    parser.add_argument("--only", help="comma-separated page names to measure (the template page always runs)")
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    args = parser.parse_args(argv)
    if args.quick:
        args.seconds, args.rounds = 3.0, 1
    rng = random.Random(20261206)

    with tempfile.TemporaryDirectory(prefix="factdeck-pages-") as folder:
        folder = Path(folder)
        instance = folder / "instance"
        os.environ["FACTDECK_INSTANCE_PATH"] = str(instance)
        os.environ["FACTDECK_SECRET_KEY"] = uuid.uuid4().hex
        os.environ.pop("FACTDECK_DATABASE_URL", None)
        school = seed_school(rng)
        ceiling_database = folder / "ceiling.sqlite"
        from ceiling_app import create_tables
        create_tables(str(ceiling_database))
        factdeck_env = {"FACTDECK_INSTANCE_PATH": str(instance), "FACTDECK_SECRET_KEY": os.environ["FACTDECK_SECRET_KEY"]}
        print(f"{USERS} users per page, {args.rounds} round(s) of {args.seconds:g} s per page, gunicorn with "
              f"{args.workers} sync workers, SQLite WAL; {os.cpu_count()} CPUs, load average "
              f"{os.getloadavg()[0]:.2f}", flush=True)
        with Gunicorn("app:create_app()", factdeck_env, chdir=ROOT, workers=args.workers) as factdeck, \
                Gunicorn("ceiling_app:create_app()", {"CEILING_DATABASE": str(ceiling_database)},
                         chdir=Path(__file__).parent, workers=args.workers) as ceiling:
            port = factdeck.port
            learners = [logged_in(port, email) for email in school.learner_emails[:USERS]]
            heavy = school.learner_emails[-1]
            teachers = [logged_in(port, school.teacher_email) for _ in range(USERS)]
            heavy_sessions = [logged_in(port, heavy) for _ in range(USERS)]
            pages = [
                # Each learner's own unfinished attempt: the quiz page shows its first question, again and again.
                Page("quiz question", [(browser, f"/quiz/{school.open_attempts[email]}")
                                       for browser, email in zip(learners, school.learner_emails)]),
                page("study", "/study/", learners),
                page("learner home", "/", learners),
                page(f"progress ({REVIEWS:,} reviews)", "/progress/", learners),
                page(f"progress ({HEAVY_REVIEWS:,} reviews)", "/progress/", heavy_sessions),
                page(f"class x set report ({CLASS_SIZE} learners)",
                     f"/reports/classes/{school.classroom_id}/sets/{school.big_set_id}", teachers),
                page(f"item analysis ({CLASS_SIZE * CLASSES} learners)",
                     f"/reports/sets/{school.big_set_id}/items", teachers),
                page(f"set review ({BIG_SET_QUESTIONS} questions)", f"/sets/{school.big_set_id}", teachers),
            ]
            if args.only:
                wanted = {name.strip() for name in args.only.split(",")}
                pages = [one for one in pages if one.name.split(" (")[0] in wanted]
            template = page("10 KB template page", "/page", [Browser([ceiling.port]) for _ in range(USERS)])
            for one in pages:  # every page answers every user before it is timed
                for browser, path in one.users:
                    reply = browser.request("GET", path)
                    if reply.status != 200:
                        raise RuntimeError(f"{one.name}: {path} answered {reply.status}")

            results: dict[str, list[Tally]] = {one.name: [] for one in [template, *pages]}
            for number in range(1, args.rounds + 1):
                print(f"round {number}", flush=True)
                reference = measure(template, ceiling, args.seconds)
                results[template.name].append(reference)
                print(line(template.name, reference, reference), flush=True)
                for one in pages:
                    tally = measure(one, factdeck, args.seconds)
                    results[one.name].append(tally)
                    print(line(one.name, tally, reference), flush=True)

    summary = summarise(results, template.name)
    print("\nmedians over the rounds (ratio: the template page's CPU per request / the page's, same round)")
    print(f"{'page':42} {'ratio':>6} {'CPU ms':>7} {'p50 ms':>7} {'p99 ms':>7} {'req/s':>6} {'KB':>6}  goal")
    failed = []
    for name, figures in summary["pages"].items():
        goal_ratio = GOAL_QUIZ_RATIO if name == "quiz question" else GOAL_RATIO
        ok = figures["ratio"] >= goal_ratio and figures["p50_ms"] < GOAL_P50_MS and figures["errors"] == 0
        if not ok:
            failed.append(name)
        print(f"{name:42} {figures['ratio']:6.3f} {figures['cpu_ms']:7.2f} {figures['p50_ms']:7.1f} "
              f"{figures['p99_ms']:7.1f} {figures['rate']:6.0f} {figures['kb']:6.1f}  "
              f"{'ok' if ok else 'MISSED'} (ratio >= {goal_ratio}, p50 < {GOAL_P50_MS:g} ms)")
    reference = summary["template"]
    print(f"{template.name:42} {1:6.3f} {reference['cpu_ms']:7.2f} {reference['p50_ms']:7.1f} "
          f"{reference['p99_ms']:7.1f} {reference['rate']:6.0f} {reference['kb']:6.1f}")
    if args.json:
        args.json.write_text(json.dumps(summary, indent=2) + "\n")
    return 0


def line(name: str, tally: Tally, reference: Tally) -> str:
    ratio = reference.cpu_ms / tally.cpu_ms if tally.cpu_ms else float("nan")
    return (f"  {name:42} ratio {ratio:6.3f}  CPU {tally.cpu_ms:6.2f} ms  p50 {tally.percentile(0.5):6.1f} ms  "
            f"p99 {tally.percentile(0.99):7.1f} ms  {tally.rate:6.0f} req/s  {tally.bytes / 1024:6.1f} KB  "
            f"errors {tally.errors}")


def summarise(results: dict[str, list[Tally]], template_name: str) -> dict:
    references = results[template_name]

    def figures(tallies: list[Tally]) -> dict:
        return {
            "ratio": round(statistics.median(reference.cpu_ms / tally.cpu_ms
                                             for reference, tally in zip(references, tallies)), 3),
            "cpu_ms": round(statistics.median(tally.cpu_ms for tally in tallies), 2),
            "p50_ms": round(statistics.median(tally.percentile(0.5) for tally in tallies), 1),
            "p99_ms": round(statistics.median(tally.percentile(0.99) for tally in tallies), 1),
            "rate": round(statistics.median(tally.rate for tally in tallies), 1),
            "kb": round(tallies[-1].bytes / 1024, 1),
            "errors": sum(tally.errors for tally in tallies),
        }

    return {"users": USERS, "rounds": len(references), "template": figures(references),
            "pages": {name: figures(tallies) for name, tallies in results.items() if name != template_name}}


if __name__ == "__main__":
    sys.exit(main())
