"""An answer sent after the login expired is never a bare 400: log in again, and the answer waits on the question."""
from __future__ import annotations

import datetime as dt
import time

import pytest

from app.extensions import db
from app.models import Answer
from tests.web.conftest import csrf_token, post_form
from tests.web.learner_setup import form_fields, make_assigned_set
from tests.web.test_quiz_settings import many_questions


@pytest.fixture()
def open_question(app, client, learner):
    """A learner's quiz with its first question on screen, the login then expired (logins last a second)."""
    assigned = make_assigned_set(app, learner, questions=many_questions(3))
    client.post(f"/quiz/sets/{assigned.set_id}/start", data={"csrf_token": csrf_token(client, "/")})
    page = client.get("/quiz/1").get_data(as_text=True)
    app.config["PERMANENT_SESSION_LIFETIME"] = dt.timedelta(seconds=1)
    time.sleep(2.1)  # the signed cookie's age is counted in whole seconds
    return form_fields(page)


def answers(app) -> list[Answer]:
    with app.app_context():
        return list(db.session.execute(db.select(Answer)).scalars())


@pytest.mark.parametrize("as_json", [False, True])
def test_an_answer_after_the_login_expired_is_kept_until_the_learner_logs_in_again(app, client, open_question,
                                                                                   as_json):
    headers = {"Accept": "application/json"} if as_json else {}
    reply = client.post("/quiz/1/answer", data={**open_question, "response": "Town 0A"}, headers=headers)
    app.config["PERMANENT_SESSION_LIFETIME"] = dt.timedelta(hours=12)  # the new login lasts
    if as_json:
        assert reply.status_code == 401
        assert reply.get_json()["login_url"] == "/auth/login?next=/quiz/1"
        assert "your answer is kept" in reply.get_json()["error"]
    else:
        assert reply.status_code == 302 and reply.headers["Location"] == "/auth/login?next=/quiz/1"
        assert "your answer is kept" in client.get("/auth/login?next=/quiz/1").get_data(as_text=True)
    assert answers(app) == []  # not stored by an expired login...

    logged_in = post_form(client, "/auth/login?next=/quiz/1", {"email": "learner@example.org",
                                                               "password": "correct horse battery"})
    assert logged_in.headers["Location"] == "/quiz/1"
    page = client.get("/quiz/1").get_data(as_text=True)
    assert "it has not been sent yet. Press “Check answer” to send it." in page
    assert 'value="Town 0A" required autofocus checked>' in page  # ...but back on the same question, filled in
    assert form_fields(page)["question_id"] == open_question["question_id"]
    sent = client.post("/quiz/1/answer", data={**form_fields(page), "response": "Town 0A"})
    assert "Right!" in sent.get_data(as_text=True)
    assert [(answer.question_id, answer.response) for answer in answers(app)] == [
        (int(open_question["question_id"]), "Town 0A")]
    assert "Your answer from before" not in client.get("/quiz/1").get_data(as_text=True)  # offered once


def test_a_logged_out_learner_answering_from_an_open_page_is_asked_to_log_in_with_the_answer_kept(app, client,
                                                                                                  learner):
    assigned = make_assigned_set(app, learner, questions=many_questions(3))
    client.post(f"/quiz/sets/{assigned.set_id}/start", data={"csrf_token": csrf_token(client, "/")})
    fields = form_fields(client.get("/quiz/1").get_data(as_text=True))
    client.post("/auth/logout", data={"csrf_token": csrf_token(client, "/")})  # in another tab, say
    reply = client.post("/quiz/1/answer", data={**fields, "response": "Town 0B"})
    assert reply.status_code == 302 and reply.headers["Location"] == "/auth/login?next=/quiz/1"
    post_form(client, "/auth/login?next=/quiz/1", {"email": "learner@example.org", "password": "correct horse battery"})
    assert 'value="Town 0B" required checked>' in client.get("/quiz/1").get_data(as_text=True)


def test_another_form_sent_after_the_login_expired_asks_to_log_in_again(app, client, learner):
    page_token = csrf_token(client, "/")
    client.delete_cookie("session")  # as good as expired: the server finds no valid session either way
    reply = client.post("/classes/join", data={"csrf_token": page_token, "code": "ABCD"})
    assert reply.status_code == 302 and reply.headers["Location"] == "/auth/login"
    assert "Your login expired, so that form was not sent." in client.get("/auth/login").get_data(as_text=True)

