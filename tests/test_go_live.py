"""Go-live day is honest (issue 20, point 3): a school that has not filled in its profile is
published as a short factual page ("volgt"), `check` passes with warnings and counts the
complete schools, no example value or value under its fill-in mark reaches a public file, and
one school that is not complete never stops the other schools' pages."""

from __future__ import annotations

import gzip
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from sop_builder.cli.main import main
from sop_builder.project.load import load_project
from sop_builder.project.publication import internal_view, publication
from sop_builder.project.routes import Kind
from sop_builder.publish.public import build_site

from .conftest import TODAY, add_new_school
from .test_real_schools import IJMOND, ijmond_project

GEMEENTEN = "Beverwijk;Castricum;Heemskerk;Uitgeest;Velsen"
# What nieuwe-school and import-scholen write as examples or as marks (authoring/new_school.py,
# authoring/imported_school.py): none of it may reach a public file.
EXAMPLES = [
    "INVULLEN",
    "Voornaam Achternaam",
    "Stichting (naam van het bestuur)",
    "Straatnaam 1",  # (and postcode 1234 AB, which the web editor's form gives as a format)
    "Plaatsnaam",
    "https://www.school.nl",
    "(de naam)",
    "(een e-mailadres van het werk)",
]
# The dates nieuwe-school writes for a school (the day it ran, and four years on).
EXAMPLE_DATES = [
    TODAY.isoformat(),
    f"{TODAY.year + 4}-07-31",
    "23 november 2026",
    f"31 juli {TODAY.year + 4}",
]
# How a page states a compliance figure: "52 van de 65 afspraken", "(80%)", "0 %".
FIGURE = re.compile(r"\d+\s*%|\bvan de \d+ afspraken\b|\d+ van \d+ afspraken")
ISO_DATE = re.compile(r"\b20\d\d-\d\d-\d\d\b")
DUTCH_DATE = re.compile(
    r"\b\d{1,2} (januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|"
    r"november|december) 20\d\d\b"
)


def public_texts(site: Path) -> dict[str, str]:
    """Every file of a built site as text (the search index's parts unpacked)."""
    texts = {}
    for file in sorted(p for p in site.rglob("*") if p.is_file()):
        data = file.read_bytes()
        if data[:2] == b"\x1f\x8b":  # Pagefind's parts are gzip
            data = gzip.decompress(data)
        texts[file.relative_to(site).as_posix()] = data.decode("utf-8", errors="replace")
    return texts


def visible_text(page: str) -> str:
    """A page's text without its tags, scripts and styles."""
    return re.sub(r"<(script|style)\b.*?</\1>|<[^>]+>", " ", page, flags=re.S)


def examples_in(texts: dict[str, str]) -> list[tuple[str, str]]:
    """(file, example) for every example value or mark in the files."""
    return [
        (name, example) for name, text in texts.items() for example in EXAMPLES if example in text
    ]


def imported(tmp_path: Path) -> Path:
    """The IJmond SWV's 64 schools, freshly imported by import-scholen: nothing filled in."""
    root = ijmond_project(tmp_path)
    run = CliRunner().invoke(
        main,
        [
            *("import-scholen", "--map", str(root), *map(str, sorted(IJMOND.glob("*.csv")))),
            *("--gemeenten", GEMEENTEN, "--soorten", "bao,sbo,so", "--datum", TODAY.isoformat()),
        ],
    )
    assert run.exit_code == 0, run.output
    return root


def check(root: Path, *args: str):
    return CliRunner().invoke(
        main, ["controleer", "--map", str(root), "--datum", TODAY.isoformat(), *args]
    )


def build(root: Path):
    return build_site(root, today=TODAY, echo=lambda _: None)


def checked_and_built(root: Path, complete: str | None = None) -> dict[str, str]:
    """`check` passes (with ``complete``: "N van M" schools complete), `build` succeeds: the
    public files as text."""
    checked = check(root)
    assert checked.exit_code == 0, checked.output[-2000:]
    if complete is not None:
        assert f"{complete} scholen zijn compleet." in checked.output
    result = build(root)
    assert result.ok, (result.messages, result.issues)
    return public_texts(root / "site")


