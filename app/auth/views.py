"""Sign-up, log-in and log-out pages."""
from __future__ import annotations

from urllib.parse import urlsplit

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_login import current_user, login_required

from app.auth import sessions
from app.auth import throttle
from app.auth.forms import LoginForm, signup_form
from app.auth.passwords import WeakPassword, check_password
from app.auth.services import AccountError, TeacherSignup, authenticate, check_role, normalise_email, sign_up
from app.extensions import login_manager
from app.models import Role

bp = Blueprint("auth", __name__, url_prefix="/auth")

login_manager.login_view = "auth.login"
login_manager.login_message = "Please log in to see that page."
login_manager.login_message_category = "info"
login_manager.session_protection = "strong"


login_manager.user_loader(sessions.load_user)


def _safe_next(target: str | None) -> str:
    """Return a local redirect target, never another site's."""
    if target and not urlsplit(target).netloc and target.startswith("/") and not target.startswith("//"):
        return target
    return url_for("home.index")


@bp.route("/signup", methods=["GET", "POST"])
def signup():
    if current_user.is_authenticated:
        return redirect(url_for("home.index"))
    form = signup_form(TeacherSignup.mode())
    if form.validate_on_submit():
        if throttle.too_many_signups():
            abort(429)
        throttle.count_signup()
        role = Role(form.role.data)
        try:
            check_password(form.password.data, related=(form.name.data, form.email.data))
        except WeakPassword as err:
            form.password.errors.append(str(err))
        else:
            try:
                check_role(role, form.teacher_code.data if "teacher_code" in form else None)
            except AccountError as err:
                form.role.errors.append(str(err))
            else:
                sign_up(name=form.name.data, email=form.email.data, password=form.password.data, role=role)
                flash("Your account is ready: log in with your email and password. (If this email already had an "
                      "account, nothing was changed: log in with its password.)", "success")
                return redirect(url_for("auth.login"))
    return render_template("auth/signup.html", form=form), 400 if form.errors else 200


@bp.route("/login", methods=["GET", "POST"])
def login():
    if current_user.is_authenticated:
        return redirect(url_for("home.index"))
    form = LoginForm()
    if form.validate_on_submit():
        email = normalise_email(form.email.data)
        if throttle.too_many_failed_logins(email):
            abort(429)
        user = authenticate(email, form.password.data)
        if user is not None:
            sessions.log_in(user, remember=form.remember.data)
            flash(f"Welcome back, {user.name}.", "success")
            response = redirect(_safe_next(request.args.get("next")))
            throttle.remember_device(response, email)
            return response
        # Only failed attempts count against the limit: a teacher logging in and out all day is fine.
        throttle.count_failed_login(email)
        flash("That email and password do not match an account.", "danger")
        return render_template("auth/login.html", form=form), 401
    return render_template("auth/login.html", form=form), 400 if form.errors else 200


@bp.post("/logout")
@login_required
def logout():
    sessions.log_out(current_user)
    flash("You are logged out.", "info")
    return redirect(url_for("home.index"))
