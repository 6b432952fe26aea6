"""What an edit changed, in the words of the route table's dependencies (project/routes.py
`Dep`), and so which routes `serve` renders again.

`Facts` holds the value of every dependency at one build; `changed` compares two of them, and
`to_render` picks the routes whose declared dependencies (as declared now or at the last build:
a school that moved to another gemeente leaves one list and joins another) changed.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from typing import Any

from sop_builder.project.project import Project
from sop_builder.project.routes import (
    CARD,
    ENTRIES,
    ENTRY,
    FIGURES,
    NAMES,
    NEED,
    OFFER,
    PUPILS,
    SCHOOL,
    Dep,
    RouteTable,
)
from sop_builder.site.finder import Finder, FinderEntry


@dataclass(frozen=True)
class Facts:
    """The values of the dependencies of one project at one build."""

    entries: dict[str, FinderEntry]  # each school's finder entry, by slug
    cards: dict[str, tuple[Any, ...]]  # what a list per need shows of each school beside it
    order: tuple[str, ...]  # the slugs in the finder's order
    needs: dict[str, tuple[Any, ...]]  # need id -> every school's declaration of it
    names: tuple[tuple[str, str, str], ...]  # (slug, name, vestigingscode) of every school
    offer: Any
    pupils: Any
    figures: Any = None  # content/kengetallen.yaml as the public build holds it (DUO's only)


def _card(entry: FinderEntry) -> tuple[Any, ...]:
    """The value of ``Dep(CARD, slug)`` (templates/pages/need-list.md.j2 shows these)."""
    return (
        entry.name,
        entry.type_label,
        entry.street,
        entry.postcode,
        entry.place,
        entry.municipality,
        entry.expired,
    )


def facts(project: Project, finder: Finder) -> Facts:
    """The facts of ``project``, whose finder is ``finder``."""
    assert project.config is not None
    needs = {
        need.id: tuple(
            (entry.slug, line) for entry in finder.entries if (line := entry.line(need.id))
        )
        for need in project.config.vocabularies.needs
    }
    return Facts(
        {e.slug: e for e in finder.entries},
        {e.slug: _card(e) for e in finder.entries},
        tuple(e.slug for e in finder.entries),
        needs,
        tuple(sorted((s.slug, s.front.name, s.front.vestigingscode) for s in project.schools)),
        project.offer,
        project.pupils,
        project.figures,
    )


def changed(old: Facts, new: Facts, schools: Collection[str]) -> set[Dep]:
    """The dependencies whose value differs between ``old`` and ``new``; ``schools``: the
    slugs whose folder was read again (their own files changed)."""
    deps = {Dep(SCHOOL, slug) for slug in schools}
    for slug in old.entries.keys() | new.entries.keys():
        if old.entries.get(slug) != new.entries.get(slug):
            deps.add(Dep(ENTRY, slug))
        if old.cards.get(slug) != new.cards.get(slug):
            deps.add(Dep(CARD, slug))
    if old.order != new.order or any(d.kind == ENTRY for d in deps):
        deps.add(ENTRIES)
    for need in old.needs.keys() | new.needs.keys():
        if old.needs.get(need) != new.needs.get(need):
            deps.add(Dep(NEED, need))
    if old.names != new.names:
        deps.add(NAMES)
    if old.offer != new.offer:
        deps.add(OFFER)
    if old.pupils != new.pupils:
        deps.add(PUPILS)
    if old.figures != new.figures:
        deps.add(FIGURES)
    return deps


def to_render(old: RouteTable, new: RouteTable, deps: set[Dep]) -> set[str]:
    """The addresses of the routes of ``new`` to render: new ones, and those whose declared
    dependencies (now or in ``old``) are among ``deps``."""
    chosen = set()
    for route in new:
        before = old.by_path.get(route.path)
        if before is None or route != before or route.depends & deps or before.depends & deps:
            chosen.add(route.path)
    return chosen


def gone(old: RouteTable, new: RouteTable) -> list[str]:
    """The staged files of the routes of ``old`` that ``new`` does not have."""
    return sorted(r.file for r in old if r.path not in new.by_path and r.staged)
