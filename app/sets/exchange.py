"""Sets to and from files: questions imported into a new set or an existing one, sets exported."""
from __future__ import annotations

from pathlib import PurePath

from flask import current_app

from app.extensions import db
from app.interop.registry import EXPORTS, ExportFormat, export_bytes
from app.models import Question, QuestionSet, User
from app.sets.editing import draft_fields
from app.sets.highlighting import source_with_answer
from app.sets.queries import MAX_TITLE, SetError, next_position, ordered_questions, touch
from app.sets.transfer import ImportedQuestion, ImportedSet, export_document, parse_import


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
    position = next_position(into)
    for offset, item in enumerate(imported.questions):
        db.session.add(_imported_question(item, into.id, position + offset))
    touch(into)
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
                    **draft_fields(item.draft))


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
