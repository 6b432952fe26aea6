"""`sop-builder controleer` on the sample and on broken projects."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from sop_builder.cli.main import main

from .conftest import SAMPLE


def run_check(root: Path, *args: str):
    return CliRunner().invoke(main, ["check", "--map", str(root), "--datum", "2026-11-23", *args])


def test_sample_passes_and_prints_compliance_table():
    result = run_check(SAMPLE)
    assert result.exit_code == 0, result.output
    assert "Basisondersteuning 2025-2026 (doel 85%)" in result.output
    assert "Kindcentrum De Zeester     52 van 65 (80%)    haalt het doel niet" in result.output
    assert "Basisschool De Wilgenhoek  56 van 65 (86%)    haalt het doel" in result.output


def test_sample_strict_exits_2_because_of_warnings():
    assert run_check(SAMPLE, "--strict").exit_code == 2


def test_json_format_lists_problems_and_compliance():
    result = run_check(SAMPLE, "--formaat", "json")
    data = json.loads(result.output)
    codes = {p["code"] for p in data["problemen"]}
    assert {"SOP302", "SOP402", "SOP403"} <= codes
    zeester = next(r for r in data["naleving"] if r["slug"] == "de-zeester")
    assert (zeester["voldaan"], zeester["afspraken"], zeester["haalt_doel"]) == ("52", 65, False)
