"""Tokens and capitalised name candidates of an article, rebuilt from its sentences with their offsets."""
from __future__ import annotations

import bisect
import functools
import operator
import re
from dataclasses import dataclass
from typing import NamedTuple

from questions import gazetteer
from questions.lexicon import (
    ABBREVIATIONS, AGENT_HYPHEN_SUFFIXES, COMMON, DEMONYMS, HEADLINE_WORDS, LEGAL_SUFFIXES, MONTHS, NAME_MONTHS,
    NAME_PARTICLES, NAMED_THING_HEADS, NOBLE_TITLES, ORG_HEADS, PERSON_TITLES, PLACE_HEADS, PLACE_HYPHEN_SUFFIXES,
    NEWSPAPER_WORDS, STORM_WORDS, SURNAME_WORDS, WEEKDAYS,
)
from questions.model import Sentence
from questions.spelling import common

_TOKEN = re.compile(
    r"(?:[^\W\d_]\.){2,}(?![^\W\d_])"  # U.S., D.C., U.K.
    r"|[A-Z]['’](?=\s+[A-Z])"  # the "N'" of "Pay N' Pak Stores": an "and" inside a name
    # words, with inner apostrophes and hyphens; the letters between them are one class repeated, which the
    # pattern engine runs in a tight loop, instead of a choice made again at every letter
    r"|[^\W\d_][^\W_]*(?:(?:['’](?=[^\W\d_])|[-‐‑](?=[^\W_]))[^\W_]*)*"
    r"|\d+(?:[.,:]\d+)*"
    r"|''|\S"
)
_OPENING_QUOTES = frozenset({"“", "‘", "''", "«"})
_CLAUSE_OPENERS = frozenset({":", "—", "–", "(", "[", "-", "•", "*", "|", ";"})
# Endings of common nouns and adjectives that names rarely have ("Progress", "Development", "Healthier").
_COMMON_ENDINGS = ("tion", "sion", "ment", "ness", "ity", "ism", "ship", "ful", "less", "ical", "ally", "ology")


class Token(NamedTuple):
    text: str
    start: int
    end: int
    sentence: int  # index of the sentence it is in
    word: bool  # letters (a word or a dotted abbreviation), not a number or punctuation
    suffix: str  # what followed the name after a hyphen: "Moscow-based" -> "based"
    lower: str
    capitalised: bool
    acronym: bool  # all capitals, at least two letters: "CSTO", "U.S.", "AT&T" (not "I" or "J.")


_START = operator.itemgetter(1)
_new_token = tuple.__new__  # a token is made for every word: skip the named tuple's Python-level constructor


def _word(text: str, start: int, end: int, sentence: int, suffix: str = "") -> Token:
    capitalised = text[0].isupper()
    acronym = capitalised and text.isupper() and len(text) > 1 and (len(text) > 2 or text[1].isalpha())
    return _new_token(Token, (text, start, end, sentence, True, suffix, text.lower(), capitalised, acronym))


def _sign(text: str, start: int, end: int, sentence: int) -> Token:
    return _new_token(Token, (text, start, end, sentence, False, "", text, False, False))


@dataclass(frozen=True)
class Article:
    """The article text as far as the sentences cover it, with its tokens; text offsets are the article's."""

    text: str
    sentences: tuple[Sentence, ...]
    tokens: tuple[Token, ...]
    starts: tuple[int, ...]  # each sentence's start, for bisecting
    token_starts: tuple[int, ...]  # each token's start, for bisecting
    initial: frozenset[int]  # tokens whose capital comes from their position (sentence or quote start)
    caps_insensitive: frozenset[int]  # sentences in title case or capitals (headlines): capitals say nothing
    lowercase: frozenset[str]  # words the article writes in lower case somewhere
    headline: int  # index of the headline sentence, -1 when none

    def sentence_at(self, offset: int) -> int:
        return max(0, bisect.bisect_right(self.starts, offset) - 1)

    def first_token_at(self, offset: int) -> int:
        """Index of the first token that starts at or after ``offset``."""
        return bisect.bisect_left(self.token_starts, offset)

    def span_text(self, first: int, last: int) -> str:
        """The text from token ``first`` through token ``last - 1``."""
        return self.text[self.tokens[first].start:self.tokens[last - 1].end]


