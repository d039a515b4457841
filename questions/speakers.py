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
from questions.clean import MAX_FACTS_PER_KIND
from questions.model import Fact, FactKind, Sentence
from questions.names import Article, Token, name_word, opening_quote, ordinary_word, read_article, surname

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
need want remain seem appear look feel plan plans expect expects hope hopes fear fears know knows
""".split())
_CLAUSE_SUBJECTS = frozenset("it he she they we i you there this that these those".split())
_ROLE_QUALIFIERS = frozenset("deputy vice shadow former assistant acting junior interim under associate ex".split())
_PERSONAL_PRONOUNS = frozenset("it he she they we i you there".split())
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
reporters journalists lawmakers legislators parliament congress congressmen congresswomen audience crowd
supporters members delegates
students viewers listeners readers investors analysts officials police court jury judge senators mps colleagues
staff workers residents him them us me newspaper paper radio television
""".split())
_DETERMINERS = frozenset("the a an his her their its our my your this that".split())
# What a statement is made in: "said in a statement", "told a news conference".
_MEDIA = frozenset("statement interview letter speech conference briefing report release communique memo "
                   "email e-mail note filing broadcast".split())
# Nouns that end a listener's name after "told": "told BBC Radio 4's Today programme".
_LISTENER_NOUNS = frozenset("programme program show newspaper paper radio television channel magazine website "
                            "agency conference briefing meeting interview audience".split())
_NAME_GAP = re.compile(r"[\s,]*(?:(?:[A-Z][\w.’'-]*|of|the|for|and|'s|’s|de|da|do|dos|das|del|della|di|du|des|van|"
                       r"von|der|den|la|le|al|el|bin|ibn)\s+)*")
_PRONOUNS = frozenset({"he", "she"})
_HONORIFICS = frozenset("mr mrs ms dr mr. mrs. ms. dr. sir dame lord lady".split())
# Verbs that take a person as their object ("met Smith", "told Jones"): the name after them is no subject.
_OBJECT_VERBS = frozenset("met meet meets beat beats told tell tells saw see sees hit hits sent sends let lets "
                          "brought brings took takes made makes gave gives led leads".split())
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
# Capitalised at a sentence's start without being part of a name.
_SENTENCE_OPENERS = frozenset("but and however meanwhile yesterday today now also so yet still".split())
# What a news story calls the company it is about, once named: "the firm said".
_COMPANY_NOUNS = frozenset("company firm group bank carrier airline maker carmaker retailer insurer lender "
                           "operator utility".split())
