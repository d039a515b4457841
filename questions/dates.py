"""Find dates and resolve them against the published date."""
from __future__ import annotations

import datetime as dt

from questions.model import Fact, Sentence


def find_dates(sentences: tuple[Sentence, ...], *, published: dt.date | None) -> tuple[Fact, ...]:
    """Return the date facts of the sentences (placeholder)."""
    return ()
