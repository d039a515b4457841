"""Find people (with roles), organisations and places without a downloaded model.

Capitalised word sequences are the candidates. Each is read by its structure (a title before a name, an
organisation or place head word, an acronym defined in brackets, a gazetteer entry) and by its context ("in X",
"X region", "a X spokesman", "X, Azerbaijan"). Single words wait until the whole article has been read: a surname
then joins the person named in full, an acronym its expansion. Mentions of one entity become one fact.
"""
from __future__ import annotations

import collections
import enum
import re
from dataclasses import dataclass, field
from typing import NamedTuple

from questions import gazetteer
from questions.clean import MAX_FACTS_PER_KIND
from questions.gazetteer import PlaceKind
from questions.lexicon import (
    AGENT_HYPHEN_SUFFIXES, COMPANY_TAILS, DEMONYMS, HEADLINE_WORDS, HONORIFICS, LEGAL_COURT_WORDS, LEGAL_SUFFIXES,
    MONTHS, NAME_PARTICLES, NAMED_THING_HEADS, NEWS_AGENCIES, NEWS_AGENCY_NAMES, NON_ORG_ACRONYMS, ORG_HEADS,
    ORG_NOUNS_AFTER, ORG_NOUNS_BEFORE, PARTY_ADJECTIVES, PARTY_NAMES, PARTY_PLURALS, PLACE_HEADS, PLACE_HYPHEN_SUFFIXES,
    PLACE_NOUNS_AFTER, PLACE_NOUNS_BEFORE, PLACE_PREFIXES, PRODUCT_NOUNS, ROLE_FILLERS, ROLE_NOUNS, SPEECH_INSERTS,
    SPEECH_VERBS, SPOKESPERSON_NOUNS, STORM_WORDS, STRONG_PLACE_PREPOSITIONS, SURNAME_WORDS, US_STATE_CODES,
    WEAK_PLACE_PREPOSITIONS, WEEKDAYS, WORK_NOUNS,
)
from questions.model import Anatomy, Fact, FactKind, Sentence
from questions.names import (
    Article, Token, date_word, head_word, initials, name_word, noble_title, ordinary_word, particle, read_article,
    surname, title_word,
)


class _Kind(enum.Enum):
    PERSON = FactKind.PERSON
    ORGANISATION = FactKind.ORGANISATION
    PLACE = FactKind.PLACE
    THING = None  # programmes, laws, events, prizes: recognised so their words are not misread, never reported


class _Mention(NamedTuple):
    kind: _Kind
    value: str
    first: int  # token range [first, last)
    last: int
    strength: int = 1  # how sure the reading is; the strongest reading of a name wins
    role: str | None = None
    context: int = -1  # first token of the whole phrase, title included ("Colonel General Kerim Valiyev")


class _Pending(NamedTuple):
    """A single capitalised word whose reading waits for the whole article."""

    index: int
    cue: str  # "place", "weak-place", "org", "" (none)


@dataclass
class _Entity:
    kind: _Kind
    value: str
    mentions: list[_Mention] = field(default_factory=list)
    roles: list[tuple[int, str]] = field(default_factory=list)  # (priority, role)
    strength: int = 0  # of the strongest mention, whose kind the entity takes


# Single words that name an institution by themselves.
_SINGLE_ORGS = frozenset("congress parliament senate kremlin pentagon bundestag duma knesset politburo interpol "
                         "europol nato opec".split())
_STRUCTURE_CONNECTORS = frozenset({"of", "for"})
_CENTRE_PLACES = frozenset("shopping trade town city leisure sports garden arts conference convention exhibition "
                           "community visitor visitors".split())
_WEB_DOMAINS = frozenset("com net org co uk de fr biz info io".split())
# Bodies a nationality names by itself: "the Scottish Executive", "the Welsh Assembly".
_DEMONYM_BODIES = frozenset("executive assembly government parliament".split())
_ON_HEADS = frozenset({"committee", "commission", "council", "conference", "panel", "subcommittee", "court"})
_PLURAL_POSSESSORS = frozenset({"people", "women", "men", "children", "workers", "veterans", "farmers"})
_ROLE_STOPS = HEADLINE_WORDS - {"of", "the", "for", "and", "at", "on", "'s"} | SPEECH_VERBS | frozenset(
    "who whom which whose where while said says told is was were are has have had will would".split())
_APPOSITIVE_VERBS = frozenset("is was were are has have had will would who which that said says told added "
                              "and or but".split())
_ROLE_PRIORITY_APPOSITIVE, _ROLE_PRIORITY_TITLE, _ROLE_PRIORITY_NOUN = 0, 1, 2
_ROLE_LINKS = frozenset("the a an of for at in on to with and 's ’s".split())
_TWO_LETTER_ORGS = frozenset({"un", "eu"})  # other two-letter capitals are too often "PE", "AS", "IT"
_TITLE_MODIFIERS = frozenset("first crown grand supreme special under vice deputy assistant associate acting "
                             "interim chief head".split())
_ORG_ACRONYM = re.compile(r"[A-Z](?:[A-Z&.]*[A-Z.])?")
_DEMONYM_ENDINGS = ("ian", "ean", "ese", "ish", "ic")
# Players and managers: a city or province before one of these names a club ("Liverpool boss", "Leinster fly-half").
_TIME_NOUNS = frozenset("week weeks month months year years day days weekend morning afternoon evening night time "
                        "season".split())
_DEGREE_WORDS = frozenset("much far even no any still a little slightly rather".split())
# Verbs after which a lower-case word starts an object, not a role ("to consult president Ruiz").
_VERB_LIKE = frozenset("to will would can could should must may might".split())
_NUMBER_WORDS = frozenset("one two three four five six seven eight nine ten eleven twelve".split())
# Roles that someone holds at an organisation: a name before them is the organisation ("Acme chairman John Doe").
_ORG_ROLES = frozenset("chairman chairwoman chairperson boss leader spokesman spokeswoman spokesperson frontman "
                       "frontwoman founder co-founder owner president treasurer economist analyst official executive "
                       "manager chief ceo".split())
_SPORT_ROLES = frozenset("boss manager coach striker midfielder goalkeeper keeper defender skipper winger forward "
                         "fly-half scrum-half full-back flanker hooker prop wing-back".split())


def find_entities(sentences: tuple[Sentence, ...], *, anatomy: Anatomy) -> tuple[Fact, ...]:
    """Return person, organisation and place facts, one per entity, each at its first full mention."""
    if not sentences:
        return ()
    article = read_article(sentences)
    reader = _Reader(article, anatomy)
    reader.read()
    return reader.facts()


