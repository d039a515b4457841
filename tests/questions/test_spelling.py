"""The word list that tells a typo from a word: British spellings, compounds and the wire's abbreviations are words."""
from __future__ import annotations

import pytest

from questions import spelling


@pytest.mark.parametrize("word", [
    "target", "organisation", "liberalised", "favour", "centre", "calibre", "armoury", "programme", "defence",
    "travelled", "catalogue", "analyse", "sceptical", "carmaker", "scoresheet", "pre-tax", "anti-spyware",
    "outjumped", "dlrs", "mln", "pct", "amortisations", "deregistration", "aluminium", "marvellous", "libor",
    "reinvestment", "nonperforming", "unrecoverable",
])
def test_words_of_news_prose_are_known(word: str) -> None:
    assert spelling.known(word)


@pytest.mark.parametrize("typo", ["tragets", "recieved", "unsuccesful", "stragey", "televison", "asssessed",
                                  "reesentment", "reeserves"])  # never two prefixes: "re" then "e"
def test_typos_are_not(typo: str) -> None:
    assert not spelling.known(typo)


def test_a_typo_is_a_word_the_article_writes_once() -> None:
    text = "The firm set tragets for adware sales. Its adware makes money. It recieved a fine in Augsut, not May."
    assert spelling.misspelt(text) == {"tragets", "recieved", "Augsut"}


def test_a_name_written_once_without_a_letter_of_a_name_written_more_often_is_a_typo() -> None:
    text = "Heineken sells beer in Nigeria. Heineken holds 50 pct of the brewery, and Heinken plans more. Hein spoke."
    assert spelling.misspelt(text) == {"Heinken"}


def test_a_word_list_other_than_the_pinned_one_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    def forget_the_list() -> None:
        spelling._word_lists.cache_clear()
        spelling.known.cache_clear()  # a word looked up before would not read the list again

    forget_the_list()
    monkeypatch.setattr(spelling, "WORD_LIST_SHA256", "0" * 64)
    try:
        with pytest.raises(RuntimeError, match="pinned"):
            spelling.known("tragets")
        with pytest.raises(RuntimeError, match="pinned"):
            spelling.common("automobile")
    finally:
        forget_the_list()


@pytest.mark.parametrize(("text", "typos"), [
    ("John Lichtblau of the Petroleum Industry Ressearch Foundation said.", {"Ressearch"}),
    ("Frank Knuettel of Prudential-Bache Securites said.", {"Securites"}),
    ("The Post and Telecomunications Ministry said.", {"Telecomunications"}),
    # names one key from a common word, not from a word bodies are named with
    ("Paul Collison of Investec spoke to Katerina and Willetts.", set()),
])
def test_a_word_of_a_bodys_name_mistyped_is_a_typo(text: str, typos: set[str]) -> None:
    assert spelling.misspelt(text) == typos


def test_a_name_written_once_with_a_letter_slipped_in_is_a_typo_but_a_longer_word_is_not() -> None:
    text = ("Brazilian growers cut output. Brazilian exports fell, a Brazizlian official said. Colombia and "
            "Colombia's growers, like Colombian ones, held theirs.")
    assert spelling.misspelt(text) == {"Brazizlian"}
