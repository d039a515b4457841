"""Split article text into sentences that keep their character offsets.

A regular-expression splitter with abbreviation lists, not pysbd: pysbd segments at best 40,000 words/s on one
core (measured on 300 benchmark articles; 8 ms for the 400-word seed article), which alone would spend half of
the engine's budget of 20,000 words/s for the whole pipeline. This splitter runs at about 1,000,000 words/s
(0.2 ms for the seed article) on the same articles.
"""
from __future__ import annotations

import bisect
import re

from questions.model import Anatomy, Sentence, Span

# News sentences stay under 700 characters (the longest of 3,400 benchmark articles is 648). A longer run without a
# full stop is a table or a list; it is cut at spaces into pieces of at most this length, so that no later stage
# and no question's explanation carries a page-long "sentence".
MAX_SENTENCE_CHARS = 2_000
_LINE = re.compile(r"[^\n]+")
# A candidate end: terminal punctuation, closing quotes or brackets, then a capital, a digit or an opening
# quote (the next sentence), or the end of the text.
_CANDIDATE = re.compile(r"(?:[.!?…]+)[\"'”’)\]]*(?=\s+[\"'“‘(\[]*[A-Z0-9]|\s*$)")
_TOKEN_BEFORE = re.compile(r"[\"'“‘(\[]*([\w.&'’-]*)$")
_NEXT_WORD = re.compile(r"\s+([\"'“‘(\[]*)([\w'’]*)")
_QUOTE = re.compile(r"''|[\"“”]")
_CONTINUES = re.compile(r"\s*(?:[a-z,;:]|—|–|-)")
_DOTTED_ACRONYM = re.compile(r"(?:[A-Za-z]\.){2,}|[A-Za-z]\.?")

# Abbreviations that never end a sentence: titles and reference words before a name or a number.
_TITLES = frozenset("""
mr mrs ms messrs mme mlle dr prof gen lt col maj capt cpt sgt cpl pvt adm cmdr cdr rev fr hon gov sen rep pres supt atty
det insp brig cmdt amb st ste mt ft vs approx ca cf e.g i.e al fig figs para pp
""".split())
# Abbreviations that end a sentence only before a number-free word ("Jan. 5" goes on, "in Jan. The" ends).
_BEFORE_NUMBERS = frozenset("jan feb mar apr jun jul aug sep sept oct nov dec no nos vol art sec ch p op".split())
# Abbreviations (and initials, dotted acronyms) that end a sentence only when a typical sentence opener follows:
# "sold in the U.S. The company said" ends, "the U.S. Federal Court" goes on.
_MAY_END = frozenset("inc corp co ltd plc llc bros jr sr etc dept univ assn est".split())
# A time ("9 a.m.") ends a sentence before any capitalised word but a zone or a day.
_AFTER_TIMES = frozenset("""
gmt utc bst cet cest est edt cst cdt mst mdt pst pdt et pt local monday tuesday wednesday thursday friday saturday
sunday
""".split())
_OPENERS = frozenset("""
the a an he she it they we i you his her its their our my your this that these those there here but and or so yet
however meanwhile in on at for with by from after before when while as if although though since because during
despite according also other others some many most more several both all each one two three four five six seven
eight nine ten no not officials police what who why how where which then now still last next earlier later
""".split())


def split_sentences(text: str, *, anatomy: Anatomy) -> tuple[Sentence, ...]:
    """Return the quiz-worthy sentences of the article, never across a line break, skipping excluded spans.

    Each sentence's ``text`` is exactly ``text[start:end]``, without surrounding whitespace. A dateline opens the
    first sentence of its line; a quotation followed by its attribution ('"…," he said.') stays one sentence.
    """
    sentences: list[Sentence] = []
    excluded = sorted(anatomy.excluded, key=lambda span: span.start)
    ends = [span.end for span in excluded]
    for line in _LINE.finditer(text):
        for start, end in _segments(line.start(), line.end(), excluded, ends):
            sentences.extend(_split_segment(text, start, end, anatomy.dateline_span))
    return tuple(sentences)


def _segments(start: int, end: int, excluded: list[Span], ends: list[int]) -> list[tuple[int, int]]:
    """The parts of ``[start, end)`` outside the excluded spans (sorted by start, with their ends alongside)."""
    parts = []
    for index in range(bisect.bisect_right(ends, start), len(excluded)):
        span = excluded[index]
        if span.start >= end:
            break
        if span.start > start:
            parts.append((start, span.start))
        start = max(start, span.end)
    if start < end:
        parts.append((start, end))
    return parts


