"""Translations of the public site as data: site_config/talen/<code>.yaml (issue 24).

Every text the public site shows that is not a school's own words has a stable key:

- a template text: templates mark it where it is written, ``{{ t("home.kop", "Vind een
  school") }}``; the key list is read from the templates (`template_texts`), so the Dutch is
  written once, in the template;
- a text of the SWV in site_config/ (`CONFIG_TEXTS`): ``<file>.<path>``, where a list item is
  named by its ``id`` (or, in the glossary, its term) and otherwise by its number from 1:
  ``vocabularies.behoeften.lezen.label``, ``niet-eens.stappen.2.wat``, ``swv.hulproute.1``.

A language file holds, per key, the Dutch text it translates (``nl``), the translation, who
translated it and when, and whether a machine made it. A translation counts only while its
``nl`` is the Dutch text of today (`Language.current`): when the Dutch changes, the translation
is stale and the site shows the Dutch, marked ``lang="nl"``. `check_translations` reports per
language what is missing (SOP460) and stale (SOP461); `published_languages` says which of the
languages of site_config/bouwen.yaml (``talen``) have enough of their texts translated
(``talen_minimaal``, SOP465). Without language files and without ``talen`` nothing is read.
"""

from __future__ import annotations

import fnmatch
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from fractions import Fraction
from pathlib import Path
from typing import Any

from babel import Locale, UnknownLocaleError
from pydantic import Field

from sop_builder.core.catalogue.languages import (
    LANGUAGE_NOT_PUBLISHED,
    LANGUAGE_WITHOUT_FILE,
    TEMPLATE_TEXT_TWICE,
    TRANSLATION_FILE_NAME,
    TRANSLATION_MISSING,
    TRANSLATION_PLACEHOLDERS,
    TRANSLATION_STALE,
    TRANSLATION_UNKNOWN_KEY,
)
from sop_builder.core.fieldtypes import OptionalDate, OptionalText, Text, YesNo
from sop_builder.core.issues import Issue, Pos, did_you_mean
from sop_builder.core.schema import validate_tree
from sop_builder.core.sourcefile import read_yaml_file
from sop_builder.core.text import slugify
from sop_builder.project.model import SCHOOL_TYPE_LABELS, Schema
from sop_builder.project.offer.model import OfferVocabularies

LANGUAGES_FOLDER = "site_config/talen"
LANGUAGE_FILE = re.compile(r"([a-z]{2,3})\.yaml")
SOURCE_LANGUAGE = "nl"
TEMPLATE_FOLDER = "templates/pages"
# A template text: t("key", "Dutch text" ...); ts("key", "Dutch") is a text a script of the page
# writes (templates/assets/javascripts/, the same Dutch as its built-in default). Keys are lower case words joined by dots,
# hyphens or underscores; the Dutch is a double-quoted Jinja string (\" and \\ escaped).
TEMPLATE_CALL = re.compile(r'\bt[as]?\(\s*"([a-z0-9][a-z0-9_.-]*)"\s*,\s*"((?:[^"\\]|\\.)*)"')
# A text with a number: tn("key", "Dutch for one", "Dutch for more", n). A language has its own
# forms (CLDR's plural categories: Arabic has six); each is a key of its own: key.one, key.few...
# tns("key", "one", "more") is such a text of a script (every form given, chosen in the browser).
TEMPLATE_PLURAL = re.compile(
    r'\btns?\(\s*"([a-z0-9][a-z0-9_.-]*)"\s*,\s*"((?:[^"\\]|\\.)*)"\s*,\s*"((?:[^"\\]|\\.)*)"'
)
PLURAL_ORDER = ("zero", "one", "two", "few", "many", "other")
PLACEHOLDER = re.compile(r"\{([a-z_][a-z0-9_]*)\}")

# The SWV's texts in site_config/ that the public site shows, per file: which values (their
# path, a list item as []) are texts for a reader. Ids, addresses, numbers and search words
# are not; neither is what only the tools read (teksten.yaml's contactrol, for nieuwe-school).
CONFIG_TEXTS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    # file: (patterns of the values that are texts, patterns left out)
    "teksten.yaml": (("*",), ("contactrol*",)),
    "swv.yaml": (
        (
            "groepering.label",
            "groepering.meervoud",
            "hulproute.[]",
            "steunpunt.omschrijving",
            "toegankelijkheid.bekende_problemen.[]",
        ),
        (),
    ),
    "vocabularies.yaml": (("*.[].label", "*.[].omschrijving", "praktisch.[].eenheid"), ()),
    "niet-eens.yaml": (
        (
            "inleiding",
            "stappen.[].naam",
            "stappen.[].wanneer",
            "stappen.[].wat",
            "stappen.[].kosten",
            "stappen.[].duur",
        ),
        (),
    ),
    "woordenlijst.yaml": (("termen.[].term", "termen.[].uitleg"), ()),
    # the offer's lists: for whom (doelgroepen) and the kinds of workshop (soorten)
    "aanbod.yaml": (("doelgroepen.[].label", "soorten.[].label"), ()),
}
# The list items that are named by a field of their own rather than by their number.
ITEM_NAMES = ("id", "term")


