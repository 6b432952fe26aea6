"""The web editor (Decap CMS): its configuration, generated from the JSON Schema of each content
type (the admin page itself is in ``editor/admin.py``).

Fields, Dutch labels and help texts, required fields, patterns and the choices from
``site_config/`` all come from ``schema_export.content_schema``, so the forms cannot drift from
what ``sop-builder controleer`` accepts. A text field gets a box of several lines when the schema
says it may be longer than a line (``x-multiline``, ``fieldmeta.several_lines``) or is a free
text with line breaks; every other text field is one line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from sop_builder.core.fieldmeta import FOLDED, MULTILINE
from sop_builder.core.fieldtypes import PLAIN
from sop_builder.editor.widgets import SCORE_WIDGET
from sop_builder.project.content_types import CONTENT_TYPES, ContentType
from sop_builder.project.model import Norm, SiteConfig
from sop_builder.project.offer.kinds import OFFER_KINDS
from sop_builder.project.schema_export import ProjectChoices, content_schema, project_choices

DATE_FIELD = {
    "widget": "datetime",
    "format": "YYYY-MM-DD",
    "date_format": "DD-MM-YYYY",
    "time_format": False,
    "picker_utc": False,
    "default": "",
}


@dataclass(frozen=True)
class Collection:
    """One list in the editor's menu: which files, and how they are shown."""

    name: str
    content_type: str
    label: str
    singular: str
    folder: str
    extension: str = "md"
    path: str | None = None  # inside ``folder``, for files in a folder per school
    summary: str = "{{titel}}"
    create: bool = False
    body: tuple[str, str] | None = None  # (label, hint) of the Markdown text under the fields
    per_file: bool = False  # one form per existing file (a Decap "files" collection)


COLLECTIONS: list[Collection] = [
    Collection(
        "scholen",
        "sop",
        "Schoolprofielen",
        "Schoolprofiel",
        "content/schools",
        path="{{slug}}/sop",
        summary="{{naam}}",
        body=(
            "Het profiel voor ouders",
            "De kopjes (## Visie, ## Ambitie, ## Aanvullende ondersteuning, ## Grenzen aan de "
            "ondersteuning) blijven staan; schrijf de tekst eronder. Korte zinnen, gewone woorden.",
        ),
    ),
    Collection(
        "zelfevaluaties",
        "zelfevaluatie",
        "Zelfevaluaties basisondersteuning",
        "Zelfevaluatie",
        "content/schools",
        extension="yaml",
        # Listed file by file: a school folder holds other YAML files too (the SWV's internal
        # evaluations), which a folder collection on GitHub would show as self-assessments.
        per_file=True,
    ),
    *(
        Collection(
            kind.folder,
            kind.id,
            kind.plural,
            kind.singular,
            kind.directory,
            create=True,
            body=kind.body,
        )
        for kind in sorted(OFFER_KINDS, key=lambda kind: kind.menu)
    ),
]


def _content_type(id_: str) -> ContentType | None:
    return next((k for k in CONTENT_TYPES if k.id == id_), None)


def file_patterns() -> tuple[str, ...]:
    """The files the editor may read and write (globs relative to the project)."""
    patterns: list[str] = []
    for collection in collections():
        kind = _content_type(collection.content_type)
        if kind is not None:
            patterns += kind.files
    return tuple(patterns)


def creatable_patterns() -> tuple[str, ...]:
    """The files the editor may make anew: only in collections that allow new entries (the
    SWV's offer). A school's files exist already (``sop-builder nieuwe-school`` makes them)."""
    patterns: list[str] = []
    for collection in collections():
        kind = _content_type(collection.content_type)
        if kind is not None and collection.create:
            patterns += kind.files
    return tuple(patterns)


def collections() -> list[Collection]:
    """The editor's collections whose content type is registered."""
    return [c for c in COLLECTIONS if _content_type(c.content_type) is not None]


# --- the form's words for a field -------------------------------------------------------------

_STEP = re.compile(r"([^.\[\]]+)|\[(\d+)\]")


