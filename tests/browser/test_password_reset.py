"""A teacher resets a learner's forgotten password in the browser; the learner logs in with it and must choose a
new one before anything else."""
from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from app.demo import DEMO_CLASS_NAME, DEMO_LEARNER_EMAIL, DEMO_PASSWORD, DEMO_TEACHER_EMAIL
from tests.browser.accessibility import assert_accessible
from tests.browser.pages import accept_confirmations, log_in

pytestmark = pytest.mark.browser

NEW_PASSWORD = "my own new secret"


def test_a_teacher_resets_a_learners_password_and_the_learner_chooses_a_new_one(new_context, demo_server):
    teacher = new_context().new_page()
    accept_confirmations(teacher)
    log_in(teacher, demo_server.base_url, email=DEMO_TEACHER_EMAIL, password=DEMO_PASSWORD)
    teacher.get_by_role("link", name="Classes", exact=True).click()
    teacher.get_by_role("main").get_by_role("link", name=DEMO_CLASS_NAME).first.click()
    teacher.get_by_role("button", name=re.compile(r"^Reset password\W+Demo Learner$")).click()
    expect(teacher.get_by_role("heading", level=1)).to_have_text("Demo Learner’s temporary password")
    temporary = teacher.locator("#temporary-password").inner_text().strip()
    assert len(temporary) == 14
    assert_accessible(teacher, "temporary password page")

    learner = new_context().new_page()
    learner.goto(demo_server.base_url + "/auth/login")
    learner.get_by_label("Email").fill(DEMO_LEARNER_EMAIL)
    learner.get_by_label("Password").fill(DEMO_PASSWORD)
    learner.get_by_role("button", name="Log in").click()
    expect(learner.get_by_role("alert")).to_contain_text("do not match")  # the old password is gone

    learner.get_by_label("Password").fill(temporary)
    learner.get_by_label("Email").fill(DEMO_LEARNER_EMAIL)
    learner.get_by_role("button", name="Log in").click()
    expect(learner.get_by_role("heading", level=1)).to_have_text("Choose a new password")
    assert_accessible(learner, "choose a new password page")
    learner.get_by_role("link", name="Home").click()  # anywhere else: back to choosing a password
    expect(learner.get_by_role("heading", level=1)).to_have_text("Choose a new password")
    learner.get_by_label("New password", exact=True).fill(NEW_PASSWORD)
    learner.get_by_label("Repeat the new password").fill(NEW_PASSWORD)
    learner.get_by_role("button", name="Change password").click()
    expect(learner.get_by_role("alert").filter(has_text="Your password is changed.")).to_be_visible()
    learner.get_by_role("link", name="Progress").click()
    expect(learner.get_by_role("heading", level=1)).to_have_text("Your progress")
