"""The wheel's packages: the app and the engine, with the repository's templates/ installed as app/templates.

Everything else about the build is in pyproject.toml; only this mapping needs code, since the templates
live at the repository's root while the installed app looks for them inside its package.
"""
from setuptools import find_namespace_packages, setup

setup(
    packages=[*find_namespace_packages(include=["app*", "questions*"]), "app.templates"],
    package_dir={"app.templates": "templates"},
)
