"""Build the public site: validate, render, let the engine build, check the result, publish atomically."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from urllib.parse import urlparse

from sop_builder.build.atomic import BuildResult, build_atomically
from sop_builder.build.checks import find_leaks, find_third_party_requests, missing_pages
from sop_builder.build.csp import apply_policy
from sop_builder.project import report
from sop_builder.project.load import Project, load_project
from sop_builder.project.redirects import record_published
from sop_builder.project.secrets import internal_texts
from sop_builder.site.engine import build_with_engine


def _write_web_editor(
    site: Path, project: Project, site_url: str | None, echo: Callable[[str], None]
) -> list[str]:
    """The admin page, when site_config/webeditor.yaml asks for one."""
    from sop_builder.editor.admin import write_admin
    from sop_builder.editor.assets import AssetsUnavailable, is_cached

    config = project.config
    if config is None or config.webeditor is None:
        return []
    if not is_cached():
        echo("De webeditor (Decap CMS, 6 MB) wordt eenmalig gedownload van registry.npmjs.org.\n")
    try:
        write_admin(site, config, project.root, site_url)
    except AssetsUnavailable as exc:
        return [
            f"De webeditor (admin/) kon niet worden gemaakt: {exc} Bouwt u zonder internet? "
            "Haal dan site_config/webeditor.yaml tijdelijk weg."
        ]
    return []


def build_site(
    root: Path,
    site_dir: Path | None = None,
    today: date | None = None,
    echo: Callable[[str], None] = print,
) -> BuildResult:
    """Build ``root``'s public site into ``site_dir`` (default root/site), all or nothing."""
    root = Path(root).resolve()
    site_dir = Path(site_dir or root / "site").resolve()
    project = load_project(root, today, internal=False)  # never reads content/swv/
    if project.errors or project.config is None:
        echo(report.render(project, "text"))
        return BuildResult(False, ["De site is niet gebouwd; de vorige versie blijft staan."])

    def make(built: Path) -> list[str]:
        site_url, errors = build_with_engine(root, built, project)
        if errors:
            return errors
        own_host = urlparse(site_url).hostname if site_url else None
        errors += missing_pages(built, [s.slug for s in project.schools])
        secrets = project.evaluation.secrets if project.evaluation else []
        errors += find_leaks(built, internal_texts(project) + secrets)
        errors += find_third_party_requests(built, own_host)
        if not errors:
            apply_policy(built)
            errors += _write_web_editor(built, project, site_url, echo)
        return errors

    errors = build_atomically(site_dir, make)
    if errors:
        return BuildResult(
            False, [*errors, "De site is niet gebouwd; de vorige versie blijft staan."]
        )
    record_published(root, [s.slug for s in project.schools])  # check notices a rename
    warnings = len(project.warnings)
    return BuildResult(
        True,
        [
            f"Site gebouwd in {site_dir}: {len(project.schools)} scholen"
            + (f", {warnings} waarschuwingen (zie 'sop-builder check')." if warnings else ".")
        ],
    )
