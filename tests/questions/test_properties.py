"""Property tests of ``generate``: any string in, no surprise exception, facts at their offsets, valid questions."""
from __future__ import annotations

import importlib.util
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from questions import InputError, generate
from questions.model import QuestionType

SCORER = Path(__file__).resolve().parents[2] / ".." / "shared" / "eval" / "score.py"
PROPERTY_SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])

QUOTES_AND_CAPITALS = st.text(alphabet=st.sampled_from(list("“”\"'‘’ABCXYZ abc.,;:-—()$%\n")), max_size=300)
DIGITS_HEAVY = st.text(alphabet=st.sampled_from(list("0123456789,.$%£€- abc\n")), max_size=300)
NEWS_PIECES = [
    "Officials said", "more than 3,000", "nearly two", "people", "on Tuesday", "last year", "in the 1990s",
    "Mayor Ana Lopez", "the Norland Bridge Authority (NBA),", "said:", "\"We are ready,\"", "he said.",
    "It has", "a total of 1,250 volunteers", "had been trained", "in Eastbay,", "a town on the coast.",
    "$4.2 million", "95 percent", "since 2010", "(Reporting by Kim Tran; Editing by Lee Park)",
    "PORTVILLE, Norland (Wire) -", "May 15, 2024", "Her", "They said", "US$6.16 million", ".", ",", "\n",
]
NEWS_LIKE = st.lists(st.sampled_from(NEWS_PIECES), min_size=1, max_size=40).map(" ".join)


def question_problems():
    """Return the evaluation script's question checks, or a copy of its rules when it is not here."""
    if SCORER.is_file():
        spec = importlib.util.spec_from_file_location("score", SCORER)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        return module.question_problems
    return _question_problems


def _question_problems(question: dict, article: str) -> list[str]:
    problems = []
    choices = [choice.strip().lower() for choice in question.get("choices") or []]
    answer = question["answer"].strip()
    if not question["prompt"].strip() or not answer:
        problems.append("empty prompt or answer")
    if question["type"] in ("multiple_choice", "true_false") and (
            len(set(choices)) != len(choices) or choices.count(answer.lower()) != 1):
        problems.append("choices")
    if question["type"] == "multiple_choice" and not 3 <= len(choices) <= 6:
        problems.append("number of choices")
    if question["type"] == "cloze" and not re.search(r"_{3,}", question["prompt"]):
        problems.append("no blank")
    if question["type"] in ("multiple_choice", "cloze", "short_answer") and len(answer) > 3 and re.search(
            rf"(?<!\w){re.escape(answer.lower())}(?!\w)", question["prompt"].lower()):
        problems.append("answer in prompt")
    if question["fact"]["text"] not in article:
        problems.append("fact text not in article")
    return problems


CHECK = question_problems()


def check_result(text: str) -> None:
    try:
        result = generate(text)
    except InputError:
        return
    for fact in result.facts:
        assert result.text[fact.start:fact.end] == fact.text
        assert 0 <= fact.sentence.start <= fact.start and fact.end <= fact.sentence.end <= len(result.text)
    document = result.to_dict()
    for question in document["questions"]:
        assert CHECK(question, result.text) == [], question
    prompts = [re.sub(r"\W+", " ", question["prompt"].lower()).strip() for question in document["questions"]]
    assert len(prompts) == len(set(prompts))
    ids = [question.id for question in result.questions]
    assert len(ids) == len(set(ids))
    assert all(question.type in QuestionType for question in result.questions)


@PROPERTY_SETTINGS
@given(st.text(max_size=400))
def test_any_text(text):
    check_result(text)


@PROPERTY_SETTINGS
@given(QUOTES_AND_CAPITALS)
def test_text_of_quotes_and_capitals(text):
    check_result(text)


@PROPERTY_SETTINGS
@given(DIGITS_HEAVY)
def test_text_heavy_with_digits(text):
    check_result(text)


@PROPERTY_SETTINGS
@given(st.text(alphabet=st.sampled_from(list("Headline\n")), max_size=5).flatmap(
    lambda head: NEWS_LIKE.map(lambda body: f"{head}\n{body}")))
def test_news_like_text(text):
    check_result(text)


@PROPERTY_SETTINGS
@given(st.binary(max_size=300))
def test_any_bytes(raw):
    try:
        result = generate(raw)
    except InputError:
        return
    for fact in result.facts:
        assert result.text[fact.start:fact.end] == fact.text


# Inputs the properties above once found to fail, kept so that they are checked on every run.
@pytest.mark.parametrize("text", [
    # a quotation going on from the sentence before keeps the speaker inside the sentence that names them
    '\nOfficials said Officials said It has a town on the coast. "We are ready,"',
    'Mayor Ana Lopez said the bridge was open. "We are ready," \n"It has a total of 1,250 volunteers."',
])
def test_found_examples(text):
    check_result(text)


@pytest.mark.parametrize("text", ["\n", "A", "\"", "“”", "$", "1,000", "He said.", "Tuesday", "(Reporting by A)"])
def test_tiny_inputs(text):
    check_result(text)
