"""People: titles before names ("Colonel General ..."), plain full names, roles, a person then their firm."""
from __future__ import annotations

import re
from collections.abc import Sequence

from questions import gazetteer
from questions.entity_rules import cascade, organisations, places
from questions.entity_rules.cues import (
    organisation_appositive, organisation_noun_before, person_cue, place_appositive, strong_place_cue,
)
from questions.entity_rules.document import Kind, known_place
from questions.entity_rules.findings import Findings
from questions.entity_rules.roles import (
    agent_noun, appositive_after, common_surname_after_role, modifier_noun, portfolio_start,
)
from questions.entity_rules.words import KIN, ORG_ROLES, ROLE_LINKS, ROLE_STOPS, TITLE_MODIFIERS
from questions.lexicon import (
    COMPANY_TAILS, COMPASS_WORDS, DEMONYMS, HEADLINE_WORDS, HONORIFICS, LEGAL_SUFFIXES, NAMED_THING_HEADS, ORG_HEADS,
    PRODUCT_NOUNS, ROLE_FILLERS, ROLE_NOUNS, SPEECH_VERBS, SPOKESPERSON_NOUNS,
)
from questions.names import Token, head_word, initials, name_word, noble_title, particle, title_word


def read_person_of_firm(found: Findings, first: int, last: int) -> bool:
    """"said Daniel Roling of Merrill Lynch and Co.": an analyst's name, then the firm's, is two names.

    Only when the firm's part ends in a company's suffix or head word, so "Bank of England" stays whole.
    """
    tokens = found.tokens
    for link in range(first + 2, min(first + 4, last - 1)):
        if tokens[link].lower != "of":
            continue
        start = link + 1
        while start < last and tokens[start].lower == "the":
            start += 1
        tail = tokens[last - 1].lower
        if start >= last or not (tail in LEGAL_SUFFIXES or tail in ORG_HEADS or tail in COMPANY_TAILS):
            return False
        # A head word is no person's ("Finance Bill of ..."), unless it stands as a first name ("Bill Sullivan of")
        if any(head_word(token.lower) and not (index == first and link - first == 2
                                               and name_word(token, found.article, given=True))
               or title_word(token) for index, token in enumerate(tokens[first:link], first)):
            return False
        count = len(found.mentions)
        if not read_person(found, first, link):
            return False
        if found.mentions[-1].kind is not Kind.PERSON:
            del found.mentions[count:]
            return False
        cascade.read_span(found, start, last)
        return True
    return False


# Nouns that say how one person stands to another: "aide to", "associate of" the named office-holder.
_RELATIONS = KIN | frozenset("associate aide adviser advisor assistant friend ally colleague rival critic spokesman "
                             "spokeswoman spokesperson".split())


def read_person_after_portfolio(found: Findings, first: int, last: int) -> bool:
    """"Shadow leader of the Commons Jo Hale": the office's capitalised words, then the name."""
    tokens = found.tokens
    link = first - 1
    while link >= 0 and tokens[link].lower == "the":
        link -= 1
    if link >= 1 and tokens[link - 1].lower in _RELATIONS:
        return False  # "an associate of Treasury Secretary James Baker": the associate is someone else
    if last - first < 3 or link < 1 or tokens[link].lower not in ("of", "for", "to") \
            or not (tokens[link - 1].lower in ROLE_NOUNS and tokens[link - 1].text.islower()
                    or title_word(tokens[link - 1])):
        return False  # "leader of the Commons Jo Hale", "Chief Secretary to the Treasury Ian Vole"
    if tokens[first].lower in COMPASS_WORDS:
        return False  # "joint leader of the South Shropshire Hunt": a body named after a region, no person in it
    for start in (last - 2, last - 3):
        if start > first and read_person(found, start, last):
            role_start = link - 1
            while role_start > 0 and tokens[role_start - 1].sentence == tokens[first].sentence \
                    and tokens[role_start - 1].lower not in HEADLINE_WORDS \
                    and (tokens[role_start - 1].capitalised or tokens[role_start - 1].lower in ROLE_FILLERS
                         and tokens[role_start - 1].lower not in ROLE_LINKS) and link - role_start < 4:
                role_start -= 1
            person = found.mentions[-1]
            found.mentions[-1] = person._replace(role=found.article.span_text(role_start, start),
                                                context=role_start)
            found.person_tokens = None
            office = found.article.span_text(first, start)
            if start - first > 1 and gazetteer.lookup(office) is None:
                # "manager of Credit Suisse Paul Hofer": what the office is of, read alone later, is no person
                found.add("read_person_after_portfolio", Kind.ORGANISATION, office, first, start, strength=2)
            return True
    return False


