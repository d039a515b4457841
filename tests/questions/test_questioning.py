"""Tests for making questions from hand-made facts: wording, distractors, standing alone, determinism."""
from __future__ import annotations

import datetime as dt
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import questions
from questions import questioning
from questions.distractors import number_shape
from questions.model import Anatomy, Fact, FactKind, Form, QuestionType, Sentence, Span
from questions.pipeline import generate
from questions.questioning import MAX_QUESTIONED_FACTS, make_questions

REPO_ROOT = Path(__file__).resolve().parents[2]
PUBLISHED = dt.date(2024, 5, 16)

BRIDGE = """Harbour bridge reopens after repairs
PORTVILLE, Norland (Wire) - The city council reopened the harbour bridge on Tuesday after engineers replaced more than 3,000 rusted bolts.
A total of 1,250 volunteers had been trained at the centre in Eastbay, a town on the northern coast.
"The bridge is safe again," Mayor Ana Lopez said at the ceremony.
Transport minister Omar Haddad said the repairs cost $4.2 million, nearly twice the estimate.
The Norland Bridge Authority, a public agency that runs the region's crossings, closed the bridge last September.
"We will keep inspecting the cables every month," he said.
(Reporting by Kim Tran; Editing by Lee Park)"""


def sentence_at(text: str, position: int) -> Sentence:
    """Cut the line, then the sentence of the line, that holds a position (test articles are simple)."""
    line_start = text.rfind("\n", 0, position) + 1
    line_end = text.find("\n", position)
    line_end = len(text) if line_end == -1 else line_end
    start, end = line_start, line_end
    for match in re.finditer(r"(?<=[.!?])\s+(?=[A-Z\"“(])", text[line_start:line_end]):
        boundary = line_start + match.start()
        if boundary < position:
            start = line_start + match.end()
        else:
            end = boundary
            break
    return Sentence(text[start:end], start, end)


def fact(text: str, kind: FactKind, words: str, value=None, *, occurrence: int = 1, **fields) -> Fact:
    """Make a fact for the n-th occurrence of some words of a test article."""
    start = -1
    for _ in range(occurrence):
        start = text.index(words, start + 1)
    value = words if value is None else value
    return Fact(kind, words, value, start, start + len(words), sentence_at(text, start), **fields)


def bridge_facts() -> tuple[Fact, ...]:
    text = BRIDGE
    facts = [
        fact(text, FactKind.DATE, "Tuesday", "2024-05-14"),
        fact(text, FactKind.NUMBER, "more than 3,000", 3000, counts="rusted bolts", qualifier="more than"),
        fact(text, FactKind.NUMBER, "1,250", 1250, counts="volunteers"),
        fact(text, FactKind.PLACE, "Eastbay"),
        fact(text, FactKind.SPEAKER, "Ana Lopez", quote="The bridge is safe again"),
        fact(text, FactKind.PERSON, "Ana Lopez", role="mayor of Portville"),
        fact(text, FactKind.PERSON, "Omar Haddad", role="Transport minister"),
        fact(text, FactKind.SPEAKER, "Omar Haddad", quote="the repairs cost $4.2 million, nearly twice the estimate"),
        fact(text, FactKind.NUMBER, "$4.2 million", 4_200_000, unit="USD"),
        fact(text, FactKind.ORGANISATION, "Norland Bridge Authority"),
        fact(text, FactKind.DATE, "last September", "2023-09"),
        fact(text, FactKind.SPEAKER, "he", "Omar Haddad", quote="We will keep inspecting the cables every month"),
        fact(text, FactKind.PERSON, "Kim Tran", role="reporter"),
    ]
    return tuple(sorted(facts, key=lambda item: (item.start, item.end, item.kind.value)))


def bridge_anatomy() -> Anatomy:
    credits = BRIDGE.index("(Reporting")
    return Anatomy(headline="Harbour bridge reopens after repairs", dateline="PORTVILLE, Norland (Wire) -",
                   published=PUBLISHED, body=Span(0, len(BRIDGE)), excluded=(Span(credits, len(BRIDGE)),))


def bridge_questions(seed: int = 0):
    return make_questions(bridge_facts(), seed=seed, text=BRIDGE, anatomy=bridge_anatomy())


def questions_about(questions, words: str, kind: FactKind | None = None):
    return [question for question in questions
            if question.fact.text == words and (kind is None or question.fact.kind == kind)]


def shows(prompt: str, words: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(words.lower())}(?!\w)", prompt.lower()) is not None


# ------------------------------------------------------------------ wording

@pytest.mark.parametrize(
    ("words", "kind", "prompt"),
    [
        ("Tuesday", FactKind.DATE, "When did the city council reopen the harbour bridge?"),
        ("more than 3,000", FactKind.NUMBER, "How many rusted bolts did engineers replace?"),
        ("1,250", FactKind.NUMBER, "How many volunteers had been trained at the centre in Eastbay?"),
        ("Ana Lopez", FactKind.SPEAKER, "Who said that 'The bridge is safe again'?"),
        ("Omar Haddad", FactKind.SPEAKER, "Who said that the repairs cost $4.2 million, nearly twice the estimate?"),
        ("Omar Haddad", FactKind.PERSON, "Who is the Transport minister?"),
        ("Norland Bridge Authority", FactKind.ORGANISATION,
         "Which organisation is a public agency that runs the region's crossings?"),
        ("last September", FactKind.DATE, "When did the Norland Bridge Authority close the bridge?"),
        ("he", FactKind.SPEAKER, "Who said that 'We will keep inspecting the cables every month'?"),
    ],
)
def test_multiple_choice_prompt_asks_about_the_fact_in_plain_words(words, kind, prompt):
    asked = [question.prompt for question in questions_about(bridge_questions(), words, kind)
             if question.type == QuestionType.MULTIPLE_CHOICE]
    assert asked == [prompt]


FILL_IN = None  # the sentence cannot be reworded safely: the multiple-choice question fills its blank


@pytest.mark.parametrize(
    ("sentence", "words", "kind", "value", "unit", "prompt"),
    [
        ("The council closed the old library on Monday.", "Monday", FactKind.DATE, "2024-05-13", None,
         "When did the council close the old library?"),
        ("BankCorp filed the offer on January 26.", "January 26", FactKind.DATE, "2024-01-26", None,
         "When did BankCorp file the offer?"),
        ("Russia shut down a military base on Wednesday, officials said.", "Wednesday", FactKind.DATE, "2024-05-15",
         None, "When did Russia shut down a military base?"),
        ("Since the mayor launched the scheme in 2010, the city has planted 5,000 trees.", "2010", FactKind.DATE,
         "2010", None, "When did the mayor launch the scheme?"),
        ("Parliament could decide in 2011 or 2012 whether to act.", "2011", FactKind.DATE, "2011", None, FILL_IN),
        ("Exports fell to $190 billion from $192 billion in January.", "January", FactKind.DATE, "2024-01", None,
         FILL_IN),
        ("Crown said it sold the unit, adding that no gas was produced in 1986.", "1986", FactKind.DATE, "1986",
         None, FILL_IN),
        ("Consumption, meanwhile, has jumped to 2.4 million barrels, as fuel consumption grew.", "2.4 million",
         FactKind.NUMBER, 2_400_000,
         None, "To how many barrels has consumption jumped?"),
        ("Assets of the funds increased 720 mln dlrs in the week, the institute said.", "720 mln dlrs",
         FactKind.NUMBER, 720_000_000, "USD", "How much did assets of the funds increase in the week?"),
        ("The state exported a record $2.3 trillion last year, up from 2009.", "$2.3 trillion", FactKind.NUMBER,
         2_300_000_000_000, "USD", "How much did the state export last year?"),
        ("The governments signed three agreements totaling almost $110 million.", "almost $110 million",
         FactKind.NUMBER, 110_000_000, "USD", FILL_IN),
        ("The minister discussed the plan during a trip to Moscow last year.", "Moscow", FactKind.PLACE, None, None,
         FILL_IN),
        ("AMR Corp will hold a press conference in New York at noon.", "New York", FactKind.PLACE, None, None,
         "Where will AMR Corp hold a press conference at noon?"),
        ("Azerbaijan recaptured Karabakh in a lightning offensive.", "Azerbaijan", FactKind.PLACE, None, None,
         "Which country recaptured Karabakh in a lightning offensive?"),
        ("Tory leader Michael Howard told BBC Radio 4 the plan was wrong.", "BBC", FactKind.ORGANISATION, None,
         None, FILL_IN),
        ("Keeper David James denied Damien Duff, Jiri Jarosik and Mateja Kezman.", "Damien Duff", FactKind.PERSON,
         None, None, FILL_IN),
        ("The console is the top gadget for 2005, the magazine said.", "2005", FactKind.DATE, "2005", None, FILL_IN),
        ("Gadgets are among the must-haves that will dominate in 2006.", "2006", FactKind.DATE, "2006", None,
         FILL_IN),
        # a date inside a clause of time or cause, even mid-sentence after "that", is that clause's, never the
        # main clause's
        ("The sources said that after the cartel had in March shown its resolve on quotas, some members had raised "
         "output.", "March", FactKind.DATE, "2024-03", None, "When had the cartel shown its resolve on quotas?"),
        ("The sources said that after the cartel met, some members had in March raised output.", "March",
         FactKind.DATE, "2024-03", None, "When had some members raised output?"),
        ("Because the cartel in March cut prices, some members raised output.", "March", FactKind.DATE, "2024-03",
         None, FILL_IN),
        ("After March 5, the company raised output.", "March 5", FactKind.DATE, "2024-03-05", None, FILL_IN),
    ],
)
def test_a_sentence_is_reworded_into_a_question_only_when_that_is_safe(sentence, words, kind, value, unit, prompt):
    facts = (fact(sentence, kind, words, value, unit=unit),)
    asked = [question.prompt for question in make_questions(facts, text=sentence, anatomy=Anatomy(published=PUBLISHED))
             if question.type == QuestionType.MULTIPLE_CHOICE]
    assert len(asked) == 1
    if prompt is FILL_IN:
        assert asked[0].startswith("Fill in the blank with the right ") and "_____" in asked[0]
    else:
        assert asked[0] == prompt


