"""Reported speech: the span of what was said when no quotation marks hold it ("X said the plan would fail",
"Prices will rise, X said", "But now, he said, prices will rise"). Pure: the rule that uses a span takes it."""
from __future__ import annotations

from questions.lexicon import TELL_VERBS
from questions.speech.document import SpeechDocument
from questions.speech.grammar import (
    after_aside, after_listener, before_next_attribution, descriptor, has_verb, named_speech_between, pronoun_clause,
    skip_time,
)
from questions.speech.mentions import Mention
from questions.speech.vocabulary import (
    CLAUSE_CUT, CLAUSE_VERBS, CLAUSE_WINDOW, COORDINATED_SPEECH, DATELINE, DETERMINERS, LISTENERS, NAME_GAP,
    PERSONAL_PRONOUNS, PREPOSITIONS, SPEECH_VERBS, TIME_WORDS, TRAILING,
)


def reported_clause(doc: SpeechDocument, index: int, *, require_that: bool) -> tuple[int, int] | None:
    """The clause after "said (that)": "Nikiforov said the Russian force could take credit ..."."""
    tokens = doc.tokens
    verb = tokens[index]
    position = index + 1
    limit = min(len(tokens), index + 12)
    that = next((other for other in range(position, limit) if tokens[other].lower == "that"
                 and tokens[other].sentence == verb.sentence
                 # "warned Tony Blair in a document on 7 March 2003 that": a date's figures may stand between
                 and all((token.word or token.text[:1].isdigit()) and token.lower not in CLAUSE_VERBS
                         and token.lower not in PERSONAL_PRONOUNS for token in tokens[position:other])
                 # "warned of the negative effects that a trade war could have": "that" after the topic relates
                 and not any(token.lower in ("of", "about") for token in tokens[position:other])
                 and not named_speech_between(doc, position, other)), None)
    if that is not None:
        return clause_from(doc, that + 1)
    if verb.lower in TELL_VERBS:  # "told reporters", "told the BBC", "told BBC Radio 4's Today programme"
        position = after_listener(doc, position, verb.sentence)
    position = skip_time(doc, position)
    if position < len(tokens) and tokens[position].text == "," and tokens[position].sentence == verb.sentence:
        position = after_aside(doc, position)  # "said, assuming a quota of 58 tonnes, Norway's share would ..."
    if require_that and not pronoun_clause(doc, position):
        return None  # "announced its plan"; but "announced yesterday it would close"
    if position >= len(tokens) or tokens[position].sentence != verb.sentence:
        return None
    token = tokens[position]
    if not token.word or token.lower in PREPOSITIONS or token.lower in ("of", "about", "and", "but", "or", "so", "then"):
        return None
    return clause_from(doc, position)


def clause_from(doc: SpeechDocument, position: int) -> tuple[int, int] | None:
    """The clause from token ``position`` to where the sentence, a participle or a second speaker cuts it."""
    tokens = doc.tokens
    if position >= len(tokens):
        return None
    sentence = tokens[position].sentence
    start = tokens[position].start
    end = min(doc.article.sentences[sentence].end, start + CLAUSE_WINDOW)
    for pattern in (CLAUSE_CUT, COORDINATED_SPEECH):
        cut = pattern.search(doc.text, start, end)
        if cut is not None:
            end = cut.start()
    end = before_next_attribution(doc, position, end)
    if len(doc.text[start:end].split()) < 3 or not has_verb(doc, position, end):
        return None
    return start, end


def clause_before(doc: SpeechDocument, index: int, speaker: Mention) -> tuple[int, int] | None:
    """"Prices will rise, Smith said.": the clause before the comma that precedes a closing attribution."""
    tokens = doc.tokens
    verb = tokens[index]
    bounds = doc.article.sentences[verb.sentence]
    if verb.lower not in SPEECH_VERBS and doc.text[verb.end:bounds.end].strip(TRAILING):
        return None  # "…, he explained." ends its sentence; "he explained the plan" has an object
    if bounds.end - verb.end > 200:
        return None  # more than a few words after the verb: it has an object
    tail = doc.text[verb.end:bounds.end]
    words = tail.split()
    if len(words) > 8 or any(mark in tail for mark in '"“”'):
        return None
    if words and words[0].strip(".,;").lower() not in PREPOSITIONS | LISTENERS | TIME_WORDS | {""} \
            and not (verb.lower in TELL_VERBS and (words[0][:1].isupper() or words[0].lower() in DETERMINERS)):
        return None  # "announced its plan": the verb has an object, what went before is no quote
    comma = doc.text.rfind(",", max(bounds.start, speaker.start - 200), speaker.start)
    if comma < 0 or not (NAME_GAP.fullmatch(doc.text[comma:speaker.start])
                         or descriptor(doc.text[comma + 1:speaker.start])):
        return None
    earliest = max(bounds.start, comma - CLAUSE_WINDOW)
    semicolon = doc.text.rfind(";", earliest, comma)
    start = semicolon + 1 if semicolon >= 0 else earliest
    dateline = DATELINE.match(doc.text, start, comma)
    if dateline is not None:
        start = dateline.end()
    text = doc.text[start:comma]
    if len(text.split()) < 3 or not has_verb(doc, doc.article.first_token_at(start), comma):
        return None
    return start, comma


def clause_before_comma(doc: SpeechDocument, index: int) -> tuple[int, int] | None:
    """"Prices will rise, said Jane Doe.": the clause from the sentence start to the comma before the verb."""
    tokens = doc.tokens
    verb = tokens[index]
    comma = tokens[index - 1].start
    # from the sentence's start: a short quotation inside the clause is part of what was said
    bounds = doc.article.sentences[verb.sentence]
    semicolon = doc.text.rfind(";", max(bounds.start, comma - CLAUSE_WINDOW), comma)
    start = semicolon + 1 if semicolon >= 0 else max(bounds.start, comma - CLAUSE_WINDOW)
    dateline = DATELINE.match(doc.text, start, comma)
    if dateline is not None:
        start = dateline.end()
    first = doc.article.first_token_at(start)
    words = doc.text[start:comma].split()
    if len(words) < 3 or first >= index:
        return None
    # the inverted verb itself says a statement stands before it; a long clause need not show its verb
    if not has_verb(doc, first, comma) and (len(words) < 6 or doc.tokens[first].lower in PREPOSITIONS):
        return None
    return start, comma


def clause_after_aside(doc: SpeechDocument, speaker: Mention, index: int, has_before: bool) -> tuple[int, int] | None:
    """The clause after an attribution set off by commas: "On a larger scale, said Mr Doe, costs will fall".

    When a full clause stood before the attribution, only a clause joined by "though" or "but" follows it
    ("…, said Mr Doe, though work still needed to be done")."""
    tokens = doc.tokens
    last = max(index, doc.article.first_token_at(speaker.end) - 1)
    position = last + 1
    if position >= len(tokens) or tokens[position].text != "," \
            or tokens[position].sentence != tokens[index].sentence:
        return None
    position += 1
    if position < len(tokens) and tokens[position].lower in ("though", "although", "but"):
        position += 1
    elif has_before or position < len(tokens) and tokens[position].lower in ("and", "or", "nor"):
        return None  # "There were many finalists, he added, and a few …": the rest of the clause before
    if position >= len(tokens) or tokens[position].sentence != tokens[index].sentence:
        return None
    return clause_from(doc, position)
