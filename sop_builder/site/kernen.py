"""Kern overviews: per need what each school of the kern declared (the dekkend aanbod), the gaps
in plain words with where the need is covered instead, and the spread of compliance."""

from __future__ import annotations

import statistics
from dataclasses import dataclass
from fractions import Fraction

from sop_builder.project.model import Kern, Need, SiteConfig, SupportLevel
from sop_builder.project.offer.model import OfferItem
from sop_builder.project.postcodes import distance_km
from sop_builder.project.routes import Route
from sop_builder.project.scoring import Compliance
from sop_builder.site.finder import FinderEntry
from sop_builder.site.render import GeneratedPage, Renderer

ELSEWHERE = 3  # how many schools elsewhere a gap names


@dataclass(frozen=True)
class LevelSchools:
    level: SupportLevel
    entries: tuple[FinderEntry, ...]


@dataclass(frozen=True)
class NeedCoverage:
    """One need in one kern: the schools at each level, and where else it is offered."""

    need: Need
    levels: tuple[LevelSchools, ...]  # only levels some school of the kern declared
    undeclared: tuple[FinderEntry, ...]
    elsewhere: tuple[FinderEntry, ...]  # schools of other kernen that offer it (gaps only)
    centres: tuple[OfferItem, ...]  # expertise centres for this need (gaps only)

    @property
    def covered(self) -> bool:
        return any(group.level.offered for group in self.levels)


@dataclass(frozen=True)
class Spread:
    """How the schools of the kern score on the agreements."""

    assessed: int
    meeting_target: int
    lowest: int
    highest: int
    median: float
    target: Fraction | None


@dataclass(frozen=True)
class KernOverview:
    kern: Kern
    entries: tuple[FinderEntry, ...]
    needs: tuple[NeedCoverage, ...]
    spread: Spread | None

    @property
    def gaps(self) -> tuple[NeedCoverage, ...]:
        return tuple(n for n in self.needs if self.entries and not n.covered)


def _spread(
    entries: tuple[FinderEntry, ...], compliance: dict[str, Compliance | None]
) -> Spread | None:
    results = [r for e in entries if (r := compliance.get(e.slug)) is not None]
    if not results:
        return None
    percentages = [r.total.percentage for r in results]
    return Spread(
        assessed=len(results),
        meeting_target=sum(r.meets_target for r in results),
        lowest=min(percentages),
        highest=max(percentages),
        median=statistics.median(percentages),
        target=results[0].target,
    )


def _centre(points: list[tuple[float, float]]) -> tuple[float, float] | None:
    if not points:
        return None
    return sum(p[0] for p in points) / len(points), sum(p[1] for p in points) / len(points)


def _elsewhere(
    need: Need, kern: Kern, entries: list[FinderEntry], middle: tuple[float, float] | None
) -> tuple[FinderEntry, ...]:
    """The schools of other kernen that offer ``need``: the nearest first when the schools
    have points, else in alphabetical order."""
    others = [e for e in entries if e.kern_id != kern.id and need.id in e.offered]
    if middle is not None:
        others.sort(key=lambda e: distance_km(middle, e.point) if e.point else float("inf"))
    return tuple(others[:ELSEWHERE])


def kern_overview(
    kern: Kern,
    entries: list[FinderEntry],
    config: SiteConfig,
    compliance: dict[str, Compliance | None],
    centres: tuple[OfferItem, ...] = (),
) -> KernOverview:
    """The overview of one kern; ``entries`` are the finder's entries of all schools."""
    own = tuple(e for e in entries if e.kern_id == kern.id)
    middle = _centre([e.point for e in own if e.point])
    needs = []
    for need in config.vocabularies.needs:
        levels = tuple(
            LevelSchools(level, found)
            for level in config.vocabularies.levels
            if (
                found := tuple(
                    e for e in own if (line := e.line(need.id)) and line.level_id == level.id
                )
            )
        )
        coverage = NeedCoverage(
            need, levels, tuple(e for e in own if e.line(need.id) is None), (), ()
        )
        if own and not coverage.covered:
            helping = tuple(c for c in centres if need.id in getattr(c.front, "needs", []))
            coverage = NeedCoverage(
                need, levels, coverage.undeclared, _elsewhere(need, kern, entries, middle), helping
            )
        needs.append(coverage)
    return KernOverview(kern, own, tuple(needs), _spread(own, compliance))


def overviews(renderer: Renderer) -> dict[str, KernOverview]:
    """The overview of every kern (by id), made once per build."""

    def make() -> dict[str, KernOverview]:
        project, config = renderer.project, renderer.config
        entries, centres = renderer.finder.entries, project.offer.centres
        return {
            k.id: kern_overview(k, entries, config, project.compliance, centres)
            for k in config.swv.kernen
        }

    return renderer.memo("kernen", make)


def kernen_page(renderer: Renderer, route: Route) -> GeneratedPage:
    """The overview of the kernen."""
    content = renderer.render(
        "kernen.md.j2", route=route, overviews=list(overviews(renderer).values())
    )
    return GeneratedPage(route.file, content)


def kern_page(renderer: Renderer, route: Route) -> GeneratedPage:
    """The page of one kern (``route.key``) with its schools."""
    project, config = renderer.project, renderer.config
    overview = overviews(renderer)[route.key]
    codes = [renderer.schools_by_slug[e.slug].front.vestigingscode for e in overview.entries]
    content = renderer.render(
        "kern.md.j2",
        route=route,
        overview=overview,
        entries=list(overview.entries),
        compliance=project.compliance,
        kern_pupils=project.pupils.totals(codes) if project.pupils else [],
        level_index={lv.id: i for i, lv in enumerate(config.vocabularies.levels)},
    )
    return GeneratedPage(route.file, content)
