"""Read and check the yearly evaluations (school folders) and the assessments on frameworks by
school (school folders) and SWV (content/swv/<slug>/).

The public build calls this with ``internal=False``: it then never opens content/swv/ and keeps
only each school's public summary, plus the internal texts so that the post-build check can
prove none of them was published.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sop_builder.core.issues import Issue, allowed_list, did_you_mean, issue_at, make_issue
from sop_builder.core.schema import read_model
from sop_builder.core.yamlread import YamlTree
from sop_builder.project.evaluation.config import EvaluationConfig, load_evaluation_config
from sop_builder.project.evaluation.frameworks import (
    NORM_FRAMEWORK,
    SCHOOL,
    SWV,
    Framework,
    FrameworkAssessment,
)
from sop_builder.project.evaluation.model import EvaluationFile, FrameworkAssessmentFile
from sop_builder.project.files import EVALUATION_FILE, FRAMEWORK_ASSESSMENT_FILE, SCHOOLS_DIR
from sop_builder.project.messages import no_norm_for_year, not_used, year_mismatch
from sop_builder.project.model import School, SiteConfig

SWV_DIR = Path("content/swv")
EXPLANATION = "toelichting"


@dataclass
class SchoolRecords:
    """Everything internal about one school: evaluations per year and framework assessments."""

    evaluations: dict[str, EvaluationFile] = field(default_factory=dict)
    framework_assessments: list[FrameworkAssessment] = field(default_factory=list)

    def framework_assessment(
        self, framework: str, year: str, assessor: str
    ) -> FrameworkAssessment | None:
        return next(
            (
                a
                for a in self.framework_assessments
                if (a.framework, a.school_year, a.assessor) == (framework, year, assessor)
            ),
            None,
        )


@dataclass
class EvaluationData:
    config: EvaluationConfig
    internal: bool
    schools: dict[str, SchoolRecords] = field(default_factory=dict)
    summaries: dict[str, tuple[str, str]] = field(default_factory=dict)  # slug -> (year, text)
    secrets: list[str] = field(default_factory=list)


CODE_KEYS = {"status", "uren_consulent", "schooljaar", "gesprek_op", "verslag_bij_sop"}


def _texts(value: Any) -> list[str]:
    """Every free text in a value (codes, dates and yes/no left out)."""
    if isinstance(value, str):
        return [value] if value.strip() else []
    if isinstance(value, dict):
        return [t for k, v in value.items() if k not in CODE_KEYS for t in _texts(v)]
    if isinstance(value, list):
        return [t for v in value for t in _texts(v)]
    return []


# Roles such as 'Intern begeleider' are not secret and appear on public pages.
NOT_SECRET = {"openbare_samenvatting", "verslag_door", "ingevuld_door"}


def _evaluation_secrets(tree: YamlTree) -> list[str]:
    """The internal texts of an evaluation, except those the school also made public."""
    data = tree.data if isinstance(tree.data, dict) else {}
    public = data.get("openbare_samenvatting")
    public = " ".join(public.split()) if isinstance(public, str) else ""
    texts = _texts({k: v for k, v in data.items() if k not in NOT_SECRET})
    return [t for t in texts if " ".join(t.split()) not in public]


def _framework_assessment_secrets(tree: YamlTree) -> list[str]:
    data = tree.data if isinstance(tree.data, dict) else {}
    texts = _texts(data.get("opmerking"))
    scores = data.get("scores")
    for value in scores.values() if isinstance(scores, dict) else []:
        if isinstance(value, dict):
            texts += _texts(value.get(EXPLANATION))
    return texts


def read_evaluation(
    file: Path, display: str, year: str, config: EvaluationConfig
) -> tuple[EvaluationFile | None, list[str], list[Issue]]:
    """A school's evaluation file: the model, its internal texts, and every problem."""
    model, tree, issues = read_model(file, display, EvaluationFile)
    secrets = _evaluation_secrets(tree) if tree is not None else []
    if model is None or tree is None:
        return None, secrets, issues
    issues += year_mismatch(tree, display, model.school_year, year)
    goals = config.goals_for(model.school_year)
    if goals is None:
        pos = tree.value_pos(("schooljaar",))
        first = min(config.goals) if config.goals else None
        issues.append(
            issue_at(
                "SOP703",
                display,
                pos,
                f"Voor schooljaar {model.school_year} heeft het samenwerkingsverband geen doelen vastgelegd.",
                (f"De eerste doelen zijn van {first}. " if first else "")
                + f"Zet de doelen in site_config/jaardoelen/{model.school_year}.yaml.",
                "schooljaar",
            )
        )
        return model, secrets, issues
    ids = [g.id for g in goals.goals()]
    codes = [s.code for s in goals.status_scale]
    for goal_id, entry in model.goals.items():
        if goal_id not in ids:
            pos = tree.key_pos(("doelen", goal_id)) or tree.pos(("doelen",))
            issues.append(
                issue_at(
                    "SOP701",
                    display,
                    pos,
                    f"Doel '{goal_id}' bestaat niet in de doelen van {goals.school_year}.",
                    did_you_mean(goal_id, ids) or f"Kies uit: {allowed_list(ids, limit=20)}.",
                    "doelen",
                )
            )
        elif goals.status(entry.status) is None:
            pos = tree.value_pos(("doelen", goal_id, "status"))
            labels = [f"{s.code} ({s.label})" for s in goals.status_scale]
            issues.append(
                issue_at(
                    "SOP702",
                    display,
                    pos,
                    f"'{entry.status}' is geen status bij doel {goal_id}.",
                    did_you_mean(entry.status, codes) or f"Kies uit: {allowed_list(labels)}.",
                    "status",
                )
            )
    return model, secrets, issues


