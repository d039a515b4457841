"""The learner's progress page: mastery and scores per set, activity over time, the streak, the week ahead."""
from __future__ import annotations

from flask import Blueprint, render_template
from flask_login import current_user

from app.auth.guards import learner_required
from app.models import utcnow
from app.progress import charts, services

bp = Blueprint("progress", __name__, url_prefix="/progress")


def _short_day(day) -> str:
    return f"{day.day} {day:%b}"


@bp.get("/")
@learner_required
def index():
    now = utcnow()
    progress = services.learner_progress(current_user, now)
    labels = [_short_day(day.day) for day in progress.days]
    upcoming_labels = ["Today" if index == 0 else f"{day.day:%a} {_short_day(day.day)}"
                       for index, day in enumerate(progress.upcoming)]
    return render_template(
        "progress/index.html", progress=progress, now=now, upcoming_labels=upcoming_labels,
        reviews_chart=charts.reviews_chart(labels, [day.reviews for day in progress.days]),
        accuracy_chart=charts.accuracy_chart(labels, [day.accuracy for day in progress.days]),
        upcoming_chart=charts.upcoming_chart(upcoming_labels, [day.due for day in progress.upcoming]))
