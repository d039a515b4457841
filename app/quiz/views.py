"""Quiz pages: start or resume an attempt, answer its questions one at a time, see the score."""
from __future__ import annotations

from flask import Blueprint, abort, flash, jsonify, make_response, redirect, render_template, request, url_for
from flask_login import current_user
from werkzeug.exceptions import HTTPException

from app.auth.guards import claimed_learner_id, claimed_login_token, learner_required, require_learner
from app.auth.sessions import CheckedLearner, note_checked_login
from app.errors import Invalid
from app.models import Attempt, utcnow
from app.ownership import owned_or_404
from app import kept_answer as kept
from app.quiz import services
from app.study.services import new_submission_id, parse_duration_ms, valid_submission_id
from app.validation import database_id

bp = Blueprint("quiz", __name__, url_prefix="/quiz")


@bp.post("/sets/<int:set_id>/start")
def start(set_id: int):
    """Start or resume an attempt; the learner is known by the session's id, as when answering.

    Only a learner enrolled where the set is assigned gets an attempt; for anyone else the full guard of
    ``learner_required`` decides (the login page, 403 for a teacher) before a learner is told 404.
    """
    try:
        started = services.start_attempt(claimed_learner_id(), set_id, utcnow())
    except services.SetNotAssigned:
        require_learner()  # a teacher is told 403, a visitor sent to log in; a learner 404 by the handler
        raise
    except (services.EmptySetError, services.QuizClosed) as err:
        flash(str(err), "warning")
        return redirect(url_for("home.index"))
    if started.resumed:
        flash("Your quiz continues where you left off.", "info")
    else:
        limit = f" You have {started.time_limit_minutes} minutes." if started.time_limit_minutes else ""
        late = " It is past the due date, so your teacher will see this attempt as late." if started.late else ""
        flash(f"Quiz started: {started.question_count} questions.{limit}{late} Good luck!", "info")
    return redirect(url_for("quiz.question", attempt_id=started.attempt_id))


@bp.get("/<int:attempt_id>")
@learner_required
def question(attempt_id: int):
    step = services.next_step(current_user.id, attempt_id, utcnow())
    if step is None:
        return redirect(url_for("quiz.result", attempt_id=attempt_id))
    return render_template("quiz/question.html", step=step, submission_id=new_submission_id(),
                           kept_response=kept.take_kept_answer(attempt_id, step.question.id),
                           blank_feedback=services.Feedback(services.AnswerStatus.ANSWERED, attempt_id))


@bp.post("/<int:attempt_id>/answer")
def answer(attempt_id: int):
    """Store one answer and show the feedback: a page, or JSON for the quiz page's script (Accept: application/json).

    This is the request a class sends most, so the account is not loaded: the answer's own read checks that
    the signed session's login still exists and owns the attempt, and only a learner has attempts (the page's
    menu shows the learner as that read found them). When that check fails, or the session holds no login,
    the full guard of ``learner_required`` decides (the login page, 403 for a teacher), and only then is a
    learner told there is no such question.
    """
    wants_json = kept.wants_json(request)
    try:
        login_token = claimed_login_token()
        question_id = request.form.get("question_id", type=database_id)
        submission_id = valid_submission_id(request.form.get("submission_id"))
        if question_id is None or submission_id is None:
            require_learner()  # a teacher is told 403 whatever the form says
            abort(400)
        try:
            feedback = services.submit_answer(
                login_token, attempt_id, question_id, request.form.get("response", ""), submission_id=submission_id,
                duration_ms=parse_duration_ms(request.form.get("duration_ms")), now=utcnow())
        except services.NotInYourQuiz:
            require_learner()
            abort(404)
        except Invalid as error:  # a form already used for another question
            abort(400, str(error))
        note_checked_login(CheckedLearner(login_token, feedback.learner_id, feedback.learner_name))
    except HTTPException as error:
        if error.response is not None and not current_user.is_authenticated:  # logged out: keep the answer
            return kept.keep_and_ask_to_log_in(request, wants_json=wants_json)
        if not wants_json or error.response is not None:  # a response of its own: the login page
            raise
        return _json_reply({"error": _JSON_ERRORS.get(error.code, error.name)}, error.code)
    status = {services.AnswerStatus.WITHDRAWN: 410, services.AnswerStatus.TIME_UP: 409}.get(feedback.status, 200)
    if wants_json:
        return _json_reply(_feedback_json(feedback), status)
    page = make_response(render_template("quiz/answer.html", feedback=feedback), status)
    page.vary.add("Accept")
    return page


_JSON_ERRORS = {
    400: "This answer form is not valid. Reload the page and try again: nothing was saved.",
    404: "There is no such question in your quiz.",
}


def _feedback_json(feedback: services.Feedback) -> dict:
    """Return what the quiz page's script shows of the feedback; ``source_html`` is escaped already."""
    finished = feedback.finished
    hidden = feedback.hides_verdict  # feedback at the end: nothing of right or wrong before the score page
    return {
        "status": "saved" if hidden else feedback.status.value, "heading": feedback.heading,
        "message": feedback.message, "prompt": feedback.prompt, "response": feedback.response,
        "correct": None if hidden else feedback.correct, "right_answer": "" if hidden else feedback.right_answer,
        "source_html": "" if hidden else str(feedback.source), "finished": finished,
        "next_url": url_for("quiz.result" if finished else "quiz.question", attempt_id=feedback.attempt_id),
        "next_label": "See your score" if finished else "Next question",
    }


def _json_reply(body: dict, status: int):
    response = jsonify(body)
    response.status_code = status
    response.vary.add("Accept")  # the same URL answers with a page or, asked for it, with JSON
    return response


@bp.get("/<int:attempt_id>/result")
@learner_required
def result(attempt_id: int):
    attempt = owned_or_404(Attempt, attempt_id, current_user)
    return render_template("quiz/result.html", result=services.attempt_result(attempt))
