"""Find dates and resolve them against the published date."""
from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

from questions.clean import MAX_FACTS_PER_KIND
from questions.model import Fact, FactKind, Sentence

_MONTH_NAMES = ("january february march april may june july august september october november december").split()
_MONTH_ABBREVIATIONS = {"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
                        "sept": 9, "oct": 10, "nov": 11, "dec": 12}
MONTH_NUMBERS: dict[str, int] = {name: number for number, name in enumerate(_MONTH_NAMES, 1)} | _MONTH_ABBREVIATIONS
_WEEKDAY_NAMES = "monday tuesday wednesday thursday friday saturday sunday".split()
WEEKDAY_NUMBERS: dict[str, int] = {name: number for number, name in enumerate(_WEEKDAY_NAMES)}
_NUMBER_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                 "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20,
                 "thirty": 30, "forty": 40, "fifty": 50}
# Meteorological seasons of the northern hemisphere; winter straddles two years, so it is not resolved.
_SEASONS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11)}

# Lower-case words that may stand right before a year or a count without making it part of a name
# ("In 2012", "About 500"); any other capitalised word does ("Healthy People 2020", "Boeing 737").
FUNCTION_WORDS = frozenset("""
a about above across after against all almost along also although among an and another any approximately around
as at before behind below beneath beside besides between beyond both but by circa close despite down during each
early earlier either even every except exactly fewer fiscal for from further half her here his however if in inside
into its just last late later less like many mid more most much my near nearly next nor of off on once only onto or
our out outside over past per plus roughly since so some spring still such summer autumn fall winter than that the
their then there these this those though through throughout till to total toward towards under unlike until up upon
versus via well when whereas while with within without year years yet your estimated another only
""".split())


def _cased(words) -> str:
    """Alternation of the words as written in prose: Capitalised or in capitals, longest first."""
    forms = {word.capitalize() for word in words} | {word.upper() for word in words}
    return "|".join(sorted(forms, key=len, reverse=True))


# Wire copy sometimes writes months in lower case; "may" and "march" alone are then a verb, so only a day or a
# year after them makes them months.
_LOWER_MONTHS = "|".join(name for name in _MONTH_NAMES if name not in ("may", "march"))
_MONTH_FULL = rf"(?:{_cased(_MONTH_NAMES)}|{_LOWER_MONTHS})\b"
MONTH_PATTERN = rf"(?:(?:{_cased(_MONTH_NAMES)}|{'|'.join(_MONTH_NAMES)})\b|(?:{_cased(_MONTH_ABBREVIATIONS)})\b\.?)"
WEEKDAY_PATTERN = rf"(?:{_cased(_WEEKDAY_NAMES)})"
_SEASON = r"(?i:spring|summer|autumn|fall|winter)"


def _day(name: str) -> str:
    return rf"(?P<{name}>3[01]|[12]\d|0?[1-9])(?!\d)(?:st|nd|rd|th)?(?![.,:]\d|[A-Za-z])"


def _year(name: str) -> str:
    return rf"(?P<{name}>1[5-9]\d\d|20\d\d)(?![\w%])"


# "the Sunday Times" and "Good Friday" name a newspaper and a feast, not the day the news speaks of.
_NEWSPAPER_WORDS = "Times|Telegraph|Express|Mirror|Herald|Post|Mail|Star|Independent|Tribune|Sport|Live|Night|People"
_NOT_A_NAMED_DAY = "".join(f"(?<!{words} )" for words in
                           "Good Black Bloody Super Ash Holy Easter Cyber Palm Maundy Shrove Giving".split()
                           + ["Mail on"])
