"""Factdeck's web application: ``create_app()`` builds it; ``gunicorn 'app:create_app()'`` serves it."""
from __future__ import annotations

import os
from pathlib import Path

from flask import Flask

from app import auth, classes, errors, formatting, home, progress, quiz, reports, request_log, security, sets, study, validation
from app.auth import throttle
from app.cli import register_commands
from app.config import default_config, engine_options
from app.database import add_answers_engine, configure_sqlite
from app.extensions import bootstrap, csrf, db, login_manager, migrate
from app.session_cookie import RefreshWhenAgedSessionInterface

PACKAGE_DIR = Path(__file__).resolve().parent
PROJECT_ROOT = PACKAGE_DIR.parent


def template_folder() -> Path:
    """Return the templates: inside the package once installed from a wheel, else the repository's folder."""
    installed = PACKAGE_DIR / "templates"
    return installed if installed.is_dir() else PROJECT_ROOT / "templates"


def create_app(config: dict | None = None) -> Flask:
    """Build the application; ``config`` overrides the environment's settings (tests use it)."""
    app = Flask(
        __name__,
        # Unset: Flask's choice, ``instance/`` in a source checkout, ``<venv>/var/app-instance`` once installed.
        instance_path=os.environ.get("FACTDECK_INSTANCE_PATH") or None,
        template_folder=str(template_folder()),
    )
    Path(app.instance_path).mkdir(parents=True, exist_ok=True)
    app.session_interface = RefreshWhenAgedSessionInterface()
    app.config.update(default_config(app.instance_path))
    app.config.update(config or {})
    # Derived after the overrides, so a test or deployment that names another database gets its options.
    app.config.setdefault("SQLALCHEMY_ENGINE_OPTIONS", engine_options(app.config["SQLALCHEMY_DATABASE_URI"]))

    # First, so its clock starts before any other hook runs (a refused CSRF token among them) and its line,
    # written by the last response hook, has the final status.
    request_log.init_app(app)
    validation.init_app(app)  # before the blueprints: their <int:...> ids are bounded
    db.init_app(app)
    migrate.init_app(app, db, directory=str(Path(__file__).parent / "migrations"))
    login_manager.init_app(app)
    csrf.init_app(app)
    bootstrap.init_app(app)
    throttle.init_app(app)
    security.init_app(app)
    with app.app_context():
        configure_sqlite(db.engine)
        add_answers_engine(app)

    for blueprint in (home.bp, auth.bp, classes.bp, sets.bp, study.bp, quiz.bp, progress.bp, reports.bp):
        app.register_blueprint(blueprint)
    errors.register(app)
    formatting.register(app)
    register_commands(app)
    return app
