"""Canary: unique markers in every internal field reach site-intern/ and never site/."""

from __future__ import annotations

import gzip
import itertools
import re
from pathlib import Path

from sop_builder.project.evaluation.model import (
    EvaluationFile,
    FrameworkAssessmentFile,
    GoalEvaluation,
)
from sop_builder.publish.intern import build_intern
from sop_builder.publish.public import build_site

from .conftest import TODAY

COUNTER = itertools.count(1)
# Fields that hold codes, dates or yes/no rather than free text.
NOT_TEXT = {"school_year", "conversation_on", "status", "consultant_hours", "report_in_sop"}
NOT_TEXT_ASSESSMENT = {"school_year", "filled_in_on", "scores"}


def marker() -> str:
    return f"KANARIE{next(COUNTER):04d}zq"


def site_text(folder: Path) -> str:
    """Every file of a site as text; compressed files (sitemap, Pagefind index) unpacked."""
    parts = []
    for file in sorted(p for p in folder.rglob("*") if p.is_file()):
        data = file.read_bytes()
        if data[:2] == b"\x1f\x8b":
            data = gzip.decompress(data)
        parts.append(data.decode("utf-8", errors="replace"))
    return "\n".join(parts)


def canary_evaluation(
    year: str, goal_ids: list[str], status: str, markers: list[str], public: str
) -> str:
    def m() -> str:
        markers.append(marker())
        return markers[-1]

    lines = [f"schooljaar: {year}", "gesprek_op: 2026-06-01", "doel_gesprek:", f"  - {m()}"]
    lines.append("doelen:")
    for goal in goal_ids:
        lines += [
            f'  "{goal}":',
            f"    status: {status}",
            f"    stappen: {m()}",
            f"    opmerking: {m()}",
        ]
        lines.append("    uren_consulent: ja")
    lines += ["speerpunten:", f"  - {m()}", "afspraken_volgend_jaar:", f"  - {m()}"]
    lines += [f"verslag_door: {m()}", "verslag_bij_sop: ja", f"openbare_samenvatting: {public}"]
    return "\n".join(lines) + "\n"


def mark_framework_assessment(file: Path, markers: list[str]) -> None:
    """Put a marker in every free-text field of a framework assessment file (school or SWV)."""

    def replace(match: re.Match[str]) -> str:
        markers.append(marker())
        return f"{match.group(1)}{markers[-1]}"

    text = file.read_text(encoding="utf-8")
    text = re.sub(r"^(\s*toelichting: ).*$", replace, text, flags=re.M)
    text = re.sub(r"^(ingevuld_door: ).*$", replace, text, flags=re.M)
    text = re.sub(r"^opmerking: .*\n", "", text, flags=re.M)
    markers.append(marker())
    text = text.replace("scores:\n", f"opmerking: {markers[-1]}\nscores:\n", 1)
    file.write_text(text, encoding="utf-8")


def test_the_canary_covers_every_internal_field():
    """A new internal field must get a marker in the canary test below."""
    evaluation = set(EvaluationFile.model_fields) - NOT_TEXT - {"public_summary", "goals"}
    assert evaluation == {"aims", "priorities", "agreements_next_year", "report_by"}
    assert set(GoalEvaluation.model_fields) - NOT_TEXT == {"steps", "remark"}
    assert set(FrameworkAssessmentFile.model_fields) - NOT_TEXT_ASSESSMENT == {
        "filled_in_by",
        "remark",
    }


def test_internal_markers_reach_only_the_internal_site(sample: Path):
    markers: list[str] = []
    public = "Openbare samenvatting met kenmerk PUBLIEKzq0001 voor ouders."
    goal_ids = ["1.1", "2.4", "3.2"]
    for file in sorted(sample.glob("content/schools/*/evaluatie-*.yaml")):
        year = file.stem.removeprefix("evaluatie-")
        ids, status = (goal_ids, "bezig") if year >= "2024-2025" else (["1a", "5b"], "gestart")
        file.write_text(canary_evaluation(year, ids, status, markers, public), encoding="utf-8")
    swv_files = sorted((sample / "content/swv").rglob("*.yaml"))
    assert len(swv_files) >= 8
    for file in [*swv_files, *sample.glob("content/schools/*/beoordeling-*.yaml")]:
        mark_framework_assessment(file, markers)
    for file in sorted(sample.glob("content/schools/*/zelfevaluatie-2025-2026.yaml")):
        new = marker()
        text, count = re.subn(
            r"^  (BO-02): ja$",
            rf"  \1:\n    score: ja\n    toelichting: {new}",
            file.read_text(encoding="utf-8"),
            flags=re.M,
        )
        markers += [new] * count
        file.write_text(text, encoding="utf-8")
    assert len(markers) > 60

    public_build = build_site(sample, today=TODAY, echo=lambda _: None)
    intern_build = build_intern(sample, today=TODAY, echo=lambda _: None)
    assert public_build.ok, public_build.messages
    assert intern_build.ok, intern_build.messages

    public_text = site_text(sample / "site")
    intern_text = site_text(sample / "site-intern")
    assert (sample / "site/sitemap.xml").is_file()
    assert list((sample / "site").rglob("*.pf_*"))
    assert [m for m in markers if m not in intern_text] == []
    assert [m for m in markers if m in public_text] == []
    assert "KANARIE" not in public_text
    # The one public field does reach the public site.
    assert "PUBLIEKzq0001" in public_text


def test_markers_in_an_imported_spreadsheet_reach_only_the_internal_site(sample: Path):
    """The free-text column of an imported questionnaire is internal, like every toelichting."""
    from sop_builder.core.tables import write_csv
    from sop_builder.sheets.scores import import_scores

    markers: list[str] = []
    for slug in ("de-duinroos", "de-zeester"):
        rows = []
        for n in range(1, 66):
            markers.append(marker())
            rows.append([slug, f"BO-{n:02d}", "ja" if n % 3 else "deels", markers[-1]])
        sheet = sample.parent / f"vragenlijst-{slug}.csv"
        write_csv(sheet, ["school", "afspraak", "score", "toelichting"], rows)
        result = import_scores(sample, slug, sheet, today=TODAY)
        assert result.ok, result.issues

    assert build_site(sample, today=TODAY, echo=lambda _: None).ok
    assert build_intern(sample, today=TODAY, echo=lambda _: None).ok
    public_text = site_text(sample / "site")
    intern_text = site_text(sample / "site-intern")
    assert [m for m in markers if m not in intern_text] == []
    assert "KANARIE" not in public_text
