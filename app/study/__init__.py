"""The study feature: its blueprint and views."""
from app.study.views import bp

__all__ = ["bp"]
