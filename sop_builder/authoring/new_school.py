"""`sop-builder new-school`: write a complete, explained school folder that passes `check`.

Every field gets a Dutch comment from ``fielddocs.py``. What only the school can know is marked
with the word INVULLEN in the comment above it; `check` warns about each such place
(``placeholders.py``) until the school has filled it in.
"""

from __future__ import annotations

import shutil
import tempfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from pydantic import TypeAdapter, ValidationError

from sop_builder.authoring.profile_block import Item, profile_lines
from sop_builder.core.fieldtypes import PlainText, Vestigingscode
from sop_builder.project.fielddocs import field_doc
from sop_builder.project.loading import (
    SCHOOLS_DIR,
    SLUG,
    SOP_FILE,
    school_codes,
    self_assessment_name,
)
from sop_builder.project.model import SCHOOL_TYPE_CODES, SiteConfig
from sop_builder.project.placeholders import MARK
from sop_builder.project.sections import SOP_SECTIONS

COMMENTS_EXPLAINED = "# Een regel die met # begint, is uitleg. Die komt niet op de site."
SECTION_GUIDANCE = {
    "visie": "Wat vindt de school belangrijk voor elk kind? Schrijf 2 tot 4 korte zinnen.",
    "ambitie": "Wat wil de school de komende jaren beter doen? Een korte lijst is prima.",
    "aanvullende-ondersteuning": "Welke extra hulp biedt de school, voor wie en hoe vaak?",
    "grenzen": "Wat kan de school niet bieden, en wat doet zij dan samen met ouders?",
}


@dataclass(frozen=True)
class NewSchool:
    """The answers that only the school can give."""

    name: str
    vestigingscode: str
    kern: str
    type: str
    slug: str


def _type_error(kind: Any, value: str) -> str:
    try:
        TypeAdapter(kind).validate_python(value)
    except ValidationError as exc:
        error = exc.errors()[0]
        hint = (error.get("ctx") or {}).get("hint", "")
        return f"{error['msg'][:1].upper()}{error['msg'][1:]} {hint}".strip()
    return ""


def answer_errors(field: str, value: str, root: Path, config: SiteConfig) -> str:
    """What is wrong with one answer, in plain Dutch; an empty string when it is right."""
    value = value.strip()
    if field == "naam":
        return _type_error(PlainText, value)
    if field == "vestigingscode":
        wrong = _type_error(Vestigingscode, value)
        taken = school_codes(root).get(value.upper())
        return wrong or (f"School {taken} heeft al vestigingscode {value}." if taken else "")
    if field == "kern":
        ids = [k.id for k in config.swv.kernen]
        return "" if value in ids else f"Kies een van deze codes: {', '.join(ids)}."
    if field == "type":
        return "" if value in SCHOOL_TYPE_CODES else "Kies bao, sbo, so of vo."
    if field == "mapnaam":
        if not SLUG.fullmatch(value):
            return "Gebruik alleen kleine letters, cijfers en streepjes, bijvoorbeeld obs-de-regenboog."
        if (root / SCHOOLS_DIR / value).exists():
            return (
                f"De map {SCHOOLS_DIR.as_posix()}/{value} bestaat al. "
                "Kies een andere mapnaam met --mapnaam."
            )
    return ""


def _comment(model: str, key: str, mark: bool = False) -> str:
    title, text = field_doc(model, key) or (key, "")
    return f"# {title}: {text}" + (f" {MARK}" if mark else "")


def _choices(config: SiteConfig, attr: str) -> list[str]:
    entries = getattr(config.vocabularies, attr)
    words = ", ".join(e.id for e in entries)
    lines, line = [], "#   Kies uit:"
    for word in words.split(" "):
        if len(line) + len(word) > 95:
            lines.append(line)
            line = "#  "
        line += " " + word
    return [*lines, line]


