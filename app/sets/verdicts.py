"""The teacher's verdicts on a set's questions: the review page's filters and sections, and approving in bulk."""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from flask_sqlalchemy.pagination import Pagination
from sqlalchemy import case, func

from app.extensions import db
from app.models import Question, QuestionKind, QuestionSet, ReviewStatus, utcnow
from app.sets.facts import dismiss_fact, dismissed_facts
from app.sets.queries import SetError, ordered_questions, questions_with_history, touch

FACT_GROUPS = (
    ("speaker", "Who said what"),
    ("number", "Numbers"),
    ("date", "Dates"),
    ("person", "People"),
    ("organisation", "Organisations"),
    ("place", "Places"),
)
HAND_MADE_GROUP = ("hand", "Written by hand or imported")
STATUS_FILTERS = ("all", "pending", "approved", "rejected", "retired")
# The review page's score filter: its value, its label, and the questions it keeps.
SCORE_FILTERS = {
    "80": ("80 % or more", lambda score: score >= 0.8),
    "60": ("60 % or more", lambda score: score >= 0.6),
    "40": ("40 % or more", lambda score: score >= 0.4),
    "low": ("below 40 %", lambda score: score < 0.4),
    "none": ("none (written by hand or imported)", lambda score: score.is_(None)),
}
BULK_ACTIONS = ("approve", "reject", "delete")
REVIEW_PAGE_SIZE = 25


@dataclass(frozen=True)
class QuestionGroup:
    key: str
    title: str
    questions: list[Question]


@dataclass(frozen=True)
class ReviewFilter:
    """What the review page shows: a review status, a question type, a fact kind and a score band."""

    status: str = "all"  # one of STATUS_FILTERS
    kind: str = ""  # a QuestionKind value, or any
    fact: str = ""  # a FACT_GROUPS key, "other" or "hand", or any
    score: str = ""  # a SCORE_FILTERS key, or any
    page: int = 1

    @classmethod
    def from_values(cls, values, *, form: bool = False) -> ReviewFilter:
        """Read a filter from the review page's URL arguments, or (``form``) from the hidden fields of its forms.

        A value the page never offers counts as "any". In a form the fields are prefixed: ``status`` is a
        verdict there, and ``kind`` a question's type.
        """
        prefix = "filter_" if form else ""
        status = values.get("filter" if form else "status") or "all"
        kind = values.get(prefix + "kind", "")
        fact = values.get(prefix + "fact", "")
        score = values.get(prefix + "score", "")
        page = values.get(prefix + "page", "")
        return cls(status=status if status in STATUS_FILTERS else "all",
                   kind=kind if kind in {kind.value for kind in QuestionKind} else "",
                   fact=fact if fact in FACT_KEYS else "",
                   score=score if score in SCORE_FILTERS else "",
                   page=int(page) if page.isdigit() and 0 < int(page) < 100_000 else 1)

    @property
    def narrows(self) -> bool:
        """Whether the page lists the questions the filter keeps, in pages, instead of its default sections."""
        return self.status != "all" or bool(self.kind or self.fact or self.score)

    def arguments(self, **changes) -> dict[str, str | int]:
        """Return the filter as the review page's URL arguments, leaving out what is "any"."""
        values = {"status": self.status if self.status != "all" else "", "kind": self.kind, "fact": self.fact,
                  "score": self.score, "page": self.page if self.page != 1 else ""}
        values.update(changes)
        return {name: value for name, value in values.items() if value not in ("", None, 1, "all")}

    def hidden_fields(self) -> dict[str, str | int]:
        """Return the filter as the hidden fields of the page's forms, so that a post comes back to it."""
        return {"filter": self.status, "filter_kind": self.kind, "filter_fact": self.fact, "filter_score": self.score,
                "filter_page": self.page}


FACT_KEYS = (*(key for key, _title in FACT_GROUPS), "other", HAND_MADE_GROUP[0])


