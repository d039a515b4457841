"""Tests for reading pasted or uploaded input as article text."""
from __future__ import annotations

import codecs

import pytest
from hypothesis import given
from hypothesis import strategies as st

from questions.clean import MAX_ARTICLE_CHARS, InputError, article_text


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Storm hits coast\nThe storm hit the coast.", "Storm hits coast\nThe storm hit the coast."),
        ("Storm hits coast".encode(), "Storm hits coast"),
        (codecs.BOM_UTF8 + "Café reopens".encode(), "Café reopens"),
        ("\ufeffCafé reopens", "Café reopens"),
        ("Café reopens".encode("utf-16"), "Café reopens"),
        ("Line one\r\nLine two\rLine three", "Line one\nLine two\nLine three"),
        ("Line one\u2028Line two\u2029Line three", "Line one\nLine two\nLine three"),
        ("A stray bell\x07 and escape\x1b are dropped from the text.", "A stray bell and escape are dropped from the text."),
        ("Tabs\tstay  and  spaces too ", "Tabs\tstay  and  spaces too "),
        # Wire copy that passed through a terminal shows its carriage returns as "^M".
        ("Pratt^M and Whitney and Rolls-Royce^M\nLtd", "Pratt and Whitney and Rolls-Royce\nLtd"),
        ("The ^Mark stays", "The ^Mark stays"),
        ('The ADB"s loans rose, "she said" as "sales" fell.', 'The ADB\'s loans rose, "she said" as "sales" fell.'),
    ],
)
def test_text_is_decoded_and_line_endings_normalised(raw, expected):
    assert article_text(raw) == expected


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ("", "the article is empty"),
        ("  \n\t \r\n", "the article is empty"),
        (b"", "the article is empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "the input looks like a binary file, not text"),
        ("text with a \x00 byte", "the input looks like a binary file, not text"),
        ("".join(chr(code) for code in range(1, 9)) * 20 + "abc", "the input looks like a binary file, not text"),
        (b"caf\xe9 au lait", "the file is not UTF-8 text (byte 0xe9 at position 3); save it as UTF-8 and try again"),
        ("x" * (MAX_ARTICLE_CHARS + 1), "the article is too long (1,000,001 characters; at most 1,000,000)"),
        ("<html><script>var a = 1;</script><style>p {}</style></html>", "the article is empty"),
    ],
)
def test_unreadable_input_is_refused_with_a_one_line_reason(raw, message):
    with pytest.raises(InputError) as refused:
        article_text(raw)
    assert str(refused.value) == message
    assert "\n" not in str(refused.value)


def test_the_longest_accepted_article_is_kept_whole():
    text = "word " * (MAX_ARTICLE_CHARS // 5)
    assert article_text(text) == text


@pytest.mark.parametrize(
    ("markup", "expected"),
    [
        (
            "<html><head><title>Page title</title><style>h1 {color: red}</style></head>"
            "<body><h1>Bridge reopens</h1><p>The bridge reopened on\n   Monday.</p>"
            "<p>Traffic &amp; trade &mdash; both resumed.</p><script>track();</script></body></html>",
            "Bridge reopens\nThe bridge reopened on Monday.\nTraffic & trade — both resumed.",
        ),
        ("<p>First line<br>Second line</p><div>Third <b>bold</b> line</div>",
         "First line\nSecond line\nThird bold line"),
        ("<title>Only a title</title><p>Body text.</p>", "Only a title\nBody text."),
        ("<ul><li>One</li><li>Two</li></ul>", "One\nTwo"),
        ("<P CLASS='lead'>Upper-case tags &lt;work&gt;</P>", "Upper-case tags <work>"),
    ],
)
def test_html_is_reduced_to_its_visible_text(markup, expected):
    assert article_text(markup) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Prices rose 3 < 5 percent and <TX> shares fell.",
        "The ratio x > y held.",
    ],
)
def test_angle_brackets_in_prose_are_not_html(text):
    assert article_text(text) == text


@given(st.one_of(st.text(), st.binary()))
def test_any_input_gives_text_or_a_clear_refusal(raw):
    try:
        text = article_text(raw)
    except InputError as refused:
        assert str(refused) and "\n" not in str(refused)
    else:
        assert text.strip()
        assert "\r" not in text and "\x00" not in text
