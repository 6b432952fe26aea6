"""Run axe-core (from the npm registry, see package.json) in a Playwright page."""

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


def run_axe(page: Any, source: str) -> list[dict[str, Any]]:
    """WCAG 2.1 A/AA violations on the page as loaded, each with its rule id and targets."""
    page.evaluate(source)
    result = page.evaluate(
        "async (tags) => await axe.run(document, {runOnly: {type: 'tag', values: tags}})",
        WCAG_21_AA,
    )
    return [
        {
            "id": v["id"],
            "impact": v["impact"],
            "help": v["help"],
            "targets": [n["target"] for n in v["nodes"]][:5],
        }
        for v in result["violations"]
    ]
