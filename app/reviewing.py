"""The one writer of a learner's reviews: a flashcard grade and a quiz answer, each logged and scheduled.

Every row a review writes goes through here: the quiz answer, the review log, the learner's FSRS card, and
the attempt's score. Flashcards (``app.study``) and quizzes (``app.quiz``) both call it; the tests fail if
a second path appears.

The quiz answer is the request a class sends most, so its statements run on the driver's cursor
(``DriverStatement``), a fast path that stays in this module: it refuses what it cannot compile rightly
(an expanding ``IN`` list, two result columns of one name), and steps aside for SQLAlchemy's own
``Connection.execute`` whenever the engine logs statements or has listeners for them.
"""
from __future__ import annotations

import datetime as dt
import enum
from collections import namedtuple
from dataclasses import dataclass
from typing import Any, Callable, NamedTuple

from fsrs import Rating
from sqlalchemy import Connection, Integer, and_, bindparam, case, cast, exists, func, insert, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Dialect
from sqlalchemy.exc import DBAPIError, IntegrityError
from sqlalchemy.sql.expression import Executable

from app.auth.sessions import login_values, owns_login
from app.database import answers_engine, begin_answer_transaction, begin_write_on
from app.errors import Invalid, NotFound
from app.extensions import db
from app.grading import ASKED_COLUMNS, AskedQuestion, asked_question, grade
from app.models import LIVE_QUESTION, Answer, Attempt, CardState, Question, Review, ReviewSource, Role, User
from app.scheduling import ReviewedCard, reviewed_card

MAX_RESPONSE = 2000


class NotInYourQuiz(NotFound):
    """No such question in the learner's attempt: another's attempt, another set's question, or none at all."""


class UnsupportedStatement(ValueError):
    """A statement the driver fast path cannot run as SQLAlchemy would; write it for ``Connection.execute``."""


# --- The fast path: statements run on the driver's cursor ------------------------------------------------

@dataclass(frozen=True)
class _CompiledForDriver:
    sql: str
    positional_names: tuple[str, ...] | None  # None: the driver takes parameters by name
    fixed_values: dict[str, Any]  # values the statement carries itself (a literal compared against, say)
    bind_processors: dict[str, Callable[[Any], Any]]
    row_type: type[NamedTuple] | None
    result_processors: tuple[Callable[[Any], Any] | None, ...]


class DriverResult:
    """The rows a driver statement returned (processed into Python values), and how many rows it changed."""

    __slots__ = ("rows", "rowcount")

    def __init__(self, rows: list, rowcount: int):
        self.rows = rows
        self.rowcount = rowcount

    def first(self):
        return self.rows[0] if self.rows else None

    def one(self):
        if len(self.rows) != 1:
            raise LookupError(f"expected one row, got {len(self.rows)}")
        return self.rows[0]

    def scalar(self):
        return self.rows[0][0] if self.rows else None


def _watches_statements(connection: Connection) -> bool:
    """Whether anything listens for the statements a connection's engine runs (SQLAlchemy's execution events).

    Read from the engine's own events: the connection's joined view of them costs more than a statement.
    """
    dispatch = connection.engine.dispatch
    return bool(dispatch.before_execute or dispatch.after_execute or dispatch.before_cursor_execute
                or dispatch.after_cursor_execute or connection.dialect.dispatch.handle_error)