def read_titled_person(found: Findings, first: int, last: int) -> bool:
    """"Russian Colonel General Yevgeny Nikiforov", "Judge Jackson", "Queen Elizabeth"."""
    tokens = found.tokens
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
        if name_word(token, found.article, surname=surname, given=index < last - 1) and not token.acronym:
            name_start = index
        elif not (particle(token) and index - 1 > titles[-1]):
            break
        index -= 1
    if name_start >= last or last - name_start > 4 or not tokens[name_start].capitalised:
        return False
    if tokens[titles[-1]].lower.rstrip(".") in ("st", "saint", "ste") \
            and gazetteer.lookup(found.article.span_text(titles[-1], last)) is not None:
        return False  # "St. Louis", "St Petersburg": a saint's name that is a city
    if tokens[titles[-1]].lower in TITLE_MODIFIERS:
        return False  # "Grand Slam", "First Division": half a title names nobody
    if last - name_start == 1 and (tokens[name_start].lower in ORG_HEADS or tokens[name_start].lower + "s" in ORG_HEADS):
        return False  # "General Motor's results": a company's word after a rank is no surname
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
            title_word(token) or token.lower in ROLE_NOUNS for token in role_tokens) and \
            not all(token.text.endswith(".") for token in role_tokens):  # "Gen." of "Atty. Gen.": which general?
        role_end = name_start
        while role_end > first and (tokens[role_end - 1].lower in HONORIFICS
                                    or tokens[role_end - 1].lower in ("sir", "dame")):
            role_end -= 1  # "Harbour Commissioner Sir Peter Vane"
        role = found.article.span_text(first, role_end)
    places.read_modifiers(found, first, title_first)
    organisations.read_organisation_in_role(found, first, name_start)
    found.add("read_titled_person", Kind.PERSON, found.article.span_text(value_first, last), value_first, last,
              strength=3, role=role, context=first)
    return True


def read_person_of_place(found: Findings, first: int, last: int) -> bool:
    """"Andy Murray of Britain": a person, then where they are from."""
    tokens = found.tokens
    for index in range(first + 1, last - 1):
        if tokens[index].lower != "of":
            continue
        place = gazetteer.lookup(found.article.span_text(index + 1, last))
        if place is None:
            continue
        if read_person(found, first, index):
            found.add("read_person_of_place", Kind.PLACE, place.name, index + 1, last, strength=2)
            return True
    return False


