"""Teachers' classes: creating, renaming, archiving, join codes, the roster, and learners joining."""
from __future__ import annotations

import datetime as dt

import pytest

from app.classes import services
from app.classes.services import JOIN_CODE_ALPHABET, JOIN_CODE_LENGTH
from app.extensions import db
from app.models import Assignment, Classroom, Enrollment, QuestionSet, Role, SetStatus, User
from tests.web.conftest import csrf_token, log_in, make_user, post_form


def make_classroom(app, teacher_id: int, name: str = "Year 9 History", *, code: str | None = None,
                   archived: bool = False) -> tuple[int, str]:
    """Create a class straight through the service and return its id and join code."""
    with app.app_context():
        teacher = db.session.get(User, teacher_id)
        if code is None:
            classroom = services.create_classroom(teacher, name)
        else:
            classroom = services.create_classroom(teacher, name, new_code=lambda: code)
        if archived:
            services.archive_classroom(classroom)
        return classroom.id, classroom.join_code


def enroll(app, classroom_id: int, learner_id: int) -> None:
    with app.app_context():
        db.session.add(Enrollment(classroom_id=classroom_id, learner_id=learner_id))
        db.session.commit()


def learner_client(app, email: str = "lena@example.org", name: str = "Lena Learner"):
    """A second browser, logged in as a new learner; returns (client, learner id)."""
    learner_id = make_user(app, role=Role.LEARNER, email=email, name=name)
    client = app.test_client()
    assert log_in(client, email).status_code == 302
    return client, learner_id


def enrollments_of(app, classroom_id: int) -> list[int]:
    with app.app_context():
        return sorted(db.session.execute(
            db.select(Enrollment.learner_id).filter_by(classroom_id=classroom_id)).scalars())


def get_classroom(app, classroom_id: int) -> Classroom:
    with app.app_context():
        classroom = db.session.get(Classroom, classroom_id)
        db.session.expunge(classroom)
        return classroom


# --- join codes ---------------------------------------------------------------------------------

def test_generated_codes_use_only_unambiguous_characters():
    codes = {services.generate_join_code() for _ in range(300)}
    assert len(codes) == 300
    for code in codes:
        assert len(code) == JOIN_CODE_LENGTH
        assert set(code) <= set(JOIN_CODE_ALPHABET)
        assert not set(code) & set("0O1IL")


@pytest.mark.parametrize("typed, stored", [
    ("ABCDEFGH", "ABCDEFGH"),
    ("abcdefgh", "ABCDEFGH"),
    ("abcd-efgh", "ABCDEFGH"),
    ("  AbCd EfGh  ", "ABCDEFGH"),
    ("ab-cd ef-gh", "ABCDEFGH"),
    ("abcd\u2013efgh", "ABCDEFGH"),  # an en dash, as phones and word processors type it
    ("", ""),
])
def test_typed_codes_are_normalised(typed, stored):
    assert services.normalise_join_code(typed) == stored


def test_a_code_already_taken_is_drawn_again(app, teacher):
    make_classroom(app, teacher, "First", code="AAAAAAAA")
    drawn = iter(["AAAAAAAA", "BBBBBBBB"])
    with app.app_context():
        classroom = services.create_classroom(db.session.get(User, teacher), "Second", new_code=lambda: next(drawn))
        assert classroom.join_code == "BBBBBBBB"
        assert db.session.execute(db.select(db.func.count(Classroom.id))).scalar() == 2


def test_a_code_taken_between_lookup_and_commit_is_drawn_again(app, teacher, monkeypatch):
    make_classroom(app, teacher, "First", code="AAAAAAAA")
    monkeypatch.setattr(services, "_code_taken", lambda code: False)  # as if another request won the race
    drawn = iter(["AAAAAAAA", "CCCCCCCC"])
    with app.app_context():
        classroom = services.create_classroom(db.session.get(User, teacher), "Second", new_code=lambda: next(drawn))
        assert (classroom.name, classroom.join_code) == ("Second", "CCCCCCCC")
    assert sorted(get_classroom(app, cid).join_code for cid in (1, 2)) == ["AAAAAAAA", "CCCCCCCC"]


# --- teachers' pages ----------------------------------------------------------------------------

def test_teacher_creates_a_class_and_sees_its_code(app, client, teacher):
    response = post_form(client, "/classes/new", {"name": "  Year 9   History "})
    assert response.status_code == 302
    with app.app_context():
        classroom = db.session.execute(db.select(Classroom)).scalar_one()
        assert (classroom.name, classroom.teacher_id) == ("Year 9 History", teacher)
        code = classroom.join_code
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "<h1" in page and "Year 9 History" in page
    assert f"{code[:4]}-{code[4:]}" in page  # shown large, in two halves
    assert f'data-copy="{code}"' in page  # the copy button copies the bare code
    assert "Created “Year 9 History”" in page


