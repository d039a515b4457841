"""CSV files for spreadsheets: UTF-16 with a byte-order mark, tab-separated and quoted, no cell run as a formula.

The encoding is the one both spreadsheet programs open cleanly with their default settings. UTF-8 with a
byte-order mark does not: LibreOffice's text import skips a UTF-8 mark only when its character-set
setting is already UTF-8, and under its Windows default (Windows-1252) shows the mark as ``ï»¿`` before
the first header and garbles every accent. A UTF-16 byte-order mark is recognised whatever that setting
says, and Excel opens UTF-16 text with the mark as Unicode, split at tabs (its own "Unicode Text"). Every
field is quoted, so the comma and semicolon LibreOffice also splits at by default stay inside their cell.

A text cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return would be run as a
formula by a spreadsheet (CSV injection, OWASP), so it is written with a leading single quote.
"""
from __future__ import annotations

import csv
import datetime as dt
import io
import re
import unicodedata
from typing import Iterable, Sequence

from flask import Response

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
BYTE_ORDER_MARK = "\ufeff"
ENCODING = "utf-16-le"  # the mark is written by hand, so the byte order is fixed: little-endian, as Windows writes
DELIMITER = "\t"


def defuse(cell: object) -> object:
    """Return the cell, with a leading quote if it is text a spreadsheet would read as a formula."""
    if isinstance(cell, str) and cell.startswith(FORMULA_STARTS):
        return "'" + cell
    return cell


def csv_text(columns: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    buffer = io.StringIO()
    buffer.write(BYTE_ORDER_MARK)
    writer = csv.writer(buffer, delimiter=DELIMITER, quoting=csv.QUOTE_ALL, lineterminator="\r\n")
    writer.writerow(columns)
    writer.writerows([defuse(cell) for cell in row] for row in rows)
    return buffer.getvalue()


def slug(text: str, limit: int = 40) -> str:
    """Return an ASCII file-name part: "Année 2 – Géo" becomes "annee-2-geo"."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:limit].strip("-") or "export"


def export_filename(kind: str, class_name: str, set_title: str | None, today: dt.date) -> str:
    parts = ["factdeck", kind, slug(class_name), slug(set_title) if set_title else "all-sets", today.isoformat()]
    return "-".join(parts) + ".csv"


def csv_response(columns: Sequence[str], rows: Iterable[Sequence[object]], filename: str) -> Response:
    return Response(csv_text(columns, rows).encode(ENCODING), content_type="text/csv; charset=utf-16",
                    headers={"Content-Disposition": f'attachment; filename="{filename}"',
                             "Cache-Control": "no-store"})
