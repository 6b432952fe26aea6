"""Load and validate site_config/: the SWV, the norm of basisondersteuning and vocabularies."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sop_builder.core.catalogue.config import (
    CONFIG_FILE_MISSING,
    DUPLICATE_ID,
    NEWER_FORMAT,
    NO_ADMISSION_TEXT,
    NO_DISAGREEMENT_STEPS,
    NO_FULL_WEIGHT,
    NO_NORM_FILE,
    NO_NORM_IN_FORCE,
    NO_NORMS_FOLDER,
    NO_OFFERED_LEVEL,
    NO_TARGET,
    NO_WEIGHT,
    NORM_IN_OLD_PLACE,
    OLDER_FORMAT,
    UNKNOWN_REFERENCE,
)
from sop_builder.core.catalogue.crosschecks import CONFIG_FILE_NOT_USED
from sop_builder.core.catalogue.schema import CODE_NOT_LIKE_EXAMPLE, NOT_A_FORMAT_VERSION
from sop_builder.core.issues import Issue
from sop_builder.core.schema import validate_tree
from sop_builder.core.sourcefile import read_text, read_yaml_file, read_yaml_mapping
from sop_builder.core.yamlread import YamlTree
from sop_builder.project.build_settings import BUILD_FILE, BuildSettings
from sop_builder.project.disagreement import DISAGREEMENT_FILE, Disagreement, check_disagreement
from sop_builder.project.editor_settings import WEBEDITOR_FILE, WebEditor
from sop_builder.project.model import (
    SCHOOL_TYPE_CODES,
    SPECIAL_SCHOOL_TYPES,
    Agreement,
    Glossary,
    Norm,
    School,
    SiteConfig,
    SwvConfig,
    Texts,
    Vocabularies,
    code_pattern,
)
from sop_builder.project.placeholders import (
    MARK,
    find_placeholders,
    marked_places,
)
from sop_builder.project.school_selection import SELECTION_FILE, SchoolSelection, check_selection
from sop_builder.project.staff_lists import STAFF_LISTS

# The format of the project's files that this version reads; `sop-builder migreer` brings older
# projects here (authoring/migrate.py, docs/formaatwijzigingen.md).
FORMAT_VERSION = 2
SWV_FILE = "site_config/swv.yaml"
GLOSSARY_FILE = "woordenlijst.yaml"  # optional
TEXTS_FILE = "teksten.yaml"
CONFIG_FILES: dict[str, type] = {
    "swv.yaml": SwvConfig,
    "vocabularies.yaml": Vocabularies,
    TEXTS_FILE: Texts,
}
# The norm, one file per version: basisondersteuning/<first school year>.yaml.
NORMS_FOLDER = "basisondersteuning"
NORMS_DIR = f"site_config/{NORMS_FOLDER}"
OLD_NORM_FILE = "site_config/basisondersteuning.yaml"  # format 1: one norm for every year
YEAR_FILE = re.compile(r"(\d{4}-\d{4})\.yaml")
# The four aspects of the referentiekader passend onderwijs: the aspects of a new norm
# (`nieuw-swv`, `import-norm`).
REFERENCE_ASPECTS = (
    ("basiskwaliteit", "Basiskwaliteit"),
    ("preventief", "Preventieve en licht curatieve interventies"),
    ("structuur", "Onderwijsondersteuningsstructuur"),
    ("planmatig", "Planmatig en handelingsgericht werken"),
)


def load_config_file(
    root: Path, name: str, model: type, marks: dict[str, frozenset[str]] | None = None
) -> tuple[Any, YamlTree | None, list[Issue]]:
    """Read and validate site_config/``name``; a comment ending in INVULLEN is a warning
    (the skeleton of `sop-builder nieuw-swv` marks what the SWV still has to fill in), and
    ``marks`` (when given) gets the file's top-level keys (and list items, ``key[index]``) still
    under the mark, by its path (what the public site leaves out: project/public_config.py)."""
    display = f"site_config/{name}"
    file = root / "site_config" / name
    if not file.is_file():
        return None, None, [CONFIG_FILE_MISSING.at(display, file=display)]
    text, issues = read_text(file, display)
    if text is None:
        return None, None, issues
    tree, found = read_yaml_mapping(text, display)
    issues += found
    if tree is None:
        return None, None, issues
    if MARK in text:
        issues += find_placeholders(text, display)
        if marks is not None:
            marks[display] = marked_places(text)
    value, schema_issues = validate_tree(model, tree, display)
    return value, tree, issues + schema_issues


def stray_file(path: str, expected: str) -> Issue:
    """SOP208: a file in a config folder whose name nothing reads."""
    return CONFIG_FILE_NOT_USED.at(path, name=path.rsplit("/", 1)[-1], expected=expected)


def named_files(
    root: Path, folder: str, name: re.Pattern[str], example: str
) -> tuple[list[tuple[Path, str, str]], list[Issue]]:
    """(file, display path, what its name says) for every file of ``folder`` whose name fits,
    and SOP208 for every other file; a folder that does not exist simply holds nothing."""
    found: list[tuple[Path, str, str]] = []
    issues: list[Issue] = []
    base = root / folder
    for file in sorted(base.iterdir()) if base.is_dir() else []:
        display = f"{folder}/{file.name}"
        match = name.fullmatch(file.name)
        if match:
            found.append((file, display, match.group(1)))
        elif not file.name.startswith("."):
            issues.append(stray_file(display, example))
    return found, issues


def duplicate_values(
    values: list[tuple[str, tuple[Any, ...]]], tree: YamlTree, display: str, what: str
) -> list[Issue]:
    """SOP501 at every repeat of a value; ``values`` holds (value, path in ``tree``) pairs."""
    counts = Counter(v for v, _ in values)
    issues = []
    seen: set[str] = set()
    for value, where in values:
        if counts[value] > 1 and value in seen:
            pos = tree.value_pos(where)
            issues.append(DUPLICATE_ID.at(display, pos, what=what, value=value))
        seen.add(value)
    return issues


def duplicate_items(
    items: list[Any], key: str, tree: YamlTree, display: str, list_path: tuple[str, ...], what: str
) -> list[Issue]:
    """SOP501 for items of one list in ``tree`` that share the attribute ``key``."""
    values = [(getattr(item, key), (*list_path, i)) for i, item in enumerate(items)]
    return duplicate_values(values, tree, display, what)


def _check_norm(norm: Norm, tree: YamlTree, display: str) -> list[Issue]:
    themes_key, agreements_key, scale_key = (
        Norm.key("themes"),
        Norm.key("agreements"),
        Norm.key("scale"),
    )
    issues = duplicate_items(norm.themes, "id", tree, display, (themes_key,), "Het thema")
    issues += duplicate_items(
        norm.aspects, "id", tree, display, (Norm.key("aspects"),), "Het aspect"
    )
    issues += duplicate_items(
        norm.agreements, "id", tree, display, (agreements_key,), "De afspraak"
    )
    issues += duplicate_items(norm.scale, "code", tree, display, (scale_key,), "De score")
    themes = {t.id for t in norm.themes}
    aspects = {a.id for a in norm.aspects}
    pattern = code_pattern(norm.code_example)
    for index, agreement in enumerate(norm.agreements):
        if not pattern.fullmatch(agreement.id):
            id_key = Agreement.key("id")
            pos = tree.value_pos((agreements_key, index, id_key))
            issues.append(
                CODE_NOT_LIKE_EXAMPLE.at(
                    display, pos, field=id_key, code=agreement.id, example=norm.code_example
                )
            )
        for key, value, known in (
            (Agreement.key("theme"), agreement.theme, themes),
            (Agreement.key("aspect"), agreement.aspect, aspects),
        ):
            if value not in known:
                pos = tree.value_pos((agreements_key, index, key))
                issues.append(
                    UNKNOWN_REFERENCE.at(
                        display,
                        pos,
                        agreement=agreement.id,
                        key=key,
                        value=value,
                        known=", ".join(sorted(known)),
                    )
                )
    for index, level in enumerate(norm.scale):
        if not level.not_applicable and level.weight is None:
            pos = tree.pos((scale_key, index))
            issues.append(NO_WEIGHT.at(display, pos, code=level.code))
    if not any(level.weight == 1 for level in norm.scale):
        issues.append(NO_FULL_WEIGHT.at(display, tree.pos((scale_key,))))
    return issues


def _check_vocabularies(vocab: Vocabularies, tree: YamlTree) -> list[Issue]:
    display = "site_config/vocabularies.yaml"
    issues: list[Issue] = []
    for name, what in (
        *((s.attribute, "De keuze") for s in STAFF_LISTS),
        ("needs", "De behoefte"),
        ("levels", "Het niveau"),
        ("practical", "De praktische zaak"),
    ):
        items = getattr(vocab, name)
        issues += duplicate_items(items, "id", tree, display, (Vocabularies.key(name),), what)
    if not any(level.offered for level in vocab.levels):
        pos = tree.pos((Vocabularies.key("levels"),))
        issues.append(NO_OFFERED_LEVEL.at(display, pos))
    return issues


def _check_swv(swv: SwvConfig, tree: YamlTree) -> list[Issue]:
    display = "site_config/swv.yaml"
    targets = (SwvConfig.key("targets"),)
    issues = duplicate_items(
        swv.kernen, "id", tree, display, (SwvConfig.key("kernen"),), f"De {swv.grouping.label}"
    )
    issues += duplicate_items(swv.targets, "from_year", tree, display, targets, "Het doel voor")
    if swv.target_for(swv.school_year) is None:
        issues.append(NO_TARGET.at(display, tree.pos(targets), year=swv.school_year))
    return issues


def format_version_of(root: Path) -> tuple[int | None, list[Issue]]:
    """The project's `formaatversie` (1 when swv.yaml has none), or None when it cannot be read."""
    tree, issues = read_yaml_file(root / SWV_FILE, SWV_FILE)
    if tree is None:
        return None, issues
    key = SwvConfig.key("format_version")
    raw = tree.data.get(key, "1")
    if not isinstance(raw, str) or not raw.strip().isdigit():
        pos = tree.value_pos((key,))
        return None, [NOT_A_FORMAT_VERSION.at(SWV_FILE, pos, value=raw, version=FORMAT_VERSION)]
    return int(raw), []


