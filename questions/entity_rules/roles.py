"""Role phrases around a name: "X, the company's chief executive,", "astronaut X", "the minister, X"."""
from __future__ import annotations

import re

from questions.entity_rules.document import EntityText, acronym_like, inside_word
from questions.entity_rules.words import (
    APPOSITIVE_VERBS, DEGREE_WORDS, KIN, ROLE_LINKS, ROLE_STOPS, TIME_NOUNS, VERB_LIKE,
)
from questions.lexicon import DEMONYMS, HEADLINE_WORDS, MONTHS, ORG_HEADS, ROLE_FILLERS, ROLE_NOUNS, SPEECH_VERBS
from questions.names import name_word, ordinary_word, title_word


def common_surname_after_role(doc: EntityText, first: int, last: int) -> bool:
    """"coach John Wells", "Mike Lake, a Yukos spokesman": with a role, a first name and a common word are a name.

    Surnames that are common words or weekdays read as no name alone; the role in front of a first name is
    how journalists introduce a person, so the word after it is their surname.
    """
    tokens = doc.tokens
    if last - first != 2:
        return False
    given, family = tokens[first], tokens[last - 1]
    if not name_word(given, doc.article, strict=True, given=True) or family.acronym \
            or not family.text[1:].islower() or family.lower in ORG_HEADS or title_word(family) \
            or family.lower in DEMONYMS or family.lower in MONTHS or family.lower in HEADLINE_WORDS:
        return False
    if last < len(tokens) and tokens[last].text == "," and tokens[last + 1:last + 2] \
            and tokens[last + 1].lower in ("a", "an", "the") and appositive_after(doc, last) is not None:
        return True  # "Mike Lake, a Yukos spokesman,"
    return first > 0 and tokens[first - 1].text.islower() and tokens[first - 1].lower in ROLE_NOUNS \
        and tokens[first - 1].sentence == family.sentence


def agent_noun(doc: EntityText, index: int) -> bool:
    """A lower-case word for someone who does something: "thrower", "jumper", "guitarist", "historian"."""
    token = doc.tokens[index]
    lower = token.lower
    if not (token.word and token.text.islower() and len(lower) >= 5 and lower.endswith(("er", "or", "ist", "ian"))
            and not ordinary_word(lower) and lower not in ROLE_STOPS and lower not in SPEECH_VERBS
            and not lower.endswith(("ier", "ower", "ater", "ever", "ther"))):
        return False
    # "much longer", "far bigger": a comparative, not someone
    return not (index and doc.tokens[index - 1].lower in DEGREE_WORDS
                or index + 1 < len(doc.tokens) and doc.tokens[index + 1].lower == "than")


def appositive_after(doc: EntityText, last: int) -> str | None:
    """", the company's chief executive," after a name; ", OFHEO director said" ends at the speech verb."""
    tokens = doc.tokens
    index = last + 1
    if index < len(tokens) and tokens[index].text[:1].isdigit() and index + 1 < len(tokens) \
            and tokens[index + 1].text == ",":
        index += 2  # an age: "Smith, 45, a lawyer"
    start = index
    if start < len(tokens) and tokens[start].lower in ("as", "in", "at", "with", "for", "from", "after", "under"):
        return None  # "Het Comite, as a member of FEFAC,": what the name does, not what it is
    opening = tokens[start + 1] if start + 1 < len(tokens) and tokens[start].lower == "the" else \
        tokens[start] if start < len(tokens) else None
    if opening is not None and opening.lower in ("two", "three", "four", "five", "both", "twin"):
        return None  # "Li Peng and Tian Jiyun, the two main contenders": the pair's description, not one man's role
    has_role = False
    end = None  # where the role ends when it ends before the appositive does
    while index < len(tokens) and tokens[index].sentence == tokens[last - 1].sentence:
        token = tokens[index]
        if token.text == "." and inside_word(doc, index):
            index += 1  # "editor of Example.com"
            continue
        if token.text == "(" and index + 2 < len(tokens) and tokens[index + 2].text == ")" \
                and acronym_like(doc, tokens[index + 1]):
            end = end if end is not None else index
            index += 3  # "head of marketing at Transport for Tarvik (TfT),"
            continue
        if not token.word and token.text not in ("'s", "’s", "-", "&"):
            break
        # a verb is written in lower case: "Organization of American States" goes on
        if token.lower in SPEECH_VERBS and token.text.islower() and has_role and index - start <= 6 \
                and tokens[index - 1].word:
            return doc.article.span_text(start, index)
        if token.lower == "and" and has_role and index + 1 < len(tokens) \
                and (tokens[index + 1].lower in ROLE_NOUNS or tokens[index + 1].lower in ROLE_FILLERS):
            index += 1  # "president and chief operating officer"
            continue
        if token.lower in ("which", "who", "whose") and has_role and index > start:
            return doc.article.span_text(start, end if end is not None else index)  # "spokeswoman for Acme which"
        if token.lower in APPOSITIVE_VERBS:
            return None
        has_role = has_role or role_head(doc, index)
        index += 1
        if index - start > 12:
            return None
    if not has_role or index == start:
        return None
    if index < len(tokens) and tokens[index].text not in (",", ".", ";", ")", "”", '"'):
        return None
    if index < len(tokens) and tokens[index].text == "," and \
            _PLACE_BASED.match(doc.article.text, tokens[index].end):
        return None  # "president of Palo Alto, Calif.-based Adobe": the comma is inside the firm's description
    role = doc.article.span_text(start, end if end is not None else index)
    return _OCCASION_AFTER.sub("", role) or None  # "chief secretary to the Treasury in a statement"


