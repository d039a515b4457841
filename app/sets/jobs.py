"""Long articles are turned into questions in a process of their own, so that no web worker waits for the engine.

The engine's cost grows with the article (about 3 s of CPU for 1 MB). A short article (up to
GENERATION_INLINE_BYTES) is generated in the request as before; a longer one becomes a
``GenerationJob`` row and a child process (``python -m app.sets.run_job <id>``) that runs the same service
functions at a lower CPU priority, under a CPU-time limit, while the teacher's page shows its progress.
The web worker answers at once and the job's state lives in the database, so this works with gunicorn's
sync workers, on SQLite and on PostgreSQL, and a job survives the worker that started it.

At most GENERATION_MAX_RUNNING jobs run at once per database; the others wait in line. A job that
exceeds its CPU budget stops with a message that says to paste a shorter part of the article.
"""
from __future__ import annotations

import datetime as dt
import logging
import os
import resource
import subprocess
import sys
import threading
import time
from dataclasses import dataclass

from flask import current_app
from sqlalchemy import func, update

from app.database import add_once, begin_write
from app.extensions import db
from app.models import GenerationJob, JobKind, JobStatus, QuestionSet, User, utcnow
from app.sets.creation import create_set_from_read_article, creation_summary
from app.sets.queries import SetError
from app.sets.regeneration import regenerate, regeneration_summary
from app.sets.articles import ArticleError, megabytes, read_article

log = logging.getLogger(__name__)

# A job not finished this long after it was asked for has died (its machine restarted, say): it is shown failed.
STALE_AFTER = dt.timedelta(minutes=10)
ENGINE_SECONDS_PER_MEGABYTE = 3.0  # what the progress bar expects; measured in benchmarks/paste_load.py
NICENESS = 10  # the web workers' requests come first on a busy machine
TOO_SLOW = ("This article takes too long to turn into questions. Paste a shorter part of it, "
            "for example one article instead of several.")
FAILED = "Something went wrong while making the questions, and nothing was saved. Try again in a moment."


class JobTooSlow(BaseException):
    """The job used up its CPU budget (a BaseException: no handler in the engine may swallow it)."""


def is_long(article: str) -> bool:
    """Return whether an article's questions are made in a job instead of in the request."""
    return len(article.encode("utf-8")) > current_app.config["GENERATION_INLINE_BYTES"]


def read(text: str | bytes, *, filename: str | None) -> str:
    """Return the article checked as ``read_article`` checks it, with the app's size limit."""
    return read_article(text, limit=current_app.config["MAX_ARTICLE_BYTES"], filename=filename)


def find_job(owner: User, creation_token: str) -> GenerationJob | None:
    """Return the job a form with this one-time token already started."""
    if not creation_token:
        return None
    return db.session.execute(db.select(GenerationJob).filter_by(owner_id=owner.id, creation_token=creation_token)
                              ).scalar_one_or_none()


def own_job(owner: User, job_id: int) -> GenerationJob | None:
    """Return the teacher's own job; anyone else's is as good as absent."""
    job = db.session.get(GenerationJob, job_id)
    return job if job is not None and job.owner_id == owner.id else None


def start_creation(owner: User, article: str, *, title: str | None, published_on: dt.date | None,
                   filename: str | None, creation_token: str | None, today: dt.date) -> GenerationJob:
    """Queue a new set from a long article (already read) and start its process; the same form twice makes one job."""
    begin_write()
    job = GenerationJob(owner_id=owner.id, kind=JobKind.CREATE, article=article,
                        article_bytes=len(article.encode("utf-8")), filename=filename, title=title,
                        published_on=published_on, today=today, creation_token=creation_token or None)
    job, made = add_once(job, lambda: find_job(owner, creation_token or ""))
    if made:
        _launch(job.id)
    return job


def start_regeneration(question_set: QuestionSet, *, new_seed: bool) -> GenerationJob:
    """Queue the regeneration of a set made from a long article and start its process."""
    begin_write()
    job = GenerationJob(owner_id=question_set.owner_id, kind=JobKind.REGENERATE, set_id=question_set.id,
                        article_bytes=len(question_set.source_text.encode("utf-8")), new_seed=new_seed)
    db.session.add(job)
    db.session.commit()
    _launch(job.id)
    return job


def _launch(job_id: int) -> None:
    """Start the job's process with this app's database; a thread of this worker reaps it when it ends."""
    config = current_app.config
    env = {**os.environ, "FACTDECK_DATABASE_URL": config["SQLALCHEMY_DATABASE_URI"],
           "FACTDECK_INSTANCE_PATH": current_app.instance_path, "FACTDECK_SECRET_KEY": current_app.secret_key,
           "FACTDECK_GENERATION_CPU_SECONDS": str(config["GENERATION_CPU_SECONDS"]),
           "FACTDECK_GENERATION_MAX_RUNNING": str(config["GENERATION_MAX_RUNNING"])}
    process = subprocess.Popen([sys.executable, "-m", "app.sets.run_job", str(job_id)], env=env,
                               stdin=subprocess.DEVNULL, start_new_session=True)
    threading.Thread(target=process.wait, name=f"generation-job-{job_id}", daemon=True).start()


