"""Quizzes through HTTP: every question type, feedback, the score, and each answer stored exactly once."""
from __future__ import annotations

import dataclasses
import re
import threading

import pytest

from app.extensions import db
from app.models import Answer, Attempt, CardState, Question, Review, ReviewSource, Role, utcnow
from app import reviewing
from tests.web.conftest import csrf_token, log_in, make_user, statements_of
from tests.web.learner_setup import QUESTIONS, form_fields, make_assigned_set


@pytest.fixture()
def assigned(app, learner):
    return make_assigned_set(app, learner)


def start(client, set_id: int):
    return client.post(f"/quiz/sets/{set_id}/start", data={"csrf_token": csrf_token(client, "/")})


def answer(client, attempt_id: int, response: str, page: str | None = None, **overrides):
    page = page if page is not None else client.get(f"/quiz/{attempt_id}").get_data(as_text=True)
    return client.post(f"/quiz/{attempt_id}/answer", data={**form_fields(page), "response": response,
                                                           "duration_ms": "3100", **overrides})


def rows(app, model) -> list:
    with app.app_context():
        return list(db.session.execute(db.select(model).order_by(model.id)).scalars())


def test_starting_a_quiz_asks_the_live_questions_in_set_order(app, client, learner, assigned):
    response = start(client, assigned.set_id)
    assert response.status_code == 302 and response.headers["Location"] == "/quiz/1"
    [attempt] = rows(app, Attempt)
    assert (attempt.learner_id, attempt.set_id, attempt.question_ids) == (learner, assigned.set_id,
                                                                          list(assigned.question_ids))
    page = client.get("/quiz/1").get_data(as_text=True)
    assert "Quiz started: 5 questions." in page
    assert '<h1 class="h2" data-quiz-heading>The regatta</h1>' in page


@pytest.mark.parametrize("position, markup", [
    (0, ['type="radio" name="response" id="choice-1"\n                   value="Rivertown"',
         'value="Lakeport"', 'value="Hillcrest"', 'value="Bayside"']),
    (1, ['value="True"', 'value="False"', "True or false?"]),
    (2, ["The new library holds ", 'class="form-control d-inline-block cloze-blank mx-1"', " books."]),
    (3, ['<label for="response" class="form-label fs-4">Who coached the winning crew?</label>',
         'type="text" id="response" name="response"']),
    (4, ["When was the regatta held?", "Type what is on the back of the card."]),
])
def test_each_question_type_is_asked_as_it_should_be(client, assigned, position, markup):
    start(client, assigned.set_id)
    for _ in range(position):
        answer(client, 1, "skip")
    page = client.get("/quiz/1").get_data(as_text=True)
    assert f"Question {position + 1} of 5" in page
    for fragment in markup:
        assert fragment in page
    if position == 1:
        assert page.count('type="radio"') == 2
    if position == 2:
        assert "_____" not in page  # the blank became the input


# What a learner types for each question of the set, and whether it is right.
RESPONSES = [("Lakeport", True), ("False", False), ("one thousand nine hundred and sixty", True),
             ("Nikiforov", True), ("May 15, 2024", True)]


def test_a_whole_quiz_gives_feedback_then_the_score_and_the_missed_questions(app, client, assigned):
    start(client, assigned.set_id)
    for (response, right), question in zip(RESPONSES, QUESTIONS):
        reply = answer(client, 1, response)
        page = reply.get_data(as_text=True)
        assert reply.status_code == 200
        assert ("<h1 class=\"h2\">Right!</h1>" if right else "<h1 class=\"h2\">Not quite</h1>") in page
        assert f'<dd class="col-sm-9 fw-semibold" data-feedback="right-answer">{question["answer"]}</dd>' in page
        assert '<mark class="answer">' in page
    assert 'href="/quiz/1/result"' in page and "See your score" in page
    result = client.get("/quiz/1/result").get_data(as_text=True)
    assert "80%" in result and "4 of 5 answered right" in result
    missed = result[result.index("Questions you missed"):]
    assert "The bridge opened in 1960." in missed and QUESTIONS[0]["prompt"] not in missed
    assert 'The bridge opened in <mark class="answer">1960</mark>' in missed
    [attempt] = rows(app, Attempt)
    assert (attempt.correct, attempt.total) == (4, 5) and attempt.finished_at is not None
    assert client.get("/quiz/1").headers["Location"] == "/quiz/1/result"


def test_quiz_answers_feed_the_flashcard_schedule(app, client, learner, assigned):
    start(client, assigned.set_id)
    page = client.get("/quiz/1").get_data(as_text=True)
    submission_id = form_fields(page)["submission_id"]
    answer(client, 1, "Lakeport", page)
    answer(client, 1, "False")
    reviews = rows(app, Review)
    assert [(review.question_id, review.rating, review.source, review.duration_ms) for review in reviews] == [
        (assigned.question_ids[0], 3, ReviewSource.QUIZ, 3100), (assigned.question_ids[1], 1, ReviewSource.QUIZ, 3100)]
    assert reviews[0].submission_id == f"quiz:{submission_id}"
    assert len(rows(app, CardState)) == 2
    [first_answer, _] = rows(app, Answer)
    assert (first_answer.learner_id, first_answer.duration_ms, first_answer.submission_id) == (learner, 3100,
                                                                                               submission_id)


