"""Context cues: the words around a name that say it is a place, an organisation or a person."""
from __future__ import annotations

from questions import gazetteer
from questions.entity_rules.document import EntityText, Kind, gazetteer_match, known_place
from questions.entity_rules.roles import appositive_after, appositive_before
from questions.entity_rules.words import (
    APPOSITIVE_VERBS, CENTRE_PLACES, FIGURATIVE_PLACE_HEADS, ORG_ROLES, PLACE_APPOSITIVE_HEADS, SINGLE_ORGS,
    SPORT_ROLES, TITLE_MODIFIERS,
)
from questions.gazetteer import PlaceKind
from questions.lexicon import (
    DEMONYMS, LEGAL_COURT_WORDS, LEGAL_SUFFIXES, NAMED_THING_HEADS, ORG_HEADS, ORG_NOUNS_AFTER, ORG_NOUNS_BEFORE,
    PLACE_HEADS, PLACE_HYPHEN_SUFFIXES, PLACE_NOUNS_AFTER, PLACE_NOUNS_BEFORE, ROLE_NOUNS, SPEECH_INSERTS,
    SPEECH_VERBS, SPOKESPERSON_NOUNS, STRONG_PLACE_PREPOSITIONS, WEAK_PLACE_PREPOSITIONS, WORK_NOUNS,
)
from questions.names import head_word, name_word, particle, title_word


def listed_among(doc: EntityText, first: int, last: int, firsts: set[int], lasts: set[int]) -> bool:
    """Whether the name at [first, last) stands in a list between two organisations, or after two of them."""
    tokens = doc.tokens
    before = first >= 2 and tokens[first - 1].text in (",", "and", "&") and first - 1 in lasts
    after = last + 1 < len(tokens) and tokens[last].text in (",", "and", "&") and last + 1 in firsts
    further = first >= 3 and tokens[first - 1].text == "," and any(
        tokens[end].text == "," and end in lasts and tokens[end - 1].sentence == tokens[first].sentence
        for end in range(max(0, first - 6), first - 1))
    return before and (after or further)


def after_work_noun(doc: EntityText, first: int) -> bool:
    """"his album Egypt", "films like Harry Potter", "the hit musical The Pajama Game"."""
    tokens = doc.tokens
    index = first - 1
    while index >= 0 and tokens[index].lower in ("the", "a", "an") \
            and (index == first - 1 or index in doc.article.initial):
        index -= 1
    if index >= 1 and tokens[index].text in ("entitled", "titled", "called") \
            and (tokens[index].text != "called" or tokens[index - 1].text == ","):
        return True  # "a sculpture entitled Planet", "a musical ..., called Stay Awhile"
    if index >= 1 and tokens[index].lower in ("like", "including") and tokens[index].text.islower():
        index -= 1
    return index >= 0 and tokens[index].lower in WORK_NOUNS and tokens[index].text.islower() \
        and tokens[index].sentence == tokens[first].sentence


def head_kind(doc: EntityText, index: int, first: int, last: int) -> Kind | None:
    """The kind a head word gives its name: "... Ministry" an organisation, "... Palace" a place."""
    tokens = doc.tokens
    lower = tokens[index].lower
    if index == first and last - first == 1 and lower not in SINGLE_ORGS:
        return None
    following = tokens[index + 1].lower if index + 1 < last else ""
    if lower == "court":
        legal = any(tokens[other].lower in LEGAL_COURT_WORDS for other in range(first, index))
        return Kind.ORGANISATION if legal or following == "of" else Kind.PLACE
    if lower == "house":
        white = index > first and tokens[index - 1].lower == "white"
        return Kind.ORGANISATION if white or following == "of" else Kind.PLACE
    if lower == "conference" and following == "on":
        return Kind.ORGANISATION  # "the United Nations Conference on Trade and Development": a standing body
    if lower == "reserve":  # the Federal Reserve, but a nature reserve
        central = index > first and tokens[index - 1].lower in ("federal", "central", "bank")
        return Kind.ORGANISATION if central else Kind.PLACE
    if lower in ("centre", "center") and index > first:
        # "the Local Authority Management Centre" is a body; a shopping or trade centre is a building
        return Kind.PLACE if tokens[index - 1].lower in CENTRE_PLACES else Kind.ORGANISATION
    if lower in ORG_HEADS or lower in LEGAL_SUFFIXES or lower in SINGLE_ORGS \
            or lower.endswith("s") and lower[:-1] in ORG_HEADS and index > first:
        return Kind.ORGANISATION  # "Tarland Chambers of Commerce", "Trade Unions Congress"
    if lower in PLACE_HEADS:
        return Kind.PLACE
    if lower in NAMED_THING_HEADS:
        return Kind.THING
    return None


def organisation_appositive(doc: EntityText, last: int) -> bool:
    """"Acme Mac, the country's largest mortgage firm,": an appositive whose head noun is an organisation's."""
    tokens = doc.tokens
    if last + 2 >= len(tokens) or tokens[last].text != "," \
            or tokens[last + 1].lower not in ("the", "a", "an", "his", "her", "its", "their"):
        return False
    head = None
    for token in tokens[last + 2:last + 12]:
        if token.lower in ("in", "of", "that", "which", "with", "based") or not token.word \
                and token.text not in ("'s", "’s", "-"):
            break
        if token.lower in ROLE_NOUNS or token.lower in APPOSITIVE_VERBS:
            return False
        if token.word:
            head = token
    return head is not None and head.lower in ORG_NOUNS_BEFORE and head.text.islower()


