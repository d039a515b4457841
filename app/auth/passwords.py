"""What makes a password acceptable: at least 12 characters, and not guessable by zxcvbn's estimate."""
from __future__ import annotations

from zxcvbn import zxcvbn

MIN_LENGTH = 12
MAX_LENGTH = 128
MIN_SCORE = 3  # zxcvbn's 0 to 4: 3 is "safely unguessable" for an online attack (about 10^8 guesses)
# zxcvbn's time grows with the length of what it checks; past this many characters a password is long enough.
_CHECKED_LENGTH = 64


class WeakPassword(ValueError):
    """The password would be easy to guess; the message says what to do."""


def check_password(password: str, *, related: tuple[str, ...] = ()) -> None:
    """Refuse a password that is short, common, a keyboard or date pattern, or made of the person's name or email.

    Raises:
        WeakPassword: with a message for the person.
    """
    if len(password) < MIN_LENGTH:
        raise WeakPassword(f"Use at least {MIN_LENGTH} characters: a few unrelated words make a good password.")
    if len(password) > MAX_LENGTH:
        raise WeakPassword(f"Use at most {MAX_LENGTH} characters.")
    words = []
    for value in filter(None, related):
        parts = value.replace("@", " ").replace(".", " ").replace("-", " ").replace("_", " ").split()
        words += [value, "".join(parts), "".join(value.split("@")[0].split(".")), *parts]
    estimate = zxcvbn(password[:_CHECKED_LENGTH], user_inputs=words)
    if estimate["score"] < MIN_SCORE:
        warning = estimate["feedback"].get("warning") or "This password would be easy to guess."
        warning = warning if warning.endswith(".") else warning + "."
        raise WeakPassword(f"{warning} Add another word or two that are not your name or email.")
