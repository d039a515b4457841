"""Session fixtures every test folder shares: a real PostgreSQL server and the rule for missing system tools."""
from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parent.parent
CORPUS = REPO_ROOT / ".." / "shared" / "corpus"
CHROMIUM = Path("/usr/bin/chromium")
POSTGRES_INSTALL_ROOT = Path("/usr/lib/postgresql")
POSTGRES_TEST_DATABASE = "factdeck_test"
# The Debian package's system account: initdb refuses to run as root.
POSTGRES_SYSTEM_USER = "postgres"
SERVER_START_SECONDS = 60


def running_in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


def require_system_tool(available: bool, reason: str) -> None:
    """Skip the test when a system tool is missing, but fail in CI so a missing install step shows."""
    if available:
        return
    if running_in_ci():
        pytest.fail(f"{reason} (CI is set, so this fails instead of skipping; .ci/run installs it)", pytrace=False)
    pytest.skip(reason)


def free_port() -> int:
    """Return a TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def postgres_bin_dir() -> Path | None:
    """Return the newest installed PostgreSQL server's bin folder (Debian layout), else one on PATH."""
    installed = sorted(
        (path for path in POSTGRES_INSTALL_ROOT.glob("*/bin") if (path / "initdb").exists()),
        key=lambda path: int(path.parent.name) if path.parent.name.isdigit() else 0,
    )
    if installed:
        return installed[-1]
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb and shutil.which("pg_ctl") else None


class PostgresServer:
    """A throwaway PostgreSQL cluster in a temporary folder, listening on 127.0.0.1 only."""

    def __init__(self, bin_dir: Path):
        self.bin_dir = bin_dir
        self.port = free_port()
        self.root = Path(tempfile.mkdtemp(prefix="factdeck-pg-"))
        self.data_dir = self.root / "data"
        self.log_file = self.root / "server.log"
        # As root the server runs as the postgres account, which must own its folders and reach them.
        self.as_postgres = os.geteuid() == 0

    def _run(self, *args: str) -> subprocess.CompletedProcess:
        command = [str(self.bin_dir / args[0]), *args[1:]]
        if self.as_postgres:
            command = ["runuser", "-u", POSTGRES_SYSTEM_USER, "--", *command]
        return subprocess.run(command, capture_output=True, text=True, timeout=SERVER_START_SECONDS,
                              cwd=self.root, check=False)

    def _check(self, result: subprocess.CompletedProcess, what: str) -> None:
        if result.returncode != 0:
            log = self.log_file.read_text() if self.log_file.exists() else ""
            raise RuntimeError(f"PostgreSQL {what} failed ({result.returncode}):\n{result.stdout}\n{result.stderr}\n{log}")

    def start(self) -> None:
        if self.as_postgres:
            self.root.chmod(0o755)
            shutil.chown(self.root, user=POSTGRES_SYSTEM_USER, group=POSTGRES_SYSTEM_USER)
        self._check(self._run("initdb", "--pgdata", str(self.data_dir), "--username", "postgres",
                              "--auth", "trust", "--encoding", "UTF8", "--no-locale", "--no-sync"), "initdb")
        # Durability is irrelevant for a test cluster; fsync off keeps the suite fast on a shared disk.
        options = (f"-p {self.port} -c listen_addresses=127.0.0.1 -k {self.root} "
                   "-c fsync=off -c synchronous_commit=off -c full_page_writes=off")
        self._check(self._run("pg_ctl", "--pgdata", str(self.data_dir), "--log", str(self.log_file),
                              "--options", options, "--wait", "--timeout", str(SERVER_START_SECONDS), "start"),
                    "start")

    def stop(self) -> None:
        if (self.data_dir / "postmaster.pid").exists():
            self._run("pg_ctl", "--pgdata", str(self.data_dir), "--mode", "immediate", "--wait", "stop")
        shutil.rmtree(self.root, ignore_errors=True)

    def url(self, database: str) -> str:
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/{database}"

    def create_database(self, name: str) -> str:
        """Create an empty database and return its SQLAlchemy URL."""
        import psycopg

        with psycopg.connect(f"host=127.0.0.1 port={self.port} user=postgres dbname=postgres",
                             autocommit=True) as connection:
            connection.execute(f'CREATE DATABASE "{name}"')
        return self.url(name)

    def drop_database(self, name: str) -> None:
        import psycopg

        with psycopg.connect(f"host=127.0.0.1 port={self.port} user=postgres dbname=postgres",
                             autocommit=True) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer]:
    """A PostgreSQL server started for this test session and stopped at its end."""
    bin_dir = postgres_bin_dir()
    require_system_tool(bin_dir is not None,
                        "PostgreSQL server binaries not found (apt-get install postgresql)")
    server = PostgresServer(bin_dir)
    try:
        server.start()
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="session")
def postgres_url(postgres_server: PostgresServer) -> str:
    """URL of the session's PostgreSQL test database, ``postgresql+psycopg://postgres@127.0.0.1:PORT/factdeck_test``."""
    return postgres_server.create_database(POSTGRES_TEST_DATABASE)


@pytest.fixture(scope="session")
def chromium_path() -> Path:
    """Debian's Chromium, which the browser tests drive; never a browser Playwright downloads."""
    require_system_tool(CHROMIUM.exists(), f"Chromium not found at {CHROMIUM} (apt-get install chromium)")
    return CHROMIUM


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    """The annotated articles beside the repository; tests that read them skip when it is absent."""
    if not CORPUS.is_dir():
        pytest.skip("../shared/corpus is not beside the repository")
    return CORPUS.resolve()
