"""Security headers on every response of every route, no inline script anywhere, and TLS behind a proxy."""
from __future__ import annotations

import re
from dataclasses import dataclass

import pytest
from flask import request, url_for

from app import create_app
from app.demo import DEMO_LEARNER_EMAIL, DEMO_PASSWORD, DEMO_TEACHER_EMAIL, seed_demo
from app.extensions import db
from app.models import Attempt, GenerationJob, JobKind, JobStatus, Question, Role, utcnow
from app.security import CONTENT_SECURITY_POLICY
from tests.web.conftest import csrf_token, log_in, make_user, post_form

INLINE_SCRIPT = re.compile(r"<script\b(?![^>]*\bsrc=)[^>]*>", re.IGNORECASE)
EVENT_HANDLER = re.compile(r"<[^>]*\son[a-z]+\s*=", re.IGNORECASE)
JAVASCRIPT_URL = re.compile(r"""(?:href|src|action)\s*=\s*["']?\s*javascript:""", re.IGNORECASE)
# Arguments a rule may take, filled in from the demo data (or a fixed value for static files).
STATIC_FILES = {"static": "factdeck.js", "bootstrap.static": "css/bootstrap.min.css"}


@dataclass(frozen=True)
class DemoIds:
    values: dict[str, int]  # a rule's argument name (set_id, ...) -> an id of the demo's


def check_headers(response, secure: bool = False) -> list[str]:
    """Return what is missing or wrong in a response's security headers."""
    headers = response.headers
    expected = {
        "Content-Security-Policy": CONTENT_SECURITY_POLICY,
        "X-Content-Type-Options": "nosniff",
        "X-Frame-Options": "DENY",
        "Referrer-Policy": "same-origin",
    }
    problems = [f"{name}: {headers.get(name)!r}" for name, value in expected.items() if headers.get(name) != value]
    if ("Strict-Transport-Security" in headers) != secure:
        problems.append(f"Strict-Transport-Security: {headers.get('Strict-Transport-Security')!r}")
    return problems


def check_page(response) -> list[str]:
    """Return the inline scripts, on*= handlers and javascript: URLs an HTML page carries."""
    if response.mimetype != "text/html":
        return []
    page = response.get_data(as_text=True)
    return [f"inline: {found}" for pattern in (INLINE_SCRIPT, EVENT_HANDLER, JAVASCRIPT_URL)
            for found in pattern.findall(page)]


def test_the_policy_allows_no_inline_script_and_no_framing():
    directives = dict(part.strip().split(" ", 1) for part in CONTENT_SECURITY_POLICY.split(";"))
    assert directives["script-src"] == "'self'"
    assert "unsafe-inline" not in directives["script-src"] and "unsafe-eval" not in CONTENT_SECURITY_POLICY
    assert directives["frame-ancestors"] == "'none'"
    assert directives["object-src"] == "'none'"


@pytest.fixture()
def demo(app):
    """The demo teacher, learner, class and published set, and a quiz attempt of the learner's."""
    with app.app_context():
        data = seed_demo()
        question = db.session.execute(db.select(Question).filter_by(set_id=data.question_set.id)
                                      .order_by(Question.id)).scalars().first()
        # A long article's questions being made: its page shows the progress with its script.
        job = GenerationJob(owner_id=data.teacher.id, kind=JobKind.REGENERATE, set_id=data.question_set.id,
                            status=JobStatus.RUNNING, started_at=utcnow(), article_bytes=500_000)
        db.session.add(job)
        db.session.commit()
        ids = {"set_id": data.question_set.id, "classroom_id": data.classroom.id, "learner_id": data.learner.id,
               "assignment_id": data.assignment.id, "question_id": question.id, "job_id": job.id,
               "format_name": "gift"}
    client = app.test_client()
    log_in(client, DEMO_LEARNER_EMAIL, DEMO_PASSWORD)
    post_form(client, f"/quiz/sets/{ids['set_id']}/start", {}, form_page="/")
    with app.app_context():
        ids["attempt_id"] = db.session.execute(db.select(Attempt.id)).scalar_one()
    return DemoIds(ids)


def urls(app, demo: DemoIds) -> list[tuple[str, str]]:
    """Return (method, URL) for every rule and method of the app, its arguments taken from the demo."""
    found = []
    for rule in app.url_map.iter_rules():
        arguments = {name: STATIC_FILES[rule.endpoint] if name == "filename" else demo.values[name]
                     for name in rule.arguments}
        with app.test_request_context():
            url = url_for(rule.endpoint, **arguments)
        found += [(method, url) for method in sorted(rule.methods - {"HEAD", "OPTIONS"})]
    return found


