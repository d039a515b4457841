"""Tests for reading an article's layout: headline, dateline, byline, caption, credits and published date."""
from __future__ import annotations

import datetime as dt

import pytest

from questions.anatomy import read_anatomy

WIRE_STORY = """\
Flood barrier opens on the river
PHOTO CAPTION: Workers stand on the new flood barrier in Dorton, Freland June 3, 2021. REUTERS/Anna Vell
By Tomas Reyes
DORTON, Freland (Reuters) - The city opened a flood barrier on Thursday after 12 years of work.
The barrier cost 40 million crowns, officials said.
(Reporting by Tomas Reyes; Additional reporting by Mia Holt; Editing by Sam Ode)
"""

AGENCY_STORY = """\
Senate passes the water bill
By Dana Kirk and Leo Marsh
WASHINGTON (AP) — The Senate passed the water bill on Tuesday.
Writing by Leo Marsh
"""

PRESS_RELEASE = """\
Ministry announces new school meals plan
Tuesday, June 4, 2019
The ministry today announced a plan to serve free school meals.
Source: example.org
"""

CITY_DATE_STORY = """\
NO CHANGE IN RATES SEEN - ECONOMISTS
LONDON, March 17 - Economists expect no change in interest rates this week.
"""

DATE_FIRST_STORY = """\
Port expansion approved
Friday, May 8, 2020 – Velmar – The port authority approved an expansion plan today.
"""

PERIOD_DATELINE_STORY = """\
Agency reports progress
Springfield, IL–(NEWSWIRE)–August 15, 2012. The agency reported progress today.
"""

FILE_PHOTO_STORY = """\
Court rejects appeal
FILE PHOTO: A courthouse in Marlow, Westland, March 2, 2018. AP Photo/Jon Reed
The court rejected the appeal on Monday.
Image caption story ends here, said the clerk.
"""

IMAGE_CREDIT_STORY = """\
Judge sentences trader
File photo of a courtroom. Image: Lee Park (via flickr).
The judge sentenced the trader on Wednesday.
"""

UNLABELLED_CAPTION_STORY = """\
Rivera takes the title
Ana Rivera lifts the trophy after the final in Brillo, Spain, Aug. 9, 2015.
Ana Rivera won the title on Sunday.
"""

PROSE_THAT_LOOKS_LIKE_CREDITS = """\
Study finds more cyclists
Research by the city university found more cyclists on the roads.
By 2030, the city wants half of all trips made by bike.
Reporting by the council showed a rise in trips.
"""

TRAILING_CREDIT_STORY = """\
Mill closes
The mill closed after 80 years. (Reporting by Ivo Dane; Editing by Kim Roe)
"""


def spans(text: str, anatomy) -> list[str]:
    return [text[span.start:span.end] for span in anatomy.excluded]


@pytest.mark.parametrize(
    ("text", "headline", "dateline", "byline", "caption", "published"),
    [
        (WIRE_STORY, "Flood barrier opens on the river", "DORTON, Freland (Reuters) -", ("Tomas Reyes",),
         "Workers stand on the new flood barrier in Dorton, Freland June 3, 2021.", dt.date(2021, 6, 3)),
        (AGENCY_STORY, "Senate passes the water bill", "WASHINGTON (AP) —", ("Dana Kirk", "Leo Marsh"), "", None),
        (PRESS_RELEASE, "Ministry announces new school meals plan", "Tuesday, June 4, 2019", (), "",
         dt.date(2019, 6, 4)),
        (CITY_DATE_STORY, "NO CHANGE IN RATES SEEN - ECONOMISTS", "LONDON, March 17 -", (), "", None),
        # a month the wire typed with a stray capital ("APril 13") still dates the line
        (CITY_DATE_STORY.replace("LONDON, March 17", "PALO ALTO, Calif, APril 13"),
         "NO CHANGE IN RATES SEEN - ECONOMISTS", "PALO ALTO, Calif, APril 13 -", (), "", None),
        (DATE_FIRST_STORY, "Port expansion approved", "Friday, May 8, 2020 – Velmar –", (), "", dt.date(2020, 5, 8)),
        (PERIOD_DATELINE_STORY, "Agency reports progress", "Springfield, IL–(NEWSWIRE)–August 15, 2012.", (), "",
         dt.date(2012, 8, 15)),
        (FILE_PHOTO_STORY, "Court rejects appeal", "", (), "A courthouse in Marlow, Westland, March 2, 2018.",
         dt.date(2018, 3, 2)),
        (IMAGE_CREDIT_STORY, "Judge sentences trader", "", (), "File photo of a courtroom.", None),
        (UNLABELLED_CAPTION_STORY, "Rivera takes the title", "", (), "", dt.date(2015, 8, 9)),
        (PROSE_THAT_LOOKS_LIKE_CREDITS, "Study finds more cyclists", "", (), "", None),
    ],
)
def test_layout_parts_are_found(text, headline, dateline, byline, caption, published):
    anatomy = read_anatomy(text)
    assert anatomy.headline == headline
    assert anatomy.dateline == dateline
    assert anatomy.byline == byline
    assert anatomy.caption == caption
    assert anatomy.published == published
    assert text[anatomy.headline_span.start:anatomy.headline_span.end] == headline
    assert text[anatomy.dateline_span.start:anatomy.dateline_span.end] == dateline