class TranslationEntry(Schema):
    """One translated text of a language file (site_config/talen/<code>.yaml, under
    ``teksten``, by its key)."""

    dutch: Text = Field(
        alias="nl",
        title="Nederlandse tekst",
        description="De Nederlandse tekst die vertaald is, precies zoals die op de site staat. "
        "Verandert de Nederlandse tekst, dan is deze vertaling verouderd: de site toont dan "
        "weer het Nederlands, tot de vertaling is bijgewerkt.",
    )
    translation: Text = Field(
        alias="vertaling",
        title="Vertaling",
        description="De tekst in de andere taal. Woorden tussen accolades, zoals {naam}, "
        "blijven precies zoals in de Nederlandse tekst: daar zet de site een naam of getal in.",
    )
    translator: OptionalText = Field(
        None,
        alias="vertaald_door",
        title="Vertaald door",
        description="Wie deze tekst vertaalde (een naam of een bureau).",
    )
    date: OptionalDate = Field(
        None,
        alias="datum",
        title="Datum",
        description="Wanneer deze tekst is vertaald, bijvoorbeeld 2026-12-07.",
    )
    machine: YesNo = Field(
        False,
        alias="machine",
        title="Door een computer vertaald",
        description="ja: een computer maakte deze vertaling en niemand heeft haar nagekeken. "
        "De site zet er dan een zichtbaar label bij ('computervertaling', in de taal van de "
        "pagina) en zegt bovenaan de pagina wat dat betekent. Standaard: nee.",
    )


class LanguageFile(Schema):
    """site_config/talen/<code>.yaml: the translations of one language."""

    name: OptionalText = Field(
        None,
        alias="naam",
        title="Naam van de taal",
        description="De naam van de taal in die taal zelf, voor de taalkeuze op elke pagina "
        "(bijvoorbeeld English, العربية, ትግርኛ). Leeg: de naam die sop-builder kent.",
    )
    review: YesNo = Field(
        False,
        alias="nakijken",
        title="Nog nakijken",
        description="ja: de vertalingen moeten nog worden nagekeken door iemand die de taal "
        "als moedertaal spreekt. De site zegt dat op elke pagina in deze taal. Standaard: nee.",
    )
    machine: YesNo = Field(
        False,
        alias="machine",
        title="Door een computer vertaald",
        description="ja: het hele bestand is door een computer vertaald; de site zegt dat op "
        "elke pagina in deze taal. Standaard: nee.",
    )
    interface: dict[str, Text] = Field(
        default_factory=dict,
        alias="interface",
        title="Teksten van het thema",
        description="Alleen voor een taal die het thema van de site niet kent (zoals "
        "Tigrinya): de teksten van het thema zelf (zoekvak, menu, 'naar boven'), bij de naam "
        "die het thema ervoor gebruikt, bijvoorbeeld search.placeholder.",
    )
    texts: dict[str, TranslationEntry] = Field(
        default_factory=dict,
        alias="teksten",
        title="Teksten",
        description="De vertaalde teksten, elk bij zijn sleutel (zie 'sop-builder vertalingen "
        "TAAL --uit'): de Nederlandse tekst, de vertaling, wie vertaalde en wanneer.",
    )


def placeholders_of(text: str) -> frozenset[str]:
    """The names between braces in ``text``: where the site puts a name or a number."""
    return frozenset(PLACEHOLDER.findall(text))


def shown_placeholders(names: frozenset[str]) -> str:
    """'{n}, {swv}' (or 'geen'), for a message."""
    return ", ".join(f"{{{n}}}" for n in sorted(names)) or "geen"


@dataclass(frozen=True)
class SourceText:
    """A Dutch text of the public site that can be translated: its key, its text, where it is
    written (a template or a file of site_config/, with its line) and, for a translator, what
    it is (the key's context)."""

    key: str
    dutch: str
    source: str
    line: int = 1
    one: str | None = None  # a text with a number: the Dutch for one (``dutch``: for more)

    @property
    def placeholders(self) -> frozenset[str]:
        return placeholders_of(self.dutch)


