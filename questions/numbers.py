"""Find cardinal quantities, with their qualifier, unit and the noun phrase they count."""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from decimal import Decimal

from questions import gazetteer
from questions.clean import MAX_FACTS_PER_KIND
from questions.dates import MONTH_NUMBERS, REFERENCE_WORDS, WEEKDAY_NUMBERS, date_mentions, is_name_word, word_before
from questions.model import Fact, FactKind, Sentence

_SMALL_NUMBERS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}
_SCALES = {"hundred": 100, "thousand": 1_000, "million": 10**6, "billion": 10**9, "trillion": 10**12,
           "mln": 10**6, "mn": 10**6, "bln": 10**9, "bn": 10**9, "tn": 10**12, "trn": 10**12}
_ATTACHED_SCALES = {"m": 10**6, "bn": 10**9, "b": 10**9, "k": 1_000, "tn": 10**12, "mn": 10**6, "mln": 10**6}
_CURRENCY_SIGNS = {"$": "USD", "US$": "USD", "U.S.$": "USD", "A$": "AUD", "AU$": "AUD", "C$": "CAD", "CA$": "CAD",
                   "HK$": "HKD", "NZ$": "NZD", "S$": "SGD", "R$": "BRL", "£": "GBP", "€": "EUR", "¥": "JPY",
                   "₹": "INR", "USD": "USD", "EUR": "EUR", "GBP": "GBP", "JPY": "JPY", "CHF": "CHF", "CAD": "CAD",
                   "AUD": "AUD", "RS": "INR", "RS.": "INR"}
_CURRENCY_WORDS = {"dollar": "USD", "dollars": "USD", "dlr": "USD", "dlrs": "USD", "euro": "EUR", "euros": "EUR",
                   "sterling": "GBP", "stg": "GBP", "yen": "JPY", "yuan": "CNY", "renminbi": "CNY", "rupee": "INR",
                   "rupees": "INR", "rouble": "RUB", "roubles": "RUB", "ruble": "RUB", "rubles": "RUB",
                   "franc": "franc", "francs": "franc", "mark": "DEM", "marks": "DEM", "peso": "peso",
                   "pesos": "peso", "rand": "ZAR", "cent": "cent", "cents": "cent", "cts": "cent", "pound": "GBP",
                   "pounds": "GBP", "guilder": "NLG", "guilders": "NLG", "rial": "rial", "rials": "rial",
                   "riyal": "riyal", "riyals": "riyal", "dinar": "dinar", "dinars": "dinar", "lira": "lira",
                   "lire": "lira", "shekel": "ILS", "shekels": "ILS", "naira": "NGN", "baht": "THB", "ringgit": "MYR",
                   "crown": "crown", "crowns": "crown", "krona": "SEK", "kronor": "SEK", "kroner": "kroner",
                   "zloty": "PLN", "forint": "HUF", "rupiah": "IDR", "dirham": "AED", "dirhams": "AED"}
_DOLLAR_COUNTRIES = {"u.s.": "USD", "us": "USD", "canadian": "CAD", "australian": "AUD", "taiwan": "TWD",
                     "hong kong": "HKD", "new zealand": "NZD", "n.z.": "NZD", "singapore": "SGD", "zimbabwe": "ZWD"}
_FRANC_COUNTRIES = {"swiss": "CHF", "french": "FRF", "belgian": "BEF", "luxembourg": "LUF"}
_UNITS = {
    "year": "year", "years": "year", "month": "month", "months": "month", "week": "week", "weeks": "week",
    "day": "day", "days": "day", "hour": "hour", "hours": "hour", "minute": "minute", "minutes": "minute",
    "second": "second", "seconds": "second", "decade": "decade", "decades": "decade", "century": "century",
    "centuries": "century", "km": "km", "kilometre": "km", "kilometres": "km", "kilometer": "km",
    "kilometers": "km", "mile": "mile", "miles": "mile", "metre": "m", "metres": "m", "meter": "m", "meters": "m",
    "foot": "foot", "feet": "foot", "ft": "foot", "inch": "inch", "inches": "inch", "kg": "kg", "kilo": "kg",
    "kilos": "kg", "kilogram": "kg", "kilograms": "kg", "gram": "g", "grams": "g", "tonne": "tonne",
    "tonnes": "tonne", "ton": "ton", "tons": "ton", "lb": "pound", "lbs": "pound", "ounce": "ounce",
    "ounces": "ounce", "oz": "ounce", "barrel": "barrel", "barrels": "barrel", "bpd": "barrel per day",
    "litre": "litre", "litres": "litre", "liter": "litre", "liters": "litre", "gallon": "gallon",
    "gallons": "gallon", "acre": "acre", "acres": "acre", "hectare": "hectare", "hectares": "hectare",
    "degree": "degree", "degrees": "degree", "mph": "mph", "kph": "km/h", "km/h": "km/h", "megawatt": "MW",
    "megawatts": "MW", "mw": "MW", "gigawatt": "GW", "gigawatts": "GW", "gw": "GW", "kw": "kW",
}
_ATTACHED_UNITS = {"km": "km", "kg": "kg", "cm": "cm", "mm": "mm", "ft": "foot", "mph": "mph", "kph": "km/h",
                   "mw": "MW", "gw": "GW", "kw": "kW", "c": "degree Celsius", "f": "degree Fahrenheit",
                   "°": "degree", "°c": "degree Celsius", "°f": "degree Fahrenheit"}