def _written(raw: Any, dimension: str, dimensions: int) -> bool:
    """Whether a score for ``dimension`` was written (valid or not; errors are reported)."""
    if isinstance(raw, dict):
        return dimension in raw
    return raw is not None and (dimensions == 1 or not isinstance(raw, str))


def _item_scores(
    framework: Framework, item: str, raw: Any, tree: YamlTree, path: str
) -> tuple[dict[str, str], str | None, list[Issue]]:
    """One item's codes per dimension and its explanation."""
    dims = [d for d, _ in framework.dimensions]
    where = ("scores", item)
    if isinstance(raw, str) and len(dims) == 1:
        raw = {dims[0]: raw}
    if not isinstance(raw, dict):
        pos = tree.value_pos(where)
        example = ", ".join(f"{d}: {framework.levels[0].code}" for d in dims)
        return (
            {},
            None,
            [
                issue_at(
                    "SOP103",
                    path,
                    pos,
                    f"Bij '{item}' hoort een score per onderdeel ({', '.join(dims)}).",
                    f"Schrijf op de regels eronder, ingesprongen: {example}.",
                    "scores",
                )
            ],
        )
    codes = [lv.code for lv in framework.levels]
    scores: dict[str, str] = {}
    explanation = None
    issues: list[Issue] = []
    for key, value in raw.items():
        pos = tree.value_pos((*where, key))
        text = value.strip() if isinstance(value, str) else ""
        if key == EXPLANATION:
            explanation = text or None
        elif key not in dims:
            key_pos = tree.key_pos((*where, key)) or pos
            issues.append(
                issue_at(
                    "SOP708",
                    path,
                    key_pos,
                    f"'{key}' is geen onderdeel van de score bij '{item}'.",
                    did_you_mean(str(key), [*dims, EXPLANATION])
                    or f"Gebruik: {', '.join([*dims, EXPLANATION])}.",
                    "scores",
                )
            )
        elif framework.level(text) is None:
            labels = [f"{lv.code} ({lv.label})" for lv in framework.levels]
            issues.append(
                issue_at(
                    "SOP706",
                    path,
                    pos,
                    f"'{text}' is geen score bij {item} ({key}).",
                    did_you_mean(text, codes) or f"Kies uit: {allowed_list(labels)}.",
                    "scores",
                )
            )
        else:
            scores[key] = text
    return scores, explanation, issues