@dataclass(frozen=True)
class Language:
    """A language of the public site besides Dutch: its code, its names and direction (from
    Babel's CLDR data unless the file names it) and its file (None when it has none)."""

    code: str
    file: LanguageFile | None = None
    positions: Mapping[str, Pos] = field(default_factory=dict)  # each entry's line in the file

    @property
    def path(self) -> str:
        return f"{LANGUAGES_FOLDER}/{self.code}.yaml"

    @property
    def locale(self) -> Locale | None:
        try:
            return Locale.parse(self.code)
        except (UnknownLocaleError, ValueError):
            return None

    @property
    def name(self) -> str:
        """The language's name in itself (for the language switcher)."""
        if self.file is not None and self.file.name:
            return self.file.name
        locale = self.locale
        return (locale.display_name or self.code) if locale is not None else self.code

    @property
    def dutch_name(self) -> str:
        """The language's name in Dutch (Engels, Arabisch)."""
        locale = self.locale
        name = locale.get_display_name(SOURCE_LANGUAGE) if locale is not None else None
        return name or self.code

    @property
    def direction(self) -> str:
        """'rtl' or 'ltr'."""
        locale = self.locale
        return "rtl" if locale is not None and locale.text_direction == "rtl" else "ltr"

    def labelled(self, entry: TranslationEntry) -> bool:
        """Whether the site labels ``entry`` where it shows it: a computer made it, in a file
        that is not machine-made as a whole (such a file says so on every page instead)."""
        return entry.machine and not (self.file is not None and self.file.machine)

    def current(self, key: str, dutch: str) -> TranslationEntry | None:
        """The translation of ``key`` when it translates ``dutch`` as it is today (None when
        there is none, or it is stale)."""
        entry = self.file.texts.get(key) if self.file is not None else None
        return entry if entry is not None and entry.dutch == dutch else None


def _jinja_string(text: str) -> str:
    """The value of a double-quoted Jinja string's inside (its escapes undone)."""
    return re.sub(r"\\(.)", lambda m: {"n": "\n", "t": "\t"}.get(m.group(1), m.group(1)), text)


def template_texts(root: Path) -> tuple[dict[str, SourceText], list[Issue]]:
    """The texts the templates mark with t("key", "Dutch"), by key; SOP467 for a key written
    with two different Dutch texts."""
    found: dict[str, SourceText] = {}
    issues: list[Issue] = []
    folder = root / TEMPLATE_FOLDER
    for file in sorted(folder.rglob("*.j2")) if folder.is_dir() else []:
        display = file.relative_to(root).as_posix()
        text = file.read_text(encoding="utf-8", errors="replace")
        calls: list[tuple[re.Match[str], str | None]] = [
            (m, None) for m in TEMPLATE_CALL.finditer(text)
        ]
        calls += [(m, _jinja_string(m.group(2))) for m in TEMPLATE_PLURAL.finditer(text)]
        for match, one in sorted(calls, key=lambda call: call[0].start()):
            key = match.group(1)
            dutch = _jinja_string(match.group(3 if one is not None else 2))
            line = text.count("\n", 0, match.start()) + 1
            known = found.get(key)
            if known is None:
                found[key] = SourceText(key, dutch, display, line, one)
            elif (known.dutch, known.one) != (dutch, one):
                where = f"{known.source} (regel {known.line})"
                issues.append(TEMPLATE_TEXT_TWICE.at(display, Pos(line, 1), key=key, other=where))
    return found, issues


def _pattern_path(path: tuple[Any, ...]) -> str:
    return ".".join("[]" if isinstance(p, int) else str(p) for p in path)


