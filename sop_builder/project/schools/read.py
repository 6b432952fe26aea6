"""Discover and read the schools under content/schools/ (syntax and schema only).

This is the only place that reads a school's sop.md and self-assessments: what later checks need
(the front matter text and the body with their lines, the text of each self-assessment file) is
kept on the ``LoadedSchool``.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import NamedTuple

from sop_builder.core.catalogue.crosschecks import (
    FOLDER_IS_A_LIST,
    FOLDER_NOT_AN_ADDRESS,
    NO_SOP_FILE,
    SCHOOL_FILE_NOT_USED,
)
from sop_builder.core.catalogue.schema import SCORE_IS_A_LIST
from sop_builder.core.issues import Issue
from sop_builder.core.plainmarkdown import plain_html
from sop_builder.core.richtext import markdown_issues
from sop_builder.core.schema import validate_tree
from sop_builder.core.sourcefile import (
    MarkdownSource,
    read_markdown_file,
    read_text,
    read_yaml_mapping,
)
from sop_builder.core.yamlread import YamlTree
from sop_builder.project.files import (
    EVALUATION_FILE,
    FRAMEWORK_ASSESSMENT_FILE,
    SELF_ASSESSMENT_FILE,
    SLUG,
    SOP_FILE,
    school_folders,
)
from sop_builder.project.messages import year_mismatch
from sop_builder.project.model import ScoreEntry, Section, SelfAssessmentFile, SopFrontMatter
from sop_builder.project.privacy import INTERNAL_KEYS, find_personal_data
from sop_builder.project.routes import RESERVED_SCHOOL_FOLDERS
from sop_builder.project.sections import (
    hiding_comments,
    split_sections,
    strip_comments,
    unclosed_comment,
)


class ScoreValue(NamedTuple):
    """One agreement's score code and optional (internal) explanation, as written."""

    score: str
    explanation: str | None


@dataclass
class LoadedSelfAssessment:
    """A self-assessment file that passed the schema (scores not yet checked)."""

    path: str
    year_in_name: str
    model: SelfAssessmentFile
    tree: YamlTree
    entries: dict[str, ScoreValue] = field(default_factory=dict)


@dataclass
class LoadedSchool:
    """A school folder after reading: what could be read, with the trees for positions."""

    slug: str
    folder: str
    sop_path: str
    sop: MarkdownSource | None = None  # sop.md as read (None when it could not be read)
    front: SopFrontMatter | None = None  # its front matter, when it passed the schema
    sections: list[Section] = field(default_factory=list)
    comments: list[str] = field(default_factory=list)
    self_assessments: list[LoadedSelfAssessment] = field(default_factory=list)
    self_assessment_years: set[str] = field(default_factory=set)  # from file names, read or not
    # path -> text of every self-assessment file that could be decoded (parsed or not)
    self_assessment_texts: dict[str, str] = field(default_factory=dict)

    @property
    def tree(self) -> YamlTree | None:
        """The front matter of sop.md with positions (None when it could not be read)."""
        return self.sop.tree if self.sop is not None else None

    def written(self, key: str) -> str | None:
        """A top-level front matter value as written, stripped; also when the schema refused
        the file (None when it is missing, empty or not text)."""
        return _written(self.tree, key)


def _written(tree: YamlTree | None, key: str) -> str | None:
    value = tree.data.get(key) if tree is not None else None
    return value.strip() if isinstance(value, str) and value.strip() else None


def _read_scores(loaded: LoadedSelfAssessment) -> list[Issue]:
    """Check each score value: a code, or a mapping with score and toelichting."""
    issues: list[Issue] = []
    for agreement_id, raw in loaded.model.scores.items():
        prefix = (SelfAssessmentFile.key("scores"), agreement_id)
        if isinstance(raw, str) and raw.strip() and "<" not in raw and ">" not in raw:
            # The common short form 'BO-01: ja' needs no schema run; the code is checked later.
            loaded.entries[agreement_id] = ScoreValue(" ".join(raw.split()), None)
            continue
        if isinstance(raw, str):
            raw = {"score": raw}
        if not isinstance(raw, dict):
            pos = loaded.tree.value_pos(prefix)
            issues.append(SCORE_IS_A_LIST.at(loaded.path, pos, agreement=agreement_id))
            continue
        entry, found = validate_tree(ScoreEntry, loaded.tree, loaded.path, raw, prefix)
        issues += found
        if entry is not None:
            loaded.entries[agreement_id] = ScoreValue(entry.score, entry.explanation)
    return issues


