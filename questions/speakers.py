"""Find who said what: direct quotes and reported speech, with the speaker resolved.

Quotations are paired across the whole article, so a quote may run over several sentences or paragraphs. A
speech verb attributes the quotation next to it ('"…," Nikiforov said', 'X said: "…"', '"…," said X, chief of
Y'), or else the clause after it (reported speech). "He" and "she" stand for the last person named as a
sentence's subject; a quotation that opens a sentence without attribution continues the previous speaker.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import NamedTuple

from questions.lexicon import (
    ROLE_NOUNS, FEMALE_PRONOUNS, FEMALE_WORDS, MALE_PRONOUNS, MALE_WORDS, MONTHS, SPEECH_INSERTS, SPEECH_PARTICIPLES,
    SPOKESPERSON_NOUNS, TELL_VERBS, WEEKDAYS,
)
from questions.model import Fact, FactKind, Sentence
from questions.names import Article, opening_quote, read_article

# Verbs that report speech by themselves; the weaker ones need "that" or a quotation ("denied the claim" is
# not a quote, "denied that it had ..." is).
_SPEECH_VERBS = frozenset("""
said says say told tells added adds argued argues insisted insists claimed claims replied replies responded
responds stressed stresses emphasised emphasized emphasises emphasizes warned warns cautioned cautions remarked
remarks commented comments conceded concedes contended contends maintained maintains reiterated reiterates
recalled recalls mentioned mentions clarified clarifies joked jokes quipped quips retorted retorts exclaimed
exclaims
""".split())
_WEAK_SPEECH_VERBS = frozenset("""
stated states announced announces noted notes explained explains declared declares wrote writes testified
testifies tweeted tweets complained complains countered counters observed observes predicted predicts suggested
suggests confirmed confirms acknowledged acknowledges admitted admits asked asks asserted asserts alleged alleges
answered answers reported reports estimated estimates revealed reveals disclosed discloses denied denies accused
accuses vowed vows pledged pledges promised promises urged urges believes believed thinks thought
""".split())
# A reported clause has a verb; "announced its new initiative" has only an object.
_CLAUSE_VERBS = frozenset("""
is are was were be been being has have had will would could can may might must should shall did does do
sent made took gave said told went came saw knew thought found got became began brought built bought caught
chose felt fell grew held kept left led lost met paid put ran rose sold set shot spent stood struck taught
understood won wrote hit cut let beat broke drove flew forgot hid hurt lay lit meant quit read rode rang sank
spoke stole stuck swore swept swam threw woke wore withdrew needs wants remains seems appears looks feels
""".split())
_CLAUSE_SUBJECTS = frozenset("it he she they we i you there this that these those".split())
_PASSIVE = frozenset("was were been being is are be".split())
_QUOTE_MARK = re.compile(r"“|”|''|\"")
_CLAUSE_CUT = re.compile(r",\s+(?:" + "|".join(sorted(SPEECH_PARTICIPLES)) + r")\b|;")
_TRAILING = " \t\n,.;:!?\"“”'’)"
_AFTER_SPEAKER_STOPS = frozenset("""
as who which when while after before during because adding noting saying in at on today yesterday tonight
and but
""".split())
_PREPOSITIONS = frozenset("in at on during after before with from to by for over under last this next".split())
_TIME_WORDS = frozenset("today yesterday tonight earlier later recently week month year weekend morning afternoon "
                        "evening night".split()) | WEEKDAYS | MONTHS
_LISTENERS = frozenset("""
reporters journalists lawmakers legislators parliament congress audience crowd supporters members delegates
students viewers listeners readers investors analysts officials police court jury judge senators mps colleagues
staff workers residents him them us me newspaper paper radio television
""".split())
_DETERMINERS = frozenset("the a an his her their its our my your this that".split())
_NAME_GAP = re.compile(r"[\s,]*(?:(?:[A-Z][\w.’'-]*|of|the|for|and|'s|’s)\s+)*")
_PRONOUNS = frozenset({"he", "she"})
# "RIO DE JANEIRO, March 9 - ": a wire dateline that opens the sentence is not part of what was said.
_DATELINE = re.compile(r"[A-Z][A-Z.'’ -]+[A-Z.],[^-–—\n]{0,60}?\s[-–—]{1,2}\s+")
# Words before a name that make it the object of a preposition, not the subject of the verb after it.
_NOT_SUBJECT_BEFORE = frozenset("in at of for from to by with near on against over under about between among into "
                                "than like".split())
# Unnamed speakers: a pronoun after them stands for them, not for the last person named.
_UNNAMED_SPEAKERS = frozenset("""
spokesman spokeswoman spokesperson official officials minister source sources aide aides lawyer lawyers police
statement report spokesmen spokeswomen analyst analysts ministry department company group agency adviser
advisers executive executives director manager officer officers witness witnesses judge prosecutor prosecutors
""".split())
_COORDINATED_SPEECH = re.compile(r"(?:,\s*)?\s(?:but|and)\s+(?:also\s+|then\s+|later\s+)?"
                                 r"(?:said|says|added|adds|told|tells|noted|warned|stressed)\b")


class _Mention(NamedTuple):
    start: int
    end: int
    value: str
    kind: FactKind | None  # None: a pronoun still to resolve


class _Quote(NamedTuple):
    start: int  # content offsets, without the marks
    end: int
    open_mark: int  # offset of the opening mark
    close_mark: int  # offset just after the closing mark (the content's end when the quote is left open)
    chain: int  # quotes of one quotation continued over paragraphs share a chain


@dataclass
class _Said:
    """One attribution: who (their mention) said which quotations or which reported clause."""

    speaker: _Mention
    sentence: int
    quotes: list[str]


def find_speakers(sentences: tuple[Sentence, ...], *, entities: tuple[Fact, ...]) -> tuple[Fact, ...]:
    """Return speaker facts: the speaker's canonical name, what they said, and their mention's span."""
    if not sentences:
        return ()
    article = read_article(sentences)
    return _SpeechReader(article, entities).facts()


class _SpeechReader:
    def __init__(self, article: Article, entities: tuple[Fact, ...]) -> None:
        self.article = article
        self.text = article.text
        self.tokens = article.tokens
        self.mentions = _mentions(article, entities)
        self.mention_starts = [mention.start for mention in self.mentions]
        self.quotes = _quotations(article)
        self.quote_starts = [quote.start for quote in self.quotes]
        self.gender = self._genders()
        self.used_chains: set[int] = set()
        self.said: list[_Said] = []
        self.unnamed: set[int] = set()  # sentences where someone unnamed speaks ("A spokesman said")

    # ------------------------------------------------------------------ results

    def facts(self) -> tuple[Fact, ...]:
        for index, token in enumerate(self.tokens):
            if not token.word or self._inside_quote(token.start):
                continue
            lower = token.lower
            if lower in _SPEECH_VERBS or lower in _WEAK_SPEECH_VERBS:
                self._read_verb(index)
            elif lower in SPEECH_PARTICIPLES and index and self.tokens[index - 1].text == ",":
                self._read_participle(index)
            elif lower == "according" and index + 1 < len(self.tokens) and self.tokens[index + 1].lower == "to":
                self._read_according(index)
        self._continue_speakers()
        facts: list[Fact] = []
        seen = set()
        for said in self.said:
            for quote in said.quotes:
                key = (said.speaker.value, quote)
                if not quote or key in seen:
                    continue
                seen.add(key)
                mention = said.speaker
                facts.append(Fact(
                    kind=FactKind.SPEAKER,
                    text=self.text[mention.start:mention.end],
                    value=mention.value,
                    start=mention.start,
                    end=mention.end,
                    sentence=self.article.sentences[said.sentence],
                    quote=quote,
                ))
        return tuple(facts)

    # ------------------------------------------------------------------ attributions

    def _read_verb(self, index: int) -> None:
        tokens = self.tokens
        verb = tokens[index]
        previous = tokens[index - 1] if index else None
        if previous is not None and (previous.lower in _PASSIVE or previous.lower == "to"):
            return  # "was told to", "is said to be", "to say"
        following = tokens[index + 1] if index + 1 < len(tokens) else None
        if following is not None and following.lower == "by":
            return
        inverted = self._after_closing_quote(verb.start)
        if inverted:
            speaker = self._speaker_after(index)
            attribution_start = verb.start
        else:
            speaker = self._coordinated_speaker(index) or self._speaker_before(index)
            attribution_start = speaker.start if speaker is not None else verb.start
        if speaker is None:
            if self._unnamed_before(index):
                self.unnamed.add(verb.sentence)
            return
        speaker = self._resolved(speaker)
        if speaker is None:
            return
        quotes = []
        before = self._quote_before(attribution_start, verb.sentence)
        if before is not None:
            quotes.append(before)
        after = self._quote_after(verb.end, verb.sentence)
        if after is not None:
            quotes.append(after)
        weak = verb.lower in _WEAK_SPEECH_VERBS
        if not quotes:
            clause = self._reported_clause(index, require_that=weak)
            if clause is None and not inverted:
                clause = self._clause_before(index, speaker)
            if clause is None:
                return
            quotes.append(clause)
        self.said.append(_Said(speaker, verb.sentence, [self._quote_text(quote) for quote in quotes]))

    def _coordinated_speaker(self, index: int) -> _Mention | None:
        """"He noted ... but said, "…"": a second speech verb joined by "and"/"but" keeps the speaker."""
        tokens = self.tokens
        position = index - 1
        while position >= 0 and tokens[position].lower in ("also", "then", "later"):
            position -= 1
        if position < 0 or tokens[position].lower not in ("and", "but"):
            return None
        for said in reversed(self.said):
            if said.sentence == tokens[index].sentence:
                return said.speaker
        return None

    def _unnamed_before(self, index: int) -> bool:
        """"A spokesman said", "The MP for Sittingbourne said": someone speaks whom the article does not name."""
        tokens = self.tokens
        position = index - 1
        while position >= 0 and tokens[position].lower in SPEECH_INSERTS:
            position -= 1
        if position >= 0 and tokens[position].lower in _UNNAMED_SPEAKERS:
            return True
        start = self._clause_start(tokens[index].sentence, tokens[index].start)
        first = self.article.first_token_at(start)
        return any(token.lower in _UNNAMED_SPEAKERS or token.lower in ROLE_NOUNS
                   for token in tokens[first:min(first + 4, index)])

    def _clause_before(self, index: int, speaker: _Mention) -> tuple[int, int] | None:
        """"Prices will rise, Smith said.": the clause before the comma that precedes a closing attribution."""
        tokens = self.tokens
        verb = tokens[index]
        bounds = self.article.sentences[verb.sentence]
        if verb.lower not in _SPEECH_VERBS:
            return None
        tail = self.text[verb.end:bounds.end]
        words = tail.split()
        if len(words) > 8 or any(mark in tail for mark in '"“”'):
            return None
        if words and words[0].strip(".,;").lower() not in _PREPOSITIONS | _LISTENERS | _TIME_WORDS | {""}:
            return None  # "announced its plan": the verb has an object, what went before is no quote
        comma = self.text.rfind(",", bounds.start, speaker.start)
        if comma < 0 or not _NAME_GAP.fullmatch(self.text[comma:speaker.start]):
            return None
        semicolon = self.text.rfind(";", bounds.start, comma)
        start = semicolon + 1 if semicolon >= 0 else bounds.start
        dateline = _DATELINE.match(self.text, start, comma)
        if dateline is not None:
            start = dateline.end()
        text = self.text[start:comma]
        if len(text.split()) < 3 or not self._has_verb(self.article.first_token_at(start), comma):
            return None
        for quote in self.quotes:
            if start <= quote.start < comma:
                self.used_chains.add(quote.chain)
        return start, comma

    def _read_participle(self, index: int) -> None:
        """", saying Murray played "incredibly."", ", noting he had ...": the sentence's speaker goes on."""
        token = self.tokens[index]
        speaker = None
        for said in reversed(self.said):
            if said.sentence == token.sentence:
                speaker = said.speaker
                break
        if speaker is None:
            speaker = self._subject_of(token.sentence, token.start)
        if speaker is None:
            return
        speaker = self._resolved(speaker)
        if speaker is None:
            return
        after = self._quote_after(token.end, token.sentence)
        quote = self._quote_text(after) if after is not None else None
        if quote is None:
            clause = self._clause_from(index + 1)
            quote = self._quote_text(clause) if clause is not None else None
        if quote:
            self.said.append(_Said(speaker, token.sentence, [quote]))

    def _read_according(self, index: int) -> None:
        """"…, according to the ministry." / "According to X, …"."""
        tokens = self.tokens
        sentence = tokens[index].sentence
        position = index + 2
        while position < len(tokens) and tokens[position].lower in ("the", "a", "an"):
            position += 1
        if position >= len(tokens):
            return
        mention = self._mention_at(tokens[position].start)
        if mention is None or mention.kind is FactKind.PLACE:
            return
        bounds = self.article.sentences[sentence]
        if index and tokens[index - 1].text == ",":
            start = self._clause_start(sentence, tokens[index].start)
            quote = (start, tokens[index - 1].start)
        elif tokens[index].start == bounds.start:
            comma = next((token for token in tokens[position:] if token.sentence == sentence
                          and token.text == ","), None)
            if comma is None:
                return
            quote = (comma.end, bounds.end)
        else:
            return
        text = self._quote_text(quote)
        if text and len(text.split()) >= 3:
            self.said.append(_Said(mention, sentence, [text]))

    def _continue_speakers(self) -> None:
        """A quotation that opens a sentence with no attribution goes on with the previous sentence's speaker."""
        chains: dict[int, list[_Quote]] = {}
        for quote in self.quotes:
            chains.setdefault(quote.chain, []).append(quote)
        for chain, parts in chains.items():
            if chain in self.used_chains:
                continue
            first = parts[0]
            sentence = self.article.sentence_at(first.open_mark)
            if self.text[:first.open_mark].rstrip().endswith(":"):
                self._read_colon_quote(parts, sentence)
                continue
            if self.article.sentences[sentence].start != first.open_mark:
                continue
            earlier = [said for said in self.said if said.sentence < sentence]
            if not earlier or sentence - max(said.sentence for said in earlier) > 2:
                continue
            last = max(earlier, key=lambda said: said.sentence)
            text = self._quote_text(parts[0])
            if text and len(text.split()) >= 2:
                self.used_chains.add(chain)
                self.said.append(_Said(last.speaker, sentence, [text]))

    def _read_colon_quote(self, parts: list[_Quote], sentence: int) -> None:
        """'He also praised the director: "…"': a quotation after a colon is the subject's."""
        bounds = self.article.sentences[sentence]
        if bounds.start >= parts[0].open_mark:
            return
        speaker = self._subject_of(sentence, parts[0].open_mark)
        if speaker is None or sentence in self.unnamed:
            return
        speaker = self._resolved(speaker)
        text = self._quote_text(parts[0])
        if speaker is not None and text:
            self.used_chains.add(parts[0].chain)
            self.said.append(_Said(speaker, sentence, [text]))

    # ------------------------------------------------------------------ who

    def _speaker_before(self, index: int) -> _Mention | None:
        """The subject of "X said": the nearest name before the verb, past an appositive between commas."""
        verb = self.tokens[index]
        start = self._clause_start(verb.sentence, verb.start)
        candidates = self._mentions_between(start, verb.start)
        candidates = [mention for mention in candidates if not self._possessive(mention)
                      and not self._after_preposition(mention.start)]
        pronoun = self._pronoun_between(start, verb.start)
        if pronoun is not None and self._after_preposition(pronoun.start):
            pronoun = None
        persons = [mention for mention in candidates if mention.kind is FactKind.PERSON]
        if pronoun is not None and (not persons or pronoun.start > persons[-1].end):
            if self._gap_ok(pronoun.end, verb.start, person=True):
                return pronoun
        if persons and self._gap_ok(persons[-1].end, verb.start, person=True):
            return persons[-1]
        if candidates and self._gap_ok(candidates[-1].end, verb.start, person=False):
            return candidates[-1]
        return self._it_speaker(index)

    def _it_speaker(self, index: int) -> _Mention | None:
        """"It said …" after an organisation spoke: the organisation again."""
        tokens = self.tokens
        position = index - 1
        while position >= 0 and tokens[position].lower in SPEECH_INSERTS:
            position -= 1
        if position < 0 or tokens[position].lower != "it":
            return None
        sentence = tokens[index].sentence
        for said in reversed(self.said):
            if sentence - said.sentence > 2:
                break
            if said.speaker.kind in (FactKind.ORGANISATION, FactKind.PLACE):
                pronoun = tokens[position]
                return _Mention(pronoun.start, pronoun.end, said.speaker.value, said.speaker.kind)
            if said.speaker.kind is FactKind.PERSON:
                break
        return None

    def _after_preposition(self, position: int) -> bool:
        index = self.article.first_token_at(position) - 1
        return index >= 0 and self.tokens[index].lower in _NOT_SUBJECT_BEFORE

    def _speaker_after(self, index: int) -> _Mention | None:
        """The speaker of '"…," said X, chief of Y': the first name after the verb, before a comma."""
        tokens = self.tokens
        verb = tokens[index]
        end = verb.end
        position = index + 1
        while position < len(tokens) and tokens[position].sentence == verb.sentence:
            token = tokens[position]
            if not token.word and token.text not in ("'s", "’s", "-", "&") and not token.text.endswith("."):
                break
            if token.lower in _AFTER_SPEAKER_STOPS and not token.capitalised or token.lower in ("as", "who"):
                break
            end = token.end
            position += 1
            if position - index > 12:
                break
        pronoun = self._pronoun_between(verb.end, end)
        candidates = [mention for mention in self._mentions_between(verb.end, end) if not self._possessive(mention)]
        persons = [mention for mention in candidates if mention.kind is FactKind.PERSON]
        first = persons[0] if persons else candidates[0] if candidates else None
        if pronoun is not None and (first is None or pronoun.start < first.start):
            return pronoun
        return first

    def _subject_of(self, sentence: int, before: int) -> _Mention | None:
        """The first person named in a sentence before ``before``, or a pronoun standing first."""
        start = self.article.sentences[sentence].start
        mentions = [mention for mention in self._mentions_between(start, before)
                    if mention.kind is FactKind.PERSON and not self._possessive(mention)]
        pronoun = self._pronoun_between(start, before)
        if pronoun is not None and (not mentions or pronoun.start < mentions[0].start):
            return pronoun
        return mentions[0] if mentions else None

    def _resolved(self, mention: _Mention) -> _Mention | None:
        """The mention itself, or for "he"/"she" the person it stands for (keeping the pronoun's span)."""
        if mention.kind is not None:
            return mention
        pronoun = self.text[mention.start:mention.end].lower()
        wanted = "m" if pronoun in MALE_PRONOUNS else "f" if pronoun in FEMALE_PRONOUNS else ""
        sentence = self.article.sentence_at(mention.start)
        # One who has just spoken is the likeliest "he" of the next attribution ('…," he added').
        for said in reversed(self.said):
            if sentence - said.sentence > 2 or any(sentence > unnamed >= said.sentence for unnamed in self.unnamed):
                break
            gender = self.gender.get(said.speaker.value, "")
            if said.speaker.kind is FactKind.PERSON and (not wanted or not gender or gender == wanted):
                return _Mention(mention.start, mention.end, said.speaker.value, FactKind.PERSON)
        trailing = self.text[:mention.start].rstrip().endswith(",")  # "…, he added": not this sentence's subject
        for back in range(1 if trailing else 0, 3):
            index = sentence - back
            if index < 0 or back and index in self.unnamed:
                break
            bounds = self.article.sentences[index]
            end = mention.start if back == 0 else bounds.end
            persons = [candidate for candidate in self._mentions_between(bounds.start, end)
                       if candidate.kind is FactKind.PERSON]
            for person in persons:
                gender = self.gender.get(person.value, "")
                if not wanted or not gender or gender == wanted:
                    return _Mention(mention.start, mention.end, person.value, FactKind.PERSON)
        return None

    def _gap_ok(self, start: int, end: int, *, person: bool) -> bool:
        """Whether the words between a name and its verb keep them together ("X also said", "X, chief of Y, said")."""
        first = self.article.first_token_at(start)
        last = self.article.first_token_at(end)
        gap = self.tokens[first:last]
        if not gap:
            return True
        words = [token.lower for token in gap]
        if all(word in SPEECH_INSERTS or word in SPOKESPERSON_NOUNS for word in words):
            return True
        if person and words[0] == "," and words[-1] == "," and len(words) <= 24 and '"' not in words:
            return True  # an appositive
        return person and len(words) <= 2 and all(token.word for token in gap)

    # ------------------------------------------------------------------ what

    def _after_closing_quote(self, position: int) -> bool:
        """'"…," said X': only a comma and a closing quotation mark stand before the verb."""
        before = self.text[max(0, position - 6):position].rstrip().rstrip(",")
        return before.endswith(("”", '"', "''"))

    def _quote_before(self, attribution_start: int, sentence: int) -> _Quote | None:
        """The quotation that ends just before the attribution, with only names and titles in between."""
        for quote in reversed(self.quotes):
            if quote.close_mark > attribution_start:
                continue
            gap = self.text[quote.close_mark:attribution_start]
            if quote.end == quote.close_mark or not _NAME_GAP.fullmatch(gap) or "\n" in gap:
                return None
            if self.text[quote.start:quote.end].rstrip().endswith(".") and "," not in gap:
                return None  # a finished sentence in quotes is not attributed by the next sentence
            if quote.chain in self.used_chains:
                return None
            return self._take(quote)
        return None

    def _quote_after(self, position: int, sentence: int) -> _Quote | None:
        """The quotation that follows the attribution after a colon or a comma: 'X said: "…"'."""
        index = bisect.bisect_left([quote.open_mark for quote in self.quotes], position)
        if index >= len(self.quotes):
            return None
        quote = self.quotes[index]
        if self.article.sentence_at(quote.open_mark) != sentence or quote.chain in self.used_chains:
            return None
        gap = self.text[position:quote.open_mark]
        if any(char in gap for char in ".!?\n"):
            return None
        words = gap.split()
        if len(words) > 8:
            return None
        stripped = gap.strip()
        if stripped and not stripped.endswith((",", ":")):
            return None
        return self._take(quote)

    def _take(self, quote: _Quote) -> _Quote:
        """Use a quotation (and the paragraphs that continue it) for one attribution only."""
        self.used_chains.add(quote.chain)
        parts = [other for other in self.quotes if other.chain == quote.chain]
        return _Quote(parts[0].start, parts[-1].end, parts[0].open_mark, parts[-1].close_mark, quote.chain)

    def _reported_clause(self, index: int, *, require_that: bool) -> tuple[int, int] | None:
        """The clause after "said (that)": "Nikiforov said the Russian force could take credit ..."."""
        tokens = self.tokens
        verb = tokens[index]
        position = index + 1
        limit = min(len(tokens), index + 12)
        that = next((other for other in range(position, limit) if tokens[other].lower == "that"
                     and tokens[other].sentence == verb.sentence
                     and all(token.word for token in tokens[position:other])), None)
        if that is not None:
            return self._clause_from(that + 1)
        if require_that:
            return None
        if verb.lower in TELL_VERBS:  # "told reporters", "told the BBC", "told Reuters news agency"
            while position < len(tokens) and tokens[position].lower in _DETERMINERS:
                position += 1
            if position < len(tokens) and tokens[position].lower in _LISTENERS:
                position += 1
            else:
                while position < len(tokens) and tokens[position].sentence == verb.sentence \
                        and tokens[position].capitalised:
                    position += 1
        position = self._skip_time(position)
        if position >= len(tokens) or tokens[position].sentence != verb.sentence:
            return None
        token = tokens[position]
        if not token.word or token.lower in _PREPOSITIONS or token.lower in ("and", "but", "or", "so", "then"):
            return None
        return self._clause_from(position)

    def _skip_time(self, position: int) -> int:
        """Step over "on Wednesday", "last week", "on May 15" between a verb and its clause."""
        tokens = self.tokens
        if position < len(tokens) and tokens[position].lower in ("yesterday", "today", "tonight", "earlier",
                                                                 "later", "recently"):
            return position + 1
        if position + 1 < len(tokens) and tokens[position].lower in ("on", "last", "this", "next") \
                and tokens[position + 1].lower in _TIME_WORDS:
            position += 2
            while position < len(tokens) and tokens[position].text[:1].isdigit():
                position += 1
        return position

    def _clause_from(self, position: int) -> tuple[int, int] | None:
        tokens = self.tokens
        if position >= len(tokens):
            return None
        sentence = tokens[position].sentence
        start = tokens[position].start
        end = self.article.sentences[sentence].end
        for pattern in (_CLAUSE_CUT, _COORDINATED_SPEECH):
            cut = pattern.search(self.text, start, end)
            if cut is not None:
                end = cut.start()
        if len(self.text[start:end].split()) < 3 or not self._has_verb(position, end):
            return None
        for quote in self.quotes:
            if start <= quote.start < end:
                self.used_chains.add(quote.chain)
        return start, end

    def _has_verb(self, position: int, end: int) -> bool:
        """Whether the words from ``position`` read as a clause: a pronoun subject, an auxiliary, a past tense."""
        tokens = self.tokens
        if tokens[position].lower in _CLAUSE_SUBJECTS:
            return True
        for token in tokens[position + 1:position + 14]:
            if token.start >= end:
                break
            lower = token.lower
            if lower in _CLAUSE_VERBS or lower.endswith("ed") and len(lower) > 4 and not token.capitalised:
                return True
        return False

    def _quote_text(self, quote: _Quote | tuple[int, int]) -> str:
        """A quotation's words without its marks (paragraphs joined), or a reported clause without its full stop."""
        if isinstance(quote, _Quote):
            parts = [other for other in self.quotes if other.chain == quote.chain] or [quote]
            return " ".join(" ".join(self.text[part.start:part.end].split()).rstrip(" ,;:—–-") for part in parts)
        return " ".join(self.text[quote[0]:quote[1]].split()).rstrip(_TRAILING).strip()

    # ------------------------------------------------------------------ helpers

    def _clause_start(self, sentence: int, position: int) -> int:
        """Where the clause holding ``position`` starts: the sentence start, a closing quote or a semicolon."""
        start = self.article.sentences[sentence].start
        for quote in self.quotes:
            if start <= quote.close_mark <= position and quote.close_mark > quote.end:
                start = quote.close_mark
        semicolon = self.text.rfind(";", start, position)
        return semicolon + 1 if semicolon >= 0 else start

    def _mentions_between(self, start: int, end: int) -> list[_Mention]:
        index = bisect.bisect_left(self.mention_starts, start)
        found = []
        while index < len(self.mentions) and self.mentions[index].start < end:
            mention = self.mentions[index]
            if mention.end <= end and not self._inside_quote(mention.start):
                found.append(mention)
            index += 1
        return found

    def _mention_at(self, position: int) -> _Mention | None:
        index = bisect.bisect_left(self.mention_starts, position)
        if index < len(self.mentions) and self.mentions[index].start == position:
            return self.mentions[index]
        return None

    def _pronoun_between(self, start: int, end: int) -> _Mention | None:
        """The last "he" or "she" between two offsets, as a mention still to resolve."""
        first = self.article.first_token_at(start)
        last = self.article.first_token_at(end)
        for token in reversed(self.tokens[first:last]):
            if token.lower in _PRONOUNS and not self._inside_quote(token.start):
                return _Mention(token.start, token.end, "", None)
        return None

    def _possessive(self, mention: _Mention) -> bool:
        """"VOA's Ndimyake Mwakalyelye": a name in the possessive modifies the speaker, it is not one."""
        return self.text.startswith(("'s", "’s"), mention.end)

    def _inside_quote(self, position: int) -> bool:
        index = bisect.bisect_right(self.quote_starts, position) - 1
        return index >= 0 and self.quotes[index].start <= position < self.quotes[index].end

    def _genders(self) -> dict[str, str]:
        """"m" or "f" for the people whose titles, roles or pronouns say which."""
        votes: dict[str, int] = {}
        by_sentence: dict[int, set[str]] = {}
        for mention in self.mentions:
            if mention.kind is not FactKind.PERSON:
                continue
            by_sentence.setdefault(self.article.sentence_at(mention.start), set()).add(mention.value)
            before = self.text[max(0, mention.start - 40):mention.start].lower().split()
            if before:
                word = before[-1]
                if word in MALE_WORDS:
                    votes[mention.value] = votes.get(mention.value, 0) + 3
                elif word in FEMALE_WORDS:
                    votes[mention.value] = votes.get(mention.value, 0) - 3
        for token in self.tokens:
            lower = token.lower
            if lower in MALE_PRONOUNS or lower in FEMALE_PRONOUNS:
                people = by_sentence.get(token.sentence, set())
                if len(people) == 1:
                    person = next(iter(people))
                    votes[person] = votes.get(person, 0) + (1 if lower in MALE_PRONOUNS else -1)
        return {person: "m" if vote > 0 else "f" for person, vote in votes.items() if vote}


