"""Question sets from articles: pasting, uploading, refusing bad files, reviewing, publishing and assigning."""
from __future__ import annotations

import datetime as dt
import html
import io
import re
import uuid
from pathlib import Path

import pytest
from werkzeug.datastructures import FileStorage, MultiDict
from werkzeug.test import encode_multipart

import questions
from questions.clean import article_text
from app.extensions import db
from app.models import (Answer, Assignment, Attempt, CardState, Classroom, Question, QuestionKind, QuestionSet,
                        ReviewSource, ReviewStatus, Role, SetStatus, User)
from app.models import Review as LearnerReview
from app.sets import creation, highlighting, publishing, queries
from app.sets.articles import markdown_to_text
from app.sets.verdicts import REVIEW_PAGE_SIZE
from tests.web.conftest import csrf_token, log_in, make_user, post_form

CORPUS = Path(__file__).parents[2] / ".." / "shared" / "corpus"
TOKEN_FIELD = re.compile(r'name="creation_token"[^>]*value="([^"]*)"|value="([^"]*)"[^>]*name="creation_token"')

ARTICLE = """Town council approves new bridge over the Tamar
PLYMOUTH, England (Reuters) - The Plymouth city council approved a new bridge over the river Tamar on \
Tuesday, May 14, 2024, after a debate that lasted more than six hours.
The bridge will cost 42 million pounds and carry 12,000 vehicles a day, the council said in a statement.
"This bridge joins two communities that have waited fifty years," said council leader Tudor Evans.
Work starts in March 2025 and should end two years later, according to the plan published by Network Rail.
"""


# ---------------------------------------------------------------------------------------------------- building blocks


def count_rows(app, model) -> int:
    with app.app_context():
        return db.session.execute(db.select(db.func.count()).select_from(model)).scalar_one()


def article_form(client) -> tuple[str, str]:
    """Open the new-set form once and return its CSRF token and one-time creation token."""
    page = client.get("/sets/new").get_data(as_text=True)
    match = TOKEN_FIELD.search(page)
    assert match, "no creation token on the form"
    return csrf_token(client, "/sets/new"), match.group(1) or match.group(2)


def post_article(client, *, tokens: tuple[str, str] | None = None, **fields):
    """Send the new-set form as a browser does: its tokens, then whatever fields the test gives."""
    csrf, creation = tokens or article_form(client)
    return post_multipart(client, "/sets/new", {"csrf_token": csrf, "creation_token": creation, **fields})


def post_multipart(client, url: str, fields: dict):
    """POST a multipart form built in memory (the test client spools big bodies to files it never closes)."""
    def as_part(value):
        return FileStorage(stream=value[0], filename=value[1]) if isinstance(value, tuple) else value

    boundary, body = encode_multipart(MultiDict(
        [(name, as_part(item)) for name, value in fields.items()
         for item in (value if isinstance(value, list) else [value])]))
    return client.post(url, data=body, content_type=f"multipart/form-data; boundary={boundary}")


def make_set(app, owner_id: int, rows: list[dict] | None = None, *, title: str = "A set", source_text: str = "",
             status: SetStatus = SetStatus.DRAFT) -> int:
    """Store a set with question rows given as dicts (defaults make a pending generated short answer)."""
    with app.app_context():
        question_set = QuestionSet(owner_id=owner_id, title=title, source_text=source_text, status=status,
                                   published_at=dt.datetime(2024, 5, 1) if status is SetStatus.PUBLISHED else None)
        for position, row in enumerate(rows or []):
            fields = {"kind": QuestionKind.SHORT_ANSWER, "prompt": f"Question {position}?", "answer": f"answer {position}",
                      "explanation": f"The sentence that holds answer {position}.", "review_status": ReviewStatus.PENDING,
                      "fact_kind": "number", "engine_id": f"q{position}", **row}
            question_set.questions.append(Question(position=position, **fields))
        db.session.add(question_set)
        db.session.commit()
        return question_set.id


def question_ids(app, set_id: int) -> list[int]:
    with app.app_context():
        return [question.id for question in queries.ordered_questions(db.session.get(QuestionSet, set_id),
                                                                        include_retired=True)]


def get_question(app, question_id: int) -> Question | None:
    with app.app_context():
        question = db.session.get(Question, question_id)
        if question is not None:
            db.session.expunge(question)
        return question


def give_history(app, question_id: int, kind: str = "review") -> None:
    """Record that a learner met the question: a review, a quiz answer, or a flashcard state."""
    with app.app_context():
        learner = db.session.execute(db.select(User).filter_by(email="history@example.org")).scalar_one_or_none()
        if learner is None:
            learner = User(email="history@example.org", name="History", role=Role.LEARNER, password_hash="x")
            db.session.add(learner)
            db.session.flush()
        question = db.session.get(Question, question_id)
        if kind == "review":
            db.session.add(LearnerReview(learner_id=learner.id, question_id=question_id, rating=3,
                                         source=ReviewSource.FLASHCARD, submission_id=uuid.uuid4().hex))
        elif kind == "answer":
            attempt = Attempt(learner_id=learner.id, set_id=question.set_id, question_ids=[question_id], total=1)
            db.session.add(attempt)
            db.session.flush()
            db.session.add(Answer(attempt_id=attempt.id, question_id=question_id, learner_id=learner.id,
                                  response="x", correct=False, submission_id=uuid.uuid4().hex))
        else:
            now = dt.datetime(2024, 5, 1)
            db.session.add(CardState(learner_id=learner.id, question_id=question_id, due=now, fsrs_card={}))
        db.session.commit()


def make_classroom(app, teacher_id: int, name: str, *, archived: bool = False) -> int:
    with app.app_context():
        classroom = Classroom(teacher_id=teacher_id, name=name, join_code=uuid.uuid4().hex[:8],
                              archived_at=dt.datetime(2024, 1, 1) if archived else None)
        db.session.add(classroom)
        db.session.commit()
        return classroom.id


def visible_text(response) -> str:
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", response.get_data(as_text=True))))


def flashed(client) -> str:
    return visible_text(client.get("/sets/"))