class DriverStatement:
    """A Core statement compiled once per dialect and set of parameters, then run on the driver's cursor.

    ``Connection.execute`` spends about 20 to 30 microseconds around each statement (looking up the
    compiled form, building an execution context and a result object) on top of what the database
    does: more than the database itself for the small statements of an answer, which runs on every
    click of "Check answer". Here the statement is written with Core as anywhere else and keeps
    SQLAlchemy's SQL and its type conversions both ways (each type's bind and result processors for
    the dialect); only the per-execution bookkeeping is skipped. The statement runs inside whatever
    transaction the SQLAlchemy connection has begun; a driver error is raised as SQLAlchemy's own
    (``IntegrityError`` and the rest), and a lost connection is invalidated as SQLAlchemy would.

    Every value a statement needs must be passed: Python-side column defaults are not filled in. What it
    cannot do as SQLAlchemy does it refuses when the statement is first compiled (``UnsupportedStatement``):
    an expanding ``IN`` list (rendered again for every set of values), a value under an escaped name, a
    Python-side default, two result columns of one name. When the engine logs statements (``echo``, the
    ``sqlalchemy.engine`` logger at INFO) or has listeners for them, each statement runs through
    ``Connection.execute`` instead, so that every statement is logged and seen like the rest.
    """

    def __init__(self, statement: Executable):
        self.statement = statement
        self._compiled: dict[tuple[str, frozenset[str]], _CompiledForDriver] = {}

    def execute(self, connection: Connection, values: dict[str, Any]) -> DriverResult:
        dialect = connection.dialect
        key = (dialect.name, frozenset(values))
        compiled = self._compiled.get(key) or self._compile(dialect, key)
        if connection._echo or _watches_statements(connection):
            return self._execute_as_sqlalchemy_does(connection, values)
        parameters = {**compiled.fixed_values, **values}
        for name, process in compiled.bind_processors.items():
            parameters[name] = process(parameters[name])
        if compiled.positional_names is not None:
            parameters = [parameters[name] for name in compiled.positional_names]
        dbapi_connection = connection.connection
        cursor = None
        try:
            cursor = dbapi_connection.cursor()  # inside: a lost connection may fail here already
            cursor.execute(compiled.sql, parameters)
            # Whether rows come back is known from the statement: psycopg builds ``cursor.description`` anew,
            # a column object each, on every look.
            rows = cursor.fetchall() if compiled.row_type is not None else []
            rowcount = cursor.rowcount
        except dialect.loaded_dbapi.Error as error:
            lost = dialect.is_disconnect(error, dbapi_connection, cursor)
            if lost:
                connection.invalidate(error)
            raise DBAPIError.instance(compiled.sql, parameters, error, dialect.loaded_dbapi.Error,
                                      connection_invalidated=lost, dialect=dialect) from error
        finally:
            if cursor is not None:
                cursor.close()
        if compiled.row_type is not None:
            processors = compiled.result_processors
            rows = [compiled.row_type(*(value if process is None else process(value)
                                        for process, value in zip(processors, row))) for row in rows]
        return DriverResult(rows, rowcount)

    def _execute_as_sqlalchemy_does(self, connection: Connection, values: dict[str, Any]) -> DriverResult:
        result = connection.execute(self.statement, values)
        rows = result.all() if result.returns_rows else []
        # A statement with RETURNING gives no rowcount on every driver; its rows say how many it changed.
        return DriverResult(rows, len(rows) if rows and self.statement.is_dml else result.rowcount)

    def _compile(self, dialect: Dialect, key: tuple[str, frozenset[str]]) -> _CompiledForDriver:
        compiled = self.statement.compile(dialect=dialect, column_keys=sorted(key[1]))
        if compiled.insert_prefetch or compiled.update_prefetch or compiled.escaped_bind_names:
            raise UnsupportedStatement("a driver statement takes every value from its caller, under plain names")
        binds = compiled.binds
        if any(bind.expanding for bind in binds.values()) or compiled.literal_execute_params:
            raise UnsupportedStatement("a driver statement cannot expand a list of values (IN): its SQL would "
                                       "change with every list")
        columns = list(getattr(self.statement, "exported_columns", ()))
        keys = [column.key for column in columns]
        if len(set(keys)) != len(keys):
            raise UnsupportedStatement(f"a driver statement's result columns need distinct names, not {keys}: "
                                       "label them")
        compiled_for_driver = _CompiledForDriver(
            sql=compiled.string,
            positional_names=tuple(compiled.positiontup) if compiled.positiontup is not None else None,
            fixed_values={name: bind.effective_value for name, bind in binds.items() if not bind.required},
            bind_processors={name: process for name, bind in binds.items()
                             if (process := bind.type.dialect_impl(dialect).bind_processor(dialect))},
            row_type=namedtuple("Row", [column.key for column in columns]) if columns else None,
            result_processors=tuple(column.type.dialect_impl(dialect).result_processor(dialect, None)
                                    for column in columns))
        self._compiled[key] = compiled_for_driver
        return compiled_for_driver