def test_a_long_sentence_is_cut_to_whole_words_around_the_blank():
    sentence = ("When the company said in 1986 or 1987 that it would sell its plant, shares rose 5 pct in active "
                "trading on the stock exchange, and analysts said the deal made sense for both sides of the sale.")
    facts = (fact(sentence, FactKind.DATE, "1986", "1986"),)
    (question,) = [question for question in make_questions(facts, text=sentence, anatomy=Anatomy(published=PUBLISHED))
                   if question.type == QuestionType.MULTIPLE_CHOICE]
    shown = question.prompt.removeprefix("Fill in the blank with the right date: ")
    assert "_____" in shown and len(shown.split()) < len(sentence.split())
    assert all(word.strip("…,.") in sentence for word in shown.replace("_____", "").split())


@pytest.mark.parametrize(
    ("words", "kind", "types"),
    [
        ("1,250", FactKind.NUMBER, {"multiple_choice", "true_false", "cloze", "short_answer", "flashcard"}),
        ("Tuesday", FactKind.DATE, {"multiple_choice", "true_false", "cloze", "short_answer"}),
        # The person fact of the same mention already blanks the name, so the speaker has no cloze of its own.
        ("Ana Lopez", FactKind.SPEAKER, {"multiple_choice", "true_false", "flashcard"}),
        ("Ana Lopez", FactKind.PERSON, {"multiple_choice", "true_false", "cloze", "flashcard"}),
        ("Norland Bridge Authority", FactKind.ORGANISATION,
         {"multiple_choice", "true_false", "cloze", "short_answer", "flashcard"}),
    ],
)
def test_several_types_are_made_for_a_fact(words, kind, types):
    made = {question.type.value for question in questions_about(bridge_questions(), words, kind)}
    assert made == types


def test_all_five_types_are_made_for_an_article():
    assert {question.type for question in bridge_questions()} == set(QuestionType)


@pytest.mark.parametrize(
    ("words", "kind", "front", "back"),
    [
        ("Omar Haddad", FactKind.PERSON, "Who is Omar Haddad?", "Transport minister"),
        ("Norland Bridge Authority", FactKind.ORGANISATION, "What is the Norland Bridge Authority?",
         "a public agency that runs the region's crossings"),
        ("Ana Lopez", FactKind.SPEAKER, "“The bridge is safe again”", "Ana Lopez, mayor of Portville"),
        ("1,250", FactKind.NUMBER, "What does the figure “1,250” refer to?",
         "volunteers that had been trained at the centre in Eastbay"),
    ],
)
def test_flashcards_pair_a_fact_with_what_the_article_says_of_it(words, kind, front, back):
    cards = [(question.prompt, question.answer) for question in questions_about(bridge_questions(), words, kind)
             if question.type == QuestionType.FLASHCARD]
    assert cards == [(front, back)]


def test_cloze_blanks_the_fact_in_its_sentence():
    (cloze,) = [question for question in questions_about(bridge_questions(), "1,250")
                if question.type == QuestionType.CLOZE]
    assert cloze.prompt == "A total of _____ volunteers had been trained at the centre in Eastbay, a town on the northern coast."
    assert cloze.answer == "1,250"


def test_a_pronoun_speaker_is_named_in_every_prompt():
    about_he = questions_about(bridge_questions(), "he", FactKind.SPEAKER)
    assert about_he
    for question in about_he:
        assert not re.search(r"\bhe\b", question.prompt.replace("“We will", ""), re.IGNORECASE)
    answers = {question.answer for question in about_he
               if question.type in (QuestionType.MULTIPLE_CHOICE, QuestionType.CLOZE, QuestionType.SHORT_ANSWER)}
    assert answers == {"Omar Haddad"}


PRONOUNS = """Norway has a very different view of the deal.
It has suspended its membership in the Coastal Trade League."""


def test_a_leading_pronoun_is_replaced_by_the_name_it_stands_for():
    facts = (fact(PRONOUNS, FactKind.PLACE, "Norway"),
             fact(PRONOUNS, FactKind.ORGANISATION, "Coastal Trade League"))
    prompts = [question.prompt for question in make_questions(facts, text=PRONOUNS)
               if question.fact.text == "Coastal Trade League"]
    assert "In which organisation has Norway suspended its membership?" in prompts
    assert not any(prompt.startswith("It ") or " It " in prompt for prompt in prompts)


@pytest.mark.parametrize(("text", "prompt"), [
    ("Harbour rates rose. But Norway cut its fees by 12 pct in March.", "Norway cut its fees by _____ in March."),
    ("Harbour rates rose. However, Norway cut its fees by 12 pct in March.",
     "Norway cut its fees by _____ in March."),
    ("Harbour rates rose. Meanwhile Norway cut its fees by 12 pct in March.",
     "Norway cut its fees by _____ in March."),
    ("Harbour rates rose. In another development, Norway cut its fees by 12 pct in March.",
     "Norway cut its fees by _____ in March."),
    ("Harbour rates rose. Butler Norway cut its fees by 12 pct in March.",
     "Butler Norway cut its fees by _____ in March."),
    ("Harbour rates rose. In addition, Norway cut its fees by 12 pct in March.",
     "Norway cut its fees by _____ in March."),
    # "In addition to" opens a phrase the sentence needs ("To six ports, Norway …" misstated the fact)
    ("Harbour rates rose. In addition to six ports, Norway cut its fees by 12 pct in March.",
     "In addition to six ports, Norway cut its fees by _____ in March."),
])
def test_a_connective_that_ties_a_sentence_to_the_one_before_is_dropped(text, prompt):
    facts = (fact(text, FactKind.NUMBER, "12 pct", value=12.0, unit="pct"),)
    prompts = [question.prompt for question in make_questions(facts, text=text)
               if question.type == QuestionType.CLOZE]
    assert prompts == [prompt]


