"""A clean start: `sop-builder nieuw-swv` replaces the sample by an empty, explained project."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from sop_builder.cli.main import main
from sop_builder.project.load import load_project
from sop_builder.publish.intern import build_intern
from sop_builder.publish.public import build_site

from .conftest import TODAY, make_project
from .test_other_swv import sample_words_in, visible_text

ANSWERS = [
    "--naam", "Samenwerkingsverband Passend Onderwijs Rivierland",
    "--korte-naam", "SWV Rivierland",
    "--adres", "Dijkweg 3, 4001 AB Rivierstad",
    "--groepering", "wijk", "--meervoud", "wijken",
    "--site-adres", "https://profielen.swv-rivierland.nl",
    "--schooljaar", "2026-2027", "--datum", TODAY.isoformat(),
]  # fmt: skip
SCHOOLS = [
    ("Rivierschool", "31RS00", "bao"),
    ("Dijkcollege", "32DC00", "vo"),
]


def cli(*args: str):
    return CliRunner().invoke(main, list(args))


def test_a_new_swv_with_two_schools_builds_both_sites_without_a_word_of_the_sample(
    tmp_path: Path,
):
    root = make_project(tmp_path)  # a copy of the repository: the sample's data and the tool
    refused = cli("nieuw-swv", "--map", str(root), *ANSWERS)
    assert refused.exit_code == 1
    assert "--vervang" in refused.output  # never silently replaced
    made = cli("nieuw-swv", "--map", str(root), *ANSWERS, "--vervang")
    assert made.exit_code == 0, made.output
    first = load_project(root, TODAY)
    assert first.errors == []
    assert first.schools == []
    assert first.config is not None
    assert first.config.swv.site_address.startswith("https://prof")
    swv = root / "site_config/swv.yaml"  # the data officer fills in the SWV's own target
    text = swv.read_text(encoding="utf-8")
    swv.write_text(text.replace("    percentage: 80\n", "    percentage: 70\n"), encoding="utf-8")
    for name, code, kind in SCHOOLS:
        args = ["--naam", name, "--vestigingscode", code, "--kern", "wijk-1", "--type", kind]
        created = cli("new-school", "--map", str(root), *args, "--datum", TODAY.isoformat())
        assert created.exit_code == 0, created.output
        sop = root / created.output.split("De map ", 1)[1].split(" is klaar", 1)[0] / "sop.md"
        filled = sop.read_text(encoding="utf-8").replace(" INVULLEN\n", "\n")  # the school's own
        sop.write_text(filled, encoding="utf-8")
    project = load_project(root, TODAY)
    assert project.errors == []
    assert len(project.schools) == 2
    assert build_site(root, today=TODAY, echo=lambda _: None).ok
    assert build_intern(root, root / "site-intern", TODAY, echo=lambda _: None).ok
    assert (root / "site/wijken/wijk-1/index.html").is_file()
    assert (root / "site-intern/wijken/wijk-1/index.html").is_file()
    assert "SWV Rivierland" in visible_text(root / "site/index.html")
    assert sample_words_in([root / "site", root / "site-intern"]) == []
    sitemap = (root / "site/sitemap.xml").read_text(encoding="utf-8")
    assert "https://profielen.swv-rivierland.nl/scholen/rivierschool/" in sitemap
    # The secondary school's first contact is the role for secondary schools.
    dijk = (root / "content/schools/dijkcollege/sop.md").read_text(encoding="utf-8")
    assert "  - rol: Zorgcoördinator" in dijk


def test_every_file_of_the_new_project_is_explained_and_marks_what_to_fill_in(tmp_path: Path):
    root = tmp_path / "nieuw"
    made = cli("nieuw-swv", "--map", str(root), *ANSWERS)
    assert made.exit_code == 0, made.output
    files = sorted(p for p in (root / "site_config").rglob("*.yaml"))
    assert [p.relative_to(root).as_posix() for p in files] == [
        "site_config/basisondersteuning/2026-2027.yaml",
        "site_config/niet-eens.yaml",
        "site_config/redacteuren.yaml",
        "site_config/swv.yaml",
        "site_config/teksten.yaml",
        "site_config/vocabularies.yaml",
        "site_config/woordenlijst.yaml",
    ]
    for file in files:
        assert file.read_text(encoding="utf-8").startswith("# "), file
    assert (root / "mkdocs.yml").is_file()
    assert (root / "content/schools").is_dir()
    project = load_project(root, TODAY)
    assert project.errors == []
    marked = {(i.path, i.field) for i in project.warnings if i.code == "SOP411"}
    for needed in (("site_config/swv.yaml", "kernen"), ("site_config/swv.yaml", "doelen")):
        assert needed in marked
    assert ("site_config/basisondersteuning/2026-2027.yaml", "afspraken") in marked
