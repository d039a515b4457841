"""Configuration read from the environment, with defaults that need no server."""
from __future__ import annotations

import datetime as dt
import os
import secrets
import tempfile
from pathlib import Path

from app.database import BUSY_TIMEOUT_SECONDS, QueuedWriterConnection


def secret_key(instance_path: str) -> str:
    """Return FACTDECK_SECRET_KEY, or a key generated once and kept in the instance folder.

    Several processes may start at once on an empty instance folder (gunicorn's workers, a ``flask``
    command): each writes a whole key to a file of its own and links it into place, which only the first
    link does; every process then reads that one key, never a half-written file.
    """
    from_env = os.environ.get("FACTDECK_SECRET_KEY")
    if from_env:
        return from_env
    key_file = Path(instance_path) / "secret_key"
    if not key_file.exists():
        key_file.parent.mkdir(parents=True, exist_ok=True)
        descriptor, candidate = tempfile.mkstemp(dir=key_file.parent, prefix=".secret_key-")  # mode 0600
        try:
            with os.fdopen(descriptor, "w") as written:
                written.write(secrets.token_hex(32))
                written.flush()
                os.fsync(written.fileno())
            try:
                os.link(candidate, key_file)
            except FileExistsError:
                pass  # another process was first: its key is the one
        finally:
            os.unlink(candidate)
    key = key_file.read_text().strip()
    if not key:
        raise RuntimeError(f"{key_file} is empty: delete it to have a new key made, or set FACTDECK_SECRET_KEY")
    return key


def database_url(instance_path: str) -> str:
    """Return FACTDECK_DATABASE_URL, or a SQLite file in the instance folder."""
    return os.environ.get("FACTDECK_DATABASE_URL") or f"sqlite:///{Path(instance_path) / 'factdeck.sqlite'}"


def engine_options(url: str) -> dict:
    """Return SQLAlchemy engine options that suit the database the URL names."""
    if url.startswith("sqlite"):
        # Wait for a writer instead of failing at once with "database is locked", queued (app/database.py).
        return {"connect_args": {"timeout": BUSY_TIMEOUT_SECONDS, "factory": QueuedWriterConnection}}
    # No ping before every checkout (a round trip on every request): a connection the server dropped fails
    # its request once, and SQLAlchemy then discards the pool's connections and opens new ones.
    return {"pool_recycle": 1800}


def proxy_count() -> int:
    """Return FACTDECK_PROXIES, the number of reverse proxies in front of the app (0: none, the default)."""
    text = os.environ.get("FACTDECK_PROXIES", "").strip() or "0"
    if not text.isdigit():
        raise ValueError(f"FACTDECK_PROXIES must be a whole number of proxies, not {text!r}")
    return int(text)


def default_config(instance_path: str) -> dict:
    """Return the settings read from the environment; engine options follow the final database URL."""
    return {
        "SECRET_KEY": secret_key(instance_path),
        "SQLALCHEMY_DATABASE_URI": database_url(instance_path),
        "PERMANENT_SESSION_LIFETIME": dt.timedelta(hours=int(os.environ.get("FACTDECK_SESSION_HOURS", "12"))),
        # An unchanged session cookie is signed and sent again at most this often (app/session_cookie.py).
        "SESSION_REFRESH_AFTER": dt.timedelta(minutes=5),
        "SESSION_COOKIE_HTTPONLY": True,
        "SESSION_COOKIE_SAMESITE": "Lax",
        "REMEMBER_COOKIE_DURATION": dt.timedelta(days=14),
        "LOGIN_MAX_DAYS": 30,  # a login ends this long after it began, however active (app/auth/sessions.py)
        "REMEMBER_COOKIE_HTTPONLY": True,
        "REMEMBER_COOKIE_SAMESITE": "Lax",
        # Reverse proxies in front of the app whose X-Forwarded-* headers are trusted (app/security.py).
        "PROXY_COUNT": proxy_count(),
        "BOOTSTRAP_SERVE_LOCAL": True,
        # A request may carry a file somewhat over MAX_IMPORT_BYTES, so the import page can say how big it was.
        "MAX_CONTENT_LENGTH": 16 * 1024 * 1024,
        "MAX_IMPORT_BYTES": 10 * 1024 * 1024,
        "MAX_ARTICLE_BYTES": 1024 * 1024,
        # A pasted article is a form field: let one of up to MAX_ARTICLE_BYTES through (Flask's default is 500 kB).
        "MAX_FORM_MEMORY_SIZE": 2 * 1024 * 1024,
        # Longer articles are turned into questions in a process of their own (app/sets/jobs.py).
        "GENERATION_INLINE_BYTES": 64 * 1024,
        "GENERATION_CPU_SECONDS": int(os.environ.get("FACTDECK_GENERATION_CPU_SECONDS", "60")),
        "GENERATION_MAX_RUNNING": int(os.environ.get("FACTDECK_GENERATION_MAX_RUNNING", "2")),
        "WTF_CSRF_TIME_LIMIT": None,  # a form left open all lesson still posts; the session still expires
        "LOGIN_LIMIT_ENABLED": True,  # failed logins, join codes and sign-ups, see app/auth/throttle.py
        # Who may sign up as a teacher: "open", "code" (whoever types TEACHER_SIGNUP_CODE) or "closed".
        "TEACHER_SIGNUP": os.environ.get("FACTDECK_TEACHER_SIGNUP", "open"),
        "TEACHER_SIGNUP_CODE": os.environ.get("FACTDECK_TEACHER_SIGNUP_CODE", ""),
        "NEW_CARDS_PER_DAY": 20,
        "LOG_LEVEL": os.environ.get("FACTDECK_LOG_LEVEL", "INFO").upper(),  # app/request_log.py
    }
