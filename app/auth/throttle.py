"""Slowing down guessing: failed logins, failed join codes and sign-ups, counted in the database.

Every worker and machine shares the counts (the ``failed_attempt`` table), each key in a moving
window. Failed logins are counted per account and per client address, but a browser that has
logged in to the account before carries a signed device cookie and is counted on its own (OWASP's
"device cookies"): someone guessing an account, or making many bad logins from a school's one proxy
address, locks out only browsers that never logged in as that account, never everyone behind the proxy.
"""
from __future__ import annotations

import datetime as dt
import secrets
from dataclasses import dataclass

from flask import Flask, current_app, request
from itsdangerous import BadSignature, URLSafeSerializer
from sqlalchemy import delete, func, select

from app.database import begin_write
from app.extensions import db
from app.models import FailedAttempt, utcnow

DEVICE_COOKIE = "factdeck_device"
DEVICE_COOKIE_DAYS = 365


@dataclass(frozen=True)
class Limit:
    attempts: int
    window: dt.timedelta


ACCOUNT = Limit(10, dt.timedelta(minutes=15))  # failed logins to one account from browsers it never used
DEVICE = Limit(10, dt.timedelta(minutes=15))  # failed logins from a browser that logged in to the account before
ADDRESS = Limit(100, dt.timedelta(minutes=15))  # failed logins from one address (a school's proxy is one)
SIGNUP_ADDRESS = Limit(60, dt.timedelta(hours=1))  # sign-ups from one address: a class signs up together
JOIN_ACCOUNT = Limit(10, dt.timedelta(minutes=15))  # wrong join codes typed by one learner
JOIN_ADDRESS = Limit(100, dt.timedelta(minutes=15))
_LONGEST = dt.timedelta(hours=1)


def init_app(app: Flask) -> None:
    app.config.setdefault("LOGIN_LIMIT_ENABLED", True)


def _enabled() -> bool:
    return current_app.config["LOGIN_LIMIT_ENABLED"]


def _address() -> str:
    return f"address:{request.remote_addr or 'unknown'}"


def _over(key: str, limit: Limit) -> bool:
    since = utcnow() - limit.window
    count = db.session.execute(select(func.count()).select_from(FailedAttempt)
                               .where(FailedAttempt.key == key, FailedAttempt.at > since)).scalar_one()
    return count >= limit.attempts


def _count(*keys: str) -> None:
    """Record one attempt against each key, and forget attempts older than every window."""
    now = utcnow()
    begin_write()
    db.session.execute(delete(FailedAttempt).where(FailedAttempt.at < now - _LONGEST))
    db.session.add_all(FailedAttempt(key=key[:320], at=now) for key in keys)
    db.session.commit()


# --- logins -------------------------------------------------------------------------------------------------


def _device_serializer() -> URLSafeSerializer:
    return URLSafeSerializer(current_app.secret_key, salt="factdeck-device")


def _device_of(email: str) -> str | None:
    """Return this browser's device id if its device cookie is for this account, else None."""
    cookie = request.cookies.get(DEVICE_COOKIE)
    if not cookie:
        return None
    try:
        data = _device_serializer().loads(cookie)
    except BadSignature:
        return None
    if not isinstance(data, dict) or data.get("email") != email or not isinstance(data.get("device"), str):
        return None
    return data["device"]


def _login_keys(email: str) -> list[tuple[str, Limit]]:
    device = _device_of(email)
    if device is not None:
        return [(f"device:{device}", DEVICE)]
    return [(f"account:{email}", ACCOUNT), (_address(), ADDRESS)]


def too_many_failed_logins(email: str) -> bool:
    """Return whether logins to this account (normalised email) from this browser must wait."""
    return _enabled() and any(_over(key, limit) for key, limit in _login_keys(email))


def count_failed_login(email: str) -> None:
    if _enabled():
        _count(*(key for key, _limit in _login_keys(email)))


def remember_device(response, email: str) -> None:
    """Give the browser that just logged in a device cookie for the account, kept if it had one."""
    device = _device_of(email) or secrets.token_urlsafe(16)
    response.set_cookie(DEVICE_COOKIE, _device_serializer().dumps({"email": email, "device": device}),
                        max_age=DEVICE_COOKIE_DAYS * 24 * 3600, httponly=True, samesite="Lax",
                        secure=bool(current_app.config.get("SESSION_COOKIE_SECURE")),
                        path="/auth/")


# --- sign-ups and join codes -------------------------------------------------------------------------------


def too_many_signups() -> bool:
    return _enabled() and _over(f"signup:{_address()}", SIGNUP_ADDRESS)


def count_signup() -> None:
    if _enabled():
        _count(f"signup:{_address()}")


def too_many_failed_joins(learner_id: int) -> bool:
    return _enabled() and (_over(f"join:account:{learner_id}", JOIN_ACCOUNT)
                           or _over(f"join:{_address()}", JOIN_ADDRESS))


def count_failed_join(learner_id: int) -> None:
    if _enabled():
        _count(f"join:account:{learner_id}", f"join:{_address()}")
