"""The recommended set: stored with each generated question, shown first, approved in one click, and kept
through regenerations, which never bring back a fact the teacher rejected or deleted."""
from __future__ import annotations

import dataclasses
import datetime as dt
import io
import json
import re

import pytest

import questions
from questions.clean import article_text
from app.extensions import db
from app.models import DismissedFact, Question, QuestionKind, QuestionSet, ReviewStatus, User
from app.sets import creation, exchange, queries
from tests.web.conftest import post_form
from tests.web.test_sets import (ARTICLE, flashed, get_question, give_history, make_set, post_article, post_multipart,
                                 question_ids, visible_text)
from tests.web.conftest import csrf_token

SPEAKER_PROMPT = 'Who said "This bridge joins two communities that have waited fifty years"?'
DATE_PROMPT = "On what day did the council approve the bridge?"


def fake_generate(text, *, published=None, seed=0, today=None):
    """A known engine result for ARTICLE: three facts, four questions, two of them recommended.

    As in the real engine, a new seed flips the true/false question (so its prompt and id change) and
    the date question's answer moves with the publication date while its prompt and id stay.
    """
    clean = article_text(text)
    published = published or dt.date(2024, 5, 14)

    def sentence(opening: str) -> questions.Sentence:
        start = clean.index(opening)
        end = clean.index("\n", start)
        return questions.Sentence(clean[start:end], start, end)

    def fact(kind, words, value, where, **extra) -> questions.Fact:
        start = where.start + where.text.index(words)
        return questions.Fact(kind, words, value, start, start + len(words), where, **extra)

    costs, quote, opening = sentence("The bridge will cost"), sentence('"This bridge'), sentence("PLYMOUTH")
    cost = fact(questions.FactKind.NUMBER, "42 million pounds", 42_000_000, costs, counts="cost", unit="GBP")
    speaker = fact(questions.FactKind.SPEAKER, "Tudor Evans", "Tudor Evans", quote, quote="This bridge joins ...")
    approved_on = published - dt.timedelta(days=1)
    tuesday = fact(questions.FactKind.DATE, "Tuesday", approved_on.isoformat(), opening)
    true_claim = seed % 2 == 0
    made = (
        questions.Question("cost-mc", questions.QuestionType.MULTIPLE_CHOICE, "How much will the bridge cost?",
                           "42 million pounds", cost, ("12 million pounds", "42 million pounds", "420 million pounds"),
                           score=0.9, recommended=True),
        questions.Question(f"cost-tf-{seed}", questions.QuestionType.TRUE_FALSE,
                           f"The bridge will cost {'42' if true_claim else '12'} million pounds.",
                           "True" if true_claim else "False", cost, score=0.3),
        questions.Question("speaker-sa", questions.QuestionType.SHORT_ANSWER, SPEAKER_PROMPT, "Tudor Evans", speaker,
                           score=0.8, recommended=True),
        questions.Question("date-sa", questions.QuestionType.SHORT_ANSWER, DATE_PROMPT,
                           f"{approved_on.day} {approved_on:%B %Y}", tuesday, score=0.6),
    )
    anatomy = questions.Anatomy(headline="Town council approves new bridge over the Tamar", published=published)
    return questions.Result(text=clean, article=anatomy, facts=(tuesday, cost, speaker), questions=made)


@pytest.fixture()
def engine(monkeypatch):
    monkeypatch.setattr(creation.questions, "generate", fake_generate)


def new_set(client, **fields) -> int:
    response = post_article(client, article=ARTICLE, published_on="2024-05-15", **fields)
    assert response.status_code == 302
    return int(response.headers["Location"].rsplit("/", 1)[1])


def by_engine_id(app, set_id: int) -> dict[str, Question]:
    """The set's live questions by engine id, detached from the session."""
    with app.app_context():
        rows = queries.ordered_questions(db.session.get(QuestionSet, set_id))
        for row in rows:
            db.session.expunge(row)
        return {row.engine_id: row for row in rows}


def set_status(client, set_id: int, question_id: int, status: str) -> None:
    page = f"/sets/{set_id}"
    assert post_form(client, f"{page}/questions/{question_id}/status", {"status": status},
                     form_page=page).status_code == 302


