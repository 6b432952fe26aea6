"""Rules over the source of sop_builder/ for the message catalogue (tests/test_issues.py).

- `code_literals`: no string in the code spells a message code (SOP + three digits) outside
  core/catalogue/: code raises catalogue entries, it never writes a code of its own. Docstrings
  may name codes (they explain, they raise nothing).
- `template_calls`: every call that raises an entry by name gives exactly the values its
  templates ask for: ``ENTRY.at(path, place, name=...)``; a call that hands an entry to a
  helper (``field_error(ENTRY, value=...)``) gives no value the templates do not ask for.
- `literal_keys`: a place in a YAML tree (``tree.value_pos((key, ...))``) and the field an issue
  names (``field=``) take their keys from the models (``SopFrontMatter.key("kern")``), never
  retyped: renaming a key is one change.
"""

from __future__ import annotations

import ast
import importlib
import re
from pathlib import Path

from sop_builder.core.issues import Message

CODE = re.compile(r"SOP\d{3}")
CATALOGUE_PACKAGE = "sop_builder.core.catalogue"
# Modules that still word their messages where they find them (core.issues.make_issue), being
# rewritten by another change; each leaves this list when it raises entries of its own.
PENDING = ("core/richtext.py", "core/invisible.py")
# Files read without a schema, whose keys no model names.
WITHOUT_MODEL = ("project/pupils.py",)  # content/leerlingen.yaml, written by import-leerlingen
POSITIONS = ("pos", "value_pos", "key_pos")


def _docstrings(tree: ast.Module) -> set[int]:
    """The ids of the docstring nodes of the module, its classes and its functions."""
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                found.add(id(body[0].value))
    return found


def _sources(package: Path) -> list[tuple[str, Path]]:
    return [
        (file.relative_to(package).as_posix(), file)
        for file in sorted(package.rglob("*"))
        if file.is_file() and "__pycache__" not in file.parts
    ]


def code_literals(package: Path) -> list[str]:
    """'path:line: text' for every string outside core/catalogue/ that spells a message code
    (in Python files: every string constant but docstrings; other files: any text)."""
    found = []
    for name, file in _sources(package):
        if name.startswith("core/catalogue/") or name in PENDING:
            continue
        if file.suffix != ".py":
            text = file.read_text(encoding="utf-8", errors="replace")
            found += [f"{name}: {m.group(0)}" for m in CODE.finditer(text)]
            continue
        source = file.read_text(encoding="utf-8")
        if not CODE.search(source):
            continue
        tree = ast.parse(source)
        skip = _docstrings(tree)
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Constant)
                and isinstance(node.value, str)
                and id(node) not in skip
                and CODE.search(node.value)
            ):
                found.append(f"{name}:{node.lineno}: {node.value!r}")
    return found


def _entries(tree: ast.Module) -> dict[str, Message]:
    """Local name -> catalogue entry, for the names a module imports from the catalogue."""
    names: dict[str, Message] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith(CATALOGUE_PACKAGE):
            module = importlib.import_module(node.module or "")
            for alias in node.names:
                value = getattr(module, alias.name, None)
                if isinstance(value, Message):
                    names[alias.asname or alias.name] = value
    return names


def _chosen(value: ast.expr, entries: dict[str, Message]) -> list[Message] | None:
    """The entries an expression may be: ``ENTRY`` or ``A if ... else B`` (None: not known)."""
    if isinstance(value, ast.Name):
        return [entries[value.id]] if value.id in entries else None
    if isinstance(value, ast.IfExp):
        body, orelse = _chosen(value.body, entries), _chosen(value.orelse, entries)
        return body + orelse if body is not None and orelse is not None else None
    return None


def _scopes(tree: ast.Module) -> dict[int, int]:
    """id(node) -> id of the function (or module) it is in."""
    scope: dict[int, int] = {}

    def visit(node: ast.AST, owner: int) -> None:
        for child in ast.iter_child_nodes(node):
            scope[id(child)] = owner
            inner = isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda)
            visit(child, id(child) if inner else owner)

    visit(tree, id(tree))
    return scope


def _variables(
    tree: ast.Module, entries: dict[str, Message], scope: dict[int, int]
) -> list[tuple[int, int, str, list]]:
    """(scope, line, variable, entries) for each assignment of an entry to a variable."""
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and len(node.targets) == 1:
            target, value = node.targets[0], node.value
        elif isinstance(node, ast.AnnAssign) and node.value is not None:
            target, value = node.target, node.value
        else:
            continue
        chosen = _chosen(value, entries)
        if isinstance(target, ast.Name) and chosen is not None:
            found.append((scope[id(node)], node.lineno, target.id, chosen))
    return found


def _raised(
    call: ast.Call, entries: dict[str, Message], variables: list, scope: int
) -> tuple[list, bool]:
    """(the entries ``call`` raises or hands on, whether it raises them with ``.at``)."""
    func = call.func
    if isinstance(func, ast.Attribute) and func.attr == "at":
        direct = _chosen(func.value, entries)
        if direct is not None:
            return direct, True
        if isinstance(func.value, ast.Name):  # its latest assignment before the call
            name = func.value.id
            earlier = [v for v in variables if v[:1] == (scope,) and v[2] == name]
            earlier = [v for v in earlier if v[1] < call.lineno]
            if earlier:
                return max(earlier, key=lambda v: v[1])[3], True
        return [], True
    handed = [a.id for a in call.args if isinstance(a, ast.Name) and a.id in entries]
    return ([entries[handed[0]]] if len(handed) == 1 else []), False


def template_calls(package: Path) -> tuple[list[str], int]:
    """(every call that gives an entry the wrong values, how many calls were checked)."""
    wrong, checked = [], 0
    for name, file in _sources(package):
        if file.suffix != ".py":
            continue
        source = file.read_text(encoding="utf-8")
        if CATALOGUE_PACKAGE not in source:
            continue
        tree = ast.parse(source)
        entries = _entries(tree)
        scope = _scopes(tree)
        variables = _variables(tree, entries, scope)
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call) or not entries:
                continue
            raised, exact = _raised(node, entries, variables, scope[id(node)])
            given = {k.arg for k in node.keywords if k.arg is not None} - {"field"}
            spread = any(k.arg is None for k in node.keywords)
            for entry in raised:
                checked += 1
                ok = given == entry.names if exact and not spread else given <= entry.names
                if not ok:
                    wrong.append(
                        f"{name}:{node.lineno}: {entry.code} asks for {sorted(entry.names)}, "
                        f"given {sorted(given)}"
                    )
    return wrong, checked


def _literal(node: ast.expr) -> bool:
    """Whether ``node`` is a string, or a tuple that holds one (a path of keys)."""
    if isinstance(node, ast.Constant):
        return isinstance(node.value, str)
    return isinstance(node, ast.Tuple) and any(_literal(e) for e in node.elts)


def literal_keys(package: Path) -> list[str]:
    """'path:line: call' for every position look-up or ``field=`` that spells a key."""
    found = []
    for name, file in _sources(package):
        if file.suffix != ".py" or name in WITHOUT_MODEL or name.startswith("core/catalogue/"):
            continue
        for node in ast.walk(ast.parse(file.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Attribute):
                continue
            spelled = node.func.attr in POSITIONS and any(_literal(a) for a in node.args)
            spelled |= node.func.attr == "at" and any(
                k.arg == "field" and _literal(k.value) for k in node.keywords
            )
            if spelled:
                found.append(f"{name}:{node.lineno}: {ast.unparse(node)}")
    return found
