"""Format 2: yearly goals say which school years they hold for (`tot_en_met`).

In format 1 a year without its own goals file silently took the goals of an earlier year, so
a new SWV's conversation reports showed the sample's goals. In format 2 goals hold for their own
school year, or up to and including `tot_en_met`. Each goals file gets the years it used to be
borrowed for (up to the next file, the last one up to the current school year), so every
report stays as it was.
"""

from __future__ import annotations

import re

from sop_builder.authoring.migrate import Step, Workspace, insert_after_key, strict_data
from sop_builder.project.config import SWV_FILE
from sop_builder.project.evaluation.config import GOALS_DIR
from sop_builder.project.model import previous_school_year

YEAR = re.compile(r"(\d{4}-\d{4})\.yaml$")


def apply(workspace: Workspace) -> None:
    files = sorted(
        (m.group(1), path)
        for path in workspace.paths(f"{GOALS_DIR}/*.yaml")
        if (m := YEAR.search(path))
    )
    current = strict_data(workspace, SWV_FILE).get("schooljaar")
    for index, (year, path) in enumerate(files):
        if index + 1 < len(files):
            until = previous_school_year(files[index + 1][0])
        elif isinstance(current, str) and re.fullmatch(r"\d{4}-\d{4}", current.strip()):
            until = current.strip()
        else:
            continue
        if until <= year or "tot_en_met" in strict_data(workspace, path):
            continue
        lines = [
            f"# Deze doelen gelden ook in de schooljaren na {year}, tot en met:",
            f"tot_en_met: {until}",
        ]
        text = insert_after_key(workspace.read(path), "schooljaar", lines)
        workspace.write(path, text, f"tot_en_met: {until}")


STEP = Step(2, "Jaardoelen gelden voor hun eigen schooljaar, of tot en met een jaar", apply)