def read_article(sentences: tuple[Sentence, ...]) -> Article:
    """Rebuild the text the sentences cover (gaps become spaces) and tokenise it.

    The entity and speaker stages read the same sentences one after the other, so the last reading is kept;
    only the last: a reading of a long paste holds a token for every word, tens of megabytes.
    """
    return _read_article(tuple(sentences))


@functools.lru_cache(maxsize=1)
def _read_article(sentences: tuple[Sentence, ...]) -> Article:
    ordered = tuple(sorted(sentences, key=lambda sentence: sentence.start))
    parts = []
    position = 0
    for sentence in ordered:
        text = sentence.text
        start = sentence.start
        if len(text) != sentence.end - start:  # a splitter that strips without moving its offsets
            start = sentence.end - len(text)
        if start < position:  # overlapping sentences: keep what the earlier one wrote
            text = text[position - start:]
            start = position
        parts.append(" " * (start - position))
        parts.append(text)
        position = start + len(text)
    text = "".join(parts)
    starts = tuple(sentence.start for sentence in ordered)
    tokens = _tokenise(text, starts)
    # The first line of a pasted article is its headline; anatomy finds the same, and this keeps the
    # reading independent of the stage that made the sentences.
    headline = 0 if ordered and ordered[0].start == 0 and not ordered[0].text.rstrip("\"”’' ").endswith(".") else -1
    lowercase = frozenset([token.text for token in tokens if token.word and not token.capitalised])
    return Article(
        text=text,
        sentences=ordered,
        tokens=tokens,
        starts=starts,
        token_starts=tuple(map(_START, tokens)),
        initial=_initial_tokens(tokens, text),
        caps_insensitive=_caps_insensitive(tokens, len(ordered), headline),
        lowercase=lowercase,
        headline=headline,
    )


def _tokenise(text: str, starts: tuple[int, ...]) -> tuple[Token, ...]:
    tokens: list[Token] = []
    append = tokens.append
    sentence = 0
    count = len(starts)
    next_start = starts[1] if count > 1 else len(text) + 1
    length = len(text)
    taken = 0  # the end of an abbreviation that took its period ("Dr.")
    for match in _TOKEN.finditer(text):
        start, end = match.span()
        if start < taken:
            continue
        while start >= next_start:
            sentence += 1
            next_start = starts[sentence + 1] if sentence + 1 < count else length + 1
        word = match.group()
        if not word[0].isalpha():
            append(_sign(word, start, end, sentence))
            continue
        if len(word) > 2 and word[-2] in "'’" and word[-1] in "sS" and word[-3].isalpha():
            cut = end - 2
            append(_word(word[:-2], start, cut, sentence))
            append(_sign(word[-2:], cut, end, sentence))
            continue
        if "-" in word and word[0].isupper():
            head, _, tail = word.rpartition("-")
            if tail in PLACE_HYPHEN_SUFFIXES or tail in AGENT_HYPHEN_SUFFIXES:
                append(_word(head, start, start + len(head), sentence, tail))
                continue
        if end < length and text[end] == "." and "." not in word \
                and (len(word) == 1 and word.isupper() or word.lower() in ABBREVIATIONS):
            append(_word(word + ".", start, end + 1, sentence))
            taken = end + 1
            continue
        capitalised = word[0].isupper()  # _word, written out: this is the path most tokens take
        lower = word.lower()
        if not capitalised and lower == word:
            lower = word  # one string for both: a long paste keeps a token for every word it holds
        append(_new_token(Token, (word, start, end, sentence, True, "", lower, capitalised,
                                  capitalised and word.isupper() and len(word) > 1
                                  and (len(word) > 2 or word[1].isalpha()))))
    return tuple(tokens)