def regenerate(client, set_id: int) -> None:
    assert post_form(client, f"/sets/{set_id}/regenerate", {}, form_page=f"/sets/{set_id}").status_code == 302


def change_date(client, set_id: int, date: str):
    return post_form(client, f"/sets/{set_id}/details", {"title": "Bridge", "published_on": date, "description": ""},
                     form_page=f"/sets/{set_id}")


# ---------------------------------------------------------------------------------------------------- stored


def test_each_generated_question_keeps_its_score_and_recommendation(app, client, teacher, engine):
    stored = {engine_id: (question.score, question.recommended)
              for engine_id, question in by_engine_id(app, new_set(client)).items()}
    assert stored == {"cost-mc": (0.9, True), "cost-tf-0": (0.3, False), "speaker-sa": (0.8, True),
                      "date-sa": (0.6, False)}


def test_a_question_written_by_hand_is_not_recommended(app, client, teacher):
    set_id = make_set(app, teacher)
    post_form(client, f"/sets/{set_id}/questions/new", {"kind": "short_answer", "prompt": "Where?", "answer": "Here",
                                                        "choices": "", "explanation": ""})
    with app.app_context():
        (question,) = db.session.get(QuestionSet, set_id).questions
        assert (question.recommended, question.score) == (False, None)


@pytest.mark.parametrize("extra, stored", [
    ({}, (False, None)),
    ({"recommended": True, "score": 0.75}, (True, 0.75)),
    ({"recommended": False, "score": 1}, (False, 1.0)),
])
def test_an_import_is_recommended_only_when_the_file_says_so(app, client, teacher, extra, stored):
    document = {"format": "factdeck-set", "version": 1, "title": "Imported", "questions": [
        {"type": "short_answer", "prompt": "Where?", "answer": "Here", **extra}]}
    response = post_multipart(client, "/sets/import", {"csrf_token": csrf_token(client, "/sets/import"),
                                                       "upload": (io.BytesIO(json.dumps(document).encode()), "set.json"),
                                                       "destination": "new"})
    assert response.status_code == 302, visible_text(response)
    with app.app_context():
        question = db.session.execute(db.select(Question)).scalar_one()
        assert (question.recommended, question.score) == stored
        # The export carries them back out.
        exported = exchange.export_json(question.question_set)["questions"][0]
        assert (exported.get("recommended", False), exported.get("score")) == stored


@pytest.mark.parametrize("extra, message", [
    ({"recommended": "yes"}, '"recommended" must be true or false'),
    ({"score": 7}, "the score must be a number from 0 to 1"),
    ({"score": True}, "the score must be a number from 0 to 1"),
])
def test_an_import_with_bad_flags_is_refused(app, client, teacher, extra, message):
    document = {"format": "factdeck-set", "version": 1, "questions": [
        {"type": "short_answer", "prompt": "Where?", "answer": "Here", **extra}]}
    response = post_multipart(client, "/sets/import", {"csrf_token": csrf_token(client, "/sets/import"),
                                                       "upload": (io.BytesIO(json.dumps(document).encode()), "set.json"),
                                                       "destination": "new"})
    assert response.status_code == 400 and f"Question 1: {message}" in visible_text(response)


# ---------------------------------------------------------------------------------------------------- the review page


REVIEW_ROWS = [
    {"prompt": "Recommended pending one?", "recommended": True, "score": 0.9},
    {"prompt": "Weak suggestion?", "score": 0.2},
    {"prompt": "Recommended approved one?", "recommended": True, "score": 0.8, "review_status": ReviewStatus.APPROVED},
    {"prompt": "Strong suggestion?", "score": 0.7},
    {"prompt": "Mine?", "engine_id": None, "fact_kind": None, "review_status": ReviewStatus.APPROVED},
    {"prompt": "Turned down?", "recommended": True, "review_status": ReviewStatus.REJECTED},
    {"prompt": "Unscored suggestion?"},
    {"prompt": "Retired?", "recommended": True, "retired_at": dt.datetime(2024, 5, 2)},
]


