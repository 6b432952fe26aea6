"""Scores in spreadsheets: export compliance per school × agreement (CSV/XLSX) for the SWV's
administration, and import one school's scores from a questionnaire spreadsheet into its
yearly file ``zelfevaluatie-<schooljaar>.yaml`` without losing that file's other content or
comments (ruamel.yaml round trip).

Import columns (first row, any order, case-insensitive; other columns are ignored):
  afspraak        required  the agreement id, e.g. BO-01
  score           required  a code of the norm's scale (or its label, e.g. 'Voldoet')
  toelichting     optional  internal explanation; never published
  school          optional  folder name; rows of other schools are skipped
  vestigingscode  optional  idem
  schooljaar      optional  rows of other school years are skipped
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from io import StringIO
from pathlib import Path
from typing import Any

from sop_builder.core.catalogue.imports import (
    SCORES_COLUMN_MISSING,
    SCORES_FILE_NOT_UPDATED,
    SCORES_FILE_UNREADABLE,
    SCORES_NO_SCORE,
    SCORES_NOT_A_LIST,
    SCORES_NOT_A_SCORE,
    SCORES_NOT_APPLICABLE,
    SCORES_ROW_TWICE,
    SCORES_ROWS_SKIPPED,
    SCORES_UNKNOWN_AGREEMENT,
)
from sop_builder.core.issues import Issue, Message, Pos, allowed_list, choose_from, did_you_mean
from sop_builder.core.roundtrip import is_empty, round_trip_yaml
from sop_builder.core.sourcefile import read_text, read_yaml_mapping
from sop_builder.core.tables import Table, read_table, write_csv, write_xlsx
from sop_builder.core.transaction import Transaction, recover
from sop_builder.project.config import load_config
from sop_builder.project.files import SCHOOLS_DIR, SLUG, self_assessment_name
from sop_builder.project.messages import unknown_agreement_hint
from sop_builder.project.model import Norm, School, SelfAssessmentFile, SopFrontMatter, SwvConfig
from sop_builder.project.project import Project
from sop_builder.project.schools.read import LoadedSchool, read_sop, school_codes
from sop_builder.project.scoring import format_count, year_compliance

SCHOOL_COLUMNS = [
    "vestigingscode",
    "school",
    "naam",
    "kern",
    "bestuur",
    "schooljaar",
]
EXPORT_COLUMNS = [
    *SCHOOL_COLUMNS,
    "afspraak",
    "thema",
    "titel",
    "score",
    "betekenis",
    "toelichting",
]
SUMMARY_COLUMNS = [
    *SCHOOL_COLUMNS,
    "voldaan",
    "telt_mee",
    "percentage",
    "doel",
    "doel_gehaald",
    "afspraken_zonder_score",
]
FORMATS = ("csv", "xlsx")
NOTHING_IMPORTED = "Er is niets geïmporteerd."
SCORES_KEY = SelfAssessmentFile.key("scores")


# --- export ---------------------------------------------------------------------------------


def _school_cells(school: School, swv: SwvConfig, year: str) -> list[str]:
    kern = swv.kern(school.front.kern)
    return [
        school.front.vestigingscode,
        school.slug,
        school.front.name,
        kern.name if kern else school.front.kern,
        school.front.board or "",
        year,
    ]


def export_rows(project: Project, year: str) -> list[list[str]]:
    """One row per school × agreement, schools by name, agreements in the norm's order."""
    assert project.config is not None
    norm, swv = project.config.norm_for(year), project.config.swv
    if norm is None:
        return []
    themes = {t.id: t.title for t in norm.themes}
    rows = []
    for school in sorted(project.schools, key=lambda s: s.front.name.lower()):
        prefix = _school_cells(school, swv, year)
        assessment = school.self_assessments.get(year)
        for agreement in norm.agreements:
            code = assessment.scores.get(agreement.id, "") if assessment else ""
            level = norm.level(code) if code else None
            explanation = assessment.explanations.get(agreement.id, "") if assessment else ""
            rows.append(
                [
                    *prefix,
                    agreement.id,
                    themes.get(agreement.theme, agreement.theme),
                    agreement.title,
                    code,
                    level.label if level else "",
                    explanation,
                ]
            )
    return rows


