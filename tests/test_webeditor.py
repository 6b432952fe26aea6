"""The web editor: Decap CMS configuration from the schema, the local backend, the admin page."""

from __future__ import annotations

import errno
import json
import os
import re
import shutil
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
from sop_builder.editor.config import creatable_patterns, decap_config, file_patterns
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
    assert kern["label"] == "Kern"
    assert kern["required"] is True
    expertise = _field(sop, "interne_expertise")
    assert expertise["widget"] == "select"
    assert expertise["multiple"] is True
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
    assert first["name"] == "BO-01"
    assert first["widget"] == "sop-score"
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
    return LocalBackend(root, file_patterns(), TODAY, creatable=creatable_patterns())


def _open(backend: LocalBackend, rel: str) -> tuple[str, str]:
    """What a form gets when it opens ``rel``: the text and its version (``file.id``)."""
    entry = backend.handle("getEntry", {"path": rel})
    return entry["data"], entry["file"]["id"]


def _save(backend: LocalBackend, rel: str, raw: str, version: str | None) -> str | None:
    """Save as the editor's page does (the version it opened the form with); the new version."""
    params = {"dataFiles": [{"path": rel, "raw": raw, "version": version}], "assets": []}
    return backend.handle("persistEntry", params).get("versions", {}).get(rel)


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
    backend = _backend(sample)
    shown, version = _open(backend, f"{SCHOOL}/sop.md")
    raw = shown.replace("kern: limmerhout", "kern: nergens")
    with pytest.raises(Refused) as refused:
        _save(backend, f"{SCHOOL}/sop.md", raw, version)
    message = str(refused.value)
    # The form's field by its label, what is wrong and what to do; no line of a file the form
    # does not show.
    assert message.startswith("Kern: De kern 'nergens' bestaat niet. Kies uit: noord")
    assert message.endswith("Er is niets opgeslagen.")
    assert "regel" not in message
    assert file.read_bytes() == before


def test_self_assessment_scores_stay_short_unless_explained(sample: Path):
    """What the score widget sends: 'ja' without explanation, a mapping with one."""
    rel = f"{SCHOOL}/zelfevaluatie-2025-2026.yaml"
    file = sample / rel
    before = file.read_text(encoding="utf-8")
    backend = _backend(sample)
    shown, version = _open(backend, rel)
    assert shown == before  # the editor gets the file as it is
    tree, _ = read_yaml(shown, rel)
    data = tree.data
    # Saving the same values in Decap's own style (here: JSON, which is YAML) changes nothing.
    assert _save(backend, rel, json.dumps(data), version) == version
    assert file.read_text(encoding="utf-8") == before
    # A new explanation makes that score a mapping; an explanation removed makes it short.
    data["scores"]["BO-02"] = {"score": "deels", "toelichting": "Nog niet in alle groepen."}
    data["scores"]["BO-25"] = "nee"
    raw = json.dumps(data, ensure_ascii=False)
    _save(backend, rel, raw, version)
    after = file.read_text(encoding="utf-8")
    assert after.startswith("# Zelfevaluatie basisondersteuning")
    assert "  BO-01: ja\n" in after
    assert "  BO-25: nee\n" in after
    assert "  BO-02:\n    score: deels\n    toelichting: Nog niet in alle groepen.\n" in after
    assert len(after.splitlines()) == len(before.splitlines())  # +2 for BO-02, -2 for BO-25


def test_built_site_has_the_admin_page_with_its_own_policy(sample_build):
    admin = sample_build.root / "site" / "admin"
    page = (admin / "index.html").read_text(encoding="utf-8")
    assert page.count('http-equiv="Content-Security-Policy"') == 1
    assert "connect-src 'self' https://api.github.com;" in page
    assert '<script src="decap-cms.js"></script>' in page
    assert (admin / "decap-cms.js").stat().st_size > 1_000_000
    config = yaml.safe_load((admin / "config.yml").read_text(encoding="utf-8"))
    assert config["backend"]["repo"] == "swv-duinkust/sop-site"
    assert config["site_url"] == "https://sop.swv-duinkust.nl"
    assert config["show_preview_links"] is False  # see webeditor.decap_config
    home = (sample_build.root / "site" / "index.html").read_text(encoding="utf-8")
    assert "'unsafe-eval'" not in home
    sitemap = (sample_build.root / "site" / "sitemap.xml").read_text(encoding="utf-8")
    assert "/admin/" not in sitemap


