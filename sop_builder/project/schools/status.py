"""Whether a school has started its profile, and the facts a short "volgt" page shows of it.

A school folder that `import-scholen` or `nieuwe-school` made holds the facts of the school
(from DUO, or typed by the SWV: `FACT_FIELDS`) and, for everything the school writes itself,
empty fields or examples marked with INVULLEN (`placeholders.py`). Such a school **has not
started** its profile when none of its own fields (every field of `SopFrontMatter` that is not
a fact and not internal) holds a value without the mark, and none of the four texts has a word:
its page is the short page "Het ondersteuningsprofiel van deze school volgt" with its facts
(`SchoolFacts`), and `check` warns (SOP412) instead of reporting each empty required field as
an error. A value under INVULLEN is never a fact of the page: it is an example or still to be
checked.

Whether a school that has started but is not complete (errors, or a field still marked) gets
that short page too or no page at all is the SWV's choice (project/publication.py).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, replace
from typing import Annotated, Any

from pydantic import TypeAdapter, ValidationError

from sop_builder.core.catalogue.sop import EXAMPLE_EMPTY, NOT_FILLED_IN
from sop_builder.core.issues import Issue
from sop_builder.project.model import Address, SelfAssessmentFile, SopFrontMatter
from sop_builder.project.placeholders import MARK
from sop_builder.project.schools.read import LoadedSchool
from sop_builder.project.sections import visible_length

# The facts of a school that a "volgt" page shows (DUO's, or what the SWV typed), by field name.
FACT_FIELDS = ("name", "vestigingscode", "type", "kern", "address", "website", "phone", "email")
# Facts that sop.md has but a "volgt" page does not show.
_FACTS_NOT_SHOWN = ("board", "coordinates")
_INTERNAL = ("internal_note",)
# The fields only the school fills in: every other field of sop.md.
OWN_FIELDS = tuple(
    name
    for name in SopFrontMatter.model_fields
    if name not in FACT_FIELDS + _FACTS_NOT_SHOWN + _INTERNAL
)
OWN_KEYS = frozenset(SopFrontMatter.key(name) for name in OWN_FIELDS)
_REQUIRED_FACTS = ("name", "vestigingscode", "type")
_DATE_FILLED_IN = SelfAssessmentFile.key("filled_in_on")


@dataclass(frozen=True)
class SchoolFacts:
    """What a "volgt" page shows of a school: its facts, none of them still marked INVULLEN."""

    slug: str
    path: str  # its sop.md
    name: str
    vestigingscode: str
    type: str
    kern: str = ""
    address: Address | None = None
    website: str | None = None
    phone: str | None = None
    email: str | None = None
    to_fill: tuple[str, ...] = ()  # what the school still fills in (a school not started)


@functools.cache
def _adapter(name: str) -> TypeAdapter[Any]:
    info = SopFrontMatter.model_fields[name]
    kind: Any = Annotated[info.annotation, *info.metadata] if info.metadata else info.annotation
    return TypeAdapter(kind)


def has_value(raw: Any) -> bool:
    """Whether a value as read holds any text: '', [] and blocks of empty values do not."""
    if isinstance(raw, str):
        return bool(raw.strip())
    if isinstance(raw, dict):
        return any(has_value(v) for v in raw.values())
    if isinstance(raw, list):
        return any(has_value(v) for v in raw)
    return raw is not None


def marked_keys(issues: list[Issue], sop_path: str) -> frozenset[str]:
    """The keys of sop.md that still carry the INVULLEN mark (from the placeholder warnings)."""
    return frozenset(i.field for i in issues if i.path == sop_path and i.code == EXAMPLE_EMPTY.code)


def school_facts(school: LoadedSchool, marked: frozenset[str]) -> SchoolFacts | None:
    """The facts of ``school`` as written, each one that is valid and not marked; None when its
    name, vestigingscode or kind is not known (then there is nothing to show)."""
    tree = school.tree
    raw = tree.data if tree is not None and isinstance(tree.data, dict) else {}
    found: dict[str, Any] = {}
    for name in FACT_FIELDS:
        key = SopFrontMatter.key(name)
        if key in marked or not has_value(raw.get(key)):
            continue
        try:
            found[name] = _adapter(name).validate_python(raw[key])
        except ValidationError:
            continue
    if any(found.get(name) is None for name in _REQUIRED_FACTS):
        return None
    return SchoolFacts(school.slug, school.sop_path, **found)


def started(school: LoadedSchool, marked: frozenset[str]) -> bool:
    """Whether the school has written anything of its own: a value without the mark in one of
    its own fields, or a word in one of the four texts."""
    tree = school.tree
    raw = tree.data if tree is not None and isinstance(tree.data, dict) else {}
    if any(has_value(raw.get(key)) for key in OWN_KEYS - marked):
        return True
    return any(visible_length(section.markdown) for section in school.sections)


def not_started(
    school: LoadedSchool, facts: SchoolFacts, issues: list[Issue]
) -> tuple[SchoolFacts, list[Issue]]:
    """A school that has not started: its facts with what it still fills in, and its issues
    with the warning that says so (SOP412) instead of the errors of its empty own fields."""
    own_files = {school.sop_path, *school.self_assessment_texts}
    kept = [
        i
        for i in issues
        if not (
            i.is_error
            and i.path in own_files
            and (i.field in OWN_KEYS if i.path == school.sop_path else i.field == _DATE_FILLED_IN)
        )
    ]
    required = [
        SopFrontMatter.key(n) for n in OWN_FIELDS if SopFrontMatter.model_fields[n].is_required()
    ]
    to_fill = (*required, SopFrontMatter.key("support"))
    if not facts.kern:
        to_fill = (SopFrontMatter.key("kern"), *to_fill)
    warning = NOT_FILLED_IN.at(
        school.sop_path, name=facts.name, fields=", ".join(to_fill), mark=MARK
    )
    return replace(facts, to_fill=to_fill), [*kept, warning]
