"""Command-line tasks: ``flask --app app demo`` sets up the database with demo accounts and data;
``flask --app app users reset-password EMAIL`` gives an account a temporary password; ``sets`` exports and imports."""
from __future__ import annotations

import click
from flask import Flask
from flask.cli import AppGroup
from flask_migrate import upgrade

from app.auth.services import find_user_by_email, reset_password
from app.classes.services import format_join_code
from app.demo import DEMO_PASSWORD, seed_demo
from app.sets.commands import sets_group


def register_commands(app: Flask) -> None:
    app.cli.add_command(sets_group)

    @app.cli.command("demo")
    def demo_command():
        """Bring the database up to date and add the demo teacher, learner, class and set."""
        upgrade()
        click.echo("Database is up to date.")
        try:
            demo = seed_demo()
        except ValueError as err:
            raise click.ClickException(str(err)) from err
        click.echo(f"Demo data: added {', '.join(demo.created)}." if demo.created
                   else "Demo data was already there: nothing added.")
        question_count = sum(question.is_live for question in demo.question_set.questions)
        due = demo.assignment.due_at
        click.echo(f"  Class “{demo.classroom.name}” (join code {format_join_code(demo.classroom.join_code)}) has "
                   f"the set “{demo.question_set.title}” ({question_count} questions), "
                   + (f"due {due.day} {due:%B %Y}." if due else "with no due date."))
        click.echo("")
        click.echo("Log in as:")
        click.echo(f"  teacher  {demo.teacher.email}  password: {DEMO_PASSWORD}")
        click.echo(f"  learner  {demo.learner.email}  password: {DEMO_PASSWORD}")
        click.echo("")
        click.echo("Start the app with `flask --app app run` and open http://127.0.0.1:5000/")

    users = AppGroup("users", help="Manage accounts.")

    @users.command("reset-password")
    @click.argument("email")
    def reset_password_command(email: str):
        """Give the account EMAIL a temporary password, to be changed at its next login."""
        user = find_user_by_email(email)
        if user is None:
            raise click.ClickException(f"No account has the email {email.strip()!r}.")
        temporary = reset_password(user)
        click.echo(f"The {user.role.value} account {user.email} ({user.name}) now has the temporary password:")
        click.echo(f"  {temporary}")
        click.echo("Its owner logs in with it and must then choose a new password; the old one no longer works.")

    app.cli.add_command(users)
