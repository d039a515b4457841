"""Teachers' report pages, on data built straight in the database: numbers shown, overdue flags, access."""
from __future__ import annotations

import datetime as dt
import itertools
import re
from dataclasses import dataclass
from html.parser import HTMLParser

import pytest
from flask import url_for
from fsrs import Card, Rating

from app.extensions import db
from app.sets.drafts import QuestionDraft
from app.sets.editing import edit_question
from app.models import (Answer, Assignment, Attempt, CardState, Classroom, Enrollment, Question, QuestionKind,
                        QuestionSet, Review, ReviewSource, Role, SetStatus, User, utcnow)
from app.study.services import GradeOutcome, card_version, grade_card
from tests.web.conftest import log_in, make_user

_submission_ids = itertools.count(1)


@dataclass(frozen=True)
class ReportData:
    classroom_id: int
    set_id: int
    question_ids: list[int]
    ada: int
    bob: int
    cy: int
    outsider: int  # a learner of another class
    ada_attempts: list[int]
    now: dt.datetime  # the moment the data is built around


QUESTIONS = [
    # kind, prompt, answer, choices
    (QuestionKind.MULTIPLE_CHOICE, "Who announced the withdrawal?", "The Kremlin", ["The Kremlin", "Baku", "Yerevan"]),
    (QuestionKind.TRUE_FALSE, "The peacekeepers arrived in 2020.", "True", ["True", "False"]),
    (QuestionKind.SHORT_ANSWER, "How many troops were deployed?", "1,960", []),
    (QuestionKind.CLOZE, "The troops left ____ in April.", "Nagorno-Karabakh", []),
    (QuestionKind.MULTIPLE_CHOICE, "=HYPERLINK(\"http://evil.example\") which month?", "April",
     ["March", "April", "May"]),
]


def fsrs_card(last_review: dt.datetime, stability: float) -> dict:
    card = Card().to_dict()
    aware = last_review.replace(tzinfo=dt.timezone.utc)
    card.update(state=2, step=None, stability=stability, difficulty=5.0, last_review=aware.isoformat(),
                due=(aware + dt.timedelta(days=stability)).isoformat())
    return card


def add_attempt(learner_id: int, set_id: int, question_ids: list[int], started: dt.datetime,
                results: list[tuple[str, bool]], *, finished: bool = True) -> int:
    attempt = Attempt(learner_id=learner_id, set_id=set_id, question_ids=question_ids, started_at=started,
                      finished_at=started + dt.timedelta(minutes=10) if finished else None,
                      correct=sum(correct for _response, correct in results), total=len(results))
    db.session.add(attempt)
    db.session.flush()
    for offset, (question_id, (response, correct)) in enumerate(zip(question_ids, results)):
        db.session.add(Answer(attempt_id=attempt.id, question_id=question_id, learner_id=learner_id, response=response,
                              correct=correct, answered_at=started + dt.timedelta(minutes=offset + 1),
                              duration_ms=4000 + offset, submission_id=f"sub-{next(_submission_ids)}"))
    return attempt.id


