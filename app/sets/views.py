"""Teachers' question-set pages: make a set, review and edit its questions, import, export, publish, assign."""
from __future__ import annotations

import datetime as dt
import io
import json
import re
import secrets

from flask import Blueprint, abort, flash, jsonify, make_response, redirect, render_template, request, send_file, url_for
from flask_login import current_user
from wtforms.fields.choices import SelectChoice

from app.auth.guards import teacher_required
from app.formatting import long_datetime
from app.interop.registry import EXPORTS
from app.models import JobStatus, QuestionSet, ReviewStatus, utcnow
from app.ownership import owned_or_404
from app.quiz.settings import QuizSettings
from app.sets import creation, editing, exchange, highlighting, jobs, publishing, queries, regeneration, verdicts
from app.timezones import to_utc
from app.sets.drafts import KIND_LABELS, DraftError, checked
from app.sets.forms import AssignForm, ArticleForm, EmptySetForm, ImportForm, QuestionForm, SetDetailsForm
from app.sets.articles import ArticleError
from app.sets.queries import SetError
from app.sets.transfer import MAX_REPORTED_ERRORS, ImportFileError

bp = Blueprint("sets", __name__, url_prefix="/sets")
END_OF_DAY = dt.time(23, 59)


@bp.context_processor
def labels():
    return {"kind_labels": KIND_LABELS, "export_formats": EXPORTS.values()}


# ---------------------------------------------------------------------------------------------------- sets


@bp.get("/")
@teacher_required
def index():
    return render_template("sets/index.html", summaries=queries.set_summaries(current_user))


@bp.route("/new", methods=["GET", "POST"])
@teacher_required
def new():
    form = ArticleForm()
    if request.method == "GET":
        form.creation_token.data = secrets.token_urlsafe(24)
        # The date starts at today: "on Wednesday" means nothing without a date to count from.
        form.published_on.data = dt.date.today()
    if form.validate_on_submit():
        earlier = queries.find_created_set(current_user, form.creation_token.data)
        if earlier is not None:
            flash("That form was already sent: here is the set it made.", "info")
            return redirect(url_for("sets.review", set_id=earlier.id))
        earlier_job = jobs.find_job(current_user, form.creation_token.data)
        if earlier_job is not None:
            return redirect(url_for("sets.job", job_id=earlier_job.id))
        upload = form.chosen_upload
        filename = upload.filename if upload else None
        try:
            article = jobs.read(upload.read() if upload else form.article.data, filename=filename)
            if jobs.is_long(article):
                job = jobs.start_creation(current_user, article, title=form.title.data or None,
                                          published_on=form.published_on.data, filename=filename,
                                          creation_token=form.creation_token.data or None, today=dt.date.today())
                return redirect(url_for("sets.job", job_id=job.id))
            question_set = creation.create_set_from_read_article(
                current_user, article, title=form.title.data or None, published_on=form.published_on.data,
                filename=filename, creation_token=form.creation_token.data or None)
        except ArticleError as err:
            (form.upload if upload else form.article).errors.append(str(err))
        else:
            flash(*creation.creation_summary(question_set))
            return redirect(url_for("sets.review", set_id=question_set.id))
    return render_template("sets/new.html", form=form), 400 if request.method == "POST" else 200


@bp.route("/blank", methods=["GET", "POST"])
@teacher_required
def new_empty():
    form = EmptySetForm()
    if form.validate_on_submit():
        question_set = creation.create_empty_set(current_user, title=form.title.data,
                                                 description=form.description.data or "")
        flash(f"Created {question_set.title!r}. Add its questions by hand or import them.", "success")
        return redirect(url_for("sets.review", set_id=question_set.id))
    return render_template("sets/new_empty.html", form=form), 400 if form.errors else 200


@bp.get("/<int:set_id>")
@teacher_required
def review(set_id: int):
    question_set = owned_or_404(QuestionSet, set_id, current_user)
    return _render_review(question_set, SetDetailsForm(obj=question_set))


