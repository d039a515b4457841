"""Reword article sentences into stand-alone questions: clauses, verb forms, wh-fronting, pronouns."""
from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass

BLANK = "_____"
MARK = "\x00"  # stands for the fact inside a clause while the clause is reworded

AUXILIARIES = frozenset(
    "is are was were has have had will would can could should may might must shall does do did".split())
PREPOSITIONS = frozenset(
    "in at on to for from with by of over under into onto during since until till after before about "
    "against among between through within without across toward towards per via than".split())
DETERMINERS = frozenset("a an the this that these those its his her their our my your some any each every".split())
# Words that may stand before a number that is still the subject ("A total of 1,960 peacekeepers had ...").
SUBJECT_LEADERS = frozenset(
    "a an the total of some about around nearly almost more than over at least just only roughly "
    "approximately fewer less up to another further additional".split())
# Words between a verb and its counted object that carry no meaning of their own ("exported a record $2.3 trillion").
OBJECT_FILLERS = frozenset(
    "a an the some about around nearly almost just only roughly approximately record total another further "
    "additional estimated".split())
QUALIFIER_PAIRS = (("more", "than"), ("less", "than"), ("fewer", "than"), ("at", "least"), ("up", "to"),
                   ("as", "many", "as"), ("as", "much", "as"), ("a", "total", "of"))
FUNCTION_WORDS = frozenset(
    "the a an its their this these those some many most other another every each all both his her our "
    "my your such no one two three several".split())
RELATIVES = frozenset("where which who whom whose that".split())
SUBORDINATORS = frozenset(
    "after before because while whereas although though when since as if unless until and but so yet or "
    "despite".split()) | RELATIVES
# Words that open a clause of time, cause or concession: a fact inside one belongs to its own verb.
_CLAUSE_SUBORDINATORS = frozenset("after before because while although though when since until unless whereas "
                                  "once".split())
ADVERBIAL_OPENERS = frozenset(
    "after before because while although though when since as if unless until despite in on at during "
    "over for from by with without under however meanwhile moreover also but and yet so still then "
    "today yesterday tomorrow now later earlier separately instead indeed furthermore additionally "
    "according last next this".split())
COMMON_CAPITALISED = FUNCTION_WORDS | SUBORDINATORS | ADVERBIAL_OPENERS | frozenset(
    "who whom what when where which why how true false state name give complete fill".split())

_REPORTING_WORDS = frozenset("said says told added stated noted warned announced claimed that fill blank right with "
                             "in the this sentence".split())
FIRST_PERSON = frozenset("i me my mine we us our ours myself ourselves".split())
SUBJECT_PRONOUNS = frozenset("he she it they we i".split())

IRREGULAR_PAST = {
    "said": "say", "told": "tell", "took": "take", "made": "make", "won": "win", "lost": "lose",
    "went": "go", "came": "come", "became": "become", "began": "begin", "brought": "bring",
    "bought": "buy", "built": "build", "caught": "catch", "chose": "choose", "drew": "draw",
    "drove": "drive", "ate": "eat", "fell": "fall", "felt": "feel", "fought": "fight", "found": "find",
    "fled": "flee", "flew": "fly", "forgot": "forget", "froze": "freeze", "gave": "give", "got": "get",
    "grew": "grow", "heard": "hear", "held": "hold", "kept": "keep", "knew": "know", "led": "lead",
    "left": "leave", "lent": "lend", "meant": "mean", "met": "meet", "paid": "pay", "ran": "run",
    "rang": "ring", "rose": "rise", "saw": "see", "sold": "sell", "sent": "send", "shook": "shake",
    "shot": "shoot", "sang": "sing", "sank": "sink", "sat": "sit", "slept": "sleep",
    "spoke": "speak", "spent": "spend", "stood": "stand", "stole": "steal", "struck": "strike",
    "swore": "swear", "taught": "teach", "thought": "think", "threw": "throw", "understood": "understand",
    "woke": "wake", "wore": "wear", "wrote": "write", "withdrew": "withdraw", "overtook": "overtake",
    "undertook": "undertake", "sought": "seek", "bore": "bear", "cast": "cast", "cost": "cost",
    "cut": "cut", "hit": "hit", "hurt": "hurt", "let": "let", "put": "put", "quit": "quit", "set": "set",
    "shut": "shut", "split": "split", "spread": "spread", "upset": "upset", "forecast": "forecast",
    "broadcast": "broadcast", "dealt": "deal", "laid": "lay", "overcame": "overcome", "arose": "arise",
    "swept": "sweep", "hung": "hang", "stuck": "stick", "sprang": "spring", "dug": "dig", "fed": "feed",
    "bled": "bleed", "bent": "bend", "forgave": "forgive", "foresaw": "foresee", "rebuilt": "rebuild",
    "mistook": "mistake", "underwent": "undergo", "oversaw": "oversee", "beat": "beat", "bid": "bid",
}
PRESENT_THIRD = {
    "says": "say", "shows": "show", "hopes": "hope", "wants": "want", "expects": "expect", "plans": "plan",
    "seems": "seem", "remains": "remain", "continues": "continue", "includes": "include", "holds": "hold",
    "makes": "make", "takes": "take", "gives": "give", "needs": "need", "believes": "believe",
    "faces": "face", "supports": "support", "provides": "provide", "lives": "live", "works": "work",
    "leads": "lead", "runs": "run", "owns": "own", "employs": "employ", "represents": "represent",
    "denies": "deny", "calls": "call", "describes": "describe", "estimates": "estimate",
    "predicts": "predict", "requires": "require", "costs": "cost", "reports": "report", "tells": "tell",
    "warns": "warn", "argues": "argue", "claims": "claim", "insists": "insist", "admits": "admit",
}
NOT_VERBS_ED = frozenset(
    "red bed need feed seed speed hundred indeed shed breed creed greed steed weed sacred wicked naked "
    "rugged ragged aged beloved learned kindred wretched crooked jagged dogged".split())
