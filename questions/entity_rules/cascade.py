"""Read one candidate span: the runs of capitalised words, then the rules tried on each, in order."""
from __future__ import annotations

from questions import gazetteer
from questions.entity_rules import organisations, people, places, single_words
from questions.entity_rules.cues import after_work_noun, organisation_noun_before
from questions.entity_rules.document import Kind, Pending, gazetteer_match
from questions.entity_rules.findings import Findings
from questions.entity_rules.roles import common_surname_after_role
from questions.entity_rules.spans import (
    bracket_inside_name, company_possessive, continues, listed_before, may_open, org_head_ahead, partnership_comma,
    place_possessive, plural_possessive, soft_boundary, title_ahead, trim,
)
from questions.entity_rules.words import ON_HEADS, PLURAL_POSSESSORS, STRUCTURE_CONNECTORS
from questions.gazetteer import PlaceKind
from questions.lexicon import (
    COMPANY_TAILS, DEMONYMS, HONORIFICS, LEGAL_SUFFIXES, NAME_PARTICLES, ORG_HEADS, PARTY_NAMES, ROLE_NOUNS,
    STORM_WORDS,
)
from questions.names import Token, particle, title_word


def candidate_spans(found: Findings) -> list[tuple[int, int]]:
    """Runs of capitalised words, with the connectors that hold one name together."""
    tokens, article = found.tokens, found.article
    spans = []
    index, count = 0, len(tokens)
    caps_insensitive = article.caps_insensitive
    while index < count:
        token = tokens[index]
        if not token.capitalised or token.sentence in caps_insensitive or index in found.consumed \
                or not may_open(found.doc, index):
            index += 1
            continue
        end = index + 1
        structured = False
        while end < count:
            following = tokens[end]
            if following.sentence != tokens[end - 1].sentence and not soft_boundary(found.doc, end):
                break
            if tokens[end - 1].suffix or end in found.consumed:
                break
            if end - 1 > index and tokens[end - 1].lower in LEGAL_SUFFIXES \
                    and following.lower not in LEGAL_SUFFIXES:
                if (place_end := _place_after_of(found, end)) is not None:
                    end = place_end  # "General Telephone Co of California": the state is the firm's, no body
                break  # "American Motors Corp. Moody's said": a company's name ends at its suffix
            if continues(found.doc, end):
                end += 1
                continue
            if bracket_inside_name(found.doc, end):
                end += 3
                continue
            if partnership_comma(found.doc, index, end):
                end += 1
                continue
            if connects(found, end, structured, index):
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


def _place_after_of(found: Findings, end: int) -> int | None:
    """Where "of" and a known place after a company's suffix end, when the name ends there: "Co of California,",
    "Co of Canada Ltd"."""
    tokens = found.tokens
    if end + 1 >= len(tokens) or tokens[end].text != "of":
        return None
    for size in (2, 1):
        last = end + 1 + size
        if last <= len(tokens) and all(token.capitalised and token.sentence == tokens[end].sentence
                                       for token in tokens[end + 1:last]) \
                and (place := gazetteer.lookup(found.article.span_text(end + 1, last))) is not None \
                and place.kind > gazetteer.PlaceKind.CITY:  # a state's or a country's firm; "of Stockholm" says where
            if last < len(tokens) and tokens[last].lower in LEGAL_SUFFIXES:
                return last + 1  # "Ford Motor Co of Canada Ltd"
            if last == len(tokens) or not tokens[last].capitalised:
                return last
    return None


# Roles an award or a record gives, never a firm: "Naomi Watts and Oscar winner Adrien Brody" are two people.
_DISTINCTIONS = frozenset("winner winners champion laureate nominee medallist medalist finalist holder".split())


def firm_before_a_job(found: Findings, index: int) -> bool:
    """Whether the one capitalised word at ``index`` (a partner's name after "and") is followed by a job and a
    person's name: "McGinley analyst Denis Karnosky". A party, a place, a body or a title there is no partner:
    "Blair and Labour chairman Ian McCartney"."""
    tokens = found.tokens
    if index + 2 >= len(tokens) or tokens[index + 1].sentence != tokens[index].sentence:
        return False
    partner, job, name = tokens[index], tokens[index + 1], tokens[index + 2]
    return partner.capitalised and not partner.acronym and job.text.islower() and job.lower in ROLE_NOUNS \
        and job.lower not in _DISTINCTIONS \
        and name.capitalised and name.sentence == partner.sentence \
        and partner.lower not in ORG_HEADS and partner.lower not in PARTY_NAMES and partner.lower not in DEMONYMS \
        and not title_word(partner) and gazetteer.lookup(partner.text) is None


