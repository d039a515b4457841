"""Pick wrong answers of the right kind: names from the article then well-known ones, numbers and dates nearby."""
from __future__ import annotations

import datetime as dt
import functools
import math
import random
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from questions.phrasing import contains_words

WORLD_PEOPLE = {
    "politics": ("Angela Merkel", "Emmanuel Macron", "Narendra Modi", "Justin Trudeau", "Jacinda Ardern",
                 "Kofi Annan", "Ban Ki-moon", "António Guterres", "Nelson Mandela", "Shinzo Abe",
                 "Cyril Ramaphosa", "Jens Stoltenberg", "Ursula von der Leyen", "Christine Lagarde"),
    "sport": ("Roger Federer", "Rafael Nadal", "Serena Williams", "Usain Bolt", "Lionel Messi",
              "Cristiano Ronaldo", "Simone Biles", "Michael Phelps", "Venus Williams", "Pete Sampras"),
    "business": ("Tim Cook", "Satya Nadella", "Warren Buffett", "Mary Barra", "Indra Nooyi", "Jeff Bezos",
                 "Sundar Pichai", "Jamie Dimon", "Carlos Ghosn", "Ratan Tata"),
}
WORLD_ORGANISATIONS = {
    "international": ("United Nations", "European Union", "NATO", "World Bank", "International Monetary Fund",
                      "World Health Organization", "World Trade Organization", "African Union", "Red Cross",
                      "UNICEF", "OPEC", "Amnesty International"),
    "government": ("Department of State", "Ministry of Defence", "Federal Reserve", "European Commission",
                   "Environmental Protection Agency", "Food and Drug Administration", "Supreme Court",
                   "Home Office", "Department of Justice", "Census Bureau"),
    "company": ("General Electric", "Siemens", "Toyota", "Nestlé", "Unilever", "Samsung", "Shell", "IBM",
                "Microsoft", "Boeing"),
    "media": ("Reuters", "Associated Press", "BBC", "Agence France-Presse", "Al Jazeera", "Voice of America",
              "CNN", "The New York Times"),
}
WORLD_COUNTRIES = ("France", "Germany", "Italy", "Spain", "Poland", "Ukraine", "Turkey", "Iran", "Egypt", "Kenya",
                   "Nigeria", "South Africa", "India", "Pakistan", "China", "Japan", "South Korea", "Australia",
                   "Canada", "Mexico", "Brazil", "Argentina", "Kazakhstan", "Sweden", "Norway", "Greece",
                   "Indonesia", "Vietnam", "Ethiopia", "Morocco", "Chile", "Peru")
WORLD_CITIES = ("Paris", "Berlin", "Rome", "Madrid", "Warsaw", "Istanbul", "Cairo", "Nairobi", "Lagos",
                "Johannesburg", "Delhi", "Beijing", "Tokyo", "Sydney", "Toronto", "Mexico City", "São Paulo",
                "Buenos Aires", "Geneva", "Vienna", "Brussels", "Moscow", "London", "New York", "Washington",
                "Tbilisi", "Baku", "Yerevan", "Kyiv", "Tehran")
COUNTRY_NAMES = frozenset(name.lower() for name in WORLD_COUNTRIES) | frozenset(
    "united states u.s. us usa america britain great britain united kingdom uk england scotland wales russia "
    "azerbaijan armenia georgia serbia mozambique ukraine syria iraq israel north korea taiwan".split(" "))

_TOPIC_WORDS = {
    "sport": re.compile(r"\b(tennis|football|soccer|match|champion\w*|olympic\w*|league|cup|tournament|player|"
                        r"coach|goal|race|seeded|final|title|team|season)\b", re.IGNORECASE),
    "business": re.compile(r"\b(company|companies|chief executive|ceo|shares|stock|market|investors|profit|"
                           r"revenue|earnings|firm)\b", re.IGNORECASE),
}
_MEDIA = re.compile(r"\b(Reuters|Press|BBC|News|Times|Post|Journal|Television|Radio|Voice of America|Agence)\b")
_COMPANY = re.compile(r"\b(Inc|Corp|Corporation|Ltd|plc|Group|Co|Company|Bank|Motors|Airlines|Holdings|"
                      r"Technologies|Energy|Oil)\b\.?")
_GOVERNMENT = re.compile(r"\b(Department|Ministry|Agency|Service|Administration|Commission|Court|Office|Bureau|"
                         r"Council|Parliament|Senate|Congress|Police|Army|Navy|Force|Government|Palace|"
                         r"White House|Pentagon|Kremlin|Downing Street|Whitehall|Elysee)\b")

