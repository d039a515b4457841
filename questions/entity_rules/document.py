"""The shared document the entity rules read: the article's tokens, built once, and what they say."""
from __future__ import annotations

import collections
import enum
from dataclasses import dataclass, field
from functools import cached_property
from typing import NamedTuple

from questions import gazetteer
from questions.entity_rules.words import NUMBER_WORDS
from questions.gazetteer import PlaceKind
from questions.lexicon import DEMONYMS, HEADLINE_WORDS, MONTHS, PRODUCT_NOUNS, WEEKDAYS
from questions.model import FactKind
from questions.names import Article, Token, head_word, title_word


class Kind(enum.Enum):
    PERSON = FactKind.PERSON
    ORGANISATION = FactKind.ORGANISATION
    PLACE = FactKind.PLACE
    THING = None  # programmes, laws, events, prizes: recognised so their words are not misread, never reported


class Mention(NamedTuple):
    kind: Kind
    value: str
    first: int  # token range [first, last)
    last: int
    strength: int = 1  # how sure the reading is; the strongest reading of a name wins
    role: str | None = None
    context: int = -1  # first token of the whole phrase, title included ("Colonel General Kerim Valiyev")
    rule: str = ""  # the rule that made this candidate: "read_titled_person", "read_headed", ...


class Pending(NamedTuple):
    """A single capitalised word whose reading waits for the whole article."""

    index: int
    cue: str  # "place", "weak-place", "org", "" (none)


@dataclass
class Entity:
    kind: Kind
    value: str
    mentions: list[Mention] = field(default_factory=list)
    roles: list[tuple[int, str]] = field(default_factory=list)  # (priority, role)
    strength: int = 0  # of the strongest mention, whose kind the entity takes


@dataclass(frozen=True)
class EntityText:
    """The article as the entity rules read it: tokens built once, the dateline, article-wide word sets."""

    article: Article
    dateline: tuple[int, int]  # character range of the dateline, (0, 0) when none

    @property
    def tokens(self) -> tuple[Token, ...]:
        """The article's tokens, made once for every rule."""
        return self.article.tokens

    @cached_property
    def mid_sentence_capitals(self) -> frozenset[str]:
        """Words the article capitalises where position does not call for it."""
        initial, caps = self.article.initial, self.article.caps_insensitive
        return frozenset(token.text for index, token in enumerate(self.tokens)
                         if token.capitalised and index not in initial and token.sentence not in caps)

    @cached_property
    def positions(self) -> dict[str, tuple[int, ...]]:
        """Where each token's text stands in the article: rules that ask "everywhere X is written" look it up."""
        found: dict[str, list[int]] = {}
        for index, token in enumerate(self.tokens):
            found.setdefault(token.text, []).append(index)
        return {text: tuple(indices) for text, indices in found.items()}

    @cached_property
    def capitalised_counts(self) -> collections.Counter[str]:
        """How often each capitalised word occurs: counted once, not per name."""
        return collections.Counter(token.text for token in self.tokens if token.capitalised)

    @cached_property
    def product_words(self) -> frozenset[str]:
        """Capitals used before a kind of product: "the ZX titles", "VHS machines"."""
        tokens = self.tokens
        return frozenset(token.text for token, following in zip(tokens, tokens[1:])
                         if token.acronym and not token.suffix and following.text.islower()
                         and following.lower in PRODUCT_NOUNS)

    @cached_property
    def common_acronyms(self) -> frozenset[str]:
        """Letters that abbreviate lower-case words: "a personal video recorder (PVR)"."""
        tokens = self.tokens
        common = set()
        for index in range(2, len(tokens) - 1):
            if tokens[index].acronym and tokens[index - 1].text == "(" and tokens[index + 1].text == ")":
                words = [token for token in tokens[max(0, index - 7):index - 1] if token.word]
                letters = len([char for char in tokens[index].text if char.isalpha()])
                expansion = words[-letters:] if letters <= len(words) else []
                if expansion and all(token.text.islower() for token in expansion) \
                        and initials_match(tokens[index].text, expansion):
                    common.add(tokens[index].text)
        return frozenset(common)


