"""`sop-builder bouw`: validate, run the build pipeline (publish/pipeline.py) into a temporary
folder, publish atomically. `sop-builder klaarzetten`: the same up to the engine, so that the
engine-neutral staging folder (pages as Markdown, assets, overrides, mkdocs.yml) lands in a
folder one names, to build with another engine or to time the engine alone."""

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
from sop_builder.publish.pipeline import ENGINE_STEP, Options, Run, build


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


STAGED_NOTE = "KLAARGEZET.txt"  # at the top of a folder `klaarzetten` made; marks it as replaceable


def _public_view(
    root: Path, today: date | None, echo: Callable[[str], None], fmt: str
) -> tuple[Project, list[Issue]] | None:
    """The project as the public site shows it (of content/swv/ only the SWV's scores; a school
    that is not complete held back or shown as "volgt"), and the errors of the schools held
    back; None (with the report given to ``echo``) when it cannot be published."""
    loaded = load_project(root, today, internal=False)
    project = publication(loaded)
    if project.errors or project.config is None:
        echo(report.render(project, fmt))
        return None
    kept = set(project.issues)
    return project, [i for i in loaded.errors if i not in kept]


def stage_only(
    root: Path,
    target: Path,
    today: date | None = None,
    echo: Callable[[str], None] = print,
    fmt: str = "text",
    notice: Callable[[str], None] | None = None,
) -> BuildResult:
    """Write only the staging folder of ``root``'s public site into ``target``: every step of
    the pipeline before the engine (templates, staging with its internal-text check), all or
    nothing, like `build_site`."""
    root, target = Path(root).resolve(), Path(target).resolve()
    found = _public_view(root, today, echo, fmt)
    if found is None:
        return BuildResult(False, ["Er is niets klaargezet; de vorige map blijft staan."])
    project, held = found
    if held:
        echo(report.render_issues(held, fmt))

    def make(built: Path) -> list[Issue]:
        run = Run(root, project, built, built.parent / "site", Options(), notice or echo)
        issues = build(run, until=ENGINE_STEP)
        if not issues:
            (built / STAGED_NOTE).write_text(
                "Deze map is gemaakt door 'sop-builder klaarzetten'. De pagina's staan in docs/;\n"
                "bouw de site met 'mkdocs build -f mkdocs.yml' (of een andere motor).\n"
                "De volgende keer vervangt 'sop-builder klaarzetten' de hele map.\n",
                encoding="utf-8",
            )
        return issues

    issues = build_atomically(target, make, root, notice or echo, mark=STAGED_NOTE)
    if issues:
        return BuildResult(False, ["Er is niets klaargezet; de vorige map blijft staan."], issues)
    pages = len(list((target / "docs").rglob("*.md")))
    return BuildResult(True, [f"Klaargezet in {target}: {pages} pagina's."])


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
    found = _public_view(root, today, echo, fmt)
    if found is None:
        return BuildResult(False, ["De site is niet gebouwd; de vorige versie blijft staan."])
    project, held = found  # held: the errors of the schools not (fully) published
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
