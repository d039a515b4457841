"""The database tables: accounts, classes, question sets, assignments and learners' study history."""
from __future__ import annotations

import datetime as dt
import enum
from typing import Any, Optional

from flask_login import UserMixin
from sqlalchemy import JSON, ForeignKey, Index, String, Text, UniqueConstraint, and_, false, true
from sqlalchemy.orm import Mapped, mapped_column, relationship
from werkzeug.security import check_password_hash, generate_password_hash

from app.extensions import db


def utcnow() -> dt.datetime:
    """Return the current UTC time without tzinfo, as every timestamp column stores it."""
    return dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)


class Role(str, enum.Enum):
    TEACHER = "teacher"
    LEARNER = "learner"


class SetStatus(str, enum.Enum):
    DRAFT = "draft"
    PUBLISHED = "published"


class ReviewStatus(str, enum.Enum):
    """A teacher's verdict on a generated question; only approved questions reach learners."""

    PENDING = "pending"
    APPROVED = "approved"
    REJECTED = "rejected"


class QuestionKind(str, enum.Enum):
    MULTIPLE_CHOICE = "multiple_choice"
    TRUE_FALSE = "true_false"
    CLOZE = "cloze"
    SHORT_ANSWER = "short_answer"
    FLASHCARD = "flashcard"


class User(UserMixin, db.Model):
    # The login this object was loaded for (app/auth/sessions.py): Flask-Login keeps it as the "user id"
    # in the session and the remember-me cookie, so that ending the login ends every copy of both.
    login_token = None  # not a column: set by log_in and by the user loader

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(254), unique=True)
    name: Mapped[str] = mapped_column(String(120))
    password_hash: Mapped[str] = mapped_column(String(255))
    role: Mapped[Role] = mapped_column(db.Enum(Role, native_enum=False, length=16))
    # An IANA zone name ("Europe/Paris"): the person's days (streaks, "due today", the new-card limit) begin
    # at their midnight. Taken from the browser at sign-up and log-in, changeable in their settings.
    time_zone: Mapped[str] = mapped_column(String(64), default="UTC", server_default="UTC")
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    # Set by a reset (a teacher's or an administrator's): the temporary password lets the person in only to
    # choose a password of their own.
    must_change_password: Mapped[bool] = mapped_column(default=False, server_default=false())
    password_changed_at: Mapped[Optional[dt.datetime]]

    def get_id(self) -> str:
        if self.login_token is None:
            raise RuntimeError("log in through app.auth.sessions.log_in, which opens a login session")
        return self.login_token

    def set_password(self, password: str) -> None:
        self.password_hash = generate_password_hash(password)

    def check_password(self, password: str) -> bool:
        return check_password_hash(self.password_hash, password)

    @property
    def is_teacher(self) -> bool:
        return self.role is Role.TEACHER

    @property
    def is_learner(self) -> bool:
        return self.role is Role.LEARNER


