"""Views of the sets feature."""
from __future__ import annotations

from flask import Blueprint

bp = Blueprint("sets", __name__, url_prefix="/sets")
