"""Tests for ``generate``: the stages composed over the annotated articles, and the result's JSON document."""
from __future__ import annotations

import datetime as dt
import importlib.util
import json
from pathlib import Path

import pytest

import questions
from questions import InputError, generate

CORPUS = Path(__file__).resolve().parents[2] / ".." / "shared" / "corpus"
SCORER = Path(__file__).resolve().parents[2] / ".." / "shared" / "eval" / "score.py"
ARTICLES = sorted(CORPUS.glob("*.txt")) if CORPUS.is_dir() else []
SEED_ARTICLE = "karabakh-russian-troops-leave"

needs_corpus = pytest.mark.skipif(not ARTICLES, reason="the annotated corpus (../shared/corpus) is not here")


def load_scorer():
    """Load the evaluation script's checks, or skip when it is not beside the repository."""
    if not SCORER.is_file():
        pytest.skip("the evaluation script (../shared/eval/score.py) is not here")
    spec = importlib.util.spec_from_file_location("score", SCORER)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_front_door_exports_a_short_list():
    assert questions.__all__[0] == "generate"
    assert questions.__doc__ and "generate" in questions.__doc__
    assert all(hasattr(questions, name) for name in questions.__all__)


@needs_corpus
@pytest.mark.parametrize("path", ARTICLES, ids=lambda path: path.stem)
def test_facts_and_sources_point_into_the_article(path):
    result = generate(path.read_text(encoding="utf-8"))
    assert result.facts and result.questions
    for fact in result.facts:
        assert result.text[fact.start:fact.end] == fact.text
        assert result.text[fact.sentence.start:fact.sentence.end] == fact.sentence.text
    for question in result.questions:
        assert result.text[question.source.start:question.source.end] == question.explanation


@needs_corpus
@pytest.mark.parametrize("path", ARTICLES, ids=lambda path: path.stem)
def test_every_question_passes_the_scorers_checks(path):
    scorer = load_scorer()
    document = json.loads(json.dumps(generate(path.read_text(encoding="utf-8")).to_dict()))
    text = path.read_text(encoding="utf-8")
    for question in document["questions"]:
        assert scorer.question_problems(question, text) == [], question
    prompts = [" ".join(question["prompt"].lower().split()) for question in document["questions"]]
    assert len(prompts) == len(set(prompts))


@needs_corpus
def test_every_required_fact_of_the_seed_article_is_asked_about():
    scorer = load_scorer()
    path = CORPUS / f"{SEED_ARTICLE}.txt"
    gold = json.loads((CORPUS / f"{SEED_ARTICLE}.gold.json").read_text(encoding="utf-8"))
    text = path.read_text(encoding="utf-8")
    document = generate(text).to_dict()
    score = scorer.score_questions(gold, document["questions"], text)
    assert score["missed"] == []
    assert score["covered"] == score["coverable"]


@needs_corpus
def test_same_text_and_seed_give_the_same_document():
    text = (CORPUS / f"{SEED_ARTICLE}.txt").read_text(encoding="utf-8")
    assert generate(text, seed=7).to_dict() == generate(text, seed=7).to_dict()
    assert generate(text.encode("utf-8")).to_dict() == generate(text).to_dict()


@needs_corpus
def test_published_date_given_overrides_the_one_found():
    text = (CORPUS / f"{SEED_ARTICLE}.txt").read_text(encoding="utf-8")
    result = generate(text, published=dt.date(2024, 5, 22))
    assert result.article.published == dt.date(2024, 5, 22)
    assert result.to_dict()["article"]["published"] == "2024-05-22"


def test_document_is_plain_json_with_the_agreed_fields():
    text = ("Harbour bridge reopens\n"
            "A total of 1,250 volunteers had been trained at the centre in Eastbay on Tuesday, officials said.\n")
    document = generate(text, published=dt.date(2024, 5, 16)).to_dict()
    assert json.loads(json.dumps(document)) == document
    assert set(document["article"]) >= {"headline", "dateline", "byline", "caption", "credits", "published"}
    for question in document["questions"]:
        assert question["type"] in {"multiple_choice", "true_false", "cloze", "short_answer", "flashcard"}
        assert question["fact"]["kind"] in {"speaker", "number", "date", "organisation", "person", "place"}


@pytest.mark.parametrize("raw", ["", "   \n ", b"\x00\x01\x02binary", b"caf\xe9"])
def test_input_that_is_no_article_raises_input_error(raw):
    with pytest.raises(InputError):
        generate(raw)


DATED = "Plant to close\nLONDON, March 17, 2020 (Reuters) - Acme Corp said on Monday it would cut 400 jobs.\n"
UNDATED = "Plant to close\nAcme Corp said on Monday it would cut 400 jobs at its plant in Ohio.\n"


@pytest.mark.parametrize(("text", "published", "today", "expected"), [
    (UNDATED, None, dt.date(2024, 5, 15), dt.date(2024, 5, 15)),  # no date anywhere: count from today
    (UNDATED, None, None, None),
    (DATED, None, dt.date(2024, 5, 15), dt.date(2020, 3, 17)),  # the article's own dateline wins over today
    (DATED, dt.date(2021, 1, 4), dt.date(2024, 5, 15), dt.date(2021, 1, 4)),  # the teacher's date wins over both
])
def test_the_day_an_article_speaks_from(text: str, published, today, expected) -> None:
    assert questions.generate(text, published=published, today=today).article.published == expected