E_STEMS = frozenset("explor ignor restor scor stor implor deplor ador snor creat".split())
NO_E_ENDINGS = ("eat", "ait", "oat", "eet", "oot", "ain", "oin", "ean", "een", "oon", "eal", "ail", "oil", "eel",
                "ool", "eam", "aim", "oom", "ear", "air", "oor", "eer", "our", "eak", "ook", "eek", "oak", "ee")
CURRENCY_WORDS = frozenset("dollars dollar euros euro pounds pound yen yuan rupees rubles roubles francs".split())

_TOKEN = re.compile(r"\S+")
_EDGE = "\"'“”‘’()[]{},.;:!?…"
_BOUNDARY = re.compile(
    r";\s+|:\s+|\s[–—-]+\s|\s*[–—]\s*(?=[A-Z(])"
    r"|,\s+(?=(?:and|but|or|so|yet|while|whereas|although|though|because|as|since|after|before|when|where|"
    r"which|who|whom|whose|despite|including|according|compared|up|down|a|an|[a-z]+ing)\b)"
    # a trailing attribution: ", the Investment Company Institute said", ", it said", ", said Mr Smith"
    r"|,\s+(?=(?:(?:the|a|an)\s+)?(?:[A-Za-z][\w.'’&-]*\s+){0,6}(?:said|says|added|told|reported|announced)\b)"
    r"|\s(?=(?:after|before|because|where|which|who|whom|whose|while|whereas|although|though|when|despite|"
    r"unless|until)\b)")
_SPACES = re.compile(r"\s+")
_SPACE_BEFORE_PUNCTUATION = re.compile(r"\s+([,.;:!?])")
_EMPTY_BRACKETS = re.compile(r"\(\s*\)")
_DOUBLED_COMMA = re.compile(r",\s*([,.?!])")
_PAST_REGULAR = re.compile(r"[a-z]{2,}ed")
_DIGIT = re.compile(r"\d")
_FIGURE = re.compile(r"\d|\b(?:million|billion|trillion|percent)\b")
_WORD_TOKEN = re.compile(r"[\w’'.-]+")
_LEADING_CLAUSE = re.compile(
    r"(?:since|after|before|when|while|although|though|because|as|if|once|until|unless|whereas)\s+"
    r"[^,;:“”\"]{8,160}?"
    r"\b(?:[a-z]+ed|said|made|took|won|lost|began|became|grew|fell|rose|was|were|had|has|have|is|are)\b"
    r"[^,;:“”\"]*,\s*",
    re.IGNORECASE)
_BRACKETED = re.compile(r"\([^()]*\)")
_MID_APPOSITIVE = re.compile(
    r",\s+(?:a|an|the)\s+[^,;:]{3,120}?,\s+(?=(?:[a-z]+ed|is|are|was|were|has|have|had|said|says|told|will|would|"
    r"can|could|took|made|won|lost|became|began)\b)")
# A quotation in double or single marks; an apostrophe inside a word ("don't") does not end one.
_QUOTED = re.compile(r"\"[^\"]*\"|“[^”]*”|''.*?''"
                     r"|‘(?:[^’]|’(?=\w))*’(?!\w)|(?<!\w)'(?:[^']|'(?=\w))*'(?!\w)")