def build_report_data(app, teacher_id: int, *, now: dt.datetime | None = None) -> ReportData:
    """A class of three learners and a published set assigned with a due date two days ago.

    Ada finished twice (4/5 then 3/5) and studied two cards; Bob started once and stopped after two
    answers; Cy never started. So Bob and Cy are overdue, Ada is not.
    """
    now = now or utcnow()
    ada = make_user(app, role=Role.LEARNER, email="ada@example.org", name="Ada Lovelace")
    bob = make_user(app, role=Role.LEARNER, email="bob@example.org", name="Bob Marley")
    cy = make_user(app, role=Role.LEARNER, email="cy@example.org", name="Cy Twombly")
    outsider = make_user(app, role=Role.LEARNER, email="dee@example.org", name="Dee Outsider")
    with app.app_context():
        classroom = Classroom(teacher_id=teacher_id, name="Year 9 Géographie", join_code="GEO9AB")
        question_set = QuestionSet(owner_id=teacher_id, title="Karabakh: Russian troops leave",
                                   status=SetStatus.PUBLISHED, published_at=now - dt.timedelta(days=10))
        question_set.questions = [Question(position=position, kind=kind, prompt=prompt, answer=answer, choices=choices,
                                           explanation="A source sentence.")
                                  for position, (kind, prompt, answer, choices) in enumerate(QUESTIONS)]
        db.session.add_all([classroom, question_set])
        db.session.flush()
        db.session.add_all([Enrollment(classroom_id=classroom.id, learner_id=learner) for learner in (ada, bob, cy)])
        db.session.add(Assignment(set_id=question_set.id, classroom_id=classroom.id, due_at=now - dt.timedelta(days=2)))
        question_ids = [question.id for question in question_set.questions]
        ada_attempts = [
            add_attempt(ada, question_set.id, question_ids, now - dt.timedelta(days=5),
                        [("The Kremlin", True), ("True", True), ("1960", True), ("Nagorno-Karabakh", True),
                         ("May", False)]),
            add_attempt(ada, question_set.id, question_ids, now - dt.timedelta(days=3),
                        [("The Kremlin", True), ("True", True), ("1,960", True), ("-Karabakh", False),
                         ("=1+1", False)]),
        ]
        add_attempt(bob, question_set.id, question_ids, now - dt.timedelta(days=1),
                    [("Baku", False), ("True", True)], finished=False)
        db.session.add_all([
            CardState(learner_id=ada, question_id=question_ids[0], due=now + dt.timedelta(days=5),
                      fsrs_card=fsrs_card(now, 5.0), last_review_at=now),
            # Reviewed ten days ago with a stability of ten days: due now, so not mastered (1 of 5 cards is).
            CardState(learner_id=ada, question_id=question_ids[1], due=now,
                      fsrs_card=fsrs_card(now - dt.timedelta(days=10), 10.0),
                      last_review_at=now - dt.timedelta(days=10)),
        ])
        for reviewed_at, source, question_id in [(now, ReviewSource.FLASHCARD, question_ids[0]),
                                                 (now, ReviewSource.FLASHCARD, question_ids[1]),
                                                 (now - dt.timedelta(days=3), ReviewSource.QUIZ, question_ids[0])]:
            db.session.add(Review(learner_id=ada, question_id=question_id, rating=3, reviewed_at=reviewed_at,
                                  duration_ms=3000, source=source, submission_id=f"review-{next(_submission_ids)}"))
        db.session.commit()
        return ReportData(classroom_id=classroom.id, set_id=question_set.id, question_ids=question_ids, ada=ada,
                          bob=bob, cy=cy, outsider=outsider, ada_attempts=ada_attempts, now=now)


class _TableReader(HTMLParser):
    """Collect the text of each row of the tables on a page (header and data cells alike)."""

    def __init__(self):
        super().__init__()
        self.rows: list[list[str]] = []
        self._cell: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        if tag == "tr":
            self.rows.append([])
        elif tag in ("td", "th"):
            self._cell = []

    def handle_endtag(self, tag):
        if tag in ("td", "th") and self._cell is not None:
            self.rows[-1].append(" ".join("".join(self._cell).split()))
            self._cell = None

    def handle_data(self, data):
        if self._cell is not None:
            self._cell.append(data)


def table_rows(html: str) -> list[list[str]]:
    reader = _TableReader()
    reader.feed(html)
    return reader.rows


