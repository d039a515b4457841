"""An axe-core scan of the page a browser test is on, failing on serious and critical violations."""
from __future__ import annotations

from axe_playwright_python.sync_playwright import Axe

BLOCKING_IMPACTS = ("serious", "critical")

_axe = Axe()


def blocking_violations(page) -> list[dict]:
    """Return axe's serious and critical violations on the page as it is now."""
    results = _axe.run(page)
    return [violation for violation in results.response["violations"] if violation["impact"] in BLOCKING_IMPACTS]


def describe(violations: list[dict]) -> str:
    lines = []
    for violation in violations:
        lines.append(f"- {violation['id']} ({violation['impact']}): {violation['help']}")
        for node in violation["nodes"][:5]:
            lines.append(f"    {', '.join(map(str, node['target']))}: {node.get('failureSummary', '').splitlines()[-1:]}")
            lines.append(f"      {node['html'][:200]}")
    return "\n".join(lines)


def assert_accessible(page, what: str = "") -> None:
    """Fail, listing each offending element, when axe finds a serious or critical violation."""
    violations = blocking_violations(page)
    assert not violations, f"axe on {what or page.url}:\n{describe(violations)}"
