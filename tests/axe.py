"""axe-core in the browser tests: `run_axe(page)` returns the WCAG 2.1 A/AA violations.

axe-core comes from npm, pinned in the top-level package.json/package-lock.json; `npm ci`
installs it into node_modules/ (the Makefile does this when npm is available).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

AXE = Path(__file__).resolve().parent.parent / "node_modules" / "axe-core" / "axe.min.js"
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def axe_or_skip() -> Path:
    """Path of axe.min.js; a skip on a developer's machine, a failure when CI requires it."""
    if AXE.is_file():
        return AXE
    if os.environ.get("SOP_BUILDER_REQUIRE_BROWSER") == "1":
        pytest.fail("axe-core is required but not installed: run `npm ci`")
    pytest.skip("axe-core is not installed (run `npm ci`)")


def run_axe(page: Any) -> list[dict[str, Any]]:
    """Run axe-core on the loaded page; the violations of WCAG 2.1 level A and AA."""
    # Evaluated through the DevTools protocol: the pages' Content-Security-Policy would block an
    # injected <script> tag.
    page.evaluate(axe_or_skip().read_text(encoding="utf-8"))
    result = page.evaluate(
        "async (tags) => await axe.run(document, {runOnly: {type: 'tag', values: tags}})", TAGS
    )
    assert result["passes"], "axe-core checked nothing"
    return result["violations"]


def describe(violations: list[dict[str, Any]]) -> str:
    """A readable summary for an assertion message."""
    return "\n".join(
        f"{v['id']} ({v['impact']}): {v['help']} — "
        + "; ".join(n["target"][0] if n["target"] else "?" for n in v["nodes"][:5])
        for v in violations
    )