def test_freshly_imported_schools_pass_check_and_each_gets_a_factual_page(tmp_path: Path):
    root = imported(tmp_path)
    checked = check(root)
    assert checked.exit_code == 0, checked.output[-2000:]
    assert "0 fouten en" in checked.output
    assert "0 van 64 scholen zijn compleet." in checked.output
    project = load_project(root, TODAY)
    folders = sorted(p.name for p in (root / "content/schools").iterdir() if p.is_dir())
    assert len(folders) == 64
    assert project.errors == []
    # Per school one warning that lists what the school still fills in (SOP412).
    told = {i.path.split("/")[2]: i for i in project.warnings if i.code == "SOP412"}
    assert sorted(told) == folders
    first = told[folders[0]]
    assert "Het ondersteuningsprofiel van deze school volgt" in first.message
    assert "contactpersonen, vastgesteld_door_bestuur, geldig_tot, bijgewerkt" in first.hint
    assert project.schools == []
    assert len(project.pending) == 64

    result = build(root)
    assert result.ok, (result.messages, result.issues)
    assert "64 scholen (van 64 volgt het profiel nog)" in result.messages[0]
    site = root / "site"
    texts = public_texts(site)
    for facts in project.pending:
        page = texts[f"scholen/{facts.slug}/index.html"]
        assert "Het ondersteuningsprofiel van deze school volgt." in page
        assert "nog geen zelfevaluatie" in page
        assert facts.address is not None
        assert facts.address.street in page
        assert (facts.website or "") in page
        assert "Samenwerkingsverband Passend Onderwijs IJmond" in page  # whom to ask
        # No date at all: the school gave none.
        visible = visible_text(page)
        assert not ISO_DATE.search(visible), facts.slug
        assert not DUTCH_DATE.search(visible), facts.slug
    # The home page counts the schools whose profile follows, not "het SOP van alle 0 scholen";
    # with no telephone, e-mail or website to give, no empty list.
    home = visible_text(texts["index.html"])
    assert "Op deze site vindt u alle 64 scholen. Hun SOP volgt nog." in " ".join(home.split())
    assert "alle 0 scholen" not in home
    assert not [name for name, text in texts.items() if re.search(r"<ul>\s*</ul>", text)]
    # No fill-in mark, example or compliance figure in any public file: pages, posters, cards,
    # the finder's data, the search index.
    assert examples_in(texts) == []
    # (nieuw-swv's target, 80, is still marked: not even the page about the agreements
    # states it; see test_no_example_of_nieuw_swv_reaches_a_public_file.)
    figures = [
        (name, found.group())
        for name, text in texts.items()
        if name.endswith(".html")
        if (found := FIGURE.search(visible_text(text)))
    ]
    assert figures == []
    # In no need filter, list by need, finder entry, comparison or kern figure.
    assert not any(n.startswith("scholen/") and n.endswith("/poster/index.html") for n in texts)
    assert not list((site / "vinder" / "school").glob("*.json"))
    index = texts["vinder/scholen.json"]
    assert all(f.name not in index for f in project.pending)
    for name, text in texts.items():
        if name.startswith(("scholen/behoefte/", "vinder/behoefte-")):
            assert all(f"scholen/{f.slug}/" not in text for f in project.pending), name


def test_the_scan_finds_a_planted_example_and_figure():
    """The scans above can fail: an example, a mark and a figure are found."""
    texts = {"a/index.html": "<p>Voornaam Achternaam</p>", "b.json": '{"x": "INVULLEN"}'}
    assert examples_in(texts) == [
        ("a/index.html", "Voornaam Achternaam"),
        ("b.json", "INVULLEN"),
    ]
    assert FIGURE.search("De school houdt zich aan 0 van de 8 afspraken (0%)")
    assert public_texts.__doc__  # (gzip parts are read as text: see test above)


