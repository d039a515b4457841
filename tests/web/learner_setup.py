"""Test data for the learner pages: a teacher's published set, assigned to a class the learner is in."""
from __future__ import annotations

import datetime as dt
import re
import secrets
from dataclasses import dataclass

from app.extensions import db
from app.models import (Assignment, Classroom, Enrollment, Question, QuestionKind, QuestionSet, ReviewStatus, Role,
                        SetStatus, utcnow)
from tests.web.conftest import make_user

# Hand-written questions about an invented event, one of each kind, in set order.
QUESTIONS = (
    dict(kind=QuestionKind.MULTIPLE_CHOICE, prompt="Which city hosted the rowing final?", answer="Lakeport",
         choices=["Rivertown", "Lakeport", "Hillcrest", "Bayside"],
         explanation="The rowing final was held in Lakeport on a windy afternoon.", fact_kind="place",
         fact_text="Lakeport"),
    dict(kind=QuestionKind.TRUE_FALSE, prompt="The bridge opened in 1960.", answer="True", choices=["True", "False"],
         explanation="The bridge opened in 1960 after four years of work.", fact_kind="date", fact_text="1960"),
    dict(kind=QuestionKind.CLOZE, prompt="The new library holds _____ books.", answer="1,960",
         explanation="The new library holds 1,960 books, most of them donated.", fact_kind="number",
         fact_text="1,960", fact_value="1960"),
    dict(kind=QuestionKind.SHORT_ANSWER, prompt="Who coached the winning crew?", answer="Yevgeny Nikiforov",
         explanation="The winning crew was coached by Yevgeny Nikiforov, a former champion.", fact_kind="person",
         fact_text="Yevgeny Nikiforov", fact_value="Yevgeny Nikiforov"),
    dict(kind=QuestionKind.FLASHCARD, prompt="When was the regatta held?", answer="15 May 2024",
         explanation="The regatta was held on 15 May 2024 in heavy rain.", fact_kind="date",
         fact_text="15 May 2024", fact_value="2024-05-15"),
)


@dataclass(frozen=True)
class AssignedSet:
    teacher_id: int
    classroom_id: int
    set_id: int
    question_ids: tuple[int, ...]


def make_assigned_set(app, learner_id: int | None, *, questions=QUESTIONS, title: str = "The regatta",
                      due_at: dt.datetime | None = None, teacher_email: str = "coach@example.org",
                      teacher_id: int | None = None, **quiz_settings) -> AssignedSet:
    """Create a teacher (unless given), a class with the learner enrolled, a published set and its assignment.

    The quiz asks the questions and choices in set order unless ``quiz_settings`` (Assignment columns) say
    otherwise: the tests that walk a quiz question by question count on it.
    """
    quiz_settings = {"shuffle_questions": False, "shuffle_choices": False, **quiz_settings}
    if teacher_id is None:
        teacher_id = make_user(app, role=Role.TEACHER, email=teacher_email)
    with app.app_context():
        classroom = Classroom(teacher_id=teacher_id, name=f"Class of {title}", join_code=secrets.token_hex(4).upper())
        question_set = QuestionSet(owner_id=teacher_id, title=title, status=SetStatus.PUBLISHED,
                                   published_at=utcnow())
        db.session.add_all([classroom, question_set])
        db.session.flush()
        if learner_id is not None:
            db.session.add(Enrollment(classroom_id=classroom.id, learner_id=learner_id))
        made = [Question(set_id=question_set.id, position=position, review_status=ReviewStatus.APPROVED, **fields)
                for position, fields in enumerate(questions)]
        db.session.add_all(made)
        db.session.add(Assignment(set_id=question_set.id, classroom_id=classroom.id, due_at=due_at, **quiz_settings))
        db.session.commit()
        return AssignedSet(teacher_id, classroom.id, question_set.id, tuple(question.id for question in made))


def enroll(app, learner_id: int, classroom_id: int) -> None:
    with app.app_context():
        db.session.add(Enrollment(classroom_id=classroom_id, learner_id=learner_id))
        db.session.commit()


SUBMISSION_FIELD = re.compile(r'name="submission_id" value="([^"]+)"')
QUESTION_FIELD = re.compile(r'name="question_id" value="(\d+)"')
VERSION_FIELD = re.compile(r'name="seen_version" value="([^"]+)"')
CSRF_VALUE = re.compile(r'name="csrf_token" value="([^"]+)"')


def form_fields(page: str) -> dict[str, str]:
    """Return the hidden fields of the answer form on a page, as a browser would send them back."""
    fields = {"csrf_token": CSRF_VALUE.search(page).group(1), "submission_id": SUBMISSION_FIELD.search(page).group(1),
              "question_id": QUESTION_FIELD.search(page).group(1)}
    version = VERSION_FIELD.search(page)
    if version:
        fields["seen_version"] = version.group(1)
    return fields
