"""Words no English dictionary knows: a sentence that misspells one ("tragets", "recieved") makes no question.

Wire copy is typed fast, and a question repeats its sentence word for word, so a typo in the article
becomes a typo in the quiz. The word list is pyspellchecker's English frequency list (American
spelling), read once a process and checked against the hash of the pinned release; British spellings
("organisation", "centre") and compounds ("carmaker", "pre-tax") are matched to it by rule.
"""
from __future__ import annotations

import functools
import gzip
import hashlib
import json
import re
from importlib import resources

from questions.lexicon import ORG_HEADS

# pyspellchecker 0.9.1, spellchecker/resources/en.json.gz: another file is another dictionary, so it is refused.
WORD_LIST_SHA256 = "2474a48af86fd81dccea9edd0bba6cd36dd2ecedc0ae217cefcb233bba28613c"

# British spelling and the American one the list holds: "favour" -> "favor", "centre" -> "center".
_BRITISH = tuple((re.compile(pattern), american) for pattern, american in (
    (r"our(s|ed|ing|ite|ites|able|er|ers|y)?$", r"or\1"),
    (r"([tb])re(s|d)?$", r"\1er\2"),
    (r"is(e|es|ed|ing|ation|ations|er|ers)$", r"iz\1"),
    (r"ys(e|es|ed|ing)$", r"yz\1"),
    (r"mme(s)?$", r"m\1"),
    (r"ence(s)?$", r"ense\1"),
    (r"ll(ed|ing|er|ers)$", r"l\1"),
    (r"ogue(s)?$", r"og\1"),
    (r"^sc(ep)", r"sk\1"),
    (r"oe", "e"),
))
_ENDINGS = ("s", "es", "ed", "d", "ing", "ly", "er", "ers", "ment", "ments", "ness", "al")
_PREFIXES = ("pre", "anti", "non", "co", "re", "de", "dis", "mis", "post", "ex", "hi", "multi", "semi", "sub", "over",
             "under", "out",
             "self", "un", "inter", "counter", "mid", "cross", "mini", "mega", "micro", "cyber", "e")
_LITTLE_WORDS = frozenset("for the and but not any all its his her was are has had can may our you she him who how why "
                          "one two".split())
# The wire's own abbreviations: "dlrs", "mln", "pct" are Reuters style, not typos.
_WIRE_WORDS = frozenset("dlr dlrs dls mln bln pct reuter reuters stg vs bpd bbl bbd bcf gmt plc qtr shr div cif dwt cwt "
                        "kms hrs lbs mph gdp sdr api est mkt hoc quo libor facto www".split())
# British words no rule above turns into the American list's.
_BRITISH_WORDS = frozenset("aluminium manoeuvre manoeuvres manoeuvred manoeuvring marvellous meagre sombre lustre "
                           "jewellery cheque cheques kerb tyre tyres grey plough mould storey storeys whilst amongst "
                           "learnt spelt dreamt towards".split())


@functools.cache
def _word_lists() -> tuple[frozenset[str], frozenset[str]]:
    """Every word of the list, and its frequent ones, read once a process (the counts are not kept)."""
    data = (resources.files("spellchecker") / "resources" / "en.json.gz").read_bytes()
    if hashlib.sha256(data).hexdigest() != WORD_LIST_SHA256:
        raise RuntimeError("pyspellchecker's English word list is not the pinned one (pyspellchecker==0.9.1)")
    counts: dict[str, int] = json.loads(gzip.decompress(data))
    # Two words in three sit at the list's floor count: rare words, misspellings, stray names ("jacque").
    floor = min(counts.values())
    return frozenset(counts), frozenset(word for word, count in counts.items() if count > floor)


def _words() -> frozenset[str]:
    return _word_lists()[0]


def _common_words() -> frozenset[str]:
    return _word_lists()[1]


def common(word: str) -> bool:
    """Whether a lower-case word is a frequent one of the list, as written or in its American spelling.

    No inflection and no compound: "automobile" and "centre" are common, "jacque" is not.
    """
    words = _common_words()
    return word in words or any(pattern.sub(replacement, word) in words for pattern, replacement in _BRITISH)


@functools.lru_cache(maxsize=8192)  # the words an article writes once are mostly the words other articles write
def known(word: str, *, after_prefix: bool = False) -> bool:
    """Whether a lower-case word is English: in the list, a British spelling, an inflection or a compound of it.

    One prefix at most: "re" and then "e" would pass "reesentment" as "re-e-sentment".
    """
    words = _words()
    if word in _WIRE_WORDS or word in _BRITISH_WORDS:
        return True
    # Most words are in the list as written or inflected: the word itself is tried before the ten British
    # rewritings are made, which cost more than all the look-ups.
    if _in_list_or_inflected(word, words):
        return True
    spellings = {pattern.sub(replacement, word) for pattern, replacement in _BRITISH} - {word}
    # "amortisations": the American "amortizations", or "amortization" plus "s"
    if any(_in_list_or_inflected(spelling, words) for spelling in spellings):
        return True
    if "-" in word:
        return all(part in _PREFIXES or known(part) for part in word.split("-") if part)
    if not after_prefix and any(word.startswith(prefix) and len(word) - len(prefix) >= 4 and
                                known(word[len(prefix):], after_prefix=True) for prefix in _PREFIXES):
        return True
    # "carmaker", "scoresheet", "yearend": two words written as one; never after a little word ("forstall").
    return any(word[:cut] in words and word[cut:] in words and word[:cut] not in _LITTLE_WORDS
               for cut in range(3, len(word) - 2))