_TIME_AND_MEASURE = frozenset(_UNITS) - {"degree", "degrees"}
# Unit words whose plural differs: after a number other than one, the singular is adjectival ("a 47 month term").
_SINGULAR_UNITS = frozenset(word for word in _UNITS if word.isalpha() and word + "s" in _UNITS)
# Hyphen words after a number that make it a fraction, an idiom or an approximation, not a count.
_NOT_COUNTS = frozenset("third thirds fourth fourths fifth fifths sixth sixths eighth eighths tenth tenths quarter "
                        "quarters half halves fold odd something plus and or".split())
_AGE_WORDS = frozenset("year-old years-old year-olds month-old week-old day-old".split())
# Plural nouns after "60m" that still speak of metres.
_METRE_NOUNS = frozenset("hurdles metres meters heats relays finals semis races sprints events titles records "
                         "hills waves cliffs towers deep high long wide tall".split())

_WORD_SMALL = "|".join(sorted(_SMALL_NUMBERS, key=len, reverse=True))
_WORD_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_WORD_SMALL_FULL = rf"(?:(?:{_WORD_TENS})-(?:one|two|three|four|five|six|seven|eight|nine)\b|(?:{_WORD_SMALL})\b)"
_WORD_SCALE = r"(?:hundred|thousand|million|billion|trillion)\b"
_CURRENCY_BEFORE = re.compile(r"(?:U\.S\.\s?\$|US\$|AU\$|CA\$|HK\$|NZ\$|[ACSR]\$|\$|£|€|¥|₹|"
                              r"\b(?:USD|EUR|GBP|JPY|CHF|CAD|AUD)\s?|\bRs\.?\s?)$")
_DIGITS = re.compile(r"(?P<digits>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
                     r"(?:-(?P<numerator>\d{1,2})/(?P<denominator>\d{1,2}))?")
_WORDS = re.compile(
    rf"(?i:(?:{_WORD_SMALL_FULL}|an?)\s+{_WORD_SCALE}|{_WORD_SMALL_FULL})"
    rf"(?i:(?:\s+and\s+|\s+|-)(?:{_WORD_SMALL_FULL}|{_WORD_SCALE})){{0,12}}"
)
_TOKEN = re.compile(r"[A-Za-z]+|\d+")
_WORD_SCALES = frozenset(("hundred", "thousand", "million", "billion", "trillion"))
_WORD_TOKEN = re.compile(r"[A-Za-z]+")
_SCALE_AFTER = re.compile(r"[ \t]?(?P<scale>(?i:hundred|thousand|million|billion|trillion|mln|mn|bln|bn|tn|trn))\b")
_ATTACHED_AFTER = re.compile(r"(?i:bn|mln|mn|tn|km|kg|cm|mm|ft|mph|kph|mw|gw|kw|m|k|b|c|f)\b|°[CF]?")
_PERCENT_AFTER = re.compile(r"\s?(?P<percent>%|(?i:per\s?cent|pct)\b|(?i:percentage\s+points?)\b)")
_CURRENCY_AFTER = re.compile(
    r"\s(?:(?P<country>(?i:u\.s\.|us|canadian|australian|taiwan|hong\s+kong|new\s+zealand|n\.z\.|singapore|zimbabwe|"
    r"swiss|french|belgian|luxembourg))"
    r"\s+)?(?P<currency>(?i:dollars?|dlrs?|cents?|cts|euros?|pounds?\s+sterling|sterling|stg|yen|yuan|renminbi|"
    r"rupees?|roubles?|rubles?|francs?|marks|pesos?|rand|guilders?|rials?|riyals?|dinars?|lira|lire|shekels?|naira|"
    r"baht|ringgit|crowns?|krona|kronor|kroner|zloty|forint|rupiah|dirhams?))\b"
)
_FRACTION_AFTER = re.compile(r"[ -](?i:thirds?|quarters?|fifths?|sixths?|sevenths?|eighths?|ninths?|tenths?|halves)\b")
_POUNDS_AFTER = re.compile(r"\s(?P<currency>(?i:pounds?))\b")
_MODEL_BEFORE = re.compile(r"(?<![\d,.])\d+-$")
_HYPHEN_AFTER = re.compile(r"-(?P<word>[a-z]+(?:-[a-z]+)*)\b")
_UNIT_AFTER = re.compile(
    r"\s(?P<unit>(?i:square\s+(?:km|kilometres?|kilometers?|miles?|metres?|meters?|feet))|"
    r"(?i:degrees?)(?:\s+(?:Celsius|Fahrenheit|C|F)\b)?|"
    rf"(?i:{'|'.join(sorted((unit for unit in _UNITS if unit.isalpha()), key=len, reverse=True))}))\b"
)
_TIME_AFTER = re.compile(r"(?:\s*(?:-|–|to)\s*\d{1,2}[:.]?\d\d)?\s?(?:a\.m\.|p\.m\.|"
                         r"(?i:am|pm|gmt|bst|est|edt|cst|cdt|mst|mdt|pst|pdt|cet|cest|utc|hrs|o'clock)\b)")
