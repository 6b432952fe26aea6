"""The message catalogue: one module per family of codes (SOP0xx reading, SOP1xx schema, ...).

Each module holds its `Family` of `Message` entries (code, severity, English summary, Dutch text
and hint). Codes are permanent: once published, a code keeps its meaning and is never reused.
docs/messages.md is generated from this catalogue (`python -m tests.messages_doc`).
"""

from __future__ import annotations

from sop_builder.core.catalogue import (
    config,
    crosschecks,
    evaluation,
    imports,
    offer,
    plain_language,
    privacy,
    published_text,
    reading,
    redirects,
    schema,
    scores,
    sop,
    writing,
)
from sop_builder.core.issues import Family, Severity

FAMILIES: tuple[Family, ...] = (
    reading.FAMILY,
    schema.FAMILY,
    crosschecks.FAMILY,
    scores.FAMILY,
    sop.FAMILY,
    published_text.FAMILY,
    config.FAMILY,
    privacy.FAMILY,
    evaluation.FAMILY,
    offer.FAMILY,
    plain_language.FAMILY,
    imports.FAMILY,
    redirects.FAMILY,
    writing.FAMILY,
)

# Every code of every family, for lookups by code: code -> (severity, summary).
CATALOGUE: dict[str, tuple[Severity, str]] = {
    code: entry for family in FAMILIES for code, entry in family.codes.items()
}
