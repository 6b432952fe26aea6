"""The finder's data as small same-host JSON files, fetched by the page's script on demand.

The finder page itself holds no list of schools (at 7,000 schools that would be megabytes); the
static lists per need and per gemeente carry the full lists for visitors without JavaScript.

- ``vinder/scholen.json``: the index: per school its name, place, address, filters, the level
  of each need (one character per need), practical facts, point, validity, its result of
  basisondersteuning and the phone of whom to call. Loaded when the
  visitor first uses the finder (at once for a small SWV).
- ``vinder/behoefte-<need>.json``: for one need, the schools that offer it, with their level,
  sentence and limit. Loaded when the visitor chooses that need.
- ``vinder/school/<slug>.json``: everything the comparison shows of one school.
- ``vinder/postcodes.json``: the centres of the postcode areas around the SWV's schools.

Nothing is ever sent anywhere: distances are computed in the visitor's browser.
"""

from __future__ import annotations

import json
from typing import Any

from sop_builder.project.model import SPECIAL_SCHOOL_TYPES, SiteConfig
from sop_builder.project.postcodes import PostcodeTable
from sop_builder.project.routes import Route, school_path
from sop_builder.project.scoring import format_count
from sop_builder.site.finder import Finder, FinderEntry
from sop_builder.site.render import GeneratedPage, Renderer

DIRECT_LIMIT = 300  # up to this many schools the page loads the index at once
MARGIN = (0.45, 0.75)  # degrees of latitude and longitude around the schools (about 50 km)
NOT_DECLARED = "-"
# The columns of a school's row in the index (the script reads them by these names). The
# index is kept small: numbers for the lists (gemeente, kern, soort), one character per need
# and per fact. The slug is always written: the script never makes one from a name.
INDEX_FIELDS = (
    "naam", "slug", "plaats", "straat", "kern", "soort", "niveaus", "praktisch", "punt",
    "verlopen", "basis", "telefoon",
)  # fmt: skip
POINT_SCALE = 10_000  # a point as whole numbers of 1/10,000 degree (about 10 metres)


def _json(data: Any) -> bytes:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def _point(point: tuple[float, float] | None) -> list[int] | None:
    return [round(point[0] * POINT_SCALE), round(point[1] * POINT_SCALE)] if point else None


def _levels(entry: FinderEntry, config: SiteConfig) -> str:
    """One character per need of the SWV's list: the index of its level, or '-'."""
    index = {lv.id: str(i) for i, lv in enumerate(config.vocabularies.levels)}
    by_need = {line.need_id: index[line.level_id] for line in entry.lines}
    return "".join(by_need.get(n.id, NOT_DECLARED) for n in config.vocabularies.needs)


def _compliance(entry: FinderEntry) -> str:
    """'55/65/84/0/2025-2026/swv': met, counted, percentage, target met (1), not met (0), no
    target (-1), the school year and who assessed (swv, or school: its self-assessment)."""
    result = entry.result
    if result is None:
        return ""
    met = 1 if entry.meets_target else 0 if entry.meets_target is False else -1
    total = result.total
    return (
        f"{format_count(total.met)}/{total.counted}/{total.percentage}/{met}/"
        f"{result.school_year}/{result.assessor}"
    )


def _kern_rows(finder: Finder, config: SiteConfig, municipalities: list[str]) -> list[list[Any]]:
    """Kern id, name and the index of its gemeente: a school's gemeente is its kern's."""
    rows: list[list[Any]] = []
    for choice in finder.kernen:
        kern = config.swv.kern(choice.value)
        place = kern.municipality if kern else ""
        found = municipalities.index(place) if place in municipalities else -1
        rows.append([choice.value, choice.label, found])
    return rows