def summary_rows(project: Project, year: str) -> list[list[object]]:
    assert project.config is not None
    swv = project.config.swv
    target = swv.target_for(year)
    rows: list[list[object]] = []
    for school in sorted(project.schools, key=lambda s: s.front.name.lower()):
        result = year_compliance(school, project.config, year)
        rows.append(
            [
                *_school_cells(school, swv, year),
                format_count(result.total.met) if result else "",
                result.total.counted if result else "",
                result.total.percentage if result else "",
                format_count(target) if target is not None else "",
                ("ja" if result.meets_target else "nee") if result else "",
                (result.agreements - result.scored) if result else "",
            ]
        )
    return rows


def export_scores(project: Project, fmt: str, out: Path, year: str | None = None) -> str:
    """Write the export; returns a Dutch sentence saying what was written."""
    assert project.config is not None
    assert fmt in FORMATS
    year = year or project.config.swv.school_year
    norm = project.config.norm_for(year)
    rows = export_rows(project, year)
    if fmt == "csv":
        write_csv(out, EXPORT_COLUMNS, rows)
    else:
        write_xlsx(
            out,
            {
                "Per afspraak": (EXPORT_COLUMNS, rows),
                "Per school": (SUMMARY_COLUMNS, summary_rows(project, year)),
            },
        )
    return (
        f"{len(rows)} regels ({len(project.schools)} scholen × "
        f"{len(norm.agreements) if norm else 0} afspraken, schooljaar {year}) geschreven naar {out}. "
        "Let op: de kolom 'toelichting' is intern; deel dit bestand niet buiten het samenwerkingsverband."
    )


# --- import ---------------------------------------------------------------------------------


@dataclass
class ImportResult:
    ok: bool
    issues: list[Issue] = field(default_factory=list)
    messages: list[str] = field(default_factory=list)


def find_school(root: Path, name: str) -> LoadedSchool | None:
    """A school by its folder name, or by the vestigingscode in its sop.md (read strictly)."""
    base = root / SCHOOLS_DIR
    if not (SLUG.fullmatch(name) and (base / name).is_dir()):
        name = school_codes(root).get(name.upper(), "")
        if not name:
            return None
    school, _ = read_sop(base / name, root)  # its problems are reported by check
    return school


def _score_code(value: str, norm: Norm) -> str | None:
    text = " ".join(value.split()).lower()
    for level in norm.scale:
        if text in (level.code.lower(), level.label.lower()):
            return level.code
    return None


def _ranges(numbers: list[int]) -> str:
    parts, start = [], None
    for i, n in enumerate(numbers):
        start = n if start is None else start
        if i + 1 == len(numbers) or numbers[i + 1] != n + 1:
            parts.append(str(start) if start == n else f"{start}-{n}")
            start = None
    return ", ".join(parts)


@dataclass
class SheetScores:
    """What a spreadsheet says about one school: agreement -> (score code, explanation)."""

    scores: dict[str, tuple[str, str]] = field(default_factory=dict)
    issues: list[Issue] = field(default_factory=list)


