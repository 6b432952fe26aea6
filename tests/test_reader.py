"""The strict reader: every YAML trap of ARCHITECTURE.md is caught or made harmless.

Each test names the exact message, its code and its position.
"""

from __future__ import annotations

import time
from pathlib import Path

from sop_builder.core.sourcefile import decode, read_markdown_file, split_front_matter
from sop_builder.core.yamlread import read_yaml


def only_issue(text: str):
    tree, issues = read_yaml(text, "x.yaml")
    assert tree is None
    assert len(issues) == 1, issues
    return issues[0]


def located(issue) -> tuple[str, int, int, str, str]:
    return (issue.code, issue.line, issue.column, issue.message, issue.hint)


def test_scalars_stay_text_so_the_schema_decides():
    tree, issues = read_yaml(
        "antwoord: no\ncode: 012345\ntijd: 12:30\nversie: 1.10\ndatum: 2024-06-20\n"
        "waar: yes\nleeg:\n",
        "x.yaml",
    )
    assert issues == []
    assert tree.data == {
        "antwoord": "no",
        "code": "012345",
        "tijd": "12:30",
        "versie": "1.10",
        "datum": "2024-06-20",
        "waar": "yes",
        "leeg": "",
    }


def test_hash_after_value_is_reported_not_silently_lost():
    tree, issues = read_yaml("titel: Groep 1 #2\nandere: tekst  # gewoon commentaar\n", "x.yaml")
    assert tree.data == {"titel": "Groep 1", "andere": "tekst"}
    assert [located(i) for i in issues] == [
        (
            "SOP019",
            1,
            16,
            "De tekst '#2' valt weg: YAML ziet alles na ' #' als commentaar.",
            'Zet aanhalingstekens om de hele waarde: "Groep 1 #2".',
        )
    ]


def test_duplicate_key_names_both_lines():
    assert located(only_issue("naam: a\nkern: b\nnaam: c\n")) == (
        "SOP014",
        3,
        1,
        "Het veld 'naam' staat twee keer in dit blok (regel 1 en regel 3).",
        "Houd één van de twee over; de ene waarde zou de andere stil overschrijven.",
    )


def test_duplicate_key_in_nested_block():
    issue = only_issue("adres:\n  straat: a\n  straat: b\n")
    assert (issue.path, issue.line, issue.column, issue.code) == ("x.yaml", 3, 3, "SOP014")


def test_anchor_is_refused():
    assert located(only_issue("a: &x [1]\nb: *x\n")) == (
        "SOP015",
        1,
        4,
        "Een waarde mag niet beginnen met & (hier: &x).",
        "Haal de & weg, of zet aanhalingstekens om de hele waarde.",
    )


def test_alias_without_anchor_is_refused():
    issue = only_issue("a: 1\nb: *x\n")
    assert located(issue) == (
        "SOP015",
        2,
        4,
        "Een waarde mag niet beginnen met * (YAML ziet dat als verwijzing).",
        'Zet aanhalingstekens om de hele waarde, bijvoorbeeld: "*belangrijk*".',
    )


def test_alias_bomb_is_refused_quickly():
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i, name in enumerate("bcdefghi"):
        prev = "abcdefghi"[i]
        lines.append(f"{name}: &{name} [" + ",".join([f"*{prev}"] * 9) + "]")
    start = time.perf_counter()
    issue = only_issue("\n".join(lines) + "\n")
    assert time.perf_counter() - start < 5  # a sanity bound, not a timing claim
    assert (issue.code, issue.line, issue.column) == ("SOP015", 1, 4)


def test_tag_is_refused():
    assert located(only_issue("a: !!python/object:os.system x\n")) == (
        "SOP016",
        1,
        4,
        "Labels met '!' zijn niet toegestaan (!!python/object:os.system).",
        "Haal het label weg of zet aanhalingstekens om tekst die met ! begint.",
    )


def test_tab_indent():
    assert located(only_issue("a:\n\tb: 1\n")) == (
        "SOP013",
        2,
        1,
        "Deze regel springt in met een tab; YAML accepteert alleen spaties.",
        "Vervang de tab aan het begin van de regel door spaties (bijvoorbeeld 2).",
    )