_PRONOUN_WORDS = frozenset("he she him his her hers it its they them their theirs i me my we us our".split())
_PRONOUN_LOWER = re.compile(r"\b(?:he|she|him|his|her|hers|it|its|they|them|their|theirs|i|me|my|we|us|our)\b")
_PRONOUN = re.compile(r"\b(he|she|him|his|her|hers|it|its|they|them|their|theirs|i|me|my|we|us|our)\b",
                      re.IGNORECASE)


@dataclass(frozen=True)
class Wording:
    """Two ways to ask about a fact: a direct question, and the same clause in statement order.

    ``embedded`` reads "when Russia shut down a military base in Azerbaijan": it follows a command
    such as "State ..." or "Say ...".
    """

    question: str
    embedded: str


# ------------------------------------------------------------------ text helpers

def tidy(text: str) -> str:
    """Collapse whitespace, drop spaces before punctuation and stray commas at the ends."""
    text = _SPACE_BEFORE_PUNCTUATION.sub(r"\1", _SPACES.sub(" ", text).strip())
    text = _DOUBLED_COMMA.sub(r"\1", _EMPTY_BRACKETS.sub("", text))
    return text.strip(" ,;:")


def capitalise(text: str) -> str:
    return text[:1].upper() + text[1:]


def bare(token: str) -> str:
    """Return a token without the punctuation around it, lower-cased."""
    return token.strip(_EDGE).lower()


def words(text: str) -> list[str]:
    return _TOKEN.findall(text)


def outside_quotes(text: str) -> str:
    """Return the text with its quoted passages blanked out."""
    if "\"" not in text and "'" not in text and "“" not in text and "‘" not in text:
        return text
    return _QUOTED.sub(" ", text)


@functools.lru_cache(maxsize=16)
def _lowered(text: str) -> str:
    """Lower-case a text once while it is searched again and again (the article, a prompt and its choices)."""
    return text.lower()


def contains_words(text: str, phrase: str) -> bool:
    """Tell whether the phrase occurs in the text as whole words, ignoring case."""
    if not phrase:
        return False
    haystack, needle = _lowered(text), phrase.lower()
    start = haystack.find(needle)
    while start != -1:
        end = start + len(needle)
        if (start == 0 or not _word_character(haystack[start - 1])) and (
                end == len(haystack) or not _word_character(haystack[end])):
            return True
        start = haystack.find(needle, start + 1)
    return False


def replace_words(text: str, phrase: str, replacement: str) -> str:
    """Replace each occurrence of the phrase that stands as whole words (minding case) in the text.

    The same as substituting ``(?<!\\w)phrase(?!\\w)``, without a pattern compiled for every phrase.
    """
    if not phrase:
        return text
    parts = []
    position = 0
    start = text.find(phrase)
    while start != -1:
        end = start + len(phrase)
        if (start == 0 or not _word_character(text[start - 1])) and (
                end == len(text) or not _word_character(text[end])):
            parts.append(text[position:start])
            parts.append(replacement)
            position = end
            start = text.find(phrase, end)
        else:
            start = text.find(phrase, start + 1)
    if not parts:
        return text
    parts.append(text[position:])
    return "".join(parts)


def _word_character(character: str) -> bool:
    return character.isalnum() or character == "_"


# ------------------------------------------------------------------ verbs

def base_form(verb: str) -> str | None:
    """Return the base form of a past-tense or third-person verb, or None when it is neither."""
    word = verb.lower()
    if word in IRREGULAR_PAST:
        return IRREGULAR_PAST[word]
    if word in PRESENT_THIRD:
        return PRESENT_THIRD[word]
    if not _PAST_REGULAR.fullmatch(word) or word in NOT_VERBS_ED:
        return None
    if word.endswith("ied"):
        return word[:-1] if len(word) <= 4 else word[:-3] + "y"
    if word.endswith("eed") or word.endswith("yed") and len(word) <= 4:
        return word[:-1]
    stem = word[:-2]
    if len(stem) >= 4 and stem[-1] == stem[-2] and stem[-1] not in "aeiouylsfz" and stem[-3] in "aeiou":
        return stem[:-1]
    return stem + "e" if _needs_final_e(stem) else stem


