"""Build the public site: validate, render and stage (with the checks on our own pages), let the
engine build the staging folder, index, check the result, publish atomically."""

from __future__ import annotations

import contextlib
import ctypes
import gc
from collections.abc import Callable
from datetime import date
from pathlib import Path
from urllib.parse import urlparse

from sop_builder.project import report
from sop_builder.project.build_settings import engine_choice
from sop_builder.project.internal_texts import internal_texts
from sop_builder.project.load import load_project
from sop_builder.project.project import Project
from sop_builder.project.redirects import record_published
from sop_builder.publish.atomic import BuildResult, build_atomically
from sop_builder.publish.checks import find_third_party_requests, leak_finder, missing_pages
from sop_builder.publish.csp import apply_policy
from sop_builder.site.engine import run_engine
from sop_builder.site.redirects import school_titles, write_redirects
from sop_builder.site.render import TemplateMissing, missing_template_folders
from sop_builder.site.search import index_site
from sop_builder.site.staging import (
    TEMPLATE_FOLDERS,
    read_engine_settings,
    site_address,
    split_staging,
    stage_site,
)


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


def release_memory() -> None:
    """Give memory that Python has freed back to the system (glibc keeps it otherwise)."""
    gc.collect()
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL("libc.so.6").malloc_trim(0)


def build_staged(
    root: Path,
    project: Project,
    staging: Path,
    built: Path,
    echo: Callable[[str], None] = print,
    engine: str | None = None,
) -> list[str]:
    """Stage ``project``'s site in ``staging`` (checking every page for internal text), let the
    engine build it into ``built``, then redirects, search, the checks on the site, the CSP and
    the web editor. Returns the problems (empty: ``built`` may be published)."""
    missing = missing_template_folders(root, TEMPLATE_FOLDERS)
    if missing:
        return missing
    secrets = project.evaluation.secrets if project.evaluation else []
    try:
        staged = stage_site(project, root, staging, leak_finder(internal_texts(project) + secrets))
    except TemplateMissing as exc:
        return [exc.message()]
    if staged.problems:
        return staged.problems
    release_memory()  # the rendered pages: the engine and Pagefind need the room
    halves = split_staging(staged)  # two engine processes on two cores, when it is large
    errors = run_engine(engine or engine_choice(project.config), staged.config_file, built, halves)
    if errors:
        return errors
    site_url = site_address(project, read_engine_settings(staged.config_file))
    errors += write_redirects(built, project.redirects, site_url, school_titles(project))
    errors += missing_pages(built, [s.slug for s in project.schools])
    own_host = urlparse(site_url).hostname if site_url else None
    errors += find_third_party_requests(built, own_host)
    if errors:
        return errors
    errors += index_site(built)
    if not errors:
        apply_policy(built)
        errors += _write_web_editor(built, project, site_url, echo)
    return errors


def build_site(
    root: Path,
    site_dir: Path | None = None,
    today: date | None = None,
    echo: Callable[[str], None] = print,
) -> BuildResult:
    """Build ``root``'s public site into ``site_dir`` (default root/site), all or nothing."""
    root = Path(root).resolve()
    site_dir = Path(site_dir or root / "site").resolve()
    project = load_project(root, today, internal=False)  # of content/swv/ only the SWV's scores
    if project.errors or project.config is None:
        echo(report.render(project, "text"))
        return BuildResult(False, ["De site is niet gebouwd; de vorige versie blijft staan."])

    def make(built: Path) -> list[str]:
        return build_staged(root, project, built.parent / "staging", built, echo)

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
            + (f", {warnings} waarschuwingen (zie 'sop-builder controleer')." if warnings else ".")
        ],
    )
