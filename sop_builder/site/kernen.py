"""Kern overviews: which school offers what (the dekkend aanbod), the gaps, and compliance."""

from __future__ import annotations

import statistics
from dataclasses import dataclass
from fractions import Fraction

from sop_builder.project.model import Kern, School, SiteConfig, VocabularyEntry
from sop_builder.project.scoring import Compliance
from sop_builder.site.render import GeneratedPage, Renderer


@dataclass(frozen=True)
class OfferRow:
    """One kind of expertise or support, and for each school of the kern whether it has it."""

    entry: VocabularyEntry
    present: tuple[bool, ...]

    @property
    def count(self) -> int:
        return sum(self.present)


@dataclass(frozen=True)
class OfferGroup:
    title: str
    rows: tuple[OfferRow, ...]


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
    schools: tuple[School, ...]
    groups: tuple[OfferGroup, ...]
    gaps: tuple[str, ...]  # sentences, one per gap
    missing_needs: tuple[str, ...]  # labels of needs no school of the kern covers
    spread: Spread | None


def _in_sentence(label: str) -> str:
    """'Plusklas' -> 'plusklas' inside a sentence; 'NT2-klas' stays as it is."""
    return label[0].lower() + label[1:] if label[1:2].islower() else label


def _rows(
    entries: list[VocabularyEntry], schools: tuple[School, ...], attribute: str
) -> tuple[OfferRow, ...]:
    return tuple(
        OfferRow(entry, tuple(entry.id in getattr(s.front, attribute) for s in schools))
        for entry in entries
    )


def _spread(schools: tuple[School, ...], compliance: dict[str, Compliance | None]) -> Spread | None:
    results = [r for s in schools if (r := compliance.get(s.slug)) is not None]
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


def kern_overview(
    kern: Kern,
    schools: list[School],
    config: SiteConfig,
    compliance: dict[str, Compliance | None],
) -> KernOverview:
    """The overview of one kern; ``schools`` may hold schools of other kernen too."""
    own = tuple(
        sorted((s for s in schools if s.front.kern == kern.id), key=lambda s: s.front.name.lower())
    )
    vocab = config.vocabularies
    groups = (
        OfferGroup("Extra ondersteuning", _rows(vocab.extra_support, own, "extra_support")),
        OfferGroup(
            "Deskundigheid in de school", _rows(vocab.internal_expertise, own, "internal_expertise")
        ),
        OfferGroup(
            "Hulp van buiten de school", _rows(vocab.external_expertise, own, "external_expertise")
        ),
    )
    label = config.swv.grouping.label
    gaps = tuple(
        f"In deze {label} heeft geen school een {_in_sentence(row.entry.label)}."
        for group in groups[:2]
        for row in group.rows
        if own and row.count == 0
    )
    covered = {
        need for group in groups for row in group.rows if row.count for need in row.entry.needs
    }
    missing = tuple(n.label for n in vocab.needs if own and n.id not in covered)
    return KernOverview(kern, own, groups, gaps, missing, _spread(own, compliance))


def kern_pages(renderer: Renderer) -> list[GeneratedPage]:
    """The overview of the kernen and a page per kern with its schools."""
    project, config = renderer.project, renderer.config
    folder = renderer.grouping_path
    by_kern: dict[str, list[School]] = {}
    for school in renderer.schools:
        by_kern.setdefault(school.front.kern, []).append(school)
    overviews = [
        kern_overview(k, by_kern.get(k.id, []), config, project.compliance)
        for k in config.swv.kernen
    ]
    pages = [
        GeneratedPage(f"{folder}/index.md", renderer.render("kernen.md.j2", overviews=overviews))
    ]
    for overview in overviews:
        codes = [s.front.vestigingscode for s in overview.schools]
        content = renderer.render(
            "kern.md.j2",
            overview=overview,
            entries=[renderer.entries[s.slug] for s in overview.schools],
            compliance=project.compliance,
            kern_pupils=project.pupils.totals(codes) if project.pupils else [],
        )
        pages.append(GeneratedPage(f"{folder}/{overview.kern.id}.md", content))
    return pages
