"""The same form sent twice at once makes one row: the second insert returns the first's row, not an error."""
from __future__ import annotations

import pytest
from sqlalchemy.exc import IntegrityError

from app.database import add_once
from app.extensions import db
from app.models import QuestionSet, Role
from tests.web.conftest import make_user


def test_a_second_row_with_the_same_token_returns_the_first(app):
    owner_id = make_user(app, role=Role.TEACHER, email="t@example.org")
    with app.app_context():
        first, made = add_once(QuestionSet(owner_id=owner_id, title="First", creation_token="token-1"), lambda: None)
        assert made
        second, made = add_once(
            QuestionSet(owner_id=owner_id, title="Second", creation_token="token-1"),
            lambda: db.session.scalar(db.select(QuestionSet).filter_by(creation_token="token-1")))
        assert not made and second.id == first.id and second.title == "First"
        assert db.session.scalar(db.select(db.func.count()).select_from(QuestionSet)) == 1


def test_a_conflict_nobody_explains_is_raised(app):
    owner_id = make_user(app, role=Role.TEACHER, email="t@example.org")
    with app.app_context():
        add_once(QuestionSet(owner_id=owner_id, title="First", creation_token="token-1"), lambda: None)
        with pytest.raises(IntegrityError):
            add_once(QuestionSet(owner_id=owner_id, title="Again", creation_token="token-1"), lambda: None)
