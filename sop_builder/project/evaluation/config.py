"""Load the yearly goals (site_config/jaardoelen/) and the frameworks (site_config/kaders/)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from sop_builder.core.catalogue.config import NAME_OF_THE_NORM
from sop_builder.core.catalogue.schema import UNTIL_BEFORE_YEAR
from sop_builder.core.issues import Issue
from sop_builder.core.schema import read_model
from sop_builder.project.config import YEAR_FILE, duplicate_values, named_files
from sop_builder.project.evaluation.frameworks import (
    NORM_FRAMEWORK,
    Framework,
    from_file,
    from_norm,
)
from sop_builder.project.evaluation.model import (
    Dimension,
    FrameworkFile,
    FrameworkItem,
    FrameworkLevel,
    FrameworkTheme,
    Goal,
    GoalGroup,
    StatusLevel,
    YearGoals,
)
from sop_builder.project.messages import year_mismatch
from sop_builder.project.model import SiteConfig

GOALS_DIR = "site_config/jaardoelen"
FRAMEWORKS_DIR = "site_config/kaders"
ID_FILE = re.compile(r"([a-z0-9]+(?:-[a-z0-9]+)*)\.yaml")


@dataclass
class EvaluationConfig:
    """The SWV's goals per school year and its assessment frameworks."""

    goals: dict[str, YearGoals] = field(default_factory=dict)
    frameworks: dict[str, Framework] = field(default_factory=dict)
    # The agreements as a framework, per version of the norm (by its first school year).
    norm_frameworks: dict[str, Framework] = field(default_factory=dict)

    def goals_for(self, school_year: str) -> YearGoals | None:
        """The goals of ``school_year``: its own file, or one that says it also holds for that
        year ('tot_en_met'); never silently an older year's goals."""
        covering = [g for g in self.goals.values() if g.covers(school_year)]
        return max(covering, key=lambda g: g.school_year) if covering else None

    def framework(self, framework_id: str, school_year: str) -> Framework | None:
        """The framework ``framework_id`` as it stands in ``school_year`` (the agreements: the
        norm in force that year)."""
        if framework_id == NORM_FRAMEWORK:
            started = [y for y in self.norm_frameworks if y <= school_year]
            return self.norm_frameworks[max(started)] if started else None
        return self.frameworks.get(framework_id)

    def framework_ids(self) -> list[str]:
        return sorted({*self.frameworks, NORM_FRAMEWORK})


def _load_goals(file: Path, display: str, year: str) -> tuple[YearGoals | None, list[Issue]]:
    goals, tree, issues = read_model(file, display, YearGoals)
    if goals is None or tree is None:
        return None, issues
    groups, goals_key, id_key = YearGoals.key("groups"), GoalGroup.key("goals"), Goal.key("id")
    ids = [
        (g.id, (groups, gi, goals_key, i, id_key))
        for gi, group in enumerate(goals.groups)
        for i, g in enumerate(group.goals)
    ]
    issues += duplicate_values(ids, tree, display, "Het doel")
    scale, code = YearGoals.key("status_scale"), StatusLevel.key("code")
    codes = [(s.code, (scale, i, code)) for i, s in enumerate(goals.status_scale)]
    issues += duplicate_values(codes, tree, display, "De status")
    issues += year_mismatch(tree, display, goals.school_year, year, YearGoals)
    if goals.until is not None and goals.until < goals.school_year:
        key = YearGoals.key("until")
        pos = tree.value_pos((key,))
        issues.append(
            UNTIL_BEFORE_YEAR.at(display, pos, field=key, until=goals.until, year=goals.school_year)
        )
    return goals, issues


def _load_framework(file: Path, display: str, fid: str) -> tuple[Framework | None, list[Issue]]:
    model, tree, issues = read_model(file, display, FrameworkFile)
    if model is None or tree is None:
        return None, issues
    themes, items_key = FrameworkFile.key("themes"), FrameworkTheme.key("items")
    items = [
        (item.id, (themes, ti, items_key, i, FrameworkItem.key("id")))
        for ti, theme in enumerate(model.themes)
        for i, item in enumerate(theme.items)
    ]
    issues += duplicate_values(items, tree, display, "Het onderdeel")
    dimensions = FrameworkFile.key("dimensions")
    dims = [(d.id, (dimensions, i, Dimension.key("id"))) for i, d in enumerate(model.dimensions)]
    issues += duplicate_values(dims, tree, display, "De dimensie")
    scale, code = FrameworkFile.key("scale"), FrameworkLevel.key("code")
    codes = [(s.code, (scale, i, code)) for i, s in enumerate(model.scale)]
    issues += duplicate_values(codes, tree, display, "De score")
    if fid == NORM_FRAMEWORK:
        issues.append(NAME_OF_THE_NORM.at(display, tree.pos(()), name=fid))
    ok = not any(i.is_error for i in issues)
    return (from_file(fid, model) if ok else None), issues


def load_evaluation_config(root: Path, config: SiteConfig) -> tuple[EvaluationConfig, list[Issue]]:
    """Read both folders; a folder that does not exist simply holds nothing."""
    norm_frameworks = {year: from_norm(norm) for year, norm in config.norms.items()}
    current = config.norm_year(config.swv.school_year)
    frameworks = {NORM_FRAMEWORK: norm_frameworks[current]} if current else {}
    eval_config = EvaluationConfig(frameworks=frameworks, norm_frameworks=norm_frameworks)
    goal_files, issues = named_files(root, GOALS_DIR, YEAR_FILE, "2025-2026.yaml")
    for file, display, year in goal_files:
        goals, found = _load_goals(file, display, year)
        issues += found
        if goals is not None and not any(i.is_error for i in found):
            eval_config.goals[goals.school_year] = goals
    framework_files, found = named_files(root, FRAMEWORKS_DIR, ID_FILE, "indicatoren.yaml")
    issues += found
    for file, display, fid in framework_files:
        framework, found = _load_framework(file, display, fid)
        issues += found
        if framework is not None:
            eval_config.frameworks[framework.id] = framework
    return eval_config, issues