_RANGE_JOIN = re.compile(r"\s*(?:[-–—]|\b(?:to|and|or)\b)\s*")
# "5.93 mln against 5.81", "145.10 yen, down from 145.85": the number compared with keeps the first one's scale.
_COMPARISON_JOIN = re.compile(r",?\s+(?:(?:up|down)\s+)?(?:from|against|versus|vs\.?|compared\s+(?:with|to))\s+")
# Dealers' two-way prices: "145.10/20 yen" is bid 145.10, offer 145.20; the bid is the number.
_IN_PLACE = re.compile(r"\b(?:in|for|from|at)\s+[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)?\s+$")
# "half a million" is 500,000
_HALF = re.compile(r"(?i:half\s+an?\s+(?P<scale>dozen|hundred|thousand|million|billion|trillion))\b")
# "a quarter of a million" is 250,000: the "a million" in it is no number of its own
_FRACTION_OF = re.compile(r"(?i:(?P<count>an?|one|two|three)\s+(?P<part>half|third|quarter|fifth|tenth)s?\s+of\s+an?\s+"
                          r"(?P<scale>thousand|million|billion|trillion))\b")
_PARTS = {"half": 2, "third": 3, "quarter": 4, "fifth": 5, "tenth": 10}
_OFFER_AFTER = re.compile(r"/(?P<offer>\d{2,4})(?![\d/])")
# A capitalised number word inside a sentence belongs to a name ("Group of Five", "BBC Four") unless it opens a
# clause: after a colon, a dash, a bracket or an opening quote.
_CLAUSE_OPENING = (".", "!", "?", ":", ";", "(", "[", "\"", "“", "‘", "'", "—", "–", "-")
_BETWEEN = re.compile(r"(?i:\b(?:between|from))\s+$")
_QUALIFIER = re.compile(
    r"(?<![\w-])(?P<qualifier>(?i:(?:just|well|slightly|a\s+little)\s+(?:over|under|more\s+than|less\s+than|below|"
    r"above)|(?:no|not)\s+(?:more|fewer|less)\s+than|more\s+than|less\s+than|fewer\s+than|greater\s+than|"
    r"at\s+least|at\s+most|up\s+to|as\s+(?:many|much|few|little)\s+as|close\s+to|upwards\s+of|in\s+excess\s+of|"
    r"an\s+estimated|estimated|nearly|almost|about|around|approximately|roughly|some|over|under|below|above))"
    r"\s+$"
)
_EXACT_BEFORE = re.compile(r"(?i:\b(?:only|just|exactly|precisely))\s+$")
_AGE_BEFORE = re.compile(r"(?i:\b(?:aged|age|ages|age\s+of))\s+$")
_NAME_COMMA_BEFORE = re.compile(r"[A-Z][\w'’-]+,\s$")
_LIST_MARKER = re.compile(r"\s*\d{1,2}[.)]\s")
_PHONE = re.compile(r"\+?\(?\d{2,4}\)?[ .-]\d{3}[ .-]\d{3,4}\b|\b\d{3}-\d{4}\b")
_SCORE = re.compile(r"(?<![\d,.])(?P<first>\d{1,2})\s?[-–]\s?(?P<second>\d{1,2})(?![\d%/]|[.,]\d|\s?(?:-|–|to)\s?\d)")
_SCORE_AFTER = re.compile(r"\s?(?:(?i:win|victory|defeat|loss|lead|draw|score|scoreline|triumph|thrashing|vote|"
                          r"margin|decision|result|aggregate|sets?|drubbing|rout)\b|,\s*\d{1,2}\s?[-–]\s?\d{1,2}\b)")
_SCORE_BEFORE = re.compile(r"(?i:\b(?:won|win|wins|beat|beats|lost|lose|loses|drew|draw|led|leads|leading|trailed|"
                           r"trailing|defeated|edged|scored|score|thrashed|routed|by|at))\s+(?:[A-Z][\w'’.-]*\s+){0,3}$")
