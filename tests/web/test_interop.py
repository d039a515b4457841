"""Sets to and from Moodle, Anki and Quizlet, checked by the software that reads them, and round trips.

The exports go to the programs that consume them, not to our own parsers: gift-pegjs (a GIFT parser
Moodle users rely on) under node, Anki's own Python library, and the structure Moodle's qformat_xml
reads. The import fixtures for Anki are written by Anki's library itself.
"""
from __future__ import annotations

import io
import json
import shutil
import subprocess
import xml.etree.ElementTree as ElementTree
import zipfile
from pathlib import Path

import pytest

from app.extensions import db
from app.models import Question, QuestionKind, QuestionSet, ReviewStatus, Role
from tests.conftest import REPO_ROOT, require_system_tool
from tests.web.conftest import csrf_token, make_user
from tests.web.test_sets import count_rows, make_set, post_multipart, visible_text

NODE_FOLDER = REPO_ROOT / "tests" / "interop" / "node"
APPROVED = ReviewStatus.APPROVED
# Every kind, the blank in the middle and at the end, a number, answers with alternative forms, and the
# characters GIFT and cloze syntax treat as special.
ROWS = [
    {"kind": QuestionKind.MULTIPLE_CHOICE, "prompt": "How many troops left the base?", "answer": "1,960",
     "choices": ["1,690", "1,960", "2,000", "19,600"], "explanation": "A total of 1,960 troops left.",
     "fact_kind": "number", "fact_text": "1,960", "fact_value": "1960"},
    {"kind": QuestionKind.TRUE_FALSE, "prompt": "Russia kept its base in Khojaly.", "answer": "False",
     "choices": ["True", "False"], "explanation": "Russia's troops left the base in Khojaly.", "fact_kind": "place"},
    {"kind": QuestionKind.CLOZE, "prompt": "The base had _____ barracks.", "answer": "10",
     "explanation": "The base had 10 barracks.", "fact_kind": "number"},
    {"kind": QuestionKind.CLOZE, "prompt": "The Russian force was led by _____", "answer": "Yevgeny Nikiforov",
     "explanation": "The force was led by Yevgeny Nikiforov.", "fact_kind": "person"},
    {"kind": QuestionKind.SHORT_ANSWER, "prompt": "Who led the Russian force {per Reuters}?",
     "answer": "Yevgeny Nikiforov", "explanation": "Colonel General Yevgeny Nikiforov led the force.",
     "fact_kind": "person", "fact_text": "Yevgeny Nikiforov", "fact_value": "Colonel General Yevgeny Nikiforov"},
    {"kind": QuestionKind.SHORT_ANSWER, "prompt": "How many peacekeepers were there?", "answer": "1960",
     "explanation": "There were 1960 peacekeepers.", "fact_kind": "number"},
    {"kind": QuestionKind.FLASHCARD, "prompt": "Kerim Valiyev", "answer": "Chief of staff: a ~colonel general = #1",
     "explanation": "Kerim Valiyev, Azerbaijan's chief of staff, said so.", "fact_kind": None},
]


def karabakh_set(app, teacher: int, **kwargs) -> int:
    rows = [{"review_status": APPROVED, "engine_id": None, "fact_text": None, "fact_value": None, **row}
            for row in ROWS]
    return make_set(app, teacher, rows, title=kwargs.pop("title", "Karabakh: troops leave"), **kwargs)


def described(app, set_id: int) -> list[tuple]:
    with app.app_context():
        rows = db.session.execute(db.select(Question).filter_by(set_id=set_id).order_by(Question.position)).scalars()
        return [(question.kind, question.prompt, question.answer, list(question.choices or []), question.explanation,
                 question.fact_kind) for question in rows]


def expected_rows() -> list[tuple]:
    return [(row["kind"], row["prompt"], row["answer"], list(row.get("choices", [])), row["explanation"],
             row["fact_kind"]) for row in ROWS]


def export(client, set_id: int, format_name: str):
    response = client.get(f"/sets/{set_id}/export/{format_name}")
    assert response.status_code == 200, response.status_code
    assert "attachment" in response.headers["Content-Disposition"]
    return response


