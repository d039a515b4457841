"""The README's set-up commands are the ones CI and the app really use."""
from __future__ import annotations

import os
import re
import subprocess
import sys

from tests.conftest import REPO_ROOT

README = (REPO_ROOT / "README.md").read_text()
CI_SCRIPT = (REPO_ROOT / ".ci" / "run").read_text()


def fenced_commands(text: str) -> list[str]:
    """Return every line of the README's ```sh blocks."""
    blocks = re.findall(r"```sh\n(.*?)```", text, flags=re.DOTALL)
    return [line.strip() for block in blocks for line in block.splitlines() if line.strip()]


def test_ci_runs_the_readme_test_command_word_for_word():
    test_command = next(line for line in fenced_commands(README) if line.endswith("-m pytest"))
    assert "apt-get install" in test_command and "chromium postgresql" in test_command
    ci_commands = [line for line in CI_SCRIPT.splitlines() if line and not line.startswith("#")]
    assert "set -euo pipefail" in ci_commands
    assert ci_commands[-1] == test_command, "the test command must come last, so its exit code is CI's"


def test_every_flask_command_the_readme_names_exists(tmp_path):
    named = set(re.findall(r"flask --app app (\w+)", README))
    assert {"demo", "run", "db"} <= named
    listing = subprocess.run(
        [sys.executable, "-m", "flask", "--app", "app", "--help"], cwd=REPO_ROOT, capture_output=True, text=True,
        timeout=60, check=True, env={**os.environ, "FACTDECK_INSTANCE_PATH": str(tmp_path)}).stdout
    available = set(re.findall(r"^  (\w+)", listing, flags=re.MULTILINE))
    assert named <= available, f"missing: {named - available}"


def test_examples_use_only_files_in_the_repository():
    """A fresh clone has no ../shared: only the contributors' section may point outside the repository."""
    for_users = README.split("## For contributors")[0] + README.split("## For contributors")[1].split("\n## ", 1)[1]
    commands = fenced_commands(for_users)
    assert commands
    assert not [command for command in commands if "../" in command]
    files = {word for command in commands for word in command.split()
             if re.fullmatch(r"[\w./-]+\.(txt|md|html|json|csv)", word) and "/" in word}
    assert files, "the engine's example names the demo article"
    assert all((REPO_ROOT / path).is_file() for path in files), files