_YEAR_RANGE = re.compile(r"\b(?:1[5-9]|20)\d\d[-–/]\d\d?(?:\d\d)?\b")
_NEXT_WORD = re.compile(r"[ \t]*(?P<word>[A-Za-z][\w'’.-]*)")
_ACRONYM = re.compile(r"(?:[A-Za-z]\.)+")
_OF_LEAD = re.compile(r"\s+of\s+(?:(?i:the|its|their|his|her|our|my|your|these|those|this|that|all)\s+)?")
_OF_AFTER = re.compile(r"\s+of\b")
_MONEY_LEAD = re.compile(r"\s+(?:in|of|worth\s+of)\s+")
_PER_LEAD = re.compile(r"\s+(?P<lead>per|a|an|each)\s+(?P<word>year|month|week|day|hour|minute|second|share|person|head"
                       r"|capita|tonne|ton|barrel|kilo|kg|litre|gallon)\b")
_TITLE_CASE_SHARE = 0.7

_STOP_WORDS = frozenset("""
a an the this that these those its their his her our my your all some any each every no both either neither such
in on at to from for with by about over under into onto since during after before than as per across through
between among against toward towards within without via like near off up down out upon around behind beyond
but because while when where whereas if so though although unless until whether yet nor
who which whom whose what it they he she we you i me him them us there here
is are was were be been being am has have had do does did will would shall should can could may might must
also only just still now then already more less fewer most least not n't ago apiece respectively too very
last next earlier later yesterday today tomorrow tonight each other another many much several few
said says say told added noted according including included include includes totaling totalling total
percent per cent pct million billion trillion thousand hundred mln bln
""".split())
_VERBS = frozenset("""
die died dies dying become became becomes take took taken takes make made makes go went gone goes come came comes
remain remained remains faced needed wanted get got gets give gave given gives fled flee flees left leave won lose
lost loses rose grew grow grows paid met meet meets saw see sees began begin begins held kept keep keeps sold sell
sells bought buy buys built brought bring brings thought found find finds ran spent spend spends sent send sends
stood struck fought flew knew drove wrote broke chose spoke shot threw attended joined join joins tried try tries
appeared appear appears seemed seem seems helped showed shown live lived are were was is be been heard
""".split())
# Words in -ing that are nouns inside a counted phrase ("$5 million in additional funding").
_ING_NOUNS = frozenset("""
housing training building buildings funding spending shipping banking mining manufacturing parking processing
landing marketing planning accounting clothing printing nursing lending trading fishing farming opening meeting
hearing ruling warning recording screening offering financing borrowing earnings savings holdings listing
broadcasting engineering advertising heating cooling lighting packaging catering bombing shooting fighting
""".split())
_COMPARATIVES = frozenset("vs versus higher lower below above more less bigger smaller larger better worse up down long wide "
                          "high deep tall old away apart ago".split())
_MAX_COUNTS_WORDS = 6


@dataclass(frozen=True)
class _Number:
    """One quantity as read from a sentence: its span there and what was learnt about it."""

    start: int
    end: int
    value: Decimal
    digits: bool
    scale: int = 1  # the multiplier of a scale word or suffix ("million", "bn")
    currency: str | None = None
    unit: str | None = None
    hyphenated: bool = False  # "two-year": the number modifies the noun phrase after it
    label_like: bool = False  # after a capitalised word: a label ("Apollo 11") unless a unit or scale follows
    qualifier: str | None = None
    counts: str | None = None


def find_numbers(sentences: tuple[Sentence, ...]) -> tuple[Fact, ...]:
    """Return the number facts of the sentences: every cardinal quantity, money and percentages included.

    A fact's ``text`` covers its qualifier, currency, scale and percent sign ("more than $1.2 billion");
    ``counts`` is the noun phrase written after it ("1,960 Russian peacekeepers" counts "Russian peacekeepers";
    "a two-year mission" counts "mission" with unit "year"). Years, days of the month, times, ordinals, vague
    amounts ("thousands"), numbers inside names ("Apollo 11"), "one" as a pronoun and scores are not numbers.
    At most ``MAX_FACTS_PER_KIND`` facts are returned, the first ones of the article.
    """
    facts: list[Fact] = []
    for sentence in sentences:
        left = MAX_FACTS_PER_KIND - len(facts)
        if left <= 0:
            break
        for number in numbers_in(sentence.text, limit=left):
            facts.append(Fact(
                kind=FactKind.NUMBER, text=sentence.text[number.start:number.end], value=_plain(number.value),
                start=sentence.start + number.start, end=sentence.start + number.end, sentence=sentence,
                counts=number.counts, unit=number.currency or number.unit, qualifier=number.qualifier,
            ))
    return tuple(facts)


