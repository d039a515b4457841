"""Teachers' reports: classes × sets, a class's table for one set, a learner's page, item analysis, CSVs."""
from __future__ import annotations

import math

import pygal
from flask import Blueprint, render_template, request
from flask_login import current_user
from markupsafe import Markup

from app.auth.guards import teacher_required
from app.models import utcnow
from app.reports import services
from app.reports.exports import csv_response, export_filename
from app.validation import id_argument

bp = Blueprint("reports", __name__, url_prefix="/reports")


@bp.app_template_filter("report_percent")
def report_percent(value: float | None, scale: float = 1.0) -> str:
    """Format a share (``scale=1``: 0–1; ``scale=100``: already a percentage) as "85 %", or a dash."""
    return "–" if value is None else f"{value * 100 / scale:.0f}\u00a0%"  # no line break before the sign


@bp.get("/")
@teacher_required
def index():
    return render_template("reports/index.html", classes=services.overview(current_user, utcnow()), now=utcnow())


@bp.get("/classes/<int:classroom_id>/sets/<int:set_id>")
@teacher_required
def class_set(classroom_id: int, set_id: int):
    sort = request.args.get("sort", "name")
    sort = sort if sort in services.SORT_KEYS else "name"
    descending = request.args.get("order") == "desc"
    report = services.class_set_report(current_user, classroom_id, set_id, utcnow(), sort=sort, descending=descending)
    return render_template("reports/class_set.html", report=report, sort=sort, descending=descending)


def _reviews_chart(report: services.LearnerReport) -> Markup:
    busiest = max(day.total for day in report.reviews_by_day)
    step = max(1, math.ceil(busiest / 5))
    chart = pygal.StackedBar(height=260, width=800, show_legend=True, legend_at_bottom=True, truncate_label=-1,
                             show_minor_x_labels=False, js=[], disable_xml_declaration=True, explicit_size=False,
                             y_labels=list(range(0, busiest + step, step)), title="Reviews per day, last 30 days")
    chart.x_labels = [f"{day.day.day} {day.day:%b}" for day in report.reviews_by_day]
    chart.x_labels_major = chart.x_labels[::7]
    chart.add("Flashcards", [day.flashcard for day in report.reviews_by_day])
    chart.add("Quiz answers", [day.quiz for day in report.reviews_by_day])
    # pygal's SVG escapes every label it draws; it is built from our own numbers and dates only.
    return Markup(chart.render(is_unicode=True))


@bp.get("/classes/<int:classroom_id>/learners/<int:learner_id>")
@teacher_required
def learner(classroom_id: int, learner_id: int):
    report = services.learner_report(current_user, classroom_id, learner_id, utcnow())
    chart = _reviews_chart(report) if report.reviews_total else None
    return render_template("reports/learner.html", report=report, chart=chart)


@bp.get("/sets/<int:set_id>/items")
@teacher_required
def item_analysis(set_id: int):
    report = services.item_analysis(current_user, set_id, id_argument("classroom_id"),
                                    page=request.args.get("page", 1, type=int))
    return render_template("reports/item_analysis.html", report=report)


@bp.get("/classes/<int:classroom_id>/grades.csv", defaults={"set_id": None})
@bp.get("/classes/<int:classroom_id>/sets/<int:set_id>/grades.csv")
@teacher_required
def grades_csv(classroom_id: int, set_id: int | None):
    now = utcnow()
    classroom, question_set, rows = services.grade_rows(current_user, classroom_id, set_id, now)
    filename = export_filename("grades", classroom.name, question_set.title if question_set else None, now.date())
    return csv_response(services.GRADE_COLUMNS, rows, filename)


@bp.get("/classes/<int:classroom_id>/answers.csv", defaults={"set_id": None})
@bp.get("/classes/<int:classroom_id>/sets/<int:set_id>/answers.csv")
@teacher_required
def answers_csv(classroom_id: int, set_id: int | None):
    classroom, question_set, rows = services.answer_rows(current_user, classroom_id, set_id)
    filename = export_filename("answers", classroom.name, question_set.title if question_set else None, utcnow().date())
    return csv_response(services.ANSWER_COLUMNS, rows, filename)