def _needs_final_e(stem: str) -> bool:
    """Guess whether a regular verb lost a final e before -ed ("recaptur" -> "recapture")."""
    if stem in E_STEMS:
        return True
    if stem.endswith(NO_E_ENDINGS) or len(stem) < 2:
        return False
    vowels = "aeiou"
    last, before = stem[-1], stem[-2]
    if last in "vcz" or last == "u":
        return True
    if last == "s":
        return before in vowels + "nrpl" and stem not in ("focus", "bias", "canvas", "gas")
    if last == "g":
        return stem.endswith(("ag", "rg", "dg", "ang", "eng", "ung")) and stem not in (
            "belong", "bang", "hang", "long", "wrong", "sing", "ring")
    if last == "l":
        if before in "iou" and len(stem) > 2 and stem[-3] not in vowels:
            return True  # "filed", "compiled", "ruled", "consoled"
        return before not in vowels + "rwl"
    if last == "b":
        return before == "i"
    if stem.endswith("uir"):
        return True
    if last in "tdkpmrn" and before in vowels and (len(stem) < 3 or stem[-3] not in vowels):
        pair = stem[-2:]
        if pair in ("at", "ut", "ot", "ud", "id", "ad", "od", "ur", "ar", "ir", "ok", "ik", "ak", "ap", "um",
                    "am", "im", "in"):
            return True
        if pair == "it":
            return stem in ("invit", "unit", "ignit", "excit", "cit", "recit", "incit", "writ")
        if pair == "et":
            return stem.endswith(("plet", "compet", "delet"))
        if pair == "op":
            return len(stem) <= 4
        if pair == "on":
            return stem in ("postpon", "phon", "zon", "clon", "aton", "hon", "ton", "dron")
    return False


def _finite_verb(tokens: list[str], index: int) -> bool:
    """Tell whether tokens[index] is probably a finite verb of the clause."""
    word = tokens[index].strip(_EDGE)
    if not word or not word.isalpha() or not word.islower():
        return False
    if word in AUXILIARIES or word in PRESENT_THIRD:
        return True
    if word in IRREGULAR_PAST or word.endswith("ed") and base_form(word):
        previous = bare(tokens[index - 1]) if index else ""
        if previous in DETERMINERS or previous in AUXILIARIES or previous in ("been", "being", "be"):
            return False
        # "data released today shows ...": the -ed word is a participle when a finite verb follows it.
        later = [bare(token) for token in tokens[index + 1:index + 4] if MARK not in token][:2]
        return not any(word in AUXILIARIES or word in PRESENT_THIRD for word in later)
    return False


def _verb_index(tokens: list[str], start: int = 0) -> int | None:
    """Return the index of the clause's finite verb, passing over asides ("X, a firm that runs Y, closed")."""
    aside = False
    for index in range(start, len(tokens)):
        token = tokens[index]
        if aside:
            aside = not token.endswith(",")
            continue
        if token.endswith(",") and index + 1 < len(tokens) and bare(tokens[index + 1]) in (
                "a", "an", "the", "who", "which", "whose", "whom"):
            aside = True
            continue
        if index and bare(tokens[index - 1]) in ("that", "who", "which"):
            continue
        if MARK not in token and _finite_verb(tokens, index):
            return index
    return None


def _verb_chain(token: str) -> bool:
    """Tell whether a word belongs to a verb group ("been", "also", "housed") rather than to its objects."""
    word = bare(token)
    return word in AUXILIARIES or word in ("been", "being", "be", "not", "also", "already", "still", "just") \
        or word.endswith("ly") or word.endswith("ed") and base_form(word) is not None


def _in_embedded_clause(tokens: list[str], verb: int, mark: int) -> bool:
    """Tell whether the fact belongs to a later verb than the clause's own ("data shows firms exported in 2012")."""
    if any(bare(token) in RELATIVES | {"when"} for token in tokens[verb + 1:mark]):
        return True  # "the list of must-haves that will dominate in 2006"
    second = _verb_index(tokens, verb + 1)
    return second is not None and second < mark


def _invert(subject: str, verb: str, rest: list[str]) -> str | None:
    """Return the clause in question order: "did Russia shut down ...", "had 1,960 troops been ..."."""
    lower = verb.strip(_EDGE).lower()
    if lower in AUXILIARIES:
        return " ".join([lower, subject, *rest])
    base = base_form(lower)
    if base is None:
        return None
    if len(rest) > 1 and bare(rest[0]) in ("and", "or") and bare(rest[1]).endswith("ed") and base_form(bare(rest[1])):
        rest = [rest[0], base_form(bare(rest[1])) or rest[1], *rest[2:]]
    return " ".join(["does" if lower in PRESENT_THIRD else "did", subject, base, *rest])


# ------------------------------------------------------------------ clauses

