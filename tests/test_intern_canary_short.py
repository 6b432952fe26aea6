"""Canary with short markers: internal texts of any length stay out of the public site.

The leak check on the staged pages (publish/checks.py) skips texts shorter than
MIN_SECRET_LENGTH; what keeps a short internal note out is construction: the public build loads
the project with ``internal=False``, and that project holds no internal text at all
(project/internal_texts.py `public_only`). This test plants markers of two and three characters
in every internal field of the sample and finds none in any file of the public site (HTML,
JSON, the sitemap, the search index with its compressed fragments, the web editor's files),
while the internal site shows each marker of a field it shows.

The markers start with a runic letter that no file of the site contains (the web editor's script
holds most Latin letters with diacritics), so a marker found is one planted, whatever else a
short string of letters would match in scripts or hashes.
"""

from __future__ import annotations

import gzip
import html
import re
from dataclasses import dataclass, field, replace
from pathlib import Path

from sop_builder.project.load import load_project
from sop_builder.project.project import Project
from sop_builder.publish.intern import build_intern
from sop_builder.publish.public import build_site

from .conftest import TODAY

DIGITS = "0123456789abcdefghijklmnopqrstuvwxyz"
LEADS = ("ᚱ", "ᚠ")  # runic letters (U+16B1, U+16A0): in no file of the site, scripts included


