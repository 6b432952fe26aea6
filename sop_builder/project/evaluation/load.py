"""Read and check the yearly evaluations (school folders) and the assessments on frameworks by
school (school folders) and SWV (content/swv/<slug>/).

The public build calls this with ``internal=False``: it then keeps only each school's public
summary and, of content/swv/, only the SWV's scores on the agreements of basisondersteuning
(`EvaluationData.swv_scores`: the score that counts, scoring.counted, and its year are public;
the SWV's explanations and remarks are not). Every internal text read is kept in ``secrets``, so
that the post-build check can prove none of them was published.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sop_builder.core.catalogue.evaluation import (
    NO_GOALS,
    NO_GOALS_AT_ALL,
    NO_SUCH_SCHOOL,
    NO_SUCH_SCHOOL_TYPO,
    NOT_FOR_THIS_SCHOOL_TYPE,
    ONE_SCORE_MISSING,
    SCORES_MISSING,
    SWV_FILE_NOT_USED,
    UNKNOWN_DIMENSION,
    UNKNOWN_DIMENSION_TYPO,
    UNKNOWN_FRAMEWORK,
    UNKNOWN_FRAMEWORK_TYPO,
    UNKNOWN_GOAL,
    UNKNOWN_ITEM,
    UNKNOWN_ITEM_SEE_FILE,
    UNKNOWN_ITEM_UNSCORED,
    UNKNOWN_SCORE,
    UNKNOWN_STATUS,
)
from sop_builder.core.catalogue.schema import SCORES_PER_DIMENSION
from sop_builder.core.issues import Issue, allowed_list, choose_from, did_you_mean
from sop_builder.core.schema import read_model
from sop_builder.core.yamlread import YamlTree
from sop_builder.project.evaluation.config import EvaluationConfig, load_evaluation_config
from sop_builder.project.evaluation.frameworks import (
    NORM_FRAMEWORK,
    SINGLE_DIMENSION,
    Framework,
    FrameworkAssessment,
)
from sop_builder.project.evaluation.model import (
    EvaluationFile,
    FrameworkAssessmentFile,
    GoalEvaluation,
)
from sop_builder.project.files import EVALUATION_FILE, FRAMEWORK_ASSESSMENT_FILE, SCHOOLS_DIR
from sop_builder.project.messages import no_norm_for_year, year_mismatch
from sop_builder.project.model import SCHOOL, SWV, School, SelfAssessment, SiteConfig

SWV_DIR = Path("content/swv")
EXPLANATION = "toelichting"
SCORES_KEY = FrameworkAssessmentFile.key("scores")


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
    # The SWV's assessments of the agreements: slug -> school year -> its scores (no texts).
    swv_scores: dict[str, dict[str, SelfAssessment]] = field(default_factory=dict)


def norm_scores(found: FrameworkAssessment) -> SelfAssessment:
    """An assessment of the agreements (a framework assessment of `NORM_FRAMEWORK`) in the shape
    of a self-assessment, without its explanations, so it is scored exactly like the school's."""
    scores = {k: v[SINGLE_DIMENSION] for k, v in found.scores.items() if SINGLE_DIMENSION in v}
    return SelfAssessment(
        found.school_year,
        found.filled_in_on,
        scores,
        {},
        found.path,
        found.filled_in_by,
        assessor=found.assessor,
    )


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
    issues += year_mismatch(tree, display, model.school_year, year, EvaluationFile)
    goals = config.goals_for(model.school_year)
    if goals is None:
        key = EvaluationFile.key("school_year")
        pos = tree.value_pos((key,))
        year = model.school_year
        issues.append(
            NO_GOALS.at(display, pos, field=key, year=year, first=min(config.goals))
            if config.goals
            else NO_GOALS_AT_ALL.at(display, pos, field=key, year=year)
        )
        return model, secrets, issues
    ids = [g.id for g in goals.goals()]
    codes = [s.code for s in goals.status_scale]
    goals_key, status_key = EvaluationFile.key("goals"), GoalEvaluation.key("status")
    for goal_id, entry in model.goals.items():
        if goal_id not in ids:
            pos = tree.key_pos((goals_key, goal_id)) or tree.pos((goals_key,))
            suggestion = did_you_mean(goal_id, ids) or choose_from(ids, limit=20)
            issues.append(
                UNKNOWN_GOAL.at(
                    display,
                    pos,
                    field=goals_key,
                    goal=goal_id,
                    year=goals.school_year,
                    suggestion=suggestion,
                )
            )
        elif goals.status(entry.status) is None:
            pos = tree.value_pos((goals_key, goal_id, status_key))
            labels = [f"{s.code} ({s.label})" for s in goals.status_scale]
            suggestion = did_you_mean(entry.status, codes) or choose_from(labels)
            issues.append(
                UNKNOWN_STATUS.at(
                    display,
                    pos,
                    field=status_key,
                    status=entry.status,
                    goal=goal_id,
                    suggestion=suggestion,
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
    where = (SCORES_KEY, item)
    if isinstance(raw, str) and len(dims) == 1:
        raw = {dims[0]: raw}
    if not isinstance(raw, dict):
        pos = tree.value_pos(where)
        example = ", ".join(f"{d}: {framework.levels[0].code}" for d in dims)
        issue = SCORES_PER_DIMENSION.at(
            path, pos, field=SCORES_KEY, item=item, dimensions=", ".join(dims), example=example
        )
        return {}, None, [issue]
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
            allowed = [*dims, EXPLANATION]
            values = {"field": SCORES_KEY, "key": key, "item": item}
            suggestion = did_you_mean(str(key), allowed)
            issues.append(
                UNKNOWN_DIMENSION_TYPO.at(path, key_pos, suggestion=suggestion, **values)
                if suggestion
                else UNKNOWN_DIMENSION.at(path, key_pos, allowed=", ".join(allowed), **values)
            )
        elif framework.level(text) is None:
            labels = [f"{lv.code} ({lv.label})" for lv in framework.levels]
            issues.append(
                UNKNOWN_SCORE.at(
                    path,
                    pos,
                    field=SCORES_KEY,
                    score=text,
                    item=item,
                    dimension=key,
                    suggestion=did_you_mean(text, codes) or choose_from(labels),
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
        key = FrameworkAssessmentFile.key("school_year")
        return None, [], [no_norm_for_year(display, year, sorted(config.norm_frameworks), key)]
    if framework is None:
        known = config.framework_ids()
        values = {"framework": framework_id, "frameworks": ", ".join(known)}
        suggestion = did_you_mean(framework_id, known)
        issue = (
            UNKNOWN_FRAMEWORK_TYPO.at(display, suggestion=suggestion, **values)
            if suggestion
            else UNKNOWN_FRAMEWORK.at(display, **values)
        )
        return None, [], [issue]
    model, tree, issues = read_model(file, display, FrameworkAssessmentFile)
    secrets = _framework_assessment_secrets(tree) if tree is not None else []
    if model is None or tree is None:
        return None, secrets, issues
    issues += year_mismatch(tree, display, model.school_year, year, FrameworkAssessmentFile)
    if framework.school_types and school_type and school_type not in framework.school_types:
        issues.append(
            NOT_FOR_THIS_SCHOOL_TYPE.at(
                display,
                framework=framework.name,
                type=school_type,
                types=", ".join(framework.school_types),
            )
        )
    ids = framework.item_ids()
    unscored = [i for i in ids if i not in model.scores]
    scores: dict[str, dict[str, str]] = {}
    explanations: dict[str, str] = {}
    for item, raw in model.scores.items():
        if item not in ids:
            pos = tree.key_pos((SCORES_KEY, item)) or tree.pos((SCORES_KEY,))
            values = {
                "field": SCORES_KEY,
                "item": item,
                "framework": framework.name,
                "first": ids[0],
                "last": ids[-1],
            }
            suggestion = did_you_mean(item, unscored) or did_you_mean(item, ids)
            if suggestion:
                issue = UNKNOWN_ITEM.at(display, pos, suggestion=suggestion, **values)
            elif unscored:
                issue = UNKNOWN_ITEM_UNSCORED.at(
                    display, pos, items=allowed_list(unscored), **values
                )
            else:
                issue = UNKNOWN_ITEM_SEE_FILE.at(display, pos, id=framework.id, **values)
            issues.append(issue)
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
        pos = tree.pos((SCORES_KEY,))
        shown = ", ".join(missing[:10]) + (" …" if len(missing) > 10 else "")
        message = ONE_SCORE_MISSING if len(missing) == 1 else SCORES_MISSING
        issues.append(message.at(display, pos, field=SCORES_KEY, count=len(missing), items=shown))
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
    # The public build reads a school's own files (for their internal texts, see ``secrets``)
    # and, of the SWV's, only its assessments of the agreements.
    read_all = data.internal or assessor == SCHOOL
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
        elif framework_assessment and (read_all or framework_assessment.group(1) == NORM_FRAMEWORK):
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
                if assessor == SWV and result.framework == NORM_FRAMEWORK:
                    scores = data.swv_scores.setdefault(slug, {})
                    scores[result.school_year] = norm_scores(result)
        elif framework_assessment:  # public build: the SWV's other frameworks are not read
            continue
        elif assessor == SWV and not file.name.startswith("."):
            issues.append(SWV_FILE_NOT_USED.at(display, name=file.name))
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
    """Goals, frameworks, evaluations and assessments; of content/swv/ only the SWV's scores
    on the agreements when not ``internal`` (the public build).

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
    if not base.is_dir():
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
                NO_SUCH_SCHOOL_TYPO.at(display, folder=folder.name, suggestion=hint)
                if hint
                else NO_SUCH_SCHOOL.at(display, folder=folder.name)
            )
            continue
        if folder.name in types:
            issues += _school_files(folder, display, data, folder.name, types[folder.name], SWV)
    return data, issues