def _filtered_query(question_set: QuestionSet, review_filter: ReviewFilter):
    query = db.select(Question).where(Question.set_id == question_set.id)
    if review_filter.status == "retired":
        query = query.where(Question.retired_at.is_not(None))
    else:
        query = query.where(Question.retired_at.is_(None))
        if review_filter.status != "all":
            query = query.where(Question.review_status == ReviewStatus(review_filter.status))
    if review_filter.kind:
        query = query.where(Question.kind == QuestionKind(review_filter.kind))
    known = [key for key, _title in FACT_GROUPS]
    if review_filter.fact == HAND_MADE_GROUP[0]:
        query = query.where(Question.fact_kind.is_(None))
    elif review_filter.fact == "other":
        query = query.where(Question.fact_kind.is_not(None), Question.fact_kind.not_in(known))
    elif review_filter.fact:
        query = query.where(Question.fact_kind == review_filter.fact)
    if review_filter.score:
        query = query.where(SCORE_FILTERS[review_filter.score][1](Question.score))
    # The groups' order (who said what first, hand-made last), then learners' order within each group.
    group_order = case({key: number for number, key in enumerate(known)}, value=Question.fact_kind,
                       else_=case((Question.fact_kind.is_(None), len(known) + 1), else_=len(known)))
    return query.order_by(group_order, Question.position, Question.id)


def filtered_review(question_set: QuestionSet, review_filter: ReviewFilter, *, per_page: int = REVIEW_PAGE_SIZE):
    """Return one page of the questions the filter keeps (a Flask-SQLAlchemy pagination), in the groups' order.

    A page past the last shows the last.
    """
    query = _filtered_query(question_set, review_filter)
    pagination = db.paginate(query, page=review_filter.page, per_page=per_page, error_out=False, count=True)
    if pagination.pages and review_filter.page > pagination.pages:
        pagination = db.paginate(query, page=pagination.pages, per_page=per_page, error_out=False, count=True)
    return pagination


def grouped(rows: Iterable[Question]) -> list[QuestionGroup]:
    """Return questions grouped by the kind of fact they ask about, hand-made ones last, keeping their order."""
    known = dict(FACT_GROUPS)
    groups: dict[str, list[Question]] = {}
    for question in rows:
        key = question.fact_kind if question.fact_kind in known else (
            "other" if question.fact_kind else HAND_MADE_GROUP[0])
        groups.setdefault(key, []).append(question)
    titles = [*FACT_GROUPS, ("other", "Other facts"), HAND_MADE_GROUP]
    return [QuestionGroup(key, title, groups[key]) for key, title in titles if key in groups]


FACT_FILTER_TITLES = (*FACT_GROUPS, ("other", "Other facts"), HAND_MADE_GROUP)


SECTIONS = ("recommended", "also_approved", "suggestions", "rejected")


@dataclass(frozen=True)
class ReviewSections:
    """One page of the review page's default view: the recommended set first, the rest after it, in pages.

    The sections follow each other over the pages; each list holds the section's questions on this page.
    """

    recommended: list[Question]  # pending or approved, in learners' order
    also_approved: list[Question]  # approved outside the recommended set: hand-made, imported, picked by the teacher
    suggestions: list[Question]  # the other pending questions, the engine's best first
    rejected: list[Question]
    totals: dict[str, int]  # each section's questions on every page
    recommended_pending: int
    pagination: Pagination

    def first_page(self, section: str) -> int:
        """Return the page on which the section's questions begin."""
        before = sum(self.totals[earlier] for earlier in SECTIONS[:SECTIONS.index(section)])
        return before // self.pagination.per_page + 1


def _section_rank():
    """Return the SQL rank of a live question's section, in SECTIONS order."""
    return case((Question.review_status == ReviewStatus.REJECTED, 3), (Question.recommended, 0),
                (Question.review_status == ReviewStatus.APPROVED, 1), else_=2)


