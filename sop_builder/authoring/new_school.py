"""`sop-builder nieuwe-school`: write a complete, explained school folder that passes `check`.

Every field gets a Dutch comment: the title and description on its model, in the SWV's own
words where it has them (``project/fields.py``). What only the school can know is marked with
the word INVULLEN in the comment above it; `check` warns about each such place
(``placeholders.py``) until the school has filled it in.
"""

from __future__ import annotations

import functools
import os
import re
import shutil
import tempfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from pydantic import BaseModel, TypeAdapter, ValidationError

from sop_builder.authoring.profile_block import Item, profile_lines
from sop_builder.core.atomic import NEW_DIR_MODE
from sop_builder.core.fieldtypes import PlainText, Vestigingscode
from sop_builder.core.yamlwrite import yaml_text
from sop_builder.project.fields import field_doc
from sop_builder.project.files import SCHOOLS_DIR, SLUG, SOP_FILE, self_assessment_name
from sop_builder.project.model import (
    SCHOOL_TYPE_CODES,
    Norm,
    SelfAssessment,
    SelfAssessmentFile,
    SiteConfig,
    SopFrontMatter,
)
from sop_builder.project.placeholders import MARK
from sop_builder.project.schools.read import school_codes
from sop_builder.project.sections import SOP_SECTIONS
from sop_builder.project.staff_lists import STAFF_LISTS, StaffList

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


@functools.cache
def _adapter(kind: Any) -> TypeAdapter[Any]:
    return TypeAdapter(kind)


def type_error(kind: Any, value: str) -> str:
    """What the field type ``kind`` says is wrong with ``value``, in Dutch ('' when right)."""
    try:
        _adapter(kind).validate_python(value)
    except ValidationError as exc:
        error = exc.errors()[0]
        hint = (error.get("ctx") or {}).get("hint", "")
        return f"{error['msg'][:1].upper()}{error['msg'][1:]} {hint}".strip()
    return ""


def answer_errors(field: str, value: str, root: Path, config: SiteConfig) -> str:
    """What is wrong with one answer, in plain Dutch; an empty string when it is right."""
    value = value.strip()
    if field == "naam":
        return type_error(PlainText, value)
    if field == "vestigingscode":
        wrong = type_error(Vestigingscode, value)
        taken = school_codes(root).get(value.upper())
        return wrong or (f"School {taken} heeft al vestigingscode {value}." if taken else "")
    if field == "kern":
        ids = [k.id for k in config.swv.kernen]
        return "" if value in ids else f"Kies een van deze codes: {', '.join(ids)}."
    if field == "type":
        return "" if value in SCHOOL_TYPE_CODES else "Kies bao, sbo, so, vso of vo."
    if field == "mapnaam":
        if not SLUG.fullmatch(value):
            return "Gebruik alleen kleine letters, cijfers en streepjes, bijvoorbeeld obs-de-regenboog."
        if (root / SCHOOLS_DIR / value).exists():
            return (
                f"De map {SCHOOLS_DIR.as_posix()}/{value} bestaat al. "
                "Kies een andere mapnaam met --mapnaam."
            )
    return ""


def comment(model: type[BaseModel], key: str, config: SiteConfig, mark: bool = False) -> str:
    """The Dutch comment above a field (ending in INVULLEN where the school must fill in)."""
    title, text = field_doc(model, key, config) or (key, "")
    return f"# {title}: {text}" + (f" {MARK}" if mark else "")


def choice_lines(config: SiteConfig, staff: StaffList) -> list[str]:
    entries = staff.options(config.vocabularies)
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
    doc = SopFrontMatter
    valid_until = date(today.year + 4, 7, 31)
    lines = [
        "---",
        f"# Schoolondersteuningsprofiel (SOP) van {school.name}.",
        COMMENTS_EXPLAINED,
        f"# Eindigt de uitleg boven een veld op {MARK}? Vul daar de juiste waarde in.",
        "# Haal daarna dat ene woord weg. Controleer uw werk met: sop-builder controleer",
        "",
        comment(doc, "naam", config),
        f"naam: {yaml_text(school.name)}",
        comment(doc, "vestigingscode", config),
        f"vestigingscode: {yaml_text(school.vestigingscode)}",
        comment(doc, "bestuur", config, mark=True),
        "bestuur: Stichting (naam van het bestuur)",
        comment(doc, "kern", config) + (f" Hier: {kern.name}." if kern else ""),
        f"kern: {yaml_text(school.kern)}",
        comment(doc, "type", config) + f" Hier: {SCHOOL_TYPE_CODES[school.type]}.",
        f"type: {school.type}",
        comment(doc, "adres", config, mark=True),
        "adres:",
        "  straat: Straatnaam 1",
        "  postcode: 1234 AB",
        "  plaats: Plaatsnaam",
        comment(doc, "website", config, mark=True),
        "website: https://www.school.nl",
        comment(doc, "email", config),
        "email:",
        comment(doc, "telefoon", config),
        "telefoon:",
        comment(doc, "contactpersonen", config, mark=True),
        "# Wilt u nog iemand noemen? Kopieer dan de regels vanaf '- rol:' en pas ze aan.",
        "contactpersonen:",
        f"  - rol: {yaml_text(config.texts.contact_role.for_type(school.type))}",
        "    naam: Voornaam Achternaam",
        "    email:",
        comment(doc, "vastgesteld_door_bestuur", config, mark=True),
        f"vastgesteld_door_bestuur: {today.isoformat()}",
        comment(doc, "besproken_met_mr", config),
        "besproken_met_mr:",
        comment(doc, "geldig_tot", config, mark=True),
        f"geldig_tot: {valid_until.isoformat()}",
        comment(doc, "bijgewerkt", config, mark=True),
        f"bijgewerkt: {today.isoformat()}",
    ]
    lines += choices_and_profile_lines(config)
    lines += [comment(doc, "coordinaten", config), "coordinaten:"]
    lines += [comment(doc, "interne_notitie", config), "interne_notitie:", "---", ""]
    return "\n".join(lines + section_lines())


