"""Files of questions in: the one entry that picks a format's parser; CSV/TSV and Factdeck's JSON in and out.

Import formats, detected from the file (the formats of other software live in ``app.interop``):

* **CSV or TSV with a header row.** Columns (any order, case ignored): ``type``, ``prompt``,
  ``answer``, ``choices``, ``explanation``; ``choices``, ``explanation`` and ``type`` may be left out
  (without ``type`` every row is a flashcard).
  ``type`` is ``multiple_choice``, ``true_false``, ``cloze``, ``short_answer`` or ``flashcard``
  (``MC``, ``true/false``, ``short answer`` ... also work). ``choices`` are separated by ``|``
  (multiple choice needs 3 to 6, the answer among them; true/false needs none). A cloze prompt
  holds its blank as ``_____``. A flashcard's prompt is its front and its answer its back.
  The delimiter is a tab in ``.tsv`` files or when the header row has tabs, a semicolon when the
  header has semicolons and no commas, and a comma otherwise. Quote a field that holds the
  delimiter, as spreadsheets do.
* **Quizlet's export** (term and definition separated by a tab or a comma, cards by new lines or
  semicolons, or by separators the teacher types): flashcards with the term as the front.
* **A set's own JSON export** (``{"format": "factdeck-set", "version": 1, ...}``).
* **GIFT, Moodle XML, Anki's .apkg and its text export** (``app.interop``).

Every row is checked before anything is stored; the errors name the line (or, in JSON, the
question number) and the reason.
"""
from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from pathlib import PurePath
from typing import Any

from app.interop import anki_package, anki_text, gift, moodle_xml, quizlet
from app.interop.base import (MAX_IMPORTED_QUESTIONS, ImportedQuestion, ImportedSet, ImportFileError, LineError,
                              file_error)
from app.models import Question, QuestionKind, QuestionSet, ReviewStatus
from app.sets.drafts import DraftError, QuestionDraft, checked, parse_kind, split_choices
from app.validation import CONTROL_CHARACTERS, article_date_problem, load_json
from questions.clean import BinaryInputError, NotUtf8Error, decode_text

__all__ = ["ImportFileError", "ImportedQuestion", "ImportedSet", "LineError", "parse_import", "export_document"]

EXPORT_FORMAT, EXPORT_VERSION = "factdeck-set", 1
IMPORT_EXTENSIONS = (".csv", ".tsv", ".txt", ".json", ".gift", ".xml", ".apkg", ".colpkg")
PACKAGE_EXTENSIONS = (".apkg", ".colpkg")
MAX_REPORTED_ERRORS = 50
CHOICE_SEPARATOR = "|"
# A control character that cannot be stored (NUL, the C1 block...), as it is or as a JSON \u escape.
_CONTROL_CHARACTER = re.compile(CONTROL_CHARACTERS + r"|\\u00(?:0[0-8]|0[eEfF]|1[0-9a-fA-F]|7[fF]|[89][0-9a-fA-F])")
COLUMNS = ("type", "prompt", "answer", "choices", "explanation")
_COLUMN_ALIASES = {"kind": "type", "question": "prompt", "front": "prompt", "term": "prompt",
                   "back": "answer", "definition": "answer", "options": "choices", "source": "explanation"}
_QUIZLET_HEADER = ("term", "definition")
def parse_import(filename: str, data: bytes, *, limit: int, term_separator: str | None = None,
                 card_separator: str | None = None) -> ImportedSet:
    """Read a file of questions in any supported format, checking every row.

    The format comes from the extension (``.apkg``, ``.json``, ``.gift``, ``.xml``, ``.tsv``) or else from
    the text: Anki's ``#separator:`` headers, a Moodle ``<quiz>``, Factdeck's JSON, GIFT's braces, a CSV
    header row, or Quizlet's term and definition (``term_separator`` and ``card_separator``, when given,
    are Quizlet's custom separators).

    Raises:
        ImportFileError: the file is unreadable or some rows break the rules (all of them listed).
    """
    extension = PurePath(filename).suffix.lower()
    if extension not in IMPORT_EXTENSIONS:
        raise file_error(f"{filename!r} is not a file Factdeck imports: choose a .csv, .tsv, .txt, .json, .gift, "
                         ".xml or .apkg file.")
    if len(data) > limit:
        raise file_error(f"The file is {len(data) / (1024 * 1024):.1f} MB; import files of at most "
                         f"{limit // (1024 * 1024)} MB.")
    if extension in PACKAGE_EXTENSIONS:
        return _counted(anki_package.parse(data))
    try:
        text = decode_text(data)
    except BinaryInputError:
        raise file_error("The file is binary (a spreadsheet workbook?), not text. Save it as CSV (UTF-8) and try "
                         "again.") from None
    except NotUtf8Error as err:
        line = data[:err.position].count(b"\n") + 1
        raise ImportFileError([LineError(line, "the file is not UTF-8 text; save it as CSV (UTF-8) and try again")
                               ]) from None
    text = text.lstrip("\ufeff")
    if not text.strip():
        raise file_error("The file is empty.")
    if control := _CONTROL_CHARACTER.search(text):
        raise ImportFileError([LineError(text.count("\n", 0, control.start()) + 1,
                                         "holds an invisible control character (such as NUL) that cannot be stored")])
    if term_separator or card_separator:
        imported = quizlet.parse(text, term_separator=term_separator or None, card_separator=card_separator or None)
    elif anki_text.looks_like_anki_text(text):
        imported = anki_text.parse(text)
    elif extension == ".xml" or moodle_xml.looks_like_moodle_xml(text):
        imported = moodle_xml.parse(text)
    elif extension == ".json" or text.lstrip().startswith("{"):
        imported = _parse_json(text)
    elif extension == ".gift" or (extension == ".txt" and gift.looks_like_gift(text)):
        imported = gift.parse(text)
    else:
        imported = _parse_table(text, extension)
    return _counted(imported)


