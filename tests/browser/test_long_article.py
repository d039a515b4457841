"""A teacher pastes a long article: a page shows the questions being made, then opens the new set."""
from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.browser.accessibility import assert_accessible
from tests.browser.conftest import make_browser_app, serve
from tests.browser.pages import sign_up
from app.extensions import db

pytestmark = pytest.mark.browser

SEED_ARTICLE = "karabakh-russian-troops-leave.txt"


@pytest.fixture()
def server(tmp_path, monkeypatch):
    app = make_browser_app(tmp_path, monkeypatch)
    app.config["GENERATION_INLINE_BYTES"] = 2_000  # the seed article (about 4 kB) counts as long here
    with app.app_context():
        db.create_all()
    yield from serve(app)


def test_a_long_article_shows_its_progress_and_then_its_questions(page, server, corpus_dir):
    article = (corpus_dir / SEED_ARTICLE).read_text(encoding="utf-8")
    sign_up(page, server.base_url, name="Tess Teacher", email="tess@example.org", role="Teacher")
    page.goto(server.url("sets.new"))
    page.get_by_label("Article text").fill(article * 3)
    page.get_by_role("button", name="Generate questions").click()
    expect(page).to_have_url(re.compile(r"/sets/jobs/\d+$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Making questions from your article")
    expect(page.get_by_role("progressbar")).to_be_visible()
    assert_accessible(page, "long article's progress page")
    # The page reloads itself until the set is made, then opens it.
    expect(page.get_by_role("alert")).to_contain_text(re.compile(r"The engine made \d+ questions"), timeout=90_000)
    expect(page).to_have_url(re.compile(r"/sets/\d+$"))
    expect(page.get_by_role("heading", level=1)).to_contain_text("Russian troops leave Karabakh")
