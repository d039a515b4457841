"""Find cardinal quantities, with what they count."""
from __future__ import annotations

from questions.model import Fact, Sentence


def find_numbers(sentences: tuple[Sentence, ...]) -> tuple[Fact, ...]:
    """Return the number facts of the sentences (placeholder)."""
    return ()