def in_dateline(doc: EntityText, index: int) -> bool:
    """Whether token ``index`` is inside the dateline ("KHOJALY, Azerbaijan (Reuters) -")."""
    start, end = doc.dateline
    return start <= doc.tokens[index].start < end


def acronym_after(doc: EntityText, last: int) -> str | None:
    """The letters in brackets right after token ``last``: "Voice of America (VOA)"."""
    tokens = doc.tokens
    if last + 2 < len(tokens) and tokens[last].text == "(" and tokens[last + 2].text == ")" \
            and (tokens[last + 1].acronym or acronym_like(doc, tokens[last + 1])):
        return tokens[last + 1].text
    return None


def gazetteer_match(doc: EntityText, first: int, last: int) -> tuple[int, gazetteer.Place] | None:
    """The longest gazetteer name that starts at token ``first`` and ends before ``last``."""
    for end in range(min(last, first + 4), first, -1):
        if not doc.tokens[end - 1].capitalised:
            continue
        place = gazetteer.lookup(doc.article.span_text(first, end))
        if place is not None:
            return end, place
    return None


def followed_by(doc: EntityText, last: int, words: frozenset[str]) -> bool:
    """Whether the word after the name, in its sentence, is one of ``words``."""
    return last < len(doc.tokens) and doc.tokens[last].lower in words \
        and doc.tokens[last].sentence == doc.tokens[last - 1].sentence


def town(text: str) -> bool:
    """A town or city, not a country or region: "Leeds", "Parma"."""
    place = gazetteer.lookup(text)
    return place is not None and place.kind <= PlaceKind.SUBDIVISION


def known_place(text: str) -> bool:
    """A place the gazetteer knows well enough to name it without a cue."""
    place = gazetteer.lookup(text)
    return place is not None and (place.kind >= PlaceKind.SUBDIVISION or place.population >= gazetteer.BIG_CITY)


def proper_noun(doc: EntityText, index: int) -> bool:
    """A capital that marks a name: inside a sentence, on a word that is no title, month or common word."""
    token = doc.tokens[index]
    lower = token.lower
    return token.capitalised and index not in doc.article.initial and lower not in HEADLINE_WORDS \
        and lower not in DEMONYMS and lower not in MONTHS and lower not in WEEKDAYS and not title_word(token) \
        and not any(char.isdigit() for char in token.text) and not head_word(lower) \
        and lower not in NUMBER_WORDS


def acronym_like(doc: EntityText, token: Token) -> bool:
    """"UNCF", "TfT", "PwC": letters in capitals, whatever the case of the others."""
    return token.word and len(token.text) <= 8 and sum(char.isupper() for char in token.text) >= 2 \
        and token.text[:1].isupper()


def inside_word(doc: EntityText, index: int) -> bool:
    """A period with letters right on both sides: part of a web address ("Example.com")."""
    tokens = doc.tokens
    return 0 < index < len(tokens) - 1 and tokens[index - 1].end == tokens[index].start \
        and tokens[index + 1].start == tokens[index].end and tokens[index - 1].word and tokens[index + 1].word


def initials_match(acronym: str, words: list[Token]) -> bool:
    """Whether the acronym can be read off the words' initials; small words may or may not count."""
    letters = [char for char in acronym.upper() if char.isalpha()]
    initials: list[tuple[str, bool]] = []
    for word in words:
        if word.acronym:
            initials.extend((char, True) for char in word.text if char.isalpha())
        else:
            optional = word.lower in HEADLINE_WORDS or word.lower in DEMONYMS
            initials.append((word.text[0].upper(), optional))
    position = 0
    for letter, optional in initials:
        if position < len(letters) and letters[position] == letter:
            position += 1
        elif not optional and position > 0:
            return False
    return position == len(letters)
