"""The texts the site's scripts write, in the page's language (issue 24): each script keeps its
Dutch as its built-in default, and a page in another language carries the translations in a
data block rendered through ts()/tns() (templates/pages/_teksten_<script>.md.j2), so that the
keys are collected and `check` reports a missing or stale text (and plural form) like every
template text. The finder's data of a language names needs, levels, facts and kinds of school in
that language, a text the language lacks as {"nl": ...}. The scripts themselves are tested with
`node --test` (tests/js/texts.test.js); in the browser by tests/test_languages_browser.py."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

from sop_builder.project.load import load_project
from sop_builder.project.routes import Kind, routes_of
from sop_builder.project.translations import template_texts
from sop_builder.site.finder_data import index_document, school_document
from sop_builder.site.pages import public_pages
from sop_builder.site.render import Renderer
from tests.conftest import REPO
from tests.test_translations import _codes, _language_file

SCRIPTS = REPO / "templates" / "assets" / "javascripts"
# The scripts that write text, the page template that loads each, and its block of texts.
PAGES = {
    "vinder.js": "schools.md.j2",
    "vergelijk.js": "compare.md.j2",
    "zoeken.js": "zoeken.md.j2",
    "school.js": "school.md.j2",
}
# A script's text: t("key", "Dutch" ...) or tn("key", "one", "more" ...) (tx.t, tx.tn, t).
STRING = r'"((?:[^"\\]|\\.)*)"'
CALL = re.compile(r'\bt\(\s*"([a-z0-9][a-z0-9_.-]*)",\s*' + STRING)
PLURAL = re.compile(r'\btn\(\s*"([a-z0-9][a-z0-9_.-]*)",\s*' + STRING + r",\s*" + STRING)
IMPORT = re.compile(r'(?:\bfrom|\bimport\()\s*"(\./[^"]+\.js)"')


def _modules(script: Path) -> list[Path]:
    """``script`` and every module it imports (statically or when first used)."""
    seen: list[Path] = []
    todo = [script.resolve()]
    while todo:
        file = todo.pop()
        if file in seen:
            continue
        seen.append(file)
        todo += [(file.parent / m).resolve() for m in IMPORT.findall(file.read_text("utf-8"))]
    return seen


def script_texts(script: Path) -> dict[str, tuple[str | None, str]]:
    """The texts ``script`` and its modules write: key -> (Dutch for one or None, Dutch)."""
    found: dict[str, tuple[str | None, str]] = {}
    for file in _modules(script):
        source = file.read_text("utf-8")
        for key, dutch in CALL.findall(source):
            found.setdefault(key, (None, json.loads(f'"{dutch}"')))
        for key, one, other in PLURAL.findall(source):
            found.setdefault(key, (json.loads(f'"{one}"'), json.loads(f'"{other}"')))
    return found


def differences(root: Path, scripts: Path) -> list[str]:
    """Where a page's block of script texts and its script disagree: a key the block lacks, one
    it has with other Dutch, one no script writes, a page that does not include its block."""
    problems = []
    texts, _ = template_texts(root)
    for script, page in PAGES.items():
        name = script.removesuffix(".js")
        block = f"_teksten_{name}.md.j2"
        template = (root / "templates" / "pages" / page).read_text("utf-8")
        if f'{{% include "{block}" %}}' not in template:
            problems.append(f"{page} does not include {block}")
        written = script_texts(scripts / script)
        listed = set(re.findall(r'\bt(?:s|ns)\(\s*"([a-z0-9][a-z0-9_.-]*)"', _read(root, block)))
        for key, dutch in written.items():
            known = texts.get(key)
            if key not in listed or known is None:
                problems.append(f"{block}: lacks {key}")
            elif (known.one, known.dutch) != dutch:
                problems.append(
                    f"{block}: {key} is {known.dutch!r} there, {dutch[1]!r} in {script}"
                )
        problems += [f"{block}: {key} is written by no script" for key in listed - set(written)]
    return problems


def _read(root: Path, block: str) -> str:
    return (root / "templates" / "pages" / block).read_text("utf-8")


def test_every_script_text_is_in_its_page_block_with_the_same_dutch(sample: Path) -> None:
    """What a script writes is what `check` knows: the same key, the same Dutch (a translation
    translates the Dutch the script shows when it has none). Fails on a planted difference."""
    assert differences(REPO, SCRIPTS) == []
    counts = {script: len(script_texts(SCRIPTS / script)) for script in PAGES}
    assert counts["vinder.js"] > 25, counts
    assert counts["vergelijk.js"] > 25, counts
    # planted: a script's Dutch changed without its block, and a text no block lists
    scripts = sample / "javascripts"
    shutil.copytree(SCRIPTS, scripts)
    compare = scripts / "vergelijk.js"
    source = compare.read_text("utf-8")
    source = source.replace('"Haal weg"', '"Verwijder"')
    source = source.replace('t("vergelijk.js.adres", "Adres")', 't("vergelijk.js.adres2", "Adres")')
    compare.write_text(source, "utf-8")
    found = differences(sample, scripts)
    assert (
        "_teksten_vergelijk.md.j2: vergelijk.js.weg is 'Haal weg' there, 'Verwijder' in vergelijk.js"
        in found
    )
    assert "_teksten_vergelijk.md.j2: lacks vergelijk.js.adres2" in found
    assert "_teksten_vergelijk.md.j2: vergelijk.js.adres is written by no script" in found


def _page(root: Path, kind: Kind, code: str | None) -> str:
    project = load_project(root, internal=False, keep=False)
    language = project.languages[code] if code else None
    routes = [r for r in routes_of(project) if r.kind is kind][:1]
    (page,) = public_pages(project, root / "templates", routes=routes, language=language)
    text = page.text()
    assert isinstance(text, str)
    return text


BLOCK = re.compile(r'<script type="application/json" id="sop-teksten">(.*?)</script>')

FEW = "{n} school naast elkaar"
MORE = "{n} scholen naast elkaar"


def test_a_page_in_another_language_carries_its_scripts_translations(sample: Path) -> None:
    """The comparison in Arabic: its block holds each current translation, every Arabic form
    of a text with a number, and not a stale or missing one (the script shows that Dutch,
    marked). The Dutch page has no block."""
    _language_file(
        sample,
        "ar",
        {
            "vergelijk.js.weg": ("Haal weg", "إزالة"),
            "vergelijk.js.bellen": ("Wie u belt (oud)", "بمن تتصلون"),  # stale
            "vergelijk.js.naast.two": (MORE, "مدرستان جنبًا إلى جنب"),
            "vergelijk.js.naast.few": (MORE, "{n} مدارس جنبًا إلى جنب"),
            "vergelijk.js.naast.one": (FEW, "{n} مدرسة"),
        },
    )
    page = _page(sample, Kind.COMPARE, "ar")
    (block,) = BLOCK.findall(page)
    assert json.loads(block) == {
        "vergelijk.js.weg": "إزالة",
        "vergelijk.js.naast.one": "{n} مدرسة",
        "vergelijk.js.naast.two": "مدرستان جنبًا إلى جنب",
        "vergelijk.js.naast.few": "{n} مدارس جنبًا إلى جنب",
    }
    # the whole comparison is no longer marked Dutch: the script marks what stays Dutch
    assert '<div id="vergelijking" data-data' in page
    assert "sop-teksten" not in _page(sample, Kind.COMPARE, None)
    # a translation cannot end the block
    _language_file(sample, "ar", {"vergelijk.js.weg": ("Haal weg", "</script><b>x")})
    (block,) = BLOCK.findall(_page(sample, Kind.COMPARE, "ar"))
    assert "<" not in block
    assert json.loads(block) == {"vergelijk.js.weg": "</script><b>x"}


def test_check_reports_a_missing_or_stale_form_of_a_script_text(sample: Path) -> None:
    """SOP460 names each Arabic form a script's text with a number lacks, SOP461 a stale one."""
    forms = {"zero", "one", "two", "few", "many", "other"}
    entries = {
        f"vergelijk.js.naast.{form}": (FEW if form == "one" else MORE, f"{form} {{n}}")
        for form in forms - {"many"}
    }
    entries["vergelijk.js.naast.two"] = ("oud {n}", "two {n}")
    _language_file(sample, "ar", entries)
    missing = [m for _, m in _codes(sample, "SOP460") if "vergelijk.js.naast" in m]
    assert len(missing) == 1, missing
    assert "'vergelijk.js.naast.many'" in missing[0]
    stale = [m for _, m in _codes(sample, "SOP461") if "vergelijk.js.naast" in m]
    assert len(stale) == 1, stale
    assert "'vergelijk.js.naast.two'" in stale[0]


