"""Compose the engine's stages: clean text in, anatomy, facts and questions out."""
from __future__ import annotations

import dataclasses
import datetime as dt

from questions.anatomy import read_anatomy
from questions.clean import article_text
from questions.dates import find_dates
from questions.entities import find_entities
from questions.model import Result
from questions.numbers import find_numbers
from questions.questioning import make_questions
from questions.sentences import split_sentences
from questions.speakers import find_speakers


def generate(text: str | bytes, *, published: dt.date | None = None, seed: int = 0,
             today: dt.date | None = None) -> Result:
    """Find the facts of a news article and make quiz questions from them.

    ``published`` is the day the article speaks from; without it the article's own dateline or caption
    says, and failing those ``today``: "on Wednesday" means nothing without a day to count from.
    """
    clean = article_text(text)
    anatomy = read_anatomy(clean, published=published)
    if anatomy.published is None and today is not None:
        anatomy = dataclasses.replace(anatomy, published=today)
    sentences = split_sentences(clean, anatomy=anatomy)
    entities = find_entities(sentences, anatomy=anatomy)
    facts = (
        *find_speakers(sentences, entities=entities),
        *find_numbers(sentences),
        *find_dates(sentences, published=anatomy.published),
        *entities,
    )
    facts = tuple(sorted(facts, key=lambda fact: (fact.start, fact.end, fact.kind.value)))
    questions = make_questions(facts, seed=seed, text=clean, anatomy=anatomy, sentences=sentences)
    return Result(text=clean, article=anatomy, facts=facts, questions=questions)
