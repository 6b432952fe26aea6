"""Load the yearly goals (site_config/jaardoelen/) and the frameworks (site_config/kaders/)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from sop_builder.core.issues import Issue, make_issue
from sop_builder.core.schema import validate_tree
from sop_builder.core.sourcefile import read_yaml_file
from sop_builder.core.yamlread import YamlTree
from sop_builder.project.config import duplicate_values
from sop_builder.project.evaluation.frameworks import (
    NORM_FRAMEWORK,
    Framework,
    from_file,
    from_norm,
)
from sop_builder.project.evaluation.model import FrameworkFile, YearGoals
from sop_builder.project.model import Norm

GOALS_DIR = "site_config/jaardoelen"
FRAMEWORKS_DIR = "site_config/kaders"
YEAR_FILE = re.compile(r"(\d{4}-\d{4})\.yaml")
ID_FILE = re.compile(r"([a-z0-9]+(?:-[a-z0-9]+)*)\.yaml")


@dataclass
class EvaluationConfig:
    """The SWV's goals per school year and its assessment frameworks."""

    goals: dict[str, YearGoals] = field(default_factory=dict)
    frameworks: dict[str, Framework] = field(default_factory=dict)

    def goals_for(self, school_year: str) -> YearGoals | None:
        """The goals in force in ``school_year``: the latest file of that year or before."""
        years = [y for y in self.goals if y <= school_year]
        return self.goals[max(years)] if years else None


def year_mismatch(tree: YamlTree, display: str, written: str, year: str) -> list[Issue]:
    """SOP305 when the school year in a file differs from the one in its name."""
    if written == year:
        return []
    pos = tree.value_pos(("schooljaar",))
    return [
        make_issue(
            "SOP305",
            display,
            pos.line,
            pos.column,
            f"In het bestand staat schooljaar {written}, maar de bestandsnaam zegt {year}.",
            "Maak de bestandsnaam en het veld 'schooljaar' gelijk.",
        )
    ]


def _stray(path: str, expected: str) -> Issue:
    return make_issue(
        "SOP208",
        path,
        1,
        1,
        f"Het bestand {path.rsplit('/', 1)[-1]} wordt niet gebruikt.",
        f"Geef het bestand een naam als {expected}, of verwijder het.",
    )


def _load_goals(file: Path, display: str, year: str) -> tuple[YearGoals | None, list[Issue]]:
    tree, issues = read_yaml_file(file, display)
    if tree is None:
        return None, issues
    goals, found = validate_tree(YearGoals, tree, display)
    issues += found
    if goals is None:
        return None, issues
    ids = [
        (g.id, ("ambities", gi, "doelen", i, "id"))
        for gi, group in enumerate(goals.groups)
        for i, g in enumerate(group.goals)
    ]
    issues += duplicate_values(ids, tree, display, "Het doel")
    codes = [(s.code, ("statusschaal", i, "code")) for i, s in enumerate(goals.status_scale)]
    issues += duplicate_values(codes, tree, display, "De status")
    issues += year_mismatch(tree, display, goals.school_year, year)
    return goals, issues


def _load_framework(file: Path, display: str, fid: str) -> tuple[Framework | None, list[Issue]]:
    tree, issues = read_yaml_file(file, display)
    if tree is None:
        return None, issues
    model, found = validate_tree(FrameworkFile, tree, display)
    issues += found
    if model is None:
        return None, issues
    items = [
        (item.id, ("themas", ti, "items", i, "id"))
        for ti, theme in enumerate(model.themes)
        for i, item in enumerate(theme.items)
    ]
    issues += duplicate_values(items, tree, display, "Het onderdeel")
    dims = [(d.id, ("dimensies", i, "id")) for i, d in enumerate(model.dimensions)]
    issues += duplicate_values(dims, tree, display, "De dimensie")
    codes = [(s.code, ("schaal", i, "code")) for i, s in enumerate(model.scale)]
    issues += duplicate_values(codes, tree, display, "De score")
    if fid == NORM_FRAMEWORK:
        pos = tree.pos(())
        issues.append(
            make_issue(
                "SOP501",
                display,
                pos.line,
                pos.column,
                f"De naam '{fid}' is al in gebruik voor de afspraken basisondersteuning.",
                "Geef dit kader een andere bestandsnaam.",
            )
        )
    ok = not any(i.is_error for i in issues)
    return (from_file(fid, model) if ok else None), issues


def load_evaluation_config(root: Path, norm: Norm) -> tuple[EvaluationConfig, list[Issue]]:
    """Read both folders; a folder that does not exist simply holds nothing."""
    config = EvaluationConfig(frameworks={NORM_FRAMEWORK: from_norm(norm)})
    issues: list[Issue] = []
    folder = root / GOALS_DIR
    for file in sorted(folder.iterdir()) if folder.is_dir() else []:
        display = f"{GOALS_DIR}/{file.name}"
        match = YEAR_FILE.fullmatch(file.name)
        if not match:
            if not file.name.startswith("."):
                issues.append(_stray(display, "2025-2026.yaml"))
            continue
        goals, found = _load_goals(file, display, match.group(1))
        issues += found
        if goals is not None and not any(i.is_error for i in found):
            config.goals[goals.school_year] = goals
    folder = root / FRAMEWORKS_DIR
    for file in sorted(folder.iterdir()) if folder.is_dir() else []:
        display = f"{FRAMEWORKS_DIR}/{file.name}"
        match = ID_FILE.fullmatch(file.name)
        if not match:
            if not file.name.startswith("."):
                issues.append(_stray(display, "indicatoren.yaml"))
            continue
        framework, found = _load_framework(file, display, match.group(1))
        issues += found
        if framework is not None:
            config.frameworks[framework.id] = framework
    return config, issues
