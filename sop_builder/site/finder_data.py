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

The data of a language (``/<code>/vinder/``) names the needs, levels, facts and kinds of school in
that language (`Translator.data_text`: a text the language lacks is ``{"nl": "..."}``, which the
script shows marked lang="nl"); a school's own words stay Dutch (the script marks them) unless
the school translated them into that language itself (project/schools/own_translations.py):
such a text is ``{"eigen": "..."}``, shown as the page's language. The comparison's yes, no and
result of basisondersteuning are left to the script's own texts.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from sop_builder.project.model import SPECIAL_SCHOOL_TYPES, DeclarationTranslation, SiteConfig
from sop_builder.project.postcodes import PostcodeTable
from sop_builder.project.routes import Route, school_path
from sop_builder.project.schools.own_translations import own_translation
from sop_builder.project.scoring import format_count
from sop_builder.site.finder import Finder, FinderEntry, NeedLine
from sop_builder.site.render import GeneratedPage, Renderer, own_school_type_key

# A text of the data in the page's language: (key, Dutch) -> the text (`Translator.data_text`).
Label = Callable[[str, str], Any]
# (slug, need) -> the school's own current translation into the data's language, if any.
OwnWords = Callable[[str, str], DeclarationTranslation | None]


def _no_own_words(_slug: str, _need: str) -> DeclarationTranslation | None:
    return None


def _words(dutch: str | None, own: str | None) -> Any:
    """A school's text in the data: its Dutch, or ``{"eigen": ...}``, its own translation."""
    return {"eigen": own} if own else dutch


def _dutch(_name: str, dutch: str) -> Any:
    return dutch


def _item(id_: str, dutch: str, label: Any, words: list[str]) -> dict[str, Any]:
    """A need or fact of the index, named ``label`` (``dutch`` in Dutch): its words find it
    (the Dutch ones and, in the data of another language, its name there)."""
    own = label.lower() if isinstance(label, str) and label != dutch else None
    found = [*words, own] if own is not None and own not in words else words
    return {"id": id_, "label": label, "woorden": found}


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


def index_document(finder: Finder, config: SiteConfig, label: Label = _dutch) -> dict[str, Any]:
    """The index; ``label``: the texts in the data's language (Dutch by default)."""
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
        "niveaus": [
            {
                "id": lv.id,
                "label": label(_key("aanbodniveaus", lv.id), lv.label),
                "aanbod": lv.offered,
            }
            for lv in vocab.levels
        ],
        "behoeften": [
            _item(
                n.id,
                n.label,
                label(_key("behoeften", n.id), n.label),
                [n.label.lower(), *n.keywords],
            )
            for n in vocab.needs
        ],
        "praktisch": [
            _item(f.id, f.label, label(_key("praktisch", f.id), f.label), list(f.keywords))
            for f in ja_nee
        ],
        "gemeenten": municipalities,
        "kernen": _kern_rows(finder, config, municipalities),
        "puntschaal": POINT_SCALE,
        # Per kind of school: its code, name, 1 for a special school (listed after the regular
        # ones unless asked for) and the sentence about the TLV.
        "soorten": [
            [
                c.value,
                label(own_school_type_key(config, c.value), c.label),
                int(c.value in SPECIAL_SCHOOL_TYPES),
                _admission(config, c.value, label),
            ]
            for c in finder.types
        ],
        "scholen": schools,
    }


def _key(vocabulary: str, item: str) -> str:
    """The key of the label of an item of vocabularies.yaml (project/translations.py)."""
    return f"vocabularies.{vocabulary}.{item}.label"


def _admission(config: SiteConfig, code: str, label: Label) -> Any:
    """The SWV's sentence about the TLV for a kind of school ("" for a regular school)."""
    dutch = config.texts.admission_for(code)
    return label(f"teksten.toelating.{code}", dutch) if dutch else dutch


def need_document(finder: Finder, need_id: str, own: OwnWords = _no_own_words) -> dict[str, Any]:
    """The schools that offer ``need_id`` (by their place in the index), with their words
    (``own``: in the data of another language, the schools' own translations)."""
    rows = []
    for index, entry in enumerate(finder.entries):
        line = entry.line(need_id)
        if line is not None and line.offered:
            rows.append([index, *_need_line(entry.slug, line, own)])
    return {"behoefte": need_id, "scholen": rows}


