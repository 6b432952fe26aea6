"""Format 2: lines that continue a value indent further than its field (YAML 1.2).

Older versions read a list in brackets or a quoted text whose next line starts at the margin
(``naam: [een,`` / ``twee]``); YAML 1.2 does not, and the strict reader now refuses it (SOP022).
This step indents each such line by as many spaces as it needs, in every YAML file and front
matter block of site_config/ and content/. Nothing else in the file changes.
"""

from __future__ import annotations

from sop_builder.authoring.migrate import Step, Workspace
from sop_builder.core.catalogue.reading import CONTINUATION_ONE_SPACE
from sop_builder.core.sourcefile import split_front_matter
from sop_builder.core.yamlread import read_yaml

MAX_ROUNDS = 200  # one space per round; a file never needs this many


def _first_short_line(text: str, path: str) -> int | None:
    """The 1-based line of the first SOP022 in ``text``, if any."""
    if path.endswith(".md"):
        _, issues = split_front_matter(text, path)
    else:
        _, issues = read_yaml(text, path)
    return next((i.line for i in issues if i.code == CONTINUATION_ONE_SPACE.code), None)


def indent_continuation_lines(text: str, path: str) -> str:
    """``text`` with every line that SOP022 names indented until the reader accepts it."""
    lines = text.split("\n")
    for _ in range(MAX_ROUNDS):
        line = _first_short_line("\n".join(lines), path)
        if line is None:
            break
        lines[line - 1] = " " + lines[line - 1]
    return "\n".join(lines)


def apply(workspace: Workspace) -> None:
    # fnmatch's '*' also matches '/': these take the files in every subfolder
    for pattern in ("site_config/*.yaml", "content/*.yaml", "content/*.md"):
        for path in workspace.paths(pattern):
            text = workspace.read(path)
            fixed = indent_continuation_lines(text, path)
            if fixed != text:
                workspace.write(path, fixed, "vervolgregels verder ingesprongen (YAML 1.2)")


STEP = Step(2, "Vervolgregels van een waarde springen verder in dan het veld", apply)
