"""A CSV file opened the way spreadsheet programs open it with their default settings.

LibreOffice Calc's text import recognises a UTF-16 byte-order mark whatever character set its dialog is
set to, but skips a UTF-8 mark only when that setting is already UTF-8; otherwise it decodes with the
setting (Windows-1252 on Windows), mark included. Its default separators are the comma, the semicolon and
the tab, with ``"`` around quoted fields. Excel reads a UTF-16 file with the mark as Unicode text split at
tabs, a UTF-8 file with the mark as UTF-8 split at commas, and anything else in the Windows code page.
"""
from __future__ import annotations

import csv
import io

UTF16_LE, UTF16_BE, UTF8 = b"\xff\xfe", b"\xfe\xff", b"\xef\xbb\xbf"


def open_in_libreoffice(data: bytes, *, character_set: str = "windows-1252") -> list[list[str]]:
    """Return the cells LibreOffice's text import shows for ``data`` with its dialog set to ``character_set``."""
    if data.startswith(UTF16_LE):
        text = data[2:].decode("utf-16-le")
    elif data.startswith(UTF16_BE):
        text = data[2:].decode("utf-16-be")
    elif data.startswith(UTF8) and character_set.lower() in ("utf-8", "utf8"):
        text = data[3:].decode("utf-8")
    else:
        text = data.decode(character_set, errors="replace")
    return _split(text, separators=",;\t")


def open_in_excel(data: bytes) -> list[list[str]]:
    """Return the cells Excel shows when the file is opened with a double click."""
    if data.startswith(UTF16_LE):
        text, delimiter = data[2:].decode("utf-16-le"), "\t"
    elif data.startswith(UTF8):
        text, delimiter = data[3:].decode("utf-8"), ","
    else:
        text, delimiter = data.decode("windows-1252", errors="replace"), ","
    return list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))


def _split(text: str, *, separators: str) -> list[list[str]]:
    """Split at any of ``separators`` outside double quotes, as LibreOffice's "Separated by" options do."""
    rows: list[list[str]] = []
    row: list[str] = []
    cell, quoted, index = "", False, 0
    while index < len(text):
        character = text[index]
        if quoted:
            if character == '"' and text[index + 1:index + 2] == '"':
                cell += '"'
                index += 1
            elif character == '"':
                quoted = False
            else:
                cell += character
        elif character == '"' and not cell:
            quoted = True
        elif character in separators:
            row.append(cell)
            cell = ""
        elif character in "\r\n":
            if character == "\r" and text[index + 1:index + 2] == "\n":
                index += 1
            row.append(cell)
            rows.append(row)
            row, cell = [], ""
        else:
            cell += character
        index += 1
    if cell or row:
        row.append(cell)
        rows.append(row)
    return rows