# --- The quiz answer's statements, built once ------------------------------------------------------------

_ATTEMPT = Attempt.__table__
_QUESTION = Question.__table__
_ANSWER = Answer.__table__
_CARD = CardState.__table__
_REVIEW = Review.__table__
_USER = User.__table__

_READ_ANSWER_CONTEXT = DriverStatement(
    select(_ATTEMPT.c.learner_id, _USER.c.name.label("learner_name"), _ATTEMPT.c.set_id, _ATTEMPT.c.question_ids,
           _ATTEMPT.c.total, _ATTEMPT.c.finished_at, _ATTEMPT.c.deadline_at, _ATTEMPT.c.feedback_at_end, *ASKED_COLUMNS,
           _ANSWER.c.response.label("stored_response"), _ANSWER.c.correct.label("stored_correct"),
           _CARD.c.id.label("card_id"), _CARD.c.fsrs_card, _CARD.c.last_review_at)
    .select_from(
        _ATTEMPT
        # Only a learner has attempts; the join says so, since the caller may know the learner by id alone.
        .join(_USER, and_(_USER.c.id == _ATTEMPT.c.learner_id, _USER.c.role == Role.LEARNER))
        .join(_QUESTION, and_(_QUESTION.c.id == bindparam("question_id"), _QUESTION.c.set_id == _ATTEMPT.c.set_id))
        .outerjoin(_ANSWER, and_(_ANSWER.c.attempt_id == _ATTEMPT.c.id, _ANSWER.c.question_id == _QUESTION.c.id))
        .outerjoin(_CARD, and_(_CARD.c.learner_id == _ATTEMPT.c.learner_id, _CARD.c.question_id == _QUESTION.c.id)))
    # The request's login, checked in this read rather than by one of its own: it still exists and owns the attempt.
    .where(_ATTEMPT.c.id == bindparam("attempt_id"), owns_login(_ATTEMPT.c.learner_id)))


# Typed parameters the answer's writes share (one value of "now" for the answer, its review and its card).
_NOW = bindparam("now", type_=_ANSWER.c.answered_at.type)
_LEARNER = bindparam("learner", type_=Integer)
_QUESTION_ID = bindparam("question", type_=Integer)
_DURATION = bindparam("duration", type_=Integer)
_NEW_CARD = bindparam("new_card", type_=_CARD.c.fsrs_card.type)
_NEW_DUE = bindparam("new_due", type_=_CARD.c.due.type)

_ANSWER_INSERT = insert(_ANSWER).values(
    attempt_id=bindparam("attempt", type_=Integer), question_id=_QUESTION_ID, learner_id=_LEARNER,
    response=bindparam("response", type_=_ANSWER.c.response.type),
    correct=bindparam("correct", type_=_ANSWER.c.correct.type),
    answered_at=_NOW, duration_ms=_DURATION, submission_id=bindparam("submission", type_=_ANSWER.c.submission_id.type))
_REVIEW_INSERT = insert(_REVIEW).values(
    learner_id=_LEARNER, question_id=_QUESTION_ID, rating=bindparam("rating", type_=Integer), reviewed_at=_NOW,
    duration_ms=_DURATION, source=bindparam("source", type_=_REVIEW.c.source.type),
    submission_id=bindparam("review_submission", type_=_REVIEW.c.submission_id.type))


