"""Item 8 in a real browser: the teacher sees the engine's recommended questions first and approves them in one click."""
from __future__ import annotations

import dataclasses
import datetime as dt
import re

import pytest
from playwright.sync_api import expect

import questions
from app.extensions import db
from app.models import QuestionSet, ReviewStatus
from app.sets.verdicts import REVIEW_PAGE_SIZE
from tests.browser.accessibility import assert_accessible
from tests.browser.pages import sign_up

pytestmark = pytest.mark.browser

SEED_ARTICLE = "karabakh-russian-troops-leave.txt"
ENGINE = questions.generate


def every_fourth_recommended(text, *, published=None, seed=0, today=None):
    """The real engine's questions with a known recommended set, whatever its own ranker picks."""
    result = ENGINE(text, published=published, seed=seed, today=today)
    return dataclasses.replace(result, questions=tuple(
        dataclasses.replace(question, recommended=index % 4 == 0, score=1 - index / len(result.questions))
        for index, question in enumerate(result.questions)))


def test_a_teacher_sees_the_recommended_questions_first_and_approves_them_in_one_click(page, live_server, corpus_dir,
                                                                                      monkeypatch):
    monkeypatch.setattr(questions, "generate", every_fourth_recommended)
    article = (corpus_dir / SEED_ARTICLE).read_text(encoding="utf-8")
    sign_up(page, live_server.base_url, name="Tess Teacher", email="tess@example.org", role="Teacher")
    page.get_by_role("link", name="Sets", exact=True).click()
    page.get_by_role("link", name="New set from an article").click()
    # The date starts at today; this article appeared on 15 May 2024.
    expect(page.get_by_label("Published on")).to_have_value(f"{dt.date.today():%Y-%m-%d}")
    page.get_by_label("Article text").fill(article)
    page.get_by_label("Published on").fill("2024-05-15")
    page.get_by_role("button", name="Generate questions").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Russian troops leave Karabakh")

    made = every_fourth_recommended(article, published=dt.date(2024, 5, 15))
    recommended = [question for question in made.questions if question.recommended]
    others = len(made.questions) - len(recommended)
    # The recommended set comes first, every question in it marked; the other suggestions are folded away.
    recommended_section = page.get_by_role("region", name=re.compile(r"^Recommended set"))
    expect(recommended_section.get_by_role("heading", level=3)).to_have_text(f"Recommended set ({len(recommended)})")
    shown = min(len(recommended), REVIEW_PAGE_SIZE)  # the sections follow each other over the pages
    expect(recommended_section.get_by_role("article")).to_have_count(shown)
    expect(recommended_section.get_by_role("article").first).to_contain_text(recommended[0].prompt)
    expect(page.get_by_text(f"Other suggestions ({others})")).to_be_visible()
    expect(page.locator("#other-suggestions").get_by_role("article").first).to_be_hidden()
    assert_accessible(page, "review page with the recommended set")

    page.get_by_role("button", name=f"Approve the recommended {len(recommended)}", exact=True).click()
    expect(page.get_by_role("alert")).to_contain_text(f"Approved the {len(recommended)} recommended questions.")
    expect(page.get_by_role("button", name=re.compile(r"^Approve the recommended"))).to_have_count(0)
    expect(recommended_section.get_by_text("Approved", exact=True)).to_have_count(shown)

    with live_server.app.app_context():
        question_set = db.session.execute(db.select(QuestionSet)).scalar_one()
        approved = {question.engine_id for question in question_set.questions
                    if question.review_status is ReviewStatus.APPROVED}
        assert approved == {question.id for question in recommended}
        assert all(question.review_status is ReviewStatus.PENDING for question in question_set.questions
                   if question.engine_id not in approved)