class _Reader:
    """One reading of one article; holds what is known so far about its names."""

    def __init__(self, article: Article, anatomy: Anatomy) -> None:
        self.article = article
        self.tokens = article.tokens
        dateline = getattr(anatomy, "dateline_span", None)
        self.dateline = (dateline.start, dateline.end) if dateline is not None else (0, 0)
        self.mentions: list[_Mention] = []
        self.pending: list[_Pending] = []
        self.unread: list[tuple[int, int]] = []  # spans no reading took; a name found elsewhere may fit them
        self.consumed: set[int] = set()  # tokens a longer name has taken ("DC" in "Washington, DC")
        self.acronyms: dict[str, tuple[_Kind, str]] = {}
        self.company_words: dict[str, str] = {}  # "Chrysler" -> "Chrysler Corp"
        self.product_words: set[str] | None = None  # capitals used before a kind of product: "VHS machines"
        self.capitalised_words: frozenset[str] | None = None
        self.capitalised_counts: collections.Counter[str] | None = None  # every capitalised token's text
        self.common_acronyms: set[str] | None = None
        self.person_tokens: dict[int, _Mention] | None = None  # tokens inside people's names
        self.given_names: set[str] | None = None

    # ------------------------------------------------------------------ reading

    def read(self) -> None:
        self._read_dateline_city()
        self._read_score_lines()
        for first, last in self._spans():
            self._read_span(first, last)
        self._read_dateline_agency()
        self._reread_unread()
        self._companies_by_first_word()
        self._resolve_pending()
        self._read_caps_insensitive()
        self._people_named_as_organisations()

    def _read_dateline_city(self) -> None:
        """"KHOJALY, Azerbaijan (Reuters) -", "NEW YORK, March 19 -": the city in capitals opens the dateline."""
        start, end = self.dateline
        if end <= start:
            return
        tokens = self.tokens
        first = index = self.article.first_token_at(start)
        while index < len(tokens) and tokens[index].start < end and tokens[index].acronym:
            index += 1
        if index == first:  # "New York, March 25 -": a dateline in mixed case names a known place
            while index < len(tokens) and tokens[index].start < end and tokens[index].capitalised \
                    and index - first < 4:
                index += 1
            if index == first or gazetteer.lookup(self.article.span_text(first, index)) is None:
                return
        if index >= len(tokens) or tokens[index].text not in (",", "(", "-", "—", "–"):
            return
        value = " ".join(word.capitalize() for word in self.article.span_text(first, index).split())
        place = gazetteer.lookup(value)
        self._add(_Kind.PLACE, place.name if place else value, first, index, strength=2)
        self.consumed.update(range(first, index))

    def _people_named_as_organisations(self) -> None:
        """"chairman of both Cheung Kong and Hutchison": a name the article also gives an organisation's reading
        (by its suffix, a bracket or a cue) is that organisation, unless a title made it a person; so is a name
        listed between organisations ("HMV, Monsoon, Body Shop and Tesco")."""
        organisations = {_key(mention.value) for mention in self.mentions if mention.kind is _Kind.ORGANISATION}
        firsts = {mention.first for mention in self.mentions if mention.kind is _Kind.ORGANISATION}
        lasts = {mention.last for mention in self.mentions if mention.kind is _Kind.ORGANISATION}
        for position, mention in enumerate(self.mentions):
            if mention.kind is _Kind.PERSON and mention.strength <= 2 and not mention.role \
                    and (_key(mention.value) in organisations
                         or self._listed_among(mention.first, mention.last, firsts, lasts)):
                self.mentions[position] = mention._replace(kind=_Kind.ORGANISATION)
                self.person_tokens = self.given_names = None

    def _listed_among(self, first: int, last: int, firsts: set[int], lasts: set[int]) -> bool:
        """Whether the name at [first, last) stands in a list between two organisations, or after two of them."""
        tokens = self.tokens
        before = first >= 2 and tokens[first - 1].text in (",", "and", "&") and first - 1 in lasts
        after = last + 1 < len(tokens) and tokens[last].text in (",", "and", "&") and last + 1 in firsts
        further = first >= 3 and tokens[first - 1].text == "," and any(
            tokens[end].text == "," and end in lasts and tokens[end - 1].sentence == tokens[first].sentence
            for end in range(max(0, first - 6), first - 1))
        return before and (after or further)

    def _read_score_lines(self) -> None:
        """"Rovers 31-37 United", "England 2-1 Wales": the names either side of a score are teams.

        A country that plays is a place (the annotators' convention for national teams); anything else that
        plays is a club, even when a town of that name exists.
        """
        for first, last in score_line_sides(self.tokens):
            value = self.article.span_text(first, last)
            place = gazetteer.lookup(value)
            if place is not None and place.kind >= PlaceKind.COUNTRY:
                self._add(_Kind.PLACE, place.name, first, last, strength=3)
            else:
                self._add(_Kind.ORGANISATION, value, first, last, strength=3)
            self.consumed.update(range(first, last))

    def _companies_by_first_word(self) -> None:
        """"Chrysler Canada" read as a person is a company when "Chrysler Corp" is one."""
        firsts = {}
        for mention in self.mentions:
            if mention.kind is _Kind.ORGANISATION and mention.last - mention.first > 1:
                word = self.tokens[mention.first]
                if not word.acronym and word.lower not in DEMONYMS and gazetteer.lookup(word.text) is None:
                    firsts.setdefault(word.text, mention.value)
        if not firsts:
            return
        surnames = {self.tokens[mention.last - 1].text for mention in self.mentions if mention.kind is _Kind.PERSON}
        for position, mention in enumerate(self.mentions):
            first_word = self.tokens[mention.first].text
            if mention.kind is _Kind.PERSON and first_word in firsts and first_word not in surnames \
                    and self._role_noun_before(mention.context) is None:  # "analyst Arvid Jauppi of Arvid Jauppi Inc"
                self.mentions[position] = mention._replace(kind=_Kind.ORGANISATION, role=None)
                self.person_tokens = self.given_names = None
        self.company_words = firsts

    def _reread_unread(self) -> None:
        """A span read as nothing may be a name the article defines later: "Voice of America" before "(VOA)"."""
        known = self._known_names()
        for first, last in self.unread:
            reading = known.get(self.article.span_text(first, last))
            if reading is not None and reading[0] is not _Kind.THING:
                self._add(reading[0], reading[1], first, last, strength=1)
                self.consumed.update(range(first, last))

    def _read_dateline_agency(self) -> None:
        """"KHOJALY, Azerbaijan (Reuters) -", "Washington, DC–(ENEWSPF)–": the agency in brackets."""
        start, end = self.dateline
        if end <= start:
            return
        tokens = self.tokens
        index = self.article.first_token_at(start)
        while index + 2 < len(tokens) and tokens[index].start < end:
            if tokens[index].text == "(" and tokens[index + 1].word and tokens[index + 2].text == ")" \
                    and tokens[index + 1].text[:1].isupper():
                text = tokens[index + 1].text
                self._add(_Kind.ORGANISATION, NEWS_AGENCY_NAMES.get(text.lower(), text), index + 1, index + 2,
                          strength=2)
                self.consumed.add(index + 1)
            index += 1

    def _spans(self) -> list[tuple[int, int]]:
        """Runs of capitalised words, with the connectors that hold one name together."""
        tokens, article = self.tokens, self.article
        spans = []
        index, count = 0, len(tokens)
        caps_insensitive = article.caps_insensitive
        while index < count:
            token = tokens[index]
            if not token.capitalised or token.sentence in caps_insensitive or index in self.consumed \
                    or not self._may_open(index):
                index += 1
                continue
            end = index + 1
            structured = False
            while end < count:
                following = tokens[end]
                if following.sentence != tokens[end - 1].sentence and not self._soft_boundary(end):
                    break
                if tokens[end - 1].suffix or end in self.consumed:
                    break
                if end - 1 > index and tokens[end - 1].lower in LEGAL_SUFFIXES \
                        and following.lower not in LEGAL_SUFFIXES:
                    break  # "American Motors Corp. Moody's said": a company's name ends at its suffix
                if self._continues(end):
                    end += 1
                    continue
                if self._bracket_inside_name(end):
                    end += 3
                    continue
                if self._partnership_comma(index, end):
                    end += 1
                    continue
                if self._connects(end, structured, index):
                    structured = structured or following.lower in _STRUCTURE_CONNECTORS or following.lower == "on"
                    end += 1
                    continue
                break
            while end - 1 > index and not tokens[end - 1].capitalised:
                end -= 1  # a trailing connector
            if end - 2 > index and tokens[end - 1].lower in DEMONYMS and tokens[end - 2].lower in _STRUCTURE_CONNECTORS:
                end -= 2  # "the Association of British insurers": the name goes on in lower case
            spans.append((index, end))
            index = end
        return spans

    def _may_open(self, index: int) -> bool:
        token = self.tokens[index]
        if not token.capitalised or self._shouted(index):
            return False
        if index and self.tokens[index - 1].end == token.start and self.tokens[index - 1].text[:1].isdigit():
            return False  # "7E7", "4x4": a model number
        previous = self.tokens[index - 1] if index else None
        following = self.tokens[index + 1] if index + 1 < len(self.tokens) else None
        return not date_word(token, previous, following) and not month_range(token)

    def _continues(self, index: int) -> bool:
        token = self.tokens[index]
        if not token.capitalised or self._shouted(index):
            return False
        if token.lower in HEADLINE_WORDS and token.text != "&" and not self._surname_after_name(index):
            return False
        return not date_word(token, self.tokens[index - 1], self.tokens[index + 1] if index + 1 < len(self.tokens)
                             else None) or self._common_surname_after_role(index - 1, index + 1)

    def _connects(self, index: int, structured: bool, start: int) -> bool:
        """Whether the lower-case word or sign at ``index`` joins the capitalised words of the run from ``start``."""
        tokens = self.tokens
        if index + 1 >= len(tokens) or tokens[index + 1].sentence != tokens[index].sentence:
            return False
        token, previous, following = tokens[index], tokens[index - 1], tokens[index + 1]
        lower = token.lower
        if token.text == "&":
            return following.capitalised
        if lower in ("'s", "’s"):
            return following.capitalised and (previous.lower in _PLURAL_POSSESSORS or self._company_possessive(index)
                                              or self._place_possessive(index))
        if self._plural_possessive(index):
            return self._continues(index + 1)  # "the Transport and General Workers' Union"
        if not token.text.islower():
            return False
        if lower in _STRUCTURE_CONNECTORS:
            return self._continues(index + 1) or following.lower == "the" and index + 2 < len(tokens) \
                and self._continues(index + 2)
        if lower == "the":
            return previous.lower in _STRUCTURE_CONNECTORS and self._continues(index + 1)
        if lower == "and":
            if not self._continues(index + 1):
                return False
            if following.lower in COMPANY_TAILS:
                return True
            if gazetteer.lookup(previous.text) is None and self._org_head_ahead(index + 1) \
                    and not following.acronym and not self._listed_before(start, index - 1):
                # "Securities and Exchange Commission", "Food and Drug Administration"; but two names in a list:
                # "Universal and Warner Brothers", "Sony Pictures and MGM Studios"
                return True
            if self._portfolio_word(index - 1) and not title_word(following) and self._title_ahead(index + 1):
                return True  # "Trade and Industry Secretary Jane Doe"; but "Smith and Prime Minister Jones"
            joined = f"{previous.text} and {following.text}"
            return structured or gazetteer.lookup(joined) is not None
        if lower == "on":
            return previous.lower in _ON_HEADS and self._continues(index + 1)
        if particle(token):
            after = index + 1
            while after < len(tokens) and particle(tokens[after]) and after - index < 3:
                after += 1  # "van der", "de la"
            return (previous.capitalised or particle(previous)) and after < len(tokens) and self._continues(after)
        return False

    def _partnership_comma(self, start: int, index: int) -> bool:
        """"Goldman, Sachs and Co", "Smith Barney, Harris Upham and Co": the partners' names, then "and Co".

        Only when the run before the comma opens the sentence's list (no comma before it) and is no place.
        """
        tokens = self.tokens
        if tokens[index].text != "," or not 1 <= index - start <= 2 or start and tokens[start - 1].text == "," \
                or gazetteer.lookup(self.article.span_text(start, index)) is not None:
            return False
        end = index + 1
        while end < len(tokens) and end - index <= 3 and tokens[end].capitalised \
                and tokens[end].sentence == tokens[index].sentence:
            end += 1
        return index + 1 < end < len(tokens) - 1 and tokens[end].lower in ("and", "&") \
            and tokens[end + 1].lower in ("co", "co.", "company")

    def _bracket_inside_name(self, index: int) -> bool:
        """"Extended Battery Life (EBL) Working Group", "Cheung Kong (Holdings) Ltd": one word in brackets inside
        a name that goes on to an organisation's head word or a company's suffix."""
        tokens = self.tokens
        if index + 3 >= len(tokens) or tokens[index].text != "(" or tokens[index + 2].text != ")":
            return False
        inside, after = tokens[index + 1], tokens[index + 3]
        return inside.word and inside.capitalised and after.capitalised and after.start > tokens[index + 2].end \
            and inside.sentence == after.sentence == tokens[index - 1].sentence and self._continues(index + 3) \
            and self._org_head_ahead(index + 3)

    def _surname_after_name(self, index: int) -> bool:
        """"Theresa May", "Will Young": a common word that is a surname, right after a first name."""
        token, previous = self.tokens[index], self.tokens[index - 1]
        return token.lower in SURNAME_WORDS and not token.acronym and previous.sentence == token.sentence \
            and name_word(previous, self.article, given=True) \
            and (index - 1 not in self.article.initial or previous.lower not in self.article.lowercase)

    def _listed_before(self, start: int, previous: int) -> bool:
        """Whether the words before "and" end a list of names: "Corvan, Ulterra and Wendell Brothers"."""
        tokens = self.tokens
        while start < previous and tokens[start].lower in ("the", "a", "an"):
            start += 1
        return start > 0 and tokens[start - 1].text == ","

    def _portfolio_word(self, index: int) -> bool:
        """A word naming a field of government, capitalised in an office: "Trade", "Fisheries", "Culture"."""
        token = self.tokens[index]
        return token.capitalised and not token.acronym and not title_word(token) and not self._in_person(index)

    def _title_ahead(self, index: int) -> bool:
        """Whether the capitalised run from ``index`` reaches, within three words, a title before a name."""
        tokens = self.tokens
        end = index
        while end < len(tokens) and end - index < 3 and tokens[end].capitalised:
            if title_word(tokens[end]) and end + 1 < len(tokens) and tokens[end + 1].capitalised:
                return True
            end += 1
        return False

    def _org_head_ahead(self, index: int) -> bool:
        """Whether the capitalised run from ``index`` ends, within three words, in an organisation's head word."""
        tokens = self.tokens
        end = index
        while end < len(tokens) and end - index < 4 and (tokens[end].capitalised or self._plural_possessive(end)):
            end += 1
        return end > index and (tokens[end - 1].lower in ORG_HEADS or tokens[end - 1].lower in LEGAL_SUFFIXES) \
            and not (end < len(tokens) and tokens[end].capitalised)

    def _plural_possessive(self, index: int) -> bool:
        """An apostrophe right after a plural, before a capitalised word: "Workers' Union"."""
        tokens = self.tokens
        token = tokens[index]
        return token.text in ("'", "’") and 0 < index < len(tokens) - 1 and tokens[index - 1].end == token.start \
            and tokens[index - 1].text.endswith("s") and tokens[index + 1].start > token.end \
            and tokens[index + 1].capitalised

    def _company_possessive(self, index: int) -> bool:
        """"Moody's Investors Service Inc", "McDonald's Corp": a possessive that is part of a company's name."""
        tokens = self.tokens
        previous = tokens[index - 1]
        if previous.acronym or gazetteer.lookup(previous.text) is not None:
            return False
        if index >= 2 and tokens[index - 2].capitalised and tokens[index - 2].sentence == previous.sentence:
            return False
        end = index + 1
        while end < len(tokens) and tokens[end].capitalised and end - index <= 4:
            if tokens[end].lower in LEGAL_SUFFIXES:
                return True
            end += 1
        return False

    def _place_possessive(self, index: int) -> bool:
        """"St Helen's Road", "Regent's Park": a possessive inside a street's or a place's name."""
        tokens = self.tokens
        end = index + 1
        while end < len(tokens) and end - index <= 2 and tokens[end].capitalised \
                and tokens[end].sentence == tokens[index].sentence:
            if tokens[end].lower in PLACE_HEADS and tokens[end].lower not in ("court", "house", "station"):
                return not (end + 1 < len(tokens) and tokens[end + 1].capitalised)
            end += 1
        return False

    def _soft_boundary(self, index: int) -> bool:
        """A sentence break after a title's period is the splitter's slip: "Dr." | "Adams said"."""
        previous = self.tokens[index - 1]
        return previous.text.endswith(".") and title_word(previous) and self.tokens[index].capitalised

    def _shouted(self, index: int) -> bool:
        """Capitals that shout rather than abbreviate: "PHOTO CAPTION", a dateline's "KHOJALY"."""
        token = self.tokens[index]
        if not token.acronym or "." in token.text:
            return False
        letters = sum(char.isalpha() for char in token.text)
        if letters >= 6 and token.lower not in NEWS_AGENCIES:
            return True
        for neighbour in (index - 1, index + 1):
            if 0 <= neighbour < len(self.tokens):
                other = self.tokens[neighbour]
                if other.acronym and "." not in other.text and letters >= 3 \
                        and sum(char.isalpha() for char in other.text) >= 4:
                    return True
        return False

    # ------------------------------------------------------------------ one span

    def _read_span(self, first: int, last: int) -> None:
        tokens = self.tokens
        if self._read_party(first, last):
            return
        first = self._trim(first, last)
        if first >= last:
            return
        if self._after_work_noun(first):
            self.mentions.append(_Mention(_Kind.THING, self.article.span_text(first, last), first, last))
            return  # "his album Egypt", "the movie Ice Age": a title, not a place or a person
        if tokens[first].lower in STORM_WORDS or self.article.span_text(first, last).lower() in DEMONYMS:
            return
        if self._read_broadcaster_service(first, last) or self._read_demonym_body(first, last) \
                or self._read_web_address(first, last):
            return
        if lettered_label(tokens, last, self.article.initial):
            self.mentions.append(_Mention(_Kind.THING, self.article.span_text(first, last + 1), first, last + 1))
            return  # "Pool A", "Group C": a draw's label, not the town of Pool
        if last - first > 2 and tokens[first].lower in ORG_HEADS and tokens[first + 1].lower in _STRUCTURE_CONNECTORS \
                and self._read_headed(first, last):
            return  # "Association of Chief Police Officers" is no officer
        if self._employer_position(first) and not self._read_headed(first, last) \
                and gazetteer.lookup(self.article.span_text(first, last)) is None:
            self._add(_Kind.ORGANISATION, self.article.span_text(first, last), first, last, strength=2)
            return
        if self._read_titled_person(first, last):
            return
        if self._common_surname_after_role(first, last) and self._read_person(first, last):
            return  # "said Mike Lake, a Yukos spokesman": the role says a person, not a lake
        if self._read_person_of_firm(first, last):
            return
        if self._read_headed(first, last):
            return
        if self._read_defined(first, last):
            return
        if last - first > 1 and self._organisation_noun_before(first) \
                and gazetteer.lookup(self.article.span_text(first, last)) is None \
                and not any(title_word(token) for token in tokens[first:last]):
            self._add(_Kind.ORGANISATION, self.article.span_text(first, last), first, last, strength=2)
            return  # "Japanese rival All Kestrel", "carmaker Vanta Motors"
        if self._read_gazetteer(first, last):
            return
        if self._read_person_of_place(first, last):
            return
        if self._read_person(first, last):
            return
        if self._read_person_after_portfolio(first, last):
            return
        self._read_parts(first, last)

    def _read_web_address(self, first: int, last: int) -> bool:
        """"Amazon.com", "Kestrel.co.uk": a name written with its web domain is the company, never the river."""
        tokens = self.tokens
        end = last
        while end + 1 < len(tokens) and tokens[end].text == "." and tokens[end].start == tokens[end - 1].end \
                and tokens[end + 1].start == tokens[end].end and tokens[end + 1].lower in _WEB_DOMAINS \
                and tokens[end + 1].sentence == tokens[first].sentence:  # a fact stays inside its sentence
            end += 2
        if end == last:
            return False
        self._add(_Kind.ORGANISATION, self.article.span_text(first, end), first, end, strength=3)
        self.consumed.update(range(last, end))
        return True

    def _read_broadcaster_service(self, first: int, last: int) -> bool:
        """"BBC Radio Scotland", "BBC Scotland", "CNN International": a news organisation's channel or region."""
        tokens = self.tokens
        if last - first < 2 or last - first > 4 or tokens[first].lower not in NEWS_AGENCIES \
                or len(tokens[first].text) < 3 or self.article.span_text(first, last).lower() in DEMONYMS:
            return False
        if any(not token.capitalised or token.lower in HEADLINE_WORDS or title_word(token)
               for token in tokens[first + 1:last]):
            return False
        self._add(_Kind.ORGANISATION, self.article.span_text(first, last), first, last, strength=2)
        return True

    def _read_demonym_body(self, first: int, last: int) -> bool:
        """"the Scottish Executive": a nationality and a word for a government are that government."""
        tokens = self.tokens
        if last - first != 2 or tokens[first].lower not in DEMONYMS or tokens[first + 1].lower not in _DEMONYM_BODIES:
            return False
        self._add(_Kind.ORGANISATION, self.article.span_text(first, last), first, last, strength=2)
        return True

    def _read_person_of_firm(self, first: int, last: int) -> bool:
        """"said Daniel Roling of Merrill Lynch and Co.": an analyst's name, then the firm's, is two names.

        Only when the firm's part ends in a company's suffix or head word, so "Bank of England" stays whole.
        """
        tokens = self.tokens
        for link in range(first + 2, min(first + 4, last - 1)):
            if tokens[link].lower != "of":
                continue
            start = link + 1
            while start < last and tokens[start].lower == "the":
                start += 1
            tail = tokens[last - 1].lower
            if start >= last or not (tail in LEGAL_SUFFIXES or tail in ORG_HEADS or tail in COMPANY_TAILS):
                return False
            if any(head_word(token.lower) or title_word(token) for token in tokens[first:link]):
                return False
            count = len(self.mentions)
            if not self._read_person(first, link):
                return False
            if self.mentions[-1].kind is not _Kind.PERSON:
                del self.mentions[count:]
                return False
            self._read_span(start, last)
            return True
        return False

    def _read_person_after_portfolio(self, first: int, last: int) -> bool:
        """"Shadow leader of the Commons Jo Hale": the office's capitalised words, then the name."""
        tokens = self.tokens
        link = first - 1
        while link >= 0 and tokens[link].lower == "the":
            link -= 1
        if last - first < 3 or link < 1 or tokens[link].lower not in ("of", "for", "to") \
                or not (tokens[link - 1].lower in ROLE_NOUNS and tokens[link - 1].text.islower()
                        or title_word(tokens[link - 1])):
            return False  # "leader of the Commons Jo Hale", "Chief Secretary to the Treasury Ian Vole"
        for start in (last - 2, last - 3):
            if start > first and self._read_person(start, last):
                role_start = link - 1
                while role_start > 0 and tokens[role_start - 1].sentence == tokens[first].sentence \
                        and tokens[role_start - 1].lower not in HEADLINE_WORDS \
                        and (tokens[role_start - 1].capitalised or tokens[role_start - 1].lower in ROLE_FILLERS
                             and tokens[role_start - 1].lower not in _ROLE_LINKS) and link - role_start < 4:
                    role_start -= 1
                person = self.mentions[-1]
                self.mentions[-1] = person._replace(role=self.article.span_text(role_start, start),
                                                    context=role_start)
                self.person_tokens = None
                return True
        return False

    def _after_work_noun(self, first: int) -> bool:
        """"his album Egypt", "films like Harry Potter", "the hit musical The Pajama Game"."""
        tokens = self.tokens
        index = first - 1
        while index >= 0 and tokens[index].lower in ("the", "a", "an") \
                and (index == first - 1 or index in self.article.initial):
            index -= 1
        if index >= 1 and tokens[index].text in ("entitled", "titled", "called") \
                and (tokens[index].text != "called" or tokens[index - 1].text == ","):
            return True  # "a sculpture entitled Planet", "a musical ..., called Stay Awhile"
        if index >= 1 and tokens[index].lower in ("like", "including") and tokens[index].text.islower():
            index -= 1
        return index >= 0 and tokens[index].lower in WORK_NOUNS and tokens[index].text.islower() \
            and tokens[index].sentence == tokens[first].sentence

    def _read_party(self, first: int, last: int) -> bool:
        """"Labour", "the Tories", "the Liberal Democrats said", "the ruling Conservative party"."""
        tokens = self.tokens
        while first < last and tokens[first].lower == "the":
            first += 1
        if first >= last or tokens[first].sentence in self.article.caps_insensitive:
            return False
        text = self.article.span_text(first, last)
        lower = " ".join(text.lower().split())
        after_the = first > 0 and tokens[first - 1].lower == "the"
        if lower in PARTY_NAMES or lower in PARTY_PLURALS and after_the:
            self._add(_Kind.ORGANISATION, "Tories" if lower == "tory" else text, first, last, strength=2)
            return True
        if lower in PARTY_ADJECTIVES and last < len(tokens) and tokens[last].lower == "party" \
                and tokens[last].sentence == tokens[first].sentence:
            self._add(_Kind.ORGANISATION, self.article.span_text(first, last + 1), first, last + 1, strength=2)
            return True
        return False

    def _trim(self, first: int, last: int) -> int:
        """Skip words capitalised only by their position ("Despite", "The") and stray connectors."""
        tokens, article = self.tokens, self.article
        while first < last:
            token = tokens[first]
            lower = token.lower
            if not token.capitalised or lower in ("the", "a", "an") \
                    or lower in HEADLINE_WORDS and first in article.initial:
                first += 1
                continue
            if first in article.initial and not title_word(token) and lower not in DEMONYMS \
                    and self._positional_capital(first) and not self._office_word(first) \
                    and not self._spelt_by_acronym(first, last) and not self._company_opening(first, last):
                first += 1
                continue
            break
        return first

    def _company_opening(self, first: int, last: int) -> bool:
        """"Combustion Engineering Inc said": a company's suffix vouches for the capital of its first word."""
        tokens = self.tokens
        return 1 < last - first <= 4 and tokens[last - 1].lower in LEGAL_SUFFIXES \
            and not tokens[first].lower.endswith("ly") and tokens[first + 1].capitalised \
            and all(token.capitalised for token in tokens[first:last])

    def _mid_sentence_capitals(self) -> frozenset[str]:
        """Words the article capitalises where position does not call for it."""
        if self.capitalised_words is None:
            initial, caps = self.article.initial, self.article.caps_insensitive
            self.capitalised_words = frozenset(token.text for index, token in enumerate(self.tokens)
                                               if token.capitalised and index not in initial
                                               and token.sentence not in caps)
        return self.capitalised_words

    def _spelt_by_acronym(self, first: int, last: int) -> bool:
        """"Independent Ferries Ltd (IFL)": the bracketed letters after the name start with this word's."""
        acronym = self._acronym_after(last)
        return acronym is not None and acronym[:1] == self.tokens[first].text[:1] and _initials_match(
            acronym, [token for token in self.tokens[first:last] if token.word])

    def _office_word(self, index: int) -> bool:
        """"Home Secretary", "Foreign Minister": a portfolio word that opens a title, whatever its position."""
        tokens = self.tokens
        return tokens[index].lower in ROLE_FILLERS and index + 1 < len(tokens) \
            and (title_word(tokens[index + 1]) or tokens[index + 1].lower in ORG_HEADS)  # "State Department"

    def _positional_capital(self, index: int) -> bool:
        token = self.tokens[index]
        lower = token.lower
        if token.acronym:
            return False
        if token.text in self._mid_sentence_capitals() and lower not in self.article.lowercase \
                and lower not in HEADLINE_WORDS:
            return False  # "Orbit has said ...": the article writes "Orbit" with a capital inside sentences too
        if ordinary_word(lower) or lower in self.article.lowercase:
            return True
        if lower.endswith(("ly", "ing", "ed")) and gazetteer.lookup(token.text) is None:
            return True
        return False

    def _in_dateline(self, index: int) -> bool:
        start, end = self.dateline
        return start <= self.tokens[index].start < end

    def _read_titled_person(self, first: int, last: int) -> bool:
        """"Russian Colonel General Yevgeny Nikiforov", "Judge Jackson", "Queen Elizabeth"."""
        tokens = self.tokens
        titles = [index for index in range(first, last) if tokens[index].capitalised and (
            title_word(tokens[index]) or index == first and tokens[index].lower in ROLE_NOUNS
            or tokens[index].acronym and tokens[index].lower in ROLE_NOUNS)]  # "Controversial DJ Jo Hale"
        if not titles:
            return False
        name_start = last
        index = last - 1
        while index > titles[-1]:
            token = tokens[index]
            surname = index == last - 1 and index - 1 > titles[-1]
            if name_word(token, self.article, surname=surname, given=index < last - 1) and not token.acronym:
                name_start = index
            elif not (particle(token) and index - 1 > titles[-1]):
                break
            index -= 1
        if name_start >= last or last - name_start > 4 or not tokens[name_start].capitalised:
            return False
        if tokens[titles[-1]].lower.rstrip(".") in ("st", "saint", "ste") \
                and gazetteer.lookup(self.article.span_text(titles[-1], last)) is not None:
            return False  # "St. Louis", "St Petersburg": a saint's name that is a city
        if tokens[titles[-1]].lower in _TITLE_MODIFIERS:
            return False  # "Grand Slam", "First Division": half a title names nobody
        between = [token.lower for token in tokens[titles[-1] + 1:name_start]]
        if tokens[name_start - 1].lower in ("and", "of", "for", "&") \
                or any(word in ("of", "for", "and") for word in between) and last - name_start < 2:
            return False  # "MP for Sittingbourne and Sheppey": the words after a portfolio are a place
        if any(word in ("of", "for") for word in between) and last - name_start >= 3 \
                and tokens[name_start - 1].lower in ("of", "for", "the"):
            name_start += 1  # "Chancellor of the Exchequer Gordon Brown": the portfolio ends the title
        title_first = titles[0]
        for title in titles:
            if title < name_start:
                title_first = title
                break
        value_first = name_start
        if noble_title(tokens[name_start - 1]) and last - name_start == 1:
            value_first = name_start - 1  # "Queen Elizabeth", "Lord Butler": the title is how they are named
        role = None
        role_tokens = [token for token in tokens[first:name_start]
                       if token.lower not in HONORIFICS and token.lower not in ("sir", "dame", "st", "st.", "saint")]
        if role_tokens and value_first == name_start and any(
                title_word(token) or token.lower in ROLE_NOUNS for token in role_tokens):
            role_end = name_start
            while role_end > first and (tokens[role_end - 1].lower in HONORIFICS
                                        or tokens[role_end - 1].lower in ("sir", "dame")):
                role_end -= 1  # "Harbour Commissioner Sir Peter Vane"
            role = self.article.span_text(first, role_end)
        self._read_modifiers(first, title_first)
        self._read_organisation_in_role(first, name_start)
        self._add(_Kind.PERSON, self.article.span_text(value_first, last), value_first, last, strength=3,
                  role=role, context=first)
        return True

    def _read_modifiers(self, first: int, last: int, *, countries_only: bool = False, cities: bool = False) -> None:
        """Countries and acronyms in front of a title or a name: "U.S. Secretary", "VOA Executive Editor".

        ``cities`` also reads large cities ("the Beijing Olympics").
        """
        index = first
        while index < last:
            token = self.tokens[index]
            if token.acronym:
                place = gazetteer.lookup(token.text)
                if place is not None and place.kind is PlaceKind.COUNTRY:
                    self._add(_Kind.PLACE, place.name, index, index + 1, strength=2)
                elif not countries_only:
                    self.pending.append(_Pending(index, ""))
                index += 1
                continue
            if token.lower in DEMONYMS:
                index += 1
                continue
            matched = self._gazetteer_match(index, last)
            if not matched or matched[1].kind < (PlaceKind.COUNTRY if countries_only else PlaceKind.SUBDIVISION) \
                    and not (cities and matched[1].population >= gazetteer.BIG_CITY):
                return
            end, place = matched
            self._add(_Kind.PLACE, place.name, index, end, strength=2)
            index = end

    def _read_organisation_in_role(self, first: int, last: int) -> None:
        """"General Motors Chief Executive Mary Barra": an organisation's name inside the role."""
        tokens = self.tokens
        for index in range(first, last):
            if title_word(tokens[index]):
                self._read_organisation_after_title(index + 1, last)
                return
            if tokens[index].lower in ORG_HEADS and index > first:
                self._add(_Kind.ORGANISATION, self.article.span_text(first, index + 1), first, index + 1, strength=2)
                return

    def _read_organisation_after_title(self, first: int, last: int) -> None:
        """"President of the Lagos Coffee Trade Association Ray Oduya": the organisation after "of the"."""
        tokens = self.tokens
        if first >= last or tokens[first].lower not in ("of", "at", "for"):
            return
        start = first + 1
        while start < last and tokens[start].lower == "the":
            start += 1
        for head in range(last - 1, start, -1):
            if self._head_kind(head, start, last) is _Kind.ORGANISATION:
                value = self.article.span_text(start, head + 1)
                self._add(_Kind.ORGANISATION, value, start, head + 1, strength=2)
                return

    def _read_headed(self, first: int, last: int) -> bool:
        """Names read by their head word: "... Ministry", "Department of ...", "... Palace", "... Initiative"."""
        tokens = self.tokens
        heads = [index for index in range(first, last) if (index == last - 1 or tokens[index + 1].lower in
                                                           _STRUCTURE_CONNECTORS | {"on", "&"})
                 and self._head_kind(index, first, last) is not None]
        if not heads:
            return self._read_place_prefix(first, last)
        head = heads[-1]
        for index in heads:
            if index + 1 < last and tokens[index + 1].lower in _STRUCTURE_CONNECTORS | {"on"}:
                head = index
                break
        kind = self._head_kind(head, first, last)
        start = first
        # "Mission Director for the U.S. Agency for ...": the organisation starts after the title phrase.
        for index in range(first, head):
            if title_word(tokens[index]) and index + 1 < head and tokens[index + 1].lower in _STRUCTURE_CONNECTORS:
                start = index + 2
                while start < head and tokens[start].lower == "the":
                    start += 1
        if start == head and kind is not _Kind.THING and tokens[head].lower not in _SINGLE_ORGS:
            if head + 1 >= last:
                return start > first  # a bare head word ("the Department") names nothing
        others = [token for index, token in enumerate(tokens[start:last], start) if index != head and token.word
                  and token.lower not in HEADLINE_WORDS]
        if others and all(len(token.text) == 1 or token.text[:1].isdigit() for token in others):
            return True  # "Group B", "Division One" are no organisations
        if kind is _Kind.ORGANISATION and self._followed_by(last, SPOKESPERSON_NOUNS):
            kind = _Kind.ORGANISATION
        elif kind is _Kind.PLACE and (self._followed_by(last, SPOKESPERSON_NOUNS)
                                      or self._organisation_noun_before(start)):
            kind = _Kind.ORGANISATION  # "A Harwick Palace spokeswoman said", "media giant Clear Signal"
        value = self.article.span_text(start, last)
        if kind is _Kind.PLACE:
            place = gazetteer.lookup(value)
            value = place.name if place else value
        self._read_modifiers(start, head, countries_only=kind is not _Kind.THING, cities=kind is _Kind.THING)
        self._add(kind, value, start, last, strength=2)
        self._define_acronym(last, kind, value)
        return True

    def _head_kind(self, index: int, first: int, last: int) -> _Kind | None:
        tokens = self.tokens
        lower = tokens[index].lower
        if index == first and last - first == 1 and lower not in _SINGLE_ORGS:
            return None
        following = tokens[index + 1].lower if index + 1 < last else ""
        if lower == "court":
            legal = any(tokens[other].lower in LEGAL_COURT_WORDS for other in range(first, index))
            return _Kind.ORGANISATION if legal or following == "of" else _Kind.PLACE
        if lower == "house":
            white = index > first and tokens[index - 1].lower == "white"
            return _Kind.ORGANISATION if white or following == "of" else _Kind.PLACE
        if lower == "conference" and following == "on":
            return _Kind.ORGANISATION  # "the United Nations Conference on Trade and Development": a standing body
        if lower == "reserve":  # the Federal Reserve, but a nature reserve
            central = index > first and tokens[index - 1].lower in ("federal", "central", "bank")
            return _Kind.ORGANISATION if central else _Kind.PLACE
        if lower in ("centre", "center") and index > first:
            # "the Local Authority Management Centre" is a body; a shopping or trade centre is a building
            return _Kind.PLACE if tokens[index - 1].lower in _CENTRE_PLACES else _Kind.ORGANISATION
        if lower in ORG_HEADS or lower in LEGAL_SUFFIXES or lower in _SINGLE_ORGS \
                or lower.endswith("s") and lower[:-1] in ORG_HEADS and index > first:
            return _Kind.ORGANISATION  # "Tarland Chambers of Commerce", "Trade Unions Congress"
        if lower in PLACE_HEADS:
            return _Kind.PLACE
        if lower in NAMED_THING_HEADS:
            return _Kind.THING
        return None

    def _read_place_prefix(self, first: int, last: int) -> bool:
        """"Cape Canaveral", "Mount Kenya", "Lake Victoria"."""
        tokens = self.tokens
        if last - first >= 2 and tokens[first].lower in PLACE_PREFIXES and tokens[first + 1].capitalised:
            value = self.article.span_text(first, last)
            place = gazetteer.lookup(value)
            self._add(_Kind.PLACE, place.name if place else value, first, last, strength=2)
            return True
        return False

    def _read_defined(self, first: int, last: int) -> bool:
        """"Voice of America (VOA)": a name whose acronym follows in brackets is an organisation."""
        acronym = self._acronym_after(last)
        if acronym is None or last - first < 2:
            return False
        words = [token for token in self.tokens[first:last] if token.word]
        if not _initials_match(acronym, words):
            return False
        after = self.tokens[last + 3] if last + 3 < len(self.tokens) else None
        generic = all(ordinary_word(word.lower) or word.lower in HEADLINE_WORDS for word in words)
        if generic or after is not None and after.text.islower() and after.lower in NAMED_THING_HEADS:
            self.mentions.append(_Mention(_Kind.THING, self.article.span_text(first, last), first, last))
            self.acronyms.setdefault(self.tokens[last + 1].text, (_Kind.THING, self.article.span_text(first, last)))
            return True  # "Digital Rights Management (DRM)", "the Networked Media (NEM) initiative"
        place = gazetteer.lookup(self.article.span_text(first, last))
        kind = _Kind.PLACE if place is not None else _Kind.ORGANISATION
        value = place.name if place is not None else self.article.span_text(first, last)
        self._add(kind, value, first, last, strength=2)
        self._define_acronym(last, kind, value)
        return True

    def _acronym_after(self, last: int) -> str | None:
        tokens = self.tokens
        if last + 2 < len(tokens) and tokens[last].text == "(" and tokens[last + 2].text == ")" \
                and (tokens[last + 1].acronym or self._acronym_like(tokens[last + 1])):
            return tokens[last + 1].text
        return None

    def _define_acronym(self, last: int, kind: _Kind, value: str) -> None:
        acronym = self._acronym_after(last)
        tokens = self.tokens
        if acronym is None and last + 2 < len(tokens) and tokens[last].text == "," and tokens[last + 1].acronym \
                and tokens[last + 2].text in (",", ".", ";") and _initials_match(
                    tokens[last + 1].text, [token for token in tokens[self._span_start(last):last] if token.word]):
            acronym = tokens[last + 1].text  # "the Brazilian Coffee Institute, IBC, said"
        if acronym is not None and acronym not in self.acronyms:
            self.acronyms[acronym] = (kind, value)
            if kind is not _Kind.THING:
                self._add(kind, value, last + 1, last + 2, strength=2)

    def _span_start(self, last: int) -> int:
        """The first token of the mention that ends just before ``last``."""
        for mention in reversed(self.mentions):
            if mention.last == last:
                return mention.first
        first = last - 1
        while first > 0 and self.tokens[first - 1].capitalised:
            first -= 1
        return first

    def _read_gazetteer(self, first: int, last: int) -> bool:
        if last - first < 2:
            return False
        place = gazetteer.lookup(self.article.span_text(first, last))
        if place is None:
            return False
        self._add(_Kind.PLACE, place.name, first, last, strength=2)
        self._define_acronym(last, _Kind.PLACE, place.name)
        self._read_city_state(last, place.name, first)
        return True

    def _read_person_of_place(self, first: int, last: int) -> bool:
        """"Andy Murray of Britain": a person, then where they are from."""
        tokens = self.tokens
        for index in range(first + 1, last - 1):
            if tokens[index].lower != "of":
                continue
            place = gazetteer.lookup(self.article.span_text(index + 1, last))
            if place is None:
                continue
            if self._read_person(first, index):
                self._add(_Kind.PLACE, place.name, index + 1, last, strength=2)
                return True
        return False

    def _read_person(self, first: int, last: int) -> bool:
        """Two to four name words with nothing else to say they are not a person: "Robert Mueller"."""
        tokens, article = self.tokens, self.article
        start = first
        while start < last and tokens[start].lower in DEMONYMS:
            start += 1  # "Brit Andy Murray": the nationality is a role
        role = article.span_text(first, start) if start > first else None
        modifier = start < last and tokens[start].acronym and not (initials(tokens[start]) and last - start == 2)
        if modifier:
            start += 1
        words = [token for token in tokens[start:last] if not particle(token)]
        if not 2 <= len(words) <= 4 or not name_word(words[0], article, given=True) \
                or not all(name_word(token, article) for token in words[1:-1]):
            return False
        if not (name_word(words[-1], article, surname=True)
                or title_word(words[-1]) and not words[-1].text.endswith(".")
                or self._common_surname_after_role(start, last)):
            return False  # "John Major", "Larry King": a title word can be a surname
        if any(token.acronym and not initials(token) for token in words) or not tokens[start].capitalised:
            return False
        if gazetteer.lookup(article.span_text(start, last)) is not None:
            return False
        if start > 0 and tokens[start - 1].lower == "its":
            return False  # "its Motech Auto Mechanic schools": what a company owns is no person
        if last < len(tokens) and (tokens[last].lower in NAMED_THING_HEADS or tokens[last].lower in WORK_NOUNS) \
                and tokens[last].text.islower():
            self.mentions.append(_Mention(_Kind.THING, article.span_text(start, last), start, last))
            return True  # "a Golden Globe award", "a Poll Winners concert"
        if self._organisation_noun_before(start) or self._organisation_appositive(last) \
                or self._employer_position(first) or self._employs_next(last):
            kind = _Kind.ORGANISATION
        elif self._strong_place_cue(start, last, single=False) and not self._person_cue(start, last):
            kind = _Kind.PLACE
        else:
            plain = sum(name_word(token, article, strict=True) for token in words)
            if plain < len(words) and not self._person_cue(start, last) \
                    and not self._common_surname_after_role(start, last):
                return False
            if initials(words[0]) and not self._named_by_initials(start, last):
                return False
            kind = _Kind.PERSON
        if modifier:
            self._read_modifiers(start - 1, start)
        self._add(kind, article.span_text(start, last), start, last, strength=1 if kind is _Kind.PLACE else 2,
                  role=role if kind is _Kind.PERSON else None, context=first)
        return True

    def _employs_next(self, last: int) -> bool:
        """"said Prebon Yamane economist Lena Komileva", "Plaid Cymru health spokesman Rhodri Thomas": a name
        before a job (perhaps with a field in front) and a person's name employs them."""
        tokens = self.tokens
        role = last
        while role < min(len(tokens), last + 2) and tokens[role].lower not in _ORG_ROLES \
                and self._modifier_noun(role):
            role += 1  # "health spokesman"
        if not (role + 2 < len(tokens) and tokens[role].text.islower()
                and (tokens[role].lower in _ORG_ROLES or tokens[role].lower in SPOKESPERSON_NOUNS)
                and tokens[role + 1].sentence == tokens[last - 1].sentence):
            return False
        after = tokens[role + 1]
        if after.capitalised and not after.acronym:
            return True
        # "Rhodri Thomas, Plaid Cymru health spokesman said": the employer inside a person's appositive
        first = last - 1
        while first > 0 and tokens[first - 1].capitalised:
            first -= 1
        return first > 0 and tokens[first - 1].text == "," and self._in_person(first - 2) \
            and (after.lower in SPEECH_VERBS or after.text in (",", "."))

    def _named_by_initials(self, first: int, last: int) -> bool:
        """Whether "T.P. Lilaratne" is a person: firms too are named so ("E.F. Hutton", "J.D. Power").

        A person is introduced with a role (", head of ...", "analyst T.P. ...") and then called by the surname
        alone; a firm is not.
        """
        tokens = self.tokens
        if last < len(tokens) and tokens[last].text == "," and self._appositive_after(last) is not None:
            return True
        if self._role_noun_before(first) is not None:
            return True
        family = tokens[last - 1].text
        return any(token.text == family and not tokens[index - 1].capitalised and not (
            index >= 2 and tokens[index - 1].text == "." and len(tokens[index - 2].text) == 1)  # "J. Hutton"
            for index, token in enumerate(tokens) if index and not first <= index < last)

    def _common_surname_after_role(self, first: int, last: int) -> bool:
        """"coach John Wells", "Mike Lake, a Yukos spokesman": with a role, a first name and a common word are a name.

        Surnames that are common words or weekdays read as no name alone; the role in front of a first name is
        how journalists introduce a person, so the word after it is their surname.
        """
        tokens = self.tokens
        if last - first != 2:
            return False
        given, family = tokens[first], tokens[last - 1]
        if not name_word(given, self.article, strict=True, given=True) or family.acronym \
                or not family.text[1:].islower() or family.lower in ORG_HEADS or title_word(family) \
                or family.lower in DEMONYMS or family.lower in MONTHS or family.lower in HEADLINE_WORDS:
            return False
        if last < len(tokens) and tokens[last].text == "," and tokens[last + 1:last + 2] \
                and tokens[last + 1].lower in ("a", "an", "the") and self._appositive_after(last) is not None:
            return True  # "Mike Lake, a Yukos spokesman,"
        return first > 0 and tokens[first - 1].text.islower() and tokens[first - 1].lower in ROLE_NOUNS \
            and tokens[first - 1].sentence == family.sentence

    def _organisation_appositive(self, last: int) -> bool:
        """"Acme Mac, the country's largest mortgage firm,": an appositive whose head noun is an organisation's."""
        tokens = self.tokens
        if last + 2 >= len(tokens) or tokens[last].text != "," \
                or tokens[last + 1].lower not in ("the", "a", "an", "his", "her", "its", "their"):
            return False
        head = None
        for token in tokens[last + 2:last + 12]:
            if token.lower in ("in", "of", "that", "which", "with", "based") or not token.word \
                    and token.text not in ("'s", "’s", "-"):
                break
            if token.lower in ROLE_NOUNS or token.lower in _APPOSITIVE_VERBS:
                return False
            if token.word:
                head = token
        return head is not None and head.lower in ORG_NOUNS_BEFORE and head.text.islower()

    def _employer_position(self, first: int) -> bool:
        """"an analyst with Dean Talbot Reynolds", "economist at Marlow Brothers": the name employs someone."""
        tokens = self.tokens
        link = first - 1
        while link > 0 and tokens[link].lower == "the":
            link -= 1  # "Larry Jonson of the Corn Growers"
        if link < 1 or tokens[link].lower not in ("with", "at", "of") \
                or tokens[link - 1].sentence != tokens[first].sentence:
            return False
        before = tokens[link - 1]
        if tokens[link].lower != "of" and before.text.islower() and before.lower in ROLE_NOUNS:
            return True
        # "Ann Pzeno of Sanford Bernard", "analyst Jo Baker at Smith Barnet": after a person, the firm
        if not (before.capitalised and self._in_person(link - 1)) \
                or self._known_place(self.article.span_text(first, first + 1)):
            return False
        person = self._people()[link - 1]
        return tokens[link].lower == "of" or bool(person.role) \
            or person.context > 0 and tokens[person.context - 1].lower in ROLE_NOUNS

    def _agent_noun(self, index: int) -> bool:
        """A lower-case word for someone who does something: "thrower", "jumper", "guitarist", "historian"."""
        token = self.tokens[index]
        lower = token.lower
        if not (token.word and token.text.islower() and len(lower) >= 5 and lower.endswith(("er", "or", "ist", "ian"))
                and not ordinary_word(lower) and lower not in _ROLE_STOPS and lower not in SPEECH_VERBS
                and not lower.endswith(("ier", "ower", "ater", "ever", "ther"))):
            return False
        # "much longer", "far bigger": a comparative, not someone
        return not (index and self.tokens[index - 1].lower in _DEGREE_WORDS
                    or index + 1 < len(self.tokens) and self.tokens[index + 1].lower == "than")

    def _organisation_noun_before(self, first: int) -> bool:
        """"construction companies Adhi Karya and Semen Gresik", "carmaker Tata Motors"."""
        tokens = self.tokens
        index = first - 1
        while index >= 0 and tokens[index].sentence == tokens[first].sentence:
            token = tokens[index]
            if token.lower in ("and", ",", "&") or token.capitalised:
                index -= 1
                continue
            # "his midfield partner John Smith" is a person
            return token.lower in ORG_NOUNS_BEFORE and first - index <= 6 \
                and not any(tokens[other].lower in ("his", "her") for other in range(max(0, index - 2), index))
        return False

    def _read_parts(self, first: int, last: int) -> None:
        """A span no reading takes whole: read its leading modifiers and its single words."""
        tokens = self.tokens
        if last - first == 1:
            self.pending.append(_Pending(first, self._cue(first)))
            return
        self.unread.append((first, last))
        index = first
        while index < last:
            matched = self._gazetteer_match(index, last)
            if matched and surname_particle(tokens, index, matched[0], last):
                break  # "Van Ginsberg", "De Mel": the name's particle, not the town of Van
            if matched:
                end, place = matched
                if place.kind >= PlaceKind.SUBDIVISION or place.population >= gazetteer.BIG_CITY:
                    self._add(_Kind.PLACE, place.name, index, end, strength=2)
                    index = end
                    continue
            token = tokens[index]
            if token.acronym and index == first:
                self.pending.append(_Pending(index, ""))
            elif token.lower in DEMONYMS or index == first and token.lower in HONORIFICS:
                pass
            else:
                break
            index += 1
        if first < index < last:
            self._read_span(index, last)
        elif index == first:
            self._read_split_on_of(first, last)

    def _read_split_on_of(self, first: int, last: int) -> None:
        """"The Great Hall of the People" aside, two names joined by "of" are read one by one."""
        tokens = self.tokens
        for index in range(first + 1, last - 1):
            if tokens[index].lower in _STRUCTURE_CONNECTORS:
                after = index + 1
                while after < last and tokens[after].lower == "the":
                    after += 1
                if index - first == 1:
                    self.pending.append(_Pending(first, self._cue(first)))
                elif 2 <= index - first <= 4 and after < last \
                        and (self._read_titled_person(first, index) or self._read_person(first, index)):
                    self._read_span(after, last)  # "Ann Pzeno of Sanford Bernard": a person, then their firm
                    return
                if last - after == 1:
                    self.pending.append(_Pending(after, self._cue(after)))
                return

    def _gazetteer_match(self, first: int, last: int) -> tuple[int, gazetteer.Place] | None:
        """The longest gazetteer name that starts at token ``first`` and ends before ``last``."""
        for end in range(min(last, first + 4), first, -1):
            if not self.tokens[end - 1].capitalised:
                continue
            place = gazetteer.lookup(self.article.span_text(first, end))
            if place is not None:
                return end, place
        return None

    def _read_city_state(self, last: int, name: str, first: int) -> None:
        """"Washington, DC" and "Austin, Texas" are one place name in a dateline or an address."""
        tokens = self.tokens
        if last + 1 < len(tokens) and tokens[last].text == "," and tokens[last + 1].lower in US_STATE_CODES \
                and tokens[last + 1].text[:1].isupper():
            self._add(_Kind.PLACE, self.article.span_text(first, last + 2), first, last + 2, strength=3)
            self.consumed.add(last + 1)

    # ------------------------------------------------------------------ context

    def _followed_by(self, last: int, words: frozenset[str]) -> bool:
        return last < len(self.tokens) and self.tokens[last].lower in words \
            and self.tokens[last].sentence == self.tokens[last - 1].sentence

    def _strong_place_cue(self, first: int, last: int, *, single: bool = True) -> bool:
        """"in X", "X region", "X, Azerbaijan", "X-based", "the town of X"; two-word names only by the last three."""
        tokens = self.tokens
        before = tokens[first - 1] if first else None
        after = tokens[last] if last < len(tokens) else None
        if after is not None and after.lower in ("'s", "’s"):
            return False
        if single and before is not None and before.lower in STRONG_PLACE_PREPOSITIONS \
                and before.sentence == tokens[first].sentence:
            return True
        if after is not None and after.lower in PLACE_NOUNS_AFTER and after.sentence == tokens[first].sentence:
            return True
        return single and self._comma_place_after(last) or tokens[last - 1].suffix in PLACE_HYPHEN_SUFFIXES \
            or first >= 2 and tokens[first - 1].lower == "of" and tokens[first - 2].lower in PLACE_NOUNS_BEFORE

    def _comma_place_after(self, last: int) -> bool:
        """"Khojaly, Azerbaijan": a name followed by a comma and a country or major division."""
        tokens = self.tokens
        if last + 1 >= len(tokens) or tokens[last].text != "," or not tokens[last + 1].capitalised:
            return False
        if last + 2 < len(tokens) and tokens[last + 2].lower in ("'s", "’s"):
            return False
        matched = self._gazetteer_match(last + 1, min(len(tokens), last + 5))
        if matched and matched[1].kind >= PlaceKind.SUBDIVISION:
            end = matched[0]
            return end >= len(tokens) or not tokens[end].capitalised  # not "Alcatel, France Telecom"
        # ", a town in the Karabakh region"
        return last + 3 < len(tokens) and tokens[last + 1].lower in ("a", "the") \
            and tokens[last + 2].lower in PLACE_NOUNS_AFTER

    def _person_cue(self, first: int, last: int) -> bool:
        """Signs that a name is a person's: a speech verb, an appositive role, the surname used alone elsewhere."""
        tokens = self.tokens
        after = tokens[last] if last < len(tokens) else None
        if after is not None and after.lower in SPEECH_VERBS:
            return True
        if after is not None and after.text == "," and (self._appositive_after(last) is not None or last + 1 < len(
                tokens) and tokens[last + 1].lower in SPEECH_VERBS):
            return True  # "Theresa May, the shadow minister,", "…, Theresa May, said"
        if self._appositive_before(first) is not None:
            return True
        surname = tokens[last - 1].text
        if self.capitalised_counts is None:  # counted once: a scan of every token per name grows with the square
            self.capitalised_counts = collections.Counter(token.text for token in tokens if token.capitalised)
        inside = sum(1 for token in tokens[first:last] if token.capitalised and token.text == surname)
        return self.capitalised_counts[surname] > inside

    def _cue(self, index: int) -> str:
        tokens = self.tokens
        if self._followed_by(index + 1, SPOKESPERSON_NOUNS) \
                or self._organisation_noun_before(index) and not gazetteer.is_region_or_country(tokens[index].text) \
                or self._employer_position(index) or self._organisation_appositive(index + 1) \
                or self._organisation_context(index) and not self._known_place(tokens[index].text):
            return "org"
        if self._title_before(index):
            return "person"
        if self._sport_role_after(index) or self._possessive_after(index) and self._player_after(index + 2) \
                and self._town(tokens[index].text):
            return "club"  # "Leeds boss Alan Crane", "Parma's Luca Frey"
        if self._possessive_after(index) or tokens[index].suffix in AGENT_HYPHEN_SUFFIXES:
            return "owner"  # "Microsoft's Xbox", "NEC-backed": an organisation unless a place or a person
        if self._strong_place_cue(index, index + 1) or self._in_dateline(index):
            return "place"
        before = tokens[index - 1] if index else None
        if before is not None and before.lower in WEAK_PLACE_PREPOSITIONS and before.sentence == tokens[index].sentence:
            return "weak-place"
        if self._landmark(index):
            return "landmark"
        return ""

    def _organisation_context(self, index: int) -> bool:
        """"Acme said it", "Acme, which", "the Acme group", "shares in Acme": words only organisations take."""
        tokens = self.tokens
        sentence = tokens[index].sentence
        if any(part in DEMONYMS or gazetteer.is_country(part) for part in tokens[index].text.split("-")):
            return False  # "the German-US carmaker"
        following = [token for token in tokens[index + 1:index + 6] if token.sentence == sentence]
        words = [token.lower for token in following]
        verb = 0
        while verb < min(2, len(words)) and words[verb] in SPEECH_INSERTS:
            verb += 1  # "Acme has said it", "Acme also said its"
        if len(words) >= verb + 2 and words[verb] in SPEECH_VERBS and words[verb + 1] in ("it", "its"):
            return True
        if words[:2] == [",", "which"] or words[:1] == ["which"]:
            return True  # "Acme, which", "Hypertrak which makes"
        if index >= 2 and tokens[index - 1].lower in ("for", "at") and tokens[index - 2].lower in SPOKESPERSON_NOUNS:
            return True  # "a spokeswoman for Hypertrak"
        if len(following) >= 2 and following[0].text.islower() and following[0].lower in _ORG_ROLES \
                and following[1].capitalised and not self._known_place(tokens[index].text):
            return True  # "Nirvaxa frontman Kurt Colby", "IFL chairman Alan Burn": where the person works
        if words and words[0] in ORG_NOUNS_AFTER and following[0].text.islower() and not tokens[index].suffix \
                and not (len(following) > 1 and following[1].capitalised) and index not in self.article.initial:
            return True  # "the Chrysler group said"; not "a Moscow-based firm", "Cable firm Telwick"
        if index >= 3 and tokens[index - 1].lower == "in" and tokens[index - 2].lower in ("interest", "holding") \
                and tokens[index - 3].lower in ("pct", "percent", "%"):
            return True  # "an 85 pct interest in Conrail": a share of a company
        return index >= 2 and tokens[index - 1].lower in ("in", "of") \
            and tokens[index - 2].lower in ("shares", "stake", "stakes", "shareholders", "shareholder")

    def _title_before(self, index: int) -> bool:
        """"president Reagan": a lower-case title right before a single name."""
        tokens = self.tokens
        return index > 0 and tokens[index - 1].text.islower() and title_word(tokens[index - 1]) \
            and tokens[index - 1].lower in ROLE_NOUNS and tokens[index - 1].lower not in _TITLE_MODIFIERS \
            and tokens[index - 1].sentence == tokens[index].sentence

    def _sport_role_after(self, index: int) -> bool:
        tokens = self.tokens
        return index + 1 < len(tokens) and tokens[index + 1].lower in _SPORT_ROLES and tokens[index + 1].text.islower()

    @staticmethod
    def _town(text: str) -> bool:
        place = gazetteer.lookup(text)
        return place is not None and place.kind <= PlaceKind.SUBDIVISION

    def _player_after(self, index: int) -> bool:
        """A person's full name starts at ``index``: a first name and a surname, perhaps with particles."""
        tokens = self.tokens
        if index + 1 >= len(tokens) or not tokens[index].capitalised:
            return False
        end = index
        while end < len(tokens) and (tokens[end].capitalised or particle(tokens[end])) and end - index < 5:
            end += 1
        if head_word(tokens[end - 1].lower):
            return False  # "Chicago's O'Hare International Airport" is no player
        return name_word(tokens[index], self.article, given=True) and not tokens[index].acronym \
            and (tokens[index + 1].capitalised or particle(tokens[index + 1]))

    def _possessive_after(self, index: int) -> bool:
        """"Acme's", "Amicus'": the name owns what follows."""
        tokens = self.tokens
        if index + 1 >= len(tokens):
            return False
        following = tokens[index + 1]
        if following.text in ("'s", "’s"):
            return True
        return following.text in ("'", "’") and tokens[index].text.endswith("s") \
            and following.start == tokens[index].end and tokens[index - 1].text not in ("'", "‘") \
            and index + 2 < len(tokens) and tokens[index + 2].start > following.end \
            and tokens[index + 2].sentence == following.sentence and tokens[index + 2].text[:1].isalnum()

    def _landmark(self, index: int) -> bool:
        """"the Pyramids in Egypt": a place word used as a name, placed by what follows."""
        tokens = self.tokens
        return tokens[index].lower in PLACE_HEADS and index > 0 and tokens[index - 1].lower == "the" \
            and index + 2 < len(tokens) and tokens[index + 1].lower in ("in", "of", "near", "at") \
            and tokens[index + 2].capitalised and index not in self.article.initial

    # ------------------------------------------------------------------ single words

    def _resolve_pending(self) -> None:
        waiting = list(self.pending)
        for _ in range(3):
            left = []
            known = self._known_names()
            for pending in waiting:
                if not self._resolve(pending, known, final=False):
                    left.append(pending)
            if len(left) == len(waiting):
                break
            waiting = left
        known = self._known_names()
        for pending in waiting:
            self._resolve(pending, known, final=True)
        read = {index for mention in self.mentions for index in range(mention.first, mention.last)}
        self._read_listed([pending for pending in waiting if pending.index not in read], known)

    def _read_listed(self, waiting: list[_Pending], known: dict[str, tuple[_Kind, str]]) -> None:
        """Single names read as nothing that stand in a list with an organisation are organisations too."""
        tokens = self.tokens
        waiting = [pending for pending in waiting if pending.index not in self.consumed
                   and tokens[pending.index].text not in known and not tokens[pending.index].acronym
                   and not self._known_place(tokens[pending.index].text)
                   and (self._proper_noun(pending.index) or pending.index in self.article.initial
                        and tokens[pending.index].text in self._mid_sentence_capitals()
                        and name_word(tokens[pending.index], self.article, strict=True))]
        if not waiting:
            return
        firsts = {mention.first for mention in self.mentions if mention.kind is _Kind.ORGANISATION}
        lasts = {mention.last for mention in self.mentions if mention.kind is _Kind.ORGANISATION}
        for _ in range(3):
            listed = [pending for pending in waiting if self._listed_with(pending.index, firsts, lasts)]
            for pending in listed:
                self._add(_Kind.ORGANISATION, tokens[pending.index].text, pending.index, pending.index + 1)
                self.consumed.add(pending.index)
                firsts.add(pending.index)
                lasts.add(pending.index + 1)
            waiting = [pending for pending in waiting if pending not in listed]
            if not listed:
                break

    @staticmethod
    def _known_place(text: str) -> bool:
        """A place the gazetteer knows well enough to name it without a cue."""
        place = gazetteer.lookup(text)
        return place is not None and (place.kind >= PlaceKind.SUBDIVISION or place.population >= gazetteer.BIG_CITY)

    def _listed_with(self, index: int, firsts: set[int], lasts: set[int]) -> bool:
        """"Corvan, Ulterra and Wendell Brothers": a name listed next to an organisation is one."""
        tokens = self.tokens
        sentence = tokens[index].sentence
        after = tokens[index + 1] if index + 1 < len(tokens) else None
        if after is not None and after.text in (",", "and", "&") and index + 2 in firsts \
                and tokens[index + 2].sentence == sentence:
            return True
        before = tokens[index - 1] if index else None
        return before is not None and before.text in (",", "and", "&") and index - 1 in lasts \
            and tokens[index - 2].sentence == sentence

    def _known_names(self) -> dict[str, tuple[_Kind, str]]:
        """Surface forms of what has been read so far: values, mentions, surnames and acronyms."""
        known: dict[str, tuple[_Kind, str]] = {}
        persons = [mention for mention in self.mentions if mention.kind is _Kind.PERSON]
        for mention in self.mentions:
            if mention.kind is not _Kind.PERSON:
                known.setdefault(mention.value, (mention.kind, mention.value))
                known.setdefault(self.article.span_text(mention.first, mention.last), (mention.kind, mention.value))
        for mention in sorted(persons, key=lambda mention: -len(mention.value.split())):
            known[mention.value] = (_Kind.PERSON, mention.value)
            words = mention.value.split()
            if len(words) > 1 and not noble_title(self.tokens[mention.first]):
                known.setdefault(surname(mention.value), (_Kind.PERSON, mention.value))
        for acronym, reading in self.acronyms.items():
            known[acronym] = reading
        for mention in self.mentions:
            if mention.kind is _Kind.ORGANISATION and ("'s " in mention.value or "’s " in mention.value):
                known.setdefault(re.split(r"['’]s ", mention.value)[0], (mention.kind, mention.value))
        return known

    def _resolve(self, pending: _Pending, known: dict[str, tuple[_Kind, str]], *, final: bool) -> bool:
        if pending.index in self.consumed:
            return True
        token = self.tokens[pending.index]
        text = token.text
        index = pending.index
        if text in known:
            kind, value = known[text]
            if kind is not _Kind.THING:
                self._add(kind, value, index, index + 1, strength=1)
            return True
        lower = token.lower
        if lower in DEMONYMS or lower in MONTHS or lower in WEEKDAYS:
            return True
        if text in self.company_words and name_word(token, self.article, strict=True):
            self._add(_Kind.ORGANISATION, self.company_words[text], index, index + 1, strength=1)
            return True
        if pending.cue == "org" and not token.acronym and not head_word(lower) and (
                name_word(token, self.article, strict=True) or self._proper_noun(index)
                or text in self._mid_sentence_capitals() and lower not in self.article.lowercase):
            self._add(_Kind.ORGANISATION, text, index, index + 1, strength=2)
            return True
        if pending.cue == "person" and not token.acronym and name_word(token, self.article, strict=True) \
                and gazetteer.lookup(text) is None:
            self._add(_Kind.PERSON, text, index, index + 1, strength=1, role=self.tokens[index - 1].text)
            return True
        if lower in NEWS_AGENCIES:
            self._add(_Kind.ORGANISATION, NEWS_AGENCY_NAMES[lower], index, index + 1, strength=2)
            return True
        if self.article.text.startswith("$", token.end):
            return True  # "US$6.16 million"
        place = gazetteer.lookup(text)
        if token.acronym:
            if place is not None and place.kind is PlaceKind.COUNTRY:
                self._add(_Kind.PLACE, place.name, index, index + 1, strength=2)
                return True
            if not final:
                return False
            if lower.rstrip(".") not in NON_ORG_ACRONYMS and "." not in text and len(text) <= 6 \
                    and not self._names_a_product(text) and not self._common_noun_acronym(text) \
                    and (len(text) >= 3 or lower in _TWO_LETTER_ORGS) and not ordinary_word(lower) \
                    and _ORG_ACRONYM.fullmatch(text) and not self._degree_after_name(index) \
                    and not numbered_code(self.tokens, text) \
                    and not self.article.text.startswith("$", token.end):
                self._add(_Kind.ORGANISATION, text, index, index + 1, strength=1)
            return True
        if lower in _SINGLE_ORGS:
            self._add(_Kind.ORGANISATION, text, index, index + 1, strength=2)
            return True
        if pending.cue == "club" and place is not None and place.kind <= PlaceKind.SUBDIVISION:
            self._add(_Kind.ORGANISATION, text, index, index + 1, strength=2)
            return True  # "Liverpool boss Rafael Benitez": the club
        if place is not None and (place.kind >= PlaceKind.SUBDIVISION or place.population >= gazetteer.BIG_CITY
                                  or pending.cue in ("place", "weak-place")):
            self._add(_Kind.PLACE, place.name, index, index + 1, strength=2)
            self._read_city_state(index + 1, place.name, index)
            return True
        if pending.cue == "owner" and place is None and not ordinary_word(lower) and text not in self._first_names() \
                and (self._proper_noun(index) or text in self._mid_sentence_capitals() and not head_word(lower)
                     and lower not in self.article.lowercase and not title_word(token)):
            self._add(_Kind.ORGANISATION, text, index, index + 1, strength=1)
            return True
        if pending.cue == "landmark":
            self._add(_Kind.PLACE, text, index, index + 1, strength=1)
            return True
        if pending.cue == "place" and name_word(token, self.article, strict=True) \
                and not lower.endswith(_DEMONYM_ENDINGS):
            self._add(_Kind.PLACE, text, index, index + 1, strength=1)
            self._read_city_state(index + 1, text, index)
            return True
        return final

    def _first_names(self) -> set[str]:
        """First names of the people named in full: "Steve's shot" speaks of a person."""
        if self.given_names is None:
            self.given_names = {mention.value.split()[0] for mention in self._people().values()
                                if len(mention.value.split()) > 1}
        return self.given_names

    def _proper_noun(self, index: int) -> bool:
        """A capital that marks a name: inside a sentence, on a word that is no title, month or common word."""
        token = self.tokens[index]
        lower = token.lower
        return token.capitalised and index not in self.article.initial and lower not in HEADLINE_WORDS \
            and lower not in DEMONYMS and lower not in MONTHS and lower not in WEEKDAYS and not title_word(token) \
            and not any(char.isdigit() for char in token.text) and not head_word(lower) \
            and lower not in _NUMBER_WORDS

    def _names_a_product(self, text: str) -> bool:
        """"the ZX titles", "VHS machines": capitals that the article uses before a kind of product."""
        if self.product_words is None:
            tokens = self.tokens
            self.product_words = {token.text for token, following in zip(tokens, tokens[1:])
                                  if token.acronym and not token.suffix and following.text.islower()
                                  and following.lower in PRODUCT_NOUNS}
        return text in self.product_words

    def _common_noun_acronym(self, text: str) -> bool:
        """"a personal video recorder (PVR)": letters that abbreviate lower-case words name a kind of thing."""
        if self.common_acronyms is None:
            tokens = self.tokens
            self.common_acronyms = set()
            for index in range(2, len(tokens) - 1):
                if tokens[index].acronym and tokens[index - 1].text == "(" and tokens[index + 1].text == ")":
                    words = [token for token in tokens[max(0, index - 7):index - 1] if token.word]
                    letters = len([char for char in tokens[index].text if char.isalpha()])
                    expansion = words[-letters:] if letters <= len(words) else []
                    if expansion and all(token.text.islower() for token in expansion) \
                            and _initials_match(tokens[index].text, expansion):
                        self.common_acronyms.add(tokens[index].text)
        return text in self.common_acronyms or text.endswith("s") and text[:-1] in self.common_acronyms

    def _degree_after_name(self, index: int) -> bool:
        """"Howard Koh, MD, MPH": letters after a name are degrees, not organisations."""
        tokens = self.tokens
        return index >= 2 and tokens[index - 1].text == "," and (tokens[index - 2].capitalised
                                                                 or tokens[index - 2].acronym)

    # ------------------------------------------------------------------ headlines

    def _read_caps_insensitive(self) -> None:
        """In title-case or capital lines only what the article names elsewhere, and countries, count."""
        article, tokens = self.article, self.tokens
        if not article.caps_insensitive:
            return
        known = self._known_names()
        by_upper = {form.upper(): reading for form, reading in known.items()}
        index, count = 0, len(tokens)
        while index < count:
            token = tokens[index]
            if token.sentence not in article.caps_insensitive or not token.word:
                index += 1
                continue
            matched = False
            for end in range(min(count, index + 6), index, -1):
                if tokens[end - 1].sentence != token.sentence:
                    continue
                text = article.span_text(index, end)
                reading = known.get(text) or (by_upper.get(text.upper()) if text.isupper() else None)
                if reading is None and (end - index > 1 or token.capitalised):
                    place = gazetteer.lookup(text)
                    if place is not None and (place.kind >= PlaceKind.REGION
                                              or place.population >= 10 * gazetteer.BIG_CITY):
                        reading = (_Kind.PLACE, place.name)
                if reading is not None and reading[0] is not _Kind.THING and tokens[index].text[:1].isupper():
                    self._add(reading[0], reading[1], index, end, strength=1)
                    index, matched = end, True
                    break
            if not matched:
                index += 1

    # ------------------------------------------------------------------ roles

    def _appositive_after(self, last: int) -> str | None:
        """", the company's chief executive," after a name; ", OFHEO director said" ends at the speech verb."""
        tokens = self.tokens
        index = last + 1
        if index < len(tokens) and tokens[index].text[:1].isdigit() and index + 1 < len(tokens) \
                and tokens[index + 1].text == ",":
            index += 2  # an age: "Smith, 45, a lawyer"
        start = index
        has_role = False
        end = None  # where the role ends when it ends before the appositive does
        while index < len(tokens) and tokens[index].sentence == tokens[last - 1].sentence:
            token = tokens[index]
            if token.text == "." and self._inside_word(index):
                index += 1  # "editor of Example.com"
                continue
            if token.text == "(" and index + 2 < len(tokens) and tokens[index + 2].text == ")" \
                    and self._acronym_like(tokens[index + 1]):
                end = end if end is not None else index
                index += 3  # "head of marketing at Transport for Tarvik (TfT),"
                continue
            if not token.word and token.text not in ("'s", "’s", "-", "&"):
                break
            if token.lower in SPEECH_VERBS and has_role and index - start <= 6 and tokens[index - 1].word:
                return self.article.span_text(start, index)
            if token.lower == "and" and has_role and index + 1 < len(tokens) \
                    and (tokens[index + 1].lower in ROLE_NOUNS or tokens[index + 1].lower in ROLE_FILLERS):
                index += 1  # "president and chief operating officer"
                continue
            if token.lower in ("which", "who", "whose") and has_role and index > start:
                return self.article.span_text(start, end if end is not None else index)  # "spokeswoman for Acme which"
            if token.lower in _APPOSITIVE_VERBS:
                return None
            has_role = has_role or self._role_head(index)
            index += 1
            if index - start > 12:
                return None
        if not has_role or index == start:
            return None
        if index < len(tokens) and tokens[index].text not in (",", ".", ";", ")", "”", '"'):
            return None
        return self.article.span_text(start, end if end is not None else index)

    def _role_head(self, index: int) -> bool:
        """A role noun that heads its phrase: "chief of the general staff", "gas analyst with"; not the "general"
        of "a general election"."""
        tokens = self.tokens
        if tokens[index].lower not in ROLE_NOUNS:
            return False
        following = tokens[index + 1] if index + 1 < len(tokens) else None
        return following is None or not following.word or not following.text.islower() \
            or following.lower in _ROLE_LINKS or following.lower in _APPOSITIVE_VERBS \
            or following.lower in ROLE_NOUNS or following.lower in ("who", "which", "whose")

    def _acronym_like(self, token: Token) -> bool:
        """"UNCF", "TfT", "PwC": letters in capitals, whatever the case of the others."""
        return token.word and len(token.text) <= 8 and sum(char.isupper() for char in token.text) >= 2 \
            and token.text[:1].isupper()

    def _inside_word(self, index: int) -> bool:
        """A period with letters right on both sides: part of a web address ("Example.com")."""
        tokens = self.tokens
        return 0 < index < len(tokens) - 1 and tokens[index - 1].end == tokens[index].start \
            and tokens[index + 1].start == tokens[index].end and tokens[index - 1].word and tokens[index + 1].word

    def _appositive_before(self, first: int) -> str | None:
        """"Azerbaijan's chief of the general staff, Colonel General Kerim Valiyev"."""
        tokens = self.tokens
        if first < 2 or tokens[first - 1].text != ",":
            return None
        index = first - 2
        sentence = tokens[first].sentence
        has_role = False
        while index >= 0 and tokens[index].sentence == sentence and first - index <= 14:
            token = tokens[index]
            if not token.word and token.text not in ("'s", "’s", "-"):
                break
            if token.lower in _ROLE_STOPS and not token.capitalised or token.lower in SPEECH_VERBS:
                break
            has_role = has_role or self._role_head(index)
            index -= 1
        start = index + 1
        while start < first - 1 and not (tokens[start].capitalised or tokens[start].lower in ROLE_NOUNS
                                         or tokens[start].lower in DEMONYMS
                                         or tokens[start].lower in ROLE_FILLERS
                                         and tokens[start].lower not in _ROLE_LINKS):
            start += 1  # "in honour of the pioneering economist, Adam Smith": the role starts at "economist"
        if start < first - 2 and tokens[start].lower in ("the", "a", "an", "his", "her", "their") \
                and start in self.article.initial:
            start += 1  # "The Shadow Secretary of State, Theresa May": the sentence's article is no part of it
        if not has_role or start >= first - 1:
            return None
        if first - 1 - start == 1 and tokens[start].capitalised:
            return None  # "Queen, Kate Bush, David Bowie": a list, not a title
        return self.article.span_text(start, first - 1)

    def _role_noun_before(self, first: int) -> str | None:
        """"Japanese astronaut Koichi Wakata", "BBC labour affairs correspondent Stephen Cape", "spokeswoman for
        women Sandra Gidley"."""
        tokens = self.tokens
        index = self._portfolio_start(first)
        if index < 0 or not (tokens[index].lower in ROLE_NOUNS or index == first - 1 and self._agent_noun(index)) \
                or tokens[index].capitalised or tokens[index].sentence != tokens[first].sentence:
            return None
        head = index
        capitalised = False
        while index - 1 >= 0 and tokens[index - 1].sentence == tokens[first].sentence and head - index < 3:
            previous = tokens[index - 1]
            lower = previous.lower
            if lower in _ROLE_STOPS or lower in ("the", "a", "an", "of", "for", "at", "in", "on", "to", "with"):
                break
            if previous.text in ("'s", "’s") and index - 2 >= 0 and tokens[index - 2].capitalised:
                index -= 2  # "the company's chief"
                continue
            if lower in ("and", "or") and not (index >= 2 and tokens[index - 2].text.islower()
                                               and tokens[index - 2].lower in ROLE_NOUNS):
                break  # "Ian Dole and flanker Rob Kerr"; but "chairman and chief executive"
            if not (lower in ROLE_NOUNS or lower in ROLE_FILLERS or lower in DEMONYMS
                    or previous.capitalised and not self._in_person(index - 1)
                    or not capitalised and self._modifier_noun(index - 1)):
                break
            capitalised = capitalised or previous.capitalised
            index -= 1
        index = self._organisation_of_role(index)
        while index < head and tokens[index].lower in ("and", "or", "&"):
            index += 1  # "..., and chief financial officer Tim Howard"
        return self.article.span_text(index, first)

    def _organisation_of_role(self, index: int) -> int:
        """"Bank of England governor": step back over an organisation named with "of" in front of a role."""
        tokens = self.tokens
        if index < 2 or not tokens[index].capitalised or tokens[index - 1].lower != "of" \
                or tokens[index - 2].sentence != tokens[index].sentence:
            return index
        start = index - 2
        if not (tokens[start].capitalised and tokens[start].lower in ORG_HEADS):
            return index
        while start > 0 and tokens[start - 1].capitalised and tokens[start - 1].sentence == tokens[index].sentence \
                and start - 1 not in self.article.initial and not self._in_person(start - 1) and index - start < 5:
            start -= 1  # "Federal Reserve Bank of New York president"
        return start

    def _portfolio_start(self, first: int) -> int:
        """The role noun before a name, stepping back over its portfolio: "spokeswoman for women Sandra Gidley"."""
        tokens = self.tokens
        index = first - 1
        if index < 0 or tokens[index].lower in ROLE_NOUNS:
            return index
        for link in (first - 2, first - 3):
            if link < 1 or tokens[link].lower not in ("for", "of", "on") \
                    or tokens[link - 1].lower not in ROLE_NOUNS or tokens[link - 1].capitalised:
                continue
            if all(self._modifier_noun(other) or tokens[other].lower in ROLE_FILLERS
                   and tokens[other].lower not in _ROLE_LINKS for other in range(link + 1, first)):
                return link - 1
        return index

    def _modifier_noun(self, index: int) -> bool:
        """A lower-case noun that may qualify a role ("labour affairs correspondent", "flamenco singer")."""
        token = self.tokens[index]
        lower = token.lower
        return token.word and token.text.islower() and len(lower) > 2 and lower not in HEADLINE_WORDS \
            and lower not in _ROLE_STOPS and lower not in SPEECH_VERBS \
            and not lower.endswith(("ed", "ing", "ly", "old")) \
            and lower not in _TIME_NOUNS and not (index and self.tokens[index - 1].text.islower()
                                                  and self.tokens[index - 1].lower in _VERB_LIKE)

    def _in_person(self, index: int) -> bool:
        """Whether a person's name read so far covers token ``index``."""
        return index in self._people()

    def _people(self) -> dict[int, _Mention]:
        """The people's names read so far, by each token they cover."""
        if self.person_tokens is None:
            self.person_tokens = {}
            for mention in self.mentions:
                if mention.kind is _Kind.PERSON:
                    self.person_tokens.update(dict.fromkeys(range(mention.first, mention.last), mention))
        return self.person_tokens

    # ------------------------------------------------------------------ results

    def _add(self, kind: _Kind, value: str, first: int, last: int, *, strength: int = 1,
             role: str | None = None, context: int = -1) -> None:
        self.mentions.append(_Mention(kind, " ".join(value.split()), first, last, strength, role,
                                      first if context < 0 else context))
        if kind is _Kind.PERSON:
            if self.person_tokens is not None:
                self.person_tokens.update(dict.fromkeys(range(first, last), self.mentions[-1]))
            self.given_names = None

    def facts(self) -> tuple[Fact, ...]:
        """One fact per entity, in the order of the text; at most ``MAX_FACTS_PER_KIND`` of each kind."""
        entities = self._entities()
        facts = sorted((self._fact(entity) for entity in entities if entity.kind is not _Kind.THING),
                       key=lambda fact: (fact.start, fact.end))
        counts: dict[FactKind, int] = {}
        kept = []
        for fact in facts:
            counts[fact.kind] = counts.get(fact.kind, 0) + 1
            if counts[fact.kind] <= MAX_FACTS_PER_KIND:
                kept.append(fact)
        return tuple(kept)

    def _entities(self) -> list[_Entity]:
        """Group the mentions: surnames join full names, one name read two ways takes its strongest reading."""
        persons = self._person_groups()
        others: dict[str, _Entity] = {}
        person_words = {word for entity in persons for word in entity.value.split()}
        for mention in self.mentions:
            if mention.kind is _Kind.PERSON:
                continue
            key = _key(mention.value)
            if mention.kind is _Kind.PLACE and mention.strength < 2 and mention.value in person_words:
                continue  # a weak place reading of a word that is someone's name
            entity = others.get(key)
            if entity is None:
                others[key] = _Entity(mention.kind, mention.value, [mention], strength=mention.strength)
                continue
            entity.mentions.append(mention)
            if mention.strength > entity.strength:
                entity.kind, entity.strength = mention.kind, mention.strength
        self._merge_places(others)
        self._merge_organisations(others)
        return [*persons, *others.values()]

    def _person_groups(self) -> list[_Entity]:
        mentions = sorted((mention for mention in self.mentions if mention.kind is _Kind.PERSON),
                          key=lambda mention: self.tokens[mention.first].start)
        full: dict[str, _Entity] = {}
        for mention in mentions:
            if len(mention.value.split()) > 1 or noble_title(self.tokens[mention.first]):
                full.setdefault(mention.value, _Entity(_Kind.PERSON, mention.value))
        # "Conway Jr" is "Harry Conway Jr", "Juan Carlos" is "Juan Carlos Ferro": a shorter full name that ends
        # or starts one longer name is that person
        same: dict[str, _Entity] = {}
        starts: dict[str, list[_Entity]] = {}
        for value in full:
            words = value.split()
            for cut in range(1, len(words) - 1):
                same.setdefault(" ".join(words[cut:]), full[value])
                starts.setdefault(" ".join(words[:cut + 1]), []).append(full[value])
        for value, longer in starts.items():
            if len(longer) == 1 and value not in same:
                same[value] = longer[0]
        for value in list(full):
            if value in same and same[value].value != value:
                full[value] = same[value]
        by_surname: dict[str, list[_Entity]] = {}
        for entity in {id(entity): entity for entity in full.values()}.values():
            words = entity.value.split()
            if len(words) > 1:
                by_surname.setdefault(surname(entity.value), []).append(entity)
        singles: dict[str, _Entity] = {}
        last_seen: dict[str, _Entity] = {}
        for mention in mentions:
            entity = full.get(mention.value)
            if entity is None:
                candidates = by_surname.get(mention.value, [])
                if len(candidates) == 1:
                    entity = candidates[0]
                elif candidates:
                    entity = last_seen.get(mention.value, candidates[0])
                else:
                    entity = singles.setdefault(mention.value, _Entity(_Kind.PERSON, mention.value))
            else:
                last_seen[surname(entity.value)] = entity
            entity.mentions.append(mention)
            self._collect_roles(entity, mention)
        unique = {id(entity): entity for entity in [*full.values(), *singles.values()]}
        return [entity for entity in unique.values() if entity.mentions]

    def _collect_roles(self, entity: _Entity, mention: _Mention) -> None:
        before = self._appositive_before(mention.context)
        after = self._appositive_after(mention.last) if mention.last < len(self.tokens) \
            and self.tokens[mention.last].text == "," else None
        for role in (before, after):
            if role:
                entity.roles.append((_ROLE_PRIORITY_APPOSITIVE, role))
        if mention.role:
            entity.roles.append((_ROLE_PRIORITY_TITLE, mention.role))
        noun = self._role_noun_before(mention.context)
        if noun:
            entity.roles.append((_ROLE_PRIORITY_NOUN, noun))

    def _merge_places(self, others: dict[str, _Entity]) -> None:
        """"Washington" joins "Washington, D.C."."""
        places = [entity for entity in others.values() if entity.kind is _Kind.PLACE]
        for entity in places:
            if "," in entity.value:
                continue
            for other in places:
                if other is not entity and other.value.startswith(entity.value + ",") and entity.mentions:
                    other.mentions.extend(entity.mentions)
                    entity.mentions = []
                    break
        for key in [key for key, entity in others.items() if not entity.mentions]:
            del others[key]

    def _merge_organisations(self, others: dict[str, _Entity]) -> None:
        """"U.S. Government" is "United States Government"; "Department of Health" joins "U.S. Department of ..."."""
        organisations = sorted((entity for entity in others.values() if entity.kind is _Kind.ORGANISATION),
                               key=lambda entity: min(self.tokens[mention.first].start for mention in entity.mentions))
        by_key: dict[str, _Entity] = {}
        for entity in organisations:
            kept = by_key.setdefault(_org_key(entity.value), entity)
            if kept is not entity:
                kept.mentions.extend(entity.mentions)
                entity.mentions = []
        # A longer name offers to take the shorter names it ends or starts with; looked up by key, not pair by pair,
        # so that an input with thousands of names stays linear.
        offers: dict[str, list[_Entity]] = {}
        for entity in by_key.values():
            words = _key(entity.value).split(" ")
            for cut in range(1, len(words)):
                offers.setdefault(" ".join(words[cut:]), []).append(entity)
                offers.setdefault(" ".join(words[:cut]), []).append(entity)
        for shorter in sorted(by_key.values(), key=lambda entity: len(entity.value)):
            short_key = _key(shorter.value)
            for longer in offers.get(short_key, ()):
                if longer is shorter or not longer.mentions or not shorter.mentions \
                        or len(longer.value) <= len(shorter.value):
                    continue
                long_key = _key(longer.value)
                if long_key.endswith(" " + short_key) and _leading_place(longer.value, shorter.value) \
                        or long_key.startswith(short_key + " ") and _only_heads(longer.value[len(shorter.value):]):
                    longer.mentions.extend(shorter.mentions)  # "Den Danske" is "Den Danske Bank"
                    shorter.mentions = []
                    break
        for key in [key for key, entity in others.items() if not entity.mentions]:
            del others[key]

    def _fact(self, entity: _Entity) -> Fact:
        article, tokens = self.article, self.tokens
        mentions = sorted(entity.mentions, key=lambda mention: tokens[mention.first].start)
        in_prose = [mention for mention in mentions
                    if tokens[mention.first].sentence not in article.caps_insensitive] or mentions
        full = [mention for mention in in_prose if article.span_text(mention.first, mention.last) == entity.value]
        chosen = (full or in_prose)[0]
        start, end = tokens[chosen.first].start, tokens[chosen.last - 1].end
        text = article.text[start:end]
        aliases = []
        for mention in mentions:
            surface = " ".join(article.span_text(mention.first, mention.last).split())
            if surface != entity.value and surface not in aliases:
                aliases.append(surface)
        role = None
        if entity.kind is _Kind.PERSON and entity.roles:
            role = min(entity.roles, key=lambda item: item[0])[1]
        return Fact(
            kind=entity.kind.value,
            text=text,
            value=entity.value,
            start=start,
            end=end,
            sentence=article.sentences[tokens[chosen.first].sentence],
            role=role,
            aliases=tuple(aliases),
        )