def organisation_noun_before(doc: EntityText, first: int) -> bool:
    """"construction companies Adhi Karya and Semen Gresik", "carmaker Tata Motors"."""
    tokens = doc.tokens
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


def strong_place_cue(doc: EntityText, first: int, last: int, *, single: bool = True) -> bool:
    """"in X", "X region", "X, Azerbaijan", "X-based", "the town of X"; two-word names only by the last three."""
    tokens = doc.tokens
    before = tokens[first - 1] if first else None
    after = tokens[last] if last < len(tokens) else None
    if after is not None and after.lower in ("'s", "’s"):
        return False
    if single and before is not None and before.lower in STRONG_PLACE_PREPOSITIONS \
            and before.sentence == tokens[first].sentence:
        return True
    if after is not None and after.lower in PLACE_NOUNS_AFTER and after.sentence == tokens[first].sentence:
        return True
    return single and comma_place_after(doc, last) or tokens[last - 1].suffix in PLACE_HYPHEN_SUFFIXES \
        or first >= 2 and tokens[first - 1].lower == "of" and tokens[first - 2].lower in PLACE_NOUNS_BEFORE


def comma_place_after(doc: EntityText, last: int) -> bool:
    """"Khojaly, Azerbaijan": a name followed by a comma and a country or major division."""
    tokens = doc.tokens
    if last + 1 >= len(tokens) or tokens[last].text != "," or not tokens[last + 1].capitalised:
        return False
    if last + 2 < len(tokens) and tokens[last + 2].lower in ("'s", "’s"):
        return False
    matched = gazetteer_match(doc, last + 1, min(len(tokens), last + 5))
    if matched and matched[1].kind >= PlaceKind.SUBDIVISION:
        end = matched[0]
        return end >= len(tokens) or not tokens[end].capitalised  # not "Alcatel, France Telecom"
    # ", a town in the Karabakh region"
    return last + 3 < len(tokens) and tokens[last + 1].lower in ("a", "the") \
        and tokens[last + 2].lower in PLACE_NOUNS_AFTER


def place_appositive(doc: EntityText, first: int, last: int) -> bool:
    """", a small town in ...", ", the capital of ...", "from X, the centre of Ecuador's oilfields,": a place's
    appositive after the name at [first, last).

    Its head is a place noun right before "of", "in" or "near". "The centre of" or "the heart of" makes a place
    only after a preposition of place and with a place after "of": "the centre of a row", "the heart of England's
    midfield" may be said of a person.
    """
    tokens = doc.tokens
    if last + 3 >= len(tokens) or tokens[last].text != "," or tokens[last + 1].lower not in ("the", "a", "an"):
        return False
    sentence = tokens[last - 1].sentence
    head = last + 2
    while head < last + 4 and tokens[head].text.islower() and tokens[head].lower not in PLACE_APPOSITIVE_HEADS \
            and tokens[head].lower not in FIGURATIVE_PLACE_HEADS:
        head += 1  # "a small town", "the former capital"
    after = head + 1
    if after >= len(tokens) or tokens[after].sentence != sentence or not tokens[head].text.islower() \
            or tokens[after].lower not in ("of", "in", "near", "outside"):
        return False
    if tokens[head].lower in PLACE_APPOSITIVE_HEADS:
        return True
    before = tokens[first - 1].lower if first else ""
    if tokens[head].lower not in FIGURATIVE_PLACE_HEADS or tokens[after].lower != "of" \
            or before not in STRONG_PLACE_PREPOSITIONS and before not in WEAK_PLACE_PREPOSITIONS:
        return False
    end = after + 1
    while end < len(tokens) and tokens[end].sentence == sentence and tokens[end].text not in (",", ".", ";") \
            and end - after <= 6:
        end += 1
    return any(gazetteer_match(doc, index, end) for index in range(after + 1, end) if tokens[index].capitalised) \
        or any(tokens[index].lower in ("country", "nation", "region") for index in range(after + 1, end))


def person_cue(doc: EntityText, first: int, last: int) -> bool:
    """Signs that a name is a person's: a speech verb, an appositive role, the surname used alone elsewhere."""
    tokens = doc.tokens
    after = tokens[last] if last < len(tokens) else None
    if after is not None and after.lower in SPEECH_VERBS:
        return True
    if after is not None and after.text == "," and (appositive_after(doc, last) is not None or last + 1 < len(
            tokens) and tokens[last + 1].lower in SPEECH_VERBS):
        return True  # "Theresa May, the shadow minister,", "…, Theresa May, said"
    if appositive_before(doc, first) is not None:
        return True
    surname = tokens[last - 1].text
    inside = sum(1 for token in tokens[first:last] if token.capitalised and token.text == surname)
    return doc.capitalised_counts[surname] > inside


