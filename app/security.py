"""Response headers that keep pages from being framed, sniffed or scripted, and TLS behind a proxy.

Every response gets a Content-Security-Policy that allows scripts from the app's own files only (the
templates carry no inline script or on*= handler; app/static/factdeck.js does that work), refuses to be
framed, and stops MIME sniffing and cross-site referrers. Over TLS, cookies are marked Secure and
browsers are told to keep to HTTPS. Behind FACTDECK_PROXIES reverse proxies, Werkzeug's ProxyFix takes
the client's address, scheme and host from the X-Forwarded-* headers those proxies set, and from no one else.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable

from flask import Flask, Response, request
from werkzeug.middleware.proxy_fix import ProxyFix

# Inline styles stay allowed: Bootstrap's progress bars and pygal's SVG charts are drawn with them, and
# a style cannot run code. Bootstrap draws its small icons as data: images.
CONTENT_SECURITY_POLICY = "; ".join((
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
))
HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Frame-Options": "DENY",  # frame-ancestors for browsers that predate it
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "Cross-Origin-Opener-Policy": "same-origin",
}
STRICT_TRANSPORT_SECURITY = "max-age=31536000"  # a year; sent only over TLS, as browsers ignore it otherwise


def init_app(app: Flask) -> None:
    """Add the headers to every response; trust the configured number of proxies; Secure cookies over TLS."""
    app.after_request(add_security_headers)
    wsgi_app = SecureCookiesOverTLS(app.wsgi_app)
    proxies = app.config["PROXY_COUNT"]
    if proxies:
        wsgi_app = ProxyFix(wsgi_app, x_for=proxies, x_proto=proxies, x_host=proxies, x_port=proxies)
    app.wsgi_app = wsgi_app


_HEADER_LIST = list(HEADERS.items())


def add_security_headers(response: Response) -> Response:
    # One look-up and one extend rather than a setdefault each: this runs on every answer of a quiz.
    if "Content-Security-Policy" not in response.headers:
        response.headers.extend(_HEADER_LIST)
    if request.is_secure and "Strict-Transport-Security" not in response.headers:
        response.headers["Strict-Transport-Security"] = STRICT_TRANSPORT_SECURITY
    return response


class SecureCookiesOverTLS:
    """WSGI middleware: over HTTPS, every cookie the app sets (session, remember-me) is marked Secure.

    Deciding per request, rather than with a setting, keeps a plain-HTTP development server usable while
    a deployment behind a TLS proxy never sends its cookies in the clear; it covers the cookies Flask and
    Flask-Login set alike, whatever order their response hooks run in.
    """

    def __init__(self, wsgi_app: Callable):
        self.wsgi_app = wsgi_app

    def __call__(self, environ: dict, start_response: Callable) -> Iterable[bytes]:
        if environ.get("wsgi.url_scheme") != "https":
            return self.wsgi_app(environ, start_response)

        def start_secure_response(status: str, headers: list[tuple[str, str]], exc_info=None):
            return start_response(status, [_secure(name, value) for name, value in headers], exc_info)

        return self.wsgi_app(environ, start_secure_response)


def _secure(name: str, value: str) -> tuple[str, str]:
    if name.lower() != "set-cookie":
        return name, value
    attributes = {part.strip().lower() for part in value.split(";")[1:]}
    return name, value if "secure" in attributes else f"{value}; Secure"