NUMBER_WORDS = ("zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
                "sixteen seventeen eighteen nineteen").split()
TENS_WORDS = "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()
_WORD_VALUE = {word: value for value, word in enumerate(NUMBER_WORDS)} | {
    word: value * 10 for value, word in enumerate(TENS_WORDS) if word != "_"}
_WORD_NUMBER = re.compile(
    r"\b(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-(?:one|two|three|four|five|six|seven|"
    r"eight|nine))?|zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|"
    r"fifteen|sixteen|seventeen|eighteen|nineteen)\b", re.IGNORECASE)
_DIGITS = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?")
_A_SCALE = re.compile(r"\b(?:a|an|one)(?=\s+(?:hundred|thousand|million|billion|trillion)\b)", re.IGNORECASE)
_SCORE = re.compile(r"^\s*\d+\s*[-–]\s*\d+\s*$")
_DURATION = re.compile(r"^-(year|month|week|day|hour|minute|second|mile|kilometre|kilometer|metre|meter|km|"
                       r"point|game|set|man|member|seat|storey|story)s?(-old)?$", re.IGNORECASE)
UPWARD = ("more than", "over", "at least", "above", "upwards of", "in excess of", "exceeding", "just over")
DOWNWARD = ("nearly", "almost", "under", "less than", "fewer than", "up to", "just under", "at most", "below")
ROUGHLY = ("about", "around", "roughly", "approximately", "some", "an estimated", "estimated", "close to")
_SCALE_WORD = re.compile(r"\b(thousand|million|billion|trillion)\b", re.IGNORECASE)
_HEDGE = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(phrase) for phrase in sorted(
    UPWARD + DOWNWARD + ROUGHLY, key=len, reverse=True)) + r")(?!\w)", re.IGNORECASE)
MONTHS = ("January February March April May June July August September October November December").split()
WEEKDAYS = ("Monday Tuesday Wednesday Thursday Friday Saturday Sunday").split()


# ------------------------------------------------------------------ numbers

def number_in_words(value: int) -> str | None:
    """Spell a whole number below a hundred ("forty-two"); None for anything else."""
    if value < 0 or value >= 100:
        return None
    if value < 20:
        return NUMBER_WORDS[value]
    tens, ones = divmod(value, 10)
    return TENS_WORDS[tens] + (f"-{NUMBER_WORDS[ones]}" if ones else "")


@dataclass(frozen=True)
class NumberShape:
    """How an article wrote a number, so that other values can be written the same way."""

    prefix: str
    core: float
    suffix: str
    in_words: bool
    grouped: bool
    decimals: int
    capitalised: bool
    significant: int
    one: str = ""  # how the article wrote the value 1 when it did so in words ("a million")

    @property
    def duration(self) -> str | None:
        """The unit of a hyphenated measure ("two-year" -> "year"), else None."""
        match = _DURATION.match(self.suffix)
        return match.group(1).lower() if match else None

    def spell(self, value: float) -> str:
        """Write a core value as the article wrote its own."""
        if self.one and value == 1:
            return self.one
        if self.in_words and float(value).is_integer() and number_in_words(int(value)):
            word = number_in_words(int(value)) or ""
            return word.capitalize() if self.capitalised else word
        grouped = self.grouped or self.core < 1000 <= value
        decimals = 0 if float(value).is_integer() else self.decimals
        if decimals:
            text = f"{value:,.{decimals}f}" if grouped else f"{value:.{decimals}f}"
            return text.rstrip("0").rstrip(".") if len(text.split(".")[1]) > 1 else text
        return f"{round(value):,}" if grouped else f"{round(value)}"

    def write(self, value: float) -> str:
        return f"{self.prefix}{self.spell(value)}{self.suffix}"

    def as_duration(self, value: float) -> str:
        """Write a hyphenated measure as a length of time or size: "two-year" -> "two years"."""
        unit = self.duration or ""
        plural = "" if value == 1 else "s"
        return f"{self.spell(value)} {unit}{plural}"


