"""Load a whole project (site_config/ and content/) into a `Project`: `load_project` once, or
`ProjectState`, which follows the files and re-reads only what changed."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from sop_builder.core.issues import Issue
from sop_builder.project.config import load_config, missing_admission_texts
from sop_builder.project.editors import check_editors
from sop_builder.project.evaluation.load import SchoolPart, load_evaluations
from sop_builder.project.files import school_folders
from sop_builder.project.model import SiteConfig
from sop_builder.project.offer.load import load_offer
from sop_builder.project.paths import kern_pages, list_pages, offer_pages_paths
from sop_builder.project.postcodes import load_postcodes, unplaced_schools
from sop_builder.project.project import Project, reference_date
from sop_builder.project.pupils import load_pupils
from sop_builder.project.redirects import load_redirects, vanished_schools
from sop_builder.project.schools.load import SchoolResult, process_folders
from sop_builder.project.schools.validate import check_unique
from sop_builder.project.scoring import counted_compliance


def folder_stamp(folder: Path, recursive: bool = False) -> tuple[tuple[str, int, int], ...]:
    """What a folder holds, by name, modification time and size: it changes with any edit."""
    found: list[tuple[str, int, int]] = []
    todo = [("", str(folder))]
    while todo:
        prefix, path = todo.pop()
        try:
            entries = list(os.scandir(path))
        except OSError:
            continue
        for entry in entries:
            try:
                info = entry.stat(follow_symlinks=False)
            except OSError:
                continue
            found.append((prefix + entry.name, info.st_mtime_ns, info.st_size))
            if recursive and entry.is_dir(follow_symlinks=False):
                todo.append((f"{prefix}{entry.name}/", entry.path))
    return tuple(sorted(found))


@dataclass
class ProjectState:
    """A loaded project that follows the files: `refresh` re-reads only what changed.

    Each school folder's result (read, validated, scored) is kept; a change in one folder
    re-reads that folder only, and `project` runs the checks across schools again (unique
    codes and addresses, stories that name schools, redirects) with the kept results. A change
    in site_config/ re-reads everything. `serve` and the web editor work this way.
    """

    root: Path
    today: date
    internal: bool = True
    config: SiteConfig | None = None
    config_issues: list[Issue] = field(default_factory=list)
    results: dict[str, SchoolResult] = field(default_factory=dict)  # by folder name
    stamps: dict[str, tuple[tuple[str, int, int], ...]] = field(default_factory=dict)
    config_stamp: tuple[tuple[str, int, int], ...] | None = None
    track: bool = True  # False: read once (check, build), without noting what each folder holds
    evaluations: dict[str, SchoolPart] = field(default_factory=dict)  # each folder's, kept

    def refresh(self) -> set[str]:
        """Re-read what changed since the last refresh; the names of the folders re-read or
        gone (every folder when site_config/ changed)."""
        config_stamp = folder_stamp(self.root / "site_config", recursive=True)
        everything = config_stamp != self.config_stamp
        if everything:
            self.config, self.config_issues = load_config(self.root)
            self.config_stamp = config_stamp
        folders = school_folders(self.root)
        stamps = {f.name: folder_stamp(f) if self.track else () for f in folders}
        changed = [
            f
            for f in folders
            if everything or not self.track or stamps[f.name] != self.stamps.get(f.name)
        ]
        gone = set(self.results) - set(stamps)
        if everything:
            self.evaluations.clear()
        for name in gone | {f.name for f in changed}:
            self.results.pop(name, None)
            self.evaluations.pop(name, None)
        for folder, result in zip(
            changed, process_folders(changed, self.root, self.config, self.today), strict=True
        ):
            self.results[folder.name] = result
        self.stamps = stamps
        return {f.name for f in changed} | gone

    def project(self) -> Project:
        """The project from the kept results, with the checks across schools run again."""
        root, config = self.root, self.config
        results = [self.results[name] for name in sorted(self.results)]
        project = Project(root, self.today, config)
        issues = list(self.config_issues)
        issues += check_unique([r.identity for r in results])
        project.offer, found = load_offer(root, config, sorted(self.results))
        issues += found
        extra = kern_pages(config.swv) | list_pages(config) if config is not None else set()
        extra |= offer_pages_paths(project.offer)
        redirects, found = load_redirects(
            root, [(r.identity.slug, r.identity.code) for r in results], extra
        )
        project.redirects, issues = redirects, issues + found
        issues += vanished_schools(root, sorted(self.results), redirects)
        issues += check_editors(root)
        for result in results:
            issues += result.issues
            if result.unreadable_name is not None:
                project.unreadable.append(result.unreadable_name)
            if result.school is not None:
                project.schools.append(result.school)
                project.compliance[result.school.slug] = result.compliance
                project.current[result.school.slug] = result.current
        if config is not None:
            project.evaluation, found = load_evaluations(
                root, config, project.schools, self.internal, self.evaluations
            )
            issues += found
            swv = project.evaluation.swv_scores  # the SWV's assessment counts where there is one
            project.compliance.update(counted_compliance(project.schools, config, swv))
            issues += missing_admission_texts(config, project.schools)
        project.pupils, found = load_pupils(root)
        issues += found
        project.postcodes, found = load_postcodes(root)
        issues += found + unplaced_schools(project.schools, project.postcodes)
        project.issues = sorted(issues, key=Issue.sort_key)
        return project


def load_project(root: Path, today: date | None = None, internal: bool = True) -> Project:
    """Read and validate everything; never raises on bad content.

    With ``internal=False`` (the public build) only the SWV's scores on the agreements are read
    of content/swv/ (evaluation/load.py), never its explanations.
    """
    state = ProjectState(Path(root), today or reference_date(), internal, track=False)
    state.refresh()
    return state.project()