def numbers_in(text: str, *, limit: int = MAX_FACTS_PER_KIND) -> list[_Number]:
    """Return the first ``limit`` quantities of one sentence, in order."""
    # The patterns are tried only where a token can open a number: a digit or a number word.
    tokens = list(_TOKEN.finditer(text))
    starts = []
    for index, token in enumerate(tokens):
        word = token.group()
        if word[0].isdigit():
            position = token.start()
            if not (position > 1 and text[position - 1] in ",." and text[position - 2].isdigit()):
                starts.append((position, True))
        else:
            lowered = word.lower()
            if lowered in _SMALL_NUMBERS or lowered in ("a", "an") and index + 1 < len(tokens) \
                    and tokens[index + 1].group().lower() in _WORD_SCALES \
                    or lowered == "half" and _HALF.match(text, token.start()) \
                    or lowered in ("a", "an", "one", "two", "three") and _FRACTION_OF.match(text, token.start()):
                starts.append((token.start(), False))
    if not starts:
        return []
    blocked = [(mention.start, mention.end) for mention in date_mentions(text)]
    if any(is_digits for _, is_digits in starts):
        blocked += [match.span() for match in _PHONE.finditer(text)]
        blocked += [match.span() for match in _YEAR_RANGE.finditer(text)]
        blocked += [match.span() for match in _SCORE.finditer(text) if _is_score(text, match)]
    title_case = _is_title_case(text)
    blocked.sort()
    numbers: list[_Number] = []
    covered = 0
    next_block = 0
    for position, is_digits in starts:
        while next_block < len(blocked) and blocked[next_block][1] <= position:
            next_block += 1
        if position < covered or next_block < len(blocked) and blocked[next_block][0] <= position:
            continue
        number = _read_digits(text, position, title_case) if is_digits else _read_words(text, position, title_case)
        if number is not None and (number := _complete(text, number)) is not None:
            numbers.append(number)
            covered = number.end
            if len(numbers) >= limit:
                break
    return _share_comparison_suffixes(text, _share_range_suffixes(text, numbers))


def _complete(text: str, number: _Number) -> _Number | None:
    """Add suffix, qualifier and counted noun phrase; None for fractions and "one" as a pronoun."""
    if _FRACTION_AFTER.match(text, number.end):
        return None  # "two thirds"
    if (number := _with_suffix(text, number)) is None:
        return None
    if number.label_like and number.scale == 1 and not (number.currency or number.unit):
        return None  # "Apollo 11", "Boeing 737"; but "Turnover 1.82 billion dlrs"
    if number.counts == "age":
        return _with_qualifier(text, number)
    number = _with_qualifier(text, number)
    if number.value == 1 and not number.digits and not _one_is_a_count(text, number):
        return None
    if number.digits and _is_age(text, number):
        return replace(number, unit="year", counts="age")
    return replace(number, counts=_counts(text, number))


def _read_digits(text: str, start: int, title_case: bool) -> _Number | None:
    """Read the digits at ``start``, or None when they are a year, a label, a time, an ordinal or part of a code."""
    match = _DIGITS.match(text, start)
    end = match.end()
    before = text[start - 1] if start else ""
    if before.isalnum() or before in "_./#@:\\" or before == "-" and start >= 2 and text[start - 2].isalpha():
        return None
    if before == "-" and (model := _MODEL_BEFORE.search(text, max(0, start - 12), start)) and \
            _after_name(text, model.start(), title_case):
        return None  # "Boeing 747-400": the second half of a model's name, as the first is
    if end < len(text) and text[end] == "/" and (offer := _OFFER_AFTER.match(text, end)) \
            and "." in match["digits"] and len(offer["offer"]) <= len(match["digits"].partition(".")[2]):
        end = offer.end()  # "145.10/20": a bid and the last digits of its offer
    elif end < len(text) and (text[end] == "/" or text[end] == ":" and text[end + 1:end + 2].isdigit()):
        return None
    if _TIME_AFTER.match(text, end) or start == 0 and _LIST_MARKER.match(text, start):
        return None
    sign = _CURRENCY_BEFORE.search(text, max(0, start - 6), start)
    currency = _CURRENCY_SIGNS.get(sign.group().upper().replace(" ", "")) if sign else None
    if not currency and (_after_reference_word(text, start) or _looks_like_year(match["digits"])
                         and not _UNIT_AFTER.match(text, end) and not _PERCENT_AFTER.match(text, end)):
        return None
    value = Decimal(match["digits"].replace(",", ""))
    if match["numerator"]:
        if int(match["denominator"]) == 0:
            return None
        value += Decimal(match["numerator"]) / Decimal(match["denominator"])
    return _Number(sign.start() if currency else start, end, value, digits=True, currency=currency,
                   label_like=not currency and _after_name(text, start, title_case))