# --------------------------------------------------------------------------------------------- the page's view


@dataclass(frozen=True)
class Progress:
    """What the teacher's page shows of a job."""

    status: JobStatus
    message: str
    elapsed_seconds: int
    expected_seconds: int
    size: str
    waiting: bool  # in line behind other jobs

    @property
    def finished(self) -> bool:
        return self.status in (JobStatus.DONE, JobStatus.FAILED)

    @property
    def text(self) -> str:
        """Return what the teacher is told of the job while it runs."""
        if self.waiting:
            return f"Your article ({self.size}) is waiting for other articles to finish: it starts in a moment."
        return (f"The engine is reading your article ({self.size}): {self.elapsed_seconds} s so far, usually about "
                f"{self.expected_seconds} s for an article this long.")

    @property
    def percent(self) -> int:
        """Return the share of the expected time gone, held below 100 until the job ends."""
        if self.finished:
            return 100
        return min(95, round(100 * self.elapsed_seconds / max(1, self.expected_seconds)))


def progress(job: GenerationJob, now: dt.datetime) -> Progress:
    """Return the job's state as the teacher sees it; a job that stopped answering long ago is shown failed."""
    status, message = job.status, job.message
    started = job.started_at or job.created_at
    if not job.finished_at and now - started > STALE_AFTER:
        status, message = JobStatus.FAILED, TOO_SLOW if job.started_at else FAILED
    return Progress(status=status, message=message,
                    elapsed_seconds=max(0, int((now - started).total_seconds())) if job.started_at else 0,
                    expected_seconds=max(1, round(ENGINE_SECONDS_PER_MEGABYTE * job.article_bytes / 1024 / 1024)),
                    size=megabytes(job.article_bytes) if job.article_bytes >= 100_000
                    else f"{job.article_bytes // 1000 or 1} kB",
                    waiting=status is JobStatus.QUEUED)


# --------------------------------------------------------------------------------------------- the job's process


def _claim(job_id: int, max_running: int) -> bool:
    """Mark the job running if fewer than ``max_running`` jobs run; return whether it was."""
    begin_write()
    recent = utcnow() - STALE_AFTER
    running = (db.select(func.count()).select_from(GenerationJob)
               .where(GenerationJob.status == JobStatus.RUNNING, GenerationJob.started_at > recent)
               .scalar_subquery())
    claimed = db.session.execute(
        update(GenerationJob)
        .where(GenerationJob.id == job_id, GenerationJob.status == JobStatus.QUEUED, running < max_running)
        .values(status=JobStatus.RUNNING, started_at=utcnow()))
    db.session.commit()
    return claimed.rowcount == 1


def _finish(job_id: int, status: JobStatus, message: str, set_id: int | None = None) -> None:
    db.session.rollback()  # whatever the failed work left in the session
    begin_write()
    values = {"status": status, "message": message, "finished_at": utcnow()}
    if set_id is not None:
        values["set_id"] = set_id
    db.session.execute(update(GenerationJob).where(GenerationJob.id == job_id).values(**values))
    db.session.commit()


def _run(job: GenerationJob) -> tuple[str, int | None]:
    """Make the job's questions with the same services as a request would; return the message and the set's id."""
    if job.kind is JobKind.CREATE:
        owner = db.session.get(User, job.owner_id)
        question_set = create_set_from_read_article(
            owner, job.article, title=job.title, published_on=job.published_on, filename=job.filename,
            creation_token=job.creation_token, today=job.today)
        return creation_summary(question_set)[0], question_set.id
    question_set = db.session.get(QuestionSet, job.set_id) if job.set_id is not None else None
    if question_set is None:
        raise SetError("The set was deleted before its questions were made again.")
    outcome = regenerate(question_set, new_seed=job.new_seed)
    return "Regenerated: " + regeneration_summary(outcome), question_set.id


def run_job(job_id: int, *, cpu_seconds: int, max_running: int) -> None:
    """Wait for a free place, then make the job's questions within ``cpu_seconds`` of CPU and record the outcome."""
    while not _claim(job_id, max_running):
        job = db.session.get(GenerationJob, job_id)
        if job is None or job.status is not JobStatus.QUEUED:
            return
        db.session.rollback()
        time.sleep(0.5)
    job = db.session.get(GenerationJob, job_id)
    used = resource.getrusage(resource.RUSAGE_SELF).ru_utime
    resource.setrlimit(resource.RLIMIT_CPU, (int(used) + cpu_seconds, int(used) + cpu_seconds + 5))
    try:
        message, set_id = _run(job)
    except JobTooSlow:
        _finish(job_id, JobStatus.FAILED, TOO_SLOW)
    except (ArticleError, SetError) as err:
        _finish(job_id, JobStatus.FAILED, str(err))
    except Exception:
        log.exception("generation job %s failed", job_id)
        _finish(job_id, JobStatus.FAILED, FAILED)
    else:
        _finish(job_id, JobStatus.DONE, message, set_id)