def test_a_school_from_nieuwe_school_shows_none_of_its_examples(sample: Path):
    """nieuwe-school's examples (a name, an address, dates of the day it ran) are marked
    INVULLEN: the school has not started, so its page is the short one, and none of them is
    in any public file."""
    sop = add_new_school(sample, "OBS Het Zeepaard", "12AB00")
    slug = sop.parent.name
    texts = checked_and_built(sample, "18 van 19")
    page = texts[f"scholen/{slug}/index.html"]
    assert "Het ondersteuningsprofiel van deze school volgt." in page
    assert examples_in(texts) == []
    for date in EXAMPLE_DATES:
        assert date not in page
    assert f"scholen/{slug}/poster/index.html" not in texts
    assert "OBS Het Zeepaard" not in texts["vinder/scholen.json"]


def break_school(root: Path, slug: str = "de-duinroos") -> None:
    """A wrong value in one school: an error in its folder."""
    sop = root / f"content/schools/{slug}/sop.md"
    text = sop.read_text(encoding="utf-8")
    assert "\ngeldig_tot: " in text
    sop.write_text(re.sub(r"\ngeldig_tot: .*", "\ngeldig_tot: 31-07-2029", text), encoding="utf-8")


def choose(root: Path, value: str) -> None:
    (root / "site_config/bouwen.yaml").write_text(
        f"motor: mkdocs\nonvolledige_school: {value}\n", encoding="utf-8"
    )


@pytest.mark.parametrize("setting", [None, "achterhouden"])
def test_a_school_with_an_error_is_held_back_and_the_others_are_built(sample: Path, setting):
    if setting:
        choose(sample, setting)
    break_school(sample)
    assert check(sample).exit_code == 1  # check still reports the error as an error
    output: list[str] = []
    result = build_site(sample, today=TODAY, echo=output.append)
    assert result.ok, (result.messages, result.issues)
    # Its errors are named, with file, line and field.
    assert "content/schools/de-duinroos/sop.md" in "".join(output)
    assert "SOP105" in "".join(output)
    assert "geldig_tot" in "".join(output)
    [held] = [i for i in result.issues if i.code == "SOP910"]
    assert held.path == "content/schools/de-duinroos/sop.md"
    assert "Basisschool De Duinroos staat niet op de site (/scholen/de-duinroos/)" in held.message
    assert "1 fout" in held.message
    site = sample / "site"
    assert not (site / "scholen/de-duinroos").exists()
    assert not (site / "v/98XA00").exists()  # no short link to a page that is not there
    assert (site / "scholen/de-zeester/index.html").is_file()
    assert "de-duinroos" not in (site / "vinder/scholen.json").read_text(encoding="utf-8")
    assert "17 scholen" in result.messages[0]


def test_with_volgt_a_school_with_an_error_gets_the_short_page(sample: Path):
    choose(sample, "volgt")
    break_school(sample)
    (sample / "content/schools/de-meeuw/sop.md").write_text("Geen gegevens\n", encoding="utf-8")
    result = build(sample)
    assert result.ok, (result.messages, result.issues)
    shown = {i.path.split("/")[2]: i for i in result.issues if i.code == "SOP911"}
    held = {i.path.split("/")[2]: i for i in result.issues if i.code == "SOP910"}
    assert list(shown) == ["de-duinroos"]
    assert list(held) == ["de-meeuw"]  # no facts: no page
    page = (sample / "site/scholen/de-duinroos/index.html").read_text(encoding="utf-8")
    assert "Het ondersteuningsprofiel van deze school volgt." in page
    assert "Basisschool De Duinroos" in page
    assert not FIGURE.search(visible_text(page))  # never a half page: no figure
    assert "sop-levels" not in page
    assert "Wat de school biedt" not in page
    assert (sample / "site/v/98XA00/index.html").is_file()  # the short link still leads there
    assert not (sample / "site/scholen/de-meeuw").exists()
    table = publication(load_project(sample, TODAY, internal=False)).routes
    assert table is not None
    assert table.by_path["/scholen/de-duinroos/"].kind is Kind.SCHOOL_PENDING