def import_data(client, filename: str | None, content: bytes | str = b"", **fields):
    assert isinstance(content, (bytes, str))
    data = content.encode() if isinstance(content, str) else content
    parts = {"csrf_token": csrf_token(client, "/sets/import"), "destination": "new", **fields}
    if filename is not None:
        parts["upload"] = (io.BytesIO(data), filename)
    return post_multipart(client, "/sets/import", parts)


def newest_set(app) -> QuestionSet:
    with app.app_context():
        question_set = db.session.execute(db.select(QuestionSet).order_by(QuestionSet.id.desc())).scalars().first()
        db.session.expunge(question_set)
        return question_set


# ---------------------------------------------------------------------------------------------------- round trips


@pytest.mark.parametrize("format_name, filename", [("gift", "karabakh.gift.txt"), ("moodle-xml", "karabakh.xml"),
                                                   ("apkg", "karabakh.apkg"), ("json", "karabakh.json")])
def test_a_round_trip_keeps_every_question(app, client, teacher, format_name, filename):
    set_id = karabakh_set(app, teacher)
    exported = export(client, set_id, format_name).data
    response = import_data(client, filename, exported)
    assert response.status_code == 302, visible_text(response)
    copy = newest_set(app)
    assert copy.id != set_id and copy.title == "Karabakh: troops leave"
    assert described(app, copy.id) == expected_rows()


def test_only_approved_questions_leave_for_learners_and_an_empty_export_explains_why(app, client, teacher):
    set_id = karabakh_set(app, teacher)
    with app.app_context():
        question = db.session.execute(db.select(Question).filter_by(set_id=set_id, position=0)).scalar_one()
        question.review_status = ReviewStatus.PENDING
        db.session.commit()
    assert b"How many troops left" not in export(client, set_id, "gift").data
    assert b"How many troops left" in export(client, set_id, "json").data
    empty = make_set(app, teacher, [{}], title="Pending only")
    response = client.get(f"/sets/{empty}/export/moodle-xml")
    assert response.status_code == 302
    assert "Approve at least one question before exporting the set as Moodle XML" in visible_text(
        client.get(response.headers["Location"]))
    assert client.get(f"/sets/{set_id}/export/docx").status_code == 404


def test_nobody_exports_another_teachers_set(app, client, teacher):
    other = make_user(app, role=Role.TEACHER, email="other@example.org")
    theirs = karabakh_set(app, other)
    for format_name in ("gift", "moodle-xml", "quizlet", "apkg", "json"):
        assert client.get(f"/sets/{theirs}/export/{format_name}").status_code == 404


# ---------------------------------------------------------------------------------------------------- GIFT


def gift_pegjs(text: str) -> list[dict]:
    """Parse GIFT with the npm package gift-pegjs under node, as Moodle-minded tools do."""
    node = shutil.which("node")
    require_system_tool(node is not None, "node is not installed (Debian's nodejs package)")
    require_system_tool((NODE_FOLDER / "node_modules" / "gift-pegjs").is_dir(),
                        "gift-pegjs is not installed: run npm ci in tests/interop/node")
    result = subprocess.run([node, "parse-gift.js"], input=text, capture_output=True, text=True, cwd=NODE_FOLDER,
                            timeout=60, check=False)
    parsed = json.loads(result.stdout)
    assert result.returncode == 0, parsed
    return parsed


