"""The domain core stays free of MkDocs; only the plugin imports it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "sop_builder"
GLUE = {"mkdocs_plugin"}

BLOCKER = """
import importlib.abc, sys
class Block(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path, target=None):
        if name == "mkdocs" or name.startswith("mkdocs.") or name == "material":
            raise ImportError("blocked: " + name)
sys.meta_path.insert(0, Block())
import importlib
for module in sys.argv[1:]:
    importlib.import_module("sop_builder." + module)
print("ok")
"""


def core_modules() -> list[str]:
    return sorted(
        p.stem for p in PACKAGE.glob("*.py") if p.stem not in GLUE | {"__init__", "__main__"}
    )


def test_every_core_module_imports_without_mkdocs():
    modules = core_modules()
    assert {"yamlread", "validation", "scoring", "loading", "build", "cli"} <= set(modules)
    run = subprocess.run(
        [sys.executable, "-c", BLOCKER, *modules], capture_output=True, text=True, check=False
    )
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == "ok"


def test_only_the_glue_imports_mkdocs_at_module_level():
    offenders = []
    for module in core_modules():
        for line in (PACKAGE / f"{module}.py").read_text(encoding="utf-8").splitlines():
            if line.startswith(("import mkdocs", "from mkdocs")):
                offenders.append(f"{module}: {line}")
    assert offenders == []


def test_no_default_yaml_loader_on_user_input():
    for file in PACKAGE.glob("*.py"):
        text = file.read_text(encoding="utf-8")
        for forbidden in ("yaml.load(", "yaml.safe_load(", "yaml.full_load(", "yaml.unsafe_load("):
            assert forbidden not in text, f"{file.name} uses {forbidden}"


def test_message_reference_is_up_to_date():
    from .messages_doc import DOC, render

    assert DOC.read_text(encoding="utf-8") == render(), "run: python -m tests.messages_doc"
