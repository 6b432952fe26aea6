"""The web editor: Decap CMS configuration from the schema, the local backend, the admin page."""

from __future__ import annotations

import json
import subprocess
import sys
import urllib.error
import urllib.request
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from sop_builder.cli.main import main
from sop_builder.core.roundtrip import merge_yaml_text
from sop_builder.core.yamlread import read_yaml
from sop_builder.editor.backend import LocalBackend, Refused
from sop_builder.editor.config import decap_config, file_patterns
from sop_builder.project.config import load_config
from sop_builder.publish.public import build_site

from .conftest import TODAY

SCHOOL = "content/schools/de-boomgaard"


def _config(root: Path, local: bool) -> dict:
    config, issues = load_config(root)
    assert config is not None, issues
    api = "http://127.0.0.1:9/api/v1" if local else None
    return decap_config(config, root, api)


def _field(collection: dict, name: str) -> dict:
    return next(f for f in collection["fields"] if f["name"] == name)


def test_forms_come_from_the_schema_with_choices_from_site_config(sample: Path):
    config = _config(sample, local=True)
    assert config["locale"] == "nl"
    by_name = {c["name"]: c for c in config["collections"]}
    assert list(by_name) == [
        "scholen",
        "zelfevaluaties",
        "workshops",
        "verhalen",
        "netwerkgroepen",
        "expertisecentra",
    ]
    sop = by_name["scholen"]
    swv = yaml.safe_load((sample / "site_config/swv.yaml").read_text(encoding="utf-8"))
    kern = _field(sop, "kern")
    assert kern["widget"] == "select"
    assert [o["value"] for o in kern["options"]] == [k["id"] for k in swv["kernen"]]
    assert kern["label"] == "Kern" and kern["required"] is True
    expertise = _field(sop, "interne_expertise")
    assert expertise["widget"] == "select" and expertise["multiple"] is True
    assert {"label": "Dyslexiespecialist", "value": "dyslexiespecialist"} in expertise["options"]
    assert _field(sop, "email")["required"] is False
    assert _field(sop, "vestigingscode")["pattern"][0] == r"^\d{2}[A-Z]{2}\d{2}$"
    assert _field(sop, "geldig_tot")["format"] == "YYYY-MM-DD"
    assert _field(sop, "body")["modes"] == ["raw"]
    contacts = _field(sop, "contactpersonen")
    assert [f["name"] for f in contacts["fields"]] == ["rol", "naam", "email", "telefoon"]
    # What the school offers: one block per need of the SWV, each with the scale as a dropdown.
    support = _field(sop, "ondersteuning")
    vocab = yaml.safe_load((sample / "site_config/vocabularies.yaml").read_text(encoding="utf-8"))
    assert support["widget"] == "object"
    assert [f["name"] for f in support["fields"]] == [n["id"] for n in vocab["behoeften"]]
    reading = support["fields"][0]
    assert reading["label"] == vocab["behoeften"][0]["label"]
    assert [f["name"] for f in reading["fields"]] == ["niveau", "wat", "grens"]
    level = reading["fields"][0]
    assert level["widget"] == "select"
    assert [o["value"] for o in level["options"]] == [lv["id"] for lv in vocab["aanbodniveaus"]]
    assert {"label": "Dit bieden wij", "value": "ja"} in level["options"]
    practical = _field(sop, "praktisch")
    assert [f["name"] for f in practical["fields"]] == [f["id"] for f in vocab["praktisch"]]
    assert _field(practical, "lift")["widget"] == "select"
    assert [f["name"] for f in _field(sop, "aanmelden")["fields"]] == [
        "kennismaken",
        "inschrijven",
        "intake",
        "link",
    ]

    workshop = by_name["workshops"]
    assert [o["value"] for o in _field(workshop, "soort")["options"]][:2] == [
        "workshop",
        "training",
    ]
    assert _field(workshop, "plaatsen")["widget"] == "number"
    story = _field(by_name["verhalen"], "scholen")
    assert {"label": "Basisschool De Boomgaard", "value": "de-boomgaard"} in story["options"]

    # Self-assessments: one form per existing file (a school folder holds other YAML files too).
    assessments = by_name["zelfevaluaties"]["files"]
    files = sorted((sample / "content/schools").glob("*/zelfevaluatie-*.yaml"))
    assert sorted(f["file"] for f in assessments) == [
        f.relative_to(sample).as_posix() for f in files
    ]
    boomgaard = next(f for f in assessments if f["name"] == "de-boomgaard-2025-2026")
    assert boomgaard["label"] == "Basisschool De Boomgaard, schooljaar 2025-2026"
    scores = _field(boomgaard, "scores")
    assert len(scores["fields"]) == 65
    first = scores["fields"][0]
    assert first["name"] == "BO-01" and first["widget"] == "sop-score"
    assert [o["value"] for o in first["options"]] == ["ja", "deels", "nee"]


