"""The attribution rules, grouped by how journalists attribute speech; each adds its finds to the ledger.

- ``speech_verb``: '"…," X said', '"…," said X', 'X said: "…"', "X said (that) …", "…, X said.",
  "But, X said, …"; its speaker by ``who.SPEAKER_FINDERS`` or ``who.speaker_after``, its words by
  ``quote_before``/``quote_after`` or a clause of ``clauses``.
- ``participle``: ", saying …": the sentence's speaker goes on.
- ``according_to``: "according to X".
- ``colon_quotation``: 'X praised the director: "…"'.
- ``continued_quotation``: a quotation that opens a sentence unattributed goes on with the previous speaker.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from questions.lexicon import SPEECH_PARTICIPLES
from questions.model import FactKind
from questions.speech.clauses import (
    clause_after_aside, clause_before, clause_before_comma, clause_from, reported_clause,
)
from questions.speech.document import SpeechDocument
from questions.speech.grammar import (
    after_closing_quote, attributed_after, between_commas, has_verb, inside_longer_name, listed_before, may_be,
    name_ends_attribution, new_subject_between, opening_subject, unnamed_before,
)
from questions.speech.ledger import Attribution, Ledger, claim_clause, claim_quotation
from questions.speech.mentions import Mention
from questions.speech.pronouns import resolved, someone_else_named
from questions.speech.quotations import Quote
from questions.speech.vocabulary import NAME_GAP, PASSIVE, PRONOUNS, SOURCE_NOUNS, SPEECH_VERBS, WEAK_SPEECH_VERBS
from questions.speech.who import SPEAKER_FINDERS, speaker_after


_MODALS = frozenset("will would could can may might must should shall".split())


@dataclass(frozen=True, slots=True)
class VerbSpeaker:
    """Who a speech verb's speaker is before pronouns are resolved, and how the attribution is laid out."""

    mention: Mention
    rule: str  # the speaker finder that named them
    inverted: bool  # '"…," said X': the verb right after a closing quotation mark
    after_comma: bool  # "Prices will rise, said Jane Doe.": an inverted verb after a clause and its comma
    attribution_start: int  # where the attribution starts: the speaker, or the verb when it comes first


def speech_verb(doc: SpeechDocument, ledger: Ledger, index: int) -> None:
    """Attribute what a speech verb reports: the quotation beside it, else the clause it reports."""
    verb = doc.tokens[index]
    if not reports_speech(doc, index):
        return
    found = verb_speaker(doc, ledger, index)
    if found is None:
        # "His mother Ann Lee told Fox her son told her …": the sentence has its named speaker already
        if unnamed_before(doc, index) and not any(said.sentence == verb.sentence for said in ledger.said[-3:]):
            ledger.unnamed.add(verb.sentence)
        return
    speaker = resolved(doc, ledger, found.mention)
    if speaker is None or inside_longer_name(doc, speaker):
        return
    what = what_was_said(doc, ledger, index, speaker, found)
    if what is None:
        return
    rule, quotes = what
    texts = tuple(doc.quote_text(quote) for quote in quotes)
    ledger.said.append(Attribution(speaker, verb.sentence, texts, rule, found.rule))
    ledger.unnamed.discard(verb.sentence)  # "The lawyer had said …, said Mr Munro": the sentence has its speaker
    if not found.inverted and not found.after_comma:
        for partner in listed_before(doc, speaker):
            ledger.said.append(Attribution(partner, verb.sentence, texts, rule, "listed_before"))


# Speech verbs in their bare form, which a negation before them makes what was not said.
_BARE_SAYING = frozenset("say tell disclose specify comment elaborate reveal add confirm".split())


def reports_speech(doc: SpeechDocument, index: int) -> bool:
    """Whether a speech verb reports speech here: not "was told to", "is said to be", "to say", "said by"."""
    tokens = doc.tokens
    previous = tokens[index - 1] if index else None
    if previous is not None and (previous.lower in PASSIVE or previous.lower == "to"):
        return False
    # "He could have added that ...", "she would say": what someone might say, which they did not say
    modal_at = index - 2 if previous is not None and previous.lower == "have" else index - 1
    if modal_at >= 0 and tokens[modal_at].lower in _MODALS and tokens[modal_at].sentence == tokens[index].sentence:
        return False
    # "It did not say what effect the tax would have", "declined to say": what someone did not say
    if previous is not None and previous.lower in ("not", "n't", "never") and tokens[index].lower in _BARE_SAYING:
        return False
    following = tokens[index + 1] if index + 1 < len(tokens) else None
    return following is None or following.lower != "by"


