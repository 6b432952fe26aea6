"""Reading files from disk as text, and splitting Markdown front matter.

Handles the encodings people produce (UTF-8 with or without BOM, CRLF line ends) and says clearly
when a file is binary, empty, too large or saved in Windows-1252 by Word.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from sop_builder.core.invisible import invisible_in_markdown, invisible_in_values, invisible_in_yaml
from sop_builder.core.issues import Issue, issue_at, make_issue
from sop_builder.core.yamlread import YamlTree, read_yaml

MAX_BYTES = 1_000_000
BOM = b"\xef\xbb\xbf"


@dataclass(frozen=True)
class MarkdownSource:
    """A Markdown file split into its front matter tree and its body."""

    path: str
    tree: YamlTree
    body: str
    body_line: int  # 1-based line of the first body line
    front_text: str = ""  # the YAML between the '---' lines (from ``front_line`` onwards)
    front_line: ClassVar[int] = 2  # the front matter starts under the opening '---'


EMPTY_FILE = "Het bestand is leeg."


def cannot_read(exc: OSError) -> tuple[str, str]:
    """The message and hint when the system refuses to read a file."""
    return (
        f"Het bestand kan niet worden gelezen ({exc.strerror}).",
        "Controleer of het bestand bestaat en leesbaar is.",
    )


def _line_col(data: bytes, offset: int) -> tuple[int, int]:
    before = data[:offset]
    line = before.count(b"\n") + 1
    column = offset - (before.rfind(b"\n") + 1) + 1
    return line, column


def decode(data: bytes, path: str) -> tuple[str | None, list[Issue]]:
    """Turn raw bytes into text with LF line ends, or report why that is not possible."""
    if len(data) > MAX_BYTES:
        return None, [
            make_issue(
                "SOP004",
                path,
                1,
                1,
                f"Het bestand is te groot ({len(data):,} bytes; de grens is {MAX_BYTES:,}).".replace(
                    ",", "."
                ),
                "Een SOP of zelfevaluatie is veel kleiner. Controleer of dit het goede bestand is.",
            )
        ]
    if data.startswith(BOM):
        data = data[len(BOM) :]
    if not data.strip():
        return None, [
            make_issue("SOP002", path, 1, 1, EMPTY_FILE, "Vul het bestand in of verwijder het.")
        ]
    nul = data.find(b"\x00")
    if nul >= 0:
        line, column = _line_col(data, nul)
        return None, [
            make_issue(
                "SOP003",
                path,
                line,
                column,
                "Dit is geen tekstbestand: het bevat een nul-teken (binaire gegevens).",
                "Zet hier alleen tekstbestanden neer (.md of .yaml). "
                "Een afbeelding of Word-bestand hoort hier niet.",
            )
        ]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line, column = _line_col(data, exc.start)
        try:
            data.decode("cp1252")
            origin = " Waarschijnlijk is het opgeslagen door Word of Kladblok (Windows-1252)."
        except UnicodeDecodeError:
            origin = ""
        return None, [
            make_issue(
                "SOP001",
                path,
                line,
                column,
                f"Het bestand is niet opgeslagen als UTF-8 (eerste fout op regel {line}).{origin}",
                "Sla het bestand op met de codering 'UTF-8' (in Kladblok: Opslaan als → Codering).",
            )
        ]
    return text.replace("\r\n", "\n").replace("\r", "\n"), []


def read_text(file: Path, display: str) -> tuple[str | None, list[Issue]]:
    """Read ``file`` as text; ``display`` is the path shown in messages."""
    try:
        data = file.read_bytes()
    except OSError as exc:
        return None, [make_issue("SOP002", display, 1, 1, *cannot_read(exc))]
    return decode(data, display)


def _top_level_mapping(tree: YamlTree, display: str, what: str) -> list[Issue]:
    if isinstance(tree.data, dict):
        return []
    kinds: dict[type, str] = {list: "een lijst", str: "losse tekst"}
    kind = kinds.get(type(tree.data), "leeg")
    pos = tree.pos(())
    return [
        issue_at(
            "SOP018",
            display,
            pos,
            f"{what} is {kind}, maar moet bestaan uit velden ('naam: waarde').",
            "Begin elke regel met de naam van een veld, een dubbele punt en de waarde; "
            "niet met '- '.",
        )
    ]


def _invisible(tree: YamlTree, text: str, display: str) -> list[Issue]:
    """Invisible characters in the values of ``tree`` (read from ``text``)."""
    return invisible_in_values(tree.data, text, tree.value_pos, display)


def read_yaml_mapping(text: str, display: str) -> tuple[YamlTree | None, list[Issue]]:
    """Parse the text of a plain YAML file whose top level must be a mapping."""
    tree, issues = read_yaml(text, display)
    issues = invisible_in_yaml(text, display) + issues
    if tree is None:
        return None, issues
    issues += _invisible(tree, text, display)
    shape = _top_level_mapping(tree, display, "Dit bestand")
    return (None, issues + shape) if shape else (tree, issues)


def read_yaml_file(file: Path, display: str) -> tuple[YamlTree | None, list[Issue]]:
    """Read a plain YAML file whose top level must be a mapping."""
    text, issues = read_text(file, display)
    if text is None:
        return None, issues
    tree, found = read_yaml_mapping(text, display)
    return tree, issues + found


def split_front_matter(text: str, display: str) -> tuple[MarkdownSource | None, list[Issue]]:
    """Split '---' front matter from the Markdown body and parse it strictly."""
    lines = text.split("\n")
    if lines[0].rstrip() != "---":
        first = next((i for i, line in enumerate(lines) if line.strip()), 0)
        if lines[first].rstrip() == "---":
            return None, [
                make_issue(
                    "SOP010",
                    display,
                    1,
                    1,
                    f"Het bestand moet op regel 1 beginnen met '---', maar dat staat op regel "
                    f"{first + 1}.",
                    "Haal de lege regels boven '---' weg.",
                )
            ]
        return None, [
            make_issue(
                "SOP010",
                display,
                1,
                1,
                "Het bestand begint niet met '---'; de gegevens van de school ontbreken.",
                "Zet op regel 1 alleen '---', daaronder de velden, en sluit af met een regel '---'.",
            )
        ]
    end = next((i for i in range(1, len(lines)) if lines[i].rstrip() in ("---", "...")), None)
    if end is None:
        return None, [
            make_issue(
                "SOP011",
                display,
                1,
                1,
                "Het blok met gegevens dat op regel 1 begint met '---', wordt nergens gesloten.",
                "Zet na het laatste veld een regel met alleen '---'.",
            )
        ]
    yaml_text = "\n".join(lines[1:end])
    if not yaml_text.strip():
        return None, [
            make_issue(
                "SOP018",
                display,
                1,
                1,
                "Het blok met gegevens tussen de twee regels '---' is leeg.",
                "Vul de velden in; kijk in docs/content-format.md.",
            )
        ]
    tree, issues = read_yaml(yaml_text, display, line_offset=1)
    issues = invisible_in_yaml(yaml_text, display, first_line=2) + issues
    if tree is None:
        return None, issues
    shape = _top_level_mapping(tree, display, "Het blok met gegevens")
    if shape:
        return None, issues + shape
    body = "\n".join(lines[end + 1 :])
    issues += _invisible(tree, yaml_text, display)
    issues += invisible_in_markdown(body, display, end + 2)
    return MarkdownSource(display, tree, body, end + 2, yaml_text), issues


def read_markdown_file(file: Path, display: str) -> tuple[MarkdownSource | None, list[Issue]]:
    """Read a Markdown file with front matter."""
    text, issues = read_text(file, display)
    if text is None:
        return None, issues
    return split_front_matter(text, display)