def test_it_after_a_dateline_is_never_the_city_of_the_dateline():
    text = ("Swiss 1988 Inflation Seen At Two Pct - Institute\n"
            "ZURICH, April 3 - Swiss inflation is likely to rise in 1987, the Centre for Economic Research said.\n"
            "It forecast a rise in consumer prices of two pct in 1988 compared with 1.3 pct in 1987.\n")
    result = generate(text, published=dt.date(1987, 4, 3))
    assert not any(re.search(r"Z[uü]rich forecast", question.prompt, re.IGNORECASE) for question in result.questions)


def test_a_hyphen_that_joins_two_names_is_no_dateline():
    text = ("Trade Gap Persists\n"
            "U.S.-Japan trade has declined even after a 40 pct dollar fall against the yen since 1985.\n"
            "Officials said the talks would resume.\n")
    prompts = [question.prompt for question in generate(text).questions
               if question.fact.kind == FactKind.NUMBER and "_____" in question.prompt]
    assert prompts and all("U.S.-Japan trade" in prompt for prompt in prompts), prompts


def test_he_after_someone_brought_in_by_a_role_alone_is_not_the_man_named_earlier():
    text = ("China Backs Away From Share Issues\n"
            "In November, Liu Hongru, deputy governor of the central bank, told visitors that bonds would help.\n"
            "One of the most far-reaching proposals came from a Peking university professor.\n"
            "He said state firms should sell shares, with the state holding as little as 33 pct.\n")
    result = generate(text, published=dt.date(1987, 4, 3))
    assert not any("Liu Hongru said state firms" in question.prompt for question in result.questions)


def test_it_for_a_name_the_article_writes_after_the_keeps_its_the():
    text = ("Fiat Set To Restructure\n"
            "Ferrari could be listed on the stock market as part of an overhaul, the Financial Times has reported.\n"
            "It said Fiat was set to cut 3,000 jobs after reaching a deal with GM.\n")
    prompts = [question.prompt for question in generate(text, published=dt.date(2005, 2, 14)).questions]
    assert any(prompt.startswith("The Financial Times said Fiat") for prompt in prompts), prompts
    assert not any(prompt.startswith("Financial Times said") for prompt in prompts)


@pytest.mark.parametrize(("text", "written", "never"), [
    # "the" once, before a verb, and a modifier elsewhere: "it noted" is "the ... Department noted"
    ("Grain sales rise\nCorn sales were the highest since 1979, the Tarvian Farm Department said. "
     "Tarvian Farm Department officials met buyers on Monday.\nWheat sales to Japan of 60,000 tonnes were "
     "switched to the next season, it noted.\n", "the Tarvian Farm Department noted",
     re.compile(r"(?<!the )Tarvian Farm Department noted")),
    # a name that opens a clause bare is written bare
    ("Grain sales rise\nTarvian Farm Department figures were out. Tarvian Farm Department said corn sales rose, "
     "the Tarvian Farm Department report showed.\nWheat sales to Japan of 60,000 tonnes were switched to the next "
     "season, it noted.\n", "Tarvian Farm Department noted", re.compile(r"the Tarvian Farm Department noted")),
])
def test_a_name_the_article_writes_after_the_keeps_it_where_a_pronoun_stood(text, written, never):
    prompts = [question.prompt for question in generate(text, published=dt.date(1987, 3, 26)).questions]
    assert any(written in prompt for prompt in prompts), prompts
    assert not any(never.search(prompt) for prompt in prompts), prompts


def test_its_after_a_country_that_only_qualifies_the_subject_is_not_the_country():
    text = ("Barclays shares up on merger talk\n"
            "UK banking icon Barclays was founded more than 300 years ago; it employs 76,200 staff.\n"
            "Its North American divisions focus on business banking, from 6,000 branches.\n")
    prompts = [question.prompt for question in generate(text, published=dt.date(2005, 3, 7)).questions]
    assert not any(prompt.startswith("Britain's North American") for prompt in prompts), prompts


# A pronoun or "the bank" written out as a name the text does not settle teaches a wrong fact.
OWNER_OF_THE_SUBJECT = (  # "Globex's Orbit operating system … It has proved": Orbit, not Globex
    "Globex debuts security tools\n"
    "Globex is releasing tools that clean up PCs harbouring viruses and spyware.\n"
    "The virus-fighting program will be updated monthly and is a precursor to Globex releasing dedicated "
    "anti-virus software. Also being released is a software utility that will help users find and remove "
    "any spyware on their home computer.\n"
    "The anti-spyware tool is available now and the anti-virus utility is expected to be available later "
    "this month. Globex's Orbit operating system has long been a favourite of people who write computer viruses "
    "because it is so ubiquitous and has many loopholes that can be exploited. It has proved such a tempting target "
    "that there are now thought to be more than 100,000 viruses and other malicious programs in existence.\n")
UNNAMED_OFFICIAL = (  # "…, the first official said. He estimated": a place of the story was taken for "he"
    "Norland To Export No Oil For Four Months, Official\n"
    "The official said Norland could resume exports after repairing a 40 km section of the 510 km pipeline, "
    "which links jungle oil fields at Lago Agrio to Balao on the Pacific coast. It would take about 100 mln "
    "U.S. Dlrs to repair the pipeline, the official, who did not want to be named, told Reuters. Norland had "
    "enough oil to meet domestic demand for about 35 days and would have to import crude to supplement stocks.\n"
    "However, Norland might build an emergency 25 km pipeline, costing 15 to 20 mln dlrs, to hook up with a "
    "Colombian pipeline, the first official said. He estimated it could take about 60 days to build.\n")
NAME_CUT_SHORT = (  # "the bank's" was written as "the Central Bank of Norland CFA's", a name the text never gives
    "Norland Central Bank Wants Fund Role\n"
    "PORTVILLE, March 30 - The Governor of the Central Bank of Norland CFA franc zone countries (NCFA) today "
    "urged that the bank should be involved in all negotiations with the International Monetary Fund.\n"
    "Ana Lopez told reporters after a meeting of NCFA finance ministers that the bank's participation in "
    "future credit talks with the IMF would promote a greater coherence in aid granted to the region.\n")


@pytest.mark.parametrize(("text", "never"), [
    (OWNER_OF_THE_SUBJECT, "Globex has proved"),
    (UNNAMED_OFFICIAL, "Lago Agrio estimated"),
    (NAME_CUT_SHORT, "CFA's"),
], ids=["it after an owner", "he after an unnamed official", "the bank by a name cut short"])
def test_a_referent_the_text_does_not_settle_is_never_written_in(text: str, never: str) -> None:
    prompts = [question.prompt for question in generate(text, published=dt.date(1987, 3, 9)).questions]
    assert not any(never in prompt for prompt in prompts), prompts


def test_a_view_is_asked_as_a_view_not_as_something_said():
    text = ("Disaster alerts go local\n"
            "Taran Rampersad, a developer in Trinidad, built the alert cache last year.\n"
            "Rampersad believes that the alert cache is an idea whose time has come.\n")
    prompts = [question.prompt for question in generate(text, published=dt.date(2005, 3, 7)).questions
               if question.fact.kind is FactKind.SPEAKER]
    assert prompts and all("said that the alert cache" not in prompt for prompt in prompts), prompts
    assert any(prompt.startswith("Who believes that the alert cache") for prompt in prompts), prompts


def test_a_denial_is_asked_as_a_denial_never_as_what_the_denier_said():
    # Judged blind: "Who said that the airline was using unfair labor tactics?" answered with the spokesman
    # who denied it.
    text = ("Eastern fights union\n"
            "Union leaders accused Eastern Airlines of stalling talks with its pilots.\n"
            "But Eastern spokesman Jim Ashlock denied that the Miami-based airline was using unfair labor tactics.\n")
    questions = [question for question in generate(text, published=dt.date(1987, 3, 5)).questions
                 if question.fact.kind is FactKind.SPEAKER and question.answer == "Jim Ashlock"]
    assert questions and all("said that the Miami-based" not in question.prompt and "said so" not in question.prompt
                             for question in questions), [question.prompt for question in questions]
    assert any(question.prompt.startswith("Who denied that the Miami-based airline") for question in questions)


