"""The folder of a school that `import-scholen` brings in from DUO's files.

sop.md holds DUO's facts (naam, vestigingscode, type, adres, website, telefoon, bestuur,
coordinaten) under "Gegevens van DUO", and below that the fields the school (or the SWV: its
kern) fills in, all empty: no example name, date or sentence that could reach a page. Every
field the school must still fill in ends its comment with INVULLEN, so `check` lists it
(`placeholders.py`); the four sections hold only guidance in HTML comments, which are never
published. So a school that has not filled in its profile is knowable from its data: no
declarations (`ondersteuning` empty), no contacts, no dates, empty sections, INVULLEN marks,
and a self-assessment without scores or date. Which values are DUO's is recorded in
content/duo.yaml (`project/duo.py`).
"""

from __future__ import annotations

from datetime import date

from sop_builder.authoring.new_school import (
    COMMENTS_EXPLAINED,
    choices_and_profile_lines,
    comment,
    section_lines,
    self_assessment_text,
)
from sop_builder.authoring.profile_block import wrapped
from sop_builder.core.yamlwrite import yaml_value
from sop_builder.project.duo import DuoFacts
from sop_builder.project.model import SCHOOL_TYPE_CODES, SiteConfig
from sop_builder.project.placeholders import MARK

DOC = "SopFrontMatter"
DUO_HEADING = "# --- Gegevens van DUO ---"
OWN_HEADING = "# --- Wat de school invult ---"


def _duo_lines(facts: DuoFacts, config: SiteConfig) -> list[str]:
    board = comment(DOC, "bestuur", config)
    if facts.board_number:
        board += f" Bij DUO: bevoegd gezag {facts.board_number}."
    lines = [
        DUO_HEADING,
        *wrapped(
            "Deze gegevens komen uit de open data van DUO. 'sop-builder import-scholen' werkt "
            "ze bij na een nieuwe uitgave van DUO, zolang hier nog de waarde van DUO staat. "
            "Verandert u er zelf een, dan blijft uw waarde staan."
        ),
        comment(DOC, "naam", config),
        f"naam:{yaml_value(facts.name)}",
        comment(DOC, "vestigingscode", config),
        f"vestigingscode:{yaml_value(facts.code)}",
        comment(DOC, "type", config) + f" Hier: {SCHOOL_TYPE_CODES[facts.kind]}.",
        f"type:{yaml_value(facts.kind)}",
        comment(DOC, "adres", config),
        "adres:",
        f"  straat:{yaml_value(facts.street)}",
        f"  postcode:{yaml_value(facts.postcode)}",
        f"  plaats:{yaml_value(facts.place)}",
        comment(DOC, "website", config),
        f"website:{yaml_value(facts.website)}",
        comment(DOC, "telefoon", config),
        f"telefoon:{yaml_value(facts.phone)}",
        board,
        f"bestuur:{yaml_value(facts.board_name)}",
        comment(DOC, "coordinaten", config),
    ]
    if facts.latitude and facts.longitude:
        lines += [
            "coordinaten:",
            f"  breedtegraad:{yaml_value(facts.latitude)}",
            f"  lengtegraad:{yaml_value(facts.longitude)}",
        ]
    else:
        lines.append("coordinaten:")
    return lines


def _own_lines(facts: DuoFacts, kern: str, config: SiteConfig) -> list[str]:
    role = config.texts.contact_role.for_type(facts.kind)
    kern_comment = comment(DOC, "kern", config, mark=not kern)
    if kern:
        found = config.swv.kern(kern)
        kern_comment += f" Hier: {found.name}." if found else ""
    lines = [
        OWN_HEADING,
        kern_comment,
        f"kern:{yaml_value(kern)}",
        comment(DOC, "email", config),
        "email:",
        comment(DOC, "contactpersonen", config, mark=True),
        "# Schrijf per persoon deze regels onder 'contactpersonen:', zonder # ervoor:",
        f"#   - rol: {role}",
        "#     naam: (de naam)",
        "#     email: (een e-mailadres van het werk)",
        "contactpersonen:",
        comment(DOC, "vastgesteld_door_bestuur", config, mark=True),
        "vastgesteld_door_bestuur:",
        comment(DOC, "besproken_met_mr", config),
        "besproken_met_mr:",
        comment(DOC, "geldig_tot", config, mark=True),
        "geldig_tot:",
        comment(DOC, "bijgewerkt", config, mark=True),
        "bijgewerkt:",
    ]
    lines += choices_and_profile_lines(config)
    lines += [comment(DOC, "interne_notitie", config), "interne_notitie:"]
    return lines


def imported_sop(facts: DuoFacts, kern: str, config: SiteConfig) -> str:
    """The text of a new sop.md for a school from DUO's files."""
    lines = [
        "---",
        *wrapped(f"Schoolondersteuningsprofiel (SOP) van {facts.name}."),
        COMMENTS_EXPLAINED,
        f"# Eindigt de uitleg boven een veld op {MARK}? Dat vult de school in; haal daarna dat",
        "# ene woord weg. Controleer uw werk met: sop-builder controleer",
        "",
        *_duo_lines(facts, config),
        "",
        *_own_lines(facts, kern, config),
        "---",
        "",
        *section_lines(),
    ]
    return "\n".join(lines)


def imported_self_assessment(facts: DuoFacts, config: SiteConfig) -> str:
    """The self-assessment of the current school year: every agreement listed, no score, no
    date (the school fills them in)."""
    role = config.texts.contact_role.for_type(facts.kind)
    year = config.swv.school_year
    return self_assessment_text(facts.name, year, config.norm, config, date.min, role, dated=False)
