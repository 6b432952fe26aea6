"""`sop-builder import-scholen FILE…`: the SWV's schools from DUO's open data, in one step.

1. Read DUO's files (`duo_files.py`): locations, and the boards' names when that file is given.
2. Keep the SWV's own locations (`project/school_selection.py`, site_config/scholen.yaml or the
   command's options, which are then stored there) of the SWV's kinds of school; DUO's '(V)SO'
   becomes so, vso or both, as the SWV says.
3. One school per location and kind; one vestigingscode at two addresses is two schools.
4. Match them with the school folders there are (by vestigingscode and kind, then address):
   - a new school gets a folder (`imported_school.py`), its name from the school's name with
     words kept whole (`core/text.py` `name_slug`), told apart from another school of the same
     name by its place, then its kind, its street, its vestigingscode;
   - a known school gets DUO's new facts only in the fields that still hold DUO's last value
     (content/duo.yaml, `project/duo.py`); what the school changed stays, and is reported;
   - a folder whose school DUO no longer lists is reported, never removed.
5. Write everything at once (`core/transaction.py`), or with ``dry_run`` nothing.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from pydantic import ValidationError
from ruamel.yaml.comments import CommentedMap

from sop_builder.authoring.duo_files import AMBIGUOUS_SO, DuoFiles, DuoLocation, read_duo_files
from sop_builder.authoring.imported_school import ImportedSchools
from sop_builder.core.catalogue.imports import (
    BOARD_NAME_UNKNOWN,
    KERN_UNKNOWN,
    NO_SELECTION,
    OPTION_INVALID,
    RECORD_INVALID,
    VSO_CHOICE_MISSING,
)
from sop_builder.core.issues import Issue, Message
from sop_builder.core.roundtrip import dump, load, set_scalars, split_document, styled
from sop_builder.core.schema import translate
from sop_builder.core.sourcefile import read_markdown_file, read_text
from sop_builder.core.text import MAX_NAME_SLUG, cut_slug, name_slug
from sop_builder.core.transaction import Transaction, recover
from sop_builder.core.yamlread import YamlTree
from sop_builder.core.yamlwrite import yaml_text
from sop_builder.project.config import load_config
from sop_builder.project.duo import (
    RECORD_FILE,
    SOP_FIELDS,
    DuoFacts,
    DuoRecord,
    load_record,
    record_text,
    value_at,
)
from sop_builder.project.files import SCHOOLS_DIR, SOP_FILE, school_folders, self_assessment_name
from sop_builder.project.model import SiteConfig, SopFrontMatter
from sop_builder.project.municipalities import Municipalities, municipality_key
from sop_builder.project.routes import RESERVED_SCHOOL_FOLDERS
from sop_builder.project.school_selection import SELECTION_PATH, SchoolSelection

LABELS = {
    "name": "naam",
    "kind": "soort school",
    "street": "straat",
    "postcode": "postcode",
    "place": "plaats",
    "website": "website",
    "phone": "telefoon",
    "board_name": "bestuur",
    "latitude": "breedtegraad",
    "longitude": "lengtegraad",
}


@dataclass
class SchoolsRequest:
    """What the command was asked: DUO's files, and (optionally) a new choice of schools."""

    files: list[Path]
    postcodes: list[str] = field(default_factory=list)
    municipalities: list[str] = field(default_factory=list)
    codes: list[str] = field(default_factory=list)
    kinds: list[str] = field(default_factory=list)
    vso_as: str | None = None
    kind_without_column: str | None = None  # --soort: the kind of a file without such a column
    kern: str | None = None  # for new schools that no kern's gemeente fits
    dry_run: bool = False
    today: date | None = None


@dataclass
class SchoolsImport:
    ok: bool
    issues: list[Issue] = field(default_factory=list)
    messages: list[str] = field(default_factory=list)
    vso_locations: int = 0  # (V)SO locations whose kind the SWV has not chosen yet


