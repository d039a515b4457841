"""Slowing down password guessing: failed logins per client address, counted in a moving window.

Only the login form is limited, so the check lives there instead of in a hook that every request
pays for. By default counts are kept in memory, per application and process: with several workers a
guesser gets each worker's allowance, which still bounds guessing to a few hundred passwords an hour.
``LOGIN_LIMIT_STORAGE`` (``FACTDECK_LOGIN_LIMIT_STORAGE``) names a shared `limits` storage instead, such
as ``redis://host:6379``, so that several app servers count against one allowance.
"""
from __future__ import annotations

from flask import Flask, current_app, request
from limits import parse_many
from limits.storage import storage_from_string
from limits.strategies import MovingWindowRateLimiter

FAILED_LOGIN_LIMITS = parse_many("10 per minute; 50 per hour")
_EXTENSION = "failed_logins"


def init_app(app: Flask) -> None:
    storage = storage_from_string(app.config.get("LOGIN_LIMIT_STORAGE", "memory://"))
    app.extensions[_EXTENSION] = MovingWindowRateLimiter(storage)


def _limiter() -> MovingWindowRateLimiter | None:
    if not current_app.config.get("LOGIN_LIMIT_ENABLED", True):
        return None
    return current_app.extensions[_EXTENSION]


def _client_key() -> str:
    return f"failed-login:{request.remote_addr or 'unknown'}"


def too_many_failed_logins() -> bool:
    """Return whether this client has used up an allowance of failed logins."""
    limiter = _limiter()
    return limiter is not None and not all(limiter.test(limit, _client_key()) for limit in FAILED_LOGIN_LIMITS)


def count_failed_login() -> None:
    limiter = _limiter()
    if limiter is not None:
        for limit in FAILED_LOGIN_LIMITS:
            limiter.hit(limit, _client_key())