def clause_bounds(sentence: str, start: int, end: int) -> tuple[int, int]:
    """Return the character range of the smallest clause of the sentence holding [start, end)."""
    left, right = 0, len(sentence)
    opener, boundaries = _boundaries(sentence)
    if opener:  # "Since Obama launched the NEI in 2010, the United States has ..."
        if opener <= start:
            left = opener
        elif opener - 1 >= end:
            right = max(end, sentence.rfind(",", 0, opener))
    for boundary_start, boundary_end in boundaries:
        if boundary_end <= start:
            left = max(left, boundary_end)
        elif boundary_start >= end:
            right = min(right, boundary_start)
            break
    return left, right


@functools.lru_cache(maxsize=1024)
def _boundaries(sentence: str) -> tuple[int, tuple[tuple[int, int], ...]]:
    """Return where a leading subordinate clause ends (0 if none) and the sentence's clause boundaries."""
    opener = _LEADING_CLAUSE.match(sentence)
    brackets = [match.span() for match in _BRACKETED.finditer(sentence)]
    # "The Authority, a public agency that runs the crossings, closed ...": an aside inside the clause.
    brackets += [match.span() for match in _MID_APPOSITIVE.finditer(sentence)]
    # "(the year for which data has just been released)" is one aside, not clauses.
    boundaries = tuple(match.span() for match in _BOUNDARY.finditer(sentence)
                       if not any(open_at <= match.start() < close_at for open_at, close_at in brackets))
    return (opener.end() if opener else 0), boundaries


def _strip_openers(tokens: list[str], *, may_drop_mark: bool) -> list[str]:
    """Drop leading subordinators and comma-closed adverbials ("Despite the deployment, ...").

    A subordinate clause that holds the fact is kept, alone: "after OPEC had in March shown its resolve, members
    raised output" is asked as "When had OPEC shown its resolve?", never about the clause it leads into.
    """
    while tokens:
        first = bare(tokens[0])
        if first in ADVERBIAL_OPENERS or first.endswith("ly") or first.endswith("ing") or first.isdigit():
            cut = next((index for index, token in enumerate(tokens[:12]) if token.endswith(",")), None)
            holds_mark = cut is not None and any(MARK in token for token in tokens[:cut + 1])
            if holds_mark and first in _CLAUSE_SUBORDINATORS:
                clause = tokens[1:cut + 1]
                clause[-1] = clause[-1].rstrip(",")
                return clause
            if cut is not None and cut + 1 < len(tokens) and (may_drop_mark or not holds_mark):
                tokens = tokens[cut + 1:]
                continue
        if first in SUBORDINATORS and len(tokens) > 2 and not tokens[0].endswith(","):
            tokens = tokens[1:]
            continue
        break
    return tokens


def _lower_first(text: str) -> str:
    first = text.split(" ", 1)[0]
    return text[:1].lower() + text[1:] if first.lower() in FUNCTION_WORDS else text


def _finish(text: str) -> str:
    return capitalise(_embedded(text)) + "?"


def _embedded(text: str) -> str:
    """Tidy a clause for use inside a question or command: no final stop, even before a closing quote."""
    return _FINAL_STOP.sub(r"\1", tidy(text).rstrip(".,;:!?"))


_FINAL_STOP = re.compile(r"[.,;:!?]+([\"”’']?)$")


def _drop_fillers(tokens: list[str]) -> list[str]:
    """Drop words like "a record" or "more than" that stand between a verb and its counted object."""
    changed = True
    while changed and tokens:
        changed = False
        for pair in QUALIFIER_PAIRS:
            if len(tokens) >= len(pair) and tuple(bare(t) for t in tokens[-len(pair):]) == pair:
                tokens = tokens[:-len(pair)]
                changed = True
        if tokens and bare(tokens[-1]) in OBJECT_FILLERS:
            tokens = tokens[:-1]
            changed = True
    return tokens


@dataclass(frozen=True)
class Located:
    """A fact's place in a sentence: the sentence text and the fact's character range in it.

    ``proper`` holds, lower-cased, the words of the article's names and the words it capitalises
    inside sentences, and ``common`` the words it also writes in lower case, so that a capitalised
    word opening the sentence ("Tobacco use is ...") can be told from a name ("Indian oil minister",
    "Russia shut down ...") when it moves inside a question.
    """

    sentence: str
    start: int
    end: int
    proper: frozenset[str] = frozenset()
    common: frozenset[str] = frozenset()  # words the article also writes in lower case


Resolver = Callable[[str], "str | None"]


