"""Quiz settings on an assignment, through HTTP: length, types, shuffling, attempts, time limit, feedback, late attempts."""
from __future__ import annotations

import datetime as dt
import random
import re

import pytest

from app.extensions import db
from app.models import Answer, Assignment, Attempt, QuestionKind, Role, utcnow
from app.quiz.settings import PoolQuestion, QuizSettings, choose_questions, ordered_choices
from tests.web.conftest import csrf_token, log_in, make_user, post_form
from tests.web.learner_setup import form_fields, make_assigned_set

CHOICES_SHOWN = re.compile(r'name="response" id="choice-\d+"\s+value="([^"]+)"')
QUESTION_SHOWN = re.compile(r'name="question_id" value="(\d+)"')


def many_questions(count: int = 28, *, cloze_every: int = 0) -> list[dict]:
    """``count`` multiple-choice questions (every ``cloze_every``-th a fill-in-the-blank one instead)."""
    made = []
    for number in range(count):
        if cloze_every and number % cloze_every == 0:
            made.append(dict(kind=QuestionKind.CLOZE, prompt=f"Gate {number} opened in _____.", answer=f"{1900 + number}",
                             explanation=f"Gate {number} opened in {1900 + number}."))
        else:
            made.append(dict(kind=QuestionKind.MULTIPLE_CHOICE, prompt=f"Which town has tower {number}?",
                             answer=f"Town {number}A", choices=[f"Town {number}{letter}" for letter in "ABCD"],
                             explanation=f"Tower {number} stands in Town {number}A."))
    return made


def start(client, set_id: int):
    return client.post(f"/quiz/sets/{set_id}/start", data={"csrf_token": csrf_token(client, "/")})


def attempts(app) -> list[Attempt]:
    with app.app_context():
        return list(db.session.execute(db.select(Attempt).order_by(Attempt.id)).scalars())


def answer(client, attempt_id: int, response: str, **headers):
    page = client.get(f"/quiz/{attempt_id}").get_data(as_text=True)
    return client.post(f"/quiz/{attempt_id}/answer", data={**form_fields(page), "response": response},
                       headers=headers)


def finish(client, attempt_id: int) -> None:
    while client.get(f"/quiz/{attempt_id}").status_code == 200:
        answer(client, attempt_id, "Town 0B")


def test_a_ten_question_quiz_is_drawn_from_the_twenty_eight_approved(app, client, learner):
    assigned = make_assigned_set(app, learner, questions=many_questions(), question_count=10)
    assert start(client, assigned.set_id).status_code == 302
    assert "Quiz started: 10 questions." in client.get("/quiz/1").get_data(as_text=True)
    finish(client, 1)
    start(client, assigned.set_id)
    first, second = attempts(app)
    for attempt in (first, second):
        assert len(attempt.question_ids) == len(set(attempt.question_ids)) == 10
        assert set(attempt.question_ids) <= set(assigned.question_ids)
    assert (first.finished_at is not None, first.total) == (True, 10)
    assert set(first.question_ids) != set(second.question_ids)  # each attempt draws its own ten (C(28,10) ways)


def test_without_a_count_the_quiz_asks_the_recommended_questions(app, client, learner):
    assigned = make_assigned_set(app, learner, questions=[
        {**question, "recommended": index % 4 == 0} for index, question in enumerate(many_questions())])
    start(client, assigned.set_id)
    [attempt] = attempts(app)
    assert attempt.question_ids == [question_id for index, question_id in enumerate(assigned.question_ids)
                                    if index % 4 == 0]


@pytest.mark.parametrize("kinds, expected", [
    (["cloze"], {QuestionKind.CLOZE}),
    (["multiple_choice"], {QuestionKind.MULTIPLE_CHOICE}),
    ([], {QuestionKind.CLOZE, QuestionKind.MULTIPLE_CHOICE}),
])
def test_a_quiz_asks_only_the_chosen_question_types(app, client, learner, kinds, expected):
    assigned = make_assigned_set(app, learner, questions=many_questions(cloze_every=3), question_kinds=kinds)
    start(client, assigned.set_id)
    [attempt] = attempts(app)
    with app.app_context():
        from app.models import Question
        asked = {db.session.get(Question, question_id).kind for question_id in attempt.question_ids}
    assert asked == expected


def test_a_set_without_questions_of_the_chosen_type_says_so(app, client, learner):
    assigned = make_assigned_set(app, learner, questions=many_questions(4), question_kinds=["short_answer"])
    response = start(client, assigned.set_id)
    assert response.headers["Location"] == "/"
    assert "This set has no questions to answer yet" in client.get("/").get_data(as_text=True)
    assert attempts(app) == []