def _upsert_card(insert_card: Any):
    """A new card, or the stored one moved on, but only if its last review is still the one read.

    The card is inserted if there is none; if there is one (read before, or made since by a flashcard graded
    in another tab), it is updated only when its last review is the one the new card was scheduled from. Its
    id comes back only if it was written, so no row means: schedule again from the card as it is now.
    """
    new_card = insert_card.values(
        learner_id=_LEARNER, question_id=_QUESTION_ID, due=_NEW_DUE, fsrs_card=_NEW_CARD, introduced_at=_NOW,
        last_review_at=_NOW)
    return new_card.on_conflict_do_update(
        index_elements=[_CARD.c.learner_id, _CARD.c.question_id],
        set_={"fsrs_card": new_card.excluded.fsrs_card, "due": new_card.excluded.due,
              "last_review_at": new_card.excluded.last_review_at},
        where=_CARD.c.last_review_at.is_not_distinct_from(
            bindparam("last_review_read", type_=_CARD.c.last_review_at.type))
    ).returning(_CARD.c.id)


_CARD_UPSERT = {"sqlite": _upsert_card(sqlite.insert(_CARD)), "postgresql": _upsert_card(postgresql.insert(_CARD))}
_INSERT_ANSWER = DriverStatement(_ANSWER_INSERT)
_INSERT_REVIEW = DriverStatement(_REVIEW_INSERT)
_UPSERT_CARD = {dialect: DriverStatement(statement) for dialect, statement in _CARD_UPSERT.items()}


def _open_question(dialect: str):
    """Whether a live question of the attempt in the statement, other than the one answered, is without an answer.

    The question being answered is left out: its answer is inserted by the same transaction, and on
    PostgreSQL by the same statement, whose parts do not see each other's rows.

    The attempt's questions are read from its own JSON list inside the statement (SQLite's json_each,
    PostgreSQL's json_array_elements_text), not sent as a list of parameters: an expanding IN list is
    rendered again on every execution, which made this the costliest statement of an answer.
    """
    if dialect == "postgresql":
        asked = func.json_array_elements_text(_ATTEMPT.c.question_ids).table_valued("value").alias("asked")
        asked_id = cast(asked.c.value, Integer)
    else:
        asked = func.json_each(_ATTEMPT.c.question_ids).table_valued("value").alias("asked")
        asked_id = asked.c.value
    answered = (exists().where(_ANSWER.c.attempt_id == _ATTEMPT.c.id, _ANSWER.c.question_id == _QUESTION.c.id)
                .correlate(_ATTEMPT, _QUESTION))
    return exists().where(_QUESTION.c.id == asked_id, _QUESTION.c.id != _QUESTION_ID, LIVE_QUESTION,
                          ~answered).correlate(_ATTEMPT)


_FINISHED_NOW = func.coalesce(_ATTEMPT.c.finished_at, _NOW)
_DIALECTS = ("sqlite", "postgresql")
_ATTEMPT_ID = bindparam("attempt", type_=Integer)


def _count_answer_statement(dialect: str):
    """Count the answer in SQL (never read, added to and written back) and finish the attempt when no other
    question is left open; the total returned tells whether another answer came in since the attempt was read."""
    return (update(_ATTEMPT).where(_ATTEMPT.c.id == _ATTEMPT_ID)
            .values(correct=_ATTEMPT.c.correct + bindparam("right", type_=Integer), total=_ATTEMPT.c.total + 1,
                    finished_at=case((~_open_question(dialect), _FINISHED_NOW), else_=_ATTEMPT.c.finished_at))
            .returning(_ATTEMPT.c.total, _ATTEMPT.c.finished_at))


_COUNT_ANSWER = DriverStatement(_count_answer_statement("sqlite"))


def _answer_in_one_statement():
    """PostgreSQL: the answer, its count in the attempt, its review and the card, written by one statement.

    Each write is a common table expression; PostgreSQL runs every one of them to completion, all or none,
    so the answer costs one round trip to the database instead of four. A unique constraint that refuses
    the answer (a form sent twice) fails the whole statement, as the answer's insert alone would.
    """
    counted = _count_answer_statement("postgresql").cte("counted")
    card = _CARD_UPSERT["postgresql"].cte("card")
    return (select(counted.c.total, counted.c.finished_at,
                   select(card.c.id).scalar_subquery().is_not(None).label("card_written"))
            .add_cte(_ANSWER_INSERT.cte("answer_row"), _REVIEW_INSERT.cte("review_row"), card))


