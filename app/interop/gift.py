"""Moodle's GIFT text format: export a set for Moodle's question bank, import a GIFT file from one.

Multiple choice, true/false, short answer (every form of the answer the app's grading accepts, as
``=`` answers), numbers as Moodle's numerical type, cloze as embedded answers (or, with the blank at the
end, as a short answer whose text keeps the blank), flashcards as short answers tagged ``flashcard``.
The source sentence is the general feedback (``####``); the set's title is the category.
"""
from __future__ import annotations

import re

from app.interop.base import ImportedSet, QuestionCollector, file_error, html_to_text, unique_forms
from app.models import Question, QuestionKind, QuestionSet
from app.sets.drafts import BLANK, QuestionDraft

FLASHCARD_TAG = "flashcard"
_SPECIAL = "~=#{}:"
_NUMBER = re.compile(r"-?\d+(?:\.\d+)?")
_TAG = re.compile(r"\[tag:([^\]\x00-\x1f]+)\]")
_FORMAT = re.compile(r"^\s*\[(html|moodle|plain|markdown)\]", re.IGNORECASE)
_WEIGHT = re.compile(r"^%(-?\d+(?:\.\d+)?)%")
_TRUE, _FALSE = {"T", "TRUE"}, {"F", "FALSE"}


# ---------------------------------------------------------------------------------------------------- export


def escape(text: str) -> str:
    """Return text with GIFT's special characters backslashed and new lines as ``\\n``."""
    text = text.replace("\\", "\\\\")
    for character in _SPECIAL:
        text = text.replace(character, "\\" + character)
    return text.replace("\r\n", "\n").replace("\n", "\\n")


def export(question_set: QuestionSet, questions: list[Question], alternatives) -> bytes:
    """Return the questions as a GIFT file; ``alternatives(question)`` gives the other accepted answers."""
    lines = [f"// {question_set.title}", "// Exported from Factdeck.", "",
             # Moodle reads the category line as it stands, without GIFT's escapes; "/" separates its levels.
             f"$CATEGORY: $course$/top/{' '.join(question_set.title.replace('/', '-').split())}", ""]
    for number, question in enumerate(questions, start=1):
        tags = [f"[tag:fact-{question.fact_kind}]"] if question.fact_kind else []
        if question.kind is QuestionKind.FLASHCARD:
            tags.append(f"[tag:{FLASHCARD_TAG}]")
        if tags:
            lines.append("// " + " ".join(tags))
        lines.append(f"::{escape(_name(number, question.prompt))}::{_body(question, alternatives(question))}")
        lines.append("")
    return "\n".join(lines).encode("utf-8")


def _name(number: int, prompt: str) -> str:
    words = " ".join(prompt.replace(BLANK, "…").split())
    return f"{number:03d} {words[:60]}{'…' if len(words) > 60 else ''}"


def _feedback(question: Question) -> str:
    return f"####{escape(question.explanation)}" if question.explanation else ""


def _body(question: Question, alternatives: tuple[str, ...]) -> str:
    feedback = _feedback(question)
    if question.kind is QuestionKind.MULTIPLE_CHOICE:
        answers = " ".join(_answer_text("=" if choice == question.answer else "~", choice)
                           for choice in question.choices)
        return f"{escape(question.prompt)} {{{answers}{feedback}}}"
    if question.kind is QuestionKind.TRUE_FALSE:
        return f"{escape(question.prompt)} {{{'TRUE' if question.answer == 'True' else 'FALSE'}{feedback}}}"
    if _NUMBER.fullmatch(question.answer) and question.kind is QuestionKind.SHORT_ANSWER:
        # Tolerance 0: the app's grading accepts the number itself, in any spelling, and no other.
        return f"{escape(question.prompt)} {{#{question.answer}:0{feedback}}}"
    answers = " ".join(_answer_text("=", form) for form in unique_forms((question.answer, *alternatives)))
    if question.kind is QuestionKind.CLOZE:
        before, after = question.prompt.split(BLANK, 1)
        if after.strip():
            return f"{escape(before)}{{{answers}{feedback}}}{escape(after)}"
    return f"{escape(question.prompt)} {{{answers}{feedback}}}"


