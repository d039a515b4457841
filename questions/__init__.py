"""Factdeck's question engine: the text of a news article in, its facts and quiz questions out.

    >>> import questions
    >>> result = questions.generate(article_text, published=datetime.date(2024, 5, 15), seed=0)
    >>> result.article.headline, result.facts, result.questions
    >>> result.to_dict()  # {"article": {...}, "facts": [...], "questions": [...]}, ready for JSON

``generate`` accepts text or bytes (HTML is reduced to its text) and raises ``InputError``, with a
one-line reason, for what cannot be an article: nothing, binary data, text that is not UTF-8, or
megabytes of it. Every fact keeps its character span (``article_text[fact.start:fact.end] ==
fact.text``) and every question its source sentence, a ``score`` (0 to 1, how publishable the
engine judges it) and whether it is ``recommended`` (the default set: each fact once, about one
question for every 27 words); the same text, date and seed give the same questions with the same ids.
From a shell: ``python -m questions ARTICLE.txt [--format json]``.

The package is pure Python: no web framework, no database, no network, no downloaded model.
"""
from questions.clean import InputError
from questions.model import Anatomy, Fact, FactKind, Form, Question, QuestionType, Result, Sentence, Span
from questions.pipeline import generate

__all__ = ["generate", "InputError", "Result", "Anatomy", "Fact", "FactKind", "Form", "Question", "QuestionType",
           "Sentence", "Span"]