def test_the_same_answer_form_sent_twice_is_stored_and_counted_once(app, client, assigned):
    start(client, assigned.set_id)
    page = client.get("/quiz/1").get_data(as_text=True)
    first = answer(client, 1, "Lakeport", page)
    again = answer(client, 1, "Lakeport", page)
    assert first.status_code == again.status_code == 200
    text = again.get_data(as_text=True)
    assert "You already answered this question; your first answer counts, once." in text
    assert '<dd class="col-sm-9 fw-semibold" data-feedback="right-answer">Lakeport</dd>' in text
    assert len(rows(app, Answer)) == 1 and len(rows(app, Review)) == 1
    [attempt] = rows(app, Attempt)
    assert (attempt.correct, attempt.total) == (1, 1)


def test_two_tabs_answering_the_same_question_store_the_first_answer_only(app, client, assigned):
    start(client, assigned.set_id)
    first_tab = client.get("/quiz/1").get_data(as_text=True)
    second_tab = client.get("/quiz/1").get_data(as_text=True)
    assert form_fields(first_tab)["submission_id"] != form_fields(second_tab)["submission_id"]
    answer(client, 1, "Bayside", first_tab)
    late = answer(client, 1, "Lakeport", second_tab)
    assert late.status_code == 200 and "already answered" in late.get_data(as_text=True)
    [stored] = rows(app, Answer)
    assert (stored.response, stored.correct) == ("Bayside", False)
    [attempt] = rows(app, Attempt)
    assert (attempt.correct, attempt.total) == (0, 1)


def test_the_answer_page_shows_the_learner_as_the_answers_read_found_them(app, client, assigned):
    """The page's menu needs the learner's name and role, which the answer's own read checked: no read of the account."""
    start(client, assigned.set_id)
    page = client.get("/quiz/1").get_data(as_text=True)
    reply, statements = statements_of(app, lambda: answer(client, 1, "Lakeport", page))
    shown = reply.get_data(as_text=True)
    assert reply.status_code == 200 and "Right</span>" in shown
    assert "Lee Learner (learner)" in shown and "Log out" in shown
    assert [statement for statement in statements if "password_hash" in statement] == []  # the user loader's read
    assert rows(app, Answer)[0].response == "Lakeport"


def test_a_duplicate_caught_by_the_unique_constraint_shows_the_stored_answer(app, client, assigned, monkeypatch):
    """The answer is read before the write lock: another tab's answer can land in between, and still counts once."""
    start(client, assigned.set_id)
    page = client.get("/quiz/1").get_data(as_text=True)
    answer(client, 1, "Lakeport", page)
    original = reviewing._read_answer_context
    reads = []

    def read_before_the_first_answer_was_stored(connection, attempt_id, question_id, login_token):
        reads.append(question_id)
        return dataclasses.replace(original(connection, attempt_id, question_id, login_token), stored_response=None,
                                   stored_correct=None)

    monkeypatch.setattr(reviewing, "_read_answer_context", read_before_the_first_answer_was_stored)
    again = answer(client, 1, "Bayside", page)
    assert again.status_code == 200 and "already answered" in again.get_data(as_text=True)
    assert '<dd class="col-sm-9 fw-semibold" data-feedback="right-answer">Lakeport</dd>' in again.get_data(as_text=True)
    assert reads == [assigned.question_ids[0]]
    assert [(stored.response, stored.correct) for stored in rows(app, Answer)] == [("Lakeport", True)]
    [attempt] = rows(app, Attempt)
    assert (attempt.correct, attempt.total) == (1, 1)
    assert len(rows(app, Review)) == 1


def test_a_submission_id_reused_for_another_question_is_refused(app, client, assigned):
    start(client, assigned.set_id)
    page = client.get("/quiz/1").get_data(as_text=True)
    answer(client, 1, "Lakeport", page)
    replay = answer(client, 1, "True", page, question_id=str(assigned.question_ids[1]))
    assert replay.status_code == 400
    assert len(rows(app, Answer)) == 1


def test_answering_a_withdrawn_question_says_so_and_stores_nothing(app, client, assigned):
    start(client, assigned.set_id)
    page = client.get("/quiz/1").get_data(as_text=True)
    with app.app_context():
        db.session.get(Question, assigned.question_ids[0]).retired_at = utcnow()
        db.session.commit()
    reply = answer(client, 1, "Lakeport", page)
    assert reply.status_code == 410
    assert "This question was withdrawn by your teacher" in reply.get_data(as_text=True)
    assert rows(app, Answer) == [] and rows(app, Review) == []
    next_page = client.get("/quiz/1").get_data(as_text=True)
    assert "Question 1 of 4" in next_page and QUESTIONS[1]["prompt"] in next_page


