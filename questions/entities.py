"""Find people (with roles), organisations and places without a downloaded model.

Capitalised word sequences are the candidates. Each is read by its structure (a title before a name, an
organisation or place head word, an acronym defined in brackets, a gazetteer entry) and by its context ("in X",
"X region", "a X spokesman", "X, Azerbaijan"). Single words wait until the whole article has been read: a surname
then joins the person named in full, an acronym its expansion. Mentions of one entity become one fact.
"""
from __future__ import annotations

from questions.entity_rules import cascade, grouping, organisations, places, single_words, teams
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
