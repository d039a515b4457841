"""Tests for ``python -m questions``: the JSON document, the text listing and one-line errors on bad input."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from questions.__main__ import MAX_INPUT_BYTES

REPO_ROOT = Path(__file__).resolve().parents[2]

ARTICLE = """Harbour bridge reopens after repairs
PORTVILLE, Norland (Wire) - The city council reopened the harbour bridge on Tuesday after engineers replaced more than 3,000 rusted bolts.
A total of 1,250 volunteers had been trained at the centre in Eastbay, a town on the northern coast.
"The bridge is safe again," Mayor Ana Lopez said at the ceremony.
"""


def run(*args: str, stdin: bytes | None = None, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "questions", *args], input=stdin, capture_output=True,
                          cwd=REPO_ROOT, env={**os.environ, **(env or {})}, timeout=120)


@pytest.fixture()
def article(tmp_path) -> Path:
    path = tmp_path / "bridge.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def test_json_has_the_article_its_facts_and_its_questions(article):
    done = run(str(article), "--format", "json", "--published", "2024-05-16")
    assert done.returncode == 0, done.stderr
    document = json.loads(done.stdout)
    assert set(document) == {"article", "facts", "questions"}
    assert document["article"]["headline"] == "Harbour bridge reopens after repairs"
    assert document["article"]["published"] == "2024-05-16"
    for fact in document["facts"]:
        assert {"kind", "text", "value", "start", "end", "sentence"} <= set(fact)
        assert ARTICLE[fact["start"]:fact["end"]] == fact["text"]
    assert document["questions"]
    for question in document["questions"]:
        assert {"id", "type", "prompt", "answer", "explanation", "source", "fact"} <= set(question)
        assert ARTICLE[question["source"]["start"]:question["source"]["end"]] == question["explanation"]
        assert {"kind", "value", "text"} <= set(question["fact"])
        assert ("choices" in question) == (question["type"] in ("multiple_choice", "true_false"))
        if question["fact"]["kind"] == "speaker":
            assert question["fact"]["quote"]


def test_standard_input_is_read_with_a_dash():
    done = run("-", "--format", "json", stdin=ARTICLE.encode())
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["article"]["headline"] == "Harbour bridge reopens after repairs"


def test_the_seed_changes_choice_order_not_the_document_shape(article):
    first = json.loads(run(str(article), "--format", "json", "--seed", "1").stdout)
    again = json.loads(run(str(article), "--format", "json", "--seed", "1").stdout)
    assert first == again


def test_text_listing_shows_anatomy_facts_and_numbered_questions_with_answers(article):
    done = run(str(article))
    assert done.returncode == 0, done.stderr
    listing = done.stdout.decode()
    assert listing.startswith("Harbour bridge reopens after repairs\n")
    assert "FACTS (" in listing and "QUESTIONS (" in listing
    assert "  Numbers (" in listing and "1,250" in listing
    assert "  1. [" in listing
    assert "Answer: " in listing and "Source (" in listing
    assert "* " in listing  # the right choice is marked


def test_output_is_utf8_even_in_a_c_locale(tmp_path):
    path = tmp_path / "cafe.txt"
    path.write_text("Café owner wins award\n“We are proud,” said Zoë Müller in Zürich on Monday.\n", encoding="utf-8")
    done = run(str(path), "--format", "json", env={"LC_ALL": "C", "LANG": "C", "PYTHONIOENCODING": ""})
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout.decode("utf-8"))["article"]["headline"] == "Café owner wins award"


def test_html_is_reduced_to_its_text(tmp_path):
    path = tmp_path / "page.html"
    path.write_text("<html><body><h1>Harbour bridge reopens</h1><p>The council reopened the bridge on Tuesday."
                    "</p></body></html>", encoding="utf-8")
    done = run(str(path), "--format", "json")
    assert done.returncode == 0, done.stderr
    assert "<" not in json.loads(done.stdout)["article"]["headline"]


def test_a_reader_that_goes_away_causes_no_traceback(article):
    pipeline = subprocess.run(f"{sys.executable} -m questions {article} | head -n 1", shell=True,
                              capture_output=True, cwd=REPO_ROOT, timeout=120)
    assert b"Traceback" not in pipeline.stderr


def bad_inputs(tmp_path: Path) -> dict[str, tuple[list[str], bytes | None]]:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    blank = tmp_path / "blank.txt"
    blank.write_bytes(b"  \n\t\n")
    binary = tmp_path / "image.png"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8)
    latin = tmp_path / "latin1.txt"
    latin.write_bytes("Café reopens after the storm".encode("latin-1"))
    huge = tmp_path / "huge.txt"
    huge.write_bytes(b"The council met again. " * (MAX_INPUT_BYTES // 20))
    return {
        "missing file": ([str(tmp_path / "nowhere.txt")], None),
        "directory": ([str(tmp_path)], None),
        "empty file": ([str(empty)], None),
        "blank file": ([str(blank)], None),
        "binary file": ([str(binary)], None),
        "not UTF-8": ([str(latin)], None),
        "megabytes of text": ([str(huge)], None),
        "empty standard input": (["-"], b""),
        "bad --published": ([str(blank), "--published", "2024-13-45"], None),
        "unknown --format": ([str(blank), "--format", "xml"], None),
        "no path": ([], None),
    }


@pytest.mark.parametrize("case", ["missing file", "directory", "empty file", "blank file", "binary file",
                                  "not UTF-8", "megabytes of text", "empty standard input", "bad --published",
                                  "unknown --format", "no path"])
def test_bad_input_gives_one_line_error_and_nonzero_exit(tmp_path, case):
    args, stdin = bad_inputs(tmp_path)[case]
    done = run(*args, "--format", "json", stdin=stdin) if "--format" not in args else run(*args, stdin=stdin)
    stderr = done.stderr.decode()
    assert done.returncode != 0
    assert done.stdout == b""
    assert stderr.startswith("error: ") and stderr.count("\n") == 1, stderr
    assert "Traceback" not in stderr
