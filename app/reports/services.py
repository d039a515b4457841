"""What teachers' reports show: class × set tables, a learner's history, item analysis and CSV rows.

Every function takes the teacher and raises 404 (via ``db.get_or_404``-style lookups) for a class or
set that is not theirs, or a learner who is not in the class: another teacher's ids give no data.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Iterable

from sqlalchemy import bindparam, case, func, select, true
from sqlalchemy.orm import contains_eager

from app.caching import app_cache
from app.errors import NotFound
from app.extensions import db
from app.models import (Answer, Assignment, Attempt, CardState, Classroom, Enrollment, Question, QuestionKind,
                        QuestionSet, Review, ReviewSource, ReviewStatus, User)
from app.ownership import owned_or_404
from app.scheduling import mastered_in_sql
from app.timezones import end_of_today
from app.statistics import (AttemptRecord, ItemAnalysis, ItemStatistics, LearnerSetSummary, QuestionKey,
                            ScoredAnswer, analyse_items, mastery, summarise_learner_set)

TRUE_FALSE_CHOICES = ("True", "False")
REVIEW_DAYS = 30


# --- Ownership ---------------------------------------------------------------------------------------

def enrolled_learner(classroom: Classroom, learner_id: int) -> User:
    learner = db.session.execute(
        db.select(User).join(Enrollment, Enrollment.learner_id == User.id)
        .where(Enrollment.classroom_id == classroom.id, User.id == learner_id)).scalar_one_or_none()
    if learner is None:
        raise NotFound("User", learner_id)
    return learner


def class_learners(classroom: Classroom) -> list[User]:
    return list(db.session.execute(
        db.select(User).join(Enrollment, Enrollment.learner_id == User.id)
        .where(Enrollment.classroom_id == classroom.id).order_by(User.name, User.id)).scalars())


def class_assignments(classroom: Classroom) -> list[Assignment]:
    """Return the class's assignments of its teacher's sets, soonest due first (no due date last)."""
    return list(db.session.execute(
        db.select(Assignment).join(QuestionSet, QuestionSet.id == Assignment.set_id)
        .where(Assignment.classroom_id == classroom.id, QuestionSet.owner_id == classroom.teacher_id)
        .options(contains_eager(Assignment.question_set))  # the set comes with its row, not a query per set
        .order_by(Assignment.due_at.is_(None), Assignment.due_at, QuestionSet.title)).scalars())


# --- Learner × set summaries -------------------------------------------------------------------------

def _live_question_counts(set_ids: Iterable[int]) -> dict[int, int]:
    return dict(db.session.execute(
        db.select(Question.set_id, func.count())
        .where(Question.set_id.in_(list(set_ids)), Question.review_status == ReviewStatus.APPROVED,
               Question.retired_at.is_(None))
        .group_by(Question.set_id)).all())


CACHED_CARD_SUMMARIES = 256  # per worker: groups of learners and sets whose cards' mastery is kept
_REVIEW, _USER, _QUESTION, _SET = Review.__table__.c, User.__table__.c, Question.__table__.c, QuestionSet.__table__.c
# One indexed look-up per learner: the id of their latest review, which only grows (reviews are only added,
# or deleted with their question, which changes the set's version below).
_LATEST_REVIEWS = (
    select(_USER.id, select(func.max(_REVIEW.id)).where(_REVIEW.learner_id == _USER.id).scalar_subquery())
    .where(_USER.id.in_(bindparam("learner_ids", expanding=True))).order_by(_USER.id))
_QUESTIONS_VERSION = (
    select(_SET.id, _SET.updated_at, func.count(_QUESTION.id), func.max(_QUESTION.id), func.max(_QUESTION.edited_at),
           func.max(_QUESTION.retired_at))
    .join(Question.__table__, _QUESTION.set_id == _SET.id, isouter=True)
    .where(_SET.id.in_(bindparam("set_ids", expanding=True))).group_by(_SET.id).order_by(_SET.id))


def _card_data_version(learner_ids: list[int], set_ids: list[int]) -> tuple:
    """Return what changes whenever the learners' cards of the sets can: a review of theirs, a change of the questions.

    A card is written only with a review (app/reviewing.py, the one writer of both), and deleted only with its
    question; every change to a set's questions marks the set updated, and their count and latest edit and
    retirement are read too, as the item analysis does.
    """
    return (tuple(map(tuple, db.session.execute(_LATEST_REVIEWS, {"learner_ids": learner_ids}))),
            tuple(map(tuple, db.session.execute(_QUESTIONS_VERSION, {"set_ids": set_ids}))))


def _card_summaries(learner_ids: list[int], set_ids: list[int], day_end) -> dict[tuple[int, int], tuple[int, dt.datetime]]:
    """Return each (learner, set) pair's mastered cards and latest card review, for those with cards.

    Mastery as the learner's progress page counts it (scheduling.is_mastered), with the learner's own day (``day_end``:
    a moment, or an SQL expression of the card's learner), counted in SQL over the cards of the sets' live questions.
    A card's last review is the latest review of its question, so the cards also give the last flashcard review.
    """
    is_live = (Question.review_status == ReviewStatus.APPROVED) & Question.retired_at.is_(None)
    return {(learner_id, set_id): (mastered_cards or 0, last) for learner_id, set_id, mastered_cards, last in db.session.execute(
            db.select(CardState.learner_id, Question.set_id,
                      func.sum(case((is_live & mastered_in_sql(day_end), 1), else_=0)),
                      func.max(CardState.last_review_at))
            .join(Question, Question.id == CardState.question_id)
            .where(CardState.learner_id.in_(learner_ids), Question.set_id.in_(set_ids))
            .group_by(CardState.learner_id, Question.set_id))}


def summaries(learners: list[User], set_ids: list[int], due_dates: dict[int, dt.datetime | None],
              now: dt.datetime) -> dict[tuple[int, int], LearnerSetSummary]:
    """Return each (learner, set) pair's summary: scores, attempts, mastery, last activity, overdue."""
    if not learners or not set_ids:
        return {}
    learner_ids = [learner.id for learner in learners]
    attempts: dict[tuple[int, int], list[AttemptRecord]] = defaultdict(list)
    for learner_id, set_id, *record in db.session.execute(
            db.select(Attempt.learner_id, Attempt.set_id, Attempt.id, Attempt.started_at, Attempt.finished_at,
                      Attempt.correct, Attempt.total)
            .where(Attempt.learner_id.in_(learner_ids), Attempt.set_id.in_(set_ids))):
        attempts[learner_id, set_id].append(AttemptRecord(*record))

    # A finished attempt's answers all came before it finished; those of an unfinished one are read.
    activity: dict[tuple[int, int], list[dt.datetime]] = defaultdict(list)
    for learner_id, set_id, last in db.session.execute(
            db.select(Attempt.learner_id, Attempt.set_id, func.max(Answer.answered_at))
            .join(Answer, Answer.attempt_id == Attempt.id)
            .where(Attempt.learner_id.in_(learner_ids), Attempt.set_id.in_(set_ids), Attempt.finished_at.is_(None))
            .group_by(Attempt.learner_id, Attempt.set_id)):
        activity[learner_id, set_id].append(last)
    live_counts = _live_question_counts(set_ids)
    # Counting the cards reads every learner's card of every question (3,000 for a class and a set of 100), so
    # a worker keeps the counts until one of the learners reviews or the questions change (_card_data_version).
    day_ends: dict[dt.datetime, list[int]] = defaultdict(list)
    for learner in learners:
        day_ends[end_of_today(now, learner.time_zone)].append(learner.id)
    # A class is mostly in one zone: then every card is compared with the one moment, not picked one by its learner.
    day_end = next(iter(day_ends)) if len(day_ends) == 1 else \
        case(*((CardState.learner_id.in_(ids), moment) for moment, ids in day_ends.items()))
    zones = tuple(sorted((moment, tuple(ids)) for moment, ids in day_ends.items()))
    cards = app_cache("card summaries", size=CACHED_CARD_SUMMARIES).get(
        (tuple(learner_ids), tuple(set_ids), zones), _card_data_version(learner_ids, set_ids),
        lambda: _card_summaries(learner_ids, set_ids, day_end))
    mastered: dict[tuple[int, int], int] = {}
    for (learner_id, set_id), (mastered_cards, last) in cards.items():
        mastered[learner_id, set_id] = mastered_cards
        activity[learner_id, set_id].append(last)

    return {
        (learner_id, set_id): summarise_learner_set(
            attempts.get((learner_id, set_id), []),
            mastery_share=mastery(mastered.get((learner_id, set_id), 0), live_counts.get(set_id, 0)),
            activity=activity.get((learner_id, set_id), []), due_at=due_dates.get(set_id), now=now)
        for learner_id in learner_ids for set_id in set_ids
    }


# --- Overview: the teacher's classes × assigned sets --------------------------------------------------

@dataclass(frozen=True)
class AssignmentStatus:
    assignment: Assignment
    question_set: QuestionSet
    learners: int
    finished: int  # learners with at least one finished attempt
    overdue: int  # learners past the due date without a finished attempt


@dataclass(frozen=True)
class ClassOverview:
    classroom: Classroom
    learners: int
    assignments: list[AssignmentStatus] = field(default_factory=list)

    @property
    def overdue(self) -> int:
        return sum(status.overdue for status in self.assignments)


def overview(teacher: User, now: dt.datetime) -> list[ClassOverview]:
    """Return the teacher's classes (active first) with each assigned set's completion and overdue count."""
    classrooms = db.session.execute(
        db.select(Classroom).where(Classroom.teacher_id == teacher.id)
        .order_by(Classroom.archived_at.is_not(None), Classroom.name, Classroom.id)).scalars().all()
    result = []
    for classroom in classrooms:
        learner_ids = [learner.id for learner in class_learners(classroom)]
        assignments = class_assignments(classroom)
        finished_by_set: dict[int, int] = {}
        if learner_ids and assignments:
            finished_by_set = dict(db.session.execute(
                db.select(Attempt.set_id, func.count(func.distinct(Attempt.learner_id)))
                .where(Attempt.learner_id.in_(learner_ids), Attempt.finished_at.is_not(None),
                       Attempt.set_id.in_([assignment.set_id for assignment in assignments]))
                .group_by(Attempt.set_id)).all())
        statuses = []
        for assignment in assignments:
            finished = finished_by_set.get(assignment.set_id, 0)
            past_due = assignment.due_at is not None and now > assignment.due_at
            statuses.append(AssignmentStatus(assignment=assignment, question_set=assignment.question_set,
                                             learners=len(learner_ids), finished=finished,
                                             overdue=len(learner_ids) - finished if past_due else 0))
        result.append(ClassOverview(classroom=classroom, learners=len(learner_ids), assignments=statuses))
    return result


# --- The class × set table ---------------------------------------------------------------------------

@dataclass(frozen=True)
class LearnerRow:
    learner: User
    summary: LearnerSetSummary


@dataclass(frozen=True)
class ClassSetReport:
    classroom: Classroom
    question_set: QuestionSet
    assignment: Assignment | None
    rows: list[LearnerRow]

    @property
    def overdue(self) -> int:
        return sum(row.summary.overdue for row in self.rows)

    @property
    def finished(self) -> int:
        return sum(row.summary.attempts > 0 for row in self.rows)


SORT_KEYS = {
    "name": lambda row: (row.learner.name.casefold(), row.learner.id),
    "best": lambda row: row.summary.best_percent,
    "last": lambda row: row.summary.last_percent,
    "attempts": lambda row: row.summary.attempts,
    "mastery": lambda row: row.summary.mastery,
    "activity": lambda row: row.summary.last_activity,
    "overdue": lambda row: row.summary.overdue,
}


def sort_rows(rows: list[LearnerRow], sort: str, descending: bool) -> list[LearnerRow]:
    """Sort by a column of the table; rows without a value (never finished, never studied) stay last."""
    key = SORT_KEYS.get(sort, SORT_KEYS["name"])
    by_name = sorted(rows, key=SORT_KEYS["name"])
    with_value = [row for row in by_name if key(row) is not None]
    without_value = [row for row in by_name if key(row) is None]
    return sorted(with_value, key=key, reverse=descending) + without_value


def _assignment(classroom: Classroom, question_set: QuestionSet) -> Assignment | None:
    return db.session.execute(db.select(Assignment).filter_by(
        classroom_id=classroom.id, set_id=question_set.id)).scalar_one_or_none()


def class_set_report(teacher: User, classroom_id: int, set_id: int, now: dt.datetime, *,
                     sort: str = "name", descending: bool = False) -> ClassSetReport:
    classroom = owned_or_404(Classroom, classroom_id, teacher)
    question_set = owned_or_404(QuestionSet, set_id, teacher)
    assignment = _assignment(classroom, question_set)
    learners = class_learners(classroom)
    summary_of = summaries(learners, [question_set.id],
                           {question_set.id: assignment.due_at if assignment else None}, now)
    rows = [LearnerRow(learner, summary_of[learner.id, question_set.id]) for learner in learners]
    return ClassSetReport(classroom=classroom, question_set=question_set, assignment=assignment,
                          rows=sort_rows(rows, sort, descending))


# --- One learner's page ------------------------------------------------------------------------------

@dataclass(frozen=True)
class SetProgress:
    assignment: Assignment
    summary: LearnerSetSummary


@dataclass(frozen=True)
class AttemptLine:
    attempt: Attempt
    set_title: str


@dataclass(frozen=True)
class DayReviews:
    day: dt.date
    flashcard: int
    quiz: int

    @property
    def total(self) -> int:
        return self.flashcard + self.quiz


@dataclass(frozen=True)
class LearnerReport:
    classroom: Classroom
    learner: User
    sets: list[SetProgress]
    attempts: list[AttemptLine]
    reviews_by_day: list[DayReviews]  # the last REVIEW_DAYS days, oldest first

    @property
    def reviews_total(self) -> int:
        return sum(day.total for day in self.reviews_by_day)


def reviews_per_day(learner_id: int, set_ids: list[int], now: dt.datetime, days: int = REVIEW_DAYS) -> list[DayReviews]:
    """Count the learner's reviews of these sets' cards per UTC day, for the ``days`` days up to today."""
    first_day = now.date() - dt.timedelta(days=days - 1)
    counts: dict[dt.date, Counter[ReviewSource]] = defaultdict(Counter)
    if set_ids:
        for reviewed_at, source in db.session.execute(
                db.select(Review.reviewed_at, Review.source).join(Question, Question.id == Review.question_id)
                .where(Review.learner_id == learner_id, Question.set_id.in_(set_ids),
                       Review.reviewed_at >= dt.datetime.combine(first_day, dt.time()))):
            counts[reviewed_at.date()][source] += 1
    return [DayReviews(day=day, flashcard=counts[day][ReviewSource.FLASHCARD], quiz=counts[day][ReviewSource.QUIZ])
            for day in (first_day + dt.timedelta(days=offset) for offset in range(days))]


def learner_report(teacher: User, classroom_id: int, learner_id: int, now: dt.datetime) -> LearnerReport:
    classroom = owned_or_404(Classroom, classroom_id, teacher)
    learner = enrolled_learner(classroom, learner_id)
    assignments = class_assignments(classroom)
    set_ids = [assignment.set_id for assignment in assignments]
    summary_of = summaries([learner], set_ids,
                           {assignment.set_id: assignment.due_at for assignment in assignments}, now)
    titles = {assignment.set_id: assignment.question_set.title for assignment in assignments}
    attempts = db.session.execute(
        db.select(Attempt).where(Attempt.learner_id == learner.id, Attempt.set_id.in_(set_ids))
        .order_by(Attempt.started_at.desc(), Attempt.id.desc())).scalars() if set_ids else []
    return LearnerReport(
        classroom=classroom, learner=learner,
        sets=[SetProgress(assignment, summary_of[learner.id, assignment.set_id]) for assignment in assignments],
        attempts=[AttemptLine(attempt, titles[attempt.set_id]) for attempt in attempts],
        reviews_by_day=reviews_per_day(learner.id, set_ids, now))


# --- Item analysis -----------------------------------------------------------------------------------

ITEMS_PAGE_SIZE = 10  # questions shown on one page of item analysis
CACHED_ANALYSES = 64  # per worker: sets (or set and class) whose statistics are kept


@dataclass(frozen=True)
class ItemQuestion:
    """What item analysis shows of a question."""

    id: int
    position: int
    kind: QuestionKind
    prompt: str
    answer: str
    choices: tuple[str, ...]
    is_live: bool


@dataclass(frozen=True)
class ItemRow:
    number: int  # the question's place in the set, from 1
    question: ItemQuestion
    statistics: ItemStatistics
    page: int  # the page of the analysis that shows it


@dataclass(frozen=True)
class ItemAnalysisReport:
    question_set: QuestionSet
    classroom: Classroom | None  # the class the analysis is limited to, if any
    classrooms: list[Classroom]  # the classes the set is assigned to, to choose from
    analysis: ItemAnalysis
    rows: list[ItemRow]  # every question analysed
    unfinished_learners: int  # learners who started the set and never finished it: not counted
    page: int = 1
    per_page: int = ITEMS_PAGE_SIZE

    @property
    def flagged_rows(self) -> list[ItemRow]:
        return [row for row in self.rows if row.statistics.flags]

    @property
    def flagged(self) -> int:
        return len(self.flagged_rows)

    @property
    def pages(self) -> int:
        return max(1, -(-len(self.rows) // self.per_page))

    @property
    def page_rows(self) -> list[ItemRow]:
        """Return the rows of the page shown."""
        return [row for row in self.rows if row.page == self.page]


@dataclass(frozen=True)
class _CountedAnalysis:
    analysis: ItemAnalysis
    rows: tuple[ItemRow, ...]
    unfinished_learners: int


def question_key(question: Question | ItemQuestion) -> QuestionKey:
    choices = tuple(question.choices or ())
    if question.kind is QuestionKind.TRUE_FALSE and not choices:
        choices = TRUE_FALSE_CHOICES
    if question.kind not in (QuestionKind.MULTIPLE_CHOICE, QuestionKind.TRUE_FALSE):
        choices = ()
    return QuestionKey(question_id=question.id, answer=question.answer, choices=choices)


def first_finished_attempts(set_id: int, learner_ids: list[int] | None = None) -> dict[int, int]:
    """Return each learner's first finished attempt id of the set: the attempt item analysis counts."""
    query = db.select(Attempt.learner_id, Attempt.id).where(Attempt.set_id == set_id, Attempt.finished_at.is_not(None))
    if learner_ids is not None:
        query = query.where(Attempt.learner_id.in_(learner_ids))
    first: dict[int, int] = {}
    for learner_id, attempt_id in db.session.execute(query.order_by(Attempt.started_at, Attempt.id)):
        first.setdefault(learner_id, attempt_id)
    return first


def _item_questions(set_id: int) -> list[ItemQuestion]:
    return [ItemQuestion(id=row.id, position=row.position, kind=row.kind, prompt=row.prompt, answer=row.answer,
                         choices=tuple(row.choices or ()),
                         is_live=row.review_status is ReviewStatus.APPROVED and row.retired_at is None)
            for row in db.session.execute(
                db.select(Question.id, Question.position, Question.kind, Question.prompt, Question.answer,
                          Question.choices, Question.review_status, Question.retired_at)
                .where(Question.set_id == set_id).order_by(Question.position, Question.id))]


def _data_version(question_set: QuestionSet, learner_ids: list[int] | None) -> tuple:
    """Return what changes whenever the analysis can: the set's attempts, started and finished, and its questions.

    Every change to a set's questions marks the set updated; the questions' count and latest edit and
    retirement are read too, so that a change made without that mark still shows.
    """
    attempts = db.select(func.count(), func.count(Attempt.finished_at), func.max(Attempt.id),
                         func.max(Attempt.finished_at)).where(Attempt.set_id == question_set.id)
    if learner_ids is not None:
        attempts = attempts.where(Attempt.learner_id.in_(learner_ids))
    questions = db.select(func.count(), func.max(Question.id), func.max(Question.edited_at),
                          func.max(Question.retired_at)).where(Question.set_id == question_set.id)
    attempts, questions = attempts.subquery(), questions.subquery()
    both = db.select(attempts, questions).select_from(attempts.join(questions, true()))  # one row each
    return (question_set.updated_at, *db.session.execute(both).one())


def _counted_analysis(set_id: int, learner_ids: list[int] | None) -> _CountedAnalysis:
    questions = _item_questions(set_id)
    counted = first_finished_attempts(set_id, learner_ids)
    started = db.select(func.count(func.distinct(Attempt.learner_id))).where(Attempt.set_id == set_id)
    if learner_ids is not None:
        started = started.where(Attempt.learner_id.in_(learner_ids))
    answers = db.session.execute(
        db.select(Answer.learner_id, Answer.question_id, Answer.response, Answer.correct)
        .where(Answer.attempt_id.in_(list(counted.values())))).all() if counted else []
    answered_ids = {question_id for _learner, question_id, _response, _correct in answers}
    analysis = analyse_items([question_key(question) for question in questions],
                             [ScoredAnswer(*row) for row in answers])
    # Questions learners saw stay in the analysis even after being retired or rejected.
    shown = [(question, statistics) for question, statistics in zip(questions, analysis.items)
             if question.is_live or question.id in answered_ids]
    return _CountedAnalysis(
        analysis=dataclasses.replace(analysis, items=tuple(statistics for _question, statistics in shown)),
        rows=tuple(ItemRow(number, question, statistics, page=(number - 1) // ITEMS_PAGE_SIZE + 1)
                   for number, (question, statistics) in enumerate(shown, start=1)),
        unfinished_learners=db.session.execute(started).scalar_one() - len(counted))


def item_analysis(teacher: User, set_id: int, classroom_id: int | None = None, *, page: int = 1) -> ItemAnalysisReport:
    """Return the set's item analysis (of one class's learners, if given) with one page of its questions.

    The statistics read every counted answer, so a worker keeps them until the set's attempts or
    questions change; what the page costs then follows the questions it shows.
    """
    question_set = owned_or_404(QuestionSet, set_id, teacher)
    classroom = owned_or_404(Classroom, classroom_id, teacher) if classroom_id is not None else None
    learner_ids = sorted(db.session.execute(
        db.select(Enrollment.learner_id).where(Enrollment.classroom_id == classroom.id)).scalars()) \
        if classroom else None
    version = (_data_version(question_set, learner_ids), None if learner_ids is None else tuple(learner_ids))
    counted = app_cache("item analysis", size=CACHED_ANALYSES).get((question_set.id, classroom_id), version,
                            lambda: _counted_analysis(question_set.id, learner_ids))
    classrooms = list(db.session.execute(
        db.select(Classroom).join(Assignment, Assignment.classroom_id == Classroom.id)
        .where(Assignment.set_id == question_set.id, Classroom.teacher_id == teacher.id)
        .order_by(Classroom.name)).scalars())
    last_page = counted.rows[-1].page if counted.rows else 1
    return ItemAnalysisReport(
        question_set=question_set, classroom=classroom, classrooms=classrooms, analysis=counted.analysis,
        rows=list(counted.rows), unfinished_learners=counted.unfinished_learners, page=min(max(1, page), last_page))


# --- CSV exports -------------------------------------------------------------------------------------

GRADE_COLUMNS = ("class", "learner", "email", "set", "attempts", "best_percent", "last_percent", "mastery_percent",
                 "last_activity", "due", "overdue")
ANSWER_COLUMNS = ("class", "learner", "email", "set", "attempt_id", "question_id", "question_prompt", "response",
                  "correct", "answered_at", "duration_ms")


def _export_sets(teacher: User, classroom: Classroom,
                 set_id: int | None) -> list[tuple[QuestionSet, Assignment | None]]:
    if set_id is None:
        return [(assignment.question_set, assignment) for assignment in class_assignments(classroom)]
    question_set = owned_or_404(QuestionSet, set_id, teacher)
    return [(question_set, _assignment(classroom, question_set))]


def _iso(moment: dt.datetime | None) -> str:
    return moment.replace(microsecond=0).isoformat() + "Z" if moment else ""


def _rounded(value: float | None) -> str:
    return "" if value is None else f"{value:.1f}"


def grade_rows(teacher: User, classroom_id: int, set_id: int | None,
               now: dt.datetime) -> tuple[Classroom, QuestionSet | None, list[tuple]]:
    """Return the class, the set (None for all) and one row of GRADE_COLUMNS per learner and set."""
    classroom = owned_or_404(Classroom, classroom_id, teacher)
    sets = _export_sets(teacher, classroom, set_id)
    learners = class_learners(classroom)
    summary_of = summaries(learners, [question_set.id for question_set, _ in sets],
                           {question_set.id: assignment.due_at if assignment else None
                            for question_set, assignment in sets},
                           now)
    rows = []
    for learner in learners:
        for question_set, assignment in sets:
            summary = summary_of[learner.id, question_set.id]
            rows.append((classroom.name, learner.name, learner.email, question_set.title, summary.attempts,
                         _rounded(summary.best_percent), _rounded(summary.last_percent),
                         _rounded(None if summary.mastery is None else 100 * summary.mastery),
                         _iso(summary.last_activity), _iso(assignment.due_at if assignment else None),
                         "yes" if summary.overdue else "no"))
    return classroom, sets[0][0] if set_id is not None else None, rows


def answer_rows(teacher: User, classroom_id: int,
                set_id: int | None) -> tuple[Classroom, QuestionSet | None, list[tuple]]:
    """Return the class, the set (None for all) and one row of ANSWER_COLUMNS per stored answer."""
    classroom = owned_or_404(Classroom, classroom_id, teacher)
    sets = _export_sets(teacher, classroom, set_id)
    set_ids = [question_set.id for question_set, _ in sets]
    learner_ids = [learner.id for learner in class_learners(classroom)]
    rows = []
    if set_ids and learner_ids:
        for answer, attempt, question, learner, title in db.session.execute(
                db.select(Answer, Attempt, Question, User, QuestionSet.title)
                .join(Attempt, Attempt.id == Answer.attempt_id)
                .join(Question, Question.id == Answer.question_id)
                .join(User, User.id == Answer.learner_id)
                .join(QuestionSet, QuestionSet.id == Attempt.set_id)
                .where(Attempt.set_id.in_(set_ids), Answer.learner_id.in_(learner_ids))
                .order_by(User.name, User.id, QuestionSet.title, Attempt.started_at, Attempt.id,
                          Answer.answered_at, Answer.id)):
            rows.append((classroom.name, learner.name, learner.email, title, attempt.id, question.id, question.prompt,
                         answer.response, "yes" if answer.correct else "no", _iso(answer.answered_at),
                         "" if answer.duration_ms is None else answer.duration_ms))
    return classroom, sets[0][0] if set_id is not None else None, rows
