"""Demo data: a teacher, a learner, a class and a published set from a real article, made once."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from app.auth.services import create_user, find_user_by_email
from app.classes.services import create_classroom, unarchive_classroom
from app.extensions import db
from app.models import Assignment, Classroom, Enrollment, QuestionSet, Role, User, utcnow
from app.sets.creation import create_set_from_article
from app.sets.publishing import assign, publish
from app.sets.queries import find_created_set
from app.sets.verdicts import approve_recommended

DEMO_PASSWORD = "harbour lantern quiz"  # 12+ characters that pass the password check (tests/web/test_auth.py)
DEMO_TEACHER_EMAIL = "teacher@demo.factdeck"
DEMO_LEARNER_EMAIL = "learner@demo.factdeck"
DEMO_CLASS_NAME = "Demo class"
DEMO_ARTICLE = Path(__file__).with_name("karabakh-russian-troops-leave.txt")
DEMO_ARTICLE_PUBLISHED_ON = dt.date(2024, 5, 15)
# Marks the demo set the way a creation form's token marks a set, so a second run finds it.
DEMO_SET_TOKEN = "demo:karabakh-russian-troops-leave"
DEMO_DUE_IN = dt.timedelta(days=7)


@dataclass(frozen=True)
class DemoData:
    teacher: User
    learner: User
    classroom: Classroom
    question_set: QuestionSet
    assignment: Assignment
    created: tuple[str, ...]  # what this run added, e.g. ("teacher", "set"); empty when all was there


def seed_demo(*, now: dt.datetime | None = None) -> DemoData:
    """Make sure the demo accounts, class and assigned set exist; add only what is missing."""
    now = now or utcnow()
    created: list[str] = []
    teacher = _account(DEMO_TEACHER_EMAIL, "Demo Teacher", Role.TEACHER, created)
    learner = _account(DEMO_LEARNER_EMAIL, "Demo Learner", Role.LEARNER, created)

    classroom = db.session.execute(
        db.select(Classroom).filter_by(teacher_id=teacher.id, name=DEMO_CLASS_NAME).order_by(Classroom.id)
    ).scalars().first()
    if classroom is None:
        classroom = create_classroom(teacher, DEMO_CLASS_NAME)
        created.append("class")
    unarchive_classroom(classroom)
    enrolled = db.session.execute(
        db.select(Enrollment.id).filter_by(classroom_id=classroom.id, learner_id=learner.id)).first()
    if enrolled is None:
        db.session.add(Enrollment(classroom_id=classroom.id, learner_id=learner.id))
        db.session.commit()
        created.append("enrollment")

    question_set = find_created_set(teacher, DEMO_SET_TOKEN)
    if question_set is None:
        question_set = create_set_from_article(teacher, DEMO_ARTICLE.read_text(encoding="utf-8"),
                                               published_on=DEMO_ARTICLE_PUBLISHED_ON, creation_token=DEMO_SET_TOKEN)
        created.append("set")
    if not question_set.is_published:
        # The set a teacher publishes with one click: the engine's recommended questions; the rest stay
        # pending on the review page as suggestions.
        approve_recommended(question_set)
        publish(question_set)
    assignment = db.session.execute(
        db.select(Assignment).filter_by(set_id=question_set.id, classroom_id=classroom.id)).scalar_one_or_none()
    if assignment is None:
        assignment = assign(question_set, classroom, due_at=now + DEMO_DUE_IN)
        created.append("assignment")
    return DemoData(teacher=teacher, learner=learner, classroom=classroom, question_set=question_set,
                    assignment=assignment, created=tuple(created))


def _account(email: str, name: str, role: Role, created: list[str]) -> User:
    user = find_user_by_email(email)
    if user is None:
        user = create_user(name=name, email=email, password=DEMO_PASSWORD, role=role)
        created.append(role.value)
    elif user.role is not role:
        raise ValueError(f"{email} exists but is a {user.role.value}, not a {role.value}; remove it or use another database.")
    return user
