"""axe-core (npm, pinned in package.json/package-lock.json) in the browser tests.

`run_axe(page)` returns the WCAG 2.1 A/AA violations of the loaded page. axe is evaluated through
the DevTools protocol, because the pages' Content-Security-Policy blocks an injected <script>.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

AXE_JS = Path(__file__).resolve().parent.parent / "node_modules" / "axe-core" / "axe.min.js"
WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def axe_source_or_skip() -> str:
    """The axe-core script; a skip on a person's machine without npm, a failure in CI."""
    if AXE_JS.is_file():
        return AXE_JS.read_text(encoding="utf-8")
    if os.environ.get("SOP_BUILDER_REQUIRE_BROWSER") == "1":
        pytest.fail(f"axe-core is required but {AXE_JS} is missing (run `npm ci`)")
    pytest.skip("axe-core is not installed (run `npm ci`)")


def run_axe(page: Any, source: str | None = None) -> list[dict[str, Any]]:
    """The WCAG 2.1 A/AA violations on the page as loaded (axe's own result objects)."""
    page.evaluate(source if source is not None else axe_source_or_skip())
    # resultTypes: every node of a violation, of the other results only the first (the rules
    # run all the same; a quarter less time per page).
    result = page.evaluate(
        "async (tags) => await axe.run(document, "
        "{runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})",
        WCAG_21_AA,
    )
    assert result["passes"], "axe-core checked nothing"
    return result["violations"]


def describe(violations: list[dict[str, Any]]) -> str:
    """A readable summary for an assertion message."""
    return "\n".join(
        f"{v['id']} ({v['impact']}): {v['help']} — "
        + "; ".join(str(n["target"][0]) if n["target"] else "?" for n in v["nodes"][:5])
        for v in violations
    )