def _format_issue(root: Path, version: int) -> Issue:
    tree, _ = read_yaml_file(root / SWV_FILE, SWV_FILE)
    pos = tree.key_pos((SwvConfig.key("format_version"),)) if tree is not None else None
    message = OLDER_FORMAT if version < FORMAT_VERSION else NEWER_FORMAT
    return message.at(SWV_FILE, pos, version=version, current=FORMAT_VERSION)


def load_norms(
    root: Path, marks: dict[str, frozenset[str]] | None = None
) -> tuple[dict[str, Norm] | None, list[Issue]]:
    """Every version of the norm in site_config/basisondersteuning/, by its first school
    year (None when there is none or one has errors); ``marks`` as in `load_config_file`."""
    if not (root / NORMS_DIR).is_dir():
        if (root / OLD_NORM_FILE).is_file():
            return None, [NORM_IN_OLD_PLACE.at(OLD_NORM_FILE)]
        return None, [NO_NORMS_FOLDER.at(NORMS_DIR, folder=NORMS_DIR)]
    files, issues = named_files(root, NORMS_DIR, YEAR_FILE, "2025-2026.yaml")
    if not files:
        issues.append(NO_NORM_FILE.at(NORMS_DIR, folder=NORMS_DIR))
    norms: dict[str, Norm] = {}
    for _file, display, year in files:
        value, tree, found = load_config_file(root, f"{NORMS_FOLDER}/{year}.yaml", Norm, marks)
        issues += found
        if value is not None and tree is not None:
            issues += _check_norm(value, tree, display)
            norms[year] = value
    if not norms or any(i.is_error for i in issues):
        return None, issues
    return norms, issues