def test_without_webeditor_settings_the_site_has_no_admin_page(sample: Path):
    (sample / "site_config" / "webeditor.yaml").unlink()
    assert build_site(sample, today=TODAY, echo=lambda _: None).ok
    assert not (sample / "site" / "admin").exists()


def test_a_new_workshop_from_the_editor_is_written_and_checked(sample: Path):
    rel = "content/aanbod/workshops/lezen-met-plezier.md"
    raw = (
        "---\n"
        "titel: Lezen met plezier\n"
        "samenvatting: Hoe maakt u lezen leuk voor kinderen die moeite hebben met lezen?\n"
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
        "U leert spelletjes en boeken kiezen die kinderen graag lezen.\n"
    )
    _save(_backend(sample), rel, raw, None)  # a new file: no version
    written = (sample / rel).read_text(encoding="utf-8")
    assert "null" not in written
    assert "interne_notitie" not in written
    assert "begin: 15:30\n" in written
    assert "plaatsen: 20\n" in written
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

    assert build_site(sample, today=TODAY, echo=lambda _: None).ok
    before = (sample / "site" / "index.html").read_bytes()

    def offline(_timeout: float = 60.0) -> Path:
        raise webeditor_assets.AssetsUnavailable("Decap CMS kon niet worden gedownload.")

    monkeypatch.setattr(webeditor_assets, "ensure_assets", offline)
    result = build_site(sample, today=TODAY, echo=lambda _: None)
    assert not result.ok
    [issue] = result.issues
    assert (issue.code, issue.path) == ("SOP906", "site_config/webeditor.yaml")
    assert issue.message.startswith("De webeditor (admin/) kon niet worden gemaakt")
    assert "site_config/webeditor.yaml tijdelijk weg" in issue.hint
    assert result.messages[-1] == "De site is niet gebouwd; de vorige versie blijft staan."
    assert (sample / "site" / "index.html").read_bytes() == before