def form_fields(decap: dict[str, Any], rel: str) -> list[dict[str, Any]]:
    """The fields of the form that edits ``rel`` in the configuration ``decap`` (empty when no
    collection of it holds that file)."""
    for collection in decap.get("collections", []):
        for entry in collection.get("files", []):
            if entry.get("file") == rel:
                return list(entry.get("fields", []))
        folder = collection.get("folder")
        if folder and rel.startswith(folder + "/") and rel.endswith("." + collection["extension"]):
            inner = rel[len(folder) + 1 :].count("/")
            if inner == str(collection.get("path", "{{slug}}")).count("/"):
                return list(collection.get("fields", []))
    return []


def field_label(fields: list[dict[str, Any]], name: str) -> str:
    """The label a person sees in the form for the field ``name`` of a message ('kern',
    'contactpersonen[1].email', 'scores.BO-02'): "Contactpersonen nr. 1, E-mail"; empty when
    the form has no such field."""
    words: list[str] = []
    current = fields
    for step in _STEP.finditer(name):
        key, index = step.groups()
        if index is not None:
            if words:
                words[-1] += f" nr. {index}"
            continue
        found = next((f for f in current if f.get("name") == key), None)
        if found is None:
            return ""
        words.append(str(found.get("label") or key))
        current = found.get("fields") or ([found["field"]] if "field" in found else [])
    return ", ".join(words)


# --- JSON Schema -> Decap fields ------------------------------------------------------------


def _resolve(prop: dict[str, Any], defs: dict[str, Any]) -> dict[str, Any]:
    """``prop`` with its $ref and 'may be empty' anyOf folded in."""
    if "$ref" in prop:
        target = defs[prop["$ref"].rsplit("/", 1)[-1]]
        prop = {**target, **{k: v for k, v in prop.items() if k != "$ref"}}
    if "anyOf" in prop:
        real = [p for p in prop["anyOf"] if p.get("type") != "null" and p.get("maxLength") != 0]
        if len(real) == 1:
            prop = {**_resolve(real[0], defs), **{k: v for k, v in prop.items() if k != "anyOf"}}
    return prop


# The field that names an item of a list in its folded form ('{{fields.naam}}'), by preference.
SUMMARY_KEYS = ("naam", "datum")

# Decap shows a field's hint as Markdown; a hint made of the SWV's plain text is escaped.
_MARKDOWN_PUNCTUATION = re.compile(r"([\\`*_{}\[\]()#+\-.!<>|~&])")
MARKDOWN_BODY = (
    "Hier werkt opmaak met Markdown: **vet**, *schuin*, een lijst met '- ' voor elke regel, "
    "een link als [tekst](https://…). HTML werkt niet. De velden hierboven zijn gewone tekst."
)


def as_plain_hint(text: str) -> str:
    """``text`` (plain text) as a Decap hint that shows it as written."""
    return _MARKDOWN_PUNCTUATION.sub(r"\\\1", text)


def _options(prop: dict[str, Any]) -> list[dict[str, str]]:
    labels = prop.get("enumDescriptions") or prop["enum"]
    return [
        {"label": str(label), "value": value}
        for value, label in zip(prop["enum"], labels, strict=True)
    ]


