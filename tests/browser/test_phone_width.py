"""At a phone's width (375 px) every main page fits without sideways scrolling, the menu opens, and axe passes."""
from __future__ import annotations

import pytest
from playwright.sync_api import expect

from app.demo import DEMO_LEARNER_EMAIL, DEMO_PASSWORD, DEMO_TEACHER_EMAIL
from app.extensions import db
from app.models import Classroom, QuestionSet
from tests.browser.accessibility import assert_accessible
from tests.browser.pages import log_in

pytestmark = pytest.mark.browser

PHONE = {"width": 375, "height": 740}
TEACHER_PAGES = [("home.index", {}), ("classes.index", {}), ("classes.detail", {"classroom_id"}),
                 ("sets.index", {}), ("sets.new", {}), ("sets.review", {"set_id"}), ("sets.assign", {"set_id"}),
                 ("reports.index", {}), ("reports.class_set", {"classroom_id", "set_id"})]
LEARNER_PAGES = [("home.index", {}), ("study.index", {}), ("progress.index", {}), ("classes.join", {})]


def assert_fits(page, what: str) -> None:
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0, f"{what} is {overflow} px wider than the phone's screen"


@pytest.mark.parametrize(("email", "pages"), [(DEMO_TEACHER_EMAIL, TEACHER_PAGES), (DEMO_LEARNER_EMAIL, LEARNER_PAGES)],
                         ids=["teacher", "learner"])
def test_main_pages_fit_a_phone(new_context, demo_server, email, pages):
    with demo_server.app.app_context():
        ids = {"classroom_id": db.session.execute(db.select(Classroom.id)).scalar_one(),
               "set_id": db.session.execute(db.select(QuestionSet.id)).scalar_one()}
    page = new_context(viewport=PHONE).new_page()
    log_in(page, demo_server.base_url, email=email, password=DEMO_PASSWORD)

    menu = page.get_by_role("button", name="Toggle navigation")
    expect(menu).to_be_visible()
    menu.click()
    expect(page.get_by_role("link", name="Home", exact=True)).to_be_visible()

    for endpoint, needed in pages:
        page.goto(demo_server.url(endpoint, **{name: ids[name] for name in needed}))
        expect(page.get_by_role("heading", level=1)).to_be_visible()
        assert_fits(page, endpoint)
        assert_accessible(page, f"{endpoint} at 375 px")
