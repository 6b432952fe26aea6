"""The data of the school finder: one entry per school, and the choices of each filter."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from sop_builder.project.model import SCHOOL_TYPE_CODES, School, SiteConfig, VocabularyEntry
from sop_builder.project.scoring import Compliance, format_count

HIGHLIGHTS = 3  # how many strong points a result shows


@dataclass(frozen=True)
class Choice:
    """One option of a filter: the value in the page and the words a visitor reads."""

    value: str
    label: str


@dataclass(frozen=True)
class FinderEntry:
    """What the finder shows and filters on for one school."""

    slug: str
    name: str
    place: str
    municipality: str
    kern_id: str
    kern_name: str
    type: str
    type_label: str
    needs: tuple[str, ...]
    highlights: tuple[str, ...]
    compliance: str
    meets_target: bool | None
    keywords: str  # lower-case words the text box matches without the search index


@dataclass(frozen=True)
class Finder:
    entries: list[FinderEntry]
    municipalities: list[Choice]
    kernen: list[Choice]
    types: list[Choice]
    needs: list[Choice]


def _chosen(school: School, config: SiteConfig) -> list[VocabularyEntry]:
    vocab = config.vocabularies
    by_id = {
        e.id: e
        for e in [*vocab.extra_support, *vocab.internal_expertise, *vocab.external_expertise]
    }
    ids = [
        *school.front.extra_support,
        *school.front.internal_expertise,
        *school.front.external_expertise,
    ]
    return [by_id[i] for i in ids if i in by_id]


def _internal_and_extra(school: School) -> list[str]:
    return [*school.front.extra_support, *school.front.internal_expertise]


def strongest(school: School, config: SiteConfig, frequency: Counter[str]) -> tuple[str, ...]:
    """The school's rarest extra support and specialists: what sets it apart in the SWV.

    Something every school has (an intern begeleider) says little; ties keep the school's order.
    """
    vocab = config.vocabularies
    labels = {e.id: e.label for e in [*vocab.extra_support, *vocab.internal_expertise]}
    own = [i for i in _internal_and_extra(school) if i in labels]
    ranked = sorted(own, key=lambda i: (frequency[i], own.index(i)))
    return tuple(labels[i] for i in ranked[:HIGHLIGHTS])


def compliance_summary(result: Compliance | None, year: str) -> tuple[str, bool | None]:
    """A short line for a result, and whether the school meets the target; a result of an
    earlier school year than ``year`` names its year."""
    if result is None:
        return "Nog geen zelfevaluatie basisondersteuning", None
    text = (
        f"Basisondersteuning: {format_count(result.total.met)} van {result.total.counted} "
        f"afspraken ({result.total.percentage}%)"
    )
    if result.school_year != year:
        text += f" in {result.school_year}"
    return text, result.meets_target


def build_finder(
    schools: list[School], config: SiteConfig, compliance: dict[str, Compliance | None]
) -> Finder:
    """Entries in alphabetical order, and for each filter only the choices that find a school."""
    frequency: Counter[str] = Counter(i for s in schools for i in set(_internal_and_extra(s)))
    need_labels = {n.id: n.label for n in config.vocabularies.needs}
    entries = []
    for school in sorted(schools, key=lambda s: s.front.name.lower()):
        front = school.front
        kern = config.swv.kern(front.kern)
        chosen = _chosen(school, config)
        needs = tuple(sorted({n for e in chosen for n in e.needs}))
        text, meets = compliance_summary(compliance.get(school.slug), config.swv.school_year)
        words = [
            front.name,
            front.address.place,
            kern.name if kern else "",
            kern.municipality if kern else "",
            config.school_type(front.type),
            *(e.label for e in chosen),
            *(need_labels.get(n, n) for n in needs),
        ]
        entries.append(
            FinderEntry(
                slug=school.slug,
                name=front.name,
                place=front.address.place,
                municipality=kern.municipality if kern else "",
                kern_id=front.kern,
                kern_name=kern.name if kern else front.kern,
                type=front.type,
                type_label=config.school_type(front.type),
                needs=needs,
                highlights=strongest(school, config, frequency),
                compliance=text,
                meets_target=meets,
                keywords=" ".join(" ".join(words).lower().split()),
            )
        )
    used_needs = {n for e in entries for n in e.needs}
    return Finder(
        entries=entries,
        municipalities=[
            Choice(m, m) for m in sorted({e.municipality for e in entries if e.municipality})
        ],
        kernen=[
            Choice(k.id, k.name)
            for k in config.swv.kernen
            if any(e.kern_id == k.id for e in entries)
        ],
        types=[
            Choice(code, config.school_type(code))
            for code in SCHOOL_TYPE_CODES
            if any(e.type == code for e in entries)
        ],
        needs=[Choice(n.id, n.label) for n in config.vocabularies.needs if n.id in used_needs]
        or [Choice(n, n.capitalize()) for n in sorted(used_needs)],
    )