def surname_particle(tokens: tuple[Token, ...], first: int, end: int, last: int) -> bool:
    """Whether a one-word match at ``first`` is a capitalised particle opening a surname before ``last``."""
    token = tokens[first]
    return end == first + 1 and end < last and token.lower in NAME_PARTICLES and not token.text.isupper() \
        and tokens[end].capitalised and not tokens[end].acronym


def lettered_label(tokens: tuple[Token, ...], last: int, initial: frozenset[int]) -> bool:
    """Whether a lone capital letter follows the name inside a sentence: "Pool A", "Group C", "Plan B"."""
    if last >= len(tokens) or last in initial:
        return False
    letter = tokens[last]
    following = tokens[last + 1] if last + 1 < len(tokens) else None
    return len(letter.text) == 1 and letter.text.isupper() and letter.text != "I" \
        and letter.sentence == tokens[last - 1].sentence and letter.start == tokens[last - 1].end + 1 \
        and (following is None or following.text != "." and not following.capitalised)


_SCORE = re.compile(r"\d{1,3}")


def score_line_sides(tokens: tuple[Token, ...]) -> list[tuple[int, int]]:
    """Token ranges of the capitalised names right before and right after a score ("31-37"), in pairs."""
    sides = []
    for index in range(1, len(tokens) - 3):
        score, dash, other = tokens[index:index + 3]
        if not (_SCORE.fullmatch(score.text) and dash.text in ("-", "–") and _SCORE.fullmatch(other.text)
                and score.end == dash.start and dash.end == other.start
                and score.sentence == other.sentence):
            continue
        before = index
        while before > 0 and index - before < 3 and tokens[before - 1].capitalised \
                and tokens[before - 1].sentence == score.sentence:
            before -= 1
        after = index + 3
        while after < len(tokens) and after - index - 3 < 3 and tokens[after].capitalised \
                and tokens[after].sentence == score.sentence:
            after += 1
        if before < index and after > index + 3 \
                and not any(token.lower in HEADLINE_WORDS for token in tokens[before:index] + tokens[index + 3:after]):
            sides += [(before, index), (index + 3, after)]
    return sides


