"""Flashcard study through HTTP: one card at a time, reveal, grade once, and the learner's dashboard."""
from __future__ import annotations

import datetime as dt
import re

import pytest

from app.extensions import db
from app.models import CardState, Question, Review, ReviewSource, Role, utcnow
from tests.web.conftest import csrf_token, log_in, make_user
from tests.web.learner_setup import QUESTIONS, form_fields, make_assigned_set


@pytest.fixture()
def assigned(app, learner):
    return make_assigned_set(app, learner, due_at=utcnow() + dt.timedelta(days=3))


def _grade(client, page: str, rating: int, **overrides):
    return client.post("/study/grade", data={**form_fields(page), "rating": str(rating), "duration_ms": "4200",
                                             **overrides})


def _reviews(app) -> list[Review]:
    with app.app_context():
        return list(db.session.execute(db.select(Review).order_by(Review.id)).scalars())


def test_the_first_card_shows_its_front_and_keeps_the_back_for_the_reveal(client, assigned):
    page = client.get("/study/").get_data(as_text=True)
    first = QUESTIONS[0]
    assert first["prompt"] in page
    assert all(f"<li>{choice}</li>" in page for choice in first["choices"])  # multiple choice: the options listed
    assert 'id="card-back" class="card-back" tabindex="-1" hidden' in page
    assert f'href="/study/?reveal={assigned.question_ids[0]}"' in page  # the reveal without JavaScript
    assert "0 due" in page and "5 new" in page


def test_revealing_without_javascript_shows_the_answer_source_and_grades_with_intervals(client, assigned):
    page = client.get(f"/study/?reveal={assigned.question_ids[0]}").get_data(as_text=True)
    assert 'id="card-back" class="card-back" tabindex="-1">' in page
    assert 'held in <mark class="answer">Lakeport</mark> on a windy afternoon.' in page
    buttons = re.findall(r'<span class="d-block fw-semibold">(\w+)</span>\s*<span class="d-block small">([^<]+)</span>',
                         page)
    assert buttons == [("Again", "1 min"), ("Hard", "6 min"), ("Good", "10 min"), ("Easy", "8 days")]
    assert 'name="submission_id"' in page and 'name="duration_ms"' in page and 'name="csrf_token"' in page


def test_grading_logs_the_review_schedules_the_card_and_shows_the_next_one(app, client, learner, assigned):
    page = client.get("/study/").get_data(as_text=True)
    response = _grade(client, page, 3)
    assert response.status_code == 302 and response.headers["Location"] == "/study/"
    next_page = client.get("/study/").get_data(as_text=True)
    assert "Good: you will see that card again in 10 min." in next_page
    assert QUESTIONS[1]["prompt"] in next_page and "4 new" in next_page
    [review] = _reviews(app)
    assert (review.learner_id, review.question_id, review.rating, review.duration_ms, review.source) == (
        learner, assigned.question_ids[0], 3, 4200, ReviewSource.FLASHCARD)
    with app.app_context():
        state = db.session.execute(db.select(CardState)).scalar_one()
        assert state.due - review.reviewed_at == dt.timedelta(minutes=10)
        assert state.fsrs_card["step"] == 1


def test_the_same_grade_form_sent_twice_is_logged_once(app, client, assigned):
    page = client.get("/study/").get_data(as_text=True)
    assert _grade(client, page, 3).status_code == 302
    assert _grade(client, page, 3).status_code == 302
    assert "already graded" in client.get("/study/").get_data(as_text=True)
    assert len(_reviews(app)) == 1


def test_a_card_graded_in_another_tab_is_not_graded_again(app, client, assigned):
    first_tab = client.get("/study/").get_data(as_text=True)
    second_tab = client.get("/study/").get_data(as_text=True)
    assert form_fields(first_tab)["submission_id"] != form_fields(second_tab)["submission_id"]
    _grade(client, first_tab, 4)
    _grade(client, second_tab, 1)
    assert [review.rating for review in _reviews(app)] == [4]


def test_a_grade_without_a_submission_id_is_refused(app, client, assigned):
    page = client.get("/study/").get_data(as_text=True)
    assert _grade(client, page, 3, submission_id="").status_code == 400
    assert _grade(client, page, 7).status_code == 400
    assert _reviews(app) == []


