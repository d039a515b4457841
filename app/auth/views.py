"""Sign-up, log-in and log-out pages."""
from __future__ import annotations

from urllib.parse import urlsplit

from flask import Blueprint, abort, flash, redirect, render_template, request, session, url_for
from flask_login import current_user, login_required, login_user, logout_user

from app.auth.forms import ChangePasswordForm, LoginForm, SignupForm
from app.auth.services import AccountError, authenticate, change_password, create_user
from app.auth.throttle import count_failed_login, too_many_failed_logins
from app.extensions import db, login_manager
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
def load_user(user_id: str) -> User | None:
    user = db.session.get(User, int(user_id)) if user_id.isdigit() else None
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
    form = SignupForm()
    if form.validate_on_submit():
        try:
            user = create_user(name=form.name.data, email=form.email.data, password=form.password.data,
                               role=Role(form.role.data))
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
            session.permanent = True
            login_user(user, remember=form.remember.data)
            flash(f"Welcome back, {user.name}.", "success")
            if user.must_change_password:
                session[MUST_CHANGE_PASSWORD] = True
                return redirect(url_for("auth.change_password"))
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
    session.pop(MUST_CHANGE_PASSWORD, None)
    flash("You are logged out.", "info")
    return redirect(url_for("home.index"))


@bp.route("/password", methods=["GET", "POST"], endpoint="change_password")
@login_required
def change_password_view():
    forced = current_user.must_change_password
    if not forced:
        session.pop(MUST_CHANGE_PASSWORD, None)  # changed meanwhile in another browser
    if request.method == "POST" and not forced and too_many_failed_logins():
        abort(429)
    form = ChangePasswordForm()
    if form.validate_on_submit():
        try:
            change_password(current_user, form.password.data,
                            current_password=None if forced else form.current_password.data)
        except AccountError as err:
            if "current password" in str(err):
                count_failed_login()  # guessing the current password costs as much as guessing at the login
                form.current_password.errors.append(str(err))
            else:
                form.password.errors.append(str(err))
        else:
            session.pop(MUST_CHANGE_PASSWORD, None)
            login_user(current_user._get_current_object())  # this copy of the session stays logged in
            flash("Your password is changed.", "success")
            return redirect(url_for("home.index"))
    if forced:
        del form.current_password
    return render_template("auth/password.html", form=form, forced=forced), 400 if form.errors else 200