def _initial_tokens(tokens: tuple[Token, ...], text: str) -> frozenset[int]:
    """Tokens capitalised by position: first word of a sentence, of a quotation, or after a colon or dash."""
    initial = set()
    previous_sentence = -1
    at_start = True
    for index, token in enumerate(tokens):
        if token.sentence != previous_sentence:
            previous = tokens[index - 1] if index else None
            # A title's period is no sentence end, whatever the splitter made of it ("Dr." | "Adams said").
            at_start = not (previous is not None and previous.text.endswith(".")
                            and previous.lower.rstrip(".") in ABBREVIATIONS and previous.lower not in MONTHS)
            previous_sentence = token.sentence
        if not token.word:
            if token.text in _OPENING_QUOTES or token.text in _CLAUSE_OPENERS or token.text in ".!?" \
                    or token.text == '"' and opening_quote(text, token.start):
                at_start = True
            continue
        if at_start:
            initial.add(index)
        at_start = False
    return frozenset(initial)


def _caps_insensitive(tokens: tuple[Token, ...], sentence_count: int, headline: int) -> frozenset[int]:
    """Sentences where capitals do not mark names: title-case or all-capital headlines and labels.

    Title case capitalises verbs and common nouns too, so a sentence with a lower-case content word is prose,
    however many names it holds; a headline may keep one ("U.S. Government commits $110 Million ...").
    """
    words: list[list[Token]] = [[] for _ in range(sentence_count)]
    for token in tokens:
        if token.word and len(token.text) > 1:
            words[token.sentence].append(token)
    flagged = set()
    for index, sentence_words in enumerate(words):
        content = [token for token in sentence_words if token.lower not in HEADLINE_WORDS]
        if len(content) < 3:
            continue
        if sum(token.acronym for token in content) >= 0.8 * len(content):
            flagged.add(index)
            continue
        capitals = sum(token.capitalised and token.lower not in MONTHS and token.lower not in WEEKDAYS
                       for token in content)
        lower = sum(token.text.islower() and len(token.text) >= 3 for token in content)
        if capitals >= 4 and lower <= (1 if index == headline else 0):
            flagged.add(index)
    return frozenset(flagged)


def opening_quote(text: str, position: int) -> bool:
    """Whether the quotation mark at ``position`` opens a quotation (else it closes one)."""
    char = text[position]
    if char in "“‘«":
        return True
    if char in "”»":
        return False
    before = text[position - 1] if position else " "
    after = text[position + 1] if position + 1 < len(text) else " "
    if char == "'" and after == "'":  # '' used as a double quotation mark
        after = text[position + 2] if position + 2 < len(text) else " "
    if after.isspace() or after in ".,;:!?)]":
        return False
    return before.isspace() or before in "([{—–-/:" or position == 0


def title_word(token: Token) -> bool:
    return token.lower in PERSON_TITLES or token.lower.rstrip(".") in PERSON_TITLES


def noble_title(token: Token) -> bool:
    return token.lower in NOBLE_TITLES or token.lower.rstrip(".") in NOBLE_TITLES


def ordinary_word(lower: str) -> bool:
    """A common word, not a name: "Despite", "International", "Progress"."""
    return lower in COMMON or lower in HEADLINE_WORDS or lower.endswith(_COMMON_ENDINGS)


def head_word(lower: str) -> bool:
    return (lower in ORG_HEADS or lower in PLACE_HEADS or lower in NAMED_THING_HEADS or lower in LEGAL_SUFFIXES
            or lower in STORM_WORDS)


