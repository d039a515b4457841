"""Importing questions (CSV, TSV, Quizlet, Factdeck JSON) all or nothing, and exporting sets (JSON, Anki)."""
from __future__ import annotations

import datetime as dt
import io
import json
import sqlite3
import zipfile

import pytest

from app.extensions import db
from app.models import Question, QuestionKind, QuestionSet, ReviewStatus, Role, SetStatus
from tests.web.conftest import csrf_token, make_user
from tests.web.test_sets import ARTICLE, count_rows, make_set, post_multipart, visible_text

CSV = """type,prompt,answer,choices,explanation
multiple_choice,Where was the base?,Khojaly,Baku|Khojaly|Shusha,The base was in Khojaly.
true_false,The base held 1960 troops.,True,,
cloze,The base had _____ barracks.,10,,
short_answer,"Who said ""peace""?",Nikiforov,,
flashcard,Kerim Valiyev,"Azerbaijan's chief of the general staff, a colonel general",,
"""
EXPECTED = [
    (QuestionKind.MULTIPLE_CHOICE, "Where was the base?", "Khojaly", ["Baku", "Khojaly", "Shusha"],
     "The base was in Khojaly."),
    (QuestionKind.TRUE_FALSE, "The base held 1960 troops.", "True", ["True", "False"], ""),
    (QuestionKind.CLOZE, "The base had _____ barracks.", "10", [], ""),
    (QuestionKind.SHORT_ANSWER, 'Who said "peace"?', "Nikiforov", [], ""),
    (QuestionKind.FLASHCARD, "Kerim Valiyev", "Azerbaijan's chief of the general staff, a colonel general", [], ""),
]


def import_file(client, filename: str, content: bytes | str, **fields):
    data = content.encode() if isinstance(content, str) else content
    return post_multipart(client, "/sets/import", {"csrf_token": csrf_token(client, "/sets/import"),
                                                   "upload": (io.BytesIO(data), filename), "destination": "new",
                                                   **fields})


def stored_questions(app, set_id: int | None = None) -> list[tuple]:
    with app.app_context():
        query = db.select(Question).order_by(Question.set_id, Question.position)
        if set_id is not None:
            query = query.filter_by(set_id=set_id)
        return [(question.kind, question.prompt, question.answer, question.choices, question.explanation)
                for question in db.session.execute(query).scalars()]


def only_set(app) -> QuestionSet:
    with app.app_context():
        question_set = db.session.execute(db.select(QuestionSet)).scalar_one()
        db.session.expunge(question_set)
        return question_set


def tab_separated(text: str) -> str:
    """The CSV above as a spreadsheet saves it tab-separated (no field needs quotes then)."""
    import csv

    rows = list(csv.reader(io.StringIO(text)))
    return "\n".join("\t".join(row) for row in rows) + "\n"


@pytest.mark.parametrize("filename, content", [
    ("week-3_quiz.csv", CSV),
    ("week-3_quiz.csv", CSV.replace("\n", "\r\n")),
    ("week-3_quiz.tsv", tab_separated(CSV)),
    ("week-3_quiz.txt", tab_separated(CSV)),
    ("week-3_quiz.txt", tab_separated(CSV).encode("utf-16")),  # a spreadsheet's "Unicode text": UTF-16 with its BOM
    ("week-3_quiz.csv", "\ufeff" + CSV.replace("type,prompt,answer,choices,explanation", "Prompt,Type,Answer,Choices,Explanation")
     .replace("multiple_choice,Where was the base?", "Where was the base?,multiple_choice")
     .replace("true_false,The base held", "The base held 1960 troops.,true_false").replace(" 1960 troops.,True", ",True")
     .replace("cloze,The base had _____ barracks.", "The base had _____ barracks.,cloze")
     .replace('short_answer,"Who said ""peace""?"', '"Who said ""peace""?",short_answer')
     .replace("flashcard,Kerim Valiyev", "Kerim Valiyev,flashcard")),
])
def test_a_spreadsheet_becomes_a_new_set_titled_after_the_file(app, client, teacher, filename, content):
    response = import_file(client, filename, content)
    assert response.status_code == 302, visible_text(response)
    question_set = only_set(app)
    assert (question_set.title, question_set.owner_id, question_set.status) == ("week 3 quiz", teacher, SetStatus.DRAFT)
    assert stored_questions(app) == EXPECTED
    with app.app_context():
        assert {question.review_status for question in db.session.execute(db.select(Question)).scalars()} == {
            ReviewStatus.APPROVED}
    assert "Imported 5 questions into 'week 3 quiz'" in visible_text(client.get(response.headers["Location"]))