@pytest.mark.parametrize("name, message", [
    ("", "Give the class a name."),
    ("    ", "Give the class a name."),
    ("x" * 121, "cannot be longer than 120 characters"),
])
def test_a_class_needs_a_sensible_name(app, client, teacher, name, message):
    response = post_form(client, "/classes/new", {"name": name})
    assert response.status_code == 400
    assert message in response.get_data(as_text=True)
    with app.app_context():
        assert db.session.execute(db.select(Classroom)).first() is None


def test_class_list_shows_active_and_archived_classes_with_counts_and_sets(app, client, teacher):
    active_id, active_code = make_classroom(app, teacher, "Active group")
    archived_id, _ = make_classroom(app, teacher, "Last year", archived=True)
    for number in range(3):
        enroll(app, active_id, make_user(app, role=Role.LEARNER, email=f"l{number}@example.org"))
    enroll(app, archived_id, make_user(app, role=Role.LEARNER, email="old@example.org"))
    with app.app_context():
        question_set = QuestionSet(owner_id=teacher, title="Troops leave Karabakh", status=SetStatus.PUBLISHED)
        db.session.add(question_set)
        db.session.flush()
        db.session.add(Assignment(set_id=question_set.id, classroom_id=active_id, due_at=dt.datetime(2031, 5, 22, 17)))
        db.session.commit()

    page = client.get("/classes/").get_data(as_text=True)
    active_part, archived_part = page.split("Archived classes", 1)
    assert "Active group" in active_part and "Last year" not in active_part
    assert f"{active_code[:4]}-{active_code[4:]}" in active_part
    assert ">3<" in active_part.replace(" ", "")
    assert "Troops leave Karabakh" in active_part and "22 May 2031" in active_part
    assert "Last year" in archived_part and ">1<" in archived_part.replace(" ", "") and "Restore" in archived_part


def test_empty_class_list_says_what_to_do(client, teacher):
    page = client.get("/classes/").get_data(as_text=True)
    assert "You have no classes yet" in page and 'href="/classes/new"' in page


def test_class_page_shows_the_roster_and_assigned_sets(app, client, teacher):
    classroom_id, _ = make_classroom(app, teacher)
    learner_id = make_user(app, role=Role.LEARNER, email="zoe@example.org", name="Zoë <Quinn>")
    enroll(app, classroom_id, learner_id)
    with app.app_context():
        question_set = QuestionSet(owner_id=teacher, title="Wimbledon 2013", status=SetStatus.PUBLISHED)
        db.session.add(question_set)
        db.session.flush()
        db.session.add(Assignment(set_id=question_set.id, classroom_id=classroom_id, due_at=dt.datetime(2031, 1, 15, 9)))
        db.session.commit()
        set_id = question_set.id
        joined_on = db.session.execute(db.select(Enrollment.joined_at)).scalar_one()

    page = client.get(f"/classes/{classroom_id}").get_data(as_text=True)
    assert "Zoë &lt;Quinn&gt;" in page and "<Quinn>" not in page
    assert "zoe@example.org" in page
    assert f"{joined_on.day} {joined_on:%B %Y}" in page
    assert f"/classes/{classroom_id}/learners/{learner_id}/remove" in page and "Remove from class" in page
    assert "Wimbledon 2013" in page and "15 January 2031" in page
    assert f'href="/sets/{set_id}' in page  # the set's own page
    assert f"/{classroom_id}/" in page and "Results" in page


def test_teacher_renames_a_class(app, client, teacher):
    classroom_id, _ = make_classroom(app, teacher, "Old name")
    form_page = client.get(f"/classes/{classroom_id}/rename").get_data(as_text=True)
    assert 'value="Old name"' in form_page
    response = post_form(client, f"/classes/{classroom_id}/rename", {"name": "New name"}, follow_redirects=True)
    assert "Renamed the class to “New name”" in response.get_data(as_text=True)
    assert get_classroom(app, classroom_id).name == "New name"


def test_renaming_to_nothing_is_refused(app, client, teacher):
    classroom_id, _ = make_classroom(app, teacher, "Old name")
    response = post_form(client, f"/classes/{classroom_id}/rename", {"name": ""})
    assert response.status_code == 400 and "Give the class a name." in response.get_data(as_text=True)
    assert get_classroom(app, classroom_id).name == "Old name"


