"""Broken files through the real command: exit 1, path:line:column, Dutch text, no traceback."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from .casefolders import prepare

BROKEN_CASES = [
    "colon-in-value",  # invalid YAML
    "unclosed-front-matter",
    "front-matter-is-a-list",
    "duplicate-key",
    "tab-indent",
    "word-cp1252-file",  # not UTF-8
    "empty-file",
    "nul-byte",  # binary data
    "alias-in-front-matter",
]
LOCATION = re.compile(r"^(\S+):(\d+):(\d+): fout (SOP\d{3}) .+ Tip: .+$", re.MULTILINE)


def check(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "sop_builder",
            "check",
            "--map",
            str(root),
            "--datum",
            "2026-11-23",
            *args,
        ],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )


def assert_clean_failure(run: subprocess.CompletedProcess[str], path: str, code: str) -> None:
    assert run.returncode == 1, run.stdout + run.stderr
    assert "Traceback" not in run.stdout + run.stderr
    hits = [m for m in LOCATION.finditer(run.stdout) if m[1] == path and m[4] == code]
    assert hits, run.stdout


@pytest.mark.parametrize("case", BROKEN_CASES)
def test_broken_file_exits_1_with_location_and_tip(case: str, tmp_path: Path):
    root = prepare(case, tmp_path)
    expected = (Path(__file__).parent / "cases" / case / "expected.txt").read_text("utf-8")
    first = next(LOCATION.finditer(expected))
    assert_clean_failure(check(root, "--formaat", "parsable"), first[1], first[4])


def test_binary_file_in_place_of_sop(tmp_path: Path):
    root = prepare("bom-and-crlf-accepted", tmp_path)
    sop = root / "content/schools/de-meeuw/sop.md"
    sop.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 20)
    assert_clean_failure(
        check(root, "--formaat", "parsable"), "content/schools/de-meeuw/sop.md", "SOP003"
    )


def test_alias_bomb_file(tmp_path: Path):
    root = prepare("bom-and-crlf-accepted", tmp_path)
    lines = ['scores: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, 9):
        lines.append(f"l{i}: &l{i} [" + ",".join([f"*{'a' if i == 1 else f'l{i - 1}'}"] * 9) + "]")
    target = root / "content/schools/de-meeuw/zelfevaluatie-2025-2026.yaml"
    target.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert_clean_failure(
        check(root, "--formaat", "parsable"),
        "content/schools/de-meeuw/zelfevaluatie-2025-2026.yaml",
        "SOP015",
    )


def test_nesting_60000_levels_deep_file(tmp_path: Path):
    root = prepare("bom-and-crlf-accepted", tmp_path)
    target = root / "content/schools/de-meeuw/zelfevaluatie-2025-2026.yaml"
    target.write_text("scores: " + "[" * 60000 + "]" * 60000 + "\n", encoding="utf-8")
    assert_clean_failure(
        check(root, "--formaat", "parsable"),
        "content/schools/de-meeuw/zelfevaluatie-2025-2026.yaml",
        "SOP017",
    )


def test_five_megabyte_file(tmp_path: Path):
    root = prepare("bom-and-crlf-accepted", tmp_path)
    sop = root / "content/schools/de-meeuw/sop.md"
    sop.write_bytes(sop.read_bytes() + b"Heel lange tekst. " * 300_000)
    assert_clean_failure(
        check(root, "--formaat", "parsable"), "content/schools/de-meeuw/sop.md", "SOP004"
    )


def test_text_format_groups_per_file_with_tip(tmp_path: Path):
    run = check(prepare("unknown-agreement-id", tmp_path))
    assert run.returncode == 1
    block = run.stdout.split("content/schools/de-duinroos/zelfevaluatie-2025-2026.yaml\n")[1]
    assert (
        "  13:3    fout         SOP301  Afspraak 'BO-66' bestaat niet; de norm kent BO-01 t/m "
        "BO-65.\n"
        "                               Tip: Bedoelt u 'BO-05'?\n"
    ) in block.split("\n\n")[0] + "\n"
    # One error from the case; the warnings are those the sample itself has (old SOP, jargon...).
    assert re.search(r"^1 fout en \d+ waarschuwingen gevonden\.$", run.stdout, re.M)


def test_github_format_is_an_annotation(tmp_path: Path):
    run = check(prepare("unknown-agreement-id", tmp_path), "--formaat", "github")
    assert run.returncode == 1
    assert (
        "::error file=content/schools/de-duinroos/zelfevaluatie-2025-2026.yaml,line=13,col=3,"
        "title=SOP301::Afspraak 'BO-66' bestaat niet; de norm kent BO-01 t/m BO-65. "
        "Tip: Bedoelt u 'BO-05'?"
    ) in run.stdout.splitlines()


def test_gitlab_format_is_a_code_quality_report(tmp_path: Path):
    run = check(prepare("unknown-agreement-id", tmp_path), "--formaat", "gitlab")
    assert run.returncode == 1
    report = json.loads(run.stdout)
    found = [r for r in report if r["check_name"] == "SOP301"]
    assert len(found) == 1
    assert found[0]["location"] == {
        "path": "content/schools/de-duinroos/zelfevaluatie-2025-2026.yaml",
        "lines": {"begin": 13},
    }
    assert found[0]["severity"] == "major"
    assert found[0]["description"].startswith("SOP301 Afspraak 'BO-66' bestaat niet")
    assert {r["severity"] for r in report} == {"major", "minor"}  # the sample's warnings: minor
    assert len({r["fingerprint"] for r in report}) == len(report)


def test_json_format_of_a_broken_project(tmp_path: Path):
    run = check(prepare("duplicate-key", tmp_path), "--formaat", "json")
    assert run.returncode == 1
    problems = json.loads(run.stdout)["problemen"]
    assert any(p["code"] == "SOP014" and p["ernst"] == "fout" for p in problems)


def test_broken_config_reports_without_compliance_table(tmp_path: Path):
    run = check(prepare("config-missing-file", tmp_path))
    assert run.returncode == 1
    assert "site_config/vocabularies.yaml" in run.stdout
    assert "SOP503" in run.stdout
    assert "Traceback" not in run.stderr
