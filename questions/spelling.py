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
_PREFIXES = ("pre", "anti", "non", "co", "re", "post", "ex", "hi", "multi", "semi", "sub", "over", "under", "out",
             "self", "un", "inter", "counter", "mid", "cross", "mini", "mega", "micro", "cyber", "e")
# The wire's own abbreviations: "dlrs", "mln", "pct" are Reuters style, not typos.
_WIRE_WORDS = frozenset("dlr dlrs dls mln bln pct reuter reuters stg vs bpd bbl bbd bcf gmt plc qtr shr div cif dwt cwt "
                        "kms hrs lbs mph gdp sdr api est mkt hoc quo".split())


@functools.cache
def _words() -> frozenset[str]:
    data = (resources.files("spellchecker") / "resources" / "en.json.gz").read_bytes()
    if hashlib.sha256(data).hexdigest() != WORD_LIST_SHA256:
        raise RuntimeError("pyspellchecker's English word list is not the pinned one (pyspellchecker==0.9.1)")
    return frozenset(json.loads(gzip.decompress(data)))


def known(word: str) -> bool:
    """Whether a lower-case word is English: in the list, a British spelling, an inflection or a compound of it."""
    words = _words()
    if word in words or word in _WIRE_WORDS:
        return True
    if any((american := pattern.sub(replacement, word)) != word and american in words
           for pattern, replacement in _BRITISH):
        return True
    if any(word.endswith(ending) and word[:-len(ending)] in words for ending in _ENDINGS):
        return True
    if "-" in word:
        return all(part in _PREFIXES or known(part) for part in word.split("-") if part)
    if any(word.startswith(prefix) and len(word) - len(prefix) >= 4 and known(word[len(prefix):])
           for prefix in _PREFIXES):
        return True
    # "carmaker", "scoresheet", "yearend": two words written as one.
    return any(word[:cut] in words and word[cut:] in words for cut in range(3, len(word) - 2))


_LOWER_WORD = re.compile(r"(?<![\w'’-])[a-z][a-z-]{2,}(?![\w'’])")


def misspelt(text: str) -> frozenset[str]:
    """Return the lower-case words the text writes once that no dictionary knows: its likely typos.

    A word the article repeats is its own vocabulary ("adware", a team's jargon), not a slip of the keys.
    """
    counts: dict[str, int] = {}
    for word in _LOWER_WORD.findall(text):
        counts[word] = counts.get(word, 0) + 1
    return frozenset(word for word, count in counts.items() if count == 1 and not known(word))
