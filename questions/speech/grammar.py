"""How the words around a speech verb read: subjects, gaps between a name and its verb, clauses, listeners, asides.
Pure functions over the document; the attribution rules are built from them."""
from __future__ import annotations

import re

from questions.lexicon import COMPASS_WORDS, ROLE_NOUNS, SPEECH_INSERTS, SPEECH_PARTICIPLES, SPOKESPERSON_NOUNS
from questions.model import FactKind
from questions.speech.document import SpeechDocument
from questions.speech.mentions import Mention
from questions.speech.quotations import Quote
from questions.speech.vocabulary import (
    AFTER_SPEAKER_STOPS, CLAUSE_SUBJECTS, CLAUSE_VERBS, DATELINE, DETERMINERS, HONORIFICS, LISTENERS, LISTENER_NOUNS,
    MEDIA, NOT_SUBJECT_BEFORE, OBJECT_VERBS, PERSONAL_PRONOUNS, POSTNOMINALS, PRONOUNS, QUOTE_MARK, ROLE_QUALIFIERS,
    SENTENCE_OPENERS, SPEECH_VERBS, TIME_WORDS, UNNAMED_SPEAKERS, WEAK_SPEECH_VERBS,
)


def opening_subject(doc: SpeechDocument, sentence: int, before: int) -> Mention | None:
    """"Ames presented her plan and said …": the name or pronoun that opens the sentence (after a dateline)."""
    bounds = doc.article.sentences[sentence]
    start = bounds.start
    dateline = DATELINE.match(doc.text, start, before)
    if dateline is not None:
        start = dateline.end()
    first = doc.article.first_token_at(start)
    tokens = doc.tokens
    first = after_opening_participle(doc, first, before)
    index = first
    while index < len(tokens) and tokens[index].start < before and index - first < 4 \
            and (tokens[index].lower in DETERMINERS or tokens[index].capitalised and doc.mention_at(
                tokens[index].start) is None):
        index += 1  # "The", "Senator", "U.S."
    if index >= len(tokens) or tokens[index].start >= before or doc.inside_quote(tokens[index].start):
        return None  # a name that opens a quoted sentence is no subject of the article's
    if tokens[index].lower in PRONOUNS:
        return Mention(tokens[index].start, tokens[index].end, "", None)
    mention = doc.mention_at(tokens[index].start)
    if mention is None or doc.possessive(mention):
        return None
    return mention


def after_opening_participle(doc: SpeechDocument, first: int, before: int) -> int:
    """"Speaking in Lima, Mr Doe said": the token after an opening participle's phrase and its comma."""
    tokens = doc.tokens
    if first >= len(tokens) or not tokens[first].lower.endswith("ing") or not tokens[first].capitalised:
        return first
    for index in range(first + 1, min(len(tokens), first + 10)):
        if tokens[index].start >= before or tokens[index].sentence != tokens[first].sentence:
            break
        if tokens[index].text == ",":
            return index + 1
    return first


def object_of_verb(doc: SpeechDocument, position: int) -> bool:
    """"The lawyer who had represented Mr Ash had said": a name right after a verb is its object."""
    index = doc.article.first_token_at(position) - 1
    while index >= 0 and doc.tokens[index].lower in HONORIFICS:
        index -= 1
    if index < 0:
        return False
    token = doc.tokens[index]
    return token.text.islower() and (token.lower.endswith("ed") and len(token.lower) > 4
                                     or token.lower in OBJECT_VERBS)


# "Officials in east China said": a compass word between the preposition and the place.


def after_preposition(doc: SpeechDocument, position: int) -> bool:
    """"with the SEC", "in Tokyo", "led by new chief executive Ann Lee": a name after a preposition (and the
    role words before the name) is not the subject."""
    index = doc.article.first_token_at(position) - 1
    while index > 0 and (doc.tokens[index].lower in ("the", "a", "an", "new", "its", "their", "his", "her")
                         or doc.tokens[index].lower in COMPASS_WORDS  # "leader of the South Shropshire Hunt"
                         or doc.tokens[index].text.islower() and (doc.tokens[index].lower in ROLE_NOUNS
                                                                  or doc.tokens[index].lower in ROLE_QUALIFIERS)):
        index -= 1
    if index > 1 and doc.tokens[index].text in ("'s", "’s"):  # "head of the government's Institute"
        index -= 2
        while index > 0 and doc.tokens[index].lower in ("the", "a", "an"):
            index -= 1
    return index >= 0 and doc.tokens[index].lower in NOT_SUBJECT_BEFORE