def connects(found: Findings, index: int, structured: bool, start: int) -> bool:
    """Whether the lower-case word or sign at ``index`` joins the capitalised words of the run from ``start``."""
    tokens = found.tokens
    if index + 1 >= len(tokens) or tokens[index + 1].sentence != tokens[index].sentence:
        return False
    token, previous, following = tokens[index], tokens[index - 1], tokens[index + 1]
    lower = token.lower
    if token.text == "&":
        return following.capitalised
    if lower in ("'s", "’s"):
        return following.capitalised and (previous.lower in PLURAL_POSSESSORS or company_possessive(found.doc, index)
                                          or place_possessive(found.doc, index))
    if plural_possessive(found.doc, index):
        return continues(found.doc, index + 1)  # "the Transport and General Workers' Union"
    # "Berliner Handels- und Frankfurter Bank": a hyphen left hanging before "und" shares the name's last word
    if token.text == "-" and token.start == previous.end and following.lower in ("und", "and"):
        return index + 2 < len(tokens) and tokens[index + 2].sentence == token.sentence and \
            continues(found.doc, index + 2)
    if lower in ("und", "and") and previous.text == "-" and tokens[index - 2].end == previous.start:
        return continues(found.doc, index + 1)
    if not token.text.islower():
        return False
    if lower in STRUCTURE_CONNECTORS:
        return continues(found.doc, index + 1) or following.lower == "the" and index + 2 < len(tokens) \
            and continues(found.doc, index + 2)
    if lower == "the":
        return previous.lower in STRUCTURE_CONNECTORS and continues(found.doc, index + 1)
    if lower == "and":
        if not continues(found.doc, index + 1):
            return False
        if following.lower in COMPANY_TAILS:
            return True
        if gazetteer.lookup(previous.text) is None and org_head_ahead(found.doc, index + 1) \
                and not following.acronym and not listed_before(found.doc, start, index - 1) \
                and not (start and tokens[start - 1].lower == "between"):  # "between Comdata and Mason Best Co"
            # "Securities and Exchange Commission", "Food and Drug Administration"; but two names in a list:
            # "Universal and Warner Brothers", "Sony Pictures and MGM Studios"
            return True
        if firm_before_a_job(found, index + 1) and not listed_before(found.doc, start, index - 1):
            return True  # "said Carroll McEntee and McGinley analyst Denis Karnosky": a firm, then its analyst
        if portfolio_word(found, index - 1) and not title_word(following) and title_ahead(found.doc, index + 1):
            return True  # "Trade and Industry Secretary Jane Doe"; but "Smith and Prime Minister Jones"
        joined = f"{previous.text} and {following.text}"
        return structured or gazetteer.lookup(joined) is not None
    if lower == "on":
        return previous.lower in ON_HEADS and continues(found.doc, index + 1)
    if particle(token):
        after = index + 1
        while after < len(tokens) and particle(tokens[after]) and after - index < 3:
            after += 1  # "van der", "de la"
        return (previous.capitalised or particle(previous)) and after < len(tokens) and continues(found.doc, after)
    return False


def portfolio_word(found: Findings, index: int) -> bool:
    """A word naming a field of government, capitalised in an office: "Trade", "Fisheries", "Culture"."""
    token = found.tokens[index]
    return token.capitalised and not token.acronym and not title_word(token) and not found.in_person(index)