def _read_words(text: str, start: int, title_case: bool) -> _Number | None:
    if half := _HALF.match(text, start):
        scale = _SCALES.get(half["scale"].lower(), 12)
        return _Number(start, half.end(), Decimal(scale) / 2, digits=False, scale=scale)
    if fraction := _FRACTION_OF.match(text, start):
        scale = _SCALES.get(fraction["scale"].lower(), 12)
        count = 1 if fraction["count"].lower() in ("a", "an", "one") else _SMALL_NUMBERS[fraction["count"].lower()]
        value = Decimal(scale) * count / _PARTS[fraction["part"].lower()]
        return _Number(start, fraction.end(), value, digits=False, scale=scale)
    match = _WORDS.match(text, start)
    if match is None or match.end() < len(text) and text[match.end()].isalnum():
        return None
    parsed = _parse_words(text, start, match.end())
    if parsed is None:
        return None
    value, scale, end = parsed
    before = word_before(text, start)
    if text[start].isupper() and before and not title_case \
            and (is_name_word(before) or text[end:end + 2].strip()[:1].isupper()
                 or not _opens_clause(text, start)):
        return None  # "Formula One", "the Big Three", "the Six Nations", "Group of Five"
    if _after_reference_word(text, start) or _after_name(text, start, title_case):
        return None
    return _Number(start, end, Decimal(value), digits=False, scale=scale)


def _parse_words(text: str, start: int, end: int) -> tuple[int, int, int] | None:
    """Value of number words ("one hundred and ten", "two thousand"), the last scale and where valid words end."""
    total = current = 0
    previous = ""
    scale = 1
    last_end = start
    tokens = list(_WORD_TOKEN.finditer(text, start, end))
    for index, token in enumerate(tokens):
        word = token.group().lower()
        if word == "and":
            following = tokens[index + 1].group().lower() if index + 1 < len(tokens) else ""
            if previous in _SCALES and following in _SMALL_NUMBERS:
                continue
            break
        if word in ("a", "an") and index == 0:
            previous = "a"
            continue
        if word in _SMALL_NUMBERS:
            small = _SMALL_NUMBERS[word]
            if previous in _SMALL_NUMBERS:
                tens = _SMALL_NUMBERS[previous]
                if not (tens >= 20 and tens % 10 == 0 and 0 < small < 10):
                    break
            current += small
            scale = 1
        elif word == "hundred":
            if previous == "hundred" or current >= 100:
                break
            current = (current or 1) * 100
            scale = 100
        elif word in _SCALES:
            if previous in _SCALES and previous != "hundred" and _SCALES[previous] <= _SCALES[word]:
                break
            total += (current or 1) * _SCALES[word]
            current = 0
            scale = _SCALES[word]
        else:
            break
        previous = word
        last_end = token.end()
    if last_end == start or previous == "a":
        return None
    return total + current, scale, last_end


def _with_suffix(text: str, number: _Number) -> _Number | None:
    """Extend a number over its scale, currency word, percent sign or hyphenated unit; note a unit word after it."""
    end, scale, currency, unit, hyphenated = number.end, number.scale, number.currency, number.unit, False
    multiplier = 1
    if number.digits and end < len(text) and (text[end].isalpha() or text[end] == "°"):
        attached = _ATTACHED_AFTER.match(text, end)
        if not attached:
            return None  # "2nd", "5G", "1990s", "10am"
        suffix = attached.group().lower()
        if suffix in _ATTACHED_SCALES and (suffix != "m" or _m_is_million(text, number, attached.end())) \
                and (currency or suffix not in ("k", "b") or _CURRENCY_AFTER.match(text, attached.end())):
            multiplier = _ATTACHED_SCALES[suffix]
        elif suffix in _ATTACHED_UNITS or suffix == "m":
            unit = _ATTACHED_UNITS.get(suffix, "m")
        else:
            return None
        end = attached.end()
    if found := _SCALE_AFTER.match(text, end):
        multiplier *= _SCALES[found["scale"].lower()]
        end = found.end()
    scale *= multiplier
    if percent := _PERCENT_AFTER.match(text, end):
        unit = "percentage point" if percent["percent"].lower().startswith("percentage") else "percent"
        end = percent.end()
    elif after := _CURRENCY_AFTER.match(text, end) or (scale > 1 or currency) and _POUNDS_AFTER.match(text, end):
        currency = _CURRENCY_WORDS.get(after["currency"].lower().split()[-1], currency)
        if after.groupdict().get("country") and currency == "USD":
            currency = _DOLLAR_COUNTRIES.get(" ".join(after["country"].lower().split()), currency)
        elif after.groupdict().get("country") and currency == "franc":
            currency = _FRANC_COUNTRIES.get(after["country"].lower(), currency)
        end = after.end()
    elif (hyphen := _HYPHEN_AFTER.match(text, end)) and not currency and scale == 1:
        word = hyphen["word"]
        head = word.split("-")[0]
        if head in _NOT_COUNTS or number.value == 1 and not number.digits and head not in _TIME_AND_MEASURE:
            return None  # "two-thirds", "one-off"
        if word in _AGE_WORDS:
            return replace(number, end=hyphen.end(), unit="year", counts="age")
        unit = _UNITS.get(head)
        hyphenated = True
        end = hyphen.end()
    if unit is None and currency is None and (word := _UNIT_AFTER.match(text, end)):
        unit = _unit_name(word["unit"])
    value = number.value * multiplier
    return replace(number, end=end, value=value, scale=scale, currency=currency, unit=unit, hyphenated=hyphenated)


