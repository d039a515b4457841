"""Find who said what: direct quotes and reported speech, with the speaker resolved.

The stage runs in three steps over one shared document (package ``questions.speech``):

1. ``speech.document.read_document``: the article as frozen data, built once: tokens, mentions of possible
   speakers (``speech.mentions``), quotations paired across paragraphs (``speech.quotations``), genders.
2. ``speech.rules.attribute``: the attribution rules, in reading order, each a named function
   (``speech_verb``, ``participle``, ``according_to``, ``colon_quotation``, ``continued_quotation``) built from
   speaker finders (``speech.who``), pronoun resolution (``speech.pronouns``), reported clauses
   (``speech.clauses``) and readings of the words around a verb (``speech.grammar``). Each attribution names the
   rules that made it. When two rules claim one quotation, ``speech.ledger.claim_quotation`` decides: the first
   in reading order takes it.
3. ``speaker_facts``: one fact per speaker and quotation.
"""
from __future__ import annotations

from questions.clean import MAX_FACTS_PER_KIND
from questions.model import Fact, FactKind, Sentence
from questions.names import read_article
from questions.speech.document import SpeechDocument, read_document
from questions.speech.ledger import Attribution
from questions.speech.rules import attribute


def find_speakers(sentences: tuple[Sentence, ...], *, entities: tuple[Fact, ...]) -> tuple[Fact, ...]:
    """Return speaker facts: the speaker's canonical name, what they said, and their mention's span."""
    if not sentences:
        return ()
    doc = read_document(read_article(sentences), entities)
    return speaker_facts(doc, attribute(doc, limit=MAX_FACTS_PER_KIND))


def speaker_facts(doc: SpeechDocument, attributions: tuple[Attribution, ...]) -> tuple[Fact, ...]:
    """Make one fact per speaker and quotation, the first ``MAX_FACTS_PER_KIND`` of them."""
    facts: list[Fact] = []
    seen = set()
    for said in attributions:
        for quote in said.quotes:
            key = (said.speaker.value, quote)
            if not quote or key in seen:
                continue
            seen.add(key)
            mention = said.speaker
            sentence = doc.article.sentences[said.sentence]
            if not sentence.start <= mention.start < sentence.end:
                # Named in an earlier sentence ('X said. "…"', "He" resolved): the fact keeps the sentence
                # that names the speaker, so that its span lies inside its sentence.
                sentence = doc.article.sentences[doc.article.sentence_at(mention.start)]
            facts.append(Fact(
                kind=FactKind.SPEAKER,
                text=doc.text[mention.start:mention.end],
                value=mention.value,
                start=mention.start,
                end=mention.end,
                sentence=sentence,
                quote=quote,
            ))
    return tuple(facts[:MAX_FACTS_PER_KIND])