_WRITE_ANSWER_AT_ONCE = DriverStatement(_answer_in_one_statement())
_IS_OPEN = {dialect: DriverStatement(select(_open_question(dialect).label("open")).select_from(_ATTEMPT)
                                      .where(_ATTEMPT.c.id == _ATTEMPT_ID))
            for dialect in _DIALECTS}
_FINISH_ATTEMPT = DriverStatement(
    update(_ATTEMPT).where(_ATTEMPT.c.id == _ATTEMPT_ID).values(finished_at=_FINISHED_NOW))
# An attempt whose time is up ends at its deadline, not when someone next looks at it, and its score counts
# every question it asked: one right answer before the time ran out is not 100 %.
CLOSE_AT_DEADLINE = DriverStatement(
    update(_ATTEMPT).where(_ATTEMPT.c.id == _ATTEMPT_ID, _ATTEMPT.c.finished_at.is_(None),
                           _ATTEMPT.c.deadline_at.is_not(None))
    .values(finished_at=_ATTEMPT.c.deadline_at, total=func.json_array_length(_ATTEMPT.c.question_ids)))

_CARD_KEY = and_(_CARD.c.learner_id == _LEARNER, _CARD.c.question_id == _QUESTION_ID)
_UPDATE_CARD = DriverStatement(update(_CARD).where(_CARD_KEY).values(fsrs_card=_NEW_CARD, due=_NEW_DUE,
                                                                      last_review_at=_NOW))
_READ_CARD_FOR_UPDATE = DriverStatement(select(_CARD.c.fsrs_card).where(_CARD_KEY).with_for_update())


@dataclass(frozen=True)
class AnswerContext:
    """What answering one question of an attempt reads, all in one statement, before taking the write lock."""

    learner_id: int
    learner_name: str
    set_id: int
    question_ids: list[int]
    total: int
    finished: bool
    deadline_at: dt.datetime | None
    feedback_at_end: bool
    question: AskedQuestion
    stored_response: str | None  # the answer already stored for this question of the attempt, if any
    stored_correct: bool | None
    card_id: int | None  # the learner's card for the question, if it was ever reviewed
    fsrs_card: dict | None
    last_review_at: dt.datetime | None


def _read_answer_context(connection: Connection, attempt_id: int, question_id: int,
                         login_token: str) -> AnswerContext | None:
    """Return the attempt, the question (of the attempt's set), a stored answer and the card.

    None if there is no such pair, or if the login the token names has ended or is not the attempt's learner's.
    """
    row = _READ_ANSWER_CONTEXT.execute(connection, {"attempt_id": attempt_id, "question_id": question_id,
                                                    **login_values(login_token)}).first()
    if row is None:
        return None
    return AnswerContext(learner_id=row.learner_id, learner_name=row.learner_name, set_id=row.set_id,
                         question_ids=row.question_ids, total=row.total, finished=row.finished_at is not None,
                         deadline_at=row.deadline_at, feedback_at_end=row.feedback_at_end,
                         question=asked_question(question_id, row),
                         stored_response=row.stored_response, stored_correct=row.stored_correct,
                         card_id=row.card_id, fsrs_card=row.fsrs_card, last_review_at=row.last_review_at)


# --- The quiz answer ---------------------------------------------------------------------------------------

class AnswerStatus(enum.Enum):
    ANSWERED = "answered"
    ALREADY_ANSWERED = "already answered"  # a resubmitted form or a second tab: the first answer stands
    WITHDRAWN = "withdrawn"  # the teacher retired or rejected the question after it was shown
    TIME_UP = "time up"  # the attempt's time limit passed before the answer came: refused, the attempt closed


@dataclass(frozen=True)
class StoredAnswer:
    """What became of one quiz answer, from values in hand (never read back after the commit)."""

    status: AnswerStatus
    question: AskedQuestion
    learner_id: int  # whose attempt it is, as the answer's read found the request's login
    learner_name: str  # and their name, as the same read found it (the page's menu shows it)
    response: str = ""
    correct: bool = False
    finished: bool = False
    feedback_at_end: bool = False  # the attempt shows right and wrong only on its result page


