"""What every format shares: the imported set and question, the one import error, and HTML reduced to text."""
from __future__ import annotations

import datetime as dt
import html
from dataclasses import dataclass

from app.models import ReviewStatus
from app.sets.drafts import DraftError, QuestionDraft, checked
from questions.clean import html_to_text as article_html_to_text

MAX_IMPORTED_QUESTIONS = 2000


@dataclass(frozen=True)
class LineError:
    line: int
    message: str
    unit: str = "Line"

    def __str__(self) -> str:
        return f"{self.unit} {self.line}: {self.message}" if self.line else self.message


class ImportFileError(ValueError):
    """The file cannot be imported; ``errors`` lists each problem with its line or question number."""

    def __init__(self, errors: list[LineError]):
        super().__init__("; ".join(str(error) for error in errors[:3]))
        self.errors = errors


def file_error(message: str) -> ImportFileError:
    """Return the error for a problem with the whole file rather than one question."""
    return ImportFileError([LineError(0, message)])


@dataclass(frozen=True)
class ImportedQuestion:
    draft: QuestionDraft
    review_status: ReviewStatus = ReviewStatus.APPROVED
    fact_kind: str | None = None
    fact_text: str | None = None
    fact_value: str | None = None
    engine_id: str | None = None
    source_start: int | None = None
    source_end: int | None = None
    score: float | None = None
    recommended: bool = False  # only when the file says so


@dataclass(frozen=True)
class ImportedSet:
    questions: tuple[ImportedQuestion, ...]
    title: str = ""
    description: str = ""
    source_text: str = ""
    published_on: dt.date | None = None
    format: str = "csv"


class QuestionCollector:
    """Check drafts one by one, keeping the good ones and every problem with its question number."""

    def __init__(self, unit: str = "Question"):
        self.unit = unit
        self.questions: list[ImportedQuestion] = []
        self.errors: list[LineError] = []

    def add(self, number: int, draft: QuestionDraft, **details) -> None:
        try:
            self.questions.append(ImportedQuestion(checked(draft), **details))
        except DraftError as err:
            self.errors.append(LineError(number, str(err), unit=self.unit))

    def fail(self, number: int, message: str) -> None:
        self.errors.append(LineError(number, message, unit=self.unit))

    def result(self, **details) -> ImportedSet:
        """Return the set, or raise every problem found: a file imports whole or not at all."""
        if self.errors:
            raise ImportFileError(self.errors)
        return ImportedSet(questions=tuple(self.questions), **details)


def html_to_text(markup: str) -> str:
    """Return the text a reader sees in ``markup``: tags dropped, entities decoded, breaks kept as new lines."""
    if "<" not in markup and "&" not in markup:
        return markup.strip()
    return article_html_to_text(markup)  # the engine's reader of pasted HTML: one block element a line


def unique_forms(forms) -> list[str]:
    """Return the answer forms without blanks and without repeats that differ only in case or spacing."""
    seen: dict[str, str] = {}
    for form in forms:
        seen.setdefault(form.strip().casefold(), form.strip())
    return [form for form in seen.values() if form]


def plain_html(text: str) -> str:
    """Return text as HTML that shows it as written, new lines included."""
    return html.escape(text, quote=False).replace("\n", "<br>")