def test_what_a_source_did_not_say_is_never_asked_as_what_it_said():
    # Judged blind: "_____ said that what effect the VAT would have" from "It did not say what effect ...".
    text = ("Hungary to bring in VAT\n"
            "Hungary will introduce a value-added tax next year, the official news agency MTI said.\n"
            "It did not say what effect the VAT would have on prices.\n")
    prompts = [question.prompt for question in generate(text, published=dt.date(1987, 3, 3)).questions]
    assert prompts and not any("what effect the VAT" in prompt and "said" in prompt for prompt in prompts), prompts


@pytest.mark.parametrize(("text", "answer", "wrong"), [
    # Judged blind, each of these taught a wrong fact.
    # "It" after a short name that begins two companies' names: the parent or its unit?
    ("S and P cuts Chase\nS and P cut Chase Manhattan's debt. The paper of the parent and its unit Chase Manhattan "
     "Bank of Canada was affirmed.\nChase has 3.2 billion dlrs of debt. It has 6.4 billion dlrs of loans to Brazil.\n",
     "6.4 billion dlrs", "Chase Manhattan Bank of Canada has"),
    # "It" after a sentence opening on Air Canada is not "Air" of an earlier "CP Air" (a shorter name found there)
    ("Canada's airline profits seen higher\nTORONTO, March 31 - Canada's airline industry, shaken up by a merger "
     "that creates a new competitor for government-owned Air Canada, has begun a drive for profitability.\nAnalysts "
     "believe chairman Rhys Eyton will develop the true potential of the former CP Air, which floundered for four "
     "decades inside conglomerate Canadian Pacific Ltd.\nAir Canada, widely expected to be privatized later this "
     "year, lost 14.8 mln Canadian dlrs in 1985. It has a debt of more than 2 billion dlrs.\n",
     "more than 2 billion dlrs", "Air has"),
    # a compound adjective is no first name, so "Jagran" is not written out as "Hindi-language Dainik Jagran"
    ("Irish group buys stake\nIndependent News & Media is buying a 26% stake in Indian newspaper company Jagran.\n"
     "Jagran publishes the Hindi-language Dainik Jagran, which has been in circulation for 62 years.\n",
     "26%", "Hindi-language Dainik Jagran"),
    # "he added" after a quotation whose speaker the rules could not name is not the man named before it
    ("Oscars night\nComedian Chris Rock will host the event, broadcast with a seven-second delay.\n"
     "\"We have the bleep machine ready,\" producer Gil Cates told reporters. However, he added that he strongly "
     "disapproved of the tendency to censor live broadcasts.\n", "Chris Rock", "censor live broadcasts"),
    # "he" after a sentence whose subject is "the American" is not the Briton named before
    ("Johnson attacks\nJohnson had a verbal spat with Britain's Darren Campbell this year.\nAnd the American "
     "remains highly critical of British sprinting. \"The only time you see British sprinters upset is in a debate,\" "
     "he claimed.\n", "Darren Campbell", "British sprinters upset"),
    # a company read as a person ("Nuigini Mining") lends no full name to "Western Mining"
    ("Sydney stocks close up\nNuigini Mining gained 60 cents to 8.10.\nAmong miners, CRA closed 10 up at 7.80 and "
     "Western Mining gained two to 8.12.\n", "CRA", "Western Nuigini Mining"),
    # "The company, Lake Resources Inc," names itself; the White House is no company to write in
    ("Iran arms probe\nThe White House said it had no record of the payments.\nThe company, Lake Resources Inc, "
     "was set up by Oliver North and had a Swiss bank account.\n", "Lake Resources Inc", "White House, _____"),
    # a denial of suggestions is asked as a denial
    ("Sir Anthony sells\nSir Anthony O'Reilly runs the group.\nHe has consistently denied suggestions that the "
     "Independent is up for sale.\n", "Sir Anthony", "said that the Independent"),
    # "Ford, the US car company," is the company, never written out as its chairman's full name
    ("Ford gains from finance\nFord, the US car company, reported higher profits on Thursday.\nIn the fourth quarter "
     "alone Ford reported net income of $104m. \"We gained momentum,\" said chairman Bill Ford.\n",
     "$104m", "Bill Ford reported"),
    # "he" after a sentence that names another man is either of them
    ("Futures under fire\n\"The market has got away from the players,\" said Dudley Eppel, vice president at Donaldson.\n"
     "\"Value investors will stop it,\" said Jeffrey Miller of Miller Tabak. Miller argued that "
     "futures do not start trends.\nPeople like Eppel of Donaldson were steadfast in their criticism. \"If I had my "
     "way there wouldn't be any index futures,\" he said.\n", "Jeffrey Miller", "If I had my way"),
    # "the centre of" a place is no rugby centre's role: "Who is Lago Agrio?" was asked of an oil town
    ("Pipeline link\nThe link will run from Lago Agrio, the centre of Ecuador's jungle oilfields, to Tumaco. "
     "Lago Agrio has been cut off since March.\n", "the centre of Ecuador's jungle oilfields", "Who is Lago Agrio"),
    # a country that spoke is no "he": "He said rural industries …" after an unnamed official became "China said"
    ("China to import grain\nChina's imports will rise, officials said.\nOfficials in east China have repeatedly "
     "said grain is a key state policy.\nThe Shanghai official said that in one suburb, 10 pct of profits subsidise "
     "farming. He said rural industries also pay the salaries of some of the 70,000 workers.\n", "70,000",
     "China said rural industries"),
    # "the firm" after "Citroen, part of the Peugeot SA group," is Citroen, never written as the parent
    ("Citroen expects higher profits\nPARIS, March 15 - Automobiles Citroen expects rising sales, its president "
     "said.\nCitroen, part of the private Peugeot SA group, increased its share of the French market to 13.7 pct. "
     "The firm believes it is on target to raise its share of the European market to 3.2 pct this year.\n",
     "3.2 pct", "Peugeot SA believes"),
    # "a spokesman for Dutch grain and feed trade association, Het Comite," makes no spokesman of the association,
    # and "Het Comite, as a member of FEFAC," says what it does, not what it is
    ("Feed levy test case\nA compounder will sue, a spokesman for Dutch grain and feed trade association, Het "
     "Comite, told Reuters.\nHet Comite, as a member of FEFAC, the association of feed makers, is also a party to "
     "actions in the appeal court.\n", "spokesman for Dutch grain and feed trade association", "Who is Het Comite"),
    ("Feed levy test case\nROTTERDAM, March 26 - A large Dutch animal feed compounder will begin legal proceedings "
     "next month, a spokesman for Dutch grain and feed trade association, Het Comite, told Reuters.\nHet Comite, as "
     "a member of FEFAC, the association of European animal feed manufacturers, is also a party to actions "
     "protesting the whole levy in the Luxembourg appeal court.\n", "as a member of FEFAC", "Who is Het Comite"),
    # a book's title before "predicts that" was said by no one, least of all the country named after "that"
    ("Economist sees no panic\nEconomist Ravi Batra said there was no reason to panic.\nBatra's book, \"The Great "
     "Depression of 1990,\" predicts that the increasing concentration of U.S. wealth will lead to a depression.\n",
     "United States", "“The Great Depression of 1990”"),
    # "he" after a sentence that names a man only as an owner ("Mel Gibson's film") and has a "he" of its own
    ("Oscars shun controversy\nThe public turned up to see Mel Gibson's The Passion of the Christ, says Tim Dams, the "
     "news editor of Screen International.\nMoore's film was overlooked. Voters tend to go for epics, the critics "
     "say. Few films fit.\nThe problem with Mel Gibson's film, he believed, was its dialogue in Aramaic.\n"
     "\"Hollywood doesn't tend to like foreign-language films,\" he said.\n", "Mel Gibson", "Hollywood doesn't tend"),
    # "he" after a man spoke and a sentence named someone else in passing: the speaker again, or that name?
    ("GATT round needed\nTAUPO, New Zealand, March 24 - A new GATT round is needed, U.S. Trade Representative "
     "Clayton Yeutter said.\n\"That is a strong rationale for a new round,\" he said. \"The disputes show it.\"\n"
     "The round was launched at Punta del Este in Uruguay in 1986. Farming was included for the first time.\n"
     "The debt burden of poor nations will also provide impetus for the round to succeed, he said.\n",
     "Punta del Este", "provide impetus"),
    # a role whose firm's name a comma cut ("Prescott, Ball and Turben analyst") is no description
    ("Standard Oil rises\nStandard Oil shares rose on the BP offer. \"The offer is too low,\" said Prescott, Ball "
     "and Turben analyst Bruce Lazier.\n", "Ball and Turben analyst", "Who is Bruce Lazier"),
    # "rapper Twista and Ray actor Jamie Foxx" names two people, not a firm of partners in Foxx's role
    ("West tops charts\nThe album was boosted by Slow Jamz, on which West collaborated with rapper Twista and Ray "
     "actor Jamie Foxx. It sold well.\n", "Twista and Ray actor", "Who is Jamie Foxx"),
    # "Naomi Watts and Oscar winner Adrien Brody": an award's winner works for no firm of partners
    ("Kong remake starts\nPeter Jackson began filming his remake in New Zealand. The film stars Naomi Watts and "
     "Oscar winner Adrien Brody, the studio said.\n", "Naomi Watts and Oscar winner", "Who is Adrien Brody"),
    # "the main operating company" after the name it describes is not written out as that name again
    ("Parmalat creditors lose\nParmalat Finanziaria creditors will get 5.7% of their debts. Creditors of Parmalat, "
     "the main operating company, are likely to see the debt they receive fall from 7.3% to 6.9%.\n", "6.9%",
     "Parmalat, Parmalat"),
    # a when-question that keeps "last week" asks of the other clause: March is not when output was raised
    ("OPEC credibility at stake\nThe sources said that after OPEC had in March demonstrated its commitment to quota "
     "agreements, some members had raised output last week.\n", "March 2005", "had some members raised output"),
    # "Comalco's Commonwealth Aluminium Corp" is a unit of Comalco: "Comalco said" is Comalco Ltd speaking
    ("Comalco returns to profit\nMELBOURNE, March 3 - Comalco Ltd said its return to profit reflected reduced "
     "costs.\nComalco said the industry still suffered from low prices.\nWithdrawal from the venture permitted "
     "repayments totalling 165 mln dlrs, it said.\nComalco's Commonwealth Aluminium Corp unit has agreed to sell "
     "its smelter.\n", "165 mln dlrs", "Commonwealth Aluminium Corp said"),
    # a quotation the article never closed hid the next speaker: "he" is not the man quoted before it
    ("Games firms face cull\nJason Kingsley, chief executive of Rebellion, said the change was hard. He added: \"We "
     "have been through five transitions and survived so far.\n\"Each one has involved the death of some people.\n"
     "Simon Gardner, president of Climax's Action studio, said: \"We are investing in superior tools. \"It's vital "
     "we avoid huge teams.\" He said Climax was already directing about 20% of its resources to new titles.\n",
     "about 20%", "Jason Kingsley said Climax"),
])
def test_a_fact_the_text_does_not_settle_is_never_asked_wrongly(text: str, answer: str, wrong: str) -> None:
    questions = generate(text, published=dt.date(2005, 3, 7)).questions
    assert not any(wrong in question.prompt and answer in (question.answer, *question.choices)
                   and (question.answer == answer or question.type is not QuestionType.MULTIPLE_CHOICE)
                   for question in questions), [question.prompt for question in questions]


