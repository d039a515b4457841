"""A learner's progress: mastery and scores per set, reviews and accuracy per day, the streak, the week ahead."""
from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass
from typing import Iterable

from sqlalchemy import bindparam, case, func, literal, select

from app.caching import app_cache
from app.extensions import db
from app.models import Assignment, QuestionSet, Review, User
from app.quiz.services import attempts_by_set
from app.scheduling import CardRow, StudyQueue, card_states, live_card_states
from app.statistics import mastery, summarise_learner_set
from app.study.services import assigned_sets, live_questions_by_set, queue_over
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


def progress_and_queue(learner: User, now: dt.datetime) -> tuple[list[SetProgress], StudyQueue, dict[int, CardRow]]:
    """Return each assigned set's progress (soonest due first), the study queue and the learner's cards of the sets.

    The cards are those of the sets' live questions, by question id. A set's cards due now are those of the
    queue, so the numbers agree with the study page; the sets, their questions and the cards are read once for all.
    """
    pairs = assigned_sets(learner)
    set_ids = [question_set.id for question_set, _ in pairs]
    live = live_questions_by_set(set_ids)
    question_ids = [question_id for set_id in set_ids for question_id in live[set_id]]
    cards = live_card_states(learner.id, set_ids)
    queue = queue_over(learner, question_ids, now, states=cards)
    due_now = set(queue.due)
    # Each set's cards met and mastered (scheduling.is_mastered), from the rows the queue was built from.
    day_end = end_of_today(now, learner.time_zone)
    set_of = {question_id: set_id for set_id in set_ids for question_id in live[set_id]}
    studied: Counter[int] = Counter()
    mastered: Counter[int] = Counter()
    for card in cards.values():
        studied[set_of[card.question_id]] += 1
        mastered[set_of[card.question_id]] += card.is_mastered(day_end)
    attempts = attempts_by_set(learner.id, set_ids)
    rows = []
    for question_set, assignment in pairs:
        set_questions = live[question_set.id]
        records = attempts[question_set.id]
        summary = summarise_learner_set(records, mastery_share=mastery(mastered[question_set.id], len(set_questions)),
                                        due_at=assignment.due_at, now=now)
        open_attempts = [record.attempt_id for record in records if record.finished_at is None]
        rows.append(SetProgress(
            question_set=question_set, assignment=assignment, card_count=len(set_questions),
            studied=studied[question_set.id], mastered=mastered[question_set.id],
            due_now=sum(question_id in due_now for question_id in set_questions), mastery=summary.mastery,
            best_percent=summary.best_percent, last_percent=summary.last_percent, attempts=summary.attempts,
            open_attempt_id=open_attempts[-1] if open_attempts else None, overdue=summary.overdue))
    return rows, queue, cards


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
    return upcoming_days([card.due for card in card_states(learner_id, question_ids).values()], now,
                         days=days, zone_name=zone_name)


def upcoming_days(due_times: Iterable[dt.datetime], now: dt.datetime, *, days: int = UPCOMING_DAYS,
                  zone_name: str | None = None) -> list[UpcomingDay]:
    """Return how many of these due times fall on each of the next ``days`` days of the zone, today first."""
    today = local_day(now, zone_name)
    window_end = day_start(today + dt.timedelta(days=days), zone_name)
    counts = Counter(max(0, (local_day(due, zone_name) - today).days) for due in due_times if due < window_end)
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


@dataclass(frozen=True)
class ReviewHistory:
    """What the progress page shows of the learner's past reviews."""

    days: tuple[DayActivity, ...]  # a tuple: one kept history serves many requests
    streak: int
    studied_today: bool


_HISTORIES_KEPT = 4096
_REVIEW = Review.__table__.c
_REVIEWS_VERSION = select(func.count(), func.max(_REVIEW.id)).where(_REVIEW.learner_id == bindparam("learner_id"))


def review_history(learner_id: int, now: dt.datetime, zone_name: str | None) -> ReviewHistory:
    """Return the learner's last 30 days of reviews and their streak, as of today in their zone.

    Read far more often than it changes (a learner opens the page again and again between two reviews) and
    costing a scan of the learner's whole history, it is kept by the worker under the version of the
    learner's reviews: their count and highest id, which an index answers. Reviews are only ever added or
    deleted; either changes that version, so a kept history is never stale.
    """
    today = local_day(now, zone_name)
    version = tuple(db.session.execute(_REVIEWS_VERSION, {"learner_id": learner_id}).one())

    def compute() -> ReviewHistory:
        days = review_days(learner_id, zone_name)
        return ReviewHistory(days=tuple(daily_activity(learner_id, now, zone_name=zone_name)),
                             streak=study_streak(days, today), studied_today=today in days)

    return app_cache("review_history", size=_HISTORIES_KEPT).get((learner_id, zone_name, today), version, compute)


def learner_progress(learner: User, now: dt.datetime) -> LearnerProgress:
    """Return everything the progress page shows."""
    zone_name = learner.time_zone
    sets, _queue, cards = progress_and_queue(learner, now)
    history = review_history(learner.id, now, zone_name)
    return LearnerProgress(sets=sets, days=list(history.days), streak=history.streak, studied_today=history.studied_today,
                           upcoming=upcoming_days([card.due for card in cards.values()], now, zone_name=zone_name),
                           time_zone=zone_name or "UTC")