class LoginSession(db.Model):
    """One login: every request's session or remember-me cookie must name one that still exists."""

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user.id", ondelete="CASCADE"), index=True)
    # SHA-256 of the token the cookies carry: the table alone opens no session.
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class FailedAttempt(db.Model):
    """One refused guess (a login, a join code) or one sign-up, counted against its keys in a moving window.

    Kept in the database so that every worker and machine counts the same attempts (app/auth/throttle.py).
    """

    __table_args__ = (Index("ix_failed_attempt_key_at", "key", "at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(320))  # what is counted: "account:<email>", "address:<ip>", ...
    at: Mapped[dt.datetime] = mapped_column(default=utcnow, index=True)


class Classroom(db.Model):
    """A teacher's class; learners join it with its code."""

    id: Mapped[int] = mapped_column(primary_key=True)
    teacher_id: Mapped[int] = mapped_column(ForeignKey("user.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(120))
    join_code: Mapped[str] = mapped_column(String(16), unique=True)
    archived_at: Mapped[Optional[dt.datetime]]
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)

    teacher: Mapped[User] = relationship()
    enrollments: Mapped[list["Enrollment"]] = relationship(back_populates="classroom", cascade="all, delete-orphan")
    assignments: Mapped[list["Assignment"]] = relationship(back_populates="classroom", cascade="all, delete-orphan")


class Enrollment(db.Model):
    __table_args__ = (UniqueConstraint("classroom_id", "learner_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    classroom_id: Mapped[int] = mapped_column(ForeignKey("classroom.id", ondelete="CASCADE"), index=True)
    learner_id: Mapped[int] = mapped_column(ForeignKey("user.id", ondelete="CASCADE"), index=True)
    joined_at: Mapped[dt.datetime] = mapped_column(default=utcnow)

    classroom: Mapped[Classroom] = relationship(back_populates="enrollments")
    learner: Mapped[User] = relationship()


class QuestionSet(db.Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    owner_id: Mapped[int] = mapped_column(ForeignKey("user.id", ondelete="CASCADE"), index=True)
    title: Mapped[str] = mapped_column(String(300))
    description: Mapped[str] = mapped_column(Text, default="")
    # The article the set was generated from, as the engine cleaned it; empty for hand-made sets.
    source_text: Mapped[str] = mapped_column(Text, default="")
    published_on: Mapped[Optional[dt.date]]  # the date the article speaks from
    seed: Mapped[int] = mapped_column(default=0)
    status: Mapped[SetStatus] = mapped_column(db.Enum(SetStatus, native_enum=False, length=16), default=SetStatus.DRAFT)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(default=utcnow, onupdate=utcnow)
    published_at: Mapped[Optional[dt.datetime]]
    # The one-time token of the form that created the set: the same form sent twice makes one set.
    creation_token: Mapped[Optional[str]] = mapped_column(String(64), unique=True)

    owner: Mapped[User] = relationship()
    questions: Mapped[list["Question"]] = relationship(
        back_populates="question_set", order_by="Question.position", cascade="all, delete-orphan")
    assignments: Mapped[list["Assignment"]] = relationship(back_populates="question_set", cascade="all, delete-orphan")

    @property
    def is_published(self) -> bool:
        return self.status is SetStatus.PUBLISHED


class Question(db.Model):
    """One question of a set; a question that learners answered is retired rather than deleted."""

    id: Mapped[int] = mapped_column(primary_key=True)
    set_id: Mapped[int] = mapped_column(ForeignKey("question_set.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(default=0)
    kind: Mapped[QuestionKind] = mapped_column(db.Enum(QuestionKind, native_enum=False, length=32))
    prompt: Mapped[str] = mapped_column(Text)
    answer: Mapped[str] = mapped_column(Text)
    choices: Mapped[list[str]] = mapped_column(JSON, default=list)
    explanation: Mapped[str] = mapped_column(Text, default="")  # the source sentence
    source_start: Mapped[Optional[int]]
    source_end: Mapped[Optional[int]]
    fact_kind: Mapped[Optional[str]] = mapped_column(String(32))
    fact_text: Mapped[Optional[str]] = mapped_column(Text)
    fact_value: Mapped[Optional[str]] = mapped_column(Text)
    engine_id: Mapped[Optional[str]] = mapped_column(String(64))  # the engine's stable question id
    # How publishable the engine judged the question (0 to 1); none for questions written by hand.
    score: Mapped[Optional[float]]
    # Part of the default set the engine proposes: each fact asked once, about one question per 25-30 words.
    recommended: Mapped[bool] = mapped_column(default=False, server_default=false())
    # When the teacher last changed its wording: a regeneration leaves an edited question as the teacher wrote it.
    edited_at: Mapped[Optional[dt.datetime]]
    review_status: Mapped[ReviewStatus] = mapped_column(
        db.Enum(ReviewStatus, native_enum=False, length=16), default=ReviewStatus.APPROVED)
    retired_at: Mapped[Optional[dt.datetime]]
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    question_set: Mapped[QuestionSet] = relationship(back_populates="questions")

    @property
    def is_live(self) -> bool:
        """Whether learners see the question: approved and not retired."""
        return self.review_status is ReviewStatus.APPROVED and self.retired_at is None


# Question.is_live in SQL, on the table's own columns, for the statements built once that skip the ORM's loading.
LIVE_QUESTION = and_(Question.__table__.c.review_status == ReviewStatus.APPROVED,
                     Question.__table__.c.retired_at.is_(None))


class DismissedFact(db.Model):
    """A fact of a set's article whose question the teacher deleted: regenerating never asks about it again.

    Rejected questions stay in the set as their own record; a deleted one leaves only this row.
    """

    id: Mapped[int] = mapped_column(primary_key=True)
    set_id: Mapped[int] = mapped_column(ForeignKey("question_set.id", ondelete="CASCADE"), index=True)
    fact_kind: Mapped[str] = mapped_column(String(32))
    fact_text: Mapped[str] = mapped_column(Text)
    source_start: Mapped[int]
    source_end: Mapped[int]
    dismissed_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class Assignment(db.Model):
    __table_args__ = (UniqueConstraint("set_id", "classroom_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    set_id: Mapped[int] = mapped_column(ForeignKey("question_set.id", ondelete="CASCADE"), index=True)
    classroom_id: Mapped[int] = mapped_column(ForeignKey("classroom.id", ondelete="CASCADE"), index=True)
    due_at: Mapped[Optional[dt.datetime]]
    assigned_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    # The quiz settings (app/quiz/settings.py reads them). How many questions each attempt asks, drawn from
    # the approved ones; None asks the recommended set (every approved question when none is recommended).
    question_count: Mapped[Optional[int]]
    # The question kinds a quiz asks (QuestionKind values); empty asks every kind.
    question_kinds: Mapped[list[str]] = mapped_column(JSON, default=list, server_default="[]")
    shuffle_questions: Mapped[bool] = mapped_column(default=True, server_default=true())
    shuffle_choices: Mapped[bool] = mapped_column(default=True, server_default=true())
    max_attempts: Mapped[Optional[int]]  # None: as many as the learner likes
    time_limit_minutes: Mapped[Optional[int]]  # None: no time limit
    feedback_at_end: Mapped[bool] = mapped_column(default=False, server_default=false())
    allow_late: Mapped[bool] = mapped_column(default=True, server_default=true())  # attempts after the due date

    question_set: Mapped[QuestionSet] = relationship(back_populates="assignments")
    classroom: Mapped[Classroom] = relationship(back_populates="assignments")


class CardState(db.Model):
    """A learner's FSRS memory state for one question (every live question is a card)."""

    __table_args__ = (UniqueConstraint("learner_id", "question_id"), Index("ix_card_state_learner_due", "learner_id", "due"))

    id: Mapped[int] = mapped_column(primary_key=True)
    learner_id: Mapped[int] = mapped_column(ForeignKey("user.id", ondelete="CASCADE"))
    question_id: Mapped[int] = mapped_column(ForeignKey("question.id", ondelete="CASCADE"), index=True)
    due: Mapped[dt.datetime]
    # fsrs.Card.to_dict(): state, step, stability, difficulty, due, last_review.
    fsrs_card: Mapped[dict[str, Any]] = mapped_column(JSON)
    introduced_at: Mapped[dt.datetime] = mapped_column(default=utcnow)  # counts against the daily new-card limit
    last_review_at: Mapped[Optional[dt.datetime]]

    question: Mapped[Question] = relationship()


class ReviewSource(str, enum.Enum):
    FLASHCARD = "flashcard"
    QUIZ = "quiz"


class Review(db.Model):
    """One graded recall of a card, as FSRS needs it to optimise a learner's parameters later."""

    id: Mapped[int] = mapped_column(primary_key=True)
    learner_id: Mapped[int] = mapped_column(ForeignKey("user.id", ondelete="CASCADE"), index=True)
    question_id: Mapped[int] = mapped_column(ForeignKey("question.id", ondelete="CASCADE"), index=True)
    rating: Mapped[int]  # 1 Again, 2 Hard, 3 Good, 4 Easy
    reviewed_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    duration_ms: Mapped[Optional[int]]
    source: Mapped[ReviewSource] = mapped_column(db.Enum(ReviewSource, native_enum=False, length=16))
    # One per submitted form: a resubmission of the same form is recognised, not stored twice.
    submission_id: Mapped[str] = mapped_column(String(64), unique=True)


class Attempt(db.Model):
    """One sitting of a set as a quiz."""

    id: Mapped[int] = mapped_column(primary_key=True)
    learner_id: Mapped[int] = mapped_column(ForeignKey("user.id", ondelete="CASCADE"), index=True)
    set_id: Mapped[int] = mapped_column(ForeignKey("question_set.id", ondelete="CASCADE"), index=True)
    question_ids: Mapped[list[int]] = mapped_column(JSON, default=list)  # the questions in the order asked
    started_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    finished_at: Mapped[Optional[dt.datetime]]
    correct: Mapped[int] = mapped_column(default=0)
    total: Mapped[int] = mapped_column(default=0)
    # The assignment's settings as they stood when the attempt started: changing them never changes a sitting.
    deadline_at: Mapped[Optional[dt.datetime]]  # the time limit's end; an answer after it is refused
    shuffle_choices: Mapped[bool] = mapped_column(default=False, server_default=false())
    feedback_at_end: Mapped[bool] = mapped_column(default=False, server_default=false())
    late: Mapped[bool] = mapped_column(default=False, server_default=false())  # started after the due date

    answers: Mapped[list["Answer"]] = relationship(back_populates="attempt", cascade="all, delete-orphan")

    @property
    def score_percent(self) -> float:
        return 100.0 * self.correct / self.total if self.total else 0.0


class JobKind(str, enum.Enum):
    CREATE = "create"  # a new set from an article
    REGENERATE = "regenerate"  # a set's questions made again from its article


class JobStatus(str, enum.Enum):
    QUEUED = "queued"
    RUNNING = "running"
    DONE = "done"
    FAILED = "failed"


class GenerationJob(db.Model):
    """A long article's questions being made in a process of its own, so that no web worker waits for the engine."""

    id: Mapped[int] = mapped_column(primary_key=True)
    owner_id: Mapped[int] = mapped_column(ForeignKey("user.id", ondelete="CASCADE"), index=True)
    kind: Mapped[JobKind] = mapped_column(db.Enum(JobKind, native_enum=False, length=16))
    status: Mapped[JobStatus] = mapped_column(db.Enum(JobStatus, native_enum=False, length=16), default=JobStatus.QUEUED)
    # The set made (CREATE) or made again (REGENERATE); none while a new set is being made.
    set_id: Mapped[Optional[int]] = mapped_column(ForeignKey("question_set.id", ondelete="SET NULL"), index=True)
    article: Mapped[str] = mapped_column(Text, default="")  # the article as read from the form (CREATE)
    article_bytes: Mapped[int] = mapped_column(default=0)
    filename: Mapped[Optional[str]] = mapped_column(String(255))
    title: Mapped[Optional[str]] = mapped_column(String(300))
    published_on: Mapped[Optional[dt.date]]
    today: Mapped[Optional[dt.date]]
    new_seed: Mapped[bool] = mapped_column(default=True)  # REGENERATE: a new seed, or the same one after a new date
    # The one-time token of the form that asked for it: the same form sent twice makes one job.
    creation_token: Mapped[Optional[str]] = mapped_column(String(64), unique=True)
    message: Mapped[str] = mapped_column(Text, default="")  # what the teacher is told when it ends
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    started_at: Mapped[Optional[dt.datetime]]
    finished_at: Mapped[Optional[dt.datetime]]


class Answer(db.Model):
    """One answer to one question of an attempt, stored exactly once."""

    __table_args__ = (UniqueConstraint("attempt_id", "question_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    # No index of its own: the unique (attempt_id, question_id) index serves every lookup by attempt.
    attempt_id: Mapped[int] = mapped_column(ForeignKey("attempt.id", ondelete="CASCADE"))
    question_id: Mapped[int] = mapped_column(ForeignKey("question.id", ondelete="CASCADE"), index=True)
    learner_id: Mapped[int] = mapped_column(ForeignKey("user.id", ondelete="CASCADE"), index=True)
    response: Mapped[str] = mapped_column(Text)
    correct: Mapped[bool]
    answered_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    duration_ms: Mapped[Optional[int]]
    submission_id: Mapped[str] = mapped_column(String(64), unique=True)

    attempt: Mapped[Attempt] = relationship(back_populates="answers")
    question: Mapped[Question] = relationship()
