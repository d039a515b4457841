"""Input no page should store or choke on: out-of-range ids, control characters, invisible or
direction-overriding names, dates far outside an article's or an assignment's life, JSON nested too deeply.

Every such input gets a 400 (or, for an id in an address, a 404) with a message, and nothing is saved.
"""
from __future__ import annotations

import datetime as dt
import json
import re
import unicodedata
from typing import Any

from flask import Flask, abort, request
from werkzeug.routing import IntegerConverter
from wtforms import Field, Form, ValidationError

from app.errors import render_error

# Ids are INTEGER columns: 32-bit on PostgreSQL, and SQLite cannot even bind a number past 64 bits.
MAX_ID = 2**31 - 1
# C0 controls but tab, line feed, vertical tab, form feed and carriage return (whitespace that pasted text
# carries), DEL and the C1 controls: NUL among them, which PostgreSQL refuses in text.
CONTROL_CHARACTERS = "[\x00-\x08\x0e-\x1f\x7f-\x9f]"
_CONTROL = re.compile(CONTROL_CHARACTERS)
# Marks that reorder text as it is shown ("right-to-left override"): in a name they make it read as
# something else on every page that shows it.
_DIRECTION_CONTROLS = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
# Letters and symbols that draw nothing (Hangul fillers, the blank Braille pattern).
_BLANK_GRAPHICS = frozenset("\u115f\u1160\u3164\uffa0\u2800")
EARLIEST_ARTICLE = dt.date(1800, 1, 1)
EARLIEST_DUE = dt.date(2000, 1, 1)
LATEST_DUE_YEARS = 10


class DatabaseIdConverter(IntegerConverter):
    """``<int:...>`` in a route: only numbers an id can be match, so a longer one is a 404 like any missing id."""

    def __init__(self, map, *args, **kwargs):  # noqa: A002 (Werkzeug's name)
        kwargs.setdefault("max", MAX_ID)
        super().__init__(map, *args, **kwargs)


def database_id(text: str | None) -> int:
    """Return the id a form field or query argument holds; raise ValueError unless it is one an id can be.

    Use as ``request.args.get("set_id", type=database_id)``: an impossible id then reads as none given.
    """
    if text is None or not (text.isascii() and text.isdigit()):
        raise ValueError(f"not an id: {text!r}")
    value = int(text)
    if not 1 <= value <= MAX_ID:
        raise ValueError(f"not an id: {text!r}")
    return value


def id_argument(name: str) -> int | None:
    """Return the query argument ``name`` as an id, None when absent; 404 when it is there but no id can be it."""
    text = request.args.get(name)
    if text is None or text == "":
        return None
    try:
        return database_id(text)
    except ValueError:
        abort(404)


def control_character(text: str) -> str | None:
    """Return the first control character in ``text`` as U+XXXX (ignoring tabs and line breaks), else None."""
    found = _CONTROL.search(text)
    return f"U+{ord(found.group()):04X}" if found else None


def control_character_message(text: str, what: str = "The text") -> str | None:
    found = control_character(text)
    return (f"{what} holds an invisible control character ({found}) that cannot be stored. "
            "Remove it (retyping the text does) and try again: nothing was saved.") if found else None


def name_problem(text: str) -> str | None:
    """Return why ``text`` cannot be a name (of a person, a class, a set), or None when it can."""
    if control_character(text) or any(character in "\t\n\v\f\r" for character in text):
        return "Use letters, digits and punctuation only: this holds an invisible control character."
    if any(character in _DIRECTION_CONTROLS for character in text):
        return ("Remove the invisible marks that change the direction of the text (such as a right-to-left "
                "override): they make the name read differently from what it is.")
    if not any(_draws_something(character) for character in text):
        return "Use at least one visible letter, digit or sign: this is only spaces or invisible characters."
    return None


def _draws_something(character: str) -> bool:
    # Separators (Z*), controls and format characters (C*) draw nothing, nor do combining marks (M*) alone.
    return unicodedata.category(character)[0] not in "ZCM" and character not in _BLANK_GRAPHICS


class PlainName:
    """WTForms validator: a name with something visible in it, and no control or direction-changing marks."""

    def __call__(self, form: Form, field: Field) -> None:
        problem = name_problem(field.data or "")
        if problem:
            raise ValidationError(problem)


class DateBetween:
    """WTForms validator: a date no earlier than ``earliest`` and at most ``latest_days`` after today."""

    def __init__(self, earliest: dt.date, latest_days: int, message: str):
        self.earliest, self.latest_days, self.message = earliest, latest_days, message

    def __call__(self, form: Form, field: Field) -> None:
        if field.data is None:
            return
        latest = dt.date.today() + dt.timedelta(days=self.latest_days)
        if not self.earliest <= field.data <= latest:
            raise ValidationError(self.message.format(earliest=self.earliest.strftime("%-d %B %Y"),
                                                      latest=latest.strftime("%-d %B %Y")))


def article_date() -> DateBetween:
    return DateBetween(EARLIEST_ARTICLE, 2, "Give a date between {earliest} and {latest}: the day the article appeared.")


def due_date() -> DateBetween:
    return DateBetween(EARLIEST_DUE, 366 * LATEST_DUE_YEARS, "Give a due date between {earliest} and {latest}.")


def article_date_problem(value: dt.date) -> str | None:
    """Return why ``value`` cannot be an article's publication date, or None (for imports, outside a form)."""
    latest = dt.date.today() + dt.timedelta(days=2)
    if EARLIEST_ARTICLE <= value <= latest:
        return None
    return (f"The published date {value.isoformat()} is not between {EARLIEST_ARTICLE.isoformat()} "
            f"and {latest.isoformat()}.")


def load_json(text: str) -> Any:
    """Parse JSON; raise ValueError (JSONDecodeError for bad syntax) also for a document nested too deeply.

    Python's parser recurses once a level, so a document of 100,000 opening brackets ends it with a
    RecursionError rather than an answer: that is bad input too, not a server error.
    """
    try:
        return json.loads(text)
    except RecursionError:
        raise ValueError("nested too deeply") from None


def refuse_control_characters():
    """Before every request: a form field or query argument with a control character is refused with a 400."""
    for source, what in ((request.args, "The address"), (request.form, "The form")):
        for name, value in source.items(multi=True):
            message = control_character_message(name + value, what)
            if message:
                return render_error(400, message)
    return None


def init_app(app: Flask) -> None:
    app.url_map.converters["int"] = DatabaseIdConverter
    app.before_request(refuse_control_characters)
