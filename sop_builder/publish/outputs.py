"""The folders a project publishes, so that the internal site is never built into one.

Published are: ``site/`` (the public build's default), ``public/`` (what GitLab Pages
publishes), and what the project's own CI files publish: in ``.gitlab-ci.yml`` and
``.github/workflows/*.yml`` the folder of every ``sop-builder bouw --uit <map>`` without
``--intern``, the ``artifacts: paths`` and ``publish`` of a job, and the ``path`` /
``publish_dir`` / ``folder`` given to an action that uploads or deploys a site or an artifact.
The CI files are read as YAML nodes (no values are built, unknown tags such as GitLab's
``!reference`` are fine); a file that is not YAML is still searched for build commands.
"""

from __future__ import annotations

import re
import shlex
from collections.abc import Iterator
from pathlib import Path

import yaml

from sop_builder.core.catalogue.writing import PUBLISHED_FOLDER
from sop_builder.core.issues import Issue

GITLAB = ".gitlab-ci.yml"
WORKFLOWS = ".github/workflows"
UPLOADS = (
    "actions/upload-pages-artifact",
    "actions/upload-artifact",
    "peaceiris/actions-gh-pages",
    "jamesives/github-pages-deploy-action",
    "cloudflare/pages-action",
    "nwtgck/actions-netlify",
)
UPLOAD_KEYS = ("path", "publish_dir", "folder", "directory", "publish-dir")
BUILD = re.compile(r"sop-builder\s+(?:bouw|build)\b([^\n;&|]*)")
_MAX_NODES = 100_000


def published_folders(root: Path) -> list[tuple[Path, str]]:
    """(folder, why it counts as published, in Dutch) for the project at ``root``."""
    root = Path(root).resolve()
    found = [
        (root / "site", "daar komt de openbare site (sop-builder bouw)"),
        (root / "public", "die map publiceert GitLab Pages"),
    ]
    files = [root / GITLAB, *sorted((root / WORKFLOWS).glob("*.y*ml"))]
    for file in files:
        try:
            text = file.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError):
            continue
        name = file.relative_to(root).as_posix()
        for value, why in _from_ci(text):
            if value and "$" not in value and not value.startswith("!"):
                found.append(((root / value.strip()).resolve(), f"{name} {why}"))
    return found


def refusal(root: Path, site_dir: Path) -> Issue | None:
    """Why the internal site must not be built into ``site_dir`` (None: it may)."""
    root, site_dir = Path(root).resolve(), Path(site_dir).resolve()
    for folder, why in published_folders(root):
        if site_dir == folder or folder in site_dir.parents or site_dir in folder.parents:
            shown = site_dir.relative_to(root) if site_dir.is_relative_to(root) else site_dir
            return PUBLISHED_FOLDER.at(str(shown), folder=f"{shown.as_posix()}/", why=why)
    return None


def _from_ci(text: str) -> Iterator[tuple[str, str]]:
    """(folder, why) for everything a CI file publishes."""
    for match in BUILD.finditer(text):
        yield from _build_output(match.group(1))
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        return
    if node is not None:
        yield from _walk(node)


def _build_output(arguments: str) -> Iterator[tuple[str, str]]:
    """The ``--uit`` of a public build command (an internal one publishes nothing)."""
    try:
        words = shlex.split(arguments)
    except ValueError:
        words = arguments.split()
    if "--intern" in words:
        return
    for i, word in enumerate(words):
        if word == "--uit" and i + 1 < len(words):
            yield words[i + 1], "bouwt daar de openbare site"
        elif word.startswith("--uit="):
            yield word.removeprefix("--uit="), "bouwt daar de openbare site"


def _walk(top: yaml.Node) -> Iterator[tuple[str, str]]:
    seen: set[int] = set()
    todo = [top]
    while todo and len(seen) < _MAX_NODES:
        node = todo.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        if isinstance(node, yaml.SequenceNode):
            todo += node.value
        elif isinstance(node, yaml.MappingNode):
            pairs = {k.value: v for k, v in node.value if isinstance(k, yaml.ScalarNode)}
            yield from _mapping(pairs)
            todo += [v for _, v in node.value]


def _mapping(pairs: dict[str, yaml.Node]) -> Iterator[tuple[str, str]]:
    artifacts = pairs.get("artifacts")
    if isinstance(artifacts, yaml.MappingNode):
        for key, value in artifacts.value:
            if getattr(key, "value", None) == "paths":
                for path in _scalars(value):
                    yield path, "zet die map in een artifact dat te downloaden is"
    publish = pairs.get("publish")
    if isinstance(publish, yaml.ScalarNode):
        yield publish.value, "publiceert die map (GitLab Pages)"
    uses = pairs.get("uses")
    settings = pairs.get("with")
    if (
        isinstance(uses, yaml.ScalarNode)
        and uses.value.lower().startswith(UPLOADS)
        and isinstance(settings, yaml.MappingNode)
    ):
        for key, value in settings.value:
            if getattr(key, "value", None) in UPLOAD_KEYS:
                for path in _scalars(value):
                    yield path, f"publiceert die map ({uses.value.split('@')[0]})"


def _scalars(node: yaml.Node) -> Iterator[str]:
    """The paths in a scalar (one per line, as GitHub's path lists) or a list of scalars."""
    values = node.value if isinstance(node, yaml.SequenceNode) else [node]
    for value in values:
        if isinstance(value, yaml.ScalarNode):
            for line in str(value.value).splitlines():
                if line.strip():
                    yield line.strip()
