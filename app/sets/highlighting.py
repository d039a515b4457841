"""A question's source sentence with its answer marked, as the review, study and quiz pages show it."""
from __future__ import annotations

import re

from markupsafe import Markup, escape

from app.models import Question, QuestionKind


def highlight_answer(sentence: str, answer: str) -> Markup:
    """Return the sentence, escaped, with the first whole-word mention of the answer in ``<mark class="answer">``."""
    needle = answer.strip()
    if not needle:
        return escape(sentence)
    # Whole words only: the answer "he" is the pronoun, not the start of "The".
    pattern = "".join((r"(?<!\w)" if needle[0].isalnum() else "", re.escape(needle),
                       r"(?!\w)" if needle[-1].isalnum() else ""))
    found = re.search(pattern, sentence, re.IGNORECASE)
    if found is None:
        return escape(sentence)
    start, end = found.span()
    return (escape(sentence[:start]) + Markup('<mark class="answer">') + escape(sentence[start:end]) + Markup("</mark>")
            + escape(sentence[end:]))


def source_with_answer(question: Question) -> Markup:
    """Return the question's source sentence with its answer, or else its fact, highlighted."""
    # A true/false answer names no words of the sentence; its fact does.
    answer = "" if question.kind is QuestionKind.TRUE_FALSE else question.answer
    for needle in (answer, question.fact_text or ""):
        highlighted = highlight_answer(question.explanation, needle)
        if "<mark" in highlighted:
            return highlighted
    return escape(question.explanation)