def review_sections(question_set: QuestionSet, *, page: int = 1, per_page: int = REVIEW_PAGE_SIZE) -> ReviewSections:
    """Return one page of the set's live questions: the recommended set, other approved ones, suggestions, rejected.

    A page past the last shows the last.
    """
    rank = _section_rank()
    live = (Question.set_id == question_set.id, Question.retired_at.is_(None))
    totals = dict.fromkeys(SECTIONS, 0)
    recommended_pending = 0
    for section, status, count in db.session.execute(
            db.select(rank, Question.review_status, func.count()).where(*live).group_by(rank, Question.review_status)):
        totals[SECTIONS[section]] += count
        recommended_pending += count if section == 0 and status is ReviewStatus.PENDING else 0
    # Suggestions come the engine's best first; questions of equal score (or none) keep learners' order.
    query = (db.select(Question).where(*live)
             .order_by(rank, case((rank == 2, -func.coalesce(Question.score, 0.0)), else_=0.0), Question.position,
                       Question.id))
    pages = max(1, -(-sum(totals.values()) // per_page))
    pagination = db.paginate(query, page=min(max(1, page), pages), per_page=per_page, error_out=False, count=True)
    shown: dict[str, list[Question]] = {section: [] for section in SECTIONS}
    for question in pagination.items:
        section = ("rejected" if question.review_status is ReviewStatus.REJECTED else "recommended"
                   if question.recommended else "also_approved" if question.review_status is ReviewStatus.APPROVED
                   else "suggestions")
        shown[section].append(question)
    return ReviewSections(**shown, totals=totals, recommended_pending=recommended_pending, pagination=pagination)


def status_counts(question_set: QuestionSet) -> dict[str, int]:
    """Return how many questions each filter of the review page shows."""
    counts = {"all": 0, "retired": 0, **{status.value: 0 for status in ReviewStatus}}
    for retired, status, count in db.session.execute(
            db.select(Question.retired_at.is_not(None), Question.review_status, func.count())
            .where(Question.set_id == question_set.id)
            .group_by(Question.retired_at.is_not(None), Question.review_status)):
        if retired:
            counts["retired"] += count
        else:
            counts["all"] += count
            counts[status.value] += count
    return counts


@dataclass(frozen=True)
class BulkOutcome:
    changed: int  # approved, rejected or deleted
    retired: int = 0  # deleted questions that learners had answered: retired instead
    skipped: int = 0  # already in that state, or retired


def bulk_review(question_set: QuestionSet, question_ids: Iterable[int], action: str) -> BulkOutcome:
    """Approve, reject or delete several questions of the set at once, all or none.

    Deleting follows ``delete_question``: the fact is remembered, and a question learners answered is retired.

    Raises:
        SetError: no question was chosen, the action is unknown, or a chosen question is not in this set.
    """
    if action not in BULK_ACTIONS:
        raise SetError("Choose approve, reject or delete.")
    wanted = set(question_ids)
    if not wanted:
        raise SetError("Choose at least one question first: tick the box next to each question you want.")
    chosen = list(db.session.execute(
        db.select(Question).where(Question.set_id == question_set.id, Question.id.in_(wanted))).scalars())
    if len(chosen) != len(wanted):
        raise SetError("Some of the chosen questions are not in this set any more. Nothing was changed; "
                       "reload the page and choose again.")
    live = [question for question in chosen if question.retired_at is None]
    skipped = len(chosen) - len(live)
    if action == "delete":
        dismissed = dismissed_facts(question_set)
        history = questions_with_history([question.id for question in live])
        now = utcnow()
        for question in live:
            dismiss_fact(question_set, question, dismissed)
            if question.id in history:
                question.retired_at = now
            else:
                db.session.delete(question)
        outcome = BulkOutcome(changed=len(live) - len(history), retired=len(history), skipped=skipped)
    else:
        status = ReviewStatus.APPROVED if action == "approve" else ReviewStatus.REJECTED
        changing = [question for question in live if question.review_status is not status]
        for question in changing:
            question.review_status = status
        outcome = BulkOutcome(changed=len(changing), skipped=skipped + len(live) - len(changing))
    if outcome.changed or outcome.retired:
        touch(question_set)
    db.session.commit()
    return outcome


def set_review_status(question: Question, status: ReviewStatus) -> None:
    """Approve or reject one question (rejecting hides it from learners but keeps their history)."""
    question.review_status = status
    touch(question.question_set)
    db.session.commit()


def approve_recommended(question_set: QuestionSet) -> int:
    """Approve the pending questions of the recommended set and return how many were approved."""
    return _approve_pending(question_set, (question for question in ordered_questions(question_set)
                                           if question.recommended))


def approve_all(question_set: QuestionSet) -> int:
    """Approve every pending question of the set and return how many were approved."""
    return _approve_pending(question_set, ordered_questions(question_set))


def _approve_pending(question_set: QuestionSet, questions: Iterable[Question]) -> int:
    pending = [question for question in questions if question.review_status is ReviewStatus.PENDING]
    for question in pending:
        question.review_status = ReviewStatus.APPROVED
    if pending:
        touch(question_set)
    db.session.commit()
    return len(pending)