def month_range(token: Token) -> bool:
    """"August-September", "Monday-Friday": a span of months or days written as one hyphenated word."""
    parts = re.split(r"[-‐‑–]", token.lower)
    return len(parts) > 1 and all(part in MONTHS or part in WEEKDAYS for part in parts)


def numbered_code(tokens: tuple[Token, ...], text: str) -> bool:
    """Whether capitals are always written with a number after them: "RIC 103", "FTSE 100", "A 320".

    Journalists write an organisation's acronym alone; one that never comes without a number names a
    series: a plant clone, a model, a crude grade, an index.
    """
    following = [tokens[index + 1] if index + 1 < len(tokens) else None
                 for index, token in enumerate(tokens) if token.text == text]
    return bool(following) and all(token is not None and token.text[:1].isdigit() and not token.word
                                   for token in following)


def _key(value: str) -> str:
    value = value.lower().replace("’", "'")
    if value.startswith("the "):
        value = value[4:]
    return value


def _org_key(value: str) -> str:
    key = _key(value)
    for prefix in ("u.s. ", "us ", "united states "):
        if key.startswith(prefix):
            return "united states " + key[len(prefix):]
    return key


def _leading_place(longer: str, shorter: str) -> bool:
    """Whether ``longer`` is ``shorter`` with a place or nationality in front ("U.S. Department of ...")."""
    prefix = longer[:len(longer) - len(shorter)].strip()
    return bool(prefix) and (gazetteer.lookup(prefix) is not None or prefix.lower() in DEMONYMS)


def _only_heads(words: str) -> bool:
    return all(word.strip("()").lower() in ORG_HEADS or word.lower() in LEGAL_SUFFIXES for word in words.split())


def _initials_match(acronym: str, words: list[Token]) -> bool:
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

