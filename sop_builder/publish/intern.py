"""Build the internal site (site-intern/): validate, render, check, publish atomically."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from sop_builder.intern.site import write_site
from sop_builder.project import report
from sop_builder.project.load import load_project
from sop_builder.publish.atomic import BuildResult, as_text, build_atomically
from sop_builder.publish.checks import find_third_party_requests
from sop_builder.publish.csp import apply_policy
from sop_builder.publish.outputs import refusal
from sop_builder.site.render import missing_template_folders


def build_intern(
    root: Path,
    site_dir: Path | None = None,
    today: date | None = None,
    echo: Callable[[str], None] = print,
    templates: Path | None = None,
) -> BuildResult:
    """Build the internal site into ``site_dir`` (default root/site-intern), all or nothing."""
    root = Path(root).resolve()
    site_dir = Path(site_dir or root / "site-intern").resolve()
    refused = refusal(root, site_dir)  # site/, public/, what a Pages workflow publishes
    if refused is not None:
        return BuildResult(False, [as_text(refused)])
    project = load_project(root, today, internal=True)
    if project.errors or project.config is None or project.evaluation is None:
        echo(report.render(project, "text"))
        return BuildResult(
            False, ["De interne site is niet gebouwd; de vorige versie blijft staan."]
        )

    folder = templates or root / "templates"
    missing = missing_template_folders(folder.parent, (f"{folder.name}/intern",))
    if missing:
        return BuildResult(False, [*missing, "De interne site is niet gebouwd."])

    def make(built: Path) -> list[str]:
        built.mkdir()
        write_site(project, folder, built)
        errors = find_third_party_requests(built, None)
        if not errors:
            apply_policy(built)
        return errors

    errors = build_atomically(site_dir, make, root, echo)
    if errors:
        return BuildResult(False, [*errors, "De interne site is niet gebouwd."])
    return BuildResult(
        True,
        [
            f"Interne site gebouwd in {site_dir}: dashboard en {len(project.schools)} gespreksrapporten. "
            "Zet deze site alleen achter een inlog; zie docs/intern.md."
        ],
    )
