"""A learner's progress: mastery and scores per set, reviews and accuracy per day, the streak, the week ahead."""
from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass
from typing import Iterable

from sqlalchemy import case, func, literal

from app.extensions import db
from app.models import Assignment, CardState, Question, QuestionSet, Review, ReviewStatus, User
from app.quiz.services import attempts_by_set
from app.scheduling import StudyQueue, mastered_in_sql
from app.statistics import AttemptRecord, mastery, summarise_learner_set
from app.study.services import assigned_sets, queue_over
from app.timezones import day_start, end_of_today, local_day

ACTIVITY_DAYS = 30
UPCOMING_DAYS = 7
RECALLED = 2  # Hard or better: FSRS counts every rating above Again as a recall


@dataclass(frozen=True)
class SetProgress:
    """One assigned set as the learner's home and progress pages show it."""

    question_set: QuestionSet
    assignment: Assignment
    card_count: int  # live questions
    studied: int  # of those, cards the learner has met
    due_now: int
    mastered: int  # cards past their learning steps, last recalled, not due again today (scheduling.is_mastered)
    mastery: float | None  # mastered cards as a share of the set's cards
    best_percent: float | None  # over finished attempts
    last_percent: float | None
    attempts: int  # finished attempts
    open_attempt_id: int | None  # an attempt started and not finished
    overdue: bool  # past the due date without a finished attempt

    @property
    def new_cards(self) -> int:
        return self.card_count - self.studied


def progress_and_queue(learner: User, now: dt.datetime) -> tuple[list[SetProgress], StudyQueue, list[int]]:
    """Return each assigned set's progress (soonest due first), the study queue and the sets' live question ids.

    The ids are in set order. A set's cards due now are those of the queue, so the numbers agree with the
    study page; the sets and their questions are read once for both.
    """
    pairs = assigned_sets(learner)
    set_ids = [question_set.id for question_set, _ in pairs]
    live = live_questions_by_set(set_ids)
    question_ids = [question_id for set_id in set_ids for question_id in live[set_id]]
    queue = queue_over(learner, question_ids, now)
    due_now = set(queue.due)
    # Each set's cards met and mastered (scheduling.is_mastered), counted in SQL: a learner has hundreds of cards.
    day_end = end_of_today(now, learner.time_zone)
    counted = {set_id: (studied, mastered or 0) for set_id, studied, mastered in db.session.execute(
        db.select(Question.set_id, func.count(), func.sum(case((mastered_in_sql(day_end), 1), else_=0)))
        .join(Question, Question.id == CardState.question_id)
        .where(CardState.learner_id == learner.id, Question.set_id.in_(set_ids),
               Question.review_status == ReviewStatus.APPROVED, Question.retired_at.is_(None))
        .group_by(Question.set_id))} if set_ids else {}
    attempts = attempts_by_set(learner.id, set_ids)
    rows = []
    for question_set, assignment in pairs:
        cards = live[question_set.id]
        studied, mastered = counted.get(question_set.id, (0, 0))
        records = [AttemptRecord(attempt.id, attempt.started_at, attempt.finished_at, attempt.correct, attempt.total)
                   for attempt in attempts[question_set.id]]
        summary = summarise_learner_set(records, mastery_share=mastery(mastered, len(cards)),
                                        due_at=assignment.due_at, now=now)
        open_attempts = [attempt.id for attempt in attempts[question_set.id] if attempt.finished_at is None]
        rows.append(SetProgress(
            question_set=question_set, assignment=assignment, card_count=len(cards), studied=studied,
            mastered=mastered, due_now=sum(question_id in due_now for question_id in live[question_set.id]), mastery=summary.mastery,
            best_percent=summary.best_percent, last_percent=summary.last_percent, attempts=summary.attempts,
            open_attempt_id=open_attempts[-1] if open_attempts else None, overdue=summary.overdue))
    return rows, queue, question_ids


def live_questions_by_set(set_ids: list[int]) -> dict[int, list[int]]:
    """Return the live question ids of each set, in position order, in one statement."""
    live: dict[int, list[int]] = {set_id: [] for set_id in set_ids}
    if set_ids:
        for set_id, question_id in db.session.execute(
                db.select(Question.set_id, Question.id)
                .where(Question.set_id.in_(set_ids), Question.review_status == ReviewStatus.APPROVED,
                       Question.retired_at.is_(None))
                .order_by(Question.position, Question.id)):
            live[set_id].append(question_id)
    return live


