"""Messages that the readers of several kinds of file share (schools, offer, evaluations,
configuration): a name that cannot be an address, a file nothing reads, a choice outside a
list, an unknown kern or agreement, a school year that differs from the file's name."""

from __future__ import annotations

from typing import Any

from sop_builder.core.issues import Issue, did_you_mean, issue_at, make_issue
from sop_builder.core.yamlread import Pos, YamlTree
from sop_builder.project.model import SiteConfig


def not_an_address(code: str, path: str, what: str, example: str) -> Issue:
    """A folder or file whose name cannot be the address of a page (SOP206, SOP725)."""
    return make_issue(
        code,
        path,
        1,
        1,
        f"{what} kan geen adres van een pagina worden.",
        f"Gebruik alleen kleine letters, cijfers en streepjes, bijvoorbeeld '{example}'.",
    )


def not_used(what: str, published: bool = True) -> str:
    """The message for a file or folder that nothing reads ('Het bestand x wordt niet
    gebruikt ...'); ``published``: where it would otherwise be expected on the site."""
    return f"{what} wordt niet gebruikt" + (" en komt niet op de site." if published else ".")


def year_mismatch(tree: YamlTree, display: str, written: str, year: str) -> list[Issue]:
    """SOP305 when the school year in a file differs from the one in its name."""
    if written == year:
        return []
    pos = tree.value_pos(("schooljaar",))
    return [
        issue_at(
            "SOP305",
            display,
            pos,
            f"In het bestand staat schooljaar {written}, maar de bestandsnaam zegt {year}.",
            "Maak de bestandsnaam en het veld 'schooljaar' gelijk.",
        )
    ]


def kern_hint(given: str, config: SiteConfig) -> str:
    """'Bedoelt u …?' on the ids and on the names of the kernen, else the full list."""
    kernen = config.swv.kernen
    by_name = {k.name.lower(): k for k in kernen}
    if given.lower() in by_name:
        kern = by_name[given.lower()]
        return f"Gebruik de code, niet de naam: bedoelt u '{kern.id}' ({kern.name})?"
    suggestion = did_you_mean(given, [k.id for k in kernen])
    return suggestion or "Kies uit: " + ", ".join(f"{k.id} ({k.name})" for k in kernen) + "."


def unknown_kern(value: Any, tree: YamlTree, path: str, config: SiteConfig) -> list[Issue]:
    """SOP201 when the 'kern' written in a file (raw) names no kern of the configuration."""
    if not isinstance(value, str) or not value.strip():
        return []  # reported by the schema
    if config.swv.kern(value.strip()) is not None:
        return []
    pos = tree.value_pos(("kern",))
    return [
        issue_at(
            "SOP201",
            path,
            pos,
            f"De {config.swv.grouping.label} '{value.strip()}' bestaat niet.",
            kern_hint(value.strip(), config),
            "kern",
        )
    ]


def not_in_list(path: str, pos: Pos, choice: str, key: str, hint: str) -> Issue:
    """SOP202: ``choice`` is not one of the options for ``key``."""
    message = f"'{choice}' staat niet in de lijst voor '{key}'."
    return issue_at("SOP202", path, pos, message, hint, key)


def listed_twice(path: str, pos: Pos, choice: str, key: str) -> Issue:
    """SOP203: ``choice`` is written twice in the list ``key``."""
    message = f"'{choice}' staat twee keer bij '{key}'."
    return issue_at("SOP203", path, pos, message, "Haal één van de twee weg.", key)


def unknown_agreement_hint(given: str, ids: list[str], unscored: list[str] | None = None) -> str:
    """'Bedoelt u …?' for an agreement id the norm does not have (a typo of one that has no
    score yet is the likeliest), else the norm's first and last id."""
    return (
        did_you_mean(given, unscored or [])
        or did_you_mean(given, ids)
        or f"De norm kent {ids[0]} t/m {ids[-1]}."
    )


def no_norm_for_year(path: str, year: str, starts: list[str], pos: Pos | None = None) -> Issue:
    """SOP308: a file of a school year before the first version of the norm."""
    where = pos or Pos(1, 1)
    first = f"; de eerste norm begint in {starts[0]}" if starts else ""
    return issue_at(
        "SOP308",
        path,
        where,
        f"Voor schooljaar {year} is er geen norm{first}.",
        f"Controleer het schooljaar, of zet de afspraken van {year} in "
        f"site_config/basisondersteuning/{year}.yaml.",
        "schooljaar",
    )
