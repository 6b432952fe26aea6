"""Every case folder gives exactly its expected messages; every message code has a case."""

from __future__ import annotations

from pathlib import Path

import pytest

from sop_builder.core.catalogue import CATALOGUE

from .casefolders import CASES, added, case_names, expected_lines, lines_of


@pytest.mark.parametrize("case", case_names())
def test_case_gives_exactly_the_expected_messages(case: str, checked_case):
    _root, project = checked_case(case)
    assert added(lines_of(project)) == expected_lines(case)


def test_every_message_code_is_shown_by_a_case_or_a_reader_test():
    shown = set()
    for case in case_names():
        for line in expected_lines(case):
            shown.add(line.split(" ")[2])
    # Codes of the import commands, of the build's refusals and of writing are shown by their
    # own tests (they are not `check` output).
    reader_tests = "".join(
        (Path(__file__).parent / name).read_text(encoding="utf-8")
        for name in (
            "test_reader.py",
            "test_spreadsheets.py",
            "test_pupils.py",
            "test_postcodes.py",
            "test_build.py",
            "test_routes.py",
            "test_check_build_agree.py",
            "test_webeditor.py",
            "test_redirects.py",
            "test_intern.py",
            "test_transaction.py",  # the writing commands and the builds (SOP95x)
            "test_faults.py",
            "test_build_scratch.py",
            "test_import_schools.py",
            "test_import_norm.py",
            "test_links.py",  # links are made in tmp_path (they do not survive every checkout)
            "test_figures.py",  # content/kengetallen.yaml and import-kengetallen (SOP73x)
            "test_figures_import.py",
            "test_go_live.py",  # schools not filled in, held back or "volgt" (SOP412, SOP91x)
            "test_translations.py",  # site_config/talen/ and vertalingen (SOP46x)
            "test_own_translations.py",  # a school's own translations (SOP469, SOP470)
        )
    )
    shown |= {code for code in CATALOGUE if f'"{code}"' in reader_tests}
    assert sorted(set(CATALOGUE) - shown) == []


def test_cases_folder_exists():
    assert CASES.is_dir()
    assert case_names()