def read_span(found: Findings, first: int, last: int) -> None:
    """Try the rules on one span in order, the first that takes it wins: parties, titles, heads, names."""
    tokens = found.tokens
    if organisations.read_party(found, first, last):
        return
    first = trim(found.doc, first, last)
    if first >= last:
        return
    if after_work_noun(found.doc, first):
        found.add_thing("read_span", found.article.span_text(first, last), first, last)
        return  # "his album Egypt", "the movie Ice Age": a title, not a place or a person
    if tokens[first].lower in STORM_WORDS or found.article.span_text(first, last).lower() in DEMONYMS:
        return
    if organisations.read_broadcaster_service(found, first, last) \
            or organisations.read_demonym_body(found, first, last) \
            or organisations.read_web_address(found, first, last):
        return
    if lettered_label(tokens, last, found.article.initial):
        found.add_thing("read_span", found.article.span_text(first, last + 1), first, last + 1)
        return  # "Pool A", "Group C": a draw's label, not the town of Pool
    if last - first > 2 and tokens[first].lower in ORG_HEADS and tokens[first + 1].lower in STRUCTURE_CONNECTORS \
            and organisations.read_headed(found, first, last):
        return  # "Association of Chief Police Officers" is no officer
    if people.employer_position(found, first) and not organisations.read_headed(found, first, last) \
            and gazetteer.lookup(found.article.span_text(first, last)) is None:
        found.add("read_span", Kind.ORGANISATION, found.article.span_text(first, last), first, last, strength=2)
        return
    if people.read_titled_person(found, first, last):
        return
    if common_surname_after_role(found.doc, first, last) and people.read_person(found, first, last):
        return  # "said Mike Lake, a Yukos spokesman": the role says a person, not a lake
    if people.read_person_of_firm(found, first, last):
        return
    if organisations.read_headed(found, first, last):
        return
    if organisations.read_defined(found, first, last):
        return
    if last - first > 1 and organisation_noun_before(found.doc, first) \
            and gazetteer.lookup(found.article.span_text(first, last)) is None \
            and not any(title_word(token) for token in tokens[first:last]):
        found.add("read_span", Kind.ORGANISATION, found.article.span_text(first, last), first, last, strength=2)
        return  # "Japanese rival All Kestrel", "carmaker Vanta Motors"
    if places.read_gazetteer(found, first, last):
        return
    if people.read_person_of_place(found, first, last):
        return
    if last - first > 3 and people.read_person_after_portfolio(found, first, last):
        return  # "branch manager of Credit Suisse Paul Hofer": the firm, then the name, the comma left out
    if people.read_person(found, first, last):
        return
    if people.read_person_after_portfolio(found, first, last):
        return
    read_parts(found, first, last)


def read_parts(found: Findings, first: int, last: int) -> None:
    """A span no reading takes whole: read its leading modifiers and its single words."""
    tokens = found.tokens
    if last - first == 1:
        found.pending.append(Pending(first, single_words.single_word_cue(found, first)))
        return
    found.unread.append((first, last))
    index = first
    while index < last:
        matched = gazetteer_match(found.doc, index, last)
        if matched and surname_particle(tokens, index, matched[0], last):
            break  # "Van Ginsberg", "De Mel": the name's particle, not the town of Van
        if matched:
            end, place = matched
            if place.kind >= PlaceKind.SUBDIVISION or place.population >= gazetteer.BIG_CITY:
                found.add("read_parts", Kind.PLACE, place.name, index, end, strength=2)
                index = end
                continue
        token = tokens[index]
        if token.acronym and index == first:
            found.pending.append(Pending(index, ""))
        elif token.lower in DEMONYMS or index == first and token.lower in HONORIFICS:
            pass
        else:
            break
        index += 1
    if first < index < last:
        read_span(found, index, last)
    elif index == first:
        read_split_on_of(found, first, last)


def read_split_on_of(found: Findings, first: int, last: int) -> None:
    """"The Great Hall of the People" aside, two names joined by "of" are read one by one."""
    tokens = found.tokens
    for index in range(first + 1, last - 1):
        if tokens[index].lower in STRUCTURE_CONNECTORS:
            after = index + 1
            while after < last and tokens[after].lower == "the":
                after += 1
            if index - first == 1:
                found.pending.append(Pending(first, single_words.single_word_cue(found, first)))
            elif 2 <= index - first <= 4 and after < last \
                    and (people.read_titled_person(found, first, index) or people.read_person(found, first, index)):
                read_span(found, after, last)  # "Ann Pzeno of Sanford Bernard": a person, then their firm
                return
            if last - after == 1:
                found.pending.append(Pending(after, single_words.single_word_cue(found, after)))
            return


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