def test_gift_pegjs_reads_every_exported_question_with_its_type_and_answers(app, client, teacher):
    set_id = karabakh_set(app, teacher)
    parsed = gift_pegjs(export(client, set_id, "gift").get_data(as_text=True))
    assert parsed[0] == {"type": "Category", "title": "$course$/top/Karabakh: troops leave"}
    questions = parsed[1:]
    assert [question["type"] for question in questions] == ["MC", "TF", "Short", "Short", "Short", "Numerical",
                                                           "Short"]
    multiple, true_false, cloze, cloze_at_end, short, number, flashcard = questions

    def right(question):
        return [choice["text"]["text"] for choice in question["choices"] if choice["isCorrect"]]

    assert right(multiple) == ["1,960"] and len(multiple["choices"]) == 4
    assert multiple["stem"]["text"] == "How many troops left the base?"
    assert true_false["isTrue"] is False
    assert cloze["hasEmbeddedAnswers"] is True and right(cloze) == ["10"]
    assert cloze["stem"]["text"] == "The base had _____ barracks."
    assert "_____" in cloze_at_end["stem"]["text"] and right(cloze_at_end) == ["Yevgeny Nikiforov"]
    # Every form of the answer the app's grading accepts is a right answer in Moodle too.
    assert right(short) == ["Yevgeny Nikiforov", "Colonel General Yevgeny Nikiforov"]
    assert short["stem"]["text"] == "Who led the Russian force {per Reuters}?"
    assert number["choices"] == {"type": "range", "number": 1960, "range": 0}
    assert right(flashcard) == ["Chief of staff: a ~colonel general = #1"] and flashcard["tags"] == ["flashcard"]
    assert [question["globalFeedback"]["text"] for question in questions] == [row["explanation"] for row in ROWS]


GIFT_FILE = """// A question bank exported from Moodle
$CATEGORY: $course$/top/Geography

::Capital:: What is the capital of Azerbaijan? {
  =Baku#Right
  ~Yerevan#No, that is Armenia's
  ~Tbilisi
  ####Baku is on the Caspian Sea.
}

// [tag:fact-place]
::Sea::[html]<p>Baku lies on the <b>Caspian</b> Sea.</p>{T}

Nagorno-Karabakh lies in the {=South =southern} Caucasus.

::Year:: When did the war end? {#2020:1}

::Town:: Which town housed the base? {=Khojaly =Xocalı}
"""


def test_a_gift_file_that_gift_pegjs_parses_imports_as_questions(app, client, teacher):
    assert [question["type"] for question in gift_pegjs(GIFT_FILE)] == ["Category", "MC", "TF", "Short", "Numerical",
                                                                         "Short"]
    response = import_data(client, "bank.txt", GIFT_FILE)
    assert response.status_code == 302, visible_text(response)
    question_set = newest_set(app)
    assert question_set.title == "Geography"
    assert described(app, question_set.id) == [
        (QuestionKind.MULTIPLE_CHOICE, "What is the capital of Azerbaijan?", "Baku", ["Baku", "Yerevan", "Tbilisi"],
         "Baku is on the Caspian Sea.", None),
        (QuestionKind.TRUE_FALSE, "Baku lies on the Caspian Sea.", "True", ["True", "False"], "", "place"),
        (QuestionKind.CLOZE, "Nagorno-Karabakh lies in the _____ Caucasus.", "South", [], "", None),
        (QuestionKind.SHORT_ANSWER, "When did the war end?", "2020", [], "", None),
        (QuestionKind.SHORT_ANSWER, "Which town housed the base?", "Khojaly", [], "", None),
    ]


# ---------------------------------------------------------------------------------------------------- Moodle XML


def test_the_moodle_xml_has_the_structure_qformat_xml_reads(app, client, teacher):
    set_id = karabakh_set(app, teacher)
    response = export(client, set_id, "moodle-xml")
    assert response.headers["Content-Disposition"].endswith(".xml")
    root = ElementTree.fromstring(response.data)
    assert root.tag == "quiz"
    category, *questions = root.findall("question")
    assert category.get("type") == "category"
    assert category.findtext("category/text") == "$course$/top/Karabakh: troops leave"
    assert [question.get("type") for question in questions] == ["multichoice", "truefalse", "cloze", "cloze",
                                                                 "shortanswer", "numerical", "shortanswer"]
    for question, row in zip(questions, ROWS):
        assert question.findtext("name/text").strip()
        assert question.find("questiontext").get("format") == "html" and question.findtext("questiontext/text")
        assert row["explanation"] in question.findtext("generalfeedback/text")
        for answer in question.findall("answer"):
            assert float(answer.get("fraction")) in (0, 100) and answer.find("text") is not None
    multiple, true_false, cloze, _, short, number, flashcard = questions
    assert multiple.findtext("single") == "true"
    assert [(answer.get("fraction"), answer.findtext("text")) for answer in multiple.findall("answer")] == [
        ("0", "1,690"), ("100", "1,960"), ("0", "2,000"), ("0", "19,600")]
    assert [(answer.get("fraction"), answer.findtext("text")) for answer in true_false.findall("answer")] == [
        ("0", "true"), ("100", "false")]
    assert cloze.findtext("questiontext/text") == "<p>The base had {1:SHORTANSWER:%100%10} barracks.</p>"
    assert [answer.findtext("text") for answer in short.findall("answer")] == [
        "Yevgeny Nikiforov", "Colonel General Yevgeny Nikiforov"]
    assert number.findtext("answer/text") == "1960" and number.findtext("answer/tolerance") == "0"
    assert [tag.findtext("text") for tag in flashcard.findall("tags/tag")] == ["flashcard"]


