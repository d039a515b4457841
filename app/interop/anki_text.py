"""Anki's "Notes in Plain Text" export: ``#`` header lines, then one note per row.

Anki writes headers such as ``#separator:tab``, ``#html:true``, ``#columns:Front<tab>Back``,
``#notetype column:2``, ``#deck column:3``, ``#tags column:5``, ``#notetype:Basic``, ``#deck:Name`` and
``#tags:a b``; fields holding the separator, quotes or new lines are quoted as in CSV.
"""
from __future__ import annotations

import csv
import io
import re

from app.interop.anki_notes import Note, add_note_questions
from app.interop.base import ImportedSet, QuestionCollector, file_error

_HEADER = re.compile(r"^#([a-z ]+):(.*)$")
_KNOWN_HEADERS = {"separator", "html", "columns", "notetype", "deck", "tags", "guid column", "notetype column",
                  "deck column", "tags column", "if matches", "match scope"}
_SEPARATORS = {"tab": "\t", "comma": ",", "semicolon": ";", "space": " ", "pipe": "|", "colon": ":"}


def looks_like_anki_text(text: str) -> bool:
    first = text.lstrip("\ufeff").split("\n", 1)[0].strip()
    found = _HEADER.match(first)
    return bool(found and found.group(1).strip() in _KNOWN_HEADERS)


def parse(text: str) -> ImportedSet:
    """Read Anki's text export; every note is checked before any question is returned.

    Raises:
        ImportFileError: a header is wrong or some notes are not questions (each named by line).
    """
    headers: dict[str, str] = {}
    lines = text.lstrip("\ufeff").replace("\r\n", "\n").split("\n")
    body_start = 0
    for index, line in enumerate(lines):
        found = _HEADER.match(line.strip())
        if not line.startswith("#") or not found:
            body_start = index
            break
        headers[found.group(1).strip()] = found.group(2).strip()
    else:
        body_start = len(lines)
    separator = _separator(headers.get("separator", "tab"))
    is_html = headers.get("html", "false").lower() == "true"
    meta = {}
    for name in ("guid", "notetype", "deck", "tags"):
        if f"{name} column" in headers:
            try:
                meta[name] = int(headers[f"{name} column"]) - 1
            except ValueError:
                raise file_error(f"The header #{name} column:{headers[f'{name} column']} is not a column "
                                 "number.") from None
    columns = [name.strip() for name in headers["columns"].split(separator)] if "columns" in headers else []
    shared_tags = tuple(headers.get("tags", "").split())
    collector = QuestionCollector(unit="Line")
    reader = csv.reader(io.StringIO("\n".join(lines[body_start:])), delimiter=separator,
                        quotechar='"', doublequote=True, strict=False)
    deck_names: list[str] = []
    previous_end = 0
    try:
        for row in reader:
            number = body_start + previous_end + 1
            previous_end = reader.line_num
            if not any(cell.strip() for cell in row):
                continue
            meta_columns = set(meta.values())
            fields = tuple(cell for index, cell in enumerate(row) if index not in meta_columns)
            names = tuple(name for index, name in enumerate(columns) if index not in meta_columns)
            tags = shared_tags + tuple(_cell(row, meta.get("tags")).split())
            deck = _cell(row, meta.get("deck")) or headers.get("deck", "")
            if deck:
                deck_names.append(deck)
            add_note_questions(collector, number, Note(fields=fields, field_names=names, tags=tags, is_html=is_html))
    except csv.Error as err:
        raise file_error(f"Line {body_start + reader.line_num}: the row cannot be read ({err}).") from None
    if not collector.questions and not collector.errors:
        raise file_error("The Anki text export has no notes.")
    title = max(set(deck_names), key=deck_names.count).split("::")[-1].strip() if deck_names else ""
    return collector.result(title=title, format="anki-text")


def _separator(name: str) -> str:
    if name.lower() in _SEPARATORS:
        return _SEPARATORS[name.lower()]
    if len(name) == 1:
        return name
    raise file_error(f"The header #separator:{name} names no separator Anki writes (tab, comma, semicolon, space, "
                     "pipe, colon or one character).")


def _cell(row: list[str], index: int | None) -> str:
    return row[index].strip() if index is not None and index < len(row) else ""
