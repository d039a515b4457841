"""Read the parts of a news article around its prose: headline, dateline, byline, caption, credits."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from questions.dates import MONTH_NUMBERS, MONTH_PATTERN, WEEKDAY_PATTERN, full_dates
from questions.model import Anatomy, Span

# The dateline and the published date are looked for among the first lines after the headline.
_TOP_LINES = 4
_MAX_DATELINE_CHARS = 100
# A first line that opens with a dateline is still the headline when it is this short.
_MAX_HEADLINE_CHARS = 150

_LINE = re.compile(r"[^\n]+")
_DATE_PART = (
    rf"(?:{WEEKDAY_PATTERN},?\s+)?(?:{MONTH_PATTERN}\s*\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+{MONTH_PATTERN}(?:,?\s+\d{{4}})?)"
)
_AGENCY_PART = r"\([A-Za-z][\w .&'’-]{0,30}\)"
# Atomic, so that a run of capitalised words (a headline) is not split every possible way.
_PLACE_PART = r"(?>[A-Z][A-Za-z'’.-]*(?:[ ][A-Z][A-Za-z'’.-]*){0,3})"
_PART = rf"(?:{_DATE_PART}|{_AGENCY_PART}|{_PLACE_PART})"
# A hyphen separates only with spaces around it ("LONDON, March 17 - "); "K-Tron" is one word.
_DASH = r"(?:\s+(?:--|-)\s+|\s*[–—]\s*)"
# "KHOJALY, Azerbaijan (Reuters) - ", "WASHINGTON — ", "LONDON, March 17 - ", "Friday, May 17, 2019 – Maputo – ",
# "Washington, DC–(ENEWSPF)–August 15, 2012. "
_DATELINE = re.compile(
    rf"(?P<prefix>{_PART}(?:(?:,\s*|{_DASH}|\s+){_PART}){{0,5}})"
    rf"(?P<separator>{_DASH}|\s+--?$|(?<=\d)\.\s+)(?=[\"“'‘(A-Z0-9]|$)"
)
_AGENCY = re.compile(_AGENCY_PART)
_MONTH_DAY = re.compile(rf"(?P<month>{MONTH_PATTERN})\s*(?P<day>\d{{1,2}})\b")
_DATE = re.compile(_DATE_PART)
_DATE_LINE = re.compile(rf"{_DATE_PART}(?:{_DASH}(?:{_PLACE_PART})?)?\.?")
_CAPITALS_WORD = re.compile(r"\b[A-Z]{2,}\b(?!\.)")

_BYLINE = re.compile(r"(?:By|BY)\s+(?P<names>[A-Z][^\n.!?;:]*(?:[A-Z]\.[^\n.!?;:]*)*)")
_BYLINE_SPLIT = re.compile(r"\s*(?:,|\band\b|&|\|)\s*")
_NOT_A_NAME = re.compile(
    r"\b(?:Reuters|Associated Press|AP|AFP|Bloomberg|Staff|Correspondent|Editor|Reporter|Writer|Press|Agency|"
    r"News|Times|Post|Journal|Service|Desk|in)\b"
)
# "(Reporting by A; Editing by B)", "Writing by C", "Source: hhs.gov", "© 2024 Reuters"
_CREDIT_LINE = re.compile(
    r"[(\[]?\s*(?:(?:Additional|Further)\s+[Rr]eporting|Reporting|Writing|Written|Editing|Edited|Compiled|Graphics|"
    r"Research|Translation|Translated|Production|Produced|Photos?|Video|Fact[- ]?check(?:ing)?)\s+by\s+[A-Z]"
    r"|[(\[]?\s*(?:Sources?|SOURCES?|Contact|CONTACT|Photo credit|Image credit)\s*:\s*\S[^\n]{0,80}$"
    r"|[(\[]?\s*(?:©|\([Cc]\)\s|Copyright\s|COPYRIGHT\s)[^\n]{0,80}$"
)
_TRAILING_CREDIT = re.compile(
    r"\s*[(\[](?:(?:Additional|Further)\s+reporting|Reporting|Writing|Editing|Compiled)\s+by\b[^()\[\]]*[)\]]\s*$",
    re.IGNORECASE,
)
_CAPTION_LABEL = re.compile(
    r"(?:PHOTO CAPTION|Photo caption|CAPTION|Caption|FILE PHOTO|File photo|PHOTO|Photo|PICTURE|Picture|IMAGE|"
    r"Image|PICTURED|Pictured)\s*:\s*"
)
_CAPTION_START = re.compile(r"(?:FILE PHOTO|File photo|File picture|FILE PICTURE)\b")
_PHOTO_AGENCY = (
    r"(?:REUTERS|Reuters|AP Photo|AP|AFP|EPA(?:-EFE)?|Getty Images|GETTY IMAGES|Xinhua|XINHUA|ANP|dpa|DPA|Sputnik|"
    r"SPUTNIK|TASS|Kyodo|KYODO|Yonhap|YONHAP|Pool|POOL|Handout|HANDOUT|AAP|PA Images|PA|Bloomberg|NurPhoto|"
    r"SOPA Images|ZUMA Press|Alamy|Shutterstock|[A-Z][A-Za-z]+ (?:Photo|Images|Pictures))"
)
_PHOTO_CREDIT = re.compile(
    rf"(?:^|(?<=[.!?\"”])\s+|\s+(?=[(\[]))(?P<credit>[(\[]?(?:{_PHOTO_AGENCY}(?: via [A-Z][\w ]+)?/[^\n/]{{2,60}}"
    r"(?:/[^\n/]{2,40})?|(?:Photo|Image|Picture|Photograph|Illustration)(?:\s+credit)?\s*(?::|by)\s*[^:\n]{1,80})"
    r"[)\]]?\.?)\s*$"
)


@dataclass(frozen=True)
class _Line:
    start: int
    end: int
    text: str


def read_anatomy(text: str, *, published: dt.date | None = None) -> Anatomy:
    """Return the article's anatomy: its layout parts, what is not quiz material, and the date it speaks from.

    ``published`` overrides the date found in the dateline or caption.
    """
    lines = [_Line(m.start(), m.end(), m.group()) for m in _LINE.finditer(text) if m.group().strip()]
    lines = [_strip(line) for line in lines]
    headline = Span(0, 0)
    if lines and not (len(lines[0].text) > _MAX_HEADLINE_CHARS and _dateline(lines[0].text)):
        headline = Span(lines[0].start, lines[0].end)
    excluded: list[Span] = []
    bylines: list[str] = []
    credits: list[str] = []
    captions: list[_Line] = []
    prose: list[_Line] = []
    for line in lines:
        if line.start == headline.start and line.end == headline.end:
            continue
        if _CREDIT_LINE.match(line.text):
            excluded.append(Span(line.start, line.end))
            credits.append(line.text)
        elif names := _byline(line.text):
            excluded.append(Span(line.start, line.end))
            bylines.extend(names)
        elif caption := _caption(line, excluded):
            captions.append(caption)
        else:
            if trailing := _TRAILING_CREDIT.search(line.text):
                excluded.append(Span(line.start + trailing.start(), line.end))
                credits.append(trailing.group().strip())
            prose.append(line)
    dateline, dateline_span = "", Span(0, 0)
    for line in prose[:_TOP_LINES]:
        if length := _dateline(line.text):
            dateline = line.text[:length].strip()
            dateline_span = Span(line.start, line.start + len(dateline))
            break
    return Anatomy(
        headline=text[headline.start:headline.end],
        dateline=dateline,
        byline=tuple(dict.fromkeys(bylines)),
        caption=captions[0].text if captions else "",
        credits="\n".join(credits),
        published=published or _published(dateline, captions, lines, headline),
        body=Span(prose[0].start, prose[-1].end) if prose else Span(0, 0),
        excluded=tuple(sorted(excluded, key=lambda span: span.start)),
        headline_span=headline,
        dateline_span=dateline_span,
    )


def _strip(line: _Line) -> _Line:
    stripped = line.text.strip()
    start = line.start + len(line.text) - len(line.text.lstrip())
    return _Line(start, start + len(stripped), stripped)


def _dateline(line: str) -> int:
    """Return the length of the dateline that opens the line (0 if none): place, agency and date, then a dash."""
    line = _MONTH_MISTYPED.sub(_month_cased, line[:_MAX_DATELINE_CHARS + 20]) + line[_MAX_DATELINE_CHARS + 20:]
    if _DATE_LINE.fullmatch(line):
        return len(line)
    match = _DATELINE.match(line)
    if not match or len(match["prefix"]) > _MAX_DATELINE_CHARS:
        return 0
    prefix = match["prefix"]
    if _AGENCY.search(prefix) or _DATE.search(prefix):
        return match.end("separator")
    # Capitalised words before a dash open many sentences and headlines; a dateline without an agency or a date
    # is a short city name in capitals ("WASHINGTON —", "RIO DE JANEIRO -").
    city = re.split(r"[,(]", prefix, maxsplit=1)[0]
    if _CAPITALS_WORD.search(city) and len(city.split()) <= 3 and len(prefix) <= 40:
        return match.end("separator")
    return 0


# "PALO ALTO, Calif, APril 13 -": a month the wire typed with a stray capital is still the dateline's month.
_MONTH_MISTYPED = re.compile(r"\b[A-Z][A-Z][a-z]{1,7}\b")


def _month_cased(match: re.Match[str]) -> str:
    """The word as a month is written ("April" for "APril"), as long as it was: a dateline's length stays true."""
    word = match.group(0)
    return word.capitalize() if word.lower() in MONTH_NUMBERS else word


