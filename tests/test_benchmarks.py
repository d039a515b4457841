"""The hand-run benchmarks still run: a short, small run of each ends with its goals, not a traceback.

Their figures are never judged here (the machines are shared and noisy); only that a change elsewhere,
such as a new argument of a class two benchmarks share, has not left one of them broken.
"""
from __future__ import annotations

import subprocess
import sys

import pytest

from tests.conftest import REPO_ROOT

RUN_SECONDS = 300

SHORT_RUNS = [
    pytest.param(["benchmarks/load.py", "--learners", "4", "--questions", "4", "--seconds", "1", "--rounds", "1"],
                 "\ngoals\n", id="load"),
    pytest.param(["benchmarks/paste_load.py", "--learners", "4", "--questions", "4", "--quiet-seconds", "1",
                  "--paste-seconds", "8", "--characters", "20000"], "\ngoals\n", id="paste_load"),
    pytest.param(["benchmarks/pages.py", "--seconds", "1", "--rounds", "1", "--only", "study"],
                 "\nmedians over the rounds", id="pages"),
]


@pytest.mark.parametrize("arguments, report_heading", SHORT_RUNS)
def test_a_short_run_reaches_its_goals_report(arguments, report_heading):
    result = subprocess.run([sys.executable, *arguments], cwd=REPO_ROOT, capture_output=True, text=True,
                            timeout=RUN_SECONDS, check=False)
    output = result.stdout + result.stderr
    assert "Traceback" not in output, output
    assert report_heading in result.stdout, output