def organisation_context(doc: EntityText, index: int) -> bool:
    """"Acme said it", "Acme, which", "the Acme group", "shares in Acme": words only organisations take."""
    tokens = doc.tokens
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
    if len(following) >= 2 and following[0].text.islower() and following[0].lower in ORG_ROLES \
            and following[1].capitalised and not known_place(tokens[index].text):
        return True  # "Nirvaxa frontman Kurt Colby", "IFL chairman Alan Burn": where the person works
    if words and words[0] in ORG_NOUNS_AFTER and following[0].text.islower() and not tokens[index].suffix \
            and not (len(following) > 1 and following[1].capitalised) and index not in doc.article.initial:
        return True  # "the Chrysler group said"; not "a Moscow-based firm", "Cable firm Telwick"
    if index >= 3 and tokens[index - 1].lower == "in" and tokens[index - 2].lower in ("interest", "holding") \
            and tokens[index - 3].lower in ("pct", "percent", "%"):
        return True  # "an 85 pct interest in Conrail": a share of a company
    return index >= 2 and tokens[index - 1].lower in ("in", "of") \
        and tokens[index - 2].lower in ("shares", "stake", "stakes", "shareholders", "shareholder")


def title_before(doc: EntityText, index: int) -> bool:
    """"president Reagan": a lower-case title right before a single name."""
    tokens = doc.tokens
    return index > 0 and tokens[index - 1].text.islower() and title_word(tokens[index - 1]) \
        and tokens[index - 1].lower in ROLE_NOUNS and tokens[index - 1].lower not in TITLE_MODIFIERS \
        and tokens[index - 1].sentence == tokens[index].sentence


def sport_role_after(doc: EntityText, index: int) -> bool:
    """"Leeds boss", "Leinster fly-half": a player's or manager's role right after the name."""
    tokens = doc.tokens
    return index + 1 < len(tokens) and tokens[index + 1].lower in SPORT_ROLES and tokens[index + 1].text.islower()


def player_after(doc: EntityText, index: int) -> bool:
    """A person's full name starts at ``index``: a first name and a surname, perhaps with particles."""
    tokens = doc.tokens
    if index + 1 >= len(tokens) or not tokens[index].capitalised:
        return False
    end = index
    while end < len(tokens) and (tokens[end].capitalised or particle(tokens[end])) and end - index < 5:
        end += 1
    if head_word(tokens[end - 1].lower):
        return False  # "Chicago's O'Hare International Airport" is no player
    return name_word(tokens[index], doc.article, given=True) and not tokens[index].acronym \
        and (tokens[index + 1].capitalised or particle(tokens[index + 1]))


def possessive_after(doc: EntityText, index: int) -> bool:
    """"Acme's", "Amicus'": the name owns what follows."""
    tokens = doc.tokens
    if index + 1 >= len(tokens):
        return False
    following = tokens[index + 1]
    if following.text in ("'s", "’s"):
        return True
    return following.text in ("'", "’") and tokens[index].text.endswith("s") \
        and following.start == tokens[index].end and tokens[index - 1].text not in ("'", "‘") \
        and index + 2 < len(tokens) and tokens[index + 2].start > following.end \
        and tokens[index + 2].sentence == following.sentence and tokens[index + 2].text[:1].isalnum()


def landmark(doc: EntityText, index: int) -> bool:
    """"the Pyramids in Egypt": a place word used as a name, placed by what follows."""
    tokens = doc.tokens
    return tokens[index].lower in PLACE_HEADS and index > 0 and tokens[index - 1].lower == "the" \
        and index + 2 < len(tokens) and tokens[index + 1].lower in ("in", "of", "near", "at") \
        and tokens[index + 2].capitalised and index not in doc.article.initial


def listed_with(doc: EntityText, index: int, firsts: set[int], lasts: set[int]) -> bool:
    """"Corvan, Ulterra and Wendell Brothers": a name listed next to an organisation is one."""
    tokens = doc.tokens
    sentence = tokens[index].sentence
    after = tokens[index + 1] if index + 1 < len(tokens) else None
    if after is not None and after.text in (",", "and", "&") and index + 2 in firsts \
            and tokens[index + 2].sentence == sentence:
        return True
    before = tokens[index - 1] if index else None
    return before is not None and before.text in (",", "and", "&") and index - 1 in lasts \
        and tokens[index - 2].sentence == sentence


def names_a_product(doc: EntityText, text: str) -> bool:
    """"the ZX titles", "VHS machines": capitals that the article uses before a kind of product."""
    return text in doc.product_words


def common_noun_acronym(doc: EntityText, text: str) -> bool:
    """"a personal video recorder (PVR)": letters that abbreviate lower-case words name a kind of thing."""
    common = doc.common_acronyms
    return text in common or text.endswith("s") and text[:-1] in common


def degree_after_name(doc: EntityText, index: int) -> bool:
    """"Howard Koh, MD, MPH": letters after a name are degrees, not organisations."""
    tokens = doc.tokens
    return index >= 2 and tokens[index - 1].text == "," and (tokens[index - 2].capitalised
                                                             or tokens[index - 2].acronym)
