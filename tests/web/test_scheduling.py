"""FSRS scheduling: exact due dates after a run of ratings, the grade buttons' intervals, and the study queue."""
from __future__ import annotations

import datetime as dt

import pytest
from fsrs import Rating, State

from app.extensions import db
from app.models import CardState, Review, ReviewSource, Role
from app.reviewing import StoredCard, record_review
from app.scheduling import build_queue, format_interval, next_due_times, retrievability, reviewed_card
from tests.web.conftest import make_user
from tests.web.learner_setup import make_assigned_set

NOW = dt.datetime(2024, 5, 15, 9, 0)


def test_a_card_rated_again_good_good_easy_is_due_on_exact_dates():
    card = None
    timeline = []
    moment = NOW
    for rating in (Rating.Again, Rating.Good, Rating.Good, Rating.Easy):
        reviewed = reviewed_card(card, rating, moment, question_id=7)
        timeline.append((reviewed.due, State(reviewed.fsrs_card["state"])))
        card, moment = reviewed.fsrs_card, reviewed.due  # the learner comes back exactly when the card is due
    assert timeline == [
        (dt.datetime(2024, 5, 15, 9, 1), State.Learning),  # Again: the first learning step, 1 minute
        (dt.datetime(2024, 5, 15, 9, 11), State.Learning),  # Good: the second step, 10 minutes
        (dt.datetime(2024, 5, 16, 9, 11), State.Review),  # Good again: graduates to a 1-day interval
        (dt.datetime(2024, 5, 20, 9, 11), State.Review),  # Easy a day later: 4 days
    ]


def test_the_due_column_and_the_fsrs_json_agree_and_stay_naive_utc():
    state = reviewed_card(None, Rating.Good, NOW, question_id=7)
    assert state.due.tzinfo is None and state.due == NOW + dt.timedelta(minutes=10)
    assert state.fsrs_card["due"] == "2024-05-15T09:10:00+00:00"
    assert state.fsrs_card["last_review"] == "2024-05-15T09:00:00+00:00"


def test_a_timezone_aware_now_is_converted_at_the_boundary():
    aware = NOW.replace(tzinfo=dt.timezone(dt.timedelta(hours=2)))  # 09:00 at UTC+2 is 07:00 UTC
    state = reviewed_card(None, Rating.Again, aware, question_id=7)
    assert state.due == dt.datetime(2024, 5, 15, 7, 1)


def test_the_grade_buttons_of_a_new_card_show_anki_like_intervals():
    intervals = {rating: format_interval(due - NOW) for rating, due in next_due_times(None, NOW).items()}
    assert intervals == {Rating.Again: "1 min", Rating.Hard: "6 min", Rating.Good: "10 min", Rating.Easy: "8 days"}


@pytest.mark.parametrize("interval, shown", [
    (dt.timedelta(seconds=20), "under a minute"),
    (dt.timedelta(minutes=10), "10 min"),
    (dt.timedelta(hours=5), "5 h"),
    (dt.timedelta(days=1), "1 day"),
    (dt.timedelta(days=12), "12 days"),
    (dt.timedelta(days=76), "2.5 months"),
    (dt.timedelta(days=365 * 2), "2 years"),
])
def test_intervals_read_like_a_flashcard_app(interval, shown):
    assert format_interval(interval) == shown


def test_retrievability_is_zero_for_a_card_never_studied_and_falls_with_time():
    state = StoredCard(1, reviewed_card(None, Rating.Easy, NOW, question_id=7).fsrs_card, NOW)
    assert retrievability(None, NOW) == 0.0
    soon, later = retrievability(state, NOW + dt.timedelta(days=1)), retrievability(state, NOW + dt.timedelta(days=60))
    assert 1.0 > soon > later > 0.0


# --- The queue, against the database ---------------------------------------------------------------------

@pytest.fixture()
def learner_id(app):
    return make_user(app, role=Role.LEARNER, email="queue@example.org")


def _review(learner_id: int, question_id: int, rating: Rating, at: dt.datetime, token: str) -> None:
    record_review(learner_id=learner_id, question_id=question_id, rating=rating, now=at, source=ReviewSource.FLASHCARD,
                  submission_id=token, duration_ms=1000)
    db.session.commit()


