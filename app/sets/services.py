"""Question sets: made from an article, by hand or by import; reviewed, published and assigned."""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import PurePath

from flask import current_app
from markupsafe import Markup, escape
from sqlalchemy import case, func
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import selectinload

import questions
from app.database import begin_write
from app.errors import NotFound
from app.extensions import db
from app.models import (Answer, Assignment, Attempt, CardState, Classroom, DismissedFact, Question, QuestionKind,
                        QuestionSet, ReviewStatus, SetStatus, User, utcnow)
from app.models import Review as LearnerReview
from app.ownership import owned_or_404
from app.sets.articles import ArticleError, read_article
from app.quiz.settings import QuizSettings
from app.sets.drafts import QuestionDraft
from app.interop.registry import EXPORTS, ExportFormat, export_bytes
from app.sets.transfer import ImportedQuestion, ImportedSet, export_document, parse_import

MAX_TITLE = 300
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
_WORD = re.compile(r"\w", re.UNICODE)


class SetError(ValueError):
    """An action on a set is not allowed in its current state; the message says why."""


# ---------------------------------------------------------------------------------------------------- lookups


def get_owned_set(teacher: User, set_id: int) -> QuestionSet:
    """Return the teacher's set; raise NotFound for another teacher's set, as good as absent."""
    return owned_or_404(QuestionSet, set_id, teacher)


def get_set_question(question_set: QuestionSet, question_id: int) -> Question:
    """Return a question of this set, or answer 404 (also for a question of another set)."""
    question = db.session.get(Question, question_id)
    if question is None or question.set_id != question_set.id:
        raise NotFound("Question", question_id)
    return question


def find_created_set(owner: User, creation_token: str) -> QuestionSet | None:
    """Return the set an earlier post of the same creation form made, if any."""
    if not creation_token:
        return None
    return db.session.execute(
        db.select(QuestionSet).filter_by(owner_id=owner.id, creation_token=creation_token)).scalar_one_or_none()


def ordered_questions(question_set: QuestionSet, *, include_retired: bool = False) -> list[Question]:
    """Return the set's questions in the order learners meet them."""
    query = db.select(Question).filter_by(set_id=question_set.id).order_by(Question.position, Question.id)
    if not include_retired:
        query = query.where(Question.retired_at.is_(None))
    return list(db.session.execute(query).scalars())


def questions_with_history(question_ids: list[int]) -> set[int]:
    """Return the ids among ``question_ids`` that a learner answered, reviewed or holds as a card."""
    if not question_ids:
        return set()
    found: set[int] = set()
    for model in (Answer, LearnerReview, CardState):
        found.update(db.session.execute(
            db.select(model.question_id).where(model.question_id.in_(question_ids)).distinct()).scalars())
    return found


# ---------------------------------------------------------------------------------------------------- the index


@dataclass(frozen=True)
class SetSummary:
    question_set: QuestionSet
    counts: dict[ReviewStatus, int]
    classrooms: list[Classroom] = field(default_factory=list)

    @property
    def total(self) -> int:
        return sum(self.counts.values())


def set_summaries(teacher: User) -> list[SetSummary]:
    """Return the teacher's sets, most recently changed first, with question counts and assigned classes."""
    question_sets = list(db.session.execute(
        db.select(QuestionSet).filter_by(owner_id=teacher.id)
        .options(selectinload(QuestionSet.assignments).selectinload(Assignment.classroom))
        .order_by(QuestionSet.updated_at.desc(), QuestionSet.id.desc())).scalars())
    counts: dict[int, dict[ReviewStatus, int]] = {
        question_set.id: {status: 0 for status in ReviewStatus} for question_set in question_sets}
    if question_sets:
        rows = db.session.execute(
            db.select(Question.set_id, Question.review_status, func.count())
            .where(Question.set_id.in_(counts), Question.retired_at.is_(None))
            .group_by(Question.set_id, Question.review_status))
        for set_id, status, count in rows:
            counts[set_id][status] = count
    return [SetSummary(question_set, counts[question_set.id],
                       sorted((assignment.classroom for assignment in question_set.assignments),
                              key=lambda classroom: classroom.name.casefold()))
            for question_set in question_sets]


# ---------------------------------------------------------------------------------------------------- articles


