"""Answer checking: a typed answer is marked the way a teacher would, a chosen option exactly as offered.

A typed answer is right when, ignoring case, accents, punctuation and the articles a/an/the, it says
the same words; or the same number in any form ("1,960", "one thousand nine hundred and sixty");
or the same date at the same precision in any common format ("May 15, 2024", "15/05/2024"); or the
person's surname alone when no other person of the set shares it; or, for a name or phrase of six
letters or more, the same words with a slip of the keyboard.
"""
from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Iterable

from dateutil.parser import parserinfo
from nameparser import HumanName
from text_to_num import alpha2digit

from sqlalchemy import Connection, bindparam, select

from app.extensions import db
from app.models import Question, QuestionKind, ReviewStatus

CHOICE_KINDS = frozenset({QuestionKind.MULTIPLE_CHOICE, QuestionKind.TRUE_FALSE})
ARTICLES = frozenset({"a", "an", "the"})
# Hedges around a number: "more than 1,900" and "1900" name the same fact for a learner typing it.
QUALIFIERS = frozenset({"about", "around", "approximately", "approx", "roughly", "nearly", "almost", "some",
                        "over", "more", "than", "less", "fewer", "under", "at", "least", "most", "up", "to",
                        "just", "only", "exactly", "circa", "estimated", "and", "of", "or", "so"})
UNITS = frozenset({"percent", "dollars", "dollar", "usd", "us", "euros", "euro", "eur", "pounds", "pound", "gbp",
                   "people", "per", "cent"})
# Words that carry no meaning of their own when comparing a long typed answer word by word.
STOPWORDS = ARTICLES | frozenset({"of", "and", "in", "on", "at", "to", "for", "by", "with", "from", "as", "is",
                                  "was", "were", "are", "be", "its", "it", "that", "this"})
# First words of place names that look like a person's name: "New York" is no Mr York.
PLACE_WORDS = frozenset({"new", "san", "santa", "los", "las", "saint", "st", "north", "south", "east", "west",
                         "united", "upper", "lower", "great", "port", "fort", "mount", "lake", "cape"})
NAME_FACT_KINDS = frozenset({"person", "speaker"})
NOT_NAME_FACT_KINDS = frozenset({"organisation", "place", "number", "date"})
LONG_ANSWER_WORDS = 4  # from this many content words on, most of them in the right order are enough
LONG_ANSWER_COVERAGE = 0.75

_DATE_WORDS = parserinfo()
# "m" and "k" are left out: "5m" is as likely five metres as five million.
_SCALES = {"thousand": 10**3, "million": 10**6, "mn": 10**6, "billion": 10**9, "bn": 10**9, "trillion": 10**12,
           "tn": 10**12}
_CURRENCY = {"$": " dollars ", "£": " pounds ", "€": " euros ", "%": " percent "}
_APOSTROPHES = re.compile(r"[’'`´]")
_JOINING_STOP = re.compile(r"\.(?=[^\W\d_])")  # "U.S" -> "US"; a stop before a space or digit is a separator
_LOOSE_SEPARATOR = re.compile(r"(?<!\d)[.,]|[.,](?!\d)")
_PUNCTUATION = re.compile(r"[^\w\s.,]|_")
_THOUSANDS = re.compile(r"(?<![\d.,])\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\d,])")
_DECIMAL_COMMA = re.compile(r"(?<![\d,])(\d+),(\d{1,2})(?![\d,])")
_SCALED = re.compile(r"(?<![\w.])(\d+(?:\.\d+)?)\s*(" + "|".join(_SCALES) + r")\b")
_NUMBER = re.compile(r"(?<![\w.])\d+(?:\.\d+)?(?![\w.])")
_SPOKEN_YEAR = re.compile(r"^(1\d|20) (\d\d)$")  # "nineteen sixty" reads as "19 60"
_LOOSE_STOP = re.compile(r"(?<!\d)\.|\.(?!\d)")
_ORDINAL = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)\b")


