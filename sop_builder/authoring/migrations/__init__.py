"""The steps of `sop-builder migreer`, one module per change of the format.

A step is a `Step(version, title, apply)`: ``apply`` reads and rewrites files in the
`Workspace` it gets, keeping comments and layout. Steps of one format version run in the order
of this list. Document each step in docs/formaatwijzigingen.md: what changes, what `migreer`
does, and what is left to do by hand.
"""

from __future__ import annotations

from sop_builder.authoring.migrate import Step
from sop_builder.authoring.migrations import (
    agreement_codes,
    build_settings,
    declarations,
    goals_until,
    norm_by_year,
    site_address,
    texts,
    yaml12_indentation,
)

STEPS: list[Step] = [
    yaml12_indentation.STEP,  # first: the steps below read the files strictly
    norm_by_year.STEP,
    agreement_codes.STEP,  # works on the norm files that norm_by_year wrote
    goals_until.STEP,
    site_address.STEP,
    texts.STEP,
    declarations.STEP,  # what a school offers, per need: declared, not derived
    build_settings.STEP,
]
