"""Organisations: head words ("... Ministry"), parties, acronyms defined in brackets, agencies, companies."""
from __future__ import annotations

from questions import gazetteer
from questions.entity_rules import people, places
from questions.entity_rules.cues import head_kind, listed_among, organisation_noun_before
from questions.entity_rules.document import Kind, acronym_after, followed_by, initials_match
from questions.entity_rules.findings import Findings
from questions.entity_rules.overlaps import name_key
from questions.entity_rules.words import DEMONYM_BODIES, SINGLE_ORGS, STRUCTURE_CONNECTORS, WEB_DOMAINS
from questions.lexicon import (
    DEMONYMS, HEADLINE_WORDS, NAMED_THING_HEADS, NEWS_AGENCIES, NEWS_AGENCY_NAMES, ORG_HEADS, PARTY_ADJECTIVES,
    PARTY_NAMES, PARTY_PLURALS, SPOKESPERSON_NOUNS,
)
from questions.names import ordinary_word, title_word


def people_named_as_organisations(found: Findings) -> None:
    """"chairman of both Cheung Kong and Hutchison": a name the article also gives an organisation's reading
    (by its suffix, a bracket or a cue) is that organisation, unless a title made it a person; so is a name
    listed between organisations ("HMV, Monsoon, Body Shop and Tesco")."""
    organisations = {name_key(mention.value) for mention in found.mentions if mention.kind is Kind.ORGANISATION}
    firsts = {mention.first for mention in found.mentions if mention.kind is Kind.ORGANISATION}
    lasts = {mention.last for mention in found.mentions if mention.kind is Kind.ORGANISATION}
    for position, mention in enumerate(found.mentions):
        if mention.kind is Kind.PERSON and mention.strength <= 2 and not mention.role \
                and (name_key(mention.value) in organisations
                     or listed_among(found.doc, mention.first, mention.last, firsts, lasts)):
            found.mentions[position] = mention._replace(kind=Kind.ORGANISATION)
            found.person_tokens = found.given_names = None


def companies_by_first_word(found: Findings) -> None:
    """"Chrysler Canada" read as a person is a company when "Chrysler Corp" is one."""
    firsts = {}
    for mention in found.mentions:
        if mention.kind is Kind.ORGANISATION and mention.last - mention.first > 1:
            word = found.tokens[mention.first]
            if not word.acronym and word.lower not in DEMONYMS and gazetteer.lookup(word.text) is None:
                firsts.setdefault(word.text, mention.value)
    if not firsts:
        return
    surnames = {found.tokens[mention.last - 1].text for mention in found.mentions if mention.kind is Kind.PERSON}
    for position, mention in enumerate(found.mentions):
        first_word = found.tokens[mention.first].text
        if mention.kind is Kind.PERSON and first_word in firsts and first_word not in surnames \
                and people.role_noun_before(found, mention.context) is None:
            # "analyst Arvid Jauppi of Arvid Jauppi Inc"
            found.mentions[position] = mention._replace(kind=Kind.ORGANISATION, role=None)
            found.person_tokens = found.given_names = None
    found.company_words = firsts


def reread_unread(found: Findings) -> None:
    """A span read as nothing may be a name the article defines later: "Voice of America" before "(VOA)"."""
    known = found.known_names()
    for first, last in found.unread:
        reading = known.get(found.article.span_text(first, last))
        if reading is not None and reading[0] is not Kind.THING:
            found.add("reread_unread", reading[0], reading[1], first, last, strength=1)
            found.consumed.update(range(first, last))


def read_dateline_agency(found: Findings) -> None:
    """"KHOJALY, Azerbaijan (Reuters) -", "Washington, DC–(ENEWSPF)–": the agency in brackets."""
    start, end = found.dateline
    if end <= start:
        return
    tokens = found.tokens
    index = found.article.first_token_at(start)
    while index + 2 < len(tokens) and tokens[index].start < end:
        if tokens[index].text == "(" and tokens[index + 1].word and tokens[index + 2].text == ")" \
                and tokens[index + 1].text[:1].isupper():
            text = tokens[index + 1].text
            found.add("read_dateline_agency", Kind.ORGANISATION, NEWS_AGENCY_NAMES.get(text.lower(), text),
                      index + 1, index + 2, strength=2)
            found.consumed.add(index + 1)
        index += 1