def decap_field(
    name: str, prop: dict[str, Any], required: bool, defs: dict[str, Any]
) -> dict[str, Any]:
    """One Decap CMS field for one property of a JSON Schema."""
    prop = _resolve(prop, defs)
    field: dict[str, Any] = {"name": name, "label": prop.get("title") or name}
    if prop.get("description"):
        field["hint"] = prop["description"]
    field["required"] = required
    kind = prop.get("type")
    items = _resolve(prop.get("items", {}), defs)
    if "enum" in prop:
        field.update(widget="select", options=_options(prop))
    elif kind == "array" and "enum" in items:
        field.update(widget="select", multiple=True, options=_options(items))
        field["min"] = prop.get("minItems", 0) if required else 0
    elif kind == "array" and items.get("type") == "object":
        field.update(widget="list", fields=decap_fields(items, defs))
        named = [k for k in SUMMARY_KEYS if k in items.get("properties", {})]
        field["summary"] = f"{{{{fields.{named[0]}}}}}" if named else None
        if required and prop.get("minItems"):
            field["min"] = prop["minItems"]
        field = {k: v for k, v in field.items() if v is not None}
    elif kind == "array":
        field.update(widget="list", field={"name": "waarde", "label": field["label"]})
    elif (
        kind == "object" or (isinstance(kind, list) and "object" in kind)
    ) and "properties" in prop:
        fields = decap_fields(prop, defs)
        if not required:  # an optional block (coordinaten) may stay empty: none of its fields
            fields = [_optional(f) for f in fields]  # is required in the form; check still is
        field.update(widget="object", collapsed=bool(prop.get(FOLDED)), fields=fields)
    elif prop.get("format") == "date":
        field.update(DATE_FIELD)
    elif kind == "integer" or (isinstance(kind, list) and "integer" in kind):
        field.update(widget="number", value_type="int", min=prop.get("minimum", 1))
    elif prop.get(MULTILINE) or _free_text(prop):
        field["widget"] = "text"  # a box of several lines: the whole text stays in view
    elif "pattern" in prop and prop["pattern"] != r"^[^<>]+$":
        field.update(widget="string", pattern=[prop["pattern"], _pattern_message(prop)])
    else:
        field["widget"] = "string"
    return field


def _free_text(prop: dict[str, Any]) -> bool:
    """A text that may have line breaks (``fieldtypes.Text``: plain text without the one-line
    pattern of ``PlainText``), such as an internal note."""
    return prop.get("contentMediaType") == PLAIN and "pattern" not in prop


def _optional(field: dict[str, Any]) -> dict[str, Any]:
    """``field`` and the fields inside it, none of them required."""
    inner = {"fields": [_optional(f) for f in field["fields"]]} if "fields" in field else {}
    return {**field, "required": False, **inner}


def _pattern_message(prop: dict[str, Any]) -> str:
    return f"Dit klopt nog niet. {prop.get('description', '')}".strip()


def decap_fields(schema: dict[str, Any], defs: dict[str, Any]) -> list[dict[str, Any]]:
    required = set(schema.get("required", []))
    return [
        decap_field(key, prop, key in required, defs)
        for key, prop in schema.get("properties", {}).items()
    ]


def _score_fields(norm: Norm) -> dict[str, Any]:
    """The scores of a self-assessment: per agreement of the norm of the file's own school
    year the score widget of ``widgets.py`` (a dropdown of the scale and an explanation)."""
    levels = norm.usable_levels()
    options = [{"label": s.label, "value": s.code} for s in levels]  # one list (a YAML anchor)
    short = [s.code for s in levels if s.weight != 1 and not s.not_applicable]
    explain = (
        f" Licht {' en '.join(repr(code) for code in short)} kort toe."
        if len(short) <= 2 and short
        else " Licht een score onder de volle score kort toe."
        if short
        else ""
    )
    return {
        "name": "scores",
        "label": "Scores per afspraak",
        "hint": "Kies bij elke afspraak hoe ver de school is." + explain,
        "widget": "object",
        "collapsed": False,
        "required": False,
        "fields": [
            {
                "name": agreement.id,
                "label": f"{agreement.id}: {agreement.title}",
                "hint": as_plain_hint(agreement.description),
                "widget": SCORE_WIDGET,
                "required": False,
                "options": options,
            }
            for agreement in norm.agreements
        ],
    }


def _self_assessment_files(
    root: Path, kind: ContentType, names: dict[str, str]
) -> list[dict[str, Any]]:
    """One entry per existing self-assessment file, newest school year first (the files of a
    new school year, from `sop-builder nieuw-schooljaar`, on top)."""
    found = sorted(
        {f for pattern in kind.files for f in root.glob(pattern)},
        key=lambda f: (f.parent.name, f.stem),
    )
    found.sort(key=lambda f: f.stem, reverse=True)
    entries = []
    for file in found:
        slug, year = file.parent.name, "-".join(file.stem.rsplit("-", 2)[-2:])
        label = f"{names.get(slug, slug)}, schooljaar {year}"
        name = f"{slug}-{year}"
        path = file.relative_to(root).as_posix()
        entries.append({"name": name, "label": label, "file": path, "year": year})
    return entries


