"""Tests for splitting article text into sentences that keep their offsets."""
from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from questions.anatomy import read_anatomy
from questions.model import Anatomy, Span
from questions.sentences import MAX_SENTENCE_CHARS, split_sentences


def texts(article: str, anatomy: Anatomy | None = None) -> list[str]:
    return [sentence.text for sentence in split_sentences(article, anatomy=anatomy or Anatomy())]


@pytest.mark.parametrize(
    ("article", "expected"),
    [
        ("The mayor spoke. Residents cheered!", ["The mayor spoke.", "Residents cheered!"]),
        ("Was it worth it? Nobody knows.", ["Was it worth it?", "Nobody knows."]),
        ("Mr. Olsen and Dr. Hale met Gen. Ruiz at St. Mary's.", ["Mr. Olsen and Dr. Hale met Gen. Ruiz at St. Mary's."]),
        ("The U.S. economy grew. Inflation fell.", ["The U.S. economy grew.", "Inflation fell."]),
        ("The firm moved to the U.S. The move cost jobs.", ["The firm moved to the U.S.", "The move cost jobs."]),
        # the wire capitalises the word after "U.S.": "The U.S. And Western Europe" is one subject
        ("The U.S. And Western Europe pledged backing. Aid followed.",
         ["The U.S. And Western Europe pledged backing.", "Aid followed."]),
        ("Sales rose in the U.S. And then they fell.", ["Sales rose in the U.S.", "And then they fell."]),
        ("She sued Brightline Inc. The company denied it.", ["She sued Brightline Inc.", "The company denied it."]),
        ("Brightline Inc. Chief Executive Ana Ruiz resigned.", ["Brightline Inc. Chief Executive Ana Ruiz resigned."]),
        ("Talks resume on Jan. 12 in Oslo.", ["Talks resume on Jan. 12 in Oslo."]),
        ("Atty. Gen. Edwin Meese met him. He left.", ["Atty. Gen. Edwin Meese met him.", "He left."]),
        ("The No. 4 seed lost. Fans left.", ["The No. 4 seed lost.", "Fans left."]),
        ("It opens at 9 a.m. Tickets sold out.", ["It opens at 9 a.m.", "Tickets sold out."]),
        ("It opens at 9 a.m. local time.", ["It opens at 9 a.m. local time."]),
        ("Growth was 2.5 percent. Prices rose 0.3 percent.", ["Growth was 2.5 percent.", "Prices rose 0.3 percent."]),
        ("George W. Bush visited. He left.", ["George W. Bush visited.", "He left."]),
        ("J. K. Rowling wrote it.", ["J. K. Rowling wrote it."]),
        # a short title before a name's initial ("Ing." of an engineer), "Ste." of a town
        ("Firms such as Fiat and Ing. C. Olivetti are booming. Rates fell.",
         ["Firms such as Fiat and Ing. C. Olivetti are booming.", "Rates fell."]),
        ("Jobs will go at the plant in Ste. Therese. Rates fell.", ["Jobs will go at the plant in Ste. Therese.", "Rates fell."]),
        ("The loan went to ING. Rates fell.", ["The loan went to ING.", "Rates fell."]),
        ("He chose Plan B. The rest followed.", ["He chose Plan B.", "The rest followed."]),
        ('"We will win." She smiled.', ['"We will win."', "She smiled."]),
        ('"We will win," she said.', ['"We will win," she said.']),
        ('"It is over. We lost," he said after the match.', ['"It is over. We lost," he said after the match.']),
        ("“It is over. We lost,” said the coach. Fans wept.", ["“It is over. We lost,” said the coach.", "Fans wept."]),
        ('He asked: "Why now?" Nobody answered.', ['He asked: "Why now?"', "Nobody answered."]),
        ('"Why now?" he asked.', ['"Why now?" he asked.']),
        ('The crowd chanted "never." Then it rained.', ['The crowd chanted "never."', "Then it rained."]),
        ("She said it was “the best day … (of all) for us.”", ["She said it was “the best day … (of all) for us.”"]),
        ("It ended (finally.) Everyone left.", ["It ended (finally.)", "Everyone left."]),
        ("Headline without a full stop\nThe body starts here. It ends here.",
         ["Headline without a full stop", "The body starts here.", "It ends here."]),
        ("A line that ends without punctuation\n\nNext paragraph.", ["A line that ends without punctuation",
                                                                     "Next paragraph."]),
        ("Visit www.example.org/news today. Thanks.", ["Visit www.example.org/news today.", "Thanks."]),
        ("...", []),
        # a quotation left open is continued by the next one: the quotes after it still pair up
        ('He said: "We tried. "We will go on." She said the fleet would shrink. The minister, Ann Lee, said: "No."',
         ['He said: "We tried.', '"We will go on."', "She said the fleet would shrink.",
          'The minister, Ann Lee, said: "No."']),
    ],
)
def test_sentences_end_at_their_punctuation_only(article, expected):
    assert texts(article) == expected


