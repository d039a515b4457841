"""Item analysis and learner summaries, checked against numbers worked out by hand."""
from __future__ import annotations

import datetime as dt

import pytest
from fsrs import Card, Rating, Scheduler, State

from app.extensions import db
from app.models import CardState, Question, QuestionKind, QuestionSet, Role
from app.scheduling import is_mastered, mastered_in_sql, retrievability
from app.statistics import (AttemptRecord, ChoiceCount, FlagKind, QuestionKey, ScoredAnswer, analyse_items,
                            group_size, group_weights, is_overdue, mastery, summarise_learner_set, total_scores)
from tests.web.conftest import make_user

# Seven learners, five questions (1 = right). Hand computation:
#
#            Q1 Q2 Q3 Q4 Q5   total
#   L1        1  1  1  1  0   4/5 = 0.8
#   L2        1  1  1  0  0   3/5 = 0.6
#   L3        1  1  0  1  0   0.6
#   L4        1  0  1  0  0   2/5 = 0.4
#   L5        0  1  0  0  1   0.4
#   L6        1  0  0  0  1   0.4
#   L7        0  0  0  1  0   1/5 = 0.2
#
# Group size: round(0.27 × 7) = round(1.89) = 2.
# Top group: L1 (0.8) is in; L2 and L3 tie at 0.6 for the one place left: weight 1/2 each.
# Bottom group: L7 (0.2) is in; L4, L5, L6 tie at 0.4 for the one place left: weight 1/3 each.
# p = Σ weight × right / Σ weight (each group weighs 2 in all):
#   Q1 right: L1 L2 L3 L4 L6  facility 5/7   p_up (1+½+½)/2 = 1     p_low (⅓+⅓)/2 = 1/3   D = +2/3
#   Q2 right: L1 L2 L3 L5     facility 4/7   p_up 1                 p_low ⅓/2 = 1/6       D = +5/6
#   Q3 right: L1 L2 L4        facility 3/7   p_up (1+½)/2 = 3/4     p_low 1/6             D = +7/12
#   Q4 right: L1 L3 L7        facility 3/7   p_up 3/4               p_low 1/2             D = +1/4
#   Q5 right: L5 L6           facility 2/7   p_up 0                 p_low (⅓+⅓)/2 = 1/3   D = −1/3
# Q5 is below the 0.3 facility line and discriminates negatively: both flags.
RIGHT = {
    1: (1, 1, 1, 1, 0),
    2: (1, 1, 1, 0, 0),
    3: (1, 1, 0, 1, 0),
    4: (1, 0, 1, 0, 0),
    5: (0, 1, 0, 0, 1),
    6: (1, 0, 0, 0, 1),
    7: (0, 0, 0, 1, 0),
}
QUESTIONS = (
    QuestionKey(101, "Paris", ("Paris", "Lyon", "Nice")),  # multiple choice
    QuestionKey(102, "True", ("True", "False")),  # true/false
    QuestionKey(103, "1960"),  # short answer
    QuestionKey(104, "Yerevan"),  # cloze
    QuestionKey(105, "2,000 troops", ("1,960 troops", "2,000 troops", "960 troops")),
)
WRONG_RESPONSES = {
    (5, 101): "Lyon", (7, 101): " lyon ",
    (4, 102): "False", (6, 102): "false", (7, 102): "False",
    (3, 103): "1961", (5, 103): "1961", (6, 103): "1950", (7, 103): "",
    (2, 104): "Baku", (4, 104): "baku", (5, 104): "Tbilisi", (6, 104): "Baku",
    (1, 105): "960 troops", (2, 105): "960 troops", (3, 105): "1,960 troops", (4, 105): "960 troops",
    (7, 105): "2000",
}


def hand_answers() -> list[ScoredAnswer]:
    answers = []
    for learner_id, row in RIGHT.items():
        for key, right in zip(QUESTIONS, row):
            response = key.answer if right else WRONG_RESPONSES[learner_id, key.question_id]
            answers.append(ScoredAnswer(learner_id, key.question_id, response, bool(right)))
    return answers


@pytest.fixture(scope="module")
def analysis():
    return analyse_items(QUESTIONS, hand_answers())


def test_totals_are_shares_of_right_answers():
    assert total_scores(hand_answers()) == pytest.approx({1: 0.8, 2: 0.6, 3: 0.6, 4: 0.4, 5: 0.4, 6: 0.4, 7: 0.2})


def test_tied_learners_share_the_places_left_at_the_cut():
    totals = total_scores(hand_answers())
    assert group_weights(totals, 2, top=True) == pytest.approx({1: 1.0, 2: 0.5, 3: 0.5})
    assert group_weights(totals, 2, top=False) == pytest.approx({7: 1.0, 4: 1 / 3, 5: 1 / 3, 6: 1 / 3})


@pytest.mark.parametrize(("learners", "expected"), [(4, 1), (5, 1), (6, 2), (7, 2), (10, 3), (20, 5), (50, 14)])
def test_group_size_is_27_percent_rounded(learners, expected):
    assert group_size(learners) == expected


