"""Resolve "he" and "she" to the person they stand for, only when the text settles it; else nobody."""
from __future__ import annotations

import re

from questions.lexicon import FEMALE_PRONOUNS, MALE_PRONOUNS, SOMEONE_DESCRIBED, SOMEONE_UNNAMED
from questions.model import FactKind
from questions.speech.document import SpeechDocument
from questions.speech.grammar import distance, may_be, opening_subject
from questions.speech.ledger import Ledger
from questions.speech.mentions import Mention


def resolved(doc: SpeechDocument, ledger: Ledger, mention: Mention) -> Mention | None:
    """The mention itself, or for "he"/"she" the person it stands for (keeping the pronoun's span)."""
    if mention.kind is not None:
        return mention
    pronoun = doc.text[mention.start:mention.end].lower()
    wanted = "m" if pronoun in MALE_PRONOUNS else "f" if pronoun in FEMALE_PRONOUNS else ""
    sentence = doc.article.sentence_at(mention.start)
    # One who has just spoken is the likeliest "he" of the next attribution ('…," he added').
    for said in reversed(ledger.said):
        if distance(doc, said.sentence, sentence) > 2 \
                or any(sentence > unnamed >= said.sentence for unnamed in ledger.unnamed) \
                or SOMEONE_UNNAMED.search(doc.text, doc.article.sentences[said.sentence].end, mention.start):
            break  # someone else spoke, or was brought in by a role alone ("a university professor"), since
        gender = doc.gender.get(said.speaker.value, "")
        if said.speaker.kind is FactKind.PERSON and (not wanted or not gender or gender == wanted):
            if someone_else_attributed(doc.text[doc.article.sentences[said.sentence].end:mention.start],
                                       said.speaker.value):
                return None  # a quotation never closed hid him from the rules: 'He added: "… Simon Gardner said:
            # unless someone else has since opened a sentence: 'Keeper Tony Bale agreed. "…," he added.'
            for between in range(sentence, said.sentence, -1):
                bound = mention.start if between == sentence else doc.article.sentences[between].end
                subject = opening_subject(doc, between, bound)
                if subject is not None and subject.kind is FactKind.PERSON \
                        and subject.value != said.speaker.value \
                        and (not wanted or doc.gender.get(subject.value, wanted) == wanted):
                    return Mention(mention.start, mention.end, subject.value, FactKind.PERSON)
                if between < sentence and someone_else_named(doc, between, said.speaker.value):
                    return None  # 'Miller argued … People like Eppel were steadfast. "…," he said': either man
            return Mention(mention.start, mention.end, said.speaker.value, FactKind.PERSON)
        # The latest speaker cannot be this "he" (an organisation, or the other sex): whoever spoke before them
        # is not settled either ('"…," said Leslie of Discount Corp. He said …' is not the man quoted earlier).
        break
    # "…, he added": not this sentence's subject
    trailing = doc.text[max(0, mention.start - 20):mention.start].rstrip().endswith(",")
    # Sentences where an organisation spoke: its unnamed spokesman may be the "he" that follows.
    organisation_spoke = {said.sentence for said in ledger.said if said.speaker.kind is not FactKind.PERSON}
    for back in range(1 if trailing else 0, 3):
        index = sentence - back
        if index < 0 or back and (index in ledger.unnamed or index in organisation_spoke):
            return None
        bounds = doc.article.sentences[index]
        end = mention.start if back == 0 else bounds.end
        if SOMEONE_UNNAMED.search(doc.text, bounds.start, end):
            return None  # "... came from a university professor. He said": he may be the professor
        if SOMEONE_DESCRIBED.match(doc.text[bounds.start:end]):
            return None  # "And the American remains critical. '…,' he claimed": the American, not the Briton
        if back and any(mark in doc.text[bounds.start:bounds.end] for mark in '"“”') and \
                not any(said.sentence == index for said in ledger.said):
            return None  # a quotation whose speaker the rules could not name: "he added" may be that speaker
        persons = [candidate for candidate in doc.mentions_between(bounds.start, end)
                   if candidate.kind is FactKind.PERSON and may_be(doc, candidate.value, wanted)]
        if not persons:
            continue
        if back and all(doc.possessive(person) for person in persons) and doc.pronoun_between(bounds.start, end):
            return None  # 'The problem with Mel Gibson's film, he believed, was …. "…," he said': the believer
        if back and spoke_lately(doc, ledger, sentence, {person.value for person in persons}, wanted):
            subject = opening_subject(doc, index, end)
            if subject is None or subject.kind is not FactKind.PERSON:
                return None  # '"…," he said. It began at Punta del Este. …, he said': the speaker again?
        return settled(doc, mention, index, end, persons, wanted)
    return only_person_before(doc, ledger, mention, wanted)


_ATTRIBUTED = re.compile(r"\b([A-Z][a-z]+(?: [A-Z][\w'’-]+)+)(?:,[^.“”\"]{0,80})?,? (?:said|says|told|added)\b")


def someone_else_attributed(text: str, speaker: str) -> bool:
    """Whether the text, read without regard to quotation marks, gives words to a named person other than the
    speaker: a quotation the article never closed may have hidden that attribution from the speaker rules."""
    surname = speaker.split()[-1]
    return any(surname not in match.group(1) for match in _ATTRIBUTED.finditer(text))


def spoke_lately(doc: SpeechDocument, ledger: Ledger, sentence: int, others: set[str], wanted: str) -> bool:
    """Whether a person other than ``others``, who may be this "he" or "she", spoke within the few sentences
    before: the pronoun may go on with them."""
    return any(said.speaker.kind is FactKind.PERSON and said.speaker.value not in others
               and may_be(doc, said.speaker.value, wanted) and distance(doc, said.sentence, sentence) <= 4
               for said in ledger.said[-3:])


def someone_else_named(doc: SpeechDocument, sentence: int, speaker: str) -> bool:
    """Whether the sentence names a person other than the speaker, who might be the next "he" as well."""
    bounds = doc.article.sentences[sentence]
    return any(other.kind is FactKind.PERSON and other.value != speaker
               for other in doc.mentions_between(bounds.start, bounds.end))


def settled(doc: SpeechDocument, mention: Mention, sentence: int, end: int, persons: list[Mention],
             wanted: str) -> Mention | None:
    """The one of several people a pronoun stands for, when the text settles it: the sentence's subject, or
    the only person there of the pronoun's kind. Otherwise none: a wrong speaker is worse than a missing one."""
    subject = opening_subject(doc, sentence, end)
    if subject is not None and subject.kind is FactKind.PERSON and may_be(doc, subject.value, wanted):
        return Mention(mention.start, mention.end, subject.value, FactKind.PERSON)
    if len({person.value for person in persons}) == 1:
        return Mention(mention.start, mention.end, persons[0].value, FactKind.PERSON)
    return None


def only_person_before(doc: SpeechDocument, ledger: Ledger, mention: Mention, wanted: str) -> Mention | None:
    """"He" when the article so far names one person only, of that gender, and nobody unnamed has spoken since."""
    people = {person.value for person in doc.mentions_between(0, mention.start)
              if person.kind is FactKind.PERSON}
    if len(people) != 1:
        return None
    person = people.pop()
    if doc.gender.get(person, "") != wanted:
        return None
    sentence = doc.article.sentence_at(mention.start)
    last = max(candidate.start for candidate in doc.mentions_between(0, mention.start)
               if candidate.value == person)
    if any(sentence >= unnamed >= doc.article.sentence_at(last) for unnamed in ledger.unnamed):
        return None
    return Mention(mention.start, mention.end, person, FactKind.PERSON)
