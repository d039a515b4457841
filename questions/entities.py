"""Find people (with roles), organisations and places without a downloaded model.

Capitalised word sequences are the candidates. Each is read by its structure (a title before a name, an
organisation or place head word, an acronym defined in brackets, a gazetteer entry) and by its context ("in X",
"X region", "a X spokesman", "X, Azerbaijan"). Single words wait until the whole article has been read: a surname
then joins the person named in full, an acronym its expansion. Mentions of one entity become one fact.
"""
from __future__ import annotations

import re

from questions import gazetteer
from questions.clean import MAX_FACTS_PER_KIND
from questions.entity_rules.document import (
    Entity, EntityText, Kind, Mention, Pending, acronym_after, followed_by, gazetteer_match, in_dateline,
    initials_match, known_place, proper_noun, town,
)
from questions.entity_rules.grouping import entity_fact, merge_organisations, merge_places, name_key
from questions.entity_rules.roles import (
    agent_noun, appositive_after, appositive_before, common_surname_after_role, modifier_noun, portfolio_start,
)
from questions.entity_rules.cues import (
    after_work_noun, common_noun_acronym, degree_after_name, head_kind, landmark, listed_among, listed_with,
    names_a_product, organisation_appositive, organisation_context, organisation_noun_before, person_cue,
    player_after, possessive_after, sport_role_after, strong_place_cue, title_before,
)
from questions.entity_rules.spans import (
    bracket_inside_name, company_possessive, continues, listed_before, may_open, org_head_ahead, partnership_comma,
    place_possessive, plural_possessive, soft_boundary, title_ahead, trim,
)
from questions.entity_rules.words import (
    DEMONYM_BODIES, DEMONYM_ENDINGS, ON_HEADS, ORG_ACRONYM, ORG_ROLES, PLURAL_POSSESSORS, ROLE_LINKS,
    ROLE_PRIORITY_APPOSITIVE, ROLE_PRIORITY_NOUN, ROLE_PRIORITY_TITLE, ROLE_STOPS, SCORE, SINGLE_ORGS,
    STRUCTURE_CONNECTORS, TITLE_MODIFIERS, TWO_LETTER_ORGS, WEB_DOMAINS,
)
from questions.gazetteer import PlaceKind
from questions.lexicon import (
    AGENT_HYPHEN_SUFFIXES, COMPANY_TAILS, DEMONYMS, HEADLINE_WORDS, HONORIFICS, LEGAL_SUFFIXES, MONTHS,
    NAMED_THING_HEADS, NAME_PARTICLES, NEWS_AGENCIES, NEWS_AGENCY_NAMES, NON_ORG_ACRONYMS, ORG_HEADS,
    PARTY_ADJECTIVES, PARTY_NAMES, PARTY_PLURALS, PLACE_PREFIXES, ROLE_FILLERS, ROLE_NOUNS, SPEECH_VERBS,
    SPOKESPERSON_NOUNS, STORM_WORDS, US_STATE_CODES, WEAK_PLACE_PREPOSITIONS, WEEKDAYS, WORK_NOUNS,
)
from questions.model import Anatomy, Fact, FactKind, Sentence
from questions.names import (
    Article, Token, head_word, initials, name_word, noble_title, ordinary_word, particle, read_article, surname,
    title_word,
)


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
        self.doc = EntityText(article, self.dateline)
        self.mentions: list[Mention] = []
        self.pending: list[Pending] = []
        self.unread: list[tuple[int, int]] = []  # spans no reading took; a name found elsewhere may fit them
        self.consumed: set[int] = set()  # tokens a longer name has taken ("DC" in "Washington, DC")
        self.acronyms: dict[str, tuple[Kind, str]] = {}
        self.company_words: dict[str, str] = {}  # "Chrysler" -> "Chrysler Corp"
        self.person_tokens: dict[int, Mention] | None = None  # tokens inside people's names
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
        self._add(Kind.PLACE, place.name if place else value, first, index, strength=2)
        self.consumed.update(range(first, index))

    def _people_named_as_organisations(self) -> None:
        """"chairman of both Cheung Kong and Hutchison": a name the article also gives an organisation's reading
        (by its suffix, a bracket or a cue) is that organisation, unless a title made it a person; so is a name
        listed between organisations ("HMV, Monsoon, Body Shop and Tesco")."""
        organisations = {name_key(mention.value) for mention in self.mentions if mention.kind is Kind.ORGANISATION}
        firsts = {mention.first for mention in self.mentions if mention.kind is Kind.ORGANISATION}
        lasts = {mention.last for mention in self.mentions if mention.kind is Kind.ORGANISATION}
        for position, mention in enumerate(self.mentions):
            if mention.kind is Kind.PERSON and mention.strength <= 2 and not mention.role \
                    and (name_key(mention.value) in organisations
                         or listed_among(self.doc, mention.first, mention.last, firsts, lasts)):
                self.mentions[position] = mention._replace(kind=Kind.ORGANISATION)
                self.person_tokens = self.given_names = None

    def _read_score_lines(self) -> None:
        """"Rovers 31-37 United", "England 2-1 Wales": the names either side of a score are teams.

        A country that plays is a place (the annotators' convention for national teams); anything else that
        plays is a club, even when a town of that name exists.
        """
        for first, last in score_line_sides(self.tokens):
            value = self.article.span_text(first, last)
            place = gazetteer.lookup(value)
            if place is not None and place.kind >= PlaceKind.COUNTRY:
                self._add(Kind.PLACE, place.name, first, last, strength=3)
            else:
                self._add(Kind.ORGANISATION, value, first, last, strength=3)
            self.consumed.update(range(first, last))

    def _companies_by_first_word(self) -> None:
        """"Chrysler Canada" read as a person is a company when "Chrysler Corp" is one."""
        firsts = {}
        for mention in self.mentions:
            if mention.kind is Kind.ORGANISATION and mention.last - mention.first > 1:
                word = self.tokens[mention.first]
                if not word.acronym and word.lower not in DEMONYMS and gazetteer.lookup(word.text) is None:
                    firsts.setdefault(word.text, mention.value)
        if not firsts:
            return
        surnames = {self.tokens[mention.last - 1].text for mention in self.mentions if mention.kind is Kind.PERSON}
        for position, mention in enumerate(self.mentions):
            first_word = self.tokens[mention.first].text
            if mention.kind is Kind.PERSON and first_word in firsts and first_word not in surnames \
                    and self._role_noun_before(mention.context) is None:  # "analyst Arvid Jauppi of Arvid Jauppi Inc"
                self.mentions[position] = mention._replace(kind=Kind.ORGANISATION, role=None)
                self.person_tokens = self.given_names = None
        self.company_words = firsts

    def _reread_unread(self) -> None:
        """A span read as nothing may be a name the article defines later: "Voice of America" before "(VOA)"."""
        known = self._known_names()
        for first, last in self.unread:
            reading = known.get(self.article.span_text(first, last))
            if reading is not None and reading[0] is not Kind.THING:
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
                self._add(Kind.ORGANISATION, NEWS_AGENCY_NAMES.get(text.lower(), text), index + 1, index + 2,
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
                    or not may_open(self.doc, index):
                index += 1
                continue
            end = index + 1
            structured = False
            while end < count:
                following = tokens[end]
                if following.sentence != tokens[end - 1].sentence and not soft_boundary(self.doc, end):
                    break
                if tokens[end - 1].suffix or end in self.consumed:
                    break
                if end - 1 > index and tokens[end - 1].lower in LEGAL_SUFFIXES \
                        and following.lower not in LEGAL_SUFFIXES:
                    break  # "American Motors Corp. Moody's said": a company's name ends at its suffix
                if continues(self.doc, end):
                    end += 1
                    continue
                if bracket_inside_name(self.doc, end):
                    end += 3
                    continue
                if partnership_comma(self.doc, index, end):
                    end += 1
                    continue
                if self._connects(end, structured, index):
                    structured = structured or following.lower in STRUCTURE_CONNECTORS or following.lower == "on"
                    end += 1
                    continue
                break
            while end - 1 > index and not tokens[end - 1].capitalised:
                end -= 1  # a trailing connector
            if end - 2 > index and tokens[end - 1].lower in DEMONYMS and tokens[end - 2].lower in STRUCTURE_CONNECTORS:
                end -= 2  # "the Association of British insurers": the name goes on in lower case
            spans.append((index, end))
            index = end
        return spans

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
            return following.capitalised and (previous.lower in PLURAL_POSSESSORS or company_possessive(self.doc, index)
                                              or place_possessive(self.doc, index))
        if plural_possessive(self.doc, index):
            return continues(self.doc, index + 1)  # "the Transport and General Workers' Union"
        if not token.text.islower():
            return False
        if lower in STRUCTURE_CONNECTORS:
            return continues(self.doc, index + 1) or following.lower == "the" and index + 2 < len(tokens) \
                and continues(self.doc, index + 2)
        if lower == "the":
            return previous.lower in STRUCTURE_CONNECTORS and continues(self.doc, index + 1)
        if lower == "and":
            if not continues(self.doc, index + 1):
                return False
            if following.lower in COMPANY_TAILS:
                return True
            if gazetteer.lookup(previous.text) is None and org_head_ahead(self.doc, index + 1) \
                    and not following.acronym and not listed_before(self.doc, start, index - 1):
                # "Securities and Exchange Commission", "Food and Drug Administration"; but two names in a list:
                # "Universal and Warner Brothers", "Sony Pictures and MGM Studios"
                return True
            if self._portfolio_word(index - 1) and not title_word(following) and title_ahead(self.doc, index + 1):
                return True  # "Trade and Industry Secretary Jane Doe"; but "Smith and Prime Minister Jones"
            joined = f"{previous.text} and {following.text}"
            return structured or gazetteer.lookup(joined) is not None
        if lower == "on":
            return previous.lower in ON_HEADS and continues(self.doc, index + 1)
        if particle(token):
            after = index + 1
            while after < len(tokens) and particle(tokens[after]) and after - index < 3:
                after += 1  # "van der", "de la"
            return (previous.capitalised or particle(previous)) and after < len(tokens) and continues(self.doc, after)
        return False

    def _portfolio_word(self, index: int) -> bool:
        """A word naming a field of government, capitalised in an office: "Trade", "Fisheries", "Culture"."""
        token = self.tokens[index]
        return token.capitalised and not token.acronym and not title_word(token) and not self._in_person(index)

    # ------------------------------------------------------------------ one span

    def _read_span(self, first: int, last: int) -> None:
        tokens = self.tokens
        if self._read_party(first, last):
            return
        first = trim(self.doc, first, last)
        if first >= last:
            return
        if after_work_noun(self.doc, first):
            self.mentions.append(Mention(Kind.THING, self.article.span_text(first, last), first, last))
            return  # "his album Egypt", "the movie Ice Age": a title, not a place or a person
        if tokens[first].lower in STORM_WORDS or self.article.span_text(first, last).lower() in DEMONYMS:
            return
        if self._read_broadcaster_service(first, last) or self._read_demonym_body(first, last) \
                or self._read_web_address(first, last):
            return
        if lettered_label(tokens, last, self.article.initial):
            self.mentions.append(Mention(Kind.THING, self.article.span_text(first, last + 1), first, last + 1))
            return  # "Pool A", "Group C": a draw's label, not the town of Pool
        if last - first > 2 and tokens[first].lower in ORG_HEADS and tokens[first + 1].lower in STRUCTURE_CONNECTORS \
                and self._read_headed(first, last):
            return  # "Association of Chief Police Officers" is no officer
        if self._employer_position(first) and not self._read_headed(first, last) \
                and gazetteer.lookup(self.article.span_text(first, last)) is None:
            self._add(Kind.ORGANISATION, self.article.span_text(first, last), first, last, strength=2)
            return
        if self._read_titled_person(first, last):
            return
        if common_surname_after_role(self.doc, first, last) and self._read_person(first, last):
            return  # "said Mike Lake, a Yukos spokesman": the role says a person, not a lake
        if self._read_person_of_firm(first, last):
            return
        if self._read_headed(first, last):
            return
        if self._read_defined(first, last):
            return
        if last - first > 1 and organisation_noun_before(self.doc, first) \
                and gazetteer.lookup(self.article.span_text(first, last)) is None \
                and not any(title_word(token) for token in tokens[first:last]):
            self._add(Kind.ORGANISATION, self.article.span_text(first, last), first, last, strength=2)
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
                and tokens[end + 1].start == tokens[end].end and tokens[end + 1].lower in WEB_DOMAINS \
                and tokens[end + 1].sentence == tokens[first].sentence:  # a fact stays inside its sentence
            end += 2
        if end == last:
            return False
        self._add(Kind.ORGANISATION, self.article.span_text(first, end), first, end, strength=3)
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
        self._add(Kind.ORGANISATION, self.article.span_text(first, last), first, last, strength=2)
        return True

    def _read_demonym_body(self, first: int, last: int) -> bool:
        """"the Scottish Executive": a nationality and a word for a government are that government."""
        tokens = self.tokens
        if last - first != 2 or tokens[first].lower not in DEMONYMS or tokens[first + 1].lower not in DEMONYM_BODIES:
            return False
        self._add(Kind.ORGANISATION, self.article.span_text(first, last), first, last, strength=2)
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
            if self.mentions[-1].kind is not Kind.PERSON:
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
                             and tokens[role_start - 1].lower not in ROLE_LINKS) and link - role_start < 4:
                    role_start -= 1
                person = self.mentions[-1]
                self.mentions[-1] = person._replace(role=self.article.span_text(role_start, start),
                                                    context=role_start)
                self.person_tokens = None
                return True
        return False

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
            self._add(Kind.ORGANISATION, "Tories" if lower == "tory" else text, first, last, strength=2)
            return True
        if lower in PARTY_ADJECTIVES and last < len(tokens) and tokens[last].lower == "party" \
                and tokens[last].sentence == tokens[first].sentence:
            self._add(Kind.ORGANISATION, self.article.span_text(first, last + 1), first, last + 1, strength=2)
            return True
        return False

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
        if tokens[titles[-1]].lower in TITLE_MODIFIERS:
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
        self._add(Kind.PERSON, self.article.span_text(value_first, last), value_first, last, strength=3,
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
                    self._add(Kind.PLACE, place.name, index, index + 1, strength=2)
                elif not countries_only:
                    self.pending.append(Pending(index, ""))
                index += 1
                continue
            if token.lower in DEMONYMS:
                index += 1
                continue
            matched = gazetteer_match(self.doc, index, last)
            if not matched or matched[1].kind < (PlaceKind.COUNTRY if countries_only else PlaceKind.SUBDIVISION) \
                    and not (cities and matched[1].population >= gazetteer.BIG_CITY):
                return
            end, place = matched
            self._add(Kind.PLACE, place.name, index, end, strength=2)
            index = end

    def _read_organisation_in_role(self, first: int, last: int) -> None:
        """"General Motors Chief Executive Mary Barra": an organisation's name inside the role."""
        tokens = self.tokens
        for index in range(first, last):
            if title_word(tokens[index]):
                self._read_organisation_after_title(index + 1, last)
                return
            if tokens[index].lower in ORG_HEADS and index > first:
                self._add(Kind.ORGANISATION, self.article.span_text(first, index + 1), first, index + 1, strength=2)
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
            if head_kind(self.doc, head, start, last) is Kind.ORGANISATION:
                value = self.article.span_text(start, head + 1)
                self._add(Kind.ORGANISATION, value, start, head + 1, strength=2)
                return

    def _read_headed(self, first: int, last: int) -> bool:
        """Names read by their head word: "... Ministry", "Department of ...", "... Palace", "... Initiative"."""
        tokens = self.tokens
        heads = [index for index in range(first, last) if (index == last - 1 or tokens[index + 1].lower in
                                                           STRUCTURE_CONNECTORS | {"on", "&"})
                 and head_kind(self.doc, index, first, last) is not None]
        if not heads:
            return self._read_place_prefix(first, last)
        head = heads[-1]
        for index in heads:
            if index + 1 < last and tokens[index + 1].lower in STRUCTURE_CONNECTORS | {"on"}:
                head = index
                break
        kind = head_kind(self.doc, head, first, last)
        start = first
        # "Mission Director for the U.S. Agency for ...": the organisation starts after the title phrase.
        for index in range(first, head):
            if title_word(tokens[index]) and index + 1 < head and tokens[index + 1].lower in STRUCTURE_CONNECTORS:
                start = index + 2
                while start < head and tokens[start].lower == "the":
                    start += 1
        if start == head and kind is not Kind.THING and tokens[head].lower not in SINGLE_ORGS:
            if head + 1 >= last:
                return start > first  # a bare head word ("the Department") names nothing
        others = [token for index, token in enumerate(tokens[start:last], start) if index != head and token.word
                  and token.lower not in HEADLINE_WORDS]
        if others and all(len(token.text) == 1 or token.text[:1].isdigit() for token in others):
            return True  # "Group B", "Division One" are no organisations
        if kind is Kind.ORGANISATION and followed_by(self.doc, last, SPOKESPERSON_NOUNS):
            kind = Kind.ORGANISATION
        elif kind is Kind.PLACE and (followed_by(self.doc, last, SPOKESPERSON_NOUNS)
                                      or organisation_noun_before(self.doc, start)):
            kind = Kind.ORGANISATION  # "A Harwick Palace spokeswoman said", "media giant Clear Signal"
        value = self.article.span_text(start, last)
        if kind is Kind.PLACE:
            place = gazetteer.lookup(value)
            value = place.name if place else value
        self._read_modifiers(start, head, countries_only=kind is not Kind.THING, cities=kind is Kind.THING)
        self._add(kind, value, start, last, strength=2)
        self._define_acronym(last, kind, value)
        return True

    def _read_place_prefix(self, first: int, last: int) -> bool:
        """"Cape Canaveral", "Mount Kenya", "Lake Victoria"."""
        tokens = self.tokens
        if last - first >= 2 and tokens[first].lower in PLACE_PREFIXES and tokens[first + 1].capitalised:
            value = self.article.span_text(first, last)
            place = gazetteer.lookup(value)
            self._add(Kind.PLACE, place.name if place else value, first, last, strength=2)
            return True
        return False

    def _read_defined(self, first: int, last: int) -> bool:
        """"Voice of America (VOA)": a name whose acronym follows in brackets is an organisation."""
        acronym = acronym_after(self.doc, last)
        if acronym is None or last - first < 2:
            return False
        words = [token for token in self.tokens[first:last] if token.word]
        if not initials_match(acronym, words):
            return False
        after = self.tokens[last + 3] if last + 3 < len(self.tokens) else None
        generic = all(ordinary_word(word.lower) or word.lower in HEADLINE_WORDS for word in words)
        if generic or after is not None and after.text.islower() and after.lower in NAMED_THING_HEADS:
            self.mentions.append(Mention(Kind.THING, self.article.span_text(first, last), first, last))
            self.acronyms.setdefault(self.tokens[last + 1].text, (Kind.THING, self.article.span_text(first, last)))
            return True  # "Digital Rights Management (DRM)", "the Networked Media (NEM) initiative"
        place = gazetteer.lookup(self.article.span_text(first, last))
        kind = Kind.PLACE if place is not None else Kind.ORGANISATION
        value = place.name if place is not None else self.article.span_text(first, last)
        self._add(kind, value, first, last, strength=2)
        self._define_acronym(last, kind, value)
        return True

    def _define_acronym(self, last: int, kind: Kind, value: str) -> None:
        acronym = acronym_after(self.doc, last)
        tokens = self.tokens
        if acronym is None and last + 2 < len(tokens) and tokens[last].text == "," and tokens[last + 1].acronym \
                and tokens[last + 2].text in (",", ".", ";") and initials_match(
                    tokens[last + 1].text, [token for token in tokens[self._span_start(last):last] if token.word]):
            acronym = tokens[last + 1].text  # "the Brazilian Coffee Institute, IBC, said"
        if acronym is not None and acronym not in self.acronyms:
            self.acronyms[acronym] = (kind, value)
            if kind is not Kind.THING:
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
        self._add(Kind.PLACE, place.name, first, last, strength=2)
        self._define_acronym(last, Kind.PLACE, place.name)
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
                self._add(Kind.PLACE, place.name, index + 1, last, strength=2)
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
                or common_surname_after_role(self.doc, start, last)):
            return False  # "John Major", "Larry King": a title word can be a surname
        if any(token.acronym and not initials(token) for token in words) or not tokens[start].capitalised:
            return False
        if gazetteer.lookup(article.span_text(start, last)) is not None:
            return False
        if start > 0 and tokens[start - 1].lower == "its":
            return False  # "its Motech Auto Mechanic schools": what a company owns is no person
        if last < len(tokens) and (tokens[last].lower in NAMED_THING_HEADS or tokens[last].lower in WORK_NOUNS) \
                and tokens[last].text.islower():
            self.mentions.append(Mention(Kind.THING, article.span_text(start, last), start, last))
            return True  # "a Golden Globe award", "a Poll Winners concert"
        if organisation_noun_before(self.doc, start) or organisation_appositive(self.doc, last) \
                or self._employer_position(first) or self._employs_next(last):
            kind = Kind.ORGANISATION
        elif strong_place_cue(self.doc, start, last, single=False) and not person_cue(self.doc, start, last):
            kind = Kind.PLACE
        else:
            plain = sum(name_word(token, article, strict=True) for token in words)
            if plain < len(words) and not person_cue(self.doc, start, last) \
                    and not common_surname_after_role(self.doc, start, last):
                return False
            if initials(words[0]) and not self._named_by_initials(start, last):
                return False
            kind = Kind.PERSON
        if modifier:
            self._read_modifiers(start - 1, start)
        self._add(kind, article.span_text(start, last), start, last, strength=1 if kind is Kind.PLACE else 2,
                  role=role if kind is Kind.PERSON else None, context=first)
        return True

    def _employs_next(self, last: int) -> bool:
        """"said Prebon Yamane economist Lena Komileva", "Plaid Cymru health spokesman Rhodri Thomas": a name
        before a job (perhaps with a field in front) and a person's name employs them."""
        tokens = self.tokens
        role = last
        while role < min(len(tokens), last + 2) and tokens[role].lower not in ORG_ROLES \
                and modifier_noun(self.doc, role):
            role += 1  # "health spokesman"
        if not (role + 2 < len(tokens) and tokens[role].text.islower()
                and (tokens[role].lower in ORG_ROLES or tokens[role].lower in SPOKESPERSON_NOUNS)
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
        if last < len(tokens) and tokens[last].text == "," and appositive_after(self.doc, last) is not None:
            return True
        if self._role_noun_before(first) is not None:
            return True
        family = tokens[last - 1].text
        return any(token.text == family and not tokens[index - 1].capitalised and not (
            index >= 2 and tokens[index - 1].text == "." and len(tokens[index - 2].text) == 1)  # "J. Hutton"
            for index, token in enumerate(tokens) if index and not first <= index < last)

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
                or known_place(self.article.span_text(first, first + 1)):
            return False
        person = self._people()[link - 1]
        return tokens[link].lower == "of" or bool(person.role) \
            or person.context > 0 and tokens[person.context - 1].lower in ROLE_NOUNS

    def _read_parts(self, first: int, last: int) -> None:
        """A span no reading takes whole: read its leading modifiers and its single words."""
        tokens = self.tokens
        if last - first == 1:
            self.pending.append(Pending(first, self._cue(first)))
            return
        self.unread.append((first, last))
        index = first
        while index < last:
            matched = gazetteer_match(self.doc, index, last)
            if matched and surname_particle(tokens, index, matched[0], last):
                break  # "Van Ginsberg", "De Mel": the name's particle, not the town of Van
            if matched:
                end, place = matched
                if place.kind >= PlaceKind.SUBDIVISION or place.population >= gazetteer.BIG_CITY:
                    self._add(Kind.PLACE, place.name, index, end, strength=2)
                    index = end
                    continue
            token = tokens[index]
            if token.acronym and index == first:
                self.pending.append(Pending(index, ""))
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
            if tokens[index].lower in STRUCTURE_CONNECTORS:
                after = index + 1
                while after < last and tokens[after].lower == "the":
                    after += 1
                if index - first == 1:
                    self.pending.append(Pending(first, self._cue(first)))
                elif 2 <= index - first <= 4 and after < last \
                        and (self._read_titled_person(first, index) or self._read_person(first, index)):
                    self._read_span(after, last)  # "Ann Pzeno of Sanford Bernard": a person, then their firm
                    return
                if last - after == 1:
                    self.pending.append(Pending(after, self._cue(after)))
                return

    def _read_city_state(self, last: int, name: str, first: int) -> None:
        """"Washington, DC" and "Austin, Texas" are one place name in a dateline or an address."""
        tokens = self.tokens
        if last + 1 < len(tokens) and tokens[last].text == "," and tokens[last + 1].lower in US_STATE_CODES \
                and tokens[last + 1].text[:1].isupper():
            self._add(Kind.PLACE, self.article.span_text(first, last + 2), first, last + 2, strength=3)
            self.consumed.add(last + 1)

    # ------------------------------------------------------------------ context

    def _cue(self, index: int) -> str:
        tokens, doc = self.tokens, self.doc
        if followed_by(doc, index + 1, SPOKESPERSON_NOUNS) \
                or organisation_noun_before(doc, index) and not gazetteer.is_region_or_country(tokens[index].text) \
                or self._employer_position(index) or organisation_appositive(doc, index + 1) \
                or organisation_context(doc, index) and not known_place(tokens[index].text):
            return "org"
        if title_before(doc, index):
            return "person"
        if sport_role_after(doc, index) or possessive_after(doc, index) and player_after(doc, index + 2) \
                and town(tokens[index].text):
            return "club"  # "Leeds boss Alan Crane", "Parma's Luca Frey"
        if possessive_after(doc, index) or tokens[index].suffix in AGENT_HYPHEN_SUFFIXES:
            return "owner"  # "Microsoft's Xbox", "NEC-backed": an organisation unless a place or a person
        if strong_place_cue(doc, index, index + 1) or in_dateline(doc, index):
            return "place"
        before = tokens[index - 1] if index else None
        if before is not None and before.lower in WEAK_PLACE_PREPOSITIONS and before.sentence == tokens[index].sentence:
            return "weak-place"
        if landmark(self.doc, index):
            return "landmark"
        return ""

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

    def _read_listed(self, waiting: list[Pending], known: dict[str, tuple[Kind, str]]) -> None:
        """Single names read as nothing that stand in a list with an organisation are organisations too."""
        tokens = self.tokens
        waiting = [pending for pending in waiting if pending.index not in self.consumed
                   and tokens[pending.index].text not in known and not tokens[pending.index].acronym
                   and not known_place(tokens[pending.index].text)
                   and (proper_noun(self.doc, pending.index) or pending.index in self.article.initial
                        and tokens[pending.index].text in self.doc.mid_sentence_capitals
                        and name_word(tokens[pending.index], self.article, strict=True))]
        if not waiting:
            return
        firsts = {mention.first for mention in self.mentions if mention.kind is Kind.ORGANISATION}
        lasts = {mention.last for mention in self.mentions if mention.kind is Kind.ORGANISATION}
        for _ in range(3):
            listed = [pending for pending in waiting if listed_with(self.doc, pending.index, firsts, lasts)]
            for pending in listed:
                self._add(Kind.ORGANISATION, tokens[pending.index].text, pending.index, pending.index + 1)
                self.consumed.add(pending.index)
                firsts.add(pending.index)
                lasts.add(pending.index + 1)
            waiting = [pending for pending in waiting if pending not in listed]
            if not listed:
                break

    def _known_names(self) -> dict[str, tuple[Kind, str]]:
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
                known.setdefault(re.split(r"['’]s ", mention.value)[0], (mention.kind, mention.value))
        return known

    def _resolve(self, pending: Pending, known: dict[str, tuple[Kind, str]], *, final: bool) -> bool:
        if pending.index in self.consumed:
            return True
        token = self.tokens[pending.index]
        text = token.text
        index = pending.index
        if text in known:
            kind, value = known[text]
            if kind is not Kind.THING:
                self._add(kind, value, index, index + 1, strength=1)
            return True
        lower = token.lower
        if lower in DEMONYMS or lower in MONTHS or lower in WEEKDAYS:
            return True
        if text in self.company_words and name_word(token, self.article, strict=True):
            self._add(Kind.ORGANISATION, self.company_words[text], index, index + 1, strength=1)
            return True
        if pending.cue == "org" and not token.acronym and not head_word(lower) and (
                name_word(token, self.article, strict=True) or proper_noun(self.doc, index)
                or text in self.doc.mid_sentence_capitals and lower not in self.article.lowercase):
            self._add(Kind.ORGANISATION, text, index, index + 1, strength=2)
            return True
        if pending.cue == "person" and not token.acronym and name_word(token, self.article, strict=True) \
                and gazetteer.lookup(text) is None:
            self._add(Kind.PERSON, text, index, index + 1, strength=1, role=self.tokens[index - 1].text)
            return True
        if lower in NEWS_AGENCIES:
            self._add(Kind.ORGANISATION, NEWS_AGENCY_NAMES[lower], index, index + 1, strength=2)
            return True
        if self.article.text.startswith("$", token.end):
            return True  # "US$6.16 million"
        place = gazetteer.lookup(text)
        if token.acronym:
            if place is not None and place.kind is PlaceKind.COUNTRY:
                self._add(Kind.PLACE, place.name, index, index + 1, strength=2)
                return True
            if not final:
                return False
            if lower.rstrip(".") not in NON_ORG_ACRONYMS and "." not in text and len(text) <= 6 \
                    and not names_a_product(self.doc, text) and not common_noun_acronym(self.doc, text) \
                    and (len(text) >= 3 or lower in TWO_LETTER_ORGS) and not ordinary_word(lower) \
                    and ORG_ACRONYM.fullmatch(text) and not degree_after_name(self.doc, index) \
                    and not numbered_code(self.tokens, text) \
                    and not self.article.text.startswith("$", token.end):
                self._add(Kind.ORGANISATION, text, index, index + 1, strength=1)
            return True
        if lower in SINGLE_ORGS:
            self._add(Kind.ORGANISATION, text, index, index + 1, strength=2)
            return True
        if pending.cue == "club" and place is not None and place.kind <= PlaceKind.SUBDIVISION:
            self._add(Kind.ORGANISATION, text, index, index + 1, strength=2)
            return True  # "Liverpool boss Rafael Benitez": the club
        if place is not None and (place.kind >= PlaceKind.SUBDIVISION or place.population >= gazetteer.BIG_CITY
                                  or pending.cue in ("place", "weak-place")):
            self._add(Kind.PLACE, place.name, index, index + 1, strength=2)
            self._read_city_state(index + 1, place.name, index)
            return True
        if pending.cue == "owner" and place is None and not ordinary_word(lower) and text not in self._first_names() \
                and (proper_noun(self.doc, index) or text in self.doc.mid_sentence_capitals and not head_word(lower)
                     and lower not in self.article.lowercase and not title_word(token)):
            self._add(Kind.ORGANISATION, text, index, index + 1, strength=1)
            return True
        if pending.cue == "landmark":
            self._add(Kind.PLACE, text, index, index + 1, strength=1)
            return True
        if pending.cue == "place" and name_word(token, self.article, strict=True) \
                and not lower.endswith(DEMONYM_ENDINGS):
            self._add(Kind.PLACE, text, index, index + 1, strength=1)
            self._read_city_state(index + 1, text, index)
            return True
        return final

    def _first_names(self) -> set[str]:
        """First names of the people named in full: "Steve's shot" speaks of a person."""
        if self.given_names is None:
            self.given_names = {mention.value.split()[0] for mention in self._people().values()
                                if len(mention.value.split()) > 1}
        return self.given_names

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
                        reading = (Kind.PLACE, place.name)
                if reading is not None and reading[0] is not Kind.THING and tokens[index].text[:1].isupper():
                    self._add(reading[0], reading[1], index, end, strength=1)
                    index, matched = end, True
                    break
            if not matched:
                index += 1

    # ------------------------------------------------------------------ roles

    def _role_noun_before(self, first: int) -> str | None:
        """"Japanese astronaut Koichi Wakata", "BBC labour affairs correspondent Stephen Cape", "spokeswoman for
        women Sandra Gidley"."""
        tokens = self.tokens
        index = portfolio_start(self.doc, first)
        if index < 0 or not (tokens[index].lower in ROLE_NOUNS or index == first - 1 and agent_noun(self.doc, index)) \
                or tokens[index].capitalised or tokens[index].sentence != tokens[first].sentence:
            return None
        head = index
        capitalised = False
        while index - 1 >= 0 and tokens[index - 1].sentence == tokens[first].sentence and head - index < 3:
            previous = tokens[index - 1]
            lower = previous.lower
            if lower in ROLE_STOPS or lower in ("the", "a", "an", "of", "for", "at", "in", "on", "to", "with"):
                break
            if previous.text in ("'s", "’s") and index - 2 >= 0 and tokens[index - 2].capitalised:
                index -= 2  # "the company's chief"
                continue
            if lower in ("and", "or") and not (index >= 2 and tokens[index - 2].text.islower()
                                               and tokens[index - 2].lower in ROLE_NOUNS):
                break  # "Ian Dole and flanker Rob Kerr"; but "chairman and chief executive"
            if not (lower in ROLE_NOUNS or lower in ROLE_FILLERS or lower in DEMONYMS
                    or previous.capitalised and not self._in_person(index - 1)
                    or not capitalised and modifier_noun(self.doc, index - 1)):
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

    def _in_person(self, index: int) -> bool:
        """Whether a person's name read so far covers token ``index``."""
        return index in self._people()

    def _people(self) -> dict[int, Mention]:
        """The people's names read so far, by each token they cover."""
        if self.person_tokens is None:
            self.person_tokens = {}
            for mention in self.mentions:
                if mention.kind is Kind.PERSON:
                    self.person_tokens.update(dict.fromkeys(range(mention.first, mention.last), mention))
        return self.person_tokens

    # ------------------------------------------------------------------ results

    def _add(self, kind: Kind, value: str, first: int, last: int, *, strength: int = 1,
             role: str | None = None, context: int = -1) -> None:
        self.mentions.append(Mention(kind, " ".join(value.split()), first, last, strength, role,
                                      first if context < 0 else context))
        if kind is Kind.PERSON:
            if self.person_tokens is not None:
                self.person_tokens.update(dict.fromkeys(range(first, last), self.mentions[-1]))
            self.given_names = None

    def facts(self) -> tuple[Fact, ...]:
        """One fact per entity, in the order of the text; at most ``MAX_FACTS_PER_KIND`` of each kind."""
        entities = self._entities()
        facts = sorted((entity_fact(self.doc, entity) for entity in entities if entity.kind is not Kind.THING),
                       key=lambda fact: (fact.start, fact.end))
        counts: dict[FactKind, int] = {}
        kept = []
        for fact in facts:
            counts[fact.kind] = counts.get(fact.kind, 0) + 1
            if counts[fact.kind] <= MAX_FACTS_PER_KIND:
                kept.append(fact)
        return tuple(kept)

    def _entities(self) -> list[Entity]:
        """Group the mentions: surnames join full names, one name read two ways takes its strongest reading."""
        persons = self._person_groups()
        others: dict[str, Entity] = {}
        person_words = {word for entity in persons for word in entity.value.split()}
        for mention in self.mentions:
            if mention.kind is Kind.PERSON:
                continue
            key = name_key(mention.value)
            if mention.kind is Kind.PLACE and mention.strength < 2 and mention.value in person_words:
                continue  # a weak place reading of a word that is someone's name
            entity = others.get(key)
            if entity is None:
                others[key] = Entity(mention.kind, mention.value, [mention], strength=mention.strength)
                continue
            entity.mentions.append(mention)
            if mention.strength > entity.strength:
                entity.kind, entity.strength = mention.kind, mention.strength
        merge_places(self.doc, others)
        merge_organisations(self.doc, others)
        return [*persons, *others.values()]

    def _person_groups(self) -> list[Entity]:
        mentions = sorted((mention for mention in self.mentions if mention.kind is Kind.PERSON),
                          key=lambda mention: self.tokens[mention.first].start)
        full: dict[str, Entity] = {}
        for mention in mentions:
            if len(mention.value.split()) > 1 or noble_title(self.tokens[mention.first]):
                full.setdefault(mention.value, Entity(Kind.PERSON, mention.value))
        # "Conway Jr" is "Harry Conway Jr", "Juan Carlos" is "Juan Carlos Ferro": a shorter full name that ends
        # or starts one longer name is that person
        same: dict[str, Entity] = {}
        starts: dict[str, list[Entity]] = {}
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
        by_surname: dict[str, list[Entity]] = {}
        for entity in {id(entity): entity for entity in full.values()}.values():
            words = entity.value.split()
            if len(words) > 1:
                by_surname.setdefault(surname(entity.value), []).append(entity)
        singles: dict[str, Entity] = {}
        last_seen: dict[str, Entity] = {}
        for mention in mentions:
            entity = full.get(mention.value)
            if entity is None:
                candidates = by_surname.get(mention.value, [])
                if len(candidates) == 1:
                    entity = candidates[0]
                elif candidates:
                    entity = last_seen.get(mention.value, candidates[0])
                else:
                    entity = singles.setdefault(mention.value, Entity(Kind.PERSON, mention.value))
            else:
                last_seen[surname(entity.value)] = entity
            entity.mentions.append(mention)
            self._collect_roles(entity, mention)
        unique = {id(entity): entity for entity in [*full.values(), *singles.values()]}
        return [entity for entity in unique.values() if entity.mentions]

    def _collect_roles(self, entity: Entity, mention: Mention) -> None:
        before = appositive_before(self.doc, mention.context)
        after = appositive_after(self.doc, mention.last) if mention.last < len(self.tokens) \
            and self.tokens[mention.last].text == "," else None
        for role in (before, after):
            if role:
                entity.roles.append((ROLE_PRIORITY_APPOSITIVE, role))
        if mention.role:
            entity.roles.append((ROLE_PRIORITY_TITLE, mention.role))
        noun = self._role_noun_before(mention.context)
        if noun:
            entity.roles.append((ROLE_PRIORITY_NOUN, noun))


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


def score_line_sides(tokens: tuple[Token, ...]) -> list[tuple[int, int]]:
    """Token ranges of the capitalised names right before and right after a score ("31-37"), in pairs."""
    sides = []
    for index in range(1, len(tokens) - 3):
        score, dash, other = tokens[index:index + 3]
        if not (SCORE.fullmatch(score.text) and dash.text in ("-", "–") and SCORE.fullmatch(other.text)
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


def numbered_code(tokens: tuple[Token, ...], text: str) -> bool:
    """Whether capitals are always written with a number after them: "RIC 103", "FTSE 100", "A 320".

    Journalists write an organisation's acronym alone; one that never comes without a number names a
    series: a plant clone, a model, a crude grade, an index.
    """
    following = [tokens[index + 1] if index + 1 < len(tokens) else None
                 for index, token in enumerate(tokens) if token.text == text]
    return bool(following) and all(token is not None and token.text[:1].isdigit() and not token.word
                                   for token in following)