@bp.post("/<int:set_id>/details")
@teacher_required
def update_details(set_id: int):
    question_set = owned_or_404(QuestionSet, set_id, current_user)
    form = SetDetailsForm()
    if not form.validate_on_submit():
        return _render_review(question_set, form), 400
    in_a_job = regeneration.date_changes_questions(question_set, form.published_on.data) \
        and jobs.is_long(question_set.source_text)
    try:
        outcome = regeneration.update_details(question_set, title=form.title.data, published_on=form.published_on.data,
                                          description=form.description.data or "", regenerate_now=not in_a_job)
    except SetError as err:
        flash(f"Details not saved. {err}", "danger")
        return redirect(url_for("sets.review", set_id=set_id))
    if in_a_job:
        flash("Details saved. The new date changes what the article's dates mean, so its questions are being "
              "made again.", "success")
        return redirect(url_for("sets.job", job_id=jobs.start_regeneration(question_set, new_seed=False).id))
    if outcome is None:
        flash("Details saved.", "success")
    else:
        flash("Details saved. The new date changes what the article's dates mean, so its questions were "
              f"regenerated: {regeneration.regeneration_summary(outcome)}", "success")
    return redirect(url_for("sets.review", set_id=set_id))


def _render_review(question_set, details_form: SetDetailsForm) -> str:
    review_filter = verdicts.ReviewFilter.from_values(request.args)
    in_order = request.args.get("view") == "order"
    ordered = queries.ordered_questions(question_set) if in_order else []  # every question: the page moves them
    pagination = verdicts.filtered_review(question_set, review_filter) if review_filter.narrows and not in_order \
        else None
    sections = None if in_order or pagination else verdicts.review_sections(question_set, page=review_filter.page)
    return render_template(
        "sets/review.html", question_set=question_set, status=review_filter.status, review_filter=review_filter,
        in_order=in_order, sections=sections, pagination=pagination,
        groups=verdicts.grouped(pagination.items) if pagination else [], ordered=ordered,
        numbers=queries.question_numbers(question_set), assigned_to=queries.assigned_class_names(question_set),
        counts=verdicts.status_counts(question_set), highlighted=highlighting.source_with_answer,
        details_form=details_form, score_filters=verdicts.SCORE_FILTERS, keep_fields=review_filter.hidden_fields(),
        fact_filters=verdicts.FACT_FILTER_TITLES)


@bp.post("/<int:set_id>/delete")
@teacher_required
def delete(set_id: int):
    question_set = owned_or_404(QuestionSet, set_id, current_user)
    title = question_set.title
    try:
        publishing.delete_set(question_set)
    except SetError as err:
        flash(str(err), "danger")
        return redirect(url_for("sets.review", set_id=set_id))
    flash(f"Deleted {title!r}.", "success")
    return redirect(url_for("sets.index"))


# ---------------------------------------------------------------------------------------------------- review


@bp.post("/<int:set_id>/questions/<int:question_id>/status")
@teacher_required
def set_status(set_id: int, question_id: int):
    question_set = owned_or_404(QuestionSet, set_id, current_user)
    question = queries.get_set_question(question_set, question_id)
    try:
        status = ReviewStatus(request.form.get("status", ""))
    except ValueError:
        flash("Choose approve or reject.", "danger")
        return _back_to_review(set_id)
    verdicts.set_review_status(question, status)
    flash(f"Question {status.value}.", "success")
    return _back_to_review(set_id, question.id)


@bp.post("/<int:set_id>/questions/bulk")
@teacher_required
def bulk_review(set_id: int):
    question_set = owned_or_404(QuestionSet, set_id, current_user)
    action = request.form.get("action", "")
    chosen = [int(value) for value in request.form.getlist("question_ids") if value.isdigit()]
    try:
        outcome = verdicts.bulk_review(question_set, chosen, action)
    except SetError as err:
        flash(str(err), "warning")
        return _back_to_review(set_id)
    done = {"approve": "Approved", "reject": "Rejected", "delete": "Deleted"}[action]
    message = f"{done} {outcome.changed} question{'s' if outcome.changed != 1 else ''}."
    if outcome.retired:
        message += (f" {outcome.retired} that learners had answered {'was' if outcome.retired == 1 else 'were'} "
                    "retired instead of deleted: their history stays.")
    if outcome.skipped:
        message += f" {outcome.skipped} {'was' if outcome.skipped == 1 else 'were'} already so, or retired."
    flash(message, "success")
    return _back_to_review(set_id)


