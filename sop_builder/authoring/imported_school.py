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
from sop_builder.project.model import SCHOOL_TYPE_CODES, SiteConfig, SopFrontMatter
from sop_builder.project.placeholders import MARK

DOC = SopFrontMatter
DUO_HEADING = "# --- Gegevens van DUO ---"
OWN_HEADING = "# --- Wat de school invult ---"


NAME_HOLE = "\x00naam\x00"  # where a school's name goes in a text made once for all schools


class ImportedSchools:
    """Writes the files of schools from DUO's files for one configuration: what is the same for
    every school (the explanations, the empty blocks, the list of agreements) is made once."""

    def __init__(self, config: SiteConfig) -> None:
        self.config = config
        self._comments: dict[tuple[str, bool], str] = {}
        self._blocks: dict[str, list[str]] = {}  # per kind of school
        self._assessments: dict[str, str] = {}  # per kind of school, with NAME_HOLE

    def comment(self, key: str, mark: bool = False) -> str:
        if (key, mark) not in self._comments:
            self._comments[(key, mark)] = comment(DOC, key, self.config, mark=mark)
        return self._comments[(key, mark)]

    def _duo_lines(self, facts: DuoFacts) -> list[str]:
        board = self.comment("bestuur")
        if facts.board_number:
            board += f" Bij DUO: bevoegd gezag {facts.board_number}."
        lines = [
            DUO_HEADING,
            *DUO_EXPLAINED,
            self.comment("naam"),
            f"naam:{yaml_value(facts.name)}",
            self.comment("vestigingscode"),
            f"vestigingscode:{yaml_value(facts.code)}",
            self.comment("type") + f" Hier: {SCHOOL_TYPE_CODES[facts.kind]}.",
            f"type:{yaml_value(facts.kind)}",
            self.comment("adres"),
            "adres:",
            f"  straat:{yaml_value(facts.street)}",
            f"  postcode:{yaml_value(facts.postcode)}",
            f"  plaats:{yaml_value(facts.place)}",
            self.comment("website"),
            f"website:{yaml_value(facts.website)}",
            self.comment("telefoon"),
            f"telefoon:{yaml_value(facts.phone)}",
            board,
            f"bestuur:{yaml_value(facts.board_name)}",
            self.comment("coordinaten"),
            "coordinaten:",
        ]
        if facts.latitude and facts.longitude:
            lines += [
                f"  breedtegraad:{yaml_value(facts.latitude)}",
                f"  lengtegraad:{yaml_value(facts.longitude)}",
            ]
        return lines

    def _own_lines(self, kind: str) -> list[str]:
        """Everything the school fills in but its kern, all empty (the same for each school of
        a kind)."""
        if kind not in self._blocks:
            role = self.config.texts.contact_role.for_type(kind)
            self._blocks[kind] = [
                self.comment("email"),
                "email:",
                self.comment("contactpersonen", mark=True),
                "# Schrijf per persoon deze regels onder 'contactpersonen:', zonder # ervoor:",
                f"#   - rol: {role}",
                "#     naam: (de naam)",
                "#     email: (een e-mailadres van het werk)",
                "contactpersonen:",
                self.comment("vastgesteld_door_bestuur", mark=True),
                "vastgesteld_door_bestuur:",
                self.comment("besproken_met_mr"),
                "besproken_met_mr:",
                self.comment("geldig_tot", mark=True),
                "geldig_tot:",
                self.comment("bijgewerkt", mark=True),
                "bijgewerkt:",
                *choices_and_profile_lines(self.config),
                self.comment("interne_notitie"),
                "interne_notitie:",
            ]
        return self._blocks[kind]

    def sop(self, facts: DuoFacts, kern: str) -> str:
        """The text of a new sop.md for a school from DUO's files."""
        kern_comment = self.comment("kern", mark=not kern)
        found = self.config.swv.kern(kern) if kern else None
        kern_comment += f" Hier: {found.name}." if found else ""
        lines = [
            "---",
            *wrapped(f"Schoolondersteuningsprofiel (SOP) van {facts.name}."),
            COMMENTS_EXPLAINED,
            f"# Eindigt de uitleg boven een veld op {MARK}? Dat vult de school in; haal daarna",
            "# dat ene woord weg. Controleer uw werk met: sop-builder controleer",
            "",
            *self._duo_lines(facts),
            "",
            OWN_HEADING,
            kern_comment,
            f"kern:{yaml_value(kern)}",
            *self._own_lines(facts.kind),
            "---",
            "",
            *section_lines(),
        ]
        return "\n".join(lines)

    def self_assessment(self, facts: DuoFacts) -> str:
        """The self-assessment of the current school year: every agreement listed, no score,
        no date (the school fills them in)."""
        if facts.kind not in self._assessments:
            role = self.config.texts.contact_role.for_type(facts.kind)
            year, norm = self.config.swv.school_year, self.config.norm
            self._assessments[facts.kind] = self_assessment_text(
                NAME_HOLE, year, norm, self.config, date.min, role, dated=False
            )
        return self._assessments[facts.kind].replace(NAME_HOLE, facts.name, 1)


DUO_EXPLAINED = wrapped(
    "Deze gegevens komen uit de open data van DUO. 'sop-builder import-scholen' werkt ze bij na "
    "een nieuwe uitgave van DUO, zolang hier nog de waarde van DUO staat. Verandert u er zelf "
    "een, dan blijft uw waarde staan."
)
