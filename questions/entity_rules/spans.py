"""Candidate spans: runs of capitalised words and the connectors and signs that hold one name together."""
from __future__ import annotations

import re

from questions import gazetteer
from questions.entity_rules.document import EntityText, acronym_after, initials_match
from questions.entity_rules.roles import common_surname_after_role
from questions.lexicon import (
    DEMONYMS, HEADLINE_WORDS, LEGAL_SUFFIXES, MONTHS, NEWS_AGENCIES, ORG_HEADS, PLACE_HEADS, ROLE_FILLERS,
    SURNAME_WORDS, WEEKDAYS,
)
from questions.names import Token, date_word, name_word, ordinary_word, title_word


def may_open(doc: EntityText, index: int) -> bool:
    """Whether a capitalised word may start a name: not shouted, no model number, date or month range."""
    token = doc.tokens[index]
    if not token.capitalised or shouted(doc, index):
        return False
    if index and doc.tokens[index - 1].end == token.start and doc.tokens[index - 1].text[:1].isdigit():
        return False  # "7E7", "4x4": a model number
    previous = doc.tokens[index - 1] if index else None
    following = doc.tokens[index + 1] if index + 1 < len(doc.tokens) else None
    if _CREDIT_RATING.fullmatch(token.text):
        return False  # "bonds rated A-1/A-plus of Virginia Electric": a rating, not the firm's first word
    return not date_word(token, previous, following) and not month_range(token)


_CREDIT_RATING = re.compile(r"(?:A{1,3}|B{1,3}|C{1,3}|Aa|Baa|Ba|Caa)(?:-?[1-3])?-(?:plus|minus)|"
                            r"(?:Aa|Baa|Ba|Caa|A|P)-?[1-3]")


def continues(doc: EntityText, index: int) -> bool:
    """Whether the capitalised word at ``index`` carries on the name before it."""
    token = doc.tokens[index]
    if not token.capitalised or shouted(doc, index):
        return False
    if token.lower in HEADLINE_WORDS and token.text != "&" and not surname_after_name(doc, index):
        return False
    return not date_word(token, doc.tokens[index - 1], doc.tokens[index + 1] if index + 1 < len(doc.tokens)
                         else None) or common_surname_after_role(doc, index - 1, index + 1)


def partnership_comma(doc: EntityText, start: int, index: int) -> bool:
    """"Goldman, Sachs and Co", "Smith Barney, Harris Upham and Co": the partners' names, then "and Co".

    Only when the run before the comma opens the sentence's list (no comma before it) and is no place.
    """
    tokens = doc.tokens
    if tokens[index].text != "," or not 1 <= index - start <= 2 or start and tokens[start - 1].text == "," \
            or gazetteer.lookup(doc.article.span_text(start, index)) is not None:
        return False
    end = index + 1
    while end < len(tokens) and end - index <= 3 and tokens[end].capitalised \
            and tokens[end].sentence == tokens[index].sentence:
        end += 1
    return index + 1 < end < len(tokens) - 1 and tokens[end].lower in ("and", "&") \
        and tokens[end + 1].lower in ("co", "co.", "company")


def bracket_inside_name(doc: EntityText, index: int) -> bool:
    """"Extended Battery Life (EBL) Working Group", "Cheung Kong (Holdings) Ltd": one word in brackets inside
    a name that goes on to an organisation's head word or a company's suffix."""
    tokens = doc.tokens
    if index + 3 >= len(tokens) or tokens[index].text != "(" or tokens[index + 2].text != ")":
        return False
    inside, after = tokens[index + 1], tokens[index + 3]
    return inside.word and inside.capitalised and after.capitalised and after.start > tokens[index + 2].end \
        and inside.sentence == after.sentence == tokens[index - 1].sentence and continues(doc, index + 3) \
        and org_head_ahead(doc, index + 3)


def surname_after_name(doc: EntityText, index: int) -> bool:
    """"Theresa May", "Will Young": a common word that is a surname, right after a first name."""
    token, previous = doc.tokens[index], doc.tokens[index - 1]
    return token.lower in SURNAME_WORDS and not token.acronym and previous.sentence == token.sentence \
        and name_word(previous, doc.article, given=True) \
        and (index - 1 not in doc.article.initial or previous.lower not in doc.article.lowercase)


def listed_before(doc: EntityText, start: int, previous: int) -> bool:
    """Whether the words before "and" end a list of names: "Corvan, Ulterra and Wendell Brothers"."""
    tokens = doc.tokens
    while start < previous and tokens[start].lower in ("the", "a", "an"):
        start += 1
    return start > 0 and tokens[start - 1].text == ","


def title_ahead(doc: EntityText, index: int) -> bool:
    """Whether the capitalised run from ``index`` reaches, within three words, a title before a name."""
    tokens = doc.tokens
    end = index
    while end < len(tokens) and end - index < 3 and tokens[end].capitalised:
        if title_word(tokens[end]) and end + 1 < len(tokens) and tokens[end + 1].capitalised:
            return True
        end += 1
    return False


def org_head_ahead(doc: EntityText, index: int) -> bool:
    """Whether the capitalised run from ``index`` ends, within three words, in an organisation's head word."""
    tokens = doc.tokens
    end = index
    while end < len(tokens) and end - index < 4 and (tokens[end].capitalised or plural_possessive(doc, end)):
        end += 1
    return end > index and (tokens[end - 1].lower in ORG_HEADS or tokens[end - 1].lower in LEGAL_SUFFIXES) \
        and not (end < len(tokens) and tokens[end].capitalised)