MOODLE_XML = """<?xml version="1.0" encoding="UTF-8"?>
<quiz>
  <question type="category"><category><text>$course$/top/Caucasus</text></category></question>
  <question type="multichoice">
    <name><text>Capital</text></name>
    <questiontext format="html"><text><![CDATA[<p>What is the capital of <b>Armenia</b>?</p>]]></text></questiontext>
    <generalfeedback format="html"><text>Yerevan is the capital.</text></generalfeedback>
    <single>true</single>
    <answer fraction="0" format="html"><text>Baku</text></answer>
    <answer fraction="100" format="html"><text>Yerevan</text></answer>
    <answer fraction="0" format="html"><text>Tbilisi</text></answer>
  </question>
  <question type="shortanswer">
    <name><text>Lake</text></name>
    <questiontext format="moodle_auto_format"><text>Name Armenia's largest lake.</text></questiontext>
    <answer fraction="100"><text>Sevan</text></answer>
    <answer fraction="50"><text>Lake Sevan</text></answer>
  </question>
  <question type="cloze">
    <name><text>River</text></name>
    <questiontext format="html"><text>The {1:SHORTANSWER:=Kura~%50%Mtkvari} flows into the Caspian.</text></questiontext>
  </question>
</quiz>
"""


def test_a_moodle_xml_file_imports_as_questions(app, client, teacher):
    response = import_data(client, "caucasus.xml", MOODLE_XML)
    assert response.status_code == 302, visible_text(response)
    question_set = newest_set(app)
    assert question_set.title == "Caucasus"
    assert described(app, question_set.id) == [
        (QuestionKind.MULTIPLE_CHOICE, "What is the capital of Armenia?", "Yerevan", ["Baku", "Yerevan", "Tbilisi"],
         "Yerevan is the capital.", None),
        (QuestionKind.SHORT_ANSWER, "Name Armenia's largest lake.", "Sevan", [], "", None),
        (QuestionKind.CLOZE, "The _____ flows into the Caspian.", "Kura", [], "", None),
    ]


# ---------------------------------------------------------------------------------------------------- Anki


anki_collection = pytest.importorskip("anki.collection")


def open_collection(path: Path):
    return anki_collection.Collection(str(path))


def test_anki_imports_the_deck_with_cloze_notes_tags_and_the_source_sentence(app, client, teacher, tmp_path):
    set_id = karabakh_set(app, teacher)
    package = tmp_path / "karabakh.apkg"
    package.write_bytes(export(client, set_id, "apkg").data)
    collection = open_collection(tmp_path / "learner.anki2")
    try:
        collection.import_anki_package(anki_collection.ImportAnkiPackageRequest(package_path=str(package)))
        notes = [collection.get_note(note_id) for note_id in sorted(collection.find_notes(""))]
        assert len(notes) == len(ROWS)
        cloze_notes = [note for note in notes if note.note_type()["type"] == 1]  # MODEL_CLOZE
        assert [note["Text"] for note in cloze_notes] == ["The base had {{c1::10}} barracks.",
                                                          "The Russian force was led by {{c1::Yevgeny Nikiforov}}"]
        assert all(note.cards()[0].question() for note in cloze_notes)
        assert "[...]" in cloze_notes[0].cards()[0].question()
        assert 'The base had <mark class="answer">10</mark> barracks.' in cloze_notes[0]["Back Extra"]
        others = [note for note in notes if note.note_type()["type"] == 0]
        assert [note["Back"] for note in others] == ["1,960", "False", "Yevgeny Nikiforov", "1960",
                                                     "Chief of staff: a ~colonel general = #1"]
        assert "Colonel General Yevgeny Nikiforov led the force." in html_text(others[2]["Source"])
        assert set(notes[0].tags) == {"factdeck::set::karabakh-troops-leave", "factdeck::type::multiple_choice",
                                      "factdeck::fact::number"}
        # A learner filters by set and by fact kind with Anki's own search.
        assert len(collection.find_notes("tag:factdeck::set::karabakh-troops-leave")) == len(ROWS)
        assert len(collection.find_notes("tag:factdeck::fact::number")) == 3
        assert len(collection.find_notes("tag:factdeck::type::flashcard")) == 1
        # Anki's "Check Database" finds nothing to repair.
        assert collection.fix_integrity() == ("Database rebuilt and optimized.", True)
    finally:
        collection.close()


