"""Factdeck's question engine: the text of a news article in, its facts and quiz questions out.

    >>> import questions
    >>> result = questions.generate(article_text, published=datetime.date(2024, 5, 15), seed=0)
    >>> result.facts, result.questions, result.to_dict()

The package is pure Python: no web framework, no database, no network, no downloaded model.
"""
from questions.clean import InputError
from questions.model import Anatomy, Fact, FactKind, Question, QuestionType, Result, Sentence, Span
from questions.pipeline import generate

__all__ = ["generate", "InputError", "Result", "Anatomy", "Fact", "FactKind", "Question", "QuestionType",
           "Sentence", "Span"]