def create_set_from_article(owner: User, text: str | bytes, *, title: str | None = None,
                            published_on: dt.date | None = None, filename: str | None = None,
                            creation_token: str | None = None, today: dt.date | None = None) -> QuestionSet:
    """Run the engine on an article and store its questions as a draft set awaiting review.

    Without ``published_on`` the article is read from the date it states, or else from ``today``
    (default: the current date): "on Wednesday" means nothing without a date to count from.
    ``creation_token`` is the one-time token of the form: posting the same form twice returns the
    set the first post made instead of making a second one.

    Raises:
        ArticleError: the input is not a readable article (the message says why).
    """
    article = read_article(text, limit=current_app.config["MAX_ARTICLE_BYTES"], filename=filename)
    return create_set_from_read_article(owner, article, title=title, published_on=published_on, filename=filename,
                                        creation_token=creation_token, today=today)


def create_set_from_read_article(owner: User, article: str, *, title: str | None = None,
                                 published_on: dt.date | None = None, filename: str | None = None,
                                 creation_token: str | None = None, today: dt.date | None = None) -> QuestionSet:
    """Run the engine on an article already checked by ``read_article``; the rest as ``create_set_from_article``."""
    try:
        result = questions.generate(article, published=published_on, seed=0, today=today or dt.date.today())
    except questions.InputError as err:
        prefix = f"No article could be read from {filename!r}: " if filename else ""
        raise ArticleError(prefix + _sentence(str(err))) from None
    if not _WORD.search(result.text):
        raise ArticleError("No article text was found. Paste the article's text or choose another file.")

    question_set = QuestionSet(
        owner_id=owner.id,
        title=_set_title(title, result.article.headline, filename, result.text),
        description="",
        source_text=result.text,
        published_on=published_on or result.article.published,
        seed=0,
        creation_token=creation_token or None,
    )
    question_set.questions = [_generated_question(question, position)
                              for position, question in enumerate(result.questions)]
    begin_write()  # after the engine: the write lock is held for the insert only
    db.session.add(question_set)
    try:
        db.session.commit()
    except IntegrityError:
        db.session.rollback()
        # The same form arrived twice at once: the other request made the set.
        existing = find_created_set(owner, creation_token or "")
        if existing is None:
            raise
        return existing
    return question_set


def create_empty_set(owner: User, *, title: str, description: str = "") -> QuestionSet:
    """Make a draft set without questions, to be filled by hand or by import."""
    question_set = QuestionSet(owner_id=owner.id, title=title.strip()[:MAX_TITLE], description=description.strip())
    db.session.add(question_set)
    db.session.commit()
    return question_set


def update_details(question_set: QuestionSet, *, title: str, published_on: dt.date | None,
                   description: str, regenerate_now: bool = True) -> Regeneration | None:
    """Change the set's title, the date its article speaks from and its description.

    A new date changes what the article's relative dates mean, so a set made from an article is
    regenerated from it (see ``regenerate`` with ``new_seed=False``); returns that regeneration, if any.
    With ``regenerate_now`` false the caller regenerates it later (a long article, in a job of its own).

    Raises:
        SetError: the article could not be read again (nothing is changed).
    """
    needs_regeneration = date_changes_questions(question_set, published_on)
    question_set.title = title.strip()[:MAX_TITLE]
    question_set.published_on = published_on
    question_set.description = description.strip()
    if regenerate_now and needs_regeneration:
        try:
            return regenerate(question_set, new_seed=False)
        except SetError:
            db.session.rollback()
            raise
    db.session.commit()
    return None


def date_changes_questions(question_set: QuestionSet, published_on: dt.date | None) -> bool:
    """Return whether giving the set this date means regenerating it: a new date for a set made from an article."""
    return published_on != question_set.published_on and bool(question_set.source_text.strip())


def regeneration_summary(outcome: Regeneration) -> str:
    """Return what a regeneration did, in a sentence or two for the teacher."""
    message = f"{outcome.added} new questions to review; {outcome.removed} questions replaced."
    if outcome.retired:
        message += f" {outcome.retired} that learners had answered were retired."
    if outcome.left_out:
        message += f" {outcome.left_out} about facts you had rejected or deleted were left out."
    return message