@dataclass
class _Folder:
    """A school folder that is there: its name, sop.md and what DUO's matching needs."""

    name: str
    text: str
    front: dict[str, Any]
    tree: YamlTree | None = None  # the front matter with positions (lines of the whole file)

    @property
    def code(self) -> str:
        return value_at(self.front, (SopFrontMatter.key("vestigingscode"),)).upper()

    @property
    def kind(self) -> str:
        return value_at(self.front, SOP_FIELDS["kind"])

    @property
    def address_key(self) -> tuple[str, str]:
        street = value_at(self.front, SOP_FIELDS["street"]).lower()
        return (street, value_at(self.front, SOP_FIELDS["postcode"]).replace(" ", ""))


@dataclass
class _Plan:
    texts: dict[str, str] = field(default_factory=dict)
    new: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)
    gone: list[str] = field(default_factory=list)
    unknown: list[str] = field(default_factory=list)
    unchanged: int = 0
    issues: list[Issue] = field(default_factory=list)


# --- the choice of schools ------------------------------------------------------------------


def _selection(
    request: SchoolsRequest, config: SiteConfig
) -> tuple[SchoolSelection | None, bool, list[Issue]]:
    """The choice of schools (from the options, else site_config/scholen.yaml), and whether
    the options changed it (then the file is written)."""
    stored = config.selection if isinstance(config.selection, SchoolSelection) else None
    given = request.postcodes or request.municipalities or request.codes
    if not given and not request.kinds and not request.vso_as:
        if stored is None:
            return None, False, [NO_SELECTION.at(SELECTION_PATH)]
        return stored, False, []
    data: dict[str, Any] = stored.model_dump(by_alias=True) if stored is not None else {}
    if given:
        data[SchoolSelection.key("postcodes")] = request.postcodes
        data[SchoolSelection.key("municipalities")] = request.municipalities
        data[SchoolSelection.key("codes")] = [c.upper() for c in request.codes]
    if request.kinds:
        data[SchoolSelection.key("kinds")] = request.kinds
    if request.vso_as:
        data[SchoolSelection.key("vso_as")] = request.vso_as
    try:
        selection = SchoolSelection.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        entry = (first.get("ctx") or {}).get("message")
        if isinstance(entry, Message):  # a field type's refusal: its own words
            refusal = entry.at(SELECTION_PATH, **first["ctx"]["values"])
        else:
            refusal = translate(first, SchoolSelection, YamlTree(data), SELECTION_PATH)
        problem = OPTION_INVALID.at(SELECTION_PATH, problem=refusal.message, fix=refusal.hint)
        return None, False, [problem]
    if not selection.way:
        return None, False, [NO_SELECTION.at(SELECTION_PATH)]
    return selection, True, []


def selection_text(selection: SchoolSelection) -> str:
    """The text of site_config/scholen.yaml."""
    lines = [
        "# Welke scholen bij het samenwerkingsverband horen. 'sop-builder import-scholen' neemt",
        "# uit de bestanden van DUO alleen deze scholen. Kies één manier: de postcodegebieden van",
        "# de regio-indeling (vier cijfers, of een reeks: 1940-1949), de gemeenten, of de",
        "# vestigingscodes. Laat de andere twee leeg.",
    ]
    for key, values in selection.ways().items():
        lines.append(f"{key}: [" + ", ".join(yaml_text(v) for v in values) + "]")
    lines += [
        "# De soorten school van het samenwerkingsverband: bao, sbo, so, vso en vo.",
        "soorten: [" + ", ".join(selection.kinds) + "]",
        "# DUO noemt sommige scholen '(V)SO': speciaal en voortgezet speciaal onderwijs samen.",
        "# Hoe neemt u ze op: so, vso, of beide (dan twee scholen). Leeg: de import vraagt het.",
        f"vso_als: {selection.vso_as}" if selection.vso_as else "vso_als:",
    ]
    return "\n".join(lines) + "\n"


