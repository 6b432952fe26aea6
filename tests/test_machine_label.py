"""A translation a computer made (issue 24, point 4): an entry with ``machine: ja`` in a language
file that is not machine-made as a whole is shown only with a visible label after it, in the
reader's language, and the note at the top of that page (only there) says what the label means;
a file that is machine-made as a whole says so on every page instead. `vertalingen --in` reads
the optional column 'machine'."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from sop_builder.core.tables import read_table
from sop_builder.project.load import load_project
from sop_builder.project.routes import Kind, routes_of
from sop_builder.project.translations import MACHINE_MARK_KEY
from sop_builder.sheets.translations import COLUMNS, MACHINE, export_sheet, import_sheet
from sop_builder.site.pages import public_pages

from .conftest import REPO

KOP = "Ondersteuning op school in de regio van {swv}"
ENGLISH_KOP = "Support at school in the region of {swv}"
READING = "vocabularies.behoeften.lezen.label"
MARK = '<small class="sop-machine-mark">(computer translation)</small>'
EXPLAINED = "A computer translated the texts followed by"


def _english(root: Path, *, whole_file_machine: bool = False, mark: bool = True) -> None:
    """en.yaml with a machine-made home.kop, a human READING and (``mark``) the label's word."""
    entries = {
        "home.kop": (KOP, ENGLISH_KOP, True),
        READING: ("Lezen en dyslexie", "Reading and dyslexia", False),
        "vocabularies.behoeften.rekenen.label": ("Rekenen en dyscalculie", "Arithmetic", False),
        "taal.machine.teksten": (
            "Teksten met ({merk}) erachter heeft een computer vertaald; niemand heeft ze "
            "nagekeken.",
            "A computer translated the texts followed by ({merk}); nobody has checked them.",
            False,
        ),
    }
    if mark:
        entries[MACHINE_MARK_KEY] = ("computervertaling", "computer translation", False)
    lines = [f"machine: {'ja' if whole_file_machine else 'nee'}", "teksten:"]
    for key, (dutch, translation, machine) in entries.items():
        lines += [
            f"  {key}:",
            f'    nl: "{dutch}"',
            f'    vertaling: "{translation}"',
            f"    machine: {'ja' if machine else 'nee'}",
        ]
    lines += _other_entries(set(entries))  # so that English has enough texts to be published
    folder = root / "site_config" / "talen"
    folder.mkdir(exist_ok=True)
    (folder / "en.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    settings = root / "site_config" / "bouwen.yaml"
    if "talen:" not in settings.read_text(encoding="utf-8"):
        settings.write_text(
            settings.read_text(encoding="utf-8") + "talen: [en]\ntalen_minimaal: 1\n", "utf-8"
        )


def _other_entries(skip: set[str]) -> list[str]:
    """The fixture's English translations (tests/fixtures/talen) of every other key, each as a
    translation by people (no machine mark of their own); not the note's and the label's texts
    (`taal.*`): these tests choose them."""
    text = (REPO / "tests/fixtures/talen/site_config/talen/en.yaml").read_text(encoding="utf-8")
    blocks = re.split(r"(?m)^(?=  \S)", text.split("\nteksten:\n", 1)[1])
    return [
        block.rstrip("\n")
        for block in blocks
        if block.strip()
        and block.strip().split(":", 1)[0] not in skip
        and not block.strip().startswith("taal.")
    ]


def _pages(root: Path, code: str | None, *kinds: Kind) -> dict[Kind, str]:
    project = load_project(root, internal=False, keep=False)
    routes = [r for r in routes_of(project) if r.kind in kinds and r.language == (code or "")]
    pages = public_pages(project, root / "templates", routes=routes)
    found = {}
    for route, page in zip(routes, pages, strict=True):
        text = page.text()
        assert isinstance(text, str)
        found[route.kind] = text
    return found


def _note(page: str) -> str:
    start = page.index('<p class="sop-translation-note"')
    return page[start : page.index("</p>", start)]


def test_a_machine_made_entry_is_labelled_where_it_is_shown(sample: Path) -> None:
    _english(sample)
    pages = _pages(sample, "en", Kind.HOME, Kind.GLOSSARY)
    home = pages[Kind.HOME]
    assert f"# Support at school in the region of SWV Duinkust {MARK}\n" in home
    # the human translation has no label; neither has the label's own word in the note
    assert ">Reading and dyslexia</option>" in home
    assert home.count("sop-machine-mark") == 1
    # the note at the top of this page says what the label means
    note = _note(home)
    assert f"{EXPLAINED} (computer translation); nobody has checked them." in note
    # a page that shows no machine-made text: no label, and its note does not explain one
    glossary = pages[Kind.GLOSSARY]
    assert "sop-machine-mark" not in glossary
    assert EXPLAINED not in glossary
    # the Dutch site knows nothing of it
    dutch = _pages(sample, None, Kind.HOME)[Kind.HOME]
    assert "sop-machine-mark" not in dutch
    assert f"# {KOP.format(swv='SWV Duinkust')}\n" in dutch


def test_the_label_word_falls_back_to_dutch_marked(sample: Path) -> None:
    _english(sample, mark=False)
    home = _pages(sample, "en", Kind.HOME)[Kind.HOME]
    assert (
        '<small class="sop-machine-mark">(<span lang="nl">computervertaling</span>)</small>' in home
    )


def test_a_file_machine_made_as_a_whole_says_so_on_every_page_without_labels(
    sample: Path,
) -> None:
    _english(sample, whole_file_machine=True)
    pages = _pages(sample, "en", Kind.HOME, Kind.GLOSSARY)
    for page in pages.values():
        assert "sop-machine-mark" not in page
        assert EXPLAINED not in page
        assert "Een deel van de vertaling is door een computer gemaakt" in _note(page)


def _sheet(path: Path, header: list[str], rows: list[list[str]]) -> Path:
    lines = [";".join(header)] + [";".join(r) for r in rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_the_sheet_has_a_machine_column_that_is_read_back(sample: Path) -> None:
    out = sample.parent / "en.csv"
    assert export_sheet(sample, "en", out).ok
    table, _ = read_table(out, "en.csv")
    assert table is not None
    assert table.column(MACHINE) == COLUMNS.index(MACHINE)
    header = ["sleutel", "nederlands", "vertaling", "vertaald_door", "machine"]
    target = sample / "site_config" / "talen" / "en.yaml"
    # a value that is not ja or nee: refused, nothing written
    bad = _sheet(
        sample.parent / "bad.csv", header, [["home.kop", KOP, ENGLISH_KOP, "DeepL", "misschien"]]
    )
    refused = import_sheet(sample, "en", bad, date(2026, 12, 7))
    assert [(i.code, i.line) for i in refused.issues] == [("SOP468", 2)]
    assert "'misschien'" in refused.issues[0].message
    assert not target.exists()
    good = _sheet(
        sample.parent / "good.csv",
        header,
        [
            ["home.kop", KOP, ENGLISH_KOP, "DeepL", "Ja"],
            [READING, "Lezen en dyslexie", "Reading and dyslexia", "Bureau", "nee"],
        ],
    )
    done = import_sheet(sample, "en", good, date(2026, 12, 7))
    assert done.ok, done.issues
    project = load_project(sample, internal=False, keep=False)
    file = project.languages["en"].file
    assert file is not None
    assert file.texts["home.kop"].machine is True
    assert file.texts[READING].machine is False
    assert "machine: ja" in target.read_text(encoding="utf-8")
    # read again without the column: the entry is a person's translation now
    again = _sheet(sample.parent / "again.csv", header[:4], [["home.kop", KOP, ENGLISH_KOP, "X"]])
    assert import_sheet(sample, "en", again, date(2026, 12, 8)).ok
    project = load_project(sample, internal=False, keep=False)
    file = project.languages["en"].file
    assert file is not None
    assert file.texts["home.kop"].machine is False