def test_archive_makes_a_class_read_only_and_restore_undoes_it(app, client, teacher):
    classroom_id, code = make_classroom(app, teacher, "Spring term")
    learner_id = make_user(app, role=Role.LEARNER, email="stays@example.org")
    enroll(app, classroom_id, learner_id)

    response = post_form(client, f"/classes/{classroom_id}/archive", {}, form_page=f"/classes/{classroom_id}",
                         follow_redirects=True)
    assert "Archived “Spring term”" in response.get_data(as_text=True)
    assert get_classroom(app, classroom_id).archived_at is not None

    page = client.get(f"/classes/{classroom_id}").get_data(as_text=True)
    assert "Restore class" in page and "Rename" not in page and "Make a new code" not in page
    assert "Remove from class" not in page and "stays@example.org" in page

    refused = [
        post_form(client, f"/classes/{classroom_id}/rename", {"name": "Changed"}, follow_redirects=True),
        post_form(client, f"/classes/{classroom_id}/join-code", {}, form_page=f"/classes/{classroom_id}",
                  follow_redirects=True),
        post_form(client, f"/classes/{classroom_id}/learners/{learner_id}/remove", {},
                  form_page=f"/classes/{classroom_id}", follow_redirects=True),
    ]
    for response in refused:
        assert "archived and read-only" in response.get_data(as_text=True)
    archived = get_classroom(app, classroom_id)
    assert (archived.name, archived.join_code) == ("Spring term", code)
    assert enrollments_of(app, classroom_id) == [learner_id]

    response = post_form(client, f"/classes/{classroom_id}/unarchive", {}, form_page=f"/classes/{classroom_id}",
                         follow_redirects=True)
    assert "Restored “Spring term”" in response.get_data(as_text=True)
    assert get_classroom(app, classroom_id).archived_at is None


def test_a_new_code_replaces_the_old_one_and_keeps_the_roster(app, client, teacher):
    classroom_id, old_code = make_classroom(app, teacher)
    learner_id = make_user(app, role=Role.LEARNER, email="stays@example.org")
    enroll(app, classroom_id, learner_id)

    response = post_form(client, f"/classes/{classroom_id}/join-code", {}, form_page=f"/classes/{classroom_id}",
                         follow_redirects=True)
    new_code = get_classroom(app, classroom_id).join_code
    assert new_code != old_code and len(new_code) == JOIN_CODE_LENGTH
    assert f"The new join code is {new_code[:4]}-{new_code[4:]}" in response.get_data(as_text=True)
    assert enrollments_of(app, classroom_id) == [learner_id]

    other, _ = learner_client(app)
    assert post_form(other, "/classes/join", {"code": old_code}).status_code == 400
    assert post_form(other, "/classes/join", {"code": new_code}).status_code == 302


def test_teacher_removes_a_learner_and_keeps_the_rest(app, client, teacher):
    classroom_id, _ = make_classroom(app, teacher)
    leaving = make_user(app, role=Role.LEARNER, email="leaving@example.org", name="Lou Leaving")
    staying = make_user(app, role=Role.LEARNER, email="staying@example.org")
    enroll(app, classroom_id, leaving)
    enroll(app, classroom_id, staying)

    response = post_form(client, f"/classes/{classroom_id}/learners/{leaving}/remove", {},
                         form_page=f"/classes/{classroom_id}", follow_redirects=True)
    page = response.get_data(as_text=True)
    assert "Removed Lou Leaving from" in page
    assert "leaving@example.org" not in page and "staying@example.org" in page
    assert enrollments_of(app, classroom_id) == [staying]
    with app.app_context():
        assert db.session.get(User, leaving) is not None  # only the enrollment goes


def test_removing_someone_not_in_the_class_changes_nothing(app, client, teacher):
    classroom_id, _ = make_classroom(app, teacher)
    outsider = make_user(app, role=Role.LEARNER, email="outsider@example.org")
    response = post_form(client, f"/classes/{classroom_id}/learners/{outsider}/remove", {},
                         form_page=f"/classes/{classroom_id}", follow_redirects=True)
    assert "That learner is not in this class." in response.get_data(as_text=True)


def test_a_class_post_without_csrf_token_is_rejected(app, client, teacher):
    classroom_id, _ = make_classroom(app, teacher, "Kept")
    response = client.post(f"/classes/{classroom_id}/archive")
    assert response.status_code == 400
    assert get_classroom(app, classroom_id).archived_at is None


# --- ownership and roles ------------------------------------------------------------------------

@pytest.mark.parametrize("method, path", [
    ("GET", "/classes/{id}"),
    ("GET", "/classes/{id}/rename"),
    ("POST", "/classes/{id}/rename"),
    ("POST", "/classes/{id}/archive"),
    ("POST", "/classes/{id}/join-code"),
    ("POST", "/classes/{id}/learners/{learner}/remove"),
])
def test_another_teachers_class_is_not_found_and_unchanged(app, client, teacher, method, path):
    owner = make_user(app, role=Role.TEACHER, email="owner@example.org")
    classroom_id, code = make_classroom(app, owner, "Owner's secret class")
    learner_id = make_user(app, role=Role.LEARNER, email="pupil@example.org")
    enroll(app, classroom_id, learner_id)
    url = path.format(id=classroom_id, learner=learner_id)
    if method == "GET":
        response = client.get(url)
    else:
        response = client.post(url, data={"csrf_token": csrf_token(client, "/classes/new"), "name": "Taken over"})
    assert response.status_code == 404
    body = response.get_data(as_text=True)
    assert "secret class" not in body and code not in body
    classroom = get_classroom(app, classroom_id)
    assert (classroom.name, classroom.join_code, classroom.archived_at) == ("Owner's secret class", code, None)
    assert enrollments_of(app, classroom_id) == [learner_id]


