"""Make quiz questions of every type from an article's facts, each standing alone and checkable."""
from __future__ import annotations

import bisect
import datetime as dt
import functools
import hashlib
import itertools
import random
import re
import zlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

from questions import distractors as pick
from questions import ranking, spelling
from questions.distractors import CalendarValue, NumberShape, number_shape
from questions.lexicon import A_THING, HONORIFICS, LEGAL_SUFFIXES, SOMEONE_UNNAMED, TIME_EXPRESSION
from questions.model import Anatomy, Fact, FactKind, Form, Question, QuestionType, Sentence, Span
from questions.phrasing import (
    BLANK, CURRENCY_WORDS, Located, Wording, ask_fronting, ask_removing, capitalise, clause_bounds,
    contains_words, counted_noun, dangling_pronoun, outside_quotes, replace_words,
)

TRUE, FALSE = "True", "False"
NAME_KINDS = (FactKind.PERSON, FactKind.ORGANISATION, FactKind.PLACE)
PRONOUN_WORDS = frozenset("he she it they him her his its their them we i you".split())
CREDIT = re.compile(
    r"^\W*(?:By|Reporting|Additional reporting|Writing|Editing|Edited|Compiled|Source|Photo|Image|Picture|"
    r"Credit|Copyright|©)\b|\b(?:Reporting|Editing|Writing) by\b|\(via \w+\)", re.IGNORECASE)
CREDIT_ROLE = re.compile(r"^\W*(reporter|photographer|editor|writer|correspondent|photo credit|byline)\b",
                         re.IGNORECASE)
# Words that tie a sentence to the one before without adding to what it says: dropped, the sentence may
# stand alone (the ranking's checks still judge what is left: "But the firm ..." leaves "the firm").
# "In addition" only before its comma: "In addition to six ships, the Navy has moved …" is no connective.
_CONNECTIVE = re.compile(r"^(?:(?:But|And|Yet|However|Meanwhile|Moreover|Furthermore|Nevertheless|Also|"
                         r"Separately|Elsewhere)(?:,\s*|\s+)|(?:So|Still|In addition|In another development|"
                         r"In other news|On the other hand),\s*)(?=[A-Za-z])")
_LABEL = re.compile(r"^\s*(?:PHOTO\s+CAPTION|CAPTION|FILE\s+PHOTO|PHOTO|IMAGE|PICTURE)\s*[:\-–—]\s*", re.IGNORECASE)
_GENERIC_SUBJECT = re.compile(r"^[Tt]he (?:company|firm|group|bank|corporation|concern|agency|ministry|"
                              r"department|government|union|club|party|council|board|utility|airline|carrier|"
                              r"insurer|retailer|lender|brewer|miner|producer|manufacturer|maker)\b")
# Words that never describe a company: "the improbability that the group" is no company's description.
_FUNCTION_WORD_ALTERNATIVES = "that|this|these|those|to|of|in|on|at|by|for|with|from|as|is|was|are|were|be|been|has|had|have|" \
                  "will|would|could|can|may|not|it|its|their|his|her|who|which|when|while|if|than|or|but|said|says"
# A "parent", "rival" or "central" bank is another one than the company named.
_NOT_THIS_COMPANY = "parent|rival|other|new|same|central|federal|national|reserve|world|development|investment|" \
                    "merchant|foreign|state|two|both|three|combined|merged|former|acquiring|target|holding|joint"
# "The company", "the Houston-based bank", "the food and grocery products company's": the noun a wire story
# writes for the company its lede named. "Of", "that" or "which" after it would say which one it is.
_COMPANY_NOUNS = ("company", "firm", "corporation", "concern", "bank", "group")
_COMPANY_NOUN = re.compile(
    rf"\b[Tt]he\s+(?P<described>"
    rf"(?:(?!(?:{_NOT_THIS_COMPANY}|{_FUNCTION_WORD_ALTERNATIVES})\b)(?:[a-z][\w-]*|[A-Z][\w.]*-based)\s+){{0,4}}?)"
    rf"({'|'.join(_COMPANY_NOUNS)})(?P<owner>['’]s)?\b"
    r"(?!\s*(?:of|that|which|who|known|called|named|,\s*which)\b|,\s*[A-Z])")  # "The company, Lake Resources Inc,"
# Words in lower case and then the acronym of the whole: the name found stops short of the name written.
_NAME_GOES_ON = re.compile(r"(?:\s+[a-z][\w-]*){1,5}\s+\([A-Z]{2,}\)")
# "A Texas oil firm": an unnamed company the story brings in, after which "the company" may be either.
_ANOTHER_COMPANY = re.compile(r"\b(?:[Aa]n?|[Aa]nother|[Oo]ne)\s+(?:[\w.-]+\s+){0,4}?(?:company|firm|corporation|"
                              r"concern|bank|group|unit|subsidiary|maker|producer|lender|insurer|rival|buyer|bidder)\b")
# "International Technology corp said": a company's name with its legal form, which the entity stage may not
# have read (a lower-case "corp"); when it has not, "the company" may be that one.
_NAME_WITH_LEGAL_FORM = re.compile(
    r"\b(?!(?:The|A|An|This|That|Its|Their)\s)[A-Z][\w&'.-]*(?:\s+[A-Z][\w&'.-]*){0,4}\s+(?i:" +
    "|".join(sorted(map(re.escape, (*LEGAL_SUFFIXES, "corporation", "company")), key=len, reverse=True)) + r")(?!\w)")
# A company named as the parent of another ("part of the private Peugeot SA group"): "the firm" may be either.
_PARENT_BEFORE = re.compile(r"\b(?:part|unit|subsidiary|division|arm|affiliate|member)\s+of\s+(?:the\s+)?(?:[\w.-]+\s+)?$"
                            r"|\b(?:owned|controlled|acquired|bought)\s+by\s+(?:the\s+)?$")
# Roles of people who cannot be the one who said it: "Hillsborough coma victim Tony Bland" is no choice for a quote.
_SPEAKS_NO_MORE = re.compile(r"\b(?:victim|victims|late|dead|deceased|murdered|slain)\b", re.IGNORECASE)
_OPENING_FUNCTION_WORD = re.compile(r"^(?:The|A|An|In|On|At|For|By|With|From|After|Before|During|Under|Over|This|These|"
                                    r"Those|That|There|Its|Some|Many|Most|All|No|Both|Each|Every|Such)\b")
_WORD_BEFORE = re.compile(r"(\S+)\s+$")
_BANK_NAME = re.compile(r"\b(?:Bank|Banc|Bancorp|Bancorporation|Banque|Banco|Bankers|Savings|Trust)\b")
_TRAILING_ATTRIBUTION = re.compile(
    r"[,”\"]\s+(?P<pronoun>he|she|it|they)\s+(?:said|says|added|adds|told|tells|noted|explained|argued|warned|"
    r"stated|wrote)\b")
_POSTNOMINALS = frozenset("QC KC MP MSP MEP AM MLA JR SR II III IV OBE MBE CBE KBE DBE PHD MD".split())
_BULLET = re.compile(r"^\s*(?:--+|[-*•·–—▪■])\s+")
_TRAILING_CREDIT = re.compile(
    r"\s*(?:\b[A-Z][A-Z&.]+(?:\s[A-Z]+)?/\s?[A-Z][\w.'’-]*(?:\s[A-Z][\w.'’-]*){0,3}"
    r"|\((?:Photo|Image|Picture|Credit)[^)]*\))\s*$")
_DATELINE = re.compile(
    # a hyphen with no space on either side joins words ("U.S.-Japan trade"), it ends no dateline
    r"^[A-Z][A-Z .'’-]{2,}(?:,\s*[A-Z][\w.'’ ]*?)?\s*(?:\([^)]{2,40}\))?(?:\s*[–—]+|\s+-+|-+(?=\s))\s*")
_ABBREVIATIONS = ("Mr", "Ms", "Dr", "St", "No", "Mrs", "Jr", "Sr", "Gen", "Col", "Lt", "Sgt", "Gov", "Rep", "Sen",
                  "Prof", "vs")
_SENTENCE_BREAK = re.compile(  # the lookahead first spares every other character the lookbehinds
    r"(?=[.!?])(?<![A-Z])" + "".join(rf"(?<!\b{word})" for word in _ABBREVIATIONS) + r"(?<!\b[A-Z]\.[A-Z])"
    r"[.!?][\"”’']?\s+(?=[\"“‘'(]?[A-Z0-9])")
_REPORTING = re.compile(
    r"\b(?:said|says|saying|told\s+\w+|tells\s+\w+|added|adding|stated|noted|noting|warned|announced|declared|"
    r"insisted|argued|explained|replied|recalled|mentioned|claimed|wrote|believes|believed)\s+(?:that\s+)?")
_APPOSITIVE = re.compile(r"^,\s+((?:a|an|the)\s+[^,;()“”\"]{3,120}?)\s*(?:,|\.(?!\d)|;|$)")  # "5.5 pct" goes on
_ACRONYM_WORD = re.compile(r"[A-Z][A-Z&]{1,7}")
_ACRONYM = re.compile(r"^\s*\(([A-Z][A-Z&.]{1,7})\)")
_WEEKDAY = re.compile(r"\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b", re.IGNORECASE)
_ROLE_UNIQUE = re.compile(r"\b(of|for|chief|head|president|prime minister|chairman|chairwoman|director|"
                          r"secretary|governor|mayor|minister|leader|ceo|founder|spokes\w+ for)\b", re.IGNORECASE)
_NUMBER_WORD = re.compile(r"\b(one|two|three|four|five|six|seven|eight|nine|ten|hundred|thousand|million|billion)\b")
_DATE_WORD = re.compile(
    r"\b(1[0-9]{3}|20[0-9]{2})s?\b|\b(january|february|march|april|may|june|july|august|september|october|"
    r"november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|monday|tuesday|wednesday|thursday|"
    r"friday|saturday|sunday|yesterday|today|tomorrow|last|next|ago|week|month|year|decade|century)\b")
_SENTENCE_LETTER = re.compile(r"[A-Z0-9]")
_NEWLINE = re.compile(r"\n")
_SPACES = re.compile(r"\s+")
_LOWER_WORD = re.compile(r"\b[a-z][a-z'-]+\b")
_CAPITALISED_INSIDE = re.compile(r"(?<=[a-z,;] )[A-Z][a-z]+")
_DIGIT = re.compile(r"\d")
_ONLY_FIGURES = re.compile(r"[\d.,% $-]+")
_PASSAGE = re.compile(r"\b(the|this) (passage|article|text)\b", re.IGNORECASE)
_SHORT_DATE_ASK = {"day": "On what date", "month": "In which month", "year": "In what year",
                   "decade": "In which decade"}
_TIME_UNITS = frozenset("year month week day hour minute second".split())
_ORG_THE = re.compile(r"\b(Organi[sz]ation|Department|Agency|Union|Court|Club|Initiative|Service|Ministry|Bank|"
                      r"Council|Commission|Office|Bureau|Institute|Administration|Party|Fund|Programme|Program|"
                      r"Association|Federation|Committee|Board|Foundation|Centre|Center|Station|Force|Army)\b")


