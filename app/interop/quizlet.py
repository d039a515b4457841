"""Quizlet's term/definition text: export a set for Quizlet's import box, import Quizlet's export.

Quizlet separates term and definition with a tab, a comma or a separator the user types, and cards with
a new line, a semicolon or another typed separator. Reading one, the separators are found from the text
(tab, else comma, between term and definition; new line, else semicolon, between cards) unless given.
"""
from __future__ import annotations

from app.interop.base import ImportedSet, QuestionCollector, file_error
from app.models import Question, QuestionKind, QuestionSet
from app.sets.drafts import QuestionDraft

HEADER = ("term", "definition")


def _flat(text: str) -> str:
    return " ".join(text.replace("\t", " ").split())


def export(question_set: QuestionSet, questions: list[Question]) -> bytes:
    """Return the questions as Quizlet's import text: term, a tab, the definition; one card per line."""
    lines = []
    for question in questions:
        term = question.prompt
        if question.kind is QuestionKind.MULTIPLE_CHOICE:
            term += " (" + " / ".join(question.choices) + ")"
        elif question.kind is QuestionKind.TRUE_FALSE:
            term += " (true or false?)"
        lines.append(f"{_flat(term)}\t{_flat(question.answer)}")
    return ("\n".join(lines) + "\n").encode("utf-8")


def parse(text: str, *, term_separator: str | None = None, card_separator: str | None = None) -> ImportedSet:
    """Read Quizlet's export as flashcards, the term as the front; every card is checked first.

    Raises:
        ImportFileError: a card has no separator, or an empty term or definition (each named by number).
    """
    text = text.lstrip("\ufeff").replace("\r\n", "\n")
    card_separator = card_separator or _card_separator(text)
    cards = [card for card in text.split(card_separator)]
    term_separator = term_separator or _term_separator([card for card in cards if card.strip()])
    unit = "Line" if card_separator == "\n" else "Card"
    collector = QuestionCollector(unit=unit)
    number = 0
    for card in cards:
        number += 1
        if not card.strip():
            continue
        if term_separator not in card:
            collector.fail(number, f"no {_name(term_separator)} between the term and the definition")
            continue
        term, definition = card.split(term_separator, 1)
        if number == 1 and (term.strip().lower(), definition.strip().lower()) == HEADER:
            continue
        before = len(collector.errors)
        collector.add(number, QuestionDraft(kind=QuestionKind.FLASHCARD, prompt=term, answer=definition))
        if len(collector.errors) > before:
            error = collector.errors.pop()
            collector.fail(number, error.message.replace("the prompt", "the term").replace("the answer",
                                                                                           "the definition"))
    if not collector.questions and not collector.errors:
        raise file_error("The Quizlet text has no cards.")
    return collector.result(format="quizlet")


def _card_separator(text: str) -> str:
    lines = [line for line in text.split("\n") if line.strip()]
    if len(lines) == 1 and ";" in lines[0]:
        return ";"
    return "\n"


def _term_separator(cards: list[str]) -> str:
    if cards and sum("\t" in card for card in cards) * 2 >= len(cards):
        return "\t"
    if cards and all("," in card for card in cards):
        return ","
    return "\t"


def _name(separator: str) -> str:
    return {"\t": "tab", ",": "comma", ";": "semicolon"}.get(separator, repr(separator))