def _subject(tokens: list[str], resolve: Resolver | None, located: Located, sentence_start: bool = False) -> str | None:
    subject = " ".join(tokens).strip(" ,")
    if not subject or MARK in subject:
        return None
    head = bare(tokens[0])
    if head in SUBJECT_PRONOUNS or head in FIRST_PERSON:
        if len(tokens) > 1 or resolve is None:
            return None
        return resolve(head)
    joined = _COMMA_ADVERB.sub("", " ".join(tokens))
    if joined.endswith(",") and not _APPOSITION_END.search(joined) or head.endswith("ing") and tokens[0][:1].islower():
        return None  # "..., said Mr Smith" or "adding that no gas was sold": no subject before the verb
    first = tokens[0].strip(_EDGE)
    if sentence_start and first[:1].isupper() and first[1:].islower() and head not in located.proper \
            and (head in located.common or len(tokens) > 1 and bare(tokens[1]) == "of" and head.endswith("s")) \
            and (len(tokens) == 1 or tokens[1][:1].islower()):
        return _without_aside(subject[:1].lower() + subject[1:])  # "Tobacco use is ..." -> "is tobacco use ..."
    return _without_aside(_lower_first(subject))


def _without_aside(subject: str) -> str:
    """Drop an apposition or a comma adverb from a subject ("Consumption, meanwhile," -> "consumption")."""
    subject = _COMMA_ADVERB.sub("", subject)
    return _APPOSITION_END.sub("", subject).strip()


_COMMA_ADVERB = re.compile(r",\s*(?:meanwhile|however|though|too|also|in turn|for example|for instance|in fact|"
                           r"instead|moreover|meantime|in contrast|by contrast|by comparison)\s*,?", re.IGNORECASE)
_APPOSITION_END = re.compile(r",\s+(?:an?\s+[^,]{3,120}|the\s+[^,A-Z]{3,120}),?$")


def _clause_tokens(located: Located, extra: int, *, drop: frozenset[str], may_drop_mark: bool) -> list[str] | None:
    left, right = clause_bounds(located.sentence, located.start, located.end + extra)
    if drop and re.search(r"\b(?:the|a|an|its|their|this|that)\s+$", located.sentence[:located.start], re.IGNORECASE):
        return None  # a date used as a modifier ("the February 2014 trade data") is no adjunct to cut out
    if bare(located.sentence[left:].split(" ", 1)[0]) in RELATIVES:
        return None  # a relative clause leans on a noun outside it; a cloze asks about it better
    before = located.sentence[left:located.start]
    if drop:
        preposition = re.search(r"(?:^|\s)(\w+)\s+$", before)
        if preposition and preposition.group(1).lower() in drop:
            before = before[:preposition.start(1)]
    clause = before + MARK + located.sentence[located.end + extra:right]
    return _strip_openers(words(clause), may_drop_mark=may_drop_mark)


def ask_removing(located: Located, *, wh: str, prepositions: frozenset[str],
                 resolve: Resolver | None = None) -> Wording | None:
    """Ask about an adjunct by cutting it (and its preposition) out: "When did Russia shut down a base?"."""
    tokens = _clause_tokens(located, 0, drop=prepositions, may_drop_mark=True)
    if not tokens:
        return None
    marks = [index for index, token in enumerate(tokens) if MARK in token]
    if len(marks) > 1 or marks and tokens[marks[0]].strip(",.;:") != MARK:
        return None
    verb = _verb_index(tokens)
    if verb is None or marks and marks[0] < verb:
        return None  # the fact sits inside the subject ("data released today shows ...")
    if marks and _in_embedded_clause(tokens, verb, marks[0]):
        return None
    if marks and marks[0] > 0 and _FIGURE.search(tokens[marks[0] - 1]):
        return None  # "from $192.5 billion in January": the date belongs to the figure, not the event
    if marks and any(bare(token) in ("and", "or", "to", "-", "–") for token in
                     tokens[max(0, marks[0] - 1):marks[0]] + tokens[marks[0] + 1:marks[0] + 2]):
        return None  # "in 2011 or 2012", "from 2009 to 2012": one of two dates cannot be cut out alone
    if marks and marks[0] > 0 and bare(tokens[marks[0] - 1]) in PREPOSITIONS:
        return None  # "the top gadget for 2005": cutting the date would leave "for" hanging
    opening = located.sentence.lstrip(" \"“‘'(").split(" ", 1)[0] == tokens[0]
    tokens = [token for token in tokens if MARK not in token]
    subject = _subject(tokens[:verb], resolve, located, opening)
    if subject is None:
        return None
    rest = tokens[verb + 1:]
    while rest and bare(rest[-1]) in ("and", "or", "but", ""):
        rest = rest[:-1]
    if rest and rest[-1].endswith(","):
        rest[-1] = rest[-1].rstrip(",")
    inverted = _invert(subject, tokens[verb], rest)
    if inverted is None:
        return None
    return Wording(_finish(f"{wh} {inverted}"),
                   _embedded(" ".join([wh[:1].lower() + wh[1:], subject, *tokens[verb:]])))


