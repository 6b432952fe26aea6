"""Build the public site atomically: validate, render, run MkDocs, check, swap into place."""

from __future__ import annotations

import logging
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from urllib.parse import urlparse

from sop_builder.build.checks import (
    find_leaks,
    find_third_party_requests,
    missing_pages,
    swap_into_place,
)
from sop_builder.build.csp import apply_policy
from sop_builder.project import report
from sop_builder.project.load import load_project
from sop_builder.project.secrets import internal_texts


@dataclass
class BuildResult:
    ok: bool
    messages: list[str] = field(default_factory=list)


def _run_mkdocs(root: Path, out_dir: Path, project) -> tuple[str | None, list[str]]:
    """Run MkDocs into ``out_dir``; return (site_url, errors)."""
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    logging.getLogger("mkdocs").setLevel(logging.WARNING)
    config = load_config(config_file=str(root / "mkdocs.yml"), site_dir=str(out_dir), strict=True)
    config.plugins["sop-builder"].preloaded = project
    config.plugins.on_startup(command="build", dirty=False)
    try:
        mkdocs_build(config)
    except MkDocsException as exc:
        return None, [f"MkDocs kon de site niet bouwen: {exc}"]
    finally:
        config.plugins.on_shutdown()
    return config.site_url, []


def _write_web_editor(
    site: Path, project, site_url: str | None, echo: Callable[[str], None]
) -> list[str]:
    """The admin page, when site_config/webeditor.yaml asks for one."""
    from sop_builder.editor.admin import write_admin
    from sop_builder.editor.assets import AssetsUnavailable, is_cached

    if project.config.webeditor is None:
        return []
    if not is_cached():
        echo("De webeditor (Decap CMS, 6 MB) wordt eenmalig gedownload van registry.npmjs.org.\n")
    try:
        write_admin(site, project.config, project.root, site_url)
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
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}-bouw-", dir=site_dir.parent))
    try:
        site_url, errors = _run_mkdocs(root, work / "site", project)
        built = work / "site"
        if not errors:
            own_host = urlparse(site_url).hostname if site_url else None
            errors += missing_pages(built, [s.slug for s in project.schools])
            secrets = project.evaluation.secrets if project.evaluation else []
            errors += find_leaks(built, internal_texts(project) + secrets)
            errors += find_third_party_requests(built, own_host)
        if not errors:
            apply_policy(built)
            errors += _write_web_editor(built, project, site_url, echo)
        if errors:
            return BuildResult(
                False, [*errors, "De site is niet gebouwd; de vorige versie blijft staan."]
            )
        swap_into_place(built, site_dir)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    warnings = len(project.warnings)
    return BuildResult(
        True,
        [
            f"Site gebouwd in {site_dir}: {len(project.schools)} scholen"
            + (f", {warnings} waarschuwingen (zie 'sop-builder check')." if warnings else ".")
        ],
    )