def _counted(imported: ImportedSet) -> ImportedSet:
    if not imported.questions:
        raise file_error("The file has no questions.")
    if len(imported.questions) > MAX_IMPORTED_QUESTIONS:
        raise file_error(f"The file has {len(imported.questions):,} questions; import at most "
                         f"{MAX_IMPORTED_QUESTIONS:,} at a time.")
    return imported


def _parse_table(text: str, extension: str) -> ImportedSet:
    first_line = next(line for line in text.splitlines() if line.strip())
    if extension == ".tsv" or "\t" in first_line:
        delimiter = "\t"
    elif ";" in first_line and "," not in first_line:
        delimiter = ";"
    else:
        delimiter = ","
    header = [cell.strip().lower() for cell in next(csv.reader([first_line], delimiter=delimiter))]
    named = [_COLUMN_ALIASES.get(cell, cell) for cell in header]
    if ("prompt" in named or "answer" in named) and tuple(header[:2]) != _QUIZLET_HEADER:
        return _parse_csv(text, delimiter)
    # Quizlet's text is copied or saved as .txt; a .csv without its header row is a mistake to point out.
    if delimiter == "\t" or (extension == ".txt" and ("," in first_line or ";" in first_line)):
        return quizlet.parse(text)
    raise ImportFileError([LineError(1, "the first line is not a header row. A CSV file starts with the header "
                                        f"{','.join(COLUMNS)}; a Quizlet export has a tab between term and definition")])


def _parse_csv(text: str, delimiter: str) -> ImportedSet:
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    errors: list[LineError] = []
    header: list[str] = []
    while not header:
        header = [_COLUMN_ALIASES.get(cell.strip().lower(), cell.strip().lower()) for cell in next(reader)]
        header = header if any(header) else []
    unknown = [cell for cell in header if cell not in COLUMNS]
    repeated = sorted({cell for cell in header if header.count(cell) > 1})
    # Without a type column every row is a flashcard: a front and a back is all a deck of cards has.
    missing = [column for column in ("prompt", "answer") if column not in header]
    header_line = reader.line_num
    if unknown or repeated or missing:
        problem = (f"unknown column {unknown[0]!r}" if unknown else f"the column {repeated[0]!r} appears twice"
                   if repeated else f"the column {missing[0]!r} is missing")
        raise ImportFileError([LineError(header_line, f"{problem}; the columns are {', '.join(COLUMNS)}")])

    found: list[ImportedQuestion] = []
    line = header_line
    while True:
        start = line + 1
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as err:
            errors.append(LineError(start, f"the row cannot be read ({err})"))
            break
        line = reader.line_num
        if not any(cell.strip() for cell in row):
            continue
        if len(row) > len(header):
            errors.append(LineError(start, f"the row has {len(row)} fields but the header has {len(header)} "
                                           "(a field that holds the delimiter needs quotes)"))
            continue
        cells = dict(zip(header, row))
        try:
            draft = checked(QuestionDraft(
                kind=parse_kind(cells.get("type", "")) if "type" in header else QuestionKind.FLASHCARD, prompt=cells.get("prompt", ""), answer=cells.get("answer", ""),
                choices=split_choices(cells.get("choices", ""), CHOICE_SEPARATOR),
                explanation=cells.get("explanation", "")))
        except DraftError as err:
            errors.append(LineError(start, str(err)))
        else:
            found.append(ImportedQuestion(draft))
    if errors:
        raise ImportFileError(errors)
    return ImportedSet(questions=tuple(found), format="csv" if delimiter != "\t" else "tsv")


