"""Passwords without email: anyone changes their own, a teacher resets a learner of their class, an administrator
resets any account from the command line; a reset password must be changed at the next login."""
from __future__ import annotations

import re

import pytest

from app.extensions import db
from app.models import Classroom, Enrollment, Role, User
from tests.web.conftest import PASSWORD, log_in, make_user, post_form

NEW_PASSWORD = "a brand new secret"
TEMPORARY = re.compile(r'id="temporary-password">([a-z2-9-]+)<')


def page_text(response) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", response.get_data(as_text=True)).split())


def password_of(app, email: str, password: str) -> bool:
    with app.app_context():
        return db.session.execute(db.select(User).filter_by(email=email)).scalar_one().check_password(password)


@pytest.fixture()
def classes(app, teacher):
    """The logged-in teacher's class with Ada; another teacher's class with Bob."""
    ada = make_user(app, role=Role.LEARNER, email="ada@example.org", name="Ada")
    bob = make_user(app, role=Role.LEARNER, email="bob@example.org", name="Bob")
    other_teacher = make_user(app, role=Role.TEACHER, email="other@example.org", name="Otto")
    with app.app_context():
        mine = Classroom(teacher_id=teacher, name="Year 9", join_code="MINE2345")
        theirs = Classroom(teacher_id=other_teacher, name="Year 10", join_code="THEIRS23")
        db.session.add_all([mine, theirs])
        db.session.flush()
        db.session.add_all([Enrollment(classroom_id=mine.id, learner_id=ada),
                            Enrollment(classroom_id=theirs.id, learner_id=bob)])
        db.session.commit()
        return {"mine": mine.id, "theirs": theirs.id, "ada": ada, "bob": bob}


def reset(client, classroom_id: int, learner_id: int):
    return post_form(client, f"/classes/{classroom_id}/learners/{learner_id}/reset-password", {},
                     form_page="/classes/")


def test_a_teacher_resets_a_learner_of_their_class_who_must_then_choose_a_new_password(app, client, classes):
    response = reset(client, classes["mine"], classes["ada"])
    assert response.status_code == 200 and response.headers["Cache-Control"] == "no-store"
    temporary = TEMPORARY.search(response.get_data(as_text=True)).group(1)
    assert len(temporary) == 14 and "It is shown only now." in page_text(response)
    assert not password_of(app, "ada@example.org", PASSWORD)  # the old password no longer works
    assert temporary not in client.get("/classes/").get_data(as_text=True)  # not kept in a flash message

    learner = app.test_client()
    assert log_in(learner, "ada@example.org").status_code == 401
    response = log_in(learner, "ada@example.org", temporary)
    assert response.status_code == 302 and response.headers["Location"] == "/auth/password"
    # Every other page, including the answer path, sends them back to choose a password first.
    for url in ("/", "/progress/", "/study/"):
        response = learner.get(url)
        assert response.status_code == 302 and response.headers["Location"] == "/auth/password", url
    page = learner.get("/auth/password")
    assert "Choose a new password" in page_text(page) and "Current password" not in page_text(page)

    response = post_form(learner, "/auth/password", {"password": temporary, "confirm": temporary})
    assert response.status_code == 400 and "other than the one you have now" in page_text(response)
    response = post_form(learner, "/auth/password", {"password": NEW_PASSWORD, "confirm": NEW_PASSWORD})
    assert response.status_code == 302 and response.headers["Location"] == "/"
    assert learner.get("/").status_code == 200
    assert password_of(app, "ada@example.org", NEW_PASSWORD)
    with app.app_context():
        ada = db.session.get(User, classes["ada"])
        assert not ada.must_change_password and ada.password_changed_at is not None


@pytest.mark.parametrize("who", ["theirs", "unknown", "teacher"])
def test_a_teacher_cannot_reset_anyone_outside_their_class(app, client, classes, teacher, who):
    classroom_id, learner_id = {"theirs": (classes["theirs"], classes["bob"]),  # another teacher's class
                                "unknown": (classes["mine"], classes["bob"]),  # a learner not in my class
                                "teacher": (classes["mine"], teacher)}[who]  # not a learner of mine at all
    response = reset(client, classroom_id, learner_id)
    if who == "theirs":
        assert response.status_code == 404
    else:
        assert response.status_code == 302
        assert "That learner is not in this class." in page_text(client.get(response.headers["Location"]))
    assert password_of(app, "bob@example.org", PASSWORD) and password_of(app, "teacher@example.org", PASSWORD)
    with app.app_context():
        assert not any(user.must_change_password for user in db.session.execute(db.select(User)).scalars())


