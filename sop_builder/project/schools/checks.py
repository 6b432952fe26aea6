"""Checks that help people who edit a school folder: placeholders and plain language."""

from __future__ import annotations

from sop_builder.core.issues import Issue
from sop_builder.project.model import SiteConfig
from sop_builder.project.placeholders import MARK, find_placeholders
from sop_builder.project.plain_language import check_text
from sop_builder.project.schools.read import LoadedSchool


def editing_checks(school: LoadedSchool, config: SiteConfig) -> list[Issue]:
    """Warnings for one school folder as loading read it (never errors: the page can still be
    published)."""
    issues = school_placeholders(school)
    if school.sop is not None:
        issues += check_text(
            school.sop.body, school.sop.body_line, school.sop_path, config.glossary
        )
    return issues


def school_placeholders(school: LoadedSchool) -> list[Issue]:
    """Placeholders in the front matter of sop.md and in the self-assessments of one school,
    in the texts that loading read."""
    issues: list[Issue] = []
    if school.sop is not None and MARK in school.sop.front_text:
        issues += find_placeholders(school.sop.front_text, school.sop_path, school.sop.front_line)
    for path, text in sorted(school.self_assessment_texts.items()):
        if MARK in text:
            issues += find_placeholders(text, path)
    return issues