def test_the_queue_puts_due_cards_first_by_due_time_then_new_cards_in_set_order(app, learner_id):
    first = make_assigned_set(app, learner_id, title="First set")
    second = make_assigned_set(app, learner_id, title="Second set", teacher_id=first.teacher_id)
    order = list(first.question_ids + second.question_ids)
    with app.app_context():
        _review(learner_id, order[3], Rating.Again, NOW - dt.timedelta(hours=2), "token-a-000000000001")  # due 1h58 ago
        _review(learner_id, order[6], Rating.Again, NOW - dt.timedelta(hours=3), "token-a-000000000002")  # due 2h59 ago
        _review(learner_id, order[0], Rating.Easy, NOW - dt.timedelta(hours=1), "token-a-000000000003")  # due in 8 days
        queue = build_queue(learner_id, order, NOW, new_cards_per_day=20)
    assert queue.due == (order[6], order[3])
    assert queue.new == tuple(question_id for question_id in order if question_id not in (order[0], order[3], order[6]))
    assert queue.next_question_id == order[6]


def test_new_cards_stop_at_the_daily_limit_counting_cards_met_today(app, learner_id):
    assigned = make_assigned_set(app, learner_id)
    ids = assigned.question_ids
    with app.app_context():
        _review(learner_id, ids[0], Rating.Easy, NOW - dt.timedelta(hours=1), "token-b-000000000001")
        _review(learner_id, ids[1], Rating.Easy, NOW - dt.timedelta(days=1), "token-b-000000000002")  # yesterday's
        queue = build_queue(learner_id, ids, NOW, new_cards_per_day=2)
    assert queue.new == (ids[2],)  # one of today's two new cards is already used
    assert queue.new_waiting == 2 and queue.new_left_today == 1


def test_with_nothing_due_the_queue_says_when_the_next_card_is_due(app, learner_id):
    assigned = make_assigned_set(app, learner_id)
    with app.app_context():
        for index, question_id in enumerate(assigned.question_ids):
            _review(learner_id, question_id, Rating.Easy, NOW, f"token-c-00000000000{index}")
        queue = build_queue(learner_id, assigned.question_ids, NOW + dt.timedelta(hours=1), new_cards_per_day=20)
    assert queue.is_empty and queue.next_question_id is None
    assert queue.next_due_at == dt.datetime(2024, 5, 23, 9, 0)  # Easy on a new card: 8 days


def test_a_learning_card_is_shown_early_when_nothing_else_is_left(app, learner_id):
    assigned = make_assigned_set(app, learner_id)
    first, *others = assigned.question_ids
    with app.app_context():
        for index, question_id in enumerate(others):
            _review(learner_id, question_id, Rating.Easy, NOW, f"token-d-00000000000{index}")
        _review(learner_id, first, Rating.Good, NOW, "token-d-000000000009")  # learning step: due in 10 minutes
        queue = build_queue(learner_id, assigned.question_ids, NOW + dt.timedelta(minutes=1), new_cards_per_day=20)
        assert queue.due == (first,)
        not_yet = build_queue(learner_id, assigned.question_ids, NOW - dt.timedelta(minutes=30), new_cards_per_day=20)
    assert not_yet.due == () and not_yet.new == ()


def test_record_review_logs_the_rating_duration_and_source_and_creates_the_card(app, learner_id):
    assigned = make_assigned_set(app, learner_id)
    with app.app_context():
        _review(learner_id, assigned.question_ids[0], Rating.Hard, NOW, "token-e-000000000001")
        review = db.session.execute(db.select(Review)).scalar_one()
        state = db.session.execute(db.select(CardState)).scalar_one()
        assert (review.rating, review.duration_ms, review.source, review.reviewed_at) == (
            2, 1000, ReviewSource.FLASHCARD, NOW)
        # Hard on a new card waits halfway between the two learning steps: 5.5 minutes.
        assert (state.introduced_at, state.last_review_at) == (NOW, NOW)
        assert state.due == NOW + dt.timedelta(minutes=5, seconds=30)
