"""Configuration read from the environment, with defaults that need no server."""
from __future__ import annotations

import datetime as dt
import os
import secrets
from pathlib import Path

from app.database import BUSY_TIMEOUT_SECONDS, QueuedWriterConnection


def secret_key(instance_path: str) -> str:
    """Return FACTDECK_SECRET_KEY, or a key generated once and kept in the instance folder."""
    from_env = os.environ.get("FACTDECK_SECRET_KEY")
    if from_env:
        return from_env
    key_file = Path(instance_path) / "secret_key"
    if not key_file.exists():
        key_file.parent.mkdir(parents=True, exist_ok=True)
        key_file.write_text(secrets.token_hex(32))
        key_file.chmod(0o600)
    return key_file.read_text().strip()


def database_url(instance_path: str) -> str:
    """Return FACTDECK_DATABASE_URL, or a SQLite file in the instance folder."""
    return os.environ.get("FACTDECK_DATABASE_URL") or f"sqlite:///{Path(instance_path) / 'factdeck.sqlite'}"


def engine_options(url: str) -> dict:
    """Return SQLAlchemy engine options that suit the database the URL names."""
    if url.startswith("sqlite"):
        # Wait for a writer instead of failing at once with "database is locked", queued (app/database.py).
        return {"connect_args": {"timeout": BUSY_TIMEOUT_SECONDS, "factory": QueuedWriterConnection}}
    return {"pool_pre_ping": True}


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
        "BOOTSTRAP_SERVE_LOCAL": True,
        # A request may carry a file somewhat over MAX_IMPORT_BYTES, so the import page can say how big it was.
        "MAX_CONTENT_LENGTH": 16 * 1024 * 1024,
        "MAX_IMPORT_BYTES": 10 * 1024 * 1024,
        "MAX_ARTICLE_BYTES": 1024 * 1024,
        # A pasted article is a form field: let one of up to MAX_ARTICLE_BYTES through (Flask's default is 500 kB).
        "MAX_FORM_MEMORY_SIZE": 2 * 1024 * 1024,
        "WTF_CSRF_TIME_LIMIT": None,  # a form left open all lesson still posts; the session still expires
        "LOGIN_LIMIT_ENABLED": True,  # failed logins per address, see app/auth/throttle.py
        "NEW_CARDS_PER_DAY": 20,
    }
