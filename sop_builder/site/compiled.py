"""Compiled Jinja templates kept in memory for the whole process, by the checksum of their
source: `serve` renders and builds after every edit in one process, and compiling the
templates (ours and the theme's) costs more than rendering a page. A template whose text
changed is compiled again (Jinja checks the checksum). A template is kept by its name, not its
file's path: projects that hold their own copy of the same templates (the test suite's fixture
projects, each in a folder of its own) compile them once."""

from __future__ import annotations

from hashlib import sha1

from jinja2 import BytecodeCache
from jinja2.bccache import Bucket


class CompiledTemplates(BytecodeCache):
    """A bytecode cache in memory (Jinja's own caches write files)."""

    def __init__(self) -> None:
        self.store: dict[str, bytes] = {}

    def get_cache_key(self, name: str, filename: str | None = None) -> str:  # noqa: ARG002
        """By name only (Jinja's own key adds the file's path); the checksum of the source
        still decides whether the kept code is used."""
        return sha1(name.encode("utf-8")).hexdigest()

    def load_bytecode(self, bucket: Bucket) -> None:
        code = self.store.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)  # ignored when the checksum differs

    def dump_bytecode(self, bucket: Bucket) -> None:
        self.store[bucket.key] = bucket.bytecode_to_string()


PAGES = CompiledTemplates()  # templates/pages/ (site/render.py)
THEME = CompiledTemplates()  # the engine's theme (site/engine.py)