# ---------------------------------------------------------------------------------------------------- creating


def test_pasted_article_becomes_a_draft_set_with_pending_questions(app, client, teacher):
    response = post_article(client, article=ARTICLE)
    assert response.status_code == 302
    set_id = int(response.headers["Location"].rsplit("/", 1)[1])
    with app.app_context():
        question_set = db.session.get(QuestionSet, set_id)
        assert question_set.owner_id == teacher and question_set.status is SetStatus.DRAFT
        assert question_set.title == "Town council approves new bridge over the Tamar"
        assert "42 million pounds" in question_set.source_text and question_set.seed == 0
        for question in question_set.questions:
            assert question.review_status is ReviewStatus.PENDING and question.engine_id
            assert question.explanation and question.explanation in question_set.source_text
            assert question_set.source_text[question.source_start:question.source_end] == question.explanation
            assert question.fact_kind in {kind.value for kind in questions.FactKind}
    assert "Town council approves new bridge" in client.get(f"/sets/{set_id}").get_data(as_text=True)


def test_the_title_and_date_given_on_the_form_win_over_the_engine(app, client, teacher):
    post_article(client, article=ARTICLE, title="Bridges", published_on="2024-05-20")
    with app.app_context():
        question_set = db.session.execute(db.select(QuestionSet)).scalar_one()
        assert (question_set.title, question_set.published_on) == ("Bridges", dt.date(2024, 5, 20))


def _fake_generate(text, *, published=None, seed=0, today=None):
    """The engine's result for ARTICLE as the real engine's dataclasses hold it, built by hand."""
    clean = article_text(text)
    first = clean.index("The bridge will cost")
    sentence = questions.Sentence(clean[first:clean.index("\n", first)], first, clean.index("\n", first))
    quote_start = clean.index('"This bridge')
    quote = questions.Sentence(clean[quote_start:clean.index("\n", quote_start)], quote_start,
                               clean.index("\n", quote_start))
    cost = questions.Fact(questions.FactKind.NUMBER, "42 million pounds", 42_000_000, sentence.start + 21,
                          sentence.start + 38, sentence, counts="cost", unit="GBP")
    speaker = questions.Fact(questions.FactKind.SPEAKER, "Tudor Evans", "Tudor Evans", quote.end - 11, quote.end - 1,
                             quote, quote="This bridge joins two communities that have waited fifty years")
    made = (
        questions.Question(f"n-{seed}", questions.QuestionType.MULTIPLE_CHOICE, "How much will the bridge cost?",
                           "42 million pounds", cost, ("12 million pounds", "42 million pounds", "420 million pounds")),
        questions.Question(f"s-{seed}", questions.QuestionType.SHORT_ANSWER,
                           'Who said "This bridge joins two communities that have waited fifty years"?', "Tudor Evans",
                           speaker),
    )
    anatomy = questions.Anatomy(headline="Town council approves new bridge over the Tamar",
                                published=published or dt.date(2024, 5, 14))
    return questions.Result(text=clean, article=anatomy, facts=(cost, speaker), questions=made)


def test_each_engine_question_is_stored_with_its_fact_and_source(app, client, teacher, monkeypatch):
    monkeypatch.setattr(creation.questions, "generate", _fake_generate)
    set_id = int(post_article(client, article=ARTICLE).headers["Location"].rsplit("/", 1)[1])
    with app.app_context():
        question_set = db.session.get(QuestionSet, set_id)
        stored = [(question.position, question.kind, question.prompt, question.answer, question.choices,
                   question.fact_kind, question.fact_text, question.fact_value, question.engine_id,
                   question.review_status) for question in question_set.questions]
        assert stored == [
            (0, QuestionKind.MULTIPLE_CHOICE, "How much will the bridge cost?", "42 million pounds",
             ["12 million pounds", "42 million pounds", "420 million pounds"], "number", "42 million pounds",
             "42000000", "n-0", ReviewStatus.PENDING),
            (1, QuestionKind.SHORT_ANSWER, 'Who said "This bridge joins two communities that have waited fifty years"?',
             "Tudor Evans", [], "speaker", "Tudor Evans", "Tudor Evans", "s-0", ReviewStatus.PENDING),
        ]
        assert question_set.published_on == dt.date(2024, 5, 14)
        for question in question_set.questions:
            assert question_set.source_text[question.source_start:question.source_end] == question.explanation
    page = client.get(f"/sets/{set_id}?status=pending").get_data(as_text=True)
    # Filtered, grouped by fact kind, who-said-what first; the answer marked in the source sentence and among the choices.
    assert page.index("Who said what") < page.index("Numbers")
    assert '<mark class="answer">42 million pounds</mark>' in page
    assert re.search(r"42 million pounds\s*<span class=\"badge text-bg-success\">right answer", page)


@pytest.mark.parametrize("filename, content, expected_text", [
    ("bridge.txt", ARTICLE.encode(), "42 million pounds"),
    ("bridge.md", ("# " + ARTICLE.replace("42 million pounds", "**42 million pounds**")
                   .replace("Network Rail", "[Network Rail](https://example.org/plan)")
                   + "\n---\n> ![map](map.png)\n").encode(), "42 million pounds"),
    ("bridge.html", ("<!doctype html><html><head><title>Bridge</title><style>p{color:red}</style></head><body>"
                     "<h1>Town council approves new bridge over the Tamar</h1>"
                     + "".join(f"<p>{line}</p>" for line in ARTICLE.splitlines()[1:])
                     + "<script>track()</script></body></html>").encode(), "42 million pounds"),
    ("BRIDGE.TXT", "\ufeff".encode() + ARTICLE.encode(), "42 million pounds"),
    ("utf16.txt", ARTICLE.encode("utf-16"), "42 million pounds"),
])
def test_an_uploaded_article_becomes_a_set(app, client, teacher, filename, content, expected_text):
    response = post_article(client, upload=(io.BytesIO(content), filename))
    assert response.status_code == 302, visible_text(response)
    with app.app_context():
        question_set = db.session.execute(db.select(QuestionSet)).scalar_one()
        assert question_set.title == "Town council approves new bridge over the Tamar"
        assert expected_text in question_set.source_text and "by Network Rail." in question_set.source_text
        for markup in ("<", "track()", "color:red", "#", "**", "](", "map.png", "---"):
            assert markup not in question_set.source_text