def _collection(
    collection: Collection, config: SiteConfig, root: Path, extra: ProjectChoices | None
) -> dict[str, Any]:
    kind = _content_type(collection.content_type)
    assert kind is not None
    schema = content_schema(kind, config, extra)
    defs = schema.get("$defs", {})
    fields = decap_fields(schema, defs)
    if collection.body is not None:
        label, hint = collection.body
        fields.append(
            {
                "name": "body",
                "label": label,
                "hint": f"{hint} {MARKDOWN_BODY}",
                "widget": "markdown",
                "modes": ["raw"],
                "buttons": ["bold", "italic", "heading-two", "heading-three", "bulleted-list"],
                "editor_components": [],
            }
        )
    result: dict[str, Any] = {
        "name": collection.name,
        "label": collection.label,
        "label_singular": collection.singular,
        "format": "frontmatter" if kind.front_matter else "yaml",
        "delete": False,
        "editor": {"preview": False},
    }
    if collection.per_file:
        names = dict((extra.schools if extra else ()) or ())
        by_year: dict[str, list[dict[str, Any]]] = {}  # one list per school year: a YAML anchor
        result["files"] = []
        for entry in _self_assessment_files(root, kind, names):
            year = entry.pop("year")
            if year not in by_year:
                norm = config.norm_for(year)
                by_year[year] = [
                    _score_fields(norm) if f["name"] == "scores" and norm else f for f in fields
                ]
            result["files"].append({**entry, "fields": by_year[year]})
        return result
    result |= {
        "folder": collection.folder,
        "extension": collection.extension,
        "create": collection.create,
        "summary": collection.summary,
        "identifier_field": fields[0]["name"],
        "fields": fields,
    }
    if collection.path:
        result["path"] = collection.path
    if collection.create:
        result["slug"] = "{{slug}}"
    return result


def decap_config(
    config: SiteConfig,
    root: Path,
    local_backend: str | None = None,
    site_url: str | None = None,
) -> dict[str, Any]:
    """The whole Decap CMS configuration for the project at ``root``.

    With ``local_backend`` (the URL of ``sop-builder editor``'s API) the editor saves on this
    computer; otherwise in the Git repository of ``site_config/webeditor.yaml``. ``site_url``
    is linked from the editor's header.
    """
    extra = project_choices(root)
    settings = config.webeditor
    if local_backend is not None:
        backend: dict[str, Any] = {"name": "proxy", "proxy_url": local_backend, "branch": "main"}
    else:
        source = settings.backend
        backend = {"name": source.name, "branch": source.branch}
        for key in ("repo", "base_url", "api_root"):
            if getattr(source, key):
                backend[key] = getattr(source, key)
    hosted_review = local_backend is None and settings.workflow == "ter-beoordeling"
    result: dict[str, Any] = {
        "backend": backend,
        "locale": "nl",
        "publish_mode": "editorial_workflow" if hosted_review else "simple",
        "media_folder": "content/afbeeldingen",
        "collections": [_collection(c, config, root, extra) for c in collections()],
    }
    if site_url:
        # A link to the site in the header. No "Bekijk live" per entry: Decap 3.16.3 then shows
        # an error ("Kan voorvertoning niet laden") when a new or not yet loaded entry opens.
        result["site_url"] = result["display_url"] = site_url.rstrip("/")
        result["show_preview_links"] = False
    return result


# libyaml's emitter when PyYAML has it (the same text, a sixth of the time); writing only.
_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def config_yaml(config: dict[str, Any]) -> str:
    """The configuration as config.yml (plain YAML, Dutch comment on top)."""
    return "# Gemaakt door sop-builder uit de schema's; pas dit bestand niet met de hand aan.\n" + (
        yaml.dump(config, Dumper=_DUMPER, allow_unicode=True, sort_keys=False, width=100)
    )
