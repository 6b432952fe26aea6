"""Print issues and the compliance table in the formats editors and CI understand."""

from __future__ import annotations

import hashlib
import json
from itertools import groupby

from sop_builder.core.issues import Issue
from sop_builder.project.model import SWV
from sop_builder.project.project import Project
from sop_builder.project.publication import completeness
from sop_builder.project.scoring import (
    Compliance,
    assessment_compliance,
    counted,
    format_count,
    format_percentage,
)

FORMATS = ("text", "parsable", "json", "github", "gitlab")


def text_report(issues: list[Issue]) -> str:
    lines: list[str] = []
    for path, group in groupby(issues, key=lambda i: i.path):
        lines.append(path)
        for issue in group:
            where = f"{issue.line}:{issue.column}"
            lines.append(f"  {where:<7} {issue.severity.value:<12} {issue.code}  {issue.message}")
            if issue.hint:
                lines.append(f"  {'':<7} {'':<12} {'':<6}  Tip: {issue.hint}")
        lines.append("")
    return "\n".join(lines)


def _parsable(issues: list[Issue]) -> str:
    return "\n".join(
        f"{i.path}:{i.line}:{i.column}: {i.severity.value} {i.code} {i.message}"
        + (f" Tip: {i.hint}" if i.hint else "")
        for i in issues
    )


def _github_escape(text: str, in_property: bool = False) -> str:
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if in_property:
        text = text.replace(":", "%3A").replace(",", "%2C")
    return text


def _github(issues: list[Issue]) -> str:
    out = []
    for i in issues:
        level = "error" if i.is_error else "warning"
        props = (
            f"file={_github_escape(i.path, True)},line={i.line},col={i.column},"
            f"title={_github_escape(i.code, True)}"
        )
        message = i.message + (f" Tip: {i.hint}" if i.hint else "")
        out.append(f"::{level} {props}::{_github_escape(message)}")
    return "\n".join(out)


def _gitlab(issues: list[Issue]) -> str:
    """GitLab's code quality report (a subset of Code Climate's format): merge requests show
    each problem, and GitLab marks the changed lines that have one."""
    report = []
    for i in issues:
        message = i.message + (f" Tip: {i.hint}" if i.hint else "")
        key = f"{i.path}:{i.line}:{i.column}:{i.code}:{i.message}".encode()
        report.append(
            {
                "description": f"{i.code} {message}",
                "check_name": i.code,
                "fingerprint": hashlib.sha256(key).hexdigest(),
                "severity": "major" if i.is_error else "minor",
                "location": {"path": i.path, "lines": {"begin": i.line}},
            }
        )
    return json.dumps(report, ensure_ascii=False, indent=2) + "\n"


def _issue_json(i: Issue) -> dict[str, object]:
    return {
        "bestand": i.path,
        "regel": i.line,
        "kolom": i.column,
        "ernst": i.severity.value,
        "code": i.code,
        "melding": i.message,
        "tip": i.hint,
        "veld": i.field,
    }


def _json(project: Project) -> str:
    return json.dumps(
        {
            "problemen": [_issue_json(i) for i in project.issues],
            "naleving": compliance_rows(project),
        },
        ensure_ascii=False,
        indent=2,
    )


def _figures(result: Compliance) -> dict[str, object]:
    return {
        "schooljaar": result.school_year,
        "voldaan": format_count(result.total.met),
        "afspraken": result.total.counted,
        "percentage": result.total.percentage,
        "doel": format_percentage(result.target) if result.target else None,
        "haalt_doel": result.meets_target,
        "compleet": result.complete,
    }


def compliance_rows(project: Project) -> list[dict[str, object]]:
    """One row per school: the figures of the current school year's self-assessment, with
    'haalt_doel' decided on the result that counts (scoring.counted: the SWV's assessment of
    this year where there is one, 'beoordeling_swv'), and (as 'op_de_site') the figures the
    public site shows when they are another result (the SWV's, or an earlier year's)."""
    rows: list[dict[str, object]] = []
    evaluation = project.evaluation
    year = project.config.swv.school_year if project.config else ""
    for school in sorted(project.schools, key=lambda s: s.front.name.lower()):
        result = project.current.get(school.slug)
        shown = project.compliance.get(school.slug)
        swv_scores = evaluation.swv_scores.get(school.slug, {}) if evaluation else {}
        swv = (
            assessment_compliance(swv_scores.get(year), project.config) if project.config else None
        )
        row: dict[str, object] = {"school": school.front.name, "slug": school.slug}
        if result is not None:
            row.update(_figures(result))
            row["bevestigd"] = not result.pending
        if swv is not None:
            row["beoordeling_swv"] = _figures(swv)
        decisive = counted(result, swv)
        if decisive is not None:
            row["haalt_doel"] = decisive.meets_target
            row["telt"] = decisive.assessor
        if shown is not None and shown != result:
            row["op_de_site"] = _figures(shown)
        rows.append(row)
    return rows


