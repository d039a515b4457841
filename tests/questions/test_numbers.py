"""Tests for finding cardinal quantities with their qualifier, unit and what they count."""
from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from questions.anatomy import read_anatomy
from questions.clean import MAX_FACTS_PER_KIND
from questions.model import FactKind, Sentence
from questions.numbers import find_numbers
from questions.sentences import MAX_SENTENCE_CHARS, split_sentences

OFFSET = 100  # sentences sit inside a longer article, so offsets are absolute


def numbers(text: str) -> list[tuple]:
    sentence = Sentence(text, OFFSET, OFFSET + len(text))
    return [(fact.text, fact.value, fact.unit, fact.qualifier, fact.counts) for fact in find_numbers((sentence,))]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # digits, separators, decimals
        ("The firm hired 1,250 engineers this spring.", [("1,250", 1250, None, None, "engineers")]),
        ("The index rose to 58.6 from 57.9.", [("58.6", 58.6, None, None, None), ("57.9", 57.9, None, None, None)]),
        ("A total of 1,960 volunteer firefighters had been housed in 12 tents.",
         [("1,960", 1960, None, None, "volunteer firefighters"), ("12", 12, None, None, "tents")]),
        # qualifiers belong to the text
        ("Nearly 3,000 of its workers went on strike.", [("Nearly 3,000", 3000, None, "nearly", "workers")]),
        ("More than 40 people were hurt.", [("More than 40", 40, None, "more than", "people")]),
        ("The crew removed more than 12,500 mines, officials said.",
         [("more than 12,500", 12500, None, "more than", "mines")]),
        ("At least two pupils and some teachers were sent home.",
         [("At least two", 2, None, "at least", "pupils")]),
        ("The shop employs fewer than 50 staff.", [("fewer than 50", 50, None, "fewer than", "staff")]),
        ("Up to 300 homes lost power.", [("Up to 300", 300, None, "up to", "homes")]),
        ("About 15 ships were damaged.", [("About 15", 15, None, "about", "ships")]),
        # number words
        ("The festival drew one hundred and ten performers.",
         [("one hundred and ten", 110, None, None, "performers")]),
        ("Police said nearly two thousand fans gathered.", [("nearly two thousand", 2000, None, "nearly", "fans")]),
        ("Twenty-five villages were cut off.", [("Twenty-five", 25, None, None, "villages")]),
        ("The grant will reach over a million households.",
         [("over a million", 1000000, None, "over", "households")]),
        ("Three judges heard the case.", [("Three", 3, None, None, "judges")]),
        # hyphenated units and ages
        ("A two-year programme ended in failure.", [("two-year", 2, "year", None, "programme")]),
        ("They signed a 10-day ceasefire.", [("10-day", 10, "day", None, "ceasefire")]),
        ("The 45-year-old teacher was arrested.", [("45-year-old", 45, "year", None, "age")]),
        ("The driver, aged 32, was unhurt.", [("32", 32, "year", None, "age")]),
        ("Maria Lopez, 29, won the race.", [("29", 29, "year", None, "age")]),
        # money with currency and scale
        ("The council approved $2.5 billion in aid.", [("$2.5 billion", 2500000000, "USD", None, "aid")]),
        ("The club paid £45,000 for the painting.", [("£45,000", 45000, "GBP", None, None)]),
        ("Brussels pledged €3 million to the fund.", [("€3 million", 3000000, "EUR", None, None)]),
        ("It earned 5 mln dlrs in the quarter.", [("5 mln dlrs", 5000000, "USD", None, None)]),
        ("Profit rose to 12.5 billion yen.", [("12.5 billion yen", 12500000000, "JPY", None, None)]),
        ("He must repay US$6.2 million.", [("US$6.2 million", 6200000, "USD", None, None)]),
        ("The bank lent 40 mln Canadian dlrs.", [("40 mln Canadian dlrs", 40000000, "CAD", None, None)]),
        ("The studio won a £5m grant.", [("£5m", 5000000, "GBP", None, "grant")]),
        ("It raised $150bn (£80bn) abroad.", [("$150bn", 150000000000, "USD", None, None),
                                             ("£80bn", 80000000000, "GBP", None, None)]),
        ("The service now has 5m users.", [("5m", 5000000, None, None, "users")]),
        ("Sales hit nearly $700 billion.", [("nearly $700 billion", 700000000000, "USD", "nearly", None)]),
        # percentages
        ("Prices rose 5.4% in a year.", [("5.4%", 5.4, "percent", None, None)]),
        ("Unemployment fell to 4.2 percent.", [("4.2 percent", 4.2, "percent", None, None)]),
        ("Turnout was 61 per cent of voters.", [("61 per cent", 61, "percent", None, "voters")]),
        ("Exports rose 3.1 pct.", [("3.1 pct", 3.1, "percent", None, None)]),
        ("Rates rose two percentage points.", [("two percentage points", 2, "percentage point", None, None)]),
        ("Rates were set at 11-1/2 pct.", [("11-1/2 pct", 11.5, "percent", None, None)]),
        # units and what they count
        ("The test lasted at least 3 hours per day.",
         [("at least 3", 3, "hour", "at least", "hours per day")]),
        ("The judge imposed a 47 month prison term.", [("47", 47, "month", None, "prison term")]),
        ("He served 18 months in jail.", [("18", 18, "month", None, "months")]),
        ("The wall is 12 km long.", [("12", 12, "km", None, "km")]),
        ("Temperatures reached 38 degrees Celsius.", [("38", 38, "degree Celsius", None, "degrees Celsius")]),
        ("She won the 800m final.", [("800m", 800, "m", None, "final")]),
        ("It lasted three hours, nine minutes.",
         [("three", 3, "hour", None, "hours"), ("nine", 9, "minute", None, "minutes")]),
        ("He faced 18 counts of fraud involving loans.", [("18", 18, None, None, "counts of fraud")]),
        ("The plan covers 298,000 small and medium-sized firms (SMEs).",
         [("298,000", 298000, None, None, "small and medium-sized firms")]),
        # ranges: one fact per end, the first takes the second's scale and unit
        ("Between 10 and 20 officers were hurt.",
         [("10", 10, None, None, "officers"), ("20", 20, None, None, "officers")]),
        ("The storm left 10 to 20 million people without power.",
         [("10", 10000000, None, None, "people"), ("20 million", 20000000, None, None, "people")]),
        ("Margins were 5-6 pct.", [("5", 5, "percent", None, None), ("6 pct", 6, "percent", None, None)]),
        ("A one-year contract was offered to one player.", [("one-year", 1, "year", None, "contract")]),
    ],
)
def test_numbers_are_found_with_what_they_count(sentence, expected):
    assert numbers(sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "The company was founded in 1987.",
        "The plant opened in the 1990s.",
        "The vote is on May 15 and the count on 17 May.",
        "Results are due Feb 26.",
        "The meeting starts at 10 a.m. and ends at 14:30.",
        "Trading closed at 1945 GMT.",
        "The desk has been trading since 0300 pdt.",
        "She finished first, ahead of the 2nd and 3rd riders.",
        "The 15th-seeded player lost.",
        "Dozens of people and thousands of fans gathered.",
        "Hundreds of homes and tens of thousands of acres were flooded.",
        "One of the suspects fled.",
        "No one was hurt.",
        "She is the one who called.",
        "One day, he left the village.",
        "The Apollo 11 crew landed safely.",
        "A Boeing 737 jet was grounded.",
        "The airline's Boeing 747-400 jets were grounded.",
        "Leaders met at the G7 summit.",
        "COVID-19 cases fell.",
        "The team raced in Formula One.",
        "Call 555-0142 or (202) 555-0188 for details.",
        "The treaty's Article 5 was invoked.",
        "The No. 3 seed lost to the world number one.",
        "See page 12.",
        "Murray won 6-4, 7-5.",
        "The hosts won the match 2-1.",
        "Two-thirds of voters agreed.",
        "Almost two thirds of voters agreed.",
        "Attendance fell in the 2019-20 season.",
        "The 1986/87 crop was large.",
        "The Healthy Towns 2030 plan was launched.",
        # a capitalised number word inside a sentence belongs to a name
        "Finance ministers of the Group of Five met in Oslo.",
        "The film was shown on Channel Four last night.",
    ],
)
def test_years_days_times_ordinals_labels_and_idioms_are_not_numbers(sentence):
    assert numbers(sentence) == []