def modifies_role(doc: SpeechDocument, mention: Mention) -> bool:
    """"said Colby biographer Carl Cross": a name before a lower-case role only says whose the role is."""
    index = doc.article.first_token_at(mention.end)
    return index < len(doc.tokens) and doc.tokens[index].text.islower() \
        and (doc.tokens[index].lower in ROLE_NOUNS or doc.tokens[index].lower in UNNAMED_SPEAKERS
             or doc.tokens[index].lower in ("source", "sources"))


def gap_ok(doc: SpeechDocument, start: int, end: int, *, person: bool) -> bool:
    """Whether the words between a name and its verb keep them together ("X also said", "X, chief of Y, said")."""
    first = doc.article.first_token_at(start)
    last = doc.article.first_token_at(end)
    gap = doc.tokens[first:last]
    if not gap:
        return True
    words = [token.lower for token in gap]
    while person and len(words) > 1 and words[0] in POSTNOMINALS and gap[len(gap) - len(words)].acronym:
        words = words[1:]  # "Brian Doe MSP, the finance spokesman, said"
    if len(words) >= 3 and words[0] == "(" and words[2] == ")" and gap[1].acronym:
        words = words[3:]  # "the Conference on Fisheries (UNCF) said"
        if not words:
            return True
    if words == [")"]:
        return True  # the name in brackets: "Acme Ltd (ACM) said"
    if len(words) >= 4 and words[:2] in ([",", "which"], [",", "who"]) and words[-1] == "," and len(words) <= 24 \
            and not any(QUOTE_MARK.fullmatch(token.text) for token in gap):
        return True  # "Acme, which owns the dam, said": a relative clause set off by commas
    if words[0] in ("which", "who") or words[:2] in ([",", "which"], [",", "who"]):
        words = words[2:] if words[0] == "," else words[1:]  # "the commission which said"
        if not words:
            return True
    if all(word in SPEECH_INSERTS or word in SPOKESPERSON_NOUNS for word in words):
        return True
    if person and words[0] == "," and words[-1] == "," and len(words) <= 24 and '"' not in words:
        return True  # an appositive
    if person and words[0] in ("of", "at", "from") and len(words) <= 8:
        rest = doc.article.first_token_at(start) + 1
        while rest < last and doc.tokens[rest].lower == "the":
            rest += 1
        mention = doc.mention_at(doc.tokens[rest].start) if rest < last else None
        if mention is not None and doc.article.first_token_at(mention.end) == last:
            return True  # "Larry Jonson of the Corn Growers said"
    while len(words) > 3 and words[-1] in SPEECH_INSERTS:
        words = words[:-1]  # "Acme, the operator of the dam, has said"
    if not person and len(words) >= 4 and words[0] == "," and words[-1] == "," and len(words) <= 24 \
            and words[1] in ("the", "a", "an") and '"' not in words \
            and not any(word in CLAUSE_VERBS or word in CLAUSE_SUBJECTS for word in words):
        return True  # an organisation's appositive: ", the operator of the dam,"
    if person and words[0] == "," and len(words) <= 12 and any(word in ROLE_NOUNS for word in words) \
            and all(token.word or token.text in ("'s", "’s", "-", ".") for token in gap[1:]) \
            and not any(word in CLAUSE_VERBS or word in CLAUSE_SUBJECTS for word in words):
        return True  # "Jane Doe, Acme director said": an appositive the verb closes
    # "Smith Jr said", "Smith himself said"; but "the Firefox browser and says": the name is an object
    return person and len(words) <= 2 and all(token.word for token in gap) \
        and not any(token.text.islower() and token.lower not in SPEECH_INSERTS
                    and token.lower not in ("himself", "herself") and not token.lower.endswith("ly")
                    for token in gap)


