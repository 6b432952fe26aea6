"""The steps of `sop-builder migreer`, one module per change of the format.

A step is a `Step(version, title, apply)`: ``apply`` reads and rewrites files in the
`Workspace` it gets, keeping comments and layout. Steps of one format version run in the order
of this list. Document each step in docs/formaatwijzigingen.md: what changes, what `migreer`
does, and what is left to do by hand.
"""

from __future__ import annotations

from sop_builder.authoring.migrate import Step
from sop_builder.authoring.migrations import declarations

STEPS: list[Step] = [declarations.STEP]
