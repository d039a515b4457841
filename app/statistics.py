"""Item analysis and learners' scores, as pure functions over plain records (no Flask, no database).

Item analysis follows classical test theory, as Moodle's quiz statistics do:

- **Which answers count**: each learner's *first finished* attempt of the set. A first attempt shows
  what the set taught, before a learner has seen the feedback; unfinished attempts are left out, so a
  learner who gave up after two questions does not drag a total score down. The services choose the
  attempts; the functions here only see the answers.
- **Facility**: the share of the learners who answered a question that answered it right.
- **Discrimination index** D = p_upper − p_lower: the facility among the top 27 % of learners minus
  the facility among the bottom 27 %, learners ranked by their total score (the share of their answers
  that were right). Each group holds ``max(1, round(0.27 × N))`` learners. Learners tied at a group's
  boundary share its remaining places equally (a fractional weight), which equals the average of D over
  every way of breaking the tie, so the result never depends on who signed up first. With fewer than
  ``MIN_LEARNERS_FOR_DISCRIMINATION`` learners, or when every learner has the same total, D is not
  available (None) and the reason is given.
- **Distractors**: for questions with choices (multiple choice, true/false), how often each choice was
  picked; typed questions list their most common wrong responses instead.
- **Flags** name their reason (a low facility, a negative D) and are raised only once a question has
  ``MIN_ANSWERS_FOR_FLAGS`` answers: one learner's slip says nothing about a question.
"""
from __future__ import annotations

import datetime as dt
import enum
import math
from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Iterable, Mapping, Sequence

GROUP_SHARE = 0.27
MIN_LEARNERS_FOR_DISCRIMINATION = 4
LOW_FACILITY = 0.3
MIN_ANSWERS_FOR_FLAGS = 5
COMMON_WRONG_RESPONSES = 3


@dataclass(frozen=True)
class ScoredAnswer:
    """One learner's graded answer to one question."""

    learner_id: int
    question_id: int
    response: str
    correct: bool


@dataclass(frozen=True)
class QuestionKey:
    """What item analysis needs to know of a question: its answer and, if it has them, its choices."""

    question_id: int
    answer: str
    choices: tuple[str, ...] = ()


@dataclass(frozen=True)
class ChoiceCount:
    choice: str
    count: int
    share: float  # of the learners who answered the question
    is_correct: bool


class FlagKind(str, enum.Enum):
    LOW_FACILITY = "low_facility"
    NEGATIVE_DISCRIMINATION = "negative_discrimination"


FLAG_TITLES = {
    FlagKind.LOW_FACILITY: "most learners miss it",
    FlagKind.NEGATIVE_DISCRIMINATION: "weaker learners do better on it",
}


@dataclass(frozen=True)
class ItemFlag:
    kind: FlagKind
    reason: str

    @property
    def title(self) -> str:
        """Return the flag's reason in a few words, for lists."""
        return FLAG_TITLES[self.kind]


@dataclass(frozen=True)
class ItemStatistics:
    question_id: int
    answered: int
    correct: int
    facility: float | None
    discrimination: float | None
    choice_counts: tuple[ChoiceCount, ...] = ()
    other_responses: int = 0  # responses to a question with choices that match none of them
    common_wrong_responses: tuple[tuple[str, int], ...] = ()
    flags: tuple[ItemFlag, ...] = ()


@dataclass(frozen=True)
class ItemAnalysis:
    learners: int
    group_size: int | None  # learners in each of the top and bottom groups; None when D is not available
    discrimination_note: str  # why D is not available, or empty
    items: tuple[ItemStatistics, ...]
    min_answers: int = MIN_ANSWERS_FOR_FLAGS  # answers a question needs before it can be flagged
    low_facility: float = LOW_FACILITY  # a facility below this is flagged

    @property
    def too_few_answers(self) -> int:
        """Return how many answered questions have too few answers to be flagged."""
        return sum(0 < item.answered < self.min_answers for item in self.items)


def normalise_response(text: str) -> str:
    """Fold case and whitespace so that "  Paris " and "paris" count as the same response."""
    return " ".join(text.split()).casefold()


def total_scores(answers: Iterable[ScoredAnswer]) -> dict[int, float]:
    """Return each learner's share of right answers."""
    right: Counter[int] = Counter()
    given: Counter[int] = Counter()
    for answer in answers:
        given[answer.learner_id] += 1
        right[answer.learner_id] += answer.correct
    return {learner_id: right[learner_id] / count for learner_id, count in given.items()}


