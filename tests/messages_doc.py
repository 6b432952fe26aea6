"""Write docs/messages.md from the catalogue and the case folders: `python -m tests.messages_doc`."""

from __future__ import annotations

import inspect
from types import ModuleType

import sop_builder.core.catalogue as catalogue
from sop_builder.core.catalogue import CATALOGUE, FAMILIES
from sop_builder.core.issues import Family, Message

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
    # the build's own refusals (bouw, bekijk, the plugin), not `check` output
    "SOP901": "tests/test_build.py::test_internal_text_on_a_page_is_refused_naming_the_file_and_line",
    "SOP902": "tests/test_build.py::test_a_request_to_another_host_is_refused_naming_the_asset",
    "SOP903": "tests/test_routes.py::test_the_build_check_and_the_route_test_find_a_planted_missing_page",
    "SOP904": "tests/test_check_build_agree.py::test_an_engine_refusal_names_the_file_it_comes_from",
    "SOP905": "tests/test_build.py::test_missing_templates_are_named_and_leave_the_previous_site",
    "SOP906": "tests/test_webeditor.py::test_without_the_editors_program_the_build_stops_and_keeps_the_old_site",
    "SOP907": "tests/test_build.py::test_a_failed_search_index_is_refused",
    "SOP908": "tests/test_redirects.py::test_writing_redirects_never_overwrites_a_page_nor_points_nowhere",
    **{f"SOP95{n}": "tests/test_transaction.py" for n in range(4)},  # commands that write
    "SOP950": "tests/test_faults.py",
    "SOP954": "tests/test_build_scratch.py",  # the builds
    **{f"SOP95{n}": "tests/test_build_scratch.py" for n in range(5, 8)},
    "SOP958": "tests/test_build_scratch.py::test_a_build_never_replaces_the_project_or_a_folder_that_is_not_a_site",
    "SOP959": "tests/test_spreadsheets.py::test_a_made_sheet_never_replaces_a_file_unless_asked",
    **{f"SOP{n}": "tests/test_import_schools.py" for n in range(770, 783)},  # import-scholen
    "SOP783": "tests/test_pupils.py",  # import-leerlingen, DUO's per-age file
    **{f"SOP46{n}": "tests/test_translations.py" for n in range(9)},  # site_config/talen/
    "SOP469": "tests/test_own_translations.py",  # a school's own translations
    "SOP470": "tests/test_own_translations.py",
    "SOP005": "tests/test_links.py",  # links are made in tmp_path
    "SOP412": "tests/test_go_live.py",
    **{f"SOP73{n}": "tests/test_figures.py" for n in range(5)},  # content/kengetallen.yaml
    **{f"SOP73{n}": "tests/test_figures_import.py" for n in range(5, 10)},  # import-kengetallen
    **{f"SOP91{n}": "tests/test_go_live.py" for n in range(3)},  # schools not complete
    **{f"SOP{n}": "tests/test_import_norm.py" for n in range(786, 792)},  # import-norm
}
DOC = REPO / "docs" / "messages.md"


def _code(template: str) -> str:
    """A template as inline code (templates hold <, *, | and sometimes a backtick), with its
    plain braces ({{ and }}) shown as the reader sees them."""
    text = template.replace("{{", "{").replace("}}", "}")
    return f"`` {text} ``" if "`" in text else f"`{text}`"


def _modules() -> dict[int, ModuleType]:
    """id(family) -> the module that defines it."""
    modules = [m for m in vars(catalogue).values() if isinstance(m, ModuleType)]
    return {id(m.FAMILY): m for m in modules if isinstance(getattr(m, "FAMILY", None), Family)}


def _wordings(family: Family, module: ModuleType) -> list[str]:
    """One line per entry: its code, its name in the module, its text and its hint."""
    names = {id(v): k for k, v in vars(module).items() if isinstance(v, Message)}
    out = []
    for message in family.messages:
        hint = f" Tip: {_code(message.hint)}" if message.hint else ""
        out.append(f"- **{message.code}** `{names[id(message)]}`: {_code(message.text)}{hint}")
    return out


def _note(module: ModuleType) -> list[str]:
    """The family module's docstring after its first paragraph (how its texts are made)."""
    paragraphs = (inspect.getdoc(module) or "").split("\n\n")[1:]
    return [line for p in paragraphs for line in [*p.strip().split("\n"), ""]]


def render() -> str:
    examples: dict[str, tuple[str, str]] = {}
    for case in case_names():
        for line in expected_lines(case):
            parts = line.split(" ")
            if len(parts) > 3 and parts[2].startswith("SOP"):
                examples.setdefault(parts[2], (case, line.split(": ", 1)[1]))
    out = [
        "# Message codes of `sop-builder controleer` and `sop-builder bouw`",
        "",
        "Codes never change meaning; a retired code is not reused. Severity `fout` (error) stops the",
        "build and gives exit code 1; `waarschuwing` (warning) does not, except with `--strict`",
        "(exit 2). Each code is shown with its exact text by a case folder in `tests/cases/` (or the",
        "named test). The codes come in families, one per stage or subject",
        "(`sop_builder/core/catalogue/`). This file is generated: `python -m tests.messages_doc`.",
        "",
        "Under each family, every wording of its codes: the Dutch text and hint (`Tip:`) as the",
        "catalogue holds them, with the entry's name in its module. A `{name}` is filled in where",
        "the problem is found; `{suggestion}` is 'Bedoelt u …?' with the closest value, else",
        "'Kies uit: …' with the allowed values.",
    ]
    modules = _modules()
    for family in FAMILIES:
        first, last = min(family.codes), max(family.codes)
        module = modules[id(family)]
        out += ["", f"## {family.title} ({first}–{last})", "", *_note(module)]
        out += ["| code | severity | what is wrong | shown by |", "|---|---|---|---|"]
        for code, (severity, description) in family.codes.items():
            where = (
                f"`tests/cases/{examples[code][0]}`"
                if code in examples
                else f"`{READER_TESTS.get(code, 'not shown')}`"
            )
            out.append(f"| {code} | {severity.value} | {description} | {where} |")
        out += ["", f"Wordings (`{module.__name__.rsplit('.', 1)[-1]}.py`):", ""]
        out += _wordings(family, module)
    out += ["", "## Examples", ""]
    out += [f"- **{code}**: `{examples[code][1]}`" for code in CATALOGUE if code in examples]
    return "\n".join(out) + "\n"


if __name__ == "__main__":  # pragma: no cover - developer tool
    assert CASES.is_dir()
    DOC.write_text(render(), encoding="utf-8")
    print(f"wrote {DOC}")