def read_framework_assessment(
    file: Path,
    display: str,
    framework_id: str,
    year: str,
    assessor: str,
    config: EvaluationConfig,
    school_type: str | None,
) -> tuple[FrameworkAssessment | None, list[str], list[Issue]]:
    """An assessment on a framework; returns it, its internal texts, and every problem."""
    framework = config.framework(framework_id, year)
    if framework is None and framework_id == NORM_FRAMEWORK:
        return None, [], [no_norm_for_year(display, year, sorted(config.norm_frameworks))]
    if framework is None:
        known = config.framework_ids()
        return (
            None,
            [],
            [
                make_issue(
                    "SOP704",
                    display,
                    1,
                    1,
                    f"Er is geen kader '{framework_id}'; daarom kan dit bestand niet worden gelezen.",
                    (
                        did_you_mean(framework_id, known) + " "
                        if did_you_mean(framework_id, known)
                        else ""
                    )
                    + f"De bestandsnaam is beoordeling-<kader>-<schooljaar>.yaml, met als kader: {', '.join(known)}.",
                )
            ],
        )
    model, tree, issues = read_model(file, display, FrameworkAssessmentFile)
    secrets = _framework_assessment_secrets(tree) if tree is not None else []
    if model is None or tree is None:
        return None, secrets, issues
    issues += year_mismatch(tree, display, model.school_year, year)
    if framework.school_types and school_type and school_type not in framework.school_types:
        issues.append(
            make_issue(
                "SOP711",
                display,
                1,
                1,
                f"Het kader '{framework.name}' is niet bedoeld voor dit soort school ({school_type}).",
                f"Het kader geldt voor: {', '.join(framework.school_types)}. "
                "Controleer of dit bestand in de goede map staat.",
            )
        )
    ids = framework.item_ids()
    unscored = [i for i in ids if i not in model.scores]
    scores: dict[str, dict[str, str]] = {}
    explanations: dict[str, str] = {}
    for item, raw in model.scores.items():
        if item not in ids:
            pos = tree.key_pos(("scores", item)) or tree.pos(("scores",))
            issues.append(
                issue_at(
                    "SOP705",
                    display,
                    pos,
                    f"'{item}' bestaat niet in '{framework.name}'; daar staan {ids[0]} t/m {ids[-1]}.",
                    did_you_mean(item, unscored)
                    or did_you_mean(item, ids)
                    or (f"Nog zonder score: {allowed_list(unscored)}." if unscored else "")
                    or f"Kijk in site_config/kaders/{framework.id}.yaml welke onderdelen er zijn.",
                    "scores",
                )
            )
            continue
        values, explanation, found = _item_scores(framework, item, raw, tree, display)
        issues += found
        scores[item] = values
        if explanation:
            explanations[item] = explanation
    dims = [d for d, _ in framework.dimensions]
    missing = [
        i if len(dims) == 1 else f"{i} ({d})"
        for i in ids
        for d in dims
        if not _written(model.scores.get(i), d, len(dims))
    ]
    if missing:
        pos = tree.pos(("scores",))
        shown = ", ".join(missing[:10]) + (" …" if len(missing) > 10 else "")
        issues.append(
            issue_at(
                "SOP707",
                display,
                pos,
                f"{len(missing)} {'score ontbreekt' if len(missing) == 1 else 'scores ontbreken'}: {shown}.",
                "Vul voor elk onderdeel een score in; zonder score valt het weg uit de vergelijking.",
                "scores",
            )
        )
    assessment = FrameworkAssessment(
        framework.id,
        year,
        assessor,
        model.filled_in_on,
        model.filled_in_by,
        scores,
        explanations,
        model.remark,
        display,
    )
    return assessment, secrets, issues


