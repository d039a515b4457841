"""Find who said what: direct quotes and reported speech, with the speaker resolved."""
from __future__ import annotations

from questions.model import Fact, Sentence


def find_speakers(sentences: tuple[Sentence, ...], *, entities: tuple[Fact, ...]) -> tuple[Fact, ...]:
    """Return speaker facts (placeholder)."""
    return ()
