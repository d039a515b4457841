"""Anki's .apkg packages: export a set as a deck, import a deck exported by Anki (legacy or current format).

The export has two note types: Factdeck's own (front, back, source sentence) for most questions and a
Cloze note type (``{{c1::answer}}``, the source sentence as Back Extra) for cloze questions. Every note is
tagged with the set, the question's type and the fact it asks about, so a learner can filter by them.

An import reads the newest collection in the package: ``collection.anki21b`` (Anki 2.1.50 on, a
zstd-compressed SQLite database), else ``collection.anki21`` or ``collection.anki2`` (the legacy format).
"""
from __future__ import annotations

import hashlib
import io
import itertools
import json
import re
import sqlite3
import tempfile
import time
import zipfile
from collections import Counter
from pathlib import Path

import genanki
import zstandard
from markupsafe import Markup, escape

from app.interop.anki_notes import SET_TAG, TAG_ROOT, TRUE_FALSE_HINT, TYPE_TAG, FACT_TAG, Note, add_note_questions
from app.interop.base import MAX_IMPORTED_QUESTIONS, ImportedSet, QuestionCollector, file_error
from app.models import Question, QuestionKind, QuestionSet
from app.sets.drafts import BLANK

# Anki wants fixed ids for note types; these are Factdeck's and must never change.
_MODEL_ID = 1_718_402_551
_CLOZE_MODEL_ID = 1_718_402_552
_CSS = """.card { font-family: system-ui, sans-serif; font-size: 20px; color: #212529; background: #fff; }
.source { font-size: 16px; color: #495057; border-left: 4px solid #6c757d; padding-left: .6em; margin-top: 1em; }
mark.answer { background: #fff3a0; }
.cloze { font-weight: bold; color: #0a58ca; }"""
COLLECTIONS = ("collection.anki21b", "collection.anki21", "collection.anki2")
# A collection unpacked from a package of at most the upload limit; a bigger one is a zip bomb.
MAX_COLLECTION_BYTES = 256 * 1024 * 1024
_TAG_UNSAFE = re.compile(r"[^\w-]+")

_MODEL = genanki.Model(
    _MODEL_ID, "Factdeck question",
    fields=[{"name": "Front"}, {"name": "Back"}, {"name": "Source"}],
    templates=[{"name": "Card 1", "qfmt": "{{Front}}",
                "afmt": '{{FrontSide}}<hr id="answer">{{Back}}<div class="source">{{Source}}</div>'}],
    css=_CSS)
_CLOZE_MODEL = genanki.Model(
    _CLOZE_MODEL_ID, "Factdeck cloze",
    fields=[{"name": "Text"}, {"name": "Back Extra"}],
    templates=[{"name": "Cloze", "qfmt": "{{cloze:Text}}",
                "afmt": '{{cloze:Text}}<div class="source">{{Back Extra}}</div>'}],
    css=_CSS, model_type=genanki.Model.CLOZE)


# ---------------------------------------------------------------------------------------------------- export


def set_tag(title: str) -> str:
    """Return the tag that names a set in Anki: ``factdeck::set::russian-troops-leave``."""
    return SET_TAG + (_TAG_UNSAFE.sub("-", title.lower()).strip("-")[:60] or "set")


def export(question_set: QuestionSet, questions: list[Question], source_html) -> bytes:
    """Return an Anki ``.apkg`` deck of the questions.

    ``source_html(question)`` gives the source sentence as safe HTML with the answer marked.
    """
    deck = genanki.Deck(stable_id(f"factdeck-set-{question_set.id}"), question_set.title)
    for question in questions:
        tags = [set_tag(question_set.title), TYPE_TAG + question.kind.value]
        if question.fact_kind:
            tags.append(FACT_TAG + _TAG_UNSAFE.sub("-", question.fact_kind))
        guid = genanki.guid_for(TAG_ROOT, question.id)
        if question.kind is QuestionKind.CLOZE:
            before, after = question.prompt.split(BLANK, 1)
            text = Markup("{}{{{{c1::{}}}}}{}").format(_cloze_safe(before), _cloze_safe(question.answer),
                                                       _cloze_safe(after))
            deck.add_note(genanki.Note(model=_CLOZE_MODEL, fields=[str(text), str(source_html(question))],
                                       tags=tags, guid=guid))
        else:
            deck.add_note(genanki.Note(model=_MODEL, fields=[_front(question), str(escape(question.answer)),
                                                             str(source_html(question))], tags=tags, guid=guid))
    # genanki's own write_to_file leaves its temporary database behind; this cleans up after itself.
    with tempfile.TemporaryDirectory() as folder:
        database = Path(folder) / "collection.anki2"
        connection = sqlite3.connect(database)
        try:
            timestamp = time.time()
            genanki.Package(deck).write_to_db(connection.cursor(), timestamp, itertools.count(int(timestamp * 1000)))
            connection.commit()
        finally:
            connection.close()
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
            package.write(database, "collection.anki2")
            package.writestr("media", "{}")
    return buffer.getvalue()


def _cloze_safe(text: str) -> Markup:
    """Return text as HTML in which braces and colons are character references, so Anki's cloze syntax
    ("{{c1::answer::hint}}") cannot end early; Anki shows the characters themselves."""
    escaped = str(escape(text))
    return Markup(escaped.replace("{", "&#123;").replace("}", "&#125;").replace(":", "&#58;"))


def _front(question: Question) -> str:
    front = escape(question.prompt)
    if question.kind is QuestionKind.MULTIPLE_CHOICE and question.choices:
        items = Markup("").join(Markup("<li>{}</li>").format(choice) for choice in question.choices)
        front = Markup('{}<ol type="A">{}</ol>').format(front, items)
    elif question.kind is QuestionKind.TRUE_FALSE:
        front = Markup("{}<br><small>{}</small>").format(front, TRUE_FALSE_HINT)
    return str(front)


