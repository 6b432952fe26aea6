"""Checks that help people who edit a school folder: placeholders and plain language."""

from __future__ import annotations

from sop_builder.core.issues import Issue
from sop_builder.project.loading import LoadedSchool
from sop_builder.project.model import SiteConfig
from sop_builder.project.placeholders import school_placeholders
from sop_builder.project.plain_language import check_text


def editing_checks(school: LoadedSchool, config: SiteConfig) -> list[Issue]:
    """Warnings for one school folder as loading read it (never errors: the page can still be
    published)."""
    issues = school_placeholders(school)
    if school.sop is not None:
        issues += check_text(
            school.sop.body, school.sop.body_line, school.sop_path, config.glossary
        )
    return issues
