"""The sets feature: its blueprint and views."""
from app.sets.views import bp

__all__ = ["bp"]
