"""Long articles: their questions are made in a process of their own while the teacher's page shows progress."""
from __future__ import annotations

import datetime as dt
import re
import time

import pytest

from app.extensions import db
from app.models import GenerationJob, JobStatus, QuestionSet, Role
from app.sets import jobs
from tests.web.conftest import csrf_token, log_in, make_user
from tests.web.test_sets import ARTICLE, count_rows, post_article

LONG_ENOUGH = 200  # bytes: every test article here is "long", so it goes to a job


@pytest.fixture()
def app(app):
    app.config["GENERATION_INLINE_BYTES"] = LONG_ENOUGH
    return app


def follow_job(client, location: str, *, seconds: float = 90):
    """Load the job's page, as a teacher pressing "Check again" does, until it sends them on or says it failed."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        page = client.get(location)
        text = page.get_data(as_text=True)
        if page.status_code == 302 or "Making questions from your article" not in text:
            return page
        assert "Check again" in text
        time.sleep(0.3)
    raise AssertionError(f"the job at {location} did not end within {seconds} s")


def test_a_long_article_is_made_in_a_job_and_the_teacher_is_sent_to_its_questions(app, client, teacher):
    started = time.monotonic()
    reply = post_article(client, article=ARTICLE)
    assert reply.status_code == 302 and "/sets/jobs/" in reply.headers["Location"]
    assert time.monotonic() - started < 5  # the request does not wait for the engine
    page = client.get(reply.headers["Location"])
    assert page.status_code == 200 and "/static/job.js" in page.get_data(as_text=True)
    while not (progress := client.get(reply.headers["Location"], headers={"Accept": "application/json"})
               .get_json())["finished"]:  # what the page's script asks every two seconds
        assert 0 <= progress["percent"] < 100 and "your article" in progress["text"].lower()
        time.sleep(0.3)
    done = follow_job(client, reply.headers["Location"])
    assert done.status_code == 302 and "/sets/" in done.headers["Location"]
    review = client.get(done.headers["Location"]).get_data(as_text=True)
    assert "The engine made" in review and "Review them before publishing" in review
    with app.app_context():
        question_set = db.session.execute(db.select(QuestionSet)).scalar_one()
        assert question_set.owner_id == teacher and question_set.questions
        job = db.session.execute(db.select(GenerationJob)).scalar_one()
        assert job.status is JobStatus.DONE and job.set_id == question_set.id and job.finished_at


def test_the_same_form_sent_twice_makes_one_job_and_one_set(app, client, teacher):
    from tests.web.test_sets import article_form
    tokens = article_form(client)
    first = post_article(client, tokens=tokens, article=ARTICLE)
    second = post_article(client, tokens=tokens, article=ARTICLE)
    assert first.headers["Location"] == second.headers["Location"]
    follow_job(client, first.headers["Location"])
    assert count_rows(app, GenerationJob) == 1 and count_rows(app, QuestionSet) == 1


def test_a_bad_article_is_refused_at_once_without_a_job(app, client, teacher):
    reply = post_article(client, article="x" * (app.config["MAX_ARTICLE_BYTES"] + 1))
    assert reply.status_code == 400 and "an article can be at most 1 MB" in reply.get_data(as_text=True)
    assert count_rows(app, GenerationJob) == 0


def test_an_article_over_its_cpu_budget_ends_with_a_clear_message(app, client, teacher):
    app.config["GENERATION_CPU_SECONDS"] = 1
    article = (ARTICLE + "\n") * (900_000 // (len(ARTICLE) + 1))
    reply = post_article(client, article=article)
    page = follow_job(client, reply.headers["Location"], seconds=120)
    text = page.get_data(as_text=True)
    assert page.status_code == 200 and "The questions were not made" in text
    assert "takes too long to turn into questions. Paste a shorter part" in text, re.sub(r"\s+", " ", re.sub("<[^>]+>", " ", text))[-600:]
    assert count_rows(app, QuestionSet) == 0


def test_regenerating_a_long_set_runs_in_a_job(app, client, teacher):
    reply = post_article(client, article=ARTICLE)
    set_location = follow_job(client, reply.headers["Location"]).headers["Location"]
    set_id = int(set_location.rstrip("/").split("/")[-1])
    reply = client.post(f"/sets/{set_id}/regenerate", data={"csrf_token": csrf_token(client, set_location)})
    assert "/sets/jobs/" in reply.headers["Location"]
    done = follow_job(client, reply.headers["Location"])
    assert done.headers["Location"].endswith(f"/sets/{set_id}")
    assert "Regenerated:" in client.get(done.headers["Location"]).get_data(as_text=True)
    with app.app_context():
        assert db.session.get(QuestionSet, set_id).seed == 1


def test_a_job_is_its_owners_only(app, client, teacher):
    location = post_article(client, article=ARTICLE).headers["Location"]
    follow_job(client, location)
    client.post("/auth/logout", data={"csrf_token": csrf_token(client, "/")})
    make_user(app, role=Role.TEACHER, email="other-teacher@example.org")
    log_in(client, "other-teacher@example.org")
    assert client.get(location).status_code == 404
    client.post("/auth/logout", data={"csrf_token": csrf_token(client, "/")})
    make_user(app, role=Role.LEARNER, email="a-learner@example.org")
    log_in(client, "a-learner@example.org")
    assert client.get(location).status_code == 403


def test_a_job_that_stopped_answering_is_shown_failed(app, teacher):
    with app.app_context():
        job = GenerationJob(owner_id=teacher, kind=jobs.JobKind.CREATE, status=JobStatus.RUNNING,
                            article_bytes=500_000, started_at=dt.datetime(2026, 1, 1, 9, 0))
        shown = jobs.progress(job, dt.datetime(2026, 1, 1, 9, 1))
        assert shown.status is JobStatus.RUNNING and not shown.finished and 0 < shown.percent < 100
        assert shown.size == "0.5 MB" and shown.expected_seconds == 1
        late = jobs.progress(job, dt.datetime(2026, 1, 1, 9, 11))
        assert late.status is JobStatus.FAILED and late.message == jobs.TOO_SLOW and late.percent == 100