def test_a_learner_cannot_reset_anyone(app, classes):
    learner = app.test_client()
    log_in(learner, "ada@example.org")
    response = post_form(learner, f"/classes/{classes['mine']}/learners/{classes['ada']}/reset-password", {},
                         form_page="/auth/password")
    assert response.status_code == 403 and password_of(app, "ada@example.org", PASSWORD)


def test_a_reset_cannot_be_forged_without_the_forms_token(client, classes):
    response = client.post(f"/classes/{classes['mine']}/learners/{classes['ada']}/reset-password")
    assert response.status_code == 400


def test_an_archived_class_is_read_only_for_resets_too(app, client, classes):
    post_form(client, f"/classes/{classes['mine']}/archive", {}, form_page="/classes/")
    response = reset(client, classes["mine"], classes["ada"])
    assert response.status_code == 302 and password_of(app, "ada@example.org", PASSWORD)


@pytest.mark.parametrize(("form", "error"), [
    ({"current_password": "wrong password", "password": NEW_PASSWORD, "confirm": NEW_PASSWORD},
     "Your current password is not right."),
    ({"current_password": "", "password": NEW_PASSWORD, "confirm": NEW_PASSWORD},
     "Your current password is not right."),
    ({"current_password": PASSWORD, "password": "short", "confirm": "short"}, "Use at least 12 characters"),
    ({"current_password": PASSWORD, "password": "password1234", "confirm": "password1234"}, "Add another word"),
    ({"current_password": PASSWORD, "password": NEW_PASSWORD, "confirm": "something else"}, "The passwords differ."),
])
def test_changing_ones_own_password_refuses_bad_input_with_a_message(app, client, learner, form, error):
    response = post_form(client, "/auth/password", form)
    assert response.status_code == 400 and error in page_text(response)
    assert password_of(app, "learner@example.org", PASSWORD)


@pytest.mark.parametrize("role", [Role.LEARNER, Role.TEACHER])
def test_anyone_changes_their_own_password_and_stays_logged_in(app, client, role):
    make_user(app, role=role, email="someone@example.org")
    log_in(client, "someone@example.org")
    page = client.get("/auth/password")
    assert page.status_code == 200 and "Current password" in page_text(page)
    response = post_form(client, "/auth/password",
                         {"current_password": PASSWORD, "password": NEW_PASSWORD, "confirm": NEW_PASSWORD})
    assert response.status_code == 302
    assert "Your password is changed." in page_text(client.get("/"))
    other = app.test_client()
    assert log_in(other, "someone@example.org").status_code == 401
    assert log_in(other, "someone@example.org", NEW_PASSWORD).status_code == 302


def test_a_password_change_ends_every_other_login_and_a_reset_ends_them_all(app, client, classes):
    elsewhere = app.test_client()
    assert log_in(elsewhere, "ada@example.org").status_code == 302
    here = app.test_client()
    assert log_in(here, "ada@example.org").status_code == 302
    response = post_form(here, "/auth/password",
                         {"current_password": PASSWORD, "password": NEW_PASSWORD, "confirm": NEW_PASSWORD})
    assert response.status_code == 302
    assert here.get("/progress/").status_code == 200  # the browser that changed it stays logged in
    assert elsewhere.get("/progress/").status_code == 302  # the other copy is logged out

    assert reset(client, classes["mine"], classes["ada"]).status_code == 200  # the teacher resets Ada
    response = here.get("/progress/")
    assert response.status_code == 302 and "/auth/login" in response.headers["Location"]


def test_the_password_page_needs_a_login(client):
    response = client.get("/auth/password")
    assert response.status_code == 302 and "/auth/login" in response.headers["Location"]


def test_an_administrator_resets_any_password_from_the_command_line(app, runner):
    make_user(app, role=Role.TEACHER, email="teacher@example.org")
    result = runner.invoke(args=["users", "reset-password", " Teacher@Example.org "])
    assert result.exit_code == 0, result.output
    temporary = re.search(r"^  ([a-z2-9-]{14})$", result.output, re.MULTILINE).group(1)
    assert "must then choose a new password" in result.output
    client = app.test_client()
    assert log_in(client, "teacher@example.org").status_code == 401
    response = log_in(client, "teacher@example.org", temporary)
    assert response.headers["Location"] == "/auth/password"
    assert client.get("/sets/").headers["Location"] == "/auth/password"


def test_the_command_line_reset_says_when_no_account_has_the_email(runner):
    result = runner.invoke(args=["users", "reset-password", "nobody@example.org"])
    assert result.exit_code != 0 and "No account has the email 'nobody@example.org'." in result.output