@dataclass
class Markers:
    """Unique markers of two ('ᚠ7') and three ('ᚱb4') characters, by the field they are in."""

    planted: dict[str, list[str]] = field(default_factory=dict)
    count: int = 0

    def new(self, where: str) -> str:
        n, self.count = self.count, self.count + 1
        short = n % 3 == 0 and n // 3 < len(DIGITS)  # every third marker has two characters
        text = LEADS[1] + DIGITS[n // 3] if short else LEADS[0] + DIGITS[n // 36] + DIGITS[n % 36]
        self.planted.setdefault(where, []).append(text)
        return text

    def all(self) -> list[str]:
        return [m for found in self.planted.values() for m in found]


def readable(data: bytes) -> str:
    """A file's text as a reader or a script gets it: gzip unpacked, entities and JSON escapes
    resolved, case folded (the search index folds case)."""
    if data[:2] == b"\x1f\x8b":
        data = gzip.decompress(data)
    text = data.decode("utf-8", errors="replace")
    text = re.sub(r"\\u([0-9a-fA-F]{4})", lambda m: chr(int(m.group(1), 16)), text)
    return html.unescape(text).casefold()


def site_text(folder: Path) -> str:
    return "\n".join(readable(p.read_bytes()) for p in sorted(folder.rglob("*")) if p.is_file())


def plant(root: Path, markers: Markers) -> None:
    """A marker in every internal field of the sample (and in the comments, which are
    internal too)."""
    m = markers.new
    for sop in sorted(root.glob("content/schools/*/sop.md")):
        text = sop.read_text(encoding="utf-8")
        text = re.sub(r"^interne_notitie: .*\n", "", text, flags=re.M)
        front_end = text.index("\n---\n", 4)
        front = text[:front_end] + f"\ninterne_notitie: {m('interne_notitie (SOP)')}"
        front = front.replace("---\n", f"---\n# {m('YAML-opmerking (SOP)')}\n", 1)
        body = text[front_end:]
        first = body.index("\n## ")
        heading_end = body.index("\n", first + 1)
        body = (
            body[: heading_end + 1]
            + f"\n<!-- {m('HTML-opmerking (SOP)')} -->\n"
            + body[heading_end + 1 :]
        )
        sop.write_text(front + body, encoding="utf-8")
    for file in sorted(root.glob("content/schools/*/zelfevaluatie-*.yaml")):
        text = file.read_text(encoding="utf-8")
        year = file.stem.removeprefix("zelfevaluatie-")
        text = re.sub(
            r"^(\s+toelichting: ).*$",
            lambda g, y=year: g.group(1) + m(f"toelichting (zelfevaluatie {y})"),
            text,
            flags=re.M,
        )
        text = re.sub(
            r"^  (BO-0[2-4]): (\w+)$",
            lambda g, y=year: (
                f"  {g.group(1)}:\n    score: {g.group(2)}\n    toelichting: "
                + m(f"toelichting (zelfevaluatie {y})")
            ),
            text,
            flags=re.M,
        )
        text = re.sub(
            r"^ingevuld_door: .*$",
            lambda _, y=year: "ingevuld_door: " + m(f"ingevuld_door (zelfevaluatie {y})"),
            text,
            flags=re.M,
        )
        file.write_text(
            f"# {m(f'YAML-opmerking (zelfevaluatie {year})')}\n" + text, encoding="utf-8"
        )
    for file in sorted(root.glob("content/schools/*/evaluatie-*.yaml")):
        file.write_text(mark_evaluation(file.read_text(encoding="utf-8"), m), encoding="utf-8")
    assessments = [
        *sorted(root.glob("content/swv/*/beoordeling-*.yaml")),
        *sorted(root.glob("content/schools/*/beoordeling-*.yaml")),
    ]
    for file in assessments:
        text = file.read_text(encoding="utf-8")
        text = re.sub(
            r"^(\s*toelichting: ).*$",
            lambda g: g.group(1) + m("toelichting (beoordeling)"),
            text,
            flags=re.M,
        )
        text = re.sub(
            r"^ingevuld_door: .*$",
            lambda _: "ingevuld_door: " + m("ingevuld_door (beoordeling)"),
            text,
            flags=re.M,
        )
        text = re.sub(r"^opmerking: .*\n", "", text, flags=re.M)
        text = text.replace("scores:\n", f"opmerking: {m('opmerking (beoordeling)')}\nscores:\n", 1)
        file.write_text(text, encoding="utf-8")
    for item in sorted(root.glob("content/aanbod/*/*.md")):
        text = item.read_text(encoding="utf-8")
        text = re.sub(r"^interne_notitie: .*\n", "", text, flags=re.M)
        front_end = text.index("\n---\n", 4)
        text = (
            text[:front_end]
            + f"\ninterne_notitie: {m('interne_notitie (aanbod)')}"
            + text[front_end:]
            + f"\n<!-- {m('HTML-opmerking (aanbod)')} -->\n"
        )
        item.write_text(text, encoding="utf-8")


def mark_evaluation(text: str, m) -> str:  # type: ignore[no-untyped-def]
    """Every free-text field of an evaluation file but its public summary."""
    single = ("verslag_door",)
    lists = ("doel_gesprek", "speerpunten", "afspraken_volgend_jaar")
    for key in single:
        text = re.sub(
            rf"^{key}: .*$", lambda _, k=key: f"{k}: {m(k + ' (evaluatie)')}", text, flags=re.M
        )
    for key in lists:
        text = re.sub(
            rf"^{key}:\n(  - .*\n)+",
            lambda _, k=key: f"{k}:\n  - {m(k + ' (evaluatie)')}\n",
            text,
            flags=re.M,
        )
    for key in ("stappen", "opmerking"):
        text = re.sub(
            rf"^(    {key}: ).*(\n      .*)*$",
            lambda g, k=key: g.group(1) + m(k + " (evaluatie, doel)"),
            text,
            flags=re.M,
        )
    return text


# Every kind of internal field the canary plants a marker in: (whether the internal site shows
# it, whether the leak check's list holds it). The internal site shows the current year's
# self-assessments, the evaluations and the assessments; not the comments, the internal notes of
# schools and offer, or an earlier year. Comments in YAML are never read; names of who wrote
# something also name people and roles on public pages, so the leak check does not look for
# them (the public project holds none of these, which is what keeps them out).
FIELDS = {
    "interne_notitie (SOP)": (False, True),
    "YAML-opmerking (SOP)": (False, False),
    "HTML-opmerking (SOP)": (False, True),
    "toelichting (zelfevaluatie 2024-2025)": (False, True),
    "ingevuld_door (zelfevaluatie 2024-2025)": (False, False),
    "YAML-opmerking (zelfevaluatie 2024-2025)": (False, False),
    "toelichting (zelfevaluatie 2025-2026)": (True, True),
    "ingevuld_door (zelfevaluatie 2025-2026)": (True, False),
    "YAML-opmerking (zelfevaluatie 2025-2026)": (False, False),
    "doel_gesprek (evaluatie)": (True, True),
    "speerpunten (evaluatie)": (True, True),
    "afspraken_volgend_jaar (evaluatie)": (True, True),
    "verslag_door (evaluatie)": (True, False),
    "stappen (evaluatie, doel)": (True, True),
    "opmerking (evaluatie, doel)": (True, True),
    "toelichting (beoordeling)": (True, True),
    "ingevuld_door (beoordeling)": (True, False),
    "opmerking (beoordeling)": (True, True),
    "interne_notitie (aanbod)": (False, True),
    "HTML-opmerking (aanbod)": (False, True),
}


def test_the_planted_fields_are_every_internal_field(sample: Path):
    """Each kind of internal field holds short, unique markers, and the leak check's list of
    the internal project holds those of the fields it looks for."""
    markers = Markers()
    plant(sample, markers)
    assert sorted(markers.planted) == sorted(FIELDS)
    assert all(len(m) in (2, 3) for m in markers.all())
    assert len(set(markers.all())) == len(markers.all()) > 100
    project = load_project(sample, TODAY)
    assert project.errors == []
    listed = " ".join(project.internal_texts)
    for where, (_, in_list) in FIELDS.items():
        if in_list:
            assert [m for m in markers.planted[where] if m not in listed] == [], where


def public_and_intern(sample: Path) -> tuple[Markers, str, str, Project]:
    markers = Markers()
    plant(sample, markers)
    public = build_site(sample, today=TODAY, echo=lambda _: None)
    intern = build_intern(sample, today=TODAY, echo=lambda _: None)
    assert public.ok, public.messages
    assert intern.ok, intern.messages
    assert list((sample / "site").rglob("*.pf_fragment")), "the search index is checked too"
    assert (sample / "site/admin").is_dir(), "the web editor's files are checked too"
    return (
        markers,
        site_text(sample / "site"),
        site_text(sample / "site-intern"),
        load_project(sample, TODAY, internal=False),
    )


def test_short_internal_markers_never_reach_the_public_site(sample: Path):
    markers, public, intern, project = public_and_intern(sample)
    assert [m for m in markers.all() if m.casefold() in public] == []
    assert not any(lead.casefold() in public for lead in LEADS)
    # By construction: the project the public build loads holds none of them, anywhere but in
    # the list the leak check looks for.
    held = repr(replace(project, internal_texts=[]))
    assert [m for m in markers.all() if m in held] == []
    # The internal site shows each marker of the fields it shows (FIELDS), and no other.
    for where, (shown, _) in FIELDS.items():
        if shown:
            assert [m for m in markers.planted[where] if m.casefold() not in intern] == [], where
        else:
            assert [m for m in markers.planted[where] if m.casefold() in intern] == [], where


def test_the_canary_would_see_a_short_marker_on_a_public_page(sample: Path):
    """The planted violation: a short marker in a public field is found by this test's reading
    of the site (here in a school's name, so in HTML, JSON and the compressed search index)."""
    sop = sample / "content/schools/de-duinroos/sop.md"
    sop.write_text(
        sop.read_text(encoding="utf-8").replace(
            "naam: Basisschool De Duinroos", "naam: Basisschool De Duinroos ᚠz"
        ),
        encoding="utf-8",
    )
    assert build_site(sample, today=TODAY, echo=lambda _: None).ok
    files = {
        p.relative_to(sample / "site").as_posix(): readable(p.read_bytes())
        for p in (sample / "site").rglob("*")
        if p.is_file()
    }
    holding = [name for name, text in files.items() if "ᚠz" in text]
    assert "vinder/scholen.json" in holding
    assert any(name.endswith(".pf_fragment") for name in holding)
    assert any(name.endswith(".html") for name in holding)
