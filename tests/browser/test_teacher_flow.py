"""Issue 3 in a real browser: a teacher builds a question set from an article and hands it to a class."""
from __future__ import annotations

import datetime as dt
import re

import pytest
from playwright.sync_api import expect

from app.extensions import db
from app.models import Assignment, Question, QuestionSet, ReviewStatus, SetStatus
from tests.browser.accessibility import assert_accessible
from tests.browser.pages import accept_confirmations, sign_up

pytestmark = pytest.mark.browser

SEED_ARTICLE = "karabakh-russian-troops-leave.txt"
CLASS_NAME = "Year 10 World News"
DUE_DATE = dt.date.today() + dt.timedelta(days=10)


def test_a_teacher_makes_reviews_publishes_and_assigns_a_set_from_an_article(page, live_server, corpus_dir):
    article = (corpus_dir / SEED_ARTICLE).read_text(encoding="utf-8")
    accept_confirmations(page)

    sign_up(page, live_server.base_url, name="Tess Teacher", email="tess@example.org", role="Teacher")
    assert_accessible(page, "teacher's home page")

    # A class, with its join code.
    page.get_by_role("link", name="Classes", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    assert_accessible(page, "classes page")
    page.get_by_role("link", name="New class").click()
    assert_accessible(page, "new class page")
    page.get_by_label("Class name").fill(CLASS_NAME)
    page.get_by_role("button", name="Create class").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(CLASS_NAME)
    expect(page.get_by_role("alert")).to_contain_text("join code")
    assert_accessible(page, "class page")

    # A set from the pasted article.
    page.get_by_role("link", name="Sets", exact=True).click()
    assert_accessible(page, "sets page")
    page.get_by_role("link", name="New set from an article").click()
    assert_accessible(page, "new set page")
    page.get_by_label("Article text").fill(article)
    page.get_by_role("button", name="Generate questions").click()
    expect(page.get_by_role("alert")).to_contain_text(re.compile(r"The engine made \d+ questions"))
    expect(page.get_by_role("heading", level=1)).to_contain_text("Russian troops leave Karabakh")
    assert_accessible(page, "review page")

    # Review: edit one generated question, whose source sentence is shown with the answer marked.
    expect(page.locator("mark.answer").first).to_be_visible()
    page.get_by_role("link", name=re.compile(r"^Edit question \d+$")).first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Edit question")
    assert_accessible(page, "edit question page")
    prompt = page.get_by_label("Prompt")
    edited_prompt = "Edited: " + prompt.input_value()
    prompt.fill(edited_prompt)
    page.get_by_role("button", name="Save question").click()
    expect(page.get_by_text(edited_prompt)).to_be_visible()

    page.get_by_role("button", name=re.compile(r"^Approve all pending")).click()
    expect(page.get_by_role("button", name=re.compile(r"^Approve all pending"))).to_have_count(0)
    assert_accessible(page, "review page, every question approved")
    page.get_by_role("button", name="Publish", exact=True).click()

    # Publishing leads on to assigning.
    expect(page.get_by_role("alert")).to_contain_text("Published")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Assign")
    assert_accessible(page, "assign page")
    page.get_by_label(CLASS_NAME).check()
    page.get_by_label("Due date (optional)").fill(f"{DUE_DATE:%Y-%m-%d}")
    page.get_by_role("button", name="Assign", exact=True).click()
    expect(page.get_by_role("alert")).to_contain_text(f"Assigned to {CLASS_NAME}, due {DUE_DATE.day} {DUE_DATE:%B %Y}")
    assert_accessible(page, "assign page with the assignment")

    page.get_by_role("link", name="Classes", exact=True).click()
    page.get_by_role("link", name=CLASS_NAME).click()
    expect(page.get_by_role("main")).to_contain_text("Russian troops leave Karabakh")
    assert_accessible(page, "class page with the assignment")

    with live_server.app.app_context():
        question_set = db.session.execute(db.select(QuestionSet)).scalar_one()
        assert question_set.status is SetStatus.PUBLISHED
        live = [question for question in question_set.questions if question.is_live]
        assert live and all(question.review_status is ReviewStatus.APPROVED for question in question_set.questions)
        assert db.session.execute(db.select(Question).filter_by(prompt=edited_prompt)).scalar_one().is_live
        assignment = db.session.execute(db.select(Assignment)).scalar_one()
        assert assignment.classroom.name == CLASS_NAME and assignment.set_id == question_set.id
        assert assignment.due_at.date() == DUE_DATE