_DATE = re.compile("|".join((
    rf"(?P<mrange>(?P<mrange_m>{MONTH_PATTERN})\s*{_day('mrange_d')}\s?[-–]\s?{_day('mrange_e')}"
    rf"(?:,?\s+{_year('mrange_y')})?)",
    rf"(?P<drange>(?<![\d,.$£€]){_day('drange_d')}\s?[-–]\s?{_day('drange_e')}\s+(?:of\s+)?(?P<drange_m>{MONTH_PATTERN})"
    rf"(?:,?\s+{_year('drange_y')})?)",
    rf"(?P<mdy>(?:(?P<mdy_w>{WEEKDAY_PATTERN}),?\s+)?(?P<mdy_m>{MONTH_PATTERN})\s*{_day('mdy_d')},?\s+{_year('mdy_y')})",
    rf"(?P<dmy>(?:(?P<dmy_w>{WEEKDAY_PATTERN}),?\s+)?(?<![\d,.]){_day('dmy_d')}\s+(?:of\s+)?(?P<dmy_m>{MONTH_PATTERN}),?\s+"
    rf"{_year('dmy_y')})",
    rf"(?P<md>(?:(?P<md_w>{WEEKDAY_PATTERN}),?\s+)?(?P<md_m>{MONTH_PATTERN})\s*{_day('md_d')})",
    rf"(?P<dm>(?:(?P<dm_w>{WEEKDAY_PATTERN}),?\s+)?(?<![\d,.$£€]){_day('dm_d')}\s+(?:of\s+)?(?P<dm_m>{MONTH_PATTERN}))",
    rf"(?P<my>(?P<my_m>{MONTH_PATTERN}),?\s+(?:of\s+)?{_year('my_y')})",
    r"(?P<decade>(?<![\w$£€.,])(?P<decade_y>1[5-9]\d0|20\d0)s\b)",
    r"(?P<rel>(?<![Tt]he )(?<![Pp]ast )\b(?P<rel_w>(?i:last|next|this))\s+(?P<rel_u>(?i:year|month|week|weekend))\b)",
    rf"(?P<named>\b(?P<named_w>(?i:last|next|this))\s+(?P<named_n>{_MONTH_FULL}|{WEEKDAY_PATTERN}\b|{_SEASON}\b)"
    r"(?![ \t]*,?[ \t]*\d))",
    r"(?P<deictic>\b(?i:yesterday|today|tomorrow|tonight)\b)",
    rf"(?P<weekday>{_NOT_A_NAMED_DAY}{WEEKDAY_PATTERN}(?![A-Za-z])(?!\s+(?:{_NEWSPAPER_WORDS})\b))",
    rf"(?P<mrel>(?P<mrel_m>{_MONTH_FULL})\s+(?P<mrel_w>(?i:this|next|last))\s+(?i:year)\b)",
    rf"(?P<month>{_MONTH_FULL}(?!['’]s\b)(?![ \t]*,?[ \t]*\d|\s+of\s+\d))",
    rf"(?P<year>(?<![\w$£€¥.,/#+:]){_year('year_y')}(?![.,]\d|/\d|[-–]\d{{1,2}}\b))",
)))

_DECADE_PREFIX = re.compile(r"(?:[Tt]he\s+)?(?:(?i:early|mid|late)[- ])?$")
_AGO_BEFORE = re.compile(
    r"\b(?P<ago_n>\d{1,3}|(?i:an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|"
    r"thirty|forty|fifty))\s+(?P<ago_u>(?i:years?|months?|weeks?|days?))\s+$"
)
_TOKEN = re.compile(r"[A-Za-z]+|\d+")
_ISO_VALUE = re.compile(r"[1-9]\d{3}(?:-\d\d(?:-\d\d)?)?|[1-9]\d\d0s|0\d{3}-\d\d(?:-\d\d)?")
_YEAR_HINT = re.compile(r"(?:1[5-9]|20)\d\d")
_DIGIT_TRIGGER = "digit"
# Words that can open a date expression (or close one: "ago"), so the date pattern is tried only there.
_TRIGGERS: dict[str, str] = (
    {name: "calendar" for name in [*MONTH_NUMBERS, *WEEKDAY_NUMBERS]}
    | dict.fromkeys(("yesterday", "today", "tomorrow", "tonight", "last", "next", "this"), "calendar")
    | {"ago": "ago"}
)
# A month named alone is a date only after one of these ("in January", "since early March").
_MONTH_PREPOSITIONS = frozenset("in since until till by from to through during before after early late mid of "
                                "between".split())
# A month that ends a span ("until June", "the three months to September") is the nearest one of that name, on
# either side of the published date: a contract signed in February runs until the coming June.
_SPAN_END_PREPOSITIONS = frozenset("until till through to by".split())
# Of these, deadlines lean to the future when both sides are as near ("by December" in June).
_DEADLINE_PREPOSITIONS = frozenset("until till by".split())
_DEADLINE_WORDS = _DEADLINE_PREPOSITIONS | {"before"}  # "before Friday's deadline": a day still to come, or gone