@dataclass(frozen=True)
class AnswerKey:
    """What a question accepts: its kind, answer, and the fact it asks about."""

    kind: QuestionKind
    answer: str
    prompt: str = ""
    choices: tuple[str, ...] = ()
    fact_kind: str | None = None
    fact_text: str | None = None
    fact_value: str | None = None

    @classmethod
    def of(cls, question: Question) -> AnswerKey:
        return cls(kind=question.kind, answer=question.answer, prompt=question.prompt,
                   choices=tuple(question.choices or ()), fact_kind=question.fact_kind,
                   fact_text=question.fact_text, fact_value=question.fact_value)

    @property
    def alternatives(self) -> tuple[str, ...]:
        """Other forms of the answer: the fact's words and its resolved value, when the answer is the fact."""
        fact_forms = [form for form in (self.fact_text, self.fact_value) if form]
        if any(normalise(form) == normalise(self.answer) for form in fact_forms):
            return tuple(form for form in fact_forms if normalise(form) != normalise(self.answer))
        return ()


def is_correct(key: AnswerKey, response: str, *, other_names: Iterable[str] = ()) -> bool:
    """Return whether the response answers the question; ``other_names`` are the set's other people."""
    if key.kind in CHOICE_KINDS:
        return response.strip() == key.answer.strip()
    return check_typed(response, key.answer, alternatives=key.alternatives, prompt=key.prompt,
                       fact_kind=key.fact_kind, other_names=other_names)


def check_typed(response: str, answer: str, *, alternatives: Iterable[str] = (), prompt: str = "",
                fact_kind: str | None = None, other_names: Iterable[str] = ()) -> bool:
    """Return whether a typed response says the answer (or one of its alternative forms)."""
    if not normalise(response):
        return False
    other_names = tuple(other_names)
    expected = (answer, *alternatives)
    if any(normalise(response) == normalise(form) for form in expected):
        return True
    if any(same_number(response, form, prompt=prompt, counted=fact_kind == "number") for form in expected):
        return True
    if same_date(response, expected):
        return True
    if fact_kind not in NOT_NAME_FACT_KINDS and any(
            is_surname_of(response, form, other_names=other_names) for form in expected):
        return True
    if any(covers_long_answer(response, form) for form in expected):
        return True
    return any(is_slip_of(response, form, rivals=other_names) for form in expected)


# --- Words ----------------------------------------------------------------------------------------------