def test_a_started_school_with_a_field_still_marked_is_not_published_in_part(sample: Path):
    """A school that filled in its profile but left INVULLEN above a field: check passes
    (warnings), and the site never shows that value: the school is not complete."""
    sop = sample / "content/schools/de-duinroos/sop.md"
    text = sop.read_text(encoding="utf-8")
    sop.write_text(
        text.replace("\nbijgewerkt:", "\n# Bijgewerkt: INVULLEN\nbijgewerkt:", 1), encoding="utf-8"
    )
    checked = check(sample)
    assert checked.exit_code == 0, checked.output[-2000:]
    assert "17 van 18 scholen zijn compleet." in checked.output
    result = build(sample)
    assert result.ok
    [held] = [i for i in result.issues if i.code == "SOP910"]
    assert "boven bijgewerkt staat nog INVULLEN" in held.message
    assert not (sample / "site/scholen/de-duinroos").exists()


def test_an_error_outside_the_school_folders_still_stops_the_build(sample: Path):
    swv = sample / "site_config/swv.yaml"
    swv.write_text(
        swv.read_text(encoding="utf-8").replace("schooljaar:", "onbekend: x\nschooljaar:"),
        encoding="utf-8",
    )
    break_school(sample)
    result = build(sample)
    assert not result.ok
    assert result.messages[-1] == "De site is niet gebouwd; de vorige versie blijft staan."


# What nieuw-swv writes into site_config/ as examples, under comments that end in INVULLEN
# (authoring/new_swv.py), for the IJmond project of tests/test_real_schools.py: none of it may
# reach a public file while it is marked.
SITE = "https://sop.example.nl"  # nieuw-swv --site-adres, also put in `website` (marked)
SWV_EXAMPLES = [
    "Steunpunt SWV IJmond",
    "Eén zin in gewone taal over wat het steunpunt voor ouders doet.",
    "Titel van het thema",
    "Eén zin in gewone taal over dit thema.",
    "Titel van de afspraak",
    "Wat elke school doet, in gewone taal.",
    f'Website: <a href="{SITE}">',  # the site's own address shown as the SWV's website
    "vastgesteld op 23 november 2026",  # the day nieuw-swv ran (TODAY), as the norm's date
    # teksten.yaml's example sentence about the TLV, and the two marked steps of niet-eens.yaml
    "Die vraagt de school van uw kind aan; het samenwerkingsverband beslist",
    "Het steunpunt luistert, geeft advies",
    "Landelijke Bezwaaradviescommissie",
]
TLV_EXAMPLE = SWV_EXAMPLES[8]
# The example target (80) as a figure, and any sentence about meeting a target.
TARGET = re.compile(r"\b80\s*%|\bdoel (nog niet )?gehaald|het doel van|Het doel voor")
# import-norm's list: two themes; it writes each theme's sentence as its title, marked.
AGREEMENTS = """\
Thema;Afspraak
Veilig schoolklimaat;De school meet elk jaar hoe veilig kinderen zich voelen.
Veilig schoolklimaat;De school heeft een pestprotocol dat iedereen kent.
Zicht op ontwikkeling;De school volgt elk kind met een leerlingvolgsysteem.
"""


def swv_examples_in(texts: dict[str, str], target: bool = True) -> list[tuple[str, str]]:
    """(file, example) for every example of nieuw-swv, and (with ``target``: the example
    target is still marked) every target figure or sentence about a target, in the files."""
    found = [(n, e) for n, text in texts.items() for e in SWV_EXAMPLES if e in text]
    found += [
        (name, match.group())
        for name, text in texts.items()
        if target and (name.endswith((".html", ".json")) or name.startswith("pagefind/"))
        for match in TARGET.finditer(visible_text(text))
    ]
    return found


