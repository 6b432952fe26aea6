"""Compiled Jinja templates kept in memory for the whole process, by the checksum of their
source: `serve` renders and builds after every edit in one process, and compiling the
templates (ours and the theme's) costs more than rendering a page. A template whose text
changed is compiled again (Jinja checks the checksum)."""

from __future__ import annotations

from jinja2 import BytecodeCache
from jinja2.bccache import Bucket


class CompiledTemplates(BytecodeCache):
    """A bytecode cache in memory (Jinja's own caches write files)."""

    def __init__(self) -> None:
        self.store: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        code = self.store.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)  # ignored when the checksum differs

    def dump_bytecode(self, bucket: Bucket) -> None:
        self.store[bucket.key] = bucket.bytecode_to_string()


PAGES = CompiledTemplates()  # templates/pages/ (site/render.py)
THEME = CompiledTemplates()  # the engine's theme (site/engine.py)