def group_size(learner_count: int, *, share: float = GROUP_SHARE) -> int:
    """Return how many learners each of the top and bottom groups holds (rounded half up, at least 1)."""
    return max(1, math.floor(share * learner_count + 0.5))


def group_weights(totals: Mapping[int, float], size: int, *, top: bool) -> dict[int, float]:
    """Return each learner's membership of the top (or bottom) group, 1 for a full member.

    The learners tied at the boundary share the group's remaining places equally.
    """
    if not totals or size < 1:
        return {}
    ordered = sorted(totals.values(), reverse=top)
    boundary = ordered[min(size, len(ordered)) - 1]
    beyond = [learner for learner, total in totals.items() if (total > boundary if top else total < boundary)]
    tied = [learner for learner, total in totals.items() if total == boundary]
    tied_share = (min(size, len(ordered)) - len(beyond)) / len(tied)
    weights = {learner: 1.0 for learner in beyond}
    weights.update({learner: tied_share for learner in tied})
    return weights


def _weighted_facility(results: Mapping[int, bool], weights: Mapping[int, float]) -> float | None:
    weight_answered = sum(weight for learner, weight in weights.items() if learner in results)
    if weight_answered == 0:
        return None
    return sum(weight for learner, weight in weights.items() if results.get(learner)) / weight_answered


def _choice_counts(key: QuestionKey, responses: Sequence[str]) -> tuple[tuple[ChoiceCount, ...], int]:
    picked = Counter(normalise_response(response) for response in responses)
    right = normalise_response(key.answer)
    counts = []
    for choice in key.choices:
        count = picked.pop(normalise_response(choice), 0)
        counts.append(ChoiceCount(choice=choice, count=count, share=count / len(responses) if responses else 0.0,
                                  is_correct=normalise_response(choice) == right))
    return tuple(counts), sum(picked.values())


def _common_wrong_responses(wrong: Sequence[str], limit: int) -> tuple[tuple[str, int], ...]:
    first_spelling: dict[str, str] = {}
    counts: Counter[str] = Counter()
    for response in wrong:
        normalised = normalise_response(response)
        if not normalised:
            continue
        first_spelling.setdefault(normalised, response.strip())
        counts[normalised] += 1
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:limit]
    return tuple((first_spelling[normalised], count) for normalised, count in ranked)


def _flags(answered: int, correct: int, facility: float | None, discrimination: float | None, *,
           low_facility: float, min_answers: int) -> tuple[ItemFlag, ...]:
    if answered < min_answers:
        return ()
    flags = []
    if facility is not None and facility < low_facility:
        flags.append(ItemFlag(FlagKind.LOW_FACILITY,
                              f"Most learners miss it: {correct} of {answered} answered right "
                              f"({facility * 100:.0f} %, below {low_facility * 100:.0f} %). "
                              "Check the answer key and the wording."))
    if discrimination is not None and discrimination < 0:
        flags.append(ItemFlag(FlagKind.NEGATIVE_DISCRIMINATION,
                              f"Negative discrimination (D = {discrimination:+.2f}): learners with the lowest totals "
                              f"did better on it than those with the highest. It may be ambiguous or keyed wrong."))
    return tuple(flags)


