"""The reports feature: its blueprint and views."""
from app.reports.views import bp

__all__ = ["bp"]