def name_ends_attribution(doc: SpeechDocument, speaker: Mention) -> bool:
    """Whether the name after an inverted verb closes the attribution: a comma, the sentence's end, "of"."""
    tokens = doc.tokens
    position = doc.article.first_token_at(speaker.end)
    while position < len(tokens) and tokens[position].acronym and tokens[position].lower in POSTNOMINALS:
        position += 1
    return position >= len(tokens) or tokens[position].sentence != doc.article.sentence_at(speaker.start) \
        or tokens[position].text in (",", ".", ";", "!", "?") or tokens[position].lower in ("of", "at", "from")


def between_commas(doc: SpeechDocument, speaker: Mention, index: int) -> bool:
    """'But now, he said, …': a subject and its verb set off by commas inside the sentence."""
    tokens = doc.tokens
    first = doc.article.first_token_at(speaker.start)
    return 0 < first < index and tokens[first - 1].text == "," and index + 1 < len(tokens) \
        and tokens[index + 1].text == "," and tokens[index + 1].sentence == tokens[index].sentence


def inside_longer_name(doc: SpeechDocument, speaker: Mention) -> bool:
    """"Universities Scotland, which represents …, claimed": a place after a capitalised word is part of a name
    the entity finder did not list, and that organisation is the speaker, not the place."""
    if speaker.kind is not FactKind.PLACE:
        return False
    first = doc.article.first_token_at(speaker.start)
    if first == 0:
        return False
    before = doc.tokens[first - 1]
    return before.word and before.capitalised and before.sentence == doc.tokens[first].sentence \
        and before.lower not in DETERMINERS | SENTENCE_OPENERS and before.lower not in ROLE_NOUNS


def has_verb(doc: SpeechDocument, position: int, end: int) -> bool:
    """Whether the words from ``position`` read as a clause: a pronoun subject, an auxiliary, a past tense."""
    tokens = doc.tokens
    if tokens[position].lower in CLAUSE_SUBJECTS:
        return True
    for token in tokens[position + 1:position + 40]:
        if token.start >= end:
            break
        lower = token.lower
        if lower in CLAUSE_VERBS or lower.endswith("ed") and len(lower) > 4 and not token.capitalised:
            return True
    return False


def new_subject_between(doc: SpeechDocument, start: int, index: int) -> bool:
    """Whether a clause with a subject of its own ("while India …") opens between a speaker and a token."""
    tokens = doc.tokens
    for position in range(doc.article.first_token_at(start), index - 1):
        if tokens[position].lower in ("while", "whereas", "but", "although", "though") \
                and (tokens[position + 1].capitalised or tokens[position + 1].lower in PERSONAL_PRONOUNS):
            return True
    return False


def attributed_after(doc: SpeechDocument, quote: Quote) -> str | None:
    """The subject of a speech verb that follows the closing mark within a few words of the same sentence:
    "he" or "she" when it is one, else the words before the verb; None when no verb follows."""
    tokens = doc.tokens
    first = doc.article.first_token_at(quote.close_mark)
    sentence = doc.article.sentence_at(quote.close_mark)
    for position in range(first, min(len(tokens), first + 7)):
        token = tokens[position]
        if token.sentence != sentence or token.text in (".", "!", "?") or QUOTE_MARK.fullmatch(token.text):
            break
        if token.lower in SPEECH_VERBS or token.lower in WEAK_SPEECH_VERBS:
            words = [other.lower for other in tokens[first:position] if other.word]
            return words[0] if len(words) == 1 and words[0] in PRONOUNS else " ".join(words) or token.lower
    return None


def after_closing_quote(doc: SpeechDocument, position: int) -> bool:
    """'"…," said X': only a comma and a closing quotation mark stand before the verb."""
    before = doc.text[max(0, position - 6):position].rstrip().rstrip(",")
    return before.endswith(("”", '"', "''"))


