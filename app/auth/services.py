"""Creating and checking accounts, and changing and resetting their passwords (there is no email)."""
from __future__ import annotations

import secrets

from sqlalchemy.exc import IntegrityError

from app.extensions import db
from app.models import Role, User, utcnow

MIN_PASSWORD_LENGTH = 8
# No 0/O, 1/I/L: a temporary password is read aloud or copied off a screen by hand.
TEMPORARY_PASSWORD_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"
TEMPORARY_PASSWORD_GROUPS = 3  # of four characters: about 59 bits


class AccountError(ValueError):
    """An account cannot be created or used; the message is shown to the person."""


def normalise_email(email: str) -> str:
    return email.strip().lower()


def find_user_by_email(email: str) -> User | None:
    return db.session.execute(db.select(User).filter_by(email=normalise_email(email))).scalar_one_or_none()


def create_user(*, name: str, email: str, password: str, role: Role) -> User:
    """Create an account, or raise AccountError when the email is taken."""
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


def authenticate(email: str, password: str) -> User | None:
    """Return the user whose email and password these are, or None."""
    user = find_user_by_email(email)
    if user is None or not user.check_password(password):
        return None
    return user


def change_password(user: User, new_password: str, *, current_password: str | None) -> None:
    """Give the user a password of their own; ``current_password`` is checked unless a reset forced the change.

    Raises:
        AccountError: the current password is wrong, or the new one is too short or the temporary one.
    """
    if not user.must_change_password and (current_password is None or not user.check_password(current_password)):
        raise AccountError("Your current password is not right.")
    if len(new_password) < MIN_PASSWORD_LENGTH:
        raise AccountError(f"Use at least {MIN_PASSWORD_LENGTH} characters.")
    if user.check_password(new_password):
        raise AccountError("Choose a password other than the one you have now.")
    user.set_password(new_password)
    user.must_change_password = False
    password_changed(user)


def reset_password(user: User) -> str:
    """Give the user a new temporary password, which they must change when they next log in, and return it."""
    temporary = "-".join("".join(secrets.choice(TEMPORARY_PASSWORD_ALPHABET) for _ in range(4))
                         for _ in range(TEMPORARY_PASSWORD_GROUPS))
    user.set_password(temporary)
    user.must_change_password = True
    password_changed(user)
    return temporary


def password_changed(user: User) -> None:
    """Record that the user's password changed (by them or by a reset) and commit.

    The one place that follows every password change: whatever must end with the old password (other
    logged-in copies of the account's session) hooks in here.
    """
    user.password_changed_at = utcnow()
    db.session.commit()
