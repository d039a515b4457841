"""What the rules have decided so far, read by the rules that come after: attributions, taken quotations, and the
sentences where someone unnamed speaks. The only state of the stage; ``claim_quotation`` is its one filter."""
from __future__ import annotations

import bisect

from dataclasses import dataclass, field

from questions.speech.document import SpeechDocument
from questions.speech.mentions import Mention
from questions.speech.quotations import Quote


@dataclass(frozen=True, slots=True)
class Attribution:
    """One candidate: who (their mention) said which quotations or reported clause, and the rules that found it."""

    speaker: Mention
    sentence: int
    quotes: tuple[str, ...]
    rule: str  # the rule that found what was said
    speaker_rule: str = ""  # the rule that found who said it, when another one


@dataclass(slots=True)
class Ledger:
    """The attributions made in reading order, and what they have taken."""

    said: list[Attribution] = field(default_factory=list)
    used_chains: set[int] = field(default_factory=set)  # quotations (chains) already attributed
    unnamed: set[int] = field(default_factory=set)  # sentences where someone unnamed speaks ("A spokesman said")


def claim_quotation(doc: SpeechDocument, ledger: Ledger, quote: Quote) -> Quote | None:
    """Give a quotation, with the paragraphs that continue it, to the first rule that claims it; None after that.

    This is the filter between competing attributions: rules run in reading order, so the attribution nearest the
    quotation's start (its own verb, then a colon before it, then the previous speaker going on) takes it."""
    if quote.chain in ledger.used_chains:
        return None
    ledger.used_chains.add(quote.chain)
    parts = doc.chains[quote.chain]
    return Quote(parts[0].start, parts[-1].end, parts[0].open_mark, parts[-1].close_mark, quote.chain)


def claim_clause(doc: SpeechDocument, ledger: Ledger, clause: tuple[int, int]) -> tuple[int, int]:
    """Take the quotations that start inside a reported clause with it: no other rule may attribute them."""
    start, end = clause
    first, last = bisect.bisect_left(doc.quote_starts, start), bisect.bisect_left(doc.quote_starts, end)
    for quote in doc.quotes[first:last]:
        ledger.used_chains.add(quote.chain)
    return clause