def test_a_sentence_a_line_break_ended_is_asked_with_its_full_stop():
    text = ("Acme wins contract\n"
            "Acme Corp said on Monday it had won a contract to build 40 ships for the navy\n"
            "The yard will hire 300 workers.\n")
    clozes = [question.prompt for question in generate(text, published=dt.date(2005, 3, 7)).questions
              if question.type is QuestionType.CLOZE and "ships for the navy" in question.prompt]
    assert clozes and all(prompt.endswith("navy.") for prompt in clozes), clozes


def test_one_of_two_speakers_is_not_asked_as_the_speaker():
    # Judged blind: "Who said that voters faced higher taxes?" answered "Lib Dems", with George Osborne of the
    # other party that said it among the wrong choices.
    text = ("Parties clash on tax\n"
            "Labour set out its spending plans on Monday.\n"
            "The Conservatives and Lib Dems insisted that voters faced higher taxes under Labour.\n"
            "George Osborne said the plans would fail.\n")
    answers = {question.answer for question in generate(text, published=dt.date(2005, 3, 7)).questions
               if question.fact.kind is FactKind.SPEAKER}
    assert "George Osborne" in answers and not answers & {"Lib Dems", "Conservatives"}, answers


def test_his_before_the_man_it_stands_for_is_not_the_country_before():
    text = ("World Bank Backs Baker Plan\n"
            "Brazil said it would suspend interest payments on its debt, the bank's president Barber Conable said.\n"
            "During his news conference, Conable said the World Bank backed the plan for 29 countries.\n")
    prompts = [question.prompt for question in generate(text, published=dt.date(1987, 3, 20)).questions]
    assert not any("Brazil's news conference" in prompt for prompt in prompts), prompts


def test_a_quotation_that_runs_into_the_next_sentence_leaves_the_narrators_words_outside_it():
    text = ("Taiwan eases controls\n"
            "Economists said the new decision resulted from growing pressure from the United States.\n"
            'Lu Ming-Jen, economic professor at Soochow University, told Reuters: "The decision came a little bit '
            'late. But it was better than never."\n')
    prompts = [question.prompt for question in generate(text).questions]
    assert 'Lu Ming-Jen, economic professor at _____, told Reuters: "The decision came a little bit late."' in prompts
    assert not any("said: “Lu Ming-Jen" in prompt for prompt in prompts), prompts


SURNAMES = ("Tories promise tax cuts\n"
            "Shadow chancellor Oliver Letwin and Michael Howard set out plans on Monday to cut 35 taxes.\n")


@pytest.mark.parametrize(("sentence", "written", "never"), [
    # The surname of one person of the article: the question names them in full, without the honorific.
    ("Letwin said the party would cut the basic rate by 2 pct.", "Oliver Letwin said the party would cut", None),
    ("Neither Mr Howard nor Mr Letwin would say how they would use the £4bn of savings.",
     "Neither Michael Howard nor Oliver Letwin would say", None),
    # A quotation keeps its own words.
    ('"Mr Letwin is wrong about 35 taxes," said Labour\'s Alan Milburn.', None, "Oliver Letwin is wrong"),
    # Two people of the article bear the surname: either may be meant.
    ("Sarah Howard, his sister, said on Tuesday. Howard said the party would cut 12 taxes.", None,
     "Michael Howard said the party"),
])
def test_a_surname_is_written_in_full_when_one_person_of_the_article_bears_it(sentence, written, never):
    prompts = [question.prompt for question in generate(SURNAMES + sentence + "\n", published=PUBLISHED).questions]
    if written:
        assert any(written in prompt for prompt in prompts), prompts
    if never:
        assert not any(never in prompt for prompt in prompts), prompts


def test_a_description_runs_past_the_point_of_a_decimal():
    text = ("Wedge talks with Pesch\n"
            "WASHINGTON, March 2 - WEDGE Group Inc, a Houston investment firm with a 5.5 pct stake in American "
            "Medical International Inc, said it has had talks with Pesch and Co.\n")
    backs = {question.answer for question in generate(text).questions if question.prompt == "What is WEDGE Group Inc?"}
    assert backs == {"a Houston investment firm with a 5.5 pct stake in American Medical International Inc"}


def test_an_it_that_stands_for_nothing_is_never_given_a_name():
    text = ("Haiti sugar mill to close\n"
            "The Haitian American Sugar Company said on Monday it would close its mill in Port-au-Prince.\n"
            "It is generally estimated that at least six mills have closed since 1980.\n")
    prompts = [question.prompt for question in generate(text).questions]
    assert not any("Company is generally estimated" in prompt for prompt in prompts), prompts


