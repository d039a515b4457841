"""The signed session cookie, re-signed only when it changed or has aged, not on every request.

Flask re-signs and re-sends a permanent session's cookie with every response so that it expires
after PERMANENT_SESSION_LIFETIME of idleness. Signing costs as much as a small query, and a learner
answering a quiz sends a request every few seconds, so here an unchanged cookie is sent again only
once it is SESSION_REFRESH_AFTER old: the session then expires between the lifetime and the lifetime
less that interval after the last request, never later.
"""
from __future__ import annotations

import datetime as dt

from flask import Flask
from flask.sessions import SecureCookieSession, SecureCookieSessionInterface
from flask.wrappers import Request
from itsdangerous import BadSignature, URLSafeTimedSerializer


class AgedSession(SecureCookieSession):
    """A cookie session that knows when its cookie was signed (None: no valid cookie came in)."""

    signed_at: dt.datetime | None = None


class RefreshWhenAgedSessionInterface(SecureCookieSessionInterface):
    session_class = AgedSession

    def __init__(self) -> None:
        self._serializers: dict[tuple, URLSafeTimedSerializer] = {}

    def get_signing_serializer(self, app: Flask) -> URLSafeTimedSerializer | None:
        """Return the app's serializer, built once per set of keys instead of twice a request."""
        keys = (app.secret_key, *(app.config["SECRET_KEY_FALLBACKS"] or ()))
        if keys not in self._serializers:
            self._serializers[keys] = super().get_signing_serializer(app)
        return self._serializers[keys]

    def open_session(self, app: Flask, request: Request) -> AgedSession | None:
        serializer = self.get_signing_serializer(app)
        if serializer is None:
            return None
        cookie = request.cookies.get(self.get_cookie_name(app))
        if not cookie:
            return self.session_class()
        max_age = int(app.permanent_session_lifetime.total_seconds())
        try:
            data, signed_at = serializer.loads(cookie, max_age=max_age, return_timestamp=True)
        except BadSignature:
            return self.session_class()
        session = self.session_class(data)
        session.signed_at = signed_at
        return session

    def should_set_cookie(self, app: Flask, session: AgedSession) -> bool:
        if session.modified:
            return True
        if not (session.permanent and app.config["SESSION_REFRESH_EACH_REQUEST"]):
            return False
        signed_at = getattr(session, "signed_at", None)
        return signed_at is None or dt.datetime.now(dt.timezone.utc) - signed_at >= app.config["SESSION_REFRESH_AFTER"]
