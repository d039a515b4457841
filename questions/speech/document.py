"""The document every attribution rule reads: tokens, sentences, mentions and quotations, built once per article."""
from __future__ import annotations

import bisect

from dataclasses import dataclass

from questions.model import Fact, FactKind
from questions.names import Article, Token
from questions.speech.mentions import Mention, find_mentions, genders
from questions.speech.quotations import Quote, pair_quotations
from questions.speech.vocabulary import CLAUSE_WINDOW, PRONOUNS, TRAILING


@dataclass(frozen=True, slots=True)
class SpeechDocument:
    """An article as the attribution rules read it; lookups by offset are its methods."""

    article: Article
    text: str
    tokens: tuple[Token, ...]
    roles: tuple[tuple[str, str], ...]  # (role in lower case, person) for every person the article gives a role
    mentions: tuple[Mention, ...]  # in text order
    mention_starts: tuple[int, ...]
    quotes: tuple[Quote, ...]  # in text order
    quote_starts: tuple[int, ...]
    open_marks: tuple[int, ...]
    close_marks: tuple[int, ...]
    chains: dict[int, tuple[Quote, ...]]  # the parts of each quotation continued over paragraphs
    gender: dict[str, str]  # "m" or "f" for the people the text says it of


    def mention_ending(self, end: int) -> Mention | None:
        """The mention that ends at ``end``, if any."""
        index = bisect.bisect_left(self.mention_starts, end) - 1
        while index >= 0 and self.mentions[index].end > end:
            index -= 1
        if index >= 0 and self.mentions[index].end == end:
            return self.mentions[index]
        return None

    def mentions_between(self, start: int, end: int) -> list[Mention]:
        """The mentions between two offsets, outside quotations."""
        index = bisect.bisect_left(self.mention_starts, start)
        found = []
        while index < len(self.mentions) and self.mentions[index].start < end:
            mention = self.mentions[index]
            if mention.end <= end and not self.inside_quote(mention.start):
                found.append(mention)
            index += 1
        return found

    def mention_at(self, position: int) -> Mention | None:
        """The mention that starts at ``position``, if any."""
        index = bisect.bisect_left(self.mention_starts, position)
        if index < len(self.mentions) and self.mentions[index].start == position:
            return self.mentions[index]
        return None

    def pronoun_between(self, start: int, end: int) -> Mention | None:
        """The last "he" or "she" between two offsets, as a mention still to resolve."""
        first = self.article.first_token_at(start)
        last = self.article.first_token_at(end)
        for token in reversed(self.tokens[first:last]):
            if token.lower in PRONOUNS and not self.inside_quote(token.start):
                return Mention(token.start, token.end, "", None)
        return None

    def possessive(self, mention: Mention) -> bool:
        """"VOA's Ndimyake Mwakalyelye": a name in the possessive modifies the speaker, it is not one."""
        return self.text.startswith(("'s", "’s"), mention.end)

    def inside_quote(self, position: int) -> bool:
        """Whether an offset lies inside a quotation's words."""
        index = bisect.bisect_right(self.quote_starts, position) - 1
        return index >= 0 and self.quotes[index].start <= position < self.quotes[index].end

    def clause_start(self, sentence: int, position: int) -> int:
        """Where the clause holding ``position`` starts: the sentence start, a closing quote or a semicolon."""
        start = self.article.sentences[sentence].start
        index = bisect.bisect_right(self.close_marks, position) - 1
        while index >= 0 and self.quotes[index].close_mark >= start:
            quote = self.quotes[index]
            if quote.close_mark > quote.end:
                start = quote.close_mark
                break
            index -= 1
        semicolon = self.text.rfind(";", max(start, position - CLAUSE_WINDOW), position)
        return semicolon + 1 if semicolon >= 0 else start

    def quote_text(self, quote: Quote | tuple[int, int]) -> str:
        """A quotation's words without its marks (paragraphs joined), or a reported clause without its full stop."""
        if isinstance(quote, Quote):
            parts = self.chains.get(quote.chain) or [quote]
            return " ".join(" ".join(self.text[part.start:part.end].split()).rstrip(" ,;:—–-") for part in parts)
        return " ".join(self.text[quote[0]:quote[1]].split()).rstrip(TRAILING).lstrip("\"“‘ ").strip()


def read_document(article: Article, entities: tuple[Fact, ...]) -> SpeechDocument:
    """Build the document of an article: its mentions of speakers, its quotations and its people's genders."""
    roles = tuple((" ".join(fact.role.lower().split()), str(fact.value)) for fact in entities
                  if fact.kind is FactKind.PERSON and fact.role)
    mentions = find_mentions(article, entities, roles)
    quotes = tuple(pair_quotations(article))
    chains: dict[int, list[Quote]] = {}
    for quote in quotes:
        chains.setdefault(quote.chain, []).append(quote)
    return SpeechDocument(
        article=article,
        text=article.text,
        tokens=article.tokens,
        roles=roles,
        mentions=mentions,
        mention_starts=tuple(mention.start for mention in mentions),
        quotes=quotes,
        quote_starts=tuple(quote.start for quote in quotes),
        open_marks=tuple(quote.open_mark for quote in quotes),
        close_marks=tuple(quote.close_mark for quote in quotes),
        chains={chain: tuple(parts) for chain, parts in chains.items()},
        gender=genders(article, mentions),
    )
