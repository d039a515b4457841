"""The flashcard session: one card at a time from the learner's queue, revealed, then graded."""
from __future__ import annotations

import datetime as dt

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_login import current_user
from fsrs import Rating

from app.auth.guards import learner_required
from app.models import utcnow
from app.scheduling import format_interval
from app.study import services
from app.validation import database_id, id_argument

bp = Blueprint("study", __name__, url_prefix="/study")


@bp.app_template_global("interval_until")
def interval_until(moment: dt.datetime, now: dt.datetime) -> str:
    """Return how long until ``moment`` as "10 min" or "3 days"."""
    return format_interval(moment - now) if moment > now else "a moment"


@bp.get("/")
@learner_required
def index():
    set_id = id_argument("set_id")
    question_set = services.assigned_set_or_404(current_user, set_id) if set_id is not None else None
    now = utcnow()
    queue = services.study_queue(current_user, now, set_id=set_id)
    card = services.flashcard(current_user, queue.next_question_id, now) if not queue.is_empty else None
    revealed = card is not None and request.args.get("reveal", type=database_id) == card.question.id
    return render_template("study/index.html", queue=queue, card=card, revealed=revealed, now=now,
                           question_set=question_set, submission_id=services.new_submission_id())


@bp.post("/grade")
@learner_required
def grade():
    question_id = request.form.get("question_id", type=database_id)
    rating = request.form.get("rating", type=int)
    submission_id = services.valid_submission_id(request.form.get("submission_id"))
    set_id = request.form.get("set_id", type=database_id)
    if question_id is None or rating not in {int(each) for each in Rating} or submission_id is None:
        abort(400)
    now = utcnow()
    result = services.grade_card(current_user, question_id, Rating(rating), submission_id=submission_id,
                                 duration_ms=services.parse_duration_ms(request.form.get("duration_ms")),
                                 seen_version=request.form.get("seen_version", ""), now=now)
    flash(result.message(now), "success" if result.outcome is services.GradeOutcome.GRADED else "info")
    return redirect(url_for("study.index", set_id=set_id))