def marked_in_site_config(root: Path) -> list[tuple[str, str]]:
    """(file, field) of every warning of `check` about a mark left in site_config/."""
    return [
        (i.path, i.field)
        for i in load_project(root, TODAY).warnings
        if i.code == "SOP411" and i.path.startswith("site_config/")
    ]


def import_agreements(root: Path) -> None:
    source = root.parent / "afspraken.csv"
    source.write_text(AGREEMENTS, encoding="utf-8")
    run = CliRunner().invoke(
        main,
        [
            *("import-norm", "--map", str(root), str(source), "--schaal", "ja-deels-nee"),
            *("--doel", "80", "--vervang"),
        ],
    )
    assert run.exit_code == 0, run.output


@pytest.mark.parametrize("norm", ["import-norm", "voorbeeld van nieuw-swv"])
def test_no_example_of_nieuw_swv_reaches_a_public_file(tmp_path: Path, norm: str):
    """The README's route: nieuw-swv, import-scholen, import-norm (or not yet), build: the
    SWV's own files still hold nieuw-swv's examples under INVULLEN; check names each, and no
    public file shows one (steunpunt, website, target, the norm's date and themes)."""
    root = imported(tmp_path)
    if norm == "import-norm":
        import_agreements(root)
    texts = checked_and_built(root)
    marked = set(marked_in_site_config(root))
    swv = "site_config/swv.yaml"
    year = "site_config/basisondersteuning/2025-2026.yaml"
    assert {(swv, "website"), (swv, "steunpunt"), (swv, "kernen")} <= marked
    assert ((swv, "doelen") in marked) is (norm != "import-norm")  # --doel: the SWV's own
    assert {(year, "vastgesteld"), (year, "themas")} <= marked
    assert ((year, "afspraken") in marked) is (norm != "import-norm")
    assert {
        ("site_config/teksten.yaml", "toelating"),
        ("site_config/niet-eens.yaml", "naam"),
    } <= marked
    assert swv_examples_in(texts, target=norm != "import-norm") == []
    # The national steps for a parent who disagrees are there; the SWV's own are not yet.
    steps = visible_text(texts["niet-eens/index.html"])
    assert "De onderwijsconsulenten" in steps
    assert "De Geschillencommissie passend onderwijs" in steps
    assert examples_in(texts) == []
    home = " ".join(visible_text(texts["index.html"]).split())
    # Parents are sent to the SWV itself, in a sentence that reads well.
    assert "Komt u er samen niet uit? Dan kunt u terecht bij SWV IJmond ." in home
    assert "een dienst van" not in home
    agreements = visible_text(texts["basisondersteuning/index.html"])
    if norm == "import-norm":
        assert "Veilig schoolklimaat" in agreements  # the titles are the SWV's own
        assert "De school meet elk jaar hoe veilig kinderen zich voelen." in agreements
        assert "Afspraken basisondersteuning, versie 1." in agreements  # no date
        assert "minstens 80%" in agreements  # --doel 80: the SWV's own target
    else:
        assert "Die afspraken staan hier zodra ze klaar zijn." in agreements
        assert "versie 1" not in agreements


def test_the_swv_scan_finds_what_the_masking_would_leave_out(tmp_path: Path, monkeypatch):
    """Switched off, the masking lets nieuw-swv's examples through: the scan above finds
    each (so it can fail), and a planted value is found too."""
    from sop_builder.project import publication as module

    monkeypatch.setattr(module, "public_config", lambda config, _used: config)
    monkeypatch.setattr(module, "public_compliance", lambda _config, result: result)
    root = imported(tmp_path)
    assert build(root).ok
    texts = public_texts(root / "site")
    found = {example for _name, example in swv_examples_in(texts)}
    # (no special school is published yet, so no page shows a TLV sentence: see the next test)
    assert set(SWV_EXAMPLES) - {TLV_EXAMPLE} <= found
    assert "80%" in found
    planted = {"scholen/x/index.html": "<p>Het doel voor 2025-2026 is 80 %.</p>"}
    assert swv_examples_in(planted) == [
        ("scholen/x/index.html", "Het doel voor"),
        ("scholen/x/index.html", "80 %"),
    ]
    assert swv_examples_in(planted, target=False) == []  # (the SWV's own target)


