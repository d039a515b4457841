"""Making a set: from an article the engine reads, or empty, to be filled by hand or by import."""
from __future__ import annotations

import datetime as dt
import re
from pathlib import PurePath

from flask import current_app

import questions
from app.database import add_once, begin_write
from app.extensions import db
from app.models import Question, QuestionKind, QuestionSet, ReviewStatus, User
from app.sets.articles import ArticleError, read_article
from app.sets.queries import MAX_TITLE, find_created_set

_WORD = re.compile(r"\w", re.UNICODE)


def create_set_from_article(owner: User, text: str | bytes, *, title: str | None = None,
                            published_on: dt.date | None = None, filename: str | None = None,
                            creation_token: str | None = None, today: dt.date | None = None) -> QuestionSet:
    """Run the engine on an article and store its questions as a draft set awaiting review.

    Without ``published_on`` the article is read from the date it states, or else from ``today``
    (default: the current date): "on Wednesday" means nothing without a date to count from.
    ``creation_token`` is the one-time token of the form: posting the same form twice returns the
    set the first post made instead of making a second one.

    Raises:
        ArticleError: the input is not a readable article (the message says why).
    """
    article = read_article(text, limit=current_app.config["MAX_ARTICLE_BYTES"], filename=filename)
    return create_set_from_read_article(owner, article, title=title, published_on=published_on, filename=filename,
                                        creation_token=creation_token, today=today)


def create_set_from_read_article(owner: User, article: str, *, title: str | None = None,
                                 published_on: dt.date | None = None, filename: str | None = None,
                                 creation_token: str | None = None, today: dt.date | None = None) -> QuestionSet:
    """Run the engine on an article already checked by ``read_article``; the rest as ``create_set_from_article``."""
    try:
        result = questions.generate(article, published=published_on, seed=0, today=today or dt.date.today())
    except questions.InputError as err:
        prefix = f"No article could be read from {filename!r}: " if filename else ""
        raise ArticleError(prefix + as_sentence(str(err))) from None
    if not _WORD.search(result.text):
        raise ArticleError("No article text was found. Paste the article's text or choose another file.")

    question_set = QuestionSet(
        owner_id=owner.id,
        title=_set_title(title, result.article.headline, filename, result.text),
        description="",
        source_text=result.text,
        published_on=published_on or result.article.published,
        seed=0,
        creation_token=creation_token or None,
    )
    question_set.questions = [generated_question(question, position)
                              for position, question in enumerate(result.questions)]
    begin_write()  # after the engine: the write lock is held for the insert only
    question_set, _made = add_once(question_set, lambda: find_created_set(owner, creation_token or ""))
    return question_set


def create_empty_set(owner: User, *, title: str, description: str = "") -> QuestionSet:
    """Make a draft set without questions, to be filled by hand or by import."""
    question_set = QuestionSet(owner_id=owner.id, title=title.strip()[:MAX_TITLE], description=description.strip())
    db.session.add(question_set)
    db.session.commit()
    return question_set


def creation_summary(question_set: QuestionSet) -> tuple[str, str]:
    """Return what the teacher is told of a set just made from an article, and the message's category."""
    if question_set.questions:
        return f"The engine made {len(question_set.questions)} questions. Review them before publishing.", "success"
    return ("The engine found no questions in this article. Add questions by hand, or correct the "
            "article's date and regenerate.", "warning")


def generated_question(question: questions.Question, position: int) -> Question:
    return Question(
        position=position,
        kind=QuestionKind(question.type.value),
        prompt=question.prompt,
        answer=question.answer,
        choices=list(question.choices),
        explanation=question.explanation,
        source_start=question.source.start,
        source_end=question.source.end,
        fact_kind=question.fact.kind.value,
        fact_text=question.fact.text,
        fact_value=None if question.fact.value is None else str(question.fact.value),
        engine_id=question.id[:64],
        score=question.score,
        recommended=question.recommended,
        review_status=ReviewStatus.PENDING,
    )


def _set_title(given: str | None, headline: str, filename: str | None, text: str) -> str:
    candidates = [given or "", headline, PurePath(filename).stem.replace("_", " ").replace("-", " ") if filename else ""]
    candidates += [line for line in text.splitlines() if line.strip()][:1]
    title = next((candidate.strip() for candidate in candidates if candidate and candidate.strip()), "Untitled article")
    return title if len(title) <= MAX_TITLE else title[:MAX_TITLE - 1].rstrip() + "…"


def as_sentence(message: str) -> str:
    message = message.strip()
    message = message[:1].upper() + message[1:]
    return message if message.endswith((".", "!", "?")) else message + "."
