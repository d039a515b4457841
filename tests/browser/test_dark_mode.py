"""Dark mode: it follows the system, can be switched and is remembered; axe passes on the quiz, progress and
review pages in both modes."""
from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from app.demo import DEMO_LEARNER_EMAIL, DEMO_PASSWORD, DEMO_TEACHER_EMAIL
from tests.browser.accessibility import assert_accessible
from tests.browser.pages import log_in
from tests.browser.test_quiz_in_place import answer_rightly

pytestmark = pytest.mark.browser


def theme(page: Page) -> str:
    return page.locator("html").get_attribute("data-bs-theme")


def body_background(page: Page) -> str:
    return page.evaluate("getComputedStyle(document.body).backgroundColor")


def switch_to(page: Page, name: str) -> None:
    page.get_by_role("group", name="Colours").get_by_role("button", name=name).click()


def test_the_colours_follow_the_system_until_switched_and_the_choice_is_remembered(new_context, demo_server):
    page = new_context(color_scheme="dark").new_page()
    page.goto(demo_server.base_url + "/auth/login")
    assert theme(page) == "dark" and body_background(page) == "rgb(33, 37, 41)"
    switch = page.get_by_role("group", name="Colours")
    expect(switch.get_by_role("button", name="Auto")).to_have_attribute("aria-pressed", "true")

    switch_to(page, "Light")
    assert theme(page) == "light" and body_background(page) == "rgb(255, 255, 255)"
    expect(switch.get_by_role("button", name="Light")).to_have_attribute("aria-pressed", "true")
    expect(switch.get_by_role("button", name="Auto")).to_have_attribute("aria-pressed", "false")
    log_in(page, demo_server.base_url, email=DEMO_LEARNER_EMAIL, password=DEMO_PASSWORD)  # another page load
    assert theme(page) == "light"

    switch_to(page, "Dark")
    page.reload()
    assert theme(page) == "dark"
    expect(page.get_by_role("group", name="Colours").get_by_role("button", name="Dark")).to_have_attribute(
        "aria-pressed", "true")

    # Back to following the system, which then changes to light.
    switch_to(page, "Auto")
    assert theme(page) == "dark"
    page.emulate_media(color_scheme="light")
    expect(page.locator("html")).to_have_attribute("data-bs-theme", "light")


@pytest.mark.parametrize("mode", ["light", "dark"])
def test_quiz_progress_and_review_pages_pass_axe_in_both_modes(new_context, demo_server, mode):
    page = new_context(color_scheme=mode).new_page()
    log_in(page, demo_server.base_url, email=DEMO_LEARNER_EMAIL, password=DEMO_PASSWORD)
    assert theme(page) == mode
    page.get_by_role("button", name=re.compile(r"^Take the quiz")).click()
    expect(page.get_by_role("button", name="Check answer")).to_be_visible()
    assert_accessible(page, f"quiz question, {mode}")
    answer_rightly(page, demo_server, int(page.locator("input[name=question_id]").get_attribute("value")))
    page.get_by_role("button", name="Check answer").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Right!")
    assert_accessible(page, f"quiz feedback, {mode}")
    page.goto(demo_server.url("progress.index"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Your progress")
    assert_accessible(page, f"progress page, {mode}")

    teacher = new_context(color_scheme=mode).new_page()
    log_in(teacher, demo_server.base_url, email=DEMO_TEACHER_EMAIL, password=DEMO_PASSWORD)
    teacher.get_by_role("link", name="Sets", exact=True).click()
    teacher.get_by_role("main").get_by_role("link").filter(has_text="Karabakh").first.click()
    expect(teacher.get_by_role("heading", level=2, name="Questions")).to_be_visible()
    teacher.locator("#other-suggestions > summary").click()
    teacher.locator("input.question-select").first.check()
    expect(teacher.get_by_role("status").filter(has_text="selected")).to_have_text("1 question selected")
    assert_accessible(teacher, f"review page, {mode}")
    teacher.get_by_label("Status", exact=True).select_option("pending")
    teacher.get_by_role("button", name="Filter").click()
    expect(teacher.locator("#filter-summary")).to_contain_text("Showing 1–25 of")
    assert_accessible(teacher, f"filtered review page, {mode}")