def creation_summary(question_set: QuestionSet) -> tuple[str, str]:
    """Return what the teacher is told of a set just made from an article, and the message's category."""
    if question_set.questions:
        return f"The engine made {len(question_set.questions)} questions. Review them before publishing.", "success"
    return ("The engine found no questions in this article. Add questions by hand, or correct the "
            "article's date and regenerate.", "warning")


def _generated_question(question: questions.Question, position: int) -> Question:
    return Question(
        position=position,
        kind=QuestionKind(question.type.value),
        prompt=question.prompt,
        answer=question.answer,
        choices=list(question.choices),
        explanation=question.explanation,
        source_start=question.source.start,
        source_end=question.source.end,
        fact_kind=question.fact.kind.value,
        fact_text=question.fact.text,
        fact_value=None if question.fact.value is None else str(question.fact.value),
        engine_id=question.id[:64],
        score=question.score,
        recommended=question.recommended,
        review_status=ReviewStatus.PENDING,
    )


def _set_title(given: str | None, headline: str, filename: str | None, text: str) -> str:
    candidates = [given or "", headline, PurePath(filename).stem.replace("_", " ").replace("-", " ") if filename else ""]
    candidates += [line for line in text.splitlines() if line.strip()][:1]
    title = next((candidate.strip() for candidate in candidates if candidate and candidate.strip()), "Untitled article")
    return title if len(title) <= MAX_TITLE else title[:MAX_TITLE - 1].rstrip() + "…"


def _sentence(message: str) -> str:
    message = message.strip()
    message = message[:1].upper() + message[1:]
    return message if message.endswith((".", "!", "?")) else message + "."


# ---------------------------------------------------------------------------------------------------- review


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


@dataclass(frozen=True)
class ReviewSections:
    """The review page's default view: the recommended set first, the rest after it."""

    recommended: list[Question]  # pending or approved, in learners' order
    also_approved: list[Question]  # approved outside the recommended set: hand-made, imported, picked by the teacher
    suggestions: list[Question]  # the other pending questions, the engine's best first
    rejected: list[Question]

    @property
    def recommended_pending(self) -> int:
        return sum(question.review_status is ReviewStatus.PENDING for question in self.recommended)


def review_sections(question_set: QuestionSet) -> ReviewSections:
    """Return the set's live questions split into the recommended set, other approved ones, suggestions and rejected."""
    rows = ordered_questions(question_set)
    rejected = [question for question in rows if question.review_status is ReviewStatus.REJECTED]
    recommended = [question for question in rows if question.recommended and question not in rejected]
    others = [question for question in rows if not question.recommended and question not in rejected]
    also_approved = [question for question in others if question.review_status is ReviewStatus.APPROVED]
    # Stable sort: questions of equal score (or none) keep learners' order.
    suggestions = sorted((question for question in others if question.review_status is ReviewStatus.PENDING),
                         key=lambda question: -(question.score or 0.0))
    return ReviewSections(recommended, also_approved, suggestions, rejected)


def status_counts(question_set: QuestionSet) -> dict[str, int]:
    """Return how many questions each filter of the review page shows."""
    rows = ordered_questions(question_set, include_retired=True)
    live = [question for question in rows if question.retired_at is None]
    counts = {"all": len(live), "retired": len(rows) - len(live)}
    for status in ReviewStatus:
        counts[status.value] = sum(question.review_status is status for question in live)
    return counts


def highlight_answer(sentence: str, answer: str) -> Markup:
    """Return the sentence, escaped, with the first whole-word mention of the answer in ``<mark class="answer">``."""
    needle = answer.strip()
    if not needle:
        return escape(sentence)
    # Whole words only: the answer "he" is the pronoun, not the start of "The".
    pattern = "".join((r"(?<!\w)" if needle[0].isalnum() else "", re.escape(needle),
                       r"(?!\w)" if needle[-1].isalnum() else ""))
    found = re.search(pattern, sentence, re.IGNORECASE)
    if found is None:
        return escape(sentence)
    start, end = found.span()
    return (escape(sentence[:start]) + Markup('<mark class="answer">') + escape(sentence[start:end]) + Markup("</mark>")
            + escape(sentence[end:]))


