"""Tests for finding dates and resolving them against the published date."""
from __future__ import annotations

import datetime as dt
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from questions.anatomy import read_anatomy
from questions.clean import MAX_FACTS_PER_KIND
from questions.dates import find_dates, full_dates
from questions.model import FactKind, Sentence
from questions.sentences import split_sentences

WEDNESDAY = dt.date(2024, 5, 15)
OFFSET = 50


def dates(text: str, published: dt.date | None = WEDNESDAY) -> list[tuple[str, str]]:
    sentence = Sentence(text, OFFSET, OFFSET + len(text))
    return [(fact.text, fact.value) for fact in find_dates((sentence,), published=published)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # absolute
        ("The accord was signed on May 15, 2024.", [("May 15, 2024", "2024-05-15")]),
        ("The accord was signed on 15 May 2024.", [("15 May 2024", "2024-05-15")]),
        ("The accord was signed on the 3rd of June, 2021.", [("3rd of June, 2021", "2021-06-03")]),
        ("The photo was taken Jul. 7, 2013.", [("Jul. 7, 2013", "2013-07-07")]),
        ("Thursday, April 3, 2014", [("Thursday, April 3, 2014", "2014-04-03")]),
        ("The plant closed in May 2023.", [("May 2023", "2023-05")]),
        ("Exports fell in February 2014.", [("February 2014", "2014-02")]),
        ("The law passed in 2021.", [("2021", "2021")]),
        ("It was built between 1996 and 2002.", [("1996", "1996"), ("2002", "2002")]),
        ("The firm's 2019 budget grew.", [("2019", "2019")]),
        ("Output peaked in mid-2023.", [("2023", "2023")]),
        ("Talks broke down on June 24, 1987, officials said.", [("June 24, 1987", "1987-06-24")]),
        ("Records date from august 1, 1987.", [("august 1, 1987", "1987-08-01")]),
        # a day or a month without its year takes the year that puts it nearest, leaning to the past
        ("The strike began Feb 26.", [("Feb 26", "2024-02-26")]),
        ("The shuttle launched on March 15 and docked on March 17.",
         [("March 15", "2024-03-15"), ("March 17", "2024-03-17")]),
        ("The vote is set for June 2.", [("June 2", "2024-06-02")]),
        ("Sales fell in January.", [("January", "2024-01")]),
        ("Sales fell in September.", [("September", "2023-09")]),
        ("The shop will reopen in September.", [("September", "2024-09")]),
        ("Prices should ease from the beginning of June.", [("June", "2024-06")]),
        ("The festival runs from 10-20 February.", [("10-20 February", "2024-02")]),
        ("The games run May 20-26, 2025.", [("May 20-26, 2025", "2025-05")]),
        # weekdays: on or before the published day, after it for future clauses
        ("Russia shut the base on Wednesday.", [("Wednesday", "2024-05-15")]),
        ("The team arrived on Monday.", [("Monday", "2024-05-13")]),
        ("Friday's vote was close.", [("Friday", "2024-05-10")]),
        ("The board will meet on Friday.", [("Friday", "2024-05-17")]),
        ("The talks ended last Wednesday.", [("last Wednesday", "2024-05-08")]),
        ("The talks resume next Monday.", [("next Monday", "2024-05-20")]),
        # relative expressions
        ("Forces retook the area last year.", [("last year", "2023")]),
        ("Growth will slow this year and next year.", [("this year", "2024"), ("next year", "2025")]),
        ("Prices rose last month.", [("last month", "2024-04")]),
        ("Elections are due next month.", [("next month", "2024-06")]),
        ("Azerbaijan retook the region last September.", [("last September", "2023-09")]),
        ("The plant shut last May.", [("last May", "2023-05")]),
        ("The bridge opens next January.", [("next January", "2025-01")]),
        ("Police made the arrest yesterday.", [("yesterday", "2024-05-14")]),
        ("The minister spoke today.", [("today", "2024-05-15")]),
        ("Today's ruling was final.", [("Today", "2024-05-15")]),
        ("The court rules tomorrow.", [("tomorrow", "2024-05-16")]),
        ("He was sentenced last week.", [("last week", "2024-05")]),
        ("The firm collapsed two years ago.", [("two years ago", "2022")]),
        ("It happened three months ago.", [("three months ago", "2024-02")]),
        ("The deal closed a year ago.", [("a year ago", "2023")]),
        ("He was convicted last summer.", [("last summer", "2023")]),
        # decades
        ("The region broke away in the 1990s.", [("the 1990s", "1990s")]),
        ("The bank grew in the early 2000s.", [("the early 2000s", "2000s")]),
        ("Fashions of 1980s Britain returned.", [("1980s", "1980s")]),
    ],
)
def test_dates_are_found_and_resolved(sentence, expected):
    assert dates(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "published", "expected"),
    [
        ("He was sentenced last week.", dt.date(2024, 5, 3), [("last week", "2024-04")]),
        ("He was sentenced last week.", dt.date(2024, 6, 5), []),
        ("He was convicted last summer.", dt.date(2019, 10, 1), [("last summer", "2019")]),
        ("He was convicted last summer.", dt.date(2019, 3, 15), [("last summer", "2018")]),
        ("The final was played on Sunday.", dt.date(2013, 7, 7), [("Sunday", "2013-07-07")]),
        ("The semi-final was played on Saturday.", dt.date(2013, 7, 7), [("Saturday", "2013-07-06")]),
        ("They docked since Tuesday.", dt.date(2009, 3, 20), [("Tuesday", "2009-03-17")]),
        # a day something should happen by is still to come; a bare "by Friday" could be either side
        ('"The rules should be in place by Friday," a delegate said.', dt.date(1987, 3, 24),
         [("Friday", "1987-03-27")]),
        ("The stock might not be operational by Monday.", dt.date(1987, 3, 24), [("Monday", "1987-03-30")]),
        ("Delegates felt the pressure of the approaching Friday deadline.", dt.date(1987, 3, 24),
         [("Friday", "1987-03-27")]),
        ("The rules are agreed by Friday, delegates said.", dt.date(1987, 3, 24), []),
        ("The talks collapsed before Friday's deadline.", dt.date(1987, 3, 24), []),
        ("Profit rose in December.", dt.date(2024, 1, 10), [("December", "2023-12")]),
        ("Shares fell yesterday.", dt.date.min, []),
        ("The fund closes next year.", dt.date.max, []),
        ("The offer expires Jan 3.", dt.date(2023, 12, 28), [("Jan 3", "2024-01-03")]),
        # the month that ends a span is the nearest of that name, either side of the published date
        ("The contract signed in February supplies oil until June.", dt.date(1987, 3, 16),
         [("February", "1987-02"), ("June", "1987-06")]),
        ("Output fell in the three months to September.", dt.date(2004, 12, 1), [("September", "2004-09")]),
        ("Sales fell from November to January.", dt.date(1987, 2, 1),
         [("November", "1986-11"), ("January", "1987-01")]),
        # a session "be held" is to come
        ("Delegates agreed that a new round be held in September.", dt.date(1987, 3, 6),
         [("September", "1987-09")]),
        ("Sales fell in September.", dt.date(1987, 3, 6), [("September", "1986-09")]),
        # a month with its year named relatively is one date
        ("The cuts come in May this year and May 1989.", dt.date(1987, 3, 17),
         [("May this year", "1987-05"), ("May 1989", "1989-05")]),
        ("Prices peaked in March last year.", dt.date(1987, 6, 2), [("March last year", "1986-03")]),
        # A day without a year as far from the published date either way is left undated: in March, "after
        # July 1" may be last July or the next (a wrong year reached a learner).
        ("CRA Ltd said it expected to pay a final 1986 dividend of not less than 10 cents after July 1.",
         dt.date(1987, 3, 3), [("1986", "1986")]),
        ("The dividend was paid on July 1.", dt.date(1987, 8, 3), [("July 1", "1987-07-01")]),
    ],
)
def test_relative_dates_depend_on_the_published_date(sentence, published, expected):
    assert dates(sentence, published) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The deal was signed on May 15, 2024.", [("May 15, 2024", "2024-05-15")]),
        ("The region broke away in the 1990s and was retaken in 2023.", [("the 1990s", "1990s"), ("2023", "2023")]),
        ("The base closed on Wednesday, last year, on May 1, yesterday.", []),
        ("The deal was announced in December and runs until June.", []),
    ],
)
def test_without_a_published_date_only_absolute_dates_resolve(sentence, expected):
    assert dates(sentence, None) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "Prices rose over the past year.",
        "Sales have grown in recent years.",
        "Talks are expected in the coming weeks.",
        "We may go if the weather holds.",
        "Marchers filled the square.",
        "Shops are closed on Mondays.",
        "A Boeing 747 landed.",
        "The mine produced 2000 tonnes of ore.",
        "The Healthy Towns 2030 plan was launched.",
        "Trading closed at 1945 GMT.",
        "The 1986/87 crop was large.",
        "He scored in the 2019-20 season.",
        "The index rose 2.5 percent.",
        "She paid $2,014 for the ticket.",
        "The Sunday Times reported the deal.",
        "Markets crashed on Black Monday.",
    ],
)
def test_fuzzy_periods_and_lookalikes_are_not_dates(sentence):
    assert dates(sentence) == []


