"""The import rule of the package, checked over the syntax tree of every module.

Every import counts: at module level, inside functions and under ``if TYPE_CHECKING``.

* A package imports only from packages of a lower rank (or from itself).
* Packages of one rank do not import each other.
* ``mkdocs`` (and the engines that replace it) only in the one glue module; ``jinja2`` and
  ``markupsafe`` only in ``site/`` and ``intern/``.
* No ``_private`` name is used outside its module: not imported, and not reached as an attribute
  of anything but ``self`` or ``cls``.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path

PACKAGE = "sop_builder"
RANKS: dict[str, int] = {
    "core": 1,
    "project": 2,
    "site": 3,
    "intern": 3,
    "editor": 3,
    "sheets": 3,
    "authoring": 3,
    "publish": 4,
    "cli": 5,
    "__main__": 6,
    "__init__": 0,
}
ENGINE_GLUE = {"sop_builder.site.engine"}
ENGINES = ("mkdocs", "material", "properdocs", "zensical")
TEMPLATE_LIBRARIES = ("jinja2", "markupsafe")
TEMPLATE_PACKAGES = {"site", "intern"}
# Names with a leading underscore that are public API of the standard library.
PUBLIC_UNDERSCORE = {"_replace", "_asdict", "_fields", "_make", "_field_defaults", "_exit"}


@dataclass(frozen=True)
class Violation:
    module: str
    line: int
    rule: str

    def __str__(self) -> str:
        return f"{self.module}:{self.line}: {self.rule}"


def module_name(file: Path, package_dir: Path) -> str:
    parts = list(file.relative_to(package_dir.parent).with_suffix("").parts)
    if parts[-1] == "__init__" and len(parts) > 1:
        parts = parts[:-1]
    return ".".join(parts)


def _package_of(module: str) -> str:
    """'sop_builder.site.render' -> 'site'; 'sop_builder.__main__' -> '__main__'."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def _resolve(node: ast.ImportFrom, module: str, is_package: bool) -> str:
    if node.level == 0:
        return node.module or ""
    base = module.split(".")
    if not is_package:
        base = base[:-1]
    base = base[: len(base) - (node.level - 1)]
    return ".".join([*base, *([node.module] if node.module else [])])


def _imports(tree: ast.AST, module: str, is_package: bool) -> list[tuple[int, str, list[str]]]:
    """(line, imported module, imported names) for every import in the tree."""
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name, []) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            target = _resolve(node, module, is_package)
            names = [alias.name for alias in node.names]
            found.append((node.lineno, target, names))
            if target == PACKAGE:  # 'from sop_builder import site' imports the package site
                found += [(node.lineno, f"{target}.{name}", []) for name in names]
    return found


def _is_private(name: str) -> bool:
    return name.startswith("_") and not name.startswith("__") and name not in PUBLIC_UNDERSCORE


def _rank_violation(importer: str, target: str) -> str | None:
    source, dest = _package_of(importer), _package_of(target)
    if source == dest or dest not in RANKS:
        return None
    if RANKS[dest] < RANKS[source]:
        return None
    if RANKS[dest] == RANKS[source]:
        return f"imports {target}: packages of one rank ({source}, {dest}) do not import each other"
    return f"imports {target}: {source} (rank {RANKS[source]}) may not import {dest} (rank {RANKS[dest]})"


def _library_violation(importer: str, target: str) -> str | None:
    top = target.split(".")[0]
    if top in ENGINES and importer not in ENGINE_GLUE:
        return f"imports {target}: only {', '.join(sorted(ENGINE_GLUE))} talks to the site engine"
    if top in TEMPLATE_LIBRARIES and _package_of(importer) not in TEMPLATE_PACKAGES:
        return f"imports {target}: templates are only for {', '.join(sorted(TEMPLATE_PACKAGES))}/"
    return None


def check_module(file: Path, package_dir: Path) -> list[Violation]:
    module = module_name(file, package_dir)
    tree = ast.parse(file.read_text(encoding="utf-8"), str(file))
    is_package = file.name == "__init__.py"
    problems: list[Violation] = []
    seen: set[tuple[int, str]] = set()

    def add(line: int, rule: str) -> None:
        if (line, rule) not in seen:
            seen.add((line, rule))
            problems.append(Violation(module, line, rule))

    for line, target, names in _imports(tree, module, is_package):
        if target == PACKAGE or target.startswith(PACKAGE + "."):
            rule = _rank_violation(module, target)
            if rule:
                add(line, rule)
            for name in names:
                if _is_private(name):
                    add(line, f"imports the private name {name} from {target}")
        else:
            rule = _library_violation(module, target)
            if rule:
                add(line, rule)
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and _is_private(node.attr):
            owner = node.value
            if isinstance(owner, ast.Name) and owner.id in ("self", "cls"):
                continue
            add(node.lineno, f"uses the private name {node.attr} of another object")
    return problems


def check_package(package_dir: Path) -> list[Violation]:
    """Every violation of the import rule in the package at ``package_dir``."""
    problems: list[Violation] = []
    for file in sorted(package_dir.rglob("*.py")):
        problems += check_module(file, package_dir)
    return problems
