"""A quiz answer sent after the login expired: kept in the new session, offered again on the question after log-in."""
from __future__ import annotations

from flask import Request, flash, jsonify, redirect, session, url_for

# As long as a quiz response may be (app.quiz.services.MAX_RESPONSE); this module stays outside the quiz package so
# that the error handlers can use it without importing the quiz's views.
MAX_RESPONSE = 2000

_KEY = "kept_answer"
MESSAGE = "Your login expired before your answer was sent. Log in again: your answer is kept and waits on the question."


def wants_json(request: Request) -> bool:
    """Whether the request asks for JSON, as the quiz page's script does."""
    return request.accept_mimetypes.best_match(("text/html", "application/json")) == "application/json"


def is_quiz_answer(request: Request) -> bool:
    return request.endpoint == "quiz.answer" and request.method == "POST"


def keep_and_ask_to_log_in(request: Request, *, wants_json: bool):
    """Keep the posted answer in the (new) session and send the learner to log in, then back to the question.

    Only the attempt, the question and the response are kept: after log-in the answer is sent again from
    the question's page by the learner, with a fresh form, so every check an answer passes still applies.
    """
    attempt_id = (request.view_args or {}).get("attempt_id")
    question_id = request.form.get("question_id", type=int)
    if attempt_id is not None and question_id is not None:
        session[_KEY] = {"attempt_id": attempt_id, "question_id": question_id,
                         "response": request.form.get("response", "")[:MAX_RESPONSE]}
    next_url = url_for("quiz.question", attempt_id=attempt_id) if attempt_id is not None else url_for("home.index")
    login_url = url_for("auth.login", next=next_url)
    if wants_json:
        response = jsonify({"error": MESSAGE, "login_url": login_url})
        response.status_code = 401
        response.vary.add("Accept")
        return response
    flash(MESSAGE, "warning")
    return redirect(login_url)


def take_kept_answer(attempt_id: int, question_id: int) -> str | None:
    """Return the kept response if it was for this question of this attempt, and forget it; None otherwise."""
    kept = session.get(_KEY)
    if not isinstance(kept, dict) or kept.get("attempt_id") != attempt_id:
        return None
    session.pop(_KEY, None)
    if kept.get("question_id") != question_id:
        return None  # the question was answered meanwhile (another tab): nothing to offer
    response = kept.get("response")
    return response if isinstance(response, str) else None