def _kinds_of(location: DuoLocation, selection: SchoolSelection) -> list[str] | None:
    """The kinds a location is taken as (none: not the SWV's); None: (V)SO and no choice yet."""
    kinds: list[str] = list(selection.kinds)
    if location.kind != AMBIGUOUS_SO:
        return [location.kind] if location.kind in kinds else []
    wanted = [k for k in ("so", "vso") if k in kinds]
    if len(wanted) < 2:
        return wanted
    if selection.vso_as is None:
        return None
    return ["so", "vso"] if selection.vso_as == "beide" else [selection.vso_as]


# --- from DUO's rows to schools -------------------------------------------------------------


def _facts(location: DuoLocation, kind: str, files: DuoFiles, names: Municipalities) -> DuoFacts:
    return DuoFacts(
        code=location.code,
        kind=kind,
        name=location.name,
        street=location.street,
        postcode=location.postcode,
        place=location.place,
        municipality=names.proper_name(location.municipality),
        municipality_code=location.municipality_code,
        denomination=location.denomination,
        website=location.website,
        phone=location.phone,
        board_number=location.board_number,
        board_name=files.boards.get(location.board_number, ""),
        latitude=location.latitude,
        longitude=location.longitude,
    )


def _schools(files: DuoFiles, selection: SchoolSelection) -> tuple[list[DuoFacts], int, list[str]]:
    """The SWV's schools: one per location, kind and address (rows that repeat an address are
    one school); also how many (V)SO locations wait for a choice, and the repeats."""
    names = Municipalities(files.places)
    seen: dict[tuple[str, str, tuple[str, str]], DuoLocation] = {}
    schools: list[DuoFacts] = []
    waiting = 0
    repeats: list[str] = []
    for location in files.locations:
        if not selection.selects(location.code, location.postcode, location.municipality):
            continue
        kinds = _kinds_of(location, selection)
        if kinds is None:
            waiting += 1
            continue
        for kind in kinds:
            key = (location.code, kind, location.address_key)
            if key in seen:
                first = seen[key]
                repeats.append(
                    f"{location.file} regel {location.line}: {location.code} op hetzelfde adres "
                    f"als regel {first.line}; één school."
                )
                continue
            seen[key] = location
            schools.append(_facts(location, kind, files, names))
    return schools, waiting, repeats


# --- the folders there are, and which school is which ---------------------------------------


def _folders(root: Path) -> list[_Folder]:
    found = []
    for folder in school_folders(root):
        rel = f"{SCHOOLS_DIR.as_posix()}/{folder.name}/{SOP_FILE}"
        source, _ = read_markdown_file(folder / SOP_FILE, rel)
        if source is None or not isinstance(source.tree.data, dict):
            continue  # check reports it; such a folder is not matched
        text, _ = read_text(folder / SOP_FILE, rel)
        if text is None:
            continue
        found.append(_Folder(folder.name, text, source.tree.data, source.tree))
    return found


def _match(
    schools: list[DuoFacts], folders: list[_Folder], record: DuoRecord
) -> dict[int, _Folder]:
    """School index -> its folder: same vestigingscode and kind (the same address first when
    there are several); then the same vestigingscode where the school changed its kind."""
    matched: dict[int, _Folder] = {}
    free = {f.name: f for f in folders}
    by_key: dict[tuple[str, str], list[_Folder]] = defaultdict(list)
    for folder in folders:
        by_key[(folder.code, folder.kind)].append(folder)

    def address(folder: _Folder) -> tuple[str, str]:
        facts = record.schools.get(folder.name)
        return (facts.street.lower(), facts.postcode.replace(" ", "")) if facts else ("", "")

    for index, school in enumerate(schools):
        key = (school.street.lower(), school.postcode.replace(" ", ""))
        options = [f for f in by_key[(school.code, school.kind)] if f.name in free]
        same = [f for f in options if key in (f.address_key, address(f))]
        if same or options:
            matched[index] = (same or options)[0]
            del free[matched[index].name]
    for index, school in enumerate(schools):
        if index in matched:
            continue
        for folder in [f for f in free.values() if f.code == school.code]:
            recorded = record.schools.get(folder.name)
            if recorded is None or recorded.kind == school.kind:
                matched[index] = folder
                del free[folder.name]
                break
    return matched


