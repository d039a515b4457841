"""The generated secret key: made once, whatever process starts first, and the same for every process."""
from __future__ import annotations

import os
import stat
import subprocess
import sys
import time

import pytest

from app.config import secret_key
from tests.conftest import REPO_ROOT

ROUNDS = 20
START_SECONDS = 120
# Each process waits for the round's start signal, then asks for the key of that round's empty folder.
RACER = """
import os, sys, time
from app.config import secret_key
root, rounds, me = sys.argv[1], int(sys.argv[2]), sys.argv[3]
open(os.path.join(root, me + ".ready"), "w").close()
for number in range(rounds):
    folder = os.path.join(root, str(number))
    while not os.path.exists(folder + ".go"):
        time.sleep(0.0001)
    print(number, secret_key(os.path.join(folder, "instance")), flush=True)
"""


def test_the_key_is_made_once_and_kept(tmp_path, monkeypatch):
    monkeypatch.delenv("FACTDECK_SECRET_KEY", raising=False)
    first = secret_key(str(tmp_path))
    assert len(first) == 64 and secret_key(str(tmp_path)) == first
    assert stat.S_IMODE((tmp_path / "secret_key").stat().st_mode) == 0o600
    assert [path.name for path in tmp_path.iterdir()] == ["secret_key"], "no candidate file is left behind"


def test_an_empty_key_file_is_refused_with_a_message(tmp_path, monkeypatch):
    monkeypatch.delenv("FACTDECK_SECRET_KEY", raising=False)
    (tmp_path / "secret_key").write_text("")
    with pytest.raises(RuntimeError, match="is empty"):
        secret_key(str(tmp_path))


def wait_for(condition) -> None:
    deadline = time.monotonic() + START_SECONDS
    while not condition():
        assert time.monotonic() < deadline, "the processes did not start"
        time.sleep(0.01)


@pytest.mark.parametrize("processes", [2, 3])
def test_processes_started_together_share_one_key(tmp_path, processes):
    env = {key: value for key, value in os.environ.items() if key != "FACTDECK_SECRET_KEY"}
    racers = [subprocess.Popen([sys.executable, "-c", RACER, str(tmp_path), str(ROUNDS), f"racer{index}"],
                               cwd=REPO_ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
              for index in range(processes)]
    try:
        wait_for(lambda: len(list(tmp_path.glob("*.ready"))) == processes)  # past their imports, all waiting
        for number in range(ROUNDS):
            (tmp_path / f"{number}.go").touch()
            time.sleep(0.02)
        outputs = [racer.communicate(timeout=START_SECONDS) for racer in racers]
    finally:
        for racer in racers:
            if racer.poll() is None:
                racer.kill()
                racer.wait()
    assert all(racer.returncode == 0 for racer in racers), [err for _, err in outputs]
    keys: dict[int, set[str]] = {}
    for out, _ in outputs:
        for line in out.splitlines():
            number, key = line.split()
            keys.setdefault(int(number), set()).add(key)
    assert len(keys) == ROUNDS
    disagreements = {number: found for number, found in keys.items() if len(found) != 1}
    assert disagreements == {}, f"{len(disagreements)} of {ROUNDS} rounds made more than one key"
    for number in range(ROUNDS):
        assert (tmp_path / str(number) / "instance" / "secret_key").read_text() in keys[number]


def test_two_apps_started_together_use_one_key(tmp_path):
    """Two processes build the whole app on one empty instance folder at the same moment."""
    script = ("import sys, time\n"
              "from app import create_app\n"
              "while not __import__('os').path.exists(sys.argv[1]): time.sleep(0.0001)\n"
              "app = create_app()\n"
              "print(app.secret_key)\n")
    env = {key: value for key, value in os.environ.items() if key != "FACTDECK_SECRET_KEY"}
    env["FACTDECK_INSTANCE_PATH"] = str(tmp_path / "instance")
    env["FACTDECK_DATABASE_URL"] = f"sqlite:///{tmp_path / 'factdeck.sqlite'}"
    go = tmp_path / "go"
    starts = [subprocess.Popen([sys.executable, "-c", script, str(go)], cwd=REPO_ROOT, env=env,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(2)]
    time.sleep(0.5)
    go.touch()
    outputs = [start.communicate(timeout=START_SECONDS) for start in starts]
    assert all(start.returncode == 0 for start in starts), [err for _, err in outputs]
    (first, _), (second, _) = outputs
    assert first.strip() == second.strip() == (tmp_path / "instance" / "secret_key").read_text()