def html_text(markup: str) -> str:
    from app.interop.base import html_to_text
    return html_to_text(markup)


def anki_fixture(tmp_path: Path) -> tuple[object, object]:
    """A collection written by Anki's library: a Basic note with HTML, a cloze note with two clozes, and a
    note type of three fields (front, back, source)."""
    collection = open_collection(tmp_path / "teacher.anki2")
    deck_id = collection.decks.id("Caucasus::Karabakh")
    basic = collection.new_note(collection.models.by_name("Basic"))
    basic["Front"], basic["Back"] = "<b>Khojaly</b>", 'A town, "the base" &amp; its airport'
    basic.tags = ["geo", "factdeck::fact::place"]
    collection.add_note(basic, deck_id)
    cloze = collection.new_note(collection.models.by_name("Cloze"))
    cloze["Text"] = "The base had {{c1::10}} barracks and {{c2::1,960::number}} troops."
    cloze["Back Extra"] = "From <i>Reuters</i>."
    collection.add_note(cloze, deck_id)
    models = collection.models
    three = models.new("Three fields")
    for name in ("Front", "Back", "Source"):
        models.add_field(three, models.new_field(name))
    template = models.new_template("Card 1")
    template["qfmt"], template["afmt"] = "{{Front}}", "{{Back}}<br>{{Source}}"
    models.add_template(three, template)
    models.add(three)
    note = collection.new_note(models.by_name("Three fields"))
    note["Front"], note["Back"], note["Source"] = "Kerim Valiyev", "Chief of staff", 'He said "go"<br>and left.'
    collection.add_note(note, deck_id)
    return collection, anki_collection.DeckIdLimit(deck_id)


ANKI_EXPECTED = [
    (QuestionKind.FLASHCARD, "Khojaly", 'A town, "the base" & its airport', [], "", "place"),
    (QuestionKind.CLOZE, "The base had _____ barracks and 1,960 troops.", "10", [], "From Reuters.", None),
    (QuestionKind.CLOZE, "The base had 10 barracks and _____ troops.", "1,960", [], "From Reuters.", None),
    (QuestionKind.FLASHCARD, "Kerim Valiyev", "Chief of staff", [], 'He said "go"\nand left.', None),
]


@pytest.mark.parametrize("legacy", [True, False], ids=["legacy collection.anki21", "current collection.anki21b"])
def test_an_apkg_written_by_anki_imports_its_notes(app, client, teacher, tmp_path, legacy):
    package = anki_written_package(tmp_path, legacy=legacy)
    with zipfile.ZipFile(package) as archive:
        assert ("collection.anki21" if legacy else "collection.anki21b") in archive.namelist()
    response = import_data(client, "caucasus.apkg", package.read_bytes())
    assert response.status_code == 302, visible_text(response)
    question_set = newest_set(app)
    assert question_set.title == "Karabakh"
    assert described(app, question_set.id) == ANKI_EXPECTED