@dataclass(frozen=True)
class Draft:
    """A question before it is checked, deduplicated and given its id."""

    type: QuestionType
    prompt: str
    answer: str
    choices: tuple[str, ...] = ()
    form: Form = Form.BLANK


# A name made of a body and what it is of or for ("Ministry of Defence", "Department for International
# Development") takes "the" where it opens a sentence.
_BODY_OF_SOMETHING = re.compile(r"(?:Ministry|Department|Office|Bureau|Commission|Committee|Council|Agency|Board|"
                                r"Institute|Federation|Association|Authority|Bank|University|Union|League|Chamber|"
                                r"Secretariat|Directorate|Inspectorate) (?:of|for) [A-Z]")


@dataclass(frozen=True)
class Setting:
    """A fact's sentence made ready to quote in a question: cleaned, pronouns resolved, fact located."""

    text: str
    start: int
    end: int
    mention: str  # the words of the article that the blank replaces
    sentence: Sentence  # the article's sentence as it was, for the question's explanation
    speaker: str = ""  # the sentence is inside this speaker's quotation
    in_quote: bool = False  # the fact itself is inside quoted words

    def located(self, article: Article) -> Located:
        return Located(self.text, self.start, self.end, article.proper, article.common)

    def frame(self, text: str) -> str:
        if not self.speaker:
            return text
        # "Department for International Development said:" wants its article, as the sentence gave it
        speaker = f"The {self.speaker}" if _BODY_OF_SOMETHING.match(self.speaker) else self.speaker
        return f"{speaker} said: “{text}”"

    @functools.cached_property
    def blanked(self) -> str:
        return self.replaced(BLANK)

    def excerpt(self, words: int = 30) -> str:
        """Return the blanked sentence, cut down to the clauses around the blank when it is long."""
        if len(self.text.split()) <= words:
            return self.blanked
        left, right = clause_bounds(self.text, self.start, self.end)
        while len(self.text[left:right].split()) < 14 and (left > 0 or right < len(self.text)):
            if left > 0:  # earlier words first: they hold the antecedents of later pronouns
                wider = min(left - 1, clause_bounds(self.text, left - 2, left - 2)[0])
                left = max(0, wider)
            else:
                right = max(right + 1, clause_bounds(self.text, right + 1, right + 1)[1])
        right = min(right, len(self.text))
        while 0 < left < self.start and not self.text[left - 1].isspace():
            left -= 1  # never start or end the excerpt inside a word
        while self.end < right < len(self.text) and not self.text[right].isspace():
            right += 1
        head = self._again(self.text[left:self.start].lstrip(" ,;:-–—"), BLANK)
        tail = self._again(self.text[self.end:right].rstrip(" ,;:-–—"), BLANK)
        text = ("" if left == 0 else "…") + head + BLANK + tail + ("" if right >= len(self.text) else "…")
        return self.frame(tidy_keep_end(text))

    def replaced(self, replacement: str) -> str:
        """Return the sentence with the fact, and any repetition of its words, replaced."""
        before = self._again(self.text[:self.start], replacement)
        text = before + replacement + self._again(self.text[self.end:], replacement)
        return self.frame(_with_full_stop(tidy_keep_end(text)))

    def _again(self, text: str, replacement: str) -> str:
        """Replace further mentions of the fact's words ("Go ahead, Voice of America ... Voice of America")."""
        if len(self.mention) < 4 or not contains_words(text, self.mention):
            return text
        return replace_words(text, self.mention, replacement)

    def before(self) -> str:
        return self.text[:self.start]

    def after(self) -> str:
        return self.text[self.end:]


@dataclass(frozen=True)
class Article:
    """What the question maker knows of the whole article while it works on one fact."""

    facts: tuple[Fact, ...]
    text: str
    headline: str
    dateline: str
    published: dt.date | None
    topic: str
    people: tuple[str, ...]
    organisations: tuple[str, ...]
    places: tuple[str, ...]
    speakers: tuple[str, ...]
    roles: dict[str, str] = field(default_factory=dict)
    named: tuple[Fact, ...] = ()  # the facts whose names pronouns may stand for
    proper: frozenset[str] = frozenset()  # lower-cased words of its names and of words it capitalises mid-sentence
    common: frozenset[str] = frozenset()  # words it writes in lower case
    name_kinds: dict[str, FactKind] = field(default_factory=dict)  # speakers' names: person, organisation or place

    def kind_of_name(self, name: str) -> FactKind:
        return self.name_kinds.get(name) or _kind_of_name(name, self.organisations, self.places, self.people)

    def world_names(self, kind: FactKind, answer: str) -> Sequence[str]:
        if kind == FactKind.PERSON:
            return pick.WORLD_PEOPLE[self.topic]
        if kind == FactKind.ORGANISATION:
            return pick.WORLD_ORGANISATIONS[pick.organisation_family(answer)]
        if pick.is_country(answer):
            return pick.WORLD_COUNTRIES
        return pick.WORLD_CITIES

    def article_names(self, kind: FactKind) -> tuple[str, ...]:
        if kind == FactKind.PERSON:
            return tuple(dict.fromkeys([*self.speakers_of(FactKind.PERSON), *self.people]))
        return self.organisations if kind == FactKind.ORGANISATION else self.places

    def speakers_of(self, kind: FactKind) -> tuple[str, ...]:
        """Return the article's speakers that are of one kind (people, organisations, places)."""
        return tuple(name for name in self.speakers if self.kind_of_name(name) == kind)

    @functools.cached_property
    def mentions(self) -> tuple[tuple[int, int, str], ...]:
        """(start, end, canonical name) of every mention of a person, found only when a pronoun needs one."""
        return _mentions(self.text, [fact for fact in self.named if fact.kind in (FactKind.PERSON, FactKind.SPEAKER)])

    @functools.cached_property
    def people_by_surname(self) -> dict[str, str]:
        """The person each lower-cased surname stands for, among surnames that one person of the article bears."""
        bearers: dict[str, set[str]] = {}
        for name in (*self.people, *self.speakers):
            if " " in name and self.kind_of_name(name) == FactKind.PERSON:
                bearers.setdefault(_surname(name), set()).add(name)
        return {surname: names.pop() for surname, names in bearers.items() if len(names) == 1}

    @functools.cached_property
    def place_and_organisation_words(self) -> frozenset[str]:
        return frozenset(word.lower() for name in (*self.organisations, *self.places) for word in name.split())

    @functools.cached_property
    def mention_starts(self) -> tuple[int, ...]:
        return tuple(start for start, _end, _name in self.mentions)

    def person_named_between(self, start: int, end: int) -> bool:
        """Whether a person's mention starts in [start, end): one look-up, not a scan of every mention."""
        index = bisect.bisect_left(self.mention_starts, start)
        return index < len(self.mention_starts) and self.mention_starts[index] < end

    @functools.cached_property
    def entity_mentions(self) -> tuple[tuple[int, int, str], ...]:
        kinds = (FactKind.ORGANISATION, FactKind.PLACE)
        return _mentions(self.text, [fact for fact in self.named if fact.kind in kinds])

    @functools.cached_property
    def mentions_by_name(self) -> dict[str, tuple[tuple[int, int], ...]]:
        """(start, end) of every mention of each name: organisations and places first, then people."""
        spans: dict[str, list[tuple[int, int]]] = {}
        for start, end, name in (*self.entity_mentions, *self.mentions):
            spans.setdefault(name, []).append((start, end))
        return {name: tuple(found) for name, found in spans.items()}

    @functools.cached_property
    def breaks(self) -> _Breaks:
        """Where the plain sentence splitter breaks the text and where its lines end, found once."""
        found = list(_SENTENCE_BREAK.finditer(self.text))
        newlines = [match.start() for match in _NEWLINE.finditer(self.text)]
        return _Breaks([match.start() for match in found], [match.end() for match in found], newlines)

    @functools.cached_property
    def first_two_people(self) -> tuple[tuple[int, str], ...]:
        """(end, name) of the first person mentioned and of the first other person mentioned after them."""
        found: list[tuple[int, str]] = []
        for _start, end, name in sorted(self.mentions, key=lambda mention: mention[1]):
            if self.kind_of_name(name) != FactKind.PERSON:
                continue  # "Officials in east China have said": a country that speaks is no "he"
            if not found or (len(found) == 1 and name != found[0][1]):
                found.append((end, name))
            if len(found) == 2:
                break
        return tuple(found)

    def only_person_before(self, position: int) -> str | None:
        """Return the one person the text has named before a position, or None when it named several or none.

        "He" after two men could be either: only a single candidate settles who it is.
        """
        named = [name for end, name in self.first_two_people if end <= position]
        return named[0] if len(named) == 1 else None

    def other_person_between(self, name: str, start: int, end: int) -> bool:
        """Whether a person other than ``name`` is mentioned in [start, end)."""
        index = bisect.bisect_left(self.mention_starts, start)
        for mention_start, _end, other in self.mentions[index:]:
            if mention_start >= end:
                return False
            if other != name and self.kind_of_name(other) == FactKind.PERSON:
                return True
        return False

    def last_mention_end(self, name: str, position: int) -> int:
        """Where the last mention of a person before a position ends (0 when there is none)."""
        return max((end for start, end, other in self.mentions if other == name and end <= position), default=0)

    def _opening_name_end(self, position: int) -> int:
        """Where the longest name mentioned from a position ends (the position itself when none starts there)."""
        return max((end for start, end, _name in (*self.entity_mentions, *self.mentions) if start == position),
                   default=position)

    def opens_as_subject(self, position: int) -> bool:
        """Whether the name opening a sentence at a position is its subject: a verb, a comma or "'s" follows it,
        not a word that makes it a modifier ("UK banking icon Barclays")."""
        return bool(_SUBJECT_ENDS.match(self.text, self._opening_name_end(position)))

    def opens_as_owner(self, position: int) -> bool:
        """Whether the name opening a sentence at a position owns its subject ("Microsoft's Windows operating
        system has long been a favourite"): the subject is the thing owned, not the name."""
        return self.text.startswith(("'s", "’s"), self._opening_name_end(position))

    def short_form_of_several(self, position: int, name: str) -> bool:
        """Whether the mention at a position is written shorter than ``name`` and other organisations of the
        article begin with the same words: "Chase" for "Chase Manhattan" or "Chase Manhattan Bank of Canada"."""
        written = next((self.text[start:end] for start, end, found in (*self.entity_mentions, *self.mentions)
                        if start == position and found == name), name)
        if written == name:
            return False
        return any(other != name and other.startswith(written) for other in self.organisations)

    @functools.cached_property
    def first_unread_company(self) -> int:
        """Where the article first names a company with its legal form that is none of the organisations read
        ("International Technology corp"), or past its end."""
        return next((found.start() for found in _NAME_WITH_LEGAL_FORM.finditer(self.text)
                     if not any(pick.same_entity(other, found.group(0)) or other in found.group(0)
                                for other in self.organisations)), len(self.text))

    def entity_starting(self, position: int) -> str | None:
        """Return the organisation, place or person whose mention starts at a position, if any: the longest, since
        "Air" of "CP Air" is also found at the start of "Air Canada"."""
        found = [(end, name) for start, end, name in (*self.entity_mentions, *self.mentions) if start == position]
        return max(found)[1] if found else None