def source_with_answer(question: Question) -> Markup:
    """Return the question's source sentence with its answer, or else its fact, highlighted."""
    # A true/false answer names no words of the sentence; its fact does.
    answer = "" if question.kind is QuestionKind.TRUE_FALSE else question.answer
    for needle in (answer, question.fact_text or ""):
        highlighted = highlight_answer(question.explanation, needle)
        if "<mark" in highlighted:
            return highlighted
    return escape(question.explanation)


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
            identity = fact_identity(question)
            if identity is not None and identity not in dismissed:
                dismissed.add(identity)
                kind, text, start, end = identity
                db.session.add(DismissedFact(set_id=question_set.id, fact_kind=kind, fact_text=text,
                                             source_start=start, source_end=end))
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
        _touch(question_set)
    db.session.commit()
    return outcome


def set_review_status(question: Question, status: ReviewStatus) -> None:
    """Approve or reject one question (rejecting hides it from learners but keeps their history)."""
    question.review_status = status
    _touch(question.question_set)
    db.session.commit()


def approve_recommended(question_set: QuestionSet) -> int:
    """Approve the pending questions of the recommended set and return how many were approved."""
    return _approve_pending(question_set, review_sections(question_set).recommended)


def approve_all(question_set: QuestionSet) -> int:
    """Approve every pending question of the set and return how many were approved."""
    return _approve_pending(question_set, ordered_questions(question_set))


def _approve_pending(question_set: QuestionSet, questions: Iterable[Question]) -> int:
    pending = [question for question in questions if question.review_status is ReviewStatus.PENDING]
    for question in pending:
        question.review_status = ReviewStatus.APPROVED
    if pending:
        _touch(question_set)
    db.session.commit()
    return len(pending)


@dataclass(frozen=True)
class Regeneration:
    added: int
    removed: int
    retired: int
    left_out: int  # new questions about facts the teacher had rejected or deleted
    kept: int = 0  # generated questions the engine made again unchanged, with the teacher's verdict


# Which fact a question asks about, as regenerating compares them: its kind, its words and the span of
# the sentence it quotes. The article text never changes, so these stay the same whatever the seed
# (which rewords questions, reshuffles choices and flips true/false, and so changes the question ids)
# and whatever the publication date (which changes a date fact's resolved value, not its words). A
# teacher rejects a question mostly for its fact (wrong, trivial, off the point): the engine asks each
# fact several ways, and a question-level identity would let the same fact come back in another form.
FactIdentity = tuple[str, str, int, int]


def fact_identity(question: Question) -> FactIdentity | None:
    """Return the identity of the fact a generated question asks about; None for one written by hand."""
    if not question.fact_kind or question.fact_text is None or question.source_start is None \
            or question.source_end is None:
        return None
    return question.fact_kind, question.fact_text, question.source_start, question.source_end


def _engine_fact_identity(question: questions.Question) -> FactIdentity:
    return question.fact.kind.value, question.fact.text, question.source.start, question.source.end


def dismissed_facts(question_set: QuestionSet) -> set[FactIdentity]:
    """Return the facts of the set the teacher turned down: a question of theirs rejected or deleted."""
    rejected = db.session.execute(
        db.select(Question).filter_by(set_id=question_set.id, review_status=ReviewStatus.REJECTED)).scalars()
    found = {identity for question in rejected if (identity := fact_identity(question))}
    found.update(tuple(row) for row in db.session.execute(
        db.select(DismissedFact.fact_kind, DismissedFact.fact_text, DismissedFact.source_start,
                  DismissedFact.source_end).filter_by(set_id=question_set.id)))
    return found