def test_anki_text_exports_with_their_headers_import(app, client, teacher, tmp_path):
    collection, limit = anki_fixture(tmp_path)
    exported = tmp_path / "notes.txt"
    try:
        collection.export_note_csv(out_path=str(exported), limit=limit, with_html=True, with_tags=True,
                                   with_deck=True, with_notetype=True, with_guid=True)
    finally:
        collection.close()
    text = exported.read_text()
    assert text.startswith("#separator:tab\n#html:true\n")
    response = import_data(client, "notes.txt", text)
    assert response.status_code == 302, visible_text(response)
    assert described(app, newest_set(app).id) == ANKI_EXPECTED
    # The same text pasted into the box imports the same way.
    response = import_data(client, None, pasted=text)
    assert response.status_code == 302, visible_text(response)
    assert described(app, newest_set(app).id) == ANKI_EXPECTED


@pytest.mark.parametrize("headers, rows", [
    ("#separator:Comma\n#html:false\n#columns:Front,Back,Extra\n#tags:Geo",
     'Khojaly,"A town, the base",<b>kept as typed</b>\nKerim Valiyev,Chief of staff,\n'),
    ("#separator:;\n#html:true\n#notetype:Basic\n#deck:Karabakh",
     "Khojaly;A town<br>the base;\nKerim Valiyev;Chief of staff;\n"),
])
def test_anki_text_headers_name_the_separator_and_html(app, client, teacher, headers, rows):
    response = import_data(client, "notes.txt", f"{headers}\n{rows}")
    assert response.status_code == 302, visible_text(response)
    stored = described(app, newest_set(app).id)
    assert [row[:3] for row in stored] == [
        (QuestionKind.FLASHCARD, "Khojaly", "A town, the base" if "Comma" in headers else "A town\nthe base"),
        (QuestionKind.FLASHCARD, "Kerim Valiyev", "Chief of staff")]
    if "Comma" in headers:
        assert stored[0][4] == "<b>kept as typed</b>"


# ---------------------------------------------------------------------------------------------------- Quizlet


def test_the_quizlet_export_is_term_tab_definition(app, client, teacher):
    set_id = karabakh_set(app, teacher)
    lines = export(client, set_id, "quizlet").get_data(as_text=True).splitlines()
    assert len(lines) == len(ROWS) and all(line.count("\t") == 1 for line in lines)
    assert lines[0] == "How many troops left the base? (1,690 / 1,960 / 2,000 / 19,600)\t1,960"
    assert lines[6] == "Kerim Valiyev\tChief of staff: a ~colonel general = #1"


QUIZLET_CARDS = [("Khojaly", "A town, home of the base"), ("Kerim Valiyev", "Azerbaijan's chief of staff")]


@pytest.mark.parametrize("text, separators", [
    ("Khojaly\tA town, home of the base\nKerim Valiyev\tAzerbaijan's chief of staff\n", {}),
    ("Khojaly,A town, home of the base\nKerim Valiyev,Azerbaijan's chief of staff", {}),
    ("Khojaly\tA town, home of the base;Kerim Valiyev\tAzerbaijan's chief of staff", {}),
    ("Khojaly,A town, home of the base;Kerim Valiyev,Azerbaijan's chief of staff;", {}),
    ("Khojaly - A town, home of the base\n\nKerim Valiyev - Azerbaijan's chief of staff",
     {"term_separator": " - ", "card_separator": "\\n\\n"}),
], ids=["tab, new line", "comma, new line", "tab, semicolon", "comma, semicolon", "custom"])
@pytest.mark.parametrize("pasted", [False, True], ids=["file", "paste box"])
def test_quizlet_exports_with_each_separator_import(app, client, teacher, text, separators, pasted):
    if pasted:
        response = import_data(client, None, pasted=text, **separators)
    else:
        response = import_data(client, "quizlet.txt", text, **separators)
    assert response.status_code == 302, visible_text(response)
    assert [row[:3] for row in described(app, newest_set(app).id)] == [
        (QuestionKind.FLASHCARD, term, definition) for term, definition in QUIZLET_CARDS]


def test_a_spreadsheet_selection_with_front_and_back_columns_imports_as_flashcards(app, client, teacher):
    response = import_data(client, None, pasted="front\tback\nKhojaly\tA town\nKerim Valiyev\tChief of staff\n")
    assert response.status_code == 302, visible_text(response)
    assert [row[:3] for row in described(app, newest_set(app).id)] == [
        (QuestionKind.FLASHCARD, "Khojaly", "A town"), (QuestionKind.FLASHCARD, "Kerim Valiyev", "Chief of staff")]


