"""The message catalogue: one module per family of codes (SOP0xx reading, SOP1xx schema, ...).

Each module names its entries (`Message`: code, severity, English summary, Dutch text and hint
templates) and lists them in its `Family`; code raises them with ``ENTRY.at(path, place, **values)``
and never writes a message or a code of its own. A code may have several entries, one per
wording. A ``{suggestion}`` in a hint is 'Bedoelt u …?' for the closest value, else 'Kies uit: …'
(core/issues.py `did_you_mean`, `choose_from`). Codes are permanent: once published, a code keeps
its meaning and is never reused. docs/messages.md is generated from this catalogue
(`python -m tests.messages_doc`).
"""

from __future__ import annotations

from sop_builder.core.catalogue import (
    build,
    config,
    crosschecks,
    evaluation,
    figures,
    imports,
    languages,
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
from sop_builder.core.issues import Family, Message, Severity

FAMILIES: tuple[Family, ...] = (
    reading.FAMILY,
    schema.FAMILY,
    crosschecks.FAMILY,
    scores.FAMILY,
    sop.FAMILY,
    published_text.FAMILY,
    languages.FAMILY,
    config.FAMILY,
    privacy.FAMILY,
    evaluation.FAMILY,
    offer.FAMILY,
    figures.FAMILY,
    plain_language.FAMILY,
    imports.FAMILY,
    redirects.FAMILY,
    build.FAMILY,
    writing.FAMILY,
)

# Every code of every family, for lookups by code: code -> (severity, summary).
CATALOGUE: dict[str, tuple[Severity, str]] = {
    code: entry for family in FAMILIES for code, entry in family.codes.items()
}

# Every entry by code, in the order of its family (a code may have more than one wording).
ENTRIES: dict[str, tuple[Message, ...]] = {
    code: tuple(m for family in FAMILIES for m in family.messages if m.code == code)
    for code in CATALOGUE
}
