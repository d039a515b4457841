"""The export formats a set can be downloaded in, from its page or with ``flask sets export``."""
from __future__ import annotations

import json
from dataclasses import dataclass

from app.grading import AnswerKey
from app.interop import anki_package, gift, moodle_xml, quizlet
from app.models import Question, QuestionSet
from app.sets.transfer import export_document


@dataclass(frozen=True)
class ExportFormat:
    name: str
    label: str
    extension: str
    mimetype: str
    approved_only: bool = True  # learners' formats take the approved questions; JSON keeps every one


EXPORTS = {
    export.name: export for export in (
        ExportFormat("gift", "GIFT (Moodle)", "gift.txt", "text/plain; charset=utf-8"),
        ExportFormat("moodle-xml", "Moodle XML", "xml", "application/xml"),
        ExportFormat("quizlet", "Quizlet (term and definition)", "quizlet.txt", "text/plain; charset=utf-8"),
        ExportFormat("apkg", "Anki deck (.apkg)", "apkg", "application/octet-stream"),
        ExportFormat("json", "Factdeck JSON", "json", "application/json", approved_only=False),
    )
}


def _alternatives(question: Question) -> tuple[str, ...]:
    return AnswerKey.of(question).alternatives


def export_bytes(format: ExportFormat, question_set: QuestionSet, questions: list[Question], *, source_html) -> bytes:
    """Return the questions in ``format``; ``source_html(question)`` is the source sentence with its answer marked."""
    if format.name == "gift":
        return gift.export(question_set, questions, _alternatives)
    if format.name == "moodle-xml":
        return moodle_xml.export(question_set, questions, _alternatives)
    if format.name == "quizlet":
        return quizlet.export(question_set, questions)
    if format.name == "apkg":
        return anki_package.export(question_set, questions, source_html)
    document = export_document(question_set, questions)
    return json.dumps(document, ensure_ascii=False, indent=2).encode("utf-8")
