"""Word lists the entity rules share, beyond the lexicon: connectors, heads, roles."""
from __future__ import annotations

import re

from questions.lexicon import HEADLINE_WORDS, SPEECH_VERBS

# Single words that name an institution by themselves.
SINGLE_ORGS = frozenset("congress parliament senate kremlin pentagon bundestag duma knesset politburo interpol "
                         "europol nato opec".split())
STRUCTURE_CONNECTORS = frozenset({"of", "for"})
CENTRE_PLACES = frozenset("shopping trade town city leisure sports garden arts conference convention exhibition "
                           "community visitor visitors".split())
# Head nouns of an appositive that says the name before it is a place: ", a town in ...", ", the capital of ...".
PLACE_APPOSITIVE_HEADS = frozenset("town towns village city port capital suburb hamlet settlement province region "
                                   "district island county municipality".split())
# Heads that say so only with a place after "of": "the heart of Ecuador's oilfields", not "the centre of a row".
FIGURATIVE_PLACE_HEADS = frozenset("centre center heart hub".split())
WEB_DOMAINS = frozenset("com net org co uk de fr biz info io".split())
# Bodies a nationality names by itself: "the Scottish Executive", "the Welsh Assembly".
DEMONYM_BODIES = frozenset("executive assembly government parliament".split())
ON_HEADS = frozenset({"committee", "commission", "council", "conference", "panel", "subcommittee", "court"})
PLURAL_POSSESSORS = frozenset({"people", "women", "men", "children", "workers", "veterans", "farmers"})
ROLE_STOPS = HEADLINE_WORDS - {"of", "the", "for", "and", "at", "on", "'s"} | SPEECH_VERBS | frozenset(
    "who whom which whose where while said says told is was were are has have had will would "
    # sentence adverbs: "Indeed U.S. Treasury secretary James Baker" is a Treasury secretary
    "indeed however meanwhile moreover nevertheless nonetheless instead thus therefore still yet also".split())
APPOSITIVE_VERBS = frozenset("is was were are has have had will would who which that said says told added "
                              "and or but".split())
# A person's family: "to wife Angie" names another person; "son of" the office-holder is not them.
KIN = frozenset("wife husband son daughter brother sister father mother partner widow uncle aunt".split())
ROLE_PRIORITY_APPOSITIVE, ROLE_PRIORITY_TITLE, ROLE_PRIORITY_NOUN = 0, 1, 2
ROLE_LINKS = frozenset("the a an of for at in on to with and 's ’s".split())
TWO_LETTER_ORGS = frozenset({"un", "eu"})  # other two-letter capitals are too often "PE", "AS", "IT"
TITLE_MODIFIERS = frozenset("first crown grand supreme special under vice deputy assistant associate acting "
                             "interim chief head".split())
ORG_ACRONYM = re.compile(r"[A-Z](?:[A-Z&.]*[A-Z.])?")
DEMONYM_ENDINGS = ("ian", "ean", "ese", "ish", "ic")
# Players and managers: a city or province before one of these names a club ("Liverpool boss", "Leinster fly-half").
TIME_NOUNS = frozenset("week weeks month months year years day days weekend morning afternoon evening night time "
                        "season".split())
DEGREE_WORDS = frozenset("much far even no any still a little slightly rather".split())
# Verbs after which a lower-case word starts an object, not a role ("to consult president Ruiz").
VERB_LIKE = frozenset("to will would can could should must may might".split())
NUMBER_WORDS = frozenset("one two three four five six seven eight nine ten eleven twelve".split())
# Roles that someone holds at an organisation: a name before them is the organisation ("Acme chairman John Doe").
ORG_ROLES = frozenset("chairman chairwoman chairperson boss leader spokesman spokeswoman spokesperson frontman "
                       "frontwoman founder co-founder owner president treasurer economist analyst official executive "
                       "manager chief ceo".split())
SPORT_ROLES = frozenset("boss manager coach striker midfielder goalkeeper keeper defender skipper winger forward "
                         "fly-half scrum-half full-back flanker hooker prop wing-back".split())
SCORE = re.compile(r"\d{1,3}")
