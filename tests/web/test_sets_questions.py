"""Questions by hand: the rules of each type, and adding, editing, reordering and deleting them."""
from __future__ import annotations

import pytest

from app.extensions import db
from app.models import Question, QuestionKind, QuestionSet, ReviewStatus
from app.sets.drafts import DraftError, QuestionDraft, checked, parse_kind
from tests.web.conftest import post_form
from tests.web.test_sets import count_rows, get_question, make_set, question_ids, visible_text

MC = QuestionKind.MULTIPLE_CHOICE
TF = QuestionKind.TRUE_FALSE
CLOZE = QuestionKind.CLOZE
SHORT = QuestionKind.SHORT_ANSWER
CARD = QuestionKind.FLASHCARD


@pytest.mark.parametrize("draft, expected", [
    (QuestionDraft(MC, " Capital? ", "paris", ("Paris", "Lyon", "Nice")), QuestionDraft(MC, "Capital?", "Paris", ("Paris", "Lyon", "Nice"))),
    (QuestionDraft(MC, "Q?", "a", tuple("abcdef")), QuestionDraft(MC, "Q?", "a", tuple("abcdef"))),
    (QuestionDraft(TF, "The sky is green.", "false"), QuestionDraft(TF, "The sky is green.", "False", ("True", "False"))),
    (QuestionDraft(TF, "Water is wet.", "TRUE", ("False", "True")), QuestionDraft(TF, "Water is wet.", "True", ("True", "False"))),
    (QuestionDraft(CLOZE, "The base had ___ barracks.", "10"), QuestionDraft(CLOZE, "The base had _____ barracks.", "10")),
    (QuestionDraft(SHORT, "Who?", "Nikiforov", (), " Said it. "), QuestionDraft(SHORT, "Who?", "Nikiforov", (), "Said it.")),
    (QuestionDraft(CARD, "Khojaly", "A town in Karabakh"), QuestionDraft(CARD, "Khojaly", "A town in Karabakh")),
])
def test_valid_drafts_are_tidied(draft, expected):
    assert checked(draft) == expected


@pytest.mark.parametrize("draft, field, message", [
    (QuestionDraft(MC, "Q?", "a", ("a", "b")), "choices", "needs 3 to 6 choices; this one has 2"),
    (QuestionDraft(MC, "Q?", "a", tuple("abcdefg")), "choices", "needs 3 to 6 choices; this one has 7"),
    (QuestionDraft(MC, "Q?", "a", ("a", "b", "B")), "choices", "the choices must differ"),
    (QuestionDraft(MC, "Q?", "z", ("a", "b", "c")), "answer", "must be one of the choices"),
    (QuestionDraft(TF, "Q.", "Maybe"), "answer", "True or False"),
    (QuestionDraft(TF, "Q.", "True", ("Yes", "No")), "choices", "True and False"),
    (QuestionDraft(CLOZE, "No blank here.", "x"), "prompt", "exactly one blank"),
    (QuestionDraft(CLOZE, "Two ___ blanks ___.", "x"), "prompt", "this one has 2"),
    (QuestionDraft(SHORT, "Q?", "x", ("a", "b", "c")), "choices", "has no choices"),
    (QuestionDraft(CARD, "front", "   "), "answer", "the answer is empty"),
    (QuestionDraft(SHORT, "  ", "x"), "prompt", "the prompt is empty"),
    (QuestionDraft(SHORT, "Q" * 2001, "x"), "prompt", "too long"),
])
def test_invalid_drafts_say_what_is_wrong(draft, field, message):
    with pytest.raises(DraftError, match=message) as raised:
        checked(draft)
    assert raised.value.field == field


@pytest.mark.parametrize("text, kind", [
    ("multiple_choice", MC), ("MC", MC), ("Multiple choice", MC), ("true/false", TF), ("TF", TF),
    ("cloze", CLOZE), ("fill in the blank", CLOZE), ("Short answer", SHORT), ("flashcard", CARD), (" card ", CARD),
])
def test_kind_names(text, kind):
    assert parse_kind(text) is kind


def test_an_unknown_kind_is_named():
    with pytest.raises(DraftError, match="unknown question type 'essay'"):
        parse_kind("essay")


# ---------------------------------------------------------------------------------------------------- through the pages