@pytest.mark.parametrize(("text", "never"), [
    # Another man named in the sentence before: "he" may be either.
    ("Merger Agreed\nCharles Wang said Walter Haefner, the Swiss investor, would hold 25 pct of the stock.\n"
     "He currently owns 58 pct of Uccel.\n", "Charles Wang currently owns"),
    # Someone brought in by a role alone since the one person named: "he" may be the expert.
    ("Sugar Output Falls\nMinister Zhang Wei spoke on Monday.\nThe paper said 144 mills lost money.\n"
     "A foreign agricultural expert forecast a drop of 10 pct in Guangdong.\n"
     "Cane acreage in Guangxi has risen by 20 pct, he said.\nHe put sugar stocks at 2.333 mln tonnes.\n",
     "Zhang Wei put sugar stocks"),
])
def test_he_is_not_named_when_the_sentences_before_leave_it_open(text, never):
    prompts = [question.prompt for question in generate(text).questions]
    assert not any(never in prompt for prompt in prompts), prompts


def test_the_next_name_of_a_list_is_no_description_of_the_one_before():
    text = ("Vogtle plant starts up\n"
            "The plant is co-owned by Oglethorpe Power Corp, the Municipal Electric Authority of Georgia and the "
            "city of Dalton.\n")
    assert not [question for question in generate(text).questions if question.prompt == "What is Oglethorpe Power Corp?"]


def test_reported_words_after_a_quotation_are_not_shown_as_quoted():
    text = ("Sony to build French plant\n"
            'Sony chairman Akio Morita said on Monday the company would expand in Europe, adding: "We are confident."\n'
            "The Colmar plant, Sony's third in France, would eventually use local components, he said.\n")
    prompts = [question.prompt for question in generate(text).questions if question.fact.kind is FactKind.SPEAKER]
    assert not any(prompt.startswith("“The Colmar plant") for prompt in prompts), prompts
    assert "_____ said that the Colmar plant, Sony's third in France, would eventually use local components." in prompts


COMPANY_LEDE = "CPC International Inc said it expects 1987 earnings per share to rise over 1986 levels.\n"


@pytest.mark.parametrize(("text", "written", "never"), [
    # The one company the article has named: the noun stands for it, described or not, as owner too.
    (COMPANY_LEDE + "The food and grocery products company said it faces 12 stockholder lawsuits.\n",
     "CPC International Inc said it faces _____ stockholder lawsuits.", None),
    (COMPANY_LEDE + "The company's sales rose 5 pct to 4.55 billion dlrs in 1986.\n",
     "CPC International Inc's sales rose _____ to 4.55 billion dlrs in 1986.", None),
    # Another company named before the noun, even in its own sentence: the noun may be either.
    ("Nippon Oil Co Ltd cut nine pct of its refining capacity in 1986.\n"
     "Cosmo Oil Co Ltd cut its workforce by some 20 pct last year, a spokesman for the company said.\n",
     None, "a spokesman for Nippon Oil"),
    # An unnamed company brought in after the named one.
    (COMPANY_LEDE + "It agreed to buy a Texas oil firm last week.\nThe firm has 12 oil wells in Texas.\n",
     None, "CPC International Inc has"),
    # A parent or central bank is not the company named.
    (COMPANY_LEDE + "The parent company said it would sell 12 plants.\n", None, "CPC International Inc said it would"),
    # A company always written with its possessive ("McDonald's") is not written in as "McDonald".
    ("The chief executive of McDonald's has died.\nJoining the company as a 15-year-old part-time worker, Mr Bell "
     "quickly moved through its ranks, becoming its youngest store manager at 19.\n", None, "Joining McDonald as"),
    # The lede's company written with a lower-case "corp" that no rule read: the noun is not the body named later.
    ("Delta Technology corp said it expects a loss for the quarter.\nIt settled with the California Health "
     "Services department.\nThe company said it has agreed to make capital expenditures of about 600,000 dlrs.\n",
     None, "California Health Services said"),
])
def test_the_company_is_named_only_when_the_article_has_named_just_one(text, written, never):
    prompts = [question.prompt for question in generate("Company news\n" + text, published=dt.date(1987, 4, 3)).questions]
    if written:
        assert written in prompts, prompts
    if never:
        assert not any(never in prompt for prompt in prompts), prompts


def test_a_pronoun_that_cannot_be_resolved_drops_the_sentence_questions():
    facts = (fact(PRONOUNS, FactKind.ORGANISATION, "Coastal Trade League"),)
    assert make_questions(facts) == ()  # without the article text nothing says what "It" is


@pytest.mark.parametrize(
    ("name", "aliases", "asked"),
    [
        ("Mobile Data Association", ("MDA",), "What does MDA stand for?"),
        ("U.S. Department of Health and Human Services", ("HHS",), "What does HHS stand for?"),
        ("Britain", ("UK",), None),  # "UK" is another name for Britain, not its initials
    ],
)
def test_an_acronym_is_asked_about_only_when_it_spells_the_name(name, aliases, asked):
    sentence = f"Officials at {aliases[0]} met on Monday."
    facts = (fact(sentence, FactKind.ORGANISATION, aliases[0], name, aliases=aliases),)
    prompts = [question.prompt for question in make_questions(facts, text=sentence)
               if question.type == QuestionType.SHORT_ANSWER]
    assert prompts == ([asked] if asked else [])


def test_every_mention_of_the_answer_in_its_sentence_is_blanked():
    sentence = '"Go ahead, Radio Norland," said the pilot as the crew answered Radio Norland questions.'
    facts = (fact(sentence, FactKind.ORGANISATION, "Radio Norland"),)
    (cloze,) = [question for question in make_questions(facts, text=sentence) if question.type == QuestionType.CLOZE]
    assert cloze.prompt.count("_____") == 2 and "Radio Norland" not in cloze.prompt


# ------------------------------------------------------------------ what every question must be

def test_no_prompt_shows_its_answer_or_the_name_asked_for():
    for question in bridge_questions():
        if question.type in (QuestionType.TRUE_FALSE, QuestionType.FLASHCARD):
            continue  # a true/false statement names its subject; so does a flashcard's front
        assert not (len(question.answer) > 3 and shows(question.prompt, question.answer)), question
        if question.fact.kind in (FactKind.PERSON, FactKind.SPEAKER):
            surname = str(question.fact.value).split()[-1]
            assert not shows(question.prompt, surname), question


def test_choices_are_distinct_with_exactly_one_answer():
    for question in bridge_questions():
        if question.type == QuestionType.TRUE_FALSE:
            assert question.choices == ("True", "False") and question.answer in question.choices
        elif question.type == QuestionType.MULTIPLE_CHOICE:
            lowered = [choice.lower() for choice in question.choices]
            assert 3 <= len(lowered) <= 6 and len(set(lowered)) == len(lowered)
            assert lowered.count(question.answer.lower()) == 1
        else:
            assert question.choices == ()


@pytest.mark.parametrize(
    ("kind", "looks_right"),
    [
        (FactKind.NUMBER, re.compile(r"\d|\b(one|two|three|four|five|six|seven|eight|nine|ten)\b")),
        (FactKind.DATE, re.compile(r"\b\d{4}s?\b")),
        (FactKind.PERSON, re.compile(r"^[A-Z]\w+(?: [\w-]+)+$")),
        (FactKind.SPEAKER, re.compile(r"^[A-Z]\w+(?: [\w-]+)+$")),
        (FactKind.ORGANISATION, re.compile(r"^[A-Z]")),
    ],
)
def test_every_choice_is_of_the_answers_kind(kind, looks_right):
    choices = [choice for question in bridge_questions() if question.fact.kind == kind
               and question.type == QuestionType.MULTIPLE_CHOICE for choice in question.choices]
    assert choices
    assert all(looks_right.search(choice) for choice in choices), choices


def test_distractors_come_from_the_article_first():
    (who,) = [question for question in questions_about(bridge_questions(), "Ana Lopez", FactKind.SPEAKER)
              if question.type == QuestionType.MULTIPLE_CHOICE]
    assert "Omar Haddad" in who.choices


