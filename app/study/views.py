"""Views of the study feature."""
from __future__ import annotations

from flask import Blueprint

bp = Blueprint("study", __name__, url_prefix="/study")