def ask_fronting(located: Located, *, wh: str, noun: str = "", whom: str = "",
                 resolve: Resolver | None = None, money: bool = False) -> Wording | None:
    """Ask about the fact by putting a wh-phrase in its place and fronting it.

    ``noun`` is the text right after the fact that belongs to the wh-phrase (the counted noun of a
    number) and is cut out with it. ``whom`` replaces ``wh`` after a fronted preposition
    ("By whom was Manafort sentenced?"); money after "to"/"from" asks "what amount".
    """
    if noun and not located.sentence[located.end:].startswith(noun):
        return None
    tokens = _clause_tokens(located, len(noun), drop=frozenset(), may_drop_mark=False)
    if not tokens:
        return None
    marks = [index for index, token in enumerate(tokens) if MARK in token]
    if len(marks) != 1 or tokens[marks[0]].rstrip(",;:.") != MARK:
        return None  # the fact is glued to other characters (a hyphen, a bracket): a cloze asks it better
    mark = marks[0]
    verb = _verb_index(tokens)
    if verb is None:
        return None
    if mark < verb:
        if any(bare(token) not in SUBJECT_LEADERS for token in tokens[:mark]):
            return None
        between = tokens[mark + 1:verb]
        if between and not (tokens[mark].endswith(",") and between[-1].endswith(",")):
            return None  # something other than an appositive stands between the fact and the verb
        predicate = " ".join(tokens[verb:])
        return Wording(_finish(f"{wh} {predicate}"), _embedded(f"{wh[:1].lower()}{wh[1:]} {predicate}"))
    opening = located.sentence.lstrip(" \"“‘'(").split(" ", 1)[0] == tokens[0]
    subject = _subject(tokens[:verb], resolve, located, opening)
    if subject is None or _in_embedded_clause(tokens, verb, mark) and bare(tokens[verb]) not in (
            "said", "says", "told", "added", "stated"):
        return None
    before = _drop_fillers(tokens[verb + 1:mark])
    after = tokens[mark + 1:]
    if whom and after and after[0][:1].isupper() and not tokens[mark].endswith(","):
        return None  # "told BBC Radio 4": the name is part of a longer one
    if after and bare(after[0]) in ("and", "or", "nor") or tokens[mark].endswith(",") and any(
            bare(token) in ("and", "or") for token in after[:4]) or tokens[mark - 1].endswith(","):
        return None  # one item of a list ("denied Duff, Jarosik and Kezman") cannot be asked about alone
    if before and bare(before[-1]).endswith("ing") or any(_DIGIT.search(token) for token in before):
        return None  # "agreements totaling $110 million", "$14 million ..., $13.6 million": not the verb's object
    preposition = ""
    if before and bare(before[-1]) in PREPOSITIONS:
        preposition = bare(before[-1])
        if preposition in ("of", "than", "per", "via"):
            return None  # "the strategies of the Obama administration" cannot be fronted
        before = before[:-1]
        if len([token for token in before if not _verb_chain(token)]) > 2:
            return None  # "discussed the plan during a trip to Moscow": the phrase belongs to a noun
    elif before:
        return None  # a word other than the verb or a preposition governs the fact ("ex-Yukos boss X")
    phrase = wh
    if preposition:
        phrase = whom or ("what amount" if money and preposition in ("to", "from", "by") else wh[:1].lower() + wh[1:])
        phrase = f"{preposition} {phrase}"
    if after and re.fullmatch(r"\([A-Z][A-Z&.]{1,7}\)[,.;:]?", after[0]):
        after = after[1:]  # the fact's acronym: "launched MARK (NEI) in 2010"
    if after and after[-1].endswith(","):
        after[-1] = after[-1].rstrip(",")
    inverted = _invert(subject, tokens[verb], [*before, *after])
    if inverted is None:
        return None
    embedded = " ".join([phrase[:1].lower() + phrase[1:], subject, tokens[verb], *before, *after])
    return Wording(_finish(f"{phrase} {inverted}"), _embedded(embedded))


# ------------------------------------------------------------------ noun phrases

NP_STOP = PREPOSITIONS | AUXILIARIES | frozenset("and or but who which that where when while as because if to".split())