def page_text(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


@pytest.fixture()
def data(app, teacher):
    return build_report_data(app, teacher)


def test_class_set_table_shows_each_learners_scores_mastery_and_overdue_flag(client, data):
    page = client.get(f"/reports/classes/{data.classroom_id}/sets/{data.set_id}")
    assert page.status_code == 200
    rows = table_rows(page.get_data(as_text=True))
    assert rows[0] == ["Learner ▲ (sorted ascending)", "Best (sort)", "Last (sort)", "Attempts (sort)",
                       "Mastery (sort)", "Last activity (sort)", "Status (sort)"]
    today = data.now.date()
    yesterday = (data.now - dt.timedelta(days=1) + dt.timedelta(minutes=2)).date()
    assert rows[1:] == [
        # Ada's flashcard reviews today are her latest activity; Bob answered yesterday.
        ["Ada Lovelace", "80 %", "60 %", "2", "20 %", f"{today.day} {today:%B %Y}", "finished"],
        ["Bob Marley", "–", "–", "0 (+1 unfinished)", "0 %", f"{yesterday.day} {yesterday:%B %Y}", "overdue"],
        ["Cy Twombly", "–", "–", "0", "0 %", "never", "overdue"],
    ]
    assert "overdue: 2 learners not done" in page_text(page.get_data(as_text=True))


@pytest.mark.parametrize(("sort", "order", "names"), [
    ("best", "desc", ["Ada Lovelace", "Bob Marley", "Cy Twombly"]),  # learners without a score stay last
    ("name", "desc", ["Cy Twombly", "Bob Marley", "Ada Lovelace"]),
    ("attempts", "asc", ["Bob Marley", "Cy Twombly", "Ada Lovelace"]),
    ("activity", "desc", ["Ada Lovelace", "Bob Marley", "Cy Twombly"]),
    ("nonsense", "asc", ["Ada Lovelace", "Bob Marley", "Cy Twombly"]),
])
def test_class_set_table_sorts_by_a_column(client, data, sort, order, names):
    page = client.get(f"/reports/classes/{data.classroom_id}/sets/{data.set_id}?sort={sort}&order={order}")
    assert [row[0] for row in table_rows(page.get_data(as_text=True))[1:]] == names


def test_overview_lists_classes_and_sets_with_the_overdue_count(client, data):
    page = client.get("/reports/")
    assert page.status_code == 200
    text = page_text(page.get_data(as_text=True))
    assert "Year 9 Géographie" in text
    due = data.now - dt.timedelta(days=2)
    assert ["Karabakh: Russian troops leave overdue: 2 learners not done", f"{due.day} {due:%B %Y}", "1 of 3",
            "Item analysis · Grades CSV"] in table_rows(page.get_data(as_text=True))


def test_overview_without_a_due_date_has_no_overdue_badge(app, client, teacher):
    data = build_report_data(app, teacher)
    with app.app_context():
        db.session.get(Assignment, db.session.execute(db.select(Assignment.id)).scalar_one()).due_at = None
        db.session.commit()
    text = page_text(client.get("/reports/").get_data(as_text=True))
    assert "overdue" not in text and "No due date" in text
    rows = table_rows(client.get(f"/reports/classes/{data.classroom_id}/sets/{data.set_id}").get_data(as_text=True))
    assert [row[-1] for row in rows[1:]] == ["finished", "in progress", "not started"]


def test_learner_page_shows_history_mastery_and_reviews_per_day(client, data):
    page = client.get(f"/reports/classes/{data.classroom_id}/learners/{data.ada}")
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    rows = table_rows(html)
    assert ["Karabakh: Russian troops leave"] == [row[0] for row in rows if row[-1:] == ["finished"]]
    set_row = next(row for row in rows if row[-1:] == ["finished"])
    assert set_row[2:6] == ["80 %", "60 %", "2", "20 %"]  # mastered: the card due in five days, not the one due now
    score_cells = [row[3] for row in rows if len(row) == 4 and row[0] == "Karabakh: Russian troops leave"]
    assert score_cells == ["3 / 5 (60 %)", "4 / 5 (80 %)"]  # newest first
    assert "<svg" in html and "3 in all" in page_text(html)
    today = data.now.date()
    assert [f"{today.day} {today:%B %Y}", "2", "0"] in rows


def test_learner_page_of_a_learner_outside_the_class_is_not_found(client, data):
    assert client.get(f"/reports/classes/{data.classroom_id}/learners/{data.outsider}").status_code == 404
    assert client.get(f"/reports/classes/{data.classroom_id}/learners/999").status_code == 404


def test_item_analysis_shows_facility_choices_and_flags_with_edit_links(app, client, data):
    page = client.get(f"/reports/sets/{data.set_id}/items")
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    text = page_text(html)
    # Only Ada finished; her first attempt counts (the retake and Bob's unfinished attempt do not).
    assert "1 learner counted." in text and "1 learner started without finishing" in text
    assert "at least 4 learners" in text
    assert "100 % (1 of 1 right)" in text and "0 % (0 of 1 right)" in text
    assert ["May", "1 (100 %)"] in table_rows(html) and ["April right answer", "0 (0 %)"] in table_rows(html)
    # One learner's slip says nothing about a question: no flag before five answers, and the page says so.
    assert "to review" not in text and "Review:" not in text
    assert "No question is flagged for review yet: 5 questions still need 5 answers to be judged." in text
    assert "only once at least 5 learners have answered it" in text


def test_item_analysis_flags_name_their_reason_once_enough_learners_answered(app, client, data):
    learners = [make_user(app, role=Role.LEARNER, email=f"more{number}@example.org", name=f"More {number}")
                for number in range(4)]
    with app.app_context():
        for learner in learners:
            add_attempt(learner, data.set_id, data.question_ids, data.now - dt.timedelta(days=1),
                        [("The Kremlin", True), ("True", True), ("1960", True), ("Nagorno-Karabakh", True),
                         ("April", False)])
        db.session.commit()
    html = client.get(f"/reports/sets/{data.set_id}/items").get_data(as_text=True)
    text = page_text(html)
    assert "5 learners counted." in text
    assert "1 question to review" in text
    assert "Question 5: " in text and "most learners miss it" in text
    assert "Review: most learners miss it. Most learners miss it: 0 of 5 answered right (0 %, below 30 %)" in text
    assert "not judged yet" not in text
    with app.test_request_context():
        edit_link = url_for("sets.edit_question", set_id=data.set_id, question_id=data.question_ids[4])
    assert html.count(f'href="{edit_link}"') == 2  # in the list of questions to review and on the question


def test_item_analysis_is_fresh_after_a_finished_attempt_or_an_edited_answer_key(app, client, data):
    # The statistics are kept between visits: a new finished attempt and a changed answer key each show at once.
    url = f"/reports/sets/{data.set_id}/items"
    assert "1 learner counted." in page_text(client.get(url).get_data(as_text=True))
    more = make_user(app, role=Role.LEARNER, email="more@example.org", name="More Learner")
    with app.app_context():
        add_attempt(more, data.set_id, data.question_ids, data.now - dt.timedelta(hours=1),
                    [("Baku", False), ("True", True), ("1960", True), ("Nagorno-Karabakh", True), ("May", False)])
        db.session.commit()
    text = page_text(client.get(url).get_data(as_text=True))
    assert "2 learners counted." in text and "50 % (1 of 2 right)" in text
    assert ["May", "2 (100 %)"] in table_rows(client.get(url).get_data(as_text=True))
    with app.app_context():  # the teacher rewrites a question learners answered: it is retired, the new one asked
        question = db.session.get(Question, data.question_ids[4])
        edit_question(question, QuestionDraft(kind=QuestionKind.MULTIPLE_CHOICE, prompt="Which month was it?",
                                              answer="May", choices=("March", "April", "May"),
                                              explanation="A source sentence."))
    text = page_text(client.get(url).get_data(as_text=True))
    assert "no longer asked" in text and "6. Which month was it? multiple choice · right answer: May" in text


def test_class_set_mastery_is_fresh_after_a_review_or_a_retired_question(app, client, data):
    # The cards' counts are kept between visits: a learner's grade and a question taken out each show at once.
    url = f"/reports/classes/{data.classroom_id}/sets/{data.set_id}"

    def ada_mastery() -> str:
        return next(row for row in table_rows(client.get(url).get_data(as_text=True)) if row[0] == "Ada Lovelace")[4]

    assert ada_mastery() == "20 %"
    with app.app_context():  # Ada recalls her card that was due: learned, and not due again today
        ada = db.session.get(User, data.ada)
        card = db.session.execute(db.select(CardState).filter_by(learner_id=data.ada,
                                                                 question_id=data.question_ids[1])).scalar_one()
        result = grade_card(ada, data.question_ids[1], Rating.Good, submission_id="fresh-mastery-grade",
                            duration_ms=3000, seen_version=card_version(card), now=utcnow())
        assert result.outcome is GradeOutcome.GRADED
    assert ada_mastery() == "40 %"
    with app.app_context():  # the teacher rewrites the other card's question: the old one is retired
        question = db.session.get(Question, data.question_ids[0])
        edit_question(question, QuestionDraft(kind=QuestionKind.MULTIPLE_CHOICE, prompt="Who said it?",
                                              answer="The Kremlin", choices=("The Kremlin", "Baku", "Yerevan"),
                                              explanation="A source sentence."))
    assert ada_mastery() == "20 %"


def test_item_analysis_shows_a_long_set_in_pages_and_links_each_flag_to_its_page(app, client, teacher):
    now = utcnow()
    learners = [make_user(app, role=Role.LEARNER, email=f"long{number}@example.org") for number in range(5)]
    with app.app_context():
        question_set = QuestionSet(owner_id=teacher, title="Long set", status=SetStatus.PUBLISHED, published_at=now)
        question_set.questions = [Question(position=position, kind=QuestionKind.SHORT_ANSWER,
                                           prompt=f"Question number {position + 1}?", answer="yes",
                                           explanation="A sentence.", review_status="approved")
                                  for position in range(23)]
        db.session.add(question_set)
        db.session.flush()
        question_ids = [question.id for question in question_set.questions]
        for learner in learners:  # everyone misses the last question only: it is flagged
            add_attempt(learner, question_set.id, question_ids, now - dt.timedelta(days=1),
                        [("yes", True)] * 22 + [("no", False)])
        db.session.commit()
        set_id = question_set.id
    url = f"/reports/sets/{set_id}/items"
    first = client.get(url).get_data(as_text=True)
    assert "Questions 1–10 of 23" in page_text(first)
    assert "Question number 10?" in first and "Question number 11?" not in first
    assert f'href="/reports/sets/{set_id}/items?page=3#question-{question_ids[22]}"' in first
    last = client.get(url + "?page=3").get_data(as_text=True)
    assert "Questions 21–23 of 23" in page_text(last) and f'id="question-{question_ids[22]}"' in last
    assert f'href="#question-{question_ids[22]}"' in last
    assert "Questions 21–23 of 23" in page_text(client.get(url + "?page=99").get_data(as_text=True))
    assert "Questions 1–10 of 23" in page_text(client.get(url + "?page=x").get_data(as_text=True))


def test_item_analysis_can_be_limited_to_one_class(app, client, data, teacher):
    with app.app_context():
        other = Classroom(teacher_id=teacher, name="Year 10", join_code="Y10XYZ")
        db.session.add(other)
        db.session.commit()
        other_id = other.id
    text = page_text(client.get(f"/reports/sets/{data.set_id}/items?classroom_id={other_id}").get_data(as_text=True))
    assert "0 learners counted." in text
    page = client.get(f"/reports/sets/{data.set_id}/items?classroom_id={data.classroom_id}")
    text = page_text(page.get_data(as_text=True))
    assert "1 learner counted." in text


def _report_urls(data: ReportData) -> list[str]:
    return [
        "/reports/",
        f"/reports/classes/{data.classroom_id}/sets/{data.set_id}",
        f"/reports/classes/{data.classroom_id}/learners/{data.ada}",
        f"/reports/sets/{data.set_id}/items",
    ]


def test_another_teacher_gets_not_found_for_every_report(app, client, data):
    make_user(app, role=Role.TEACHER, email="other@example.org", name="Otto Other")
    other_client = app.test_client()
    assert log_in(other_client, "other@example.org").status_code == 302
    index, *owned = _report_urls(data)
    assert other_client.get(index).status_code == 200
    assert "Year 9" not in other_client.get(index).get_data(as_text=True)
    for url in owned:
        assert other_client.get(url).status_code == 404, url
    assert other_client.get(f"/reports/sets/{data.set_id}/items?classroom_id={data.classroom_id}").status_code == 404


def test_learners_are_refused_and_visitors_sent_to_log_in(app, data):
    learner_client = app.test_client()
    assert log_in(learner_client, "ada@example.org").status_code == 302
    anonymous = app.test_client()
    for url in _report_urls(data):
        assert learner_client.get(url).status_code == 403, url
        response = anonymous.get(url)
        assert response.status_code == 302 and "/auth/login" in response.headers["Location"], url


def test_mastery_counts_each_learners_day_in_their_own_zone(app):
    """A card due tomorrow morning UTC is past today for a learner in London but due today in Auckland.

    Learners of one class in several zones: each card is compared with the end of its own learner's day.
    """
    from app.reports.services import summaries
    from app.models import User
    from tests.web.learner_setup import enroll, make_assigned_set

    now = dt.datetime(2024, 5, 15, 18, 0)  # Auckland (UTC+12): 16 May, 06:00; its day ends at 12:00 UTC
    london = make_user(app, role=Role.LEARNER, email="london@example.org")
    auckland = make_user(app, role=Role.LEARNER, email="auckland@example.org")
    assigned = make_assigned_set(app, london)
    enroll(app, auckland, assigned.classroom_id)
    due = dt.datetime(2024, 5, 16, 6, 0)  # after London's midnight (BST: 23:00 UTC), before Auckland's
    with app.app_context():
        for learner_id, zone in ((london, "Europe/London"), (auckland, "Pacific/Auckland")):
            db.session.get(User, learner_id).time_zone = zone
            db.session.add(CardState(learner_id=learner_id, question_id=assigned.question_ids[0], due=due,
                                     fsrs_card=fsrs_card(now - dt.timedelta(days=1), 1.5),
                                     introduced_at=now - dt.timedelta(days=1), last_review_at=now - dt.timedelta(days=1)))
        db.session.commit()
        learners = [db.session.get(User, london), db.session.get(User, auckland)]
        summary = summaries(learners, [assigned.set_id], {assigned.set_id: None}, now)
        single = summaries(learners[:1], [assigned.set_id], {assigned.set_id: None}, now)
    assert summary[london, assigned.set_id].mastery == pytest.approx(1 / len(assigned.question_ids))
    assert summary[auckland, assigned.set_id].mastery == 0
    assert single[london, assigned.set_id].mastery == summary[london, assigned.set_id].mastery
