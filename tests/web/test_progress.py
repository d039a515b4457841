"""The learner's progress: streaks, activity per day, the week ahead, mastery and scores, and the page's charts."""
from __future__ import annotations

import datetime as dt
import re

import pytest
from fsrs import Rating

from app.extensions import db
from app.models import Review, ReviewSource, Role, User
from app.progress.services import daily_activity, learner_progress, study_streak, upcoming_reviews
from app.reviewing import record_review
from tests.web.conftest import csrf_token, make_user
from tests.web.learner_setup import form_fields, make_assigned_set

NOW = dt.datetime(2024, 5, 15, 18, 0)
TODAY = NOW.date()


def days_ago(*offsets: int) -> set[dt.date]:
    return {TODAY - dt.timedelta(days=offset) for offset in offsets}


@pytest.mark.parametrize("review_days, streak", [
    (set(), 0),
    (days_ago(0), 1),
    (days_ago(0, 1, 2), 3),
    (days_ago(1, 2), 2),  # not yet studied today: the streak still stands until midnight
    (days_ago(0, 2, 3), 1),
    (days_ago(2, 3), 0),
    (days_ago(0, 1, 2, 3, 4, 5, 6, 9), 7),
])
def test_the_streak_counts_consecutive_days_up_to_today(review_days, streak):
    assert study_streak(review_days, TODAY) == streak


@pytest.fixture()
def studied(app):
    """A learner who reviewed cards on three days: Good and Again two days ago, Easy and Hard today."""
    learner_id = make_user(app, role=Role.LEARNER, email="progress@example.org")
    assigned = make_assigned_set(app, learner_id)
    ids = assigned.question_ids
    plan = [(ids[0], Rating.Good, NOW - dt.timedelta(days=2)), (ids[1], Rating.Again, NOW - dt.timedelta(days=2)),
            (ids[2], Rating.Easy, NOW - dt.timedelta(hours=2)), (ids[3], Rating.Hard, NOW - dt.timedelta(hours=1))]
    with app.app_context():
        for index, (question_id, rating, moment) in enumerate(plan):
            record_review(learner_id=learner_id, question_id=question_id, rating=rating, now=moment,
                          source=ReviewSource.FLASHCARD, submission_id=f"progress-token-{index:06d}", duration_ms=900)
        db.session.commit()
    return learner_id, assigned


def test_activity_per_day_counts_reviews_and_recalls(app, studied):
    learner_id, _ = studied
    with app.app_context():
        days = daily_activity(learner_id, NOW, days=3)
    assert [(day.day, day.reviews, day.recalled, day.accuracy) for day in days] == [
        (TODAY - dt.timedelta(days=2), 2, 1, 0.5), (TODAY - dt.timedelta(days=1), 0, 0, None), (TODAY, 2, 2, 1.0)]


def test_the_week_ahead_counts_cards_due_each_day_with_overdue_ones_today(app, studied):
    learner_id, assigned = studied
    with app.app_context():
        upcoming = upcoming_reviews(learner_id, assigned.question_ids, NOW)
    # Two days ago: Good (due 10 min later) and Again (1 min later), both overdue now; today: Hard on a new
    # card (due in 5.5 min, so still today) and Easy (8 days, beyond the week).
    assert [day.due for day in upcoming] == [3, 0, 0, 0, 0, 0, 0]
    assert [day.day for day in upcoming] == [TODAY + dt.timedelta(days=offset) for offset in range(7)]


def test_mastery_counts_only_cards_past_learning_and_not_due_today(app, studied):
    learner_id, assigned = studied
    with app.app_context():
        learner = db.session.get(User, learner_id)
        [row] = learner_progress(learner, NOW).sets
    assert (row.card_count, row.studied) == (5, 4)
    # Good, Again and Hard on new cards leave them in their learning steps; only Easy (due in 8 days) graduates.
    assert (row.mastered, row.mastery) == (1, 0.2)


def test_the_kept_review_history_follows_every_review_added_or_deleted(app, studied):
    """The page's history is kept between views, under the version of the learner's reviews: never stale."""
    learner_id, assigned = studied

    def history() -> tuple:
        with app.app_context():
            progress = learner_progress(db.session.get(User, learner_id), NOW)
            return progress.total_reviews, progress.days[-1].reviews, progress.streak

    assert history() == (4, 2, 1)
    assert history() == (4, 2, 1)  # kept
    with app.app_context():
        record_review(learner_id=learner_id, question_id=assigned.question_ids[4], rating=Rating.Good,
                      now=NOW - dt.timedelta(days=1), source=ReviewSource.FLASHCARD,
                      submission_id="progress-token-yesterday", duration_ms=900)
        db.session.commit()
    assert history() == (5, 2, 3)  # yesterday joins the two days ago and today
    with app.app_context():
        db.session.execute(db.delete(Review).where(Review.submission_id == "progress-token-yesterday"))
        db.session.commit()
    assert history() == (4, 2, 1)


def test_the_progress_page_shows_sets_scores_streak_and_charts_without_scripts(app, client, learner):
    assigned = make_assigned_set(app, learner)
    client.post(f"/quiz/sets/{assigned.set_id}/start", data={"csrf_token": csrf_token(client, "/")})
    for response in ("Lakeport", "False", "1960", "Nikiforov", "2024-05-15"):
        page = client.get("/quiz/1").get_data(as_text=True)
        client.post("/quiz/1/answer", data={**form_fields(page), "response": response})
    page = client.get("/progress/").get_data(as_text=True)
    row = page[page.index('<th scope="row"><a href="/study/?set_id=1">The regatta</a></th>'):]
    row = row[:row.index("</tr>")]
    assert re.search(r'<span class="mastery-value">\d+%</span>', row)
    assert "5 of 5" in row and row.count("<td>80%</td>") == 2  # best and last score
    assert '<p class="fs-3 fw-bold mb-0" id="streak">1 day</p>' in page
    svgs = re.findall(r"<svg .*?</svg>", page, re.DOTALL)
    assert len(svgs) == 3
    for svg in svgs:
        assert 'aria-hidden="true"' in svg[:200]
        assert "<script" not in svg and "http://" not in svg.replace('xmlns="http://www.w3.org/2000/svg"', "")
        assert "xlink:href" not in svg
    assert "<caption>Reviews and accuracy per day, last 30 days</caption>" in page
    today = f"{dt.date.today().day} {dt.date.today():%B %Y}"
    assert f'<tr><th scope="row">{today}</th><td>5</td><td>4</td><td>80%</td></tr>' in page
    assert '<table class="table table-sm" id="upcoming">' in page


def test_a_learner_sees_only_their_own_progress(app, client, learner):
    make_assigned_set(app, learner, title="Mine")
    other = make_user(app, role=Role.LEARNER, email="other-learner@example.org")
    make_assigned_set(app, other, title="Not mine", teacher_email="other-teacher@example.org")
    page = client.get("/progress/").get_data(as_text=True)
    assert "Mine" in page and "Not mine" not in page


def test_a_chart_is_built_once_for_the_same_figures_and_again_when_they_change():
    from app.progress import charts
    labels = [f"{day} Dec" for day in range(1, 8)]
    first = charts.upcoming_chart(labels, [1, 0, 2, 0, 0, 3, 1])
    assert charts.upcoming_chart(list(labels), [1, 0, 2, 0, 0, 3, 1]) is first
    changed = charts.upcoming_chart(labels, [2, 0, 2, 0, 0, 3, 1])
    assert changed is not first and changed != first and "<svg" in changed
