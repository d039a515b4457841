"""Places: datelines, gazetteer names, "Cape ...", "Washington, DC", countries in front of a title."""
from __future__ import annotations

from questions import gazetteer
from questions.entity_rules import organisations
from questions.entity_rules.document import Kind, Pending, gazetteer_match
from questions.entity_rules.findings import Findings
from questions.gazetteer import PlaceKind
from questions.lexicon import DEMONYMS, PLACE_PREFIXES, US_STATE_CODES


def read_dateline_city(found: Findings) -> None:
    """"KHOJALY, Azerbaijan (Reuters) -", "NEW YORK, March 19 -": the city in capitals opens the dateline."""
    start, end = found.dateline
    if end <= start:
        return
    tokens = found.tokens
    first = index = found.article.first_token_at(start)
    while index < len(tokens) and tokens[index].start < end and tokens[index].acronym:
        index += 1
    if index == first:  # "New York, March 25 -": a dateline in mixed case names a known place
        while index < len(tokens) and tokens[index].start < end and tokens[index].capitalised \
                and index - first < 4:
            index += 1
        if index == first or gazetteer.lookup(found.article.span_text(first, index)) is None:
            return
    if index >= len(tokens) or tokens[index].text not in (",", "(", "-", "—", "–"):
        return
    value = " ".join(word.capitalize() for word in found.article.span_text(first, index).split())
    place = gazetteer.lookup(value)
    found.add("read_dateline_city", Kind.PLACE, place.name if place else value, first, index, strength=2)
    found.consumed.update(range(first, index))


def read_modifiers(found: Findings, first: int, last: int, *, countries_only: bool = False,
                   cities: bool = False) -> None:
    """Countries and acronyms in front of a title or a name: "U.S. Secretary", "VOA Executive Editor".

    ``cities`` also reads large cities ("the Beijing Olympics").
    """
    index = first
    while index < last:
        token = found.tokens[index]
        if token.acronym:
            place = gazetteer.lookup(token.text)
            if place is not None and place.kind is PlaceKind.COUNTRY:
                found.add("read_modifiers", Kind.PLACE, place.name, index, index + 1, strength=2)
            elif not countries_only:
                found.pending.append(Pending(index, ""))
            index += 1
            continue
        if token.lower in DEMONYMS:
            index += 1
            continue
        matched = gazetteer_match(found.doc, index, last)
        if not matched or matched[1].kind < (PlaceKind.COUNTRY if countries_only else PlaceKind.SUBDIVISION) \
                and not (cities and matched[1].population >= gazetteer.BIG_CITY):
            return
        end, place = matched
        found.add("read_modifiers", Kind.PLACE, place.name, index, end, strength=2)
        index = end


def read_place_prefix(found: Findings, first: int, last: int) -> bool:
    """"Cape Canaveral", "Mount Kenya", "Lake Victoria"."""
    tokens = found.tokens
    if last - first >= 2 and tokens[first].lower in PLACE_PREFIXES and tokens[first + 1].capitalised:
        value = found.article.span_text(first, last)
        place = gazetteer.lookup(value)
        found.add("read_place_prefix", Kind.PLACE, place.name if place else value, first, last, strength=2)
        return True
    return False


def read_gazetteer(found: Findings, first: int, last: int) -> bool:
    """"Buenos Aires", "Sri Lanka": a name of two words or more the gazetteer knows."""
    if last - first < 2:
        return False
    place = gazetteer.lookup(found.article.span_text(first, last))
    if place is None:
        return False
    found.add("read_gazetteer", Kind.PLACE, place.name, first, last, strength=2)
    organisations.define_acronym(found, last, Kind.PLACE, place.name)
    read_city_state(found, last, place.name, first)
    return True


def read_city_state(found: Findings, last: int, name: str, first: int) -> None:
    """"Washington, DC" and "Austin, Texas" are one place name in a dateline or an address."""
    tokens = found.tokens
    if last + 1 < len(tokens) and tokens[last].text == "," and tokens[last + 1].lower in US_STATE_CODES \
            and tokens[last + 1].text[:1].isupper():
        found.add("read_city_state", Kind.PLACE, found.article.span_text(first, last + 2), first, last + 2, strength=3)
        found.consumed.add(last + 1)
