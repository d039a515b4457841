"""How the pages write dates and times: "15 May 2024", and stored (UTC) times in the viewer's zone, named."""
from __future__ import annotations

import datetime as dt

from flask import Flask, has_request_context
from flask_login import current_user

from app.timezones import local_time


def viewer_zone() -> str | None:
    """Return the time zone of the person the page is for; None (UTC) outside a request or when logged out."""
    if not has_request_context():
        return None
    viewer = current_user._get_current_object()  # one look-up: a page may format a hundred dates
    return viewer.time_zone if viewer and viewer.is_authenticated else None


def long_date(moment: dt.date | dt.datetime | None) -> str:
    """Format a date as "15 May 2024"; a stored (UTC) time as its day in the viewer's zone; nothing for no date."""
    if isinstance(moment, dt.datetime) and moment.tzinfo is None:
        moment = local_time(moment, viewer_zone())
    return f"{moment.day} {moment:%B %Y}" if moment else ""


def long_datetime(moment: dt.datetime | None) -> str:
    """Format a stored UTC time in the viewer's zone, as "15 May 2024, 14:05 UTC" or "…, 15:05 CET"; nothing for no time."""
    if not moment:
        return ""
    local = local_time(moment, viewer_zone())
    return f"{long_date(local)}, {local:%H:%M} {local.tzname()}"


def register(app: Flask) -> None:
    """Offer both as template filters and as functions, in every template."""
    for function in (long_date, long_datetime):
        app.add_template_filter(function)
        app.add_template_global(function)