def test_invalid_yaml_colon_in_value():
    assert located(only_issue("a: b: c\n")) == (
        "SOP012",
        1,
        5,
        "Er staat een dubbele punt (:) op een plek waar dat niet kan.",
        'Zet aanhalingstekens om tekst met een dubbele punt, bijvoorbeeld: titel: "Let op: tekst".',
    )


UNCLOSED = (
    "De waarde begint met een aanhalingsteken (') dat op deze regel niet wordt gesloten; YAML "
    "leest daardoor de regels eronder als deel van deze waarde."
)


def test_unclosed_quote():
    assert located(only_issue("a: 'open\n")) == (
        "SOP012",
        1,
        4,
        UNCLOSED,
        "Hoort het aanhalingsteken bij de tekst, zoals in 't Kienholt? Schrijf dan: a: "
        "\"'open\". Anders: sluit de tekst op deze regel af met '.",
    )


def test_an_apostrophe_at_the_start_of_a_name_is_named_not_the_indentation():
    # As a person writes it by hand in sop.md: the next apostrophe, lines further, "closes" it.
    text = (
        "naam: 't Kienholt\n"
        "vestigingscode: 12AB00\n"
        "# Kopieer dan de regels vanaf '- rol:' en pas ze aan.\n"
        "kern: noord\n"
    )
    issue = only_issue(text)
    assert (issue.line, issue.column, issue.message) == (1, 7, UNCLOSED)
    assert 'naam: "\'t Kienholt"' in issue.hint
    # The fix the hint gives reads back as the name.
    tree, issues = read_yaml(text.replace("'t Kienholt", '"\'t Kienholt"', 1), "x.yaml")
    assert tree is not None
    assert tree.data["naam"] == "'t Kienholt"
    assert not issues
    # Without the quote at the start of the value the reader blames something else: the check
    # looks at the value's first character, not at any apostrophe.
    assert only_issue(text.replace("'t Kienholt", "Kienholt") + "b: [\n").message != UNCLOSED


def test_an_unclosed_double_quote_and_a_list_item_are_named_too():
    issue = only_issue('a: 1\nnaam: "Kla4\nb: 2\n')
    assert (issue.line, issue.column) == (2, 7)
    assert issue.message == UNCLOSED.replace("(')", '(")')
    assert "naam: '\"Kla4'" in issue.hint
    issue = only_issue("a:\n  - 't Kind\n  - b\n")
    assert (issue.line, issue.column, issue.message) == (2, 5, UNCLOSED)


def test_a_quote_that_also_stands_inside_the_text():
    issue = only_issue("naam: 'T Jok en 't Kind\nx: y\n")
    assert (issue.line, issue.column) == (1, 7)
    assert issue.message.startswith("De waarde begint met een aanhalingsteken (') dat ook in")
    assert issue.hint == (
        "Zet de hele waarde tussen de andere aanhalingstekens: naam: \"'T Jok en 't Kind\"."
    )


def test_a_value_on_two_lines_in_quotes_is_not_blamed_for_a_later_error():
    issue = only_issue("ok: 'twee\n  regels'\nfout: [\n")
    assert issue.message != UNCLOSED
    assert issue.line == 4


def test_two_documents():
    assert located(only_issue("a: 1\n---\nb: 2\n"))[:4] == (
        "SOP020",
        2,
        1,
        "Dit bestand bevat meer dan één YAML-document ('---').",
    )


def test_nesting_60000_levels_deep_is_refused_quickly():
    start = time.perf_counter()
    issue = only_issue("[" * 60000 + "]" * 60000)
    assert time.perf_counter() - start < 5
    assert located(issue) == (
        "SOP017",
        1,
        21,
        "De gegevens zijn dieper genest dan 20 niveaus.",
        "Controleer de inspringing; een SOP heeft maar een paar niveaus.",
    )


def test_block_nesting_too_deep():
    text = "".join(f"{'  ' * i}k{i}:\n" for i in range(30)) + f"{'  ' * 30}x: 1\n"
    assert only_issue(text).code == "SOP017"


