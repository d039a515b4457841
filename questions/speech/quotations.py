"""Pair an article's quotation marks into quotations; a quotation continued over paragraphs forms one chain."""
from __future__ import annotations

from typing import NamedTuple

from questions.names import Article, opening_quote
from questions.speech.vocabulary import QUOTE_MARK


class Quote(NamedTuple):
    """One quoted passage between its marks."""

    start: int  # content offsets, without the marks
    end: int
    open_mark: int  # offset of the opening mark
    close_mark: int  # offset just after the closing mark (the content's end when the quote is left open)
    chain: int  # quotes of one quotation continued over paragraphs share a chain


def pair_quotations(article: Article) -> list[Quote]:
    """Pair the quotation marks of the article; a quote left open before another opens is continued by it."""
    text = article.text
    quotes: list[Quote] = []
    open_at: int | None = None
    open_end = 0
    chain = 0
    for mark in QUOTE_MARK.finditer(text):
        position = mark.start()
        if opening_quote(text, position):
            if open_at is not None:  # the quotation went on into a new paragraph
                end = content_end(text, open_end, position)
                quotes.append(Quote(open_end, end, open_at, end, chain))
            else:
                chain += 1
            open_at, open_end = position, mark.end()
        elif open_at is not None:
            quotes.append(Quote(open_end, position, open_at, mark.end(), chain))
            open_at = None
    if open_at is not None:
        sentence = article.sentence_at(open_at)
        end = article.sentences[sentence].end
        quotes.append(Quote(open_end, end, open_at, end, chain))
    return quotes


def content_end(text: str, start: int, before: int) -> int:
    """Where a quotation left open ends: the last non-space character before the next opening mark."""
    end = before
    while end > start and text[end - 1].isspace():
        end -= 1
    return end