def unnamed_before(doc: SpeechDocument, index: int) -> bool:
    """"A spokesman said", "The MP for Sittingbourne said": someone speaks whom the article does not name."""
    tokens = doc.tokens
    position = index - 1
    while position >= 0 and tokens[position].lower in SPEECH_INSERTS:
        position -= 1
    if position >= 0 and (tokens[position].lower in UNNAMED_SPEAKERS or tokens[position].lower in ROLE_NOUNS):
        return True  # "…, the Tory leader said": someone speaks whom no rule has named
    start = doc.clause_start(tokens[index].sentence, tokens[index].start)
    first = doc.article.first_token_at(start)
    return any(token.lower in UNNAMED_SPEAKERS or token.lower in ROLE_NOUNS
               for token in tokens[first:min(first + 4, index)])


def listed_before(doc: SpeechDocument, speaker: Mention) -> list[Mention]:
    """"Corvan, Ulterra and Wendell Brothers said": the names listed with the speaker speak too."""
    partners: list[Mention] = []
    tokens = doc.tokens
    position = doc.article.first_token_at(speaker.start) - 1
    # a list ends in "and": "Ulterra, Minister Ray Doe said" is a name and its appositive, not two speakers
    if position < 1 or tokens[position].text not in ("and", "&"):
        return partners
    while position >= 1 and tokens[position].text in (",", "and", "&"):
        mention = doc.mention_ending(tokens[position - 1].end)
        if mention is None or mention.kind is not speaker.kind or doc.possessive(mention) \
                or after_preposition(doc, mention.start):
            break
        partners.append(mention)
        position = doc.article.first_token_at(mention.start) - 1
    return partners


def distance(doc: SpeechDocument, earlier: int, later: int) -> int:
    """Sentences from ``earlier`` to ``later``, not counting those that only go on with a quotation."""
    return sum(1 for index in range(earlier + 1, later + 1) if not quotation_sentence(doc, index)) \
        + (1 if later > earlier and quotation_sentence(doc, later) else 0)


def quotation_sentence(doc: SpeechDocument, index: int) -> bool:
    """Whether a sentence lies wholly inside a quotation."""
    bounds = doc.article.sentences[index]
    return doc.inside_quote(bounds.start + 1) and doc.inside_quote(bounds.end - 2)


def may_be(doc: SpeechDocument, person: str, wanted: str) -> bool:
    """Whether a person may be of the wanted gender ("m", "f", or "" for either) as far as the text says."""
    gender = doc.gender.get(person, "")
    return not wanted or not gender or gender == wanted


def named_speech_between(doc: SpeechDocument, first: int, last: int) -> bool:
    """"said National estimates that …": a name and a speech verb before "that" start a new report."""
    tokens = doc.tokens
    return any(tokens[index].lower in SPEECH_VERBS | WEAK_SPEECH_VERBS and tokens[index - 1].capitalised
               for index in range(max(first, 1), last))


def after_listener(doc: SpeechDocument, position: int, sentence: int) -> int:
    """Where the clause starts after "told" and its listener: "reporters", "the BBC", "Reuters", "BBC Radio 4's
    Today programme"."""
    tokens = doc.tokens
    while position < len(tokens) and tokens[position].lower in DETERMINERS:
        position += 1
    if position < len(tokens) and tokens[position].lower in LISTENERS and not tokens[position].capitalised:
        return position + 1
    for end in range(position, min(len(tokens), position + 8)):
        token = tokens[end]
        if token.sentence != sentence:
            break
        if token.lower in LISTENER_NOUNS and token.text.islower() and end > position:
            return end + 1  # "BBC Radio 4's Today programme"
        if not (token.capitalised or token.text[:1].isdigit() or token.text in ("'s", "’s", "'", "’")
                or token.text == "s" and tokens[end - 1].text in ("'", "’")):
            break
    mention = doc.mention_at(tokens[position].start) if position < len(tokens) else None
    if mention is not None:
        position = doc.article.first_token_at(mention.end)  # "told Reuters proposals to ..."
        if position < len(tokens) and tokens[position].lower in LISTENERS:
            position += 1  # "told U.S. congressmen"
        return position
    while position < len(tokens) and tokens[position].sentence == sentence and tokens[position].capitalised:
        position += 1
    if position < len(tokens) and tokens[position].lower in LISTENERS:
        position += 1  # "told U.S. congressmen"
    return position