def test_offsets_point_into_the_article():
    article = "  Title here  \nFirst sentence.   Second one!\n"
    sentences = split_sentences(article, anatomy=Anatomy())
    assert [(s.text, s.start, s.end) for s in sentences] == [
        ("Title here", 2, 12), ("First sentence.", 15, 30), ("Second one!", 33, 44)]


def test_excluded_spans_are_skipped():
    article = "Title\nBy Ann Lee\nThe vote passed. (Reporting by Ann Lee)\n"
    byline = article.index("By Ann Lee")
    credit = article.index(" (Reporting")
    anatomy = Anatomy(excluded=(Span(byline, byline + len("By Ann Lee")), Span(credit, article.index(")\n") + 1)))
    assert texts(article, anatomy) == ["Title", "The vote passed."]


@pytest.mark.parametrize(
    ("article", "first_body_sentence"),
    [
        ("Agency reports progress\nSpringfield, IL–(NEWSWIRE)–August 15, 2012. The agency reported progress. It is big.",
         "Springfield, IL–(NEWSWIRE)–August 15, 2012. The agency reported progress."),
        ("Vote held\nLONDON, March 17 - Lawmakers voted on Tuesday. The bill passed.",
         "LONDON, March 17 - Lawmakers voted on Tuesday."),
        ('Crew speaks\nWashington, D.C., March 20, 2009 – "Hello, Earth. We hear you," said the pilot. More later.',
         'Washington, D.C., March 20, 2009 – "Hello, Earth. We hear you," said the pilot.'),
    ],
)
def test_the_dateline_opens_the_first_sentence(article, first_body_sentence):
    sentences = texts(article, read_anatomy(article))
    assert sentences[1] == first_body_sentence


def test_caption_label_and_photo_credit_are_not_part_of_sentences():
    article = "Dam opens\nPHOTO CAPTION: The dam in Orlo, May 2, 2022. REUTERS/Ian Moss\nThe dam opened.\n"
    assert texts(article, read_anatomy(article)) == ["Dam opens", "The dam in Orlo, May 2, 2022.", "The dam opened."]


@given(st.text(alphabet=st.sampled_from(list("ab .?!\"“”'()\n,ABU.S1 -…")), max_size=200))
def test_sentences_are_slices_of_the_article_in_order(article):
    sentences = split_sentences(article, anatomy=read_anatomy(article))
    previous_end = 0
    for sentence in sentences:
        assert article[sentence.start:sentence.end] == sentence.text
        assert sentence.text == sentence.text.strip() and "\n" not in sentence.text
        assert sentence.start >= previous_end
        previous_end = sentence.end


def test_a_run_without_full_stops_is_cut_at_spaces():
    article = "Prices\n" + " ".join(f"lot {index} sold" for index in range(2_000))
    sentences = split_sentences(article, anatomy=Anatomy())
    assert len(sentences) > 2
    assert all(len(sentence.text) <= MAX_SENTENCE_CHARS for sentence in sentences)
    assert all(article[sentence.start:sentence.end] == sentence.text for sentence in sentences)
    assert " ".join(sentence.text for sentence in sentences[1:]) == article.split("\n", 1)[1]
