"""The words speech attribution reads: speech verbs, what may stand between a speaker and a verb, listeners."""
from __future__ import annotations

import re

from questions.lexicon import MONTHS, SPEECH_PARTICIPLES, WEEKDAYS

# Verbs that report speech by themselves; the weaker ones need "that" or a quotation ("denied the claim" is
# not a quote, "denied that it had ..." is).
SPEECH_VERBS = frozenset("""
said says say told tells added adds argued argues insisted insists claimed claims replied replies responded
responds stressed stresses emphasised emphasized emphasises emphasizes warned warns cautioned cautions remarked
remarks commented comments conceded concedes contended contends maintained maintains reiterated reiterates
recalled recalls mentioned mentions clarified clarifies joked jokes quipped quips retorted retorts exclaimed
exclaims
""".split())
WEAK_SPEECH_VERBS = frozenset("""
stated states announced announces noted notes explained explains declared declares wrote writes testified
testifies tweeted tweets complained complains countered counters observed observes predicted predicts suggested
suggests confirmed confirms acknowledged acknowledges admitted admits asked asks asserted asserts alleged alleges
answered answers reported reports estimated estimates revealed reveals disclosed discloses denied denies accused
accuses vowed vows pledged pledges promised promises urged urges believes believed thinks thought
""".split())
# A reported clause has a verb; "announced its new initiative" has only an object.
CLAUSE_VERBS = frozenset("""
is are was were be been being has have had will would could can may might must should shall did does do
sent made took gave said told went came saw knew thought found got became began brought built bought caught
chose felt fell grew held kept left led lost met paid put ran rose sold set shot spent stood struck taught
understood won wrote hit cut let beat broke drove flew forgot hid hurt lay lit meant quit read rode rang sank
spoke stole stuck swore swept swam threw woke wore withdrew needs wants remains seems appears looks feels
need want remain seem appear look feel plan plans expect expects hope hopes fear fears know knows
""".split())
# "according to the DVFA method", "according to Labour Department figures": the source is the method or the
# figures, and the name only says whose; nobody said the words.
SOURCE_NOUNS = frozenset("""
method methods figures data survey surveys statistics estimate estimates report reports index calculations poll
polls study studies rules standards formula guidelines definition criteria projections forecast forecasts numbers
records documents sources accounts calculation measure model models scale ranking rankings list tables table
""".split())
CLAUSE_SUBJECTS = frozenset("it he she they we i you there this that these those".split())
ROLE_QUALIFIERS = frozenset("deputy vice shadow former assistant acting junior interim under associate ex".split())
PERSONAL_PRONOUNS = frozenset("it he she they we i you there".split())
PASSIVE = frozenset("was were been being is are be".split())
QUOTE_MARK = re.compile(r"“|”|''|\"")
CLAUSE_CUT = re.compile(r",\s+(?:" + "|".join(sorted(SPEECH_PARTICIPLES)) + r")\b|;")
TRAILING = " \t\n,.;:!?\"“”'’)"
AFTER_SPEAKER_STOPS = frozenset("""
as who which when while after before during because adding noting saying in at on today yesterday tonight
and but
""".split())
PREPOSITIONS = frozenset("in at on during after before with from to by for over under last this next".split())
TIME_WORDS = frozenset("today yesterday tonight earlier later recently week month year weekend morning afternoon "
                        "evening night".split()) | WEEKDAYS | MONTHS
LISTENERS = frozenset("""
reporters journalists lawmakers legislators parliament congress congressmen congresswomen audience crowd
supporters members delegates
students viewers listeners readers investors analysts officials police court jury judge senators mps colleagues
staff workers residents him them us me newspaper paper radio television
""".split())
DETERMINERS = frozenset("the a an his her their its our my your this that".split())
# What a statement is made in: "said in a statement", "told a news conference".
MEDIA = frozenset("statement interview letter speech conference briefing report release communique memo "
                   "email e-mail note filing broadcast".split())
# Nouns that end a listener's name after "told": "told BBC Radio 4's Today programme".
LISTENER_NOUNS = frozenset("programme program show newspaper paper radio television channel magazine website "
                            "agency conference briefing meeting interview audience".split())
NAME_GAP = re.compile(r"[\s,]*(?:(?:[A-Z][\w.’'-]*|of|the|for|and|'s|’s|de|da|do|dos|das|del|della|di|du|des|van|"
                       r"von|der|den|la|le|al|el|bin|ibn)\s+)*")
PRONOUNS = frozenset({"he", "she"})
HONORIFICS = frozenset("mr mrs ms dr mr. mrs. ms. dr. sir dame lord lady".split())
# Verbs that take a person as their object ("met Smith", "told Jones"): the name after them is no subject.
OBJECT_VERBS = frozenset("met meet meets beat beats told tell tells saw see sees hit hits sent sends let lets "
                          "brought brings took takes made makes gave gives led leads".split())
# "RIO DE JANEIRO, March 9 - ": a wire dateline that opens the sentence is not part of what was said.
DATELINE = re.compile(r"[A-Z][A-Z.'’ -]+[A-Z.],[^-–—\n]{0,60}?\s[-–—]{1,2}\s+")
# Words before a name that make it the object of a preposition, not the subject of the verb after it.
NOT_SUBJECT_BEFORE = frozenset("in at of for from to by with near on against over under about between among into "
                                "than like".split())
# Unnamed speakers: a pronoun after them stands for them, not for the last person named.
UNNAMED_SPEAKERS = frozenset("""
spokesman spokeswoman spokesperson official officials minister source sources aide aides lawyer lawyers police
statement report spokesmen spokeswomen analyst analysts ministry department company group agency adviser
advisers executive executives director manager officer officers witness witnesses judge prosecutor prosecutors
""".split())
# Capitalised at a sentence's start without being part of a name.
SENTENCE_OPENERS = frozenset("but and however meanwhile yesterday today now also so yet still".split())
# What a news story calls the company it is about, once named: "the firm said".
COMPANY_NOUNS = frozenset("company firm group bank carrier airline maker carmaker retailer insurer lender "
                           "operator utility".split())
# How far from a speech verb its speaker, its reported clause and the clause before it are looked for. News
# sentences are far shorter; the bounds keep a megabyte without full stops from costing time squared.
SUBJECT_WINDOW = 600
CLAUSE_WINDOW = 2_000
COORDINATED_SPEECH = re.compile(r"(?:,\s*)?\s(?:but|and)\s+(?:also\s+|then\s+|later\s+)?"
                                 r"(?:said|says|added|adds|told|tells|noted|warned|stressed)\b")


# Letters after a name that are no part of it: "Brian Doe MSP, said".
POSTNOMINALS = frozenset("mp msp mep am mla td qc kc obe mbe cbe kbe phd md".split())
INITIALS = re.compile(r"(?:[A-Z]\.){1,3}")
