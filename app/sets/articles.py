"""An article as a teacher gives it (pasted text or an uploaded file) checked and turned into plain text."""
from __future__ import annotations

import re
from pathlib import PurePath

from app.validation import control_character
from questions.clean import BinaryInputError, NotUtf8Error, decode_text

ARTICLE_EXTENSIONS = (".txt", ".md", ".html", ".htm")
MARKDOWN_EXTENSIONS = (".md",)

# Markdown's syntax, line by line and inline, replaced by the text it marks up.
_MARKDOWN_LINES = (
    (re.compile(r"^ {0,3}(```|~~~).*$", re.MULTILINE), ""),  # code fences
    (re.compile(r"^ {0,3}([-*_])(?: *\1){2,} *$", re.MULTILINE), ""),  # rules
    (re.compile(r"^ {0,3}(=+|-+) *$", re.MULTILINE), ""),  # setext heading underlines
    (re.compile(r"^ {0,3}\[[^\]\n]+\]: *\S+.*$", re.MULTILINE), ""),  # link reference definitions
    (re.compile(r"^ {0,3}#{1,6}[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$", re.MULTILINE), r"\1"),  # ATX headings
    (re.compile(r"^ {0,3}#{1,6}[ \t]*$", re.MULTILINE), ""),  # empty headings
    (re.compile(r"^ {0,3}(?:> ?)+", re.MULTILINE), ""),  # block quotes
    (re.compile(r"^[ \t]*(?:[-*+]|\d{1,3}[.)])[ \t]+", re.MULTILINE), ""),  # list markers
)
_MARKDOWN_INLINE = (
    (re.compile(r"!\[([^\]\n]*)\]\([^)\n]*\)"), ""),  # images
    (re.compile(r"\[([^\]\n]+)\](?:\([^)\n]*\)|\[[^\]\n]*\])"), r"\1"),  # links
    (re.compile(r"`([^`\n]+)`"), r"\1"),  # inline code
    (re.compile(r"(?<!\\)(\*\*|__)(?=\S)(.+?)(?<=[^\s\\])\1"), r"\2"),  # strong
    (re.compile(r"(?<![\w*\\])\*(?=\S)([^*\n]+?)(?<=[^\s\\])\*(?![\w*])"), r"\1"),  # emphasis with *
    (re.compile(r"(?<![\w_\\])_(?=\S)([^_\n]+?)(?<=[^\s\\])_(?![\w_])"), r"\1"),  # emphasis with _
    (re.compile(r"\\([\\`*_{}\[\]()#+\-.!>])"), r"\1"),  # backslash escapes
)


class ArticleError(ValueError):
    """The article cannot be turned into a set; the message tells the teacher what to do."""


def read_article(text: str | bytes, *, limit: int, filename: str | None = None) -> str:
    """Return the article as text after checking its file type, size and content.

    A Markdown file comes back as the text its markup shows; HTML is left for the engine to read.

    Raises:
        ArticleError: wrong file type, empty, larger than ``limit`` bytes, binary or not UTF-8.
    """
    what = "The file" if filename is not None else "The article"
    extension = PurePath(filename).suffix.lower() if filename is not None else ""
    if filename is not None and extension not in ARTICLE_EXTENSIONS:
        raise ArticleError(f"{filename!r} is not a .txt, .md or .html file. Upload the article as plain text, "
                           "Markdown or a saved web page, or paste its text.")
    data = text if isinstance(text, bytes) else text.encode("utf-8")
    if len(data) > limit:
        size = megabytes(len(data))
        size = size if size != megabytes(limit) else f"more than {size}"
        raise ArticleError(f"{what} is {size}; an article can be at most {megabytes(limit)}. "
                           "Paste only the article's text.")
    if not data.strip():
        raise ArticleError(f"{what} is empty. Paste the article's text or choose a file that has it.")
    article = text if isinstance(text, str) else _decoded(data)
    if control := control_character(article):
        raise ArticleError(f"{what} holds an invisible control character ({control}) that cannot be stored. "
                           "Save it again as plain text, or paste its text.")
    return markdown_to_text(article) if extension in MARKDOWN_EXTENSIONS else article


def markdown_to_text(markdown: str) -> str:
    """Return the text a Markdown document shows: no heading marks, emphasis, links' targets or list markers."""
    text = markdown
    for pattern, replacement in (*_MARKDOWN_LINES, *_MARKDOWN_INLINE):
        text = pattern.sub(replacement, text)
    return text


def megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.1f} MB".replace(".0 MB", " MB")


def _decoded(data: bytes) -> str:
    """Decode as the engine does, with messages that tell a teacher what to do."""
    try:
        return decode_text(data)
    except BinaryInputError:
        raise ArticleError("The file is a binary file (an image, a PDF or a word-processor document?), not text. "
                           "Save the article as .txt or .html, or paste its text.") from None
    except NotUtf8Error:
        raise ArticleError("The file is not UTF-8 text. Save it as UTF-8 (plain text) or paste its text.") from None