def test_retakes_make_new_attempts_and_keep_the_old_ones(app, client, assigned):
    start(client, assigned.set_id)
    assert start(client, assigned.set_id).headers["Location"] == "/quiz/1"  # unfinished: resumed, not doubled
    for response, _ in RESPONSES:
        answer(client, 1, response)
    assert start(client, assigned.set_id).headers["Location"] == "/quiz/2"
    answer(client, 2, "Rivertown")
    attempts = rows(app, Attempt)
    assert [(attempt.correct, attempt.total, attempt.finished_at is not None) for attempt in attempts] == [
        (4, 5, True), (0, 1, False)]


def test_a_set_without_live_questions_cannot_be_started(app, client, learner):
    empty = make_assigned_set(app, learner, questions=())
    reply = start(client, empty.set_id)
    assert reply.headers["Location"] == "/"
    assert "no questions to answer yet" in client.get("/").get_data(as_text=True)
    assert rows(app, Attempt) == []


# --- Who may do what ----------------------------------------------------------------------------------

def test_a_learner_not_in_the_class_gets_404(app, client, learner):
    other = make_assigned_set(app, None, title="Someone else's set")
    assert start(client, other.set_id).status_code == 404
    assert rows(app, Attempt) == []


def test_another_learners_attempt_is_not_found(app, client, assigned):
    start(client, assigned.set_id)
    page = client.get("/quiz/1").get_data(as_text=True)
    intruder = make_user(app, role=Role.LEARNER, email="intruder@example.org")
    client.post("/auth/logout", data={"csrf_token": csrf_token(client, "/")})
    log_in(client, "intruder@example.org")
    assert intruder
    assert client.get("/quiz/1").status_code == 404
    assert client.get("/quiz/1/result").status_code == 404
    fields = {**form_fields(page), "csrf_token": csrf_token(client, "/"), "response": "Lakeport"}
    assert client.post("/quiz/1/answer", data=fields).status_code == 404
    assert rows(app, Answer) == []


def test_teachers_get_403_and_visitors_the_login_page(app, client, assigned):
    client.post("/auth/logout", data={"csrf_token": csrf_token(client, "/")})
    assert client.get("/quiz/1").status_code == 302
    make_user(app, role=Role.TEACHER, email="t@example.org")
    log_in(client, "t@example.org")
    token = csrf_token(client, "/")
    assert client.post(f"/quiz/sets/{assigned.set_id}/start", data={"csrf_token": token}).status_code == 403
    assert client.get("/quiz/1").status_code == 403
    assert client.get("/progress/").status_code == 403


def test_a_post_without_csrf_token_is_rejected(app, client, assigned):
    start(client, assigned.set_id)
    page = client.get("/quiz/1").get_data(as_text=True)
    fields = {key: value for key, value in form_fields(page).items() if key != "csrf_token"}
    assert client.post("/quiz/1/answer", data={**fields, "response": "Lakeport"}).status_code == 400
    assert rows(app, Answer) == []


def test_the_answer_page_escapes_what_the_learner_typed(client, assigned):
    start(client, assigned.set_id)
    answer(client, 1, "Lakeport")
    answer(client, 1, "True")
    page = answer(client, 1, "<script>alert(1)</script>").get_data(as_text=True)
    assert "<script>alert(1)</script>" not in page and "&lt;script&gt;" in page
    assert re.search(r"Not quite", page)


def test_a_double_click_racing_in_two_threads_stores_one_answer(app, client, assigned):
    """Two requests with the same form at the same moment: one writer waits for the other, then sees its answer."""
    start(client, assigned.set_id)
    page = client.get("/quiz/1").get_data(as_text=True)
    second_client = app.test_client()
    log_in(second_client, "learner@example.org")
    forms = [{**form_fields(page), "response": "Lakeport"},
             {**form_fields(page), "response": "Lakeport", "csrf_token": csrf_token(second_client, "/")}]
    barrier = threading.Barrier(2)
    replies = [None, None]

    def post(index, each_client):
        barrier.wait()
        replies[index] = each_client.post("/quiz/1/answer", data=forms[index])

    threads = [threading.Thread(target=post, args=(index, each)) for index, each in enumerate((client, second_client))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(reply.status_code for reply in replies) == [200, 200]
    texts = [reply.get_data(as_text=True) for reply in replies]
    assert sum("already answered" in text for text in texts) == 1
    assert len(rows(app, Answer)) == 1 and len(rows(app, Review)) == 1
    [attempt] = rows(app, Attempt)
    assert (attempt.correct, attempt.total) == (1, 1)
