"""Anki notes to Factdeck questions, shared by the .apkg reader and the text-export reader.

A cloze note (``{{c1::answer}}``) becomes one cloze question per cloze number; a note of Factdeck's own
deck comes back as the question it was (its type in the ``factdeck::type::…`` tag, its choices in the
front's list); any other note is a flashcard: the first field the front, the second the back, and the
fields after them the explanation. HTML is reduced to text.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from app.interop.base import QuestionCollector, html_to_text
from app.models import QuestionKind
from app.sets.drafts import BLANK, QuestionDraft

TAG_ROOT = "factdeck"
TYPE_TAG, FACT_TAG, SET_TAG = f"{TAG_ROOT}::type::", f"{TAG_ROOT}::fact::", f"{TAG_ROOT}::set::"
TRUE_FALSE_HINT = "True or false?"
CLOZE = re.compile(r"\{\{c(\d+)::(.*?)(?:::(.*?))?\}\}", re.DOTALL)
_CHOICE_LIST = re.compile(r"<ol\b[^>]*>(.*?)</ol>", re.DOTALL | re.IGNORECASE)
_CHOICE_ITEM = re.compile(r"<li\b[^>]*>(.*?)</li>", re.DOTALL | re.IGNORECASE)
_HINT = re.compile(r"<br>\s*<small>" + re.escape(TRUE_FALSE_HINT) + r"</small>\s*$")
_SOUND = re.compile(r"\[sound:[^\]]*\]")  # Anki's audio references; a Factdeck question has no media
_FRONT_NAMES = ("front", "question", "term", "text", "prompt")
_BACK_NAMES = ("back", "answer", "definition")


@dataclass(frozen=True)
class Note:
    fields: tuple[str, ...]
    field_names: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    is_html: bool = True


def add_note_questions(collector: QuestionCollector, number: int, note: Note) -> None:
    """Check the note's questions into ``collector``, numbered ``number`` in its messages."""
    fields = [_SOUND.sub("", field) for field in note.fields]
    text = [html_to_text(field) if note.is_html else field.strip() for field in fields]
    fact = next((tag[len(FACT_TAG):] for tag in note.tags if tag.lower().startswith(FACT_TAG)), None)
    kind_tag = next((tag[len(TYPE_TAG):] for tag in note.tags if tag.lower().startswith(TYPE_TAG)), None)
    details = {"fact_kind": fact[:32] if fact else None}
    if not any(part.strip() for part in text):
        collector.fail(number, "the note is empty")
        return
    cloze_field = next((index for index, field in enumerate(fields) if CLOZE.search(field)), None)
    if cloze_field is not None:
        extra = "\n".join(part for index, part in enumerate(text) if index != cloze_field and part)
        for draft in _cloze_drafts(fields[cloze_field], extra, note.is_html):
            collector.add(number, draft, **details)
        return
    names = [name.strip().lower() for name in note.field_names]
    front_at = _field_index(names, _FRONT_NAMES, 0)
    back_at = _field_index(names, _BACK_NAMES, 1 if front_at != 1 else 0)
    if len(fields) < 2 or front_at == back_at:
        collector.fail(number, "the note has one field; a question needs a front and a back")
        return
    explanation = "\n".join(part for index, part in enumerate(text) if index not in (front_at, back_at) and part)
    prompt, choices = _front(fields[front_at], note.is_html)
    try:
        kind = QuestionKind(kind_tag) if kind_tag else None
    except ValueError:
        kind = None
    if kind is None:
        kind = (QuestionKind.TRUE_FALSE if choices == ("True", "False") else
                QuestionKind.MULTIPLE_CHOICE if choices else QuestionKind.FLASHCARD)
    if kind not in (QuestionKind.MULTIPLE_CHOICE, QuestionKind.TRUE_FALSE):
        prompt, choices = text[front_at], ()
    collector.add(number, QuestionDraft(kind=kind, prompt=prompt, answer=text[back_at], choices=choices,
                                        explanation=explanation), **details)


def _field_index(names: list[str], wanted: tuple[str, ...], default: int) -> int:
    return next((names.index(name) for name in wanted if name in names), default)


def _front(front: str, is_html: bool) -> tuple[str, tuple[str, ...]]:
    """Return a front's prompt and the choices of its numbered list (Factdeck's own layout), if any."""
    if not is_html:
        return front.strip(), ()
    choices: tuple[str, ...] = ()
    if found := _CHOICE_LIST.search(front):
        choices = tuple(html_to_text(item) for item in _CHOICE_ITEM.findall(found.group(1)))
        front = front[:found.start()] + front[found.end():]
    elif _HINT.search(front):
        front = _HINT.sub("", front)
        choices = ("True", "False")
    return html_to_text(front), choices


def _cloze_drafts(field: str, extra: str, is_html: bool) -> list[QuestionDraft]:
    numbers = sorted({int(match.group(1)) for match in CLOZE.finditer(field)})
    drafts = []
    for number in numbers:
        answers = []

        def blank(match: re.Match) -> str:
            if int(match.group(1)) != number:
                return match.group(2)
            answers.append(match.group(2))
            return BLANK if len(answers) == 1 else match.group(2)

        prompt = CLOZE.sub(blank, field)
        prompt = html_to_text(prompt) if is_html else prompt.strip()
        answer = html_to_text(answers[0]) if is_html else answers[0].strip()
        drafts.append(QuestionDraft(kind=QuestionKind.CLOZE, prompt=prompt, answer=answer, explanation=extra))
    return drafts