def read_person(found: Findings, first: int, last: int) -> bool:
    """Two to four name words with nothing else to say they are not a person: "Robert Mueller"."""
    tokens, article = found.tokens, found.article
    place = gazetteer.lookup(tokens[first].text) if first > 0 and last - first >= 3 \
        and tokens[first - 1].lower in ("in", "at", "from") else None
    if place is not None:
        found.add("read_person", Kind.PLACE, place.name, first, first + 1, strength=2)
        first += 1  # "expert in Tokyo Tomas de Hora": the city ends the phrase before the name
    start = first
    while start < last and tokens[start].lower in DEMONYMS:
        start += 1  # "Brit Andy Murray": the nationality is a role
    role = article.span_text(first, start) if start > first else None
    modifier = start < last and tokens[start].acronym and not (initials(tokens[start]) and last - start == 2)
    if modifier:
        start += 1
    words = [token for token in tokens[start:last] if not particle(token)]
    if words and re.search(r"-[a-z]", words[0].text):
        return False  # "Non-members Brazil and China": a given name is capitalised after its hyphen (Jean-Pierre)
    if not 2 <= len(words) <= 4 or not name_word(words[0], article, given=True) \
            or not all(name_word(token, article) for token in words[1:-1]):
        return False
    if not (name_word(words[-1], article, surname=True)
            or title_word(words[-1]) and not words[-1].text.endswith(".")
            or common_surname_after_role(found.doc, start, last)):
        return False  # "John Major", "Larry King": a title word can be a surname
    if any(token.acronym and not initials(token) for token in words) or not tokens[start].capitalised:
        return False
    if gazetteer.lookup(article.span_text(start, last)) is not None:
        return False
    if start > 0 and tokens[start - 1].lower == "its":
        return False  # "its Motech Auto Mechanic schools": what a company owns is no person
    if made_by_a_person(found, start) or subtitled(tokens, last):
        found.add_thing("read_person", article.span_text(start, last), start, last)
        return True  # "Kumar's Little Terrorist", "MTV Smut Peddlers: Targeting Kids": a work, not a person
    if last < len(tokens) and (tokens[last].lower in NAMED_THING_HEADS or tokens[last].lower in PRODUCT_NOUNS) \
            and tokens[last].text.islower():
        found.add_thing("read_person", article.span_text(start, last), start, last)
        return True  # "a Golden Globe award", "the Mercury Montego sedans"
    if organisation_noun_before(found.doc, start) or organisation_appositive(found.doc, last) \
            or employer_position(found, first) or employs_next(found, last) or national_brand(words):
        kind = Kind.ORGANISATION
    elif strong_place_cue(found.doc, start, last, single=False) and not person_cue(found.doc, start, last) \
            or place_appositive(found.doc, start, last) and not called_by_surname(found, start, last):
        kind = Kind.PLACE  # the appositive's role would make a person: "Lago Agrio, the centre of ... oilfields,"
    else:
        plain = sum(name_word(token, article, strict=True) for token in words)
        if plain < len(words) and not person_cue(found.doc, start, last) \
                and not common_surname_after_role(found.doc, start, last):
            return False
        if initials(words[0]) and not named_by_initials(found, start, last):
            return False
        kind = Kind.PERSON
    if modifier:
        places.read_modifiers(found, start - 1, start)
    found.add("read_person", kind, article.span_text(start, last), start, last, strength=1 if kind is Kind.PLACE else 2,
              role=role if kind is Kind.PERSON else None, context=first)
    return True


def national_brand(words: Sequence[Token]) -> bool:
    """"Air Canada", "Hydro Quebec", "Bell Canada": a trade's word before a country is a national company."""
    if len(words) != 2 or words[0].lower not in _BRAND_HEADS:
        return False
    place = gazetteer.lookup(words[1].text)
    return place is not None and place.kind == gazetteer.PlaceKind.COUNTRY


# Words a national company puts before its country's name.
_BRAND_HEADS = frozenset("air hydro petro bell telecom radio banco banque credit".split())


def called_by_surname(found: Findings, first: int, last: int) -> bool:
    """Whether the article calls the name at [first, last) by its last word alone elsewhere, as people are."""
    tokens = found.tokens
    family = tokens[last - 1].text
    return any(not (index >= 1 and tokens[index - 1].text == tokens[last - 2].text)
               for index in found.doc.positions.get(family, ()) if not first <= index < last)


def made_by_a_person(found: Findings, start: int) -> bool:
    """"Kumar's Little Terrorist", "Spielberg's Jaws": a name right after a person's possessive is what they made."""
    tokens = found.tokens
    if start < 2 or tokens[start - 1].text not in ("'s", "’s"):
        return False
    owner = start - 2
    return found.in_person(owner) or tokens[owner].text in {
        mention.value.split()[-1] for mention in found.people().values() if len(mention.value.split()) > 1}


def subtitled(tokens: Sequence[Token], last: int) -> bool:
    """"Smut Peddlers: Targeting Kids with Sex": a name with a subtitle after a colon is a title."""
    return last + 1 < len(tokens) and tokens[last].text == ":" and tokens[last + 1].capitalised \
        and tokens[last + 1].sentence == tokens[last].sentence


def employs_next(found: Findings, last: int) -> bool:
    """"said Prebon Yamane economist Lena Komileva", "Plaid Cymru health spokesman Rhodri Thomas": a name
    before a job (perhaps with a field in front) and a person's name employs them."""
    tokens = found.tokens
    role = last
    while role < min(len(tokens), last + 2) and tokens[role].lower not in ORG_ROLES \
            and modifier_noun(found.doc, role):
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
    return first > 0 and tokens[first - 1].text == "," and found.in_person(first - 2) \
        and (after.lower in SPEECH_VERBS or after.text in (",", "."))


