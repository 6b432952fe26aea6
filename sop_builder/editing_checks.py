"""Checks that help people who edit a school folder: placeholders and plain language."""

from __future__ import annotations

from pathlib import Path

from .issues import Issue
from .loading import SOP_FILE
from .model import SiteConfig
from .placeholders import school_placeholders
from .plain_language import check_text
from .sourcefile import read_markdown_file


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
