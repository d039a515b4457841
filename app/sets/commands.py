"""``flask sets export`` and ``flask sets import``: the set page's export and import, from the command line."""
from __future__ import annotations

from pathlib import Path

import click
from flask.cli import AppGroup

from app.extensions import db
from app.interop.registry import EXPORTS
from app.models import QuestionSet, Role, User
from app.sets.exchange import export_set, import_questions
from app.sets.queries import SetError
from app.sets.transfer import MAX_REPORTED_ERRORS, ImportFileError

sets_group = AppGroup("sets", help="Export a question set to a file, or import a file of questions.")


@sets_group.command("export")
@click.argument("set_id", type=int)
@click.option("--format", "format_name", type=click.Choice(list(EXPORTS)), default="json", show_default=True,
              help="gift and moodle-xml for Moodle, quizlet, apkg for Anki, json for Factdeck.")
@click.option("--output", type=click.Path(dir_okay=False, writable=True, path_type=Path), required=True,
              help="The file to write; - writes to standard output.")
def export_command(set_id: int, format_name: str, output: Path):
    """Write set SET_ID in a format other software imports."""
    question_set = db.session.get(QuestionSet, set_id)
    if question_set is None:
        raise click.ClickException(f"There is no set {set_id}.")
    try:
        data = export_set(question_set, EXPORTS[format_name])
    except SetError as err:
        raise click.ClickException(str(err)) from err
    if str(output) == "-":
        click.get_binary_stream("stdout").write(data)
        return
    output.write_bytes(data)
    click.echo(f"Wrote {question_set.title!r} as {EXPORTS[format_name].label} to {output} ({len(data):,} bytes).")


@sets_group.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--teacher", "email", required=True, help="The email of the teacher who will own the questions.")
@click.option("--into", "into_id", type=int, help="Add to this set of the teacher's instead of a new set.")
@click.option("--title", help="The new set's title (else the file's own title or its name).")
def import_command(file: Path, email: str, into_id: int | None, title: str | None):
    """Import FILE (CSV, TSV, Quizlet, GIFT, Moodle XML, Anki .apkg or text, Factdeck JSON): all or nothing."""
    teacher = db.session.execute(db.select(User).filter_by(email=email.strip().lower())).scalar_one_or_none()
    if teacher is None or teacher.role is not Role.TEACHER:
        raise click.ClickException(f"No teacher has the email {email!r}.")
    into = None
    if into_id is not None:
        into = db.session.get(QuestionSet, into_id)
        if into is None or into.owner_id != teacher.id:
            raise click.ClickException(f"{email} has no set {into_id}.")
    try:
        question_set, count = import_questions(teacher, file.name, file.read_bytes(), into=into,
                                                        title=title)
    except ImportFileError as err:
        lines = [str(error) for error in err.errors[:MAX_REPORTED_ERRORS]]
        if len(err.errors) > MAX_REPORTED_ERRORS:
            lines.append(f"…and {len(err.errors) - MAX_REPORTED_ERRORS} more.")
        raise click.ClickException("Nothing was imported:\n  " + "\n  ".join(lines)) from err
    click.echo(f"Imported {count} question{'s' if count != 1 else ''} into set {question_set.id} "
               f"{question_set.title!r}.")
