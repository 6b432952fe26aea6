"""Format 2: the form of the agreements' codes is the norm's own (`codevoorbeeld`).

Format 1 accepted only codes like BO-01 (a pattern in the program). Format 2 reads the form
from an example in the norm, so an SWV that numbers its agreements 1.1, 1.2, ... can use the
tool. Each version of the norm gets its first agreement's code as the example.
"""

from __future__ import annotations

from sop_builder.authoring.migrate import Step, Workspace, insert_after_key, strict_data
from sop_builder.project.config import NORMS_DIR

COMMENT = [
    "# Hoe de code van een afspraak eruitziet. Letters staan voor letters, cijfers voor cijfers;",
    "# streepjes en punten blijven zoals ze zijn. Bijvoorbeeld BO-01 of 1.1.",
]


def apply(workspace: Workspace) -> None:
    for path in workspace.paths(f"{NORMS_DIR}/*.yaml"):
        data = strict_data(workspace, path)
        agreements = data.get("afspraken")
        first = agreements[0] if isinstance(agreements, list) and agreements else None
        code = first.get("id") if isinstance(first, dict) else None
        if "codevoorbeeld" in data or not isinstance(code, str) or not code.strip():
            continue  # check names what is missing
        after = next((k for k in ("vastgesteld", "naam", "versie") if k in data), "")
        text = insert_after_key(
            workspace.read(path), after, [*COMMENT, f"codevoorbeeld: {code.strip()}"]
        )
        workspace.write(path, text, f"codevoorbeeld: {code.strip()}")


STEP = Step(2, "De vorm van de codes van de afspraken staat in de norm", apply)
