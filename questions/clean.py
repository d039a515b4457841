"""Turn what a user pasted or uploaded into article text, or refuse it with a clear reason."""
from __future__ import annotations


class InputError(ValueError):
    """The input cannot be read as a news article; the message says why, in one line."""


def article_text(raw: str | bytes) -> str:
    """Return the article's plain text (placeholder: the first engine stage replaces it)."""
    if isinstance(raw, bytes):
        raw = raw.decode("utf-8")
    if not raw.strip():
        raise InputError("the article is empty")
    return raw