def test_semicolons_and_short_headers_work(app, client, teacher):
    content = "type;prompt;answer\nMC;Capital of France?;Paris\nshort answer;Capital of Spain?;Madrid\n"
    response = import_file(client, "europe.csv", content)
    assert response.status_code == 400
    assert "Line 2: a multiple-choice question needs 3 to 6 choices; this one has 0" in visible_text(response)
    content = "type;prompt;answer\nshort answer;Capital of Spain?;Madrid\n"
    assert import_file(client, "europe.csv", content).status_code == 302
    assert stored_questions(app) == [(QuestionKind.SHORT_ANSWER, "Capital of Spain?", "Madrid", [], "")]


def test_a_quizlet_export_becomes_flashcards(app, client, teacher):
    content = "Khojaly\tA town in the Karabakh region\nNikiforov\tRussian colonel general\n\nMoscow\tRussia's capital\n"
    response = import_file(client, "karabakh terms.txt", content, title="Karabakh terms")
    assert response.status_code == 302
    assert only_set(app).title == "Karabakh terms"
    assert stored_questions(app) == [
        (QuestionKind.FLASHCARD, "Khojaly", "A town in the Karabakh region", [], ""),
        (QuestionKind.FLASHCARD, "Nikiforov", "Russian colonel general", [], ""),
        (QuestionKind.FLASHCARD, "Moscow", "Russia's capital", [], ""),
    ]


def test_importing_into_an_existing_set_appends(app, client, teacher):
    set_id = make_set(app, teacher, [{"prompt": "Already here?"}], title="Existing", status=SetStatus.PUBLISHED)
    response = import_file(client, "more.csv", CSV, destination=str(set_id))
    assert response.headers["Location"] == f"/sets/{set_id}"
    assert count_rows(app, QuestionSet) == 1
    with app.app_context():
        question_set = db.session.get(QuestionSet, set_id)
        assert [question.position for question in question_set.questions] == [0, 1, 2, 3, 4, 5]
        assert question_set.questions[0].prompt == "Already here?" and question_set.title == "Existing"


def test_the_import_page_preselects_the_set_and_offers_only_own_sets(app, client, teacher):
    set_id = make_set(app, teacher, title="Mine")
    other = make_user(app, role=Role.TEACHER, email="other@example.org")
    theirs = make_set(app, other, title="Theirs")
    page = client.get(f"/sets/import?into={set_id}").get_data(as_text=True)
    assert f'<option selected value="{set_id}">Mine (draft)</option>' in page and "Theirs" not in page
    response = import_file(client, "more.csv", CSV, destination=str(theirs))
    assert response.status_code == 400 and "Not a valid choice" in response.get_data(as_text=True)
    assert count_rows(app, Question) == 0


