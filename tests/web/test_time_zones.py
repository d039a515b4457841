"""Each person's time zone: days, streaks, the new-card limit and due dates around midnight; taken from the browser."""
from __future__ import annotations

import datetime as dt

import pytest
from fsrs import Rating

from app.extensions import db
from app.models import Assignment, CardState, ReviewSource, Role, User
from app.progress.services import daily_activity, review_days, study_streak, upcoming_reviews
from app.reviewing import record_review
from app.scheduling import build_queue
from tests.web.conftest import csrf_token, log_in, make_user, post_form
from tests.web.learner_setup import make_assigned_set

AUCKLAND = "Pacific/Auckland"  # UTC+13 in December: its midnight is 11:00 UTC
# 23:30 on 6 December in Auckland, then 00:30 on the 7th; both on 6 December in UTC.
BEFORE_MIDNIGHT = dt.datetime(2026, 12, 6, 10, 30)
AFTER_MIDNIGHT = dt.datetime(2026, 12, 6, 11, 30)


@pytest.fixture()
def reviewed_around_midnight(app):
    """A learner who met two new cards just before Auckland's midnight and reviewed one more just after."""
    learner_id = make_user(app, role=Role.LEARNER, email="kiwi@example.org")
    assigned = make_assigned_set(app, learner_id)
    ids = assigned.question_ids
    with app.app_context():
        for index, (question_id, moment) in enumerate([(ids[0], BEFORE_MIDNIGHT), (ids[1], BEFORE_MIDNIGHT),
                                                       (ids[0], AFTER_MIDNIGHT)]):
            record_review(learner_id=learner_id, question_id=question_id, rating=Rating.Good, now=moment,
                          source=ReviewSource.FLASHCARD, submission_id=f"midnight-review-{index:04d}", duration_ms=1)
        db.session.commit()
    return learner_id, ids


@pytest.mark.parametrize("zone, days, streak", [
    (AUCKLAND, [(dt.date(2026, 12, 6), 2), (dt.date(2026, 12, 7), 1)], 2),
    ("UTC", [(dt.date(2026, 12, 5), 0), (dt.date(2026, 12, 6), 3)], 1),
])
def test_days_and_the_streak_turn_at_the_learners_midnight(app, reviewed_around_midnight, zone, days, streak):
    learner_id, _ = reviewed_around_midnight
    with app.app_context():
        activity = daily_activity(learner_id, AFTER_MIDNIGHT, days=2, zone_name=zone)
        today = activity[-1].day
        assert [(day.day, day.reviews) for day in activity] == days
        assert study_streak(review_days(learner_id, zone), today) == streak


@pytest.mark.parametrize("zone, new_left", [(AUCKLAND, 2), ("UTC", 0)])
def test_the_daily_new_card_limit_starts_again_at_the_learners_midnight(app, reviewed_around_midnight, zone,
                                                                        new_left):
    learner_id, ids = reviewed_around_midnight
    with app.app_context():
        queue = build_queue(learner_id, ids, AFTER_MIDNIGHT, new_cards_per_day=2, zone_name=zone)
    assert queue.new_left_today == new_left and len(queue.new) == new_left


@pytest.mark.parametrize("zone, due_today", [(AUCKLAND, 0), ("UTC", 1)])
def test_due_today_ends_at_the_learners_midnight(app, zone, due_today):
    learner_id = make_user(app, role=Role.LEARNER, email="due@example.org")
    assigned = make_assigned_set(app, learner_id)
    with app.app_context():
        # Due at 11:30 UTC: tomorrow already in Auckland (00:30), still today in UTC.
        db.session.add(CardState(learner_id=learner_id, question_id=assigned.question_ids[0], due=AFTER_MIDNIGHT,
                                 fsrs_card={"state": 2}, introduced_at=BEFORE_MIDNIGHT))
        db.session.commit()
        upcoming = upcoming_reviews(learner_id, assigned.question_ids, BEFORE_MIDNIGHT, zone_name=zone)
    assert upcoming[0].due == due_today and sum(day.due for day in upcoming) == 1


