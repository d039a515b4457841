"""The front page."""
from __future__ import annotations

from flask import Blueprint, render_template
from flask_login import current_user

from app.home.services import learner_overview, teacher_overview

bp = Blueprint("home", __name__)


@bp.get("/")
def index():
    if not current_user.is_authenticated:
        return render_template("home/index.html")
    if current_user.is_teacher:
        return render_template("home/teacher.html", overview=teacher_overview(current_user))
    return render_template("home/learner.html", overview=learner_overview(current_user))