# A year followed by one of these is a count ("2000 tonnes"), not a year.
_UNIT_AFTER = re.compile(
    r"\s*(?:%|(?i:per\s?cent|pct|percentage|mln|million|billion|bln|bn|dlrs|dollars|euros|pounds|yen|tonnes|tons|"
    r"barrels|shares|people|km|kilometres|kilometers|miles|feet|metres|meters|points|units|acres|hectares|kilos|kg|"
    r"ounces|bags|jobs|workers|employees|troops|soldiers|cars|homes|votes|calories|words|times|gmt|bst|est|edt|cet|"
    r"utc|hrs|hours|local\s+time)\b)"
)
_FUTURE = re.compile(
    r"\b(?:will|won't|would|shall|to be held|is to|are to|is due|are due|due to|scheduled|expected|set for|"
    r"set to|plans? to|planned|intends? to|going to|upcoming|likely|expects?|forecasts?|predicts?|aims? to|"
    r"hopes? to|be\s+held|take\s+place|takes\s+place|begins|starts|opens|resumes|expires|approaching|"
    r"(?:should|could|might|may|must)\s+(?:not\s+)?be)\b[^.;]*$",
    re.IGNORECASE,
)
# A day without a year is dated only when the nearest reading is this many times nearer than the next one.
_SURE_OF_THE_YEAR = 1.6
_WORD_BEFORE = re.compile(r"([\w.'’&-]+)\W*$")
# A name word before a year does not make a name of it when a clause mark stands between ("Azerbaijan, 2024").
_CLAUSE_MARKS = (",", ";", ":", "(", "—", "–")
REFERENCE_WORDS = frozenset("""
no no. nos. number # page pages section article chapter paragraph clause rule item room gate platform lane exit
route highway interstate flight line verse volume vol vol. issue episode season level grade phase stage round
category act amendment resolution model version row seat box unit table figure appendix part band tier zone
""".split())


@dataclass(frozen=True)
class DateMention:
    """A date expression as written, before it is resolved: its kind, span in the sentence and parts."""

    form: str
    start: int
    end: int
    match: re.Match[str]


def find_dates(sentences: tuple[Sentence, ...], *, published: dt.date | None) -> tuple[Fact, ...]:
    """Return the date facts of the sentences, each resolved to ``YYYY-MM-DD``, ``YYYY-MM``, ``YYYY`` or ``1990s``.

    Expressions that need the published date ("Wednesday", "last year") are skipped when it is unknown. At most
    ``MAX_FACTS_PER_KIND`` facts are returned, the first ones of the article.
    """
    facts: list[Fact] = []
    for sentence in sentences:
        if len(facts) >= MAX_FACTS_PER_KIND:
            break
        for mention in date_mentions(sentence.text):
            if len(facts) >= MAX_FACTS_PER_KIND:
                break
            try:
                value = _resolve(mention, published, sentence.text)
            except (ValueError, OverflowError):
                value = None  # a published date at the very edge of the calendar
            if value is None or not _ISO_VALUE.fullmatch(value):
                continue
            facts.append(Fact(kind=FactKind.DATE, text=sentence.text[mention.start:mention.end], value=value,
                              start=sentence.start + mention.start, end=sentence.start + mention.end,
                              sentence=sentence))
    return tuple(facts)


@lru_cache(maxsize=4096)
def date_mentions(text: str) -> tuple[DateMention, ...]:
    """Return the date expressions of one sentence, unresolved, in order."""
    mentions: list[DateMention] = []
    covered = 0
    for token in _TOKEN.finditer(text):
        position = token.start()
        if position < covered:
            continue
        word = token.group()
        trigger = _DIGIT_TRIGGER if word[0].isdigit() else _TRIGGERS.get(word.lower())
        if trigger is None:
            continue
        if trigger == "ago":
            match = _AGO_BEFORE.search(text, max(covered, position - 30), position)
            mention = DateMention("ago", match.start(), token.end(), match) if match else None
        else:
            mention = _mention_at(text, position)
        if mention is not None:
            mentions.append(mention)
            covered = mention.end
    return tuple(mentions)


def _mention_at(text: str, position: int) -> DateMention | None:
    match = _DATE.match(text, position)
    if match is None:
        return None
    form = match.lastgroup or ""
    start, end = match.span()
    if form == "month" and word_before(text, start).lower().rstrip("-") not in _MONTH_PREPOSITIONS:
        return None
    if form == "year" and not _is_year(text, start, end):
        return None
    if form == "decade":
        start = _DECADE_PREFIX.search(text, max(0, start - 12), start).start()
    return DateMention(form, start, end, match)


def full_dates(text: str) -> list[dt.date]:
    """Return the complete calendar dates written in ``text`` ("May 15, 2024", "15 May 2024"), in order."""
    if not _YEAR_HINT.search(text):
        return []
    found = []
    for mention in date_mentions(text):
        if mention.form in ("mdy", "dmy") and (value := _resolve(mention, None, text)):
            found.append(dt.date.fromisoformat(value))
    return found


