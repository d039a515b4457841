"""Accounts: sign up, log in, log out, and the decorators that guard every other feature."""
from app.auth.views import bp

__all__ = ["bp"]