def test_the_review_page_shows_the_recommended_set_first_and_folds_the_rest(app, client, teacher):
    set_id = make_set(app, teacher, REVIEW_ROWS)
    response = client.get(f"/sets/{set_id}")
    page = visible_text(response)
    in_order = ["Recommended set (2)", "Approve the recommended 1", "Recommended pending one?",
                "Recommended approved one?", "Also approved (1)", "Mine?", "Other suggestions (3)",
                "Strong suggestion?", "Weak suggestion?", "Unscored suggestion?", "Rejected (1)", "Turned down?"]
    positions = [page.index(text) for text in in_order]
    assert positions == sorted(positions)
    assert "Retired?" not in page
    html = response.get_data(as_text=True)
    # The suggestions are folded while there is a recommended set to look at.
    assert re.search(r'<details class="mb-4" id="other-suggestions">', html)
    assert "Engine score 90%" in page


def test_a_long_review_page_comes_in_pages_the_sections_following_each_other(app, client, teacher):
    rows = [{"prompt": f"Recommended {number}?", "recommended": True, "score": 0.9} for number in range(3)]
    rows += [{"prompt": f"Suggestion {number:02}?", "score": 0.8 - number / 100} for number in range(30)]
    set_id = make_set(app, teacher, rows)
    first = client.get(f"/sets/{set_id}")
    page = visible_text(first)
    assert "Recommended set (3)" in page and "Approve the recommended 3" in page and "Other suggestions (30)" in page
    assert "Suggestion 21?" in page and "Suggestion 22?" not in page  # 3 + 22 questions: the first 25
    assert '<details class="mb-4" id="other-suggestions">' in first.get_data(as_text=True)
    assert f'href="/sets/{set_id}?page=2"' in first.get_data(as_text=True)
    second = client.get(f"/sets/{set_id}?page=2")
    page = visible_text(second)
    assert "Suggestion 22?" in page and "Suggestion 29?" in page and "Suggestion 21?" not in page
    # Every section keeps its heading and count, and says where its questions are when none is on this page.
    assert "Recommended set (3) Approve the recommended 3" in page and "These questions begin on page 1 ." in page
    assert "Other suggestions (30)" in page
    assert '<details class="mb-4" id="other-suggestions" open>' in second.get_data(as_text=True)  # nothing above it
    # An action on page 2 comes back to page 2; a page past the last shows the last.
    assert 'name="filter_page" value="2"' in second.get_data(as_text=True)
    assert "Suggestion 29?" in visible_text(client.get(f"/sets/{set_id}?page=7"))


def test_without_recommended_questions_the_suggestions_are_open(app, client, teacher):
    set_id = make_set(app, teacher, [{"prompt": "Only suggestion?"}])
    response = client.get(f"/sets/{set_id}")
    assert '<details class="mb-4" id="other-suggestions" open>' in response.get_data(as_text=True)
    page = visible_text(response)
    assert "Recommended set (0)" in page and "The engine recommends no question" in page
    assert "Approve the recommended" not in page


def test_approving_the_recommended_set_is_one_post(app, client, teacher):
    set_id = make_set(app, teacher, REVIEW_ROWS)
    before = {question_id: get_question(app, question_id).review_status for question_id in question_ids(app, set_id)}
    response = post_form(client, f"/sets/{set_id}/approve-recommended", {}, form_page=f"/sets/{set_id}")
    assert response.status_code == 302 and response.headers["Location"].endswith(f"/sets/{set_id}")
    assert "Approved the 1 recommended question." in flashed(client)
    after = {question_id: get_question(app, question_id).review_status for question_id in question_ids(app, set_id)}
    changed = [get_question(app, question_id).prompt for question_id in after if after[question_id] != before[question_id]]
    assert changed == ["Recommended pending one?"]
    assert "Approve the recommended" not in visible_text(client.get(f"/sets/{set_id}"))

    post_form(client, f"/sets/{set_id}/approve-recommended", {}, form_page=f"/sets/{set_id}")
    assert "No recommended question was pending." in flashed(client)


def test_approving_the_recommended_set_needs_the_csrf_token(app, client, teacher):
    set_id = make_set(app, teacher, REVIEW_ROWS)
    assert client.post(f"/sets/{set_id}/approve-recommended").status_code == 400
    assert get_question(app, question_ids(app, set_id)[0]).review_status is ReviewStatus.PENDING


