"""Sign-up, log-in and log-out pages."""
from __future__ import annotations

from urllib.parse import urlsplit

from flask import Blueprint, abort, flash, redirect, render_template, request, session, url_for
from flask_login import current_user, login_required

from app.auth import sessions
from app.auth import throttle
from app.auth.forms import ChangePasswordForm, LoginForm, TimeZoneForm, signup_form
from app.auth.passwords import WeakPassword, check_password
from app.auth.services import (AccountError, TeacherSignup, adopt_browser_time_zone, authenticate, change_password,
                               check_role, normalise_email, set_time_zone, sign_up)
from app.extensions import login_manager
from app.models import Role, User

bp = Blueprint("auth", __name__, url_prefix="/auth")

login_manager.login_view = "auth.login"
login_manager.login_message = "Please log in to see that page."
login_manager.login_message_category = "info"
login_manager.session_protection = "strong"
# The session key that keeps a person whose password was reset on the page where they choose a new one.
MUST_CHANGE_PASSWORD = "must_change_password"
# What such a person may still reach: the page itself, logging out, and the files pages load.
_OPEN_WHILE_CHANGING = frozenset({"auth.change_password", "auth.logout", "static", "bootstrap.static"})


@login_manager.user_loader
def load_user(token: str) -> User | None:
    user = sessions.load_user(token)
    if user is not None and user.must_change_password:
        session[MUST_CHANGE_PASSWORD] = True  # also when the login came back from the remember-me cookie
    return user


@bp.before_app_request
def require_new_password():
    """Send a person logged in with a temporary password to choose their own before anything else.

    Only the signed session is read: the check costs the answer path nothing but a dictionary lookup.
    """
    if session.get(MUST_CHANGE_PASSWORD) and request.endpoint not in _OPEN_WHILE_CHANGING:
        flash("Your password was reset. Choose a new password of your own to go on.", "warning")
        return redirect(url_for("auth.change_password"))
    return None


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
                sign_up(name=form.name.data, email=form.email.data, password=form.password.data, role=role,
                        time_zone=form.time_zone.data)
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
            adopt_browser_time_zone(user, form.time_zone.data)
            sessions.log_in(user, remember=form.remember.data)
            flash(f"Welcome back, {user.name}.", "success")
            if user.must_change_password:
                session[MUST_CHANGE_PASSWORD] = True
                response = redirect(url_for("auth.change_password"))
            else:
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
    session.pop(MUST_CHANGE_PASSWORD, None)
    flash("You are logged out.", "info")
    return redirect(url_for("home.index"))


@bp.route("/password", methods=["GET", "POST"], endpoint="change_password")
@login_required
def change_password_view():
    forced = current_user.must_change_password
    if not forced:
        session.pop(MUST_CHANGE_PASSWORD, None)  # changed meanwhile in another browser
    if request.method == "POST" and not forced and throttle.too_many_failed_logins(current_user.email):
        abort(429)
    form = ChangePasswordForm()
    if form.validate_on_submit():
        try:
            change_password(current_user, form.password.data,
                            current_password=None if forced else form.current_password.data)
        except AccountError as err:
            if "current password" in str(err):
                throttle.count_failed_login(current_user.email)  # as costly as guessing at the login
                form.current_password.errors.append(str(err))
            else:
                form.password.errors.append(str(err))
        else:
            session.pop(MUST_CHANGE_PASSWORD, None)
            flash("Your password is changed.", "success")
            return redirect(url_for("home.index"))
    if forced:
        del form.current_password
    return render_template("auth/password.html", form=form, forced=forced), 400 if form.errors else 200
@bp.route("/time-zone", methods=["GET", "POST"])
@login_required
def time_zone():
    """Settings: the zone a person's days are counted in and times are shown in."""
    form = TimeZoneForm(time_zone=current_user.time_zone)
    if form.validate_on_submit():
        try:
            set_time_zone(current_user, form.time_zone.data)
        except AccountError as err:
            form.time_zone.errors.append(str(err))
        else:
            flash(f"Your time zone is now {current_user.time_zone.replace('_', ' ')}.", "success")
            return redirect(url_for("auth.time_zone"))
    return render_template("auth/time_zone.html", form=form), 400 if form.errors else 200