# ------------------------------------------------------------------ front door

MAX_QUESTIONED_FACTS = 400


def make_questions(
    facts: tuple[Fact, ...],
    *,
    seed: int = 0,
    text: str | None = None,
    anatomy: Anatomy | None = None,
    sentences: tuple[Sentence, ...] = (),
) -> tuple[Question, ...]:
    """Return quiz questions about the facts, several types per fact where they fit.

    Args:
        facts: the article's facts, in text order.
        seed: chooses distractors, true/false polarity and choice order; the same seed gives the same questions.
        text: the article text, used to resolve pronouns ("he said") against earlier names.
        anatomy: the article's anatomy: its headline anchors publication-date questions and its
            excluded spans (credits) are never asked about.
        sentences: the article's sentences, in order: a question may print the sentence before its own.
    """
    excluded = _Excluded.of(anatomy.excluded if anatomy else ())
    # A long feature has a few hundred facts; past that the input is not an article but a list, and
    # distractor choice compares facts pairwise, so an unbounded list would take minutes.
    usable = tuple(itertools.islice((fact for fact in facts if _quizworthy(fact, excluded)), MAX_QUESTIONED_FACTS))
    article = _read_article(usable, text or "", anatomy)
    questions: list[Question] = []
    seen: set[str] = set()
    for fact in usable:
        setting = _setting(fact, article)
        for draft in _drafts(fact, setting, article, seed):
            if _problems(draft, fact):
                continue
            key = ranking.normal(draft.prompt)  # the ranking normalises the same prompts again
            if key in seen:
                continue
            seen.add(key)
            questions.append(Question(
                id=question_id(draft, fact), type=draft.type, prompt=draft.prompt, answer=draft.answer,
                fact=fact, choices=draft.choices, form=draft.form,
                sentence=setting.sentence if setting and setting.sentence != fact.sentence else None))
    return ranking.select(questions, _story(article, anatomy, sentences))


def _story(article: Article, anatomy: Anatomy | None, sentences: tuple[Sentence, ...] = ()) -> ranking.Story:
    """Gather what the ranking needs of the whole article: its headline, length, sentences and actors."""
    body = anatomy.body if anatomy and anatomy.body.end > anatomy.body.start else Span(0, len(article.text))
    # Counting a name's full form is enough to tell the story's main actors, and costs one scan a name.
    names = {_canonical(fact) for fact in article.named}
    mentions = {name.lower(): article.text.count(name) for name in names if name}
    return ranking.Story(
        headline=article.headline, published=article.published.isoformat() if article.published else None,
        body_words=len(article.text[body.start:body.end].split()),
        sentence_starts=tuple(sorted({fact.sentence.start for fact in article.facts})),
        mentions=mentions, proper_words=article.proper,
        not_people=frozenset(name.lower() for name in (*article.organisations, *article.places)),
        people=frozenset(name.lower() for name in article.people),
        surnames=frozenset(_surname(name) for name in (*article.people, *article.speakers)
                           if article.kind_of_name(name) == FactKind.PERSON and _surname(name)),
        names=frozenset(name.lower() for name in (*article.people, *article.organisations, *article.places,
                                                  *article.speakers)),
        name_words=frozenset(word.lower() for name in (*article.people, *article.organisations, *article.places,
                                                       *article.speakers) for word in name.split()),
        words_of_longer_names=frozenset(word.lower().strip(",") for name in (*article.people, *article.organisations,
                                                                            *article.places, *article.speakers)
                                        if " " in name for word in name.split()),
        common_words=article.common, first_seen=_first_seen(article.text), misspelt=spelling.misspelt(article.text),
        imagined=_imagined_paragraphs(article.text), sentences=sentences,
        dateline_end=anatomy.dateline_span.end if anatomy else 0,
        main_words=_main_words(mentions, article.headline),
        vouched_people=frozenset(_canonical(fact).lower() for fact in article.facts
                                 if fact.kind == FactKind.SPEAKER and article.kind_of_name(_canonical(fact)) == FactKind.PERSON
                                 or fact.kind == FactKind.PERSON and fact.role))


def _surname(name: str) -> str:
    """Return a person's surname, lower-cased, past letters after it ("Charles Harris QC": harris)."""
    words = [word for word in name.split() if word.strip(".,").upper() not in _POSTNOMINALS]
    return words[-1].lower() if words else ""


# "Picture the scene - Wales are camped on the England line …": a paragraph a writer opens this way imagines.
_IMAGINING = re.compile(r"^[ \t]*(?:Picture (?:the scene|this)|(?:Just )?[Ii]magine(?: the scene| this| if)?|"
                        r"Suppose|Consider this)\b", re.MULTILINE)


def _imagined_paragraphs(text: str) -> tuple[tuple[int, int], ...]:
    """Return where each paragraph that opens by imagining a scene starts and ends."""
    spans = []
    for match in _IMAGINING.finditer(text):
        end = text.find("\n", match.start())
        spans.append((match.start(), len(text) if end < 0 else end))
    return tuple(spans)


def _main_words(mentions: dict[str, int], headline: str) -> frozenset[str]:
    """Return the words of the story's two most-mentioned names and of its headline."""
    leading = sorted(mentions, key=lambda name: (-mentions[name], name))[:2]
    return ranking.words_of(" ".join((*leading, headline)))


def _first_seen(text: str) -> dict[str, int]:
    first: dict[str, int] = {}
    for match in _LOWER_WORD.finditer(text.lower()):
        first.setdefault(match.group(), match.start())
    return first


def question_id(draft: Draft, fact: Fact) -> str:
    """Return a short id that stays the same for the same question of the same fact."""
    key = f"{draft.type.value}|{fact.kind.value}|{fact.start}|{fact.end}|{draft.prompt}"
    return "q" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:11]


def _rng(seed: int, fact: Fact) -> random.Random:
    """Return the random source for one fact's questions: stable across runs, independent of other facts."""
    return random.Random(zlib.crc32(f"{seed}|{fact.kind.value}|{fact.start}|{fact.end}".encode()))


def _drafts(fact: Fact, setting: Setting | None, article: Article, seed: int) -> Iterator[Draft]:
    if fact.kind == FactKind.SPEAKER:
        yield from _speaker_drafts(fact, setting, article, seed)
    elif fact.kind == FactKind.NUMBER:
        yield from _number_drafts(fact, setting, article, seed)
    elif fact.kind == FactKind.DATE:
        yield from _date_drafts(fact, setting, article, seed)
    else:
        yield from _name_drafts(fact, setting, article, seed)


# ------------------------------------------------------------------ reading the article

def _canonical(fact: Fact) -> str:
    value = fact.value if isinstance(fact.value, str) and fact.value.strip() else fact.text
    return _SPACES.sub(" ", str(value)).strip()


def _read_article(facts: tuple[Fact, ...], text: str, anatomy: Anatomy | None) -> Article:
    def names(kind: FactKind) -> tuple[str, ...]:
        return tuple(dict.fromkeys(_canonical(fact) for fact in facts if fact.kind == kind and _canonical(fact)))

    people = names(FactKind.PERSON)
    organisations, places = names(FactKind.ORGANISATION), names(FactKind.PLACE)
    speakers = tuple(name for name in names(FactKind.SPEAKER) if name.lower() not in PRONOUN_WORDS)
    roles = {_canonical(fact): fact.role for fact in facts if fact.kind == FactKind.PERSON and fact.role}
    sentences = tuple(dict.fromkeys(fact.sentence.text for fact in facts))
    return Article(
        facts=facts, text=text,
        headline=(anatomy.headline if anatomy else "").strip(),
        dateline=(anatomy.dateline if anatomy else "").strip(),
        published=anatomy.published if anatomy else None,
        topic=pick.article_topic(sentences),
        people=people, organisations=organisations, places=places,
        speakers=speakers, roles=roles,
        name_kinds={name: _kind_of_name(name, organisations, places, people) for name in speakers},
        common=frozenset(_LOWER_WORD.findall(text)),
        proper=frozenset(word.lower() for name in (*people, *speakers, *organisations, *places)
                         for word in name.split()) | frozenset(map(str.lower, _CAPITALISED_INSIDE.findall(text))),
        named=tuple(fact for fact in facts if fact.kind != FactKind.NUMBER and fact.kind != FactKind.DATE),
    )


def _kind_of_name(name: str, organisations: Sequence[str], places: Sequence[str], people: Sequence[str]) -> FactKind:
    """Tell whether a speaker's name is an organisation, a place or (by default) a person of the article."""
    for kind, names in ((FactKind.ORGANISATION, organisations), (FactKind.PLACE, places), (FactKind.PERSON, people)):
        if any(pick.same_entity(name, other) for other in names):
            return kind
    return FactKind.PERSON


def _mentions(text: str, facts: list[Fact]) -> tuple[tuple[int, int, str], ...]:
    """Find every mention of the facts' names in the text: full names, aliases and surnames."""
    forms: dict[str, str] = {}
    for fact in facts:
        name = _canonical(fact)
        if not name or name.lower() in PRONOUN_WORDS:
            continue
        variants = {name, fact.text, *fact.aliases}
        if fact.kind in (FactKind.PERSON, FactKind.SPEAKER) and " " in name:
            variants.add(name.split()[-1])
        for variant in variants:
            variant = variant.strip()
            if len(variant) > 1 and variant.lower() not in PRONOUN_WORDS:
                forms.setdefault(variant, name)
    found: dict[int, tuple[int, int, str]] = {}
    covered = bytearray(len(text))  # 1 where a mention already found lies: a lookup, not a scan of them all
    for form in sorted(forms, key=len, reverse=True):  # "Yevgeny Nikiforov" before "Nikiforov"
        start = text.find(form)
        while start != -1:
            end = start + len(form)
            if (start == 0 or not _word_character(text[start - 1])) and \
                    (end == len(text) or not _word_character(text[end])) and not covered[start]:
                found[start] = (start, end, forms[form])
                covered[start:end] = b"\x01" * (end - start)
            start = text.find(form, start + 1)
    return tuple(found[start] for start in sorted(found))


def _word_character(character: str) -> bool:
    return character.isalnum() or character == "_"


@dataclass(frozen=True)
class _Excluded:
    """Spans never asked about, by start, with the furthest end reached by each and those before it."""

    starts: list[int]
    furthest: list[int]

    @classmethod
    def of(cls, spans: Sequence[Span]) -> _Excluded:
        ordered = sorted(spans, key=lambda span: span.start)
        return cls([span.start for span in ordered], list(itertools.accumulate((span.end for span in ordered), max)))

    def covers(self, position: int) -> bool:
        index = bisect.bisect_right(self.starts, position) - 1
        return index >= 0 and self.furthest[index] > position


