"""Spaced repetition with FSRS: each learner's card per question, its reviews, and the day's study queue."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Iterable, NamedTuple, Sequence

from fsrs import Card, Rating, Scheduler, State
from sqlalchemy import bindparam, func, select

from app.extensions import db
from app.models import LIVE_QUESTION, CardState, Question
from app.timezones import start_of_today

# Fuzzing spreads reviews with randomness; without it the same ratings at the same moments give the same
# dates, which learners can check against the buttons and tests can pin down.
SCHEDULER = Scheduler(enable_fuzzing=False)

# When nothing else is left today, a card in its learning steps is shown up to this much early (as Anki does),
# so a learner who just pressed Again need not wait ten minutes to finish the session.
LEARN_AHEAD = dt.timedelta(minutes=20)

RATING_LABELS = {Rating.Again: "Again", Rating.Hard: "Hard", Rating.Good: "Good", Rating.Easy: "Easy"}


def as_aware(moment: dt.datetime) -> dt.datetime:
    """Return a naive UTC time (as the database stores it) as the timezone-aware UTC time FSRS wants."""
    return moment.replace(tzinfo=dt.timezone.utc) if moment.tzinfo is None else moment.astimezone(dt.timezone.utc)


def as_naive(moment: dt.datetime) -> dt.datetime:
    """Return a time as naive UTC, the form every timestamp column holds."""
    return moment.astimezone(dt.timezone.utc).replace(tzinfo=None) if moment.tzinfo else moment


def start_of_day(now: dt.datetime, zone_name: str | None = None) -> dt.datetime:
    """Return the (naive UTC) time the learner's day began, at midnight of their zone (UTC if none is given).

    The day the new-card limit, streaks and "due today" count in.
    """
    return start_of_today(now, zone_name)


def is_mastered(state: CardState | None, day_end: dt.datetime) -> bool:
    """Whether the learner has learned the card: past its learning steps, last recalled, and not due again today.

    FSRS's recall probability is about 1 just after any review, a failed one included, so it cannot say this
    alone: a card in learning or relearning (a new card answered, or one failed at its last review: FSRS moves
    a card rated Again there) is not mastered, nor is a card due before ``day_end``, the end of the learner's
    day, so mastery never counts a card that "due today" counts.
    """
    if state is None:
        return False
    return State(state.fsrs_card["state"]) is State.Review and state.due >= day_end


def mastered_in_sql(day_end):
    """Return ``is_mastered`` as an SQL condition on the CardState row; ``day_end`` may be an SQL expression."""
    return (CardState.fsrs_card["state"].as_integer() == int(State.Review)) & (CardState.due >= day_end)


def fsrs_card(state: CardState | None, *, question_id: int = 0, now: dt.datetime) -> Card:
    """Return the FSRS card a state holds, or a new card when the learner has never seen the question."""
    if state is None:
        return Card(card_id=question_id, due=as_aware(now))
    return Card.from_dict(state.fsrs_card)


@dataclass(frozen=True)
class ReviewedCard:
    """A card's FSRS memory and next due time after one recall, as its CardState row stores them."""

    fsrs_card: dict
    due: dt.datetime


def reviewed_card(stored: dict | None, rating: Rating, now: dt.datetime, *, question_id: int = 0) -> ReviewedCard:
    """Return the card after one recall rated ``rating``: ``stored`` is its ``fsrs_card`` JSON, None if new."""
    card = Card(card_id=question_id, due=as_aware(now)) if stored is None else Card.from_dict(stored)
    card, _log = SCHEDULER.review_card(card, rating, as_aware(now))
    return ReviewedCard(fsrs_card=card.to_dict(), due=as_naive(card.due))


def next_due_times(state: CardState | None, now: dt.datetime, *, question_id: int = 0) -> dict[Rating, dt.datetime]:
    """Return when the card would next be due after each rating given ``now`` (the grade buttons show these)."""
    card = fsrs_card(state, question_id=question_id, now=now)
    return {rating: as_naive(SCHEDULER.review_card(card, rating, as_aware(now))[0].due) for rating in Rating}


def format_interval(interval: dt.timedelta) -> str:
    """Return an interval the way a grade button shows it: "1 min", "10 min", "3 days", "2.5 months"."""
    minutes = interval.total_seconds() / 60
    if minutes < 1:
        return "under a minute"
    if minutes < 60:
        return f"{round(minutes)} min"
    hours = minutes / 60
    if hours < 24:
        return f"{round(hours)} h"
    days = hours / 24
    if days < 30.5:
        count = round(days)
        return f"{count} day" if count == 1 else f"{count} days"
    if days < 365:
        return f"{days / 30.4:.1f} months".replace(".0 ", " ")
    return f"{days / 365:.1f} years".replace(".0 ", " ")


def retrievability(state: CardState | None, now: dt.datetime) -> float:
    """Return the probability FSRS gives that the learner recalls the card now; 0 for a card never studied."""
    if state is None:
        return 0.0
    return float(SCHEDULER.get_card_retrievability(Card.from_dict(state.fsrs_card), as_aware(now)))


# --- The day's queue ----------------------------------------------------------------------------------

