"""Where the article names the people and organisations that may speak: entities, names the entity finder missed,
titles standing for the one person who holds them, and each person's gender where the text says it."""
from __future__ import annotations

from typing import NamedTuple

from questions.lexicon import FEMALE_WORDS, MALE_PRONOUNS, MALE_WORDS, ROLE_NOUNS, SPEECH_INSERTS, WEEKDAYS
from questions.model import Fact, FactKind
from questions.names import Article, Token, name_word, ordinary_word, surname
from questions.speech.vocabulary import (
    INITIALS, POSTNOMINALS, PRONOUNS, ROLE_QUALIFIERS, SPEECH_VERBS, WEAK_SPEECH_VERBS,
)


class Mention(NamedTuple):
    """A place in the text that names a possible speaker."""

    start: int
    end: int
    value: str
    kind: FactKind | None  # None: a pronoun still to resolve


def find_mentions(article: Article, entities: tuple[Fact, ...],
                  roles: tuple[tuple[str, str], ...]) -> tuple[Mention, ...]:
    """Return every mention of a possible speaker, in text order."""
    mentions = full_names(role_names_resolved(entity_mentions(article, entities), roles, article), article)
    return tuple(sorted(mentions + unlisted_speakers(article, mentions), key=lambda mention: mention.start))


def entity_mentions(article: Article, entities: tuple[Fact, ...]) -> list[Mention]:
    """Every place in the text where an entity's name, alias or (for a person) surname stands."""
    forms: dict[str, tuple[str, FactKind]] = {}
    # "Blair" when the article names Tony Blair and Ian Blair: the surname alone settles neither
    people_by_surname: dict[str, set[str]] = {}
    for fact in entities:
        if fact.kind is FactKind.PERSON and len(str(fact.value).split()) > 1:
            people_by_surname.setdefault(surname(str(fact.value)), set()).add(str(fact.value))
    shared = {name for name, people in people_by_surname.items() if len(people) > 1}
    for fact in sorted(entities, key=lambda fact: fact.kind is not FactKind.PERSON):
        if fact.kind not in (FactKind.PERSON, FactKind.ORGANISATION, FactKind.PLACE):
            continue
        names = {str(fact.value), fact.text, *fact.aliases}
        if fact.kind is FactKind.PERSON and len(str(fact.value).split()) > 1:
            names.add(surname(str(fact.value)))
        for name in names - shared:
            if name and name[0].isalpha():
                forms.setdefault(" ".join(name.split()), (str(fact.value), fact.kind))
    # names by their first word and their length in words, so each place in the text is tried once per length
    by_first: dict[str, dict[int, set[str]]] = {}
    for name in forms:
        words = name.split()
        by_first.setdefault(words[0].rstrip(","), {}).setdefault(len(words), set()).add(name)
    lengths_by_first = {first: sorted(lengths, reverse=True) for first, lengths in by_first.items()}
    mentions = []
    tokens, text = article.tokens, article.text
    index = 0
    while index < len(tokens):
        token = tokens[index]
        lengths = by_first.get(token.text) if token.word else None
        if lengths:
            for words in lengths_by_first[token.text]:
                last = index + words - 1
                while last < len(tokens) and text[token.start:tokens[last].end].count(" ") < words - 1:
                    last += 1
                if last < len(tokens):
                    name = " ".join(text[token.start:tokens[last].end].split())
                    if name in lengths[words]:
                        mentions.append(Mention(token.start, tokens[last].end, *forms[name]))
                        index = last
                        break
        index += 1
    return mentions


def name_token(token: Token, article: Article) -> bool:
    """A word that can stand in a person's name the entity finder did not list: "T.P.", "Lilaratne"."""
    return bool(INITIALS.fullmatch(token.text)) or token.word and token.lower not in ROLE_NOUNS \
        and token.lower not in POSTNOMINALS and name_word(token, article, strict=True)


