"""The progress charts: pygal SVG, inline in the page, without scripts; the page gives each a data table too.

Building a chart costs pygal several milliseconds, more than the rest of the page. A chart depends only on
its labels and values, which change when the learner reviews or the day turns, not on every view: each
is kept, by its inputs, in a bounded cache of the process.
"""
from __future__ import annotations

import functools
import re
import sys
from typing import Sequence

import pygal
from markupsafe import Markup
from pygal.style import Style

# pygal appends an old-style import hook to sys.meta_path for its map plugins (which we do not use);
# it makes every later failed optional import warn, and warnings are errors in the tests.
sys.meta_path[:] = [finder for finder in sys.meta_path if type(finder).__name__ != "PluginImportFixer"]

_STYLE = Style(background="transparent", plot_background="transparent", foreground="#212529",
               foreground_strong="#212529", foreground_subtle="#6c757d", colors=("#0b5ed7", "#198754"),
               font_family="system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif",
               label_font_size=13, major_label_font_size=13, value_font_size=13, title_font_size=16)
_SCRIPT = re.compile(r"<script\b.*?</script>", re.DOTALL)
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)


def _config(**options) -> pygal.Config:
    # js=[]: no tooltip script fetched from pygal's CDN; the page carries its own data table instead.
    settings = dict(js=[], disable_xml_declaration=True, style=_STYLE, show_legend=False, height=280, width=800,
                    x_label_rotation=0, margin=12, truncate_label=-1)
    return pygal.Config(**{**settings, **options})


def _inline(chart) -> Markup:
    """Return the chart as inline SVG, hidden from screen readers (the table next to it says the same)."""
    svg = _COMMENT.sub("", _SCRIPT.sub("", chart.render(is_unicode=True)))
    svg = svg.replace("<svg ", '<svg aria-hidden="true" focusable="false" ', 1)
    # pygal's SVG escapes every label it draws; the labels are our own dates and numbers.
    return Markup(svg)


def _sparse_labels(labels: Sequence[str], every: int) -> list[str]:
    """Keep every ``every``-th label counting back from the last (today), blank the rest so none overlap."""
    last = len(labels) - 1
    return [label if (last - index) % every == 0 else "" for index, label in enumerate(labels)]


_CACHED_CHARTS = 2048


def reviews_chart(labels: Sequence[str], counts: Sequence[int]) -> Markup:
    """Return a bar chart of reviews per day."""
    return _reviews_chart(tuple(labels), tuple(counts))


def accuracy_chart(labels: Sequence[str], shares: Sequence[float | None]) -> Markup:
    """Return a line chart of the share of reviews recalled per day, in percent; days without reviews are gaps."""
    return _accuracy_chart(tuple(labels), tuple(None if share is None else round(100 * share) for share in shares))


def upcoming_chart(labels: Sequence[str], counts: Sequence[int]) -> Markup:
    """Return a bar chart of the cards due on each of the coming days."""
    return _upcoming_chart(tuple(labels), tuple(counts))


@functools.lru_cache(maxsize=_CACHED_CHARTS)
def _reviews_chart(labels: tuple[str, ...], counts: tuple[int, ...]) -> Markup:
    chart = pygal.Bar(_config(y_title="Reviews", min_scale=2, max_scale=6))
    chart.x_labels = _sparse_labels(labels, 7)
    chart.add("Reviews", list(counts))
    return _inline(chart)


@functools.lru_cache(maxsize=_CACHED_CHARTS)
def _accuracy_chart(labels: tuple[str, ...], percents: tuple[int | None, ...]) -> Markup:
    chart = pygal.Line(_config(y_title="Recalled (%)", range=(0, 100), include_x_axis=True, allow_interruptions=True,
                               dots_size=4, value_formatter=lambda value: f"{value:.0f}%"))
    chart.x_labels = _sparse_labels(labels, 7)
    chart.add("Accuracy", list(percents))
    return _inline(chart)


@functools.lru_cache(maxsize=_CACHED_CHARTS)
def _upcoming_chart(labels: tuple[str, ...], counts: tuple[int, ...]) -> Markup:
    chart = pygal.Bar(_config(y_title="Cards due", min_scale=2, max_scale=6, height=220))
    chart.x_labels = list(labels)
    chart.add("Cards due", list(counts))
    return _inline(chart)
