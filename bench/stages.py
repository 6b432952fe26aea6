"""Where a build or a serve rebuild spends its time: wall and CPU seconds per stage.

Run: ``.venv/bin/python bench/stages.py build MAP`` (one `sop-builder bouw` of project MAP, in
this process) or ``.venv/bin/python bench/stages.py serve MAP`` (starts `sop-builder bekijk`, edits
one school's sop.md once, prints the stages of the rebuild and the seconds until the new text is
served). Make a project with ``python bench/synthetic.py --scholen N --uit MAP``.
"""

from __future__ import annotations

import argparse
import functools
import os
import re
import resource
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from run import _fetch as fetch_page  # bench/ is on the path when this script runs
from run import _free_port

STAGES: list[tuple[str, float, float, float]] = []  # (stage, start, wall, CPU incl. children)


def _cpu() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def _timer(original: Any, label: str) -> Any:
    """``original``, recording its wall and CPU time under ``label``."""

    @functools.wraps(original)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        start, cpu = time.perf_counter(), _cpu()
        try:
            return original(*args, **kwargs)
        finally:
            wall = time.perf_counter() - start
            STAGES.append((label, start, wall, _cpu() - cpu))
            print(f"  {label:<34} {wall:7.2f} s wall {STAGES[-1][3]:7.2f} s CPU", flush=True)

    return wrapper


def _timed(module: Any, name: str, label: str) -> None:
    """Replace ``module.name`` by a wrapper that records its wall and CPU time."""
    setattr(module, name, _timer(getattr(module, name), label))


def instrument() -> None:
    import sop_builder.project.load as load
    import sop_builder.publish.atomic as atomic
    import sop_builder.publish.pipeline as pipeline
    import sop_builder.publish.public as build
    import sop_builder.site.staging as staging

    _timed(build, "load_project", "load and validate (build)")
    _timed(staging, "public_pages", "QR codes, pages about many schools")
    _timed(staging, "write_pages", "school pages: render, link, check, write")
    # every step of the one pipeline (bouw and serve run the same steps)
    pipeline.STEPS = tuple(
        pipeline.Step(s.name, _timer(s.run, f"step: {s.name}"), s.check) for s in pipeline.STEPS
    )
    _timed(atomic, "swap_into_place", "swap into place")
    # serve: one rebuild after an edit
    _timed(load.ProjectState, "refresh", "serve: re-read changed folders")
    _timed(load.ProjectState, "project", "serve: checks across schools")


def build_stages(root: Path) -> None:
    instrument()
    from sop_builder.publish.public import build_site

    start, cpu = time.perf_counter(), _cpu()
    with tempfile.TemporaryDirectory() as out:
        result = build_site(root, Path(out) / "site", echo=lambda _: None)
    print(f"  {'total':<34} {time.perf_counter() - start:7.2f} s wall {_cpu() - cpu:7.2f} s CPU")
    print("\n".join(result.messages))


def _fetch(url: str) -> str:
    return fetch_page(url, timeout=600)


def serve_stages(root: Path) -> None:
    """Run this script as the server (``_serve``), edit one school, report."""
    slug = sorted(p.name for p in (root / "content" / "schools").iterdir())[0]
    port = _free_port()
    url = f"http://127.0.0.1:{port}/scholen/{slug}/"
    server = subprocess.Popen(
        [sys.executable, __file__, "_serve", str(root), f"127.0.0.1:{port}"],
        start_new_session=True,
    )
    sop = root / "content" / "schools" / slug / "sop.md"
    original = sop.read_text(encoding="utf-8")
    try:
        start = time.perf_counter()
        while "<h1" not in _fetch(url):
            if server.poll() is not None:
                raise SystemExit("serve stopped")
            time.sleep(0.2)
        print(f"first build served after {time.perf_counter() - start:.1f} s", flush=True)
        time.sleep(3)
        word = f"Stadiumtest{int(time.time())}"
        print(f"--- editing {sop.relative_to(root)}", flush=True)
        began = time.perf_counter()
        sop.write_text(
            re.sub(r"(\n## [^\n]+\n\n)", rf"\1{word} staat hier. ", original, count=1),
            encoding="utf-8",
        )
        while word not in _fetch(url):
            time.sleep(0.05)
        print(f"--- the edit is served after {time.perf_counter() - began:.2f} s", flush=True)
    finally:
        sop.write_text(original, encoding="utf-8")
        os.killpg(server.pid, signal.SIGINT)
        server.wait(timeout=60)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("what", choices=["build", "serve", "_serve"])
    parser.add_argument("root", type=Path)
    parser.add_argument("address", nargs="?")
    args = parser.parse_args()
    if args.what == "build":
        build_stages(args.root.resolve())
    elif args.what == "serve":
        serve_stages(args.root.resolve())
    else:  # the server process of `serve`
        instrument()
        from sop_builder.cli.main import main as cli

        cli(["serve", "--map", str(args.root), "--adres", args.address])


if __name__ == "__main__":
    main()