def test_a_victim_of_the_story_is_no_choice_for_who_said_a_quotation():
    text = ("Right to die bill\nCourts ruled doctors could withdraw feeding from Hillsborough coma victim Tony Bland.\n"
            "\"We will amend the bill,\" said minister David Lammy.\n\"It is a solution to a hard problem,\" said "
            "Lord Falconer.\n\"Ministers are in a muddle,\" said Tory leader Michael Howard.\n")
    who = [question for question in generate(text, published=dt.date(2005, 1, 10)).questions
           if question.type == QuestionType.MULTIPLE_CHOICE and question.prompt.startswith("Who said")]
    assert who and not any("Tony Bland" in question.choices for question in who), [q.choices for q in who]


def test_no_two_prompts_are_the_same_once_punctuation_and_case_are_ignored():
    prompts = [re.sub(r"\W+", " ", question.prompt.lower()).strip() for question in bridge_questions()]
    assert len(prompts) == len(set(prompts))


def test_same_number_twice_in_a_sentence_gives_no_duplicate_prompts():
    text = "The two teams scored two goals each, and two referees left."
    facts = tuple(fact(text, FactKind.NUMBER, "two", 2, occurrence=n) for n in (1, 2, 3))
    prompts = [re.sub(r"\W+", " ", question.prompt.lower()) for question in make_questions(facts, text=text)]
    assert len(prompts) == len(set(prompts))


def test_every_question_carries_its_source_sentence():
    for question in bridge_questions():
        sentence = question.fact.sentence
        assert question.explanation == sentence.text
        assert (question.source.start, question.source.end) == (sentence.start, sentence.end)
        assert BRIDGE[question.source.start:question.source.end] == question.explanation


def test_no_prompt_leans_on_the_passage():
    for question in bridge_questions():
        assert not re.search(r"\b(passage|article|text)\b", question.prompt, re.IGNORECASE), question.prompt


# ------------------------------------------------------------------ what is left out

def test_credits_are_not_asked_about_nor_offered_as_choices():
    questions = bridge_questions()
    assert not questions_about(questions, "Kim Tran")
    assert not any("Kim Tran" in choice for question in questions for choice in question.choices)


@pytest.mark.parametrize(
    ("text", "words", "kind"),
    [
        ("(Reporting by Kim Tran; Editing by Lee Park)", "Kim Tran", FactKind.PERSON),
        ("Crowds gathered at the pier on Sunday. REUTERS/Jo Smith", "Jo Smith", FactKind.PERSON),
        ("Source: Norland Ministry of Transport", "Norland Ministry of Transport", FactKind.ORGANISATION),
        ("Plan B was dropped by the board.", "B", FactKind.ORGANISATION),
    ],
)
def test_credits_and_one_letter_answers_make_no_questions(text, words, kind):
    assert make_questions((fact(text, kind, words),), text=text) == ()


def test_a_fact_in_an_excluded_span_makes_no_questions():
    text = "Crowds gathered at the pier in Eastbay on Sunday."
    anatomy = Anatomy(excluded=(Span(0, len(text)),))
    assert make_questions((fact(text, FactKind.PLACE, "Eastbay"),), text=text, anatomy=anatomy) == ()


# ------------------------------------------------------------------ distractors

NUMBER_CASES = [
    ("Officials said more than 30,000 people had left the city.", "more than 30,000", 30000, "more than"),
    ("Officials said nearly 2,000 people had left the city.", "nearly 2,000", 2000, "nearly"),
    ("Officials said about 45 people had left the city.", "about 45", 45, "about"),
    ("Officials said at least two people had left the city.", "at least two", 2, "at least"),
    ("Officials said 1,960 people had left the city.", "1,960", 1960, None),
]


@pytest.mark.parametrize(("sentence", "words", "value", "qualifier"), NUMBER_CASES)
def test_number_distractors_keep_the_hedge_and_lie_outside_it(sentence, words, value, qualifier):
    facts = (fact(sentence, FactKind.NUMBER, words, value, qualifier=qualifier),)
    (question,) = [question for question in make_questions(facts, text=sentence)
                   if question.type == QuestionType.MULTIPLE_CHOICE]
    answer = number_shape(words)
    for choice in question.choices:
        if choice == question.answer:
            continue
        shape = number_shape(choice)
        assert shape is not None and shape.prefix == answer.prefix and shape.in_words == answer.in_words
        ratio = shape.core / answer.core
        if qualifier:
            assert not 2 / 3 <= ratio <= 1.5, choice  # "more than 30,000" never gets 31,000
        else:
            assert choice != words


@pytest.mark.parametrize(
    ("sentence", "words", "value", "unit", "pattern"),
    [
        ("The repairs cost $4.2 million in the end.", "$4.2 million", 4_200_000, "USD", r"^\$\d+(\.\d)? million$"),
        ("Turnout reached 64 percent in the city.", "64 percent", 64, "percent", r"^\d{1,3} percent$"),
        ("The club signed two players in May.", "two", 2, None, r"^(one|two|three|four|five|six|seven)$"),
        ("The port handled 120,500 containers last year.", "120,500", 120500, None, r"^\d{1,3}(,\d{3})+$"),
    ],
)
def test_number_distractors_are_written_like_the_answer(sentence, words, value, unit, pattern):
    facts = (fact(sentence, FactKind.NUMBER, words, value, unit=unit),)
    (question,) = [question for question in make_questions(facts, text=sentence)
                   if question.type == QuestionType.MULTIPLE_CHOICE]
    assert all(re.fullmatch(pattern, choice) for choice in question.choices), question.choices
    if unit == "percent":
        assert all(int(choice.split()[0]) <= 100 for choice in question.choices)


@pytest.mark.parametrize(
    ("sentence", "words", "value", "pattern"),
    [
        ("The council met on Tuesday to vote.", "Tuesday", "2024-05-14", r"^[A-Z][a-z]+day, \d{1,2} [A-Z][a-z]+ \d{4}$"),
        ("The council met on 2 May 2024 to vote.", "2 May 2024", "2024-05-02", r"^\d{1,2} [A-Z][a-z]+ \d{4}$"),
        ("Prices rose in September 2023 across Norland.", "September 2023", "2023-09", r"^[A-Z][a-z]+ \d{4}$"),
        ("The firm was founded in 1998 by two brothers.", "1998", "1998", r"^\d{4}$"),
        ("Rebels fought the army in the 1990s for land.", "the 1990s", "1990s", r"^the \d{3}0s$"),
        ("The plant closed last year after a fire.", "last year", "2023", r"^\d{4}$"),
    ],
)
def test_date_distractors_share_the_answers_granularity(sentence, words, value, pattern):
    facts = (fact(sentence, FactKind.DATE, words, value),)
    (question,) = [question for question in make_questions(facts, text=sentence, anatomy=Anatomy(published=PUBLISHED))
                   if question.type == QuestionType.MULTIPLE_CHOICE]
    assert len(question.choices) == 4
    assert all(re.fullmatch(pattern, choice) for choice in question.choices), question.choices


@pytest.mark.parametrize(("words", "value"), [("last year", "2023"), ("Tuesday", "2024-05-14")])
def test_a_date_the_article_places_in_the_past_gets_no_future_distractors(words, value):
    sentence = f"The plant closed {'on ' if words == 'Tuesday' else ''}{words} after a fire."
    facts = (fact(sentence, FactKind.DATE, words, value),)
    (question,) = [question for question in make_questions(facts, text=sentence, anatomy=Anatomy(published=PUBLISHED))
                   if question.type == QuestionType.MULTIPLE_CHOICE]
    years = [int(re.search(r"\d{4}", choice).group()) for choice in question.choices]
    assert max(years) <= PUBLISHED.year
    if words == "Tuesday":
        days = [int(choice.split()[1]) for choice in question.choices]
        assert max(days) <= PUBLISHED.day


def test_true_false_makes_a_false_statement_by_swapping_in_a_distractor():
    statements = {}
    for seed in range(12):
        for question in make_questions(bridge_facts(), seed=seed, text=BRIDGE, anatomy=bridge_anatomy()):
            if question.type == QuestionType.TRUE_FALSE and question.fact.text == "1,250":
                statements[question.answer] = question.prompt
    assert statements["True"] == "A total of 1,250 volunteers had been trained at the centre in Eastbay, a town on the northern coast."
    assert "1,250" not in statements["False"] and "volunteers had been trained" in statements["False"]