def test_facts_keep_absolute_offsets_and_their_sentence():
    text = "The firm, founded in 1987, was sold on Monday."
    sentence = Sentence(text, OFFSET, OFFSET + len(text))
    facts = find_dates((sentence,), published=WEDNESDAY)
    article = " " * OFFSET + text
    assert [(fact.kind, article[fact.start:fact.end], fact.sentence) for fact in facts] == [
        (FactKind.DATE, "1987", sentence), (FactKind.DATE, "Monday", sentence)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Workers on the dam in Orlo, May 2, 2022. REUTERS/Ian Moss", [dt.date(2022, 5, 2)]),
        ("Founded 3 March 1901 and sold on Feb 29, 2023 or Feb 29, 2024.", [dt.date(1901, 3, 3), dt.date(2024, 2, 29)]),
        ("No date here, only 2024.", []),
    ],
)
def test_full_dates_are_listed_in_order(text, expected):
    assert full_dates(text) == expected


DATEISH = st.text(alphabet=st.sampled_from(list("0123456789 ,.-\nMayJuneMondaylastnextyearago the1990s")), max_size=160)


@given(st.one_of(DATEISH, st.text(max_size=160)), st.one_of(st.none(), st.dates()))
def test_any_article_gives_resolved_dates_that_are_its_slices(article, published):
    sentences = split_sentences(article, anatomy=read_anatomy(article))
    for fact in find_dates(sentences, published=published):
        assert article[fact.start:fact.end] == fact.text
        assert re.fullmatch(r"\d{4}(-\d\d){0,2}|\d{3}0s", fact.value)


def test_a_megabyte_of_years_is_read_up_to_the_cap():
    article = ("In 1990 prices rose. " * 60_000)[:1_000_000]
    facts = find_dates(split_sentences(article, anatomy=read_anatomy(article)), published=None)
    assert len(facts) == MAX_FACTS_PER_KIND
    assert {fact.value for fact in facts} == {"1990"}