def after_aside(doc: SpeechDocument, comma: int) -> int:
    """The token after a phrase set off by commas right after the verb (at most a dozen words)."""
    tokens = doc.tokens
    for position in range(comma + 1, min(len(tokens), comma + 14)):
        if tokens[position].sentence != tokens[comma].sentence or tokens[position].text in ('"', "“", "”"):
            break
        if tokens[position].text == ",":
            return position + 1
    return comma


def pronoun_clause(doc: SpeechDocument, position: int) -> bool:
    """"it would", "they had": a clause that opens with a pronoun and its auxiliary."""
    tokens = doc.tokens
    following = tokens[position + 1].lower if position + 1 < len(tokens) else ""
    # "confirmed she received": a past tense after the pronoun is as good as an auxiliary
    return position + 1 < len(tokens) and tokens[position].lower in CLAUSE_SUBJECTS - {"this", "that", "these",
                                                                                      "those", "there"} \
        and (following in CLAUSE_VERBS or following.endswith("ed") and len(following) > 4)


def skip_time(doc: SpeechDocument, position: int) -> int:
    """Step over "on Wednesday", "last week", "on May 15", "in a statement" between a verb and its clause."""
    tokens = doc.tokens
    if position + 2 < len(tokens) and tokens[position].lower in ("in", "at", "during") \
            and tokens[position + 1].lower in ("a", "an", "the") and tokens[position + 2].lower in MEDIA:
        return position + 3  # "said in a statement Acme bought …"
    if position + 3 < len(tokens) and tokens[position].lower in ("in", "at") \
            and tokens[position + 1].lower in ("a", "an", "the") and tokens[position + 3].lower in MEDIA:
        return position + 4  # "said at a news conference the talks …"
    if position < len(tokens) and tokens[position].lower in ("yesterday", "today", "tonight", "earlier",
                                                             "later", "recently"):
        return position + 1
    if position + 1 < len(tokens) and tokens[position].lower in ("on", "last", "this", "next") \
            and tokens[position + 1].lower in TIME_WORDS:
        position += 2
        while position < len(tokens) and tokens[position].text[:1].isdigit():
            position += 1
    return position


def before_next_attribution(doc: SpeechDocument, position: int, end: int) -> int:
    """Where a reported clause stops before a second speaker's verb: "…, Bale insisted he would stay"."""
    tokens = doc.tokens
    for index in range(position + 1, len(tokens)):
        if tokens[index].start >= end:
            break
        if tokens[index].text != ",":
            continue
        if index + 2 < len(tokens) and tokens[index + 1].lower in ("while", "whereas") \
                and (tokens[index + 2].capitalised or tokens[index + 2].lower in PERSONAL_PRONOUNS):
            return tokens[index].start  # "…, while India rejected aid": another subject's clause
        for ahead in range(index + 1, min(len(tokens), index + 6)):
            if tokens[ahead].start >= end or not tokens[ahead].word:
                break
            if tokens[ahead].lower in SPEECH_VERBS or tokens[ahead].lower in WEAK_SPEECH_VERBS \
                    or tokens[ahead].lower in SPEECH_PARTICIPLES:
                return tokens[index].start if ahead > index + 1 and not tokens[ahead].capitalised else end
    return end


def descriptor(gap: str) -> bool:
    """Whether the words between a comma and a name describe it: ", state-owned oil company Norvik said"."""
    words = gap.split()
    if not 1 <= len(words) <= 6:
        return False
    for word in words:
        lower = word.lower()
        if not re.fullmatch(r"[A-Za-z][\w'’-]*", word) or lower in CLAUSE_VERBS or lower in SPEECH_VERBS \
                or lower in CLAUSE_SUBJECTS or lower in AFTER_SPEAKER_STOPS or lower in ("or", "that", "than"):
            return False
        if lower.endswith(("ed", "ing")) and "-" not in lower:
            return False
    return True