def test_a_file_and_pasted_text_together_are_refused(app, client, teacher):
    response = import_data(client, "cards.txt", "a\tb\n", pasted="c\td")
    assert response.status_code == 400 and "not both" in visible_text(response)
    assert count_rows(app, Question) == 0


# ---------------------------------------------------------------------------------------------------- bad files


def anki_written_package(tmp_path: Path, *, legacy: bool = True) -> Path:
    """The fixture collection exported by Anki's library as an .apkg (legacy or current format)."""
    collection, limit = anki_fixture(tmp_path)
    package = tmp_path / "caucasus.apkg"
    try:
        options = anki_collection.ExportAnkiPackageOptions(with_scheduling=False, with_deck_configs=False,
                                                           with_media=False, legacy=legacy)
        collection.export_anki_package(out_path=str(package), limit=limit, options=options)
    finally:
        collection.close()
    return package


def apkg_of_many_notes(tmp_path: Path, count: int) -> bytes:
    """A package Anki wrote (legacy format), its collection then grown to ``count`` notes with SQLite."""
    import sqlite3

    with zipfile.ZipFile(anki_written_package(tmp_path)) as archive:
        archive.extractall(tmp_path / "unpacked")
    database = tmp_path / "unpacked" / "collection.anki21"
    connection = sqlite3.connect(database)
    note = connection.execute("select guid, mid, mod, usn, tags, flds, sfld, csum, flags, data from notes").fetchone()
    connection.executemany("insert into notes values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                           ((10**12 + number, f"copy{number}", *note[1:]) for number in range(count - 3)))
    connection.commit()
    assert connection.execute("select count(*) from notes").fetchone() == (count,)
    connection.close()
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted((tmp_path / "unpacked").iterdir()):
            archive.write(path, path.name)
    return buffer.getvalue()


BAD_FILES = [
    # Cut short, as an interrupted download leaves it.
    ("truncated zip", "deck.apkg", lambda tmp_path: anki_written_package(tmp_path).read_bytes()[:-300],
     "damaged or truncated"),
    ("not a zip", "deck.apkg", b"not a zip at all", "damaged or truncated"),
    ("zip without a collection", "deck.apkg", lambda tmp_path: _zip({"notes.txt": "x"}), "not an Anki package"),
    ("collection that is not Anki's", "deck.apkg", lambda tmp_path: _zip({"collection.anki2": "SQLite format 3"}),
     "not an Anki database"),
    ("100,000 notes", "deck.apkg", lambda tmp_path: apkg_of_many_notes(tmp_path, 100_000),
     "The deck has 100,000 notes; import at most"),
    ("wrong XML", "bank.xml", "<quiz><question type='truefalse'>\n<name><text>x</text></question></quiz>",
     "not valid XML: mismatched tag at line 2"),
    ("XML that is not Moodle's", "bank.xml", "<?xml version='1.0'?><rss></rss>", "not a Moodle question export"),
    ("Moodle question with two right choices", "bank.xml", MOODLE_XML.replace(
        '<answer fraction="0" format="html"><text>Baku', '<answer fraction="100" format="html"><text>Baku'),
     "Question 1: a multiple-choice question needs exactly one right choice (fraction 100); this one has 2"),
    ("GIFT syntax error", "bank.gift", "::Q1:: Where? {=Baku ~Yerevan ~Tbilisi}\n\n::Q2:: Unclosed {=Baku ~Yerevan\n",
     "Question 2: the answers' { has no closing }"),
    ("GIFT matching", "bank.gift", "Match. {=Baku -> Azerbaijan =Yerevan -> Armenia =Tbilisi -> Georgia}\n",
     "Question 1: a matching question"),
    ("GIFT multiple answers", "bank.gift", "Pick two. {~%50%Baku ~%50%Ganja ~%-100%Yerevan}\n",
     "Question 1: a multiple-answer question"),
    ("10 MB file", "big.txt", b"Khojaly\tA town\n" * (10 * 1024 * 1024 // 15 + 1), "import files of at most 10 MB"),
    ("Anki text with a bad cloze-less note", "notes.txt", "#separator:tab\n#html:true\nOnly one field\n",
     "Line 3: the note has one field"),
]


def _zip(files: dict[str, str]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in files.items():
            archive.writestr(name, content)
    return buffer.getvalue()


@pytest.mark.parametrize("filename, content, message", [case[1:] for case in BAD_FILES],
                         ids=[case[0] for case in BAD_FILES])
def test_a_bad_file_of_any_format_names_the_problem_and_saves_nothing(app, client, teacher, tmp_path, filename,
                                                                      content, message):
    data = content(tmp_path) if callable(content) else content
    before = (count_rows(app, QuestionSet), count_rows(app, Question))
    response = import_data(client, filename, data)
    assert response.status_code == 400
    text = visible_text(response)
    assert "Nothing was imported" in text and message in text, text[:3000]
    assert (count_rows(app, QuestionSet), count_rows(app, Question)) == before


def test_a_moodle_file_with_one_unsupported_question_imports_none_of_them(app, client, teacher):
    essay = MOODLE_XML.replace('<question type="shortanswer">', '<question type="essay">')
    response = import_data(client, "bank.xml", essay)
    assert response.status_code == 400
    assert "Question 2: the question type 'essay' has no match in Factdeck" in visible_text(response)
    assert count_rows(app, Question) == 0


# ---------------------------------------------------------------------------------------------------- command line


def test_the_command_line_exports_each_format_and_imports_it_back(app, runner, tmp_path):
    teacher = make_user(app, role=Role.TEACHER, email="teacher@example.org")
    set_id = karabakh_set(app, teacher)
    for format_name, name in (("gift", "set.gift"), ("moodle-xml", "set.xml"), ("apkg", "set.apkg"),
                              ("json", "set.json"), ("quizlet", "set.txt")):
        output = tmp_path / name
        result = runner.invoke(args=["sets", "export", str(set_id), "--format", format_name, "--output", str(output)])
        assert result.exit_code == 0, result.output
        assert output.stat().st_size > 0
        result = runner.invoke(args=["sets", "import", str(output), "--teacher", "teacher@example.org"])
        assert result.exit_code == 0, result.output
        assert "Imported 7 questions into set" in result.output
        if format_name != "quizlet":
            assert described(app, newest_set(app).id) == expected_rows()
    result = runner.invoke(args=["sets", "import", str(tmp_path / "set.gift"), "--teacher", "nobody@example.org"])
    assert result.exit_code == 1 and "No teacher has the email" in result.output
    bad = tmp_path / "bad.gift"
    bad.write_text("::Q:: Unclosed {=a\n")
    before = count_rows(app, Question)
    result = runner.invoke(args=["sets", "import", str(bad), "--teacher", "teacher@example.org"])
    assert result.exit_code == 1 and "Question 1: the answers' { has no closing }" in result.output
    assert count_rows(app, Question) == before
    result = runner.invoke(args=["sets", "export", "999", "--format", "gift", "--output", str(tmp_path / "x")])
    assert result.exit_code == 1 and "There is no set 999" in result.output


def test_gift_pegjs_reads_back_text_full_of_gift_syntax(app, client, teacher):
    """Escaping checked by the other parser: prompts and answers made of GIFT's special characters."""
    import random

    rng = random.Random(12)
    alphabet = list("abc XYZ 019 ~=#{}:\\/\"'<>&%-.,;!?é")

    def text() -> str:
        return " ".join("".join(rng.choice(alphabet) for _ in range(rng.randint(1, 25))).split()) or "x"

    rows = [{"kind": QuestionKind.SHORT_ANSWER, "prompt": text(), "answer": text(), "explanation": text(),
             "review_status": APPROVED, "fact_kind": None} for _ in range(40)]
    set_id = make_set(app, teacher, rows, title="Syntax")
    parsed = gift_pegjs(export(client, set_id, "gift").get_data(as_text=True))[1:]
    assert [(question["stem"]["text"], question["choices"][0]["text"]["text"], question["globalFeedback"]["text"])
            for question in parsed] == [(row["prompt"], row["answer"], row["explanation"]) for row in rows]