NAME_PARTS = ("place", "kind", "street", "code")  # what tells schools of one name apart


def _compose(school: DuoFacts, parts: list[str]) -> str:
    """The folder name of ``school`` with ``parts`` (attributes) after its name, at most
    MAX_NAME_SLUG characters: the name is cut (after a whole word) to make room."""
    suffix = "-".join(name_slug(getattr(school, part)) for part in parts)
    room = MAX_NAME_SLUG - len(suffix) - 1 if suffix else MAX_NAME_SLUG
    base = cut_slug(name_slug(school.name), max(room, 12))
    return f"{base}-{suffix}" if suffix else base


def _folder_names(schools: list[DuoFacts], taken: set[str]) -> list[str]:
    """A folder name per new school: its name, words whole. Schools of one name (or whose
    name is a folder already) get what tells them apart: their place, then their kind,
    street and vestigingscode, each only when it differs between them."""
    groups: dict[str, list[int]] = defaultdict(list)
    for index, school in enumerate(schools):
        groups[_compose(school, [])].append(index)
    names: dict[int, str] = {}
    for base, members in groups.items():
        parts: list[str] = []
        proposal = {i: base for i in members}
        for part in NAME_PARTS:
            distinct = len(set(proposal.values())) == len(members)
            if distinct and not set(proposal.values()) & taken:
                break
            if len(members) > 1 and len({getattr(schools[i], part) for i in members}) == 1:
                continue  # the same for all of them: it tells nothing apart
            parts.append(part)
            proposal = {i: _compose(schools[i], parts) for i in members}
        names.update(proposal)
    used = set(taken)
    for index in range(len(schools)):  # what is still the same (another school's name): -2
        name, number = names[index], 2
        while name in used:
            name = f"{cut_slug(names[index], MAX_NAME_SLUG - len(str(number)) - 1)}-{number}"
            number += 1
        names[index] = name
        used.add(name)
    return [names[i] for i in range(len(schools))]


class _Kernen:
    """The kern of a new school: the one of its gemeente, else the one given (--kern), else
    the only one; '' when none fits."""

    def __init__(self, config: SiteConfig, given: str | None) -> None:
        self.given = given or ""
        self.only = config.swv.kernen[0].id if len(config.swv.kernen) == 1 else ""
        self.by_municipality: dict[str, list[str]] = defaultdict(list)
        for kern in config.swv.kernen:
            self.by_municipality[municipality_key(kern.municipality)].append(kern.id)

    def of(self, school: DuoFacts) -> str:
        own = self.by_municipality.get(municipality_key(school.municipality), [])
        return own[0] if len(own) == 1 else self.given or self.only


# --- updating a known school ----------------------------------------------------------------


def _set(node: CommentedMap, path: tuple[str, ...], value: str) -> None:
    for key in path[:-1]:
        if not isinstance(node.get(key), dict):
            node[key] = CommentedMap()
        node = node[key]
    node[path[-1]] = styled(value) if value else None


