"""Command line: ``python -m questions PATH [--format text|json] [--published YYYY-MM-DD] [--seed N]``.

Reads a news article (PATH, or ``-`` for standard input) and prints its facts and quiz questions:
as a listing a teacher can check at a terminal (``text``, the default) or as the JSON document
that the web app and the evaluation script read (``json``). Input that is not an article ends the
program with a one-line ``error: ...`` on standard error and exit status 1; a wrong option with
exit status 2.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
import textwrap
from typing import NoReturn, TextIO

from questions import InputError, Result, generate
from questions.clean import MAX_ARTICLE_CHARS
from questions.model import Fact, FactKind, Question, QuestionType

# UTF-8 takes at most four bytes a character: anything longer cannot be an article we accept.
MAX_INPUT_BYTES = 4 * MAX_ARTICLE_CHARS
WIDTH = 100
KIND_TITLES = {FactKind.SPEAKER: "Speakers", FactKind.NUMBER: "Numbers", FactKind.DATE: "Dates",
               FactKind.ORGANISATION: "Organisations", FactKind.PERSON: "People", FactKind.PLACE: "Places"}
TYPE_TITLES = {QuestionType.MULTIPLE_CHOICE: "multiple choice", QuestionType.TRUE_FALSE: "true/false",
               QuestionType.CLOZE: "cloze", QuestionType.SHORT_ANSWER: "short answer",
               QuestionType.FLASHCARD: "flashcard"}


class OneLineParser(argparse.ArgumentParser):
    """An argument parser whose errors are one line on standard error, like the program's other errors."""

    def error(self, message: str) -> NoReturn:
        print(f"error: {message} (try --help)", file=sys.stderr)
        raise SystemExit(2)


def published_date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"--published must be a date as YYYY-MM-DD, not {value!r}") from None


def build_parser() -> argparse.ArgumentParser:
    parser = OneLineParser(prog="python -m questions", description=__doc__.split("\n\n")[1],
                           formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("path", help="the article: a text or HTML file, or - to read standard input")
    parser.add_argument("--format", choices=("text", "json"), default="text",
                        help="text: a listing to read (default); json: the document other programs read")
    parser.add_argument("--published", type=published_date, default=None, metavar="YYYY-MM-DD",
                        help="the day the article speaks from (default: the date found in the article)")
    parser.add_argument("--seed", type=int, default=0,
                        help="chooses distractors and choice order; the same seed gives the same questions")
    return parser


def read_input(path: str) -> bytes:
    """Read the article's bytes from a file or standard input, refusing what is far too long to be one."""
    if path == "-":
        data = sys.stdin.buffer.read(MAX_INPUT_BYTES + 1)
    else:
        with open(path, "rb") as handle:
            data = handle.read(MAX_INPUT_BYTES + 1)
    if len(data) > MAX_INPUT_BYTES:
        raise InputError(f"the article is too long (more than {MAX_INPUT_BYTES:,} bytes)")
    return data


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        result = generate(read_input(args.path), published=args.published, seed=args.seed)
    except InputError as err:
        print(f"error: {err}", file=sys.stderr)
        return 1
    except OSError as err:
        print(f"error: cannot read {args.path}: {err.strerror or err}", file=sys.stderr)
        return 1
    if hasattr(sys.stdout, "reconfigure"):
        sys.stdout.reconfigure(encoding="utf-8")  # names and quotes are not ASCII; a C locale must not fail
    try:
        if args.format == "json":
            json.dump(result.to_dict(), sys.stdout, ensure_ascii=False, indent=1)
            sys.stdout.write("\n")
        else:
            write_listing(result, sys.stdout)
        sys.stdout.flush()
    except BrokenPipeError:
        # The reader (``head``, a pager) went away: stop quietly, as command-line tools do.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    return 0


# ------------------------------------------------------------------ the text listing

def write_listing(result: Result, out: TextIO) -> None:
    """Write the article's anatomy, its facts by kind and its numbered questions for a reader."""
    article = result.article
    out.write(_wrap(article.headline or "(no headline)") + "\n")
    out.write("=" * min(WIDTH, max(len(article.headline), 10)) + "\n")
    for label, value in (("Dateline", article.dateline), ("Byline", ", ".join(article.byline)),
                         ("Published", article.published.isoformat() if article.published else ""),
                         ("Caption", article.caption), ("Credits", article.credits)):
        if value:
            out.write(_wrap(f"{label}: {value}", indent="  ") + "\n")

    out.write(f"\nFACTS ({len(result.facts)})\n")
    for kind, title in KIND_TITLES.items():
        facts = [fact for fact in result.facts if fact.kind == kind]
        if not facts:
            continue
        out.write(f"\n  {title} ({len(facts)})\n")
        for fact in facts:
            out.write(_wrap(_fact_line(fact), indent="    ", subsequent="      ") + "\n")

    out.write(f"\nQUESTIONS ({len(result.questions)})\n")
    for number, question in enumerate(result.questions, 1):
        out.write("\n" + _question_block(number, question) + "\n")


def _fact_line(fact: Fact) -> str:
    if fact.kind == FactKind.SPEAKER:
        return f"{fact.value}: “{fact.quote}”"
    if fact.kind == FactKind.NUMBER:
        counts = f" — {fact.counts}" if fact.counts else ""
        unit = f" [{fact.unit}]" if fact.unit else ""
        return f"{fact.text}{counts}  (= {fact.value}{unit})"
    if fact.kind == FactKind.DATE:
        return f"{fact.text}  → {fact.value}"
    role = f" — {fact.role}" if fact.role else ""
    shown = f"{fact.value}" if fact.value == fact.text else f"{fact.value} (“{fact.text}”)"
    return f"{shown}{role}"


def _question_block(number: int, question: Question) -> str:
    lines = [_wrap(f"{number:>3}. [{TYPE_TITLES[question.type]}] {question.prompt}", subsequent="       ")]
    if question.type == QuestionType.FLASHCARD:
        lines.append(_wrap(f"Back: {question.answer}", indent="       ", subsequent="         "))
    elif question.choices:
        for letter, choice in zip("abcdef", question.choices):
            mark = "*" if choice == question.answer else " "
            lines.append(_wrap(f"{mark} {letter}) {choice}", indent="     ", subsequent="          "))
        right = next(letter for letter, choice in zip("abcdef", question.choices) if choice == question.answer)
        lines.append(f"       Answer: {right}) {question.answer}")
    else:
        lines.append(_wrap(f"Answer: {question.answer}", indent="       ", subsequent="         "))
    source = question.source
    lines.append(_wrap(f"Source ({source.start}–{source.end}): {question.explanation}",
                       indent="       ", subsequent="         "))
    return "\n".join(lines)


def _wrap(text: str, *, indent: str = "", subsequent: str | None = None) -> str:
    return textwrap.fill(text, width=WIDTH, initial_indent=indent,
                         subsequent_indent=indent if subsequent is None else subsequent,
                         break_long_words=False, break_on_hyphens=False)


if __name__ == "__main__":
    sys.exit(main())