def _quizworthy(fact: Fact, excluded: _Excluded) -> bool:
    """Leave out credits, bylines and one-letter answers: they make no fair question."""
    if not fact.text.strip() or len(fact.text.strip()) < 2 and not fact.text.strip().isdigit():
        return False
    if excluded.covers(fact.start):
        return False
    credit_line, credit_start = _credits_in(fact.sentence.text)
    if credit_line or fact.start - fact.sentence.start >= credit_start:
        return False
    if fact.role and CREDIT_ROLE.search(fact.role):
        return False
    if fact.kind in (*NAME_KINDS, FactKind.SPEAKER):
        name = _canonical(fact)
        if len(name) < 2 or name.lower() in PRONOUN_WORDS or re.fullmatch(r"[\d\W]+", name):
            return False
    return True


# ------------------------------------------------------------------ preparing a sentence

@functools.lru_cache(maxsize=1024)
def _credits_in(sentence: str) -> tuple[bool, int]:
    """Tell whether a sentence is a credit line, and where a trailing photo credit starts (its length if none)."""
    line = bool(CREDIT.search(sentence)) and not (sentence.count(" ") > 12 and not sentence.lstrip("( ").startswith(
        ("Reporting", "Writing", "Editing", "Additional", "Source", "By ", "Photo", "Image", "Credit")))
    credit = _trailing_credit(sentence)
    return line, credit.start() if credit else len(sentence)


def _trailing_credit(text: str) -> re.Match[str] | None:
    """Find a photo credit ending the text; every one holds a slash or a bracket, so most texts need no search."""
    return _TRAILING_CREDIT.search(text) if "/" in text or "(" in text else None


def _with_full_stop(text: str) -> str:
    """End a sentence that a line break ended, as wire copy's last lines often are, with a full stop: judged
    blind, a question without one was publishable 7 times of 20 ("... the run-up to the election")."""
    return text if not text or text[-1] in ".!?…\"”’')]:;" else f"{text}."


def tidy_keep_end(text: str) -> str:
    """Tidy a sentence but keep its final punctuation and closing quotes."""
    if "  " in text or "\n" in text or "\t" in text:
        text = _SPACES.sub(" ", text)
    return text.strip()


def _setting(fact: Fact, article: Article) -> Setting | None:
    """Prepare a sentence about the fact for quoting in a question, or None if none can stand alone.

    The fact's own sentence comes first; a name whose own sentence cannot stand alone (a dateline, a
    pronoun with no clear antecedent) is asked about through another sentence that mentions it.
    """
    if fact.kind == FactKind.DATE or not _in_dateline(fact.sentence.text, fact.start - fact.sentence.start, article):
        setting = _prepare(fact.sentence, fact.start - fact.sentence.start, fact.text, fact, article)
        if setting is not None:
            return setting
    if fact.kind not in NAME_KINDS or not article.text:
        return None
    for start, end in article.mentions_by_name.get(_canonical(fact), ()):
        if fact.sentence.start <= start < fact.sentence.end:
            continue
        sentence = _sentence_around(article.text, start, article.breaks)
        offset = start - sentence.start
        if _in_dateline(sentence.text, offset, article) or CREDIT.search(sentence.text):
            continue
        setting = _prepare(sentence, offset, article.text[start:end], fact, article)
        if setting is not None:
            return setting
    return None


class _Breaks(NamedTuple):
    """The plain splitter's breaks over a whole text (their starts and ends) and the text's newlines, in order."""

    starts: list[int]
    ends: list[int]
    newlines: list[int]


def _sentence_around(text: str, position: int, breaks: _Breaks) -> Sentence:
    """Cut the sentence of the text that holds a position (a plain splitter, for names found again).

    The sentence starts after the last break that the text before the position settles: one that ends
    before it, and whose look at the next sentence's first letter does not reach the position.
    """
    index = bisect.bisect_left(breaks.ends, position) - 1
    while index >= 0 and breaks.ends[index] + 1 >= position and not _SENTENCE_LETTER.match(text, breaks.ends[index]):
        index -= 1
    start = breaks.ends[index] if index >= 0 else 0
    index = bisect.bisect_left(breaks.starts, position)
    if index > 0 and breaks.ends[index - 1] > position:  # a break across the position: its own search
        following = _SENTENCE_BREAK.search(text, position)
        end = following.start() if following else len(text)
    else:
        end = breaks.starts[index] if index < len(breaks.starts) else len(text)
    newline = bisect.bisect_left(breaks.newlines, position)
    if newline < len(breaks.newlines):
        end = min(end, breaks.newlines[newline])
    line_start = breaks.newlines[newline - 1] + 1 if newline > 0 else 0
    start = max(start, line_start)
    return Sentence(text[start:end].strip(), start + len(text[start:end]) - len(text[start:end].lstrip()), end)


def _prepare(sentence: Sentence, start: int, mention: str, fact: Fact, article: Article) -> Setting | None:
    """Clean a sentence (labels, credits, dateline), resolve its pronouns and locate the mention in it."""
    text = sentence.text
    if text[start:start + len(mention)] != mention:
        found = [match.start() for match in re.finditer(re.escape(mention), text)] if mention else []
        if not found:
            return None
        start = min(found, key=lambda index: abs(index - start))
    end = start + len(mention)
    origin = sentence.start

    label = _LABEL.match(text) or _BULLET.match(text)
    if label and label.end() <= start:
        text, start, end, origin = text[label.end():], start - label.end(), end - label.end(), origin + label.end()
    credit = _trailing_credit(text)
    if credit:
        if credit.start() < end:
            return None
        text = text[:credit.start()].rstrip()
    dateline = None
    if article.dateline and text.startswith(article.dateline) and len(article.dateline) <= start:
        dateline = len(article.dateline)
    elif (match := _DATELINE.match(text)) and match.end() <= start:
        dateline = match.end()
    if dateline:
        rest = text[dateline:].lstrip(" -–—")
        cut = len(text) - len(rest)
        text, start, end, origin = rest, start - cut, end - cut, origin + cut

    connective = _CONNECTIVE.match(text)
    if connective and connective.end() <= start:
        cut = connective.end()
        text, start, end, origin = capitalise(text[cut:]), start - cut, end - cut, origin + cut

    speaker = ""
    if _opens_a_quotation(text):
        # 'Lu, a professor, told Reuters: "The decision came late.', 'Hutt said waiting lists were "only 10% of
        # it.': the quotation runs on into the next sentence (or the copy never closes it); the words before it
        # are the narrator's, so only the quotation is closed.
        text += "”" if "“" in text else '"'
    if _unbalanced_quotes(text):
        speaker = _quoting_speaker(text, article)
        if not speaker:
            return None
        for index in reversed([match.start() for match in re.finditer(r"[“”\"]", text)]):
            if start <= index < end:
                return None
            text = text[:index] + text[index + 1:]
            if index < start:
                start, end = start - 1, end - 1
        lead = len(text) - len(text.lstrip())
        text, start, end = text.strip(), start - lead, end - lead
    in_quote = bool(speaker) or _inside_quotes(text, start)

    named = _named_subject(text, sentence, article)
    if named and not speaker:
        # "The company said ..." whose speaker the speaker rules settled: the question names it instead.
        subject = _GENERIC_SUBJECT.match(text)
        if start < subject.end():
            return None
        shift = len(named) - subject.end()
        text, start, end, origin = named + text[subject.end():], start + shift, end + shift, origin - shift

    if not speaker:
        text, start, end, origin = _full_names(text, start, end, origin, article)
        text, start, end, origin = _name_the_company(text, start, end, origin, fact, article)

    for _ in range(0 if speaker else 4):  # a quoted speaker's "we" and "our" are theirs
        pronoun = _dangling_in(text)
        if pronoun is None:
            break
        name = _resolve(pronoun, text, origin, sentence, article)
        if name is None or start <= pronoun.start() < end:
            return None
        word = pronoun.group()
        replacement = _as_written(name, article)
        if word.lower() in ("his", "its", "their") or word.lower() == "her" and _possessive_her(text, pronoun.end()):
            replacement = name + ("’s" if "’" in text else "'s")
        if pronoun.start() == 0:
            replacement = capitalise(replacement)
        text = text[:pronoun.start()] + replacement + text[pronoun.end():]
        shift = len(replacement) - len(word)
        if pronoun.start() < start:
            start, end = start + shift, end + shift
        origin -= shift  # later words keep their place in the article for the next pronoun
    if not speaker and _dangling_in(text) is not None:
        return None
    attribution = _TRAILING_ATTRIBUTION.search(text)
    if attribution and not speaker:
        # "..., he said." names the speaker the speaker rules settled for this sentence, or the sentence is not used.
        name = _speaker_of(attribution.group("pronoun"), sentence, article)
        if name is None or attribution.start("pronoun") < end:
            return None
        text = text[:attribution.start("pronoun")] + _as_written(name, article) + text[attribution.end("pronoun"):]
    return Setting(text, start, end, mention=mention, sentence=sentence, speaker=speaker, in_quote=in_quote)


def _speaker_of(pronoun: str, sentence: Sentence, article: Article) -> str | None:
    """Return who a sentence's "he said" stands for, when the speaker rules resolved it to a name."""
    for other in article.facts:
        if other.kind == FactKind.SPEAKER and other.sentence.start == sentence.start and \
                other.text.lower() == pronoun.lower():
            name = _canonical(other)
            if name.lower() not in PRONOUN_WORDS:
                return name
    return None


def _named_subject(text: str, sentence: Sentence, article: Article) -> str | None:
    """Return the name a sentence's opening "The company" stands for, when a speaker fact of it says so."""
    subject = _GENERIC_SUBJECT.match(text)
    if not subject:
        return None
    for other in article.facts:
        if other.kind == FactKind.SPEAKER and other.sentence.start == sentence.start and \
                other.text.lower() == subject.group(0).lower():
            name = _canonical(other)
            if name.lower() not in PRONOUN_WORDS and not _GENERIC_SUBJECT.fullmatch(name):
                return "The " + name if _ORG_THE.search(name) and not name.lower().startswith("the ") else name
    return None


# "Hindi-language Dainik Jagran", "Moscow-based Ivan Petrov": a compound adjective opens no person's name.
_ADJECTIVE_FIRST = re.compile(r"^[A-Z][\w'’]*-[a-z]")


