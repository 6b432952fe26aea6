"""Real schools: every school location of the Netherlands as DUO published them
(../shared/data/scholen-nl/vestigingen-2024-11.csv, 8,717 rows), and one real SWV end to end.

The data file is looked for beside the repository (in a parent folder's shared/data/); without
it these tests are skipped, except in CI (the environment variable CI set), where it is there
and its absence is a failure.
"""

from __future__ import annotations

import csv
import html
import io
import json
import os
import re
import subprocess
from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner

from sop_builder.authoring.import_schools import SchoolsRequest, import_schools
from sop_builder.cli.main import main
from sop_builder.project.load import load_project
from sop_builder.project.municipalities import EXCEPTIONS, Municipalities, letters
from sop_builder.project.routes import school_route
from sop_builder.publish.intern import build_intern
from sop_builder.publish.public import build_site
from sop_builder.site.render import Renderer

from .conftest import FIXTURES, REPO, TODAY, make_project

DATA_NAME = Path("shared/data/scholen-nl/vestigingen-2024-11.csv")
IJMOND = FIXTURES / "duo" / "ijmond"
# DUO's kinds of school in the real data -> how the import reads them (TYPE column).
SCHOOLS = "content/schools"


def _checkouts() -> list[Path]:
    """This checkout, and (for a clone made from a local checkout, as CI makes one) the
    checkout it was cloned from: the data lies beside the project's own checkout."""
    found = [REPO]
    origin = subprocess.run(
        ["git", "-C", str(REPO), "config", "--get", "remote.origin.url"],
        capture_output=True,
        text=True,
        check=False,
    ).stdout.strip()
    if origin and Path(origin).is_dir():
        found.append(Path(origin).resolve())
    return found


def real_data() -> Path:
    """The real data file, or skip (fail in CI) when it is not there."""
    for checkout in _checkouts():
        for parent in checkout.parents:
            if (parent / DATA_NAME).is_file():
                return parent / DATA_NAME
    message = f"the real data ({DATA_NAME}) is not beside the repository"
    if os.environ.get("CI"):
        pytest.fail(message + "; in CI it must be")
    pytest.skip(message)


def real_rows() -> list[dict[str, str]]:
    with real_data().open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle, delimiter=";"))


SHORTENED = {duo for duo, name in EXCEPTIONS.items() if letters(duo) != letters(name)}


def assert_proper(duo: str, name: str) -> None:
    """``name`` is a proper form of DUO's ``duo``: not in capitals, the same letters (or one of
    the few names DUO shortens, from the table)."""
    assert name != name.upper(), (duo, name)
    assert letters(name) == letters(duo) or duo in SHORTENED, (duo, name)


def test_every_gemeente_of_the_real_data_gets_its_proper_name():
    rows = real_rows()
    names = Municipalities(r["plaats"] for r in rows)
    gemeenten = sorted({r["gemeente"] for r in rows})
    assert len(gemeenten) > 300
    proper = {g: names.proper_name(g) for g in gemeenten}
    for duo, name in proper.items():
        assert_proper(duo, name)
    assert proper["S GRAVENHAGE"] == "'s-Gravenhage"
    assert proper["SUDWEST-FRYSLAN"] == "Súdwest-Fryslân"
    assert proper["GELDROP-MIERLO"] == "Geldrop-Mierlo"
    assert proper["CAPELLE AAN DEN IJSSEL"] == "Capelle aan den IJssel"
    assert proper["REUSEL-DE MIERDEN"] == "Reusel-De Mierden"
    assert proper["HOF VAN TWENTE"] == "Hof van Twente"
    assert {"BERGEN LB", "NUENEN CA"} == SHORTENED
    # Without the places of DUO's files the rules and the table give the same names.
    assert {g: Municipalities().proper_name(g) for g in gemeenten} == proper
    # The check can fail: DUO's form itself, or a name of other letters, is caught.
    with pytest.raises(AssertionError):
        assert_proper("SUDWEST-FRYSLAN", "SUDWEST-FRYSLAN")
    with pytest.raises(AssertionError):
        assert_proper("SUDWEST-FRYSLAN", "Noardeast-Fryslân")


