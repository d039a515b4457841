"""The one "this person's thing, or 404" lookup: another person's class, set or attempt is as good as absent."""
from __future__ import annotations

from typing import TypeVar

from app.errors import NotFound
from app.extensions import db
from app.models import Attempt, Classroom, QuestionSet, User

# Who owns each kind of thing: its column holding the owner's user id.
OWNER_COLUMN = {QuestionSet: "owner_id", Classroom: "teacher_id", Attempt: "learner_id"}

Owned = TypeVar("Owned", QuestionSet, Classroom, Attempt)


def owned_or_404(model: type[Owned], object_id: int, owner: User) -> Owned:
    """Return the ``model`` row with this id if ``owner`` owns it.

    Raises:
        NotFound: there is no such row, or it is someone else's (answered 404 alike, so ids reveal nothing).
    """
    found = db.session.get(model, object_id)
    if found is None or getattr(found, OWNER_COLUMN[model]) != owner.id:
        raise NotFound(model.__name__, object_id)
    return found