def test_a_card_withdrawn_while_shown_is_not_graded(app, client, assigned):
    page = client.get("/study/").get_data(as_text=True)
    with app.app_context():
        db.session.get(Question, assigned.question_ids[0]).retired_at = utcnow()
        db.session.commit()
    _grade(client, page, 3)
    assert "This question was withdrawn by your teacher" in client.get("/study/").get_data(as_text=True)
    assert _reviews(app) == []


def test_a_card_of_a_set_not_assigned_to_the_learner_cannot_be_graded(app, client, learner, assigned):
    other = make_assigned_set(app, None, title="Another class's set", teacher_email="other@example.org")
    page = client.get("/study/").get_data(as_text=True)
    response = _grade(client, page, 3, question_id=str(other.question_ids[0]))
    assert response.status_code == 404 and _reviews(app) == []
    assert client.get(f"/study/?set_id={other.set_id}").status_code == 404


def test_the_daily_limit_on_new_cards_ends_the_session_with_the_next_due_time(app, client, assigned):
    app.config["NEW_CARDS_PER_DAY"] = 2
    for _ in range(2):
        _grade(client, client.get("/study/").get_data(as_text=True), 4)  # Easy: due in 8 days
    page = client.get("/study/").get_data(as_text=True)
    assert "Nothing due — next card due at" in page and "That is in 8 days." in page
    assert "3 more wait for tomorrow" in page


def test_a_set_of_the_queue_can_be_studied_alone(app, client, learner, assigned):
    second = make_assigned_set(app, learner, title="Second set", teacher_id=assigned.teacher_id,
                               questions=[dict(QUESTIONS[4], prompt="What day was the second race?")])
    page = client.get(f"/study/?set_id={second.set_id}").get_data(as_text=True)
    assert "What day was the second race?" in page and "1 new" in page
    assert 'name="set_id" value="%d"' % second.set_id in page


@pytest.mark.parametrize("who", ["teacher", "anonymous"])
def test_only_learners_study(app, client, who):
    if who == "teacher":
        make_user(app, role=Role.TEACHER, email="t@example.org")
        log_in(client, "t@example.org")
        assert client.get("/study/").status_code == 403
    else:
        assert client.get("/study/").status_code == 302


# --- The learner's dashboard ------------------------------------------------------------------------------

def test_the_dashboard_without_a_class_asks_to_join_one(client, learner):
    page = client.get("/").get_data(as_text=True)
    assert "Join your class" in page and 'href="/classes/join"' in page


def test_the_dashboard_lists_sets_with_due_dates_cards_and_quiz_buttons(app, client, learner):
    soon = make_assigned_set(app, learner, title="Due soon", due_at=dt.datetime(2099, 5, 15, 12, 0))
    make_assigned_set(app, learner, title="Overdue set", teacher_id=soon.teacher_id,
                      due_at=utcnow() - dt.timedelta(days=2))
    page = client.get("/").get_data(as_text=True)
    assert "10 cards to study: 0 due, 10 new." in page
    assert "15 May 2099" in page
    overdue_row = page[page.index("Overdue set") - 200:page.index("Overdue set")]
    assert 'class="table-warning"' in overdue_row and "Overdue</span>" in page
    assert page.index("Overdue set") < page.index("Due soon")  # soonest due first
    assert f'action="/quiz/sets/{soon.set_id}/start"' in page and "Take the quiz" in page
    assert f'href="/study/?set_id={soon.set_id}"' in page


def test_the_dashboard_shows_the_last_quiz_score(app, client, learner):
    assigned = make_assigned_set(app, learner)
    token = csrf_token(client, "/")
    client.post(f"/quiz/sets/{assigned.set_id}/start", data={"csrf_token": token})
    for _ in QUESTIONS:
        page = client.get("/quiz/1").get_data(as_text=True)
        client.post("/quiz/1/answer", data={**form_fields(page), "response": "no idea"})
    page = client.get("/").get_data(as_text=True)
    assert "<td>0%" in page and "Retake the quiz" in page
