"""The empty, explained blocks of a school's declarations ('ondersteuning'), practical facts
('praktisch') and enrolment ('aanmelden'), as YAML lines for sop.md.

`nieuwe-school` writes them into a new school folder and the format-2 migration into every
existing sop.md; check then says "profiel niet compleet" (SOP222, SOP225) until the school
has filled them in.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sop_builder.project.fields import field_doc
from sop_builder.project.model import SopFrontMatter

WRAP = 95  # the width of a comment line


@dataclass(frozen=True)
class Item:
    """A need, level or fact of site_config/vocabularies.yaml: its id, label and (facts) kind."""

    id: str
    label: str
    kind: str = ""


def wrapped(text: str, prefix: str = "# ") -> list[str]:
    """``text`` as comment lines of at most WRAP characters."""
    lines, line = [], prefix.rstrip()
    for word in text.split():
        if len(line) + 1 + len(word) > WRAP and line.strip("# "):
            lines.append(line)
            line = prefix.rstrip()
        line += " " + word
    return [*lines, line]


def _explained(key: str) -> list[str]:
    """'# Title: explanation' of a front matter key (its model's field), wrapped."""
    title, text = field_doc(SopFrontMatter, key) or (key, "")
    return wrapped(f"{title}: {text}")


def profile_lines(
    needs: Sequence[Item],
    levels: Sequence[Item],
    facts: Sequence[Item],
    hints: dict[str, str] | None = None,
    enrolment: bool = True,
) -> list[str]:
    """The three blocks, each field empty, with Dutch comments; ``hints``: need id -> a line
    of help shown above that need (the migration names the staff that used to decide)."""
    hints = hints or {}
    scale = ", ".join(f"{lv.id} ({lv.label})" for lv in levels)
    lines = [
        *_explained("ondersteuning"),
        *wrapped(f"Niveaus: {scale}."),
        "ondersteuning:",
    ]
    for need in needs:
        lines.append(f"  # {need.label}")
        if need.id in hints:
            lines += wrapped(hints[need.id], "  # ")
        lines += [f"  {need.id}:", "    niveau:", "    wat:", "    grens:"]
    if facts:
        lines += [*_explained("praktisch"), "praktisch:"]
        for fact in facts:
            what = "een getal" if fact.kind == "getal" else "ja of nee"
            lines += [f"  # {fact.label} ({what})", f"  {fact.id}:"]
    if not enrolment:
        return lines
    lines += [
        *_explained("aanmelden"),
        "aanmelden:",
        "  kennismaken:",
        "  inschrijven:",
        "  intake:",
        "  link:",
    ]
    return lines