def test_hosted_editor_saves_to_the_git_host_with_a_review(sample: Path):
    config = _config(sample, local=False)
    assert config["backend"] == {
        "name": "github",
        "branch": "main",
        "repo": "swv-duinkust/sop-site",
    }
    assert [c["name"] for c in config["collections"]] == [
        c["name"] for c in _config(sample, local=True)["collections"]
    ]
    assert config["publish_mode"] == "editorial_workflow"  # werkwijze: ter-beoordeling
    assert "site_url" not in config  # given by the build (mkdocs.yml), see the admin page test
    assert _config(sample, local=True)["publish_mode"] == "simple"


def test_round_trip_changes_one_value_and_keeps_comments_and_empty_fields():
    old = (
        "# Uitleg bovenaan.\n"
        "naam: De School  # achter de waarde\n"
        "# Telefoon: mag leeg.\n"
        "telefoon:\n"
        "adres:\n"
        "  straat: Dorpsstraat 1\n"
        "  plaats: Ergens\n"
        "lijst: [a, b]\n"
        "datum: 2025-01-31\n"
        "code: 012345\n"
    )
    tree, _ = read_yaml(old, "x.yaml")
    same = merge_yaml_text(old, tree.data)
    assert same == old
    new = dict(tree.data, adres={"straat": "Kerkplein 2", "plaats": "Ergens"}, lijst=["a"])
    changed = merge_yaml_text(old, new)
    assert changed == old.replace("Dorpsstraat 1", "Kerkplein 2").replace("[a, b]", "[a]")
    new_key = merge_yaml_text(old, dict(tree.data, email="info@school.nl", leeg=""))
    assert new_key == old + "email: info@school.nl\n"


def _backend(root: Path) -> LocalBackend:
    return LocalBackend(root, file_patterns(), TODAY)


@pytest.mark.parametrize(
    "path",
    [
        "site_config/swv.yaml",
        "content/swv/notities.yaml",
        "../buiten.md",
        "content/schools/../../x/sop.md",
        "content/schools/de-boomgaard/evaluatie-2025-2026.yaml",
    ],
)
def test_backend_touches_only_the_editors_files(sample: Path, path: str):
    with pytest.raises(Refused) as refused:
        _backend(sample).handle("persistEntry", {"entry": {"path": path, "raw": "x: y\n"}})
    assert refused.value.status == 403
    assert "webeditor" in str(refused.value) or "project" in str(refused.value)


def test_backend_never_deletes(sample: Path):
    with pytest.raises(Refused, match="Verwijderen kan niet"):
        _backend(sample).handle("deleteFile", {"path": f"{SCHOOL}/sop.md"})
    assert (sample / SCHOOL / "sop.md").is_file()


def test_a_save_that_check_refuses_is_undone_with_a_dutch_message(sample: Path):
    file = sample / SCHOOL / "sop.md"
    before = file.read_bytes()
    raw = file.read_text(encoding="utf-8").replace("kern: limmerhout", "kern: nergens")
    with pytest.raises(Refused) as refused:
        _backend(sample).handle("persistEntry", {"entry": {"path": f"{SCHOOL}/sop.md", "raw": raw}})
    message = str(refused.value)
    assert message.startswith("Niet opgeslagen.")
    assert "regel 5" in message and "nergens" in message
    assert file.read_bytes() == before


def test_self_assessment_scores_stay_short_unless_explained(sample: Path):
    """What the score widget sends: 'ja' without explanation, a mapping with one."""
    rel = f"{SCHOOL}/zelfevaluatie-2025-2026.yaml"
    file = sample / rel
    before = file.read_text(encoding="utf-8")
    backend = _backend(sample)
    entry = backend.handle("getEntry", {"path": rel})
    assert entry["data"] == before  # the editor gets the file as it is
    tree, _ = read_yaml(entry["data"], rel)
    data = tree.data
    # Saving the same values in Decap's own style (here: JSON, which is YAML) changes nothing.
    backend.handle("persistEntry", {"entry": {"path": rel, "raw": json.dumps(data)}})
    assert file.read_text(encoding="utf-8") == before
    # A new explanation makes that score a mapping; an explanation removed makes it short.
    data["scores"]["BO-02"] = {"score": "deels", "toelichting": "Nog niet in alle groepen."}
    data["scores"]["BO-25"] = "nee"
    raw = json.dumps(data, ensure_ascii=False)
    backend.handle("persistEntry", {"entry": {"path": rel, "raw": raw}})
    after = file.read_text(encoding="utf-8")
    assert after.startswith("# Zelfevaluatie basisondersteuning")
    assert "  BO-01: ja\n" in after and "  BO-25: nee\n" in after
    assert "  BO-02:\n    score: deels\n    toelichting: Nog niet in alle groepen.\n" in after
    assert len(after.splitlines()) == len(before.splitlines())  # +2 for BO-02, -2 for BO-25