@bp.post("/<int:set_id>/approve-recommended")
@teacher_required
def approve_recommended(set_id: int):
    count = verdicts.approve_recommended(owned_or_404(QuestionSet, set_id, current_user))
    flash(f"Approved the {count} recommended question{'s' if count != 1 else ''}." if count else
          "No recommended question was pending.", "success" if count else "info")
    return _back_to_review(set_id)


@bp.post("/<int:set_id>/approve-all")
@teacher_required
def approve_all(set_id: int):
    count = verdicts.approve_all(owned_or_404(QuestionSet, set_id, current_user))
    flash(f"Approved {count} pending question{'s' if count != 1 else ''}." if count else
          "No question was pending.", "success" if count else "info")
    return _back_to_review(set_id)


@bp.post("/<int:set_id>/regenerate")
@teacher_required
def regenerate(set_id: int):
    question_set = owned_or_404(QuestionSet, set_id, current_user)
    if jobs.is_long(question_set.source_text):
        return redirect(url_for("sets.job", job_id=jobs.start_regeneration(question_set, new_seed=True).id))
    try:
        outcome = regeneration.regenerate(question_set)
    except SetError as err:
        flash(str(err), "danger")
        return _back_to_review(set_id)
    flash(f"Regenerated: {regeneration.regeneration_summary(outcome)}", "success")
    return _back_to_review(set_id)


@bp.get("/jobs/<int:job_id>")
@teacher_required
def job(job_id: int):
    """Show a long article's questions being made (JSON for the page's script), or send the teacher to the set made."""
    found = jobs.own_job(current_user, job_id)
    if found is None:
        abort(404)
    progress = jobs.progress(found, utcnow())
    if request.accept_mimetypes.best_match(("text/html", "application/json")) == "application/json":
        reply = jsonify(finished=progress.finished, percent=progress.percent, text=progress.text)
        reply.vary.add("Accept")
        return reply
    if progress.status is JobStatus.DONE and found.set_id is not None:
        flash(progress.message, "success")
        return redirect(url_for("sets.review", set_id=found.set_id))
    page = make_response(render_template("sets/job.html", job=found, progress=progress))
    page.vary.add("Accept")
    return page


# ---------------------------------------------------------------------------------------------------- by hand


@bp.route("/<int:set_id>/questions/new", methods=["GET", "POST"])
@teacher_required
def new_question(set_id: int):
    question_set = owned_or_404(QuestionSet, set_id, current_user)
    form = QuestionForm()
    if form.validate_on_submit() and (draft := _checked_draft(form)):
        question = editing.add_question(question_set, draft)
        flash("Question added.", "success")
        if request.form.get("then") == "another":
            return redirect(url_for("sets.new_question", set_id=set_id))
        return _back_to_review(set_id, question.id)
    return render_template("sets/question_form.html", form=form, question_set=question_set, question=None), (
        400 if request.method == "POST" else 200)


@bp.route("/<int:set_id>/questions/<int:question_id>/edit", methods=["GET", "POST"])
@teacher_required
def edit_question(set_id: int, question_id: int):
    question_set = owned_or_404(QuestionSet, set_id, current_user)
    question = queries.get_set_question(question_set, question_id)
    if question.retired_at is not None:
        flash("This question is retired: learners no longer see it, so it cannot be edited.", "warning")
        return _back_to_review(set_id)
    form = QuestionForm()
    if request.method == "GET":
        form.process(data={"kind": question.kind.value, "prompt": question.prompt, "answer": question.answer,
                           "choices": "\n".join(question.choices or ()), "explanation": question.explanation})
    if form.validate_on_submit() and (draft := _checked_draft(form)):
        saved = editing.edit_question(question, draft)
        flash("Question saved and approved." if saved.id == question.id else
              "Question saved as a new version and approved; learners' earlier answers keep the old one.", "success")
        return _back_to_review(set_id, saved.id)
    return render_template("sets/question_form.html", form=form, question_set=question_set, question=question,
                           highlighted=highlighting.source_with_answer,
                           answered=bool(queries.questions_with_history([question.id]))), (
        400 if request.method == "POST" else 200)