def _norm_in_force(root: Path, swv: SwvConfig, norms: dict[str, Norm]) -> list[Issue]:
    """SOP508 when no version of the norm has started by the current school year."""
    if any(year <= swv.school_year for year in norms):
        return []
    tree, _ = read_yaml_file(root / SWV_FILE, SWV_FILE)
    key = SwvConfig.key("school_year")
    pos = tree.value_pos((key,)) if tree is not None else None
    return [
        NO_NORM_IN_FORCE.at(
            SWV_FILE, pos, field=key, year=swv.school_year, first=min(norms), folder=NORMS_DIR
        )
    ]


def load_optional_file(
    root: Path,
    name: str,
    model: type,
    check: Callable[[Any, YamlTree, str], list[Issue]] | None = None,
    marks: dict[str, frozenset[str]] | None = None,
) -> tuple[bool, Any, list[Issue]]:
    """site_config/``name`` when the SWV wrote it: whether it exists, its value (None when it
    has errors or does not exist) and every problem, ``check``'s included; ``marks`` as in
    `load_config_file`."""
    if not (root / "site_config" / name).is_file():
        return False, None, []
    value, tree, issues = load_config_file(root, name, model, marks)
    if check is not None and value is not None and tree is not None:
        issues += check(value, tree, f"site_config/{name}")
    return True, value, issues