BAD_FILES = [
    ("bad rows", "q.csv", CSV.replace("Baku|Khojaly|Shusha", "Baku|Shusha|Lachin").replace(",True,,", ",Maybe,,")
     + "essay,Discuss.,Anything,,\n",
     ["Line 2: the answer 'Khojaly' must be one of the choices", "Line 3: a true/false answer is True or False, not 'Maybe'",
      "Line 7: unknown question type 'essay'"]),
    ("multi-line field", "q.csv", 'type,prompt,answer\nshort_answer,"A prompt\nover two lines",x\ncloze,No blank,x\n',
     ["Line 4: a cloze prompt needs exactly one blank"]),
    ("too many fields", "q.csv", "type,prompt,answer\nshort_answer,Who, really?,x\n",
     ["Line 2: the row has 4 fields but the header has 3"]),
    ("unknown column", "q.csv", "type,prompt,answer,difficulty\nshort_answer,Q?,x,hard\n",
     ["Line 1: unknown column 'difficulty'"]),
    ("missing column", "q.csv", "type,answer\nflashcard,x\n", ["Line 1: the column 'prompt' is missing"]),
    ("no header", "q.csv", "short_answer,Q?,x\n", ["Line 1: the first line is not a header row"]),
    ("quizlet without tab", "cards.txt", "Khojaly\tA town\nMoscow - capital\n\tno term\n",
     ["Line 2: no tab between the term and the definition", "Line 3: the term is empty"]),
    ("empty", "q.csv", "", ["The file is empty"]),
    ("header only", "q.csv", "type,prompt,answer\n", ["The file has no questions"]),
    ("binary", "q.csv", b"PK\x03\x04\x00\x00workbook", ["The file is binary"]),
    ("not utf-8", "q.csv", "type,prompt,answer\nshort_answer,Caf\u00e9?,x\n".encode("latin-1"),
     ["Line 2: the file is not UTF-8 text"]),
    ("wrong extension", "q.xlsx", CSV, ["'q.xlsx' is not a file Factdeck imports"]),
    ("broken json", "set.json", '{"format": "factdeck-set",\n "version": 1,\n "questions": [}', ["Line 3: not valid JSON"]),
    ("foreign json", "set.json", '{"cards": []}', ["not a Factdeck set export"]),
    ("future json", "set.json", '{"format": "factdeck-set", "version": 2, "questions": []}', ["has version 2"]),
    ("bad json question", "set.json", json.dumps({"format": "factdeck-set", "version": 1, "title": "T", "questions": [
        {"type": "flashcard", "prompt": "a", "answer": "b"}, {"type": "cloze", "prompt": "no blank", "answer": "b"},
        {"type": "short_answer", "prompt": 3, "answer": "b"}]}),
     ["Question 2: a cloze prompt needs exactly one blank", "Question 3: the prompt is missing or not text"]),
]


@pytest.mark.parametrize("filename, content, messages", [case[1:] for case in BAD_FILES], ids=[case[0] for case in BAD_FILES])
def test_a_bad_file_reports_each_problem_and_imports_nothing(app, client, teacher, filename, content, messages):
    set_id = make_set(app, teacher, [{}], title="Existing")
    for destination in ("new", str(set_id)):
        response = import_file(client, filename, content, destination=destination)
        assert response.status_code == 400
        text = visible_text(response)
        assert "Nothing was imported" in text
        for message in messages:
            assert message in text
        assert count_rows(app, QuestionSet) == 1 and count_rows(app, Question) == 1


def test_an_import_without_a_file_is_refused(app, client, teacher):
    response = post_multipart(client, "/sets/import", {"csrf_token": csrf_token(client, "/sets/import"),
                                                       "destination": "new"})
    assert response.status_code == 400 and "Choose a file to import" in visible_text(response)


def test_the_import_page_documents_the_formats(client, teacher):
    text = visible_text(client.get("/sets/import"))
    for fragment in ("type,prompt,answer,choices,explanation", "separated by |", "Quizlet", "Factdeck JSON", "_____"):
        assert fragment in text


# ---------------------------------------------------------------------------------------------------- export


ROWS = [
    {"kind": QuestionKind.MULTIPLE_CHOICE, "prompt": "How many troops?", "answer": "1,960",
     "choices": ["1,690", "1,960", "2,000", "19,600"], "explanation": "A total of 1,960 troops left.",
     "fact_kind": "number", "fact_text": "1,960", "fact_value": "1960", "source_start": 10, "source_end": 40,
     "review_status": ReviewStatus.APPROVED, "engine_id": "n-1"},
    {"kind": QuestionKind.TRUE_FALSE, "prompt": "Russia kept its base.", "answer": "False", "choices": ["True", "False"],
     "fact_kind": "place", "review_status": ReviewStatus.PENDING},
    {"kind": QuestionKind.CLOZE, "prompt": "The base had _____ barracks.", "answer": "10",
     "review_status": ReviewStatus.REJECTED, "fact_kind": "number"},
    {"kind": QuestionKind.FLASHCARD, "prompt": "Khojaly", "answer": "A town", "engine_id": None, "fact_kind": None,
     "explanation": "", "review_status": ReviewStatus.APPROVED},
    {"kind": QuestionKind.SHORT_ANSWER, "prompt": "Retired?", "answer": "gone", "retired_at": dt.datetime(2024, 5, 1)},
]