def analyse_items(questions: Sequence[QuestionKey], answers: Iterable[ScoredAnswer], *,
                  share: float = GROUP_SHARE, min_learners: int = MIN_LEARNERS_FOR_DISCRIMINATION,
                  low_facility: float = LOW_FACILITY, wrong_responses: int = COMMON_WRONG_RESPONSES,
                  min_answers: int = MIN_ANSWERS_FOR_FLAGS) -> ItemAnalysis:
    """Return facility, discrimination, distractor counts and flags for each question, in the order given.

    A question with fewer than ``min_answers`` answers is never flagged (``ItemAnalysis.too_few_answers``
    counts them).

    ``answers`` holds one answer per learner and question (each learner's counted attempt); totals are
    computed over all of them, so pass answers to questions not in ``questions`` too if they were asked.
    """
    answers = list(answers)
    totals = total_scores(answers)
    learner_count = len(totals)
    upper: dict[int, float] = {}
    lower: dict[int, float] = {}
    size: int | None = None
    if learner_count < min_learners:
        note = (f"Discrimination needs at least {min_learners} learners' finished first attempts; "
                f"there are {learner_count}.")
    elif len(set(totals.values())) == 1:
        note = "Discrimination is not available: every learner has the same total score."
    else:
        note = ""
        size = group_size(learner_count, share=share)
        upper = group_weights(totals, size, top=True)
        lower = group_weights(totals, size, top=False)

    by_question: dict[int, list[ScoredAnswer]] = defaultdict(list)
    for answer in answers:
        by_question[answer.question_id].append(answer)

    items = []
    for key in questions:
        question_answers = by_question.get(key.question_id, [])
        answered = len(question_answers)
        correct = sum(answer.correct for answer in question_answers)
        facility = correct / answered if answered else None
        discrimination = None
        if size is not None:
            results = {answer.learner_id: answer.correct for answer in question_answers}
            p_upper = _weighted_facility(results, upper)
            p_lower = _weighted_facility(results, lower)
            if p_upper is not None and p_lower is not None:
                discrimination = p_upper - p_lower
        choice_counts: tuple[ChoiceCount, ...] = ()
        other = 0
        common_wrong: tuple[tuple[str, int], ...] = ()
        if key.choices:
            choice_counts, other = _choice_counts(key, [answer.response for answer in question_answers])
        else:
            common_wrong = _common_wrong_responses(
                [answer.response for answer in question_answers if not answer.correct], wrong_responses)
        items.append(ItemStatistics(
            question_id=key.question_id, answered=answered, correct=correct, facility=facility,
            discrimination=discrimination, choice_counts=choice_counts, other_responses=other,
            common_wrong_responses=common_wrong,
            flags=_flags(answered, correct, facility, discrimination, low_facility=low_facility,
                         min_answers=min_answers)))
    return ItemAnalysis(learners=learner_count, group_size=size, discrimination_note=note, items=tuple(items),
                        min_answers=min_answers, low_facility=low_facility)


# --- A learner's results on one set -----------------------------------------------------------------

@dataclass(frozen=True)
class AttemptRecord:
    attempt_id: int
    started_at: dt.datetime
    finished_at: dt.datetime | None
    correct: int
    total: int

    @property
    def percent(self) -> float:
        return 100.0 * self.correct / self.total if self.total else 0.0


@dataclass(frozen=True)
class LearnerSetSummary:
    attempts: int  # finished attempts
    in_progress: int  # attempts started and not finished
    best_percent: float | None
    last_percent: float | None
    first_finished_at: dt.datetime | None
    mastery: float | None  # 0..1, None when the set has no live questions
    last_activity: dt.datetime | None
    overdue: bool
    late: bool  # finished, but first after the due date


def mastery(mastered: int, card_count: int) -> float | None:
    """Return the share of a set's cards the learner has mastered; None for a set without live questions.

    ``mastered`` counts the cards the scheduling module judges learned (``is_mastered``); ``card_count``
    is the number of the set's live questions, so cards never studied count as not mastered.
    """
    if card_count <= 0:
        return None
    return min(1.0, mastered / card_count)


def is_overdue(due_at: dt.datetime | None, first_finished_at: dt.datetime | None, now: dt.datetime) -> bool:
    """Whether the due date has passed and the learner has not finished the set once."""
    return due_at is not None and now > due_at and first_finished_at is None


def summarise_learner_set(attempts: Iterable[AttemptRecord], *, mastery_share: float | None,
                          activity: Iterable[dt.datetime | None] = (), due_at: dt.datetime | None = None,
                          now: dt.datetime) -> LearnerSetSummary:
    """Return a learner's best and last score, attempts, mastery, last activity and due-date state for one set.

    Best and last scores come from finished attempts only; ``activity`` adds other moments of study
    (answers, flashcard reviews) to the last-activity date.
    """
    attempts = sorted(attempts, key=lambda attempt: (attempt.finished_at or attempt.started_at, attempt.attempt_id))
    finished = [attempt for attempt in attempts if attempt.finished_at is not None]
    finished.sort(key=lambda attempt: (attempt.finished_at, attempt.attempt_id))
    first_finished_at = finished[0].finished_at if finished else None
    moments = [moment for moment in activity if moment is not None]
    moments += [attempt.finished_at or attempt.started_at for attempt in attempts]
    return LearnerSetSummary(
        attempts=len(finished),
        in_progress=len(attempts) - len(finished),
        best_percent=max((attempt.percent for attempt in finished), default=None),
        last_percent=finished[-1].percent if finished else None,
        first_finished_at=first_finished_at,
        mastery=mastery_share,
        last_activity=max(moments, default=None),
        overdue=is_overdue(due_at, first_finished_at, now),
        late=due_at is not None and first_finished_at is not None and first_finished_at > due_at,
    )
