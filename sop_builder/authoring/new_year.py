"""`sop-builder nieuw-schooljaar JJJJ-JJJJ`: begin a new school year in one step.

Every school gets its self-assessment file for the new year (empty, or with last year's scores
as a starting point that the school still has to confirm: marked INVULLEN), with the explaining
comments of `nieuwe-school`; site_config/swv.yaml gets the new `schooljaar`. All files are written
at once, or none (the `Workspace` of `migreer`, one transaction: swv.yaml last). Until a school's new self-assessment is final,
the public site shows its result of the year before, naming that year
(scoring.published_compliance). The result says per school, and for the SWV, what is left to do.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from sop_builder.authoring.migrate import Workspace
from sop_builder.authoring.new_school import self_assessment_text, type_error
from sop_builder.core import roundtrip
from sop_builder.core.fieldtypes import SchoolYear
from sop_builder.core.issues import Issue
from sop_builder.core.transaction import recover
from sop_builder.project import report
from sop_builder.project.config import NORMS_DIR, SWV_FILE
from sop_builder.project.evaluation.config import GOALS_DIR
from sop_builder.project.files import SCHOOLS_DIR, self_assessment_name
from sop_builder.project.load import load_project
from sop_builder.project.model import School, SelfAssessment, SiteConfig
from sop_builder.project.placeholders import MARK
from sop_builder.project.project import Project
from sop_builder.project.scoring import format_count, format_percentage, year_compliance

EMPTY, LAST_YEAR = "leeg", "vorig-jaar"  # how a new file starts


@dataclass
class NewYearResult:
    ok: bool
    messages: list[str] = field(default_factory=list)  # what happened, or why not
    schools: list[tuple[str, list[str]]] = field(default_factory=list)  # (school, to do)
    swv: list[str] = field(default_factory=list)  # what the SWV still has to do
    written: list[str] = field(default_factory=list)
    issues: list[Issue] = field(default_factory=list)  # why nothing was written, or recovered


def _latest_before(school: School, year: str) -> SelfAssessment | None:
    earlier = sorted(y for y in school.self_assessments if y < year)
    return school.self_assessments[earlier[-1]] if earlier else None


def _school_todo(
    school: School, config: SiteConfig, year: str, start: str, exists: bool
) -> list[str]:
    """What one school still has to do for ``year``, in plain Dutch."""
    norm = config.norm_for(year)
    assert norm is not None
    name = self_assessment_name(year)
    previous = _latest_before(school, year)
    todo: list[str] = []
    if exists:
        todo.append(f"{name} bestond al en is niet veranderd.")
    elif start == LAST_YEAR and previous is not None:
        taken = sum(1 for a in norm.agreements if a.id in previous.scores)
        new = len(norm.agreements) - taken
        todo.append(
            f"{name} gemaakt met de {taken} scores van {previous.school_year} als startpunt: "
            f"kijk ze na en haal daarna {MARK} weg boven 'scores' en 'ingevuld_op'."
            + (f" {new} afspraken hebben nog geen score." if new else "")
        )
    else:
        todo.append(
            f"{name} gemaakt: vul de {len(norm.agreements)} scores in en de datum bij "
            f"'ingevuld_op' (haal daar {MARK} weg)."
        )
    shown = year_compliance(school, config, previous.school_year) if previous else None
    if shown is not None:
        todo.append(
            f"Tot de nieuwe zelfevaluatie klaar is, staat op de site de uitslag van "
            f"{shown.school_year}: {format_count(shown.total.met)} van {shown.total.counted} "
            f"({shown.total.percentage}%)."
        )
    else:
        todo.append("Er is geen eerdere zelfevaluatie: op de site staat nog geen uitslag.")
    end = date(int(year[5:]), 7, 31)
    if school.front.valid_until < end:
        todo.append(
            f"Het SOP is geldig tot {school.front.valid_until.isoformat()}: laat het dit "
            "schooljaar opnieuw vaststellen."
        )
    return todo


def _swv_todo(project: Project, config: SiteConfig, year: str) -> list[str]:
    """What the SWV still has to do for ``year``: its norm, target and goals."""
    todo = []
    start = config.norm_year(year)
    norm = config.norm_for(year)
    assert start is not None
    assert norm is not None
    line = f"Norm van {year}: {NORMS_DIR}/{start}.yaml ({len(norm.agreements)} afspraken)."
    if start != year:
        line += (
            f" Verandert de norm in {year}? Zet de nieuwe afspraken in {NORMS_DIR}/{year}.yaml "
            f"en laat {start}.yaml staan: dan blijven de uitslagen van eerdere jaren gelijk."
        )
    todo.append(line)
    target = config.swv.target_for(year)
    todo.append(
        f"Doel {year}: {format_percentage(target)} (bij 'doelen' in {SWV_FILE})."
        if target is not None
        else f"Er is geen doel voor {year}: voeg het toe bij 'doelen' in {SWV_FILE}."
    )
    evaluation = project.evaluation
    if evaluation is not None and evaluation.config.goals_for(year) is None:
        last = max(evaluation.config.goals) if evaluation.config.goals else None
        todo.append(
            f"Er zijn nog geen jaardoelen voor {year}: maak {GOALS_DIR}/{year}.yaml"
            + (f", of zet 'tot_en_met: {year}' in {GOALS_DIR}/{last}.yaml." if last else ".")
        )
    todo.append("Draai daarna 'sop-builder controleer': die zegt per school wat er nog ontbreekt.")
    return todo


def start_new_year(
    root: Path, year: str, start: str = EMPTY, today: date | None = None, dry_run: bool = False
) -> NewYearResult:
    """Write every school's self-assessment of ``year`` and make it the current school year."""
    root = Path(root)
    problem = type_error(SchoolYear, year)
    if problem:
        return NewYearResult(False, [problem])
    recovered = recover(root)  # an earlier run that was killed is finished first
    if any(i.is_error for i in recovered):
        return NewYearResult(False, issues=recovered)
    project = load_project(root, today, keep=False)  # a dry run writes nothing
    config = project.config
    if config is None or project.errors:
        return NewYearResult(
            False,
            [
                report.text_report(project.errors),
                "Herstel eerst de fouten (sop-builder controleer).",
            ],
        )
    current = config.swv.school_year
    if year < current:
        return NewYearResult(False, [f"Het huidige schooljaar is {current}; {year} ligt daarvoor."])
    norm = config.norm_for(year)
    assert norm is not None  # a norm in force now is in force later too
    day = project.today
    workspace = Workspace(root)
    result = NewYearResult(True, issues=recovered)
    for school in sorted(project.schools, key=lambda s: s.front.name.lower()):
        path = f"{SCHOOLS_DIR.as_posix()}/{school.slug}/{self_assessment_name(year)}"
        exists = workspace.exists(path)
        if not exists:
            role = config.texts.contact_role.for_type(school.front.type)
            previous = _latest_before(school, year) if start == LAST_YEAR else None
            text = self_assessment_text(school.front.name, year, norm, config, day, role, previous)
            workspace.write(path, text, f"zelfevaluatie {year}")
            result.written.append(path)
        result.schools.append(
            (
                f"{school.front.name} ({school.slug})",
                _school_todo(school, config, year, start, exists),
            )
        )
    if year != current:
        data = roundtrip.load(workspace.read(SWV_FILE))
        data["schooljaar"] = year
        workspace.write(SWV_FILE, roundtrip.dump(data), f"schooljaar {year}")
        result.written.append(SWV_FILE)
    result.swv = _swv_todo(project, config, year)
    if not dry_run:
        problems = workspace.commit("sop-builder nieuw-schooljaar")
        if problems:
            return NewYearResult(False, issues=recovered + problems)
    result.messages.append(
        (f"Schooljaar {current} → {year}" if year != current else f"Schooljaar {year}")
        + f": {len(result.written) - (year != current)} nieuwe zelfevaluaties"
        + (" (proef: er is niets geschreven)." if dry_run else ".")
    )
    return result