def fold(text: str) -> str:
    """Return the text in lower case without accents: "Élysée" and "elysee" are the same word here."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(char for char in decomposed if not unicodedata.combining(char)).casefold()


def normalise(text: str) -> str:
    """Return the words a teacher compares: folded, without punctuation or articles, single-spaced.

    Full stops and apostrophes join ("U.S." is "us", "Azerbaijan's" is "azerbaijans"); a decimal point
    or thousands comma between digits stays, so "1.5" never reads as "15".
    """
    return " ".join(word for word in strip_punctuation(fold(text)).split() if word not in ARTICLES)


def strip_punctuation(text: str) -> str:
    """Return the text with punctuation turned to spaces, except a point or comma between digits."""
    text = _APOSTROPHES.sub("", text)
    text = _JOINING_STOP.sub("", text)
    text = _LOOSE_SEPARATOR.sub(" ", text)
    return _PUNCTUATION.sub(" ", text)


def words(text: str) -> list[str]:
    return normalise(text).split()


# --- Numbers --------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class NumberPhrase:
    value: Decimal
    words: frozenset[str]  # the other words, hedges dropped


def read_number(text: str) -> NumberPhrase | None:
    """Return the one number a phrase states, in digits or words, with its other words; None if not one."""
    text = fold(text)
    for symbol, word in _CURRENCY.items():
        text = text.replace(symbol, word)
    text = text.replace("per cent", "percent")
    text = _THOUSANDS.sub(lambda match: match.group(0).replace(",", ""), text)
    text = _DECIMAL_COMMA.sub(r"\1.\2", text)
    text = _scale_digits(strip_punctuation(text.replace("-", " ")))
    if re.search(r"[a-z]", text):
        text = _scale_digits(alpha2digit(text, "en", threshold=0))
    spoken_year = _SPOKEN_YEAR.match(text.strip())
    if spoken_year:
        text = spoken_year.group(1) + spoken_year.group(2)
    numbers = _NUMBER.findall(text)
    if len(numbers) != 1:
        return None
    try:
        value = Decimal(numbers[0])
    except InvalidOperation:
        return None
    rest = frozenset(_NUMBER.sub(" ", text).split()) - ARTICLES - QUALIFIERS
    return NumberPhrase(value=value, words=rest)


def _scale_digits(text: str) -> str:
    return _SCALED.sub(lambda match: str(Decimal(match.group(1)) * _SCALES[match.group(2)]), text)


def same_number(response: str, answer: str, *, prompt: str = "", counted: bool = False) -> bool:
    """Return whether both state the same number, with no word in the response the answer lacks.

    Words of the answer the response leaves out are fine when they are units, appear in the prompt
    (it names what is counted), or the question is about a counted number (``counted``).
    """
    said, expected = read_number(response), read_number(answer)
    if said is None or expected is None or said.value != expected.value:
        return False
    extra = said.words - expected.words
    if extra and (expected.words or not extra <= UNITS):
        return False
    missing = expected.words - said.words
    return counted or missing <= UNITS | frozenset(words(prompt))


# --- Dates ----------------------------------------------------------------------------------------------

DateParts = tuple[int | None, int | None, int | None]  # year, month, day; None where the text does not say


def read_date(text: str) -> frozenset[DateParts]:
    """Return the dates a text can mean, each at the precision it states; empty when it is not a date.

    "05/06/2024" is ambiguous between 5 June and 6 May, so it gives both: a learner writing their own
    country's order is not marked wrong for it.
    """
    text = fold(text).replace(",", " ")
    if re.search(r"[a-z]{3}", text):
        text = alpha2digit(text, "en", threshold=0)
    text = _LOOSE_STOP.sub(" ", _ORDINAL.sub(r"\1", text))
    tokens = [token for token in text.split()
              if token not in {"of", "the", "on", "in"} and _DATE_WORDS.weekday(token) is None]
    months = [_DATE_WORDS.month(token) for token in tokens]
    candidates: set[DateParts] = set()
    if len(tokens) == 1 and months[0] is None:
        candidates = _numeric_date(tokens[0])
    elif sum(month is not None for month in months) == 1:
        numbers = [token for token, month in zip(tokens, months) if month is None]
        if all(token.isdigit() for token in numbers):
            candidates = _named_month_date(next(month for month in months if month), [int(n) for n in numbers])
    return frozenset(parts for parts in candidates if _valid(parts))


def _numeric_date(token: str) -> set[DateParts]:
    if re.fullmatch(r"\d{4}", token):
        return {(int(token), None, None)}
    match = re.fullmatch(r"(\d{4})([-/.])(\d{1,2})(?:\2(\d{1,2}))?", token)
    if match:
        year, _separator, month, day = match.groups()
        return {(int(year), int(month), int(day) if day else None)}
    match = re.fullmatch(r"(\d{1,2})[-/.](\d{4})", token)
    if match:
        return {(int(match.group(2)), int(match.group(1)), None)}
    match = re.fullmatch(r"(\d{1,2})([-/.])(\d{1,2})\2(\d{2}|\d{4})", token)
    if match:
        first, second, year = int(match.group(1)), int(match.group(3)), _full_year(match.group(4))
        return {(year, second, first), (year, first, second)}
    return set()


def _named_month_date(month: int, numbers: list[int]) -> set[DateParts]:
    if not numbers:
        return {(None, month, None)}
    if len(numbers) == 1:
        number = numbers[0]
        return {(number, month, None)} if number > 31 else {(None, month, number)}
    if len(numbers) == 2:
        day, year = sorted(numbers)  # "15 May 2024", "May 15, 2024" and "2024 May 15" alike
        return {(year, month, day)}
    return set()


def _full_year(digits: str) -> int:
    year = int(digits)
    if len(digits) == 4:
        return year
    return 1900 + year if year >= 70 else 2000 + year


def _valid(parts: DateParts) -> bool:
    year, month, day = parts
    try:
        dt.date(year or 2000, month or 1, day or 1)  # 2000 is a leap year: "29 February" alone is a date
    except ValueError:
        return False
    return year is None or 1000 <= year <= 2999


def same_date(response: str, expected: Iterable[str]) -> bool:
    """Return whether the response names one of the expected dates at the same precision."""
    said = read_date(response)
    return bool(said) and any(said & read_date(form) for form in expected)


# --- Names ----------------------------------------------------------------------------------------------

def looks_like_name(text: str) -> bool:
    """Whether a text reads as a person's name: two to four capitalised words, no digits, not a place."""
    tokens = text.split()
    return (2 <= len(tokens) <= 4 and not any(char.isdigit() for char in text)
            and all(token[0].isupper() or token.lower() in {"van", "von", "de", "da", "al", "bin", "der", "le"}
                    for token in tokens)
            and fold(tokens[0]).strip(".") not in PLACE_WORDS)


