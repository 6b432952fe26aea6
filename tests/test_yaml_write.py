"""The one YAML writer: every value a command writes reads back as exactly that text, in our
strict reader, in ruamel.yaml (round trip) and in PyYAML's YAML 1.1 loader (as js-yaml and other
tools read it)."""

from __future__ import annotations

import pytest
import yaml

from sop_builder.core.roundtrip import dump, load, styled
from sop_builder.core.yamlread import read_yaml
from sop_builder.core.yamlwrite import is_plain, yaml_text

# Real names (DUO's data) and everything YAML may read as something else.
HARD = [
    "'t Kienholt",
    "’t Kompas",
    "`t Loont",
    'Basisschool "Kla4"',
    "het P@rk",
    "@home",
    "#1",
    "Groep 1 #2",
    ": ",
    "Let op: tekst",
    "eindigt op:",
    "- streepje",
    "-",
    "? vraag",
    "* ster",
    "& en",
    "! uitroep",
    "% procent",
    "| pijp",
    "> groter",
    "[haak]",
    "{accolade}",
    ",komma",
    "yes",
    "No",
    "null",
    "~",
    "on",
    "012345",
    "1.10",
    "12:30",
    "2025-01-01",
    "1e3",
    "0x1F",
    "1_000",
    "spatie aan het eind ",
    " spatie vooraan",
    "twee  spaties",
    "backslash \\ en \"quote\" en 'apostrof'",
    "tab\there",
    "regel\neen",
    "Ondwijs Gemeenschap 't Eimink",
    "Súdwest-Fryslân",
    "Tytsjerksteradiel ³",
    "L" * 200,
    "Het Stedelijk Kottenpark praktijkonderwijs, vmbo, havo, atheneum en gymnasium",
    "zero\u200bwidth",
    "\ufeffbom",
]


@pytest.mark.parametrize("text", HARD)
def test_every_value_reads_back_exactly_in_every_reader(text: str):
    written = f"naam: {yaml_text(text)}\n"
    tree, issues = read_yaml(written, "x.yaml")
    assert tree is not None, (written, issues)
    assert not [i for i in issues if i.is_error], (written, issues)
    assert tree.data == {"naam": text}, written
    assert yaml.safe_load(written) == {"naam": text}, written  # YAML 1.1 types, js-yaml alike
    assert load(written)["naam"] == text, written


@pytest.mark.parametrize("text", HARD)
def test_a_round_trip_update_writes_the_same_way(text: str):
    node = load("# uitleg blijft\nnaam: oud\n")
    node["naam"] = styled(text)
    written = dump(node)
    assert written.startswith("# uitleg blijft\n")
    tree, _ = read_yaml(written, "x.yaml")
    assert tree is not None, written
    assert tree.data == {"naam": text}, written
    assert yaml.safe_load(written) == {"naam": text}, written


def test_plain_where_nothing_can_be_misread():
    for text in ("De Vlieger", "12AB00", "1234 AB", "0251 222 333", "Zeereep 12", "a, b"):
        assert is_plain(text)
        assert yaml_text(text) == text
    assert yaml_text("'t Kienholt") == '"\'t Kienholt"'
    assert yaml_text('Basisschool "Kla4"') == 'Basisschool "Kla4"'  # a quote inside is text
    assert yaml_text('"Kla4" school') == "'\"Kla4\" school'"
    assert yaml_text("no") == '"no"'
    # The planted violation: written plain, a reader changes these values.
    assert yaml.safe_load("naam: no") == {"naam": False}
    assert yaml.safe_load("naam: 012345") == {"naam": 5349}


def test_set_scalars_changes_only_the_lines_of_those_values():
    from sop_builder.core.roundtrip import set_scalars

    text = (
        "# uitleg\n"
        "naam: 'Oud'  # zoals DUO\n"
        "telefoon:   # navragen\n"
        "adres:\n"
        "    straat: Dorp 1\n"
        "    plaats: Pesse\n"
        "coordinaten:\n"
        "lijst:\n"
        "- a\n"
    )
    tree, _ = read_yaml(text, "x.yaml")
    assert tree is not None
    new = set_scalars(
        text,
        tree,
        {
            ("naam",): "'t Nieuw",
            ("telefoon",): "0528-1",
            ("adres", "postcode"): "7933 AB",
            ("coordinaten", "breedtegraad"): "52.1",
            ("coordinaten", "lengtegraad"): "6.4",
        },
    )
    assert new == (
        "# uitleg\n"
        'naam: "\'t Nieuw"  # zoals DUO\n'
        'telefoon: "0528-1"   # navragen\n'
        "adres:\n"
        "    straat: Dorp 1\n"
        "    plaats: Pesse\n"
        "    postcode: 7933 AB\n"
        "coordinaten:\n"
        '  breedtegraad: "52.1"\n'
        '  lengtegraad: "6.4"\n'
        "lijst:\n"
        "- a\n"
    )
    reread, _ = read_yaml(new, "x.yaml")
    assert reread is not None
    assert reread.data["naam"] == "'t Nieuw"
    assert reread.data["coordinaten"] == {"breedtegraad": "52.1", "lengtegraad": "6.4"}
    # A value on more than one line is not changed line by line.
    folded = "naam: >\n  twee\n  regels\n"
    tree, _ = read_yaml(folded, "x.yaml")
    assert tree is not None
    assert set_scalars(folded, tree, {("naam",): "x"}) is None