def stable_id(name: str) -> int:
    """Return an id Anki accepts (below 2**31) that stays the same for the same name."""
    return int(hashlib.sha256(name.encode()).hexdigest()[:8], 16) % (2**31 - 1) + 1


# ---------------------------------------------------------------------------------------------------- import


def parse(data: bytes) -> ImportedSet:
    """Read an .apkg (or .colpkg) package's notes as questions, checking every one.

    Raises:
        ImportFileError: the package is damaged, not Anki's, too big, or some notes are not questions.
    """
    connection = _open_collection(data)
    try:
        return _read_notes(connection)
    except sqlite3.DatabaseError as err:
        raise file_error(f"The Anki collection inside the package cannot be read ({err}).") from None
    finally:
        connection.close()


def _open_collection(data: bytes) -> sqlite3.Connection:
    try:
        package = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        raise file_error("This .apkg file is damaged or truncated: it is not a complete zip archive. "
                         "Export the deck from Anki again.") from None
    with package:
        name = next((name for name in COLLECTIONS if name in package.namelist()), None)
        if name is None:
            raise file_error("This zip file is not an Anki package: it holds no collection.anki2, "
                             "collection.anki21 or collection.anki21b.")
        if package.getinfo(name).file_size > MAX_COLLECTION_BYTES:
            raise file_error(f"The Anki collection in this package unpacks to more than "
                             f"{MAX_COLLECTION_BYTES // (1024 * 1024)} MB; export a smaller deck.")
        try:
            database = package.read(name)
        except (zipfile.BadZipFile, EOFError, OSError) as err:
            raise file_error(f"This .apkg file is damaged or truncated ({err}). Export the deck from Anki "
                             "again.") from None
    if name.endswith("b"):
        try:
            database = zstandard.ZstdDecompressor().decompress(database, max_output_size=MAX_COLLECTION_BYTES)
        except zstandard.ZstdError as err:
            raise file_error(f"The package's collection cannot be unpacked ({err}).") from None
    if not database.startswith(b"SQLite format 3\x00"):
        raise file_error("The package's collection is not an Anki database.")
    # Anki keeps its collection in WAL mode, which a database held in memory cannot open: bytes 18 and 19
    # of the header say so, and set to 1 they ask for the ordinary rollback journal instead.
    database = database[:18] + b"\x01\x01" + database[20:]
    connection = sqlite3.connect(":memory:")
    try:
        connection.deserialize(database)
        tables = _tables(connection)
        if not {"notes", "cards", "col"} <= tables:
            raise sqlite3.DatabaseError("it has no notes, cards and col tables")
    except sqlite3.DatabaseError as err:
        connection.close()
        raise file_error(f"The package's collection is not an Anki database ({err}).") from None
    return connection


def _read_notes(connection: sqlite3.Connection) -> ImportedSet:
    (count,) = connection.execute("select count(*) from notes").fetchone()
    if count > MAX_IMPORTED_QUESTIONS:
        raise file_error(f"The deck has {count:,} notes; import at most {MAX_IMPORTED_QUESTIONS:,} at a time "
                         "(export part of the deck from Anki).")
    if not count:
        raise file_error("The deck has no notes.")
    field_names = _field_names(connection)
    collector = QuestionCollector(unit="Note")
    set_tags: Counter[str] = Counter()
    rows = connection.execute("select id, mid, flds, tags from notes order by id").fetchall()
    for number, (_, model_id, fields, tags) in enumerate(rows, start=1):
        tag_list = tuple(tags.split())
        set_tags.update(tag for tag in tag_list if tag.startswith(SET_TAG))
        add_note_questions(collector, number, Note(fields=tuple(fields.split("\x1f")),
                                                   field_names=field_names.get(model_id, ()), tags=tag_list))
    return collector.result(title=_deck_name(connection), format="apkg")


def _tables(connection: sqlite3.Connection) -> set[str]:
    return {name for (name,) in connection.execute("select name from sqlite_master where type = 'table'")}


def _field_names(connection: sqlite3.Connection) -> dict[int, tuple[str, ...]]:
    if "fields" in _tables(connection):  # schema 18 (Anki 2.1.28 on)
        names: dict[int, list[tuple[int, str]]] = {}
        for model_id, order, name in connection.execute("select ntid, ord, name from fields"):
            names.setdefault(model_id, []).append((order, name))
        return {model_id: tuple(name for _, name in sorted(fields)) for model_id, fields in names.items()}
    (models,) = connection.execute("select models from col").fetchone()
    try:
        parsed = json.loads(models or "{}")
    except json.JSONDecodeError:
        return {}
    return {int(model_id): tuple(field["name"] for field in sorted(model.get("flds", []), key=lambda f: f["ord"]))
            for model_id, model in parsed.items()}


def _deck_name(connection: sqlite3.Connection) -> str:
    """Return the name of the deck most cards are in (its last part, for a sub-deck)."""
    counts = Counter(deck_id for (deck_id,) in connection.execute("select did from cards"))
    if "decks" in _tables(connection):
        names = {deck_id: name.replace("\x1f", "::")
                 for deck_id, name in connection.execute("select id, name from decks")}
    else:
        (decks,) = connection.execute("select decks from col").fetchone()
        try:
            names = {int(deck_id): deck["name"] for deck_id, deck in json.loads(decks or "{}").items()}
        except (json.JSONDecodeError, KeyError, TypeError):
            names = {}
    for deck_id, _ in counts.most_common():
        name = names.get(deck_id, "")
        if name and name != "Default":
            return name.split("::")[-1].strip()
    return ""
