"""The app as deployed: migrated with ``flask db upgrade`` and served by gunicorn on 127.0.0.1."""
from __future__ import annotations

import os
import re
import subprocess
import sys
import time
import urllib.error
import urllib.request

from tests.conftest import REPO_ROOT, free_port

START_SECONDS = 30
COMMAND_SECONDS = 120


def get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


def wait_until_serving(url: str, server: subprocess.Popen) -> None:
    deadline = time.monotonic() + START_SECONDS
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise AssertionError(f"gunicorn exited with {server.returncode}")
        try:
            get(url)
            return
        except OSError:
            time.sleep(0.2)
    raise AssertionError(f"gunicorn did not answer within {START_SECONDS} s")


def test_gunicorn_serves_the_migrated_app(tmp_path):
    env = {
        **os.environ,
        "FACTDECK_DATABASE_URL": f"sqlite:///{tmp_path / 'factdeck.sqlite'}",
        "FACTDECK_INSTANCE_PATH": str(tmp_path / "instance"),
        "FACTDECK_SECRET_KEY": "gunicorn-test-secret",
    }
    migrate = subprocess.run([sys.executable, "-m", "flask", "--app", "app", "db", "upgrade"], cwd=REPO_ROOT,
                             env=env, capture_output=True, text=True, timeout=COMMAND_SECONDS, check=False)
    assert migrate.returncode == 0, migrate.stderr

    port = free_port()
    log = (tmp_path / "gunicorn.log").open("w")
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "--bind", f"127.0.0.1:{port}", "--workers", "2",
         "--access-logfile", "-", "app:create_app()"],
        cwd=REPO_ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        wait_until_serving(f"http://127.0.0.1:{port}/", server)
        status, home = get(f"http://127.0.0.1:{port}/")
        login_status, login = get(f"http://127.0.0.1:{port}/auth/login")
        missing_status, _ = get(f"http://127.0.0.1:{port}/no-such-page")
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait(timeout=10)
        log.close()

    server_log = (tmp_path / "gunicorn.log").read_text()
    assert status == 200, server_log
    assert "Learn from the news" in home
    assert login_status == 200 and 'name="csrf_token"' in login
    assert missing_status == 404
    assert "Traceback" not in server_log
    # The app's own log: one line per request on standard output, with the status, time and user.
    assert re.search(r"INFO app: GET /auth/login 200 \d+\.\d ms user=-", server_log), server_log
    assert re.search(r"INFO app: GET /no-such-page 404 ", server_log), server_log
    assert not (tmp_path / "instance" / "secret_key").exists(), "a key from the environment is never written"