def counted_noun(sentence: str, end: int) -> tuple[str, str]:
    """Return what a number counts, read from the words after it.

    Returns the exact text to cut after the number (" of its troops") and the noun to show
    ("troops"); both are empty when no noun follows.
    """
    tail = sentence[end:]
    lead = re.match(r"\s+(?:of\s+(?:its|their|his|her|the|our|these|those)\s+)?", tail)
    if not lead:
        return "", ""
    tokens = list(_TOKEN.finditer(tail, lead.end()))
    collected: list[re.Match[str]] = []
    index = 0
    while index < len(tokens) and len(collected) < 5:
        raw = tokens[index].group()
        word = raw.strip(_EDGE)
        lower = word.lower()
        if not word or _DIGIT.search(word) or raw.startswith(("(", "\"", "“")):
            break
        if lower == "and" and collected and not collected[-1].group().endswith(("s", ",")) \
                and index + 1 < len(tokens) and not bare(tokens[index + 1].group()) in NP_STOP:
            collected.append(tokens[index])
            index += 1
            continue
        if lower in ("of", "per") and len(collected) == 1 and index + 1 < len(tokens) \
                and bare(tokens[index + 1].group()) not in DETERMINERS | NP_STOP and raw == word:
            collected.append(tokens[index])
            for follower in tokens[index + 1:index + 3]:
                if bare(follower.group()) in NP_STOP or _DIGIT.search(follower.group()) \
                        or _finite_verb([follower.group()], 0):
                    break
                collected.append(follower)
                if follower.group() != follower.group().rstrip(_EDGE):
                    break
            break
        if lower in NP_STOP or lower.endswith("ing") and collected:
            break
        if lower in AUXILIARIES or lower in PRESENT_THIRD or lower in IRREGULAR_PAST and collected:
            break
        if lower.endswith("ed") and base_form(lower):
            following = bare(tokens[index + 1].group()) if index + 1 < len(tokens) else ""
            if raw != word or not following or following in NP_STOP | DETERMINERS:
                break  # "1,250 volunteers trained ...": a verb; "3,000 rusted bolts": an adjective
        collected.append(tokens[index])
        if raw != word:
            break
        index += 1
    while collected and bare(collected[-1].group()) in ("and", "of", "per"):
        collected.pop()
    if not collected:
        return "", ""
    cut = tail[:collected[-1].end()]
    stripped = cut.rstrip(_EDGE + " ")
    cut = cut[:len(stripped)] if cut[len(stripped):].strip(" )") == "" or True else cut
    shown = tail[collected[0].start():len(stripped)]
    return cut, shown


# ------------------------------------------------------------------ pronouns

_EXPLETIVE_IT_AFTER = re.compile(r"\s+(?:is|was|has been|had been|will be|would be|seems|seemed|appears|appeared|"
                                 r"remains|remained)\s+(?:\w+\s+){0,3}?(?:to|that|whether|if|how|why)\b")


@functools.lru_cache(maxsize=4096)
def dangling_pronoun(text: str) -> str | None:
    """Return the first pronoun outside quotes that has no name before it in the text, if any.

    First-person words outside quotes are always dangling in a question; "he" and "she" need a
    capitalised name before them, "it" and "they" any noun or name.
    """
    plain = outside_quotes(text)
    lowered = plain.lower()
    # Searching the lower-cased text is much faster than a case-blind search; their offsets agree
    # unless lower-casing changed the length (a few non-Latin letters).
    found = _PRONOUN_LOWER.finditer(lowered) if len(lowered) == len(plain) else _PRONOUN.finditer(plain)
    pronouns = [match for match in found if not (
        plain[match.start():match.end()] in ("i",)
        or match.end() - match.start() > 1 and plain[match.start():match.end()].isupper()  # "US", "IT": names
        # "It is generally estimated that ...", "it is likely to": an "it" that stands for nothing
        or lowered[match.start():match.end()] == "it" and _EXPLETIVE_IT_AFTER.match(lowered, match.end()))]
    if not pronouns:
        return None
    name_at = noun_at = len(plain) + 1
    for token in _WORD_TOKEN.finditer(plain, 0, pronouns[-1].start()):
        word = token.group().strip(".'’")
        lower = word.lower()
        if not word or lower in _PRONOUN_WORDS or lower in COMMON_CAPITALISED:
            continue
        if noun_at > len(plain) and lower not in AUXILIARIES and lower not in _REPORTING_WORDS:
            noun_at = token.start()
        if word[0].isupper():
            name_at = token.start()
            break
    for match in pronouns:
        word = plain[match.start():match.end()]
        lower = word.lower()
        if lower in FIRST_PERSON:
            return word
        needed = name_at if lower in ("he", "she", "him", "his", "her", "hers") else noun_at
        if needed > match.start():
            return word
    return None