def _full_names(text: str, start: int, end: int, origin: int, article: Article) -> tuple[str, int, int, int]:
    """Write a person's full name where the sentence gives only the surname ("Rodriguez made the comment").

    News names a person in full once and by surname after; a learner who meets one sentence as a question
    has not read the paragraph that introduced them. Only a surname that one person of the article bears,
    and that names no organisation or place of it, is written out; a quotation keeps its own words, and
    an honorific gives way to the first name ("Mr Letwin" becomes "Oliver Letwin").
    """
    if not article.text:
        return text, start, end, origin
    written: set[str] = set()
    replacements: list[tuple[int, int, str]] = []
    first = bisect.bisect_left(article.mention_starts, origin)
    for mention_start, mention_end, name in article.mentions[first:]:
        if mention_start >= origin + len(text):
            break
        if mention_end > origin + len(text) or name in written:
            continue
        written.add(name)  # only the first mention in the sentence: "Jones ... Jones" names him once
        surname = article.text[mention_start:mention_end]
        at = mention_start - origin
        if text[at:at + len(surname)] != surname or " " in surname or " " not in name or \
                _surname(name) != surname.lower() or at < end and start < at + len(surname) or \
                _inside_quotes(text, at) or surname.lower() in article.place_and_organisation_words or \
                article.people_by_surname.get(surname.lower()) != name or _ADJECTIVE_FIRST.match(name):
            continue
        honorific = _WORD_BEFORE.search(text, 0, at)
        titled = bool(honorific) and honorific.group(1).lower() in HONORIFICS
        if not (titled or name in article.speakers or article.roles.get(name)):
            continue  # only a name the text shows to be a person's: "Mining" became "Western Nuigini Mining"
        cut = honorific.start() if titled else at
        replacements.append((cut, at + len(surname), name))
    for cut_start, cut_end, name in reversed(replacements):
        text = text[:cut_start] + name + text[cut_end:]
        shift = len(name) - (cut_end - cut_start)
        if cut_start < start:
            start, end = start + shift, end + shift
            origin -= shift  # a later word keeps its place in the article for the rules that follow
    return text, start, end, origin


def _name_the_company(text: str, start: int, end: int, origin: int, fact: Fact,
                      article: Article) -> tuple[str, int, int, int]:
    """Write the company's name for "the company" when the text settles which one it is.

    It is settled when the article has named exactly one company before the noun (an organisation
    that is neither a government body nor the press; a bank for "the bank", a Group for a bare "the group"),
    and has not brought in an unnamed one since ("a Texas oil firm"). The fact's own name is never
    written in: the blank would then be shown beside its answer.
    """
    if not any(noun in text for noun in _COMPANY_NOUNS):
        return text, start, end, origin  # most sentences name no company by its noun: no search from every word
    match = next((found for found in _COMPANY_NOUN.finditer(text) if not _inside_quotes(text, found.start())), None)
    if match is None or match.start() < end and start < match.end():
        return text, start, end, origin
    noun, position = match.group(2), origin + match.start()
    if noun == "group" and match.group("described"):
        return text, start, end, origin  # "the broker creditors group" is a group of the story, not "Shell Group"
    if text[:match.start()].rstrip().endswith(","):
        return text, start, end, origin  # "Parmalat, the main operating company,": it describes the name before it
    named_before = [name for name in article.organisations
                    if pick.organisation_family(name) not in ("government", "media")
                    and (noun != "bank" or _BANK_NAME.search(name)) and (noun != "group" or "Group" in name)
                    and any(mention_start < position for mention_start, _ in article.mentions_by_name.get(name, ()))]
    # "CPC" in the headline and "CPC International Inc" in the lede are one company: its fullest name is written.
    name = max(named_before, key=len, default="")
    if not name or not all(pick.same_entity(other, name) for other in named_before) or \
            any(pick.same_entity(answer, name) for answer in (str(fact.value), fact.text)):
        return text, start, end, origin
    last_mention = max(mention_start for other in named_before for mention_start, _ in article.mentions_by_name[other]
                       if mention_start < position)
    if _ANOTHER_COMPANY.search(article.text, last_mention, position):
        return text, start, end, origin
    if article.first_unread_company < position:
        return text, start, end, origin  # a company the story names that the entity stage did not read
    if _PARENT_BEFORE.search(article.text[max(0, last_mention - 40):last_mention]):
        return text, start, end, origin  # "Citroen, part of the Peugeot SA group, rose. The firm …": Citroen
    if any(_NAME_GOES_ON.match(article.text, mention_end) for other in named_before
           for _, mention_end in article.mentions_by_name[other]):
        return text, start, end, origin  # "Central Bank of West African CFA franc zone countries (UMOA)": cut short
    if all(article.text.startswith(("'s", "’s"), mention_end) for _, mention_end in article.mentions_by_name[name]):
        return text, start, end, origin  # always written "McDonald's": "McDonald" would misname the company
    replacement = _as_written(name, article) + (match.group("owner") or "")
    if match.start() == 0:
        replacement = capitalise(replacement)
    text = text[:match.start()] + replacement + text[match.end():]
    shift = len(replacement) - (match.end() - match.start())
    if match.start() < start:
        start, end = start + shift, end + shift
    return text, start, end, origin - shift


def _in_dateline(sentence: str, offset: int, article: Article) -> bool:
    """Tell whether a position of a sentence lies in its dateline ("KHOJALY, Azerbaijan (Reuters) -")."""
    if article.dateline and sentence.startswith(article.dateline):
        return offset < len(article.dateline)
    match = _DATELINE.match(sentence)
    return bool(match) and offset < match.end()


def _opens_a_quotation(text: str) -> bool:
    """Whether narration ("Hutt said lists were") opens the sentence's only quotation mark, and words follow it."""
    if text.count("“") + text.count('"') != 1 or "”" in text:
        return False
    mark = max(text.find("“"), text.find('"'))
    if not text[mark + 1:].strip():
        return False
    before = text[:mark]
    return (before[-1:].isspace() or before.rstrip()[-1:] in (":", ",")) and any(c.isalnum() for c in before)


def _unbalanced_quotes(text: str) -> bool:
    return text.count("“") != text.count("”") or text.count('"') % 2 == 1


def _inside_quotes(text: str, position: int) -> bool:
    before = text[:position]
    return before.count("“") > before.count("”") or before.count('"') % 2 == 1


def _quoting_speaker(text: str, article: Article) -> str:
    """Return who speaks a sentence that lies inside a longer quotation."""
    probe = re.sub(r"[“”\"]", "", text).strip()[:40]
    for other in article.facts:
        if other.kind == FactKind.SPEAKER and other.quote and probe and (
                probe[:25] in other.quote or other.quote[:25] in text):
            name = _canonical(other)
            if name.lower() not in PRONOUN_WORDS:
                return name
    return ""


def _dangling_in(text: str) -> re.Match[str] | None:
    """Return the first pronoun of the sentence, outside quotes, with no name before it."""
    word = dangling_pronoun(text)
    if word is None:
        return None
    plain = outside_quotes(text)
    return re.search(rf"\b{re.escape(word)}\b", plain)


def _possessive_her(text: str, end: int) -> bool:
    following = re.match(r"\s+([\w’'-]+)", text[end:])
    return bool(following) and following.group(1).lower() not in (
        "to", "in", "on", "at", "for", "with", "and", "that", "as", "by", "from", "after", "before")


# "…, the first official said. He estimated": the one who spoke last is nobody the story names.
_THE_UNNAMED = re.compile(r"\bthe (?:first |second |same |other |senior |unnamed )?(?:official|spokesman|"
                          r"spokeswoman|spokesperson|source|aide|diplomat)\b")


def _resolve(pronoun: re.Match[str], text: str, origin: int, sentence: Sentence, article: Article) -> str | None:
    """Name the person or thing a pronoun of the sentence stands for, or None when unsure."""
    word = pronoun.group().lower()
    if word in ("i", "me", "my", "we", "us", "our"):
        return None
    for other in article.facts:
        if other.kind == FactKind.SPEAKER and other.sentence.start == sentence.start \
                and other.text.lower() in PRONOUN_WORDS and _canonical(other).lower() not in PRONOUN_WORDS:
            if word in ("he", "she", "him", "his", "her") or other.text.lower() == word:
                return _canonical(other)
    if not article.text:
        return None
    position = origin + pronoun.start()
    previous = _previous_sentence_start(article.text, sentence.start)
    if word in ("he", "she", "him", "his", "her", "hers"):
        if previous is not None and (SOMEONE_UNNAMED.search(article.text, previous, position) or
                                     _THE_UNNAMED.search(article.text, previous, position)):
            return None  # "... came from a Peking university professor. He said": not the man named earlier
        if article.person_named_between(position + 1, sentence.end):
            return None  # "During his news conference, Conable said": "his" looks ahead, to the man named next
        if previous is not None:
            name = article.entity_starting(previous)
            # A person only: "Brazil" may open the sentence before and speak, but it has no "his".
            if name and name in article.people + article.speakers and article.kind_of_name(name) == FactKind.PERSON:
                # "Wang said Haefner, the Swiss investor, would hold 25 pct. He owns 58 pct": either man.
                return None if article.other_person_between(name, previous, sentence.start) else name
        name = article.only_person_before(position)
        if name is not None and SOMEONE_UNNAMED.search(article.text, article.last_mention_end(name, position), position):
            return None  # "A foreign agricultural expert forecast ... He put stocks at": not the one named before
        return name
    if word in ("they", "them", "their"):
        return None  # one name never settles "they": the story may mean a group it names nowhere
    if pronoun.start() == 0 and previous is not None:
        name = article.entity_starting(previous)
        if name is not None and not article.opens_as_subject(previous):
            return None  # "UK banking icon Barclays was founded ... Its divisions": Britain only qualifies the subject
        if name is not None and article.opens_as_owner(previous):
            return None  # "Microsoft's Windows operating system has long been a favourite ... It has": Windows
        # "It" that forecasts, reports or sells is an organisation or a country the sentence before opened with:
        # never a person, nor a city, which is what a dateline opens with ("ZURICH - The Centre ... It forecast").
        if name in article.organisations and article.short_form_of_several(previous, name):
            return None  # "Chase has ... It has": Chase Manhattan, or its unit Chase Manhattan Bank of Canada?
        if name in article.organisations or name in article.places and pick.is_country(name) and \
                not (article.dateline and name.lower() in article.dateline.lower()):
            return name
        return None
    return None


# What follows a sentence's subject: a verb ("said", "has", "expects"), a comma, a possessive or a bracket.
_SUBJECT_ENDS = re.compile(
    r"(?:['’]s\b|\s*[,(]|\s+(?:is|was|are|were|has|had|have|will|would|could|can|may|might|must|should|did|does|do|"
    r"also|now|then|still|already|yesterday|today|last|on|in|said|says|[a-z]+ed|[a-z]+s)\b)")


def _as_written(name: str, article: Article) -> str:
    """"the Financial Times" for "It": a name the article writes after "the" keeps it in its place."""
    if name in article.people or name.lower().startswith("the ") or not article.text:
        return name
    return f"the {name}" if _written_after_the(name, article.text) else name


# What opens a clause before a name: a line, a sentence, a dash, a quotation, a comma or a conjunction.
_CLAUSE_OPENING = re.compile(r"(?:^|[\n.!?;:(“\"‘—–]\s*|\s-\s+|,\s+|\b(?:that|and|but|while|because|although|"
                             r"when|after|before|since|until|as|if)\s+)$")
