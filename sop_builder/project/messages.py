"""Messages that the readers of several kinds of file share (schools, offer, evaluations,
configuration): a choice outside a list or listed twice, an unknown kern or agreement, a school
year that differs from the file's name or has no norm. Thin functions over catalogue entries."""

from __future__ import annotations

from typing import Any

from sop_builder.core.catalogue.crosschecks import (
    KERN_BY_NAME,
    LISTED_TWICE,
    NOT_IN_LIST,
    UNKNOWN_KERN,
)
from sop_builder.core.catalogue.scores import (
    NO_NORM_AT_ALL,
    NO_NORM_FOR_YEAR,
    NORM_RANGE,
    YEAR_DIFFERS_FROM_NAME,
)
from sop_builder.core.issues import Issue, Place, choose_from, did_you_mean
from sop_builder.core.yamlread import YamlTree
from sop_builder.project.model import Schema, SiteConfig


def year_mismatch(
    tree: YamlTree, display: str, written: str, year: str, model: type[Schema]
) -> list[Issue]:
    """SOP305 when the school year in a file (of ``model``) differs from the one in its name."""
    if written == year:
        return []
    pos = tree.value_pos((model.key("school_year"),))
    return [YEAR_DIFFERS_FROM_NAME.at(display, pos, written=written, year=year)]


def unknown_kern(
    raw: dict[str, Any], tree: YamlTree, path: str, config: SiteConfig, key: str
) -> list[Issue]:
    """SOP201 when the kern written under ``key`` in a file (raw) names no kern of the
    configuration: 'bedoelt u …?' on the ids and on the names of the kernen, else the list."""
    value = raw.get(key)
    if not isinstance(value, str) or not value.strip():
        return []  # reported by the schema
    given = value.strip()
    if config.swv.kern(given) is not None:
        return []
    pos = tree.value_pos((key,))
    label = config.swv.grouping.label
    kernen = config.swv.kernen
    by_name = {k.name.lower(): k for k in kernen}
    if given.lower() in by_name:
        kern = by_name[given.lower()]
        return [
            KERN_BY_NAME.at(
                path, pos, field=key, label=label, value=given, id=kern.id, name=kern.name
            )
        ]
    suggestion = did_you_mean(given, [k.id for k in kernen]) or choose_from(
        [f"{k.id} ({k.name})" for k in kernen], limit=None
    )
    return [UNKNOWN_KERN.at(path, pos, field=key, label=label, value=given, suggestion=suggestion)]


def not_in_list(path: str, pos: Place, choice: str, key: str, suggestion: str) -> Issue:
    """SOP202: ``choice`` is not one of the options for ``key``."""
    return NOT_IN_LIST.at(path, pos, field=key, choice=choice, key=key, suggestion=suggestion)


def listed_twice(path: str, pos: Place, choice: str, key: str) -> Issue:
    """SOP203: ``choice`` is written twice in the list ``key``."""
    return LISTED_TWICE.at(path, pos, field=key, choice=choice, key=key)


def unknown_agreement_hint(given: str, ids: list[str], unscored: list[str] | None = None) -> str:
    """'Bedoelt u …?' for an agreement id the norm does not have (a typo of one that has no
    score yet is the likeliest), else the norm's first and last id."""
    return (
        did_you_mean(given, unscored or [])
        or did_you_mean(given, ids)
        or NORM_RANGE.format(first=ids[0], last=ids[-1])
    )


def no_norm_for_year(
    path: str, year: str, starts: list[str], key: str, pos: Place | None = None
) -> Issue:
    """SOP308: a file of a school year (written under ``key``) before the first version of the
    norm."""
    if not starts:
        return NO_NORM_AT_ALL.at(path, pos, field=key, year=year)
    return NO_NORM_FOR_YEAR.at(path, pos, field=key, year=year, first=starts[0])