def _answer_text(marker: str, text: str) -> str:
    """Return one answer; one that starts with % gets its weight written out, or % would start the weight."""
    escaped = escape(text)
    if escaped.startswith("%"):
        return f"{marker}%{100 if marker == '=' else 0}%{escaped}"
    return marker + escaped


# ---------------------------------------------------------------------------------------------------- import


def looks_like_gift(text: str) -> bool:
    """Whether a text file reads as GIFT: a category line, a ``::title::`` or an answer block in braces."""
    return bool(re.search(r"^\s*(\$CATEGORY:|::.+?::)", text, re.MULTILINE)
                or re.search(r"\{\s*(?:[=~#]|T\s*\}|F\s*\}|TRUE\b|FALSE\b)", text))


def parse(text: str) -> ImportedSet:
    """Read a GIFT file; every question is checked before any is returned.

    Raises:
        ImportFileError: a question is not GIFT, or of a kind Factdeck has no match for (each named by number).
    """
    collector = QuestionCollector()
    title = ""
    number = 0
    for block in _blocks(text):
        comments = [line for line in block if line.lstrip().startswith("//")]
        body = "\n".join(line for line in block if not line.lstrip().startswith("//")).strip()
        if not body:
            continue
        if body.startswith("$CATEGORY:"):
            title = body[len("$CATEGORY:"):].strip().rstrip("/").split("/")[-1].strip()
            title = "" if title.startswith("$") else title
            continue
        number += 1
        tags = [tag.strip() for comment in comments for tag in _TAG.findall(comment)]
        try:
            draft = _draft(body, tags)
        except _GiftError as err:
            collector.fail(number, str(err))
        else:
            collector.add(number, draft, fact_kind=_fact_kind(tags))
    if not number:
        raise file_error("The GIFT file has no questions.")
    return collector.result(title=title, format="gift")


class _GiftError(ValueError):
    pass


def _blocks(text: str) -> list[list[str]]:
    """Split the file into questions at blank lines, as Moodle's reader does."""
    blocks: list[list[str]] = [[]]
    for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        if line.strip():
            blocks[-1].append(line)
        elif blocks[-1]:
            blocks.append([])
    return [block for block in blocks if block]


def _fact_kind(tags: list[str]) -> str | None:
    kinds = [tag[len("fact-"):] for tag in tags if tag.startswith("fact-")]
    return kinds[0][:32] if kinds else None


def _find(text: str, target: str, start: int = 0) -> int:
    """Return the index of the first unescaped ``target`` from ``start``, or -1."""
    index = start
    while index < len(text):
        if text[index] == "\\":
            index += 2
            continue
        if text.startswith(target, index):
            return index
        index += 1
    return -1


def _split_unescaped(text: str, markers: str) -> list[str]:
    """Split before every unescaped character of ``markers``, keeping the marker at each part's start."""
    parts, current, index = [], "", 0
    while index < len(text):
        character = text[index]
        if character == "\\" and index + 1 < len(text):
            current += text[index:index + 2]
            index += 2
            continue
        if character in markers:
            parts.append(current)
            current = ""
        current += character
        index += 1
    parts.append(current)
    return [part for part in parts if part.strip()]


def _unescape(text: str) -> str:
    return re.sub(r"\\(.)", lambda match: "\n" if match.group(1) == "n" else match.group(1), text)


def _text(raw: str, is_html: bool, *, strip: bool = True) -> str:
    text = _unescape(raw)
    if is_html:
        return html_to_text(text)
    return text.strip() if strip else text