def unlisted_speakers(article: Article, mentions: list[Mention]) -> list[Mention]:
    """Mentions of people the entity finder missed, found where journalists name a speaker.

    Two or three name words right before or after a speech verb ("Brian Doe MSP, said", "said Ann Lee.") are a
    person's full name; one word there ("Lilaratne said", "says Jauppi.") only when the article also writes it with
    a first name ("T.P. Lilaratne"). Every place the full name or its last word stands then becomes a mention.
    """
    tokens = article.tokens
    covered = {index for mention in mentions for index in range(
        article.first_token_at(mention.start), article.first_token_at(mention.end))}
    verbs = SPEECH_VERBS | WEAK_SPEECH_VERBS

    def run_before(last: int, *, anywhere: bool = False) -> list[int]:
        """The name words ending at token ``last`` (inside a listed name too when ``anywhere``)."""
        run: list[int] = []
        position = last
        while position >= 0 and len(run) < 4 and tokens[position].sentence == tokens[last].sentence \
                and (anywhere or position not in covered) and name_token(tokens[position], article):
            run.insert(0, position)
            position -= 1
        return run

    def run_after(first: int, sentence: int) -> list[int]:
        """The name words from token ``first`` when a comma or the sentence's end follows them."""
        run: list[int] = []
        position = first
        while position < len(tokens) and len(run) < 4 and tokens[position].sentence == sentence \
                and position not in covered and name_token(tokens[position], article):
            run.append(position)
            position += 1
        while position < len(tokens) and tokens[position].acronym and tokens[position].lower in POSTNOMINALS:
            position += 1
        following = tokens[position] if position < len(tokens) else None
        if following is not None and following.sentence == sentence and following.text not in (",", ".", ";"):
            return []  # "said Acme Bank would ...": a clause, not a name
        return run

    found: list[list[int]] = []
    for index, token in enumerate(tokens):
        if token.lower not in verbs or not token.word or token.capitalised:
            continue
        position = index - 1
        while position >= 0 and tokens[position].lower in SPEECH_INSERTS:
            position -= 1
        if position >= 1 and tokens[position].text == ",":
            position -= 1
        while position >= 1 and tokens[position].acronym and tokens[position].lower in POSTNOMINALS:
            position -= 1  # "Brian Doe MSP, said"
        if position >= 0:
            found.append(run_before(position))
        if tokens[index - 1].text == "," if index else False:
            # "T.P. Okonjo, head of the board, told": the name that opens the sentence, before its appositive
            opening = article.first_token_at(article.sentences[token.sentence].start)
            if opening < index:
                found.append(run_after(opening, token.sentence))
        if index + 1 < len(tokens):
            found.append(run_after(index + 1, token.sentence))
    full_names: dict[str, str] = {}  # last word -> full name
    singles: set[str] = set()
    for run in found:
        if not run:
            continue
        words = [tokens[position].text for position in run]
        if len(words) >= 2 and not INITIALS.fullmatch(words[-1]):
            full_names.setdefault(words[-1], " ".join(words))
        elif len(words) == 1 and not INITIALS.fullmatch(words[0]):
            singles.add(words[0])
    for index, token in enumerate(tokens):  # "T.P. Lilaratne, head of the department, told …" names "Lilaratne"
        if token.text in singles and token.text not in full_names and index \
                and tokens[index - 1].sentence == token.sentence:  # "... from the U.S.\nWang said": two sentences
            run = run_before(index - 1, anywhere=True)
            if run and all(tokens[position].text not in singles for position in run):
                full_names[token.text] = " ".join(tokens[position].text for position in run + [index])
    # a surname the listed people already carry is theirs, or ambiguous between them: never a new person
    known = {surname(mention.value) for mention in mentions if mention.kind is FactKind.PERSON}
    full_names = {last: full for last, full in full_names.items() if last not in known}
    if not full_names:
        return []
    added: list[Mention] = []
    for index, token in enumerate(tokens):
        full = full_names.get(token.text) if token.word and index not in covered else None
        if full is None:
            continue
        first = index
        while first > 0 and index - first < len(full.split()) - 1 and first - 1 not in covered \
                and (" " + full).endswith(" " + article.span_text(first - 1, index + 1)):
            first -= 1
        added.append(Mention(tokens[first].start, token.end, full, FactKind.PERSON))
    return added


