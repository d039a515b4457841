"""A visitor signs up, logs out and logs in again in a real browser; every page passes axe."""
from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.browser.accessibility import assert_accessible

pytestmark = pytest.mark.browser

PASSWORD = "a long enough secret"


def test_sign_up_log_out_and_log_in_again(page, live_server):
    page.goto(live_server.base_url + "/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Learn from the news")
    assert_accessible(page, "home page")

    page.get_by_role("link", name="Sign up").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Create your account")
    assert_accessible(page, "sign-up page")

    page.get_by_label("Your name").fill("Robin Reader")
    page.get_by_label("Email").fill("robin@example.org")
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_label("Repeat the password").fill(PASSWORD)
    page.get_by_label("Learner").check()
    page.get_by_role("button", name="Create account").click()

    # The same answer whether the email was new or not: no one learns from signing up who has an account.
    expect(page.get_by_role("alert")).to_contain_text("Your account is ready: log in")
    expect(page).to_have_url(re.compile(r"/auth/login$"))
    page.get_by_label("Email").fill("robin@example.org")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("alert")).to_contain_text("Welcome back, Robin Reader")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Robin Reader")
    assert_accessible(page, "learner's home page")

    page.get_by_role("button", name="Log out").click()
    expect(page.get_by_role("alert")).to_contain_text("You are logged out")

    page.get_by_role("link", name="Log in").first.click()
    assert_accessible(page, "log-in page")
    page.get_by_label("Email").fill("robin@example.org")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("alert")).to_contain_text("Welcome back, Robin Reader")


def test_a_wrong_password_is_refused_with_a_readable_message(page, live_server):
    page.goto(live_server.url("auth.signup"))
    page.get_by_label("Your name").fill("Tess Teacher")
    page.get_by_label("Email").fill("tess@example.org")
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_label("Repeat the password").fill(PASSWORD)
    page.get_by_label("Teacher").check()
    page.get_by_role("button", name="Create account").click()
    expect(page.get_by_role("alert")).to_contain_text("Your account is ready")
    page.get_by_label("Email").fill("tess@example.org")
    page.get_by_label("Password").fill("not the password")
    page.get_by_role("button", name="Log in").click()

    expect(page.get_by_role("alert")).to_contain_text("do not match an account")
    expect(page).to_have_url(re.compile(r"/auth/login$"))
    assert_accessible(page, "log-in page with an error")


def test_a_weak_password_is_refused_with_advice(page, live_server):
    page.goto(live_server.url("auth.signup"))
    page.get_by_label("Your name").fill("Pat Password")
    page.get_by_label("Email").fill("pat@example.org")
    page.get_by_label("Password", exact=True).fill("password1234")
    page.get_by_label("Repeat the password").fill("password1234")
    page.get_by_label("Learner").check()
    page.get_by_role("button", name="Create account").click()
    expect(page.get_by_text("This is a very common password")).to_be_visible()
    assert_accessible(page, "sign-up page with a weak password")


def test_an_unknown_page_is_readable_and_accessible(page, live_server):
    response = page.goto(live_server.base_url + "/no-such-page")
    assert response.status == 404
    expect(page.get_by_role("heading", level=1)).to_have_text("Not found")
    assert_accessible(page, "404 page")