def verb_speaker(doc: SpeechDocument, ledger: Ledger, index: int) -> VerbSpeaker | None:
    """The speaker of a speech verb: after it when it follows a quotation or a clause's comma, else before it."""
    verb = doc.tokens[index]
    if after_closing_quote(doc, verb.start):
        speaker = speaker_after(doc, index)
        return VerbSpeaker(speaker, "speaker_after", True, False, verb.start) if speaker is not None else None
    speaker, rule = first_speaker(doc, ledger, index)
    if speaker is not None:
        return VerbSpeaker(speaker, rule, False, False, speaker.start)
    if index and doc.tokens[index - 1].text == ",":
        # "Prices will rise, said Jane Doe, an economist at Acme.": the clause before the comma
        speaker = speaker_after(doc, index)
        if speaker is not None and name_ends_attribution(doc, speaker):
            return VerbSpeaker(speaker, "speaker_after", False, True, verb.start)
        # else "…, said the UK market had grown": a clause after the verb, not a name
    return None


def what_was_said(doc: SpeechDocument, ledger: Ledger, index: int, speaker: Mention,
                  found: VerbSpeaker) -> tuple[str, list[Quote | tuple[int, int]]] | None:
    """What a speech verb's speaker said, and the name of the rule that found it; None when nothing fits."""
    verb = doc.tokens[index]
    quotes: list[Quote | tuple[int, int]] = []
    before = quote_before(doc, ledger, found.attribution_start, verb.sentence)
    if before is not None:
        quotes.append(before)
    after = quote_after(doc, ledger, verb.end, verb.sentence)
    if after is not None:
        quotes.append(after)
    if quotes:
        return "quotation_beside_verb", quotes
    if found.after_comma or between_commas(doc, speaker, index):
        # "But now, he said, prices will rise." / "Also, said Mr Doe, prices will rise, though …"
        before = clause_before_comma(doc, index) if found.after_comma else None
        after = clause_after_aside(doc, speaker, index, before is not None)
        quotes.extend(claim_clause(doc, ledger, clause) for clause in (before, after) if clause is not None)
        return ("clauses_around_aside", quotes) if quotes else None
    rule = "reported_clause"
    clause = reported_clause(doc, index, require_that=verb.lower in WEAK_SPEECH_VERBS)
    if clause is None and not found.inverted:
        rule = "clause_before_verb"
        clause = clause_before(doc, index, speaker)
    if clause is None:
        return None
    return rule, [claim_clause(doc, ledger, clause)]


def first_speaker(doc: SpeechDocument, ledger: Ledger, index: int) -> tuple[Mention | None, str]:
    """The speaker of a verb after its subject, by the first of ``SPEAKER_FINDERS`` that finds one, and its name."""
    for finder in SPEAKER_FINDERS:
        speaker = finder(doc, ledger, index)
        if speaker is not None:
            return speaker, finder.__name__
    return None, ""


def quote_before(doc: SpeechDocument, ledger: Ledger, attribution_start: int, sentence: int) -> Quote | None:
    """The quotation that ends just before the attribution, with only names and titles in between."""
    index = bisect.bisect_right(doc.close_marks, attribution_start) - 1
    for quote in doc.quotes[index:index + 1] if index >= 0 else ():
        gap = doc.text[quote.close_mark:attribution_start]
        gap = re.sub(r"^([\s,]*)(?:a|an|the)\s+(?=[A-Z]|$)", r"\1", gap)  # '"…," a Cosla spokesman said'
        if quote.end == quote.close_mark or not NAME_GAP.fullmatch(gap) or "\n" in gap:
            return None
        if doc.text[quote.start:quote.end].rstrip().endswith(".") and "," not in gap:
            return None  # a finished sentence in quotes is not attributed by the next sentence
        if _a_title(doc.text[quote.start:quote.end]):
            return None  # 'accompanying the "Sugar Program Improvements Act of 1987", Peter Myers said': a name
        return claim_quotation(doc, ledger, quote)
    return None


_TITLE_SMALL_WORDS = frozenset("of and the for in on to a an at by with or".split())


