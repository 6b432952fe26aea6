"""Load a whole project (site_config/ and content/) into a `Project`: `load_project` once, or
`ProjectState`, which follows the files and re-reads only what changed."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from sop_builder.core.gcpause import collector_paused
from sop_builder.core.issues import Issue
from sop_builder.core.transaction import recover
from sop_builder.project.build_settings import BUILD_FILE, language_choice, public_figures_choice
from sop_builder.project.cache import SchoolCache
from sop_builder.project.config import load_config, missing_admission_texts
from sop_builder.project.editors import check_editors
from sop_builder.project.evaluation.load import SchoolPart, load_evaluations
from sop_builder.project.figures import load_figures, open_data_only
from sop_builder.project.files import school_folders
from sop_builder.project.internal_texts import internal_texts, public_only
from sop_builder.project.model import SiteConfig
from sop_builder.project.offer.load import load_offer
from sop_builder.project.postcodes import load_postcodes, unplaced_schools
from sop_builder.project.project import Project, reference_date
from sop_builder.project.pupils import load_pupils
from sop_builder.project.redirects import load_redirects, vanished_schools
from sop_builder.project.routes import site_routes
from sop_builder.project.schools.load import SchoolResult
from sop_builder.project.schools.validate import check_unique
from sop_builder.project.scoring import counted_compliance
from sop_builder.project.translations import check_translations
from sop_builder.project.tree import walk


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
    # False: the load cache is read but not written (a command that writes the project, or
    # only shows what it would write, leaves nothing else behind)
    keep: bool = True
    evaluations: dict[str, SchoolPart] = field(default_factory=dict)  # each folder's, kept
    cache: SchoolCache | None = None  # the results kept on disk (project/cache.py)
    tree_issues: list[Issue] = field(default_factory=list)  # links and skipped folders (tree.py)

    @property
    def linked(self) -> bool:
        """A link in content/ or site_config/: nothing else is read (project/tree.py)."""
        return any(i.is_error for i in self.tree_issues)

    def refresh(self) -> set[str]:
        """Re-read what changed since the last refresh; the names of the folders re-read or
        gone (every folder when site_config/ changed, or when a link stops all reading)."""
        self.tree_issues = walk(self.root)
        if self.linked:  # forget everything: what a link points at is never read
            gone = set(self.results)
            self.config, self.config_issues, self.config_stamp = None, [], None
            self.results, self.stamps = {}, {}
            self.evaluations.clear()
            return gone
        config_stamp = folder_stamp(self.root / "site_config", recursive=True)
        everything = config_stamp != self.config_stamp
        if everything:
            self.config, self.config_issues = load_config(self.root)
            self.config_stamp = config_stamp
            self.cache = SchoolCache(self.root, self.today, write=self.keep)
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
        assert self.cache is not None  # made with the configuration
        for folder, result in zip(changed, self.cache.results(changed, self.config), strict=True):
            self.results[folder.name] = result
        self.stamps = stamps
        return {f.name for f in changed} | gone

    def project(self) -> Project:
        """The project from the kept results, with the checks across schools run again."""
        with collector_paused():  # it makes long-lived objects only (core/gcpause.py)
            return self._project()

    def _project(self) -> Project:
        root, config = self.root, self.config
        if self.linked:
            return Project(root, self.today, None, issues=list(self.tree_issues))
        results = [self.results[name] for name in sorted(self.results)]
        project = Project(root, self.today, config)
        issues = self.config_issues + self.tree_issues
        issues += check_unique([r.identity for r in results])
        project.offer, found = load_offer(root, config, sorted(self.results))
        issues += found
        issues += check_editors(root)
        for result in results:
            issues += result.issues
            if result.unreadable_name is not None:
                project.unreadable.append(result.unreadable_name)
            if result.facts is not None:
                project.facts[result.identity.slug] = result.facts
                if result.pending:
                    project.pending.append(result.facts)
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
            wanted, minimum = language_choice(config)
            settings = f"site_config/{BUILD_FILE}"
            project.languages, project.published_languages, found = check_translations(
                root, wanted, minimum, settings
            )
            issues += found
        project.pupils, found = load_pupils(root)
        issues += found
        # The SWV's figures are internal: the public build reads them only for the page of
        # headline figures that site_config/bouwen.yaml may switch on, and then only DUO's.
        if self.internal or public_figures_choice(config):
            codes = [_code(r) for r in results]
            # a school whose code cannot be read: its figures are not reported as unknown
            known = None if None in codes else {c for c in codes if c is not None}
            project.figures, found = load_figures(root, known)
            issues += found
            if not self.internal and project.figures is not None:
                project.figures = open_data_only(project.figures)
        project.postcodes, found = load_postcodes(root)
        issues += found + unplaced_schools(project.schools, project.postcodes)
        unread = [
            (r.identity.slug, r.identity.sop_path)
            for r in results
            if r.school is None and not r.pending
        ]
        project.routes = site_routes(project, unread)
        redirects, found = load_redirects(
            root, [(r.identity.slug, _code(r)) for r in results], project.routes.pages()
        )
        project.redirects, issues = redirects, issues + found
        issues += vanished_schools(root, sorted(self.results), redirects)
        project.issues = sorted(issues, key=Issue.sort_key)
        if self.internal:
            project.internal_texts = internal_texts(project)
        else:  # internal texts of any length are kept out by construction
            public_only(project)
        return project


def _code(result: SchoolResult) -> str | None:
    """The vestigingscode of a school folder for its short link: also of a school that has not
    started (its page is "volgt") or whose other fields have errors."""
    if result.identity.code is not None:
        return result.identity.code
    return result.facts.vestigingscode if result.facts is not None else None


def load_project(
    root: Path, today: date | None = None, internal: bool = True, keep: bool = True
) -> Project:
    """Read and validate everything; never raises on bad content.

    With ``internal=False`` (the public build) only the SWV's scores on the agreements are read
    of content/swv/ (evaluation/load.py), never its explanations. With ``keep=False`` (a
    command that writes the project) the load cache is not written. A command that was killed
    while it wrote the project is finished first (core/transaction.py), so what is read is
    never half written; if it cannot be finished, that is an error (SOP953).
    """
    recovered = recover(Path(root))
    state = ProjectState(Path(root), today or reference_date(), internal, track=False, keep=keep)
    state.refresh()
    project = state.project()
    if recovered:
        project.issues = sorted(project.issues + recovered, key=Issue.sort_key)
    return project