def test_too_many_values():
    text = "a: [" + ",".join(["1"] * 100_001) + "]\n"
    issue = only_issue(text)
    assert (issue.code, issue.message) == ("SOP017", "Dit bestand bevat meer dan 100000 waarden.")


def test_key_must_be_text():
    assert located(only_issue("[a, b]: c\n"))[:4] == (
        "SOP021",
        1,
        1,
        "Een veldnaam moet gewone tekst zijn.",
    )


def test_not_utf8_from_word():
    _, issues = decode(b"naam: Caf\xe9\n", "f.md")
    assert [located(i) for i in issues] == [
        (
            "SOP001",
            1,
            10,
            "Het bestand is niet opgeslagen als UTF-8 (eerste fout op regel 1). Waarschijnlijk is het "
            "opgeslagen door Word of Kladblok (Windows-1252).",
            "Sla het bestand op met de codering 'UTF-8' (in Kladblok: Opslaan als → Codering).",
        )
    ]


def test_bom_and_crlf_are_accepted():
    text, issues = decode(b"\xef\xbb\xbf---\r\nnaam: a\r\n---\r\nTekst\r\n", "f.md")
    assert issues == []
    source, issues = split_front_matter(text, "f.md")
    assert issues == []
    assert source.tree.data == {"naam": "a"}
    assert source.body == "Tekst\n"


def test_empty_file():
    for data in (b"", b"  \n\n", b"\xef\xbb\xbf"):
        _, issues = decode(data, "f.md")
        assert [located(i) for i in issues] == [
            ("SOP002", 1, 1, "Het bestand is leeg.", "Vul het bestand in of verwijder het.")
        ]


def test_binary_file_and_nul_byte():
    for data, line in ((b"\x89PNG\r\n\x1a\n\x00\x00IHDR", 3), (b"---\nnaam: a\x00b\n---\n", 2)):
        _, issues = decode(data, "f.md")
        assert [(i.code, i.line, i.message) for i in issues] == [
            (
                "SOP003",
                line,
                "Dit is geen tekstbestand: het bevat een nul-teken (binaire gegevens).",
            )
        ]


def test_five_megabyte_file_is_refused_quickly(tmp_path: Path):
    big = tmp_path / "sop.md"
    big.write_bytes(b"---\nnaam: a\n---\n" + b"Tekst. " * 750_000)
    start = time.perf_counter()
    _, issues = read_markdown_file(big, "sop.md")
    assert time.perf_counter() - start < 5
    assert [located(i) for i in issues] == [
        (
            "SOP004",
            1,
            1,
            "Het bestand is te groot (5.250.016 bytes; de grens is 1.000.000).",
            "Een SOP of zelfevaluatie is veel kleiner. Controleer of dit het goede bestand is.",
        )
    ]


def test_unclosed_front_matter():
    _, issues = split_front_matter("---\nnaam: a\n\n## Visie\n", "f.md")
    assert [located(i) for i in issues] == [
        (
            "SOP011",
            1,
            1,
            "Het blok met gegevens dat op regel 1 begint met '---', wordt nergens gesloten.",
            "Zet na het laatste veld een regel met alleen '---'.",
        )
    ]


def test_missing_front_matter():
    _, issues = split_front_matter("naam: a\n", "f.md")
    assert [i.code for i in issues] == ["SOP010"]


def test_front_matter_that_is_a_list():
    _, issues = split_front_matter("---\n- a\n- b\n---\nbody", "f.md")
    assert [located(i) for i in issues] == [
        (
            "SOP018",
            2,
            1,
            "Het blok met gegevens is een lijst, maar moet bestaan uit velden ('naam: waarde').",
            "Begin elke regel met de naam van een veld, een dubbele punt en de waarde; niet met '- '.",
        )
    ]


def test_front_matter_line_numbers_count_the_opening_dashes():
    _, issues = split_front_matter("---\nnaam: a\nnaam: b\n---\n", "f.md")
    assert [(i.code, i.line) for i in issues] == [("SOP014", 3)]