def shown(client, attempt_id: int) -> tuple[int, tuple[str, ...]]:
    page = client.get(f"/quiz/{attempt_id}").get_data(as_text=True)
    return int(QUESTION_SHOWN.search(page).group(1)), tuple(CHOICES_SHOWN.findall(page))


def test_two_attempts_are_shuffled_differently_and_each_stays_put_on_reload(app, client, learner):
    assigned = make_assigned_set(app, learner, questions=many_questions(), shuffle_questions=True,
                                 shuffle_choices=True)
    start(client, assigned.set_id)
    first_view = shown(client, 1)
    assert shown(client, 1) == shown(client, 1) == first_view  # reloads show the same question, choices alike
    finish(client, 1)
    start(client, assigned.set_id)
    first, second = attempts(app)
    assert sorted(first.question_ids) == sorted(second.question_ids) == sorted(assigned.question_ids)
    assert first.question_ids != second.question_ids != list(assigned.question_ids)
    assert shown(client, 2)[0] == second.question_ids[0]
    with app.app_context():
        from app.models import Question
        questions = [db.session.get(Question, question_id) for question_id in assigned.question_ids]
        orders = {attempt_id: [ordered_choices(question.choices, kind=question.kind, attempt_id=attempt_id,
                                               question_id=question.id, shuffle=True) for question in questions]
                  for attempt_id in (1, 2)}
    assert orders[1] != orders[2]
    assert any(order != tuple(question["choices"]) for order, question in zip(orders[1], many_questions()))
    assert shown(client, 2)[1] == orders[2][assigned.question_ids.index(second.question_ids[0])]


def test_without_shuffling_questions_and_choices_keep_the_set_order(app, client, learner):
    assigned = make_assigned_set(app, learner, questions=many_questions(6))
    start(client, assigned.set_id)
    [attempt] = attempts(app)
    assert attempt.question_ids == list(assigned.question_ids)
    assert shown(client, 1)[1] == tuple(many_questions(6)[0]["choices"])


def expire(app, attempt_id: int) -> dt.datetime:
    with app.app_context():
        attempt = db.session.get(Attempt, attempt_id)
        attempt.deadline_at = utcnow() - dt.timedelta(seconds=1)
        db.session.commit()
        return attempt.deadline_at


@pytest.mark.parametrize("as_json", [False, True])
def test_an_answer_after_the_time_limit_is_refused_and_the_attempt_closes(app, client, learner, as_json):
    assigned = make_assigned_set(app, learner, questions=many_questions(5), time_limit_minutes=10)
    started = start(client, assigned.set_id)
    assert started.status_code == 302
    assert "You have 10 minutes." in client.get("/quiz/1").get_data(as_text=True)
    [attempt] = attempts(app)
    assert dt.timedelta(minutes=9) < attempt.deadline_at - attempt.started_at <= dt.timedelta(minutes=10)
    assert answer(client, 1, "Town 0A").status_code == 200  # in time: counted
    open_page = client.get("/quiz/1").get_data(as_text=True)  # the question on screen as the time runs out
    deadline = expire(app, 1)
    headers = {"Accept": "application/json"} if as_json else {}
    refused = client.post("/quiz/1/answer", data={**form_fields(open_page), "response": "Town 1A"}, headers=headers)
    assert refused.status_code == 409
    if as_json:
        assert refused.get_json()["status"] == "time up" and "time limit" in refused.get_json()["message"]
    else:
        assert "The time limit of this quiz has passed, so this answer was not saved" in refused.get_data(as_text=True)
    with app.app_context():
        assert db.session.execute(db.select(db.func.count(Answer.id))).scalar_one() == 1
    [attempt] = attempts(app)
    assert (attempt.finished_at, attempt.correct, attempt.total) == (deadline, 1, 5)  # unanswered count as wrong
    result = client.get("/quiz/1")
    assert result.headers["Location"] == "/quiz/1/result"
    page = client.get("/quiz/1/result").get_data(as_text=True)
    page = " ".join(page.split())
    assert "20%" in page and "1 of 5 answered right, 4 not answered in time." in page
    assert "Carry on with the quiz" not in page and "Retake the quiz" in page


def test_an_attempt_left_past_its_time_limit_closes_and_a_new_one_can_start(app, client, learner):
    assigned = make_assigned_set(app, learner, questions=many_questions(3), time_limit_minutes=1)
    start(client, assigned.set_id)
    expire(app, 1)
    assert client.get("/quiz/1").headers["Location"] == "/quiz/1/result"
    start(client, assigned.set_id)
    first, second = attempts(app)
    assert first.finished_at == first.deadline_at and second.finished_at is None