def read_web_address(found: Findings, first: int, last: int) -> bool:
    """"Amazon.com", "Kestrel.co.uk": a name written with its web domain is the company, never the river."""
    tokens = found.tokens
    end = last
    while end + 1 < len(tokens) and tokens[end].text == "." and tokens[end].start == tokens[end - 1].end \
            and tokens[end + 1].start == tokens[end].end and tokens[end + 1].lower in WEB_DOMAINS \
            and tokens[end + 1].sentence == tokens[first].sentence:  # a fact stays inside its sentence
        end += 2
    if end == last:
        return False
    found.add("read_web_address", Kind.ORGANISATION, found.article.span_text(first, end), first, end, strength=3)
    found.consumed.update(range(last, end))
    return True


def read_broadcaster_service(found: Findings, first: int, last: int) -> bool:
    """"BBC Radio Scotland", "BBC Scotland", "CNN International": a news organisation's channel or region."""
    tokens = found.tokens
    if last - first < 2 or last - first > 4 or tokens[first].lower not in NEWS_AGENCIES \
            or len(tokens[first].text) < 3 or found.article.span_text(first, last).lower() in DEMONYMS:
        return False
    if any(not token.capitalised or token.lower in HEADLINE_WORDS or title_word(token)
           for token in tokens[first + 1:last]):
        return False
    found.add("read_broadcaster_service", Kind.ORGANISATION, found.article.span_text(first, last), first, last,
              strength=2)
    return True


def read_demonym_body(found: Findings, first: int, last: int) -> bool:
    """"the Scottish Executive": a nationality and a word for a government are that government."""
    tokens = found.tokens
    if last - first != 2 or tokens[first].lower not in DEMONYMS or tokens[first + 1].lower not in DEMONYM_BODIES:
        return False
    found.add("read_demonym_body", Kind.ORGANISATION, found.article.span_text(first, last), first, last, strength=2)
    return True


def read_party(found: Findings, first: int, last: int) -> bool:
    """"Labour", "the Tories", "the Liberal Democrats said", "the ruling Conservative party"."""
    tokens = found.tokens
    while first < last and tokens[first].lower == "the":
        first += 1
    if first >= last or tokens[first].sentence in found.article.caps_insensitive:
        return False
    text = found.article.span_text(first, last)
    lower = " ".join(text.lower().split())
    after_the = first > 0 and tokens[first - 1].lower == "the"
    if lower in PARTY_NAMES or lower in PARTY_PLURALS and after_the:
        found.add("read_party", Kind.ORGANISATION, "Tories" if lower == "tory" else text, first, last, strength=2)
        return True
    if lower in PARTY_ADJECTIVES and last < len(tokens) and tokens[last].lower == "party" \
            and tokens[last].sentence == tokens[first].sentence:
        found.add("read_party", Kind.ORGANISATION, found.article.span_text(first, last + 1), first, last + 1,
                  strength=2)
        return True
    return False


def read_organisation_in_role(found: Findings, first: int, last: int) -> None:
    """"General Motors Chief Executive Mary Barra": an organisation's name inside the role."""
    tokens = found.tokens
    for index in range(first, last):
        if title_word(tokens[index]):
            read_organisation_after_title(found, index + 1, last)
            return
        if tokens[index].lower in ORG_HEADS and index > first:
            found.add("read_organisation_in_role", Kind.ORGANISATION, found.article.span_text(first, index + 1),
                      first, index + 1, strength=2)
            return


def read_organisation_after_title(found: Findings, first: int, last: int) -> None:
    """"President of the Lagos Coffee Trade Association Ray Oduya": the organisation after "of the"."""
    tokens = found.tokens
    if first >= last or tokens[first].lower not in ("of", "at", "for"):
        return
    start = first + 1
    while start < last and tokens[start].lower == "the":
        start += 1
    for head in range(last - 1, start, -1):
        if head_kind(found.doc, head, start, last) is Kind.ORGANISATION:
            value = found.article.span_text(start, head + 1)
            found.add("read_organisation_after_title", Kind.ORGANISATION, value, start, head + 1, strength=2)
            return


