"""The quiz feature: its blueprint and views."""
from app.quiz.views import bp

__all__ = ["bp"]
