"""The site's scripts and the Python that owns their data and rules.

The unit tests of the scripts' logic run under Node (``node --test tests/js/``, part of ``make
test``). They read the sample's finder index and what Python says each search must find, from
``tests/js/fixtures/``; the tests here keep those files equal to what the build writes and
computes today. After a change to the sample or to the index, write them again with
``python -m tests.test_frontend``.
"""

from __future__ import annotations

import json
import re
import sys
from typing import Any

from sop_builder.core.atomic import write_atomic
from sop_builder.project.files import SLUG
from sop_builder.project.load import load_project
from sop_builder.project.model import SPECIAL_SCHOOL_TYPES, School
from sop_builder.project.postcodes import distance_km
from sop_builder.project.project import Project
from sop_builder.site.finder import build_finder
from sop_builder.site.finder_data import index_document

from .conftest import REPO, SAMPLE, TODAY

SCRIPTS = REPO / "templates/assets/javascripts"
JS_FIXTURES = REPO / "tests/js/fixtures"
INDEX = JS_FIXTURES / "scholen.json"
EXPECTED = JS_FIXTURES / "verwacht.json"
NEAR_POSTCODE = "1966"  # a postcode area of the sample with schools under and over 1 km away


def _sample() -> Project:
    project = load_project(SAMPLE, today=TODAY)
    assert project.config is not None
    assert not project.errors
    return project


def _expected(project: Project) -> dict[str, Any]:
    """What each search of the finder must find in the sample, read from the schools' own
    declarations and computed with Python's distance (not through the index), and what the
    static pages show of each school."""
    config = project.config
    assert config is not None
    assert project.postcodes is not None
    entries = build_finder(
        project.schools, config, project.compliance, project.today, project.postcodes
    ).entries
    offered = {lv.id for lv in config.vocabularies.levels if lv.offered}
    origin = project.postcodes.centres[NEAR_POSTCODE]
    away = {e.slug: distance_km(origin, e.point) for e in entries if e.point is not None}
    near = sorted(away, key=away.__getitem__)

    def offers(school: School, need_id: str) -> bool:
        found = school.declarations.get(need_id)
        return found is not None and found.level in offered

    return {
        "behoefte": {
            n.id: sorted(s.slug for s in project.schools if offers(s, n.id))
            for n in config.vocabularies.needs
        },
        "met": {
            f.id: sorted(s.slug for s in project.schools if s.facts.get(f.id) is True)
            for f in config.vocabularies.practical
            if f.kind == "ja-nee"
        },
        "gemeente": {
            m: sorted(e.slug for e in entries if e.municipality == m)
            for m in sorted({e.municipality for e in entries})
        },
        "soort": {
            t: sorted(e.slug for e in entries if e.type == t)
            for t in sorted({e.type for e in entries})
        },
        # What the static cards show: "Sterk in" and the basisondersteuning (its text, and
        # whether the school meets the target: true, false or null).
        "sterk": {e.slug: [line.need_id for line in e.strong] for e in entries},
        # The special schools (a TLV is needed), listed after the regular ones.
        "speciaal": sorted(e.slug for e in entries if e.type in SPECIAL_SCHOOL_TYPES),
        "basis": {e.slug: [e.compliance, e.meets_target] for e in entries},
        "dichtbij": {
            "postcode": NEAR_POSTCODE,
            "punt": list(origin),
            "volgorde": near,
            "km": {slug: round(away[slug], 3) for slug in near},
        },
    }


def _index(project: Project) -> dict[str, Any]:
    assert project.config is not None
    finder = build_finder(
        project.schools, project.config, project.compliance, project.today, project.postcodes
    )
    return index_document(finder, project.config)


def _text(data: dict[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def test_the_script_tests_read_the_index_the_build_writes_and_what_python_expects() -> None:
    project = _sample()
    hint = "tests/js/fixtures/ is out of date: python -m tests.test_frontend writes it again"
    assert INDEX.read_text(encoding="utf-8") == _text(_index(project)), hint
    assert EXPECTED.read_text(encoding="utf-8") == _text(_expected(project)), hint
    # The expectations are not trivial: each search finds some schools and not all.
    expected = json.loads(EXPECTED.read_text(encoding="utf-8"))
    for kind in ("behoefte", "met", "gemeente", "soort"):
        for found in expected[kind].values():
            assert 0 < len(found) < len(project.schools), kind


def test_the_scripts_accept_a_slug_exactly_as_the_project_does() -> None:
    """The comparison refuses what is no slug before it asks for a file; the shape of a slug is
    project/files.py's SLUG, so the script's copy must say the same (a planted difference fails)."""

    def script_slug(source: str) -> str:
        found = re.search(r"^const SLUG = /(.*)/;$", source, re.MULTILINE)
        assert found, "modules/compare.js has no 'const SLUG = /.../;' line"
        return found.group(1)

    source = (SCRIPTS / "modules/compare.js").read_text(encoding="utf-8")
    assert script_slug(source) == f"^{SLUG.pattern}$"
    planted = source.replace(SLUG.pattern, "[a-z0-9_]+(-[a-z0-9_]+)*")
    assert script_slug(planted) != f"^{SLUG.pattern}$"


def test_no_script_makes_a_slug_from_a_name() -> None:
    """Slugs come from the data (vinder/scholen.json writes every one), never from a rule in the
    scripts: no script lower-cases a name into letters and digits joined by hyphens."""
    rule = re.compile(r"toLowerCase\(\)\s*\.(match|replace)\(/\[a-z0-9\]")
    assert rule.search('slug = (naam.toLowerCase().match(/[a-z0-9]+/g) || []).join("-")')
    for script in sorted(SCRIPTS.rglob("*.js")):
        assert not rule.search(script.read_text(encoding="utf-8")), script


if __name__ == "__main__":  # python -m tests.test_frontend: write tests/js/fixtures/ again
    sample = _sample()
    write_atomic(INDEX, _text(_index(sample)))
    write_atomic(EXPECTED, _text(_expected(sample)))
    sys.stdout.write(f"wrote {INDEX.relative_to(REPO)} and {EXPECTED.relative_to(REPO)}\n")
