"""Teachers' class pages, and the page where a learner joins a class with its code."""
from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_login import current_user

from app.auth import throttle
from app.auth.guards import learner_required, teacher_required
from app.classes import services
from app.classes.forms import JoinClassroomForm, NewClassroomForm, RenameClassroomForm
from app.models import Classroom, utcnow
from app.ownership import owned_or_404

bp = Blueprint("classes", __name__, url_prefix="/classes")


@bp.app_template_filter("join_code")
def join_code_filter(code: str) -> str:
    return services.format_join_code(code)


@bp.get("/")
@teacher_required
def index():
    summaries = services.classroom_summaries(current_user)
    return render_template("classes/index.html",
                           active=[summary for summary in summaries if not summary.is_archived],
                           archived=[summary for summary in summaries if summary.is_archived], now=utcnow())


@bp.route("/new", methods=["GET", "POST"])
@teacher_required
def new():
    form = NewClassroomForm()
    if form.validate_on_submit():
        try:
            classroom = services.create_classroom(current_user, form.name.data)
        except services.ClassroomError as err:
            form.name.errors.append(str(err))
        else:
            flash(f"Created “{classroom.name}”. Give your learners the join code "
                  f"{services.format_join_code(classroom.join_code)}.", "success")
            return redirect(url_for("classes.detail", classroom_id=classroom.id))
    return render_template("classes/new.html", form=form), 400 if form.errors else 200


@bp.get("/<int:classroom_id>")
@teacher_required
def detail(classroom_id: int):
    classroom = owned_or_404(Classroom, classroom_id, current_user)
    return render_template("classes/detail.html", classroom=classroom, now=utcnow(),
                           enrollments=services.roster(classroom),
                           assignments=services.classroom_assignments(classroom))


@bp.route("/<int:classroom_id>/rename", methods=["GET", "POST"])
@teacher_required
def rename(classroom_id: int):
    classroom = owned_or_404(Classroom, classroom_id, current_user)
    form = RenameClassroomForm(obj=classroom)
    if form.validate_on_submit():
        try:
            services.rename_classroom(classroom, form.name.data)
        except services.ArchivedClassroomError as err:
            flash(str(err), "warning")
            return redirect(url_for("classes.detail", classroom_id=classroom.id))
        except services.ClassroomError as err:
            form.name.errors.append(str(err))
        else:
            flash(f"Renamed the class to “{classroom.name}”.", "success")
            return redirect(url_for("classes.detail", classroom_id=classroom.id))
    return render_template("classes/rename.html", form=form, classroom=classroom), 400 if form.errors else 200


@bp.post("/<int:classroom_id>/archive")
@teacher_required
def archive(classroom_id: int):
    classroom = services.archive_classroom(owned_or_404(Classroom, classroom_id, current_user))
    flash(f"Archived “{classroom.name}”. Its roster and results are kept; learners can no longer join it.", "success")
    return redirect(url_for("classes.index"))


@bp.post("/<int:classroom_id>/unarchive")
@teacher_required
def unarchive(classroom_id: int):
    classroom = services.unarchive_classroom(owned_or_404(Classroom, classroom_id, current_user))
    flash(f"Restored “{classroom.name}”. Learners can join it again with its code.", "success")
    return redirect(url_for("classes.detail", classroom_id=classroom.id))


@bp.post("/<int:classroom_id>/join-code")
@teacher_required
def regenerate_code(classroom_id: int):
    classroom = owned_or_404(Classroom, classroom_id, current_user)
    try:
        classroom = services.regenerate_join_code(classroom)
    except services.ClassroomError as err:
        flash(str(err), "warning")
    else:
        flash(f"The new join code is {services.format_join_code(classroom.join_code)}; the old one no longer works. "
              "Learners already in the class stay.", "success")
    return redirect(url_for("classes.detail", classroom_id=classroom.id))


@bp.post("/<int:classroom_id>/learners/<int:learner_id>/remove")
@teacher_required
def remove_learner(classroom_id: int, learner_id: int):
    classroom = owned_or_404(Classroom, classroom_id, current_user)
    try:
        learner = services.remove_learner(classroom, learner_id)
    except services.ClassroomError as err:
        flash(str(err), "warning")
    else:
        flash(f"Removed {learner.name} from “{classroom.name}”. Their past answers are kept.", "success")
    return redirect(url_for("classes.detail", classroom_id=classroom.id))


@bp.post("/<int:classroom_id>/learners/<int:learner_id>/reset-password")
@teacher_required
def reset_password(classroom_id: int, learner_id: int):
    classroom = owned_or_404(Classroom, classroom_id, current_user)
    try:
        learner, temporary = services.reset_learner_password(classroom, learner_id)
    except services.ClassroomError as err:
        flash(str(err), "warning")
        return redirect(url_for("classes.detail", classroom_id=classroom.id))
    # Shown in this response only, never flashed: the session cookie would carry it.
    response = render_template("classes/password_reset.html", classroom=classroom, learner=learner,
                               temporary=temporary)
    return response, 200, {"Cache-Control": "no-store"}


@bp.route("/join", methods=["GET", "POST"])
@learner_required
def join():
    form = JoinClassroomForm()
    if request.method == "GET" and request.args.get("code"):
        form.code.data = request.args["code"][:40]
    if form.validate_on_submit():
        if throttle.too_many_failed_joins(current_user.id):
            abort(429)
        try:
            result = services.join_classroom(current_user, form.code.data)
        except services.ClassroomError as err:
            throttle.count_failed_join(current_user.id)
            form.code.errors.append(str(err))
        else:
            if result.already_enrolled:
                flash(f"You are already in “{result.classroom.name}”.", "info")
            else:
                flash(f"You joined “{result.classroom.name}”. Its sets are on your home page.", "success")
            return redirect(url_for("home.index"))
    return render_template("classes/join.html", form=form,
                           classrooms=services.learner_classrooms(current_user)), 400 if form.errors else 200
