"""The SWV's figures of one year, summed over its schools: what the internal Kengetallen pages
(intern/figure_pages.py) and the optional public page (site/figures_page.py) both show. The
definitions are `figure_rules.py`'s.
"""

from __future__ import annotations

from sop_builder.project.figure_rules import Share, participation, total
from sop_builder.project.figures import FigureSet
from sop_builder.project.pupils import Count

KINDS = ("bao", "sbo", "so", "vso")


def kind_totals(pupils: FigureSet, codes: set[str] | None = None) -> dict[str, Count | None]:
    """kind -> the sum over the set's schools (all, or those of ``codes``); None: none."""
    chosen = [v for code, v in pupils.schools.items() if codes is None or code in codes]
    sums: dict[str, Count | None] = {}
    for kind in KINDS:
        counts = [v[kind] for v in chosen if kind in v]
        sums[kind] = total(pupils.year, counts) if counts else None
    return sums


def shares(pupils: FigureSet, special: FigureSet | None) -> tuple[Share | None, ...]:
    """Participation in one year: sbo of the SWV, sbo of the country, so of the SWV, so of the
    country (None: no figure). ``special``: DUO's so/vso per SWV of that year, if any."""
    own = kind_totals(pupils)
    country = pupils.national
    bao, sbo = own["bao"], own["sbo"]
    sbo_swv = participation(sbo, bao, sbo) if bao and sbo else None
    nat_bao, nat_sbo = country.get("bao"), country.get("sbo")
    sbo_land = participation(nat_sbo, nat_bao, nat_sbo) if nat_bao and nat_sbo else None
    so_swv = so_land = None
    if special is not None and "so" in special.swv and bao and sbo:
        so_swv = participation(special.swv["so"], bao, sbo)
    if special is not None and "so" in special.national and nat_bao and nat_sbo:
        so_land = participation(special.national["so"], nat_bao, nat_sbo)
    return sbo_swv, sbo_land, so_swv, so_land