def _parse_json(text: str) -> ImportedSet:
    try:
        document = load_json(text)
    except json.JSONDecodeError as err:
        raise ImportFileError([LineError(err.lineno, f"not valid JSON ({err.msg}, column {err.colno})")]) from None
    except ValueError as err:
        raise ImportFileError([LineError(0, f"This JSON file is not a Factdeck set export: it is {err}.")]) from None
    if not isinstance(document, dict) or document.get("format") != EXPORT_FORMAT:
        raise ImportFileError([LineError(0, "This JSON file is not a Factdeck set export "
                                            f"(it needs \"format\": \"{EXPORT_FORMAT}\").")])
    if document.get("version") != EXPORT_VERSION:
        raise ImportFileError([LineError(0, f"This export has version {document.get('version')!r}; "
                                            f"this Factdeck reads version {EXPORT_VERSION}.")])
    items = document.get("questions")
    if not isinstance(items, list):
        raise ImportFileError([LineError(0, "The export has no list of questions.")])
    errors: list[LineError] = []
    found: list[ImportedQuestion] = []
    for number, item in enumerate(items, start=1):
        try:
            found.append(_json_question(item))
        except DraftError as err:
            errors.append(LineError(number, str(err), unit="Question"))
    published_on = None
    if document.get("published_on"):
        try:
            published_on = dt.date.fromisoformat(str(document["published_on"]))
        except ValueError:
            errors.append(LineError(0, f"The published date {document['published_on']!r} is not YYYY-MM-DD."))
        else:
            if problem := article_date_problem(published_on):
                errors.append(LineError(0, problem))
    if errors:
        raise ImportFileError(errors)
    return ImportedSet(questions=tuple(found), title=_text(document.get("title")),
                       description=_text(document.get("description")),
                       source_text=document["article"] if isinstance(document.get("article"), str) else "",
                       published_on=published_on, format="json")


def _json_question(item: Any) -> ImportedQuestion:
    if not isinstance(item, dict):
        raise DraftError("a question must be a JSON object")
    for name in ("type", "prompt", "answer"):
        if not isinstance(item.get(name), str):
            raise DraftError(f"the {name} is missing or not text")
    choices = item.get("choices") or []
    if not isinstance(choices, list) or not all(isinstance(choice, str) for choice in choices):
        raise DraftError("the choices must be a list of texts")
    draft = checked(QuestionDraft(kind=parse_kind(item["type"]), prompt=item["prompt"], answer=item["answer"],
                                  choices=tuple(choices), explanation=_text(item.get("explanation"))))
    try:
        status = ReviewStatus(item.get("review_status") or ReviewStatus.APPROVED.value)
    except ValueError:
        raise DraftError(f"unknown review status {item.get('review_status')!r}") from None
    recommended = item.get("recommended", False)
    if not isinstance(recommended, bool):
        raise DraftError("\"recommended\" must be true or false")
    score = item.get("score")
    if score is not None and (isinstance(score, bool) or not isinstance(score, (int, float)) or not 0 <= score <= 1):
        raise DraftError("the score must be a number from 0 to 1")
    fact = item.get("fact") if isinstance(item.get("fact"), dict) else {}
    source = item.get("source") if isinstance(item.get("source"), dict) else {}
    return ImportedQuestion(
        draft=draft, review_status=status,
        fact_kind=_optional_text(fact.get("kind"), 32), fact_text=_optional_text(fact.get("text")),
        fact_value=_optional_text(fact.get("value")), engine_id=_optional_text(item.get("engine_id"), 64),
        source_start=source.get("start") if isinstance(source.get("start"), int) else None,
        source_end=source.get("end") if isinstance(source.get("end"), int) else None,
        score=None if score is None else float(score), recommended=recommended)


def _text(value: Any) -> str:
    return value.strip() if isinstance(value, str) else ""


def _optional_text(value: Any, limit: int | None = None) -> str | None:
    if value is None or isinstance(value, (dict, list)):
        return None
    return str(value)[:limit] if limit else str(value)


# ---------------------------------------------------------------------------------------------------- export


def export_document(question_set: QuestionSet, question_rows: list[Question]) -> dict[str, Any]:
    """Return the set as the JSON document that ``parse_import`` reads back."""
    return {
        "format": EXPORT_FORMAT,
        "version": EXPORT_VERSION,
        "title": question_set.title,
        "description": question_set.description,
        "published_on": question_set.published_on.isoformat() if question_set.published_on else None,
        "article": question_set.source_text,
        "questions": [_exported_question(question) for question in question_rows],
    }


def _exported_question(question: Question) -> dict[str, Any]:
    data: dict[str, Any] = {
        "type": question.kind.value,
        "prompt": question.prompt,
        "answer": question.answer,
        "choices": list(question.choices or ()),
        "explanation": question.explanation,
        "review_status": question.review_status.value,
    }
    if question.fact_kind:
        data["fact"] = {"kind": question.fact_kind, "text": question.fact_text, "value": question.fact_value}
    if question.source_start is not None and question.source_end is not None:
        data["source"] = {"start": question.source_start, "end": question.source_end}
    if question.engine_id:
        data["engine_id"] = question.engine_id
    if question.score is not None:
        data["score"] = question.score
    if question.recommended:
        data["recommended"] = True
    return data
