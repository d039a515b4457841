"""Read the parts of a news article around its prose: headline, dateline, byline, caption, credits."""
from __future__ import annotations

import datetime as dt

from questions.model import Anatomy, Span


def read_anatomy(text: str, *, published: dt.date | None = None) -> Anatomy:
    """Return the article's anatomy (placeholder: headline only)."""
    headline = text.split("\n", 1)[0].strip()
    return Anatomy(headline=headline, published=published, body=Span(0, len(text)))