def role_head(doc: EntityText, index: int) -> bool:
    """A role noun that heads its phrase: "chief of the general staff", "gas analyst with"; not the "general"
    of "a general election"."""
    tokens = doc.tokens
    if tokens[index].lower not in ROLE_NOUNS:
        return False
    following = tokens[index + 1] if index + 1 < len(tokens) else None
    if tokens[index].lower in KIN and following is not None and following.capitalised:
        return False  # "…, hand divorce papers to wife Angie": another person's kin, no role of this one
    return following is None or not following.word or not following.text.islower() \
        or following.lower in ROLE_LINKS or following.lower in APPOSITIVE_VERBS \
        or following.lower in ROLE_NOUNS or following.lower in ("who", "which", "whose")


# Where and when someone spoke, written after their role: no part of it.
_OCCASION_AFTER = re.compile(r"\s+(?:(?:in|at|during)\s+(?:a|an|the|his|her|their)\s+(?:[a-z]+\s+)?(?:statement|"
                             r"interview|speech|letter|briefing|conference|address|report)|on\s+(?:Monday|Tuesday|"
                             r"Wednesday|Thursday|Friday|Saturday|Sunday)|yesterday|today|earlier)$")
_PLACE_BASED = re.compile(r"\s*[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?\s*-\s*based\b")
# Words that open a sentence before its subject: "Yesterday Argentina's economy minister, Roberto Lavagna, said".
_CLAUSE_OPENERS = frozenset("yesterday today tonight earlier later meanwhile now separately also but and".split())


def appositive_before(doc: EntityText, first: int) -> str | None:
    """"Azerbaijan's chief of the general staff, Colonel General Kerim Valiyev"."""
    tokens = doc.tokens
    if first < 2 or tokens[first - 1].text != ",":
        return None
    index = first - 2
    sentence = tokens[first].sentence
    has_role = False
    while index >= 0 and tokens[index].sentence == sentence and first - index <= 14:
        token = tokens[index]
        if not token.word and token.text not in ("'s", "’s", "-"):
            break
        if token.lower in ROLE_STOPS and not token.capitalised or token.lower in SPEECH_VERBS:
            break
        has_role = has_role or role_head(doc, index)
        index -= 1
    start = index + 1
    while start < first - 1 and not (tokens[start].capitalised or tokens[start].lower in ROLE_NOUNS
                                     or tokens[start].lower in DEMONYMS
                                     or tokens[start].lower in ROLE_FILLERS
                                     and tokens[start].lower not in ROLE_LINKS):
        start += 1  # "in honour of the pioneering economist, Adam Smith": the role starts at "economist"
    while start < first - 2 and start in doc.article.initial and tokens[start].lower in _CLAUSE_OPENERS:
        start += 1  # "Yesterday Argentina's economy minister, Roberto Lavagna,": the day is no part of the role
    if start < first - 2 and tokens[start].lower in ("the", "a", "an", "his", "her", "their") \
            and start in doc.article.initial:
        start += 1  # "The Shadow Secretary of State, Theresa May": the sentence's article is no part of it
    if not has_role or start >= first - 1:
        return None
    if first - 1 - start == 1 and tokens[start].capitalised:
        return None  # "Queen, Kate Bush, David Bowie": a list, not a title
    if tokens[first - 2].lower in ORG_HEADS and any(token.lower in ("for", "of") for token in tokens[start:first - 2]):
        return None  # "a spokesman for Dutch grain and feed trade association, Het Comite,": the name may be the body's
    return doc.article.span_text(start, first - 1)


def portfolio_start(doc: EntityText, first: int) -> int:
    """The role noun before a name, stepping back over its portfolio: "spokeswoman for women Sandra Gidley"."""
    tokens = doc.tokens
    index = first - 1
    if index < 0 or tokens[index].lower in ROLE_NOUNS:
        return index
    for link in (first - 2, first - 3):
        if link < 1 or tokens[link].lower not in ("for", "of", "on") \
                or tokens[link - 1].lower not in ROLE_NOUNS or tokens[link - 1].capitalised:
            continue
        if all(modifier_noun(doc, other) or tokens[other].lower in ROLE_FILLERS
               and tokens[other].lower not in ROLE_LINKS for other in range(link + 1, first)):
            return link - 1
    return index


def modifier_noun(doc: EntityText, index: int) -> bool:
    """A lower-case noun that may qualify a role ("labour affairs correspondent", "flamenco singer")."""
    token = doc.tokens[index]
    lower = token.lower
    return token.word and token.text.islower() and len(lower) > 2 and lower not in HEADLINE_WORDS \
        and lower not in ROLE_STOPS and lower not in SPEECH_VERBS \
        and not lower.endswith(("ed", "ing", "ly", "old")) \
        and lower not in TIME_NOUNS and not (index and doc.tokens[index - 1].text.islower()
                                              and doc.tokens[index - 1].lower in VERB_LIKE)
