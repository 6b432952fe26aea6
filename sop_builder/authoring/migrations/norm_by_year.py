"""Format 2: the norm per school year.

Format 1 had one norm, `site_config/basisondersteuning.yaml`, for every school year: adding an
agreement for next year changed last year's results. Format 2 keeps each version in
`site_config/basisondersteuning/<first school year>.yaml`, in force until the next version
starts. The old norm becomes the version that starts in the earliest school year the project
uses (a self-assessment, an SWV assessment, a target or the current year), so every result
stays exactly what it was.
"""

from __future__ import annotations

import re

from sop_builder.authoring.migrate import Step, Workspace, strict_data
from sop_builder.project.config import NORMS_DIR, OLD_NORM_FILE, SWV_FILE

YEAR = re.compile(r"(\d{4}-\d{4})\.yaml$")
USES = (
    "content/schools/*/zelfevaluatie-*.yaml",
    "content/schools/*/beoordeling-basisondersteuning-*.yaml",
    "content/swv/*/beoordeling-basisondersteuning-*.yaml",
)


def first_year_in_use(workspace: Workspace) -> str:
    """The earliest school year of a file about the agreements, a target or the current year."""
    swv = strict_data(workspace, SWV_FILE)
    years = [y for y in [swv.get("schooljaar")] if isinstance(y, str)]
    targets = swv.get("doelen")
    for target in targets if isinstance(targets, list) else []:
        if isinstance(target, dict) and isinstance(target.get("vanaf"), str):
            years.append(target["vanaf"].strip())
    for pattern in USES:
        years += [m.group(1) for path in workspace.paths(pattern) if (m := YEAR.search(path))]
    valid = [y for y in years if re.fullmatch(r"\d{4}-\d{4}", y)]
    return min(valid) if valid else "2025-2026"


def apply(workspace: Workspace) -> None:
    if not workspace.exists(OLD_NORM_FILE):
        return
    year = first_year_in_use(workspace)
    text = workspace.read(OLD_NORM_FILE)
    note = (
        f"# Deze afspraken gelden vanaf schooljaar {year}, tot er een bestand van een later\n"
        "# schooljaar in deze map staat. Verandert de norm? Maak dan een nieuw bestand met als naam\n"
        "# het eerste schooljaar waarin de nieuwe afspraken gelden; laat dit bestand staan, dan\n"
        "# blijven de uitslagen van eerdere jaren hetzelfde.\n"
    )
    target = f"{NORMS_DIR}/{year}.yaml"
    workspace.write(target, note + text, f"de norm, geldig vanaf {year}")
    workspace.remove(OLD_NORM_FILE, f"verplaatst naar {target}")


STEP = Step(2, "De afspraken basisondersteuning per schooljaar", apply)