# What follows a name that stands whole, not as a modifier ("U.S. Agriculture Department officials"): a sign,
# a possessive, or a verb or little word.
_AFTER_A_WHOLE_NAME = re.compile(r"(?:$|['’]s\b|\s*[^\w\s-]|\s+(?:[a-z]+ed|says|expects|plans|reports|estimates|"
                                 r"sees|wants|makes|is|was|has|had|have|will|would|can|could|may|might|must|should|"
                                 r"did|does|do|also|said|told|in|on|at|to|for|of|and|or|with|by|from|that|which|who|"
                                 r"under|over|after|before|about|into)\b)")


@functools.lru_cache(maxsize=256)
def _written_after_the(name: str, text: str) -> bool:
    """Whether the text writes a name after "the" and never opens a clause with it bare: a scan of the text for a
    name, not for a pronoun.

    "the U.S. Agriculture Department said" once is enough, whatever else the text writes inside a clause ("met
    U.S. Agriculture Department officials"); "Fiat said" at the start of a clause says the name goes bare. A name
    after "the" only as a modifier keeps "the" only when the text never writes it bare and
    whole ("a spokesman for Exxon.") and its head word takes "the" ("the Foreign Ministry official", but "the
    Intel Corp 80386 chip").
    """
    whole_after_the = after_the = bare_whole = False
    for match in re.finditer(rf"(?<![\w-])(?:(?P<the>[Tt]he)\s+)?{re.escape(name)}(?![\w-])", text):
        whole = bool(_AFTER_A_WHOLE_NAME.match(text, match.end()))
        if match.group("the"):
            after_the = True
            whole_after_the = whole_after_the or whole
        elif whole:
            if _CLAUSE_OPENING.search(text, max(0, match.start() - 40), match.start()):
                return False
            bare_whole = True
    return whole_after_the or after_the and not bare_whole and bool(_ORG_THE.search(name))


def _previous_sentence_start(text: str, sentence_start: int) -> int | None:
    head = text[:sentence_start].rstrip()
    if not head:
        return None
    cut = max(head.rfind(". ", 0, len(head) - 1), head.rfind("\n", 0, len(head) - 1),
              head.rfind("? ", 0, len(head) - 1), head.rfind("! ", 0, len(head) - 1))
    start = cut + 1 if cut >= 0 else 0
    while start < len(text) and text[start] in " \n\"“":
        start += 1
    return start


# ------------------------------------------------------------------ speakers

def _shorten(quote: str, limit: int = 30) -> str:
    quote = re.sub(r"\s+", " ", quote).strip().strip("“”\"'‘’ ").rstrip(",;:")
    parts = quote.split(" ")
    if len(parts) <= limit:
        return quote.rstrip(".")
    while limit > 1 and parts[limit - 1][:1].isupper() and parts[limit][:1].isupper():
        limit -= 1  # "referring to News Corp chairman Rupert…": a cut never splits a name
    return " ".join(parts[:limit]).rstrip(",;:.") + "…"


def _closed(words: str) -> str:
    """End reported words with a full stop, unless _shorten cut them ("… as low as seven dlrs…", not "dlrs….")."""
    return words if words.endswith("…") else f"{words}."


def _is_direct(fact: Fact, article: Article) -> bool:
    """Tell whether the speaker's words are quoted verbatim (inside quotation marks) in the text."""
    quote = (fact.quote or "").strip()
    haystack = article.text or fact.sentence.text
    index = haystack.find(quote[:40])
    if index < 0:
        return False
    before = haystack[max(0, index - 3):index].rstrip()
    if not before or before[-1] not in "“\"'‘":
        return False
    # A straight mark after a word or a full stop closes the sentence before ('... rates." The plant would ...,
    # he said'): these words are reported, not quoted.
    return before[-1] in "“‘" or len(before) == 1 or not (before[-2].isalnum() or before[-2] in ".,!?")


def _speech(fact: Fact, quote: str, direct: bool) -> str:
    """Return the speaker's words as a question can show them, or "" when they cannot stand alone.

    A whole direct quote is shown in quotation marks; reported speech as it was written; a fragment
    quoted inside reported speech ('said Russia had made "every effort ..."') with the words around it.
    """
    if direct and quote[:1].isupper():
        return f"'{quote}'"
    if not direct:
        # "The plant would use local parts, he said": reported after "said that", its first word is no longer first.
        reported = _OPENING_FUNCTION_WORD.sub(lambda word: word.group(0).lower(), re.sub(r"^that\s+", "", quote))
        return _single_quoted(reported)
    sentence = fact.sentence.text
    index = sentence.find(quote[:30])
    verbs = list(_REPORTING.finditer(sentence, 0, max(0, index)))
    if index < 0 or not verbs:
        return ""
    closing = re.match(r"[^“”\"]*?[”\"]", sentence[index:])
    end = index + (closing.end() if closing else len(quote))
    words = sentence[verbs[-1].end():end].strip()
    words = _single_quoted(re.sub(r"^that\s+", "", words))
    return words if len(words.split()) <= 45 else ""


def _without_dateline(quote: str, article: Article) -> str:
    """Drop a dateline that an attribution at the end of a first sentence dragged into the quote."""
    if article.dateline and quote.startswith(article.dateline):
        return quote[len(article.dateline):].lstrip(" -–—")
    match = _DATELINE.match(quote)
    return quote[match.end():] if match else quote


def _one_of_several_speakers(fact: Fact) -> bool:
    """"The Conservatives and Lib Dems insisted that ...": either one alone is half the answer, and the other
    a choice that is also right."""
    sentence, start = fact.sentence.text, fact.start - fact.sentence.start
    before, after = sentence[max(0, start - 40):start], sentence[fact.end - fact.sentence.start:][:40]
    return bool(re.search(r"\w\s+(?:and|&)\s+(?:the\s+)?$", before) or
                re.match(r"\s+(?:and|&)\s+(?:the\s+)?[A-Z]", after))


def _reporting_verb(fact: Fact, quote: str) -> str:
    """"said", or as written the verb of a view ("He thinks that ...": a belief is not a statement) or of a
    denial ("Ashlock denied that the airline was ...": who said it is someone else)."""
    sentence = fact.sentence.text
    view = _VIEW_VERB.search(sentence)
    if view:
        return view.group(1)
    at = sentence.find(quote[:30]) if quote else -1
    denial = _DENIAL.search(sentence, 0, at) if at > 0 else None
    return denial.group(1) if denial and not sentence[denial.end():at].strip(" ,“\"") else "said"


_DENIAL = re.compile(r"\b(denied|denies|deny|disputed|disputes|rejected|rejects)\s+(?:(?:the\s+)?(?:suggestions?|reports?|"
                     r"claims?|allegations?|rumou?rs?|speculation|accusations?)\s+)?(?:that\s+)?")
_VIEW_VERB = re.compile(r"^(?:[A-Z][\w.'’-]*\s+){0,4}(thinks|thought|believes|believed|feels|felt)\s+(?:that\s+)?")


def _single_quoted(words: str) -> str:
    """Mark quoted words inside reported speech with single quotes, closing a quotation left open."""
    words = re.sub(r"[“”\"]", "'", words).strip()
    marks = len(re.findall(r"(?<!\w)'|'(?!\w)", words))
    if marks % 2:
        words = words.rstrip(".,;:") + "'"
    return re.sub(r"[.,;:]+'$", "'", words)


def _speaker_drafts(fact: Fact, setting: Setting | None, article: Article, seed: int) -> Iterator[Draft]:
    name = _canonical(fact)
    quote = _shorten(_without_dateline(fact.quote or "", article))
    if len(quote.split()) < 1 or name.lower() in PRONOUN_WORDS:
        return
    if _one_of_several_speakers(fact):
        return
    direct = _is_direct(fact, article)
    shown = _speech(fact, quote, direct)
    if not shown or len(shown.split()) < 2:
        return
    reported = shown.strip("'")
    kind = article.kind_of_name(name)
    verb = _reporting_verb(fact, quote)
    prompt = f"Who {verb} that {shown}?"
    rng = _rng(seed, fact)
    wrong = pick.name_distractors(
        name, article=[other for other in (*article.speakers, *article.article_names(kind))
                       if article.kind_of_name(other) == kind
                       and not _SPEAKS_NO_MORE.search(article.roles.get(other, ""))],
        world=article.world_names(kind, name), avoid=prompt, rng=rng, people=kind == FactKind.PERSON)
    if len(wrong) >= 2:
        yield _choice_question(prompt, name, wrong, rng, sort=False, form=Form.QUOTE)
    tf_rng = rng
    # A false statement swaps in someone of the story: a stranger's name makes it false for no reason a reader knows.
    others_of_story = [other for other in wrong if contains_words(article.text, other)]
    if others_of_story and tf_rng.random() < 0.5:
        yield Draft(QuestionType.TRUE_FALSE, f"{capitalise(_as_written(tf_rng.choice(others_of_story), article))} "
                    f"{verb} that {_closed(shown)}", FALSE,
                    (TRUE, FALSE), form=Form.STATEMENT)
    else:
        yield Draft(QuestionType.TRUE_FALSE, f"{capitalise(_as_written(name, article))} {verb} that {_closed(shown)}",
                    TRUE, (TRUE, FALSE), form=Form.STATEMENT)
    if setting and setting.mention.lower() not in PRONOUN_WORDS and not setting.in_quote:
        yield Draft(QuestionType.CLOZE, setting.blanked, setting.mention, form=Form.BLANK)
    elif shown.startswith("'"):
        yield Draft(QuestionType.CLOZE, f"“{quote},” said {BLANK}.", name, form=Form.QUOTE)
    else:
        yield Draft(QuestionType.CLOZE, f"{BLANK} {verb} that {_closed(reported)}", name, form=Form.QUOTE)
    role = article.roles.get(name)
    back = f"{name}, {role}" if role and not contains_words(role, name) else name
    if _DENIAL.fullmatch(verb + " "):
        return  # "... — who said so?" would credit the denier with what they denied
    front = f"“{quote}”" if shown.startswith("'") else f"{capitalise(reported)} — who said so?"
    yield Draft(QuestionType.FLASHCARD, front, back, form=Form.QUOTE)


# ------------------------------------------------------------------ numbers