@pytest.mark.parametrize(("position", "answered", "correct", "facility", "discrimination"), [
    (0, 7, 5, 5 / 7, 2 / 3),
    (1, 7, 4, 4 / 7, 5 / 6),
    (2, 7, 3, 3 / 7, 7 / 12),
    (3, 7, 3, 3 / 7, 1 / 4),
    (4, 7, 2, 2 / 7, -1 / 3),
])
def test_facility_and_discrimination_match_the_hand_computation(analysis, position, answered, correct, facility,
                                                                discrimination):
    item = analysis.items[position]
    assert item.question_id == QUESTIONS[position].question_id
    assert (item.answered, item.correct) == (answered, correct)
    assert item.facility == pytest.approx(facility)
    assert item.discrimination == pytest.approx(discrimination)
    assert analysis.learners == 7 and analysis.group_size == 2 and analysis.discrimination_note == ""


def test_choice_counts_show_how_often_each_distractor_was_picked(analysis):
    assert analysis.items[0].choice_counts == (
        ChoiceCount("Paris", 5, pytest.approx(5 / 7), True),
        ChoiceCount("Lyon", 2, pytest.approx(2 / 7), False),  # "Lyon" and " lyon " are the same pick
        ChoiceCount("Nice", 0, 0.0, False),
    )
    assert [(count.choice, count.count) for count in analysis.items[1].choice_counts] == [("True", 4), ("False", 3)]
    assert [(count.choice, count.count, count.is_correct) for count in analysis.items[4].choice_counts] == [
        ("1,960 troops", 1, False), ("2,000 troops", 2, True), ("960 troops", 3, False)]
    assert analysis.items[4].other_responses == 1  # "2000" matches no choice


def test_typed_questions_list_their_most_common_wrong_answers(analysis):
    assert analysis.items[2].common_wrong_responses == (("1961", 2), ("1950", 1))  # the blank is not listed
    assert analysis.items[3].common_wrong_responses == (("Baku", 3), ("Tbilisi", 1))
    assert analysis.items[2].choice_counts == ()


def test_hard_and_negatively_discriminating_questions_are_flagged_with_a_reason(analysis):
    assert [item.flags for item in analysis.items[:4]] == [(), (), (), ()]
    flags = {flag.kind: flag.reason for flag in analysis.items[4].flags}
    assert set(flags) == {FlagKind.LOW_FACILITY, FlagKind.NEGATIVE_DISCRIMINATION}
    assert "2 of 7 answered right (29 %, below 30 %)" in flags[FlagKind.LOW_FACILITY]
    assert "D = -0.33" in flags[FlagKind.NEGATIVE_DISCRIMINATION]


def test_the_facility_line_is_tunable():
    flagged = analyse_items(QUESTIONS, hand_answers(), low_facility=0.5)
    assert [bool(item.flags) for item in flagged.items] == [False, False, True, True, True]


@pytest.mark.parametrize(("rows", "note"), [
    ({1: (1, 1), 2: (0, 1), 3: (0, 0)}, "at least 4 learners"),
    ({1: (1, 0), 2: (0, 1), 3: (1, 0), 4: (0, 1)}, "same total score"),
])
def test_discrimination_is_not_available_without_enough_spread(rows, note):
    keys = (QuestionKey(1, "a"), QuestionKey(2, "b"))
    answers = [ScoredAnswer(learner, key.question_id, key.answer if right else "x", bool(right))
               for learner, row in rows.items() for key, right in zip(keys, row)]
    result = analyse_items(keys, answers)
    assert note in result.discrimination_note
    assert result.group_size is None
    assert [item.discrimination for item in result.items] == [None, None]
    assert result.items[0].facility is not None


def test_a_question_nobody_answered_has_no_facility_and_no_flag():
    result = analyse_items((QuestionKey(1, "a"), QuestionKey(2, "b")),
                           [ScoredAnswer(learner, 1, "a", learner % 2 == 0) for learner in range(1, 6)])
    unanswered = result.items[1]
    assert (unanswered.answered, unanswered.facility, unanswered.discrimination, unanswered.flags) == (
        0, None, None, ())


# --- Learner × set summaries --------------------------------------------------------------------------

NOW = dt.datetime(2024, 5, 15, 12, 0)
DUE = dt.datetime(2024, 5, 10, 17, 0)


def attempt(attempt_id: int, day: int, correct: int, total: int = 5, finished: bool = True) -> AttemptRecord:
    started = dt.datetime(2024, 5, day, 9, 0)
    return AttemptRecord(attempt_id, started, started + dt.timedelta(minutes=5) if finished else None, correct, total)


def test_summary_takes_best_and_last_from_finished_attempts():
    summary = summarise_learner_set([attempt(2, 9, 3), attempt(1, 8, 4), attempt(3, 12, 5, finished=False)],
                                    mastery_share=0.4, due_at=DUE, now=NOW,
                                    activity=[dt.datetime(2024, 5, 14, 8, 0)])
    assert (summary.attempts, summary.in_progress) == (2, 1)
    assert summary.best_percent == pytest.approx(80.0)
    assert summary.last_percent == pytest.approx(60.0)
    assert summary.mastery == 0.4
    assert summary.last_activity == dt.datetime(2024, 5, 14, 8, 0)
    assert summary.first_finished_at == dt.datetime(2024, 5, 8, 9, 5)
    assert not summary.overdue and not summary.late