def named_by_initials(found: Findings, first: int, last: int) -> bool:
    """Whether "T.P. Lilaratne" is a person: firms too are named so ("E.F. Hutton", "J.D. Power").

    A person is introduced with a role (", head of ...", "analyst T.P. ...") and then called by the surname
    alone; a firm is not.
    """
    tokens = found.tokens
    if last < len(tokens) and tokens[last].text == "," and appositive_after(found.doc, last) is not None:
        return True
    if role_noun_before(found, first) is not None:
        return True
    family = tokens[last - 1].text
    return any(not tokens[index - 1].capitalised and not (
        index >= 2 and tokens[index - 1].text == "." and len(tokens[index - 2].text) == 1)  # "J. Hutton"
        for index in found.doc.positions.get(family, ()) if index and not first <= index < last)


def employer_position(found: Findings, first: int) -> bool:
    """"an analyst with Dean Talbot Reynolds", "economist at Marlow Brothers": the name employs someone."""
    tokens = found.tokens
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
    if not (before.capitalised and found.in_person(link - 1)) \
            or known_place(found.article.span_text(first, first + 1)):
        return False
    person = found.people()[link - 1]
    return tokens[link].lower == "of" or bool(person.role) \
        or person.context > 0 and tokens[person.context - 1].lower in ROLE_NOUNS


def role_noun_before(found: Findings, first: int) -> str | None:
    """"Japanese astronaut Koichi Wakata", "BBC labour affairs correspondent Stephen Cape", "spokeswoman for
    women Sandra Gidley"."""
    tokens = found.tokens
    index = portfolio_start(found.doc, first)
    if index < 0 or not (tokens[index].lower in ROLE_NOUNS or index == first - 1 and agent_noun(found.doc, index)) \
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
        if lower == "and" and cascade.firm_before_a_job(found, index):
            partners = index - 2
            while partners - 1 >= 0 and index - partners < 4 and tokens[partners - 1].capitalised \
                    and tokens[partners - 1].sentence == tokens[first].sentence:
                partners -= 1
            named_by_role = partners >= 1 and tokens[partners - 1].text.islower() \
                and tokens[partners - 1].lower in ROLE_NOUNS  # "rapper Twista and Ray actor Jamie Foxx": two people
            if tokens[partners].capitalised and not named_by_role:
                index = partners  # "Carroll McEntee and McGinley analyst": the firm's partners are its name
                break
        if lower in ("and", "or") and not (index >= 2 and tokens[index - 2].text.islower()
                                           and tokens[index - 2].lower in ROLE_NOUNS):
            break  # "Ian Dole and flanker Rob Kerr"; but "chairman and chief executive"
        if not (lower in ROLE_NOUNS or lower in ROLE_FILLERS or lower in DEMONYMS
                or previous.capitalised and not found.in_person(index - 1)
                or not capitalised and modifier_noun(found.doc, index - 1)):
            break
        capitalised = capitalised or previous.capitalised
        index -= 1
    # A role stopped at its word limit inside a capitalised name ("White House National Security aide") would say
    # "House National Security aide": the name is taken whole, or no role at all.
    if tokens[index].capitalised:
        run = index
        while run - 1 >= 0 and tokens[run - 1].capitalised and tokens[run - 1].sentence == tokens[first].sentence \
                and not found.in_person(run - 1) and tokens[run - 1].lower not in ROLE_STOPS:
            run -= 1
        if index - run > 3:
            return None
        if run >= 2 and tokens[run - 1].lower in ("und", "and") and tokens[run - 2].text == "-":
            return None  # "Berliner Handels- und Frankfurter Bank economist": "Frankfurter Bank" is half a name
        index = run
    index = organisation_of_role(found, index)
    while index < head and tokens[index].lower in ("and", "or", "&"):
        index += 1  # "..., and chief financial officer Tim Howard"
    if index > 0 and tokens[index - 1].lower in _NO_LONGER and tokens[index - 1].sentence == tokens[first].sentence:
        index -= 1  # "former Worldcom chief financial officer Scott Sullivan" is not the finance chief now
    return found.article.span_text(index, first)


# Words that say a role was held and is no more: a role without them states what is no longer true.
_NO_LONGER = frozenset("former ex then outgoing late retired erstwhile onetime one-time ousted deposed".split())