def record_quiz_answer(login_token: str, attempt_id: int, question_id: int, response: str, *, submission_id: str,
                       duration_ms: int | None, now: dt.datetime) -> StoredAnswer:
    """Store the learner's answer to one question of their attempt exactly once, score it and schedule the card.

    The learner is the one whose login the token names (a signed session's, or the account's the user
    loader found): the answer's first read checks that this login still exists and owns the attempt, so the
    request needs no read of its own for it. Everything is read and worked out first, without the write lock
    (on SQLite, BEGIN IMMEDIATE lets one writer in at a time across all workers); the lock then covers only
    the writes, each of which either holds by a constraint or checks that what was read still stands:

    - the answer's insert: the unique submission id and the unique (attempt, question) pair turn a
      resubmitted form, a double click or a second tab into "already answered", never a second answer;
    - the attempt's counts move in SQL, never read, added to and written back, and the same statement
      finishes the attempt when no other live question of it is left without an answer;
    - the review is logged and the card scheduled as a flashcard grade does it (``_log_review``).

    On PostgreSQL the four writes are one statement, and the read and the writes are each a transaction by
    itself (the answers' pool runs in autocommit), so that the answer takes two round trips to the database:
    the read and the writes, with no BEGIN and no COMMIT (``_write_answer_at_once``).

    Raises:
        NotInYourQuiz: the login has ended, or the attempt is not its learner's, or the question not one of it.
        Invalid: the submission id was already used for another question (a replayed or forged form).

    This runs on every click of "Check answer", so it works on a connection of its own (on PostgreSQL, from a
    pool of its own that keeps its statements prepared: ``add_answers_engine``) with Core statements built once and
    run on the driver's cursor: the bookkeeping of the ORM session, or even of ``Connection.execute``, around
    each statement would cost more than the statement.
    """
    with answers_engine().connect() as connection:
        context = _read_answer_context(connection, attempt_id, question_id, login_token)
        if context is None or question_id not in context.question_ids:
            raise NotInYourQuiz(attempt_id, question_id)
        learner_id, learner_name = context.learner_id, context.learner_name
        question = context.question
        if context.stored_response is not None:
            return StoredAnswer(AnswerStatus.ALREADY_ANSWERED, question, learner_id, learner_name,
                                response=context.stored_response, correct=bool(context.stored_correct),
                                finished=context.finished, feedback_at_end=context.feedback_at_end)
        if context.deadline_at is not None and (context.finished or now > context.deadline_at):
            # The server's clock decides, whatever the page's countdown said: the attempt ends at its deadline.
            connection.commit()
            with begin_write_on(connection):
                CLOSE_AT_DEADLINE.execute(connection, {"attempt": attempt_id})
            return StoredAnswer(AnswerStatus.TIME_UP, question, learner_id, learner_name, finished=True)
        if not question.is_live:
            return StoredAnswer(AnswerStatus.WITHDRAWN, question, learner_id, learner_name)

        response = response.strip()[:MAX_RESPONSE]
        correct = grade(question, response, connection)
        rating = Rating.Good if correct else Rating.Again
        stored_card = StoredCard(context.card_id, context.fsrs_card, context.last_review_at) \
            if context.card_id is not None else None
        card = reviewed_card(context.fsrs_card, rating, now, question_id=question_id)
        values = {"attempt": attempt_id, "question": question_id, "learner": learner_id, "response": response,
                  "correct": correct, "right": int(correct), "now": now, "duration": duration_ms,
                  "submission": submission_id, "rating": int(rating), "source": ReviewSource.QUIZ,
                  "review_submission": f"quiz:{submission_id}", **_card_values(card, stored_card)}
        # On SQLite the read was one statement, needing no transaction of its own; grading may have begun one to
        # read the set's names. It ends here, since a transaction becomes a writer only at its start. (On
        # PostgreSQL, in autocommit, there is none.)
        connection.commit()
        write = _write_answer_at_once if connection.dialect.name == "postgresql" else _write_answer
        finished = write(connection, values, context, rating=rating, now=now)
        if finished is None:
            return _already_answered(attempt_id, question_id, learner_id, learner_name)
    return StoredAnswer(AnswerStatus.ANSWERED, question, learner_id, learner_name, response=response, correct=correct,
                        finished=finished, feedback_at_end=context.feedback_at_end)