def _update(
    folder: _Folder, old: DuoFacts | None, new: DuoFacts
) -> tuple[str | None, list[str], list[str]]:
    """sop.md with DUO's new facts where it still holds DUO's last value (or nothing): the new
    text (None: no change), the changes and the facts the school changed (kept)."""
    edits: dict[tuple[str, ...], str] = {}
    changes, kept = [], []
    for name, path in SOP_FIELDS.items():
        value, current = getattr(new, name), value_at(folder.front, path)
        previous = getattr(old, name) if old is not None else None
        if current == " ".join(value.split()):
            continue
        if not current or (previous is not None and current == " ".join(previous.split())):
            edits[path] = value
            changes.append(f"{LABELS[name]}: '{current}' → '{value}'")
        elif previous is None or value != previous:
            kept.append(f"{LABELS[name]}: DUO geeft '{value}', in sop.md staat '{current}'")
    if not edits:
        return None, changes, kept
    # Only the lines of those fields change; where a value is not on one line, the front
    # matter is written again by ruamel.yaml (comments kept, the layout of lists may change).
    patched = set_scalars(folder.text, folder.tree, edits) if folder.tree else None
    if patched is not None:
        return patched, changes, kept
    front_text, body = split_document(folder.text)
    node = load(front_text)
    for path, value in edits.items():
        _set(node, path, value)
    return f"---\n{dump(node)}---\n{body}", changes, kept


# --- the whole import -----------------------------------------------------------------------


def _plan(
    root: Path,
    config: SiteConfig,
    schools: list[DuoFacts],
    record: DuoRecord,
    request: SchoolsRequest,
) -> _Plan:
    plan = _Plan()
    folders = _folders(root)
    matched = _match(schools, folders, record)
    taken = {f.name for f in folders} | set(RESERVED_SCHOOL_FOLDERS)
    fresh = [i for i in range(len(schools)) if i not in matched]
    names = dict(zip(fresh, _folder_names([schools[i] for i in fresh], taken), strict=True))
    base = SCHOOLS_DIR.as_posix()
    writer = ImportedSchools(config)
    kernen = _Kernen(config, request.kern)
    entries: dict[str, DuoFacts] = {}
    for index, school in enumerate(schools):
        if index in names:
            folder_name = names[index]
            kern = kernen.of(school)
            plan.texts[f"{base}/{folder_name}/{SOP_FILE}"] = writer.sop(school, kern)
            year_file = self_assessment_name(config.swv.school_year)
            plan.texts[f"{base}/{folder_name}/{year_file}"] = writer.self_assessment(school)
            plan.new.append(
                f"  {base}/{folder_name}: {school.name} ({school.code}, {school.place})"
            )
            if not kern:
                plan.issues.append(_kern_issue(folder_name, school, config))
        else:
            folder = matched[index]
            folder_name = folder.name
            text, changes, kept = _update(folder, record.schools.get(folder_name), school)
            if text is not None:
                plan.texts[f"{base}/{folder_name}/{SOP_FILE}"] = text
                plan.changed += [f"  {base}/{folder_name}: {c}" for c in changes]
            plan.kept += [f"  {base}/{folder_name}: {k}" for k in kept]
            plan.unchanged += text is None and not kept
        entries[folder_name] = school
    seen = set(entries)
    for folder in folders:
        if folder.name in seen:
            continue
        line = f"  {base}/{folder.name} ({folder.code or 'zonder vestigingscode'})"
        (plan.gone if folder.name in record.schools else plan.unknown).append(line)
    kept_entries = {k: v for k, v in record.schools.items() if k not in seen}
    new_record = DuoRecord(
        [f.name for f in request.files],
        (request.today or date.today()).isoformat(),
        {**kept_entries, **entries},
    )
    plan.texts[RECORD_FILE.as_posix()] = record_text(new_record)
    plan.issues += _board_issues(entries, folders)
    return plan


def _kern_issue(folder: str, school: DuoFacts, config: SiteConfig) -> Issue:
    label, plural = config.swv.grouping.label, config.swv.grouping.plural
    return KERN_UNKNOWN.at(
        f"{SCHOOLS_DIR.as_posix()}/{folder}/{SOP_FILE}",
        field=SopFrontMatter.key("kern"),
        name=school.name,
        municipality=school.municipality,
        label=label,
        plural=plural,
    )