VALID_QUESTIONS = [
    ({"kind": "multiple_choice", "prompt": "Where was the base?", "answer": "Khojaly",
      "choices": "Baku\nKhojaly\nShusha\n"}, (MC, "Where was the base?", "Khojaly", ["Baku", "Khojaly", "Shusha"])),
    ({"kind": "true_false", "prompt": "The base held 1,960 troops.", "answer": "true", "choices": ""},
     (TF, "The base held 1,960 troops.", "True", ["True", "False"])),
    ({"kind": "cloze", "prompt": "The base had _____ barracks.", "answer": "10", "choices": ""},
     (CLOZE, "The base had _____ barracks.", "10", [])),
    ({"kind": "short_answer", "prompt": "Who led the Russian force?", "answer": "Yevgeny Nikiforov", "choices": ""},
     (SHORT, "Who led the Russian force?", "Yevgeny Nikiforov", [])),
    ({"kind": "flashcard", "prompt": "Kerim Valiyev", "answer": "Azerbaijan's chief of the general staff",
      "choices": ""}, (CARD, "Kerim Valiyev", "Azerbaijan's chief of the general staff", [])),
]


@pytest.mark.parametrize("fields, stored", VALID_QUESTIONS, ids=[case[0]["kind"] for case in VALID_QUESTIONS])
def test_adding_a_question_of_each_type(app, client, teacher, fields, stored):
    set_id = make_set(app, teacher, [{}, {}])
    response = post_form(client, f"/sets/{set_id}/questions/new", {**fields, "explanation": "Why."})
    assert response.status_code == 302
    new_id = question_ids(app, set_id)[-1]
    assert response.headers["Location"] == f"/sets/{set_id}#question-{new_id}"
    question = get_question(app, new_id)
    assert (question.kind, question.prompt, question.answer, question.choices) == stored
    assert (question.review_status, question.position, question.fact_kind, question.engine_id) == (
        ReviewStatus.APPROVED, 2, None, None)
    assert question.explanation == "Why."
    assert stored[1] in visible_text(client.get(f"/sets/{set_id}"))


INVALID_QUESTIONS = [
    ({"kind": "multiple_choice", "prompt": "Q?", "answer": "a", "choices": "a\nb"}, "needs 3 to 6 choices"),
    ({"kind": "multiple_choice", "prompt": "Q?", "answer": "z", "choices": "a\nb\nc"}, "must be one of the choices"),
    ({"kind": "multiple_choice", "prompt": "Q?", "answer": "a", "choices": "a\nb\na"}, "The choices must differ"),
    ({"kind": "true_false", "prompt": "Q.", "answer": "yes", "choices": ""}, "True or False, not 'yes'"),
    ({"kind": "cloze", "prompt": "No blank.", "answer": "x", "choices": ""}, "needs exactly one blank written as _____"),
    ({"kind": "short_answer", "prompt": "Q?", "answer": "x", "choices": "a\nb\nc"}, "has no choices"),
    ({"kind": "flashcard", "prompt": "front", "answer": "", "choices": ""}, "This field is required"),
    ({"kind": "essay", "prompt": "Q?", "answer": "x", "choices": ""}, "Not a valid choice"),
]


@pytest.mark.parametrize("fields, message", INVALID_QUESTIONS, ids=[case[1] for case in INVALID_QUESTIONS])
def test_an_invalid_question_is_refused_and_nothing_saved(app, client, teacher, fields, message):
    set_id = make_set(app, teacher)
    response = post_form(client, f"/sets/{set_id}/questions/new", fields)
    assert response.status_code == 400
    page = visible_text(response)
    assert message in page and "The question was not saved" in page
    assert f'value="{fields["answer"]}"' in response.get_data(as_text=True) if fields["answer"] else True
    assert count_rows(app, Question) == 0


def test_save_and_add_another_returns_to_an_empty_form(app, client, teacher):
    set_id = make_set(app, teacher)
    response = post_form(client, f"/sets/{set_id}/questions/new",
                         {"kind": "flashcard", "prompt": "front", "answer": "back", "then": "another"})
    assert response.headers["Location"] == f"/sets/{set_id}/questions/new"
    assert count_rows(app, Question) == 1