def full_names(mentions: list[Mention], article: Article) -> list[Mention]:
    """"said England coach Mike Friday.": a one-word person whose surname the entity finder left off (a weekday, a
    common word) is given it back when a role stands before the name, a speech verb before that, and the capitalised
    word ends the sentence or clause."""
    tokens = article.tokens
    extended = []
    for mention in mentions:
        first = article.first_token_at(mention.start)
        before = tokens[max(0, first - 5):first]
        if mention.kind is FactKind.PERSON and " " not in mention.value and mention.value == article.text[
                mention.start:mention.end] and before and before[-1].lower in ROLE_NOUNS \
                and any(token.lower in SPEECH_VERBS for token in before):
            index = article.first_token_at(mention.end)
            following = tokens[index + 1] if index + 1 < len(tokens) else None
            if index < len(tokens) and tokens[index].start == mention.end + 1 and tokens[index].capitalised \
                    and not tokens[index].acronym and tokens[index].sentence == article.sentence_at(mention.start) \
                    and (following is None or following.text in (",", ".", ";") or following.sentence != tokens[
                        index].sentence) \
                    and (tokens[index].lower in WEEKDAYS or name_word(tokens[index], article, surname=True)):
                mention = Mention(mention.start, tokens[index].end, f"{mention.value} {tokens[index].text}",
                                   mention.kind)
        extended.append(mention)
    return extended


def role_names_resolved(mentions: list[Mention], roles: tuple[tuple[str, str], ...],
                         article: Article) -> list[Mention]:
    """A "person" whose name is a title ("Planning Minister", or "Minister" alone) is the one person the article
    gives that role (not the shadow one); with no such single person it is nobody, never a speaker of its own."""
    resolved = []
    for mention in mentions:
        words = mention.value.lower().split()
        if mention.kind is FactKind.PERSON and words and words[-1] in ROLE_NOUNS:
            phrase = " ".join(words)
            people = {value for role, value in roles if role == phrase or role.endswith(" " + phrase)
                      and role[:-len(phrase)].split()[-1] not in ROLE_QUALIFIERS}
            first = article.first_token_at(mention.start)
            after_the = first > 0 and article.tokens[first - 1].lower == "the"  # a name takes no "the"
            if len(people) == 1:
                mention = mention._replace(value=people.pop())
            elif after_the or all(word in ROLE_NOUNS or word in ROLE_QUALIFIERS or ordinary_word(word)
                                  for word in words):
                continue
        resolved.append(mention)
    return resolved


def genders(article: Article, mentions: tuple[Mention, ...]) -> dict[str, str]:
    """"m" or "f" for the people whose titles, roles or pronouns say which."""
    votes: dict[str, int] = {}
    by_sentence: dict[int, set[str]] = {}
    for mention in mentions:
        if mention.kind is not FactKind.PERSON:
            continue
        by_sentence.setdefault(article.sentence_at(mention.start), set()).add(mention.value)
        before = article.text[max(0, mention.start - 40):mention.start].lower().split()
        if before:
            word = before[-1]
            if word in MALE_WORDS:
                votes[mention.value] = votes.get(mention.value, 0) + 3
            elif word in FEMALE_WORDS:
                votes[mention.value] = votes.get(mention.value, 0) - 3
    first_named: dict[int, int] = {}
    for mention in mentions:
        if mention.kind is FactKind.PERSON:
            first_named.setdefault(article.sentence_at(mention.start), mention.start)
    for token in article.tokens:
        lower = token.lower
        # Only "he"/"she" after the name vote: "Her comments did not impress Tim Collins" says nothing of him.
        if lower in PRONOUNS and token.start > first_named.get(token.sentence, len(article.text)):
            people = by_sentence.get(token.sentence, set())
            if len(people) == 1:
                person = next(iter(people))
                votes[person] = votes.get(person, 0) + (1 if lower in MALE_PRONOUNS else -1)
    return {person: "m" if vote > 0 else "f" for person, vote in votes.items() if vote}