def test_the_editors_files_are_linked_from_the_cache_or_else_copied(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    from sop_builder.editor import assets as webeditor_assets

    cache = webeditor_assets.ensure_assets()
    names = sorted(p.name for p in cache.iterdir())
    linked, copied = tmp_path / "linked", tmp_path / "copied"
    webeditor_assets.copy_assets(linked)
    assert sorted(p.name for p in linked.iterdir()) == names
    same_disk = cache.stat().st_dev == tmp_path.stat().st_dev
    for name in names:
        assert (linked / name).read_bytes() == (cache / name).read_bytes()
        assert (linked / name).samefile(cache / name) == same_disk

    def no_links(*_: object) -> None:
        raise OSError(errno.EXDEV, "Invalid cross-device link")

    monkeypatch.setattr(os, "link", no_links)
    webeditor_assets.copy_assets(copied)
    webeditor_assets.copy_assets(copied)  # a second build over the first one's files
    for name in names:
        assert not (copied / name).samefile(cache / name)
        assert (copied / name).read_bytes() == (cache / name).read_bytes()


def test_a_save_over_a_file_changed_since_it_was_opened_is_refused(sample: Path):
    rel = f"{SCHOOL}/sop.md"
    file = sample / rel
    backend = _backend(sample)
    shown, version = _open(backend, rel)
    # Meanwhile someone else changes the phone number in the file itself.
    theirs = file.read_text(encoding="utf-8").replace("0251 281 230", "0251 999 999")
    file.write_text(theirs, encoding="utf-8")
    mine = shown.replace("Wij zijn een dorpsschool", "Wij zijn een kleine dorpsschool")
    with pytest.raises(Refused) as refused:
        _save(backend, rel, mine, version)
    assert refused.value.status == 409
    assert "veranderd sinds u het opende" in str(refused.value)
    assert file.read_text(encoding="utf-8") == theirs  # their change is not lost
    # After opening it again, the save goes through and keeps both changes.
    shown, version = _open(backend, rel)
    mine = shown.replace("Wij zijn een dorpsschool", "Wij zijn een kleine dorpsschool")
    _save(backend, rel, mine, version)
    both = theirs.replace("Wij zijn een dorpsschool", "Wij zijn een kleine dorpsschool")
    both = re.sub(r"(?m)^bijgewerkt: .*$", f"bijgewerkt: {TODAY.isoformat()}", both)
    assert file.read_text(encoding="utf-8") == both  # and the date of the save (save_date.py)


def test_an_undone_save_puts_back_the_exact_bytes(sample: Path):
    rel = f"{SCHOOL}/sop.md"
    file = sample / rel
    original = b"\xef\xbb\xbf" + file.read_bytes().replace(b"\n", b"\r\n")  # BOM and CRLF
    file.write_bytes(original)
    backend = _backend(sample)
    shown, version = _open(backend, rel)
    with pytest.raises(Refused):
        _save(backend, rel, shown.replace("kern: limmerhout", "kern: nergens"), version)
    assert file.read_bytes() == original


def test_a_block_field_without_value_from_the_editor_is_an_empty_field():
    """Decap writes a field of a block that has no value as '? niveau' (an explicit YAML key
    without a value); that is an empty field, and an empty field stays as it was."""
    from sop_builder.core.roundtrip import merge_document

    old = "---\nnaam: De Vlieger\n# Lezen\nondersteuning:\n  lezen:\n    niveau:\n    wat:\n---\n\n## Visie\n"
    new = "---\nnaam: De Vlieger\nondersteuning:\n  lezen:\n    ? niveau\n    ? wat\n---\n\n## Visie\n"
    merged, problems = merge_document("content/schools/x/sop.md", old, new)
    assert problems == []
    assert merged == old
    changed = new.replace("? niveau", "niveau: ja")
    merged, problems = merge_document("content/schools/x/sop.md", old, changed)
    assert problems == []
    assert "    niveau: ja\n    wat:\n" in merged
    assert "# Lezen" in merged


# --- versions: what each form was opened with (issue 21, finding 3) ---------------------------


def test_a_second_tab_with_an_older_copy_cannot_overwrite_the_first_tabs_save(sample: Path):
    rel = f"{SCHOOL}/sop.md"
    file = sample / rel
    backend = _backend(sample)
    first, first_version = _open(backend, rel)  # tab 1
    second, second_version = _open(backend, rel)  # tab 2, the same copy
    saved = first.replace("Wij zijn een dorpsschool", "Wij zijn een kleine dorpsschool")
    new_version = _save(backend, rel, saved, first_version)
    assert "kleine dorpsschool" in file.read_text(encoding="utf-8")
    # Tab 2 still shows the old text and changes the phone number: refused, tab 1's save stays.
    with pytest.raises(Refused) as refused:
        _save(backend, rel, second.replace("0251 281 230", "0251 999 999"), second_version)
    assert refused.value.status == 409
    assert "veranderd sinds u het opende" in str(refused.value)
    after = file.read_text(encoding="utf-8")
    assert "kleine dorpsschool" in after
    assert "0251 999 999" not in after
    # Tab 1 goes on with the version its save gave it: a second save of its own goes through.
    again = saved.replace("0251 281 230", "0251 281 231")
    _save(backend, rel, again, new_version)
    assert "0251 281 231" in file.read_text(encoding="utf-8")


def test_after_a_restart_a_stale_tab_cannot_overwrite_a_git_pull(sample: Path):
    rel = f"{SCHOOL}/sop.md"
    file = sample / rel
    shown, version = _open(_backend(sample), rel)  # a tab opened before the restart
    pulled = file.read_text(encoding="utf-8").replace("0251 281 230", "0251 777 777")
    file.write_text(pulled, encoding="utf-8")  # `git pull` while the editor was stopped
    restarted = _backend(sample)  # a new server: it knows nothing of what the tab loaded
    with pytest.raises(Refused) as refused:
        _save(restarted, rel, shown.replace("dorpsschool", "kleine dorpsschool"), version)
    assert refused.value.status == 409
    assert file.read_text(encoding="utf-8") == pulled
    # A save without a version (a page that does not send one) is refused as well.
    with pytest.raises(Refused) as refused:
        restarted.handle("persistEntry", {"entry": {"path": rel, "raw": pulled + "x\n"}})
    assert refused.value.status == 409
    assert "welke versie" in str(refused.value)
    assert file.read_text(encoding="utf-8") == pulled


# --- every check a save can break, in the form's words ------------------------------------------


def test_a_vestigingscode_of_another_school_is_refused_naming_the_field(sample: Path):
    """De Boomgaard takes De Duinroos's code and address (one location of one kind, twice): the
    duplicate is reported on De Duinroos's file (the later one), so a check of the saved file
    alone would let it through. (One code at two addresses, or for an so and a vso school, is
    allowed: tests/test_import_schools.py.)"""
    rel = f"{SCHOOL}/sop.md"
    file = sample / rel
    before = file.read_bytes()
    backend = _backend(sample)
    shown, version = _open(backend, rel)
    assert shown.count("Appelgaard 9") == shown.count("1949 BG") == 1
    taken = (
        shown.replace("98XS00", "98XA00")
        .replace("Appelgaard 9", "Zeereep 12")
        .replace("1949 BG", "1941 AB")
    )
    with pytest.raises(Refused) as refused:
        _save(backend, rel, taken, version)
    message = str(refused.value)
    assert message.startswith(
        "Vestigingscode: deze wijziging geeft een fout in content/schools/de-duinroos/sop.md: "
        "De vestigingscode 98XA00 wordt ook gebruikt in content/schools/de-boomgaard/sop.md."
    )
    assert "regel" not in message
    assert message.endswith("Er is niets opgeslagen.")
    assert file.read_bytes() == before
    checked = CliRunner().invoke(main, ["check", "--map", str(sample), "--datum", "2026-11-23"])
    assert checked.exit_code == 0, checked.output


def test_a_problem_in_a_list_or_the_text_names_the_form_field(sample: Path):
    rel = f"{SCHOOL}/sop.md"
    backend = _backend(sample)
    shown, version = _open(backend, rel)
    with pytest.raises(Refused) as refused:
        _save(backend, rel, shown.replace("ib@bsdeboomgaard.nl", "ib-at-school"), version)
    message = str(refused.value)
    assert message.startswith("Contactpersonen nr. 1, E-mail:"), message
    assert "regel" not in message
    # In the text under the fields: the label of that box and the start of the line.
    with pytest.raises(Refused) as refused:
        _save(backend, rel, shown.replace("## Visie", "## Vissie"), version)
    message = str(refused.value)
    assert message.startswith("Het profiel voor ouders, bij '## Vissie': Het kopje"), message
    assert "regel" not in message


# --- which files: new entries only where allowed, nothing left behind --------------------------


@pytest.mark.parametrize(
    "rel",
    [
        "content/schools/nieuwe-school/sop.md",  # a new school folder (nieuwe-school makes those)
        "content/schools/de-boomgaard/zelfevaluatie-2031-2032.yaml",  # not a collection entry
        "content/aanbod/workshops/extra/lezen.md",  # nested inside a collection
        "content/aanbod/workshops/a/b/c.md",
    ],
)
def test_new_files_only_where_the_collection_allows_them(sample: Path, rel: str):
    raw = (sample / "content/aanbod/workshops/rust-in-de-klas.md").read_text(encoding="utf-8")
    if rel.endswith(".yaml"):
        raw = (sample / SCHOOL / "zelfevaluatie-2025-2026.yaml").read_text(encoding="utf-8")
    elif rel.endswith("sop.md"):
        raw = (sample / SCHOOL / "sop.md").read_text(encoding="utf-8").replace("98XS00", "98XZ00")
    folders = sorted(p for p in sample.rglob("*") if p.is_dir())
    with pytest.raises(Refused) as refused:
        _save(_backend(sample), rel, raw, None)
    assert refused.value.status == 403
    assert not (sample / rel).exists()
    assert sorted(p for p in sample.rglob("*") if p.is_dir()) == folders  # no folder left
    checked = CliRunner().invoke(main, ["check", "--map", str(sample), "--datum", "2026-11-23"])
    assert checked.exit_code == 0, checked.output


def test_a_refused_new_entry_leaves_no_folder_behind(sample: Path):
    shutil.rmtree(sample / "content/aanbod/workshops")  # the first workshop of this SWV
    rel = "content/aanbod/workshops/lezen-met-plezier.md"
    raw = "---\ntitel: Lezen met plezier\nsoort: feestje\n---\nTekst.\n"
    with pytest.raises(Refused) as refused:
        _save(_backend(sample), rel, raw, None)
    assert not (sample / "content/aanbod/workshops").exists()
    assert "Er is niets opgeslagen." in str(refused.value)


def test_a_new_entry_over_an_existing_file_is_refused(sample: Path):
    """Another workshop whose title gives the same file name: it must not replace the first."""
    rel = "content/aanbod/workshops/rust-in-de-klas.md"
    before = (sample / rel).read_bytes()
    raw = before.decode("utf-8").replace("titel: Rust in de klas", "titel: Rust in de klas!")
    params = {"dataFiles": [{"path": rel, "raw": raw}], "options": {"newEntry": True}}
    with pytest.raises(Refused) as refused:
        _backend(sample).handle("persistEntry", params)
    assert refused.value.status == 409
    assert "bestaat al" in str(refused.value)
    assert (sample / rel).read_bytes() == before


@pytest.mark.parametrize(
    "folder", ["/", "/etc", "content", "content/schools/..", "../..", "content/*", "site_config"]
)
def test_a_listing_never_walks_outside_the_editors_folders(
    sample: Path, folder: str, monkeypatch: pytest.MonkeyPatch
):
    walked: list[str] = []
    real_walk = Path.rglob

    def watched(self: Path, pattern: str, *args, **kwargs):
        walked.append(str(self))
        return real_walk(self, pattern, *args, **kwargs)

    monkeypatch.setattr(Path, "rglob", watched)
    params = {"folder": folder, "extension": "md", "depth": 20}
    with pytest.raises(Refused) as refused:
        _backend(sample).handle("entriesByFolder", params)
    assert refused.value.status == 403
    assert walked == []


def test_a_listing_gives_the_collections_files_only(sample: Path):
    backend = _backend(sample)
    schools = backend.handle(
        "entriesByFolder", {"folder": "content/schools", "extension": "md", "depth": 2}
    )
    assert len(schools) == 18
    assert all(e["file"]["path"].endswith("/sop.md") and e["file"]["id"] for e in schools)
    (sample / "content/aanbod/workshops/oud").mkdir()
    (sample / "content/aanbod/workshops/oud/verborgen.md").write_text("---\ntitel: x\n---\n")
    workshops = backend.handle(
        "entriesByFolder", {"folder": "content/aanbod/workshops", "extension": "md", "depth": 1}
    )
    assert [e["file"]["path"].rsplit("/", 1)[1] for e in workshops] == sorted(
        p.name for p in (sample / "content/aanbod/workshops").glob("*.md")
    )


# --- the server: sizes, hosts, bodies, the disk ------------------------------------------------


def _raw_post(url: str, body: bytes, headers: dict[str, str]) -> tuple[int, dict]:
    """POST exactly these headers (no Content-Length unless given) and body; the JSON answer."""
    import http.client
    from urllib.parse import urlparse

    address = urlparse(url)
    connection = http.client.HTTPConnection(address.hostname, address.port, timeout=10)
    connection.putrequest("POST", "/api/v1", skip_accept_encoding=True)
    for name, value in {"Content-Type": "application/json", **headers}.items():
        connection.putheader(name, value)
    connection.endheaders()
    if body:
        connection.send(body)
    response = connection.getresponse()
    answer = json.loads(response.read().decode("utf-8"))
    connection.close()
    return response.status, answer


def test_the_server_refuses_bodies_of_unknown_or_too_large_size(sample: Path):
    from sop_builder.editor.server import running_editor

    with running_editor(sample, today=TODAY) as url:
        # '-1' once made the server read to the end of the connection (50 MB got past 2 MB).
        for length in ("-1", "abc", "+5"):
            status, answer = _raw_post(url, b"", {"Content-Length": length})
            assert status == 411, (length, answer)
            assert "Content-Length" in answer["error"], (length, answer)
        status, answer = _raw_post(url, b"", {})  # no Content-Length at all
        assert status == 411
        status, answer = _raw_post(url, b"", {"Content-Length": "50000000"})
        assert status == 413
        assert "te veel tekst" in answer["error"]
        # Still serving after all of that.
        info = json.loads(urllib.request.urlopen(_api(url, "info"), timeout=10).read())
        assert info["type"] == "local_fs"


@pytest.mark.parametrize(
    "body",
    [
        b"[1, 2]",
        b"[" * 200_000,
        b'"getEntry"',
        b"{not json",
        b"\xff\xfe{}",
        b'{"action": "getEntry", "params": []}',
        b'{"action": "persistEntry", "params": {"dataFiles": "x"}}',
        b'{"action": "persistEntry", "params": {"entry": {"path": 5, "raw": "x"}}}',
        b'{"action": "entriesByFolder", "params": {"folder": "content/schools", "depth": "x"}}',
        b'{"action": "getEntry", "params": {"path": "content/schools/a\\u0000/sop.md"}}',
    ],
)
def test_a_malformed_request_gets_a_dutch_json_message(sample: Path, body: bytes):
    from sop_builder.editor.server import running_editor

    with running_editor(sample, today=TODAY) as url:
        status, answer = _raw_post(url, body, {"Content-Length": str(len(body))})
    assert status in (400, 403), answer
    assert answer["error"].startswith(("De webeditor", "Het verzoek", "Het pad")), answer


def test_get_requests_check_the_host_too(sample: Path):
    from sop_builder.editor.server import running_editor

    with running_editor(sample, today=TODAY) as url:
        for path in ("/admin/", "/admin/config.yml", "/admin/decap-cms.js"):
            request = urllib.request.Request(url + path, headers={"Host": "rebind.example:8081"})
            with pytest.raises(urllib.error.HTTPError) as refused:
                urllib.request.urlopen(request, timeout=10)
            assert refused.value.code == 403
            assert "Open de webeditor via" in refused.value.read().decode("utf-8")
        assert urllib.request.urlopen(url + "/admin/config.yml", timeout=10).status == 200


@pytest.mark.parametrize(
    ("error", "words"),
    [
        (errno.ENOSPC, "de schijf is vol"),
        (errno.EROFS, "mag niet worden beschreven"),
        (errno.EACCES, "mag niet worden beschreven"),
    ],
)
def test_a_full_disk_or_read_only_file_gets_a_dutch_message(
    sample: Path, monkeypatch: pytest.MonkeyPatch, error: int, words: str
):
    """Through the server, as the form sends it: the answer is JSON the form shows, never a
    dropped connection; the file is as it was."""
    from sop_builder.editor import backend as backend_module
    from sop_builder.editor.server import running_editor

    def refuse(path: Path, _text: str) -> None:
        raise OSError(error, os.strerror(error), str(path))

    monkeypatch.setattr(backend_module, "write_atomic", refuse)
    rel = f"{SCHOOL}/sop.md"
    before = (sample / rel).read_bytes()
    with running_editor(sample, today=TODAY) as url:
        entry = _post_json(url, {"action": "getEntry", "params": {"path": rel}})[1]
        raw = entry["data"].replace("dorpsschool", "kleine dorpsschool")
        data_file = {"path": rel, "raw": raw, "version": entry["file"]["id"]}
        status, answer = _post_json(
            url, {"action": "persistEntry", "params": {"dataFiles": [data_file]}}
        )
    assert status == 507
    assert words in answer["error"]
    assert "niet veranderd" in answer["error"]
    assert (sample / rel).read_bytes() == before


def _post_json(url: str, payload: dict) -> tuple[int, dict]:
    body = json.dumps(payload).encode("utf-8")
    return _raw_post(url, body, {"Content-Length": str(len(body))})


def test_a_full_disk_while_the_editors_files_are_copied_gives_a_dutch_message(
    sample: Path, monkeypatch: pytest.MonkeyPatch
):

    assert build_site(sample, today=TODAY, echo=lambda _: None).ok
    before = (sample / "site" / "index.html").read_bytes()

    copy, link = shutil.copyfile, os.link

    def full(make):  # the disk fills up at Decap's files: no copy and no link (a new entry)
        def refused(source, target, *args, **kwargs):
            if Path(target).parent.name == "admin":
                raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(target))
            return make(source, target, *args, **kwargs)

        return refused

    monkeypatch.setattr(shutil, "copyfile", full(copy))
    monkeypatch.setattr(os, "link", full(link))
    result = build_site(sample, today=TODAY, echo=lambda _: None)
    assert not result.ok
    [issue] = result.issues  # the pipeline's web editor step refuses (SOP906)
    assert issue.code == "SOP906"
    assert "de schijf is vol" in issue.message
    assert result.messages == ["De site is niet gebouwd; de vorige versie blijft staan."]
    assert (sample / "site" / "index.html").read_bytes() == before