@pytest.mark.parametrize("fields, stored", VALID_QUESTIONS, ids=[case[0]["kind"] for case in VALID_QUESTIONS])
def test_editing_a_question_into_each_type(app, client, teacher, fields, stored):
    set_id = make_set(app, teacher, [{"engine_id": None, "fact_kind": None, "review_status": ReviewStatus.APPROVED}])
    (question_id,) = question_ids(app, set_id)
    response = post_form(client, f"/sets/{set_id}/questions/{question_id}/edit", fields)
    assert response.status_code == 302
    question = get_question(app, question_id)
    assert (question.kind, question.prompt, question.answer, question.choices) == stored


@pytest.mark.parametrize("fields, message", INVALID_QUESTIONS[:6], ids=[case[1] for case in INVALID_QUESTIONS[:6]])
def test_an_invalid_edit_keeps_the_question(app, client, teacher, fields, message):
    set_id = make_set(app, teacher, [{"prompt": "Unchanged?", "answer": "same"}])
    (question_id,) = question_ids(app, set_id)
    response = post_form(client, f"/sets/{set_id}/questions/{question_id}/edit", fields)
    assert response.status_code == 400 and message in visible_text(response)
    question = get_question(app, question_id)
    assert (question.prompt, question.answer, question.review_status) == ("Unchanged?", "same", ReviewStatus.PENDING)


def test_the_edit_form_is_filled_with_the_question(app, client, teacher):
    set_id = make_set(app, teacher, [{"kind": QuestionKind.MULTIPLE_CHOICE, "prompt": "Where?", "answer": "Khojaly",
                                      "choices": ["Baku", "Khojaly", "Shusha"], "explanation": "Khojaly is a town."}])
    (question_id,) = question_ids(app, set_id)
    page = client.get(f"/sets/{set_id}/questions/{question_id}/edit").get_data(as_text=True)
    assert '<option selected value="multiple_choice">' in page
    assert "\nWhere?</textarea>" in page and 'value="Khojaly"' in page and "\nBaku\nKhojaly\nShusha</textarea>" in page
    assert '<mark class="answer">Khojaly</mark> is a town.' in page


def _prompts_in_order(app, set_id: int) -> list[str]:
    with app.app_context():
        from app.sets.queries import ordered_questions
        return [question.prompt for question in ordered_questions(db.session.get(QuestionSet, set_id))]


@pytest.mark.parametrize("index, direction, expected", [
    (1, "up", ["B", "A", "C"]),
    (1, "down", ["A", "C", "B"]),
    (0, "up", ["A", "B", "C"]),
    (2, "down", ["A", "B", "C"]),
    (0, "sideways", ["A", "B", "C"]),
])
def test_reordering_moves_one_place(app, client, teacher, index, direction, expected):
    set_id = make_set(app, teacher, [{"prompt": "A"}, {"prompt": "B"}, {"prompt": "C"}])
    question_id = question_ids(app, set_id)[index]
    response = post_form(client, f"/sets/{set_id}/questions/{question_id}/move", {"direction": direction},
                         form_page=f"/sets/{set_id}?view=order")
    assert response.status_code == 302 and "view=order" in response.headers["Location"]
    assert _prompts_in_order(app, set_id) == expected


def test_reordering_skips_retired_questions(app, client, teacher):
    import datetime as dt

    set_id = make_set(app, teacher, [{"prompt": "A"}, {"prompt": "Old", "retired_at": dt.datetime(2024, 5, 1)},
                                     {"prompt": "C"}])
    last = question_ids(app, set_id)[2]
    post_form(client, f"/sets/{set_id}/questions/{last}/move", {"direction": "up"}, form_page=f"/sets/{set_id}")
    assert _prompts_in_order(app, set_id) == ["C", "A"]


def test_the_order_view_offers_move_buttons_except_at_the_ends(app, client, teacher):
    set_id = make_set(app, teacher, [{"prompt": "A"}, {"prompt": "B"}, {"prompt": "C"}])
    page = visible_text(client.get(f"/sets/{set_id}?view=order"))
    assert page.count("Move up") == 2 and page.count("Move down") == 2
    assert page.index("Question 1") < page.index("Question 2") < page.index("Question 3")


def test_deleting_an_unanswered_question_removes_it(app, client, teacher):
    set_id = make_set(app, teacher, [{"prompt": "Keep"}, {"prompt": "Drop"}])
    keep, drop = question_ids(app, set_id)
    response = post_form(client, f"/sets/{set_id}/questions/{drop}/delete", {}, form_page=f"/sets/{set_id}")
    assert response.status_code == 302
    assert question_ids(app, set_id) == [keep]