def regenerate(question_set: QuestionSet, *, new_seed: bool = True) -> Regeneration:
    """Run the engine again on the set's article, with a new seed or (after a date change) the same one.

    A generated question the engine makes again unchanged keeps the teacher's verdict and takes the
    engine's new score and recommendation. Of the others, pending ones make way for the new questions
    (those learners answered are retired, not deleted); approved ones stay after a new seed (the
    teacher chose them) but make way after a new date (their answer moved with it). Rejected, edited
    and hand-made questions stay. Nothing is added that repeats a question kept, or asks about a fact
    the teacher rejected or deleted.

    Raises:
        SetError: the set was not made from an article, or the article cannot be read again.
    """
    if not question_set.source_text.strip():
        raise SetError("This set was not made from an article, so there is nothing to regenerate.")
    seed = question_set.seed + 1 if new_seed else question_set.seed
    try:
        result = questions.generate(question_set.source_text, published=question_set.published_on, seed=seed)
    except questions.InputError as err:
        raise SetError(f"The article could not be read again: {_sentence(str(err))}") from None

    made = {generated.id[:64]: generated for generated in result.questions}
    dismissed = dismissed_facts(question_set)
    replaced: list[Question] = []
    kept: list[Question] = []
    made_again = 0
    for question in ordered_questions(question_set):
        generated = made.get(question.engine_id or "")
        untouchable = (not question.engine_id or question.edited_at is not None
                       or question.review_status is ReviewStatus.REJECTED)
        if untouchable:
            kept.append(question)
        elif question.review_status is ReviewStatus.PENDING and fact_identity(question) in dismissed:
            replaced.append(question)  # a suggestion about a fact the teacher turned down goes too
        elif generated is not None and _same_question(question, generated):
            _refresh(question, generated)
            kept.append(question)
            made_again += 1
        elif question.review_status is ReviewStatus.APPROVED and new_seed:
            kept.append(question)
        else:
            replaced.append(question)
    history = questions_with_history([question.id for question in replaced])
    now = utcnow()
    for question in replaced:
        if question.id in history:
            question.retired_at = now
        else:
            db.session.delete(question)

    # A fact the teacher already approved a question about is asked: the recommended set asks each fact once.
    approved_facts = {fact_identity(question) for question in kept
                      if question.review_status is ReviewStatus.APPROVED} - {None}
    for question in kept:
        if question.recommended and question.review_status is ReviewStatus.PENDING \
                and fact_identity(question) in approved_facts:
            question.recommended = False
    kept_engine_ids = {question.engine_id for question in kept if question.engine_id}
    kept_prompts = {(question.kind.value, question.prompt.strip().casefold()) for question in kept}
    position = _next_position(question_set)
    added = left_out = 0
    for generated in result.questions:
        identity = _engine_fact_identity(generated)
        if identity in dismissed:
            left_out += 1
            continue
        if generated.id[:64] in kept_engine_ids \
                or (generated.type.value, generated.prompt.strip().casefold()) in kept_prompts:
            continue
        question = _generated_question(generated, position)
        question.recommended = generated.recommended and identity not in approved_facts
        question.set_id = question_set.id
        db.session.add(question)
        position += 1
        added += 1
    question_set.seed = seed
    _touch(question_set)
    db.session.commit()
    return Regeneration(added=added, removed=len(replaced) - len(history), retired=len(history), left_out=left_out,
                        kept=made_again)


def _same_question(question: Question, generated: questions.Question) -> bool:
    """Whether the engine made this stored question again: same type, wording, answer and choices."""
    return (question.kind.value, question.prompt, question.answer, list(question.choices or ())) == (
        generated.type.value, generated.prompt, generated.answer, list(generated.choices))


def _refresh(question: Question, generated: questions.Question) -> None:
    question.score = generated.score
    question.recommended = generated.recommended
    question.fact_value = None if generated.fact.value is None else str(generated.fact.value)


# ---------------------------------------------------------------------------------------------------- by hand


def add_question(question_set: QuestionSet, draft: QuestionDraft) -> Question:
    """Append a checked question to the set; a teacher's own question is approved."""
    question = Question(set_id=question_set.id, position=_next_position(question_set),
                        review_status=ReviewStatus.APPROVED, **_draft_fields(draft))
    db.session.add(question)
    _touch(question_set)
    db.session.commit()
    return question


def edit_question(question: Question, draft: QuestionDraft) -> Question:
    """Save a teacher's edit of a question, which also approves it, and return the row now holding it.

    A question that learners already answered keeps its old wording for their history: it is retired
    and the edit becomes a new question in its place.
    """
    if question.retired_at is not None:
        raise SetError("This question is retired: learners no longer see it, so it cannot be edited.")
    fields = _draft_fields(draft)
    changes_meaning = any(getattr(question, name) != value for name, value in fields.items() if name != "explanation")
    changed = changes_meaning or question.explanation != fields["explanation"]
    if changes_meaning and questions_with_history([question.id]):
        question.retired_at = utcnow()
        question = Question(
            set_id=question.set_id, position=question.position, source_start=question.source_start,
            source_end=question.source_end, fact_kind=question.fact_kind, fact_text=question.fact_text,
            fact_value=question.fact_value, engine_id=question.engine_id, score=question.score,
            recommended=question.recommended, edited_at=question.edited_at, **fields)
        db.session.add(question)
    else:
        for name, value in fields.items():
            setattr(question, name, value)
    if changed:
        question.edited_at = utcnow()
    question.review_status = ReviewStatus.APPROVED
    _touch(db.session.get(QuestionSet, question.set_id))
    db.session.commit()
    return question