def _walk(data: Any, path: tuple[Any, ...]) -> Iterator[tuple[tuple[Any, ...], str]]:
    if isinstance(data, dict):
        for key, value in data.items():
            yield from _walk(value, (*path, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from _walk(value, (*path, index))
    elif isinstance(data, str) and data.strip():
        yield path, data


def _key(stem: str, data: Any, path: tuple[Any, ...]) -> str:
    """The stable key of the value at ``path``: a list item by its id (or term), else by its
    number from 1."""
    parts, node = [stem], data
    for step in path:
        item = node[step]
        if isinstance(step, int):
            named = next((item[n] for n in ITEM_NAMES if isinstance(item, dict) and n in item), "")
            parts.append(slugify(named) if isinstance(named, str) and named else str(step + 1))
        else:
            parts.append(str(step))
        node = item
    return ".".join(parts)


def config_texts(root: Path) -> dict[str, SourceText]:
    """The SWV's texts in site_config/ that the public site shows (`CONFIG_TEXTS`), by key.
    A file that cannot be read adds nothing: `check` reports it where it reads it."""
    found: dict[str, SourceText] = {}
    for name, (included, excluded) in CONFIG_TEXTS.items():
        file = root / "site_config" / name
        if not file.is_file():
            continue
        display = f"site_config/{name}"
        tree, _ = read_yaml_file(file, display)
        if tree is None:
            continue
        stem = name.removesuffix(".yaml")
        for path, value in _walk(tree.data, ()):
            shape = _pattern_path(path)
            if not any(fnmatch.fnmatchcase(shape, p) for p in included):
                continue
            if any(fnmatch.fnmatchcase(shape, p) for p in excluded):
                continue
            key = _key(stem, tree.data, path)
            found[key] = SourceText(key, value, display, tree.value_pos(path).line)
    return found


# The names of the kinds of school the site uses where the SWV did not write its own
# (teksten.yaml soorten_school): sop-builder's, by code.
SCHOOL_TYPE_KEY = "soorten.{code}"


def school_type_key(code: str, own: bool) -> str:
    """The key of the name of a kind of school: the SWV's own (teksten.yaml) or sop-builder's."""
    return f"teksten.soorten_school.{code}" if own else SCHOOL_TYPE_KEY.format(code=code)


def offer_term_key(vocabularies: OfferVocabularies | None, term_id: str) -> str | None:
    """The key of the label of an audience or a kind of workshop of the offer (site_config/
    aanbod.yaml); None for an id the lists do not hold (the page shows the id itself)."""
    lists = (
        (("doelgroepen", vocabularies.audiences), ("soorten", vocabularies.kinds))
        if vocabularies is not None
        else ()
    )
    for name, terms in lists:
        if any(term.id == term_id for term in terms):
            return f"aanbod.{name}.{slugify(term_id)}.label"
    return None


def school_type_texts() -> dict[str, SourceText]:
    return {
        school_type_key(code, False): SourceText(
            school_type_key(code, False), label, "sop_builder/project/model.py"
        )
        for code, label in SCHOOL_TYPE_LABELS.items()
    }


# The label after a text that a computer translated (an entry with ``machine: ja`` in a
# language file that is not machine-made as a whole): a text of the site like any other.
MACHINE_MARK_KEY = "taal.machine.merk"
MACHINE_MARK = "computervertaling"


def tool_texts() -> dict[str, SourceText]:
    """The texts sop-builder writes itself: the names of the kinds of school and the label of
    a computer's translation."""
    mark = SourceText(MACHINE_MARK_KEY, MACHINE_MARK, "sop_builder/project/translations.py")
    return {**school_type_texts(), MACHINE_MARK_KEY: mark}


def source_texts(root: Path) -> tuple[dict[str, SourceText], list[Issue]]:
    """Every translatable text of the public site, by key: the templates', sop-builder's own
    (`tool_texts`) and the SWV's."""
    texts, issues = template_texts(root)
    return {**texts, **tool_texts(), **config_texts(root)}, issues


def plural_categories(language: Language) -> tuple[str, ...]:
    """The forms a text with a number has in ``language`` (CLDR: one and other in English,
    six in Arabic); one and other for a language Babel does not know."""
    locale = language.locale
    tags = set(locale.plural_form.tags) if locale is not None else {"one"}
    return tuple(c for c in PLURAL_ORDER if c in tags or c == "other")


def plural_key(key: str, category: str) -> str:
    return f"{key}.{category}"


def language_sources(
    sources: Mapping[str, SourceText], language: Language
) -> dict[str, SourceText]:
    """``sources`` as ``language`` needs them translated: a text with a number once per form
    of that language (key.one, key.few, ...), each translating the Dutch for one (the form
    'one') or for more (every other form)."""
    expanded: dict[str, SourceText] = {}
    for key, source in sources.items():
        if source.one is None:
            expanded[key] = source
            continue
        for category in plural_categories(language):
            dutch = source.one if category == "one" else source.dutch
            name = plural_key(key, category)
            expanded[name] = SourceText(name, dutch, source.source, source.line)
    return expanded


def load_languages(root: Path) -> tuple[dict[str, Language], list[Issue]]:
    """The language files of site_config/talen/, by code; a file with errors is a language
    without texts (its problems are reported)."""
    languages: dict[str, Language] = {}
    issues: list[Issue] = []
    folder = root / LANGUAGES_FOLDER
    for file in sorted(folder.iterdir()) if folder.is_dir() else []:
        display = f"{LANGUAGES_FOLDER}/{file.name}"
        if file.name.startswith(".") or not file.name.endswith(".yaml"):
            continue
        match = LANGUAGE_FILE.fullmatch(file.name)
        if match is None or match.group(1) == SOURCE_LANGUAGE:
            issues.append(TRANSLATION_FILE_NAME.at(display, name=file.name.removesuffix(".yaml")))
            continue
        code = match.group(1)
        tree, found = read_yaml_file(file, display)
        issues += found
        if tree is None:
            languages[code] = Language(code)
            continue
        value, found = validate_tree(LanguageFile, tree, display)
        issues += found
        key = LanguageFile.key("texts")
        positions = {k: tree.pos((key, k)) for k in (value.texts if value is not None else {})}
        languages[code] = Language(code, value, positions)
    return languages, issues


@dataclass(frozen=True)
class Status:
    """How far a language is: its keys translated and current, missing and stale."""

    current: tuple[str, ...]
    missing: tuple[str, ...]
    stale: tuple[str, ...]

    @property
    def share(self) -> Fraction:
        total = len(self.current) + len(self.missing) + len(self.stale)
        return Fraction(len(self.current), total) if total else Fraction(1)


def status(language: Language, sources: Mapping[str, SourceText]) -> Status:
    current, missing, stale = [], [], []
    texts = language.file.texts if language.file is not None else {}
    for key, source in sources.items():
        entry = texts.get(key)
        if entry is None:
            missing.append(key)
        elif entry.dutch != source.dutch:
            stale.append(key)
        else:
            current.append(key)
    return Status(tuple(current), tuple(missing), tuple(stale))


def _short(text: str, limit: int = 60) -> str:
    line = " ".join(text.split())
    return line if len(line) <= limit else line[: limit - 1] + "…"


def language_issues(language: Language, sources: Mapping[str, SourceText]) -> list[Issue]:
    """SOP460 (missing), SOP461 (stale), SOP462 (unknown key) and SOP463 (placeholders) of one
    language, each naming the language file and the key."""
    issues: list[Issue] = []
    if language.file is None:
        return issues
    path, code = language.path, language.code
    state = status(language, sources)
    for key in state.missing:
        dutch = _short(sources[key].dutch)
        issues.append(TRANSLATION_MISSING.at(path, key=key, file=path, dutch=dutch, language=code))
    for key in state.stale:
        dutch = _short(sources[key].dutch)
        issues.append(
            TRANSLATION_STALE.at(
                path, language.positions.get(key), key=key, file=path, dutch=dutch, language=code
            )
        )
    for key, entry in language.file.texts.items():
        place = language.positions.get(key)
        if key not in sources:
            hint = did_you_mean(key, sorted(sources))
            issues.append(TRANSLATION_UNKNOWN_KEY.at(path, place, key=key, suggestion=hint))
            continue
        expected = sources[key].placeholders
        got = placeholders_of(entry.translation)
        if got != expected:
            issues.append(
                TRANSLATION_PLACEHOLDERS.at(
                    path,
                    place,
                    key=key,
                    expected=shown_placeholders(expected),
                    found=shown_placeholders(got),
                )
            )
    return issues


def check_translations(
    root: Path, wanted: tuple[str, ...] = (), minimum: Fraction = Fraction(0), settings: str = ""
) -> tuple[dict[str, Language], tuple[str, ...], list[Issue]]:
    """Every language file's problems, and which of the ``wanted`` languages (site_config/
    bouwen.yaml ``talen``) are published: those with a file and at least ``minimum`` of their
    texts translated and current (``minimum`` in percent). Nothing is read when there is no language folder and no
    language is wanted."""
    if not wanted and not (root / LANGUAGES_FOLDER).is_dir():
        return {}, (), []
    languages, issues = load_languages(root)
    sources, found = source_texts(root)
    issues += found
    for language in languages.values():
        issues += language_issues(language, language_sources(sources, language))
    published = []
    for code in wanted:
        if code not in languages:
            issues.append(LANGUAGE_WITHOUT_FILE.at(settings, settings=settings, language=code))
            continue
        language = languages[code]
        share = status(language, language_sources(sources, language)).share
        if share * 100 < minimum:
            issues.append(
                LANGUAGE_NOT_PUBLISHED.at(
                    settings,
                    name=language.dutch_name,
                    language=code,
                    share=int(share * 100),
                    minimum=int(minimum),
                    settings=settings,
                )
            )
            continue
        published.append(code)
    return languages, tuple(published), issues
