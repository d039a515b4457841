"""Issue 12 in a real browser: a teacher downloads a set in each format from its page and imports each back."""
from __future__ import annotations

import json

import pytest
from playwright.sync_api import expect

from app.demo import DEMO_PASSWORD, DEMO_TEACHER_EMAIL
from app.extensions import db
from app.models import QuestionSet
from tests.browser.accessibility import assert_accessible
from tests.browser.pages import log_in

pytestmark = pytest.mark.browser

FORMATS = [("GIFT (Moodle)", ".gift.txt"), ("Moodle XML", ".xml"), ("Quizlet (term and definition)", ".quizlet.txt"),
           ("Anki deck (.apkg)", ".apkg"), ("Factdeck JSON", ".json")]


def live_and_current_counts(app) -> tuple[str, int, int]:
    with app.app_context():
        question_set = db.session.execute(db.select(QuestionSet)).scalars().one()
        current = [question for question in question_set.questions if question.retired_at is None]
        return question_set.title, sum(question.is_live for question in current), len(current)


def test_each_format_downloads_from_the_set_page_and_imports_back(page, demo_server, tmp_path):
    title, live, current = live_and_current_counts(demo_server.app)
    log_in(page, demo_server.base_url, email=DEMO_TEACHER_EMAIL, password=DEMO_PASSWORD)
    page.get_by_role("link", name="Sets", exact=True).click()
    page.get_by_role("link", name=title).first.click()
    set_page = page.url

    downloaded = {}
    for label, suffix in FORMATS:
        page.goto(set_page)
        page.get_by_text("Download…").click()
        with page.expect_download() as download_info:
            page.get_by_role("link", name=label, exact=True).click()
        download = download_info.value
        assert download.suggested_filename.endswith(suffix), download.suggested_filename
        path = tmp_path / download.suggested_filename
        download.save_as(path)
        downloaded[label] = path
    assert len(json.loads(downloaded["Factdeck JSON"].read_text())["questions"]) == current

    for label, path in downloaded.items():
        page.goto(set_page)
        page.get_by_role("link", name="Import questions").first.click()
        expect(page.get_by_role("heading", level=1)).to_have_text("Import questions")
        page.get_by_label("File of questions").set_input_files(path)
        page.get_by_label("Import into").select_option(label="A new set")
        page.get_by_label("Title of the new set (optional)").fill(f"Copy as {label}")
        page.get_by_role("button", name="Import").click()
        count = current if label == "Factdeck JSON" else live
        expect(page.get_by_role("alert")).to_contain_text(f"Imported {count} questions into 'Copy as {label}'")
        expect(page.get_by_role("heading", level=1)).to_contain_text(f"Copy as {label}")

    # Quizlet's text pasted into the box beside the file field, with its custom separators typed in.
    cards = downloaded["Quizlet (term and definition)"].read_text().strip().splitlines()
    page.goto(demo_server.base_url + "/sets/import")
    assert_accessible(page, "import page")
    page.get_by_label("…or paste the questions").fill("\n\n".join(card.replace("\t", " :: ") for card in cards))
    page.get_by_text("Quizlet's custom separators", exact=True).click()
    page.get_by_label("Quizlet: between term and definition (optional)").fill(" :: ")
    page.get_by_label("Quizlet: between cards (optional)").fill("\\n\\n")
    page.get_by_role("button", name="Import").click()
    expect(page.get_by_role("alert")).to_contain_text(f"Imported {len(cards)} questions into 'Pasted questions'")

    # A broken file says what is wrong and imports nothing.
    broken = tmp_path / "broken.apkg"
    broken.write_bytes(downloaded["Anki deck (.apkg)"].read_bytes()[:-300])
    page.goto(demo_server.base_url + "/sets/import")
    page.get_by_label("File of questions").set_input_files(broken)
    page.get_by_role("button", name="Import").click()
    expect(page.get_by_role("alert")).to_contain_text("damaged or truncated")
    assert_accessible(page, "import page with errors")
