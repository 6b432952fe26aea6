"""The `sop-builder` MkDocs plugin (entry point ``sop_builder.publish.plugin:SopBuilderPlugin``):
``mkdocs build`` in a project runs the build pipeline's steps around MkDocs' own build.

MkDocs is imported only in site/engine.py, so the plugin's class is made there
(`plugin_class`), from the steps given here: before the engine (MkDocs' ``on_config``) the
templates, staging with the check for internal text; after it (``on_post_build``) redirects, the
checks on the built site, search, the Content-Security-Policy and the web editor. It writes
straight into MkDocs' site folder: `sop-builder bouw` is the command that publishes atomically.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from sop_builder.project import report
from sop_builder.project.load import load_project
from sop_builder.project.publication import publication
from sop_builder.publish.pipeline import ENGINE_STEP, Options, Run, build
from sop_builder.site.engine import PluginRefusal, PluginStart, plugin_class
from sop_builder.site.pages import navigation
from sop_builder.site.staging import DOCS_DIR


class PipelineHooks:
    """The pipeline's steps before and after MkDocs' build of one ``mkdocs build``."""

    def __init__(self) -> None:
        self.staging = tempfile.TemporaryDirectory(prefix="sop-builder-staging-")
        self.run: Run | None = None

    def before_engine(self, config_file: Path, site_dir: Path) -> PluginStart:
        root = config_file.parent
        project = publication(load_project(root, internal=False))
        if project.errors or project.config is None:
            raise PluginRefusal(
                "De inhoud bevat fouten; de site is niet gebouwd.\n"
                + report.render(project, "text")
            )
        staging = Path(self.staging.name)
        self.run = Run(root, project, staging, site_dir, Options(engine="outside"))
        issues = build(self.run, until=ENGINE_STEP)
        if issues:
            raise PluginRefusal(report.render_issues(issues, "text"))
        return PluginStart(
            staging / DOCS_DIR, navigation(self.run.routes), project.config.swv.short_name
        )

    def after_engine(self, site_dir: Path) -> None:
        assert self.run is not None
        self.run.site = site_dir
        issues = build(self.run, after=ENGINE_STEP)
        if issues:
            raise PluginRefusal(report.render_issues(issues, "text"))


def __getattr__(name: str) -> Any:
    if name == "SopBuilderPlugin":  # made on first use: the engine is chosen before its import
        return plugin_class(PipelineHooks)
    raise AttributeError(name)
