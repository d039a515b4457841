"""quiz.answer asked for JSON, as the quiz page's script asks: the feedback, each answer stored once, clear refusals.

The answer is read before the write lock is taken; the tests at the end let another request write in between
(a second tab, a flashcard graded meanwhile) and check that the answer, the score and the card still come out
as if the two had queued.
"""
from __future__ import annotations

import datetime as dt
import secrets
import threading

import pytest
from fsrs import Rating

from app.extensions import db
from app.models import Answer, Attempt, CardState, Question, Review, ReviewSource, Role, utcnow
from app import reviewing
from app.reviewing import record_review
from app.scheduling import reviewed_card
from tests.web.conftest import csrf_token, log_in, make_user, statements_of
from tests.web.learner_setup import QUESTIONS, form_fields, make_assigned_set

JSON = {"Accept": "application/json"}
LEARNER_EMAIL = "learner@example.org"  # the conftest's learner


@pytest.fixture()
def assigned(app, learner):
    return make_assigned_set(app, learner)


@pytest.fixture()
def attempt(client, assigned) -> int:
    reply = client.post(f"/quiz/sets/{assigned.set_id}/start", data={"csrf_token": csrf_token(client, "/")})
    return int(reply.headers["Location"].rsplit("/", 1)[1])


def answer_form(client, attempt_id: int, response: str, *, question_id: int | None = None) -> dict[str, str]:
    """The answer form of the question page, filled in; another question's id makes it that question's form."""
    fields = {**form_fields(client.get(f"/quiz/{attempt_id}").get_data(as_text=True)), "response": response,
              "duration_ms": "2400"}
    if question_id is not None:
        fields |= {"question_id": str(question_id), "submission_id": secrets.token_urlsafe(18)}
    return fields


def post_json(client, attempt_id: int, form: dict[str, str]):
    return client.post(f"/quiz/{attempt_id}/answer", data=form, headers=JSON)


def rows(app, model) -> list:
    with app.app_context():
        return list(db.session.execute(db.select(model).order_by(model.id)).scalars())


def test_an_answer_gets_its_feedback_as_json(app, client, assigned, attempt):
    reply = post_json(client, attempt, answer_form(client, attempt, "Lakeport"))
    assert reply.status_code == 200 and reply.mimetype == "application/json"
    assert "Accept" in reply.headers["Vary"]
    assert reply.get_json() == {
        "status": "answered", "heading": "Right!", "message": "Right!", "prompt": QUESTIONS[0]["prompt"],
        "response": "Lakeport", "correct": True, "right_answer": "Lakeport",
        "source_html": 'The rowing final was held in <mark class="answer">Lakeport</mark> on a windy afternoon.',
        "finished": False, "next_url": f"/quiz/{attempt}", "next_label": "Next question"}
    [stored] = rows(app, Answer)
    assert (stored.question_id, stored.response, stored.correct, stored.duration_ms) == (
        assigned.question_ids[0], "Lakeport", True, 2400)
    [review] = rows(app, Review)
    assert (review.rating, review.source, review.duration_ms) == (int(Rating.Good), ReviewSource.QUIZ, 2400)
    [card] = rows(app, CardState)
    assert card.last_review_at == stored.answered_at == review.reviewed_at


@pytest.mark.parametrize("accept, json_reply", [
    ("application/json", True),
    ("application/json, text/plain, */*", True),
    ("*/*", False),  # fetch's default: the page, as a form post gets
    ("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", False),
])
def test_only_a_request_asking_for_json_gets_it(client, attempt, accept, json_reply):
    reply = client.post(f"/quiz/{attempt}/answer", data=answer_form(client, attempt, "Lakeport"),
                        headers={"Accept": accept})
    assert reply.status_code == 200
    assert (reply.mimetype == "application/json") is json_reply
    assert ("<h1 class=\"h2\">Right!</h1>" in reply.get_data(as_text=True)) is not json_reply


def test_the_same_form_posted_twice_is_stored_once_and_answered_with_the_same_feedback(app, client, attempt):
    form = answer_form(client, attempt, "Bayside")
    first = post_json(client, attempt, form).get_json()
    again = post_json(client, attempt, form)
    assert again.status_code == 200
    second = again.get_json()
    assert (first["status"], second["status"]) == ("answered", "already answered")
    assert second["heading"] == "Already answered"
    assert second["message"] == "You already answered this question; your first answer counts, once."
    same = ("prompt", "response", "correct", "right_answer", "source_html", "finished", "next_url")
    assert {key: second[key] for key in same} == {key: first[key] for key in same}
    assert first["correct"] is False
    assert len(rows(app, Answer)) == 1 and len(rows(app, Review)) == 1
    [attempt_row] = rows(app, Attempt)
    assert (attempt_row.correct, attempt_row.total) == (0, 1)