# How far from a speech verb its speaker, its reported clause and the clause before it are looked for. News
# sentences are far shorter; the bounds keep a megabyte without full stops from costing time squared.
_SUBJECT_WINDOW = 600
_CLAUSE_WINDOW = 2_000
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
        self.roles = [(" ".join(fact.role.lower().split()), str(fact.value)) for fact in entities
                      if fact.kind is FactKind.PERSON and fact.role]
        mentions = _full_names(_role_names_resolved(_mentions(article, entities), self.roles, article), article)
        self.mentions = sorted(mentions + _unlisted_speakers(article, mentions), key=lambda mention: mention.start)
        self.mention_starts = [mention.start for mention in self.mentions]
        self.quotes = _quotations(article)
        self.quote_starts = [quote.start for quote in self.quotes]
        self.open_marks = [quote.open_mark for quote in self.quotes]
        self.close_marks = [quote.close_mark for quote in self.quotes]
        self.chains: dict[int, list[_Quote]] = {}
        for quote in self.quotes:
            self.chains.setdefault(quote.chain, []).append(quote)
        self.gender = self._genders()
        self.used_chains: set[int] = set()
        self.said: list[_Said] = []
        self.unnamed: set[int] = set()  # sentences where someone unnamed speaks ("A spokesman said")

    # ------------------------------------------------------------------ results

    def facts(self) -> tuple[Fact, ...]:
        """The speaker facts of the article, at most ``MAX_FACTS_PER_KIND`` of them, the first ones."""
        for index, token in enumerate(self.tokens):
            if len(self.said) >= MAX_FACTS_PER_KIND:
                break
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
                sentence = self.article.sentences[said.sentence]
                if not sentence.start <= mention.start < sentence.end:
                    # Named in an earlier sentence ('X said. "…"', "He" resolved): the fact keeps the sentence
                    # that names the speaker, so that its span lies inside its sentence.
                    sentence = self.article.sentences[self.article.sentence_at(mention.start)]
                facts.append(Fact(
                    kind=FactKind.SPEAKER,
                    text=self.text[mention.start:mention.end],
                    value=mention.value,
                    start=mention.start,
                    end=mention.end,
                    sentence=sentence,
                    quote=quote,
                ))
        return tuple(facts[:MAX_FACTS_PER_KIND])

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
        after_comma = False
        if inverted:
            speaker = self._speaker_after(index)
            attribution_start = verb.start
        else:
            speaker = self._coordinated_speaker(index) or self._represented(index) or self._speaker_before(index) \
                or self._role_reference(index) or self._company_reference(index)
            attribution_start = speaker.start if speaker is not None else verb.start
            if speaker is None and previous is not None and previous.text == ",":
                # "Prices will rise, said Jane Doe, an economist at Acme.": the clause before the comma
                speaker = self._speaker_after(index)
                if speaker is not None and not self._name_ends_attribution(speaker):
                    speaker = None  # "…, said the UK market had grown": a clause after the verb, not a name
                after_comma = speaker is not None
        if speaker is None:
            # "His mother Ann Lee told Fox her son told her …": the sentence has its named speaker already
            if self._unnamed_before(index) and not any(said.sentence == verb.sentence for said in self.said[-3:]):
                self.unnamed.add(verb.sentence)
            return
        speaker = self._resolved(speaker)
        if speaker is None or self._inside_longer_name(speaker):
            return
        quotes = []
        before = self._quote_before(attribution_start, verb.sentence)
        if before is not None:
            quotes.append(before)
        after = self._quote_after(verb.end, verb.sentence)
        if after is not None:
            quotes.append(after)
        weak = verb.lower in _WEAK_SPEECH_VERBS
        if not quotes and (after_comma or self._between_commas(speaker, index)):
            # "But now, he said, prices will rise." / "Also, said Mr Doe, prices will rise, though …"
            before = self._clause_before_comma(index) if after_comma else None
            after = self._clause_after_aside(speaker, index, before is not None)
            quotes.extend(clause for clause in (before, after) if clause is not None)
            if not quotes:
                return
        elif not quotes:
            clause = self._reported_clause(index, require_that=weak)
            if clause is None and not inverted:
                clause = self._clause_before(index, speaker)
            if clause is None:
                return
            quotes.append(clause)
        texts = [self._quote_text(quote) for quote in quotes]
        self.said.append(_Said(speaker, verb.sentence, texts))
        self.unnamed.discard(verb.sentence)  # "The lawyer had said …, said Mr Munro": the sentence has its speaker
        if not inverted and not after_comma:
            for partner in self._listed_before(speaker):
                self.said.append(_Said(partner, verb.sentence, list(texts)))

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
            if said.sentence < tokens[index].sentence:
                break
        return self._opening_subject(tokens[index].sentence, tokens[position].start)

    def _opening_subject(self, sentence: int, before: int) -> _Mention | None:
        """"Ames presented her plan and said …": the name or pronoun that opens the sentence (after a dateline)."""
        bounds = self.article.sentences[sentence]
        start = bounds.start
        dateline = _DATELINE.match(self.text, start, before)
        if dateline is not None:
            start = dateline.end()
        first = self.article.first_token_at(start)
        tokens = self.tokens
        first = self._after_opening_participle(first, before)
        index = first
        while index < len(tokens) and tokens[index].start < before and index - first < 4 \
                and (tokens[index].lower in _DETERMINERS or tokens[index].capitalised and self._mention_at(
                    tokens[index].start) is None):
            index += 1  # "The", "Senator", "U.S."
        if index >= len(tokens) or tokens[index].start >= before or self._inside_quote(tokens[index].start):
            return None  # a name that opens a quoted sentence is no subject of the article's
        if tokens[index].lower in _PRONOUNS:
            return _Mention(tokens[index].start, tokens[index].end, "", None)
        mention = self._mention_at(tokens[index].start)
        if mention is None or self._possessive(mention):
            return None
        return mention

    def _after_opening_participle(self, first: int, before: int) -> int:
        """"Speaking in Lima, Mr Doe said": the token after an opening participle's phrase and its comma."""
        tokens = self.tokens
        if first >= len(tokens) or not tokens[first].lower.endswith("ing") or not tokens[first].capitalised:
            return first
        for index in range(first + 1, min(len(tokens), first + 10)):
            if tokens[index].start >= before or tokens[index].sentence != tokens[first].sentence:
                break
            if tokens[index].text == ",":
                return index + 1
        return first

    def _represented(self, index: int) -> _Mention | None:
        """"A spokesman for Acme said", "Acme's spokeswoman said": the one the spokesperson speaks for."""
        tokens = self.tokens
        position = index - 1
        while position >= 0 and tokens[position].lower in SPEECH_INSERTS:
            position -= 1
        if position < 1 or tokens[position].sentence != tokens[index].sentence:
            return None
        if tokens[position].lower in SPOKESPERSON_NOUNS and tokens[position - 1].text in ("'s", "’s"):
            mention = self._mention_ending(tokens[position - 1].start)
            return mention if mention is not None and mention.kind is not FactKind.PERSON else None
        if tokens[position].lower in SPOKESPERSON_NOUNS and tokens[position].lower != "statement":
            mention = self._mention_ending(tokens[position - 1].end)  # "a Cosla spokesman said"
            if mention is not None and mention.kind is FactKind.ORGANISATION:
                return mention
        if tokens[position].text == ")" and position >= 2 and tokens[position - 2].text == "(":
            position -= 3  # "the Conference on Fisheries (UNCF) said"
        mention = self._mention_ending(tokens[position].end) if position >= 0 else None
        if mention is None:
            return None
        first = self.article.first_token_at(mention.start) - 1
        while first >= 0 and (tokens[first].lower in ("the", "mr", "mrs", "ms", "dr", "mr.", "mrs.", "ms.", "dr.")):
            first -= 1
        if first >= 1 and tokens[first].lower in ("for", "of", "at") and tokens[first - 1].lower in SPOKESPERSON_NOUNS:
            return mention
        return None

    def _role_reference(self, index: int) -> _Mention | None:
        """"But the home secretary said …": the one person the article gives that role."""
        tokens = self.tokens
        position = index - 1
        while position >= 0 and tokens[position].lower in SPEECH_INSERTS:
            position -= 1
        end = position
        while position >= 0 and tokens[position].text.islower() and tokens[position].word \
                and tokens[position].lower not in _DETERMINERS and end - position < 3:
            position -= 1
        if position < 0 or end == position or tokens[position].lower != "the":
            return None
        phrase = " ".join(token.lower for token in tokens[position + 1:end + 1])
        # "the prime minister" is the Prime Minister, not the Deputy Prime Minister
        people = {value for role, value in self.roles if role == phrase or role.endswith(" " + phrase)
                  and role[:-len(phrase)].split()[-1] not in _ROLE_QUALIFIERS}
        if len(people) != 1:
            return None
        return _Mention(tokens[position].start, tokens[end].end, people.pop(), FactKind.PERSON)

    def _company_reference(self, index: int) -> _Mention | None:
        """"The firm, reporting its results, said …": the organisation that spoke last, when no other one has spoken
        since; "the company" alone settles nothing more."""
        tokens = self.tokens
        verb = tokens[index]
        start = self._clause_start(verb.sentence, verb.start)
        first = self.article.first_token_at(start)
        first = self._after_opening_participle(first, verb.start)
        if first + 1 >= index or tokens[first].lower != "the" or tokens[first + 1].lower not in _COMPANY_NOUNS:
            return None
        if not self._gap_ok(tokens[first + 1].end, verb.start, person=False):
            return None
        organisations = []
        for said in reversed(self.said):
            if verb.sentence - said.sentence > 3:
                break
            if said.speaker.kind is FactKind.ORGANISATION:
                organisations.append(said.speaker.value)
        if not organisations or len(set(organisations)) != 1:
            return None
        return _Mention(tokens[first].start, tokens[first + 1].end, organisations[0], FactKind.ORGANISATION)

    def _mention_ending(self, end: int) -> _Mention | None:
        index = bisect.bisect_left(self.mention_starts, end) - 1
        while index >= 0 and self.mentions[index].end > end:
            index -= 1
        if index >= 0 and self.mentions[index].end == end:
            return self.mentions[index]
        return None

    def _listed_before(self, speaker: _Mention) -> list[_Mention]:
        """"Corvan, Ulterra and Wendell Brothers said": the names listed with the speaker speak too."""
        partners: list[_Mention] = []
        tokens = self.tokens
        position = self.article.first_token_at(speaker.start) - 1
        # a list ends in "and": "Ulterra, Minister Ray Doe said" is a name and its appositive, not two speakers
        if position < 1 or tokens[position].text not in ("and", "&"):
            return partners
        while position >= 1 and tokens[position].text in (",", "and", "&"):
            mention = self._mention_ending(tokens[position - 1].end)
            if mention is None or mention.kind is not speaker.kind or self._possessive(mention) \
                    or self._after_preposition(mention.start):
                break
            partners.append(mention)
            position = self.article.first_token_at(mention.start) - 1
        return partners

    def _unnamed_before(self, index: int) -> bool:
        """"A spokesman said", "The MP for Sittingbourne said": someone speaks whom the article does not name."""
        tokens = self.tokens
        position = index - 1
        while position >= 0 and tokens[position].lower in SPEECH_INSERTS:
            position -= 1
        if position >= 0 and (tokens[position].lower in _UNNAMED_SPEAKERS or tokens[position].lower in ROLE_NOUNS):
            return True  # "…, the Tory leader said": someone speaks whom no rule has named
        start = self._clause_start(tokens[index].sentence, tokens[index].start)
        first = self.article.first_token_at(start)
        return any(token.lower in _UNNAMED_SPEAKERS or token.lower in ROLE_NOUNS
                   for token in tokens[first:min(first + 4, index)])

    def _clause_before(self, index: int, speaker: _Mention) -> tuple[int, int] | None:
        """"Prices will rise, Smith said.": the clause before the comma that precedes a closing attribution."""
        tokens = self.tokens
        verb = tokens[index]
        bounds = self.article.sentences[verb.sentence]
        if verb.lower not in _SPEECH_VERBS and self.text[verb.end:bounds.end].strip(_TRAILING):
            return None  # "…, he explained." ends its sentence; "he explained the plan" has an object
        if bounds.end - verb.end > 200:
            return None  # more than a few words after the verb: it has an object
        tail = self.text[verb.end:bounds.end]
        words = tail.split()
        if len(words) > 8 or any(mark in tail for mark in '"“”'):
            return None
        if words and words[0].strip(".,;").lower() not in _PREPOSITIONS | _LISTENERS | _TIME_WORDS | {""} \
                and not (verb.lower in TELL_VERBS and (words[0][:1].isupper() or words[0].lower() in _DETERMINERS)):
            return None  # "announced its plan": the verb has an object, what went before is no quote
        comma = self.text.rfind(",", max(bounds.start, speaker.start - 200), speaker.start)
        if comma < 0 or not (_NAME_GAP.fullmatch(self.text[comma:speaker.start])
                             or _descriptor(self.text[comma + 1:speaker.start])):
            return None
        earliest = max(bounds.start, comma - _CLAUSE_WINDOW)
        semicolon = self.text.rfind(";", earliest, comma)
        start = semicolon + 1 if semicolon >= 0 else earliest
        dateline = _DATELINE.match(self.text, start, comma)
        if dateline is not None:
            start = dateline.end()
        text = self.text[start:comma]
        if len(text.split()) < 3 or not self._has_verb(self.article.first_token_at(start), comma):
            return None
        self._use_quotes(start, comma)
        return start, comma

    def _inside_longer_name(self, speaker: _Mention) -> bool:
        """"Universities Scotland, which represents …, claimed": a place after a capitalised word is part of a name
        the entity finder did not list, and that organisation is the speaker, not the place."""
        if speaker.kind is not FactKind.PLACE:
            return False
        first = self.article.first_token_at(speaker.start)
        if first == 0:
            return False
        before = self.tokens[first - 1]
        return before.word and before.capitalised and before.sentence == self.tokens[first].sentence \
            and before.lower not in _DETERMINERS | _SENTENCE_OPENERS and before.lower not in ROLE_NOUNS

    def _name_ends_attribution(self, speaker: _Mention) -> bool:
        """Whether the name after an inverted verb closes the attribution: a comma, the sentence's end, "of"."""
        tokens = self.tokens
        position = self.article.first_token_at(speaker.end)
        while position < len(tokens) and tokens[position].acronym and tokens[position].lower in _POSTNOMINALS:
            position += 1
        return position >= len(tokens) or tokens[position].sentence != self.article.sentence_at(speaker.start) \
            or tokens[position].text in (",", ".", ";", "!", "?") or tokens[position].lower in ("of", "at", "from")

    def _between_commas(self, speaker: _Mention, index: int) -> bool:
        """'But now, he said, …': a subject and its verb set off by commas inside the sentence."""
        tokens = self.tokens
        first = self.article.first_token_at(speaker.start)
        return 0 < first < index and tokens[first - 1].text == "," and index + 1 < len(tokens) \
            and tokens[index + 1].text == "," and tokens[index + 1].sentence == tokens[index].sentence

    def _clause_after_aside(self, speaker: _Mention, index: int, has_before: bool) -> tuple[int, int] | None:
        """The clause after an attribution set off by commas: "On a larger scale, said Mr Doe, costs will fall".

        When a full clause stood before the attribution, only a clause joined by "though" or "but" follows it
        ("…, said Mr Doe, though work still needed to be done")."""
        tokens = self.tokens
        last = max(index, self.article.first_token_at(speaker.end) - 1)
        position = last + 1
        if position >= len(tokens) or tokens[position].text != "," \
                or tokens[position].sentence != tokens[index].sentence:
            return None
        position += 1
        if position < len(tokens) and tokens[position].lower in ("though", "although", "but"):
            position += 1
        elif has_before:
            return None
        if position >= len(tokens) or tokens[position].sentence != tokens[index].sentence:
            return None
        return self._clause_from(position)

    def _clause_before_comma(self, index: int) -> tuple[int, int] | None:
        """"Prices will rise, said Jane Doe.": the clause from the sentence start to the comma before the verb."""
        tokens = self.tokens
        verb = tokens[index]
        comma = tokens[index - 1].start
        # from the sentence's start: a short quotation inside the clause is part of what was said
        bounds = self.article.sentences[verb.sentence]
        semicolon = self.text.rfind(";", max(bounds.start, comma - _CLAUSE_WINDOW), comma)
        start = semicolon + 1 if semicolon >= 0 else max(bounds.start, comma - _CLAUSE_WINDOW)
        dateline = _DATELINE.match(self.text, start, comma)
        if dateline is not None:
            start = dateline.end()
        first = self.article.first_token_at(start)
        words = self.text[start:comma].split()
        if len(words) < 3 or first >= index:
            return None
        # the inverted verb itself says a statement stands before it; a long clause need not show its verb
        if not self._has_verb(first, comma) and (len(words) < 6 or self.tokens[first].lower in _PREPOSITIONS):
            return None
        self._use_quotes(start, comma)
        return start, comma

    def _read_participle(self, index: int) -> None:
        """", saying Murray played "incredibly."", ", noting he had ...": the sentence's speaker goes on."""
        token = self.tokens[index]
        speaker = None
        for said in reversed(self.said):
            if said.sentence == token.sentence:
                speaker = said.speaker
                if self._new_subject_between(speaker.end, index):
                    return  # "Thailand said …, while India rejected aid, saying …": India's words
                break
            if said.sentence < token.sentence:
                break
        if speaker is None:
            # the one who opens the sentence: "Lane dropped Bale, claiming he was unfit" is Lane's claim
            speaker = self._opening_subject(token.sentence, token.start)
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

    def _new_subject_between(self, start: int, index: int) -> bool:
        """Whether a clause with a subject of its own ("while India …") opens between a speaker and a token."""
        tokens = self.tokens
        for position in range(self.article.first_token_at(start), index - 1):
            if tokens[position].lower in ("while", "whereas", "but", "although", "though") \
                    and (tokens[position + 1].capitalised or tokens[position + 1].lower in _PERSONAL_PRONOUNS):
                return True
        return False

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
        after = self.article.first_token_at(mention.end)
        if index and tokens[index - 1].text == ",":
            start = self._clause_start(sentence, tokens[index].start)
            quote = (start, tokens[index - 1].start)
            if after < len(tokens) and tokens[after].text == "," and tokens[after].sentence == sentence \
                    and not self._has_verb(self.article.first_token_at(start), tokens[index - 1].start):
                quote = (tokens[after].end, bounds.end)  # "Before July, according to Acme, Explorer was used …"
            elif tokens[index - 2].lower in ("which", "who", "that"):
                return  # "a trainer which, according to Ann Lee, can sense …": an aside inside one clause
        elif tokens[index].start == bounds.start:
            comma = next((token for token in tokens[position:position + 40] if token.sentence == sentence
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
        # The attributions so far by sentence, kept sorted as continued quotations join them.
        by_sentence = sorted((said.sentence, order) for order, said in enumerate(self.said))
        for chain, parts in self.chains.items():
            if chain in self.used_chains:
                continue
            first = parts[0]
            sentence = self.article.sentence_at(first.open_mark)
            if self.text[max(0, first.open_mark - 20):first.open_mark].rstrip().endswith(":"):
                count = len(self.said)
                self._read_colon_quote(parts, sentence)
                if len(self.said) > count:
                    bisect.insort(by_sentence, (sentence, count))
                continue
            if self.article.sentences[sentence].start != first.open_mark:
                continue
            attribution = self._attributed_after(parts[-1])
            if attribution is not None and attribution not in _PRONOUNS:
                continue  # '"…," Jauppi says.': its own speaker, whom the rules could not name
            position = bisect.bisect_left(by_sentence, (sentence, -1)) - 1
            if position < 0 or sentence - by_sentence[position][0] > 2:
                continue
            latest = by_sentence[position][0]
            # of the attributions in that sentence, the first one made (as the full scan used to find)
            last = self.said[min(order for said_sentence, order in by_sentence[bisect.bisect_left(
                by_sentence, (latest, -1)):position + 1])]
            if attribution is not None and not (last.speaker.kind is FactKind.PERSON and self._may_be(
                    last.speaker.value, "m" if attribution == "he" else "f")):
                continue  # '"…," she said.' after a man spoke
            text = self._quote_text(parts[0])
            if text and len(text.split()) >= 2:
                self.used_chains.add(chain)
                self.said.append(_Said(last.speaker, sentence, [text]))
                bisect.insort(by_sentence, (sentence, len(self.said) - 1))

    def _attributed_after(self, quote: _Quote) -> str | None:
        """The subject of a speech verb that follows the closing mark within a few words of the same sentence:
        "he" or "she" when it is one, else the words before the verb; None when no verb follows."""
        tokens = self.tokens
        first = self.article.first_token_at(quote.close_mark)
        sentence = self.article.sentence_at(quote.close_mark)
        for position in range(first, min(len(tokens), first + 7)):
            token = tokens[position]
            if token.sentence != sentence or token.text in (".", "!", "?") or _QUOTE_MARK.fullmatch(token.text):
                break
            if token.lower in _SPEECH_VERBS or token.lower in _WEAK_SPEECH_VERBS:
                words = [other.lower for other in tokens[first:position] if other.word]
                return words[0] if len(words) == 1 and words[0] in _PRONOUNS else " ".join(words) or token.lower
        return None

    def _read_colon_quote(self, parts: list[_Quote], sentence: int) -> None:
        """'He also praised the director: "…"': a quotation after a colon is the subject's."""
        bounds = self.article.sentences[sentence]
        if bounds.start >= parts[0].open_mark:
            return
        speaker = self._opening_subject(sentence, parts[0].open_mark)
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
        position = index - 1
        while position >= 0 and self.tokens[position].lower in SPEECH_INSERTS:
            position -= 1
        if position >= 1 and self.tokens[position].lower in ("which", "who"):
            relative = position - 1 if self.tokens[position - 1].text == "," else position
            mention = self._mention_ending(self.tokens[relative - 1].end) if relative >= 1 else None
            if mention is not None:
                return mention  # "… by the Pacific Fisheries Commission, which said …": what "which" stands for
        start = max(self._clause_start(verb.sentence, verb.start), verb.start - _SUBJECT_WINDOW)
        candidates = self._mentions_between(start, verb.start)
        candidates = [mention for mention in candidates if not self._possessive(mention)
                      and not self._after_preposition(mention.start) and not self._object_of_verb(mention.start)]
        pronoun = self._pronoun_between(start, verb.start)
        if pronoun is not None and self._after_preposition(pronoun.start):
            pronoun = None
        persons = [mention for mention in candidates if mention.kind is FactKind.PERSON]
        if pronoun is not None and (not persons or pronoun.start > persons[-1].end):
            if self._gap_ok(pronoun.end, verb.start, person=True):
                return pronoun
        if persons and self._gap_ok(persons[-1].end, verb.start, person=True):
            return persons[-1]
        for position, candidate in reversed(list(enumerate(candidates[-3:]))):
            # "Acme Ltd (ACM) said", "Acme, the operator of the dam, has said": the name before its aside
            if position and self.text[max(0, candidate.start - 2):candidate.start].strip() == "(":
                continue  # the name's own acronym in brackets: the name before it speaks
            if candidate.kind is FactKind.PLACE and self._modifies_role(candidate):
                continue  # "U.S. officials said": the place only says whose officials speak
            if self._gap_ok(candidate.end, verb.start, person=False):
                return candidate
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

    def _object_of_verb(self, position: int) -> bool:
        """"The lawyer who had represented Mr Ash had said": a name right after a verb is its object."""
        index = self.article.first_token_at(position) - 1
        while index >= 0 and self.tokens[index].lower in _HONORIFICS:
            index -= 1
        if index < 0:
            return False
        token = self.tokens[index]
        return token.text.islower() and (token.lower.endswith("ed") and len(token.lower) > 4
                                         or token.lower in _OBJECT_VERBS)

    def _after_preposition(self, position: int) -> bool:
        """"with the SEC", "in Tokyo", "led by new chief executive Ann Lee": a name after a preposition (and the
        role words before the name) is not the subject."""
        index = self.article.first_token_at(position) - 1
        while index > 0 and (self.tokens[index].lower in ("the", "a", "an", "new", "its", "their", "his", "her")
                             or self.tokens[index].text.islower() and (self.tokens[index].lower in ROLE_NOUNS
                                                                      or self.tokens[index].lower in _ROLE_QUALIFIERS)):
            index -= 1
        if index > 1 and self.tokens[index].text in ("'s", "’s"):  # "head of the government's Institute"
            index -= 2
            while index > 0 and self.tokens[index].lower in ("the", "a", "an"):
                index -= 1
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
        candidates = [mention for mention in self._mentions_between(verb.end, end) if not self._possessive(mention)
                      and not self._modifies_role(mention)]
        persons = [mention for mention in candidates if mention.kind is FactKind.PERSON]
        first = persons[0] if persons else candidates[0] if candidates else None
        if pronoun is not None and (first is None or pronoun.start < first.start):
            return pronoun
        return first

    def _modifies_role(self, mention: _Mention) -> bool:
        """"said Colby biographer Carl Cross": a name before a lower-case role only says whose the role is."""
        index = self.article.first_token_at(mention.end)
        return index < len(self.tokens) and self.tokens[index].text.islower() \
            and (self.tokens[index].lower in ROLE_NOUNS or self.tokens[index].lower in _UNNAMED_SPEAKERS
                 or self.tokens[index].lower in ("source", "sources"))

    def _resolved(self, mention: _Mention) -> _Mention | None:
        """The mention itself, or for "he"/"she" the person it stands for (keeping the pronoun's span)."""
        if mention.kind is not None:
            return mention
        pronoun = self.text[mention.start:mention.end].lower()
        wanted = "m" if pronoun in MALE_PRONOUNS else "f" if pronoun in FEMALE_PRONOUNS else ""
        sentence = self.article.sentence_at(mention.start)
        # One who has just spoken is the likeliest "he" of the next attribution ('…," he added').
        for said in reversed(self.said):
            if self._distance(said.sentence, sentence) > 2 \
                    or any(sentence > unnamed >= said.sentence for unnamed in self.unnamed):
                break
            gender = self.gender.get(said.speaker.value, "")
            if said.speaker.kind is FactKind.PERSON and (not wanted or not gender or gender == wanted):
                # unless someone else has since opened a sentence: 'Keeper Tony Bale agreed. "…," he added.'
                for between in range(sentence, said.sentence, -1):
                    bound = mention.start if between == sentence else self.article.sentences[between].end
                    subject = self._opening_subject(between, bound)
                    if subject is not None and subject.kind is FactKind.PERSON \
                            and subject.value != said.speaker.value \
                            and (not wanted or self.gender.get(subject.value, wanted) == wanted):
                        return _Mention(mention.start, mention.end, subject.value, FactKind.PERSON)
                return _Mention(mention.start, mention.end, said.speaker.value, FactKind.PERSON)
        # "…, he added": not this sentence's subject
        trailing = self.text[max(0, mention.start - 20):mention.start].rstrip().endswith(",")
        for back in range(1 if trailing else 0, 3):
            index = sentence - back
            if index < 0 or back and index in self.unnamed:
                return None
            bounds = self.article.sentences[index]
            end = mention.start if back == 0 else bounds.end
            persons = [candidate for candidate in self._mentions_between(bounds.start, end)
                       if candidate.kind is FactKind.PERSON and self._may_be(candidate.value, wanted)]
            if not persons:
                continue
            return self._settled(mention, index, end, persons, wanted)
        return self._only_person_before(mention, wanted)

    def _may_be(self, person: str, wanted: str) -> bool:
        gender = self.gender.get(person, "")
        return not wanted or not gender or gender == wanted

    def _settled(self, mention: _Mention, sentence: int, end: int, persons: list[_Mention],
                 wanted: str) -> _Mention | None:
        """The one of several people a pronoun stands for, when the text settles it: the sentence's subject, or
        the only person there of the pronoun's kind. Otherwise none: a wrong speaker is worse than a missing one."""
        subject = self._opening_subject(sentence, end)
        if subject is not None and subject.kind is FactKind.PERSON and self._may_be(subject.value, wanted):
            return _Mention(mention.start, mention.end, subject.value, FactKind.PERSON)
        if len({person.value for person in persons}) == 1:
            return _Mention(mention.start, mention.end, persons[0].value, FactKind.PERSON)
        return None

    def _only_person_before(self, mention: _Mention, wanted: str) -> _Mention | None:
        """"He" when the article so far names one person only, of that gender, and nobody unnamed has spoken since."""
        people = {person.value for person in self._mentions_between(0, mention.start)
                  if person.kind is FactKind.PERSON}
        if len(people) != 1:
            return None
        person = people.pop()
        if self.gender.get(person, "") != wanted:
            return None
        sentence = self.article.sentence_at(mention.start)
        last = max(candidate.start for candidate in self._mentions_between(0, mention.start)
                   if candidate.value == person)
        if any(sentence >= unnamed >= self.article.sentence_at(last) for unnamed in self.unnamed):
            return None
        return _Mention(mention.start, mention.end, person, FactKind.PERSON)

    def _distance(self, earlier: int, later: int) -> int:
        """Sentences from ``earlier`` to ``later``, not counting those that only go on with a quotation."""
        return sum(1 for index in range(earlier + 1, later + 1) if not self._quotation_sentence(index)) \
            + (1 if later > earlier and self._quotation_sentence(later) else 0)

    def _quotation_sentence(self, index: int) -> bool:
        bounds = self.article.sentences[index]
        return self._inside_quote(bounds.start + 1) and self._inside_quote(bounds.end - 2)

    def _gap_ok(self, start: int, end: int, *, person: bool) -> bool:
        """Whether the words between a name and its verb keep them together ("X also said", "X, chief of Y, said")."""
        first = self.article.first_token_at(start)
        last = self.article.first_token_at(end)
        gap = self.tokens[first:last]
        if not gap:
            return True
        words = [token.lower for token in gap]
        while person and len(words) > 1 and words[0] in _POSTNOMINALS and gap[len(gap) - len(words)].acronym:
            words = words[1:]  # "Brian Doe MSP, the finance spokesman, said"
        if len(words) >= 3 and words[0] == "(" and words[2] == ")" and gap[1].acronym:
            words = words[3:]  # "the Conference on Fisheries (UNCF) said"
            if not words:
                return True
        if words == [")"]:
            return True  # the name in brackets: "Acme Ltd (ACM) said"
        if len(words) >= 4 and words[:2] in ([",", "which"], [",", "who"]) and words[-1] == "," and len(words) <= 24 \
                and not any(_QUOTE_MARK.fullmatch(token.text) for token in gap):
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
            rest = self.article.first_token_at(start) + 1
            while rest < last and self.tokens[rest].lower == "the":
                rest += 1
            mention = self._mention_at(self.tokens[rest].start) if rest < last else None
            if mention is not None and self.article.first_token_at(mention.end) == last:
                return True  # "Larry Jonson of the Corn Growers said"
        while len(words) > 3 and words[-1] in SPEECH_INSERTS:
            words = words[:-1]  # "Acme, the operator of the dam, has said"
        if not person and len(words) >= 4 and words[0] == "," and words[-1] == "," and len(words) <= 24 \
                and words[1] in ("the", "a", "an") and '"' not in words \
                and not any(word in _CLAUSE_VERBS or word in _CLAUSE_SUBJECTS for word in words):
            return True  # an organisation's appositive: ", the operator of the dam,"
        if person and words[0] == "," and len(words) <= 12 and any(word in ROLE_NOUNS for word in words) \
                and all(token.word or token.text in ("'s", "’s", "-", ".") for token in gap[1:]) \
                and not any(word in _CLAUSE_VERBS or word in _CLAUSE_SUBJECTS for word in words):
            return True  # "Jane Doe, Acme director said": an appositive the verb closes
        # "Smith Jr said", "Smith himself said"; but "the Firefox browser and says": the name is an object
        return person and len(words) <= 2 and all(token.word for token in gap) \
            and not any(token.text.islower() and token.lower not in SPEECH_INSERTS
                        and token.lower not in ("himself", "herself") and not token.lower.endswith("ly")
                        for token in gap)

    # ------------------------------------------------------------------ what

    def _after_closing_quote(self, position: int) -> bool:
        """'"…," said X': only a comma and a closing quotation mark stand before the verb."""
        before = self.text[max(0, position - 6):position].rstrip().rstrip(",")
        return before.endswith(("”", '"', "''"))

    def _quote_before(self, attribution_start: int, sentence: int) -> _Quote | None:
        """The quotation that ends just before the attribution, with only names and titles in between."""
        index = bisect.bisect_right(self.close_marks, attribution_start) - 1
        for quote in self.quotes[index:index + 1] if index >= 0 else ():
            gap = self.text[quote.close_mark:attribution_start]
            gap = re.sub(r"^([\s,]*)(?:a|an|the)\s+(?=[A-Z]|$)", r"\1", gap)  # '"…," a Cosla spokesman said'
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
        index = bisect.bisect_left(self.open_marks, position)
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
        parts = self.chains[quote.chain]
        return _Quote(parts[0].start, parts[-1].end, parts[0].open_mark, parts[-1].close_mark, quote.chain)

    def _reported_clause(self, index: int, *, require_that: bool) -> tuple[int, int] | None:
        """The clause after "said (that)": "Nikiforov said the Russian force could take credit ..."."""
        tokens = self.tokens
        verb = tokens[index]
        position = index + 1
        limit = min(len(tokens), index + 12)
        that = next((other for other in range(position, limit) if tokens[other].lower == "that"
                     and tokens[other].sentence == verb.sentence
                     and all(token.word and token.lower not in _CLAUSE_VERBS and token.lower not in _PERSONAL_PRONOUNS
                             for token in tokens[position:other])
                     and not self._named_speech_between(position, other)), None)
        if that is not None:
            return self._clause_from(that + 1)
        if verb.lower in TELL_VERBS:  # "told reporters", "told the BBC", "told BBC Radio 4's Today programme"
            position = self._after_listener(position, verb.sentence)
        position = self._skip_time(position)
        if position < len(tokens) and tokens[position].text == "," and tokens[position].sentence == verb.sentence:
            position = self._after_aside(position)  # "said, assuming a quota of 58 tonnes, Norway's share would ..."
        if require_that and not self._pronoun_clause(position):
            return None  # "announced its plan"; but "announced yesterday it would close"
        if position >= len(tokens) or tokens[position].sentence != verb.sentence:
            return None
        token = tokens[position]
        if not token.word or token.lower in _PREPOSITIONS or token.lower in ("and", "but", "or", "so", "then"):
            return None
        return self._clause_from(position)

    def _named_speech_between(self, first: int, last: int) -> bool:
        """"said National estimates that …": a name and a speech verb before "that" start a new report."""
        tokens = self.tokens
        return any(tokens[index].lower in _SPEECH_VERBS | _WEAK_SPEECH_VERBS and tokens[index - 1].capitalised
                   for index in range(max(first, 1), last))

    def _after_listener(self, position: int, sentence: int) -> int:
        """Where the clause starts after "told" and its listener: "reporters", "the BBC", "Reuters", "BBC Radio 4's
        Today programme"."""
        tokens = self.tokens
        while position < len(tokens) and tokens[position].lower in _DETERMINERS:
            position += 1
        if position < len(tokens) and tokens[position].lower in _LISTENERS and not tokens[position].capitalised:
            return position + 1
        for end in range(position, min(len(tokens), position + 8)):
            token = tokens[end]
            if token.sentence != sentence:
                break
            if token.lower in _LISTENER_NOUNS and token.text.islower() and end > position:
                return end + 1  # "BBC Radio 4's Today programme"
            if not (token.capitalised or token.text[:1].isdigit() or token.text in ("'s", "’s", "'", "’")
                    or token.text == "s" and tokens[end - 1].text in ("'", "’")):
                break
        mention = self._mention_at(tokens[position].start) if position < len(tokens) else None
        if mention is not None:
            position = self.article.first_token_at(mention.end)  # "told Reuters proposals to ..."
            if position < len(tokens) and tokens[position].lower in _LISTENERS:
                position += 1  # "told U.S. congressmen"
            return position
        while position < len(tokens) and tokens[position].sentence == sentence and tokens[position].capitalised:
            position += 1
        if position < len(tokens) and tokens[position].lower in _LISTENERS:
            position += 1  # "told U.S. congressmen"
        return position

    def _after_aside(self, comma: int) -> int:
        """The token after a phrase set off by commas right after the verb (at most a dozen words)."""
        tokens = self.tokens
        for position in range(comma + 1, min(len(tokens), comma + 14)):
            if tokens[position].sentence != tokens[comma].sentence or tokens[position].text in ('"', "“", "”"):
                break
            if tokens[position].text == ",":
                return position + 1
        return comma

    def _pronoun_clause(self, position: int) -> bool:
        """"it would", "they had": a clause that opens with a pronoun and its auxiliary."""
        tokens = self.tokens
        following = tokens[position + 1].lower if position + 1 < len(tokens) else ""
        # "confirmed she received": a past tense after the pronoun is as good as an auxiliary
        return position + 1 < len(tokens) and tokens[position].lower in _CLAUSE_SUBJECTS - {"this", "that", "these",
                                                                                          "those", "there"} \
            and (following in _CLAUSE_VERBS or following.endswith("ed") and len(following) > 4)

    def _skip_time(self, position: int) -> int:
        """Step over "on Wednesday", "last week", "on May 15", "in a statement" between a verb and its clause."""
        tokens = self.tokens
        if position + 2 < len(tokens) and tokens[position].lower in ("in", "at", "during") \
                and tokens[position + 1].lower in ("a", "an", "the") and tokens[position + 2].lower in _MEDIA:
            return position + 3  # "said in a statement Acme bought …"
        if position + 3 < len(tokens) and tokens[position].lower in ("in", "at") \
                and tokens[position + 1].lower in ("a", "an", "the") and tokens[position + 3].lower in _MEDIA:
            return position + 4  # "said at a news conference the talks …"
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
        end = min(self.article.sentences[sentence].end, start + _CLAUSE_WINDOW)
        for pattern in (_CLAUSE_CUT, _COORDINATED_SPEECH):
            cut = pattern.search(self.text, start, end)
            if cut is not None:
                end = cut.start()
        end = self._before_next_attribution(position, end)
        if len(self.text[start:end].split()) < 3 or not self._has_verb(position, end):
            return None
        self._use_quotes(start, end)
        return start, end

    def _before_next_attribution(self, position: int, end: int) -> int:
        """Where a reported clause stops before a second speaker's verb: "…, Bale insisted he would stay"."""
        tokens = self.tokens
        for index in range(position + 1, len(tokens)):
            if tokens[index].start >= end:
                break
            if tokens[index].text != ",":
                continue
            if index + 2 < len(tokens) and tokens[index + 1].lower in ("while", "whereas") \
                    and (tokens[index + 2].capitalised or tokens[index + 2].lower in _PERSONAL_PRONOUNS):
                return tokens[index].start  # "…, while India rejected aid": another subject's clause
            for ahead in range(index + 1, min(len(tokens), index + 6)):
                if tokens[ahead].start >= end or not tokens[ahead].word:
                    break
                if tokens[ahead].lower in _SPEECH_VERBS or tokens[ahead].lower in _WEAK_SPEECH_VERBS \
                        or tokens[ahead].lower in SPEECH_PARTICIPLES:
                    return tokens[index].start if ahead > index + 1 and not tokens[ahead].capitalised else end
        return end

    def _has_verb(self, position: int, end: int) -> bool:
        """Whether the words from ``position`` read as a clause: a pronoun subject, an auxiliary, a past tense."""
        tokens = self.tokens
        if tokens[position].lower in _CLAUSE_SUBJECTS:
            return True
        for token in tokens[position + 1:position + 40]:
            if token.start >= end:
                break
            lower = token.lower
            if lower in _CLAUSE_VERBS or lower.endswith("ed") and len(lower) > 4 and not token.capitalised:
                return True
        return False

    def _quote_text(self, quote: _Quote | tuple[int, int]) -> str:
        """A quotation's words without its marks (paragraphs joined), or a reported clause without its full stop."""
        if isinstance(quote, _Quote):
            parts = self.chains.get(quote.chain) or [quote]
            return " ".join(" ".join(self.text[part.start:part.end].split()).rstrip(" ,;:—–-") for part in parts)
        return " ".join(self.text[quote[0]:quote[1]].split()).rstrip(_TRAILING).lstrip("\"“‘ ").strip()

    # ------------------------------------------------------------------ helpers

    def _clause_start(self, sentence: int, position: int) -> int:
        """Where the clause holding ``position`` starts: the sentence start, a closing quote or a semicolon."""
        start = self.article.sentences[sentence].start
        index = bisect.bisect_right(self.close_marks, position) - 1
        while index >= 0 and self.quotes[index].close_mark >= start:
            quote = self.quotes[index]
            if quote.close_mark > quote.end:
                start = quote.close_mark
                break
            index -= 1
        semicolon = self.text.rfind(";", max(start, position - _CLAUSE_WINDOW), position)
        return semicolon + 1 if semicolon >= 0 else start

    def _use_quotes(self, start: int, end: int) -> None:
        """Mark the quotations that start inside a reported clause as attributed with it."""
        first, last = bisect.bisect_left(self.quote_starts, start), bisect.bisect_left(self.quote_starts, end)
        for quote in self.quotes[first:last]:
            self.used_chains.add(quote.chain)

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
        first_named: dict[int, int] = {}
        for mention in self.mentions:
            if mention.kind is FactKind.PERSON:
                first_named.setdefault(self.article.sentence_at(mention.start), mention.start)
        for token in self.tokens:
            lower = token.lower
            # Only "he"/"she" after the name vote: "Her comments did not impress Tim Collins" says nothing of him.
            if lower in _PRONOUNS and token.start > first_named.get(token.sentence, len(self.text)):
                people = by_sentence.get(token.sentence, set())
                if len(people) == 1:
                    person = next(iter(people))
                    votes[person] = votes.get(person, 0) + (1 if lower in MALE_PRONOUNS else -1)
        return {person: "m" if vote > 0 else "f" for person, vote in votes.items() if vote}


def _descriptor(gap: str) -> bool:
    """Whether the words between a comma and a name describe it: ", state-owned oil company Norvik said"."""
    words = gap.split()
    if not 1 <= len(words) <= 6:
        return False
    for word in words:
        lower = word.lower()
        if not re.fullmatch(r"[A-Za-z][\w'’-]*", word) or lower in _CLAUSE_VERBS or lower in _SPEECH_VERBS \
                or lower in _CLAUSE_SUBJECTS or lower in _AFTER_SPEAKER_STOPS or lower in ("or", "that", "than"):
            return False
        if lower.endswith(("ed", "ing")) and "-" not in lower:
            return False
    return True


def _mentions(article: Article, entities: tuple[Fact, ...]) -> list[_Mention]:
    """Every place in the text where an entity's name, alias or (for a person) surname stands."""
    forms: dict[str, tuple[str, FactKind]] = {}
    # "Blair" when the article names Tony Blair and Ian Blair: the surname alone settles neither
    people_by_surname: dict[str, set[str]] = {}
    for fact in entities:
        if fact.kind is FactKind.PERSON and len(str(fact.value).split()) > 1:
            people_by_surname.setdefault(surname(str(fact.value)), set()).add(str(fact.value))
    shared = {name for name, people in people_by_surname.items() if len(people) > 1}
    for fact in sorted(entities, key=lambda fact: fact.kind is not FactKind.PERSON):
        if fact.kind not in (FactKind.PERSON, FactKind.ORGANISATION, FactKind.PLACE):
            continue
        names = {str(fact.value), fact.text, *fact.aliases}
        if fact.kind is FactKind.PERSON and len(str(fact.value).split()) > 1:
            names.add(surname(str(fact.value)))
        for name in names - shared:
            if name and name[0].isalpha():
                forms.setdefault(" ".join(name.split()), (str(fact.value), fact.kind))
    # names by their first word and their length in words, so each place in the text is tried once per length
    by_first: dict[str, dict[int, set[str]]] = {}
    for name in forms:
        words = name.split()
        by_first.setdefault(words[0].rstrip(","), {}).setdefault(len(words), set()).add(name)
    lengths_by_first = {first: sorted(lengths, reverse=True) for first, lengths in by_first.items()}
    mentions = []
    tokens, text = article.tokens, article.text
    index = 0
    while index < len(tokens):
        token = tokens[index]
        lengths = by_first.get(token.text) if token.word else None
        if lengths:
            for words in lengths_by_first[token.text]:
                last = index + words - 1
                while last < len(tokens) and text[token.start:tokens[last].end].count(" ") < words - 1:
                    last += 1
                if last < len(tokens):
                    name = " ".join(text[token.start:tokens[last].end].split())
                    if name in lengths[words]:
                        mentions.append(_Mention(token.start, tokens[last].end, *forms[name]))
                        index = last
                        break
        index += 1
    return mentions


# Letters after a name that are no part of it: "Brian Doe MSP, said".
_POSTNOMINALS = frozenset("mp msp mep am mla td qc kc obe mbe cbe kbe phd md".split())
_INITIALS = re.compile(r"(?:[A-Z]\.){1,3}")


def _name_token(token: Token, article: Article) -> bool:
    """A word that can stand in a person's name the entity finder did not list: "T.P.", "Lilaratne"."""
    return bool(_INITIALS.fullmatch(token.text)) or token.word and token.lower not in ROLE_NOUNS \
        and token.lower not in _POSTNOMINALS and name_word(token, article, strict=True)


def _unlisted_speakers(article: Article, mentions: list[_Mention]) -> list[_Mention]:
    """Mentions of people the entity finder missed, found where journalists name a speaker.

    Two or three name words right before or after a speech verb ("Brian Doe MSP, said", "said Ann Lee.") are a
    person's full name; one word there ("Lilaratne said", "says Jauppi.") only when the article also writes it with
    a first name ("T.P. Lilaratne"). Every place the full name or its last word stands then becomes a mention.
    """
    tokens = article.tokens
    covered = {index for mention in mentions for index in range(
        article.first_token_at(mention.start), article.first_token_at(mention.end))}
    verbs = _SPEECH_VERBS | _WEAK_SPEECH_VERBS

    def run_before(last: int, *, anywhere: bool = False) -> list[int]:
        """The name words ending at token ``last`` (inside a listed name too when ``anywhere``)."""
        run: list[int] = []
        position = last
        while position >= 0 and len(run) < 4 and tokens[position].sentence == tokens[last].sentence \
                and (anywhere or position not in covered) and _name_token(tokens[position], article):
            run.insert(0, position)
            position -= 1
        return run

    def run_after(first: int, sentence: int) -> list[int]:
        """The name words from token ``first`` when a comma or the sentence's end follows them."""
        run: list[int] = []
        position = first
        while position < len(tokens) and len(run) < 4 and tokens[position].sentence == sentence \
                and position not in covered and _name_token(tokens[position], article):
            run.append(position)
            position += 1
        while position < len(tokens) and tokens[position].acronym and tokens[position].lower in _POSTNOMINALS:
            position += 1
        following = tokens[position] if position < len(tokens) else None
        if following is not None and following.sentence == sentence and following.text not in (",", ".", ";"):
            return []  # "said Acme Bank would ...": a clause, not a name
        return run

    found: list[list[int]] = []
    for index, token in enumerate(tokens):
        if token.lower not in verbs or not token.word or token.capitalised:
            continue
        position = index - 1
        while position >= 0 and tokens[position].lower in SPEECH_INSERTS:
            position -= 1
        if position >= 1 and tokens[position].text == ",":
            position -= 1
        while position >= 1 and tokens[position].acronym and tokens[position].lower in _POSTNOMINALS:
            position -= 1  # "Brian Doe MSP, said"
        if position >= 0:
            found.append(run_before(position))
        if tokens[index - 1].text == "," if index else False:
            # "T.P. Okonjo, head of the board, told": the name that opens the sentence, before its appositive
            opening = article.first_token_at(article.sentences[token.sentence].start)
            if opening < index:
                found.append(run_after(opening, token.sentence))
        if index + 1 < len(tokens):
            found.append(run_after(index + 1, token.sentence))
    full_names: dict[str, str] = {}  # last word -> full name
    singles: set[str] = set()
    for run in found:
        if not run:
            continue
        words = [tokens[position].text for position in run]
        if len(words) >= 2 and not _INITIALS.fullmatch(words[-1]):
            full_names.setdefault(words[-1], " ".join(words))
        elif len(words) == 1 and not _INITIALS.fullmatch(words[0]):
            singles.add(words[0])
    for index, token in enumerate(tokens):  # "T.P. Lilaratne, head of the department, told …" names "Lilaratne"
        if token.text in singles and token.text not in full_names and index:
            run = run_before(index - 1, anywhere=True)
            if run and all(tokens[position].text not in singles for position in run):
                full_names[token.text] = " ".join(tokens[position].text for position in run + [index])
    # a surname the listed people already carry is theirs, or ambiguous between them: never a new person
    known = {surname(mention.value) for mention in mentions if mention.kind is FactKind.PERSON}
    full_names = {last: full for last, full in full_names.items() if last not in known}
    if not full_names:
        return []
    added: list[_Mention] = []
    for index, token in enumerate(tokens):
        full = full_names.get(token.text) if token.word and index not in covered else None
        if full is None:
            continue
        first = index
        while first > 0 and index - first < len(full.split()) - 1 and first - 1 not in covered \
                and (" " + full).endswith(" " + article.span_text(first - 1, index + 1)):
            first -= 1
        added.append(_Mention(tokens[first].start, token.end, full, FactKind.PERSON))
    return added


def _full_names(mentions: list[_Mention], article: Article) -> list[_Mention]:
    """"said England coach Mike Friday.": a one-word person whose surname the entity finder left off (a weekday, a
    common word) is given it back when a role stands before the name, a speech verb before that, and the capitalised
    word ends the sentence or clause."""
    tokens = article.tokens
    extended = []
    for mention in mentions:
        first = article.first_token_at(mention.start)
        before = tokens[max(0, first - 5):first]
        if mention.kind is FactKind.PERSON and " " not in mention.value and mention.value == article.text[
                mention.start:mention.end] and before and before[-1].lower in ROLE_NOUNS \
                and any(token.lower in _SPEECH_VERBS for token in before):
            index = article.first_token_at(mention.end)
            following = tokens[index + 1] if index + 1 < len(tokens) else None
            if index < len(tokens) and tokens[index].start == mention.end + 1 and tokens[index].capitalised \
                    and not tokens[index].acronym and tokens[index].sentence == article.sentence_at(mention.start) \
                    and (following is None or following.text in (",", ".", ";") or following.sentence != tokens[
                        index].sentence) \
                    and (tokens[index].lower in WEEKDAYS or name_word(tokens[index], article, surname=True)):
                mention = _Mention(mention.start, tokens[index].end, f"{mention.value} {tokens[index].text}",
                                   mention.kind)
        extended.append(mention)
    return extended


def _role_names_resolved(mentions: list[_Mention], roles: list[tuple[str, str]],
                         article: Article) -> list[_Mention]:
    """A "person" whose name is a title ("Planning Minister", or "Minister" alone) is the one person the article
    gives that role (not the shadow one); with no such single person it is nobody, never a speaker of its own."""
    resolved = []
    for mention in mentions:
        words = mention.value.lower().split()
        if mention.kind is FactKind.PERSON and words and words[-1] in ROLE_NOUNS:
            phrase = " ".join(words)
            people = {value for role, value in roles if role == phrase or role.endswith(" " + phrase)
                      and role[:-len(phrase)].split()[-1] not in _ROLE_QUALIFIERS}
            first = article.first_token_at(mention.start)
            after_the = first > 0 and article.tokens[first - 1].lower == "the"  # a name takes no "the"
            if len(people) == 1:
                mention = mention._replace(value=people.pop())
            elif after_the or all(word in ROLE_NOUNS or word in _ROLE_QUALIFIERS or ordinary_word(word)
                                  for word in words):
                continue
        resolved.append(mention)
    return resolved


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