def delete_question(question: Question) -> bool:
    """Delete a question, or retire it if learners answered it; return whether it was retired.

    The fact of a deleted generated question is remembered: regenerating never asks about it again.
    """
    question_set = question.question_set
    identity = fact_identity(question)
    if identity is not None and identity not in dismissed_facts(question_set):
        kind, text, start, end = identity
        db.session.add(DismissedFact(set_id=question_set.id, fact_kind=kind, fact_text=text, source_start=start,
                                     source_end=end))
    retired = bool(questions_with_history([question.id]))
    if retired:
        question.retired_at = question.retired_at or utcnow()
    else:
        db.session.delete(question)
    _touch(question_set)
    db.session.commit()
    return retired


def move_question(question: Question, direction: str) -> bool:
    """Move a question one place up or down in the set's order; return whether it moved."""
    if question.retired_at is not None:
        return False
    siblings = ordered_questions(question.question_set)
    index = siblings.index(question)
    other = index - 1 if direction == "up" else index + 1
    if direction not in ("up", "down") or not 0 <= other < len(siblings):
        return False
    siblings[index], siblings[other] = siblings[other], siblings[index]
    for position, sibling in enumerate(siblings):
        sibling.position = position
    _touch(question.question_set)
    db.session.commit()
    return True


def draft_of(question: Question) -> QuestionDraft:
    return QuestionDraft(kind=question.kind, prompt=question.prompt, answer=question.answer,
                         choices=tuple(question.choices or ()), explanation=question.explanation)


def _draft_fields(draft: QuestionDraft) -> dict:
    return {"kind": draft.kind, "prompt": draft.prompt, "answer": draft.answer, "choices": list(draft.choices),
            "explanation": draft.explanation}


def _next_position(question_set: QuestionSet) -> int:
    highest = db.session.execute(
        db.select(func.max(Question.position)).where(Question.set_id == question_set.id)).scalar()
    return 0 if highest is None else highest + 1


def _touch(question_set: QuestionSet) -> None:
    question_set.updated_at = utcnow()


# ---------------------------------------------------------------------------------------------------- import


def import_questions(owner: User, filename: str, data: bytes, *, into: QuestionSet | None = None,
                     title: str | None = None, term_separator: str | None = None,
                     card_separator: str | None = None) -> tuple[QuestionSet, int]:
    """Import a file of questions into a new set or one of the owner's sets, all rows or none.

    Returns the set and the number of questions added.

    Raises:
        app.sets.transfer.ImportFileError: the file or some of its rows are invalid (each listed).
    """
    imported = parse_import(filename, data, limit=current_app.config.get("MAX_IMPORT_BYTES", 10 * 1024 * 1024),
                            term_separator=term_separator, card_separator=card_separator)
    if into is None:
        into = QuestionSet(owner_id=owner.id, title=_imported_title(title, imported, filename),
                           description=imported.description, source_text=imported.source_text,
                           published_on=imported.published_on)
        db.session.add(into)
        db.session.flush()
    position = _next_position(into)
    for offset, item in enumerate(imported.questions):
        db.session.add(_imported_question(item, into.id, position + offset))
    _touch(into)
    db.session.commit()
    return into, len(imported.questions)


def _imported_title(title: str | None, imported: ImportedSet, filename: str) -> str:
    stem = PurePath(filename).stem.replace("_", " ").replace("-", " ").strip()
    return next(text.strip() for text in (title or "", imported.title, stem, "Imported questions")
                if text and text.strip())[:MAX_TITLE]


def _imported_question(item: ImportedQuestion, set_id: int, position: int) -> Question:
    return Question(set_id=set_id, position=position, review_status=item.review_status,
                    score=item.score, recommended=item.recommended, source_start=item.source_start, source_end=item.source_end, fact_kind=item.fact_kind,
                    fact_text=item.fact_text, fact_value=item.fact_value, engine_id=item.engine_id,
                    **_draft_fields(item.draft))


# ---------------------------------------------------------------------------------------------------- export