def test_a_retired_question_gets_410_and_a_clear_message(app, client, assigned, attempt):
    form = answer_form(client, attempt, "Lakeport")
    with app.app_context():
        db.session.get(Question, assigned.question_ids[0]).retired_at = utcnow()
        db.session.commit()
    reply = post_json(client, attempt, form)
    assert reply.status_code == 410
    body = reply.get_json()
    assert body["status"] == "withdrawn" and body["heading"] == "Question withdrawn"
    assert body["message"] == ("This question was withdrawn by your teacher, so it does not count. "
                               "Go on to the next one.")
    assert body["next_url"] == f"/quiz/{attempt}" and body["right_answer"] == ""
    assert rows(app, Answer) == [] and rows(app, Review) == [] and rows(app, CardState) == []


def test_another_learners_attempt_gets_404(app, client, attempt):
    form = answer_form(client, attempt, "Lakeport")
    make_user(app, role=Role.LEARNER, email="intruder@example.org")
    client.post("/auth/logout", data={"csrf_token": csrf_token(client, "/")})
    log_in(client, "intruder@example.org")
    reply = post_json(client, attempt, {**form, "csrf_token": csrf_token(client, "/")})
    assert reply.status_code == 404
    assert reply.get_json() == {"error": "There is no such question in your quiz."}
    assert rows(app, Answer) == [] and rows(app, Review) == []


@pytest.mark.parametrize("question_id", ["999", "not a number"])
def test_a_question_not_in_the_attempt_gets_404_or_400(app, client, attempt, question_id):
    form = {**answer_form(client, attempt, "Lakeport"), "question_id": question_id}
    reply = post_json(client, attempt, form)
    assert reply.status_code == (404 if question_id.isdigit() else 400)
    assert "error" in reply.get_json()
    assert rows(app, Answer) == []


def test_a_question_of_another_set_gets_404(app, client, learner, attempt):
    other = make_assigned_set(app, learner, title="Another set", teacher_email="other@example.org")
    form = {**answer_form(client, attempt, "Lakeport"), "question_id": str(other.question_ids[0])}
    assert post_json(client, attempt, form).status_code == 404
    assert rows(app, Answer) == []


def test_a_reused_submission_id_gets_400(app, client, assigned, attempt):
    form = answer_form(client, attempt, "Lakeport")
    post_json(client, attempt, form)
    replay = post_json(client, attempt, {**form, "question_id": str(assigned.question_ids[1]), "response": "True"})
    assert replay.status_code == 400 and "error" in replay.get_json()
    assert len(rows(app, Answer)) == 1


def test_the_last_answer_finishes_the_attempt_and_points_to_the_score(app, client, attempt):
    for response in ("Lakeport", "False", "1960", "Nikiforov"):
        assert post_json(client, attempt, answer_form(client, attempt, response)).get_json()["finished"] is False
    last = post_json(client, attempt, answer_form(client, attempt, "15 May 2024")).get_json()
    assert (last["finished"], last["next_url"], last["next_label"]) == (True, f"/quiz/{attempt}/result",
                                                                         "See your score")
    [attempt_row] = rows(app, Attempt)
    assert (attempt_row.correct, attempt_row.total) == (4, 5) and attempt_row.finished_at is not None


# --- Another request writing between this answer's read and its write ----------------------------------

def write_between_read_and_write(monkeypatch, meanwhile) -> None:
    """Run ``meanwhile`` in another thread (another request) right after the next answer is read."""
    original = reviewing._read_answer_context
    pending = [meanwhile]

    def read_then_let_another_write(connection, attempt_id, question_id, login_token):
        context = original(connection, attempt_id, question_id, login_token)
        if pending:
            thread = threading.Thread(target=pending.pop())
            thread.start()
            thread.join()
        return context

    monkeypatch.setattr(reviewing, "_read_answer_context", read_then_let_another_write)


def test_a_second_tab_answering_the_other_last_question_meanwhile_still_finishes_the_attempt(
        app, client, assigned, attempt, monkeypatch):
    for response in ("Lakeport", "True", "1960"):
        post_json(client, attempt, answer_form(client, attempt, response))
    second_tab = app.test_client()
    log_in(second_tab, LEARNER_EMAIL)
    last_question = assigned.question_ids[4]
    other_tab_form = answer_form(second_tab, attempt, "15 May 2024", question_id=last_question)
    other_tab_replies = []
    write_between_read_and_write(
        monkeypatch, lambda: other_tab_replies.append(post_json(second_tab, attempt, other_tab_form).get_json()))

    reply = post_json(client, attempt, answer_form(client, attempt, "Nikiforov")).get_json()
    # Each tab read the other's question as open; the later writer sees the count moved and looks again.
    assert [other["finished"] for other in other_tab_replies] == [False]
    assert (reply["status"], reply["finished"], reply["next_label"]) == ("answered", True, "See your score")
    [attempt_row] = rows(app, Attempt)
    assert (attempt_row.correct, attempt_row.total) == (5, 5) and attempt_row.finished_at is not None


