"""Load the yearly goals (site_config/jaardoelen/) and the frameworks (site_config/kaders/)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from sop_builder.core.issues import Issue, make_issue
from sop_builder.core.schema import read_model
from sop_builder.project.config import duplicate_values
from sop_builder.project.evaluation.frameworks import (
    NORM_FRAMEWORK,
    Framework,
    from_file,
    from_norm,
)
from sop_builder.project.evaluation.model import FrameworkFile, YearGoals
from sop_builder.project.loading import not_used, year_mismatch
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


def _stray(path: str, expected: str) -> Issue:
    return make_issue(
        "SOP208",
        path,
        1,
        1,
        not_used(f"Het bestand {path.rsplit('/', 1)[-1]}", published=False),
        f"Geef het bestand een naam als {expected}, of verwijder het.",
    )


def _load_goals(file: Path, display: str, year: str) -> tuple[YearGoals | None, list[Issue]]:
    goals, tree, issues = read_model(file, display, YearGoals)
    if goals is None or tree is None:
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
    model, tree, issues = read_model(file, display, FrameworkFile)
    if model is None or tree is None:
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


def _named_files(
    root: Path, folder: str, name: re.Pattern[str], example: str
) -> tuple[list[tuple[Path, str, str]], list[Issue]]:
    """(file, display path, what its name says) for every file of ``folder`` whose name fits,
    and SOP208 for every other file; a folder that does not exist simply holds nothing."""
    found: list[tuple[Path, str, str]] = []
    issues: list[Issue] = []
    base = root / folder
    for file in sorted(base.iterdir()) if base.is_dir() else []:
        display = f"{folder}/{file.name}"
        match = name.fullmatch(file.name)
        if match:
            found.append((file, display, match.group(1)))
        elif not file.name.startswith("."):
            issues.append(_stray(display, example))
    return found, issues


def load_evaluation_config(root: Path, norm: Norm) -> tuple[EvaluationConfig, list[Issue]]:
    """Read both folders; a folder that does not exist simply holds nothing."""
    config = EvaluationConfig(frameworks={NORM_FRAMEWORK: from_norm(norm)})
    goal_files, issues = _named_files(root, GOALS_DIR, YEAR_FILE, "2025-2026.yaml")
    for file, display, year in goal_files:
        goals, found = _load_goals(file, display, year)
        issues += found
        if goals is not None and not any(i.is_error for i in found):
            config.goals[goals.school_year] = goals
    framework_files, found = _named_files(root, FRAMEWORKS_DIR, ID_FILE, "indicatoren.yaml")
    issues += found
    for file, display, fid in framework_files:
        framework, found = _load_framework(file, display, fid)
        issues += found
        if framework is not None:
            config.frameworks[framework.id] = framework
    return config, issues