@pytest.mark.parametrize(
    ("text", "excluded"),
    [
        (WIRE_STORY, ["PHOTO CAPTION: ", "REUTERS/Anna Vell", "By Tomas Reyes",
                      "(Reporting by Tomas Reyes; Additional reporting by Mia Holt; Editing by Sam Ode)"]),
        (AGENCY_STORY, ["By Dana Kirk and Leo Marsh", "Writing by Leo Marsh"]),
        (PRESS_RELEASE, ["Source: example.org"]),
        (FILE_PHOTO_STORY, ["FILE PHOTO: ", "AP Photo/Jon Reed"]),
        (IMAGE_CREDIT_STORY, ["Image: Lee Park (via flickr)."]),
        (TRAILING_CREDIT_STORY, [" (Reporting by Ivo Dane; Editing by Kim Roe)"]),
        (PROSE_THAT_LOOKS_LIKE_CREDITS, []),
        (CITY_DATE_STORY, []),
    ],
)
def test_bylines_credits_and_photo_credits_are_not_quiz_material(text, excluded):
    assert spans(text, read_anatomy(text)) == excluded


def test_credits_are_collected():
    anatomy = read_anatomy(WIRE_STORY)
    assert anatomy.credits == "(Reporting by Tomas Reyes; Additional reporting by Mia Holt; Editing by Sam Ode)"


def test_given_published_date_overrides_the_one_in_the_text():
    anatomy = read_anatomy(WIRE_STORY, published=dt.date(2021, 6, 4))
    assert anatomy.published == dt.date(2021, 6, 4)


def test_a_dateline_day_picks_the_full_date_of_that_day():
    text = "Mill sold\nLONDON, March 17 - The mill, founded on June 1, 1901, was sold on March 17, 1987.\n"
    assert read_anatomy(text).published == dt.date(1987, 3, 17)


def test_body_spans_the_prose_lines():
    anatomy = read_anatomy(WIRE_STORY)
    body = WIRE_STORY[anatomy.body.start:anatomy.body.end]
    assert body.startswith("DORTON, Freland (Reuters) - The city")
    assert body.endswith("Editing by Sam Ode)") is False
    assert body.endswith("officials said.")


def test_a_text_that_opens_with_a_long_dateline_paragraph_has_no_headline():
    text = ("PARIS, June 2 - The government said on Tuesday it would cut fuel taxes by two cents a litre from "
            "July, a move that will cost the state 300 million euros a year.\nThe cut follows protests.")
    anatomy = read_anatomy(text)
    assert anatomy.headline == ""
    assert anatomy.dateline == "PARIS, June 2 -"


@pytest.mark.parametrize("text", ["", "\n\n", "x", "By", "(", "PHOTO CAPTION:", "REUTERS/A B"])
def test_degenerate_text_has_an_anatomy(text):
    anatomy = read_anatomy(text)
    assert anatomy.body.start <= anatomy.body.end <= len(text)


# Only a date the dateline or a caption gives in full, or a full date of the dateline's day, dates the article.
# A dateline's month and day take no year from the body: in wire copy the body's "March 1988" or "March 31, 1990"
# is most often a maturity or a fiscal year, and a wrong date is worse than none.
@pytest.mark.parametrize(("text", "published"), [
    ("Rates hold\nLONDON, March 17, 1987 - Rates held.\n", dt.date(1987, 3, 17)),
    ("Rates hold\nLONDON, March 17 - Rates held, as they have since March 1987.\n", None),
    ("Bonds issued\nLONDON, March 17 - The bonds, due March 31, 1990, were issued.\n", None),
    ("Rates hold\nLONDON, March 17 - Rates held on Tuesday.\n", None),
    ("Bridge opens\nCAPTION: The bridge in Dorton, May 3, 2021.\nThe bridge opened on Monday.\n", dt.date(2021, 5, 3)),
])
def test_the_published_date_comes_only_from_what_settles_it(text, published):
    assert read_anatomy(text).published == published