@dataclass(frozen=True)
class DayActivity:
    day: dt.date
    reviews: int
    recalled: int

    @property
    def accuracy(self) -> float | None:
        """Share of the day's reviews (flashcards and quiz answers) recalled; None on a day without any."""
        return self.recalled / self.reviews if self.reviews else None


def daily_activity(learner_id: int, now: dt.datetime, *, days: int = ACTIVITY_DAYS,
                   zone_name: str | None = None) -> list[DayActivity]:
    """Return the learner's reviews and recalls for each of the last ``days`` days of their zone, today last."""
    today = local_day(now, zone_name)
    first_day = today - dt.timedelta(days=days - 1)
    # Counted in SQL, a row a day: each review falls in the day whose midnight (in the zone) last preceded it.
    starts = [day_start(first_day + dt.timedelta(days=offset), zone_name) for offset in range(days + 1)]
    day_index = case(*((Review.reviewed_at < start, offset) for offset, start in enumerate(starts[1:-1])),
                     else_=days - 1) if days > 1 else literal(0)
    reviews: Counter[int] = Counter()
    recalled: Counter[int] = Counter()
    for offset, count, recalls in db.session.execute(
            db.select(day_index, func.count(), func.sum(case((Review.rating >= RECALLED, 1), else_=0)))
            .where(Review.learner_id == learner_id, Review.reviewed_at >= starts[0], Review.reviewed_at < starts[-1])
            .group_by(day_index)):
        reviews[offset], recalled[offset] = count, recalls or 0
    return [DayActivity(first_day + dt.timedelta(days=offset), reviews[offset], recalled[offset])
            for offset in range(days)]


def study_streak(review_days: Iterable[dt.date], today: dt.date) -> int:
    """Return the run of consecutive days with a review up to today.

    A streak still counts until today is over: with no review yet today, it runs up to yesterday.
    """
    days = set(review_days)
    day = today if today in days else today - dt.timedelta(days=1)
    streak = 0
    while day in days:
        streak += 1
        day -= dt.timedelta(days=1)
    return streak


def review_days(learner_id: int, zone_name: str | None = None) -> set[dt.date]:
    """Return the days of the learner's zone on which they reviewed at least one card.

    One row a UTC day, not one a review: a UTC day's reviews fall on at most two days of the learner's
    zone, and its first and last review fall on each of them.
    """
    rows = db.session.execute(
        db.select(func.min(Review.reviewed_at), func.max(Review.reviewed_at))
        .where(Review.learner_id == learner_id).group_by(func.date(Review.reviewed_at)))
    return {local_day(moment, zone_name) for first, last in rows for moment in (first, last)}


@dataclass(frozen=True)
class UpcomingDay:
    day: dt.date
    due: int  # cards due that day; today's count includes every overdue card


def upcoming_reviews(learner_id: int, question_ids: Iterable[int], now: dt.datetime, *,
                     days: int = UPCOMING_DAYS, zone_name: str | None = None) -> list[UpcomingDay]:
    """Return how many of the learner's cards fall due on each of the next ``days`` days of their zone, today first."""
    question_ids = list(question_ids)
    today = local_day(now, zone_name)
    counts: Counter[int] = Counter()
    if question_ids:
        for due in db.session.execute(
                db.select(CardState.due).where(CardState.learner_id == learner_id,
                                               CardState.question_id.in_(question_ids),
                                               CardState.due < day_start(today + dt.timedelta(days=days), zone_name))
        ).scalars():
            counts[max(0, (local_day(due, zone_name) - today).days)] += 1
    return [UpcomingDay(today + dt.timedelta(days=offset), counts[offset]) for offset in range(days)]


@dataclass(frozen=True)
class LearnerProgress:
    sets: list[SetProgress]
    days: list[DayActivity]
    streak: int
    studied_today: bool
    upcoming: list[UpcomingDay]
    time_zone: str  # the zone the days are counted in

    @property
    def total_reviews(self) -> int:
        return sum(day.reviews for day in self.days)


def learner_progress(learner: User, now: dt.datetime) -> LearnerProgress:
    """Return everything the progress page shows."""
    zone_name = learner.time_zone
    sets, _queue, question_ids = progress_and_queue(learner, now)
    days = review_days(learner.id, zone_name)
    today = local_day(now, zone_name)
    return LearnerProgress(sets=sets, days=daily_activity(learner.id, now, zone_name=zone_name),
                           streak=study_streak(days, today), studied_today=today in days,
                           upcoming=upcoming_reviews(learner.id, question_ids, now, zone_name=zone_name),
                           time_zone=zone_name or "UTC")