def export_json(question_set: QuestionSet) -> dict:
    """Return the set and its current questions as a ``factdeck-set`` JSON document."""
    return export_document(question_set, ordered_questions(question_set))


def export_anki(question_set: QuestionSet) -> bytes:
    """Return an Anki deck of the set's approved questions.

    Raises:
        SetError: no question is approved yet.
    """
    return export_set(question_set, EXPORTS["apkg"])


def export_set(question_set: QuestionSet, format: ExportFormat) -> bytes:
    """Return the set in an export format: its approved questions, or every current one for Factdeck's JSON.

    Raises:
        SetError: the format takes approved questions and none is approved yet.
    """
    questions = ordered_questions(question_set)
    if format.approved_only:
        questions = [question for question in questions if question.is_live]
        if not questions:
            target = "to Anki" if format.name == "apkg" else f"as {format.label}"
            raise SetError(f"Approve at least one question before exporting the set {target}.")
    return export_bytes(format, question_set, questions, source_html=source_with_answer)


# ---------------------------------------------------------------------------------------------------- publish, assign


def publish(question_set: QuestionSet) -> None:
    """Open the set to assignment; it needs at least one approved question.

    Raises:
        SetError: no question is approved yet.
    """
    if not any(question.is_live for question in ordered_questions(question_set)):
        raise SetError("Approve at least one question before publishing the set.")
    if question_set.status is not SetStatus.PUBLISHED:
        question_set.status = SetStatus.PUBLISHED
        question_set.published_at = utcnow()
    db.session.commit()


def assignable_classrooms(teacher: User) -> list[Classroom]:
    """Return the teacher's classes that are not archived, by name."""
    return list(db.session.execute(
        db.select(Classroom).filter_by(teacher_id=teacher.id, archived_at=None).order_by(Classroom.name)).scalars())


def assign(question_set: QuestionSet, classroom: Classroom, due_at: dt.datetime | None = None,
           settings: QuizSettings | None = None) -> Assignment:
    """Assign a published set to one of its owner's classes, or change the due date and quiz settings if it already is.

    Raises:
        SetError: the set is a draft, or the class is archived or another teacher's.
    """
    if not question_set.is_published:
        raise SetError("Publish the set before assigning it to a class.")
    if classroom.teacher_id != question_set.owner_id:
        raise SetError("You can assign sets only to your own classes.")
    if classroom.archived_at is not None:
        raise SetError(f"The class {classroom.name!r} is archived; restore it before assigning sets to it.")
    assignment = db.session.execute(
        db.select(Assignment).filter_by(set_id=question_set.id, classroom_id=classroom.id)).scalar_one_or_none()
    if assignment is None:
        assignment = Assignment(set_id=question_set.id, classroom_id=classroom.id)
        db.session.add(assignment)
    assignment.due_at = due_at
    settings = settings or QuizSettings()
    assignment.question_count = settings.question_count
    assignment.question_kinds = [kind.value for kind in settings.question_kinds]
    assignment.shuffle_questions = settings.shuffle_questions
    assignment.shuffle_choices = settings.shuffle_choices
    assignment.max_attempts = settings.max_attempts
    assignment.time_limit_minutes = settings.time_limit_minutes
    assignment.feedback_at_end = settings.feedback_at_end
    assignment.allow_late = settings.allow_late
    db.session.commit()
    return assignment


def unassign(question_set: QuestionSet, assignment_id: int) -> Classroom:
    """Remove one of the set's assignments (learners keep their answers) and return its class."""
    assignment = db.session.get(Assignment, assignment_id)
    if assignment is None or assignment.set_id != question_set.id:
        raise NotFound("Assignment", assignment_id)
    classroom = assignment.classroom
    db.session.delete(assignment)
    db.session.commit()
    return classroom


def delete_set(question_set: QuestionSet) -> None:
    """Delete a set nobody has studied yet.

    Raises:
        SetError: learners answered or studied its questions, or took it as a quiz.
    """
    question_ids = [question.id for question in ordered_questions(question_set, include_retired=True)]
    attempted = db.session.execute(db.select(Attempt.id).filter_by(set_id=question_set.id).limit(1)).first()
    if attempted or questions_with_history(question_ids):
        raise SetError("Learners have studied this set, so it cannot be deleted; remove its assignments instead.")
    db.session.delete(question_set)
    db.session.commit()
