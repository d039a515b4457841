"""Single capitalised words, read once the whole article is known: surnames, acronyms, cued names."""
from __future__ import annotations

from questions import gazetteer
from questions.entity_rules import people, places
from questions.entity_rules.cues import (
    common_noun_acronym, degree_after_name, landmark, listed_with, names_a_product, organisation_appositive,
    organisation_context, organisation_noun_before, player_after, possessive_after, sport_role_after,
    strong_place_cue, title_before,
)
from questions.entity_rules.document import (
    EntityText, Kind, Pending, followed_by, in_dateline, known_place, proper_noun, town,
)
from questions.entity_rules.findings import Findings
from questions.entity_rules.words import DEMONYM_ENDINGS, ORG_ACRONYM, SINGLE_ORGS, TWO_LETTER_ORGS
from questions.gazetteer import PlaceKind
from questions.lexicon import (
    AGENT_HYPHEN_SUFFIXES, DEMONYMS, MONTHS, NEWS_AGENCIES, NEWS_AGENCY_NAMES, NON_ORG_ACRONYMS, SPOKESPERSON_NOUNS,
    WEAK_PLACE_PREPOSITIONS, WEEKDAYS,
)
from questions.names import head_word, name_word, ordinary_word, title_word


def single_word_cue(found: Findings, index: int) -> str:
    """What the words around a single capitalised word say it is: org, person, club, owner, place."""
    tokens, doc = found.tokens, found.doc
    if followed_by(doc, index + 1, SPOKESPERSON_NOUNS) \
            or organisation_noun_before(doc, index) and not gazetteer.is_region_or_country(tokens[index].text) \
            or people.employer_position(found, index) or organisation_appositive(doc, index + 1) \
            or organisation_context(doc, index) and not known_place(tokens[index].text):
        return "org"
    if title_before(doc, index):
        return "person"
    if sport_role_after(doc, index) or possessive_after(doc, index) and player_after(doc, index + 2) \
            and town(tokens[index].text):
        return "club"  # "Leeds boss Alan Crane", "Parma's Luca Frey"
    if possessive_after(doc, index) or tokens[index].suffix in AGENT_HYPHEN_SUFFIXES:
        return "owner"  # "Microsoft's Xbox", "NEC-backed": an organisation unless a place or a person
    if strong_place_cue(doc, index, index + 1) or in_dateline(doc, index):
        return "place"
    before = tokens[index - 1] if index else None
    if before is not None and before.lower in WEAK_PLACE_PREPOSITIONS and before.sentence == tokens[index].sentence:
        return "weak-place"
    if landmark(found.doc, index):
        return "landmark"
    return ""


def resolve_pending(found: Findings) -> None:
    """Read the single words that waited: a few rounds while names learnt from the others help."""
    waiting = list(found.pending)
    for _ in range(3):
        left = []
        known = found.known_names()
        for pending in waiting:
            if not resolve(found, pending, known, final=False):
                left.append(pending)
        if len(left) == len(waiting):
            break
        waiting = left
    known = found.known_names()
    for pending in waiting:
        resolve(found, pending, known, final=True)
    read = {index for mention in found.mentions for index in range(mention.first, mention.last)}
    read_listed(found, [pending for pending in waiting if pending.index not in read], known)


def read_listed(found: Findings, waiting: list[Pending], known: dict[str, tuple[Kind, str]]) -> None:
    """Single names read as nothing that stand in a list with an organisation are organisations too."""
    tokens = found.tokens
    waiting = [pending for pending in waiting if pending.index not in found.consumed
               and tokens[pending.index].text not in known and not tokens[pending.index].acronym
               and not known_place(tokens[pending.index].text)
               and (proper_noun(found.doc, pending.index) or pending.index in found.article.initial
                    and tokens[pending.index].text in found.doc.mid_sentence_capitals
                    and name_word(tokens[pending.index], found.article, strict=True))]
    if not waiting:
        return
    firsts = {mention.first for mention in found.mentions if mention.kind is Kind.ORGANISATION}
    lasts = {mention.last for mention in found.mentions if mention.kind is Kind.ORGANISATION}
    for _ in range(3):
        listed = [pending for pending in waiting if listed_with(found.doc, pending.index, firsts, lasts)]
        for pending in listed:
            found.add("read_listed", Kind.ORGANISATION, tokens[pending.index].text, pending.index, pending.index + 1)
            found.consumed.add(pending.index)
            firsts.add(pending.index)
            lasts.add(pending.index + 1)
        waiting = [pending for pending in waiting if pending not in listed]
        if not listed:
            break