def _in_list_or_inflected(spelling: str, words: frozenset[str]) -> bool:
    """Whether a spelling is in the list as written, or one of its words with an ending ("chemistries")."""
    return spelling in words or any(spelling.endswith(ending) and spelling[:-len(ending)] in words
                                    for ending in _ENDINGS) or \
        spelling.endswith("ies") and spelling[:-3] + "y" in words


_LOWER_WORD = re.compile(r"(?<![\w'’-])[a-z][a-z-]{2,}(?![\w'’])")


_CALENDAR = ("january february march april may june july august september october november december monday tuesday "
             "wednesday thursday friday saturday sunday").split()
_CALENDAR_LETTERS = {"".join(sorted(name)): name for name in _CALENDAR}
_CAPITALISED_WORD = re.compile(r"(?<![\w'’-])[A-Z][a-z]{3,}(?![\w'’])")  # "Amy" is a name, not a shuffled May


def misspelt(text: str) -> frozenset[str]:
    """Return the words the text writes once that no dictionary knows: its likely typos.

    A word the article repeats is its own vocabulary ("adware", a team's jargon), not a slip of the keys.
    A capitalised word is a name, unless its letters are a month's or a weekday's shuffled ("Augsut").
    """
    counts: dict[str, int] = {}
    for word in _LOWER_WORD.findall(text):
        counts[word] = counts.get(word, 0) + 1
    typos = {word for word, count in counts.items() if count == 1 and not known(word)}
    names: dict[str, int] = {}
    for word in _CAPITALISED_WORD.findall(text):
        names[word] = names.get(word, 0) + 1
        month = _CALENDAR_LETTERS.get("".join(sorted(word.lower())))
        if month is not None and month != word.lower():
            typos.add(word)
    # "Heinken" once beside "Heineken" twice: a name the article writes otherwise more often is mistyped.
    dropped = {other[:cut] + other[cut + 1:] for other, count in names.items() if count > 1 for cut in range(len(other))}
    typos.update(word for word, count in names.items() if count == 1 and len(word) >= 5 and word in dropped)
    # "Brazizlian" once beside "Brazilian": a letter slipped into a name the article writes more often. Not at its
    # end: "Colombian" beside "Colombia", "Haitians" beside "Haitian" are other words.
    typos.update(word for word, count in names.items() if count == 1 and len(word) >= 6 and
                 any(names.get(word[:cut] + word[cut + 1:], 0) > 1 for cut in range(1, len(word) - 1)))
    # "Ressearch", "Securites": a capitalised word one key from the head word of an organisation's name is that
    # word mistyped ("Collison" or "Investec", one key from "collision" and "invested", are names).
    typos.update(word for word, count in names.items()
                 if count == 1 and len(word) >= 8 and not known(word.lower()) and _one_key_from(word.lower()))
    return frozenset(typos)


_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyz")
_ORG_HEADS_BY_LENGTH = {length: tuple(sorted(head for head in ORG_HEADS if len(head) == length))
                        for length in {len(head) for head in ORG_HEADS}}


def _one_key_from(word: str) -> bool:
    """Whether one letter dropped, added, changed or two swapped turn the word into an organisation's head word.

    A letter changed or added is looked for by comparing the word with the head words one letter longer or as
    long, not by writing out its fifty-odd spellings a letter.
    """
    splits = [(word[:cut], word[cut:]) for cut in range(len(word) + 1)]
    if any(left + right[1:] in ORG_HEADS for left, right in splits if right) or \
            any(left + right[1] + right[0] + right[2:] in ORG_HEADS for left, right in splits if len(right) > 1):
        return True
    return any(_one_letter_changed(word, head) for head in _ORG_HEADS_BY_LENGTH.get(len(word), ())) or \
        any(_one_letter_added(word, head) for head in _ORG_HEADS_BY_LENGTH.get(len(word) + 1, ()))


def _one_letter_changed(word: str, head: str) -> bool:
    """Whether a word of as many characters becomes the head word by one character changed to a letter a-z.

    A letter changed to itself counts: the head word is the word itself, if the word has a letter a-z.
    """
    changed = [index for index, (mine, theirs) in enumerate(zip(word, head)) if mine != theirs]
    if not changed:
        return any(character in _LETTERS for character in word)
    return len(changed) == 1 and head[changed[0]] in _LETTERS


def _one_letter_added(word: str, head: str) -> bool:
    """Whether the head word, one character longer, is the word with a letter a-z added somewhere."""
    return any(head[cut] in _LETTERS and head[:cut] + head[cut + 1:] == word for cut in range(len(head)))