@pytest.mark.parametrize("who", ["nobody", "teacher", "learner"])
def test_every_route_sends_the_headers_and_no_inline_script(app, demo, who):
    client = app.test_client()
    if who != "nobody":
        log_in(client, {"teacher": DEMO_TEACHER_EMAIL, "learner": DEMO_LEARNER_EMAIL}[who], DEMO_PASSWORD)
    problems, statuses = [], set()
    routes = urls(app, demo)
    assert len(routes) >= 50
    for method, url in routes:
        with client.open(url, method=method) as response:  # a POST without a CSRF token is refused with a page
            statuses.add(response.status_code)
            problems += [f"{method} {url} ({response.status_code}): {problem}"
                         for problem in check_headers(response) + check_page(response)]
    assert problems == []
    assert 200 in statuses and 400 in statuses  # real pages and refused forms were both checked


def test_error_pages_and_static_files_send_the_headers(client):
    for url in ("/no-such-page", "/static/factdeck.js", "/static/no-such-file.js", "/bootstrap/static/js/bootstrap.min.js"):
        with client.get(url) as response:
            assert check_headers(response) == [], url


def proxied_app(tmp_path, proxies: int):
    app = create_app({"TESTING": True, "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'proxy.sqlite'}",
                      "SECRET_KEY": "test-secret", "LOGIN_LIMIT_ENABLED": False, "PROXY_COUNT": proxies})
    with app.app_context():
        db.create_all()
    return app


def set_cookies(response) -> dict[str, str]:
    return {value.split("=", 1)[0]: value for value in response.headers.getlist("Set-Cookie")}


def log_in_remembered(client, **kwargs):
    token = csrf_token(client)
    return client.post("/auth/login", data={"csrf_token": token, "email": "teacher@example.org",
                                            "password": "correct horse battery", "remember": "y"}, **kwargs)


@pytest.mark.parametrize(("proxies", "forwarded_proto", "secure"), [
    (0, None, False),          # plain HTTP, no proxy: cookies must work over http://
    (0, "https", False),       # a forged header is ignored when no proxy is configured
    (1, "https", True),        # the TLS proxy says the client used HTTPS
    (1, "http", False),
])
def test_cookies_are_secure_and_hsts_is_sent_over_tls_behind_a_proxy(tmp_path, proxies, forwarded_proto, secure):
    app = proxied_app(tmp_path, proxies)
    make_user(app, role=Role.TEACHER, email="teacher@example.org")
    client = app.test_client()
    headers = {"X-Forwarded-Proto": forwarded_proto, "X-Forwarded-For": "203.0.113.9"} if forwarded_proto else {}
    # A browser sends the page's address along with a form; over HTTPS Flask-WTF checks it is this site.
    headers["Referer"] = f"{forwarded_proto or 'http'}://localhost/auth/login"
    client.environ_base.update({f"HTTP_{name.upper().replace('-', '_')}": value for name, value in headers.items()})
    response = log_in_remembered(client)
    assert response.status_code == 302
    cookies = set_cookies(response)
    assert {"session", "remember_token"} <= set(cookies)
    for name, cookie in cookies.items():
        attributes = [part.strip().lower() for part in cookie.split(";")[1:]]
        assert ("secure" in attributes) == secure, cookie
        assert "httponly" in attributes, cookie
        assert "samesite=lax" in attributes, cookie
    assert check_headers(response, secure=secure) == []
    assert check_headers(client.get("/"), secure=secure) == []


def test_a_direct_https_request_gets_hsts_and_secure_cookies(client):
    response = client.get("/auth/login", base_url="https://localhost")
    assert check_headers(response, secure=True) == []
    assert all("; Secure" in cookie for cookie in response.headers.getlist("Set-Cookie"))


def test_behind_a_proxy_the_client_address_is_the_forwarded_one(tmp_path):
    app = proxied_app(tmp_path, 1)
    seen = []
    app.before_request(lambda: seen.append((request.remote_addr, request.host)))
    app.test_client().get("/", headers={"X-Forwarded-For": "198.51.100.7", "X-Forwarded-Host": "factdeck.school.example"})
    assert seen == [("198.51.100.7", "factdeck.school.example")]