def _unit_name(written: str) -> str:
    """The unit's name from how it is written: "degrees C" is "degree Celsius", "kilometres" is "km"."""
    words = written.split()
    head = words[0].lower()
    if head.startswith("degree"):
        scale = {"c": "Celsius", "f": "Fahrenheit"}.get(words[1].lower(), words[1]) if len(words) > 1 else ""
        return f"degree {scale}".strip()
    if head == "square":
        return "square " + _UNITS.get(words[1].lower(), words[1].lower())
    return _UNITS.get(head, head)


def _with_qualifier(text: str, number: _Number) -> _Number:
    found = _QUALIFIER.search(text, max(0, number.start - 30), number.start)
    if not found:
        return number
    return replace(number, start=found.start("qualifier"), qualifier=" ".join(found["qualifier"].lower().split()))


def _one_is_a_count(text: str, number: _Number) -> bool:
    """"one" is a pronoun far more often than a count: keep it with a unit, a scale, a currency or a hedge."""
    if number.unit == "day" and not number.qualifier and not number.hyphenated:
        return False  # "one day" is an idiom
    if _OF_AFTER.match(text, number.end):
        return False  # "one of the companies"
    return bool(number.scale > 1 or number.currency or number.unit or number.qualifier
                or _EXACT_BEFORE.search(text, max(0, number.start - 12), number.start))


def _is_age(text: str, number: _Number) -> bool:
    """"aged 45" and "Jane Doe, 45," give an age."""
    if number.unit or number.currency or number.scale > 1 or number.value >= 120 or number.qualifier:
        return False
    if _AGE_BEFORE.search(text, max(0, number.start - 12), number.start):
        return True
    return bool(_NAME_COMMA_BEFORE.search(text, max(0, number.start - 40), number.start)) \
        and text[number.end:number.end + 1] in (",", ")")


def _counts(text: str, number: _Number) -> str | None:
    """The noun phrase the number counts, as written after it."""
    if number.hyphenated:
        return _noun_phrase(text, number.end)  # "a two-year Russian mission": the mission
    if not number.currency and number.unit not in ("percent", "percentage point"):
        if unit := _UNIT_AFTER.match(text, number.end):
            written = unit["unit"]
            if written.lower() in _SINGULAR_UNITS and number.value != 1:
                if phrase := _noun_phrase(text, unit.end()):
                    return phrase  # "a 47 month prison term": the prison term
            phrase_end = unit.end()
            if per := _PER_LEAD.match(text, phrase_end):
                phrase_end = per.end()
            return " ".join(text[unit.start("unit"):phrase_end].split())
    if phrase := _noun_phrase(text, number.end):
        return phrase
    lead = _OF_LEAD.match(text, number.end)
    if not lead and (number.currency or number.unit or number.scale > 1):
        lead = _MONEY_LEAD.match(text, number.end)
    return _noun_phrase(text, lead.end()) if lead else None


def _noun_phrase(text: str, position: int) -> str | None:
    """Up to six words from ``position`` that look like a noun phrase: stop at function words, verbs, punctuation."""
    spans: list[tuple[int, int]] = []
    joined_of = False
    while len(spans) < _MAX_COUNTS_WORDS:
        found = _NEXT_WORD.match(text, position)
        if not found or spans and found.start("word") == position:
            break
        written = found["word"]
        word = written if _ACRONYM.fullmatch(written) else written.rstrip(".")
        lowered = word.lower()
        start = found.start("word")
        if lowered in ("and", "or", "of"):
            following = _NEXT_WORD.match(text, found.end())
            next_word = following["word"].lower().rstrip(".") if following else ""
            if not spans or not next_word or next_word in _STOP_WORDS or next_word in _VERBS \
                    or not next_word[0].isalpha() or lowered == "of" and joined_of \
                    or next_word.endswith(("'", "’", "'s", "’s")):
                break  # "800,000 members and Amicor' 20,000": the next owner starts a new phrase
            joined_of = joined_of or lowered == "of"
        elif word[0].islower() and (lowered in _STOP_WORDS or lowered in _VERBS) or lowered in _SCALES \
                or lowered in MONTH_NUMBERS or lowered in WEEKDAY_NUMBERS or lowered in _COMPARATIVES:
            break
        elif spans and _is_participle(lowered, text[spans[-1][0]:spans[-1][1]].lower()):
            break  # "agreements totaling", "programme ended"; but "additional funding", "newly elected"
        spans.append((start, start + len(word)))
        position = start + len(word)
        if len(word) != len(written):
            break
    while spans and text[spans[-1][0]:spans[-1][1]].lower() in ("and", "or", "of"):
        spans.pop()
    if not spans:
        return None
    return " ".join(text[spans[0][0]:spans[-1][1]].split())