def test_the_attempts_limit_is_kept(app, client, learner):
    assigned = make_assigned_set(app, learner, questions=many_questions(2), max_attempts=2)
    for attempt_id in (1, 2):
        start(client, assigned.set_id)
        finish(client, attempt_id)
    refused = start(client, assigned.set_id)
    assert refused.headers["Location"] == "/"
    assert "You have used the 2 attempts this quiz allows." in client.get("/").get_data(as_text=True)
    assert len(attempts(app)) == 2


def test_an_unfinished_attempt_is_resumed_even_when_it_is_the_last_one_allowed(app, client, learner):
    assigned = make_assigned_set(app, learner, questions=many_questions(2), max_attempts=1)
    start(client, assigned.set_id)
    resumed = start(client, assigned.set_id)
    assert resumed.headers["Location"] == "/quiz/1"
    assert len(attempts(app)) == 1


@pytest.mark.parametrize("allow_late, started, late", [(True, True, True), (False, False, None)])
def test_attempts_after_the_due_date_are_late_or_refused(app, client, learner, allow_late, started, late):
    due = utcnow() - dt.timedelta(hours=1)
    assigned = make_assigned_set(app, learner, questions=many_questions(2), due_at=due, allow_late=allow_late)
    response = start(client, assigned.set_id)
    if started:
        assert response.headers["Location"] == "/quiz/1"
        assert "your teacher will see this attempt as late" in client.get("/quiz/1").get_data(as_text=True)
        [attempt] = attempts(app)
        assert attempt.late is late
    else:
        assert response.headers["Location"] == "/"
        assert "does not allow late attempts" in client.get("/").get_data(as_text=True)
        assert attempts(app) == []


def test_a_late_attempt_is_shown_as_late_to_the_teacher(app, client, learner):
    assigned = make_assigned_set(app, learner, questions=many_questions(2), due_at=utcnow() - dt.timedelta(hours=1))
    start(client, assigned.set_id)
    finish(client, 1)
    client.post("/auth/logout", data={"csrf_token": csrf_token(client, "/")})
    with app.app_context():
        from app.models import User
        teacher_email = db.session.get(User, assigned.teacher_id).email
    log_in(client, teacher_email)
    page = client.get(f"/reports/classes/{assigned.classroom_id}/sets/{assigned.set_id}").get_data(as_text=True)
    assert "finished late" in page
    learner_page = client.get(f"/reports/classes/{assigned.classroom_id}/learners/{learner}").get_data(as_text=True)
    assert '<span class="badge text-bg-warning">late</span>' in learner_page  # the attempt itself, marked late


def test_feedback_at_the_end_keeps_right_and_wrong_until_the_score(app, client, learner):
    assigned = make_assigned_set(app, learner, questions=many_questions(2), feedback_at_end=True)
    start(client, assigned.set_id)
    assert "You will see which answers were right when the quiz is over." in client.get("/quiz/1").get_data(as_text=True)
    page = answer(client, 1, "Town 0B").get_data(as_text=True)
    assert "Answer saved" in page and "Not quite" not in page and "Wrong" not in page
    assert "Town 0A" not in page  # the right answer
    mid = client.get("/quiz/1/result").get_data(as_text=True)
    assert "your score comes when the quiz is over" in mid and "Town 0A" not in mid
    reply = answer(client, 1, "Town 1A", Accept="application/json").get_json()
    assert (reply["status"], reply["correct"], reply["right_answer"], reply["source_html"]) == ("saved", None, "", "")
    assert reply["finished"] is True
    result = client.get("/quiz/1/result").get_data(as_text=True)
    assert "50%" in result and "Town 0A" in result  # the missed question with its right answer, at the end


def test_the_teacher_sets_the_quiz_on_the_assign_page(app, client, teacher):
    assigned = make_assigned_set(app, None, questions=many_questions(4), teacher_id=teacher)
    page = client.get(f"/sets/{assigned.set_id}/assign").get_data(as_text=True)
    assert "Questions per attempt" in page and "Time limit in minutes" in page
    response = post_form(client, f"/sets/{assigned.set_id}/assign", {
        "classrooms": str(assigned.classroom_id), "question_count": "3", "question_kinds": ["multiple_choice"],
        "shuffle_questions": "y", "max_attempts": "2", "time_limit_minutes": "15", "feedback": "end"})
    assert response.status_code == 302
    with app.app_context():
        assignment = db.session.execute(db.select(Assignment)).scalar_one()
        assert QuizSettings.of(assignment) == QuizSettings(
            question_count=3, question_kinds=(QuestionKind.MULTIPLE_CHOICE,), shuffle_questions=True,
            shuffle_choices=False, max_attempts=2, time_limit_minutes=15, feedback_at_end=True, allow_late=False)
    page = client.get(f"/sets/{assigned.set_id}/assign").get_data(as_text=True)
    assert "3 questions · multiple choice · questions shuffled · choices in place · 2 attempts · 15 min limit" in page