def _fact(value: Any, unit: str | None, key: str, label: Label | None) -> Any:
    """A practical fact's value in the comparison: in Dutch words, or (``label``: the data of
    another language) true, false, null or its number and unit as parts (modules/texts.js)."""
    if label is None:
        if value is None:
            return "niet ingevuld"
        if isinstance(value, bool):
            return "ja" if value else "nee"
        return f"{value} {unit}" if unit else str(value)
    if value is None or isinstance(value, bool):
        return value
    return [f"{value} ", label(key, unit)] if unit else str(value)


def school_document(
    entry: FinderEntry,
    config: SiteConfig,
    label: Label | None = None,
    own: OwnWords = _no_own_words,
) -> dict[str, Any]:
    """What the comparison shows of one school; ``label``: the texts of another language's
    data (None: Dutch); ``own``: there, the school's own translations."""
    vocab = config.vocabularies
    facts = []
    for fact in vocab.practical:
        unit_key = f"vocabularies.praktisch.{fact.id}.eenheid"
        facts.append([fact.id, _fact(entry.facts.get(fact.id), fact.unit, unit_key, label)])
    contact = entry.contact
    return {
        "slug": entry.slug,
        "naam": entry.name,
        "pad": school_path(entry.slug),
        "soort": label(own_school_type_key(config, entry.type), entry.type_label)
        if label
        else entry.type_label,
        "speciaal": entry.special,
        "toelating": _admission(config, entry.type, label) if label else entry.admission,
        "plaats": entry.place,
        "adres": f"{entry.street}, {entry.postcode} {entry.place}",
        "kern": entry.kern_name,
        "contact": {
            "rol": contact.role,
            "naam": contact.name,
            "telefoon": contact.phone,
            "email": contact.email,
        },
        "behoeften": {line_.need_id: _need_line(entry.slug, line_, own) for line_ in entry.lines},
        "praktisch": facts,
        # the card's line: result, year, who assessed (in another language its figures, as in
        # the index, which the script says in words)
        "basis": (_compliance(entry).split("/") if _compliance(entry) else None)
        if label
        else entry.compliance_text,
        "geldig_tot": entry.valid_until.isoformat(),
        "verlopen": entry.expired,
    }


def _need_line(slug: str, line: NeedLine, own: OwnWords) -> list[Any]:
    """A school's line for one need in the data: its level, what it offers and where it stops
    (each its Dutch or, with ``own``, its own translation)."""
    translated = own(slug, line.need_id)
    return [
        line.level_id,
        _words(line.offer, translated.offer if translated else None),
        _words(line.limit, translated.limit if translated else None),
    ]


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
    label = renderer.translator.data_text
    return GeneratedPage(route.file, _json(index_document(renderer.finder, renderer.config, label)))


def _own_words(renderer: Renderer) -> OwnWords:
    """The schools' own translations into the language of ``renderer`` (none in Dutch)."""
    language = renderer.language
    if language is None:
        return _no_own_words
    schools = renderer.memo(
        "schools-by-slug", lambda: {s.slug: s for s in renderer.project.schools}
    )

    def find(slug: str, need: str) -> DeclarationTranslation | None:
        school = schools.get(slug)
        declaration = school.declarations.get(need) if school is not None else None
        return own_translation(declaration, language.code) if declaration is not None else None

    return find


def need_data_file(renderer: Renderer, route: Route) -> GeneratedPage:
    document = need_document(renderer.finder, route.key, _own_words(renderer))
    return GeneratedPage(route.file, _json(document))


def school_data_file(renderer: Renderer, route: Route) -> GeneratedPage:
    entry = renderer.entries[route.key]
    label = renderer.translator.data_text if renderer.language is not None else None
    document = school_document(entry, renderer.config, label, _own_words(renderer))
    return GeneratedPage(route.file, _json(document))


def postcodes_file(renderer: Renderer, route: Route) -> GeneratedPage:
    document = postcode_document(renderer.finder, renderer.project.postcodes)
    assert document is not None  # the route exists only when there are postcodes to show
    return GeneratedPage(route.file, _json(document))