def _board_issues(entries: dict[str, DuoFacts], folders: list[_Folder]) -> list[Issue]:
    """SOP775 per board whose name is not known, for the schools whose 'bestuur' is empty."""
    fronts = {f.name: f.front for f in folders}
    nameless: dict[str, list[str]] = defaultdict(list)
    for folder, school in entries.items():
        written = value_at(fronts.get(folder, {}), SOP_FIELDS["board_name"])
        if not school.board_name and not written and school.board_number:
            nameless[school.board_number].append(folder)
    return [
        BOARD_NAME_UNKNOWN.at(RECORD_FILE.as_posix(), number=number, schools=", ".join(sorted(f)))
        for number, f in sorted(nameless.items())
    ]


def _report(
    plan: _Plan, files: DuoFiles, selection: SchoolSelection, repeats: list[str]
) -> list[str]:
    lines = ["Gelezen:", *[f"  {s}" for s in files.summaries]]
    lines.append(
        f"De scholen van het samenwerkingsverband: {selection.describe()}; soorten "
        f"{', '.join(selection.kinds)}."
    )
    for title, items in (
        ("Nieuw", plan.new),
        ("Bijgewerkt (gegevens van DUO)", plan.changed),
        ("Niet bijgewerkt: de school schreef zelf iets anders dan DUO", plan.kept),
        ("Niet meer bij DUO of niet meer in de keuze; de map blijft staan", plan.gone),
        ("Niet in de bestanden van DUO gevonden; de map blijft staan", plan.unknown),
        ("Dubbele regels bij DUO", [f"  {r}" for r in repeats]),
    ):
        if items:
            lines += [f"{title} ({len(items)}):", *items]
    lines.append(f"Scholen zonder verandering: {plan.unchanged}.")
    return lines


def import_schools(root: Path, request: SchoolsRequest) -> SchoolsImport:
    """Read DUO's files and write (or with ``dry_run`` only report) the SWV's schools."""
    root = Path(root)
    # A writing command that was interrupted is finished first (core/transaction.py).
    recovered = recover(root)
    if any(i.is_error for i in recovered):
        return SchoolsImport(False, recovered, ["Er is niets geïmporteerd."])
    config, config_issues = load_config(root)
    if config is None:
        return SchoolsImport(
            False,
            [i for i in config_issues if i.is_error],
            ["De configuratie in site_config/ heeft fouten; er is niets geïmporteerd."],
        )
    selection, store, issues = _selection(request, config)
    if selection is None:
        return SchoolsImport(False, issues, ["Er is niets geïmporteerd."])
    files = read_duo_files(request.files, request.kind_without_column)
    if any(i.is_error for i in files.issues):
        return SchoolsImport(False, files.issues, ["Er is niets geïmporteerd."])
    schools, waiting, repeats = _schools(files, selection)
    if waiting:
        issue = VSO_CHOICE_MISSING.at(SELECTION_PATH, count=waiting)
        return SchoolsImport(False, [issue], ["Er is niets geïmporteerd."], waiting)
    record, found = load_record(root)
    if record is None:
        problems = [*found, RECORD_INVALID.at(RECORD_FILE.as_posix())]
        return SchoolsImport(False, problems, ["Er is niets geïmporteerd."])
    plan = _plan(root, config, schools, record, request)
    if store:
        plan.texts[SELECTION_PATH] = selection_text(selection)
    messages = _report(plan, files, selection, repeats)
    issues = recovered + files.issues + plan.issues
    if request.dry_run:
        return SchoolsImport(True, issues, [*messages, "Proef: er is niets geschreven."])
    transaction = Transaction(root, "sop-builder import-scholen")
    for path, text in plan.texts.items():
        # the record of what was imported is the marker of "done": written last
        transaction.write(path, text, last=path == RECORD_FILE.as_posix())
    problems = transaction.commit()
    if problems:
        return SchoolsImport(False, [*issues, *problems], messages)
    written = len([p for p in plan.texts if p != RECORD_FILE.as_posix()])
    return SchoolsImport(
        True,
        issues,
        [
            *messages,
            f"Geschreven: {written} bestanden en {RECORD_FILE.as_posix()}. Draai nu: sop-builder "
            "controleer",
        ],
    )