def render_sop(school: NewSchool, config: SiteConfig, today: date) -> str:
    """The text of a new sop.md, every field explained."""
    kern = config.swv.kern(school.kern)
    doc = "SopFrontMatter"
    valid_until = date(today.year + 4, 7, 31)
    lines = [
        "---",
        f"# Schoolondersteuningsprofiel (SOP) van {school.name}.",
        COMMENTS_EXPLAINED,
        f"# Eindigt de uitleg boven een veld op {MARK}? Vul daar de juiste waarde in.",
        "# Haal daarna dat ene woord weg. Controleer uw werk met: sop-builder check",
        "",
        _comment(doc, "naam"),
        f"naam: {school.name}",
        _comment(doc, "vestigingscode"),
        f"vestigingscode: {school.vestigingscode}",
        _comment(doc, "bestuur", mark=True),
        "bestuur: Stichting (naam van het bestuur)",
        _comment(doc, "kern") + (f" Hier: {kern.name}." if kern else ""),
        f"kern: {school.kern}",
        _comment(doc, "type") + f" Hier: {SCHOOL_TYPE_CODES[school.type]}.",
        f"type: {school.type}",
        _comment(doc, "adres", mark=True),
        "adres:",
        "  straat: Straatnaam 1",
        "  postcode: 1234 AB",
        "  plaats: Plaatsnaam",
        _comment(doc, "website", mark=True),
        "website: https://www.school.nl",
        _comment(doc, "email"),
        "email:",
        _comment(doc, "telefoon"),
        "telefoon:",
        _comment(doc, "contactpersonen", mark=True),
        "# Wilt u nog iemand noemen? Kopieer dan de regels vanaf '- rol:' en pas ze aan.",
        "contactpersonen:",
        "  - rol: Intern begeleider",
        "    naam: Voornaam Achternaam",
        "    email:",
        _comment(doc, "vastgesteld_door_bestuur", mark=True),
        f"vastgesteld_door_bestuur: {today.isoformat()}",
        _comment(doc, "besproken_met_mr"),
        "besproken_met_mr:",
        _comment(doc, "geldig_tot", mark=True),
        f"geldig_tot: {valid_until.isoformat()}",
        _comment(doc, "bijgewerkt"),
        f"bijgewerkt: {today.isoformat()}",
    ]
    for key, attr in (
        ("interne_expertise", "internal_expertise"),
        ("externe_deskundigheid", "external_expertise"),
        ("extra_ondersteuning", "extra_support"),
    ):
        lines += [_comment(doc, key), *_choices(config, attr)]
        lines += ["#   Schrijf de codes tussen [ ] met een komma ertussen.", f"{key}: []"]
    vocab = config.vocabularies
    lines += profile_lines(
        [Item(n.id, n.label) for n in vocab.needs],
        [Item(lv.id, lv.label) for lv in vocab.levels],
        [Item(f.id, f.label, f.kind) for f in vocab.practical],
    )
    lines += [_comment(doc, "coordinaten"), "coordinaten:"]
    lines += [_comment(doc, "interne_notitie"), "interne_notitie:", "---", ""]
    for key, title in SOP_SECTIONS.items():
        lines += [
            f"## {title}",
            "",
            f"<!-- {SECTION_GUIDANCE[key]} Schrijf voor ouders, in korte zinnen.",
            "     Deze uitleg komt niet op de site. Haal hem weg als u klaar bent. -->",
            "",
        ]
    return "\n".join(lines)


def render_self_assessment(school: NewSchool, config: SiteConfig, today: date) -> str:
    """The text of a new zelfevaluatie for the current school year, every agreement listed."""
    year = config.swv.school_year
    doc = "SelfAssessmentFile"
    codes = " / ".join(
        s.code
        for s in config.norm.scale
        if config.norm.not_applicable_allowed or not s.not_applicable
    )
    lines = [
        f"# Zelfevaluatie basisondersteuning van {school.name}, schooljaar {year}.",
        COMMENTS_EXPLAINED,
        "# Geef bij elke afspraak een score. Haal daarvoor het # weg vóór de afspraak",
        f"# en laat één score staan: {codes}. Alleen de totalen komen op de site.",
        _comment(doc, "schooljaar"),
        f"schooljaar: {year}",
        _comment(doc, "ingevuld_op", mark=True),
        f"ingevuld_op: {today.isoformat()}",
        _comment(doc, "ingevuld_door"),
        "ingevuld_door: Intern begeleider",
        _comment(doc, "scores"),
        "scores:",
    ]
    themes = {t.id: t.title for t in config.norm.themes}
    current = None
    for agreement in config.norm.agreements:
        if agreement.theme != current:
            current = agreement.theme
            lines.append(f"  # --- {themes.get(current, current)} ---")
        lines += [f"  # {agreement.id}, {agreement.title}", f"  # {agreement.id}: {codes}"]
    return "\n".join(lines) + "\n"


def create_school(root: Path, school: NewSchool, config: SiteConfig, today: date) -> Path:
    """Write the new school folder in one step; refuse if it exists. Returns the folder."""
    target = root / SCHOOLS_DIR / school.slug
    if target.exists():
        raise FileExistsError(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(dir=target.parent, prefix=f".{school.slug}."))
    try:
        (staging / SOP_FILE).write_text(render_sop(school, config, today), encoding="utf-8")
        assessment = staging / self_assessment_name(config.swv.school_year)
        assessment.write_text(render_self_assessment(school, config, today), encoding="utf-8")
        staging.rename(target)  # fails rather than replaces if the folder appeared meanwhile
    finally:
        if staging.exists():
            shutil.rmtree(staging)
    return target