def _exported(client, set_id: int) -> dict:
    response = client.get(f"/sets/{set_id}/export.json")
    assert response.status_code == 200 and response.mimetype == "application/json"
    assert "attachment" in response.headers["Content-Disposition"]
    return json.loads(response.get_data(as_text=True))


def test_the_json_export_holds_the_set_and_its_current_questions(app, client, teacher):
    set_id = make_set(app, teacher, ROWS, title="Karabakh: troops leave", source_text=ARTICLE)
    with app.app_context():
        db.session.get(QuestionSet, set_id).published_on = dt.date(2024, 5, 15)
        db.session.commit()
    document = _exported(client, set_id)
    assert client.get(f"/sets/{set_id}/export.json").headers["Content-Disposition"].endswith(
        "filename=karabakh-troops-leave.json")
    assert (document["format"], document["version"], document["title"], document["published_on"],
            document["article"]) == ("factdeck-set", 1, "Karabakh: troops leave", "2024-05-15", ARTICLE)
    assert [question["prompt"] for question in document["questions"]] == [
        "How many troops?", "Russia kept its base.", "The base had _____ barracks.", "Khojaly"]
    assert document["questions"][0] == {
        "type": "multiple_choice", "prompt": "How many troops?", "answer": "1,960",
        "choices": ["1,690", "1,960", "2,000", "19,600"], "explanation": "A total of 1,960 troops left.",
        "review_status": "approved", "fact": {"kind": "number", "text": "1,960", "value": "1960"},
        "source": {"start": 10, "end": 40}, "engine_id": "n-1"}


def test_export_then_import_gives_the_same_questions(app, client, teacher):
    set_id = make_set(app, teacher, ROWS, title="Round trip", source_text=ARTICLE)
    document = _exported(client, set_id)
    response = import_file(client, "round-trip.json", json.dumps(document))
    assert response.status_code == 302, visible_text(response)
    copy_id = int(response.headers["Location"].rsplit("/", 1)[1])

    def described(question_set_id):
        with app.app_context():
            question_set = db.session.get(QuestionSet, question_set_id)
            rows = [(question.kind, question.prompt, question.answer, question.choices, question.explanation,
                     question.review_status, question.fact_kind, question.fact_text, question.fact_value,
                     question.engine_id, question.source_start, question.source_end)
                    for question in question_set.questions if question.retired_at is None]
            return question_set.title, question_set.source_text, rows

    assert copy_id != set_id and described(copy_id) == described(set_id)
    # The copy can be regenerated, because its article came along.
    assert "Regenerate" in client.get(f"/sets/{copy_id}").get_data(as_text=True)


def test_the_anki_deck_holds_the_approved_questions(app, client, teacher, tmp_path):
    set_id = make_set(app, teacher, ROWS, title="Karabakh")
    response = client.get(f"/sets/{set_id}/export.apkg")
    assert response.status_code == 200 and response.headers["Content-Disposition"].endswith("filename=karabakh.apkg")
    with zipfile.ZipFile(io.BytesIO(response.data)) as package:
        assert sorted(package.namelist()) == ["collection.anki2", "media"]
        package.extract("collection.anki2", tmp_path)
    connection = sqlite3.connect(tmp_path / "collection.anki2")
    try:
        notes = [fields.split("\x1f") for (fields,) in connection.execute("select flds from notes order by id")]
    finally:
        connection.close()
    assert [note[1] for note in notes] == ["1,960", "A town"]
    assert '<li>1,960</li>' in notes[0][0] and notes[0][2] == 'A total of <mark class="answer">1,960</mark> troops left.'


def test_an_anki_export_without_approved_questions_explains_why(app, client, teacher):
    set_id = make_set(app, teacher, [{}])
    response = client.get(f"/sets/{set_id}/export.apkg")
    assert response.status_code == 302
    assert "Approve at least one question before exporting" in visible_text(client.get(response.headers["Location"]))