def _school_files(
    folder: Path,
    display_dir: str,
    data: EvaluationData,
    slug: str,
    school_type: str | None,
    assessor: str,
) -> list[Issue]:
    """Read every evaluation and assessment file in one folder into ``data``."""
    issues: list[Issue] = []
    records = SchoolRecords()
    for file in sorted(folder.iterdir()):
        display = f"{display_dir}/{file.name}"
        evaluation = EVALUATION_FILE.fullmatch(file.name) if assessor == SCHOOL else None
        framework_assessment = FRAMEWORK_ASSESSMENT_FILE.fullmatch(file.name)
        if evaluation:
            model, secrets, found = read_evaluation(file, display, evaluation.group(1), data.config)
            data.secrets += secrets
            issues += found
            if model is not None:
                records.evaluations[model.school_year] = model
                if model.public_summary:
                    latest = data.summaries.get(slug)
                    if latest is None or latest[0] < model.school_year:
                        data.summaries[slug] = (model.school_year, model.public_summary)
        elif framework_assessment:
            result, secrets, found = read_framework_assessment(
                file,
                display,
                framework_assessment.group(1),
                framework_assessment.group(2),
                assessor,
                data.config,
                school_type,
            )
            data.secrets += secrets
            issues += found
            if result is not None:
                records.framework_assessments.append(result)
        elif assessor == SWV and not file.name.startswith("."):
            issues.append(
                make_issue(
                    "SOP710",
                    display,
                    1,
                    1,
                    not_used(f"Het bestand {file.name}", published=False),
                    "In een map van het samenwerkingsverband horen alleen bestanden "
                    "beoordeling-<kader>-<schooljaar>.yaml. Hernoem of verwijder dit bestand.",
                )
            )
    if data.internal:
        target = data.schools.setdefault(slug, SchoolRecords())
        target.evaluations.update(records.evaluations)
        target.framework_assessments += records.framework_assessments
    return issues


@dataclass
class SchoolPart:
    """What one school folder contributes to the evaluation data (kept between edits)."""

    issues: list[Issue]
    secrets: list[str]
    summary: tuple[str, str] | None
    records: SchoolRecords | None


def _school_part(
    root: Path, eval_config: EvaluationConfig, internal: bool, school: School
) -> SchoolPart:
    data = EvaluationData(eval_config, internal)
    folder = root / SCHOOLS_DIR / school.slug
    issues: list[Issue] = []
    if folder.is_dir():
        display = f"{SCHOOLS_DIR.as_posix()}/{school.slug}"
        issues = _school_files(folder, display, data, school.slug, school.front.type, SCHOOL)
    return SchoolPart(
        issues, data.secrets, data.summaries.get(school.slug), data.schools.get(school.slug)
    )


def load_evaluations(
    root: Path,
    config: SiteConfig,
    schools: list[School],
    internal: bool,
    kept: dict[str, SchoolPart] | None = None,
) -> tuple[EvaluationData, list[Issue]]:
    """Goals, frameworks, evaluations and assessments; content/swv/ only when ``internal``.

    ``kept`` holds each school folder's part from an earlier call, by slug: a part found there
    is used as it is (the caller removes the parts of folders that changed); new parts are added.
    """
    eval_config, issues = load_evaluation_config(root, config)
    data = EvaluationData(eval_config, internal)
    types = {s.slug: s.front.type for s in schools}
    for school in schools:
        part = kept.get(school.slug) if kept is not None else None
        if part is None:
            part = _school_part(root, eval_config, internal, school)
            if kept is not None:
                kept[school.slug] = part
        issues += part.issues
        data.secrets += part.secrets
        if part.summary is not None:
            data.summaries[school.slug] = part.summary
        if part.records is not None:  # a copy: the SWV's assessments are added to it below
            data.schools[school.slug] = SchoolRecords(
                dict(part.records.evaluations), list(part.records.framework_assessments)
            )
    base = root / SWV_DIR
    if not internal or not base.is_dir():
        return data, issues
    all_folders = (
        {p.name for p in (root / SCHOOLS_DIR).iterdir() if p.is_dir()}
        if (root / SCHOOLS_DIR).is_dir()
        else set()
    )
    for folder in sorted(p for p in base.iterdir() if not p.name.startswith(".")):
        display = f"{SWV_DIR.as_posix()}/{folder.name}"
        if not folder.is_dir() or folder.name not in all_folders:
            hint = did_you_mean(folder.name, sorted(all_folders))
            issues.append(
                make_issue(
                    "SOP709",
                    display,
                    1,
                    1,
                    f"Er is geen school met de map content/schools/{folder.name}/.",
                    hint
                    or "Geef de map dezelfde naam als de map van de school in content/schools/.",
                )
            )
            continue
        if folder.name in types:
            issues += _school_files(folder, display, data, folder.name, types[folder.name], SWV)
    return data, issues
