"""Sign-up, log-in and log-out pages."""
from __future__ import annotations

from urllib.parse import urlsplit

from flask import Blueprint, abort, flash, redirect, render_template, request, session, url_for
from flask_login import current_user, login_required, login_user, logout_user

from app.auth.forms import LoginForm, SignupForm, TimeZoneForm
from app.auth.services import AccountError, adopt_browser_time_zone, authenticate, create_user, set_time_zone
from app.auth.throttle import count_failed_login, too_many_failed_logins
from app.extensions import db, login_manager
from app.models import Role, User

bp = Blueprint("auth", __name__, url_prefix="/auth")

login_manager.login_view = "auth.login"
login_manager.login_message = "Please log in to see that page."
login_manager.login_message_category = "info"
login_manager.session_protection = "strong"


@login_manager.user_loader
def load_user(user_id: str) -> User | None:
    return db.session.get(User, int(user_id)) if user_id.isdigit() else None


def _safe_next(target: str | None) -> str:
    """Return a local redirect target, never another site's."""
    if target and not urlsplit(target).netloc and target.startswith("/") and not target.startswith("//"):
        return target
    return url_for("home.index")


@bp.route("/signup", methods=["GET", "POST"])
def signup():
    if current_user.is_authenticated:
        return redirect(url_for("home.index"))
    form = SignupForm()
    if form.validate_on_submit():
        try:
            user = create_user(name=form.name.data, email=form.email.data, password=form.password.data,
                               role=Role(form.role.data), time_zone=form.time_zone.data)
        except AccountError as err:
            form.email.errors.append(str(err))
        else:
            session.permanent = True
            login_user(user)
            flash(f"Welcome to Factdeck, {user.name}.", "success")
            return redirect(url_for("home.index"))
    return render_template("auth/signup.html", form=form), 400 if form.errors else 200


@bp.route("/login", methods=["GET", "POST"])
def login():
    if current_user.is_authenticated:
        return redirect(url_for("home.index"))
    if request.method == "POST" and too_many_failed_logins():
        abort(429)
    form = LoginForm()
    if form.validate_on_submit():
        user = authenticate(form.email.data, form.password.data)
        if user is not None:
            adopt_browser_time_zone(user, form.time_zone.data)
            session.permanent = True
            login_user(user, remember=form.remember.data)
            flash(f"Welcome back, {user.name}.", "success")
            return redirect(_safe_next(request.args.get("next")))
        # Only failed attempts count against the limit: a teacher logging in and out all day is fine.
        count_failed_login()
        flash("That email and password do not match an account.", "danger")
        return render_template("auth/login.html", form=form), 401
    return render_template("auth/login.html", form=form), 400 if form.errors else 200


@bp.post("/logout")
@login_required
def logout():
    logout_user()
    flash("You are logged out.", "info")
    return redirect(url_for("home.index"))


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
