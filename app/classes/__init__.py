"""The classes feature: its blueprint and views."""
from app.classes.views import bp

__all__ = ["bp"]