def _load_self_assessment(
    school: LoadedSchool, file: Path, display: str, year: str
) -> tuple[LoadedSelfAssessment | None, list[Issue]]:
    text, issues = read_text(file, display)
    if text is None:
        return None, issues
    school.self_assessment_texts[display] = text
    tree, issues = read_yaml_mapping(text, display)
    if tree is None:
        return None, issues
    model, found = validate_tree(SelfAssessmentFile, tree, display)
    issues += found
    if model is None:
        return None, issues
    loaded = LoadedSelfAssessment(display, year, model, tree)
    issues += _read_scores(loaded)
    issues += year_mismatch(tree, display, model.school_year, year, SelfAssessmentFile)
    return loaded, issues


def _rendered(sections: list[Section], path: str) -> tuple[list[Section], list[Issue]]:
    """Each section with its HTML, and what the page will not show as written."""
    done: list[Section] = []
    issues: list[Issue] = []
    for section in sections:
        plain = plain_html(section.markdown)  # most sections: nothing to lose, no Markdown
        if plain is not None:
            done.append(replace(section, html=plain))
            continue
        rendered, found = markdown_issues(section.markdown, section.text_line, path)
        done.append(replace(section, html=rendered.html))
        issues += found
    return done, issues


def read_sop(folder: Path, root: Path) -> tuple[LoadedSchool, list[Issue]]:
    """Check a school folder's name and read its sop.md (not yet its other files)."""
    rel = folder.relative_to(root).as_posix()
    school = LoadedSchool(folder.name, rel, f"{rel}/{SOP_FILE}")
    issues: list[Issue] = []
    if not SLUG.fullmatch(folder.name):
        issues.append(FOLDER_NOT_AN_ADDRESS.at(rel, name=folder.name))
    elif folder.name in RESERVED_SCHOOL_FOLDERS:
        issues.append(FOLDER_IS_A_LIST.at(rel, name=folder.name))
    sop = folder / SOP_FILE
    if not sop.is_file():
        issues.append(NO_SOP_FILE.at(rel, folder=rel, file=SOP_FILE))
    else:
        source, found = read_markdown_file(sop, school.sop_path)
        issues += found
        if source is not None:
            school.sop = source
            school.front, found = validate_tree(SopFrontMatter, source.tree, school.sop_path)
            issues += found
            issues += unclosed_comment(source.body, source.body_line, school.sop_path)
            issues += hiding_comments(source.body, source.body_line, school.sop_path)
            body, school.comments = strip_comments(source.body)
            school.sections, found = split_sections(body, source.body_line, school.sop_path)
            issues += found
            school.sections, found = _rendered(school.sections, school.sop_path)
            issues += found
            issues += find_personal_data(
                source.front_text, source.front_line, school.sop_path, skip=INTERNAL_KEYS
            )
            issues += find_personal_data(body, source.body_line, school.sop_path)
    return school, issues


def load_school(folder: Path, root: Path) -> tuple[LoadedSchool, list[Issue]]:
    """Read one school folder: sop.md and the self-assessments; report every other file."""
    school, issues = read_sop(folder, root)
    rel = school.folder
    for file in sorted(folder.iterdir()):
        if (
            file.name == SOP_FILE
            or file.name.startswith(".")
            or EVALUATION_FILE.fullmatch(file.name)
            or FRAMEWORK_ASSESSMENT_FILE.fullmatch(file.name)
        ):
            continue
        match = SELF_ASSESSMENT_FILE.fullmatch(file.name)
        display = f"{rel}/{file.name}"
        if match and file.is_file():
            school.self_assessment_years.add(match.group(1))
            loaded, found = _load_self_assessment(school, file, display, match.group(1))
            issues += found
            if loaded is not None:
                school.self_assessments.append(loaded)
        else:
            issues.append(SCHOOL_FILE_NOT_USED.at(display, name=file.name))
    return school, issues


def written_values(root: Path, key: str) -> dict[str, str]:
    """Folder name -> the front matter value ``key`` as written (see LoadedSchool.written), for
    every school whose sop.md can be read; a quick look-up, without the schema and the checks
    (check reports their problems)."""
    found: dict[str, str] = {}
    for folder in school_folders(root):
        rel = folder.relative_to(root).as_posix()
        source, _ = read_markdown_file(folder / SOP_FILE, f"{rel}/{SOP_FILE}")
        value = _written(source.tree if source is not None else None, key)
        if value is not None:
            found[folder.name] = value
    return found


def school_codes(root: Path) -> dict[str, str]:
    """vestigingscode (upper case) -> folder name, as written in each readable sop.md; the
    first folder keeps a code that is written twice (check reports that)."""
    codes: dict[str, str] = {}
    for folder, code in written_values(root, SopFrontMatter.key("vestigingscode")).items():
        codes.setdefault(code.upper(), folder)
    return codes