@functools.lru_cache(maxsize=4096)
def number_shape(text: str) -> NumberShape | None:
    """Read how a number is written: its prefix ("more than $"), core value, suffix (" billion")."""
    if _SCORE.match(text):
        return None
    digits = _DIGITS.search(text)
    word = _WORD_NUMBER.search(text)
    if digits and (not word or digits.start() <= word.start()):
        core_text = digits.group()
        core = float(core_text.replace(",", ""))
        decimals = len(core_text.split(".")[1]) if "." in core_text else 0
        stripped = core_text.replace(",", "").split(".")[0].lstrip("0") + (core_text.split(".")[1] if decimals else "")
        significant = max(1, len(stripped.rstrip("0")) if not decimals else len(stripped.lstrip("0")))
        return NumberShape(text[:digits.start()], core, text[digits.end():], False, "," in core_text, decimals,
                           False, significant)
    if (single := _A_SCALE.search(text)) and (not word or single.start() < word.start()):
        # "over a million": one of a scale word, written as the article did ("a"), others in words
        return NumberShape(text[:single.start()], 1.0, text[single.end():], True, False, 0, False, 1, single.group())
    if word:
        token = word.group().lower()
        value = sum(_WORD_VALUE.get(part, 0) for part in token.split("-"))
        return NumberShape(text[:word.start()], float(value), text[word.end():], True, False, 0,
                           word.group()[0].isupper(), 2)
    return None


def hedge_of(text: str, qualifier: str | None) -> str:
    """Return the qualifier that hedges a number ("more than"), or "" for an exact number."""
    match = _HEDGE.search(f"{qualifier or ''} {text}")
    return match.group().lower() if match else ""


def outside_hedge(candidate: float, answer: float, hedge: str) -> bool:
    """Tell whether a wrong value is clearly wrong: beyond what the answer's hedge could cover."""
    if answer == 0:
        return candidate != 0
    ratio = candidate / answer
    if ratio <= 0:
        return False
    if hedge:
        return not 2 / 3 <= ratio <= 1.5
    if abs(answer) < 20 and float(answer).is_integer():
        return candidate != answer
    return not 0.95 <= ratio <= 1.05


def _round_like(value: float, shape: NumberShape) -> float:
    if value <= 0:
        return 0.0
    if shape.decimals:
        digits = max(shape.decimals, shape.significant - 1 - int(math.floor(math.log10(value))))
        return round(value, min(digits, shape.decimals))
    magnitude = int(math.floor(math.log10(value)))
    keep = max(0, magnitude + 1 - shape.significant)
    return float(round(value / 10 ** keep) * 10 ** keep) if keep else float(round(value))


def number_distractors(
    text: str,
    value: float | None,
    *,
    qualifier: str | None,
    unit: str | None,
    pool: Iterable[tuple[str, float, str | None]],
    rng: random.Random,
    count: int = 3,
) -> list[float]:
    """Return wrong core values for a number: the article's own numbers of that kind and size first.

    ``pool`` holds the article's other numbers as (text, value, unit).
    """
    shape = number_shape(text)
    if shape is None or shape.core <= 0:
        return []
    hedge = hedge_of(text, qualifier)
    scale = value / shape.core if isinstance(value, (int, float)) and value and shape.core else 1.0
    chosen: list[float] = []
    written_chosen = {shape.write(shape.core)}
    scaled = bool(_SCALE_WORD.search(shape.suffix))

    def acceptable(core: float) -> bool:
        if core <= 0 or not outside_hedge(core, shape.core, hedge):
            return False
        if unit == "percent" and shape.core <= 100 and core > 100:
            return False
        if shape.in_words and not float(core).is_integer():
            return False
        return shape.write(core) not in written_chosen

    def choose(core: float) -> None:
        chosen.append(core)
        written_chosen.add(shape.write(core))

    article = []
    for other_text, other_value, other_unit in pool:
        if other_unit != unit or other_text == text or not isinstance(other_value, (int, float)) \
                or not 0.15 <= other_value / scale / shape.core <= 6:
            continue
        core = _round_like(other_value / scale, shape)
        if 0.2 <= core / shape.core <= 5 and acceptable(core) and not (scaled and core >= 1000):
            article.append(core)
    rng.shuffle(article)
    for core in article[:2]:
        if acceptable(core):
            choose(core)
    if shape.core < 13 and float(shape.core).is_integer():
        variants = [shape.core + step for step in (1, -1, 2, 3, -2, 4, 5)]
    else:
        # Not ten times or a tenth: judged blind, "the answer with a zero added" fools nobody who skimmed.
        variants = [_round_like(shape.core * factor, shape) for factor in (0.5, 2, 0.4, 2.5, 0.25, 3, 5, 0.75, 1.5)]
        variants += [_swap_digits(shape.core, shape)]
        if scaled:
            floor = 1 if shape.core >= 1 else 0.01
            variants = [core for core in variants if floor <= core < 1000]  # not "$7,000 billion", "0.27 billion"
    rng.shuffle(variants)
    for core in variants:
        if len(chosen) >= count:
            break
        if acceptable(core):
            choose(core)
    # An answer that is always the smallest (or largest) choice gives itself away.
    if len(chosen) >= 2 and (all(core > shape.core for core in chosen) or all(core < shape.core for core in chosen)):
        above = chosen[0] > shape.core
        other_side = next((core for core in variants if (core < shape.core if above else core > shape.core)
                           and core not in chosen and acceptable(core)), None)
        if other_side is not None:
            chosen[-1] = other_side
    return chosen