def _split_segment(text: str, start: int, end: int, dateline: Span) -> list[Sentence]:
    segment = text[start:end]
    blocked = _continued_quotes(segment) if ("\"" in segment or "“" in segment or "''" in segment) else []
    opens = [open_ for open_, _ in blocked]  # the spans come in order and do not overlap
    sentences = []
    begin = 0
    last = len(segment.rstrip())
    for candidate in _CANDIDATE.finditer(segment):
        stop = candidate.end()
        if stop >= last:
            break
        if start + stop <= dateline.end and start < dateline.end:
            continue
        inside = bisect.bisect_left(opens, candidate.start()) - 1
        if inside >= 0 and candidate.start() < blocked[inside][1]:
            continue
        if not _ends_sentence(segment, candidate.start(), candidate.group(), stop):
            continue
        _append(sentences, text, start + begin, start + stop)
        begin = stop
    _append(sentences, text, start + begin, end)
    return sentences


def _append(sentences: list[Sentence], text: str, start: int, end: int) -> None:
    while end - start > MAX_SENTENCE_CHARS:
        cut = text.rfind(" ", start + MAX_SENTENCE_CHARS // 2, start + MAX_SENTENCE_CHARS)
        cut = cut if cut > start else start + MAX_SENTENCE_CHARS
        _append(sentences, text, start, cut)
        start = cut
    piece = text[start:end]
    stripped = piece.strip()
    if not any(char.isalnum() for char in stripped):
        return
    start += len(piece) - len(piece.lstrip())
    sentences.append(Sentence(stripped, start, start + len(stripped)))


def _ends_sentence(segment: str, position: int, punctuation: str, stop: int) -> bool:
    """Tell whether the punctuation at ``position`` ends a sentence, looking at the word before and after it."""
    if punctuation[0] != "." or punctuation.startswith(".."):
        return True
    token = _TOKEN_BEFORE.search(segment, max(0, position - 40), position)
    word = (token.group(1) if token else "").lower()
    if not word:
        return True
    following = _NEXT_WORD.match(segment, stop)
    opening, next_word = (following.group(1), following.group(2)) if following else ("", "")
    if word in _TITLES:
        return False
    if word in _BEFORE_NUMBERS:
        return not next_word[:1].isdigit()
    if word in ("a.m", "p.m"):
        return next_word.lower() not in _AFTER_TIMES
    if word in _MAY_END or _DOTTED_ACRONYM.fullmatch(word + "."):
        if next_word in ("And", "Or") and re.match(r"\s+[A-Z]", segment[following.end():]):
            return False  # "The U.S. And Western Europe have pledged": the wire capitalises after "U.S."
        return bool(opening) or next_word.lower() in _OPENERS
    if len(word) <= 4 and len(next_word) == 1 and next_word.isupper() and not opening and \
            _INITIAL_THEN_NAME.match(segment, following.end()):
        return False  # "firms such as Fiat and Ing. C. Olivetti": a short title before a name's initial
    return True


_INITIAL_THEN_NAME = re.compile(r"\.\s+[A-Z][a-z]")


def _reopens(segment: str, position: int) -> bool:
    """A straight quotation mark after a space and before a word opens a quotation, whatever came before."""
    before = segment[position - 1] if position else " "
    after = segment[position + 1] if position + 1 < len(segment) else " "
    return before.isspace() and (after.isalnum() or after in "‘'")


def _continued_quotes(segment: str) -> list[tuple[int, int]]:
    """Spans of quotations that the sentence goes on after ('"…," he said'): no sentence ends inside them."""
    spans = []
    opened: int | None = None
    for mark in _QUOTE.finditer(segment):
        char = mark.group()
        if opened is None:
            if char != "”":
                opened = mark.end()
            continue
        if char == "“" or char == '"' and _reopens(segment, mark.start()):
            opened = mark.end()  # the quotation before was left open: a new paragraph of it, or a new one
            continue
        close = mark.start()
        inner_end = segment[max(0, close - 20):close].rstrip()
        if inner_end.endswith((",", "—", "–", "-", ":", ";")) or _CONTINUES.match(segment, mark.end()) \
                and not inner_end.endswith((".", "!", "?", "…")):
            spans.append((opened, close))
        opened = None
    return spans