def _check_glossary(glossary: Glossary, tree: YamlTree, display: str) -> list[Issue]:
    terms = (Glossary.key("terms"),)
    return duplicate_items(glossary.terms, "term", tree, display, terms, "Het woord")


def load_config(root: Path) -> tuple[SiteConfig | None, list[Issue]]:
    """Load all of site_config/; return the config (None if unusable) and every issue.

    Files of another format are not read further: one message says how to convert them.
    """
    version, _ = format_version_of(root)  # unreadable: the checks below say why
    if version is not None and version != FORMAT_VERSION:
        return None, [_format_issue(root, version)]
    values: dict[str, Any] = {}
    issues: list[Issue] = []
    marks: dict[str, frozenset[str]] = {}  # what is still marked INVULLEN, by file
    checks: dict[str, Callable[[Any, YamlTree], list[Issue]]] = {
        "swv.yaml": _check_swv,
        "vocabularies.yaml": _check_vocabularies,
        TEXTS_FILE: lambda _value, _tree: [],
    }
    for name, model in CONFIG_FILES.items():
        value, tree, found = load_config_file(root, name, model, marks)
        issues += found
        if value is not None and tree is not None:
            issues += checks[name](value, tree)
        values[name] = value
    norms, found = load_norms(root, marks)
    issues += found
    if norms is not None and values["swv.yaml"] is not None:
        issues += _norm_in_force(root, values["swv.yaml"], norms)
    _, glossary, found = load_optional_file(root, GLOSSARY_FILE, Glossary, _check_glossary)
    issues += found
    _, webeditor, found = load_optional_file(root, WEBEDITOR_FILE, WebEditor)
    issues += found
    written, disagreement, found = load_optional_file(
        root, DISAGREEMENT_FILE, Disagreement, check_disagreement, marks
    )
    issues += found
    if not written:
        display = f"site_config/{DISAGREEMENT_FILE}"
        issues.append(NO_DISAGREEMENT_STEPS.at(display, file=DISAGREEMENT_FILE))
    written, build, found = load_optional_file(root, BUILD_FILE, BuildSettings)
    issues += found
    if not written:
        build = BuildSettings.model_validate({})
    _, selection, found = load_optional_file(
        root, SELECTION_FILE, SchoolSelection, lambda value, tree, _: check_selection(value, tree)
    )
    issues += found
    if norms is None or any(v is None for v in values.values()) or any(i.is_error for i in issues):
        return None, issues
    config = SiteConfig(
        values["swv.yaml"],
        dict(sorted(norms.items())),
        values["vocabularies.yaml"],
        values[TEXTS_FILE],
        glossary or Glossary(),
        webeditor,
        build,
        disagreement,
        selection,
        {path: keys for path, keys in marks.items() if keys},
    )
    return config, issues


def missing_admission_texts(config: SiteConfig, schools: list[School]) -> list[Issue]:
    """SOP511 when the project has special schools (sbo, so) of a kind for which
    site_config/teksten.yaml has no sentence about the toelaatbaarheidsverklaring."""
    kinds = sorted(
        {s.front.type for s in schools}
        & {k for k in SPECIAL_SCHOOL_TYPES if not config.texts.admission_for(k)}
    )
    if not kinds:
        return []
    display = f"site_config/{TEXTS_FILE}"
    names = " en ".join(f"{SCHOOL_TYPE_CODES[k]} ({k})" for k in kinds)
    return [NO_ADMISSION_TEXT.at(display, file=display, kinds=names)]
