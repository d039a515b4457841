"""Who speaks: the rules that find the speaker of a speech verb, each a function of the verb's token index.

``SPEAKER_FINDERS`` lists the rules for a verb after its subject ("X said") in the order they are tried; the first
that finds a speaker names it. ``speaker_after`` reads an inverted verb ('"…," said X').
"""
from __future__ import annotations

from collections.abc import Callable

from questions.lexicon import SPEECH_INSERTS, SPOKESPERSON_NOUNS
from questions.model import FactKind
from questions.speech.document import SpeechDocument
from questions.speech.grammar import (
    after_opening_participle, after_preposition, gap_ok, modifies_role, object_of_verb, opening_subject,
)
from questions.speech.ledger import Ledger
from questions.speech.mentions import Mention
from questions.speech.vocabulary import AFTER_SPEAKER_STOPS, COMPANY_NOUNS, DETERMINERS, ROLE_QUALIFIERS, SUBJECT_WINDOW


def coordinated_speaker(doc: SpeechDocument, ledger: Ledger, index: int) -> Mention | None:
    """"He noted ... but said, "…"": a second speech verb joined by "and"/"but" keeps the speaker."""
    tokens = doc.tokens
    position = index - 1
    while position >= 0 and tokens[position].lower in ("also", "then", "later"):
        position -= 1
    if position < 0 or tokens[position].lower not in ("and", "but"):
        return None
    for said in reversed(ledger.said):
        if said.sentence == tokens[index].sentence:
            return said.speaker
        if said.sentence < tokens[index].sentence:
            break
    return opening_subject(doc, tokens[index].sentence, tokens[position].start)


def _before_inserts(doc: SpeechDocument, index: int) -> int:
    """Return the position of the word before a verb, past inserts ("it also said", "the minister has said")."""
    position = index - 1
    while position >= 0 and doc.tokens[position].lower in SPEECH_INSERTS:
        position -= 1
    return position


def spokesperson_for(doc: SpeechDocument, ledger: Ledger, index: int) -> Mention | None:
    """"A spokesman for Acme said", "Acme's spokeswoman said": the one the spokesperson speaks for."""
    tokens = doc.tokens
    position = _before_inserts(doc, index)
    if position < 1 or tokens[position].sentence != tokens[index].sentence:
        return None
    if tokens[position].lower in SPOKESPERSON_NOUNS and tokens[position - 1].text in ("'s", "’s"):
        mention = doc.mention_ending(tokens[position - 1].start)
        return mention if mention is not None and mention.kind is not FactKind.PERSON else None
    if tokens[position].lower in SPOKESPERSON_NOUNS and tokens[position].lower != "statement":
        mention = doc.mention_ending(tokens[position - 1].end)  # "a Cosla spokesman said"
        if mention is not None and mention.kind is FactKind.ORGANISATION:
            return mention
    if tokens[position].text == ")" and position >= 2 and tokens[position - 2].text == "(":
        position -= 3  # "the Conference on Fisheries (UNCF) said"
    mention = doc.mention_ending(tokens[position].end) if position >= 0 else None
    if mention is None:
        return None
    first = doc.article.first_token_at(mention.start) - 1
    while first >= 0 and (tokens[first].lower in ("the", "mr", "mrs", "ms", "dr", "mr.", "mrs.", "ms.", "dr.")):
        first -= 1
    if first >= 1 and tokens[first].lower in ("for", "of", "at") and tokens[first - 1].lower in SPOKESPERSON_NOUNS:
        return mention
    return None


def subject_before(doc: SpeechDocument, ledger: Ledger, index: int) -> Mention | None:
    """The subject of "X said": the nearest name before the verb, past an appositive between commas."""
    verb = doc.tokens[index]
    position = _before_inserts(doc, index)
    if position >= 1 and doc.tokens[position].lower in ("which", "who"):
        relative = position - 1 if doc.tokens[position - 1].text == "," else position
        mention = doc.mention_ending(doc.tokens[relative - 1].end) if relative >= 1 else None
        if mention is not None:
            return mention  # "… by the Pacific Fisheries Commission, which said …": what "which" stands for
    start = max(doc.clause_start(verb.sentence, verb.start), verb.start - SUBJECT_WINDOW)
    if position >= 0 and doc.tokens[position].text == ",":
        # "Paul Jones, who sang hits such as Sha La La, said": the name before the relative clause speaks
        sentence_start = doc.article.sentences[verb.sentence].start
        relative = max(doc.text.rfind(", who ", sentence_start, verb.start),
                       doc.text.rfind(", whose ", sentence_start, verb.start))
        owner = doc.mention_ending(relative) if relative > sentence_start else None
        if owner is not None and owner.kind is FactKind.PERSON:
            return owner
    candidates = doc.mentions_between(start, verb.start)
    candidates = [mention for mention in candidates if not doc.possessive(mention)
                  and not after_preposition(doc, mention.start) and not object_of_verb(doc, mention.start)]
    pronoun = doc.pronoun_between(start, verb.start)
    if pronoun is not None and after_preposition(doc, pronoun.start):
        pronoun = None
    persons = [mention for mention in candidates if mention.kind is FactKind.PERSON]
    if pronoun is not None and (not persons or pronoun.start > persons[-1].end):
        if gap_ok(doc, pronoun.end, verb.start, person=True):
            return pronoun
    if persons and gap_ok(doc, persons[-1].end, verb.start, person=True):
        return persons[-1]
    for position, candidate in reversed(list(enumerate(candidates[-3:]))):
        # "Acme Ltd (ACM) said", "Acme, the operator of the dam, has said": the name before its aside
        if position and doc.text[max(0, candidate.start - 2):candidate.start].strip() == "(":
            continue  # the name's own acronym in brackets: the name before it speaks
        if candidate.kind is FactKind.PLACE and modifies_role(doc, candidate):
            continue  # "U.S. officials said": the place only says whose officials speak
        if gap_ok(doc, candidate.end, verb.start, person=False):
            return candidate
    return None