def read_headed(found: Findings, first: int, last: int) -> bool:
    """Names read by their head word: "... Ministry", "Department of ...", "... Palace", "... Initiative"."""
    tokens = found.tokens
    heads = [index for index in range(first, last) if (index == last - 1 or tokens[index + 1].lower in
                                                       STRUCTURE_CONNECTORS | {"on", "&"})
             and head_kind(found.doc, index, first, last) is not None]
    if not heads:
        return places.read_place_prefix(found, first, last)
    head = heads[-1]
    for index in heads:
        if index + 1 < last and tokens[index + 1].lower in STRUCTURE_CONNECTORS | {"on"}:
            head = index
            break
    kind = head_kind(found.doc, head, first, last)
    start = first
    # "Mission Director for the U.S. Agency for ...": the organisation starts after the title phrase.
    for index in range(first, head):
        if title_word(tokens[index]) and index + 1 < head and tokens[index + 1].lower in STRUCTURE_CONNECTORS:
            start = index + 2
            while start < head and tokens[start].lower == "the":
                start += 1
    if start == head and kind is not Kind.THING and tokens[head].lower not in SINGLE_ORGS:
        if head + 1 >= last:
            return start > first  # a bare head word ("the Department") names nothing
    others = [token for index, token in enumerate(tokens[start:last], start) if index != head and token.word
              and token.lower not in HEADLINE_WORDS]
    if others and all(len(token.text) == 1 or token.text[:1].isdigit() for token in others):
        return True  # "Group B", "Division One" are no organisations
    if kind is Kind.ORGANISATION and followed_by(found.doc, last, SPOKESPERSON_NOUNS):
        kind = Kind.ORGANISATION
    elif kind is Kind.PLACE and (followed_by(found.doc, last, SPOKESPERSON_NOUNS)
                                  or organisation_noun_before(found.doc, start)):
        kind = Kind.ORGANISATION  # "A Harwick Palace spokeswoman said", "media giant Clear Signal"
    value = found.article.span_text(start, last)
    if kind is Kind.ORGANISATION and gazetteer.is_country(value):
        kind = Kind.PLACE  # "the Soviet Union": a country whose name ends in an organisation's head word
    if kind is Kind.PLACE:
        place = gazetteer.lookup(value)
        value = place.name if place else value
    places.read_modifiers(found, start, head, countries_only=kind is not Kind.THING, cities=kind is Kind.THING)
    found.add("read_headed", kind, value, start, last, strength=2)
    define_acronym(found, last, kind, value)
    return True


def read_defined(found: Findings, first: int, last: int) -> bool:
    """"Voice of America (VOA)": a name whose acronym follows in brackets is an organisation."""
    acronym = acronym_after(found.doc, last)
    if acronym is None or last - first < 2:
        return False
    words = [token for token in found.tokens[first:last] if token.word]
    if not initials_match(acronym, words):
        return False
    after = found.tokens[last + 3] if last + 3 < len(found.tokens) else None
    generic = all(ordinary_word(word.lower) or word.lower in HEADLINE_WORDS for word in words)
    if generic or after is not None and after.text.islower() and after.lower in NAMED_THING_HEADS:
        found.add_thing("read_defined", found.article.span_text(first, last), first, last)
        found.acronyms.setdefault(found.tokens[last + 1].text, (Kind.THING, found.article.span_text(first, last)))
        return True  # "Digital Rights Management (DRM)", "the Networked Media (NEM) initiative"
    place = gazetteer.lookup(found.article.span_text(first, last))
    kind = Kind.PLACE if place is not None else Kind.ORGANISATION
    value = place.name if place is not None else found.article.span_text(first, last)
    found.add("read_defined", kind, value, first, last, strength=2)
    define_acronym(found, last, kind, value)
    return True


def define_acronym(found: Findings, last: int, kind: Kind, value: str) -> None:
    """"Voice of America (VOA)", "the Coffee Institute, IBC,": the acronym names the same thing."""
    acronym = acronym_after(found.doc, last)
    tokens = found.tokens
    if acronym is None and last + 2 < len(tokens) and tokens[last].text == "," and tokens[last + 1].acronym \
            and tokens[last + 2].text in (",", ".", ";") and initials_match(
                tokens[last + 1].text, [token for token in tokens[found.span_start(last):last] if token.word]):
        acronym = tokens[last + 1].text  # "the Brazilian Coffee Institute, IBC, said"
    if acronym is not None and acronym not in found.acronyms:
        found.acronyms[acronym] = (kind, value)
        if kind is not Kind.THING:
            found.add("define_acronym", kind, value, last + 1, last + 2, strength=2)
