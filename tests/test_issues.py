"""The message catalogue: families in code order, each code once."""

from __future__ import annotations

from sop_builder.core.catalogue import CATALOGUE, FAMILIES
from sop_builder.core.issues import Severity, make_issue


def test_families_hold_every_code_once_in_code_order():
    codes = [code for family in FAMILIES for code in family.codes]
    assert codes == sorted(codes)
    assert len(codes) == len(set(codes)) == len(CATALOGUE)
    assert all(family.title and family.title.isascii() for family in FAMILIES)


def test_the_catalogue_gives_each_code_its_severity():
    assert CATALOGUE["SOP301"][0] is Severity.ERROR
    assert make_issue("SOP411", "sop.md", 3, 1, "x").severity is Severity.WARNING
