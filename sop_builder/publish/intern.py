"""Build the internal site (site-intern/): validate, render, check, publish atomically."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from sop_builder.core.catalogue.build import OTHER_HOST
from sop_builder.core.issues import Issue
from sop_builder.intern.site import write_site
from sop_builder.project import report
from sop_builder.project.load import load_project
from sop_builder.project.publication import internal_view, not_complete
from sop_builder.publish.atomic import BuildResult, build_atomically
from sop_builder.publish.checks import third_party_requests
from sop_builder.publish.csp import apply_policy
from sop_builder.publish.outputs import refusal
from sop_builder.site.render import missing_template_folders


def build_intern(
    root: Path,
    site_dir: Path | None = None,
    today: date | None = None,
    echo: Callable[[str], None] = print,
    templates: Path | None = None,
    fmt: str = "text",
    notice: Callable[[str], None] | None = None,
) -> BuildResult:
    """Build the internal site into ``site_dir`` (default root/site-intern), all or nothing.

    Problems in the content are given to ``echo`` (in ``fmt``); the build's own refusals are
    in the result's ``issues``. ``notice``: where a note goes that this build waits for another
    one (default ``echo``).
    """
    root = Path(root).resolve()
    site_dir = Path(site_dir or root / "site-intern").resolve()
    refused = refusal(root, site_dir)  # site/, public/, what a Pages workflow publishes
    if refused is not None:
        return BuildResult(False, [], [refused])  # SOP955 says that nothing was built
    loaded = load_project(root, today, internal=True)
    # a school with errors in its own folder is left out (SOP912), the others are built
    project = internal_view(loaded)
    if project.errors or project.config is None or project.evaluation is None:
        echo(report.render(project, fmt))
        return BuildResult(
            False, ["De interne site is niet gebouwd; de vorige versie blijft staan."]
        )
    kept = set(project.issues)
    held = [i for i in loaded.errors if i not in kept]
    if held:
        echo(report.render_issues(held, fmt))
    missing_parts = not_complete(loaded)

    folder = templates or root / "templates"
    missing = missing_template_folders(folder.parent, (f"{folder.name}/intern",))
    if missing:
        return BuildResult(False, ["De interne site is niet gebouwd."], missing)

    notes: list[str] = []

    def make(built: Path) -> list[Issue]:
        built.mkdir()
        notes[:] = write_site(project, folder, built, missing_parts)
        issues = [
            # the internal site is made from its templates (templates/intern/)
            OTHER_HOST.at(f"{folder.name}/intern/", page=r.file, host=r.host, url=r.url)
            for r in third_party_requests(built, None)
        ]
        if not issues:
            apply_policy(built)
        return issues

    issues = build_atomically(site_dir, make, root, notice or echo)
    if issues:
        return BuildResult(False, ["De interne site is niet gebouwd."], issues)
    return BuildResult(
        True,
        [
            f"Interne site gebouwd in {site_dir}: dashboard en {len(project.schools)} gespreksrapporten"
            + (
                f" ({len(missing_parts)} {'school' if len(missing_parts) == 1 else 'scholen'} "
                "nog niet compleet)"
                if missing_parts
                else ""
            )
            + ". Zet deze site alleen achter een inlog; zie docs/intern.md.",
            *notes,
        ],
    )