def name_word(token: Token, article: Article, *, strict: bool = False, given: bool = False,
              surname: bool = False) -> bool:
    """Whether a capitalised token can be part of a person's name.

    ``given`` for a first name ("Bill", "Grant"); ``surname`` for the last word after a first name, which may be a
    common word ("Theresa May").
    """
    if not token.capitalised or token.acronym and len(token.text) > 2 and not (given and initials(token)):
        return False
    lower = token.lower
    if any(char.isdigit() for char in lower) or token.text[-1] == "s" and token.text[:-1].isupper():
        return False  # "B-52", "PCs"
    if len(lower) == 2 and lower.endswith(".") or initials(token):  # an initial: "J.", "T.P."
        return True
    if surname and lower in SURNAME_WORDS:
        return True
    if ordinary_word(lower) or lower in DEMONYMS or title_word(token) or lower in WEEKDAYS:
        return False
    if head_word(lower) and not (given and lower in NAMED_THING_HEADS and lower not in COMMON):
        return False
    if lower.endswith("s") and (ordinary_word(lower[:-1]) or lower[:-1] in PERSON_TITLES or head_word(lower[:-1])):
        return False  # "Officers", "Guards": plurals of common words
    if given and plural_noun(lower):
        return False  # "Automobiles Citroen", "Chemicals Ltd": a plural noun opens a firm's name, never a person's
    if lower in MONTHS and lower not in NAME_MONTHS:
        return False
    return not (strict and lower in article.lowercase)


# Endings of words that look plural but are names or singular words ("Ross", "Klaus", "Boris", "Carlos").
_SINGULAR_ENDINGS = ("ss", "us", "is", "os", "as", "ys")


def plural_noun(lower: str) -> bool:
    """Whether a lower-case word is the plural of a common English word: "automobiles", "laboratories".

    Short plurals are left alone, because some are also given names ("Miles", "Brooks"); so is the plural of a
    place ("Frances"). The dictionary knows frequent given names too ("william"), but their plurals are surnames,
    which do not open a name.
    """
    if len(lower) < 7 or not lower.endswith("s") or lower.endswith(_SINGULAR_ENDINGS):
        return False
    singular = lower[:-3] + "y" if lower.endswith("ies") else lower[:-1]
    return common(singular) and gazetteer.lookup(singular.capitalize()) is None


# Generational suffixes end a name without being its surname ("Harry Conway Jr").
_GENERATIONAL = frozenset("jr jr. sr sr. ii iii iv".split())


# Dotted capitals that abbreviate a body, not a first name.
_BODY_INITIALS = frozenset("u.n. e.u. u.s. u.k. u.a.e. d.c. a.m. p.m.".split())
_INITIALS = re.compile(r"(?:[A-Z]\.){2,3}")


def initials(token: Token) -> bool:
    """A first name written as dotted initials: "T.P. Lilaratne", "J.R.R. Tolkien" (never "U.N.")."""
    return bool(_INITIALS.fullmatch(token.text)) and token.lower not in _BODY_INITIALS


def surname(name: str) -> str:
    """The word of a full name that stands for the person alone: "Conway" in "Harry Conway Jr"."""
    words = name.split()
    while len(words) > 2 and words[-1].lower() in _GENERATIONAL:
        words.pop()
    return words[-1] if words else name


def particle(token: Token) -> bool:
    return token.word and token.lower in NAME_PARTICLES and token.text.islower()


def date_word(token: Token, previous: Token | None, following: Token | None) -> bool:
    """A month or weekday used as a date ("May 15", "on Sunday"), not a name ("Theresa May said")."""
    lower = token.lower
    if lower in WEEKDAYS:
        # "the Sunday Times", "the Mail on Sunday" name newspapers
        return not (following is not None and following.capitalised and following.lower in NEWSPAPER_WORDS)
    if lower in MONTHS:
        if lower not in NAME_MONTHS or following is not None and following.text[:1].isdigit():
            return True
        return not (previous is not None and previous.capitalised and previous.sentence == token.sentence
                    and previous.lower not in HEADLINE_WORDS)
    return False
