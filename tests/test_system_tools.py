"""A missing system tool skips its tests on a developer's machine and fails them in CI."""
from __future__ import annotations

import pytest

from tests.conftest import require_system_tool, running_in_ci


@pytest.mark.parametrize(("ci", "expected"), [
    ("", False), ("0", False), ("false", False), ("true", True), ("1", True), ("yes", True),
])
def test_ci_is_recognised_from_the_environment(monkeypatch, ci, expected):
    monkeypatch.setenv("CI", ci)
    assert running_in_ci() is expected


def test_a_missing_tool_skips_outside_ci(monkeypatch):
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception, match="no such tool"):
        require_system_tool(False, "no such tool")


def test_a_missing_tool_fails_in_ci(monkeypatch):
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="no such tool"):
        require_system_tool(False, "no such tool")


def test_a_present_tool_neither_skips_nor_fails(monkeypatch):
    monkeypatch.setenv("CI", "true")
    require_system_tool(True, "present")
