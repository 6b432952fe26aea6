"""Write docs/messages.md from the catalogue and the case folders: `python -m tests.messages_doc`."""

from __future__ import annotations

from sop_builder.core.catalogue import CATALOGUE, FAMILIES

from .casefolders import CASES, case_names, expected_lines
from .conftest import REPO

READER_TESTS = {
    "SOP004": "tests/test_reader.py::test_five_megabyte_file_is_refused_quickly",
    "SOP017": "tests/test_reader.py::test_nesting_60000_levels_deep_is_refused_quickly",
    **{
        f"SOP75{n}": "tests/test_spreadsheets.py"  # import-scores, not `check` output
        for n in range(8)
    },
    **{f"SOP76{n}": "tests/test_pupils.py" for n in range(5)},  # import-leerlingen
    "SOP768": "tests/test_postcodes.py",  # import-postcodes
    **{f"SOP{n}": "tests/test_import_schools.py" for n in range(770, 783)},  # import-scholen
    "SOP783": "tests/test_pupils.py",  # import-leerlingen, DUO's per-age file
    **{f"SOP{n}": "tests/test_import_norm.py" for n in range(786, 792)},  # import-norm
}
DOC = REPO / "docs" / "messages.md"


def render() -> str:
    examples: dict[str, tuple[str, str]] = {}
    for case in case_names():
        for line in expected_lines(case):
            parts = line.split(" ")
            if len(parts) > 3 and parts[2].startswith("SOP"):
                examples.setdefault(parts[2], (case, line.split(": ", 1)[1]))
    out = [
        "# Message codes of `sop-builder controleer`",
        "",
        "Codes never change meaning; a retired code is not reused. Severity `fout` (error) stops the",
        "build and gives exit code 1; `waarschuwing` (warning) does not, except with `--strict`",
        "(exit 2). Each code is shown with its exact text by a case folder in `tests/cases/` (or the",
        "named test). The codes come in families, one per stage or subject",
        "(`sop_builder/core/catalogue/`). This file is generated: `python -m tests.messages_doc`.",
    ]
    for family in FAMILIES:
        first, last = min(family.codes), max(family.codes)
        out += ["", f"## {family.title} ({first}–{last})", ""]
        out += ["| code | severity | what is wrong | shown by |", "|---|---|---|---|"]
        for code, (severity, description) in family.codes.items():
            where = (
                f"`tests/cases/{examples[code][0]}`"
                if code in examples
                else f"`{READER_TESTS.get(code, 'not shown')}`"
            )
            out.append(f"| {code} | {severity.value} | {description} | {where} |")
    out += ["", "## Examples", ""]
    out += [f"- **{code}**: `{examples[code][1]}`" for code in CATALOGUE if code in examples]
    return "\n".join(out) + "\n"


if __name__ == "__main__":  # pragma: no cover - developer tool
    assert CASES.is_dir()
    DOC.write_text(render(), encoding="utf-8")
    print(f"wrote {DOC}")
