"""Find people (with roles), organisations and places without a downloaded model.

The stages, in the order ``read_names`` runs them over one shared document (``entity_rules.document``):

1. datelines and score lines (``places.read_dateline_city``, ``teams.read_score_lines``);
2. candidate spans, runs of capitalised words (``cascade.candidate_spans``, joined by ``spans``), each read by
   the first rule of ``cascade.read_span`` that takes it: ``organisations``, ``people``, ``places``, helped by the
   context ``cues`` and ``roles`` around the name;
3. the dateline's agency, spans defined later ("Voice of America" before "(VOA)"), companies by first word;
4. single words, read once the whole article is known (``single_words``), then headlines in capitals;
5. ``overlaps.filter_candidates``, the one filter that decides between candidates claiming one name, and
   ``grouping``: mentions of one entity become one fact.

Every candidate is a ``Mention`` that names the rule that made it; ``Findings`` holds them while the rules run.
"""
from __future__ import annotations

from questions.entity_rules import cascade, grouping, organisations, people, places, single_words, teams
from questions.entity_rules.findings import Findings
from questions.model import Anatomy, Fact, Sentence
from questions.names import read_article


def find_entities(sentences: tuple[Sentence, ...], *, anatomy: Anatomy) -> tuple[Fact, ...]:
    """Return person, organisation and place facts, one per entity, each at its first full mention."""
    if not sentences:
        return ()
    article = read_article(sentences)
    found = Findings(article, anatomy)
    read_names(found)
    return grouping.entity_facts(found)


def read_names(found: Findings) -> None:
    """Run the stages in order: datelines, scores, spans, agencies, single words, headlines, re-readings."""
    places.read_dateline_city(found)
    teams.read_score_lines(found)
    for first, last in cascade.candidate_spans(found):
        cascade.read_span(found, first, last)
    organisations.read_dateline_agency(found)
    organisations.reread_unread(found)
    organisations.companies_by_first_word(found)
    single_words.resolve_pending(found)
    single_words.read_caps_insensitive(found)
    organisations.people_named_as_organisations(found)
    people.things_after_the(found)
    people.things_listed_after_a_product(found)
    people.places_named_once(found)
