"""What the public site publishes of each school: its whole profile, the short page "volgt", or
nothing; and how many schools are complete.

A school is **complete** when its folder has no error and sop.md no field still marked INVULLEN:
its whole profile is published. A school that has not started its profile (schools/status.py)
gets the short page "volgt". A school that is neither (errors in its folder, or a field still
marked) is **not complete**: site_config/bouwen.yaml `onvolledige_school` chooses between no
page (`achterhouden`, SOP910) and the short page (`volgt`, SOP911, when its name, vestigingscode
and kind can be read; else no page). Either way the other schools are published; only errors
outside the school folders (the configuration, the offer, the pupil numbers) stop the build,
and so does a link in the project (SOP005, project/tree.py): that is never one school's matter.
`check` reports every error as before; `publication` is what the public builds (bouw, the MkDocs
plugin) publish.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace

from sop_builder.core.catalogue.build import HELD_BACK, NO_REPORT, SHOWN_AS_PENDING
from sop_builder.core.catalogue.reading import LINK
from sop_builder.core.catalogue.sop import EXAMPLE_EMPTY
from sop_builder.core.issues import Issue
from sop_builder.project.build_settings import incomplete_choice
from sop_builder.project.files import SCHOOLS_DIR, SOP_FILE, school_folders
from sop_builder.project.model import SiteConfig
from sop_builder.project.placeholders import MARK
from sop_builder.project.project import Project
from sop_builder.project.public_config import public_compliance, public_config
from sop_builder.project.routes import school_path, site_routes
from sop_builder.project.scoring import Compliance

_PREFIX = SCHOOLS_DIR.as_posix() + "/"


def school_of(path: str) -> str | None:
    """The school folder (slug) a file of the project belongs to, or None."""
    if not path.startswith(_PREFIX):
        return None
    return path[len(_PREFIX) :].split("/", 1)[0] or None


def incomplete_schools(project: Project) -> dict[str, str]:
    """slug -> why the school is not complete (in Dutch, for a message), for every school
    folder that has started its profile but has errors or a field still marked INVULLEN."""
    pending = {f.slug for f in project.pending}
    errors: dict[str, int] = defaultdict(int)
    marked: dict[str, list[str]] = defaultdict(list)
    for issue in project.issues:
        slug = school_of(issue.path)
        if slug is None:
            continue
        if issue.is_error:
            errors[slug] += 1
        elif (
            issue.code == EXAMPLE_EMPTY.code
            and issue.path == f"{_PREFIX}{slug}/{SOP_FILE}"
            and slug not in pending
        ):
            marked[slug].append(issue.field)
    reasons: dict[str, str] = {}
    for slug in sorted(set(errors) | set(marked)):
        if errors[slug]:
            count = errors[slug]
            reasons[slug] = (
                f"er {'staat' if count == 1 else 'staan'} nog {count} "
                + ("fout" if count == 1 else "fouten")
                + " in de map van de school"
            )
        else:
            reasons[slug] = "boven " + ", ".join(marked[slug]) + f" staat nog {MARK}"
    return reasons


def completeness(project: Project) -> tuple[int, int]:
    """(complete, all): how many school folders are complete, of how many."""
    folders = {folder.name for folder in school_folders(project.root)}
    incomplete = incomplete_schools(project)
    complete = [s for s in project.schools if s.slug not in incomplete]
    return len(complete), len(folders)


def publication(project: Project) -> Project:
    """``project`` as the public site publishes it: the complete schools, the schools whose
    profile follows, and for each school that is not complete a warning (SOP910 or SOP911) in
    place of its errors; site_config/ without the values still marked INVULLEN
    (project/public_config.py). Its ``errors`` are those that stop the build."""
    if any(i.code == LINK.code for i in project.issues):
        return project  # a link in the project refuses the whole build
    incomplete = incomplete_schools(project)
    config = project.config
    if not incomplete and (config is None or not config.marked):
        return project
    show = incomplete_choice(config) == "volgt"
    schools = [s for s in project.schools if s.slug not in incomplete]
    pending = [f for f in project.pending if f.slug not in incomplete]
    notes: list[Issue] = []
    for slug, reason in incomplete.items():
        facts = project.facts.get(slug)
        folder = f"{_PREFIX}{slug}"
        source = facts.path if facts is not None else f"{folder}/{SOP_FILE}"
        values = {"page": school_path(slug), "reason": reason, "folder": folder}
        name = facts.name if facts is not None else slug
        if show and facts is not None:
            pending.append(facts)
            notes.append(SHOWN_AS_PENDING.at(source, name=name, **values))
        else:
            notes.append(HELD_BACK.at(source, name=name, **values))
    kept = [i for i in project.issues if not (i.is_error and school_of(i.path) in incomplete)]
    published = {s.slug for s in schools}
    if config is not None:
        used = {s.front.kern for s in schools} | {f.kern for f in pending}
        config = public_config(config, used)
    view = replace(
        project,
        config=config,
        schools=schools,
        pending=pending,
        issues=sorted(kept + notes, key=Issue.sort_key),
        compliance={k: _public(config, v) for k, v in project.compliance.items() if k in published},
        current={k: _public(config, v) for k, v in project.current.items() if k in published},
        unreadable=[],
    )
    view.routes = site_routes(view)
    pages = view.routes.pages()
    view.redirects = [r for r in project.redirects if r.target in pages]
    return view


def _public(config: SiteConfig | None, result: Compliance | None) -> Compliance | None:
    return public_compliance(config, result) if config is not None else result


def not_complete(project: Project) -> list[tuple[str, str, str]]:
    """(name, vestigingscode, what is missing) of every school that is not complete, by name:
    its profile not started (the public site says it follows), or started with errors or fields
    still marked INVULLEN. ``project`` as loaded (not a view)."""
    incomplete = incomplete_schools(project)
    rows = [
        (f.name, f.vestigingscode, "nog niet begonnen; in te vullen: " + ", ".join(f.to_fill))
        for f in project.pending
        if f.slug not in incomplete
    ]
    for slug, reason in incomplete.items():
        facts = project.facts.get(slug)
        rows.append((facts.name, facts.vestigingscode, reason) if facts else (slug, "", reason))
    return sorted(rows, key=lambda row: row[0].lower())


def internal_view(project: Project) -> Project:
    """``project`` as the internal site shows it: a school with errors in its own folder is
    left out (SOP912 in place of its errors), so one school never stops the dashboard and the
    other schools' reports. Errors outside the school folders (site_config/, content/swv/, ...)
    and a link in the project still stop the internal build. Unlike `publication`, values under
    INVULLEN stay as they are: the internal site shows the files as `check` reads them."""
    held = sorted({slug for i in project.errors if (slug := school_of(i.path)) is not None})
    if not held or any(i.code == LINK.code for i in project.issues):
        return project
    reasons = incomplete_schools(project)
    notes: list[Issue] = []
    for slug in held:
        facts = project.facts.get(slug)
        folder = f"{_PREFIX}{slug}"
        notes.append(
            NO_REPORT.at(
                facts.path if facts is not None else f"{folder}/{SOP_FILE}",
                name=facts.name if facts is not None else slug,
                reason=reasons[slug],
                folder=folder,
            )
        )
    kept = [i for i in project.issues if not (i.is_error and school_of(i.path) in held)]
    return replace(
        project,
        schools=[s for s in project.schools if s.slug not in held],
        issues=sorted(kept + notes, key=Issue.sort_key),
        compliance={k: v for k, v in project.compliance.items() if k not in held},
        current={k: v for k, v in project.current.items() if k not in held},
        unreadable=[],
    )