def _a_title(text: str) -> bool:
    """Whether quoted words are a title ("Sugar Program Improvements Act of 1987"), not words someone said."""
    words = text.strip(" ,.").split()
    return 2 <= len(words) <= 12 and words[0][:1].isupper() and not any(mark in text for mark in ".!?;") and \
        all(word[:1].isupper() or word[:1].isdigit() or word in _TITLE_SMALL_WORDS for word in words)


def quote_after(doc: SpeechDocument, ledger: Ledger, position: int, sentence: int) -> Quote | None:
    """The quotation that follows the attribution after a colon or a comma: 'X said: "…"'."""
    index = bisect.bisect_left(doc.open_marks, position)
    if index >= len(doc.quotes):
        return None
    quote = doc.quotes[index]
    if doc.article.sentence_at(quote.open_mark) != sentence:
        return None
    gap = doc.text[position:quote.open_mark]
    if any(char in gap for char in ".!?\n"):
        return None
    words = gap.split()
    if len(words) > 8:
        return None
    stripped = gap.strip()
    if stripped and not stripped.endswith((",", ":")):
        return None
    return claim_quotation(doc, ledger, quote)


def participle(doc: SpeechDocument, ledger: Ledger, index: int) -> None:
    """", saying Murray played "incredibly."", ", noting he had ...": the sentence's speaker goes on."""
    token = doc.tokens[index]
    speaker = None
    for said in reversed(ledger.said):
        if said.sentence == token.sentence:
            speaker = said.speaker
            if new_subject_between(doc, speaker.end, index):
                return  # "Thailand said …, while India rejected aid, saying …": India's words
            break
        if said.sentence < token.sentence:
            break
    if speaker is None:
        # the one who opens the sentence: "Lane dropped Bale, claiming he was unfit" is Lane's claim
        speaker = opening_subject(doc, token.sentence, token.start)
    if speaker is None:
        return
    speaker = resolved(doc, ledger, speaker)
    if speaker is None:
        return
    after = quote_after(doc, ledger, token.end, token.sentence)
    quote = doc.quote_text(after) if after is not None else None
    if quote is None:
        clause = clause_from(doc, index + 1)
        quote = doc.quote_text(claim_clause(doc, ledger, clause)) if clause is not None else None
    if quote:
        ledger.said.append(Attribution(speaker, token.sentence, (quote,), "participle"))


def according_to(doc: SpeechDocument, ledger: Ledger, index: int) -> None:
    """"…, according to the ministry." / "According to X, …"."""
    tokens = doc.tokens
    sentence = tokens[index].sentence
    position = index + 2
    while position < len(tokens) and tokens[position].lower in ("the", "a", "an"):
        position += 1
    if position >= len(tokens):
        return
    mention = doc.mention_at(tokens[position].start)
    if mention is None or mention.kind is FactKind.PLACE:
        return
    bounds = doc.article.sentences[sentence]
    after = doc.article.first_token_at(mention.end)
    if after < len(tokens) and tokens[after].sentence == sentence and tokens[after].lower in SOURCE_NOUNS:
        return  # "according to the DVFA method": a method, not a speaker
    if index and tokens[index - 1].text == ",":
        start = doc.clause_start(sentence, tokens[index].start)
        quote = (start, tokens[index - 1].start)
        if after < len(tokens) and tokens[after].text == "," and tokens[after].sentence == sentence \
                and not has_verb(doc, doc.article.first_token_at(start), tokens[index - 1].start):
            quote = (tokens[after].end, bounds.end)  # "Before July, according to Acme, Explorer was used …"
        elif tokens[index - 2].lower in ("which", "who", "that"):
            return  # "a trainer which, according to Ann Lee, can sense …": an aside inside one clause
    elif tokens[index].start == bounds.start:
        comma = next((token for token in tokens[position:position + 40] if token.sentence == sentence
                      and token.text == ","), None)
        if comma is None:
            return
        quote = (comma.end, bounds.end)
    else:
        return
    text = doc.quote_text(quote)
    if text and len(text.split()) >= 3:
        ledger.said.append(Attribution(mention, sentence, (text,), "according_to"))


