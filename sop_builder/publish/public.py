"""`sop-builder bouw`: validate, run the build pipeline (publish/pipeline.py) into a temporary
folder, publish atomically."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from sop_builder.core.catalogue.build import HELD_BACK, SHOWN_AS_PENDING
from sop_builder.core.issues import Issue
from sop_builder.project import report
from sop_builder.project.load import load_project
from sop_builder.project.project import Project
from sop_builder.project.publication import publication
from sop_builder.project.redirects import record_published
from sop_builder.publish.atomic import BuildResult, build_atomically
from sop_builder.publish.pipeline import Options, Run, build


def build_staged(
    root: Path,
    project: Project,
    staging: Path,
    built: Path,
    echo: Callable[[str], None] = print,
    engine: str | None = None,
) -> list[Issue]:
    """Every step of the pipeline: stage ``project``'s site in ``staging``, let the engine build
    it into ``built``, then redirects, the checks on the site, search, the CSP and the web
    editor. Returns the problems (empty: ``built`` may be published)."""
    return build(Run(root, project, staging, built, Options(engine_name=engine), echo))


def build_site(
    root: Path,
    site_dir: Path | None = None,
    today: date | None = None,
    echo: Callable[[str], None] = print,
    fmt: str = "text",
    notice: Callable[[str], None] | None = None,
) -> BuildResult:
    """Build ``root``'s public site into ``site_dir`` (default root/site), all or nothing.

    Problems in the content are given to ``echo`` as `check` reports them (in ``fmt``); the
    build's own refusals (and a warning when the record of published schools could not be
    written) are in the result's ``issues``. ``notice``: where a note for the person who builds
    goes (default ``echo``): the web editor's download, waiting for another build.
    """
    root = Path(root).resolve()
    site_dir = Path(site_dir or root / "site").resolve()
    # of content/swv/ only the SWV's scores; a school that is not complete is held back or
    # shown as "volgt"
    loaded = load_project(root, today, internal=False)
    project = publication(loaded)
    if project.errors or project.config is None:
        echo(report.render(project, fmt))
        return BuildResult(False, ["De site is niet gebouwd; de vorige versie blijft staan."])

    kept = set(project.issues)
    held = [i for i in loaded.errors if i not in kept]  # of the schools not (fully) published
    if held:
        echo(report.render_issues(held, fmt))

    def make(built: Path) -> list[Issue]:
        return build_staged(root, project, built.parent / "staging", built, notice or echo)

    issues = build_atomically(site_dir, make, root, notice or echo)
    if issues:
        return BuildResult(
            False, ["De site is niet gebouwd; de vorige versie blijft staan."], issues
        )
    # check notices a rename; on a read-only project a warning (SOP957), not a crash
    published = [s.slug for s in project.schools] + [f.slug for f in project.pending]
    unrecorded = record_published(root, published)
    warnings = len(project.warnings)
    notes = [i for i in project.issues if i.code in (HELD_BACK.code, SHOWN_AS_PENDING.code)]
    pending = f" (van {len(project.pending)} volgt het profiel nog)" if project.pending else ""
    return BuildResult(
        True,
        [
            f"Site gebouwd in {site_dir}: {len(published)} scholen{pending}"
            + (f", {warnings} waarschuwingen (zie 'sop-builder controleer')." if warnings else ".")
        ],
        notes + unrecorded,
    )