def test_the_example_tlv_sentence_is_left_out_of_the_public_view(tmp_path: Path):
    """teksten.yaml's `toelating` as nieuw-swv writes it is an example: the public view of the
    configuration has no TLV sentence until the SWV takes the mark away."""
    from sop_builder.project.public_config import public_config

    root = imported(tmp_path)
    config = load_project(root, TODAY).config
    assert config is not None
    assert TLV_EXAMPLE in config.texts.admission_for("sbo")
    assert public_config(config, set()).texts.admission_for("sbo") == ""
    texts = root / "site_config/teksten.yaml"
    texts.write_text(texts.read_text(encoding="utf-8").replace(" INVULLEN\n", "\n"), "utf-8")
    config = load_project(root, TODAY).config
    assert config is not None
    assert TLV_EXAMPLE in public_config(config, set()).texts.admission_for("sbo")


def test_once_the_marks_are_gone_the_swvs_values_appear(tmp_path: Path):
    root = imported(tmp_path)
    import_agreements(root)
    swv = root / "site_config/swv.yaml"
    swv.write_text(
        swv.read_text(encoding="utf-8")
        .replace(" INVULLEN\n", "\n")
        .replace("website: https://sop.example.nl", "website: https://www.swv-ijmond.example")
        .replace("  email:\n  telefoon:\n", "  email: info@swv-ijmond.example\n  telefoon:\n"),
        encoding="utf-8",
    )
    norm = root / "site_config/basisondersteuning/2025-2026.yaml"
    text = norm.read_text(encoding="utf-8").replace(" INVULLEN\n", "\n")
    text = text.replace("vastgesteld:\n", "vastgesteld: 2025-06-12\n")
    text = text.replace(
        "omschrijving: Veilig schoolklimaat", "omschrijving: Uw kind voelt zich veilig."
    )
    norm.write_text(text, encoding="utf-8")
    for name in ("teksten.yaml", "niet-eens.yaml"):
        file = root / "site_config" / name
        file.write_text(file.read_text(encoding="utf-8").replace(" INVULLEN\n", "\n"), "utf-8")
    texts = checked_and_built(root)
    # What check still names in site_config/: only the editors (not public).
    assert marked_in_site_config(root) == [("site_config/redacteuren.yaml", "swv")]
    home = visible_text(texts["index.html"])
    assert "Steunpunt SWV IJmond" in home
    assert "een dienst van SWV IJmond" in home
    assert "Eén zin in gewone taal over wat het steunpunt voor ouders doet." in home
    agreements = visible_text(texts["basisondersteuning/index.html"])
    assert "minstens 80%" in agreements
    assert "vastgesteld op 12 juni 2025" in agreements
    assert "Uw kind voelt zich veilig." in agreements
    steps = visible_text(texts["niet-eens/index.html"])
    assert "Het steunpunt luistert, geeft advies" in steps
    assert "Landelijke Bezwaaradviescommissie" in steps
    pending = next(
        n
        for n in texts
        if n.startswith("scholen/")
        and "Het ondersteuningsprofiel van deze school volgt." in texts[n]
    )
    assert 'Website: <a href="https://www.swv-ijmond.example">' in texts[pending]


