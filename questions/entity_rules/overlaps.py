"""The one filter that decides between candidates claiming the same or overlapping names (like spaCy's
``filter_spans``): the strongest reading wins, and shorter names join the longer names they are part of."""
from __future__ import annotations

from questions import gazetteer
from questions.entity_rules.document import Entity, EntityText, Kind, Mention
from questions.lexicon import DEMONYMS, LEGAL_SUFFIXES, ORG_HEADS


def filter_candidates(doc: EntityText, candidates: list[Mention], *, person_words: set[str]) -> dict[str, Entity]:
    """Decide between candidates that claim the same name, or overlapping names, and group them by entity.

    This is the one place where readings compete: a name read two ways takes its strongest reading (the first
    reading wins a tie); a weak place reading of a word that is someone's name is dropped; "Washington" joins
    "Washington, D.C."; "U.S. Government" is "United States Government"; a shorter organisation name joins the
    longer one that ends or starts with it. People are grouped before this, by their surnames.
    """
    others: dict[str, Entity] = {}
    for mention in candidates:
        if mention.kind is Kind.PERSON:
            continue
        key = name_key(mention.value)
        if mention.kind is Kind.PLACE and mention.strength < 2 and mention.value in person_words:
            continue  # a weak place reading of a word that is someone's name
        entity = others.get(key)
        if entity is None:
            others[key] = Entity(mention.kind, mention.value, [mention], strength=mention.strength)
            continue
        entity.mentions.append(mention)
        if mention.strength > entity.strength:
            entity.kind, entity.strength = mention.kind, mention.strength
    merge_places(doc, others)
    merge_organisations(doc, others)
    return others



def merge_places(doc: EntityText, others: dict[str, Entity]) -> None:
    """"Washington" joins "Washington, D.C."."""
    places = [entity for entity in others.values() if entity.kind is Kind.PLACE]
    for entity in places:
        if "," in entity.value:
            continue
        for other in places:
            if other is not entity and other.value.startswith(entity.value + ",") and entity.mentions:
                other.mentions.extend(entity.mentions)
                entity.mentions = []
                break
    for key in [key for key, entity in others.items() if not entity.mentions]:
        del others[key]



def merge_organisations(doc: EntityText, others: dict[str, Entity]) -> None:
    """"U.S. Government" is "United States Government"; "Department of Health" joins "U.S. Department of ..."."""
    organisations = sorted((entity for entity in others.values() if entity.kind is Kind.ORGANISATION),
                           key=lambda entity: min(doc.tokens[mention.first].start for mention in entity.mentions))
    by_key: dict[str, Entity] = {}
    for entity in organisations:
        kept = by_key.setdefault(organisation_key(entity.value), entity)
        if kept is not entity:
            kept.mentions.extend(entity.mentions)
            entity.mentions = []
    # A longer name offers to take the shorter names it ends or starts with; looked up by key, not pair by pair,
    # so that an input with thousands of names stays linear.
    offers: dict[str, list[Entity]] = {}
    for entity in by_key.values():
        words = name_key(entity.value).split(" ")
        for cut in range(1, len(words)):
            offers.setdefault(" ".join(words[cut:]), []).append(entity)
            offers.setdefault(" ".join(words[:cut]), []).append(entity)
    for shorter in sorted(by_key.values(), key=lambda entity: len(entity.value)):
        short_key = name_key(shorter.value)
        for longer in offers.get(short_key, ()):
            if longer is shorter or not longer.mentions or not shorter.mentions \
                    or len(longer.value) <= len(shorter.value):
                continue
            long_key = name_key(longer.value)
            if long_key.endswith(" " + short_key) and leading_place(longer.value, shorter.value) \
                    or long_key.startswith(short_key + " ") and only_heads(longer.value[len(shorter.value):]):
                longer.mentions.extend(shorter.mentions)  # "Den Danske" is "Den Danske Bank"
                shorter.mentions = []
                break
    for key in [key for key, entity in others.items() if not entity.mentions]:
        del others[key]



def name_key(value: str) -> str:
    """The key under which readings of one name meet: lower case, without "the"."""
    value = value.lower().replace("’", "'")
    if value.startswith("the "):
        value = value[4:]
    return value



def organisation_key(value: str) -> str:
    """An organisation's key, with "U.S." and "US" written as "United States"."""
    key = name_key(value)
    for prefix in ("u.s. ", "us ", "united states "):
        if key.startswith(prefix):
            return "united states " + key[len(prefix):]
    return key



def leading_place(longer: str, shorter: str) -> bool:
    """Whether ``longer`` is ``shorter`` with a place or nationality in front ("U.S. Department of ...")."""
    prefix = longer[:len(longer) - len(shorter)].strip()
    return bool(prefix) and (gazetteer.lookup(prefix) is not None or prefix.lower() in DEMONYMS)



def only_heads(words: str) -> bool:
    """Whether the words are only head words or suffixes: "Bank", "Corp", "(Holdings) Ltd"."""
    return all(word.strip("()").lower() in ORG_HEADS or word.lower() in LEGAL_SUFFIXES for word in words.split())
