"""Installed from its wheel, away from the repository, the app migrates, seeds its demo and serves it."""
from __future__ import annotations

import http.cookiejar
import os
import re
import shutil
import subprocess
import sys
import urllib.parse
import urllib.request
import zipfile
from pathlib import Path

from tests.conftest import REPO_ROOT, free_port
from tests.web.test_gunicorn import wait_until_serving

INSTALL_SECONDS = 600
COMMAND_SECONDS = 180
# What the repository holds besides code that the installed app reads at run time.
RUNTIME_FILES = ("app/templates/base.html", "app/templates/auth/login.html", "app/static/factdeck.css",
                 "app/migrations/alembic.ini", "app/migrations/env.py", "app/demo/karabakh-russian-troops-leave.txt")
CSRF_FIELD = re.compile(r'name="csrf_token"[^>]*value="([^"]+)"')


def run(command: list[str], cwd: Path, env: dict | None = None, timeout: int = COMMAND_SECONDS) -> str:
    result = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout, check=False)
    assert result.returncode == 0, f"{command} failed:\n{result.stdout}\n{result.stderr}"
    return result.stdout


def build_wheel(tmp_path: Path) -> Path:
    """Build the wheel from a copy of the sources, as from a fresh clone (no venv, no instance, no egg-info)."""
    source = tmp_path / "source"
    shutil.copytree(REPO_ROOT, source, ignore=shutil.ignore_patterns(
        ".git", ".venv", "instance", "build", "dist", "*.egg-info", "__pycache__", ".pytest_cache", "test-results"))
    run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--wheel-dir", str(tmp_path / "dist"), str(source)],
        cwd=tmp_path, timeout=INSTALL_SECONDS)
    (wheel,) = (tmp_path / "dist").glob("factdeck-*.whl")
    return wheel


def test_the_wheel_installs_a_working_app(tmp_path):
    wheel = build_wheel(tmp_path)
    names = set(zipfile.ZipFile(wheel).namelist())
    assert set(RUNTIME_FILES) <= names, f"missing from the wheel: {set(RUNTIME_FILES) - names}"
    assert not any(name.startswith(("tests/", "templates/")) for name in names)

    venv = tmp_path / "venv"
    run([sys.executable, "-m", "venv", str(venv)], cwd=tmp_path)
    run([str(venv / "bin" / "python"), "-m", "pip", "install", "--quiet", str(wheel)], cwd=tmp_path,
        timeout=INSTALL_SECONDS)

    # Far from the repository, with none of its variables: the instance folder is the installed app's own.
    workdir = tmp_path / "elsewhere"
    workdir.mkdir()
    env = {key: value for key, value in os.environ.items()
           if not key.startswith(("FACTDECK_", "PYTHON", "VIRTUAL_ENV"))}
    env["PATH"] = f"{venv / 'bin'}:{env.get('PATH', '')}"
    demo = run([str(venv / "bin" / "flask"), "--app", "app", "demo"], cwd=workdir, env=env)
    assert "teacher@demo.factdeck" in demo
    assert (venv / "var" / "app-instance" / "factdeck.sqlite").exists()
    assert not any(path.name == "instance" for path in (venv / "lib").glob("python*/site-packages/*"))

    port = free_port()
    base = f"http://127.0.0.1:{port}"
    log_path = tmp_path / "server.log"
    with log_path.open("w") as log:
        server = subprocess.Popen([str(venv / "bin" / "gunicorn"), "--bind", f"127.0.0.1:{port}", "app:create_app()"],
                                  cwd=workdir, env=env, stdout=log, stderr=subprocess.STDOUT)
        try:
            wait_until_serving(f"{base}/auth/login", server)
            browser = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
            with browser.open(f"{base}/auth/login", timeout=10) as response:
                login_page = response.read().decode()
            token = CSRF_FIELD.search(login_page).group(1)
            with browser.open(f"{base}/static/factdeck.css", timeout=10) as response:
                assert response.status == 200
            form = urllib.parse.urlencode({"csrf_token": token, "email": "teacher@demo.factdeck",
                                           "password": "factdeck-demo"}).encode()
            with browser.open(f"{base}/auth/login", data=form, timeout=10) as response:
                assert response.status == 200
            with browser.open(f"{base}/sets/", timeout=10) as response:
                sets_page = response.read().decode()
        finally:
            server.terminate()
            server.wait(timeout=10)
    server_log = log_path.read_text()
    assert "Traceback" not in server_log, server_log
    assert "Russian troops leave Karabakh" in sets_page, server_log