def _write_answer(connection: Connection, values: dict, context: AnswerContext, *, rating: Rating,
                  now: dt.datetime) -> bool | None:
    """SQLite: write the answer, its count, its review and the card in one writer's transaction.

    Returns whether the attempt is finished, or None when a unique constraint refused the answer (a form sent
    twice, another tab): nothing is written then.
    """
    transaction = begin_write_on(connection)
    try:
        _INSERT_ANSWER.execute(connection, values)
    except IntegrityError:
        transaction.rollback()
        return None
    try:
        total, finished_at = _COUNT_ANSWER.execute(connection, values).one()
        _INSERT_REVIEW.execute(connection, values)
        card_written = _UPSERT_CARD["sqlite"].execute(connection, values).first() is not None
        finished = _settle_finished(connection, values, context, total=total, finished_at=finished_at)
        if not card_written:
            _reschedule_current_card(connection, values, rating=rating, now=now, question_id=values["question"])
        transaction.commit()
    except BaseException:
        transaction.rollback()
        raise
    return finished


def _write_answer_at_once(connection: Connection, values: dict, context: AnswerContext, *, rating: Rating,
                          now: dt.datetime) -> bool | None:
    """PostgreSQL: write the answer, its count, its review and the card with one statement; return as ``_write_answer``.

    The answers' pool runs in autocommit (``add_answers_engine``): the statement is a transaction by itself, all
    or nothing, and the answer costs one round trip here, with no BEGIN and no COMMIT around it. A unique
    constraint that refuses the answer fails the whole statement. What may remain is for a request that came in
    between the read and this write, each step of it checking the database as it is by then: another answer to
    the attempt (a second tab), after which the attempt is looked at again, and a flashcard of the same card
    graded meanwhile, after which the card is scheduled again under its row lock, in a transaction of its own.
    """
    try:
        total, finished_at, card_written = _WRITE_ANSWER_AT_ONCE.execute(connection, values).one()
    except IntegrityError:
        connection.rollback()  # SQLAlchemy's own when statements are logged: the database has no transaction open
        return None
    finished = _settle_finished(connection, values, context, total=total, finished_at=finished_at)
    if not card_written:
        with begin_answer_transaction(connection):
            _reschedule_current_card(connection, values, rating=rating, now=now, question_id=values["question"])
    return finished


def _settle_finished(connection: Connection, values: dict, context: AnswerContext, *, total: int,
                     finished_at: dt.datetime | None) -> bool:
    """Return whether the attempt is finished, once the answer is counted; finish it if the count could not tell.

    The count's statement finishes the attempt when no other question is open; its total tells whether it
    saw every answer: if another answer to the attempt came in since it was read (a second tab), a server
    with row locks waited for it but may have looked with an older snapshot, so the attempt is looked at again.
    """
    if finished_at is not None or total == context.total + 1:
        return finished_at is not None
    if _IS_OPEN[connection.dialect.name].execute(connection, values).scalar():
        return False
    _FINISH_ATTEMPT.execute(connection, values)
    return True


def _card_values(card: ReviewedCard, stored: StoredCard | None) -> dict:
    """Return the parameters of ``_UPSERT_CARD``: the card as scheduled, and the last review it was scheduled from."""
    return {"new_card": card.fsrs_card, "new_due": card.due,
            "last_review_read": stored.last_review_at if stored is not None else None}


