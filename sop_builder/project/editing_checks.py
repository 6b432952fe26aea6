"""Checks that help people who edit a school folder: placeholders and plain language."""

from __future__ import annotations

from pathlib import Path

from sop_builder.core.issues import Issue
from sop_builder.core.sourcefile import read_markdown_file
from sop_builder.project.loading import SOP_FILE
from sop_builder.project.model import SiteConfig
from sop_builder.project.placeholders import school_placeholders
from sop_builder.project.plain_language import check_text


def editing_checks(folder: Path, rel: str, config: SiteConfig) -> list[Issue]:
    """Warnings for one school folder (never errors: the page can still be published)."""
    issues = school_placeholders(folder, rel)
    sop = folder / SOP_FILE
    if sop.is_file():
        source, _ = read_markdown_file(sop, f"{rel}/{SOP_FILE}")  # problems reported by loading
        if source is not None:
            issues += check_text(
                source.body, source.body_line, f"{rel}/{SOP_FILE}", config.glossary
            )
    return issues