def _mentions(article: Article, entities: tuple[Fact, ...]) -> list[_Mention]:
    """Every place in the text where an entity's name, alias or (for a person) surname stands."""
    forms: dict[str, tuple[str, FactKind]] = {}
    for fact in sorted(entities, key=lambda fact: fact.kind is not FactKind.PERSON):
        if fact.kind not in (FactKind.PERSON, FactKind.ORGANISATION, FactKind.PLACE):
            continue
        names = {str(fact.value), fact.text, *fact.aliases}
        if fact.kind is FactKind.PERSON and len(str(fact.value).split()) > 1:
            names.add(str(fact.value).split()[-1])
        for name in names:
            if name and name[0].isalpha():
                forms.setdefault(" ".join(name.split()), (str(fact.value), fact.kind))
    by_first: dict[str, list[tuple[int, str]]] = {}
    for name in forms:
        first_word = name.split()[0].rstrip(",")
        by_first.setdefault(first_word, []).append((len(name.split()), name))
    for candidates in by_first.values():
        candidates.sort(reverse=True)
    mentions = []
    tokens, text = article.tokens, article.text
    index = 0
    while index < len(tokens):
        token = tokens[index]
        candidates = by_first.get(token.text) if token.word else None
        if candidates:
            for words, name in candidates:
                last = index + words - 1
                while last < len(tokens) and text[token.start:tokens[last].end].count(" ") < words - 1:
                    last += 1
                if last < len(tokens) and " ".join(text[token.start:tokens[last].end].split()) == name:
                    mentions.append(_Mention(token.start, tokens[last].end, *forms[name]))
                    index = last
                    break
        index += 1
    return mentions


def _quotations(article: Article) -> list[_Quote]:
    """Pair the quotation marks of the article; a quote left open before another opens is continued by it."""
    text = article.text
    quotes: list[_Quote] = []
    open_at: int | None = None
    open_end = 0
    chain = 0
    for mark in _QUOTE_MARK.finditer(text):
        position = mark.start()
        if opening_quote(text, position):
            if open_at is not None:  # the quotation went on into a new paragraph
                end = _content_end(text, open_end, position)
                quotes.append(_Quote(open_end, end, open_at, end, chain))
            else:
                chain += 1
            open_at, open_end = position, mark.end()
        elif open_at is not None:
            quotes.append(_Quote(open_end, position, open_at, mark.end(), chain))
            open_at = None
    if open_at is not None:
        sentence = article.sentence_at(open_at)
        end = article.sentences[sentence].end
        quotes.append(_Quote(open_end, end, open_at, end, chain))
    return quotes


def _content_end(text: str, start: int, before: int) -> int:
    """Where a quotation left open ends: the last non-space character before the next opening mark."""
    end = before
    while end > start and text[end - 1].isspace():
        end -= 1
    return end