@bp.post("/<int:set_id>/questions/<int:question_id>/move")
@teacher_required
def move_question(set_id: int, question_id: int):
    question = queries.get_set_question(owned_or_404(QuestionSet, set_id, current_user), question_id)
    direction = request.form.get("direction", "")
    if editing.move_question(question, direction):
        flash(f"Question moved {direction}.", "success")
    else:
        flash("That question cannot move further.", "info")
    return redirect(url_for("sets.review", set_id=set_id, view="order", _anchor=f"question-{question.id}"))


@bp.post("/<int:set_id>/questions/<int:question_id>/delete")
@teacher_required
def delete_question(set_id: int, question_id: int):
    question = queries.get_set_question(owned_or_404(QuestionSet, set_id, current_user), question_id)
    if editing.delete_question(question):
        flash("Learners have answered this question, so it was retired instead of deleted: their history stays.",
              "info")
    else:
        flash("Question deleted.", "success")
    return _back_to_review(set_id)


def _checked_draft(form: QuestionForm):
    try:
        return checked(form.draft())
    except DraftError as err:
        getattr(form, err.field, form.prompt).errors.append(_capitalised(str(err)) + ".")
        return None


# ---------------------------------------------------------------------------------------------------- import, export


@bp.route("/import", methods=["GET", "POST"])
@teacher_required
def import_file():
    form = ImportForm()
    own_sets = [summary.question_set for summary in queries.set_summaries(current_user)]
    form.destination.choices = [SelectChoice("new", "A new set")] + [
        SelectChoice(str(question_set.id), f"{question_set.title} ({question_set.status.value})")
        for question_set in own_sets]
    if request.method == "GET" and request.args.get("into", "").isdigit():
        form.destination.data = request.args["into"]
    errors: list = []
    if form.validate_on_submit():
        into = None if form.destination.data == "new" \
            else owned_or_404(QuestionSet, int(form.destination.data), current_user)
        upload = form.chosen_upload
        # Pasted text is read like a .txt file: its format is found from its content.
        filename, data = ((upload.filename, upload.read()) if upload else
                          ("Pasted questions.txt", form.pasted.data.encode()))
        try:
            question_set, count = exchange.import_questions(
                current_user, filename, data, into=into, title=form.title.data or None,
                term_separator=_separator(form.term_separator.data),
                card_separator=_separator(form.card_separator.data))
        except ImportFileError as err:
            errors = err.errors
        else:
            flash(f"Imported {count} question{'s' if count != 1 else ''} into {question_set.title!r}.", "success")
            return redirect(url_for("sets.review", set_id=question_set.id))
    return render_template("sets/import.html", form=form, errors=errors[:MAX_REPORTED_ERRORS],
                           more_errors=max(0, len(errors) - MAX_REPORTED_ERRORS)), (
        400 if request.method == "POST" else 200)


@bp.get("/<int:set_id>/export.json")
@teacher_required
def export_json(set_id: int):
    question_set = owned_or_404(QuestionSet, set_id, current_user)
    document = json.dumps(exchange.export_json(question_set), ensure_ascii=False, indent=2)
    return send_file(io.BytesIO(document.encode("utf-8")), mimetype="application/json", as_attachment=True,
                     download_name=f"{_file_stem(question_set.title)}.json")


@bp.get("/<int:set_id>/export.apkg")
@teacher_required
def export_anki(set_id: int):
    question_set = owned_or_404(QuestionSet, set_id, current_user)
    try:
        package = exchange.export_anki(question_set)
    except SetError as err:
        flash(str(err), "warning")
        return redirect(url_for("sets.review", set_id=set_id))
    return send_file(io.BytesIO(package), mimetype="application/octet-stream", as_attachment=True,
                     download_name=f"{_file_stem(question_set.title)}.apkg")