def index_document(finder: Finder, config: SiteConfig) -> dict[str, Any]:
    vocab = config.vocabularies
    municipalities = [c.label for c in finder.municipalities]
    kernen = [c.value for c in finder.kernen]
    types = [c.value for c in finder.types]
    ja_nee = [f for f in vocab.practical if f.kind == "ja-nee"]
    schools = []
    for entry in finder.entries:
        schools.append(
            [
                entry.name,
                entry.slug,
                entry.place,
                entry.street,
                kernen.index(entry.kern_id) if entry.kern_id in kernen else -1,
                types.index(entry.type),
                _levels(entry, config),
                "".join(
                    "1" if entry.facts.get(f.id) is True else "0" if f.id in entry.facts else "-"
                    for f in ja_nee
                ),
                _point(entry.point),
                1 if entry.expired else 0,
                _compliance(entry),
                entry.contact.phone or "",
            ]
        )
    return {
        "velden": list(INDEX_FIELDS),
        "niveaus": [{"id": lv.id, "label": lv.label, "aanbod": lv.offered} for lv in vocab.levels],
        "behoeften": [
            {"id": n.id, "label": n.label, "woorden": [n.label.lower(), *n.keywords]}
            for n in vocab.needs
        ],
        "praktisch": [{"id": f.id, "label": f.label, "woorden": list(f.keywords)} for f in ja_nee],
        "gemeenten": municipalities,
        "kernen": _kern_rows(finder, config, municipalities),
        "puntschaal": POINT_SCALE,
        # Per kind of school: its code, name, 1 for a special school (listed after the regular
        # ones unless asked for) and the sentence about the TLV.
        "soorten": [
            [
                c.value,
                c.label,
                int(c.value in SPECIAL_SCHOOL_TYPES),
                config.texts.admission_for(c.value),
            ]
            for c in finder.types
        ],
        "scholen": schools,
    }


def need_document(finder: Finder, need_id: str) -> dict[str, Any]:
    """The schools that offer ``need_id`` (by their place in the index), with their words."""
    rows = []
    for index, entry in enumerate(finder.entries):
        line = entry.line(need_id)
        if line is not None and line.offered:
            rows.append([index, line.level_id, line.offer, line.limit])
    return {"behoefte": need_id, "scholen": rows}


def school_document(entry: FinderEntry, config: SiteConfig) -> dict[str, Any]:
    """What the comparison shows of one school."""
    vocab = config.vocabularies
    facts = []
    for fact in vocab.practical:
        value = entry.facts.get(fact.id)
        if value is None:
            shown = "niet ingevuld"
        elif isinstance(value, bool):
            shown = "ja" if value else "nee"
        else:
            shown = f"{value} {fact.unit}" if fact.unit else str(value)
        facts.append([fact.id, shown])
    contact = entry.contact
    return {
        "slug": entry.slug,
        "naam": entry.name,
        "pad": school_path(entry.slug),
        "soort": entry.type_label,
        "speciaal": entry.special,
        "toelating": entry.admission,
        "plaats": entry.place,
        "adres": f"{entry.street}, {entry.postcode} {entry.place}",
        "kern": entry.kern_name,
        "contact": {
            "rol": contact.role,
            "naam": contact.name,
            "telefoon": contact.phone,
            "email": contact.email,
        },
        "behoeften": {
            line_.need_id: [line_.level_id, line_.offer, line_.limit] for line_ in entry.lines
        },
        "praktisch": facts,
        "basis": entry.compliance_text,  # the card's line: result, year, who assessed
        "geldig_tot": entry.valid_until.isoformat(),
        "verlopen": entry.expired,
    }


def postcode_document(finder: Finder, table: PostcodeTable | None) -> dict[str, list[float]] | None:
    """The postcode centres near the SWV's schools (None without a table or placed schools)."""
    points = [e.point for e in finder.entries if e.point is not None]
    if table is None or not points:
        return None
    south = min(p[0] for p in points) - MARGIN[0]
    north = max(p[0] for p in points) + MARGIN[0]
    west = min(p[1] for p in points) - MARGIN[1]
    east = max(p[1] for p in points) + MARGIN[1]
    return {
        code: [round(lat, 4), round(lon, 4)]
        for code, (lat, lon) in sorted(table.centres.items())
        if south <= lat <= north and west <= lon <= east
    }


def index_file(renderer: Renderer, route: Route) -> GeneratedPage:
    return GeneratedPage(route.file, _json(index_document(renderer.finder, renderer.config)))


def need_data_file(renderer: Renderer, route: Route) -> GeneratedPage:
    return GeneratedPage(route.file, _json(need_document(renderer.finder, route.key)))


def school_data_file(renderer: Renderer, route: Route) -> GeneratedPage:
    entry = renderer.entries[route.key]
    return GeneratedPage(route.file, _json(school_document(entry, renderer.config)))


def postcodes_file(renderer: Renderer, route: Route) -> GeneratedPage:
    document = postcode_document(renderer.finder, renderer.project.postcodes)
    assert document is not None  # the route exists only when there are postcodes to show
    return GeneratedPage(route.file, _json(document))
