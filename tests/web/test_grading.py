"""Answer checking: a table of typed answers a teacher would accept and reject, and exact choices."""
from __future__ import annotations

import pytest

from app.grading import AnswerKey, check_typed, is_correct, read_date
from app.models import QuestionKind

CREW = ("Yevgeny Nikiforov", "Anna Petrova", "Kerim Valiyev")

ACCEPTED = [
    # response, answer, context
    ("kremlin", "The Kremlin", {}),
    ("the  KREMLIN!", "Kremlin", {}),
    ("an apple", "Apple", {}),
    ("U.S.", "US", {}),
    ("Nagorno Karabakh", "Nagorno-Karabakh", {}),
    ("Azerbaijans army", "Azerbaijan's army", {}),
    ("Elysee Palace", "Élysée Palace", {}),
    ("1960", "1960", {}),
    ("1,960", "1960", {}),
    ("1960.0", "1,960", {}),
    ("one thousand nine hundred and sixty", "1960", {}),
    ("1960", "one thousand nine hundred and sixty", {}),
    ("nineteen sixty", "1960", {}),
    ("twenty-five", "25", {}),
    ("2 million", "2,000,000", {}),
    ("1.2bn", "$1.2 billion", {}),
    ("1.2 billion dollars", "$1.2 billion", {}),
    ("15%", "15 percent", {}),
    ("15 per cent", "15%", {}),
    ("1900", "more than 1,900", {}),
    ("1,900", "1,900 soldiers", {"prompt": "How many soldiers came home?"}),
    ("1900", "nearly 1,900 soldiers", {"fact_kind": "number"}),
    ("15 May 2024", "15 May 2024", {}),
    ("May 15, 2024", "15 May 2024", {}),
    ("2024-05-15", "15 May 2024", {}),
    ("15/05/2024", "15 May 2024", {}),
    ("15.05.2024", "15 May 2024", {}),
    ("05/15/2024", "15 May 2024", {}),
    ("Wednesday, 15 May 2024", "15 May 2024", {}),
    ("the 15th of May 2024", "May 15, 2024", {}),
    ("September 2023", "2023-09", {}),
    ("Sept. 2023", "September 2023", {}),
    ("09/2023", "September 2023", {}),
    ("September 2023", "last September", {"alternatives": ("2023-09",), "fact_kind": "date"}),
    ("Nikiforov", "Yevgeny Nikiforov", {"other_names": CREW}),
    ("nikiforov", "Yevgeny Nikiforov", {}),
    ("Mr Nikiforov", "Yevgeny Nikiforov", {}),
    ("Y. Nikiforov", "Yevgeny Nikiforov", {}),
    ("Valiyev", "Lt. Gen. Kerim Valiyev", {"fact_kind": "person"}),
    ("Nikiforov", "Yevgeny Nikiforov", {"other_names": ("General Yevgeny Nikiforov", "Nikiforov")}),
    ("Yevgeny Nikiforv", "Yevgeny Nikiforov", {}),
    ("Azerbajian", "Azerbaijan", {}),
    ("Collective Security Treaty Organisation", "CSTO",
     {"alternatives": ("Collective Security Treaty Organisation",), "fact_kind": "organisation"}),
    ("chief of the general staff", "Azerbaijan's chief of the general staff", {}),
]