def continued_quotations(doc: SpeechDocument, ledger: Ledger) -> None:
    """A quotation that opens a sentence with no attribution goes on with the previous sentence's speaker."""
    # The attributions so far by sentence, kept sorted as continued quotations join them.
    by_sentence = sorted((said.sentence, order) for order, said in enumerate(ledger.said))
    for chain, parts in doc.chains.items():
        if chain in ledger.used_chains:
            continue
        first = parts[0]
        sentence = doc.article.sentence_at(first.open_mark)
        if doc.text[max(0, first.open_mark - 20):first.open_mark].rstrip().endswith(":"):
            count = len(ledger.said)
            colon_quotation(doc, ledger, parts, sentence)
            if len(ledger.said) > count:
                bisect.insort(by_sentence, (sentence, count))
            continue
        if doc.article.sentences[sentence].start != first.open_mark:
            continue
        attribution = attributed_after(doc, parts[-1])
        if attribution is not None and attribution not in PRONOUNS:
            continue  # '"…," Jauppi says.': its own speaker, whom the rules could not name
        position = bisect.bisect_left(by_sentence, (sentence, -1)) - 1
        if position < 0 or sentence - by_sentence[position][0] > 2:
            continue
        latest = by_sentence[position][0]
        # of the attributions in that sentence, the first one made (as the full scan used to find)
        last = ledger.said[min(order for said_sentence, order in by_sentence[bisect.bisect_left(
            by_sentence, (latest, -1)):position + 1])]
        if attribution is not None and not (last.speaker.kind is FactKind.PERSON and may_be(
                doc, last.speaker.value, "m" if attribution == "he" else "f")):
            continue  # '"…," she said.' after a man spoke
        if any(someone_else_named(doc, between, last.speaker.value) for between in range(latest + 1, sentence)):
            continue  # 'Miller argued … People like Eppel were steadfast. "…," he said': either man
        if any(_quotes_someone_unnamed(doc, between, by_sentence) for between in range(latest + 1, sentence)):
            continue  # '"…," Data Resources' Wyss said. "…," he added.': the rules could not name the one between
        text = doc.quote_text(parts[0])
        if text and len(text.split()) >= 2:
            claim_quotation(doc, ledger, first)
            ledger.said.append(Attribution(last.speaker, sentence, (text,), "continued_quotation"))
            bisect.insort(by_sentence, (sentence, len(ledger.said) - 1))


def _quotes_someone_unnamed(doc: SpeechDocument, sentence: int, by_sentence: list[tuple[int, int]]) -> bool:
    """Whether a sentence holds a quotation that no attribution took: someone the rules could not name spoke."""
    bounds = doc.article.sentences[sentence]
    quoted = any(mark in doc.text[bounds.start:bounds.end] for mark in '"“”')
    first = bisect.bisect_left(by_sentence, (sentence, -1))
    return quoted and not (first < len(by_sentence) and by_sentence[first][0] == sentence)


def colon_quotation(doc: SpeechDocument, ledger: Ledger, parts: tuple[Quote, ...], sentence: int) -> None:
    """'He also praised the director: "…"': a quotation after a colon is the subject's."""
    bounds = doc.article.sentences[sentence]
    if bounds.start >= parts[0].open_mark:
        return
    speaker = opening_subject(doc, sentence, parts[0].open_mark)
    if speaker is None or sentence in ledger.unnamed:
        return
    speaker = resolved(doc, ledger, speaker)
    text = doc.quote_text(parts[0])
    if speaker is not None and text:
        claim_quotation(doc, ledger, parts[0])
        ledger.said.append(Attribution(speaker, sentence, (text,), "colon_quotation"))


def attribute(doc: SpeechDocument, *, limit: int) -> tuple[Attribution, ...]:
    """Run the rules over the document in reading order; return the attributions, about ``limit`` at most."""
    ledger = Ledger()
    tokens = doc.tokens
    for index, token in enumerate(tokens):
        if len(ledger.said) >= limit:
            break
        if not token.word or doc.inside_quote(token.start):
            continue
        lower = token.lower
        if lower in SPEECH_VERBS or lower in WEAK_SPEECH_VERBS:
            speech_verb(doc, ledger, index)
        elif lower in SPEECH_PARTICIPLES and index and tokens[index - 1].text == ",":
            participle(doc, ledger, index)
        elif lower == "according" and index + 1 < len(tokens) and tokens[index + 1].lower == "to":
            according_to(doc, ledger, index)
    continued_quotations(doc, ledger)
    return tuple(ledger.said)
