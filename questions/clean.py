"""Turn what a user pasted or uploaded into article text, or refuse it with a clear reason."""
from __future__ import annotations

import codecs
import re
from html.parser import HTMLParser

MAX_ARTICLE_CHARS = 1_000_000
# Each extraction stage reports at most this many facts of its kind, the first ones of the article, and stops
# reading there. A news article has a few dozen facts of a kind; a long input that is mostly numbers or names
# (a price table, a directory) would otherwise make every stage, and the questions after them, slow for facts
# no quiz can use.
MAX_FACTS_PER_KIND = 2_000
# Text with more control characters than this share is a binary file that happened to decode.
MAX_CONTROL_SHARE = 0.05

_HTML_TAG = re.compile(
    r"<(?:!doctype\s+html|html|head|body|p|div|br|span|a\s|h[1-6]|ul|ol|li|table|tr|td|article|section|"
    r"header|footer|main|nav|blockquote|figure|figcaption|strong|em|b|i|img|meta|title|script|style)\b[^>]*>",
    re.IGNORECASE,
)
_LINE_BREAKS = re.compile(r"\r\n?|[\v\f\x1c\x1d\x1e\x85\u2028\u2029]")
# C0 controls other than tab and newline, and DEL: invisible, and they break JSON consumers.
_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
# A carriage return written out in caret notation, as wire copy passed through terminals shows it ("Pratt^M and").
_CARET_RETURN = re.compile(r"\^M(?=\s|$)")
# An apostrophe that a feed turned into a double quote ("the ADB"s loans"): a letter before, "s" and a word end after.
_QUOTE_FOR_APOSTROPHE = re.compile(r"(?<=[A-Za-z])\"(?=s\b)")
_SPACES = re.compile(r"[ \t\r\n\f\v]+")
_BLOCK_TAGS = frozenset(
    "address article aside blockquote body br caption dd details dialog div dl dt fieldset figcaption figure "
    "footer form h1 h2 h3 h4 h5 h6 header hr html li main nav ol p pre section summary table tbody td tfoot "
    "th thead title tr ul".split()
)
_HIDDEN_TAGS = frozenset("head script style noscript template svg iframe object canvas button select".split())


class InputError(ValueError):
    """The input cannot be read as a news article; the message says why, in one line."""


class BinaryInputError(InputError):
    """The bytes are a binary file (an image, a PDF, a word-processor document), not text."""


class NotUtf8Error(InputError):
    """The bytes are text in an encoding other than UTF-8 (or UTF-16 with its byte-order mark)."""

    def __init__(self, message: str, position: int) -> None:
        super().__init__(message)
        self.position = position  # of the first byte that is not UTF-8


def article_text(raw: str | bytes) -> str:
    """Return the article's plain text: decoded, HTML reduced to text, line endings normalised to ``\\n``.

    Raises:
        InputError: the input is empty, binary, not UTF-8, or longer than ``MAX_ARTICLE_CHARS``.
    """
    text = decode_text(raw) if isinstance(raw, (bytes, bytearray, memoryview)) else str(raw)
    if text.startswith("\ufeff"):
        text = text[1:]
    if len(text) > MAX_ARTICLE_CHARS:
        raise InputError(f"the article is too long ({len(text):,} characters; at most {MAX_ARTICLE_CHARS:,})")
    if "\x00" in text or _control_share(text) > MAX_CONTROL_SHARE:
        raise InputError("the input looks like a binary file, not text")
    text = _CARET_RETURN.sub("", _CONTROLS.sub("", _LINE_BREAKS.sub("\n", text)))
    text = _QUOTE_FOR_APOSTROPHE.sub("'", text)
    if _HTML_TAG.search(text):
        text = html_to_text(text)
    if not text.strip():
        raise InputError("the article is empty")
    return text


def html_to_text(markup: str) -> str:
    """Return the visible text of an HTML document, one block element per line."""
    reader = _TextReader()
    reader.feed(markup)
    reader.close()
    return reader.text()


def decode_text(raw: bytes | bytearray | memoryview) -> str:
    """Return bytes as text: UTF-16 with its byte-order mark, else UTF-8 (a UTF-8 byte-order mark is dropped).

    Raises:
        BinaryInputError: the bytes hold a NUL, as binary files do and text never does.
        NotUtf8Error: the bytes are not UTF-8.
    """
    data = bytes(raw)
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            pass
    if b"\x00" in data:
        raise BinaryInputError("the input looks like a binary file, not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise NotUtf8Error(
            f"the file is not UTF-8 text (byte 0x{data[err.start]:02x} at position {err.start:,}); "
            "save it as UTF-8 and try again",
            err.start,
        ) from None


def _control_share(text: str) -> float:
    if not text:
        return 0.0
    sample = text[:100_000]
    return len(_CONTROLS.findall(sample)) / len(sample)


class _TextReader(HTMLParser):
    """Collect the visible text of a document; block elements end lines."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self._lines: list[str] = []
        self._line: list[str] = []
        self._hidden = 0
        self._title: list[str] = []
        self._in_title = False
        self._has_h1 = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "title":
            self._in_title = True
        elif tag in _HIDDEN_TAGS:
            self._hidden += 1
        if tag == "h1":
            self._has_h1 = True
        if tag in _BLOCK_TAGS:
            self._end_line()

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCK_TAGS:
            self._end_line()

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
        elif tag in _HIDDEN_TAGS and self._hidden:
            self._hidden -= 1
        if tag in _BLOCK_TAGS:
            self._end_line()

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self._title.append(data)
        elif not self._hidden:
            self._line.append(data)

    def _end_line(self) -> None:
        line = _SPACES.sub(" ", "".join(self._line)).strip()
        if line:
            self._lines.append(line)
        self._line = []

    def text(self) -> str:
        self._end_line()
        title = _SPACES.sub(" ", "".join(self._title)).strip()
        # A page without a visible headline keeps its <title> as the headline.
        if title and not self._has_h1 and (not self._lines or self._lines[0] != title):
            self._lines.insert(0, title)
        return "\n".join(self._lines)