def _number_drafts(fact: Fact, setting: Setting | None, article: Article, seed: int) -> Iterator[Draft]:
    shape = number_shape(fact.text)
    if shape is None or shape.core <= 0:
        return
    rng = _rng(seed, fact)
    pool = [(other.text, other.value, other.unit) for other in article.facts
            if other.kind == FactKind.NUMBER and other is not fact]
    wrong_values = pick.number_distractors(fact.text, fact.value if isinstance(fact.value, (int, float)) else None,
                                           qualifier=fact.qualifier, unit=fact.unit, pool=pool, rng=rng)
    answer = fact.text.strip()
    duration = shape.duration if shape.duration in _TIME_UNITS else None
    wording, remainder = _number_wording(fact, shape, setting, duration, article)
    if duration and wording:
        answer_shown = shape.as_duration(shape.core)
        choices = [shape.as_duration(value) for value in wrong_values]
    else:
        answer_shown = answer
        choices = [shape.write(value) for value in wrong_values]
    if wording:
        prompt = wording.question
    elif setting:
        prompt = f"Fill in the blank with the right number: {setting.excerpt()}"
    else:
        prompt = ""
    if prompt and len(choices) >= 2:
        yield _choice_question(prompt, answer_shown, choices, rng, sort_key=lambda text: _numeric(text),
                               form=Form.REWORDED if wording else Form.BLANK)
    if setting and not setting.in_quote:
        tf_rng = rng
        if wrong_values and tf_rng.random() < 0.5:
            yield Draft(QuestionType.TRUE_FALSE, _statement(setting, shape.write(tf_rng.choice(wrong_values))), FALSE,
                        (TRUE, FALSE), form=Form.STATEMENT)
        else:
            yield Draft(QuestionType.TRUE_FALSE, _statement(setting, answer), TRUE, (TRUE, FALSE), form=Form.STATEMENT)
    if setting:
        yield Draft(QuestionType.CLOZE, setting.blanked, answer, form=Form.BLANK)
    if wording:
        yield Draft(QuestionType.SHORT_ANSWER, f"State {wording.embedded}.", answer_shown, form=Form.REWORDED)
    back = remainder or (fact.counts or "").strip()
    if back:
        yield Draft(QuestionType.FLASHCARD, f"What does the figure “{answer}” refer to?", back, form=Form.FIGURE)


def _number_wording(fact: Fact, shape: NumberShape, setting: Setting | None, duration: str | None,
                    article: Article) -> tuple[Wording | None, str]:
    """Word a number question from its sentence; also return what the number counts, for a flashcard."""
    if setting is None or setting.in_quote:
        return None, ""
    located = setting.located(article)
    if duration:
        return _duration_wording(setting), ""
    cut, noun = counted_noun(setting.text, setting.end)
    money = bool(re.search(r"[$£€¥₹]", fact.text)) or (fact.unit or "").upper() in ("USD", "EUR", "GBP", "JPY") \
        or noun.lower() in CURRENCY_WORDS
    if money:
        if noun.lower() not in CURRENCY_WORDS:
            cut = ""
        wording = ask_fronting(located, wh="How much", noun=cut, money=True)
        if wording and wording.embedded.startswith("how much "):
            return wording, "what " + wording.embedded.removeprefix("how much ")
        return wording, ""
    if fact.unit == "percent" or not noun:
        return None, ""
    wording = ask_fronting(located, wh=f"How many {noun}", noun=cut)
    if wording is None:
        return None, noun
    match = re.match(rf"(?:(\w+) )?how many {re.escape(noun)} (.+)", wording.embedded, re.IGNORECASE)
    remainder = ""
    if match:
        preposition, rest = match.group(1), match.group(2)
        first = rest.split(" ", 1)[0].lower()
        if preposition:
            joiner = f" {preposition} which "
        elif first in ("had", "have", "has", "were", "was", "are", "is", "will", "would", "could", "can"):
            joiner = " that "
        else:
            joiner = " "
        remainder = noun + joiner + rest
    return wording, remainder


def _duration_wording(setting: Setting) -> Wording | None:
    """Ask how long a hyphenated measure lasted: "a two-year mission" -> "How long was the mission ...?"."""
    if not re.search(r"\b(?:a|an|the)\s+$", setting.before()):
        return None
    _left, right = clause_bounds(setting.text, setting.start, setting.end)
    noun = setting.text[setting.end:right].strip(" ,.;:")
    if not noun or len(noun.split()) > 12 or re.search(r"[“”\"]", noun):
        return None
    return Wording(f"How long was the {noun}?", f"how long the {noun} was")


def _numeric(text: str) -> float:
    shape = number_shape(text)
    return shape.core if shape else 0.0


def _statement(setting: Setting, replacement: str) -> str:
    statement = setting.replaced(replacement)
    return statement if statement.endswith((".", "”", "\"", "?", "!")) else statement + "."


# ------------------------------------------------------------------ dates

def _date_drafts(fact: Fact, setting: Setting | None, article: Article, seed: int) -> Iterator[Draft]:
    value = CalendarValue.parse(fact.value)
    if value is None:
        return
    weekday = bool(_WEEKDAY.search(fact.text)) and value.granularity == "day"
    answer = value.show(weekday=weekday)
    rng = _rng(seed, fact)
    pool = [parsed for other in article.facts if other.kind == FactKind.DATE and other is not fact
            for parsed in [CalendarValue.parse(other.value)] if parsed]
    past = bool(re.search(r"\b(last|ago|yesterday|earlier|previous|past)\b", fact.text, re.IGNORECASE)) or (
        weekday and not re.search(r"\b(next|coming)\b", fact.text, re.IGNORECASE))
    wrong = pick.date_distractors(value, pool, rng, weekday=weekday, not_after=article.published if past else None)
    wrong_shown = [other.show(weekday=weekday) for other in wrong]
    if _is_publication_date(fact, setting, article):
        if not article.headline:
            return
        report = f"the report “{article.headline.rstrip('.')}”"
        if len(wrong_shown) >= 2:
            yield _choice_question(f"When was {report} published?", answer, wrong_shown, rng,
                                   sort_key=_date_order(wrong + [value], weekday), form=Form.REPORT)
        yield Draft(QuestionType.SHORT_ANSWER, f"{_SHORT_DATE_ASK[value.granularity]} was {report} published?",
                    answer, form=Form.REPORT)
        return
    wording = None
    if setting and not setting.in_quote:
        preposition = re.search(r"(\w+)\s+$", setting.before())
        word = preposition.group(1).lower() if preposition else ""
        if word in ("since", "until", "till"):
            wording = ask_removing(setting.located(article), wh=f"{capitalise(word)} when",
                                   prepositions=frozenset({word}))
        elif word not in ("from", "between", "of", "to", "through"):
            wording = ask_removing(setting.located(article), wh="When",
                                   prepositions=frozenset({"on", "in", "at", "during", "by"}))
    if wording and TIME_EXPRESSION.search(wording.question):
        # "When had some members raised output last week?": the date was another clause's ("after … in March")
        wording = None
    if wording:
        prompt = wording.question
    elif setting:
        prompt = f"Fill in the blank with the right date: {setting.excerpt()}"
    else:
        prompt = ""
    if prompt and len(wrong_shown) >= 2 and not (setting and setting.after().startswith(("'s", "’s"))):
        yield _choice_question(prompt, answer, wrong_shown, rng, sort_key=_date_order(wrong + [value], weekday),
                               form=Form.REWORDED if wording else Form.BLANK)
    if setting and not setting.in_quote and not setting.after().startswith(("'s", "’s")):
        tf_rng = rng
        if wrong and tf_rng.random() < 0.5:
            false_date = _date_phrase(setting, tf_rng.choice(wrong), weekday)
            yield Draft(QuestionType.TRUE_FALSE, _statement(setting, false_date), FALSE, (TRUE, FALSE), form=Form.STATEMENT)
        else:
            yield Draft(QuestionType.TRUE_FALSE, _statement(setting, _date_phrase(setting, value, weekday)), TRUE,
                        (TRUE, FALSE), form=Form.STATEMENT)
    if setting:
        yield Draft(QuestionType.CLOZE, setting.blanked, setting.mention, form=Form.BLANK)
    if wording and wording.question.startswith("When "):
        yield Draft(QuestionType.SHORT_ANSWER,
                    f"{_SHORT_DATE_ASK[value.granularity]} {wording.question.removeprefix('When ')}", answer, form=Form.REWORDED)


def _date_order(values: list[CalendarValue], weekday: bool):
    order = {value.show(weekday=weekday): value.ordinal() for value in values}
    return lambda text: order.get(text, 0)


def _date_phrase(setting: Setting, value: CalendarValue, weekday: bool) -> str:
    """Write a date to stand where the article's date expression stood, with a preposition if it had none."""
    shown = value.show(weekday=weekday)
    if re.search(r"\b(on|in|at|during|since|by|until|till|from|of|before|after)\s+$", setting.before(), re.IGNORECASE):
        return shown
    return ("on " if value.granularity == "day" else "in ") + shown


def _is_publication_date(fact: Fact, setting: Setting | None, article: Article) -> bool:
    """Tell whether a date is the article's own date (a dateline or a date line), not an event's."""
    if article.dateline and fact.text in article.dateline and fact.start < len(article.dateline) + 200:
        return True
    sentence = fact.sentence.text
    start = fact.start - fact.sentence.start
    rest = (sentence[:start] + sentence[start + len(fact.text):]) if 0 <= start <= len(sentence) else sentence
    if not re.search(r"\b[a-z]{3,}\b", re.sub(r"\((?:[^)]*)\)", "", rest)):
        return True
    return bool(re.match(r"\s*[–—-]", sentence[start + len(fact.text):])) and \
        not re.search(r"\b[a-z]{4,}\b", sentence[:max(0, start)])


# ------------------------------------------------------------------ people, organisations, places

def _with_article(role: str) -> str:
    first = role.split(" ", 1)[0].lower()
    if first in ("a", "an", "the", "one", "his", "her", "its", "their") or first.endswith(("'s", "’s")):
        return role
    if _ROLE_UNIQUE.search(role):
        return "the " + role
    return ("an " if ranking.needs_an(role) else "a ") + role  # by sound: "an SPD leader", "a US envoy"


def _name_with_the(fact: Fact, name: str, setting: Setting | None) -> str:
    if fact.kind != FactKind.ORGANISATION or name.lower().startswith("the "):
        return name
    if setting and re.search(r"\bthe\s+$", setting.before(), re.IGNORECASE) or _ORG_THE.search(name):
        return "the " + name
    if setting and name.isupper() and re.search(r"\bthe\s+(?:[\w-]+\s+){1,2}$", setting.before(), re.IGNORECASE):
        return "the " + name  # "the 24-nation OECD": "What is the OECD?"
    return name


def _description(fact: Fact, setting: Setting | None, name: str) -> str:
    """Return what the article says the entity is: its role, or an apposition after its name.

    A one-word role ("President", "boss") names no one in particular, so it is no description.
    """
    if fact.kind == FactKind.PERSON and fact.role and A_THING.match(fact.role.strip()):
        return ""  # "Lago Agrio, the centre of Ecuador's oilfields,": a place misread as a person is no "who"
    if fact.role and name and _role_of_a_cut_firm(fact.role.strip(), name, fact.sentence.text):
        return ""  # "Prescott, Ball and Turben analyst Bruce Lazier": the comma cut the firm's name from the role
    if fact.role and len(fact.role.split()) >= 2:
        return fact.role.strip()
    if setting is None:
        return ""
    match = _APPOSITIVE.match(setting.after())
    if not match:
        return ""
    description = match.group(1).strip()
    if contains_words(description, name) or re.search(r"\b(said|says|told)\b", description) \
            or re.match(r"(?:as|in|on|at|for|with|by|from|to|of|after|before|under)\b", description) \
            or fact.kind == FactKind.PERSON and A_THING.match(description):
        return ""
    # "co-owned by Oglethorpe Power Corp, the Municipal Electric Authority of Georgia and the city of Dalton":
    # a name after the comma, or a second "and the", is the list going on, not what the first name is.
    if re.match(r"the [A-Z]", description) or re.search(r"\band (?:the|a|an) ", description):
        return ""
    return description


