"""Creating and checking accounts, and changing and resetting their passwords (there is no email)."""
from __future__ import annotations

import functools
import hmac
import secrets

from flask import current_app
from sqlalchemy.exc import IntegrityError
from werkzeug.security import check_password_hash, generate_password_hash

from app.auth import sessions
from app.auth.passwords import WeakPassword, check_password
from app.database import begin_write
from app.extensions import db
from app.models import Role, User, utcnow
from app.timezones import UTC, valid_zone

# No 0/O, 1/I/L: a temporary password is read aloud or copied off a screen by hand.
TEMPORARY_PASSWORD_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"
TEMPORARY_PASSWORD_GROUPS = 3  # of four characters: about 59 bits


class AccountError(ValueError):
    """An account cannot be created or used; the message is shown to the person."""


def normalise_email(email: str) -> str:
    return email.strip().lower()


def find_user_by_email(email: str) -> User | None:
    return db.session.execute(db.select(User).filter_by(email=normalise_email(email))).scalar_one_or_none()


def create_user(*, name: str, email: str, password: str, role: Role, time_zone: str | None = None) -> User:
    """Create an account, or raise AccountError when the email is taken; an unknown time zone counts as UTC."""
    begin_write()  # SQLite: take the write lock before reading, so that a busy moment waits instead of failing
    if find_user_by_email(email) is not None:
        raise AccountError("An account with this email already exists. Log in instead.")
    user = User(name=name.strip(), email=normalise_email(email), role=role, time_zone=valid_zone(time_zone) or UTC)
    user.set_password(password)
    db.session.add(user)
    try:
        db.session.commit()
    except IntegrityError as err:  # the same email signed up twice at the same moment
        db.session.rollback()
        raise AccountError("An account with this email already exists. Log in instead.") from err
    return user


@functools.cache
def _unused_hash() -> str:
    """Return a hash of no one's password, made as users' are, to spend the same time on an unknown email."""
    return generate_password_hash("no account has this password")


def authenticate(email: str, password: str) -> User | None:
    """Return the user whose email and password these are, or None, in the same time for known and unknown emails."""
    user = find_user_by_email(email)
    if user is None:
        check_password_hash(_unused_hash(), password)
        return None
    return user if user.check_password(password) else None


class TeacherSignup:
    """Who may sign up as a teacher: the TEACHER_SIGNUP setting."""

    OPEN = "open"  # anyone
    CODE = "code"  # whoever types TEACHER_SIGNUP_CODE (without a code set: no one)
    CLOSED = "closed"  # no one: teachers' accounts are made another way

    @staticmethod
    def mode() -> str:
        mode = current_app.config["TEACHER_SIGNUP"]
        if mode == TeacherSignup.CODE and not current_app.config.get("TEACHER_SIGNUP_CODE"):
            return TeacherSignup.CLOSED
        return mode if mode in (TeacherSignup.OPEN, TeacherSignup.CODE) else TeacherSignup.CLOSED


def check_role(role: Role, teacher_code: str | None) -> None:
    """Refuse a teacher's sign-up that the TEACHER_SIGNUP setting does not allow.

    Raises:
        AccountError: teachers cannot sign up here, or the code is wrong.
    """
    if role is not Role.TEACHER:
        return
    mode = TeacherSignup.mode()
    if mode == TeacherSignup.CLOSED:
        raise AccountError("Teachers cannot sign up here. Ask the school's Factdeck administrator for an account.")
    if mode == TeacherSignup.CODE:
        expected = current_app.config["TEACHER_SIGNUP_CODE"].encode("utf-8")
        if not hmac.compare_digest((teacher_code or "").strip().encode("utf-8"), expected):
            raise AccountError("That teacher sign-up code is not right. Ask the school's Factdeck administrator for it.")


def sign_up(*, name: str, email: str, password: str, role: Role, time_zone: str | None = None) -> User | None:
    """Create an account; for an email that has one already, return None after the same work.

    The person is told the same in both cases and logs in next: no one learns from signing up which
    emails have accounts, neither from the answer nor from its timing (the password is hashed either way).
    """
    try:
        return create_user(name=name, email=email, password=password, role=role, time_zone=time_zone)
    except AccountError:
        generate_password_hash(password)  # what creating the account would have spent
        return None


def change_password(user: User, new_password: str, *, current_password: str | None) -> None:
    """Give the user a password of their own; ``current_password`` is checked unless a reset forced the change.

    Raises:
        AccountError: the current password is wrong, or the new one is easy to guess or the temporary one.
    """
    if not user.must_change_password and (current_password is None or not user.check_password(current_password)):
        raise AccountError("Your current password is not right.")
    try:
        check_password(new_password, related=(user.name, user.email))
    except WeakPassword as err:
        raise AccountError(str(err)) from err
    if user.check_password(new_password):
        raise AccountError("Choose a password other than the one you have now.")
    user.set_password(new_password)
    user.must_change_password = False
    password_changed(user)
    sessions.end_other_sessions(user)  # this browser stays logged in; every other copy of the account's logins ends


def reset_password(user: User) -> str:
    """Give the user a new temporary password, which they must change when they next log in, and return it."""
    temporary = "-".join("".join(secrets.choice(TEMPORARY_PASSWORD_ALPHABET) for _ in range(4))
                         for _ in range(TEMPORARY_PASSWORD_GROUPS))
    user.set_password(temporary)
    user.must_change_password = True
    password_changed(user)
    sessions.end_all_sessions(user)  # whoever was logged in as the learner is logged out
    return temporary


def password_changed(user: User) -> None:
    """Record that the user's password changed (by them or by a reset) and commit.

    The one place that follows every password change; the caller then ends the logins that must not
    outlive the old password (``app.auth.sessions``).
    """
    user.password_changed_at = utcnow()
    db.session.commit()


def set_time_zone(user: User, name: str | None) -> None:
    """Make ``name`` the person's time zone, or raise AccountError when it names no zone."""
    zone_name = valid_zone(name)
    if zone_name is None:
        raise AccountError("Choose a time zone from the list.")
    user.time_zone = zone_name
    db.session.commit()


def adopt_browser_time_zone(user: User, name: str | None) -> None:
    """Take the browser's zone at log-in for someone still on the default (UTC); a zone they chose stays."""
    zone_name = valid_zone(name)
    if zone_name is not None and user.time_zone == UTC and zone_name != UTC:
        user.time_zone = zone_name
        db.session.commit()