def compliance_table(project: Project) -> str:
    """The table printed below the problems: '52 van 65 (80%)' per school."""
    if project.config is None or not (project.schools or project.unreadable):
        return ""
    year = project.config.swv.school_year
    target = project.config.swv.target_for(year)
    goal = f"doel {format_percentage(target)}" if target is not None else "geen doel"
    rows = compliance_rows(project)
    width = max(len(str(name)) for name in [*(r["school"] for r in rows), *project.unreadable])
    lines = [
        f"Basisondersteuning {year} ({goal})",
        "Per school de zelfevaluatie; of de school het doel haalt, telt de beoordeling door het "
        "SWV waar die er is.",
        "",
    ]
    for row in rows:
        shown = row.get("op_de_site")
        public = (
            f"; op de site: {shown['voldaan']} van {shown['afspraken']} uit {shown['schooljaar']}"
            if isinstance(shown, dict)
            else ""
        )
        if "voldaan" not in row:
            lines.append(f"  {row['school']:<{width}}  geen zelfevaluatie{public}")
            continue
        figure = f"{row['voldaan']} van {row['afspraken']} ({row['percentage']}%)"
        verdict = "haalt het doel" if row["haalt_doel"] else "haalt het doel niet"
        swv = row.get("beoordeling_swv")
        if row.get("telt") == SWV and isinstance(swv, dict):
            verdict += f" volgens het SWV ({swv['voldaan']} van {swv['afspraken']})"
            if shown == swv:
                public = ""
        extra = "" if row["compleet"] else ", niet compleet"
        extra += "" if row["bevestigd"] else ", nog niet bevestigd"
        lines.append(f"  {row['school']:<{width}}  {figure:<18} {verdict}{extra}{public}")
    for name in project.unreadable:
        lines.append(f"  {name:<{width}}  niet meegeteld: los eerst de fouten op")
    reached = sum(1 for r in rows if r.get("haalt_doel"))
    total = len(rows) + len(project.unreadable)
    lines += ["", f"{reached} van de {total} scholen halen het doel."]
    return "\n".join(lines)


def summary(project: Project) -> str:
    errors, warnings = len(project.errors), len(project.warnings)
    if not errors and not warnings:
        return f"Geen problemen gevonden in {len(project.schools)} scholen."
    return (
        f"{errors} {'fout' if errors == 1 else 'fouten'} en {warnings} "
        f"{'waarschuwing' if warnings == 1 else 'waarschuwingen'} gevonden."
    )


def completeness_line(project: Project) -> str | None:
    """'12 van 64 scholen zijn compleet.' (None without school folders); a school is complete
    when its whole profile can be published (publication.py). Without a readable site_config/
    no school was checked, and the line says so."""
    complete, total = completeness(project)
    if not total:
        return None
    if project.config is None:  # the schools were not checked: '0 van 18' would say they were
        schools = "De school is" if total == 1 else f"De {total} scholen zijn"
        return (
            f"{schools} nog niet gecontroleerd, omdat site_config/ fouten heeft. Herstel eerst "
            "die fouten."
        )
    verb = "is" if complete == 1 else "zijn"
    return f"{complete} van {total} {'school' if total == 1 else 'scholen'} {verb} compleet."


def render(project: Project, fmt: str) -> str:
    """The whole report in format ``fmt``."""
    if fmt == "json":
        return _json(project)
    if fmt == "parsable":
        return _parsable(project.issues)
    if fmt == "github":
        return _github(project.issues)
    if fmt == "gitlab":
        return _gitlab(project.issues)
    parts = [
        text_report(project.issues),
        summary(project),
        completeness_line(project),
        "",
        compliance_table(project),
    ]
    return "\n".join(p for p in parts if p is not None).rstrip() + "\n"


def render_issues(issues: list[Issue], fmt: str) -> str:
    """Problems alone (no compliance table) in format ``fmt``: the refusals of a build."""
    issues = sorted(issues, key=Issue.sort_key)
    if fmt == "json":
        problems = [_issue_json(i) for i in issues]
        return json.dumps({"problemen": problems}, ensure_ascii=False, indent=2) + "\n"
    if fmt == "gitlab":
        return _gitlab(issues)
    if fmt == "parsable":
        return _parsable(issues) + ("\n" if issues else "")
    if fmt == "github":
        return _github(issues) + ("\n" if issues else "")
    return text_report(issues)


def exit_code(project: Project, strict: bool) -> int:
    """0 clean, 1 errors, 2 warnings under --strict."""
    if project.errors:
        return 1
    if strict and project.warnings:
        return 2
    return 0
