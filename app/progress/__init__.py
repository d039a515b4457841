"""The progress feature: its blueprint and views."""
from app.progress.views import bp

__all__ = ["bp"]