def duo_file(rows: list[dict[str, str]], path: Path) -> Path:
    """The rows in the layout of DUO's location files (a TYPE column with DUO's kinds)."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(
        [
            "VESTIGINGSCODE", "VESTIGINGSNAAM", "STRAATNAAM", "HUISNUMMER", "HUISLETTER",
            "HUISNUMMERTOEVOEGING", "POSTCODE", "PLAATSNAAM", "GEMEENTENAAM", "DENOMINATIE",
            "INTERNETADRES", "TYPE", "LAT", "LON",
        ]
    )  # fmt: skip
    for r in rows:
        writer.writerow(
            [
                r["vestigingscode"], r["naam"], r["straat"], r["huisnummer"], r["huisletter"],
                r["huisnummertoevoeging"], r["postcode"], r["plaats"], r["gemeente"],
                r["denominatie"], r["internetadres"], r["type"], r["lat"], r["lon"],
            ]
        )  # fmt: skip
    path.write_text(out.getvalue(), encoding="utf-8")
    return path


def fill_in_school_parts(root: Path) -> None:
    """What each school writes before its page can be published: contacts and dates, and the
    word INVULLEN taken away (a school that has not, gets the page "volgt")."""
    for sop in (root / SCHOOLS).glob("*/sop.md"):
        text = sop.read_text(encoding="utf-8").replace(" INVULLEN\n", "\n")  # filled in
        text = text.replace(
            "\ncontactpersonen:\n",
            "\ncontactpersonen:\n  - rol: Intern begeleider\n    naam: Ingevuld door de school\n",
        )
        text = text.replace(
            "\nvastgesteld_door_bestuur:\n", "\nvastgesteld_door_bestuur: 2025-06-01\n"
        )
        text = text.replace("\ngeldig_tot:\n", "\ngeldig_tot: 2029-07-31\n")
        text = text.replace("\nbijgewerkt:\n", "\nbijgewerkt: 2025-09-01\n")
        sop.write_text(text, encoding="utf-8")
        for assessment in sop.parent.glob("zelfevaluatie-*.yaml"):
            text = assessment.read_text(encoding="utf-8").replace(" INVULLEN\n", "\n")
            assessment.write_text(
                text.replace("\ningevuld_op:\n", "\ningevuld_op: 2025-10-01\n"), encoding="utf-8"
            )


def heading_lines(template: Path) -> str:
    """The lines of the school page's template up to and with its heading: the front matter
    (title: the route's, description) and the heading."""
    lines = template.read_text(encoding="utf-8").splitlines()
    end = next(i for i, line in enumerate(lines) if line.startswith("# "))
    return "\n".join(lines[: end + 1]) + "\n"


@pytest.mark.slow
def test_every_real_name_and_place_comes_out_unchanged_as_title_and_heading(tmp_path: Path):
    """All 8,717 rows: written into school folders by import-scholen, read and checked by
    check (in-process), and rendered as the school page's title and heading by the site's
    own Renderer and template lines."""
    rows = real_rows()
    assert len(rows) == 8717
    root = make_project(tmp_path, "other-swv")
    for folder in (root / SCHOOLS).iterdir():
        for file in folder.iterdir():
            file.unlink()
        folder.rmdir()
    source = duo_file(rows, tmp_path / "vestigingen.csv")
    request = SchoolsRequest(
        [source],
        postcodes=["1000-9999"],
        vso_as="so",
        kern="veenhorst",
        today=TODAY,
    )
    result = import_schools(root, request)
    assert result.ok, [i for i in result.issues if i.is_error][:5]
    assert not [i for i in result.issues if i.code == "SOP773"]  # every row could be used
    # One school per vestigingscode, kind and address: rows that repeat an address are one.
    places = {
        (r["vestigingscode"], r["type"], r["straat"], r["huisnummer"], r["huisletter"].lower(),
         r["huisnummertoevoeging"], r["postcode"])
        for r in rows
    }  # fmt: skip
    folders = sorted(p.name for p in (root / SCHOOLS).iterdir())
    assert len(folders) == len(places)
    assert all(len(name) <= 60 for name in folders)
    fill_in_school_parts(root)
    project = load_project(root, TODAY)
    school_errors = [i for i in project.errors if i.path.startswith(SCHOOLS)]
    assert school_errors == [], school_errors[:5]
    assert len(project.schools) == len(places)
    expected = Counter((" ".join(r["naam"].split()), r["plaats"]) for r in rows)
    renderer = Renderer(project, REPO / "templates")
    snippet = renderer.env.from_string(heading_lines(REPO / "templates/pages/school.md.j2"))
    seen: Counter[tuple[str, str]] = Counter()
    for school in project.schools:
        page = snippet.render(front=school.front, route=school_route(school))
        title = html.unescape(json.loads(re.search(r"^title: (.*)$", page, re.M)[1]))
        heading = html.unescape(re.search(r"^# (.*)$", page, re.M)[1])
        description = html.unescape(json.loads(re.search(r"^description: (.*)$", page, re.M)[1]))
        assert title == heading == school.front.name, (school.slug, title, heading)
        assert description.endswith(f" in {school.front.address.place}")
        seen[(school.front.name, school.front.address.place)] += 1
    # Every name and place of the data is there as DUO writes it (runs of spaces read as one,
    # as every plain-text field does), no other.
    assert set(seen) == set(expected)


def ijmond_project(tmp_path: Path) -> Path:
    """A new project made by nieuw-swv, whose data officer names the five gemeenten as its
    groups (the SWV groups its schools by gemeente)."""
    root = make_project(tmp_path)
    made = CliRunner().invoke(
        main,
        [
            *("nieuw-swv", "--map", str(root), "--vervang", "--datum", TODAY.isoformat()),
            *("--naam", "Samenwerkingsverband Passend Onderwijs IJmond", "--korte-naam"),
            *("SWV IJmond", "--adres", "Postbus 1, 1940 AA Beverwijk", "--groepering"),
            *("gemeente", "--meervoud", "gemeenten", "--site-adres", "https://sop.example.nl"),
            *("--schooljaar", "2025-2026"),
        ],
    )
    assert made.exit_code == 0, made.output
    swv = root / "site_config/swv.yaml"
    groups = "".join(
        f"  - id: {name.lower()}\n    naam: {name}\n    gemeente: {name}\n"
        for name in ("Beverwijk", "Castricum", "Heemskerk", "Uitgeest", "Velsen")
    )
    text = swv.read_text(encoding="utf-8")
    text = re.sub(r"kernen:\n(  .*\n)+", f"kernen:\n{groups}", text)
    swv.write_text(text, encoding="utf-8")
    return root


def test_one_real_swv_from_duos_files_to_both_sites(tmp_path: Path):
    """SWV Passend Onderwijs IJmond (PO): the primary and special schools of Beverwijk,
    Castricum, Heemskerk, Uitgeest and Velsen, from the real data in DUO's layouts."""
    rows = real_rows()  # (skips without the real data, like the tests above)
    gemeenten = {"BEVERWIJK", "CASTRICUM", "HEEMSKERK", "UITGEEST", "VELSEN"}
    real = {
        r["vestigingscode"]: r["naam"]
        for r in rows
        if r["gemeente"] in gemeenten and r["type"] in ("basisschool", "SBAO", "SO", "(V)SO")
    }
    assert len(real) == 64
    root = ijmond_project(tmp_path)
    run = CliRunner().invoke(
        main,
        [
            *("import-scholen", "--map", str(root), *map(str, sorted(IJMOND.glob("*.csv")))),
            *("--gemeenten", "Beverwijk;Castricum;Heemskerk;Uitgeest;Velsen"),
            *("--soorten", "bao,sbo,so", "--datum", TODAY.isoformat()),
        ],
    )
    assert run.exit_code == 0, run.output
    assert "Nieuw (64):" in run.output
    project = load_project(root, TODAY)
    # Freshly imported, each school still has to write its contacts and dates: check names
    # exactly those fields, as warnings (its page says "volgt": tests/test_go_live.py).
    assert project.errors == []
    errors = {
        (i.path.split("/")[2], i.field)
        for i in project.warnings
        if i.code == "SOP411" and i.path.startswith(SCHOOLS)
    }
    folders = sorted(p.name for p in (root / SCHOOLS).iterdir() if p.is_dir())
    assert len(folders) == 64
    assert errors == {
        (folder, field)
        for folder in folders
        for field in (
            "contactpersonen",
            "vastgesteld_door_bestuur",
            "geldig_tot",
            "bijgewerkt",
            "ingevuld_op",
        )
    }
    fill_in_school_parts(root)
    checked = CliRunner().invoke(
        main, ["controleer", "--map", str(root), "--datum", TODAY.isoformat()]
    )
    assert checked.exit_code == 0, checked.output[-3000:]
    assert build_site(root, today=TODAY, echo=lambda _: None).ok
    assert build_intern(root, root / "site-intern", TODAY, echo=lambda _: None).ok
    project = load_project(root, TODAY)
    by_code = {s.front.vestigingscode: s for s in project.schools}
    assert set(by_code) == set(real)
    for code, name in real.items():
        school = by_code[code]
        page = (root / "site/scholen" / school.slug / "index.html").read_text(encoding="utf-8")
        heading = re.search(r"<h1[^>]*>(.*?)</h1>", page, re.S)[1]
        title = re.search(r"<title>(.*?)</title>", page, re.S)[1]
        assert html.unescape(re.sub(r"<[^>]+>", "", heading)).strip() == name, code
        assert html.unescape(title).startswith(name), code
        report = root / "site-intern"
        assert any(name in p.read_text(encoding="utf-8") for p in [report / "index.html"])
    # The gemeenten in their proper form, never DUO's capitals.
    assert "VELSEN" not in (root / "site/index.html").read_text(encoding="utf-8")