@pytest.mark.parametrize("assessment", ["leeg bestand", "geen bestand"])
def test_a_complete_school_without_scores_shows_no_figure(tmp_path: Path, assessment: str):
    """Every school filled in its profile, none scored an agreement yet (the zelfevaluatie
    that import-scholen wrote is still empty, or there is none): every page, card, the
    finder's data and the comparison say "nog geen zelfevaluatie", never "0 van 3" or 0 %."""
    from .test_real_schools import fill_in_school_parts

    root = imported(tmp_path)
    import_agreements(root)
    fill_in_school_parts(root)  # contacts and dates written, INVULLEN taken away
    files = sorted((root / "content/schools").glob("*/zelfevaluatie-*.yaml"))
    assert len(files) == 64
    if assessment == "geen bestand":
        for file in files:
            file.unlink()
    texts = checked_and_built(root, "64 van 64")
    project = load_project(root, TODAY)
    for school in project.schools:
        page = visible_text(texts[f"scholen/{school.slug}/index.html"])
        assert "Er is nog geen zelfevaluatie van de basisondersteuning voor 2025-2026." in page
        compare = texts[f"vinder/school/{school.slug}.json"]
        assert "nog geen zelfevaluatie" in compare.lower()
    cards = re.findall(
        r'class="sop-finder-compliance">([^<]*)<',
        "".join(texts[n] for n in texts if n.startswith("gemeenten/")),
    )
    assert len(cards) == 64  # on its gemeente's page, each school's card
    assert set(cards) == {"Nog geen zelfevaluatie basisondersteuning"}
    figures = [
        (name, found.group())
        for name, text in texts.items()
        if name.endswith((".html", ".json")) and name != "basisondersteuning/index.html"
        for found in FIGURE.finditer(visible_text(text))
    ]
    assert figures == []
    index = texts["vinder/scholen.json"]
    assert "/0/" not in index  # no "met/counted/percentage" for any school


def test_a_kern_without_schools_is_published_only_once_the_list_is_not_marked(tmp_path: Path):
    """`kernen` still under INVULLEN: the kernen the schools belong to are structure and stay,
    a kern no school belongs to (as nieuw-swv's untouched example) is not published."""
    root = imported(tmp_path)
    swv = root / "site_config/swv.yaml"
    extra = "  - id: bloemendaal\n    naam: Bloemendaal\n    gemeente: Bloemendaal\n"
    text = swv.read_text(encoding="utf-8")
    assert "\n# Het doel per schooljaar" in text
    text = text.replace(
        "\n# Het doel per schooljaar", "\n" + extra.rstrip() + "\n# Het doel per schooljaar"
    )
    swv.write_text(text, encoding="utf-8")
    assert ("site_config/swv.yaml", "kernen") in marked_in_site_config(root)
    texts = checked_and_built(root)
    assert "gemeenten/velsen/index.html" in texts
    assert "gemeenten/bloemendaal/index.html" not in texts
    assert not any(
        "Bloemendaal" in visible_text(t) for n, t in texts.items() if n.endswith(".html")
    )
    kernen_comment = text.split("\nkernen:")[0].rsplit("\n", 1)[1]
    assert kernen_comment.endswith(" INVULLEN")
    swv.write_text(text.replace(kernen_comment, kernen_comment.removesuffix(" INVULLEN")), "utf-8")
    assert ("site_config/swv.yaml", "kernen") not in marked_in_site_config(root)
    texts = checked_and_built(root)
    assert "gemeenten/bloemendaal/index.html" in texts