REJECTED = [
    ("", "Kremlin", {}),
    ("   ", "Kremlin", {}),
    ("Kremlin wall", "Kremlin", {}),
    ("1.5", "15", {}),
    ("1906", "1960", {}),
    ("196", "1960", {}),
    ("2", "2 million", {}),
    ("15 dollars", "15 percent", {}),
    ("1900 tanks", "1,900 soldiers", {}),
    ("1,900", "1,900 soldiers", {"prompt": "What came home?"}),
    ("16 May 2024", "15 May 2024", {}),
    ("15 May 2023", "15 May 2024", {}),
    ("15 May", "15 May 2024", {}),
    ("May 2024", "15 May 2024", {}),
    ("15 September 2023", "2023-09", {}),
    ("2023", "September 2023", {}),
    ("Nikiforov", "Yevgeny Nikiforov", {"other_names": ("Yevgeny Nikiforov", "Sergei Nikiforov")}),
    ("Sergei Nikiforov", "Yevgeny Nikiforov", {}),
    ("Yevgeny", "Yevgeny Nikiforov", {}),
    ("York", "New York", {}),
    ("Lakeport", "Port Lakeport", {"fact_kind": "place"}),
    ("Austria", "Australia", {}),
    ("Iraq", "Iran", {}),
    ("Nikiforova", "Yevgeny Nikiforov", {"other_names": ("Yevgeny Nikiforov", "Olga Nikiforova")}),
    ("chief of the navy staff", "Azerbaijan's chief of the general staff", {}),
    ("chief", "Azerbaijan's chief of the general staff", {}),
    ("said", "We will not leave the region until the work is done", {"fact_kind": "speaker"}),
]


@pytest.mark.parametrize("response, answer, context", ACCEPTED)
def test_a_teacher_would_accept(response, answer, context):
    assert check_typed(response, answer, **context)


@pytest.mark.parametrize("response, answer, context", REJECTED)
def test_a_teacher_would_reject(response, answer, context):
    assert not check_typed(response, answer, **context)


@pytest.mark.parametrize("kind, response, expected", [
    (QuestionKind.MULTIPLE_CHOICE, "Lakeport", True),
    (QuestionKind.MULTIPLE_CHOICE, " Lakeport ", True),  # a browser may send the value padded
    (QuestionKind.MULTIPLE_CHOICE, "lakeport", False),  # a choice is compared exactly as offered
    (QuestionKind.MULTIPLE_CHOICE, "Lake port", False),
    (QuestionKind.TRUE_FALSE, "True", True),
    (QuestionKind.TRUE_FALSE, "False", False),
    (QuestionKind.TRUE_FALSE, "true", False),
])
def test_chosen_options_are_compared_exactly(kind, response, expected):
    key = AnswerKey(kind=kind, answer="True" if kind is QuestionKind.TRUE_FALSE else "Lakeport")
    assert is_correct(key, response) is expected


@pytest.mark.parametrize("kind", [QuestionKind.CLOZE, QuestionKind.SHORT_ANSWER, QuestionKind.FLASHCARD])
def test_typed_kinds_use_the_typed_rules_with_the_facts_resolved_value(kind):
    key = AnswerKey(kind=kind, answer="last September", fact_kind="date", fact_text="last September",
                    fact_value="2023-09")
    assert is_correct(key, "September 2023") and is_correct(key, "Last September.")
    assert not is_correct(key, "September 2022")


def test_a_fact_value_counts_only_when_the_answer_is_the_fact_itself():
    quote = AnswerKey(kind=QuestionKind.SHORT_ANSWER, answer="we will stay", fact_kind="speaker",
                      fact_text="Yevgeny Nikiforov", fact_value="Yevgeny Nikiforov")
    assert not is_correct(quote, "Yevgeny Nikiforov")


@pytest.mark.parametrize("text, dates", [
    ("15 May 2024", {(2024, 5, 15)}),
    ("2024-05-15", {(2024, 5, 15)}),
    ("05/06/2024", {(2024, 6, 5), (2024, 5, 6)}),  # day-first or month-first: either reading counts
    ("31/12/99", {(1999, 12, 31)}),
    ("2023-09", {(2023, 9, None)}),
    ("September 2023", {(2023, 9, None)}),
    ("1960", {(1960, None, None)}),
    ("30 February 2024", set()),
    ("Lakeport", set()),
])
def test_dates_are_read_at_the_precision_they_state(text, dates):
    assert read_date(text) == dates