def _reschedule_current_card(connection: Connection, values: dict, *, rating: Rating, now: dt.datetime,
                             question_id: int) -> ReviewedCard:
    """Schedule the card again from the card as it is under the lock (another tab reviewed it since it was read)."""
    current = _READ_CARD_FOR_UPDATE.execute(connection, values).one().fsrs_card
    card = reviewed_card(current, rating, now, question_id=question_id)
    _UPDATE_CARD.execute(connection, {**values, "new_card": card.fsrs_card, "new_due": card.due})
    return card


def _already_answered(attempt_id: int, question_id: int, learner_id: int, learner_name: str) -> StoredAnswer:
    """Return the answer that won a race to the unique constraints."""
    stored = db.session.execute(
        db.select(Answer).filter_by(attempt_id=attempt_id, question_id=question_id)).scalar_one_or_none()
    if stored is None:
        raise Invalid("This answer form was already used for another question. Reload the page and try again.")
    attempt = db.session.get(Attempt, attempt_id)
    return StoredAnswer(AnswerStatus.ALREADY_ANSWERED, AskedQuestion.of(stored.question), learner_id, learner_name,
                        response=stored.response,
                        correct=stored.correct, finished=attempt.finished_at is not None,
                        feedback_at_end=attempt.feedback_at_end)


# --- A review of a card: a flashcard grade, or the review a quiz answer logs --------------------------------

@dataclass(frozen=True)
class StoredCard:
    """A learner's card as read: its id, FSRS memory and last review (the version a write checks against)."""

    id: int
    fsrs_card: dict
    last_review_at: dt.datetime | None


_READ_CARD = DriverStatement(select(_CARD.c.id, _CARD.c.fsrs_card, _CARD.c.last_review_at).where(_CARD_KEY))


def read_card(learner_id: int, question_id: int, connection: Connection | None = None) -> StoredCard | None:
    """Return the learner's card for the question as stored, or None if they never reviewed it."""
    row = _READ_CARD.execute(connection or db.session.connection(),
                             {"learner": learner_id, "question": question_id}).first()
    return None if row is None else StoredCard(row.id, row.fsrs_card, row.last_review_at)


_UNREAD = object()


def record_review(*, learner_id: int, question_id: int, rating: Rating, now: dt.datetime, source: ReviewSource,
                  submission_id: str, duration_ms: int | None, stored: StoredCard | None | object = _UNREAD,
                  connection: Connection | None = None) -> ReviewedCard:
    """Log one review of the learner's card and schedule the card, in the caller's transaction.

    ``stored`` is the card as the caller read it under the write lock (None: never reviewed); left out, it
    is read here. ``connection`` defaults to the ORM session's. The review's ``submission_id`` is unique
    in the database, so the same form sent twice fails (IntegrityError) instead of counting twice.

    Returns the card as scheduled.
    """
    connection = connection or db.session.connection()
    if stored is _UNREAD:
        stored = read_card(learner_id, question_id, connection)
    card = reviewed_card(stored.fsrs_card if stored else None, rating, now, question_id=question_id)
    return _log_review(connection, learner_id=learner_id, question_id=question_id, rating=rating, now=now,
                       source=source, submission_id=submission_id, duration_ms=duration_ms, stored=stored, card=card)


def _log_review(connection: Connection, *, learner_id: int, question_id: int, rating: Rating, now: dt.datetime,
                source: ReviewSource, submission_id: str, duration_ms: int | None, stored: StoredCard | None,
                card: ReviewedCard) -> ReviewedCard:
    """Insert the review and write the card scheduled from ``stored`` (``card``), whoever reviewed it.

    The card is updated only if its last review is still the one read, and a new card is inserted only if
    there is still none; else it is scheduled again from the card as it is under the lock (another tab
    reviewed it meanwhile). Returns the card as written.
    """
    values = {"learner": learner_id, "question": question_id, "rating": int(rating), "now": now,
              "duration": duration_ms, "source": source, "review_submission": submission_id,
              **_card_values(card, stored)}
    _INSERT_REVIEW.execute(connection, values)
    if _UPSERT_CARD[connection.dialect.name].execute(connection, values).first() is not None:
        return card
    return _reschedule_current_card(connection, values, rating=rating, now=now, question_id=question_id)