@pytest.mark.parametrize("field, value, message", [
    ("question_count", "0", "Number must be between 1 and 500"),
    ("time_limit_minutes", "100000", "Number must be between 1 and 1440"),
    ("max_attempts", "two", "Not a valid integer value"),
])
def test_bad_settings_are_refused_with_a_message_and_change_nothing(app, client, teacher, field, value, message):
    assigned = make_assigned_set(app, None, questions=many_questions(2), teacher_id=teacher)
    response = post_form(client, f"/sets/{assigned.set_id}/assign",
                         {"classrooms": str(assigned.classroom_id), field: value},
                         form_page=f"/sets/{assigned.set_id}/assign")
    assert response.status_code == 400
    assert message in response.get_data(as_text=True)
    with app.app_context():
        assignment = db.session.execute(db.select(Assignment)).scalar_one()
        assert (assignment.question_count, assignment.time_limit_minutes, assignment.max_attempts) == (None, None, None)


def test_a_teacher_who_changes_nothing_gets_the_default_quiz(app, client, teacher):
    assigned = make_assigned_set(app, None, questions=many_questions(2), teacher_id=teacher)
    page = client.get(f"/sets/{assigned.set_id}/assign").get_data(as_text=True)
    fields = {"classrooms": str(assigned.classroom_id)}
    for name in ("shuffle_questions", "shuffle_choices", "allow_late"):  # ticked by default, as a browser sends them
        assert re.search(rf'checked[^>]*id="{name}"|id="{name}"[^>]*checked', page), name
        fields[name] = "y"
    post_form(client, f"/sets/{assigned.set_id}/assign", {**fields, "feedback": "each"})
    with app.app_context():
        assignment = db.session.execute(db.select(Assignment)).scalar_one()
        assert QuizSettings.of(assignment) == QuizSettings()


POOL = [PoolQuestion(id=number, kind=QuestionKind.CLOZE if number % 3 == 0 else QuestionKind.MULTIPLE_CHOICE,
                     recommended=number % 2 == 0) for number in range(1, 13)]


@pytest.mark.parametrize("settings, expected", [
    (QuizSettings(shuffle_questions=False), [2, 4, 6, 8, 10, 12]),  # the recommended ones, in set order
    (QuizSettings(shuffle_questions=False, question_kinds=(QuestionKind.CLOZE,)), [6, 12]),
    (QuizSettings(shuffle_questions=False, question_count=20), list(range(1, 13))),  # more than there are: all
    (QuizSettings(shuffle_questions=False, question_count=3, question_kinds=(QuestionKind.CLOZE,)), [3, 6, 9]),
])
def test_choose_questions_follows_the_settings(settings, expected):
    assert choose_questions(POOL, settings, random.Random(7)) == expected


def test_a_drawn_quiz_keeps_set_order_unless_shuffled_and_never_repeats_a_question():
    drawn = choose_questions(POOL, QuizSettings(question_count=5, shuffle_questions=False), random.Random(1))
    assert len(drawn) == 5 and drawn == sorted(drawn)
    shuffled = choose_questions(POOL, QuizSettings(question_count=12), random.Random(1))
    assert sorted(shuffled) == list(range(1, 13)) and shuffled != sorted(shuffled)


def test_a_shuffled_retake_never_repeats_the_order_of_the_attempt_before():
    # Two shuffles of five questions come out the same one time in 120: the retake asks another order.
    settings = QuizSettings(question_count=None, question_kinds=(QuestionKind.CLOZE,))
    first = choose_questions(POOL, settings, random.Random(3))
    assert choose_questions(POOL, settings, random.Random(3)) == first  # the same shuffle, without a previous order
    again = choose_questions(POOL, settings, random.Random(3), previous=first)
    assert sorted(again) == sorted(first) and again != first


def test_the_last_attempt_left_past_its_time_is_closed_even_when_no_new_one_may_start(app, client, learner):
    assigned = make_assigned_set(app, learner, questions=many_questions(3), time_limit_minutes=5, max_attempts=1)
    start(client, assigned.set_id)
    expire(app, 1)
    refused = start(client, assigned.set_id)
    assert refused.headers["Location"] == "/"
    assert "You have used the 1 attempt this quiz allows." in client.get("/").get_data(as_text=True)
    [attempt] = attempts(app)
    assert attempt.finished_at == attempt.deadline_at and attempt.total == 3
