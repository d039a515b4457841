"""CSV exports of grades and raw answers: contents row by row, formula guard, and who may download them."""
from __future__ import annotations

import datetime as dt

import pytest

from app.extensions import db
from app.models import Assignment, Classroom, QuestionSet, Role, SetStatus, utcnow
from app.reports.exports import defuse, slug
from tests.web.conftest import log_in, make_user
from tests.web.spreadsheet import open_in_excel, open_in_libreoffice
from tests.web.test_reports import build_report_data

GRADE_HEADER = ["class", "learner", "email", "set", "attempts", "best_percent", "last_percent", "mastery_percent",
                "last_activity", "due", "overdue"]
ANSWER_HEADER = ["class", "learner", "email", "set", "attempt_id", "question_id", "question_prompt", "response",
                 "correct", "answered_at", "duration_ms"]
CLASS = "Year 9 Géographie"
SET = "Karabakh: Russian troops leave"


def iso(moment: dt.datetime) -> str:
    return moment.replace(microsecond=0).isoformat() + "Z"


def read_csv(response) -> list[list[str]]:
    """Return the rows as LibreOffice and Excel show them by default (the two must agree)."""
    body = response.get_data()
    assert body.startswith(b"\xff\xfe"), "no UTF-16 byte-order mark"
    rows = open_in_excel(body)
    for character_set in ("windows-1252", "utf-8"):
        assert open_in_libreoffice(body, character_set=character_set) == rows
    return rows


@pytest.fixture()
def now():
    return utcnow().replace(microsecond=0)


@pytest.fixture()
def data(app, teacher, now):
    return build_report_data(app, teacher, now=now)


def test_grades_csv_has_one_row_per_learner_with_scores_mastery_and_overdue(client, data, now):
    response = client.get(f"/reports/classes/{data.classroom_id}/sets/{data.set_id}/grades.csv")
    assert response.status_code == 200
    assert response.headers["Content-Type"] == "text/csv; charset=utf-16"
    assert response.headers["Content-Disposition"] == (
        f'attachment; filename="factdeck-grades-year-9-geographie-karabakh-russian-troops-leave-{now.date()}.csv"')
    due = iso(now - dt.timedelta(days=2))
    assert read_csv(response) == [
        GRADE_HEADER,
        [CLASS, "Ada Lovelace", "ada@example.org", SET, "2", "80.0", "60.0", "20.0", iso(now), due, "no"],
        [CLASS, "Bob Marley", "bob@example.org", SET, "0", "", "", "0.0",
         iso(now - dt.timedelta(days=1) + dt.timedelta(minutes=2)), due, "yes"],
        [CLASS, "Cy Twombly", "cy@example.org", SET, "0", "", "", "0.0", "", due, "yes"],
    ]


def test_grades_csv_of_all_sets_has_a_row_per_learner_and_assigned_set(app, client, data, teacher, now):
    with app.app_context():
        second = QuestionSet(owner_id=teacher, title="=Second set", status=SetStatus.PUBLISHED)
        db.session.add(second)
        db.session.flush()
        db.session.add(Assignment(set_id=second.id, classroom_id=data.classroom_id))
        db.session.commit()
    response = client.get(f"/reports/classes/{data.classroom_id}/grades.csv")
    assert response.status_code == 200
    assert response.headers["Content-Disposition"] == (
        f'attachment; filename="factdeck-grades-year-9-geographie-all-sets-{now.date()}.csv"')
    rows = read_csv(response)
    # The set due first comes first; the set without a due date (and without questions) last.
    assert [(row[1], row[3], row[7], row[9], row[10]) for row in rows[1:]] == [
        ("Ada Lovelace", SET, "20.0", iso(now - dt.timedelta(days=2)), "no"),
        ("Ada Lovelace", "'=Second set", "", "", "no"),
        ("Bob Marley", SET, "0.0", iso(now - dt.timedelta(days=2)), "yes"),
        ("Bob Marley", "'=Second set", "", "", "no"),
        ("Cy Twombly", SET, "0.0", iso(now - dt.timedelta(days=2)), "yes"),
        ("Cy Twombly", "'=Second set", "", "", "no"),
    ]


def test_answers_csv_has_one_row_per_stored_answer(client, data, now):
    response = client.get(f"/reports/classes/{data.classroom_id}/sets/{data.set_id}/answers.csv")
    assert response.status_code == 200
    assert response.headers["Content-Disposition"].startswith('attachment; filename="factdeck-answers-year-9-')
    rows = read_csv(response)
    assert rows[0] == ANSWER_HEADER
    assert len(rows) == 1 + 5 + 5 + 2  # Ada's two attempts, Bob's two answers; Cy has none
    first, second = data.ada_attempts
    q1, _q2, _q3, q4, q5 = data.question_ids
    started = now - dt.timedelta(days=5)
    assert rows[1] == [CLASS, "Ada Lovelace", "ada@example.org", SET, str(first), str(q1),
                       "Who announced the withdrawal?", "The Kremlin", "yes", iso(started + dt.timedelta(minutes=1)),
                       "4000"]
    assert [row[4] for row in rows[1:11]] == [str(first)] * 5 + [str(second)] * 5
    assert [row[1] for row in rows[11:]] == ["Bob Marley", "Bob Marley"]
    assert [row[8] for row in rows[11:]] == ["no", "yes"]
    # Cells a spreadsheet would run as a formula start with a quote.
    assert rows[9][5:9] == [str(q4), "The troops left ____ in April.", "'-Karabakh", "no"]
    assert rows[10][6:8] == ["'=HYPERLINK(\"http://evil.example\") which month?", "'=1+1"]