def _is_participle(word: str, previous: str) -> bool:
    """Tell whether a word after the start of a noun phrase is a verb form that ends the phrase."""
    if "-" in word or len(word) <= 4 or previous.endswith("ly"):
        return False
    if word.endswith("ed"):
        return not word.endswith("eed")
    return word.endswith("ing") and word not in _ING_NOUNS


def _share_range_suffixes(text: str, numbers: list[_Number]) -> list[_Number]:
    """In "10 to 20 million people" and "between 5 and 10 pct" the first number takes the second's scale and unit."""
    shared = list(numbers)
    for index in range(len(numbers) - 1):
        first, second = numbers[index], numbers[index + 1]
        join = _RANGE_JOIN.match(text, first.end)
        if not join or join.end() != second.start or first.scale > 1 or first.unit or first.currency:
            continue
        if join.group().strip().lower() == "and" and not _BETWEEN.search(text, max(0, first.start - 12), first.start):
            continue
        value, scale = first.value, first.scale
        if second.scale > 1 and first.value < second.value / second.scale:
            value, scale = first.value * second.scale, second.scale
        shared[index] = replace(first, value=value, scale=scale, currency=second.currency, unit=second.unit,
                                counts=second.counts)
    return shared


def _opens_clause(text: str, start: int) -> bool:
    before = text[max(0, start - 3):start].rstrip()
    return not before and not text[:start].strip() or before.endswith(_CLAUSE_OPENING)


def _share_comparison_suffixes(text: str, numbers: list[_Number]) -> list[_Number]:
    """"5.93 mln against 5.81", "145.10 yen, down from 145.85": a bare number compared with one of a similar size
    takes its scale, currency and unit."""
    shared = list(numbers)
    for index in range(1, len(numbers)):
        first, second = shared[index - 1], numbers[index]
        join = _COMPARISON_JOIN.match(text, first.end)
        if not join or join.end() != second.start or second.scale > 1 or second.currency or second.unit \
                or not second.digits or not (first.scale > 1 or first.currency or first.unit):
            continue
        written = first.value / first.scale
        if not written or not Decimal("0.1") <= second.value / written <= 10:
            continue
        shared[index] = replace(second, value=second.value * first.scale, scale=first.scale, currency=first.currency,
                                unit=first.unit)
    return shared


def _after_reference_word(text: str, start: int) -> bool:
    """A number after "No.", "number", "page" or "section" is a label, not a quantity."""
    return word_before(text, start).lower() in REFERENCE_WORDS


def _after_name(text: str, start: int, title_case: bool) -> bool:
    """Tell whether a capitalised name word stands right before the number ("Apollo 11", "Formula One")."""
    before = word_before(text, start)
    if title_case or not is_name_word(before) or not start or text[start - 1] != " ":
        return False
    if _IN_PLACE.search(text, max(0, start - 40), start) and gazetteer.lookup(before) is not None:
        return False  # "in Scotland 53,000": a place, then its figure
    return not text[max(0, start - 40):start].rstrip().endswith((",", ";", ":", "(", "—", "–", '"', "“"))


def _is_score(text: str, match: re.Match[str]) -> bool:
    """Two small numbers joined by a dash are a score ("6-4", "won 2-1") unless a unit or noun shows a range."""
    end = match.end()
    if _PERCENT_AFTER.match(text, end) or _UNIT_AFTER.match(text, end) or _SCALE_AFTER.match(text, end) \
            or _CURRENCY_AFTER.match(text, end) or match.start() and text[match.start() - 1] in "$£€":
        return False
    if _SCORE_AFTER.match(text, end) or _SCORE_BEFORE.search(text, max(0, match.start() - 40), match.start()):
        return True
    return int(match["first"]) >= int(match["second"])


def _m_is_million(text: str, number: _Number, end: int) -> bool:
    """"£5m" and "5m euros" or "5m people" are millions; "the 800m", "1.87m" and "a 60m hurdles" are metres."""
    if number.currency or _CURRENCY_AFTER.match(text, end):
        return True
    following = _NEXT_WORD.match(text, end)
    word = following["word"].lower().rstrip(".") if following and not text[end:following.start("word")].strip() else ""
    return len(word) > 3 and word.endswith("s") and word not in _METRE_NOUNS


def _looks_like_year(digits: str) -> bool:
    return len(digits) == 4 and digits.isdigit() and 1500 <= int(digits) <= 2099


def _is_title_case(text: str) -> bool:
    words = [word for word in text.split() if word[:1].isalpha()]
    if len(words) < 4:
        return False
    return sum(word[0].isupper() for word in words) >= _TITLE_CASE_SHARE * len(words)


def _plain(value: Decimal) -> int | float:
    return int(value) if value == value.to_integral_value() else float(value)