def _draft(body: str, tags: list[str]) -> QuestionDraft:
    if body.startswith("::"):
        end = _find(body, "::", 2)
        if end < 0:
            raise _GiftError("the title has no closing ::")
        body = body[end + 2:].lstrip()
    is_html = False
    if found := _FORMAT.match(body):
        is_html = found.group(1).lower() == "html"
        body = body[found.end():]
    opening = _find(body, "{")
    if opening < 0:
        raise _GiftError("no answers in braces: a description or essay has no answer for Factdeck to check")
    closing = _find(body, "}", opening)
    if closing < 0:
        raise _GiftError("the answers' { has no closing }")
    if _find(body, "{", closing) >= 0:
        raise _GiftError("more than one answer block: Factdeck asks one thing per question")
    before, inside, after = body[:opening], body[opening + 1:closing], body[closing + 1:]
    embedded = bool(after.strip())
    feedback_at = _find(inside, "####")
    explanation = _text(inside[feedback_at + 4:], is_html) if feedback_at >= 0 else ""
    inside = (inside[:feedback_at] if feedback_at >= 0 else inside).strip()
    if embedded:
        prompt = (_text(before, is_html, strip=False) + BLANK + _text(after, is_html, strip=False)).strip()
    else:
        prompt = _text(before, is_html)
    if not inside:
        raise _GiftError("an essay question (empty braces) has no answer for Factdeck to check")
    head = inside.split("#", 1)[0].strip().upper()
    if head in _TRUE | _FALSE:
        return QuestionDraft(kind=QuestionKind.TRUE_FALSE, prompt=prompt, answer="True" if head in _TRUE else "False",
                             explanation=explanation)
    if inside.startswith("#"):
        return QuestionDraft(kind=QuestionKind.CLOZE if BLANK in prompt else QuestionKind.SHORT_ANSWER,
                             prompt=prompt, answer=_numerical_answer(inside[1:]), explanation=explanation)
    answers = [_answer(part, is_html) for part in _split_unescaped(inside, "=~")]
    # Matching pairs every answer with "->"; one answer holding the arrow is only text.
    if len(answers) > 1 and all("->" in text for _, text, _ in answers):
        raise _GiftError("a matching question: Factdeck has no matching type")
    right = [text for marker, text, weight in answers if (marker == "=" and weight in (None, 100)) or
             (marker == "~" and weight == 100)]
    if any(marker == "~" for marker, _, weight in answers if weight != 100):
        if any(weight not in (None, 0, 100) for _, _, weight in answers):
            raise _GiftError("a multiple-answer question (partial credit): Factdeck's multiple choice has one right "
                             "answer")
        if len(right) != 1:
            raise _GiftError(f"a multiple-choice question needs exactly one right answer (=); this one has "
                             f"{len(right)}")
        return QuestionDraft(kind=QuestionKind.MULTIPLE_CHOICE, prompt=prompt, answer=right[0],
                             choices=tuple(text for _, text, _ in answers), explanation=explanation)
    if not right:
        raise _GiftError("no answer earns full marks")
    if FLASHCARD_TAG in tags:
        kind = QuestionKind.FLASHCARD
    else:
        kind = QuestionKind.CLOZE if BLANK in prompt else QuestionKind.SHORT_ANSWER
    return QuestionDraft(kind=kind, prompt=prompt, answer=right[0], explanation=explanation)


def _answer(part: str, is_html: bool) -> tuple[str, str, float | None]:
    marker, rest = part[0], part[1:].strip()
    weight = None
    if found := _WEIGHT.match(rest):
        weight = float(found.group(1))
        rest = rest[found.end():]
    feedback_at = _find(rest, "#")
    text = rest[:feedback_at] if feedback_at >= 0 else rest
    return marker, _text(text, is_html), weight


def _numerical_answer(inside: str) -> str:
    first = _split_unescaped(inside, "=")[0].lstrip("=")
    first = first.split("#", 1)[0].strip()
    first = _WEIGHT.sub("", first)
    if ".." in first:
        low, high = (part.strip() for part in first.split("..", 1))
        if _NUMBER.fullmatch(low) and low == high:
            return low
        raise _GiftError(f"a numerical range {first!r}: Factdeck checks one number")
    value = first.split(":", 1)[0].strip()
    if not _NUMBER.fullmatch(value):
        raise _GiftError(f"{value!r} is not a number")
    return value