# ---------------------------------------------------------------------------------------------------- regenerating


@pytest.mark.parametrize("dismiss", ["reject", "delete", "delete answered"])
def test_regenerating_never_brings_back_a_fact_the_teacher_rejected_or_deleted(app, client, teacher, engine, dismiss):
    set_id = new_set(client)
    made = by_engine_id(app, set_id)
    # The teacher turns down the true/false question about the cost; the multiple-choice one stays pending.
    turned_down = made["cost-tf-0"].id
    if dismiss == "reject":
        set_status(client, set_id, turned_down, "rejected")
    else:
        if dismiss == "delete answered":
            give_history(app, turned_down)
        post_form(client, f"/sets/{set_id}/questions/{turned_down}/delete", {}, form_page=f"/sets/{set_id}")
    # Each new seed rewords the true/false question (a new id and prompt): the fact is what is remembered.
    for seed in (1, 2, 3):
        regenerate(client, set_id)
        assert "about facts you had rejected or deleted were left out" in flashed(client)
        live = by_engine_id(app, set_id)
        asked_about_cost = {engine_id for engine_id, question in live.items() if question.fact_text == "42 million pounds"
                            and question.review_status is not ReviewStatus.REJECTED}
        assert asked_about_cost == set(), seed
        assert {"speaker-sa", "date-sa"} <= set(live)
    with app.app_context():
        assert db.session.get(QuestionSet, set_id).seed == 3
        remembered = db.session.execute(db.select(DismissedFact.fact_kind, DismissedFact.fact_text)).all()
        assert remembered == ([] if dismiss == "reject" else [("number", "42 million pounds")])


def test_approving_a_rejected_question_lets_its_fact_back(app, client, teacher, engine):
    set_id = new_set(client)
    made = by_engine_id(app, set_id)
    set_status(client, set_id, made["cost-mc"].id, "rejected")
    regenerate(client, set_id)
    assert "cost-tf-1" not in by_engine_id(app, set_id)
    set_status(client, set_id, made["cost-mc"].id, "approved")
    regenerate(client, set_id)
    assert "cost-tf-2" in by_engine_id(app, set_id)


def test_regenerating_keeps_verdicts_and_recommends_no_fact_twice(app, client, teacher, engine, monkeypatch):
    set_id = new_set(client)
    made = by_engine_id(app, set_id)
    set_status(client, set_id, made["speaker-sa"].id, "approved")

    def recommend_the_cost_true_false_too(text, *, published=None, seed=0, today=None):
        result = fake_generate(text, published=published, seed=seed, today=today)
        return dataclasses.replace(result, questions=tuple(
            dataclasses.replace(question, recommended=question.recommended or question.type.value == "true_false")
            for question in result.questions))

    monkeypatch.setattr(creation.questions, "generate", recommend_the_cost_true_false_too)
    regenerate(client, set_id)
    live = by_engine_id(app, set_id)
    assert live["speaker-sa"].id == made["speaker-sa"].id and live["speaker-sa"].review_status is ReviewStatus.APPROVED
    # Unchanged pending questions stay as they are; the reworded true/false replaces the old one.
    assert live["cost-mc"].id == made["cost-mc"].id and "cost-tf-0" not in live
    assert (live["cost-tf-1"].recommended, live["cost-tf-1"].review_status) == (True, ReviewStatus.PENDING)

    # Once the cost is asked by an approved question, no other question about it is recommended.
    set_status(client, set_id, live["cost-mc"].id, "approved")
    regenerate(client, set_id)
    live = by_engine_id(app, set_id)
    assert [engine_id for engine_id, question in live.items() if question.recommended
            and question.review_status is ReviewStatus.PENDING] == []


# ---------------------------------------------------------------------------------------------------- the date


def test_the_new_article_form_starts_at_today(client, teacher):
    page = client.get("/sets/new").get_data(as_text=True)
    assert re.search(rf'name="published_on"[^>]*value="{dt.date.today():%Y-%m-%d}"', page)


