"""Write docs/velden.md from the models' fields: `python -m tests.fields_doc`.

Every file people write is listed here once: the registered content types
(``project/content_types.py``: JSON Schema and web editor) and the files that have no schema of
their own yet. `tests/test_field_docs.py` checks that every schema model is reached from this
list and that the committed file is up to date.
"""

from __future__ import annotations

from dataclasses import dataclass

from pydantic import BaseModel

from sop_builder.core.fieldmeta import SWV_DESCRIPTION, SWV_TITLE, schema_extra
from sop_builder.project.content_types import CONTENT_TYPES
from sop_builder.project.duo import RECORD_FILE, RecordFile
from sop_builder.project.editor_settings import WEBEDITOR_FILE, WebEditor
from sop_builder.project.evaluation.model import (
    EvaluationFile,
    FrameworkAssessmentFile,
    FrameworkFile,
    YearGoals,
)
from sop_builder.project.fields import SWV_WORDS, DocumentedField, walk
from sop_builder.project.figures import FIGURES_FILE, FiguresFile
from sop_builder.project.model import ScoreEntry, SelfAssessmentFile
from sop_builder.project.redirects import REDIRECTS_FILE, RedirectsFile
from sop_builder.project.school_selection import SELECTION_PATH, SchoolSelection

from .conftest import REPO

DOC = REPO / "docs" / "velden.md"


@dataclass(frozen=True)
class File:
    """A kind of file in the reference: where it is, its Dutch name and its model."""

    files: tuple[str, ...]
    title: str
    model: type[BaseModel]
    # Models its fields do not reach by type (a mapping of Any), with the path to their fields.
    inner: tuple[tuple[str, type[BaseModel]], ...] = ()


# A self-assessment's scores are a mapping that the schema builds from the norm; each value may
# be a block with the fields of ScoreEntry.
INNER: dict[type[BaseModel], tuple[tuple[str, type[BaseModel]], ...]] = {
    SelfAssessmentFile: (("scores.*.", ScoreEntry),)
}

FILES: list[File] = [
    *(File(k.files, k.title, k.model, INNER.get(k.model, ())) for k in CONTENT_TYPES),
    File(
        (f"site_config/{WEBEDITOR_FILE}",),
        "De webeditor op de site (mag ontbreken)",
        WebEditor,
    ),
    File(
        (f"site_config/{REDIRECTS_FILE}",),
        "Oude adressen die blijven werken (mag ontbreken)",
        RedirectsFile,
    ),
    File(
        (SELECTION_PATH,),
        "Welke scholen van DUO bij het samenwerkingsverband horen (import-scholen; mag ontbreken)",
        SchoolSelection,
    ),
    File(
        (RECORD_FILE.as_posix(),),
        "Wat DUO over elke school zei bij de laatste import (import-scholen schrijft het; niet "
        "zelf veranderen)",
        RecordFile,
    ),
    File(
        (FIGURES_FILE.as_posix(),),
        "De kengetallen van het samenwerkingsverband (intern; mag ontbreken)",
        FiguresFile,
    ),
    File(
        ("site_config/jaardoelen/*.yaml",),
        "De doelen van het samenwerkingsverband voor het jaargesprek (intern)",
        YearGoals,
    ),
    File(("site_config/kaders/*.yaml",), "Een beoordelingskader (intern)", FrameworkFile),
    File(
        ("content/schools/*/evaluatie-*.yaml",),
        "Het jaargesprek van een school met het samenwerkingsverband (intern)",
        EvaluationFile,
    ),
    File(
        ("content/schools/*/beoordeling-*.yaml", "content/swv/*/beoordeling-*.yaml"),
        "Een beoordeling op een kader, door de school of het samenwerkingsverband (intern)",
        FrameworkAssessmentFile,
    ),
]


def fields_of(file: File) -> list[DocumentedField]:
    """Every field of ``file``, depth first."""
    found = list(walk(file.model))
    for prefix, model in file.inner:
        found += walk(model, prefix)
    return found


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


def _row(found: DocumentedField) -> str:
    extra = schema_extra(found.field)
    explanation = found.field.description or ""
    own = [extra[key] for key in (SWV_TITLE, SWV_DESCRIPTION) if key in extra]
    if own:
        explanation += " In the SWV's own words: " + " / ".join(f"«{text}»" for text in own)
    required = "yes" if found.required else ""
    choices = f"`{found.choices}`" if found.choices else ""
    return (
        f"| `{found.path}` | {_cell(found.field.title or '')} | {_cell(explanation)} "
        f"| {required} | {choices} |"
    )


def render() -> str:
    out = [
        "# Fields of the files people write",
        "",
        "Every field of every file that schools and the SWV write, with the Dutch title and",
        "explanation that the JSON Schema (`sop-builder schema`, and through it VS Code and the web",
        "editor's forms) and `sop-builder nieuwe-school` show. They are the `title` and",
        "`description` of each field on its model (`sop_builder/project/model.py`, `offer/model.py`,",
        "`evaluation/model.py`, ...); this file is generated from them: `python -m tests.fields_doc`.",
        "Examples and rules per file are in [content-format.md](content-format.md).",
        "",
        "A path `a.b` is field `b` in the block `a`; `a[].b` is field `b` of each item of the list",
        "`a`; `a.*.b` is field `b` under any key of `a` (a need, an agreement, a goal). *Required*",
        "is within its block. *Choices* names the list the values come from: `kernen`",
        "(site_config/swv.yaml); `behoeften`, `aanbodniveaus`, `interne_expertise`,",
        "`externe_deskundigheid`, `extra_ondersteuning` (site_config/vocabularies.yaml); `scores`",
        "(the scale of the norm); `doelgroepen`, `soorten` (site_config/aanbod.yaml); `scholen`",
        "(the folders in content/schools/).",
        "",
        "Where an explanation says *in the SWV's own words*, the schema and `nieuwe-school` use that",
        "text instead, filled in from the SWV's configuration (`project/fields.py`):",
        "",
        *(f"- `{{{name}}}`: {meaning}" for name, meaning in SWV_WORDS.items()),
    ]
    for file in FILES:
        out += ["", f"## {', '.join(f'`{f}`' for f in file.files)}", "", file.title + ".", ""]
        out += ["| field | title | explanation | required | choices |", "|---|---|---|---|---|"]
        out += [_row(found) for found in fields_of(file)]
    return "\n".join(out) + "\n"


if __name__ == "__main__":  # pragma: no cover - developer tool
    DOC.write_text(render(), encoding="utf-8")
    print(f"wrote {DOC}")