def test_facts_keep_absolute_offsets_and_their_sentence():
    article = "Port opens\nThe port handled 2.4 million containers. About 300 ships called."
    sentences = split_sentences(article, anatomy=read_anatomy(article))
    facts = find_numbers(sentences)
    assert [fact.text for fact in facts] == ["2.4 million", "About 300"]
    for fact in facts:
        assert fact.kind is FactKind.NUMBER
        assert article[fact.start:fact.end] == fact.text
        assert fact.sentence.start <= fact.start < fact.end <= fact.sentence.end


def test_values_are_int_when_whole_and_float_otherwise():
    facts = numbers("It cost $13.6 million, or 13.5 pct of 100 units.")
    assert [(value, type(value)) for _, value, *_ in facts] == [(13600000, int), (13.5, float), (100, int)]


NUMBERISH = st.text(alphabet=st.sampled_from(list("0123456789,.$£%-/ \nabcone twothreemillion")), max_size=160)


@given(st.one_of(NUMBERISH, st.text(max_size=160)))
def test_any_article_gives_numbers_that_are_its_slices(article):
    for fact in find_numbers(split_sentences(article, anatomy=read_anatomy(article))):
        assert article[fact.start:fact.end] == fact.text
        assert fact.sentence.start <= fact.start < fact.end <= fact.sentence.end
        assert isinstance(fact.value, (int, float))


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # dealers' two-way prices: the bid is the number, the currency follows the offer's digits
        ("The dollar opened at 151.30/40 yen, down from 151.95/05.",
         [("151.30/40 yen", 151.3, "JPY", None, None), ("151.95/05", 151.95, "JPY", None, None)]),
        ("The mark ended at 1.4320/30 Swiss francs.", [("1.4320/30 Swiss francs", 1.432, "CHF", None, None)]),
        # a bare number compared with one of a similar size shares its scale and unit
        ("Arrivals totalled 6.12 mln against 5.97 a year earlier.",
         [("6.12 mln", 6120000, None, None, None), ("5.97", 5970000, None, None, None)]),
        ("Output rose 15 pct from 12 last year.",
         [("15 pct", 15, "percent", None, None), ("12", 12, "percent", None, None)]),
        ("The index rose to 58.6 from 57.9.", [("58.6", 58.6, None, None, None), ("57.9", 57.9, None, None, None)]),
        # a plural possessive before the number is no label ("Apollo 11")
        ("Vexa's 800,000 members and Amicor' 20,000 will vote.",
         [("800,000", 800000, None, None, "members"), ("20,000", 20000, None, None, None)]),
        # a place and its figure
        ("In Wales it was just over 41,000 and in Scotland 38,000.",
         [("just over 41,000", 41000, None, "just over", None), ("38,000", 38000, None, None, None)]),
        ("More than half a million people were moved.",
         [("More than half a million", 500000, None, "more than", "people")]),
        # a fraction of a scale is one figure, not "a million" cut out of it
        ("Almost a quarter of a million jobs would go.",
         [("Almost a quarter of a million", 250000, None, "almost", "jobs")]),
        ("Three quarters of a billion dollars was lent.",
         [("Three quarters of a billion dollars", 750000000, "USD", None, None)]),
        ("Five unions will hold talks.", [("Five", 5, None, None, "unions")]),
        ('He said: "Five men were hurt."', [("Five", 5, None, None, "men")]),
    ],
)
def test_wire_and_news_conventions(sentence, expected):
    assert numbers(sentence) == expected


def test_a_megabyte_of_numbers_is_read_up_to_the_cap():
    """A table pasted as one line: every stage stays bounded and the facts stop at the cap."""
    article = "Prices\n" + " ".join(str(1000 + index % 9000) for index in range(200_000))
    article = article[:1_000_000]
    sentences = split_sentences(article, anatomy=read_anatomy(article))
    assert max(len(sentence.text) for sentence in sentences) <= MAX_SENTENCE_CHARS
    facts = find_numbers(sentences)
    assert len(facts) == MAX_FACTS_PER_KIND
    assert [fact.start for fact in facts] == sorted(fact.start for fact in facts)
    assert facts[0].text == article[facts[0].start:facts[0].end]