def plural_possessive(doc: EntityText, index: int) -> bool:
    """An apostrophe right after a plural, before a capitalised word: "Workers' Union"."""
    tokens = doc.tokens
    token = tokens[index]
    return token.text in ("'", "’") and 0 < index < len(tokens) - 1 and tokens[index - 1].end == token.start \
        and tokens[index - 1].text.endswith("s") and tokens[index + 1].start > token.end \
        and tokens[index + 1].capitalised


def company_possessive(doc: EntityText, index: int) -> bool:
    """"Moody's Investors Service Inc", "McDonald's Corp": a possessive that is part of a company's name."""
    tokens = doc.tokens
    previous = tokens[index - 1]
    if previous.acronym or gazetteer.lookup(previous.text) is not None:
        return False
    if index >= 2 and tokens[index - 2].capitalised and tokens[index - 2].sentence == previous.sentence:
        return False
    end = index + 1
    while end < len(tokens) and tokens[end].capitalised and end - index <= 4:
        if tokens[end].lower in LEGAL_SUFFIXES:
            return True
        end += 1
    return False


def place_possessive(doc: EntityText, index: int) -> bool:
    """"St Helen's Road", "Regent's Park": a possessive inside a street's or a place's name."""
    tokens = doc.tokens
    end = index + 1
    while end < len(tokens) and end - index <= 2 and tokens[end].capitalised \
            and tokens[end].sentence == tokens[index].sentence:
        if tokens[end].lower in PLACE_HEADS and tokens[end].lower not in ("court", "house", "station"):
            return not (end + 1 < len(tokens) and tokens[end + 1].capitalised)
        end += 1
    return False


def soft_boundary(doc: EntityText, index: int) -> bool:
    """A sentence break after a title's period is the splitter's slip: "Dr." | "Adams said"."""
    previous = doc.tokens[index - 1]
    return previous.text.endswith(".") and title_word(previous) and doc.tokens[index].capitalised


def shouted(doc: EntityText, index: int) -> bool:
    """Capitals that shout rather than abbreviate: "PHOTO CAPTION", a dateline's "KHOJALY"."""
    token = doc.tokens[index]
    if not token.acronym or "." in token.text:
        return False
    letters = sum(char.isalpha() for char in token.text)
    if letters >= 6 and token.lower not in NEWS_AGENCIES:
        return True
    for neighbour in (index - 1, index + 1):
        if 0 <= neighbour < len(doc.tokens):
            other = doc.tokens[neighbour]
            if other.acronym and "." not in other.text and letters >= 3 \
                    and sum(char.isalpha() for char in other.text) >= 4:
                return True
    return False


def trim(doc: EntityText, first: int, last: int) -> int:
    """Skip words capitalised only by their position ("Despite", "The") and stray connectors."""
    tokens, article = doc.tokens, doc.article
    while first < last:
        token = tokens[first]
        lower = token.lower
        if not token.capitalised or lower in ("the", "a", "an") \
                or lower in HEADLINE_WORDS and first in article.initial:
            first += 1
            continue
        if first in article.initial and not title_word(token) and lower not in DEMONYMS \
                and positional_capital(doc, first) and not office_word(doc, first) \
                and not spelt_by_acronym(doc, first, last) and not company_opening(doc, first, last):
            first += 1
            continue
        break
    return first


def company_opening(doc: EntityText, first: int, last: int) -> bool:
    """"Combustion Engineering Inc said": a company's suffix vouches for the capital of its first word."""
    tokens = doc.tokens
    return 1 < last - first <= 4 and tokens[last - 1].lower in LEGAL_SUFFIXES \
        and not tokens[first].lower.endswith("ly") and tokens[first + 1].capitalised \
        and all(token.capitalised for token in tokens[first:last])


def spelt_by_acronym(doc: EntityText, first: int, last: int) -> bool:
    """"Independent Ferries Ltd (IFL)": the bracketed letters after the name start with this word's."""
    acronym = acronym_after(doc, last)
    return acronym is not None and acronym[:1] == doc.tokens[first].text[:1] and initials_match(
        acronym, [token for token in doc.tokens[first:last] if token.word])


def office_word(doc: EntityText, index: int) -> bool:
    """"Home Secretary", "Foreign Minister": a portfolio word that opens a title, whatever its position."""
    tokens = doc.tokens
    return tokens[index].lower in ROLE_FILLERS and index + 1 < len(tokens) \
        and (title_word(tokens[index + 1]) or tokens[index + 1].lower in ORG_HEADS)  # "State Department"


def positional_capital(doc: EntityText, index: int) -> bool:
    """A word capitalised only because it opens a sentence or a quotation: "Despite", "Officials"."""
    token = doc.tokens[index]
    lower = token.lower
    if token.acronym:
        return False
    if token.text in doc.mid_sentence_capitals and lower not in doc.article.lowercase \
            and lower not in HEADLINE_WORDS:
        return False  # "Orbit has said ...": the article writes "Orbit" with a capital inside sentences too
    if ordinary_word(lower) or lower in doc.article.lowercase:
        return True
    if lower.endswith(("ly", "ing", "ed")) and gazetteer.lookup(token.text) is None:
        return True
    return False


def month_range(token: Token) -> bool:
    """"August-September", "Monday-Friday": a span of months or days written as one hyphenated word."""
    if not any(dash in token.lower for dash in _RANGE_DASHES):
        return False  # most words: one part, no range
    parts = re.split(r"[-‐‑–]", token.lower)
    return len(parts) > 1 and all(part in MONTHS or part in WEEKDAYS for part in parts)


_RANGE_DASHES = ("-", "‐", "‑", "–")