class CardRow(NamedTuple):
    """A learner's card as the queue reads it.

    A named tuple, not a frozen dataclass: a queue reads a row for each of the learner's hundreds of cards,
    on every page that shows it, and a tuple is made several times faster.
    """

    id: int
    question_id: int
    due: dt.datetime
    state: State  # the FSRS state its memory is in

    def is_mastered(self, day_end: dt.datetime) -> bool:
        """``is_mastered`` of the card this row was read from."""
        return self.state is State.Review and self.due >= day_end


@dataclass(frozen=True)
class StudyQueue:
    """What a learner studies next: cards due first (soonest first), then today's share of new cards."""

    due: tuple[int, ...]  # question ids
    new: tuple[int, ...]  # question ids, in set and position order, at most the day's remaining new cards
    new_waiting: int  # new cards beyond today's limit
    new_left_today: int
    next_due_at: dt.datetime | None  # the soonest card due later, when nothing is due now

    @property
    def next_question_id(self) -> int | None:
        return (self.due + self.new)[0] if self.due or self.new else None

    @property
    def is_empty(self) -> bool:
        return not self.due and not self.new


# The statements every learner's page runs are built once, of the tables' own columns: building and keying a
# statement costs more than its rows, and columns of a mapped class send even plain rows through the ORM's
# loading, which costs a third again of reading a learner's hundreds of cards.
_CARD = CardState.__table__.c
_QUESTION = Question.__table__.c
_CARDS_INTRODUCED = select(func.count(_CARD.id)).where(_CARD.learner_id == bindparam("learner_id"),
                                                       _CARD.introduced_at >= bindparam("since"))


def new_cards_introduced_since(learner_id: int, since: dt.datetime) -> int:
    """Return how many cards the learner met for the first time since ``since``, by flashcard or quiz."""
    return db.session.execute(_CARDS_INTRODUCED, {"learner_id": learner_id, "since": since}).scalar_one()


_STATES = {int(state): state for state in State}  # a dict look-up costs a fraction of calling the Enum
_CARD_COLUMNS = (_CARD.id, _CARD.question_id, _CARD.due, _CARD.fsrs_card["state"].as_integer())
_CARD_ROWS = select(*_CARD_COLUMNS).where(_CARD.learner_id == bindparam("learner_id"),
                                          _CARD.question_id.in_(bindparam("question_ids", expanding=True)))
# The same cards found through their sets: a join on a handful of set ids rather than hundreds of question ids bound.
_SET_CARD_ROWS = (select(*_CARD_COLUMNS).join(Question.__table__, _QUESTION.id == _CARD.question_id)
                  .where(_CARD.learner_id == bindparam("learner_id"),
                         _QUESTION.set_id.in_(bindparam("set_ids", expanding=True)), LIVE_QUESTION))


def _card_rows(rows) -> dict[int, CardRow]:
    return {question_id: CardRow(card_id, question_id, due, _STATES[state]) for card_id, question_id, due, state in rows}


def card_states(learner_id: int, question_ids: Iterable[int]) -> dict[int, CardRow]:
    """Return the learner's cards for these questions, by question id (questions never studied are absent).

    Rows of the columns the queue reads, not mapped objects, and of the FSRS memory only its state, read in
    SQL: a learner's queue spans hundreds of cards.
    """
    question_ids = list(question_ids)
    if not question_ids:
        return {}
    return _card_rows(db.session.execute(_CARD_ROWS, {"learner_id": learner_id, "question_ids": question_ids}))


def live_card_states(learner_id: int, set_ids: Sequence[int]) -> dict[int, CardRow]:
    """Return the learner's cards for the live questions of these sets, by question id, as ``card_states`` does."""
    if not set_ids:
        return {}
    return _card_rows(db.session.execute(_SET_CARD_ROWS, {"learner_id": learner_id, "set_ids": list(set_ids)}))


def build_queue(learner_id: int, question_ids: Sequence[int], now: dt.datetime, *,
                new_cards_per_day: int, zone_name: str | None = None,
                states: dict[int, CardRow] | None = None) -> StudyQueue:
    """Return the learner's queue over ``question_ids`` (the live questions of their sets, in set order).

    Cards due now come first, soonest first; then new cards in the given order, up to the day's limit
    less the cards already met today. When that leaves nothing, learning cards due within
    ``LEARN_AHEAD`` are shown early. ``states``: the cards of ``card_states`` for these questions, when the
    caller has read them already.
    """
    if states is None:
        states = card_states(learner_id, question_ids)
    due = sorted((state for state in states.values() if state.due <= now), key=lambda state: (state.due, state.id))
    new_left = max(0, new_cards_per_day - new_cards_introduced_since(learner_id, start_of_day(now, zone_name)))
    unseen = [question_id for question_id in question_ids if question_id not in states]
    new = unseen[:new_left]
    if not due and not new:
        due = sorted((state for state in states.values()
                      if state.due <= now + LEARN_AHEAD
                      and state.state in (State.Learning, State.Relearning)),
                     key=lambda state: (state.due, state.id))
    shown = {state.id for state in due}
    later = [state.due for state in states.values() if state.due > now and state.id not in shown]
    return StudyQueue(due=tuple(state.question_id for state in due), new=tuple(new),
                      new_waiting=len(unseen) - len(new), new_left_today=new_left,
                      next_due_at=min(later, default=None))