def _byline(line: str) -> tuple[str, ...]:
    match = _BYLINE.fullmatch(line)
    if not match or len(line) > 120:
        return ()
    words = match["names"].split()
    if sum(word[0].isupper() for word in words) < 0.6 * len(words):
        return ()
    parts = [part.strip() for part in _BYLINE_SPLIT.split(match["names"]) if part.strip()]
    return tuple(part for part in parts if not _NOT_A_NAME.search(part) and len(part.split()) <= 4)


def _caption(line: _Line, excluded: list[Span]) -> _Line | None:
    """Tell whether a line is a photo caption; exclude its label and photo credit, return its prose."""
    label = _CAPTION_LABEL.match(line.text)
    credit = _PHOTO_CREDIT.search(line.text)
    if not (label or credit or _CAPTION_START.match(line.text)):
        return None
    start, end = line.start, line.end
    if label:
        excluded.append(Span(line.start, line.start + label.end()))
        start = line.start + label.end()
    if credit:
        end = max(start, line.start + credit.start("credit"))
        excluded.append(Span(end, line.end))
    prose = line.text[start - line.start:end - line.start].rstrip()
    return _Line(start, start + len(prose), prose)


def _published(dateline: str, captions: list[_Line], lines: list[_Line], headline: Span) -> dt.date | None:
    """The date the article speaks from: the dateline's, a caption's, else the first full date near the top."""
    top = [line.text for line in lines[:_TOP_LINES + 1] if not (headline.end and line.start == headline.start)]
    candidates = [dateline, *(caption.text for caption in captions), *top]
    day = _MONTH_DAY.search(dateline)
    for candidate in candidates:
        for found in full_dates(candidate):
            # A dateline that gives only the day ("LONDON, March 17 -") vouches for a full date of that day.
            if day is None or (found.month, found.day) == (MONTH_NUMBERS[day["month"].rstrip(".").lower()],
                                                           int(day["day"])):
                return found
    return None