def resolve(found: Findings, pending: Pending, known: dict[str, tuple[Kind, str]], *, final: bool) -> bool:
    """Read one single word by what the article named already, its cue and the gazetteer."""
    if pending.index in found.consumed:
        return True
    token = found.tokens[pending.index]
    text = token.text
    index = pending.index
    if text in known:
        kind, value = known[text]
        if kind is Kind.PERSON and value != text and organisation_appositive(found.doc, index + 1):
            # "Ford, the US car company," beside "Bill Ford": the company bears the family's name
            found.add("resolve", Kind.ORGANISATION, text, index, index + 1, strength=2)
            return True
        if kind is not Kind.THING:
            found.add("resolve", kind, value, index, index + 1, strength=1)
        return True
    lower = token.lower
    if lower in DEMONYMS or lower in MONTHS or lower in WEEKDAYS:
        return True
    if text in found.company_words and name_word(token, found.article, strict=True):
        found.add("resolve", Kind.ORGANISATION, found.company_words[text], index, index + 1, strength=1)
        return True
    if pending.cue == "org" and not token.acronym and not head_word(lower) and (
            name_word(token, found.article, strict=True) or proper_noun(found.doc, index)
            or text in found.doc.mid_sentence_capitals and lower not in found.article.lowercase):
        found.add("resolve", Kind.ORGANISATION, text, index, index + 1, strength=2)
        return True
    if pending.cue == "person" and not token.acronym and name_word(token, found.article, strict=True) \
            and gazetteer.lookup(text) is None:
        found.add("resolve", Kind.PERSON, text, index, index + 1, strength=1, role=found.tokens[index - 1].text)
        return True
    if lower in NEWS_AGENCIES:
        found.add("resolve", Kind.ORGANISATION, NEWS_AGENCY_NAMES[lower], index, index + 1, strength=2)
        return True
    if found.article.text.startswith("$", token.end):
        return True  # "US$6.16 million"
    place = gazetteer.lookup(text)
    if token.acronym:
        if place is not None and place.kind is PlaceKind.COUNTRY:
            found.add("resolve", Kind.PLACE, place.name, index, index + 1, strength=2)
            return True
        if not final:
            return False
        if lower.rstrip(".") not in NON_ORG_ACRONYMS and "." not in text and len(text) <= 6 \
                and not names_a_product(found.doc, text) and not common_noun_acronym(found.doc, text) \
                and (len(text) >= 3 or lower in TWO_LETTER_ORGS) and not ordinary_word(lower) \
                and ORG_ACRONYM.fullmatch(text) and not degree_after_name(found.doc, index) \
                and not numbered_code(found.doc, text) \
                and not found.article.text.startswith("$", token.end):
            found.add("resolve", Kind.ORGANISATION, text, index, index + 1, strength=1)
        return True
    if lower in SINGLE_ORGS:
        found.add("resolve", Kind.ORGANISATION, text, index, index + 1, strength=2)
        return True
    if pending.cue == "club" and place is not None and place.kind <= PlaceKind.SUBDIVISION:
        found.add("resolve", Kind.ORGANISATION, text, index, index + 1, strength=2)
        return True  # "Liverpool boss Rafael Benitez": the club
    if place is not None and (place.kind >= PlaceKind.SUBDIVISION or place.population >= gazetteer.BIG_CITY
                              or pending.cue in ("place", "weak-place")):
        found.add("resolve", Kind.PLACE, place.name, index, index + 1, strength=2)
        places.read_city_state(found, index + 1, place.name, index)
        return True
    if pending.cue == "owner" and place is None and not ordinary_word(lower) and text not in found.first_names() \
            and (proper_noun(found.doc, index) or text in found.doc.mid_sentence_capitals and not head_word(lower)
                 and lower not in found.article.lowercase and not title_word(token)):
        found.add("resolve", Kind.ORGANISATION, text, index, index + 1, strength=1)
        return True
    if pending.cue == "landmark":
        found.add("resolve", Kind.PLACE, text, index, index + 1, strength=1)
        return True
    if pending.cue == "place" and name_word(token, found.article, strict=True) \
            and not lower.endswith(DEMONYM_ENDINGS):
        found.add("resolve", Kind.PLACE, text, index, index + 1, strength=1)
        places.read_city_state(found, index + 1, text, index)
        return True
    return final


def read_caps_insensitive(found: Findings) -> None:
    """In title-case or capital lines only what the article names elsewhere, and countries, count."""
    article, tokens = found.article, found.tokens
    if not article.caps_insensitive:
        return
    known = found.known_names()
    by_upper = {form.upper(): reading for form, reading in known.items()}
    index, count = 0, len(tokens)
    while index < count:
        token = tokens[index]
        if token.sentence not in article.caps_insensitive or not token.word:
            index += 1
            continue
        matched = False
        for end in range(min(count, index + 6), index, -1):
            if tokens[end - 1].sentence != token.sentence:
                continue
            text = article.span_text(index, end)
            reading = known.get(text) or (by_upper.get(text.upper()) if text.isupper() else None)
            if reading is None and (end - index > 1 or token.capitalised):
                place = gazetteer.lookup(text)
                if place is not None and (place.kind >= PlaceKind.REGION
                                          or place.population >= 10 * gazetteer.BIG_CITY):
                    reading = (Kind.PLACE, place.name)
            if reading is not None and reading[0] is not Kind.THING and tokens[index].text[:1].isupper():
                found.add("read_caps_insensitive", reading[0], reading[1], index, end, strength=1)
                index, matched = end, True
                break
        if not matched:
            index += 1


def numbered_code(doc: EntityText, text: str) -> bool:
    """Whether capitals are always written with a number after them: "RIC 103", "FTSE 100", "A 320".

    Journalists write an organisation's acronym alone; one that never comes without a number names a
    series: a plant clone, a model, a crude grade, an index.
    """
    tokens = doc.tokens
    following = [tokens[index + 1] if index + 1 < len(tokens) else None for index in doc.positions.get(text, ())]
    return bool(following) and all(token is not None and token.text[:1].isdigit() and not token.word
                                   for token in following)
