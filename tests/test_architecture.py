"""The shape of the house: the import rule, no default YAML loader, the message reference."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from .import_rules import check_package

PACKAGE = Path(__file__).resolve().parent.parent / "sop_builder"

BLOCKER = """
import importlib, importlib.abc, pkgutil, sys
class Block(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path, target=None):
        if name.split(".")[0] in ("mkdocs", "material", "jinja2"):
            raise ImportError("blocked: " + name)
sys.meta_path.insert(0, Block())
import sop_builder.project
for info in pkgutil.walk_packages(sop_builder.project.__path__, "sop_builder.project."):
    importlib.import_module(info.name)
import sop_builder.core
for info in pkgutil.walk_packages(sop_builder.core.__path__, "sop_builder.core."):
    importlib.import_module(info.name)
print("ok")
"""


def test_the_package_follows_the_import_rule():
    assert [str(v) for v in check_package(PACKAGE)] == []


def _plant(root: Path, files: dict[str, str]) -> Path:
    package = root / "sop_builder"
    for name, text in files.items():
        file = package / name
        file.parent.mkdir(parents=True, exist_ok=True)
        file.write_text(textwrap.dedent(text), encoding="utf-8")
    for folder in [package, *[p for p in package.rglob("*") if p.is_dir()]]:
        (folder / "__init__.py").touch()
    return package


def test_the_import_rule_finds_planted_violations(tmp_path):
    package = _plant(
        tmp_path,
        {
            "core/text.py": "def slug(): ...\ndef _secret(): ...\n",
            "project/model.py": """
                from typing import TYPE_CHECKING
                if TYPE_CHECKING:
                    from sop_builder.site.render import Renderer  # upward, type-only
            """,
            "project/load.py": """
                def load():
                    from ..publish import public  # upward, relative, inside a function
            """,
            "site/render.py": """
                import jinja2
                from sop_builder.intern import stats  # same rank
                from sop_builder.core.text import _secret  # private name
            """,
            "site/engine.py": "import mkdocs.config\n",
            "sheets/scores.py": """
                import jinja2  # templates outside site/ and intern/
                from sop_builder.project import model
                def f(renderer):
                    return renderer._render("x")  # private attribute of another object
            """,
            "publish/public.py": "from mkdocs.commands.build import build  # engine outside glue\n",
            "cli/main.py": "from sop_builder.publish import public\nfrom sop_builder.core import text\n",
            "__main__.py": "from sop_builder import cli, site\n",
            "site/kernen.py": "from sop_builder import publish  # upward through the top package\n",
        },
    )
    found = {(v.module, v.rule.split(":")[0]) for v in check_package(package)}
    assert found == {
        ("sop_builder.project.model", "imports sop_builder.site.render"),
        ("sop_builder.project.load", "imports sop_builder.publish"),
        ("sop_builder.site.render", "imports sop_builder.intern"),
        ("sop_builder.site.render", "imports the private name _secret from sop_builder.core.text"),
        ("sop_builder.sheets.scores", "imports jinja2"),
        ("sop_builder.sheets.scores", "uses the private name _render of another object"),
        ("sop_builder.publish.public", "imports mkdocs.commands.build"),
        ("sop_builder.site.kernen", "imports sop_builder.publish"),
    }


def test_the_rank_rule_allows_imports_downward(tmp_path):
    package = _plant(
        tmp_path,
        {
            "core/issues.py": "import yaml\n",
            "project/load.py": "from sop_builder.core import issues\nfrom . import model\n",
            "project/model.py": "",
            "site/render.py": "import jinja2\nfrom sop_builder.project.load import x\n",
            "site/engine.py": "import mkdocs\n",
            "publish/public.py": "from sop_builder.site import render, engine\n",
            "cli/main.py": "from sop_builder.publish import public\n",
            "__main__.py": "from sop_builder.cli.main import main\n",
        },
    )
    assert check_package(package) == []


def test_core_and_project_import_without_mkdocs_and_jinja():
    run = subprocess.run(
        [sys.executable, "-c", BLOCKER], capture_output=True, text=True, check=False
    )
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == "ok"


def test_no_default_yaml_loader_on_user_input():
    for file in PACKAGE.rglob("*.py"):
        text = file.read_text(encoding="utf-8")
        for forbidden in ("yaml.load(", "yaml.safe_load(", "yaml.full_load(", "yaml.unsafe_load("):
            assert forbidden not in text, f"{file} uses {forbidden}"


def test_message_reference_is_up_to_date():
    from .messages_doc import DOC, render

    assert DOC.read_text(encoding="utf-8") == render(), "run: python -m tests.messages_doc"


GITHUB_PYTHON_GITIGNORE = Path(__file__).parent / "fixtures" / "gitignore" / "Python.gitignore"


def _ignored_by_template(paths: list[str], scratch: Path) -> list[str]:
    """The paths of ``paths`` that GitHub's standard Python .gitignore would leave out."""
    scratch.mkdir()
    subprocess.run(["git", "init", "-q", str(scratch)], check=True)
    (scratch / ".gitignore").write_bytes(GITHUB_PYTHON_GITIGNORE.read_bytes())
    run = subprocess.run(
        ["git", "check-ignore", "--no-index", "--stdin"],
        cwd=scratch,
        input="\n".join(paths) + "\n",
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode in (0, 1), run.stderr  # 1: nothing ignored
    return run.stdout.split()


def test_no_file_of_the_tool_is_dropped_by_githubs_python_gitignore(tmp_path):
    """An SWV that forks sop-builder with GitHub's Python .gitignore keeps every file."""
    listed = subprocess.run(
        ["git", "ls-files"], cwd=PACKAGE.parent, capture_output=True, text=True, check=False
    )
    if listed.returncode != 0:
        pytest.skip("not a Git checkout")
    tracked = listed.stdout.splitlines()
    assert tracked
    assert _ignored_by_template(tracked, tmp_path / "repo") == []


def test_the_gitignore_check_finds_a_planted_build_package(tmp_path):
    planted = ["sop_builder/build/public.py", "sop_builder/publish/public.py"]
    assert _ignored_by_template(planted, tmp_path / "repo") == ["sop_builder/build/public.py"]
