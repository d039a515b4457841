"""CSV files for spreadsheets: UTF-8 with a byte-order mark, and no cell a spreadsheet runs as a formula.

The byte-order mark makes Excel read the file as UTF-8 (without it, accented names turn into mojibake);
LibreOffice, Google Sheets and Python's ``encoding="utf-8-sig"`` skip it. A text cell that starts with
``=``, ``+``, ``-``, ``@``, a tab or a carriage return would be run as a formula by a spreadsheet
(CSV injection, OWASP), so it is written with a leading single quote; numbers are written as they are.
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


def defuse(cell: object) -> object:
    """Return the cell, with a leading quote if it is text a spreadsheet would read as a formula."""
    if isinstance(cell, str) and cell.startswith(FORMULA_STARTS):
        return "'" + cell
    return cell


def csv_text(columns: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    buffer = io.StringIO()
    buffer.write(BYTE_ORDER_MARK)
    writer = csv.writer(buffer, lineterminator="\r\n")
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
    return Response(csv_text(columns, rows).encode("utf-8"), mimetype="text/csv",
                    headers={"Content-Disposition": f'attachment; filename="{filename}"',
                             "Cache-Control": "no-store"})
