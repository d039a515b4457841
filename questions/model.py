"""The engine's data: an article's anatomy, the facts found in it and the questions made from them."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import Enum
from typing import Any


class FactKind(str, Enum):
    SPEAKER = "speaker"
    NUMBER = "number"
    DATE = "date"
    ORGANISATION = "organisation"
    PERSON = "person"
    PLACE = "place"


class Form(str, Enum):
    """How a question's prompt was made from its sentence: what can go wrong with it differs."""

    BLANK = "blank"  # the sentence as written, with the fact blanked out
    REWORDED = "reworded"  # the sentence turned into a wh-question
    STATEMENT = "statement"  # the sentence as a true or false statement
    QUOTE = "quote"  # a speaker's words, asking who said them
    DESCRIBED = "described"  # a name and what the article says it is (a role, an apposition)
    FIGURE = "figure"  # a number and what it counts
    ACRONYM = "acronym"  # an abbreviation and the name it stands for
    REPORT = "report"  # the report itself: where it was filed from, when it was published


class QuestionType(str, Enum):
    MULTIPLE_CHOICE = "multiple_choice"
    TRUE_FALSE = "true_false"
    CLOZE = "cloze"
    SHORT_ANSWER = "short_answer"
    FLASHCARD = "flashcard"


@dataclass(frozen=True)
class Span:
    """A half-open character range ``[start, end)`` of the article text."""

    start: int
    end: int


@dataclass(frozen=True)
class Sentence:
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Anatomy:
    """The parts of a news article that are not its body prose, found by their layout."""

    headline: str = ""
    dateline: str = ""
    byline: tuple[str, ...] = ()
    caption: str = ""
    credits: str = ""
    published: dt.date | None = None
    body: Span = Span(0, 0)
    # Spans that are not quiz material (credits, bylines, photo credits).
    excluded: tuple[Span, ...] = ()
    headline_span: Span = Span(0, 0)
    dateline_span: Span = Span(0, 0)  # empty when the article has no dateline


@dataclass(frozen=True)
class Fact:
    """One fact of the article; ``text`` is exactly ``article[start:end]``."""

    kind: FactKind
    text: str
    value: Any  # number: int | float; date: ISO string; names and speakers: the canonical name
    start: int
    end: int
    sentence: Sentence
    quote: str | None = None  # speaker
    counts: str | None = None  # number: the noun phrase it counts
    unit: str | None = None  # number: USD, percent, year, km ...
    qualifier: str | None = None  # number: "more than", "nearly" ...
    role: str | None = None  # person
    aliases: tuple[str, ...] = ()  # names: other mentions merged into this one


class _KeptOnFirstRead:
    """A property computed on its first read and kept in the instance, as ``functools.cached_property`` does,
    without the lock Python 3.11's takes on every first read (the ranking reads one for every question)."""

    def __init__(self, compute: Any) -> None:
        self.compute = compute
        self.name = compute.__name__
        self.__doc__ = compute.__doc__

    def __get__(self, instance: Any, owner: type | None = None) -> Any:
        if instance is None:
            return self
        value = instance.__dict__[self.name] = self.compute(instance)
        return value


@dataclass(frozen=True)
class Question:
    id: str
    type: QuestionType
    prompt: str
    answer: str
    fact: Fact
    choices: tuple[str, ...] = ()
    # The sentence the question quotes when it is not the fact's own (a name asked about where it
    # is mentioned again, because its first mention sits in a dateline).
    sentence: Sentence | None = None
    form: Form = Form.BLANK
    # The sentences before its own that the prompt prints first, when its own leans on them ("The mine employs …"
    # after the sentence that names the mine): their text as printed and where they start and end in the article.
    # The source stays its own sentence: the fact it asks is that one's.
    context: Sentence | None = None
    score: float = 0.0  # 0 to 1: how publishable the engine judges the question
    recommended: bool = False  # part of the default set a teacher publishes

    def scored(self, score: float, *, recommended: bool) -> Question:
        """Return the question with a score and whether it is recommended, as ``dataclasses.replace`` would.

        The ranking copies every candidate once; copying the fields costs a tenth of ``replace``'s
        call of ``__init__`` with all of them.
        """
        copy = object.__new__(Question)
        copy.__dict__.update(self.__dict__, score=score, recommended=recommended)
        return copy

    @property
    def explanation(self) -> str:
        return (self.sentence or self.fact.sentence).text

    @_KeptOnFirstRead
    def source(self) -> Span:
        """The span of the sentence the question quotes (found once: the ranking asks for it again and again)."""
        sentence = self.sentence or self.fact.sentence
        return Span(sentence.start, sentence.end)


@dataclass(frozen=True)
class Result:
    text: str
    article: Anatomy
    facts: tuple[Fact, ...] = field(default_factory=tuple)
    questions: tuple[Question, ...] = field(default_factory=tuple)

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON-ready document that ``python -m questions --format json`` prints."""
        return {
            "article": {
                "headline": self.article.headline,
                "dateline": self.article.dateline,
                "byline": list(self.article.byline),
                "caption": self.article.caption,
                "credits": self.article.credits,
                "published": self.article.published.isoformat() if self.article.published else None,
            },
            "facts": [fact_to_dict(fact) for fact in self.facts],
            "questions": [question_to_dict(question) for question in self.questions],
        }


def fact_to_dict(fact: Fact) -> dict[str, Any]:
    data: dict[str, Any] = {
        "kind": fact.kind.value,
        "text": fact.text,
        "value": fact.value,
        "start": fact.start,
        "end": fact.end,
        "sentence": fact.sentence.text,
    }
    optional = {"quote": fact.quote, "counts": fact.counts, "unit": fact.unit,
                "qualifier": fact.qualifier, "role": fact.role}
    data.update({key: value for key, value in optional.items() if value is not None})
    if fact.aliases:
        data["aliases"] = list(fact.aliases)
    return data


def question_to_dict(question: Question) -> dict[str, Any]:
    fact = {"kind": question.fact.kind.value, "value": question.fact.value, "text": question.fact.text}
    if question.fact.quote is not None:
        fact["quote"] = question.fact.quote
    data: dict[str, Any] = {
        "id": question.id,
        "type": question.type.value,
        "prompt": question.prompt,
        "answer": question.answer,
        "explanation": question.explanation,
        "source": {"start": question.source.start, "end": question.source.end},
        "fact": fact,
        "score": round(question.score, 3),
        "recommended": question.recommended,
    }
    if question.choices:
        data["choices"] = list(question.choices)
    return data