def _swap_digits(value: float, shape: NumberShape) -> float:
    """A near variant that keeps the digits: 1,960 -> 1,690."""
    digits = list(f"{value:.{shape.decimals}f}".replace(".", ""))
    for index in range(1, len(digits) - 1):
        if digits[index] != digits[index + 1]:
            digits[index], digits[index + 1] = digits[index + 1], digits[index]
            break
    joined = "".join(digits)
    return int(joined) / 10 ** shape.decimals if shape.decimals else float(int(joined))


# ------------------------------------------------------------------ dates

@dataclass(frozen=True)
class CalendarValue:
    """A resolved date at the granularity the article gave it: day, month, year or decade."""

    granularity: str
    year: int
    month: int = 1
    day: int = 1

    @classmethod
    def parse(cls, value: object) -> CalendarValue | None:
        text = str(value or "").strip()
        try:
            if match := re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", text):
                dt.date(int(match[1]), int(match[2]), int(match[3]))
                return cls("day", int(match[1]), int(match[2]), int(match[3]))
            if match := re.fullmatch(r"(\d{4})-(\d{2})", text):
                return cls("month", int(match[1]), int(match[2])) if 1 <= int(match[2]) <= 12 else None
        except ValueError:
            return None
        if match := re.fullmatch(r"(\d{4})", text):
            return cls("year", int(match[1]))
        if match := re.fullmatch(r"(\d{3})0s", text):
            return cls("decade", int(match[1]) * 10)
        return None

    def show(self, *, weekday: bool = False) -> str:
        """Write the date for a reader: "15 May 2024", "September 2023", "2023", "the 1990s"."""
        if self.granularity == "day":
            day = dt.date(self.year, self.month, self.day)
            text = f"{day.day} {MONTHS[day.month - 1]} {day.year}"
            return f"{WEEKDAYS[day.weekday()]}, {text}" if weekday else text
        if self.granularity == "month":
            return f"{MONTHS[self.month - 1]} {self.year}"
        if self.granularity == "year":
            return str(self.year)
        return f"the {self.year}s"

    def first_day(self) -> dt.date:
        """Return the first day the value covers."""
        return dt.date(self.year, self.month, self.day)

    def ordinal(self) -> int:
        if self.granularity == "day":
            return dt.date(self.year, self.month, self.day).toordinal()
        return self.year * 12 + self.month

    def shifted(self, step: int) -> CalendarValue | None:
        try:
            if self.granularity == "day":
                day = dt.date(self.year, self.month, self.day) + dt.timedelta(days=step)
                return CalendarValue("day", day.year, day.month, day.day)
            if self.granularity == "month":
                months = self.year * 12 + self.month - 1 + step
                return CalendarValue("month", months // 12, months % 12 + 1)
            if self.granularity == "year":
                return CalendarValue("year", self.year + step) if 1000 <= self.year + step <= 2100 else None
            decade = self.year + 10 * step
            return CalendarValue("decade", decade) if 1000 <= decade <= 2020 else None
        except (ValueError, OverflowError):
            return None


_DATE_STEPS = {"day": (1, -1, 2, -2, 7, -7, 3), "month": (1, -1, 2, -2, 3, 12), "year": (1, -1, 2, -2, 3, -3),
               "decade": (-1, 1, -2, -3, 2)}


def date_distractors(answer: CalendarValue, pool: Iterable[CalendarValue], rng: random.Random, *,
                     weekday: bool = False, not_after: dt.date | None = None,
                     count: int = 3) -> list[CalendarValue]:
    """Return other dates of the same granularity: the article's own first, then nearby ones.

    With ``weekday`` the dates are shown with their weekday, so none lies a whole week away:
    "Wednesday" a week earlier would be a trick, not a distractor.
    """
    chosen: list[CalendarValue] = []

    def in_time(candidate: CalendarValue) -> bool:
        return not_after is None or candidate.first_day() <= not_after

    article = sorted({other for other in pool if other.granularity == answer.granularity and other != answer
                      and in_time(other)}, key=CalendarValue.ordinal)
    near = [other for other in article if abs(other.ordinal() - answer.ordinal()) <= 400 * 12]
    rng.shuffle(near)
    chosen.extend(near[:1])
    steps = [step for step in _DATE_STEPS[answer.granularity] if not (weekday and step % 7 == 0)]
    rng.shuffle(steps)
    for step in steps:
        if len(chosen) >= count:
            break
        candidate = answer.shifted(step)
        if candidate and candidate != answer and candidate not in chosen and in_time(candidate):
            chosen.append(candidate)
    for step in range(-4, -12, -1) if len(chosen) < count else ():
        candidate = answer.shifted(step)
        if candidate and candidate not in chosen and in_time(candidate) and len(chosen) < count:
            chosen.append(candidate)
    return chosen


# ------------------------------------------------------------------ names

def article_topic(sentences: Iterable[str]) -> str:
    """Guess whether an article is about sport, business or public life, for well-known distractors."""
    text = " ".join(sentences)
    counts = {topic: len(pattern.findall(text)) for topic, pattern in _TOPIC_WORDS.items()}
    topic = max(counts, key=lambda key: counts[key])
    return topic if counts[topic] >= 3 else "politics"


@functools.lru_cache(maxsize=1024)  # asked again for every question of an organisation, and by the ranking
def organisation_family(name: str) -> str:
    if _MEDIA.search(name):
        return "media"
    if _COMPANY.search(name):
        return "company"
    if _GOVERNMENT.search(name):
        return "government"
    return "international"


@functools.lru_cache(maxsize=1024)
def is_country(name: str) -> bool:
    lowered = name.lower().removeprefix("the ")
    if lowered in COUNTRY_NAMES:
        return True
    import pycountry  # loaded only when an article names places

    try:
        pycountry.countries.lookup(name)
    except LookupError:
        return False
    return True


def same_entity(first: str, second: str, *, people: bool = False) -> bool:
    """Tell whether two names probably name one entity ("Nikiforov", "Yevgeny Nikiforov").

    With ``people`` two names that share a surname count as one person.
    """
    a, b = _plain(first), _plain(second)
    if not a or not b:
        return False
    if a == b or f" {a} " in f" {b} " or f" {b} " in f" {a} ":
        return True
    return people and a.rsplit(" ", 1)[-1] == b.rsplit(" ", 1)[-1] and len(a.rsplit(" ", 1)[-1]) > 3


@functools.lru_cache(maxsize=4096)
def _plain(name: str) -> str:
    name = _NOT_NAME_CHARACTER.sub(" ", name.lower().replace("’", "'"))
    name = _LEADING_ARTICLE.sub("", name.strip())
    return _SPACES.sub(" ", _POSSESSIVE.sub("", name)).strip()


_NOT_NAME_CHARACTER = re.compile(r"[^\w' -]+")
_ONLY_FIGURES = re.compile(r"[\d.,% $-]+")
_LEADING_ARTICLE = re.compile(r"^(the|a|an) ")
_POSSESSIVE = re.compile(r"'s$")
_SPACES = re.compile(r"\s+")


def name_distractors(
    answer: str,
    *,
    article: Sequence[str],
    world: Sequence[str],
    avoid: str,
    rng: random.Random,
    people: bool = False,
    count: int = 3,
) -> list[str]:
    """Return other names of the answer's kind: from the article first, then well-known ones.

    Names that appear in ``avoid`` (the prompt) are left out: a choice the question mentions is no choice.
    """
    chosen: list[str] = []

    def acceptable(name: str) -> bool:
        if not name.strip() or _ONLY_FIGURES.fullmatch(name):
            return False
        if same_entity(name, answer, people=people) or any(same_entity(name, other, people=people) for other in chosen):
            return False
        surname = name.split()[-1] if people else name
        return not contains_words(avoid, name) and not (len(surname) > 3 and contains_words(avoid, surname))

    local = list(dict.fromkeys(article))
    rng.shuffle(local)
    for name in local:
        if len(chosen) >= count:
            break
        if acceptable(name):
            chosen.append(name)
    for name in rng.sample(list(world), min(len(world), count + 6)):
        if len(chosen) >= count:
            break
        if acceptable(name):
            chosen.append(name)
    return chosen
