"""What the rules have found so far in one article; every candidate carries the name of the rule that made it."""
from __future__ import annotations

import re

from questions.entity_rules.document import EntityText, Kind, Mention, Pending
from questions.lexicon import ORG_HEADS
from questions.model import Anatomy
from questions.names import Article, noble_title, surname


class Findings:
    """What the rules have found so far in one article: candidates, waiting words, taken tokens, acronyms."""

    def __init__(self, article: Article, anatomy: Anatomy) -> None:
        """Start with nothing found in the article."""
        self.article = article
        self.tokens = article.tokens
        dateline = getattr(anatomy, "dateline_span", None)
        self.dateline = (dateline.start, dateline.end) if dateline is not None else (0, 0)
        self.doc = EntityText(article, self.dateline)
        self.mentions: list[Mention] = []
        self.pending: list[Pending] = []
        self.unread: list[tuple[int, int]] = []  # spans no reading took; a name found elsewhere may fit them
        self.consumed: set[int] = set()  # tokens a longer name has taken ("DC" in "Washington, DC")
        self.acronyms: dict[str, tuple[Kind, str]] = {}
        self.company_words: dict[str, str] = {}  # "Chrysler" -> "Chrysler Corp"
        self.person_tokens: dict[int, Mention] | None = None  # tokens inside people's names
        self.given_names: set[str] | None = None

    def span_start(self, last: int) -> int:
        """The first token of the mention that ends just before ``last``."""
        for mention in reversed(self.mentions):
            if mention.last == last:
                return mention.first
        first = last - 1
        while first > 0 and self.tokens[first - 1].capitalised:
            first -= 1
        return first

    def known_names(self) -> dict[str, tuple[Kind, str]]:
        """Surface forms of what has been read so far: values, mentions, surnames and acronyms."""
        known: dict[str, tuple[Kind, str]] = {}
        persons = [mention for mention in self.mentions if mention.kind is Kind.PERSON]
        for mention in self.mentions:
            if mention.kind is not Kind.PERSON:
                known.setdefault(mention.value, (mention.kind, mention.value))
                known.setdefault(self.article.span_text(mention.first, mention.last), (mention.kind, mention.value))
        for mention in sorted(persons, key=lambda mention: -len(mention.value.split())):
            known[mention.value] = (Kind.PERSON, mention.value)
            words = mention.value.split()
            if len(words) > 1 and not noble_title(self.tokens[mention.first]):
                known.setdefault(surname(mention.value), (Kind.PERSON, mention.value))
        for acronym, reading in self.acronyms.items():
            known[acronym] = reading
        for mention in self.mentions:
            if mention.kind is Kind.ORGANISATION and ("'s " in mention.value or "’s " in mention.value):
                owner, rest = re.split(r"['’]s ", mention.value, maxsplit=1)
                # "McDonald's Corp" is McDonald's; "Comalco's Commonwealth Aluminium Corp" is a unit of Comalco
                named_apart = len([word for word in rest.split() if word.lower() not in ORG_HEADS]) > 1
                known.setdefault(owner, (mention.kind, owner if named_apart else mention.value))
        return known

    def first_names(self) -> set[str]:
        """First names of the people named in full: "Steve's shot" speaks of a person."""
        if self.given_names is None:
            self.given_names = {mention.value.split()[0] for mention in self.people().values()
                                if len(mention.value.split()) > 1}
        return self.given_names

    def in_person(self, index: int) -> bool:
        """Whether a person's name read so far covers token ``index``."""
        return index in self.people()

    def people(self) -> dict[int, Mention]:
        """The people's names read so far, by each token they cover."""
        if self.person_tokens is None:
            self.person_tokens = {}
            for mention in self.mentions:
                if mention.kind is Kind.PERSON:
                    self.person_tokens.update(dict.fromkeys(range(mention.first, mention.last), mention))
        return self.person_tokens

    def add(self, rule: str, kind: Kind, value: str, first: int, last: int, *, strength: int = 1,
             role: str | None = None, context: int = -1) -> None:
        """Record a candidate: what ``rule`` read at tokens [first, last), and how sure it is."""
        self.mentions.append(Mention(kind, " ".join(value.split()), first, last, strength, role,
                                     first if context < 0 else context, rule))
        if kind is Kind.PERSON:
            if self.person_tokens is not None:
                self.person_tokens.update(dict.fromkeys(range(first, last), self.mentions[-1]))
            self.given_names = None

    def add_thing(self, rule: str, value: str, first: int, last: int) -> None:
        """Record a programme, law, event or prize, so that its words are not misread; it is never reported."""
        self.mentions.append(Mention(Kind.THING, value, first, last, rule=rule))