def choices_and_profile_lines(config: SiteConfig) -> list[str]:
    """The three lists of who helps (empty, their choices explained) and the empty blocks of
    what the school offers per need, its practical facts and enrolment."""
    lines: list[str] = []
    for staff in STAFF_LISTS:
        lines += [comment(SopFrontMatter, staff.key, config), *choice_lines(config, staff)]
        lines += ["#   Schrijf de codes tussen [ ] met een komma ertussen.", f"{staff.key}: []"]
    vocab = config.vocabularies
    return lines + profile_lines(
        [Item(n.id, n.label) for n in vocab.needs],
        [Item(lv.id, lv.label) for lv in vocab.levels],
        [Item(f.id, f.label, f.kind) for f in vocab.practical],
    )


def section_lines() -> list[str]:
    """The four headings of the body, each with only its guidance (an HTML comment, never
    published)."""
    lines: list[str] = []
    for key, title in SOP_SECTIONS.items():
        lines += [
            f"## {title}",
            "",
            f"<!-- {SECTION_GUIDANCE[key]} Schrijf voor ouders, in korte zinnen.",
            "     Deze uitleg komt niet op de site. Haal hem weg als u klaar bent. -->",
            "",
        ]
    return lines


def yaml_key(agreement_id: str) -> str:
    """An agreement's code as a YAML key: quoted unless it is a plain word, so that no YAML
    reader (the web editor's included) turns 1.10 into the number 1.1."""
    return (
        agreement_id
        if re.fullmatch(r"[A-Za-z][A-Za-z0-9_-]*", agreement_id)
        else f'"{agreement_id}"'
    )


def self_assessment_text(
    name: str,
    year: str,
    norm: Norm,
    config: SiteConfig,
    today: date,
    role: str,
    start: SelfAssessment | None = None,
    dated: bool = True,
) -> str:
    """A self-assessment file for ``year`` with every agreement of ``norm`` listed and
    explained: unscored (commented out), or with the scores of ``start`` (last year's
    self-assessment) as a starting point, marked INVULLEN until the school has confirmed them.
    Without ``dated`` the date it was filled in is left empty (for the school to write)."""
    doc = SelfAssessmentFile
    codes = " / ".join(s.code for s in norm.usable_levels())
    lines = [
        f"# Zelfevaluatie basisondersteuning van {name}, schooljaar {year}.",
        COMMENTS_EXPLAINED,
        "# Geef bij elke afspraak een score. Haal daarvoor het # weg vóór de afspraak",
        f"# en laat één score staan: {codes}. Alleen de totalen komen op de site.",
    ]
    if start is not None:
        lines += [
            f"# De scores hieronder komen uit de zelfevaluatie van {start.school_year}: een startpunt,",
            "# nog niet bevestigd. Kijk elke score na en pas hem aan waar het nu anders is. Haal",
            f"# daarna het woord {MARK} weg boven 'scores'. Tot dan staat op de site nog de",
            f"# uitslag van {start.school_year}.",
        ]
    lines += [
        comment(doc, "schooljaar", config),
        f"schooljaar: {year}",
        comment(doc, "ingevuld_op", config, mark=True),
        f"ingevuld_op: {today.isoformat()}" if dated else "ingevuld_op:",
        comment(doc, "ingevuld_door", config),
        f"ingevuld_door: {yaml_text(start.filled_in_by if start and start.filled_in_by else role)}",
        comment(doc, "scores", config, mark=start is not None),
        "scores:",
    ]
    themes = {t.id: t.title for t in norm.themes}
    current = None
    for agreement in norm.agreements:
        if agreement.theme != current:
            current = agreement.theme
            lines.append(f"  # --- {themes.get(current, current)} ---")
        key = yaml_key(agreement.id)
        given = start.scores.get(agreement.id) if start else None
        if given is not None and norm.level(given) is not None:
            lines += [f"  # {agreement.id}, {agreement.title}", f"  {key}: {given}"]
            continue
        new = " (nieuw, nog geen score)" if start is not None else ""
        lines += [f"  # {agreement.id}, {agreement.title}{new}", f"  # {key}: {codes}"]
    return "\n".join(lines) + "\n"


def render_self_assessment(school: NewSchool, config: SiteConfig, today: date) -> str:
    """The text of a new zelfevaluatie for the current school year, every agreement listed."""
    role = config.texts.contact_role.for_type(school.type)
    year = config.swv.school_year
    return self_assessment_text(school.name, year, config.norm, config, today, role)


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
        os.chmod(staging, NEW_DIR_MODE)  # mkdtemp makes it private; a school folder is not
        staging.rename(target)  # fails rather than replaces if the folder appeared meanwhile
    finally:
        if staging.exists():
            shutil.rmtree(staging)
    return target