def test_the_finder_data_of_a_language_names_things_in_that_language(sample: Path) -> None:
    """The index and a school's data of /ar/vinder/: needs, levels, facts, kinds of school and
    the TLV sentence in Arabic where translated, else {"nl": ...}; the need's Arabic name finds
    it; the comparison's facts as true/false/null and its result as figures. The Dutch data is
    what it was."""
    _language_file(
        sample,
        "ar",
        {
            "vocabularies.behoeften.lezen.label": ("Lezen en dyslexie", "القراءة وعسر القراءة"),
            "soorten.bao": ("Basisschool", "مدرسة ابتدائية"),
        },
    )
    project = load_project(sample, internal=False, keep=False)
    dutch = Renderer(project, sample / "templates")
    arabic = Renderer(project, sample / "templates", language=project.languages["ar"])
    plain = index_document(dutch.finder, dutch.config)
    assert index_document(dutch.finder, dutch.config, dutch.translator.data_text) == plain
    index = index_document(arabic.finder, arabic.config, arabic.translator.data_text)
    needs = {n["id"]: n for n in index["behoeften"]}
    assert needs["lezen"]["label"] == "القراءة وعسر القراءة"
    assert "القراءة وعسر القراءة" in needs["lezen"]["woorden"]
    assert needs["gedrag"]["label"] == {"nl": "Gedrag"}
    assert all(isinstance(lv["label"], dict) for lv in index["niveaus"])  # none translated
    kinds = {row[0]: row for row in index["soorten"]}
    assert kinds["bao"][1] == "مدرسة ابتدائية"
    special = [row for row in index["soorten"] if row[2] == 1]
    assert special
    assert all(row[3] == {"nl": dutch.config.texts.admission_for(row[0])} for row in special)
    entry = arabic.finder.entries[0]
    school = school_document(entry, arabic.config, arabic.translator.data_text)
    values = [value for _, value in school["praktisch"]]
    assert all(v is None or isinstance(v, bool | str | list) for v in values)
    assert not {"ja", "nee", "niet ingevuld"} & {v for v in values if isinstance(v, str)}
    assert school["basis"] is None or len(school["basis"]) == 6
    assert school_document(entry, dutch.config)["basis"] == entry.compliance_text