def is_name_word(word: str) -> bool:
    """Tell whether a word right before a number makes the number part of a name ("Apollo 11", "G7")."""
    if not word or not word[0].isupper() or word.endswith((".", "'s", "’s", "'", "’")):
        return False
    lowered = word.lower()
    return lowered not in FUNCTION_WORDS and lowered not in MONTH_NUMBERS and lowered not in WEEKDAY_NUMBERS


def word_before(text: str, start: int) -> str:
    """Return the word that ends right before ``start`` (punctuation skipped), or ''."""
    match = _WORD_BEFORE.search(text, max(0, start - 40), start)
    return match.group(1) if match else ""


def _is_year(text: str, start: int, end: int) -> bool:
    if start and text[start - 1] in "-–":
        before = word_before(text, start - 1).lower()
        if not (before in ("mid", "pre", "post") or before.isdigit()):
            return False
    if _UNIT_AFTER.match(text, end):
        return False
    before = word_before(text, start)
    if before.lower() in REFERENCE_WORDS:
        return False
    return not (is_name_word(before) and not text[max(0, start - 40):start].rstrip().endswith(_CLAUSE_MARKS))


def _resolve(mention: DateMention, published: dt.date | None, text: str) -> str | None:
    form, match = mention.form, mention.match
    if form in ("mdy", "dmy"):
        return _iso_day(int(match[f"{form}_y"]), _month(match[f"{form}_m"]), int(match[f"{form}_d"]))
    if form in ("mrange", "drange"):
        return _day_range(match, form, published, text, mention.start)
    if form == "my":
        return f"{int(match['my_y']):04d}-{_month(match['my_m']):02d}"
    if form == "year":
        return match["year_y"]
    if form == "decade":
        return f"{match['decade_y']}s"
    if published is None:
        return None
    future = bool(_FUTURE.search(text, max(0, mention.start - 60), mention.start))
    if form in ("md", "dm"):
        return _month_day(published, _month(match[f"{form}_m"]), int(match[f"{form}_d"]), future)
    if form == "weekday":
        if not future and _is_deadline(text, mention):
            return None  # "agreed by Friday": the coming Friday or the last? Without a future verb, unsure.
        return _weekday(published, WEEKDAY_NUMBERS[match["weekday"].lower()], "future" if future else "").isoformat()
    if form == "mrel":  # "July this year", "March next year"
        shift = {"last": -1, "this": 0, "next": 1}[match["mrel_w"].lower()]
        return f"{published.year + shift:04d}-{_month(match['mrel_m']):02d}"
    if form == "month":
        before = word_before(text, mention.start).lower()
        if not future and before in _SPAN_END_PREPOSITIONS:
            return _nearest_month(published, _month(match["month"]), lean_future=before in _DEADLINE_PREPOSITIONS)
        return _month_in_year(published, _month(match["month"]), "future" if future else "")
    if form == "named":
        return _named(published, match["named_w"].lower(), match["named_n"].lower())
    if form == "rel":
        return _relative(published, match["rel_w"].lower(), match["rel_u"].lower())
    if form == "deictic":
        shift = {"yesterday": -1, "tomorrow": 1}.get(match["deictic"].lower(), 0)
        return (published + dt.timedelta(days=shift)).isoformat()
    if form == "ago":
        return _ago(published, _NUMBER_WORDS.get(match["ago_n"].lower()) or int(match["ago_n"]),
                    match["ago_u"].lower().rstrip("s"))
    return None


def _is_deadline(text: str, mention: DateMention) -> bool:
    """"by Friday", "until Monday", "the Friday deadline": a day something must happen by, mostly still to come."""
    return (word_before(text, mention.start).lower() in _DEADLINE_WORDS
            or text[mention.end:mention.end + 9].lower().strip().startswith("deadline"))


def _day_range(match: re.Match[str], form: str, published: dt.date | None, text: str, start: int) -> str | None:
    """"10-20 February", "May 15-17, 2024": a span inside one month is dated by its month."""
    month = _month(match[f"{form}_m"])
    if match[f"{form}_y"]:
        return f"{int(match[f'{form}_y']):04d}-{month:02d}"
    if published is None:
        return None
    future = bool(_FUTURE.search(text, max(0, start - 60), start))
    first = _month_day(published, month, int(match[f"{form}_d"]), future)
    return first[:7] if first else None


def _month(name: str) -> int:
    return MONTH_NUMBERS[name.rstrip(".").lower()]


def _iso_day(year: int, month: int, day: int) -> str | None:
    if day > calendar.monthrange(year, month)[1]:
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


