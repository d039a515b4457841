"""The rules a question must meet before it is stored, shared by the forms, the review page and imports."""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from app.models import QuestionKind

BLANK = "_____"
MIN_CHOICES, MAX_CHOICES = 3, 6
TRUE_FALSE_CHOICES = ("True", "False")
MAX_PROMPT, MAX_ANSWER, MAX_CHOICE, MAX_EXPLANATION = 2000, 500, 300, 5000

KIND_LABELS = {
    QuestionKind.MULTIPLE_CHOICE: "Multiple choice",
    QuestionKind.TRUE_FALSE: "True/false",
    QuestionKind.CLOZE: "Cloze (fill the blank)",
    QuestionKind.SHORT_ANSWER: "Short answer",
    QuestionKind.FLASHCARD: "Flashcard",
}
# What people write in a spreadsheet's type column, besides the kind's own value.
_KIND_ALIASES = {
    "mc": QuestionKind.MULTIPLE_CHOICE, "multiple choice": QuestionKind.MULTIPLE_CHOICE,
    "multiple-choice": QuestionKind.MULTIPLE_CHOICE, "mcq": QuestionKind.MULTIPLE_CHOICE,
    "tf": QuestionKind.TRUE_FALSE, "true/false": QuestionKind.TRUE_FALSE, "true false": QuestionKind.TRUE_FALSE,
    "true-false": QuestionKind.TRUE_FALSE,
    "fill in the blank": QuestionKind.CLOZE, "fill the blank": QuestionKind.CLOZE, "blank": QuestionKind.CLOZE,
    "short answer": QuestionKind.SHORT_ANSWER, "short": QuestionKind.SHORT_ANSWER, "open": QuestionKind.SHORT_ANSWER,
    "card": QuestionKind.FLASHCARD,
}
_UNDERSCORES = re.compile(r"_{3,}")
_SPACES = re.compile(r"\s+")


class DraftError(ValueError):
    """A question breaks a rule; the message says which, and ``field`` names the part at fault."""

    def __init__(self, message: str, field: str = "prompt"):
        super().__init__(message)
        self.field = field


@dataclass(frozen=True)
class QuestionDraft:
    """A question as a teacher or a file gives it, before it becomes a database row."""

    kind: QuestionKind
    prompt: str
    answer: str
    choices: tuple[str, ...] = field(default_factory=tuple)
    explanation: str = ""


def parse_kind(text: str) -> QuestionKind:
    """Return the question kind that ``text`` names ("multiple_choice", "MC", "true/false" ...).

    Raises:
        DraftError: no kind has that name.
    """
    name = _SPACES.sub(" ", text.strip().lower())
    for kind in QuestionKind:
        if name in (kind.value, kind.value.replace("_", " "), KIND_LABELS[kind].lower()):
            return kind
    if name in _KIND_ALIASES:
        return _KIND_ALIASES[name]
    known = ", ".join(kind.value for kind in QuestionKind)
    raise DraftError(f"unknown question type {text.strip()!r}; use one of {known}" if name else
                     f"the question type is missing; use one of {known}", field="kind")


def split_choices(text: str, separator: str = "\n") -> tuple[str, ...]:
    """Return the non-empty, trimmed choices of ``text``, one per line (or per ``separator``)."""
    return tuple(choice.strip() for choice in text.split(separator) if choice.strip())


def checked(draft: QuestionDraft) -> QuestionDraft:
    """Return the draft tidied up (trimmed, canonical true/false and blank), or say what is wrong.

    Raises:
        DraftError: the draft breaks a rule of its kind.
    """
    prompt = draft.prompt.strip()
    answer = draft.answer.strip()
    choices = tuple(choice.strip() for choice in draft.choices if choice.strip())
    explanation = draft.explanation.strip()
    if not prompt:
        raise DraftError("the prompt is empty")
    if not answer:
        raise DraftError("the answer is empty", field="answer")
    for text, limit, name in ((prompt, MAX_PROMPT, "prompt"), (answer, MAX_ANSWER, "answer"),
                              (explanation, MAX_EXPLANATION, "explanation")):
        if len(text) > limit:
            raise DraftError(f"the {name} is too long ({len(text):,} characters; at most {limit:,})", field=name)
    if too_long := [choice for choice in choices if len(choice) > MAX_CHOICE]:
        raise DraftError(f"the choice {too_long[0][:40]!r}… is too long (at most {MAX_CHOICE} characters)",
                         field="choices")

    if draft.kind is QuestionKind.MULTIPLE_CHOICE:
        answer, choices = _checked_multiple_choice(answer, choices)
    elif draft.kind is QuestionKind.TRUE_FALSE:
        answer, choices = _checked_true_false(answer, choices)
    else:
        if choices:
            raise DraftError(f"a {KIND_LABELS[draft.kind].lower()} question has no choices; leave the choices empty",
                             field="choices")
        if draft.kind is QuestionKind.CLOZE:
            prompt = _checked_cloze(prompt)
    return replace(draft, prompt=prompt, answer=answer, choices=choices, explanation=explanation)


def _checked_multiple_choice(answer: str, choices: tuple[str, ...]) -> tuple[str, tuple[str, ...]]:
    if not MIN_CHOICES <= len(choices) <= MAX_CHOICES:
        raise DraftError(f"a multiple-choice question needs {MIN_CHOICES} to {MAX_CHOICES} choices; "
                         f"this one has {len(choices)}", field="choices")
    folded = [choice.casefold() for choice in choices]
    repeated = sorted({choice for choice, key in zip(choices, folded) if folded.count(key) > 1})
    if repeated:
        raise DraftError(f"the choices must differ; {repeated[0]!r} appears more than once", field="choices")
    if answer.casefold() not in folded:
        raise DraftError(f"the answer {answer!r} must be one of the choices", field="answer")
    # The answer is spelled as its choice, so a learner who picks that choice is right.
    return choices[folded.index(answer.casefold())], choices


def _checked_true_false(answer: str, choices: tuple[str, ...]) -> tuple[str, tuple[str, ...]]:
    canonical = {option.casefold(): option for option in TRUE_FALSE_CHOICES}
    if answer.casefold() not in canonical:
        raise DraftError(f"a true/false answer is True or False, not {answer!r}", field="answer")
    if choices and sorted(choice.casefold() for choice in choices) != sorted(canonical):
        raise DraftError("a true/false question's choices are True and False; leave the choices empty",
                         field="choices")
    return canonical[answer.casefold()], TRUE_FALSE_CHOICES


def _checked_cloze(prompt: str) -> str:
    blanks = _UNDERSCORES.findall(prompt)
    if len(blanks) != 1:
        raise DraftError(f"a cloze prompt needs exactly one blank written as {BLANK}; this one has {len(blanks)}")
    return _UNDERSCORES.sub(BLANK, prompt)