def zone_of(app, email: str) -> str:
    with app.app_context():
        return db.session.execute(db.select(User.time_zone).filter_by(email=email)).scalar_one()


def test_sign_up_takes_the_browsers_zone_and_an_unknown_one_counts_as_utc(app, client):
    fields = {"name": "Kim", "password": "quiet harbour lantern reeds", "confirm": "quiet harbour lantern reeds",
              "role": "learner"}
    post_form(client, "/auth/signup", {**fields, "email": "kim@example.org", "time_zone": AUCKLAND})
    assert zone_of(app, "kim@example.org") == AUCKLAND  # signing up logs no one in: the next sign-up follows
    post_form(client, "/auth/signup", {**fields, "email": "lee@example.org", "time_zone": "Mars/Olympus_Mons"})
    assert zone_of(app, "lee@example.org") == "UTC"


def test_log_in_takes_the_browsers_zone_only_while_none_was_chosen(app, client):
    make_user(app, role=Role.LEARNER, email="ana@example.org")
    post_form(client, "/auth/login", {"email": "ana@example.org", "password": "correct horse battery",
                                      "time_zone": "Europe/Paris"})
    assert zone_of(app, "ana@example.org") == "Europe/Paris"
    client.post("/auth/logout", data={"csrf_token": csrf_token(client, "/")})
    post_form(client, "/auth/login", {"email": "ana@example.org", "password": "correct horse battery",
                                      "time_zone": "America/New_York"})  # travelling: the chosen zone stays
    assert zone_of(app, "ana@example.org") == "Europe/Paris"


def test_the_settings_page_changes_the_zone_and_refuses_an_unknown_one(app, client, learner):
    page = client.get("/auth/time-zone").get_data(as_text=True)
    assert "Now: <strong>UTC</strong>" in page and '<option value="Pacific/Auckland">' in page
    refused = post_form(client, "/auth/time-zone", {"time_zone": "Atlantis/Capital"})
    assert refused.status_code == 400 and "Not a valid choice" in refused.get_data(as_text=True)
    assert zone_of(app, "learner@example.org") == "UTC"
    changed = post_form(client, "/auth/time-zone", {"time_zone": AUCKLAND})
    assert changed.status_code == 302
    assert "Your time zone is now Pacific/Auckland." in client.get("/auth/time-zone").get_data(as_text=True)
    assert zone_of(app, "learner@example.org") == AUCKLAND
    assert "Cards to review before your day ends (Pacific/Auckland)" in client.get("/progress/").get_data(as_text=True)


def test_a_teacher_types_the_due_date_in_their_zone_and_each_person_sees_it_in_theirs(app, client, teacher):
    with app.app_context():
        db.session.get(User, teacher).time_zone = "Europe/Paris"
        db.session.commit()
    learner_id = make_user(app, role=Role.LEARNER, email="nz@example.org")
    assigned = make_assigned_set(app, learner_id, teacher_id=teacher)
    with app.app_context():
        db.session.get(User, learner_id).time_zone = AUCKLAND
        db.session.commit()
    page = client.get(f"/sets/{assigned.set_id}/assign").get_data(as_text=True)
    assert "Due time (optional, Europe/Paris)" in page
    post_form(client, f"/sets/{assigned.set_id}/assign", {"classrooms": str(assigned.classroom_id),
                                                          "due_date": "2026-12-20", "due_time": "18:00"})
    with app.app_context():
        assert db.session.execute(db.select(Assignment.due_at)).scalar_one() == dt.datetime(2026, 12, 20, 17, 0)
    assert "20 December 2026, 18:00 CET" in client.get(f"/sets/{assigned.set_id}/assign").get_data(as_text=True)
    client.post("/auth/logout", data={"csrf_token": csrf_token(client, "/")})
    log_in(client, "nz@example.org")
    home = client.get("/").get_data(as_text=True)
    assert "21 December 2026" in home and "20 December 2026" not in home  # 06:00 on the 21st in Auckland
