"""In Chromium, under the Content-Security-Policy: the page scripts still work, nothing is blocked, no framing."""
from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from app.demo import DEMO_CLASS_NAME, DEMO_PASSWORD, DEMO_TEACHER_EMAIL
from tests.browser.pages import log_in

pytestmark = pytest.mark.browser


def watch_for_violations(page: Page) -> list[str]:
    """Collect what Chromium reports the policy blocked, and any script error (not a 400 or 404 answer)."""
    problems: list[str] = []
    page.on("console", lambda message: problems.append(message.text)
            if "Content Security Policy" in message.text
            or (message.type == "error" and not message.text.startswith("Failed to load resource")) else None)
    page.on("pageerror", lambda error: problems.append(str(error)))
    return problems


def test_a_teachers_pages_run_their_scripts_and_nothing_is_blocked(page: Page, demo_server):
    problems = watch_for_violations(page)
    log_in(page, demo_server.base_url, email=DEMO_TEACHER_EMAIL, password=DEMO_PASSWORD)
    page.get_by_role("link", name="Classes").first.click()
    page.get_by_role("link", name=DEMO_CLASS_NAME).first.click()
    class_page = page.url

    # The copy button (factdeck.js) works.
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.get_by_role("button", name="Copy code").click()
    expect(page.get_by_role("button", name="Copied")).to_be_visible()

    # Archiving asks first (a data-confirm form, once an inline onsubmit): declining keeps the class as it was.
    asked: list[str] = []
    page.once("dialog", lambda dialog: (asked.append(dialog.message), dialog.dismiss()))
    page.get_by_role("button", name="Archive class").click()
    expect(page.get_by_role("button", name="Archive class")).to_be_visible()
    assert asked and asked[0].startswith("Archive this class?")
    assert page.url == class_page
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Archive class").click()
    expect(page.get_by_role("alert")).to_contain_text(f"Archived “{DEMO_CLASS_NAME}”")

    # The question form hides the choices for a type without them (once an inline script).
    page.goto(demo_server.base_url + "/sets/")
    page.get_by_role("link", name=re.compile("Russian troops")).first.click()
    page.get_by_role("link", name=re.compile("Add a question")).first.click()
    expect(page.get_by_label("Choices, one per line")).to_be_visible()
    page.get_by_label("Type", exact=True).select_option(label="Flashcard")
    expect(page.get_by_label("Choices, one per line")).to_be_hidden()

    # The article form says it is generating (once an inline script) before the page changes.
    page.goto(demo_server.base_url + "/sets/new")
    page.get_by_label("Article text").fill("")
    page.get_by_role("button", name="Generate questions").click()
    expect(page.get_by_text("Paste the article's text or choose a file.").first).to_be_visible()
    assert problems == []


def test_another_site_cannot_frame_the_app(page: Page, demo_server):
    page.goto(demo_server.base_url + "/static/factdeck.css")  # even a page of the app's own origin may not frame it
    page.set_content(f'<iframe id="app" src="{demo_server.base_url}/auth/login" width="600" height="400"></iframe>')
    page.wait_for_timeout(1000)
    framed = page.frame_locator("#app")
    expect(framed.get_by_role("button", name="Log in")).to_have_count(0)
    page.goto(demo_server.base_url + "/auth/login")  # while the page itself opens as usual
    expect(page.get_by_role("button", name="Log in")).to_be_visible()
