"""Issue 4 in a real browser: a learner joins, studies and takes the demo quiz; the teacher sees the score."""
from __future__ import annotations

import csv
import io
import re

import pytest
from playwright.sync_api import Page, expect

from app.demo import DEMO_CLASS_NAME, DEMO_PASSWORD, DEMO_TEACHER_EMAIL
from app.extensions import db
from app.models import Classroom, Question, QuestionSet, Review, ReviewSource, User
from tests.browser.accessibility import assert_accessible
from tests.browser.pages import log_in, sign_up

pytestmark = pytest.mark.browser

LEARNER_NAME = "Lena Learner"
LEARNER_EMAIL = "lena@example.org"
# Space or Enter reveals a card; the digits grade it (1 Again, 2 Hard, 3 Good, 4 Easy).
STUDY_KEYS = [("Space", "3"), ("Enter", "4"), ("Space", "1"), ("Enter", "2"), ("Space", "3")]
MAX_QUIZ_QUESTIONS = 300
WRONG_TYPED_ANSWER = "no idea"


def demo_join_code(server) -> str:
    with server.app.app_context():
        return db.session.execute(db.select(Classroom.join_code).filter_by(name=DEMO_CLASS_NAME)).scalar_one()


def right_answer(server, page: Page) -> str:
    """The answer the teacher approved for the question on the page (the test answers half of them right)."""
    question_id = int(page.locator("input[name=question_id]").get_attribute("value"))
    with server.app.app_context():
        return db.session.get(Question, question_id).answer


def answer_question(page: Page, answer: str, *, rightly: bool) -> None:
    radios = page.get_by_role("radio")
    if radios.count():
        if rightly:
            page.get_by_label(answer, exact=True).check()
        else:
            labels = [label.strip() for label in page.locator("label.form-check-label").all_inner_texts()]
            page.get_by_label(next(label for label in labels if label != answer), exact=True).check()
    else:
        page.locator("#response").fill(answer if rightly else WRONG_TYPED_ANSWER)
    page.get_by_role("button", name="Check answer").click()


def take_the_quiz(page: Page, server) -> tuple[int, int]:
    """Answer every question, alternately right and wrong; return (right, asked). Axe once per question type."""
    scanned: set[str] = set()
    right = asked = 0
    while asked < MAX_QUIZ_QUESTIONS:
        expect(page.get_by_role("button", name="Check answer")).to_be_visible()
        kind = "choice" if page.get_by_role("radio").count() else "typed"
        if kind not in scanned:
            assert_accessible(page, f"quiz question ({kind})")
        rightly = asked % 2 == 0
        answer_question(page, right_answer(server, page), rightly=rightly)
        asked += 1
        right += rightly
        expect(page.get_by_role("heading", level=1)).to_have_text("Right!" if rightly else "Not quite")
        if kind not in scanned:
            assert_accessible(page, "quiz feedback")
            scanned.add(kind)
        finished = page.get_by_role("link", name="See your score")
        if finished.count():
            finished.click()
            return right, asked
        page.get_by_role("link", name="Next question").click()
    raise AssertionError(f"the quiz did not end after {MAX_QUIZ_QUESTIONS} questions")


def test_a_learner_joins_studies_and_takes_the_quiz_and_the_teacher_sees_the_score(new_context, demo_server):
    page = new_context().new_page()
    sign_up(page, demo_server.base_url, name=LEARNER_NAME, email=LEARNER_EMAIL, role="Learner")
    assert_accessible(page, "new learner's home page")

    # Join the demo class with its code.
    page.get_by_role("main").get_by_role("link", name="Join a class").click()
    assert_accessible(page, "join page")
    page.get_by_label("Join code").fill(demo_join_code(demo_server).lower())
    page.get_by_role("button", name="Join class").click()
    expect(page.get_by_role("alert")).to_contain_text(f"You joined “{DEMO_CLASS_NAME}”")
    with demo_server.app.app_context():
        set_title = db.session.execute(db.select(QuestionSet.title)).scalar_one()
    expect(page.get_by_role("rowheader", name=set_title)).to_be_visible()
    assert_accessible(page, "learner's home page with a set")

    # Five flashcards, keyboard only.
    page.get_by_role("link", name="Study now").click()
    for number, (reveal_key, grade_key) in enumerate(STUDY_KEYS, start=1):
        back = page.locator("#card-back")
        expect(back).to_be_hidden()
        if number == 1:
            assert_accessible(page, "flashcard front")
        page.keyboard.press(reveal_key)
        expect(back).to_be_visible()
        expect(page.get_by_role("button", name=re.compile(r"^Good"))).to_be_visible()
        if number == 1:
            assert_accessible(page, "flashcard back")
        with page.expect_navigation():
            page.keyboard.press(grade_key)
    with demo_server.app.app_context():
        learner_id = db.session.execute(db.select(User.id).filter_by(email=LEARNER_EMAIL)).scalar_one()
        reviews = db.session.execute(
            db.select(Review).filter_by(learner_id=learner_id).order_by(Review.id)).scalars().all()
        assert [review.rating for review in reviews] == [int(grade) for _, grade in STUDY_KEYS]
        assert all(review.source is ReviewSource.FLASHCARD and review.duration_ms is not None for review in reviews)

    # The demo quiz, to the end.
    page.get_by_role("link", name="Home").click()
    page.get_by_role("button", name=re.compile(r"^Take the quiz")).click()
    right, asked = take_the_quiz(page, demo_server)
    percent = round(100 * right / asked)
    expect(page.get_by_role("heading", level=1)).to_contain_text("your score")
    expect(page.get_by_role("main")).to_contain_text(f"{percent}%")
    expect(page.get_by_role("main")).to_contain_text(f"{right} of {asked} answered right")
    assert_accessible(page, "quiz score page")

    # Progress, with its charts.
    page.get_by_role("link", name="See your progress").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Your progress")
    expect(page.locator("figure.chart svg").first).to_be_visible()
    assert_accessible(page, "progress page")

    # The teacher sees the score in the class table and downloads the grades.
    teacher_page = new_context().new_page()
    log_in(teacher_page, demo_server.base_url, email=DEMO_TEACHER_EMAIL, password=DEMO_PASSWORD)
    teacher_page.get_by_role("link", name="Reports", exact=True).click()
    assert_accessible(teacher_page, "reports page")
    teacher_page.get_by_role("main").get_by_role("table").get_by_role("link").first.click()
    row = teacher_page.get_by_role("row").filter(has=teacher_page.get_by_role("rowheader", name=LEARNER_NAME))
    expect(row.get_by_role("cell").nth(1)).to_have_text(re.compile(rf"^{percent}\s%$"))  # the last score
    expect(row).to_contain_text("finished")
    assert_accessible(teacher_page, "class × set table")

    with teacher_page.expect_download() as download_info:
        teacher_page.get_by_role("link", name="Grades (CSV)").click()
    download = download_info.value
    assert download.suggested_filename.endswith(".csv")
    rows = list(csv.DictReader(io.StringIO(download.path().read_text(encoding="utf-16")), delimiter="\t"))
    learner_rows = [row for row in rows if LEARNER_EMAIL in row.values() or LEARNER_NAME in row.values()]
    assert len(learner_rows) == 1, rows
    grades = learner_rows[0]
    assert grades["set"] == set_title and grades["attempts"] == "1"
    assert float(grades["last_percent"]) == pytest.approx(100 * right / asked, abs=0.05), grades
