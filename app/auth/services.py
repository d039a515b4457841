"""Creating and checking accounts."""
from __future__ import annotations

from sqlalchemy.exc import IntegrityError

from app.extensions import db
from app.models import Role, User
from app.timezones import UTC, valid_zone


class AccountError(ValueError):
    """An account cannot be created or used; the message is shown to the person."""


def normalise_email(email: str) -> str:
    return email.strip().lower()


def find_user_by_email(email: str) -> User | None:
    return db.session.execute(db.select(User).filter_by(email=normalise_email(email))).scalar_one_or_none()


def create_user(*, name: str, email: str, password: str, role: Role, time_zone: str | None = None) -> User:
    """Create an account, or raise AccountError when the email is taken; an unknown time zone counts as UTC."""
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


def authenticate(email: str, password: str) -> User | None:
    """Return the user whose email and password these are, or None."""
    user = find_user_by_email(email)
    if user is None or not user.check_password(password):
        return None
    return user


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