def replayed_card(reviews: list[Review]) -> dict:
    """The FSRS card after these reviews, in order, from a new card."""
    card = None
    for review in reviews:
        card = reviewed_card(card.fsrs_card if card else None, Rating(review.rating), review.reviewed_at,
                             question_id=review.question_id)
    return card.fsrs_card


@pytest.mark.parametrize("card_before_the_quiz", [True, False])
def test_a_flashcard_graded_meanwhile_is_not_overwritten(app, client, learner, assigned, attempt, monkeypatch,
                                                         card_before_the_quiz):
    question_id = assigned.question_ids[0]
    now = utcnow()

    def grade_flashcard(rating: Rating, at: dt.datetime, name: str) -> None:
        with app.app_context():
            record_review(learner_id=learner, question_id=question_id, rating=rating, now=at,
                          source=ReviewSource.FLASHCARD, submission_id=f"flashcard-{name}-0000000000",
                          duration_ms=900)
            db.session.commit()

    if card_before_the_quiz:
        grade_flashcard(Rating.Good, now - dt.timedelta(days=2), "before")
    write_between_read_and_write(monkeypatch, lambda: grade_flashcard(Rating.Again, now - dt.timedelta(hours=1),
                                                                       "meanwhile"))
    assert post_json(client, attempt, answer_form(client, attempt, "Lakeport")).get_json()["status"] == "answered"

    reviews = sorted(rows(app, Review), key=lambda review: review.reviewed_at)
    assert [(review.source, review.rating) for review in reviews] == [
        *([(ReviewSource.FLASHCARD, int(Rating.Good))] if card_before_the_quiz else []),
        (ReviewSource.FLASHCARD, int(Rating.Again)), (ReviewSource.QUIZ, int(Rating.Good))]
    [card] = rows(app, CardState)
    assert card.last_review_at == reviews[-1].reviewed_at
    assert card.fsrs_card == replayed_card(reviews)  # the quiz's Good counted on top of the flashcard's Again


# --- Finishing, and the learner known from the session --------------------------------------------------

def test_a_question_retired_mid_quiz_does_not_hold_the_attempt_open(app, client, assigned, attempt):
    with app.app_context():
        db.session.get(Question, assigned.question_ids[4]).retired_at = utcnow()
        db.session.commit()
    replies = [post_json(client, attempt, answer_form(client, attempt, response)).get_json()
               for response in ("Lakeport", "True", "1960", "Nikiforov")]
    assert [reply["finished"] for reply in replies] == [False, False, False, True]
    [attempt_row] = rows(app, Attempt)
    assert (attempt_row.correct, attempt_row.total) == (4, 4) and attempt_row.finished_at is not None


def loads_the_account(statements: list[str]) -> bool:
    return any("password_hash" in statement for statement in statements)


def test_answering_does_not_load_the_account(app, client, assigned, attempt):
    """The learner comes from the signed session; the answer's own query checks the attempt is theirs."""
    form = answer_form(client, attempt, "Lakeport")
    reply, statements = statements_of(app, lambda: post_json(client, attempt, form))
    assert reply.get_json()["status"] == "answered"
    assert statements and not loads_the_account(statements)
    # The login is checked by the answer's own read of the attempt, not by a read of its own.
    [login_check] = [statement for statement in statements if "login_session" in statement]
    assert "FROM attempt" in login_check


def test_a_session_that_is_not_permanent_is_checked_by_flask_login(app, client, assigned, attempt):
    """A session restored from the remember-me cookie is not permanent: the full log-in check decides."""
    form = answer_form(client, attempt, "Lakeport")
    with client.session_transaction() as session:
        session.permanent = False
    reply, statements = statements_of(app, lambda: post_json(client, attempt, form))
    assert reply.get_json()["status"] == "answered" and loads_the_account(statements)
    next_form = answer_form(client, attempt, "True")
    with client.session_transaction() as session:
        del session["_user_id"]
    reply = post_json(client, attempt, next_form)
    # Logged out: the answer is kept and the script is sent to log in (app/kept_answer.py).
    assert reply.status_code == 401 and reply.get_json()["login_url"] == f"/auth/login?next=/quiz/{attempt}"
    assert len(rows(app, Answer)) == 1


def test_a_teacher_posting_an_answer_is_refused_with_403(app, client, assigned, attempt):
    form = answer_form(client, attempt, "Lakeport")
    client.post("/auth/logout", data={"csrf_token": csrf_token(client, "/")})
    make_user(app, role=Role.TEACHER, email="curious-teacher@example.org")
    log_in(client, "curious-teacher@example.org")
    reply = post_json(client, attempt, {**form, "csrf_token": csrf_token(client, "/")})
    assert reply.status_code == 403
    assert rows(app, Answer) == []
