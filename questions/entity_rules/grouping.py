"""Group mentions into entities (one per person, place or organisation) and make one fact of each."""
from __future__ import annotations

import re

from questions.clean import MAX_FACTS_PER_KIND
from questions.entity_rules import people
from questions.entity_rules.document import Entity, EntityText, Kind, Mention
from questions.entity_rules.findings import Findings
from questions.entity_rules.overlaps import filter_candidates
from questions.entity_rules.roles import appositive_after, appositive_before
from questions.entity_rules.words import ROLE_PRIORITY_APPOSITIVE, ROLE_PRIORITY_NOUN, ROLE_PRIORITY_TITLE
from questions.lexicon import SPEECH_VERBS
from questions.model import Fact, FactKind
from questions.names import noble_title, surname


def entity_fact(doc: EntityText, entity: Entity) -> Fact | None:
    """One fact for an entity, at its first full mention in prose, with its other names and its role.

    A mention that runs across a sentence break ("Dr." then "NATO") is no name: a fact lies inside its
    sentence, and an entity with no other mention makes no fact.
    """
    article, tokens = doc.article, doc.tokens
    mentions = sorted((mention for mention in entity.mentions
                       if tokens[mention.first].sentence == tokens[mention.last - 1].sentence),
                      key=lambda mention: tokens[mention.first].start)
    if not mentions:
        return None
    in_prose = [mention for mention in mentions
                if tokens[mention.first].sentence not in article.caps_insensitive] or mentions
    full = [mention for mention in in_prose if article.span_text(mention.first, mention.last) == entity.value]
    chosen = (full or in_prose)[0]
    start, end = tokens[chosen.first].start, tokens[chosen.last - 1].end
    text = article.text[start:end]
    aliases = []
    for mention in mentions:
        surface = " ".join(article.span_text(mention.first, mention.last).split())
        if surface != entity.value and surface not in aliases:
            aliases.append(surface)
    role = None
    if entity.kind is Kind.PERSON and entity.roles:
        role = min(entity.roles, key=lambda item: item[0])[1]
    return Fact(
        kind=entity.kind.value,
        text=text,
        value=entity.value,
        start=start,
        end=end,
        sentence=article.sentences[tokens[chosen.first].sentence],
        role=role,
        aliases=tuple(aliases),
    )


# "N' Pak Stores Inc": a name that opens on the "N'" of "Pay N' Pak" lost its first word.
_OPENS_ON_A_JOINING_LETTER = re.compile(r"[A-Z]['’]\s")


def entity_facts(found: Findings) -> tuple[Fact, ...]:
    """One fact per entity, in the order of the text; at most ``MAX_FACTS_PER_KIND`` of each kind."""
    entities = group_entities(found)
    made = (entity_fact(found.doc, entity) for entity in entities
            if entity.kind is not Kind.THING and not _OPENS_ON_A_JOINING_LETTER.match(entity.value))
    facts = sorted((fact for fact in made if fact is not None), key=lambda fact: (fact.start, fact.end))
    counts: dict[FactKind, int] = {}
    kept = []
    for fact in facts:
        counts[fact.kind] = counts.get(fact.kind, 0) + 1
        if counts[fact.kind] <= MAX_FACTS_PER_KIND:
            kept.append(fact)
    return tuple(kept)


def group_entities(found: Findings) -> list[Entity]:
    """Group the mentions: surnames join full names; other names go through the one overlap filter."""
    persons = person_groups(found)
    person_words = {word for entity in persons for word in entity.value.split()}
    others = filter_candidates(found.doc, found.mentions, person_words=person_words)
    return [*persons, *others.values()]


def person_groups(found: Findings) -> list[Entity]:
    """Group people's mentions: a surname or shorter name joins the person named in full."""
    mentions = sorted((mention for mention in found.mentions if mention.kind is Kind.PERSON),
                      key=lambda mention: found.tokens[mention.first].start)
    full: dict[str, Entity] = {}
    for mention in mentions:
        if len(mention.value.split()) > 1 or noble_title(found.tokens[mention.first]):
            full.setdefault(mention.value, Entity(Kind.PERSON, mention.value))
    # "Conway Jr" is "Harry Conway Jr", "Juan Carlos" is "Juan Carlos Ferro": a shorter full name that ends
    # or starts one longer name is that person
    same: dict[str, Entity] = {}
    starts: dict[str, list[Entity]] = {}
    for value in full:
        words = value.split()
        for cut in range(1, len(words) - 1):
            same.setdefault(" ".join(words[cut:]), full[value])
            starts.setdefault(" ".join(words[:cut + 1]), []).append(full[value])
    for value, longer in starts.items():
        if len(longer) == 1 and value not in same:
            same[value] = longer[0]
    for value in list(full):
        if value in same and same[value].value != value:
            full[value] = same[value]
    by_surname: dict[str, list[Entity]] = {}
    for entity in {id(entity): entity for entity in full.values()}.values():
        words = entity.value.split()
        if len(words) > 1:
            by_surname.setdefault(surname(entity.value), []).append(entity)
    singles: dict[str, Entity] = {}
    last_seen: dict[str, Entity] = {}
    for mention in mentions:
        entity = full.get(mention.value)
        if entity is None:
            candidates = by_surname.get(mention.value, [])
            if len(candidates) == 1:
                entity = candidates[0]
            elif candidates:
                entity = last_seen.get(mention.value, candidates[0])
            else:
                entity = singles.setdefault(mention.value, Entity(Kind.PERSON, mention.value))
        else:
            last_seen[surname(entity.value)] = entity
        entity.mentions.append(mention)
        collect_roles(found, entity, mention)
    unique = {id(entity): entity for entity in [*full.values(), *singles.values()]}
    return [entity for entity in unique.values() if entity.mentions]


def collect_roles(found: Findings, entity: Entity, mention: Mention) -> None:
    """Gather a person's roles: appositives ("X, the chief,"), titles, role nouns ("astronaut X")."""
    tokens = found.tokens
    attribution = mention.last < len(tokens) and tokens[mention.last].lower in SPEECH_VERBS
    # "The bank has a joint director on Dome's board, Fullerton said": a clause, then who said it
    before = None if attribution else appositive_before(found.doc, mention.context)
    after = appositive_after(found.doc, mention.last) if mention.last < len(found.tokens) \
        and found.tokens[mention.last].text == "," else None
    for role in (before, after):
        if role:
            entity.roles.append((ROLE_PRIORITY_APPOSITIVE, role))
    if mention.role:
        entity.roles.append((ROLE_PRIORITY_TITLE, mention.role))
    noun = people.role_noun_before(found, mention.context)
    if noun:
        entity.roles.append((ROLE_PRIORITY_NOUN, noun))