def surname(name: str) -> str:
    """Return a name's surname, folded ("Lt. Gen. Kerim Valiyev" gives "valiyev")."""
    parsed = HumanName(name)
    return normalise(parsed.last or parsed.first)


def _said_surname(response: str, full_name: str) -> str | None:
    """Return the surname a response gives when it names nobody else's first name, else None."""
    parsed = HumanName(response)
    if not parsed.last:
        return normalise(parsed.first) if len(response.split()) == 1 else None
    given = normalise(parsed.first)
    first_of_answer = normalise(HumanName(full_name).first)
    if given and given != first_of_answer and not (len(given) == 1 and first_of_answer.startswith(given)):
        return None
    return normalise(parsed.last)


def is_surname_of(response: str, full_name: str, *, other_names: Iterable[str] = ()) -> bool:
    """Return whether the response gives the person's surname, with or without a title or initial.

    A long surname may carry a typing slip, as any long answer may. A surname shared with another
    person of ``other_names`` (another first name) is ambiguous and does not count.
    """
    if not looks_like_name(full_name):
        return False
    family_name = surname(full_name)
    said = _said_surname(response, full_name)
    if not said:
        return False
    slips = min(edit_distance(said, form, limit=allowed_slips(form)) for form in {family_name, family_name.split()[-1]})
    if slips > allowed_slips(family_name):
        return False
    first_name = normalise(HumanName(full_name).first)
    for other in other_names:
        other_surname = surname(other)
        if other_surname == family_name:
            other_first = normalise(HumanName(other).first) if HumanName(other).last else ""
            if other_first and other_first != first_name:
                return False
        elif len(other.split()) > 1 and edit_distance(said, other_surname, limit=slips) <= slips:
            return False  # as close to someone else's surname: "Nikiforova" is not a slip for "Nikiforov"
    return True


# --- Long answers and slips -----------------------------------------------------------------------------

def covers_long_answer(response: str, answer: str) -> bool:
    """Whether a response gives most of a long answer's content words and no word of its own."""
    expected = [word for word in words(answer) if word not in STOPWORDS]
    if len(expected) < LONG_ANSWER_WORDS:
        return False
    given = {word for word in words(response) if word not in STOPWORDS}
    return given <= set(expected) and len(given) >= LONG_ANSWER_COVERAGE * len(set(expected))


def allowed_slips(text: str) -> int:
    """Return how many typing slips a name or phrase of this length tolerates (none below six letters)."""
    letters = sum(char.isalpha() for char in text)
    return 0 if letters < 6 else 1 if letters < 12 else 2


def is_slip_of(response: str, answer: str, *, rivals: Iterable[str] = ()) -> bool:
    """Whether the response is the answer with a slip or two, and no closer to another name of the set.

    Answers with digits never get slips: "1906" for "1960" is a wrong number, not a typo.
    """
    typed, expected = normalise(response), normalise(answer)
    if any(char.isdigit() for char in typed + expected):
        return False
    budget = allowed_slips(expected)
    distance = edit_distance(typed, expected, limit=budget)
    if distance > budget:
        return False
    return not any(normalise(rival) != expected and edit_distance(typed, normalise(rival), limit=distance) <= distance
                   for rival in rivals)