@pytest.mark.parametrize("article, published_on", [
    ("Council approves bridge\nThe city council approved a new bridge on Tuesday, its leader said.\n",
     dt.date(2024, 3, 1)),
    (ARTICLE, dt.date(2024, 5, 14)),  # the date the article gives wins over today
])
def test_without_a_date_given_the_article_is_read_from_its_own_date_or_today(app, teacher, article, published_on):
    with app.test_request_context():
        owner = db.session.get(User, teacher)
        question_set = creation.create_set_from_article(owner, article, today=dt.date(2024, 3, 1))
        assert question_set.published_on == published_on


@pytest.mark.parametrize("history", [False, True])
def test_changing_the_date_regenerates_and_keeps_approvals_of_questions_that_stay(app, client, teacher, engine,
                                                                                 history):
    set_id = new_set(client)
    made = by_engine_id(app, set_id)
    for engine_id in ("cost-mc", "speaker-sa", "date-sa"):
        set_status(client, set_id, made[engine_id].id, "approved")
    set_status(client, set_id, made["cost-tf-0"].id, "rejected")
    if history:
        give_history(app, made["date-sa"].id)
    assert made["date-sa"].answer == "14 May 2024"

    assert change_date(client, set_id, "2024-06-21").status_code == 302
    assert "questions were regenerated" in flashed(client)
    live = by_engine_id(app, set_id)
    # The same questions keep their rows and the teacher's approval.
    for engine_id in ("cost-mc", "speaker-sa"):
        assert (live[engine_id].id, live[engine_id].review_status) == (made[engine_id].id, ReviewStatus.APPROVED)
    # The date question's answer moved with the date: a new version awaits review.
    assert (live["date-sa"].answer, live["date-sa"].review_status) == ("20 June 2024", ReviewStatus.PENDING)
    with app.app_context():
        versions = db.session.execute(db.select(Question.answer, Question.retired_at.is_not(None))
                                      .where(Question.engine_id == "date-sa").order_by(Question.id)).all()
        # Answered by a learner, the old version is retired for their history; otherwise it is gone.
        assert versions == ([("14 May 2024", True), ("20 June 2024", False)] if history else [("20 June 2024", False)])
    # The rejected question stays rejected, once.
    assert live["cost-tf-0"].review_status is ReviewStatus.REJECTED
    with app.app_context():
        question_set = db.session.get(QuestionSet, set_id)
        assert (question_set.published_on, question_set.seed) == (dt.date(2024, 6, 21), 0)
        assert [question.engine_id for question in question_set.questions].count("cost-tf-0") == 1


def test_changing_the_date_keeps_a_question_the_teacher_edited(app, client, teacher, engine):
    set_id = new_set(client)
    date_question = by_engine_id(app, set_id)["date-sa"]
    post_form(client, f"/sets/{set_id}/questions/{date_question.id}/edit",
              {"kind": "short_answer", "prompt": "When was the vote?", "answer": "Tuesday", "choices": "",
               "explanation": date_question.explanation})
    change_date(client, set_id, "2024-06-21")
    edited = get_question(app, date_question.id)
    assert (edited.prompt, edited.answer, edited.review_status, edited.retired_at) == (
        "When was the vote?", "Tuesday", ReviewStatus.APPROVED, None)


def test_saving_the_same_date_regenerates_nothing(app, client, teacher, engine):
    set_id = new_set(client)
    before = question_ids(app, set_id)
    change_date(client, set_id, "2024-05-15")
    assert "Details saved." in flashed(client) and "regenerated" not in flashed(client)
    assert question_ids(app, set_id) == before


def test_a_set_without_an_article_takes_a_new_date_without_regenerating(app, client, teacher):
    set_id = make_set(app, teacher, [{"prompt": "Mine?", "engine_id": None, "fact_kind": None}])
    assert change_date(client, set_id, "2024-06-21").status_code == 302
    assert "Details saved." in flashed(client)
    with app.app_context():
        question_set = db.session.get(QuestionSet, set_id)
        assert question_set.published_on == dt.date(2024, 6, 21) and len(question_set.questions) == 1
        assert question_set.questions[0].kind is QuestionKind.SHORT_ANSWER