def _month_day(published: dt.date, month: int, day: int, future: bool) -> str | None:
    """Resolve a day without a year to the nearest such day, leaning to the past unless the clause is future."""
    costs = []
    for year in (published.year - 1, published.year, published.year + 1):
        if day > calendar.monthrange(year, month)[1]:
            continue
        candidate = dt.date(year, month, day)
        distance = (candidate - published).days
        weight = (1 if future else 3) if distance > 0 else (3 if future else 1)
        costs.append((abs(distance) * weight, candidate))
    if not costs:
        return None
    costs.sort()
    if len(costs) > 1 and costs[1][0] < _SURE_OF_THE_YEAR * costs[0][0]:
        return None  # "after July 1" in March: last July or the next? The tense alone cannot tell.
    return costs[0][1].isoformat()


def _weekday(published: dt.date, weekday: int, direction: str) -> dt.date:
    """The weekday nearest ``published`` in the given direction.

    ``""`` on or before it (past-tense news), ``"future"`` on or after it, ``"last"`` strictly before,
    ``"next"`` strictly after, ``"this"`` in the same Monday-to-Sunday week.
    """
    ahead = (weekday - published.weekday()) % 7
    back = (published.weekday() - weekday) % 7
    if direction == "this":
        return published + dt.timedelta(days=weekday - published.weekday())
    if direction == "future":
        return published + dt.timedelta(days=ahead)
    if direction == "next":
        return published + dt.timedelta(days=ahead or 7)
    if direction == "last":
        return published - dt.timedelta(days=back or 7)
    return published - dt.timedelta(days=back)


def _month_in_year(published: dt.date, month: int, direction: str) -> str:
    """The month nearest ``published`` in the given direction (the directions of ``_weekday``)."""
    year = published.year
    if direction == "future" and month < published.month or direction == "next" and month <= published.month:
        year += 1
    elif direction == "" and month > published.month + 1 or direction == "last" and month >= published.month:
        year -= 1  # a past-tense month, though the month just ahead is meant as the coming one
    return f"{year:04d}-{month:02d}"


def _nearest_month(published: dt.date, month: int, *, lean_future: bool) -> str:
    """The month of that name nearest ``published``, this year, last year or next year."""
    ahead = (month - published.month) % 12
    behind = (published.month - month) % 12
    if ahead < behind or ahead == behind and lean_future:
        year = published.year + (1 if month < published.month else 0)
    else:
        year = published.year - (1 if month > published.month else 0)
    return f"{year:04d}-{month:02d}"


def _named(published: dt.date, which: str, name: str) -> str | None:
    if name in MONTH_NUMBERS:
        return _month_in_year(published, MONTH_NUMBERS[name], which)
    if name in WEEKDAY_NUMBERS:
        return _weekday(published, WEEKDAY_NUMBERS[name], which).isoformat()
    if name not in _SEASONS:
        return None
    first, last = _SEASONS[name]
    year = published.year
    if which == "last" and published.month <= last:
        year -= 1
    elif which == "next" and published.month >= first:
        year += 1
    return str(year)


def _relative(published: dt.date, which: str, unit: str) -> str | None:
    shift = {"last": -1, "this": 0, "next": 1}[which]
    if unit == "year":
        return str(published.year + shift)
    if unit == "month":
        return _shift_month(published, shift)
    monday = published - dt.timedelta(days=published.weekday()) + dt.timedelta(weeks=shift)
    if unit == "weekend":
        saturday = monday + dt.timedelta(days=5)
        if which == "last" and saturday >= published:
            saturday -= dt.timedelta(weeks=1)
        return _week_month(saturday, saturday + dt.timedelta(days=1))
    return _week_month(monday, monday + dt.timedelta(days=6))


def _ago(published: dt.date, count: int, unit: str) -> str | None:
    if unit == "year":
        return str(published.year - count)
    if unit == "month":
        return _shift_month(published, -count)
    if unit == "day":
        return (published - dt.timedelta(days=count)).isoformat()
    day = published - dt.timedelta(weeks=count)
    monday = day - dt.timedelta(days=day.weekday())
    return _week_month(monday, monday + dt.timedelta(days=6))


def _shift_month(published: dt.date, shift: int) -> str:
    index = published.year * 12 + published.month - 1 + shift
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def _week_month(first: dt.date, last: dt.date) -> str | None:
    """A span of days is dated by its month when it lies inside one month, else it is left unresolved."""
    if (first.year, first.month) != (last.year, last.month):
        return None
    return f"{first.year:04d}-{first.month:02d}"