def edit_distance(first: str, second: str, *, limit: int) -> int:
    """Return the Damerau-Levenshtein distance (adjacent swaps count once), or ``limit + 1`` if beyond it."""
    if abs(len(first) - len(second)) > limit:
        return limit + 1
    previous_row = None
    row = list(range(len(second) + 1))
    for i, first_char in enumerate(first, 1):
        current = [i] + [0] * len(second)
        for j, second_char in enumerate(second, 1):
            cost = first_char != second_char
            current[j] = min(row[j] + 1, current[j - 1] + 1, row[j - 1] + cost)
            if (previous_row is not None and i > 1 and j > 1 and first_char == second[j - 2]
                    and first[i - 2] == second_char):
                current[j] = min(current[j], previous_row[j - 2] + 1)
        if min(current) > limit:
            return limit + 1
        previous_row, row = row, current
    return min(row[-1], limit + 1)


# --- A question of a set as grading reads it -----------------------------------------------------------------

_QUESTION = Question.__table__
# The columns of an AskedQuestion besides its id and set: the quiz page and the answer's context read them alike.
ASKED_COLUMNS = (_QUESTION.c.kind, _QUESTION.c.prompt, _QUESTION.c.answer, _QUESTION.c.choices,
                 _QUESTION.c.explanation, _QUESTION.c.fact_kind, _QUESTION.c.fact_text, _QUESTION.c.fact_value,
                 _QUESTION.c.review_status, _QUESTION.c.retired_at)


@dataclass(frozen=True)
class AskedQuestion:
    """The columns of a question that the page, grading and feedback read, as one statement returns them.

    A plain value rather than a transient ``Question``: building a mapped object costs more than the rest
    of reading the answer's context, and nothing here needs the session.
    """

    id: int
    set_id: int
    kind: QuestionKind
    prompt: str
    answer: str
    choices: list[str] | None
    explanation: str
    fact_kind: str | None
    fact_text: str | None
    fact_value: str | None
    review_status: ReviewStatus
    retired_at: dt.datetime | None

    @classmethod
    def of(cls, question: Question) -> AskedQuestion:
        return cls(id=question.id, set_id=question.set_id,
                   **{column.key: getattr(question, column.key) for column in ASKED_COLUMNS})

    @property
    def is_live(self) -> bool:
        return self.review_status is ReviewStatus.APPROVED and self.retired_at is None



def asked_question(question_id: int, row) -> AskedQuestion:
    """Return the question from a row that holds its set_id and the ``ASKED_COLUMNS``."""
    return AskedQuestion(id=question_id, set_id=row.set_id,
                         **{column.key: getattr(row, column.key) for column in ASKED_COLUMNS})


_SET_NAME_FIELDS = select(_QUESTION.c.answer, _QUESTION.c.choices, _QUESTION.c.fact_text,
                          _QUESTION.c.fact_value).where(_QUESTION.c.set_id == bindparam("set_id"))


def set_names(set_id: int, connection: Connection | None = None) -> list[str]:
    """Return the names of people in the set's questions: a surname shared by two of them is ambiguous."""
    names: set[str] = set()
    rows = (connection or db.session.connection()).execute(_SET_NAME_FIELDS, {"set_id": set_id})
    for answer, choices, fact_text, fact_value in rows:
        names.update(text for text in (answer, fact_text, fact_value, *(choices or ()))
                     if text and looks_like_name(text))
    return sorted(names)


def grade(question: Question | AskedQuestion, response: str, connection: Connection | None = None) -> bool:
    """Return whether the response answers the question, surnames judged against the other people of its set."""
    key = AnswerKey.of(question)
    names_matter = key.kind not in CHOICE_KINDS and any(map(looks_like_name, (key.answer, *key.alternatives)))
    return is_correct(key, response, other_names=set_names(question.set_id, connection) if names_matter else ())

