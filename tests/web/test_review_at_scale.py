"""The review page at scale: filters by status, type, fact kind and score; pages; approve, reject, delete at once."""
from __future__ import annotations

import re

import pytest

from app.extensions import db
from app.models import DismissedFact, Question, QuestionKind, ReviewStatus, Role
from app.sets.verdicts import REVIEW_PAGE_SIZE
from tests.web.conftest import log_in, make_user, post_form
from tests.web.test_sets import give_history, make_set, question_ids, visible_text

KINDS = [QuestionKind.MULTIPLE_CHOICE, QuestionKind.TRUE_FALSE, QuestionKind.CLOZE, QuestionKind.SHORT_ANSWER]
FACTS = ["speaker", "number", "date", "place"]


def hundred_questions() -> list[dict]:
    """A 100-question set: types and fact kinds in turn, scores from 0.00 to 0.99, every tenth approved."""
    return [{"kind": KINDS[number % 4], "fact_kind": FACTS[(number // 4) % 4], "score": number / 100,
             "prompt": f"Prompt number {number:03d}?", "choices": ["True", "False"] if number % 4 == 1 else [],
             "answer": "True" if number % 4 == 1 else f"answer {number}",
             "fact_text": f"fact {number}", "source_start": 10 * number, "source_end": 10 * number + 9,
             "review_status": ReviewStatus.APPROVED if number % 10 == 0 else ReviewStatus.PENDING}
            for number in range(100)]


PROMPT = re.compile(r"Prompt number (\d{3})\?")


def shown(client, url: str) -> list[int]:
    """Return the numbers of the questions the page shows, in its order."""
    response = client.get(url)
    assert response.status_code == 200, url
    return [int(number) for number in PROMPT.findall(response.get_data(as_text=True))]


def expected(predicate) -> list[int]:
    rows = [(number, row) for number, row in enumerate(hundred_questions()) if predicate(row)]
    # The page lists by fact group (who said what, numbers, dates, places), then learners' order.
    return [number for number, row in sorted(rows, key=lambda item: (FACTS.index(item[1]["fact_kind"]), item[0]))]


@pytest.fixture()
def big_set(app, teacher):
    return make_set(app, teacher, hundred_questions(), title="A hundred questions")


@pytest.mark.parametrize(("query", "predicate"), [
    ("kind=true_false", lambda row: row["kind"] is QuestionKind.TRUE_FALSE),
    ("fact=date", lambda row: row["fact_kind"] == "date"),
    ("status=approved", lambda row: row["review_status"] is ReviewStatus.APPROVED),
    ("score=80", lambda row: row["score"] >= 0.8),
    ("score=low&kind=cloze", lambda row: row["score"] < 0.4 and row["kind"] is QuestionKind.CLOZE),
    ("status=pending&fact=speaker&kind=multiple_choice&score=40",
     lambda row: row["review_status"] is ReviewStatus.PENDING and row["fact_kind"] == "speaker"
     and row["kind"] is QuestionKind.MULTIPLE_CHOICE and row["score"] >= 0.4),
])
def test_filters_keep_exactly_the_matching_questions(client, big_set, query, predicate):
    want = expected(predicate)
    assert len(want) <= 25  # one page
    assert shown(client, f"/sets/{big_set}?{query}") == want


def test_long_lists_come_in_pages_that_cover_every_question_once(client, big_set):
    want = expected(lambda row: row["review_status"] is ReviewStatus.PENDING)
    assert len(want) == 90
    first = client.get(f"/sets/{big_set}?status=pending")
    text = visible_text(first)
    assert "Showing 1–25 of 90 questions, pending." in text
    pages = [shown(client, f"/sets/{big_set}?status=pending&page={page}") for page in (1, 2, 3, 4)]
    assert [len(page) for page in pages] == [25, 25, 25, 15]
    assert sum(pages, []) == want
    assert 'href="/sets/%d?status=pending&amp;page=2">Next' % big_set in first.get_data(as_text=True)
    # A page past the end shows the last; a page that is no number shows the first.
    assert shown(client, f"/sets/{big_set}?status=pending&page=99") == pages[3]
    assert shown(client, f"/sets/{big_set}?status=pending&page=x") == pages[0]


def test_an_unknown_filter_value_counts_as_any_and_no_match_says_so(client, big_set):
    assert shown(client, f"/sets/{big_set}?status=pending&kind=essay&fact=gossip&score=101")[:25] == \
        shown(client, f"/sets/{big_set}?status=pending")
    text = visible_text(client.get(f"/sets/{big_set}?kind=flashcard"))
    assert "No question matches these filters." in text


def test_the_review_page_keeps_its_queries_few_whatever_the_page(app, client, big_set):
    from sqlalchemy import event
    statements = []
    with app.app_context():
        engine = db.engine
    listener = lambda *args: statements.append(args[2])  # noqa: E731
    event.listen(engine, "before_cursor_execute", listener)
    try:
        client.get(f"/sets/{big_set}?status=pending&page=2")
        filtered = len(statements)
        statements.clear()
        client.get(f"/sets/{big_set}?status=pending&kind=cloze&page=1")
    finally:
        event.remove(engine, "before_cursor_execute", listener)
    assert filtered <= 8 and len(statements) <= 8, statements


def bulk(client, set_id: int, action: str, ids: list[int], **keep):
    return post_form(client, f"/sets/{set_id}/questions/bulk",
                     {"action": action, "question_ids": [str(question_id) for question_id in ids], **keep},
                     form_page=f"/sets/{set_id}")


def statuses(app, ids: list[int]) -> list[ReviewStatus | None]:
    with app.app_context():
        return [(question.review_status if question else None)
                for question in (db.session.get(Question, question_id) for question_id in ids)]


@pytest.mark.parametrize(("action", "status"), [("approve", ReviewStatus.APPROVED), ("reject", ReviewStatus.REJECTED)])
def test_several_questions_are_approved_or_rejected_at_once(app, client, big_set, action, status):
    ids = question_ids(app, big_set)
    chosen = ids[1:6]  # 1..5 pending
    response = bulk(client, big_set, action, chosen + [ids[10]], filter="pending", filter_kind="cloze", filter_page="2")
    assert response.status_code == 302
    assert response.headers["Location"] == f"/sets/{big_set}?status=pending&kind=cloze&page=2"
    if action == "approve":
        assert "Approved 5 questions. 1 was already so, or retired." in visible_text(client.get("/sets/"))
    else:
        assert "Rejected 6 questions." in visible_text(client.get("/sets/"))
    assert statuses(app, chosen) == [status] * 5
    assert statuses(app, ids[6:10]) == [ReviewStatus.PENDING] * 4  # the others are untouched


def test_deleting_at_once_retires_what_learners_answered_and_remembers_the_facts(app, client, big_set):
    ids = question_ids(app, big_set)
    give_history(app, ids[3], "answer")
    response = bulk(client, big_set, "delete", ids[1:4])
    assert response.status_code == 302
    assert ("Deleted 2 questions. 1 that learners had answered was retired instead of deleted: their history stays."
            in visible_text(client.get("/sets/")))
    assert statuses(app, ids[1:4]) == [None, None, ReviewStatus.PENDING]
    with app.app_context():
        assert db.session.get(Question, ids[3]).retired_at is not None
        assert db.session.execute(db.select(db.func.count()).select_from(DismissedFact)).scalar() == 3


@pytest.mark.parametrize(("action", "ids", "message"), [
    ("approve", [], "Choose at least one question first"),
    ("publish", [1], "Choose approve, reject or delete."),
])
def test_a_bulk_action_without_a_choice_says_what_is_missing(app, client, big_set, action, ids, message):
    response = bulk(client, big_set, action, ids)
    assert response.status_code == 302 and message in visible_text(client.get(response.headers["Location"]))
    assert statuses(app, question_ids(app, big_set)).count(ReviewStatus.APPROVED) == 10


def test_a_bulk_action_never_reaches_another_teachers_questions(app, client, big_set, teacher):
    other_id = make_user(app, role=Role.TEACHER, email="other@example.org")
    other_set = make_set(app, other_id, [{"prompt": "Theirs?"}])
    theirs = question_ids(app, other_set)
    mine = question_ids(app, big_set)
    # Their question slipped among mine: nothing changes, mine included.
    response = bulk(client, big_set, "delete", [mine[1], *theirs])
    assert response.status_code == 302
    assert "not in this set" in visible_text(client.get(response.headers["Location"]))
    assert statuses(app, theirs + [mine[1]]) == [ReviewStatus.PENDING, ReviewStatus.PENDING]
    # Their set itself is not found.
    assert bulk(client, other_set, "approve", theirs).status_code == 404
    other = app.test_client()
    log_in(other, "other@example.org")
    assert other.get(f"/sets/{big_set}?status=pending").status_code == 404
    assert statuses(app, theirs) == [ReviewStatus.PENDING]


def test_a_learner_cannot_bulk_review(app, big_set):
    make_user(app, role=Role.LEARNER, email="ada@example.org")
    learner = app.test_client()
    log_in(learner, "ada@example.org")
    response = post_form(learner, f"/sets/{big_set}/questions/bulk", {"action": "approve", "question_ids": ["1"]},
                         form_page="/auth/password")
    assert response.status_code == 403


def test_each_question_has_a_box_for_the_bulk_form_and_the_default_view_too(client, big_set):
    # The default view comes in pages too: every question has its box on one of them.
    pages = [client.get(f"/sets/{big_set}?page={number}").get_data(as_text=True)
             for number in range(1, 100 // REVIEW_PAGE_SIZE + 1)]
    boxes = [set(re.findall(r'name="question_ids" value="(\d+)" form="bulk-form"', page)) for page in pages]
    assert [len(on_page) for on_page in boxes] == [REVIEW_PAGE_SIZE] * len(pages)
    assert len(set().union(*boxes)) == 100
    html = pages[0]
    assert 'id="bulk-form"' in html
    assert html.count('form="bulk-form"', 0) == len(re.findall(r'name="question_ids"', html))
    # The filters and the bulk bar come once, and the page's own actions once each.
    for marker in ('id="filter-status"', 'id="bulk-form"', "/approve-all", 'aria-label="Show questions by review status"'):
        assert html.count(marker) == 1, marker