def test_answers_csv_of_all_sets(client, data):
    rows = read_csv(client.get(f"/reports/classes/{data.classroom_id}/answers.csv"))
    assert len(rows) == 13 and {row[3] for row in rows[1:]} == {SET}


def test_a_class_without_learners_exports_only_the_header(app, client, teacher):
    with app.app_context():
        classroom = Classroom(teacher_id=teacher, name="Empty", join_code="EMPTY1")
        db.session.add(classroom)
        db.session.commit()
        classroom_id = classroom.id
    assert read_csv(client.get(f"/reports/classes/{classroom_id}/grades.csv")) == [GRADE_HEADER]
    assert read_csv(client.get(f"/reports/classes/{classroom_id}/answers.csv")) == [ANSWER_HEADER]


@pytest.mark.parametrize(("cell", "written"), [
    ("=SUM(A1:A9)", "'=SUM(A1:A9)"),
    ("+33 1 23", "'+33 1 23"),
    ("-1", "'-1"),
    ("@cmd", "'@cmd"),
    ("\t=1", "'\t=1"),
    ("\r=1", "'\r=1"),
    ("Paris", "Paris"),
    ("a=b", "a=b"),
    ("", ""),
    (-1, -1),  # numbers are numbers, not formulas
    (80.0, 80.0),
])
def test_formula_guard(cell, written):
    assert defuse(cell) == written


@pytest.mark.parametrize(("text", "expected"), [
    ("Year 9 Géographie", "year-9-geographie"),
    ("Karabakh: Russian troops leave", "karabakh-russian-troops-leave"),
    ("«»", "export"),
    ("a" * 60, "a" * 40),
])
def test_file_names_are_ascii_slugs(text, expected):
    assert slug(text) == expected


def _export_urls(data) -> list[str]:
    return [
        f"/reports/classes/{data.classroom_id}/grades.csv",
        f"/reports/classes/{data.classroom_id}/sets/{data.set_id}/grades.csv",
        f"/reports/classes/{data.classroom_id}/answers.csv",
        f"/reports/classes/{data.classroom_id}/sets/{data.set_id}/answers.csv",
    ]


def test_another_teacher_gets_not_found(app, data):
    other_id = make_user(app, role=Role.TEACHER, email="other@example.org", name="Otto Other")
    with app.app_context():
        own_class = Classroom(teacher_id=other_id, name="Otto's class", join_code="OTTO01")
        own_set = QuestionSet(owner_id=other_id, title="Otto's set", status=SetStatus.PUBLISHED)
        db.session.add_all([own_class, own_set])
        db.session.commit()
        own_class_id, own_set_id = own_class.id, own_set.id
    other = app.test_client()
    assert log_in(other, "other@example.org").status_code == 302
    for url in _export_urls(data):
        assert other.get(url).status_code == 404, url
    # Their own class with the first teacher's set, and the first teacher's class with their own set.
    assert other.get(f"/reports/classes/{own_class_id}/sets/{data.set_id}/grades.csv").status_code == 404
    assert other.get(f"/reports/classes/{own_class_id}/sets/{data.set_id}/answers.csv").status_code == 404
    assert other.get(f"/reports/classes/{data.classroom_id}/sets/{own_set_id}/grades.csv").status_code == 404
    assert other.get(f"/reports/classes/{own_class_id}/grades.csv").status_code == 200


def test_learners_are_refused_and_visitors_sent_to_log_in(app, data):
    learner = app.test_client()
    assert log_in(learner, "ada@example.org").status_code == 302
    anonymous = app.test_client()
    for url in _export_urls(data):
        assert learner.get(url).status_code == 403, url
        response = anonymous.get(url)
        assert response.status_code == 302 and "/auth/login" in response.headers["Location"], url


def test_the_csv_opens_cleanly_in_spreadsheets_where_utf8_with_a_mark_did_not(client, data):
    body = client.get(f"/reports/classes/{data.classroom_id}/grades.csv").get_data()
    for rows in (open_in_excel(body), open_in_libreoffice(body), open_in_libreoffice(body, character_set="utf-8")):
        assert rows[0] == GRADE_HEADER and rows[1][0] == CLASS
    # The former encoding, UTF-8 with a mark, read by LibreOffice set to Windows-1252 as the issue saw it.
    former = "\ufeffclass,learner\r\nYear 9 Géographie,Ada\r\n".encode("utf-8")
    assert open_in_libreoffice(former)[0][0] == "ï»¿class"
    assert open_in_libreoffice(former)[1][0] == "Year 9 GÃ©ographie"

