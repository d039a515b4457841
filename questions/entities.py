"""Find people (with roles), organisations and places without a downloaded model."""
from __future__ import annotations

from questions.model import Anatomy, Fact, Sentence


def find_entities(sentences: tuple[Sentence, ...], *, anatomy: Anatomy) -> tuple[Fact, ...]:
    """Return person, organisation and place facts, one per entity (placeholder)."""
    return ()
