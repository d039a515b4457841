"""The quiz page checks an answer in place (JSON from quiz.answer) and still works with scripts off."""
from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from app.demo import DEMO_LEARNER_EMAIL, DEMO_PASSWORD
from app.extensions import db
from app.models import Answer, Question
from tests.browser.accessibility import assert_accessible
from tests.browser.pages import log_in

pytestmark = pytest.mark.browser

QUIZ_PAGE = re.compile(r"/quiz/\d+$")


def start_the_demo_quiz(page: Page, server) -> int:
    """Log in as the demo learner, take the demo quiz and return the id of the question shown."""
    log_in(page, server.base_url, email=DEMO_LEARNER_EMAIL, password=DEMO_PASSWORD)
    page.get_by_role("button", name=re.compile(r"^Take the quiz")).click()
    expect(page.get_by_role("button", name="Check answer")).to_be_visible()
    return int(page.locator("input[name=question_id]").get_attribute("value"))


def answer_rightly(page: Page, server, question_id: int) -> str:
    """Fill in the right answer of the question on the page; return it."""
    with server.app.app_context():
        right = db.session.get(Question, question_id).answer
    if page.get_by_role("radio").count():
        page.get_by_label(right, exact=True).check()
    else:
        page.locator("#response").fill(right)
    return right


def stored_answers(server) -> list[tuple[int, bool]]:
    with server.app.app_context():
        return [tuple(row) for row in db.session.execute(db.select(Answer.question_id, Answer.correct))]


def test_an_answer_is_checked_in_place_and_enter_goes_on(new_context, demo_server):
    page = new_context().new_page()
    question_id = start_the_demo_quiz(page, demo_server)
    quiz_url = page.url
    right = answer_rightly(page, demo_server, question_id)
    with page.expect_response(re.compile(r"/quiz/\d+/answer$")) as reply_info:
        page.get_by_role("button", name="Check answer").click()
    reply = reply_info.value
    assert reply.request.headers["accept"] == "application/json"
    assert reply.status == 200 and reply.json()["correct"] is True

    expect(page.get_by_role("heading", level=1)).to_have_text("Right!")
    assert page.url == quiz_url  # no page load: the feedback came in the JSON reply
    main = page.get_by_role("main")
    expect(main.locator("[data-feedback=right-answer]")).to_have_text(right)
    expect(main.get_by_role("button", name="Check answer")).to_have_count(0)
    next_question = page.get_by_role("link", name=re.compile(r"^(Next question|See your score)$"))
    expect(next_question).to_be_focused()
    assert_accessible(page, "quiz feedback shown in place")
    assert stored_answers(demo_server) == [(question_id, True)]

    page.keyboard.press("Enter")
    expect(page.get_by_role("button", name="Check answer")).to_be_visible()
    assert int(page.locator("input[name=question_id]").get_attribute("value")) != question_id


def test_a_double_click_stores_one_answer(new_context, demo_server):
    page = new_context().new_page()
    question_id = start_the_demo_quiz(page, demo_server)
    answer_rightly(page, demo_server, question_id)
    page.get_by_role("button", name="Check answer").dblclick()
    expect(page.get_by_role("heading", level=1)).to_have_text("Right!")
    assert stored_answers(demo_server) == [(question_id, True)]


def test_without_scripts_the_form_posts_and_the_feedback_page_shows(new_context, demo_server):
    page = new_context(java_script_enabled=False).new_page()
    question_id = start_the_demo_quiz(page, demo_server)
    answer_rightly(page, demo_server, question_id)
    page.get_by_role("button", name="Check answer").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Right!")
    assert re.search(r"/quiz/\d+/answer$", page.url)
    expect(page.get_by_role("link", name=re.compile(r"^(Next question|See your score)$"))).to_be_visible()
    assert stored_answers(demo_server) == [(question_id, True)]
    assert QUIZ_PAGE.search(page.get_by_role("link", name="Next question").get_attribute("href"))
