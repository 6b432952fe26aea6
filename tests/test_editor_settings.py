"""The VS Code settings point at real schemas, and the check task's matcher reads our output."""

from __future__ import annotations

import fnmatch
import json
import re

from click.testing import CliRunner

from sop_builder.cli.main import main
from sop_builder.project.content_types import CONTENT_TYPES

from .casefolders import prepare
from .conftest import REPO


def _vscode(name: str) -> dict:
    return json.loads((REPO / ".vscode" / name).read_text(encoding="utf-8"))


def test_every_yaml_content_type_has_its_schema_wired_to_its_files():
    mapping = _vscode("settings.json")["yaml.schemas"]
    for kind in CONTENT_TYPES:
        if kind.front_matter:
            continue  # front matter in .md is checked by the task below, not by the YAML extension
        schema = f"./schema/{kind.id}.schema.json"
        assert (REPO / schema).is_file(), schema
        assert mapping[schema] in kind.files


def test_check_task_problem_matchers_read_the_parsable_format(tmp_path):
    task = next(t for t in _vscode("tasks.json")["tasks"] if t["label"] == "sop-builder controleer")
    args = task["command"].split()[1:]
    root = prepare("bad-email", tmp_path)
    result = CliRunner().invoke(main, [*args, "--map", str(root), "--datum", "2026-11-23"])
    lines = result.output.splitlines()
    found = {}
    for matcher in task["problemMatcher"]:
        pattern = re.compile(matcher["pattern"]["regexp"])
        for line in lines:
            match = pattern.match(line)
            if match:
                found[line] = (matcher["severity"], match.group(matcher["pattern"]["file"]))
    assert len(found) == len(lines) > 0  # every line is read by exactly one matcher
    errors = [v for line, v in found.items() if " fout SOP107 " in line]
    assert errors == [("error", "content/schools/de-duinroos/sop.md")]
    assert all(fnmatch.fnmatch(path, "*/*") for _, path in found.values())


def test_recommended_extensions_include_the_yaml_extension():
    assert "redhat.vscode-yaml" in _vscode("extensions.json")["recommendations"]
