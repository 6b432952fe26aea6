"""The data of the school finder: per school what it declared, where it is, and the filters.

A school is found for a need only when its own declaration for that need is at a level that
counts as offered (site_config/vocabularies.yaml, aanbodniveaus); its staff and partners never
decide a match.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date

from sop_builder.core.text import slugify
from sop_builder.project.model import SCHOOL_TYPE_CODES, SPECIAL_SCHOOL_TYPES, School, SiteConfig
from sop_builder.project.postcodes import PostcodeTable, school_point
from sop_builder.project.scoring import Compliance, format_count

HIGHLIGHTS = 3  # how many strong points a card shows


@dataclass(frozen=True)
class Choice:
    """One option of a filter: the value in the page and the words a visitor reads."""

    value: str
    label: str


@dataclass(frozen=True)
class NeedLine:
    """A school's declaration for one need, as a visitor reads it."""

    need_id: str
    need_label: str
    level_id: str
    level_label: str
    offered: bool
    offer: str  # what the school does, in its own words ('' when not yet written)
    limit: str  # where it stops ('' when not written)


@dataclass(frozen=True)
class Contact:
    """Whom a parent calls first: the first contact person, with the school's phone when the
    person has none."""

    role: str
    name: str
    phone: str | None
    email: str | None


@dataclass(frozen=True)
class FinderEntry:
    """What the finder, the lists and the comparison show of one school."""

    slug: str
    name: str
    place: str
    street: str
    postcode: str
    municipality: str
    kern_id: str
    kern_name: str
    type: str
    type_label: str
    contact: Contact
    lines: tuple[NeedLine, ...]  # the declared needs, in the order of the SWV's list
    strong: tuple[NeedLine, ...]  # what sets the school apart (see strongest)
    facts: dict[str, bool | int]
    point: tuple[float, float] | None
    valid_until: date
    expired: bool
    compliance: str
    meets_target: bool | None
    result: Compliance | None
    # A special school (sbo, so): a child needs a toelaatbaarheidsverklaring (TLV); the
    # sentence about it from site_config/teksten.yaml ('' when none is written).
    special: bool = False
    admission: str = ""

    @property
    def compliance_text(self) -> str:
        """The basisondersteuning line of a card: result, school year, who assessed and
        whether the school meets the target."""
        if self.result is None or self.meets_target is None:
            return self.compliance
        return self.compliance + (
            ", doel gehaald" if self.meets_target else ", doel nog niet gehaald"
        )

    @property
    def highlights(self) -> tuple[str, ...]:
        return tuple(line.need_label for line in self.strong)

    @property
    def offered(self) -> frozenset[str]:
        return frozenset(line.need_id for line in self.lines if line.offered)

    def line(self, need_id: str) -> NeedLine | None:
        return next((line for line in self.lines if line.need_id == need_id), None)


@dataclass(frozen=True)
class Finder:
    entries: list[FinderEntry]
    municipalities: list[Choice]  # value: the slug of the gemeente's list page
    kernen: list[Choice]
    types: list[Choice]
    needs: list[Choice]  # every need of the SWV's list, in its order


def _lines(school: School, config: SiteConfig) -> tuple[NeedLine, ...]:
    vocab = config.vocabularies
    lines = []
    for need in vocab.needs:
        declaration = school.declarations.get(need.id)
        level = vocab.level(declaration.level) if declaration and declaration.level else None
        if declaration is None or level is None:
            continue
        lines.append(
            NeedLine(
                need.id,
                need.label,
                level.id,
                level.label,
                level.offered,
                declaration.offer or "",
                declaration.limit or "",
            )
        )
    return tuple(lines)


def strongest(
    lines: tuple[NeedLine, ...], frequency: Counter[str], top: str
) -> tuple[NeedLine, ...]:
    """The needs the school offers at the top level of the scale that fewest schools offer so:
    what sets it apart. A need every school offers says little; ties keep the SWV's order."""
    own = [line for line in lines if line.level_id == top]
    ranked = sorted(own, key=lambda line: frequency[line.need_id])  # stable: keeps the order
    return tuple(ranked[:HIGHLIGHTS])


def assessed_by(result: Compliance) -> str:
    """Who assessed, after 'volgens': the SWV or the school itself."""
    return "het samenwerkingsverband" if result.by_swv else "de school zelf"


def compliance_summary(result: Compliance | None) -> tuple[str, bool | None]:
    """A short line for a result that names its school year and who assessed, and whether the
    school meets the target (None without a target; the same words as modules/format.js `compliance`)."""
    if result is None:
        return "Nog geen zelfevaluatie basisondersteuning", None
    text = (
        f"Basisondersteuning {result.school_year}: {format_count(result.total.met)} van "
        f"{result.total.counted} afspraken ({result.total.percentage}%) volgens "
        f"{assessed_by(result)}"
    )
    return text, result.meets_target if result.target is not None else None


def _contact(school: School) -> Contact:
    first = school.front.contacts[0]
    return Contact(first.role, first.name, first.phone or school.front.phone, first.email)


def build_finder(
    schools: list[School],
    config: SiteConfig,
    compliance: dict[str, Compliance | None],
    today: date,
    postcodes: PostcodeTable | None = None,
) -> Finder:
    """Entries in alphabetical order, and the choices of each filter that find a school."""
    top = config.vocabularies.levels[0].id
    lines = {s.slug: _lines(s, config) for s in schools}
    frequency: Counter[str] = Counter(
        line.need_id for found in lines.values() for line in found if line.level_id == top
    )
    entries = []
    for school in sorted(schools, key=lambda s: s.front.name.lower()):
        front = school.front
        kern = config.swv.kern(front.kern)
        text, meets = compliance_summary(compliance.get(school.slug))
        entries.append(
            FinderEntry(
                slug=school.slug,
                name=front.name,
                place=front.address.place,
                street=front.address.street,
                postcode=front.address.postcode,
                municipality=kern.municipality if kern else "",
                kern_id=front.kern,
                kern_name=kern.name if kern else front.kern,
                type=front.type,
                type_label=config.school_type(front.type),
                contact=_contact(school),
                lines=lines[school.slug],
                strong=strongest(lines[school.slug], frequency, top),
                facts=dict(school.facts),
                point=school_point(school, postcodes),
                valid_until=front.valid_until,
                expired=front.valid_until < today,
                compliance=text,
                meets_target=meets,
                result=compliance.get(school.slug),
                special=front.type in SPECIAL_SCHOOL_TYPES,
                admission=config.texts.admission_for(front.type),
            )
        )
    return Finder(
        entries=entries,
        municipalities=[
            Choice(slugify(m, fallback="gemeente"), m)
            for m in sorted({e.municipality for e in entries if e.municipality})
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
        needs=[Choice(n.id, n.label) for n in config.vocabularies.needs],
    )


def offering(finder: Finder, need_id: str) -> list[FinderEntry]:
    """The schools whose declaration for ``need_id`` is at an offered level."""
    return [e for e in finder.entries if need_id in e.offered]


def regular_first(entries: list[FinderEntry]) -> list[FinderEntry]:
    """``entries`` with the special schools after the regular ones, each in their order (as
    the finder lists them unless the parent asks for a special school)."""
    return sorted(entries, key=lambda e: e.special)