BAD_UPLOADS = [
    ("empty.txt", b"", "The file is empty"),
    ("blank.txt", b" \n\t\n", "The file is empty"),
    ("photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "binary file"),
    ("latin1.txt", "Caf\u00e9 owners said the tax would hurt.".encode("latin-1"), "not UTF-8"),
    ("huge.txt", b"word " * (1024 * 1024 // 5 + 1), "The file is more than 1 MB; an article can be at most 1 MB"),
    ("bigger.txt", b"word " * (1024 * 1024 // 2), "The file is 2.5 MB; an article can be at most 1 MB"),
    ("article.pdf", b"%PDF-1.7 some article", "is not a .txt, .md or .html file"),
    ("article.docx", b"PK\x03\x04 word document", "is not a .txt, .md or .html file"),
    ("noextension", ARTICLE.encode(), "is not a .txt, .md or .html file"),
    ("junk.html", b"<html><head><script>var tracking = 1;</script><style>body{}</style></head><body><div></div>"
                  b"</body></html>", "No article could be read from 'junk.html'"),
]


@pytest.mark.parametrize("filename, content, message", BAD_UPLOADS, ids=[case[0] for case in BAD_UPLOADS])
def test_a_bad_upload_is_refused_with_a_clear_message_and_nothing_saved(app, client, teacher, filename, content,
                                                                       message):
    response = post_article(client, upload=(io.BytesIO(content), filename), title="Kept title")
    assert response.status_code == 400
    text = visible_text(response)
    assert message in text and "Nothing was saved" in text
    assert 'value="Kept title"' in response.get_data(as_text=True)
    assert count_rows(app, QuestionSet) == 0 and count_rows(app, Question) == 0


@pytest.mark.parametrize("fields, message", [
    ({}, "Paste the article's text or choose a file"),
    ({"article": "   \n  "}, "Paste the article's text or choose a file"),
    ({"article": "x" * (1024 * 1024 + 1)}, "The article is more than 1 MB; an article can be at most 1 MB"),
    ({"article": ARTICLE, "upload": (io.BytesIO(ARTICLE.encode()), "a.txt")}, "not both"),
    ({"article": ARTICLE, "published_on": "15/05/2024"}, "Not a valid date value"),
])
def test_a_bad_paste_is_refused_and_the_text_kept(app, client, teacher, fields, message):
    response = post_article(client, **fields)
    assert response.status_code == 400
    assert message in visible_text(response)
    if fields.get("article", "").strip() and len(fields["article"]) < 5000:
        assert "approves new bridge over the Tamar" in response.get_data(as_text=True)
    assert count_rows(app, QuestionSet) == 0


def test_the_same_form_sent_twice_makes_one_set(app, client, teacher):
    tokens = article_form(client)
    first = post_article(client, tokens=tokens, article=ARTICLE)
    second = post_article(client, tokens=tokens, article=ARTICLE)
    assert first.status_code == second.status_code == 302
    assert first.headers["Location"] == second.headers["Location"]
    assert count_rows(app, QuestionSet) == 1
    assert "already sent" in visible_text(client.get(second.headers["Location"]))
    # A fresh form is a new set.
    assert post_article(client, article=ARTICLE).headers["Location"] != first.headers["Location"]
    assert count_rows(app, QuestionSet) == 2


def test_a_refused_form_keeps_its_token_and_can_be_sent_again(app, client, teacher):
    tokens = article_form(client)
    refused = post_article(client, tokens=tokens, upload=(io.BytesIO(b""), "empty.txt"))
    assert tokens[1] in refused.get_data(as_text=True)
    assert post_article(client, tokens=tokens, article=ARTICLE).status_code == 302
    assert count_rows(app, QuestionSet) == 1


def test_the_form_shows_progress_and_blocks_a_second_click(client, teacher):
    page = client.get("/sets/new").get_data(as_text=True)
    assert 'role="status" aria-live="polite"' in page and 'id="article-form"' in page
    assert 'enctype="multipart/form-data"' in page and '<script src="/static/factdeck.js">' in page
    with client.get("/static/factdeck.js") as script:  # the page's script, a file as the CSP requires
        code = script.get_data(as_text=True)
    assert "Generating questions…" in code and "button.disabled = true" in code


def test_the_service_refuses_bad_input_with_a_value_error(app, teacher):
    with app.test_request_context():
        owner = db.session.get(User, teacher)
        with pytest.raises(ValueError, match="empty"):
            creation.create_set_from_article(owner, b"", filename="a.txt")
        question_set = creation.create_set_from_article(owner, ARTICLE, published_on=dt.date(2024, 5, 14))
        assert question_set.id and question_set.published_on == dt.date(2024, 5, 14)


@pytest.mark.skipif(not (CORPUS / "karabakh-russian-troops-leave.txt").exists(), reason="the shared corpus is absent")
def test_the_karabakh_article_from_upload_to_assignment(app, client, teacher):
    content = (CORPUS / "karabakh-russian-troops-leave.txt").read_bytes()
    response = post_article(client, upload=(io.BytesIO(content), "karabakh-russian-troops-leave.txt"))
    set_id = int(response.headers["Location"].rsplit("/", 1)[1])
    with app.app_context():
        question_set = db.session.get(QuestionSet, set_id)
        assert question_set.title == "Russian troops leave Karabakh, now back under Azerbaijan's control"
        assert question_set.published_on == dt.date(2024, 5, 15)
        prompts = set()
        for question in question_set.questions:
            assert question.review_status is ReviewStatus.PENDING
            assert question_set.source_text[question.source_start:question.source_end] == question.explanation
            assert question.prompt.strip() and question.answer.strip()
            if question.kind is QuestionKind.MULTIPLE_CHOICE:
                assert question.choices.count(question.answer) == 1 and len(set(question.choices)) == len(question.choices)
            prompts.add((question.kind, question.prompt))
        assert len(prompts) == len(question_set.questions)
        generated = len(question_set.questions)
    # Every question shows its source sentence, over the review page's pages.
    pages = [client.get(f"/sets/{set_id}?page={number}").get_data(as_text=True)
             for number in range(1, -(-generated // REVIEW_PAGE_SIZE) + 1)]
    assert sum(page.count('class="source-sentence') for page in pages) == generated
    # The teacher corrects the headline the engine found, adds one question, approves all and publishes.
    assert post_form(client, f"/sets/{set_id}/details", {"title": "Russia leaves Karabakh", "published_on": "2024-05-15",
                                                         "description": ""}, form_page=f"/sets/{set_id}").status_code == 302
    post_form(client, f"/sets/{set_id}/questions/new", {"kind": "short_answer", "prompt": "Where was the base?",
                                                        "answer": "Khojaly", "choices": "", "explanation": ""})
    post_form(client, f"/sets/{set_id}/approve-all", {}, form_page=f"/sets/{set_id}")
    post_form(client, f"/sets/{set_id}/publish", {}, form_page=f"/sets/{set_id}")
    classroom_id = make_classroom(app, teacher, "10B")
    post_form(client, f"/sets/{set_id}/assign", {"classrooms": [str(classroom_id)], "due_date": "2024-06-01"})
    with app.app_context():
        question_set = db.session.get(QuestionSet, set_id)
        assert question_set.title == "Russia leaves Karabakh" and question_set.is_published
        assert all(question.is_live for question in question_set.questions)
        assert len(question_set.questions) == generated + 1
        assert [(assignment.classroom_id, assignment.due_at) for assignment in question_set.assignments] == [
            (classroom_id, dt.datetime(2024, 6, 1, 23, 59))]
        original = [(question.kind, question.prompt, question.answer, question.choices, question.explanation,
                     question.fact_kind, question.engine_id) for question in question_set.questions]
    # Every generated question passes the rules a re-import applies: the JSON export comes back whole.
    exported = client.get(f"/sets/{set_id}/export.json").get_data()
    response = post_multipart(client, "/sets/import", {"csrf_token": csrf_token(client, "/sets/import"),
                                                       "upload": (io.BytesIO(exported), "copy.json"), "destination": "new"})
    assert response.status_code == 302, visible_text(response)
    copy_id = int(response.headers["Location"].rsplit("/", 1)[1])
    with app.app_context():
        assert [(question.kind, question.prompt, question.answer, question.choices, question.explanation,
                 question.fact_kind, question.engine_id)
                for question in db.session.get(QuestionSet, copy_id).questions] == original


# ---------------------------------------------------------------------------------------------------- index and details


def test_the_index_lists_sets_with_counts_status_and_classes(app, client, teacher):
    busy = make_set(app, teacher, [{"review_status": ReviewStatus.APPROVED}, {}, {},
                                   {"review_status": ReviewStatus.REJECTED}], title="Busy set",
                    status=SetStatus.PUBLISHED)
    make_set(app, teacher, title="Empty draft")
    classroom_id = make_classroom(app, teacher, "Year 9 History")
    with app.app_context():
        db.session.add(Assignment(set_id=busy, classroom_id=classroom_id))
        db.session.commit()
    text = visible_text(client.get("/sets/"))
    assert "Busy set" in text and "Empty draft" in text
    assert "4 in all: 2 pending, 1 approved, 1 rejected" in text
    assert "Published" in text and "Draft" in text and "Year 9 History" in text
    for link in ("/sets/new", "/sets/blank", "/sets/import"):
        assert f'href="{link}"' in client.get("/sets/").get_data(as_text=True)


def test_the_index_shows_only_the_teachers_own_sets(app, client, teacher):
    other = make_user(app, role=Role.TEACHER, email="other@example.org")
    make_set(app, other, title="Someone else's set")
    assert "Someone else" not in client.get("/sets/").get_data(as_text=True)


def test_an_empty_set_is_made_by_hand(app, client, teacher):
    response = post_form(client, "/sets/blank", {"title": "Vocabulary", "description": "Week 3"})
    assert response.status_code == 302
    with app.app_context():
        question_set = db.session.execute(db.select(QuestionSet)).scalar_one()
        assert (question_set.title, question_set.description, question_set.questions) == ("Vocabulary", "Week 3", [])
    assert post_form(client, "/sets/blank", {"title": ""}).status_code == 400


@pytest.mark.parametrize("fields, stored", [
    ({"title": "New title", "published_on": "2024-05-15", "description": "Read it first."},
     ("New title", dt.date(2024, 5, 15), "Read it first.")),
    ({"title": "No date", "published_on": "", "description": ""}, ("No date", None, "")),
])
def test_the_details_are_editable(app, client, teacher, fields, stored):
    set_id = make_set(app, teacher, title="Old")
    assert post_form(client, f"/sets/{set_id}/details", fields, form_page=f"/sets/{set_id}").status_code == 302
    with app.app_context():
        question_set = db.session.get(QuestionSet, set_id)
        assert (question_set.title, question_set.published_on, question_set.description) == stored


def test_details_without_a_title_are_refused(app, client, teacher):
    set_id = make_set(app, teacher, title="Old")
    response = post_form(client, f"/sets/{set_id}/details", {"title": " "}, form_page=f"/sets/{set_id}")
    assert response.status_code == 400 and "This field is required" in response.get_data(as_text=True)
    with app.app_context():
        assert db.session.get(QuestionSet, set_id).title == "Old"


# ---------------------------------------------------------------------------------------------------- review


def test_approve_and_reject_one_question(app, client, teacher):
    set_id = make_set(app, teacher, [{}, {}])
    first, second = question_ids(app, set_id)
    page = f"/sets/{set_id}"
    assert post_form(client, f"{page}/questions/{first}/status", {"status": "approved"}, form_page=page).status_code == 302
    post_form(client, f"{page}/questions/{second}/status", {"status": "rejected"}, form_page=page)
    assert get_question(app, first).review_status is ReviewStatus.APPROVED
    assert get_question(app, second).review_status is ReviewStatus.REJECTED
    assert post_form(client, f"{page}/questions/{first}/status", {"status": "bogus"}, form_page=page).status_code == 302
    assert get_question(app, first).review_status is ReviewStatus.APPROVED


@pytest.mark.parametrize("status, shown, hidden", [
    ("pending", ["Pending one?"], ["Approved one?", "Rejected one?"]),
    ("approved", ["Approved one?"], ["Pending one?", "Rejected one?"]),
    ("rejected", ["Rejected one?"], ["Pending one?", "Approved one?"]),
    ("all", ["Pending one?", "Approved one?", "Rejected one?"], ["Retired one?"]),
    ("retired", ["Retired one?"], ["Pending one?"]),
])
def test_the_review_page_filters_by_status(app, client, teacher, status, shown, hidden):
    set_id = make_set(app, teacher, [
        {"prompt": "Pending one?"}, {"prompt": "Approved one?", "review_status": ReviewStatus.APPROVED},
        {"prompt": "Rejected one?", "review_status": ReviewStatus.REJECTED},
        {"prompt": "Retired one?", "retired_at": dt.datetime(2024, 5, 2)}])
    page = client.get(f"/sets/{set_id}?status={status}").get_data(as_text=True)
    assert all(prompt in page for prompt in shown)
    assert not any(prompt in page for prompt in hidden)


def test_groups_follow_the_fact_kinds_with_hand_made_last(app, client, teacher):
    set_id = make_set(app, teacher, [{"fact_kind": "place", "prompt": "Where?"}, {"fact_kind": None, "engine_id": None,
                                     "prompt": "Mine?"}, {"fact_kind": "date", "prompt": "When?"},
                                     {"fact_kind": "speaker", "prompt": "Who said?"}])
    page = visible_text(client.get(f"/sets/{set_id}?status=pending"))
    headings = ["Who said what (1)", "Dates (1)", "Places (1)", "Written by hand or imported (1)"]
    positions = [page.index(heading) for heading in headings]
    assert positions == sorted(positions)


def test_the_source_sentence_is_escaped_and_the_answer_marked(app, client, teacher):
    set_id = make_set(app, teacher, [{"answer": "1,960", "explanation": "<script>x</script> A total of 1,960 troops left."}])
    page = client.get(f"/sets/{set_id}").get_data(as_text=True)
    assert '&lt;script&gt;x&lt;/script&gt; A total of <mark class="answer">1,960</mark> troops left.' in page
    assert "<script>x</script>" not in page


@pytest.mark.parametrize("kind, sentence, answer, fact_text, expected", [
    (QuestionKind.SHORT_ANSWER, "Nikiforov said it.", "nikiforov", None, '<mark class="answer">Nikiforov</mark> said it.'),
    (QuestionKind.TRUE_FALSE, "It rose 5% & more.", "True", "5%", 'It rose <mark class="answer">5%</mark> &amp; more.'),
    (QuestionKind.TRUE_FALSE, "Thereafter it was true.", "True", None, "Thereafter it was true."),
    (QuestionKind.CLOZE, "No answer here.", "Baku", "Yerevan", "No answer here."),
    (QuestionKind.CLOZE, "a+b (c) are [d]", "(c)", None, 'a+b <mark class="answer">(c)</mark> are [d]'),
    (QuestionKind.CLOZE, '"The task is done," he said.', "Yevgeny Nikiforov", "he",
     '&#34;The task is done,&#34; <mark class="answer">he</mark> said.'),
    (QuestionKind.MULTIPLE_CHOICE, "Then 10 of 100 left.", "10", None, 'Then <mark class="answer">10</mark> of 100 left.'),
    (QuestionKind.FLASHCARD, "Fees rose 1,000%.", "1,000%", None, 'Fees rose <mark class="answer">1,000%</mark>.'),
])
def test_highlighting_marks_the_answer_or_else_the_fact(kind, sentence, answer, fact_text, expected):
    question = Question(kind=kind, prompt="?", answer=answer, explanation=sentence, fact_text=fact_text)
    assert str(highlighting.source_with_answer(question)) == expected


def test_approve_all_approves_only_pending_questions(app, client, teacher):
    set_id = make_set(app, teacher, [{}, {}, {"review_status": ReviewStatus.REJECTED},
                                     {"retired_at": dt.datetime(2024, 5, 2)}])
    response = post_form(client, f"/sets/{set_id}/approve-all", {}, form_page=f"/sets/{set_id}")
    assert response.status_code == 302 and "Approved 2 pending questions" in flashed(client)
    statuses = [get_question(app, question_id).review_status for question_id in question_ids(app, set_id)]
    assert statuses == [ReviewStatus.APPROVED, ReviewStatus.APPROVED, ReviewStatus.REJECTED, ReviewStatus.PENDING]


def test_editing_a_generated_question_saves_and_approves_it(app, client, teacher):
    set_id = make_set(app, teacher, [{"kind": QuestionKind.MULTIPLE_CHOICE, "prompt": "How many barracks?",
                                      "answer": "10", "choices": ["8", "10", "12"]}])
    (question_id,) = question_ids(app, set_id)
    url = f"/sets/{set_id}/questions/{question_id}/edit"
    assert "8\n10\n12" in client.get(url).get_data(as_text=True)
    response = post_form(client, url, {"kind": "multiple_choice", "prompt": "How many barracks were at the base?",
                                       "answer": "10", "choices": "8\n10\n12\n14", "explanation": "Ten barracks."})
    assert response.status_code == 302
    question = get_question(app, question_id)
    assert (question.prompt, question.choices, question.review_status, question.fact_kind) == (
        "How many barracks were at the base?", ["8", "10", "12", "14"], ReviewStatus.APPROVED, "number")


def test_an_invalid_edit_is_refused_and_changes_nothing(app, client, teacher):
    set_id = make_set(app, teacher, [{"kind": QuestionKind.MULTIPLE_CHOICE, "prompt": "How many?", "answer": "10",
                                      "choices": ["8", "10", "12"]}])
    (question_id,) = question_ids(app, set_id)
    url = f"/sets/{set_id}/questions/{question_id}/edit"
    response = post_form(client, url, {"kind": "multiple_choice", "prompt": "How many?", "answer": "10",
                                       "choices": "10\n12"})
    assert response.status_code == 400
    assert "needs 3 to 6 choices; this one has 2" in response.get_data(as_text=True)
    assert get_question(app, question_id).choices == ["8", "10", "12"]


def test_regenerate_replaces_pending_and_keeps_the_rest(app, client, teacher):
    set_id = make_set(app, teacher, [
        {"prompt": "Pending?"},
        {"prompt": "Rejected?", "review_status": ReviewStatus.REJECTED},
        {"prompt": "Pending but answered?"},
        {"prompt": "Approved?", "review_status": ReviewStatus.APPROVED},
        {"prompt": "Mine?", "review_status": ReviewStatus.APPROVED, "engine_id": None, "fact_kind": None},
        {"prompt": "Hand-made pending?", "engine_id": None, "fact_kind": None},
    ], source_text=ARTICLE)
    pending, rejected, answered, approved, mine, hand_pending = question_ids(app, set_id)
    give_history(app, answered)
    response = post_form(client, f"/sets/{set_id}/regenerate", {}, form_page=f"/sets/{set_id}")
    assert response.status_code == 302 and "Regenerated" in flashed(client)
    assert get_question(app, pending) is None
    assert get_question(app, answered).retired_at is not None
    # A rejected question stays as the teacher's verdict, hidden from learners.
    assert get_question(app, rejected).review_status is ReviewStatus.REJECTED
    for kept in (rejected, approved, mine, hand_pending):
        assert get_question(app, kept).retired_at is None
    with app.app_context():
        question_set = db.session.get(QuestionSet, set_id)
        assert question_set.seed == 1
        new = [question for question in question_set.questions
               if question.id not in (answered, rejected, approved, mine, hand_pending)]
        for question in new:
            assert question.review_status is ReviewStatus.PENDING and question.explanation
            assert question_set.source_text[question.source_start:question.source_end] == question.explanation


def test_regenerate_leaves_out_questions_the_teacher_rejected(app, client, teacher, monkeypatch):
    monkeypatch.setattr(creation.questions, "generate", _fake_generate)
    set_id = int(post_article(client, article=ARTICLE).headers["Location"].rsplit("/", 1)[1])
    multiple_choice, short_answer = question_ids(app, set_id)
    page = f"/sets/{set_id}"
    post_form(client, f"{page}/questions/{multiple_choice}/status", {"status": "rejected"}, form_page=page)
    post_form(client, f"{page}/questions/{short_answer}/status", {"status": "approved"}, form_page=page)
    post_form(client, f"{page}/regenerate", {}, form_page=page)
    assert "1 about facts you had rejected or deleted were left out" in flashed(client)
    with app.app_context():
        assert [(question.prompt, question.review_status) for question in db.session.get(QuestionSet, set_id).questions] == [
            ("How much will the bridge cost?", ReviewStatus.REJECTED),
            ('Who said "This bridge joins two communities that have waited fifty years"?', ReviewStatus.APPROVED)]


def test_regenerate_needs_an_article(app, client, teacher):
    set_id = make_set(app, teacher, [{}])
    post_form(client, f"/sets/{set_id}/regenerate", {}, form_page=f"/sets/{set_id}")
    assert "not made from an article" in flashed(client)
    assert len(question_ids(app, set_id)) == 1


# ---------------------------------------------------------------------------------------------------- retire, never destroy


@pytest.mark.parametrize("history", ["review", "answer", "card"])
def test_an_answered_question_is_retired_not_deleted(app, client, teacher, history):
    set_id = make_set(app, teacher, [{"review_status": ReviewStatus.APPROVED}, {}], status=SetStatus.PUBLISHED)
    answered, fresh = question_ids(app, set_id)
    give_history(app, answered, history)
    for question_id in (answered, fresh):
        post_form(client, f"/sets/{set_id}/questions/{question_id}/delete", {}, form_page=f"/sets/{set_id}")
    assert get_question(app, answered).retired_at is not None
    assert get_question(app, fresh) is None
    assert "Retired question" not in visible_text(client.get(f"/sets/{set_id}"))
    assert "Retired question" in visible_text(client.get(f"/sets/{set_id}?status=retired"))


@pytest.mark.parametrize("history", ["review", "answer", "card"])
def test_editing_an_answered_question_keeps_the_old_version(app, client, teacher, history):
    set_id = make_set(app, teacher, [{"review_status": ReviewStatus.APPROVED, "prompt": "Old wording?",
                                      "answer": "old"}], status=SetStatus.PUBLISHED)
    (old_id,) = question_ids(app, set_id)
    give_history(app, old_id, history)
    url = f"/sets/{set_id}/questions/{old_id}/edit"
    assert "saved as a new version" in client.get(url).get_data(as_text=True)
    post_form(client, url, {"kind": "short_answer", "prompt": "New wording?", "answer": "new"})
    old = get_question(app, old_id)
    assert (old.prompt, old.answer) == ("Old wording?", "old") and old.retired_at is not None
    (new_id,) = [question_id for question_id in question_ids(app, set_id) if question_id != old_id]
    new = get_question(app, new_id)
    assert (new.prompt, new.answer, new.retired_at, new.position, new.engine_id) == (
        "New wording?", "new", None, old.position, old.engine_id)
    assert "New wording?" in client.get(f"/sets/{set_id}").get_data(as_text=True)


def test_an_explanation_change_is_made_in_place_even_when_answered(app, client, teacher):
    set_id = make_set(app, teacher, [{"review_status": ReviewStatus.APPROVED, "prompt": "Same?", "answer": "same"}])
    (question_id,) = question_ids(app, set_id)
    give_history(app, question_id)
    post_form(client, f"/sets/{set_id}/questions/{question_id}/edit",
              {"kind": "short_answer", "prompt": "Same?", "answer": "same", "explanation": "Better context."})
    assert question_ids(app, set_id) == [question_id]
    assert get_question(app, question_id).explanation == "Better context."


def test_a_retired_question_cannot_be_edited(app, client, teacher):
    set_id = make_set(app, teacher, [{"retired_at": dt.datetime(2024, 5, 2)}])
    (question_id,) = question_ids(app, set_id)
    response = client.get(f"/sets/{set_id}/questions/{question_id}/edit")
    assert response.status_code == 302 and "retired" in flashed(client)


def test_a_set_that_learners_studied_cannot_be_deleted(app, client, teacher):
    studied = make_set(app, teacher, [{}])
    give_history(app, question_ids(app, studied)[0])
    unused = make_set(app, teacher, [{}])
    post_form(client, f"/sets/{studied}/delete", {}, form_page=f"/sets/{studied}")
    assert "cannot be deleted" in flashed(client)
    assert post_form(client, f"/sets/{unused}/delete", {}, form_page=f"/sets/{unused}").headers["Location"] == "/sets/"
    with app.app_context():
        assert db.session.get(QuestionSet, studied) is not None and db.session.get(QuestionSet, unused) is None


# ---------------------------------------------------------------------------------------------------- publish and assign


def test_publishing_needs_an_approved_question(app, client, teacher):
    set_id = make_set(app, teacher, [{}, {"review_status": ReviewStatus.REJECTED},
                                     {"review_status": ReviewStatus.APPROVED, "retired_at": dt.datetime(2024, 5, 2)}])
    response = post_form(client, f"/sets/{set_id}/publish", {}, form_page=f"/sets/{set_id}")
    assert response.headers["Location"] == f"/sets/{set_id}"
    assert "Approve at least one question" in flashed(client)
    with app.app_context():
        assert db.session.get(QuestionSet, set_id).status is SetStatus.DRAFT
    post_form(client, f"/sets/{set_id}/approve-all", {}, form_page=f"/sets/{set_id}")
    response = post_form(client, f"/sets/{set_id}/publish", {}, form_page=f"/sets/{set_id}")
    assert response.headers["Location"] == f"/sets/{set_id}/assign"
    with app.app_context():
        question_set = db.session.get(QuestionSet, set_id)
        assert question_set.status is SetStatus.PUBLISHED and question_set.published_at is not None


def test_a_draft_cannot_be_assigned(app, client, teacher):
    set_id = make_set(app, teacher, [{"review_status": ReviewStatus.APPROVED}])
    classroom_id = make_classroom(app, teacher, "9A")
    page = client.get(f"/sets/{set_id}/assign").get_data(as_text=True)
    assert "This set is a draft" in page and 'name="classrooms"' not in page
    post_form(client, f"/sets/{set_id}/assign", {"classrooms": [str(classroom_id)]}, form_page=f"/sets/{set_id}")
    assert count_rows(app, Assignment) == 0


@pytest.mark.parametrize("due_date, due_time, due_at", [
    ("2024-06-01", "09:30", dt.datetime(2024, 6, 1, 9, 30)),
    ("2024-06-01", "", dt.datetime(2024, 6, 1, 23, 59)),
    ("", "", None),
])
def test_assigning_to_classes_with_an_optional_due_date(app, client, teacher, due_date, due_time, due_at):
    set_id = make_set(app, teacher, [{"review_status": ReviewStatus.APPROVED}], status=SetStatus.PUBLISHED)
    first, second = make_classroom(app, teacher, "9A"), make_classroom(app, teacher, "9B")
    response = post_form(client, f"/sets/{set_id}/assign", {"classrooms": [str(first), str(second)],
                                                            "due_date": due_date, "due_time": due_time})
    assert response.status_code == 302
    with app.app_context():
        assignments = db.session.execute(db.select(Assignment).order_by(Assignment.classroom_id)).scalars().all()
        assert [(assignment.classroom_id, assignment.due_at) for assignment in assignments] == [
            (first, due_at), (second, due_at)]
    text = visible_text(client.get(f"/sets/{set_id}/assign"))
    assert "9A" in text and ("1 June 2024" in text if due_at else "No due date" in text)


def test_assigning_again_changes_the_due_date_and_removing_keeps_the_class(app, client, teacher):
    set_id = make_set(app, teacher, [{"review_status": ReviewStatus.APPROVED}], status=SetStatus.PUBLISHED)
    classroom_id = make_classroom(app, teacher, "9A")
    url = f"/sets/{set_id}/assign"
    post_form(client, url, {"classrooms": [str(classroom_id)], "due_date": "2024-06-01"})
    post_form(client, url, {"classrooms": [str(classroom_id)], "due_date": "2024-06-08", "due_time": "08:00"})
    with app.app_context():
        assignment = db.session.execute(db.select(Assignment)).scalar_one()
        assert assignment.due_at == dt.datetime(2024, 6, 8, 8, 0)
        assignment_id = assignment.id
    post_form(client, f"/sets/{set_id}/assignments/{assignment_id}/remove", {}, form_page=url)
    assert count_rows(app, Assignment) == 0 and count_rows(app, Classroom) == 1


@pytest.mark.parametrize("fields, message", [
    ({}, "Choose at least one class"),
    ({"classrooms": ["archived"]}, "is not a valid choice"),
    ({"classrooms": ["other"]}, "is not a valid choice"),
    ({"classrooms": ["mine"], "due_date": "tomorrow"}, "Not a valid date value"),
])
def test_assigning_refuses_bad_choices(app, client, teacher, fields, message):
    set_id = make_set(app, teacher, [{"review_status": ReviewStatus.APPROVED}], status=SetStatus.PUBLISHED)
    other_teacher = make_user(app, role=Role.TEACHER, email="other@example.org")
    ids = {"mine": make_classroom(app, teacher, "Mine"), "archived": make_classroom(app, teacher, "Old", archived=True),
           "other": make_classroom(app, other_teacher, "Theirs")}
    data = {**fields, "classrooms": [str(ids[name]) for name in fields.get("classrooms", [])]}
    response = post_form(client, f"/sets/{set_id}/assign", data)
    assert response.status_code == 400 and message in response.get_data(as_text=True)
    assert count_rows(app, Assignment) == 0
    page = client.get(f"/sets/{set_id}/assign").get_data(as_text=True)
    assert "Mine" in page and "Old" not in page and "Theirs" not in page


def test_the_assign_service_refuses_another_teachers_class(app, teacher):
    set_id = make_set(app, teacher, [{"review_status": ReviewStatus.APPROVED}], status=SetStatus.PUBLISHED)
    other_teacher = make_user(app, role=Role.TEACHER, email="other@example.org")
    theirs = make_classroom(app, other_teacher, "Theirs")
    with app.app_context():
        with pytest.raises(queries.SetError, match="your own classes"):
            publishing.assign(db.session.get(QuestionSet, set_id), db.session.get(Classroom, theirs))


# ---------------------------------------------------------------------------------------------------- who may see what


def _set_routes(set_id: int, question_id: int, assignment_id: int) -> list[tuple[str, str]]:
    base = f"/sets/{set_id}"
    question = f"{base}/questions/{question_id}"
    return [("GET", base), ("POST", f"{base}/details"), ("POST", f"{base}/delete"), ("POST", f"{question}/status"),
            ("POST", f"{base}/approve-all"), ("POST", f"{base}/approve-recommended"), ("POST", f"{base}/regenerate"), ("GET", f"{base}/questions/new"),
            ("POST", f"{base}/questions/new"), ("GET", f"{question}/edit"), ("POST", f"{question}/edit"),
            ("POST", f"{question}/move"), ("POST", f"{question}/delete"), ("GET", f"{base}/export.json"),
            ("GET", f"{base}/export.apkg"), ("POST", f"{base}/publish"), ("GET", f"{base}/assign"),
            ("POST", f"{base}/assign"), ("POST", f"{base}/assignments/{assignment_id}/remove")]


@pytest.fixture()
def foreign_set(app):
    """Another teacher's published, assigned set: (set id, question id, assignment id)."""
    owner = make_user(app, role=Role.TEACHER, email="owner@example.org")
    set_id = make_set(app, owner, [{"review_status": ReviewStatus.APPROVED}], status=SetStatus.PUBLISHED,
                      source_text=ARTICLE)
    classroom_id = make_classroom(app, owner, "Theirs")
    with app.app_context():
        assignment = Assignment(set_id=set_id, classroom_id=classroom_id)
        db.session.add(assignment)
        db.session.commit()
        return set_id, question_ids(app, set_id)[0], assignment.id


def test_another_teachers_set_is_not_found_on_every_route(app, client, teacher, foreign_set):
    token = csrf_token(client, "/sets/new")
    for method, url in _set_routes(*foreign_set):
        response = client.open(url, method=method, data={"csrf_token": token, "status": "approved",
                                                         "direction": "up"} if method == "POST" else None)
        assert response.status_code == 404, (method, url)
    with app.app_context():
        question_set = db.session.get(QuestionSet, foreign_set[0])
        assert question_set.title == "A set" and len(question_set.questions) == 1 and len(question_set.assignments) == 1
        assert question_set.questions[0].review_status is ReviewStatus.APPROVED


def test_a_question_or_assignment_of_another_set_is_not_found(app, client, teacher, foreign_set):
    own = make_set(app, teacher, [{}], status=SetStatus.PUBLISHED)
    own_question = question_ids(app, own)[0]
    _, foreign_question, foreign_assignment = foreign_set
    token = csrf_token(client, "/sets/new")
    for method, url in _set_routes(own, foreign_question, foreign_assignment):
        if "/questions/" in url and "/new" not in url or "/assignments/" in url:
            response = client.open(url, method=method, data={"csrf_token": token} if method == "POST" else None)
            assert response.status_code == 404, (method, url)
    assert get_question(app, foreign_question) is not None and get_question(app, own_question) is not None
    assert count_rows(app, Assignment) == 1


def test_a_learner_reaches_no_set_page(app, client, foreign_set):
    make_user(app, role=Role.LEARNER, email="lee@example.org")
    log_in(client, "lee@example.org")
    token = csrf_token(client, "/")
    routes = _set_routes(*foreign_set) + [("GET", "/sets/"), ("GET", "/sets/new"), ("POST", "/sets/new"),
                                          ("GET", "/sets/blank"), ("GET", "/sets/import"), ("POST", "/sets/import")]
    for method, url in routes:
        response = client.open(url, method=method, data={"csrf_token": token} if method == "POST" else None)
        assert response.status_code == 403, (method, url)


def test_an_anonymous_visitor_is_sent_to_log_in(client, foreign_set):
    for url in ("/sets/", "/sets/new", f"/sets/{foreign_set[0]}", "/sets/import"):
        response = client.get(url)
        assert response.status_code == 302 and "/auth/login" in response.headers["Location"]


def test_posts_without_a_csrf_token_are_refused(app, client, teacher):
    set_id = make_set(app, teacher, [{}])
    for url in ("/sets/new", f"/sets/{set_id}/approve-all", f"/sets/{set_id}/publish"):
        assert client.post(url, data={"article": ARTICLE}).status_code == 400
    assert count_rows(app, QuestionSet) == 1
    assert get_question(app, question_ids(app, set_id)[0]).review_status is ReviewStatus.PENDING


@pytest.mark.parametrize("markdown, text", [
    ("# Headline #\nBody.", "Headline\nBody."),
    ("Headline\n========\nBody.", "Headline\n\nBody."),
    ("A **bold** and *soft* and __strong__ and _light_ claim.", "A bold and soft and strong and light claim."),
    ("See [the report](https://example.org) and [this][1].\n[1]: https://example.org/1", "See the report and this.\n"),
    ("> Quoted line\n> - listed", "Quoted line\nlisted"),
    ("1. first\n2) second\n* third", "first\nsecond\nthird"),
    ("snake_case_name and 2*3*4 stay; \\*escaped\\*", "snake_case_name and 2*3*4 stay; *escaped*"),
    ("```\ncode\n```\n![alt](a.png)Caption", "\ncode\n\nCaption"),
])
def test_markdown_is_reduced_to_its_text(markdown, text):
    assert markdown_to_text(markdown) == text