def read_scores(
    table: Table, display: str, norm: Norm, slug: str, code: str, year: str
) -> SheetScores:
    """Check every row; usable rows go into ``scores``, every other row gets a message."""
    result = SheetScores()
    cols = {name: table.column(name) for name in ("afspraak", "score", "toelichting")}
    filters = {name: table.column(name) for name in ("school", "vestigingscode", "schooljaar")}
    missing = [n for n in ("afspraak", "score") if cols[n] is None]
    if missing:
        result.issues.append(
            SCORES_COLUMN_MISSING.at(
                display,
                columns=" en ".join(repr(m) for m in missing),
                header=allowed_list(table.header),
            )
        )
        return result
    a_col, s_col, t_col = cols["afspraak"], cols["score"], cols["toelichting"]
    # both checked just above
    assert a_col is not None
    assert s_col is not None
    wanted = {"school": slug, "vestigingscode": code.upper(), "schooljaar": year}
    ids = norm.agreement_ids()
    codes = [level.code for level in norm.scale]
    first_row: dict[str, int] = {}
    skipped: list[int] = []
    for number, cells in table.rows:
        if any(
            col is not None and cells[col].strip() and cells[col].strip().upper() != want.upper()
            for name, col in filters.items()
            for want in [wanted[name]]
        ):
            skipped.append(number)
            continue
        agreement = cells[a_col].strip()
        value = cells[s_col]
        explanation = cells[t_col].strip() if t_col is not None else ""

        def issue(message: Message, col: int, number: int = number, **values: Any) -> None:
            place = Pos(number, col + 1)
            result.issues.append(message.at(display, place, row=number, **values))

        if agreement not in ids:
            hint = unknown_agreement_hint(agreement.upper(), ids)
            shown = agreement or "(leeg)"
            issue(SCORES_UNKNOWN_AGREEMENT, a_col, agreement=shown, suggestion=hint)
            continue
        if agreement in first_row:
            issue(SCORES_ROW_TWICE, a_col, agreement=agreement, first=first_row[agreement])
            continue
        first_row[agreement] = number
        if not value.strip():
            issue(SCORES_NO_SCORE, s_col, agreement=agreement, codes=allowed_list(codes))
            continue
        found = _score_code(value, norm)
        level = norm.level(found) if found else None
        if found is None or (
            level is not None and level.not_applicable and not norm.not_applicable_allowed
        ):
            message = SCORES_NOT_A_SCORE if found is None else SCORES_NOT_APPLICABLE
            allowed = [
                level.code
                for level in norm.scale
                if not (level.not_applicable and not norm.not_applicable_allowed)
            ]
            hint = " ".join(
                p for p in (did_you_mean(value.strip(), allowed), choose_from(allowed)) if p
            )
            issue(message, s_col, value=value.strip(), agreement=agreement, suggestion=hint)
            continue
        result.scores[agreement] = (found, explanation)
    if skipped:
        result.issues.append(
            SCORES_ROWS_SKIPPED.at(
                display,
                Pos(skipped[0], 1),
                count=len(skipped),
                rows=_ranges(skipped),
                school=slug,
                code=code,
                year=year,
            )
        )
    return result


def _yearly_file_text(file: Path, display: str) -> tuple[str | None, list[Issue]]:
    """The text of an existing yearly file, read strictly, or why it must not be rewritten:
    never rewrite a file that people's YAML would misread."""
    text, issues = read_text(file, display)
    tree, found = read_yaml_mapping(text, display) if text is not None else (None, [])
    errors = [i for i in issues + found if i.is_error]
    scores_node = tree.data.get(SCORES_KEY) if tree is not None else None
    if (
        tree is not None
        and not errors
        and not is_empty(scores_node)  # an empty 'scores:' (a new school's file) is fine
        and not isinstance(scores_node, dict)
    ):
        errors.append(SCORES_NOT_A_LIST.at(display, tree.value_pos((SCORES_KEY,))))
    if errors or tree is None:
        return None, [*errors, SCORES_FILE_NOT_UPDATED.at(display)]
    return text, []