@bp.get("/<int:set_id>/export/<any(gift, 'moodle-xml', quizlet, apkg, json):format_name>")
@teacher_required
def export(set_id: int, format_name: str):
    format = EXPORTS.get(format_name)
    if format is None:
        abort(404)
    question_set = owned_or_404(QuestionSet, set_id, current_user)
    try:
        data = exchange.export_set(question_set, format)
    except SetError as err:
        flash(str(err), "warning")
        return redirect(url_for("sets.review", set_id=set_id))
    return send_file(io.BytesIO(data), mimetype=format.mimetype, as_attachment=True,
                     download_name=f"{_file_stem(question_set.title)}.{format.extension}")


def _separator(text: str | None) -> str | None:
    """Return a typed separator, with ``\\t`` and ``\\n`` read as a tab and a new line."""
    return text.replace("\\t", "\t").replace("\\n", "\n") if text else None


# ---------------------------------------------------------------------------------------------------- publish, assign


@bp.post("/<int:set_id>/publish")
@teacher_required
def publish(set_id: int):
    question_set = owned_or_404(QuestionSet, set_id, current_user)
    try:
        publishing.publish(question_set)
    except SetError as err:
        flash(str(err), "danger")
        return redirect(url_for("sets.review", set_id=set_id))
    flash("Published: learners of the classes you assign it to will see its approved questions.", "success")
    return redirect(url_for("sets.assign", set_id=set_id))


@bp.route("/<int:set_id>/assign", methods=["GET", "POST"])
@teacher_required
def assign(set_id: int):
    question_set = owned_or_404(QuestionSet, set_id, current_user)
    classrooms = {classroom.id: classroom for classroom in publishing.assignable_classrooms(current_user)}
    form = AssignForm()
    form.set_zone(current_user.time_zone)
    form.classrooms.choices = [SelectChoice(classroom.id, classroom.name) for classroom in classrooms.values()]
    if form.validate_on_submit():
        # The teacher types the due date in their own zone; it is stored in UTC.
        due_at = (to_utc(dt.datetime.combine(form.due_date.data, form.due_time.data or END_OF_DAY),
                         current_user.time_zone) if form.due_date.data else None)
        try:
            for classroom_id in form.classrooms.data:
                publishing.assign(question_set, classrooms[classroom_id], due_at, form.quiz_settings())
        except SetError as err:
            flash(str(err), "danger")
        else:
            names = ", ".join(classrooms[classroom_id].name for classroom_id in form.classrooms.data)
            due = f", due {long_datetime(due_at)}" if due_at else ""
            flash(f"Assigned to {names}{due}.", "success")
            return redirect(url_for("sets.assign", set_id=set_id))
    assignments = sorted(question_set.assignments, key=lambda item: item.classroom.name.casefold())
    return render_template("sets/assign.html", form=form, question_set=question_set, assignments=assignments,
                           quiz_settings={assignment.id: QuizSettings.of(assignment) for assignment in assignments}
                           ), 400 if request.method == "POST" else 200


@bp.post("/<int:set_id>/assignments/<int:assignment_id>/remove")
@teacher_required
def unassign(set_id: int, assignment_id: int):
    classroom = publishing.unassign(owned_or_404(QuestionSet, set_id, current_user), assignment_id)
    flash(f"Removed the assignment to {classroom.name}. Learners keep their answers.", "success")
    return redirect(url_for("sets.assign", set_id=set_id))


# ---------------------------------------------------------------------------------------------------- redirects and names


def _back_to_review(set_id: int, question_id: int | None = None):
    """Redirect to the review page, keeping the filters, page and view the teacher was using."""
    review_filter = verdicts.ReviewFilter.from_values(request.form, form=True)
    view = request.form.get("view")
    return redirect(url_for("sets.review", set_id=set_id, **review_filter.arguments(),
                            view="order" if view == "order" else None,
                            _anchor=f"question-{question_id}" if question_id else None))


def _file_stem(title: str) -> str:
    return re.sub(r"[^A-Za-z0-9]+", "-", title).strip("-").lower()[:60] or "question-set"


def _capitalised(message: str) -> str:
    return message[:1].upper() + message[1:]