def test_a_publication_date_is_asked_about_through_the_headline():
    text = "Harbour bridge reopens after repairs\nTuesday, May 14, 2024\nThe council reopened the bridge."
    facts = (fact(text, FactKind.DATE, "Tuesday, May 14, 2024", "2024-05-14"),)
    anatomy = Anatomy(headline="Harbour bridge reopens after repairs", published=dt.date(2024, 5, 14))
    prompts = [question.prompt for question in make_questions(facts, text=text, anatomy=anatomy)]
    assert "When was the report “Harbour bridge reopens after repairs” published?" in prompts


# ------------------------------------------------------------------ determinism

def test_same_facts_and_seed_give_the_same_questions():
    assert bridge_questions(seed=3) == bridge_questions(seed=3)


def test_the_seed_changes_choices_but_not_the_questions_asked():
    first, second = bridge_questions(seed=0), bridge_questions(seed=1)
    assert {question.prompt for question in first if question.type != QuestionType.TRUE_FALSE} == \
        {question.prompt for question in second if question.type != QuestionType.TRUE_FALSE}
    assert [question.choices for question in first] != [question.choices for question in second]


def test_ids_are_unique_and_the_same_in_another_process():
    ids = [question.id for question in bridge_questions()]
    assert len(ids) == len(set(ids)) and all(re.fullmatch(r"q[0-9a-f]{11}", qid) for qid in ids)
    script = (
        "import sys; sys.path.insert(0, sys.argv[1]);"
        "from test_questioning import bridge_questions;"
        "print(' '.join(question.id for question in bridge_questions()))"
    )
    env = {**os.environ, "PYTHONHASHSEED": "12345"}
    done = subprocess.run([sys.executable, "-c", script, str(Path(__file__).parent)], capture_output=True,
                          text=True, cwd=REPO_ROOT, env=env, check=True)
    assert done.stdout.split() == ids


def test_a_list_of_thousands_of_facts_is_asked_about_only_up_to_the_cap():
    text = "Inventory\n" + "\n".join(f"The firm sold {n * 7 + 3:,} boxes on the day." for n in range(1_500))
    result = generate(text)
    assert len(result.facts) > MAX_QUESTIONED_FACTS
    asked = {(question.fact.start, question.fact.end) for question in result.questions}
    assert 0 < len(asked) <= MAX_QUESTIONED_FACTS


@pytest.mark.parametrize(("text", "wrong"), [
    # "They" after one named person is a group the story may name nowhere.
    ("Anna Berg and her friends printed leaflets.\nThey were arrested at Munich University in 1943.\n",
     "Anna Berg were arrested"),
    # "It" opening a sentence is a thing, never the person who opened the sentence before.
    ("John Smith opened the plant near Dayton in May.\nIt employs 300 people and ships to 12 countries.\n",
     "John Smith employs"),
])
def test_plural_and_neuter_pronouns_are_never_given_a_persons_name(text: str, wrong: str) -> None:
    result = questions.generate(text)
    assert result.questions
    assert not any(wrong in question.prompt for question in result.questions)


@pytest.mark.parametrize(("role", "phrase"), [
    ("SPD Chancellor", "an SPD Chancellor"),  # a role is described by how it sounds, not how it is spelt
    ("US envoy", "a US envoy"),
    ("European commissioner", "a European commissioner"),
    ("economist", "an economist"),
    ("union leader", "the union leader"),  # one leader of a union: the role names one person
])
def test_a_role_gets_the_article_it_is_said_with(role: str, phrase: str) -> None:
    from questions.questioning import _with_article

    assert _with_article(role) == phrase


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["REUTERS/", "Jane Doe", "(Photo: AP)", "(Credit", ")", "/", "the", "This", "passage",
                                 "ARTICLE", "text", "paſſage", "İ", " ", "  ", ".", "A"]), max_size=10).map("".join))
def test_the_shortcuts_before_a_credit_or_the_passage_never_skip_a_match(text: str) -> None:
    assert (questioning._trailing_credit(text) is None) == (questioning._TRAILING_CREDIT.search(text) is None)
    assert questioning._may_name_the_passage(text) or not questioning._PASSAGE.search(text)


_GAPS = st.sampled_from(["", " ", "  ", "\n", "\u00a0", "\t ", ", "])


@settings(max_examples=400, deadline=None)
@given(opening=st.sampled_from(["said ", "said", "", "analyst, "]), firm=st.sampled_from(["Ball", "ball", ""]),
       comma=st.sampled_from([",", ""]), gap=_GAPS, role=st.sampled_from(["analyst", "senior analyst", " "]),
       second_gap=_GAPS, first_name=st.sampled_from(["Jim", "Tim"]), ending=st.sampled_from(["", " Smith", ", analyst"]))
def test_the_cut_firm_look_up_agrees_with_its_pattern(opening, firm, comma, gap, role, second_gap, first_name, ending):
    # The role is looked for as plain text after a comma before its pattern is compiled: the two must agree.
    sentence = f"{opening}{firm}{comma}{gap}{role}{second_gap}{first_name}{ending}"
    pattern = rf"(?<=\S\s)[A-Z][\w.&'’-]*,\s+{re.escape(role)}\s+Jim"
    assert questioning._role_of_a_cut_firm(role, "Jim Smith", sentence) == (re.search(pattern, sentence) is not None)


def test_a_scene_the_writer_asks_us_to_picture_is_never_recommended():
    text = ("Piero tool to judge tries\n"
            "BBC Sport unveils its new analysis tool Piero at the Wales v England match on Saturday.\n"
            "Picture the scene - Wales are camped on the England line in the dying seconds. A ball is flung out to "
            "winger Shane Williams who crosses to score the winning try for Wales.\n"
            "Piero, named after the painter Piero della Francesca, creates a virtual stadium.\n")
    recommended = [question.prompt for question in generate(text, published=dt.date(2005, 2, 3)).questions
                   if question.recommended]
    assert recommended and not any("flung out" in prompt or "camped on" in prompt for prompt in recommended)


def test_an_acronym_the_article_writes_after_the_and_a_modifier_keeps_the():
    # "What is OECD?" was judged not fluent: "the 24-nation OECD" is "the OECD"
    article = ("Trade Ministers Meet\nThe meeting of the 12-nation TARC, a forum for coordinating trade policies, "
               "opens on Monday in Geneva.\n")
    cards = [question.prompt for question in questions.generate(article).questions
             if question.type == QuestionType.FLASHCARD and question.form == Form.DESCRIBED]
    assert cards == ["What is the TARC?"]


def test_a_sentence_opening_adverb_is_never_written_into_a_name():
    # "At the end of 1985, Earlier VW had reserves": "Earlier VW had said" had made a person of "Earlier VW"
    article = ("Carmaker Reserves\nVW chief Carl Hahn spoke on Monday. Earlier VW had said that its results would "
               "match 1985 profits. At the end of 1985, VW had reserves of three billion marks.\n")
    bodies = [re.sub(r"^Fill in the blank[^:]*: ", "", question.prompt)
              for question in questions.generate(article).questions]
    assert any("VW had reserves" in body for body in bodies)
    assert not any("Earlier VW" in body[1:] for body in bodies)


@pytest.mark.parametrize(("speaker", "framed"), [
    ("Department for International Development", "The Department for International Development said: “We act.”"),
    ("Bank of England", "The Bank of England said: “We act.”"),
    ("Jane Smith", "Jane Smith said: “We act.”"),
    ("Research In Motion", "Research In Motion said: “We act.”"),
])
def test_a_quotation_framed_by_a_body_of_something_gives_it_its_article(speaker: str, framed: str) -> None:
    text = "We act."
    setting = questioning.Setting(text=text, start=0, end=len(text), mention="act",
                                  sentence=Sentence(text, 0, len(text)), speaker=speaker)
    assert setting.frame(text) == framed


def test_a_long_quotation_is_never_cut_inside_a_name():
    quote = " ".join(["word"] * 24) + " referring to News Corp chairman Rupert Murdoch and his plans"
    shortened = questioning._shorten(quote)
    assert shortened.endswith("…") and not shortened.endswith("Rupert…") and "Murdoch" not in shortened
