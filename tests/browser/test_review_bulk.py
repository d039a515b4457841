"""A teacher filters the review page, ticks questions (one by one or all shown) and changes them at once."""
from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from app.demo import DEMO_PASSWORD, DEMO_TEACHER_EMAIL
from app.extensions import db
from app.models import Question, ReviewStatus
from tests.browser.accessibility import assert_accessible
from tests.browser.pages import accept_confirmations, log_in

pytestmark = pytest.mark.browser


def counted(server, status: ReviewStatus) -> int:
    with server.app.app_context():
        return db.session.execute(db.select(db.func.count()).select_from(Question)
                                  .where(Question.review_status == status, Question.retired_at.is_(None))).scalar()


def test_a_teacher_filters_ticks_and_rejects_or_deletes_several_questions_at_once(new_context, demo_server):
    page = new_context().new_page()
    accept_confirmations(page)
    log_in(page, demo_server.base_url, email=DEMO_TEACHER_EMAIL, password=DEMO_PASSWORD)
    page.get_by_role("link", name="Sets", exact=True).click()
    page.get_by_role("main").get_by_role("link").filter(has_text="Karabakh").first.click()
    pending = counted(demo_server, ReviewStatus.PENDING)
    assert pending > 25

    page.get_by_label("Status", exact=True).select_option("pending")
    page.get_by_role("button", name="Filter").click()
    expect(page.locator("#filter-summary")).to_contain_text(f"Showing 1–25 of {pending} questions, pending.")
    boxes = page.locator("input.question-select")
    expect(boxes).to_have_count(25)
    status = page.locator("#bulk-count")

    page.get_by_role("button", name="Select all shown").click()
    expect(status).to_have_text("25 questions selected")
    expect(page.get_by_role("button", name="Clear selection")).to_be_visible()
    assert_accessible(page, "review page with a selection")
    page.get_by_role("button", name="Reject selected").click()
    expect(page.get_by_role("alert")).to_contain_text("Rejected 25 questions.")
    assert counted(demo_server, ReviewStatus.PENDING) == pending - 25
    assert "status=pending" in page.url  # the filter stays
    expect(page.locator("#filter-summary")).to_contain_text(f"of {pending - 25} questions")

    # Two ticked by hand, on the second page, then deleted after the confirmation.
    page.get_by_role("navigation", name="Pages of questions").get_by_role("link", name="Next").click()
    expect(page.locator("#filter-summary")).to_contain_text("Showing 26–")
    first, second = boxes.nth(0), boxes.nth(1)
    ids = [int(box.get_attribute("value")) for box in (first, second)]
    first.check()
    second.check()
    expect(status).to_have_text("2 questions selected")
    page.get_by_role("button", name="Delete selected").click()
    expect(page.get_by_role("alert")).to_contain_text("Deleted 2 questions.")
    assert re.search(r"page=2", page.url)
    with demo_server.app.app_context():
        assert all(db.session.get(Question, question_id) is None for question_id in ids)


def test_select_all_shown_leaves_the_folded_suggestions_alone(new_context, demo_server):
    page = new_context().new_page()
    log_in(page, demo_server.base_url, email=DEMO_TEACHER_EMAIL, password=DEMO_PASSWORD)
    page.get_by_role("link", name="Sets", exact=True).click()
    page.get_by_role("main").get_by_role("link").filter(has_text="Karabakh").first.click()
    expect(page.get_by_role("heading", level=2, name="Questions")).to_be_visible()  # counted on the set's page
    recommended = page.locator("section[aria-labelledby=recommended-heading] input.question-select")
    folded = page.locator("#other-suggestions input.question-select")
    assert recommended.count() and folded.count()
    page.get_by_role("button", name="Select all shown").click()
    expect(page.locator("#bulk-count")).to_have_text(f"{recommended.count()} questions selected")
    assert not any(box.is_checked() for box in folded.all())
