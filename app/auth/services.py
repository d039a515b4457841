"""Creating and checking accounts."""
from __future__ import annotations

import functools
import hmac

from flask import current_app
from sqlalchemy.exc import IntegrityError
from werkzeug.security import check_password_hash, generate_password_hash

from app.database import begin_write
from app.extensions import db
from app.models import Role, User


class AccountError(ValueError):
    """An account cannot be created or used; the message is shown to the person."""


def normalise_email(email: str) -> str:
    return email.strip().lower()


def find_user_by_email(email: str) -> User | None:
    return db.session.execute(db.select(User).filter_by(email=normalise_email(email))).scalar_one_or_none()


def create_user(*, name: str, email: str, password: str, role: Role) -> User:
    """Create an account, or raise AccountError when the email is taken."""
    begin_write()  # SQLite: take the write lock before reading, so that a busy moment waits instead of failing
    if find_user_by_email(email) is not None:
        raise AccountError("An account with this email already exists. Log in instead.")
    user = User(name=name.strip(), email=normalise_email(email), role=role)
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


def sign_up(*, name: str, email: str, password: str, role: Role) -> User | None:
    """Create an account; for an email that has one already, return None after the same work.

    The person is told the same in both cases and logs in next: no one learns from signing up which
    emails have accounts, neither from the answer nor from its timing (the password is hashed either way).
    """
    try:
        return create_user(name=name, email=email, password=password, role=role)
    except AccountError:
        generate_password_hash(password)  # what creating the account would have spent
        return None