def _role_of_a_cut_firm(role: str, name: str, sentence: str) -> bool:
    """Whether the role stands right after a name and a comma, and right before the person's name."""
    if not _after_a_comma(role, sentence):
        return False  # the pattern below is compiled for each role and name: most roles need none
    first_name = re.escape(name.split()[0])
    return re.search(rf"(?<=\S\s)[A-Z][\w.&'’-]*,\s+{re.escape(role)}\s+{first_name}", sentence) is not None


def _after_a_comma(text: str, sentence: str) -> bool:
    """Tell whether the text stands in the sentence after a comma and white space (as ``,\\s+`` before it matches)."""
    index = sentence.find(text)
    while index != -1:
        before = sentence[:index]
        if before[-1:].isspace() and before.rstrip().endswith(","):
            return True
        index = sentence.find(text, index + 1)
    return False


def _acronym(fact: Fact, setting: Setting | None, name: str) -> str:
    """Return an acronym the article uses for the name ("NEI"), when its letters are the name's initials."""
    candidates = [alias.strip() for alias in (*fact.aliases, fact.text)]
    if setting and (match := _ACRONYM.match(setting.after())):
        candidates.append(match.group(1))
    for candidate in candidates:
        if _ACRONYM_WORD.fullmatch(candidate) and candidate != name and _spells(candidate, name):
            return candidate
    return ""


def _spells(acronym: str, name: str) -> bool:
    """Tell whether an acronym's letters are, in order, initials of the name ("HHS": Health and Human Services)."""
    initials = [word[0].upper() for word in name.replace(".", ". ").split() if word[:1].isupper()]
    letters = [letter for letter in acronym.upper() if letter.isalpha()]
    position = 0
    for letter in letters:
        while position < len(initials) and initials[position] != letter:
            position += 1
        if position == len(initials):
            return False
        position += 1
    return len(letters) >= 2


def _name_drafts(fact: Fact, setting: Setting | None, article: Article, seed: int) -> Iterator[Draft]:
    name = _canonical(fact)
    kind = fact.kind
    rng = _rng(seed, fact)
    country = kind == FactKind.PLACE and pick.is_country(name)
    noun = {"person": "person", "organisation": "organisation", "place": "country" if country else "place"}[kind.value]
    wh = "Who" if kind == FactKind.PERSON else f"Which {noun}"
    whom = "whom" if kind == FactKind.PERSON else f"which {noun}"
    description = _description(fact, setting, name)
    acronym = _acronym(fact, setting, name)
    shown_name = _name_with_the(fact, name, setting)

    @functools.lru_cache(maxsize=None)
    def wrong(prompt: str) -> list[str]:
        return pick.name_distractors(name, article=article.article_names(kind), world=article.world_names(kind, name),
                                     avoid=prompt, rng=rng, people=kind == FactKind.PERSON)

    if kind == FactKind.PLACE and article.headline and \
            _in_dateline(fact.sentence.text, fact.start - fact.sentence.start, article):
        yield from _dateline_drafts(fact, name, article, seed)
    wording = None
    if setting and not setting.in_quote:
        located = setting.located(article)
        before = re.search(r"(\w+)\s+$", setting.before())
        if kind == FactKind.PLACE and before and before.group(1).lower() in ("in", "at"):
            wording = ask_removing(located, wh="Where", prepositions=frozenset({"in", "at"}))
        if wording is None:
            wording = ask_fronting(located, wh=wh, whom=whom)
    mc_prompt = ""
    if description:
        mc_prompt = f"{wh} is {_with_article(description)}?"
    elif wording:
        mc_prompt = wording.question
    elif setting:
        shown_kind = "name" if kind == FactKind.PERSON else noun
        mc_prompt = f"Fill in the blank with the right {shown_kind}: {setting.excerpt()}"
    if mc_prompt:
        choices = wrong(mc_prompt)
        if len(choices) >= 2:
            form = Form.DESCRIBED if description else Form.REWORDED if wording else Form.BLANK
            yield _choice_question(mc_prompt, name, choices, rng, sort=False, form=form)
    tf_rng = rng
    shown = setting.text if setting else ""
    false_name = next((other for other in wrong(mc_prompt or shown)
                       if not contains_words(shown, other) and contains_words(article.text, other)), "")
    polarity = bool(false_name) and tf_rng.random() < 0.5
    if description:
        subject = false_name if polarity else shown_name
        statement = f"{capitalise(subject)} is {_with_article(description)}."
        yield Draft(QuestionType.TRUE_FALSE, statement, FALSE if polarity else TRUE, (TRUE, FALSE), form=Form.DESCRIBED)
    elif setting and not setting.in_quote:
        yield Draft(QuestionType.TRUE_FALSE, _statement(setting, false_name if polarity else name),
                    FALSE if polarity else TRUE, (TRUE, FALSE), form=Form.STATEMENT)
    if setting:
        yield Draft(QuestionType.CLOZE, setting.blanked, setting.mention, form=Form.BLANK)
    if wording and description:
        yield Draft(QuestionType.SHORT_ANSWER, f"State {wording.embedded}.", name, form=Form.REWORDED)
    elif acronym:
        yield Draft(QuestionType.SHORT_ANSWER, f"What does {acronym} stand for?", name, form=Form.ACRONYM)
    if description:
        asked = "Who" if kind == FactKind.PERSON else "What"
        yield Draft(QuestionType.FLASHCARD, f"{asked} is {shown_name}?", description, form=Form.DESCRIBED)
    elif acronym:
        yield Draft(QuestionType.FLASHCARD, acronym, name, form=Form.ACRONYM)


def _dateline_drafts(fact: Fact, name: str, article: Article, seed: int) -> Iterator[Draft]:
    """Ask where a report was filed from: the place of its dateline."""
    report = f"the report “{article.headline.rstrip('.')}”"
    prompt = f"Where was {report} filed from?"
    rng = _rng(seed, fact)
    wrong = pick.name_distractors(name, article=article.places, world=article.world_names(FactKind.PLACE, name),
                                  avoid=prompt, rng=rng)
    if len(wrong) >= 2:
        yield _choice_question(prompt, name, wrong, rng, sort=False, form=Form.REPORT)
    if wrong and rng.random() < 0.5:
        yield Draft(QuestionType.TRUE_FALSE, f"{capitalise(report)} was filed from {wrong[0]}.", FALSE, (TRUE, FALSE), form=Form.REPORT)
    else:
        yield Draft(QuestionType.TRUE_FALSE, f"{capitalise(report)} was filed from {name}.", TRUE, (TRUE, FALSE), form=Form.REPORT)


# ------------------------------------------------------------------ choices and checks

def _choice_question(prompt: str, answer: str, wrong: Sequence[str], rng: random.Random, *,
                     sort: bool = True, sort_key=None, form: Form) -> Draft:
    """Make a multiple-choice draft: the answer among distinct wrong choices, ordered or shuffled."""
    choices: list[str] = [answer]
    seen = {answer.strip().lower()}
    for option in wrong:
        if option.strip().lower() not in seen:
            seen.add(option.strip().lower())
            choices.append(option)
    choices = choices[:6]
    if sort and sort_key is not None:
        choices.sort(key=sort_key)
    else:
        rng.shuffle(choices)
    return Draft(QuestionType.MULTIPLE_CHOICE, prompt, answer, tuple(choices), form=form)


def looks_like(kind: FactKind, choice: str) -> bool:
    """Tell whether a choice is of the answer's kind: a number, a date, or a name."""
    lowered = choice.lower()
    if kind == FactKind.NUMBER:
        return bool(_DIGIT.search(lowered) or _NUMBER_WORD.search(lowered))
    if kind == FactKind.DATE:
        return bool(_DATE_WORD.search(lowered))
    return not _ONLY_FIGURES.fullmatch(lowered)


def _problems(draft: Draft, fact: Fact) -> list[str]:
    """Return why a draft would make a bad question; an empty list means it is fine."""
    problems = []
    prompt, answer = draft.prompt.strip(), draft.answer.strip()
    if not prompt or not answer:
        return ["empty prompt or answer"]
    choices = [choice.strip().lower() for choice in draft.choices]
    if draft.type in (QuestionType.MULTIPLE_CHOICE, QuestionType.TRUE_FALSE):
        if len(set(choices)) != len(choices) or choices.count(answer.lower()) != 1:
            problems.append("choices")
    if draft.type == QuestionType.MULTIPLE_CHOICE:
        kind = FactKind.PERSON if fact.kind == FactKind.SPEAKER else fact.kind
        if not 3 <= len(choices) <= 6 or not all(looks_like(kind, choice) for choice in draft.choices):
            problems.append("choices of the wrong kind")
    if draft.type == QuestionType.CLOZE and "___" not in prompt:
        problems.append("no blank")
    if draft.type == QuestionType.FLASHCARD:
        if len(answer) > 3 and contains_words(prompt, answer):
            problems.append("the front shows the back")
    elif draft.type != QuestionType.TRUE_FALSE and _gives_away(prompt, answer, fact):
        problems.append("the prompt gives the answer away")
    # Cloze and true/false prompts quote a sentence whose pronouns were resolved already; the other
    # types reword or cut it, which can separate a pronoun from its name.
    reworded = draft.type in (QuestionType.MULTIPLE_CHOICE, QuestionType.SHORT_ANSWER)
    if reworded and dangling_pronoun(prompt) or _may_name_the_passage(prompt) and _PASSAGE.search(prompt):
        problems.append("the prompt does not stand alone")
    return problems


def _may_name_the_passage(text: str) -> bool:
    """Tell whether _PASSAGE may match: False only when an ASCII text holds none of the words it looks for."""
    if not text.isascii():
        return True  # ignoring case, its "s" matches a long s and its "i" a dotted capital I
    lowered = text.lower()
    return "passage" in lowered or "article" in lowered or "text" in lowered


def _gives_away(prompt: str, answer: str, fact: Fact) -> bool:
    """Tell whether the prompt shows the answer, the fact's words or (for a name) its surname."""
    candidates = {answer}
    if fact.kind != FactKind.SPEAKER or fact.text.lower() not in PRONOUN_WORDS:
        candidates.add(fact.text.strip())
    if fact.kind in (*NAME_KINDS, FactKind.SPEAKER):
        name = _canonical(fact)
        candidates.update({name, *fact.aliases})
        if fact.kind in (FactKind.PERSON, FactKind.SPEAKER):
            candidates.update(part for part in name.split() if len(part) > 3 and part[:1].isupper())
    if fact.kind == FactKind.NUMBER:
        shape = number_shape(answer)
        if shape and shape.core >= 10:
            candidates.add(shape.spell(shape.core))
    lowered = prompt.lower()
    for candidate in candidates:
        candidate = candidate.strip()
        if len(candidate) > 3 or len(candidate) > 1 and candidate == answer and not candidate.isalpha():
            if candidate.lower() in lowered and contains_words(prompt, candidate):
                return True
    return False