def test_another_teachers_classes_are_not_listed(app, client, teacher):
    owner = make_user(app, role=Role.TEACHER, email="owner@example.org")
    make_classroom(app, owner, "Owner's secret class")
    make_classroom(app, teacher, "My own class")
    page = client.get("/classes/").get_data(as_text=True)
    assert "My own class" in page and "secret class" not in page


def test_learners_cannot_reach_teachers_class_pages(app, client, learner):
    teacher_id = make_user(app, role=Role.TEACHER, email="teach@example.org")
    classroom_id, _ = make_classroom(app, teacher_id)
    assert client.get("/classes/").status_code == 403
    assert client.get(f"/classes/{classroom_id}").status_code == 403
    assert client.get("/classes/new").status_code == 403


def test_teachers_cannot_join_classes(app, client, teacher):
    assert client.get("/classes/join").status_code == 403


# --- joining ------------------------------------------------------------------------------------

@pytest.mark.parametrize("typed", ["{code}", "{lower}", "{half1}-{half2}", " {half1} {half2} ", "{lower_half1}-{lower_half2}"])
def test_learner_joins_with_the_code_however_it_is_typed(app, teacher, typed):
    classroom_id, code = make_classroom(app, teacher, "Year 9 History")
    client, learner_id = learner_client(app)
    typed_code = typed.format(code=code, lower=code.lower(), half1=code[:4], half2=code[4:],
                              lower_half1=code[:4].lower(), lower_half2=code[4:].lower())
    response = post_form(client, "/classes/join", {"code": typed_code})
    assert response.status_code == 302 and response.headers["Location"] == "/"
    assert enrollments_of(app, classroom_id) == [learner_id]
    assert "You joined “Year 9 History”" in client.get("/").get_data(as_text=True)


def test_joining_twice_is_friendly_and_enrolls_once(app, teacher):
    classroom_id, code = make_classroom(app, teacher, "Year 9 History")
    client, learner_id = learner_client(app)
    post_form(client, "/classes/join", {"code": code})
    response = post_form(client, "/classes/join", {"code": code.lower()}, follow_redirects=True)
    assert "You are already in “Year 9 History”" in response.get_data(as_text=True)
    assert enrollments_of(app, classroom_id) == [learner_id]


@pytest.mark.parametrize("typed, message", [
    ("", "Type the join code your teacher gave you."),
    ("ZZZZ-ZZZZ", "No class has the code ZZZZ-ZZZZ. Check it with your teacher."),
    ("ABCD-EF0H", "never contain 0, O, 1, I or L"),
    ("ABCDEFG", "Join codes have 8 letters and digits; ABCDEFG has 7."),
])
def test_a_wrong_code_says_what_is_wrong(app, teacher, typed, message):
    classroom_id, _ = make_classroom(app, teacher, code="QQQQQQQQ")
    client, _ = learner_client(app)
    response = post_form(client, "/classes/join", {"code": typed})
    assert response.status_code == 400
    assert message in response.get_data(as_text=True)
    assert enrollments_of(app, classroom_id) == []


def test_an_archived_class_cannot_be_joined(app, teacher):
    classroom_id, code = make_classroom(app, teacher, "Last year", archived=True)
    client, _ = learner_client(app)
    response = post_form(client, "/classes/join", {"code": code})
    assert response.status_code == 400
    assert "“Last year” is archived and takes no new learners" in response.get_data(as_text=True)
    assert enrollments_of(app, classroom_id) == []


def test_a_join_link_fills_the_code_in(app, teacher):
    _, code = make_classroom(app, teacher)
    client, _ = learner_client(app)
    page = client.get(f"/classes/join?code={code}").get_data(as_text=True)
    assert f'value="{code}"' in page and 'name="csrf_token"' in page


def test_join_page_lists_the_learners_classes(app, teacher):
    classroom_id, _ = make_classroom(app, teacher, "Year 9 History")
    client, learner_id = learner_client(app)
    enroll(app, classroom_id, learner_id)
    page = client.get("/classes/join").get_data(as_text=True)
    assert "Your classes" in page and "Year 9 History" in page and "Tess Teacher" in page
