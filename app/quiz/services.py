"""Quizzes: attempts at a set, its questions one at a time, the answer (stored by ``app.reviewing``), the score."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Iterable

from markupsafe import Markup
from sqlalchemy import Connection, and_, bindparam, insert, select

from app.database import begin_write_on
from app.errors import NotFound
from app.extensions import db
from app.grading import ASKED_COLUMNS, CHOICE_KINDS, AskedQuestion, asked_question
from app.models import LIVE_QUESTION, Answer, Attempt, Question, QuestionKind, QuestionSet
from app.quiz import settings as quiz_settings
from app.quiz.settings import QuizClosed
from app.reviewing import CLOSE_AT_DEADLINE, AnswerStatus, NotInYourQuiz, StoredAnswer, record_quiz_answer
from app.sets.highlighting import source_with_answer
from app.statistics import AttemptRecord

__all__ = ["AnswerStatus", "NotInYourQuiz"]  # the answer's outcome and refusal, as the quiz views name them

TRUE_FALSE_CHOICES = ("True", "False")
_BLANK = re.compile(r"_{3,}")


class EmptySetError(ValueError):
    """The set has no live questions to ask (or none of the kinds the quiz asks)."""


class SetNotAssigned(NotFound):
    """The set is not assigned to the learner: as good as absent."""


# --- Starting and finding attempts ---------------------------------------------------------------------

@dataclass(frozen=True)
class StartedAttempt:
    attempt_id: int
    question_count: int
    resumed: bool  # the learner's unfinished attempt at the set, taken up again
    time_limit_minutes: int | None = None
    late: bool = False


def start_attempt(learner_id: int, set_id: int, now: dt.datetime) -> StartedAttempt:
    """Return the learner's unfinished attempt at the set, or a new one shaped by the assignment's quiz settings.

    Resuming makes "Take the quiz" pressed twice (or in two tabs) one sitting, not two. A class starts a
    quiz every few answers, so this runs on a connection of its own with statements built once.

    An unfinished attempt whose time is up is closed first, and does not count as one to resume.

    Raises:
        SetNotAssigned: the set is not assigned to this learner (or the id is not a learner's).
        QuizClosed: every attempt the quiz allows is used, or it is past due and late attempts are not allowed.
        EmptySetError: the set has no live questions of the kinds the quiz asks.
    """
    with db.engine.connect() as connection:
        settings = quiz_settings.learner_settings(connection, learner_id, set_id)
        if settings is None:
            raise SetNotAssigned(set_id)
        connection.rollback()  # the check's read ends here: a transaction becomes a writer only at its start
        # The unfinished attempt is looked for under the write lock: two tabs start one attempt. The
        # transaction commits as the block ends, and rolls back if it ends with an error.
        with begin_write_on(connection):
            unfinished = connection.execute(_UNFINISHED_ATTEMPT, {"learner_id": learner_id, "set_id": set_id}).first()
            if unfinished is not None and unfinished.deadline_at is not None and now > unfinished.deadline_at:
                CLOSE_AT_DEADLINE.execute(connection, {"attempt": unfinished.id})
                unfinished = None
            if unfinished is not None:
                return StartedAttempt(unfinished.id, len(unfinished.question_ids), resumed=True)
            # A refusal is raised after the block, so that closing an attempt out of time still commits.
            refusal: QuizClosed | None = None
            question_ids: list[int] = []
            try:
                late = quiz_settings.check_may_start(connection, learner_id, set_id, settings, now)
            except QuizClosed as error:
                refusal = error
            else:
                question_ids = quiz_settings.attempt_questions(connection, learner_id, set_id, settings)
            if question_ids:
                attempt_id = connection.execute(_INSERT_ATTEMPT, {
                    "learner_id": learner_id, "set_id": set_id, "question_ids": question_ids, "started_at": now,
                    "correct": 0, "total": 0, "deadline_at": quiz_settings.deadline(settings, now),
                    "shuffle_choices": settings.shuffle_choices, "feedback_at_end": settings.feedback_at_end,
                    "late": late}).scalar_one()
    if refusal is not None:
        raise refusal
    if not question_ids:
        raise EmptySetError("This set has no questions to answer yet. Ask your teacher.")
    return StartedAttempt(attempt_id, len(question_ids), resumed=False,
                          time_limit_minutes=settings.time_limit_minutes, late=late)


# Starting a quiz and showing its next question are the requests of a class taking a quiz besides the answer:
# their statements are built once, on the tables.
_ATTEMPT = Attempt.__table__
_QUESTION = Question.__table__
_ANSWER = Answer.__table__
_SET = QuestionSet.__table__

_UNFINISHED_ATTEMPT = (
    select(_ATTEMPT.c.id, _ATTEMPT.c.question_ids, _ATTEMPT.c.deadline_at)
    .where(_ATTEMPT.c.learner_id == bindparam("learner_id"), _ATTEMPT.c.set_id == bindparam("set_id"),
           _ATTEMPT.c.finished_at.is_(None))
    .order_by(_ATTEMPT.c.started_at.desc(), _ATTEMPT.c.id.desc()).limit(1))
_LIVE_QUESTION_IDS = (select(_QUESTION.c.id).where(_QUESTION.c.set_id == bindparam("set_id"), LIVE_QUESTION)
                      .order_by(_QUESTION.c.position, _QUESTION.c.id))
_INSERT_ATTEMPT = insert(_ATTEMPT).returning(_ATTEMPT.c.id)
# The set's live questions, each marked answered or not by the attempt: a fixed statement, where an IN list
# of the attempt's ids would be rendered again for every page.
_LIVE_QUESTIONS_ANSWERED = (
    select(_QUESTION.c.id, _ANSWER.c.id.is_not(None).label("answered"))
    .select_from(_QUESTION.outerjoin(_ANSWER, and_(_ANSWER.c.attempt_id == bindparam("attempt_id"),
                                                   _ANSWER.c.question_id == _QUESTION.c.id)))
    .where(_QUESTION.c.set_id == bindparam("set_id"), LIVE_QUESTION))
_READ_ATTEMPT = (
    select(_ATTEMPT.c.learner_id, _ATTEMPT.c.set_id, _ATTEMPT.c.question_ids, _SET.c.title, _ATTEMPT.c.finished_at,
           _ATTEMPT.c.deadline_at, _ATTEMPT.c.shuffle_choices, _ATTEMPT.c.feedback_at_end)
    .join(_SET, _SET.c.id == _ATTEMPT.c.set_id).where(_ATTEMPT.c.id == bindparam("attempt_id")))
_READ_QUESTION = select(_QUESTION.c.set_id, *ASKED_COLUMNS).where(_QUESTION.c.id == bindparam("question_id"))


# --- Asking -----------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class QuizStep:
    """The next question of an attempt as the page asks it."""

    attempt_id: int
    set_title: str
    question: AskedQuestion
    number: int  # 1-based among the attempt's questions still asked
    total: int
    choices: tuple[str, ...]
    blank_before: str = ""  # a cloze prompt around its blank
    blank_after: str = ""
    deadline_at: dt.datetime | None = None  # when the time limit ends, if the quiz has one
    feedback_at_end: bool = False

    @property
    def is_choice(self) -> bool:
        return self.question.kind in CHOICE_KINDS


def choices_of(question: Question | AskedQuestion) -> tuple[str, ...]:
    if question.kind is QuestionKind.TRUE_FALSE:
        return tuple(question.choices or ()) or TRUE_FALSE_CHOICES
    if question.kind is QuestionKind.MULTIPLE_CHOICE:
        return tuple(question.choices or ())
    return ()


def split_cloze(prompt: str) -> tuple[str, str]:
    """Return a cloze prompt's text before and after its blank (all of it before, if it has none)."""
    parts = _BLANK.split(prompt, maxsplit=1)
    return (parts[0], parts[1]) if len(parts) == 2 else (prompt, "")


def _asked_questions(connection: Connection, set_id: int, attempt_id: int,
                     question_ids: list[int]) -> list[tuple[int, bool]]:
    """Return the attempt's questions still live, in the attempt's order: each id, and whether it is answered."""
    values = {"set_id": set_id, "attempt_id": attempt_id}
    answered_by_id = dict(connection.execute(_LIVE_QUESTIONS_ANSWERED, values).all())
    return [(question_id, answered_by_id[question_id]) for question_id in question_ids
            if question_id in answered_by_id]


def next_step(learner_id: int, attempt_id: int, now: dt.datetime | None = None) -> QuizStep | None:
    """Return the first unanswered live question of the learner's attempt, or None when every one is answered.

    An attempt whose time limit has passed is closed and has no next question. Raises NotFound for anyone
    else's attempt. Three reads, statements built once: the attempt with its set's title, the set's live
    questions marked answered or not, and the one question shown.
    """
    with db.engine.connect() as connection:
        attempt = connection.execute(_READ_ATTEMPT, {"attempt_id": attempt_id}).first()
        if attempt is None or attempt.learner_id != learner_id:
            raise NotFound("Attempt", attempt_id)
        if attempt.deadline_at is not None and attempt.finished_at is not None:
            return None  # a timed attempt ends when it finishes, whatever was left unanswered
        if attempt.deadline_at is not None and now is not None and now > attempt.deadline_at:
            connection.commit()
            with begin_write_on(connection):
                CLOSE_AT_DEADLINE.execute(connection, {"attempt": attempt_id})
            return None
        asked = _asked_questions(connection, attempt.set_id, attempt_id, attempt.question_ids)
        for number, (question_id, answered) in enumerate(asked, 1):
            if not answered:
                row = connection.execute(_READ_QUESTION, {"question_id": question_id}).one()
                question = asked_question(question_id, row)
                before, after = split_cloze(question.prompt) if question.kind is QuestionKind.CLOZE else ("", "")
                choices = quiz_settings.ordered_choices(
                    choices_of(question), kind=question.kind, attempt_id=attempt_id, question_id=question_id,
                    shuffle=attempt.shuffle_choices)
                return QuizStep(attempt_id=attempt_id, set_title=attempt.title, question=question, number=number,
                                total=len(asked), choices=choices, blank_before=before, blank_after=after,
                                deadline_at=attempt.deadline_at, feedback_at_end=attempt.feedback_at_end)
    return None



# --- Answering --------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Feedback:
    """What the learner sees after answering, built from values in hand, never read back after commit."""

    status: AnswerStatus
    attempt_id: int
    prompt: str = ""
    kind: QuestionKind | None = None
    response: str = ""
    correct: bool = False
    right_answer: str = ""
    source: Markup = Markup("")
    finished: bool = False
    feedback_at_end: bool = False  # the quiz shows right and wrong only on the score page
    learner_id: int | None = None  # whose answer it is, as the answer's own read found the request's login
    learner_name: str = ""  # and their name, as the same read found it (the page's menu shows it)

    @property
    def hides_verdict(self) -> bool:
        """Whether the page must not say yet if the answer was right (feedback only at the end)."""
        return self.feedback_at_end and self.status in (AnswerStatus.ANSWERED, AnswerStatus.ALREADY_ANSWERED)

    @property
    def heading(self) -> str:
        if self.status is AnswerStatus.TIME_UP:
            return "Time is up"
        if self.hides_verdict:
            return "Answer saved"
        if self.status is AnswerStatus.WITHDRAWN:
            return "Question withdrawn"
        if self.status is AnswerStatus.ALREADY_ANSWERED:
            return "Already answered"
        return "Right!" if self.correct else "Not quite"

    @property
    def message(self) -> str:
        if self.status is AnswerStatus.TIME_UP:
            return ("The time limit of this quiz has passed, so this answer was not saved and the quiz is closed. "
                    "Your answers sent in time count.")
        if self.hides_verdict:
            return "Your answer is saved. You will see what you got right when the quiz is over."
        if self.status is AnswerStatus.WITHDRAWN:
            return "This question was withdrawn by your teacher, so it does not count. Go on to the next one."
        if self.status is AnswerStatus.ALREADY_ANSWERED:
            return "You already answered this question; your first answer counts, once."
        return "Right!" if self.correct else "Not quite."


def submit_answer(login_token: str, attempt_id: int, question_id: int, response: str, *, submission_id: str,
                  duration_ms: int | None, now: dt.datetime) -> Feedback:
    """Store the answer of the learner whose login the token names to one question of their attempt, exactly once.

    ``app.reviewing.record_quiz_answer`` checks the login and writes the answer (its review, the card, the score).
    Returns the feedback.

    Raises:
        NotInYourQuiz: the login has ended, the attempt is not its learner's or the question not one of it.
        Invalid: the form's submission id was already used for another question.
    """
    stored = record_quiz_answer(login_token, attempt_id, question_id, response, submission_id=submission_id,
                                duration_ms=duration_ms, now=now)
    return feedback_of(stored, attempt_id)


def feedback_of(stored: StoredAnswer, attempt_id: int) -> Feedback:
    """Return what the learner sees of a stored answer."""
    question = stored.question
    if stored.status in (AnswerStatus.WITHDRAWN, AnswerStatus.TIME_UP):
        return Feedback(status=stored.status, attempt_id=attempt_id, prompt=question.prompt,
                        finished=stored.finished, learner_id=stored.learner_id, learner_name=stored.learner_name)
    return Feedback(status=stored.status, attempt_id=attempt_id, prompt=question.prompt, kind=question.kind,
                    response=stored.response, correct=stored.correct, right_answer=question.answer,
                    source=source_with_answer(question), finished=stored.finished,
                    feedback_at_end=stored.feedback_at_end, learner_id=stored.learner_id,
                    learner_name=stored.learner_name)


# --- The result -------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class MissedQuestion:
    prompt: str
    response: str
    right_answer: str
    source: Markup


@dataclass(frozen=True)
class QuizResult:
    attempt: Attempt
    question_set: QuestionSet
    missed: tuple[MissedQuestion, ...]
    unanswered: int  # live questions not answered yet

    @property
    def percent(self) -> int:
        return round(self.attempt.score_percent)


def attempt_result(attempt: Attempt) -> QuizResult:
    """Return the attempt's score and the questions the learner missed, with their right answers."""
    answers = db.session.execute(
        db.select(Answer).filter_by(attempt_id=attempt.id)).scalars().all()
    order = {question_id: index for index, question_id in enumerate(attempt.question_ids)}
    missed = tuple(
        MissedQuestion(prompt=answer.question.prompt, response=answer.response, right_answer=answer.question.answer,
                       source=source_with_answer(answer.question))
        for answer in sorted(answers, key=lambda answer: order.get(answer.question_id, len(order)))
        if not answer.correct)
    asked = _asked_questions(db.session.connection(), attempt.set_id, attempt.id, attempt.question_ids)
    unanswered = sum(not answered for _question_id, answered in asked)
    return QuizResult(attempt=attempt, question_set=db.session.get(QuestionSet, attempt.set_id), missed=missed,
                      unanswered=unanswered)


_ATTEMPT = Attempt.__table__.c
# Built once, of the table's own columns (rows that skip the ORM's loading): the learner's home and progress
# pages read it on every visit.
_ATTEMPT_RECORDS = (
    select(_ATTEMPT.set_id, _ATTEMPT.id, _ATTEMPT.started_at, _ATTEMPT.finished_at, _ATTEMPT.correct, _ATTEMPT.total)
    .where(_ATTEMPT.learner_id == bindparam("learner_id"), _ATTEMPT.set_id.in_(bindparam("set_ids", expanding=True)))
    .order_by(_ATTEMPT.started_at, _ATTEMPT.id))


def attempts_by_set(learner_id: int, set_ids: Iterable[int]) -> dict[int, list[AttemptRecord]]:
    """Return the learner's attempts at each set, oldest first, as the scores need them (not mapped objects)."""
    set_ids = list(set_ids)
    result: dict[int, list[AttemptRecord]] = {set_id: [] for set_id in set_ids}
    if set_ids:
        for set_id, *record in db.session.execute(_ATTEMPT_RECORDS, {"learner_id": learner_id, "set_ids": set_ids}):
            result[set_id].append(AttemptRecord(*record))
    return result