def test_the_internal_dashboard_lists_every_school_that_is_not_complete(sample: Path):
    """The SWV's staff see which schools still fill in their profile, and what is missing; a
    school with an error in its folder is left out of the internal site (SOP912), and the
    others are built."""
    from sop_builder.publish.intern import build_intern

    said: list[str] = []

    def dashboard() -> str:
        built = build_intern(sample, sample / "site-intern", TODAY, echo=said.append)
        assert built.ok, (built.messages, said)
        return (sample / "site-intern/index.html").read_text(encoding="utf-8")

    assert "Nog niet compleet" not in dashboard()  # every school of the sample is complete
    sop = sample / "content/schools/de-duinroos/sop.md"  # started, one field still marked
    text = sop.read_text(encoding="utf-8")
    sop.write_text(
        text.replace("\nbijgewerkt:", "\n# Bijgewerkt: INVULLEN\nbijgewerkt:", 1), encoding="utf-8"
    )
    add_new_school(sample)  # not started: its profile follows
    break_school(sample, "de-zeester")  # an error in its folder
    said.clear()
    page = dashboard()
    section = page.split('id="h-niet-compleet"', 1)[1].split("</section>", 1)[0]
    assert "3 van de 19 scholen zijn nog niet compleet." in section
    rows = re.findall(
        r'<tr><th scope="row">([^<]+)</th><td[^>]*>([^<]*)</td><td[^>]*>([^<]+)</td>', section
    )
    names = [name for name, _, _ in rows]
    assert names == sorted(names, key=str.lower)
    found = {name: (code, missing) for name, code, missing in rows}
    assert found["Basisschool De Duinroos"] == ("98XA00", "boven bijgewerkt staat nog INVULLEN")
    code, missing = found["De Vlieger"]
    assert code == "12AB00"
    assert missing.startswith("nog niet begonnen; in te vullen: contactpersonen")
    [zeester] = [name for name in found if "Zeester" in name]
    assert found[zeester][1] == "er staat nog 1 fout in de map van de school"
    # the school with the error has no report; its error and SOP912 are said, the others built
    reports = {p.parent.name for p in (sample / "site-intern/scholen").glob("*/index.html")}
    assert "de-zeester" not in reports
    assert "de-duinroos" in reports
    output = "".join(said)
    assert "content/schools/de-zeester/sop.md" in output
    held = [i for i in internal_view(load_project(sample, TODAY)).issues if i.code == "SOP912"]
    assert [i.path for i in held] == ["content/schools/de-zeester/sop.md"]
    assert "staat niet op de interne site: er staat nog 1 fout" in held[0].message


def test_on_go_live_day_the_internal_dashboard_says_no_school_is_complete_yet(tmp_path: Path):
    from sop_builder.publish.intern import build_intern

    root = imported(tmp_path)
    built = build_intern(root, root / "site-intern", TODAY, echo=lambda _: None)
    assert built.ok, built.messages
    assert "(64 scholen nog niet compleet)" in built.messages[0]
    page = " ".join(visible_text((root / "site-intern/index.html").read_text("utf-8")).split())
    assert "Nog geen school heeft haar profiel compleet." in page
    assert "0 van de 0 scholen" not in page
    assert "64 van de 64 scholen zijn nog niet compleet." in page


def test_marked_list_items_name_the_step_under_the_mark():
    """A mark above `- naam` (or above a field inside the item) marks that item only; a mark
    above a top-level key marks no item; a nested list does not count as items."""
    from sop_builder.project.placeholders import marked_list_items

    text = (
        "inleiding: x\n"
        "stappen:\n"
        "  - naam: De school\n"
        "    soorten:\n"
        "      - a\n"
        "      - b\n"
        "  # Pas aan. INVULLEN\n"
        "  - naam: Het steunpunt\n"
        "  - naam: De consulenten\n"
        "    # Vul in. INVULLEN\n"
        "    duur: ...\n"
        "# Kijk dit na. INVULLEN\n"
        "toelating:\n"
        "  sbo: Zin.\n"
    )
    assert marked_list_items(text) == {"stappen[1]", "stappen[2]"}
    assert marked_list_items(text.replace(" INVULLEN", "")) == frozenset()


def test_check_with_a_broken_site_config_says_the_schools_were_not_checked(sample: Path):
    """An error in swv.yaml stops the reading of the schools: `check` says that they were not
    checked, not '0 van 18 scholen zijn compleet.'"""
    swv = sample / "site_config/swv.yaml"
    swv.write_text(swv.read_text(encoding="utf-8").replace("naam:", "naam: [", 1), "utf-8")
    checked = check(sample)
    assert checked.exit_code == 1
    assert "site_config/swv.yaml" in checked.output
    assert "De 18 scholen zijn nog niet gecontroleerd, omdat site_config/ fouten heeft." in (
        checked.output
    )
    assert "compleet" not in checked.output