@pytest.mark.parametrize(("attempts", "due_at", "overdue", "late"), [
    ([], DUE, True, False),
    ([attempt(1, 12, 1, finished=False)], DUE, True, False),  # started, never finished
    ([attempt(1, 12, 5)], DUE, False, True),  # finished after the due date
    ([attempt(1, 9, 5)], DUE, False, False),
    ([], None, False, False),  # no due date
    ([], NOW + dt.timedelta(days=1), False, False),  # not due yet
])
def test_overdue_means_past_due_without_a_finished_attempt(attempts, due_at, overdue, late):
    summary = summarise_learner_set(attempts, mastery_share=None, due_at=due_at, now=NOW)
    assert (summary.overdue, summary.late) == (overdue, late)
    assert is_overdue(due_at, summary.first_finished_at, NOW) == overdue


def test_a_learner_who_never_started_has_no_scores():
    summary = summarise_learner_set([], mastery_share=0.0, now=NOW)
    assert (summary.attempts, summary.best_percent, summary.last_percent, summary.last_activity) == (
        0, None, None, None)


def test_retrievability_is_the_expected_recall_of_a_card():
    scheduler = Scheduler(enable_fuzzing=False)
    reviewed_at = NOW.replace(tzinfo=dt.timezone.utc) - dt.timedelta(days=10)
    card, _log = scheduler.review_card(Card(), Rating.Good, reviewed_at)
    ten_days_old = dict(card.to_dict(), stability=10.0, state=2, step=None)
    # FSRS defines stability as the interval after which recall falls to 90 %.
    assert retrievability(CardState(fsrs_card=ten_days_old), NOW) == pytest.approx(0.9)
    assert retrievability(CardState(fsrs_card=Card().to_dict()), NOW) == 0.0  # never reviewed


DAY_END = NOW + dt.timedelta(hours=6)


MASTERY_CASES = [
    (None, None, False),  # never studied
    (State.Learning, DAY_END + dt.timedelta(days=3), False),  # a new card answered, still in its steps
    (State.Relearning, DAY_END + dt.timedelta(days=3), False),  # failed at its last review
    (State.Review, DAY_END - dt.timedelta(hours=1), False),  # due again today
    (State.Review, DAY_END, True),
    (State.Review, DAY_END + dt.timedelta(days=3), True),
]


@pytest.mark.parametrize("state, due, mastered", MASTERY_CASES)
def test_a_card_is_mastered_only_past_learning_and_not_due_today(state, due, mastered):
    card = None if state is None else CardState(fsrs_card=dict(Card().to_dict(), state=int(state)), due=due)
    assert is_mastered(card, DAY_END) is mastered


def test_the_databases_count_of_mastered_cards_agrees_with_is_mastered(app, teacher):
    # Pages count mastered cards in SQL (mastered_in_sql); each card of the table above, counted there.
    cases = [(state, due, mastered) for state, due, mastered in MASTERY_CASES if state is not None]
    learner = make_user(app, role=Role.LEARNER, email="mastery@example.org")
    with app.app_context():
        question_set = QuestionSet(owner_id=teacher, title="Cards")
        question_set.questions = [Question(position=number, kind=QuestionKind.FLASHCARD, prompt=f"Card {number}?",
                                           answer="yes", explanation="") for number in range(len(cases))]
        db.session.add(question_set)
        db.session.flush()
        db.session.add_all([CardState(learner_id=learner, question_id=question.id, due=due,
                                      fsrs_card=dict(Card().to_dict(), state=int(state)))
                            for question, (state, due, _mastered) in zip(question_set.questions, cases)])
        db.session.flush()
        counted = dict(db.session.execute(
            db.select(CardState.question_id, mastered_in_sql(DAY_END)).where(CardState.learner_id == learner)).all())
        assert [bool(counted[question.id]) for question in question_set.questions] == [
            mastered for _state, _due, mastered in cases]


def test_mastery_is_the_share_of_the_sets_cards_mastered():
    assert mastery(2, card_count=5) == pytest.approx(0.4)  # cards never studied count as not mastered
    assert mastery(0, card_count=0) is None


@pytest.mark.parametrize(("learners", "flagged"), [(1, False), (4, False), (5, True), (9, True)])
def test_a_question_is_flagged_only_once_enough_learners_answered_it(learners, flagged):
    result = analyse_items((QuestionKey(1, "a"),), [ScoredAnswer(learner, 1, "b", False) for learner in range(learners)])
    assert bool(result.items[0].flags) is flagged
    assert result.too_few_answers == (0 if flagged else 1)
    if flagged:
        assert [flag.title for flag in result.items[0].flags] == ["most learners miss it"]