def updated_yearly_file(
    file: Path,
    display: str,
    scores: dict[str, tuple[str, str]],
    year: str,
    filled_in_by: str,
    today: date,
) -> tuple[str | None, list[Issue]]:
    """The text of ``file`` with ``scores`` written in, keeping every other key, value and
    comment; or None and why it must not be rewritten."""
    from ruamel.yaml.comments import CommentedMap
    from ruamel.yaml.error import YAMLError

    round_trip = round_trip_yaml()  # every scalar stays text, as the strict reader reads it
    if file.exists():
        text, problems = _yearly_file_text(file, display)
        if text is None:
            return None, problems
        try:
            data = round_trip.load(text)
        except YAMLError as exc:  # pragma: no cover - the strict reader refused it already
            return None, [SCORES_FILE_UNREADABLE.at(display, detail=exc)]
    else:
        data = CommentedMap()
        data.yaml_set_start_comment(
            f"Zelfevaluatie basisondersteuning, schooljaar {year}.\n"
            "Gemaakt met 'sop-builder import-scores'."
        )
        data[SelfAssessmentFile.key("school_year")] = year
        data[SelfAssessmentFile.key("filled_in_on")] = today.isoformat()
        data[SelfAssessmentFile.key("filled_in_by")] = filled_in_by
    if is_empty(data.get(SCORES_KEY)):
        data[SCORES_KEY] = CommentedMap()
    target = data[SCORES_KEY]
    for agreement, (code, explanation) in scores.items():
        current = target.get(agreement)
        if isinstance(current, dict):
            current["score"] = code
            if explanation:
                current["toelichting"] = explanation
        elif explanation:
            entry = CommentedMap()
            entry["score"] = code
            entry["toelichting"] = explanation
            target[agreement] = entry
        else:
            target[agreement] = code
    out = StringIO()
    round_trip.dump(data, out)
    return out.getvalue(), []


def import_scores(
    root: Path,
    school: str,
    sheet: Path,
    year: str | None = None,
    filled_in_by: str | None = None,
    today: date | None = None,
) -> ImportResult:
    """Import one school's scores from ``sheet`` into its yearly file."""
    root = Path(root)
    recovered = recover(root)  # an earlier import that was killed is finished first
    if any(i.is_error for i in recovered):
        return ImportResult(False, recovered, [NOTHING_IMPORTED])
    config, config_issues = load_config(root)
    if config is None:
        return ImportResult(
            False,
            recovered + [i for i in config_issues if i.is_error],
            ["De configuratie in site_config/ heeft fouten; er is niets geïmporteerd."],
        )
    found = find_school(root, school)
    if found is None:
        return ImportResult(
            False,
            messages=[
                f"Er is geen school '{school}' in {SCHOOLS_DIR.as_posix()}/. "
                "Geef de mapnaam (bijvoorbeeld de-duinroos) of de vestigingscode."
            ],
        )
    year = year or config.swv.school_year
    norm = config.norm_for(year)
    if norm is None:
        return ImportResult(
            False, messages=[f"Voor schooljaar {year} is er geen norm; {NOTHING_IMPORTED}"]
        )
    # A new file names the usual role for this kind of school (site_config/teksten.yaml).
    role = filled_in_by or config.texts.contact_role.for_type(
        found.written(SopFrontMatter.key("type"))
    )
    folder, code = root / found.folder, found.written(SopFrontMatter.key("vestigingscode")) or ""
    table, issues = read_table(sheet, sheet.name)
    if table is None:
        return ImportResult(False, issues, [NOTHING_IMPORTED])
    result = read_scores(table, sheet.name, norm, folder.name, code, year)
    issues = recovered + result.issues
    if not result.scores:
        return ImportResult(
            False, issues, [f"Er is niets geïmporteerd: geen bruikbare rij voor {folder.name}."]
        )
    file = folder / self_assessment_name(year)
    display = file.relative_to(root).as_posix()
    text, problems = updated_yearly_file(
        file, display, result.scores, year, role, today or date.today()
    )
    if text is not None:
        transaction = Transaction(root, "sop-builder import-scores")
        transaction.write(file.relative_to(root).as_posix(), text)
        problems = transaction.commit()
    if problems:
        return ImportResult(False, issues + problems, [NOTHING_IMPORTED])
    errors = [i for i in issues if i.is_error]
    message = f"{len(result.scores)} scores geïmporteerd in {display}."
    if errors:
        message += f" {len(errors)} rijen zijn niet gebruikt; zie hierboven."
    return ImportResult(not errors, issues, [message])