def it_speaker(doc: SpeechDocument, ledger: Ledger, index: int) -> Mention | None:
    """"It said …" after an organisation spoke: the organisation again."""
    tokens = doc.tokens
    position = _before_inserts(doc, index)
    if position < 0 or tokens[position].lower != "it":
        return None
    sentence = tokens[index].sentence
    for said in reversed(ledger.said):
        if sentence - said.sentence > 2:
            break
        if said.speaker.kind in (FactKind.ORGANISATION, FactKind.PLACE):
            if _document_spoke_since(doc, said.sentence, position):
                return None  # "…, the proposal said. It said no decisions were reached": the proposal, not the bank
            pronoun = tokens[position]
            return Mention(pronoun.start, pronoun.end, said.speaker.value, said.speaker.kind)
        if said.speaker.kind is FactKind.PERSON:
            break
    return None


# What a story quotes that is no one: "the proposal said", "the report says".
_DOCUMENT_NOUNS = frozenset("proposal proposals report statement study plan document letter agreement survey paper "
                            "filing prospectus circular communique memo memorandum bill draft ruling".split())


def _document_spoke_since(doc: SpeechDocument, sentence: int, position: int) -> bool:
    """Whether a document ("the proposal said") spoke between the sentence an organisation spoke in and a token."""
    tokens = doc.tokens
    while position > 1 and tokens[position].sentence > sentence:
        position -= 1
        if tokens[position].lower in ("said", "says") and tokens[position - 1].lower in _DOCUMENT_NOUNS and \
                tokens[position - 2].lower in ("the", "a", "an", "this", "its", "their"):
            return True
    return False


def role_reference(doc: SpeechDocument, ledger: Ledger, index: int) -> Mention | None:
    """"But the home secretary said …": the one person the article gives that role."""
    tokens = doc.tokens
    position = _before_inserts(doc, index)
    end = position
    while position >= 0 and tokens[position].text.islower() and tokens[position].word \
            and tokens[position].lower not in DETERMINERS and end - position < 3:
        position -= 1
    if position < 0 or end == position or tokens[position].lower != "the":
        return None
    phrase = " ".join(token.lower for token in tokens[position + 1:end + 1])
    # "the prime minister" is the Prime Minister, not the Deputy Prime Minister
    people = {value for role, value in doc.roles if role == phrase or role.endswith(" " + phrase)
              and role[:-len(phrase)].split()[-1] not in ROLE_QUALIFIERS}
    if len(people) != 1:
        return None
    return Mention(tokens[position].start, tokens[end].end, people.pop(), FactKind.PERSON)


def company_reference(doc: SpeechDocument, ledger: Ledger, index: int) -> Mention | None:
    """"The firm, reporting its results, said …": the organisation that spoke last, when no other one has spoken
    since; "the company" alone settles nothing more."""
    tokens = doc.tokens
    verb = tokens[index]
    start = doc.clause_start(verb.sentence, verb.start)
    first = doc.article.first_token_at(start)
    first = after_opening_participle(doc, first, verb.start)
    if first + 1 >= index or tokens[first].lower != "the" or tokens[first + 1].lower not in COMPANY_NOUNS:
        return None
    if not gap_ok(doc, tokens[first + 1].end, verb.start, person=False):
        return None
    organisations = []
    for said in reversed(ledger.said):
        if verb.sentence - said.sentence > 3:
            break
        if said.speaker.kind is FactKind.ORGANISATION:
            organisations.append(said.speaker.value)
    if not organisations or len(set(organisations)) != 1:
        return None
    return Mention(tokens[first].start, tokens[first + 1].end, organisations[0], FactKind.ORGANISATION)


def speaker_after(doc: SpeechDocument, index: int) -> Mention | None:
    """The speaker of '"…," said X, chief of Y': the first name after the verb, before a comma."""
    tokens = doc.tokens
    verb = tokens[index]
    end = verb.end
    position = index + 1
    while position < len(tokens) and tokens[position].sentence == verb.sentence:
        token = tokens[position]
        if not token.word and token.text not in ("'s", "’s", "-", "&") and not token.text.endswith("."):
            break
        if token.lower in AFTER_SPEAKER_STOPS and not token.capitalised or token.lower in ("as", "who", "that"):
            break  # '"The Great Depression of 1990," predicts that … U.S. wealth': a clause, no speaker
        end = token.end
        position += 1
        if position - index > 12:
            break
    pronoun = doc.pronoun_between(verb.end, end)
    candidates = [mention for mention in doc.mentions_between(verb.end, end) if not doc.possessive(mention)
                  and not modifies_role(doc, mention)]
    persons = [mention for mention in candidates if mention.kind is FactKind.PERSON]
    first = persons[0] if persons else candidates[0] if candidates else None
    if pronoun is not None and (first is None or pronoun.start < first.start):
        return pronoun
    return first


SpeakerFinder = Callable[[SpeechDocument, Ledger, int], Mention | None]
# The order is the precedence: a speech verb joined to an earlier one, a spokesperson's employer, the subject before
# the verb, "it" for the organisation that spoke, "the home secretary", "the company".
SPEAKER_FINDERS: tuple[SpeakerFinder, ...] = (
    coordinated_speaker, spokesperson_for, subject_before, it_speaker, role_reference, company_reference,
)