def test_built_site_has_the_admin_page_with_its_own_policy(sample: Path):
    assert build_site(sample, today=TODAY, echo=lambda s: None).ok
    admin = sample / "site" / "admin"
    page = (admin / "index.html").read_text(encoding="utf-8")
    assert page.count('http-equiv="Content-Security-Policy"') == 1
    assert "connect-src 'self' https://api.github.com;" in page
    assert '<script src="decap-cms.js"></script>' in page
    assert (admin / "decap-cms.js").stat().st_size > 1_000_000
    config = yaml.safe_load((admin / "config.yml").read_text(encoding="utf-8"))
    assert config["backend"]["repo"] == "swv-duinkust/sop-site"
    assert config["site_url"] == "https://sop.swv-duinkust.nl"
    assert config["show_preview_links"] is False  # see webeditor.decap_config
    home = (sample / "site" / "index.html").read_text(encoding="utf-8")
    assert "'unsafe-eval'" not in home
    sitemap = (sample / "site" / "sitemap.xml").read_text(encoding="utf-8")
    assert "/admin/" not in sitemap


def test_without_webeditor_settings_the_site_has_no_admin_page(sample: Path):
    (sample / "site_config" / "webeditor.yaml").unlink()
    assert build_site(sample, today=TODAY, echo=lambda s: None).ok
    assert not (sample / "site" / "admin").exists()


def test_a_new_workshop_from_the_editor_is_written_and_checked(sample: Path):
    rel = "content/aanbod/workshops/lezen-met-plezier.md"
    raw = (
        "---\n"
        "titel: Lezen met plezier\n"
        "samenvatting: Hoe maak je lezen leuk voor kinderen die moeite hebben met lezen?\n"
        "interne_notitie: null\n"
        "doelgroep:\n  - leerkrachten\n"
        "soort: workshop\n"
        "datum: 2027-02-10\n"
        "begin: '15:30'\n"
        "einde: '17:00'\n"
        "plaats: SBO Het Anker, Wijkerzand\n"
        "aanmelden: null\n"
        "plaatsen: 20\n"
        "---\n"
        "Je leert spelletjes en boeken kiezen die kinderen graag lezen.\n"
    )
    _backend(sample).handle("persistEntry", {"entry": {"path": rel, "raw": raw}})
    written = (sample / rel).read_text(encoding="utf-8")
    assert "null" not in written and "interne_notitie" not in written
    assert "begin: 15:30\n" in written and "plaatsen: 20\n" in written
    checked = CliRunner().invoke(main, ["check", "--map", str(sample), "--datum", "2026-11-23"])
    assert checked.exit_code == 0, checked.output
    assert "lezen-met-plezier" not in checked.output


def _api(url: str, action: str, headers: dict[str, str] | None = None) -> urllib.request.Request:
    body = json.dumps({"action": action, "params": {}}).encode()
    sent = {"Content-Type": "application/json", **(headers or {})}
    return urllib.request.Request(url + "/api/v1", data=body, headers=sent, method="POST")


