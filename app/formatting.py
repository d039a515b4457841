"""How the pages write dates and times: "15 May 2024", and stored (UTC) times with their zone."""
from __future__ import annotations

import datetime as dt

from flask import Flask


def long_date(moment: dt.date | dt.datetime | None) -> str:
    """Format a date as "15 May 2024"; nothing for no date."""
    return f"{moment.day} {moment:%B %Y}" if moment else ""


def long_datetime(moment: dt.datetime | None) -> str:
    """Format a stored UTC time as "15 May 2024, 14:05 UTC"; nothing for no time."""
    return f"{long_date(moment)}, {moment:%H:%M} UTC" if moment else ""


def register(app: Flask) -> None:
    """Offer both as template filters and as functions, in every template."""
    for function in (long_date, long_datetime):
        app.add_template_filter(function)
        app.add_template_global(function)
