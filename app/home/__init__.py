"""The front page: a welcome for visitors, a dashboard for each role."""
from app.home.views import bp

__all__ = ["bp"]