def test_editor_command_serves_the_admin_page_and_the_local_configuration(sample: Path):
    command = [sys.executable, "-c", "from sop_builder.cli.main import main; main()"]
    process = subprocess.Popen(
        [*command, "editor", "--map", str(sample), "--poort", "0"],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        first = process.stdout.readline()
        url = first.split(" op ", 1)[1].split("/admin/", 1)[0]
        assert url.startswith("http://127.0.0.1:")
        page = urllib.request.urlopen(url + "/admin/", timeout=10).read().decode()
        assert '<link href="config.yml" type="text/yaml" rel="cms-config-url">' in page
        text = urllib.request.urlopen(url + "/admin/config.yml", timeout=10).read().decode()
        config = yaml.safe_load(text)
        assert config["backend"] == {
            "name": "proxy",
            "proxy_url": url + "/api/v1",
            "branch": "main",
        }
        info = json.loads(urllib.request.urlopen(_api(url, "info"), timeout=10).read())
        assert info == {"repo": sample.name, "publish_modes": ["simple"], "type": "local_fs"}
        # Another website in the same browser, or a form posting plain text, may not save.
        for request in (
            _api(url, "info", {"Origin": "https://kwaadwillend.example"}),
            _api(url, "info", {"Content-Type": "text/plain"}),
            _api(url, "info", {"Host": "kwaadwillend.example:8081"}),
        ):
            with pytest.raises(urllib.error.HTTPError) as refused:
                urllib.request.urlopen(request, timeout=10)
            assert refused.value.code == 403
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_without_the_editors_program_the_build_stops_and_keeps_the_old_site(
    sample: Path, monkeypatch: pytest.MonkeyPatch
):
    from sop_builder.editor import assets as webeditor_assets

    assert build_site(sample, today=TODAY, echo=lambda s: None).ok
    before = (sample / "site" / "index.html").read_bytes()

    def offline(timeout: float = 60.0) -> Path:
        raise webeditor_assets.AssetsUnavailable("Decap CMS kon niet worden gedownload.")

    monkeypatch.setattr(webeditor_assets, "ensure_assets", offline)
    result = build_site(sample, today=TODAY, echo=lambda s: None)
    assert not result.ok
    [issue] = result.issues
    assert (issue.code, issue.path) == ("SOP906", "site_config/webeditor.yaml")
    assert issue.message.startswith("De webeditor (admin/) kon niet worden gemaakt")
    assert "site_config/webeditor.yaml tijdelijk weg" in issue.hint
    assert result.messages[-1] == "De site is niet gebouwd; de vorige versie blijft staan."
    assert (sample / "site" / "index.html").read_bytes() == before


def test_a_save_over_a_file_changed_since_it_was_opened_is_refused(sample: Path):
    rel = f"{SCHOOL}/sop.md"
    file = sample / rel
    backend = _backend(sample)
    shown = backend.handle("getEntry", {"path": rel})["data"]
    # Meanwhile someone else changes the phone number in the file itself.
    theirs = file.read_text(encoding="utf-8").replace("0251 281 230", "0251 999 999")
    file.write_text(theirs, encoding="utf-8")
    mine = shown.replace("Wij zijn een dorpsschool", "Wij zijn een kleine dorpsschool")
    with pytest.raises(Refused) as refused:
        backend.handle("persistEntry", {"entry": {"path": rel, "raw": mine}})
    assert refused.value.status == 409
    assert "veranderd sinds u het opende" in str(refused.value)
    assert file.read_text(encoding="utf-8") == theirs  # their change is not lost
    # After opening it again, the save goes through and keeps both changes.
    shown = backend.handle("getEntry", {"path": rel})["data"]
    mine = shown.replace("Wij zijn een dorpsschool", "Wij zijn een kleine dorpsschool")
    backend.handle("persistEntry", {"entry": {"path": rel, "raw": mine}})
    assert file.read_text(encoding="utf-8") == theirs.replace(
        "Wij zijn een dorpsschool", "Wij zijn een kleine dorpsschool"
    )


def test_an_undone_save_puts_back_the_exact_bytes(sample: Path):
    rel = f"{SCHOOL}/sop.md"
    file = sample / rel
    original = b"\xef\xbb\xbf" + file.read_bytes().replace(b"\n", b"\r\n")  # BOM and CRLF
    file.write_bytes(original)
    raw = file.read_text(encoding="utf-8-sig").replace("kern: limmerhout", "kern: nergens")
    with pytest.raises(Refused):
        _backend(sample).handle("persistEntry", {"entry": {"path": rel, "raw": raw}})
    assert file.read_bytes() == original


def test_a_block_field_without_value_from_the_editor_is_an_empty_field():
    """Decap writes a field of a block that has no value as '? niveau' (an explicit YAML key
    without a value); that is an empty field, and an empty field stays as it was."""
    from sop_builder.core.roundtrip import merge_document

    old = "---\nnaam: De Vlieger\n# Lezen\nondersteuning:\n  lezen:\n    niveau:\n    wat:\n---\n\n## Visie\n"
    new = "---\nnaam: De Vlieger\nondersteuning:\n  lezen:\n    ? niveau\n    ? wat\n---\n\n## Visie\n"
    merged, problems = merge_document("content/schools/x/sop.md", old, new)
    assert problems == [] and merged == old
    changed = new.replace("? niveau", "niveau: ja")
    merged, problems = merge_document("content/schools/x/sop.md", old, changed)
    assert problems == [] and "    niveau: ja\n    wat:\n" in merged and "# Lezen" in merged