def organisation_of_role(found: Findings, index: int) -> int:
    """"Bank of England governor": step back over an organisation named with "of" in front of a role."""
    tokens = found.tokens
    if index < 2 or not tokens[index].capitalised or tokens[index - 1].lower != "of" \
            or tokens[index - 2].sentence != tokens[index].sentence:
        return index
    start = index - 2
    if not (tokens[start].capitalised and tokens[start].lower in ORG_HEADS):
        return index
    while start > 0 and tokens[start - 1].capitalised and tokens[start - 1].sentence == tokens[index].sentence \
            and start - 1 not in found.article.initial and not found.in_person(start - 1) and index - start < 5:
        start -= 1  # "Federal Reserve Bank of New York president"
    return start


def things_after_the(found: Findings) -> None:
    """"the Ford Mustang", "the Escape Hybrid": a bare name after "the" that nothing else read is a thing.

    Runs after the organisations' re-readings, which may still make it one ("the Melbourne Age").
    """
    tokens = found.tokens
    for position, mention in enumerate(found.mentions):
        if mention.kind is Kind.PERSON and mention.rule == "read_person" and not mention.role \
                and mention.first > 0 and tokens[mention.first - 1].lower == "the" \
                and not person_cue(found.doc, mention.first, mention.last):
            found.mentions[position] = mention._replace(kind=Kind.THING)
            found.person_tokens = found.given_names = None


def things_listed_after_a_product(found: Findings) -> None:
    """"the Renault 5, Volkswagen Polo and Opel Corsa": names listed after a product named after "the" are products.

    Runs after ``things_after_the``, which makes the list's first item a thing when it is a bare name.
    """
    for position, mention in enumerate(found.mentions):
        if mention.kind is Kind.PERSON and mention.rule == "read_person" and not mention.role \
                and product_list(found, mention.first, mention.last) \
                and not person_cue(found.doc, mention.first, mention.last):
            found.mentions[position] = mention._replace(kind=Kind.THING)
            found.person_tokens = found.given_names = None


def product_list(found: Findings, first: int, last: int) -> bool:
    """Whether the name at [first, last) is in a list ("A, B and C") whose first item is a product after "the".

    A product is a brand and a model number ("the Boeing 747", "the Airbus A320") or a brand and a model
    name already read as a thing ("the Ford Fiesta"); a plural name is a band or a team ("the Rolling Stones,
    Mick Jagger and Keith Richards"), not a product. A person is rarely listed beside a product.
    """
    tokens = found.tokens
    sentence = tokens[first].sentence
    separators = [tokens[last].lower] if last < len(tokens) and tokens[last].lower in ("and", "or") else []
    index = first - 1
    for _ in range(5):  # up to five items back to the first
        separator = index
        while index >= 0 and tokens[index].sentence == sentence and tokens[index].lower in (",", "and", "or"):
            separators.append(tokens[index].lower)
            index -= 1
        if index == separator or index < 0:
            return False
        start = index + 1
        while start - 1 >= 0 and tokens[start - 1].sentence == sentence and index + 1 - start < 3 \
                and tokens[start - 1].lower != "the" \
                and (tokens[start - 1].capitalised or any(char.isdigit() for char in tokens[start - 1].text)):
            start -= 1
        if start == index + 1 or start == 0 or not tokens[start].capitalised:
            return False
        if tokens[start - 1].lower == "the":
            listed = "," in separators and ("and" in separators or "or" in separators)
            return listed and (model_number(tokens[index]) or not tokens[index].lower.endswith("s") and any(
                mention.kind is Kind.THING and mention.first == start and mention.last == index + 1
                for mention in found.mentions))
        index = start - 1
    return False


def model_number(token: Token) -> bool:
    """A model's number after its brand: "5" in "the Renault 5", "A320" in "the Airbus A320"."""
    text = token.text
    return any(char.isdigit() for char in text) and "," not in text and "." not in text \
        and (not text.isdigit() or len(text) <= 4)


def places_named_once(found: Findings) -> None:
    """Make a place of every bare person's reading of a name that one mention's cues made a place.

    "Lago Agrio, the centre of Ecuador's oilfields, ... Lago Agrio has been cut off": the second mention has no
    cue of its own, and two readings would make one town both a place and a person.
    """
    places = {mention.value for mention in found.mentions
              if mention.kind is Kind.PLACE and mention.rule == "read_person"}
    if not places:
        return
    for position, mention in enumerate(found.mentions):
        if mention.kind is Kind.PERSON and mention.rule == "read_person" and not mention.role \
                and mention.value in places:
            found.mentions[position] = mention._replace(kind=Kind.PLACE, strength=1, role=None)
            found.person_tokens = found.given_names = None
