"""Steps the browser flows share, done the way a person does them: through links, labels and buttons."""
from __future__ import annotations

from playwright.sync_api import Page, expect

PASSWORD = "a long enough secret"


def sign_up(page: Page, base_url: str, *, name: str, email: str, role: str) -> None:
    """Sign up from the home page as ``role`` ("Teacher" or "Learner"), log in and land on the dashboard."""
    page.goto(base_url + "/")
    page.get_by_role("link", name="Sign up").first.click()
    page.get_by_label("Your name").fill(name)
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_label("Repeat the password").fill(PASSWORD)
    page.get_by_label(role, exact=True).check()
    page.get_by_role("button", name="Create account").click()
    expect(page.get_by_role("alert")).to_contain_text("Your account is ready: log in")
    log_in(page, base_url, email=email)


def log_in(page: Page, base_url: str, *, email: str, password: str = PASSWORD) -> None:
    page.goto(base_url + "/auth/login")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("alert")).to_contain_text("Welcome back")


def accept_confirmations(page: Page) -> None:
    """Answer "OK" to the confirm() prompts some buttons ask before they post."""
    page.on("dialog", lambda dialog: dialog.accept())
