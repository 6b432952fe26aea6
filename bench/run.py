"""Benchmark check, build, serve and page weight on synthetic projects; write BENCHMARKS.md.

Run: ``make bench`` or ``.venv/bin/python bench/run.py [--sizes 66,700,2000,7000]``.

For every size N it generates a project (``bench/synthetic.py``, seed 1) and measures:

* ``sop-builder controleer`` and ``sop-builder bouw``, each in a fresh process: wall time, CPU time,
  peak memory, and how busy the machine's other processes kept the cores meanwhile; both cold
  (without the project's cache folder, ``.sop-builder/cache/``), and ``controleer`` again with
  nothing changed and after one school's ``sop.md`` changed (the load cache, issue 25);
* in this process, the CPU time of two parts of the build's own work: every school's QR code
  (encoded anew) and the glossary links of every staged page, beside the build's CPU time;
* the same pages, pre-rendered as Markdown, built by plain MkDocs + Material and indexed by the
  same Pagefind command: the baseline for our overhead;
* the built site: size, file count, the median school page's HTML;
* in headless Chromium with an empty cache: every byte a visitor loads for the median school
  page and for a first search (``/zoeken/?q=…``), from a server without and with gzip;
* at one size (700): ``sop-builder bekijk``, one school's file edited, the seconds until the new
  text is served.

The results go between the markers in BENCHMARKS.md (text outside them is kept) and into
bench/results.json.
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import http.server
import json
import mimetypes
import os
import platform
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from synthetic import SAMPLE, generate, with_long_body  # bench/synthetic.py, beside this script

import sop_builder.core.parallel as parallel
import sop_builder.site.staging as staging
from sop_builder.core.cachefile import CACHE_DIR
from sop_builder.project.load import load_project
from sop_builder.project.routes import school_file
from sop_builder.site import qrcode
from sop_builder.site.search import INDEX_DIR
from sop_builder.site.staging import DOCS_DIR, stage_site

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable
START, END = "<!-- bench:start -->", "<!-- bench:end -->"
TEXT_START, TEXT_END = "<!-- bench:tekst:start -->", "<!-- bench:tekst:end -->"
TEXT_SCHOOLS = 20  # the project of the large-text part
QUERIES = ("duinroos", "ouders")  # a school name (few hits) and a word on nearly every page
SEARCH_RESULT = ".sop-search-result"  # one result in the search page's list (zoeken.js)
TARGETS = {
    "check_s": 5.0,  # check of 7,000 schools, cold (no load cache)
    "check_change_s": 1.0,  # check of 7,000 schools after one school's file changed
    "qr_share": 0.01,  # QR codes: share of the build's CPU time
    "glossary_share": 0.02,  # glossary links: share of the build's CPU time
    "build_s": 150.0,  # public build of 7,000 schools
    "build_mem_mib": 1024.0,  # peak PSS of the build's process tree at 7,000 schools
    "ratio": 1.25,  # our build's CPU time over plain MkDocs + Pagefind on the same staged pages
    "ratio_wall": 1.10,  # the same, wall time
    "own_ms": 5.0,  # our own work per staged page (build CPU minus plain CPU), milliseconds
    "serve_text_s": 0.5,  # serve: a school's text edit visible (700, 2,000, 7,000 schools)
    "serve_fact_s": 1.0,  # serve: an edit that changes a finder fact (a need's level) visible
    "editor_start_s": 2.0,  # web editor: from start to a school's form answered, 7,000 schools
    "editor_s": 1.0,  # one save in the web editor at 7,000 schools
    "search_kb": 250.0,  # first search at 7,000 schools, gzip (kB = 1,000 bytes)
    "school_gzip_kb": 150.0,  # a school page, first visit, gzip
    "finder_gzip_kb": 150.0,  # the finder page (/scholen/), first visit, gzip, at 7,000
    "languages_bytes": 1e9,  # 7,000 schools with three languages beside Dutch: under 1 GB
}

# Runs one command and reports its wall time, the CPU time of it and all its children, the
# largest RSS of any one of its processes (ru_maxrss), the peak of the summed PSS of its whole
# process tree (sampled every 0.1 s; PSS splits shared pages, so forked workers are not counted
# twice), and the CPU time that other processes on the machine used meanwhile (/proc/stat).
WRAPPER = r"""
import json, os, resource, signal, subprocess, sys, time
timeout, out, cmd = float(sys.argv[1]), sys.argv[2], sys.argv[3:]
tick = os.sysconf("SC_CLK_TCK")

def busy():
    with open("/proc/stat") as f:
        v = [int(x) for x in f.readline().split()[1:]]
    return (sum(v) - v[3] - v[4]) / tick

def tree(root):
    children = {}
    for name in os.listdir("/proc"):
        if name.isdigit():
            try:
                with open(f"/proc/{name}/stat") as f:
                    ppid = int(f.read().rsplit(")", 1)[1].split()[1])
                children.setdefault(ppid, []).append(int(name))
            except (OSError, IndexError, ValueError):
                pass
    found, todo = [], [root]
    while todo:
        pid = todo.pop()
        found.append(pid)
        todo += children.get(pid, [])
    return found

def pss_kib(pid):
    try:
        with open(f"/proc/{pid}/smaps_rollup") as f:
            for line in f:
                if line.startswith("Pss:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0

busy0, start = busy(), time.perf_counter()
peak = 0
with open(out, "wb") as f:
    proc = subprocess.Popen(cmd, stdout=f, stderr=subprocess.STDOUT, start_new_session=True)
    code = None
    while True:
        try:
            code = proc.wait(timeout=0.1)
            break
        except subprocess.TimeoutExpired:
            peak = max(peak, sum(pss_kib(p) for p in tree(proc.pid)))
            if time.perf_counter() - start > timeout:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait()
                code = None
                break
wall = time.perf_counter() - start
machine = busy() - busy0
use = resource.getrusage(resource.RUSAGE_CHILDREN)
cpu = use.ru_utime + use.ru_stime
print(json.dumps({"code": code, "wall": wall, "cpu": cpu, "rss_kib": use.ru_maxrss,
                  "pss_kib": peak, "others_cpu": max(0.0, machine - cpu)}))
"""


@dataclass
class Run:
    """One measured command (code None: timed out)."""

    code: int | None
    wall: float  # seconds
    cpu: float  # user + system seconds of the command and its children
    rss_kib: int  # largest resident set of any one process
    pss_kib: int  # peak summed PSS of the process tree (sampled)
    others_cpu: float  # CPU seconds that other processes used meanwhile
    runs: list[float] = field(default_factory=list)  # wall times of every repetition

    @property
    def ok(self) -> bool:
        return self.code == 0

    @property
    def others_load(self) -> float:
        """Cores that other processes kept busy, on average."""
        return self.others_cpu / self.wall if self.wall else 0.0


def measure(cmd: list[str], output: Path, timeout: float) -> Run:
    """Run ``cmd`` in a fresh wrapper process; its output goes to ``output``."""
    wrapper = [PY, "-c", WRAPPER, str(timeout), str(output), *cmd]
    done = subprocess.run(wrapper, capture_output=True, text=True, timeout=timeout + 120)
    if done.returncode != 0:
        raise RuntimeError(f"measuring {cmd} failed: {done.stderr}")
    run = Run(**json.loads(done.stdout))
    run.runs = [run.wall]
    return run


def measure_best(
    cmd: list[str],
    output: Path,
    timeout: float,
    repeat: int,
    before: Callable[[], None] | None = None,
) -> Run:
    """The fastest of ``repeat`` runs (the least disturbed by other work on the machine);
    ``before`` runs before each (to empty a cache, or change a file).

    A run over 60 s is not repeated. Memory is the highest of all runs.
    """
    if before is not None:
        before()
    best = measure(cmd, output, timeout)
    runs = [best.wall]
    rss, pss = best.rss_kib, best.pss_kib
    for _ in range(repeat - 1):
        if not best.ok or best.wall > 60:
            break
        if before is not None:
            before()
        run = measure(cmd, output, timeout)
        runs.append(run.wall)
        rss, pss = max(rss, run.rss_kib), max(pss, run.pss_kib)
        best = run if run.ok and run.wall < best.wall else best
    best.runs, best.rss_kib, best.pss_kib = runs, rss, pss
    return best


# --- the machine ----------------------------------------------------------------------------


def machine() -> dict[str, str]:
    """CPU model, cores, RAM, OS, Python and the versions of the tools measured."""
    cpu = "unknown"
    with open("/proc/cpuinfo", encoding="utf-8") as f:
        cpu = next((ln.split(":", 1)[1].strip() for ln in f if ln.startswith("model name")), cpu)
    with open("/proc/meminfo", encoding="utf-8") as f:
        kib = next((int(ln.split()[1]) for ln in f if ln.startswith("MemTotal")), 0)
    versions = {}
    for package in ("mkdocs", "mkdocs-material", "pagefind", "pagefind-bin", "playwright"):
        try:
            versions[package] = metadata.version(package)
        except metadata.PackageNotFoundError:
            versions[package] = "not installed"
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    browser = "not installed"
    if chromium:
        with contextlib.suppress(OSError, subprocess.SubprocessError):
            browser = subprocess.run(
                [chromium, "--version"], capture_output=True, text=True, timeout=30
            ).stdout.strip()
    return {
        "CPU": cpu,
        "cores": str(len(os.sched_getaffinity(0))),
        "RAM": f"{kib / 1024**2:.1f} GiB",
        "OS": platform.platform(),
        "Python": platform.python_version(),
        **versions,
        "browser": browser,
    }


def loadavg() -> str:
    with open("/proc/loadavg", encoding="utf-8") as f:
        return " ".join(f.read().split()[:3])


# --- the plain MkDocs baseline --------------------------------------------------------------


def plain_project(root: Path, target: Path) -> Path:
    """The staging folder of ``root`` (the pages exactly as our build hands them to the engine);
    returns its mkdocs.yml, which plain MkDocs builds without anything of ours."""
    project = load_project(root, internal=False)
    return stage_site(project, root, target / "staging").config_file


def pagefind_command(site: Path) -> list[str]:
    return [PY, "-m", "pagefind", "--site", str(site), "--output-subdir", INDEX_DIR, "--silent"]


def plain_command(config: Path, site: Path) -> list[str]:
    """Plain `mkdocs build` of the staging folder, then one Pagefind run over the whole site
    (one process tree)."""
    pagefind = " ".join(pagefind_command(site))
    return ["sh", "-c", f"{PY} -m mkdocs build -q -f {config} -d {site} && {pagefind}"]


# A reference static build that runs everywhere: each staged page's Markdown through Python-
# Markdown and one bare Jinja template, written to a file; no theme, no navigation, no search.
# (Hugo, the other reference, is not installed on the machines this runs on.)
BARE_PAGE = (
    "<!doctype html><html lang=nl><head><meta charset=utf-8><title>{{ title }}</title></head>"
    "<body><main>{{ body }}</main></body></html>"
)


def bare_jinja(docs: Path, target: Path) -> float:
    """CPU seconds to render and write every staged page with bare Markdown + Jinja."""
    import jinja2
    import markdown

    template = jinja2.Environment(autoescape=False).from_string(BARE_PAGE)
    start = time.process_time()
    for source in sorted(docs.rglob("*.md")):
        text = source.read_text(encoding="utf-8")
        if text.startswith("---\n"):
            text = text.split("\n---\n", 1)[-1]
        body = markdown.markdown(text, extensions=["tables", "attr_list", "md_in_html"])
        out = target / source.relative_to(docs).with_suffix(".html")
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(template.render(title=source.stem, body=body), encoding="utf-8")
    return time.process_time() - start


# --- the built site -------------------------------------------------------------------------


def site_stats(site: Path, slugs: list[str]) -> dict[str, Any]:
    files = [p for p in site.rglob("*") if p.is_file()]
    pages = {s: (site / "scholen" / s / "index.html").stat().st_size for s in slugs}
    index = [p for p in files if p.relative_to(site).parts[0].startswith(INDEX_DIR)]  # all parts
    ordered = sorted(pages, key=lambda s: (pages[s], s))
    median_slug = ordered[len(ordered) // 2]
    return {
        "bytes": sum(p.stat().st_size for p in files),
        "files": len(files),
        "median_school_html": int(statistics.median(pages.values())),
        "median_school": median_slug,
        "search_index_bytes": sum(p.stat().st_size for p in index),
        "search_index_files": len(index),
    }


# --- page weight in Chromium ----------------------------------------------------------------

COMPRESSIBLE = re.compile(r"^(text/|application/(javascript|json|xml|wasm)|image/svg)")


class _SiteHandler(http.server.BaseHTTPRequestHandler):
    """Serves a built site like a static host: index.html for folders, optional gzip for text
    types (files that are already gzip data, like Pagefind's, are sent as they are)."""

    root: Path
    use_gzip: bool
    cache: dict[Path, bytes]

    def do_GET(self) -> None:
        path = unquote(urlsplit(self.path).path)
        file = (self.root / path.lstrip("/")).resolve()
        if file.is_dir():
            file = file / "index.html"
        status = 200
        if not file.is_relative_to(self.root) or not file.is_file():
            status, file = 404, self.root / "404.html"
        data = file.read_bytes() if file.is_file() else b"not found"
        kind = mimetypes.guess_type(file.name)[0] or "application/octet-stream"
        self.send_response(status)
        self.send_header("Content-Type", kind)
        accepts = "gzip" in self.headers.get("Accept-Encoding", "")
        if self.use_gzip and accepts and COMPRESSIBLE.match(kind) and data[:2] != b"\x1f\x8b":
            if file not in self.cache:
                self.cache[file] = gzip.compress(data, 6, mtime=0)
            data = self.cache[file]
            self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, format: str, *args: object) -> None:
        pass


@contextlib.contextmanager
def static_server(site: Path, use_gzip: bool) -> Iterator[str]:
    handler = type(
        "Handler", (_SiteHandler,), {"root": site.resolve(), "use_gzip": use_gzip, "cache": {}}
    )
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def _kind(url: str) -> str:
    path = urlsplit(url).path
    if re.search(rf"/{INDEX_DIR}(-\d+)?/", path):  # any part of the search index
        name = path.rsplit("/", 1)[-1]
        if name.endswith((".js", ".css")):
            return "search code"
        if ".pf_fragment" in name:
            return "search results"
        if name.startswith("wasm."):
            return "search code"
        return "search index"
    if path.endswith((".css",)):
        return "css"
    if path.endswith((".js",)):
        return "js"
    if path.endswith((".png", ".svg", ".ico", ".woff", ".woff2", ".jpg", ".webp")):
        return "images/fonts"
    return "html"


def load_page(browser: Any, url: str, wait_for: str | None) -> dict[str, Any]:
    """Open ``url`` in a fresh context (empty cache); every response once the page is quiet."""
    context = browser.new_context()
    page = context.new_page()
    finished: list[Any] = []
    pending = {"n": 0}

    def started(_request: Any) -> None:
        pending["n"] += 1

    def ended(request: Any) -> None:
        pending["n"] -= 1
        finished.append(request)

    page.on("request", started)
    page.on("requestfinished", ended)
    page.on("requestfailed", ended)
    response = page.goto(url, wait_until="networkidle", timeout=120_000)
    if response is None or response.status != 200:
        raise RuntimeError(f"{url}: {response.status if response else 'no response'}")
    if wait_for:
        page.locator(wait_for).first.wait_for(timeout=120_000)
    quiet_since = time.monotonic()
    count = len(finished)
    while time.monotonic() - quiet_since < 1.5:  # no request in flight or new for 1.5 s
        page.wait_for_timeout(100)
        if pending["n"] > 0 or len(finished) != count:
            quiet_since, count = time.monotonic(), len(finished)
    results = len(page.locator(SEARCH_RESULT).all()) if wait_for else None
    transferred, decoded, by_kind, requests = 0, 0, {}, []
    for request in finished:
        if request.url.startswith("data:") or request.failure:
            continue
        sizes = request.sizes()
        body = request.response().body() if request.response() else b""
        transferred += sizes["responseBodySize"]
        decoded += len(body)
        kind = _kind(request.url)
        by_kind[kind] = by_kind.get(kind, 0) + sizes["responseBodySize"]
        requests.append(urlsplit(request.url).path)
    context.close()
    return {
        "transferred": transferred,
        "decoded": decoded,
        "requests": len(requests),
        "by_kind": by_kind,
        "paths": requests,
        "results_shown": results,
    }


def page_weights(site: Path, school: str) -> dict[str, Any]:
    """The median school page and a first search, each without and with gzip from the server."""
    from playwright.sync_api import sync_playwright

    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if not chromium:
        return {"error": "Chromium is not installed"}
    args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run"]
    pages = {"school": (f"/scholen/{school}/", None), "finder": ("/scholen/", None)}
    for query in QUERIES:
        pages[f"search:{query}"] = (f"/zoeken/?q={query}", SEARCH_RESULT)
    weights: dict[str, Any] = {}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=args)
        for use_gzip in (False, True):
            with static_server(site, use_gzip) as base:
                for name, (path, wait_for) in pages.items():
                    found = load_page(browser, base + path, wait_for)
                    entry = weights.setdefault(name, {"path": path})
                    entry["gzip" if use_gzip else "plain"] = found
        browser.close()
    return weights


# --- serve ----------------------------------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _fetch(url: str, timeout: float = 300) -> str:
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return response.read().decode("utf-8", errors="replace")
    except OSError:
        return ""


LEVELS = ("ja", "met-hulp", "beperkt", "niet")
NEED_LEVEL = re.compile(r"\n  ([a-z0-9-]+):\n    niveau: ([a-z-]+)")


def _wait_until(check: Callable[[], bool], began: float, limit: float = 600) -> float:
    """Seconds from ``began`` until ``check()`` holds (polled every 0.05 s)."""
    while not check():
        if time.perf_counter() - began > limit:
            raise RuntimeError(f"the edit did not appear within {limit:.0f} s")
        time.sleep(0.05)
    return time.perf_counter() - began


def _stop(process: subprocess.Popen[bytes]) -> None:
    """End ``process`` and its children (its own session): politely, then for certain."""
    os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()


def _level_in(data: str, need: str) -> str | None:
    """The level of ``need`` in a school's finder data (None while it cannot be read)."""
    try:
        return str(json.loads(data)["behoeften"][need][0])
    except (ValueError, KeyError, IndexError, TypeError):
        return None


def serve_edits(project: Path, slug: str, edits: int, work: Path) -> dict[str, Any]:
    """Start `sop-builder bekijk` and edit one school's sop.md ``edits`` times in two ways:

    * ``text``: a sentence in one of its sections; seconds until its page shows it;
    * ``fact``: the level of its first need (a finder fact); seconds until the school's finder
      data (``/vinder/school/<slug>.json``) shows the new level.

    MkDocs holds requests while it rebuilds, so these are the rebuilds as a visitor sees them.
    """
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    url = f"{base}/scholen/{slug}/"
    log = (work / "serve.log").open("wb")
    start = time.perf_counter()
    server = subprocess.Popen(
        [PY, "-m", "sop_builder", "serve", "--map", str(project), "--adres", f"127.0.0.1:{port}"],
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    result: dict[str, Any] = {"school": slug, "edits": [], "fact_edits": []}
    sop = project / "content" / "schools" / slug / "sop.md"
    original = sop.read_text(encoding="utf-8")
    try:
        deadline = time.monotonic() + 1800
        while "<h1" not in _fetch(url):
            if server.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"serve did not start; see {work / 'serve.log'}")
            time.sleep(0.2)
        result["first_build_s"] = time.perf_counter() - start
        time.sleep(3)  # let the watcher settle
        for number in range(edits):
            word = f"Bewerkingnummer{number}x{int(time.time())}"
            text = re.sub(r"(\n## [^\n]+\n\n)", rf"\1{word} staat hier. ", original, count=1)
            assert word in text
            load0 = loadavg()
            began = time.perf_counter()
            sop.write_text(text, encoding="utf-8")
            seconds = _wait_until(lambda word=word: word in _fetch(url), began)
            result["edits"].append({"seconds": seconds, "loadavg_before": load0})
            time.sleep(3)
        sop.write_text(original, encoding="utf-8")
        time.sleep(3)
        found = NEED_LEVEL.search(original)
        if found is None:
            raise RuntimeError(f"{sop} names no need with a level")
        need, level = found.group(1), found.group(2)
        data = f"{base}/{school_file(slug)}"  # the school's finder data: its level per need
        result["fact_need"] = need
        for number in range(edits):
            new_level = [x for x in LEVELS if x != level][number // 2 % (len(LEVELS) - 1)]
            shown = new_level if number % 2 == 0 else level
            text = original[: found.start(2)] + shown + original[found.end(2) :]
            load0 = loadavg()
            began = time.perf_counter()
            sop.write_text(text, encoding="utf-8")
            seconds = _wait_until(lambda shown=shown: _level_in(_fetch(data), need) == shown, began)
            result["fact_edits"].append({"seconds": seconds, "loadavg_before": load0})
            time.sleep(3)
    finally:
        sop.write_text(original, encoding="utf-8")
        _stop(server)
        log.close()
    result["median_s"] = statistics.median(e["seconds"] for e in result["edits"])
    result["fact_median_s"] = statistics.median(e["seconds"] for e in result["fact_edits"])
    return result


# --- the web editor ------------------------------------------------------------------------

# One process runs the editor's backend (as `sop-builder editor` does), reads the project once,
# then saves one school's sop.md with a new sentence ``saves`` times through Decap's protocol.
EDITOR = r"""
import json, sys, time
from pathlib import Path
from sop_builder.editor.backend import LocalBackend
from sop_builder.editor.config import file_patterns
root, slug, saves = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3])
backend = LocalBackend(root, file_patterns())
start = time.perf_counter()
backend.warm_up()
warm = time.perf_counter() - start
rel = f"content/schools/{slug}/sop.md"
original = (root / rel).read_text(encoding="utf-8")
times, cpu = [], []
def save(raw, version):  # as the editor's page does: with the version the form was opened with
    backend.handle("persistEntry", {"dataFiles": [{"path": rel, "raw": raw, "version": version}]})
for number in range(saves):
    version = backend.handle("getEntry", {"path": rel})["file"]["id"]
    head, sep, rest = original.partition("\n## ")
    title, nl, body = rest.partition("\n")
    new = f"{head}{sep}{title}{nl}\nOpslagtest {number} staat hier.\n{body}"
    start, start_cpu = time.perf_counter(), time.process_time()
    save(new, version)
    times.append(time.perf_counter() - start)
    cpu.append(time.process_time() - start_cpu)
    assert f"Opslagtest {number}" in (root / rel).read_text(encoding="utf-8")
save(original, backend.handle("getEntry", {"path": rel})["file"]["id"])
print(json.dumps({"warm_up_s": warm, "saves": times, "cpu": cpu}))
"""


def editor_saves(project: Path, slug: str, saves: int) -> dict[str, Any]:
    """Seconds per save in the web editor's backend (after it has read the project once)."""
    done = subprocess.run(
        [PY, "-c", EDITOR, str(project), slug, str(saves)],
        capture_output=True,
        text=True,
        timeout=1800,
        check=False,
    )
    if done.returncode != 0:
        return {"error": done.stderr[-2000:]}
    found = json.loads(done.stdout.strip().splitlines()[-1])
    found["median_s"] = statistics.median(found["saves"])
    found["median_cpu_s"] = statistics.median(found["cpu"])
    return found


def editor_start(project: Path, slug: str, work: Path) -> dict[str, Any]:
    """Start `sop-builder editor` as a person does; seconds until its page is served and until
    a school's form can be opened (the backend answers `getEntry` for its sop.md), and the
    seconds of the first save after that (the project is read once, in the background)."""
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    rel = f"content/schools/{slug}/sop.md"
    log = (work / "editor.log").open("wb")

    def call(action: str, params: dict[str, Any]) -> dict[str, Any] | None:
        body = json.dumps({"action": action, "params": params}).encode("utf-8")
        request = urllib.request.Request(
            f"{base}/api/v1",
            data=body,
            headers={"Content-Type": "application/json", "Origin": base},
        )
        try:
            with urllib.request.urlopen(request, timeout=300) as response:
                answer: dict[str, Any] = json.loads(response.read())
                return answer
        except (OSError, ValueError):
            return None

    original = (project / rel).read_text(encoding="utf-8")
    start = time.perf_counter()
    editor = subprocess.Popen(
        [PY, "-m", "sop_builder", "editor", "--map", str(project), "--poort", str(port)],
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    result: dict[str, Any] = {}
    try:
        page = _wait_until(lambda: "<html" in _fetch(f"{base}/admin/").lower(), start, 300)
        result["page_s"] = page
        entry: list[dict[str, Any]] = []

        def opened() -> bool:
            answer = call("getEntry", {"path": rel})
            if answer and "file" in answer:
                entry.append(answer)
                return True
            return False

        result["start_s"] = _wait_until(opened, start, 300)
        version = entry[-1]["file"]["id"]
        head, sep, rest = original.partition("\n## ")
        title, nl, body = rest.partition("\n")
        new = f"{head}{sep}{title}{nl}\nStarttest staat hier.\n{body}"
        began = time.perf_counter()
        saved = call("persistEntry", {"dataFiles": [{"path": rel, "raw": new, "version": version}]})
        result["first_save_s"] = time.perf_counter() - began
        result["first_save_ok"] = saved is not None and "Starttest" in (project / rel).read_text(
            encoding="utf-8"
        )
    except RuntimeError as exc:
        result["error"] = f"{exc}; see {work / 'editor.log'}"
    finally:
        (project / rel).write_text(original, encoding="utf-8")
        _stop(editor)
        log.close()
    return result


# --- large texts --------------------------------------------------------------------------


def _kb_list(text: str) -> list[int]:
    return [int(part) for part in text.split(",") if part.strip()]


def bench_text(args: argparse.Namespace, work: Path) -> dict[str, Any]:
    """`check` of a project in which one school's sop.md is made large (sizes in kB of
    ``--tekst-kb``, up to 1 MB), and a web editor save of such a file (``--opslaan-kb``); each
    beside the same with the school's own sop.md, so that the time per kB of text above it
    shows whether the time grows linearly with the text (issue 21)."""
    project = work / "text-project"
    generate(SAMPLE, project, TEXT_SCHOOLS, args.seed)
    slug = sorted(p.name for p in (project / "content" / "schools").iterdir())[0]
    sop = project / "content" / "schools" / slug / "sop.md"
    original = sop.read_text(encoding="utf-8")
    cmd = [PY, "-m", "sop_builder", "check", "--map", str(project), "--formaat", "json"]
    result: dict[str, Any] = {"schools": TEXT_SCHOOLS, "check": [], "save": []}

    def check(label: str) -> None:
        # cold every time: with the load cache, the second run would read the kept result
        run = measure_best(cmd, work / "text-check", args.timeout, args.repeat,
                           lambda: shutil.rmtree(project / CACHE_DIR, ignore_errors=True))  # fmt: skip
        size = len(sop.read_bytes())
        result["check"].append({"bytes": size} | asdict(run))
        print(f"[tekst] check, sop.md of {size:,} bytes ({label}): {_run_text(run)}", flush=True)

    def save(label: str) -> None:
        found = editor_saves(project, slug, 3)
        size = len(sop.read_bytes())
        result["save"].append({"bytes": size} | found)
        median = found.get("median_s")
        print(f"[tekst] editor save, sop.md of {size:,} bytes ({label}): {median} s", flush=True)

    check("own text")
    for kb in _kb_list(args.tekst_kb):
        sop.write_text(with_long_body(original, kb * 1000, args.seed), encoding="utf-8")
        check(f"{kb} kB")
    sop.write_text(original, encoding="utf-8")
    save("own text")
    for kb in _kb_list(args.opslaan_kb):
        sop.write_text(with_long_body(original, kb * 1000, args.seed), encoding="utf-8")
        save(f"{kb} kB")
    sop.write_text(original, encoding="utf-8")
    return result


def _per_kb(seconds: float, base: float, size: int, base_size: int) -> str:
    extra = (size - base_size) / 1000
    return f"**{(seconds - base) / extra * 1000:.1f} ms**" if extra > 0 else "–"


def text_report(text: dict[str, Any] | None) -> str:
    """The section of BENCHMARKS.md about large texts."""
    if not text:
        return "Large texts were not measured in this run."
    lines = [
        f"`check` of a project of {text['schools']} synthetic schools in which one school's "
        "`sop.md` is made large (a quarter each: a column of short lines, one sentence over "
        "and over, and twice paragraphs and lists with bold words and links; its own text "
        "first), "
        "in a fresh process; and one save of that file in the web editor (its backend, after "
        "reading the project once; the median of 3). The time per kB is the CPU time above the "
        "school's own text divided by the kB above it (CPU time, because other work on this "
        "shared machine stretches wall time): the same at every size means the time grows "
        "linearly with the text.",
        "",
        "| | `sop.md` | wall time (CPU time) | CPU time per kB above its own text |",
        "|---|---:|---:|---:|",
    ]
    checks = text.get("check", [])
    for index, entry in enumerate(checks):
        run = Run(**{k: v for k, v in entry.items() if k in Run.__dataclass_fields__})
        base = checks[0]
        per = _per_kb(entry["cpu"], base["cpu"], entry["bytes"], base["bytes"]) if index else "–"
        label = "`check`, the school's own text" if index == 0 else "`check`"
        lines.append(f"| {label} | {_kb(entry['bytes'])} | {_run_text(run)} | {per} |")
    saves = text.get("save", [])
    for index, entry in enumerate(saves):
        if "median_cpu_s" not in entry:
            lines.append(f"| web editor save | {_kb(entry['bytes'])} | failed | – |")
            continue
        base = saves[0]
        per = (
            _per_kb(entry["median_cpu_s"], base["median_cpu_s"], entry["bytes"], base["bytes"])
            if index and "median_cpu_s" in base
            else "–"
        )
        label = "web editor save, the school's own text" if index == 0 else "web editor save"
        times = f"{entry['median_s']:.2f} s (CPU {entry['median_cpu_s']:.2f} s)"
        lines.append(f"| {label} | {_kb(entry['bytes'])} | {times} | {per} |")
    return "\n".join(lines)


# --- one size -------------------------------------------------------------------------------


@contextlib.contextmanager
def one_changed_file(folder: Path) -> Iterator[Callable[[], None]]:
    """A function that changes the school's sop.md (a sentence in, then out again), so that
    each run finds one changed file; the file is as it was afterwards."""
    sop = folder / "sop.md"
    original = sop.read_bytes()
    changed = original + b"\nNog een zin voor de meting.\n"
    turn = iter(range(1_000_000))

    def change() -> None:
        sop.write_bytes(changed if next(turn) % 2 == 0 else original)

    try:
        yield change
    finally:
        sop.write_bytes(original)


def own_work(project: Path) -> dict[str, float]:
    """CPU seconds of staging the public site in this one process, and of two parts of it:
    encoding every school's QR code (no code kept from before) and the glossary links of
    every page (`explain_terms_in_source`)."""
    spent = {"qr": 0.0, "glossary": 0.0}

    def timed(name: str, function: Callable[..., Any]) -> Callable[..., Any]:
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            start = time.process_time()
            try:
                return function(*args, **kwargs)
            finally:
                spent[name] += time.process_time() - start

        return wrapper

    project_ = load_project(project, internal=False)
    shutil.rmtree(project / CACHE_DIR, ignore_errors=True)
    qrcode._SVGS.clear()
    saved = parallel.PARALLEL_FROM, qrcode._encode, staging.explain_terms_in_source
    parallel.PARALLEL_FROM = 10**9  # all in this process, where it is timed
    qrcode._encode = timed("qr", qrcode._encode)
    staging.explain_terms_in_source = timed("glossary", staging.explain_terms_in_source)
    try:
        with tempfile.TemporaryDirectory() as folder:
            start = time.process_time()
            stage_site(project_, project, Path(folder))
            spent["staging"] = time.process_time() - start
    finally:
        parallel.PARALLEL_FROM, qrcode._encode, staging.explain_terms_in_source = saved
    return spent


def _own_text(result: dict[str, Any], part: str) -> str:
    own = result.get("own")
    if not own:
        return "–"
    share = own[part] / own["build_cpu"] if own.get("build_cpu") else 0.0
    return f"{own[part]:.2f} s CPU, {share:.1%} of the build's"


def _sizes(text: str) -> set[int]:
    return {int(part) for part in text.split(",") if part.strip()}


def bench_size(n: int, args: argparse.Namespace, work: Path) -> dict[str, Any]:
    """Generate, check, build (ours and plain), weigh pages and (at one size) serve."""
    project, out, plain_site = work / "project", work / "site", work / "plain-site"
    result: dict[str, Any] = {"schools": n, "loadavg_start": loadavg()}
    start = time.perf_counter()
    generate(SAMPLE, project, n, args.seed)
    result["generate_s"] = time.perf_counter() - start
    slugs = sorted(p.name for p in (project / "content" / "schools").iterdir())
    print(f"[{n}] generated in {result['generate_s']:.1f} s", flush=True)

    def step(
        name: str, cmd: list[str], output: Path, before: Callable[[], None] | None = None
    ) -> Run:
        run = measure_best(cmd, output, args.timeout, args.repeat, before)
        result[name] = asdict(run) | {"others_load": run.others_load}
        print(f"[{n}] {name}: {_run_text(run)}", flush=True)
        if not run.ok:
            print(output.read_text(encoding="utf-8", errors="replace")[-3000:], flush=True)
        return run

    sop = [PY, "-m", "sop_builder"]

    def cold() -> None:  # no kept results, no kept QR codes
        shutil.rmtree(project / CACHE_DIR, ignore_errors=True)

    check_cmd = [*sop, "check", "--map", str(project), "--formaat", "json"]
    check = step("check", check_cmd, work / "c", cold)
    step("check_warm", check_cmd, work / "c2")  # nothing changed since the last check
    with one_changed_file(project / "content" / "schools" / slugs[len(slugs) // 2]) as change:
        step("check_one_change", check_cmd, work / "c3", change)
    if check.code is not None:
        try:
            data = json.loads((work / "c").read_text(encoding="utf-8"))
            errors = sum(1 for p in data["problemen"] if p["ernst"] == "fout")
            result["check_problems"] = (
                f"{errors} errors, {len(data['problemen']) - errors} warnings"
            )
        except (ValueError, KeyError):
            result["check_problems"] = "unreadable output"
    build = step(
        "build", [*sop, "build", "--map", str(project), "--uit", str(out)], work / "b", cold
    )
    if build.ok:
        result["own"] = own_work(project)
        result["own"]["build_cpu"] = build.cpu
        print(f"[{n}] own work: {_own_text(result, 'qr')}; {_own_text(result, 'glossary')}")
    plain_yml = plain_project(project, work / "plain")
    plain = step("plain", plain_command(plain_yml, plain_site), work / "p")
    if build.ok and plain.ok:
        result["ratio_wall"] = build.wall / plain.wall
        result["ratio_cpu"] = build.cpu / plain.cpu
    if plain.ok:  # Pagefind alone on the plain site: splits the plain CPU into engine + index
        index = step("plain_pagefind", pagefind_command(plain_site), work / "pf")
        result["per_page_ms"] = per_page(plain_yml.parent / DOCS_DIR, build, plain, index, work)
        print(f"[{n}] per staged page: {_per_page_text(result)}", flush=True)
    if build.ok:
        result["site"] = site_stats(out, slugs)
        if not args.no_browser:
            result["weights"] = page_weights(out, result["site"]["median_school"])
            for name, entry in result["weights"].items():
                if isinstance(entry, dict) and "gzip" in entry:
                    print(
                        f"[{n}] {name}: {entry['plain']['transferred']} B, "
                        f"gzip {entry['gzip']['transferred']} B",
                        flush=True,
                    )
    if plain.ok:
        result["plain_site"] = site_stats(plain_site, slugs)
    median = result.get("site", {}).get("median_school", slugs[len(slugs) // 2])
    bench_interactive(n, project, median, args, work, result, step)
    result["loadavg_end"] = loadavg()
    return result


def bench_interactive(
    n: int,
    project: Path,
    median: str,
    args: argparse.Namespace,
    work: Path,
    result: dict[str, Any],
    step: Callable[..., Run],
) -> None:
    """At the sizes asked for: serve, the web editor, and the build in more languages."""
    if n in _sizes(args.serve_sizes):
        result["serve"] = serve_edits(project, median, 5, work)
        print(f"[{n}] serve: edit visible in {result['serve']['median_s']:.2f} s", flush=True)
    if n in _sizes(args.editor_sizes):
        result["editor_start"] = editor_start(project, median, work)
        print(f"[{n}] editor start: {result['editor_start']}", flush=True)
        result["editor"] = editor_saves(project, median, 5)
        print(f"[{n}] editor: {result['editor'].get('median_s', 0):.2f} s a save", flush=True)
    if n in _sizes(args.talen_sizes):
        result["languages"] = bench_languages(project, args, work, step)


def per_page(docs: Path, build: Run, plain: Run, index: Run, work: Path) -> dict[str, Any]:
    """CPU milliseconds per staged page of our own work, the engine, Pagefind and the bare
    reference (see per_page_table)."""
    pages = sum(1 for _ in docs.rglob("*.md"))
    return {
        "pages": pages,
        "engine": (plain.cpu - index.cpu) / pages * 1000,
        "pagefind": index.cpu / pages * 1000,
        "ours": (build.cpu - plain.cpu) / pages * 1000 if build.ok else None,
        "reference": bare_jinja(docs, work / "bare") / pages * 1000,
    }


def _per_page_text(result: dict[str, Any]) -> str:
    per = result.get("per_page_ms")
    if not per:
        return "–"
    ours = "–" if per["ours"] is None else f"{per['ours']:.1f} ms"
    return (
        f"ours {ours}, engine {per['engine']:.1f} ms, Pagefind {per['pagefind']:.1f} ms, "
        f"bare Markdown + Jinja {per['reference']:.2f} ms ({per['pages']:,} pages)"
    )


def per_page_table(results: list[dict[str, Any]]) -> str:
    """CPU milliseconds per staged page: our own work (our build's CPU minus plain MkDocs +
    Pagefind's on the same pages), the engine (plain MkDocs), Pagefind, and the bare reference."""
    rows = [r for r in results if r.get("per_page_ms")]
    if not rows:
        return "Not measured in this run."
    lines = [
        "| schools | staged pages | our own work | engine (plain MkDocs + Material) | Pagefind | "
        "bare Markdown + Jinja, no theme |",
        "|---:|---:|---:|---:|---:|---:|",
    ]
    for r in rows:
        per = r["per_page_ms"]
        ours = "–" if per["ours"] is None else f"{per['ours']:.1f} ms"
        lines.append(
            f"| {r['schools']:,} | {per['pages']:,} | {ours} | {per['engine']:.1f} ms | "
            f"{per['pagefind']:.1f} ms | {per['reference']:.2f} ms |"
        )
    return "\n".join(lines)


# --- the site in more languages (issue 24) ---------------------------------------------------

OVERLAY = ROOT / "tests" / "fixtures" / "talen" / "site_config" / "talen"
# Published limits of the two hosts the README names (checked 2026-12):
# GitHub Pages: "Published GitHub Pages sites may be no larger than 1 GB"; GitHub refuses a
# pushed file over 100 MiB. GitLab.com Pages: at most 1 GB per site and 200,000 file entries
# (files, folders and links) per site (`pages_file_entries`).
HOST_LIMITS = {
    "GitHub Pages: site ≤ 1 GB": ("bytes", 1_000_000_000),
    "GitHub: each file ≤ 100 MiB": ("largest", 100 * 1024 * 1024),
    "GitLab.com Pages: site ≤ 1 GB": ("bytes", 1_000_000_000),
    "GitLab.com Pages: ≤ 200,000 entries": ("entries", 200_000),
}


def tree_stats(site: Path, codes: list[str]) -> dict[str, Any]:
    """Bytes, files, entries (files and folders), the largest file, and bytes per language."""
    files = [p for p in site.rglob("*") if p.is_file()]
    folders = sum(1 for p in site.rglob("*") if p.is_dir())
    largest = max(files, key=lambda p: p.stat().st_size)
    return {
        "bytes": sum(p.stat().st_size for p in files),
        "files": len(files),
        "entries": len(files) + folders,
        "largest": largest.stat().st_size,
        "largest_file": largest.relative_to(site).as_posix(),
        "per_language": {
            code: sum(p.stat().st_size for p in files if p.relative_to(site).parts[0] == code)
            for code in codes
        },
    }


def bench_languages(
    project: Path, args: argparse.Namespace, work: Path, step: Callable[..., Run]
) -> dict[str, Any]:
    """Build the project again with the sample's translations (tests/fixtures/talen) in the
    languages ``--talen`` beside Dutch; its time, memory, size and the hosts' limits.

    Every language is built whatever share of its texts is translated (``talen_minimaal: 1``):
    a text not translated is shown in Dutch, so the size hardly depends on it."""
    codes = [c.strip() for c in args.talen.split(",") if c.strip()]
    folder = project / "site_config" / "talen"
    settings = project / "site_config" / "bouwen.yaml"
    dutch = settings.read_text(encoding="utf-8")
    out = work / "site-talen"
    folder.mkdir(exist_ok=True)
    for code in codes:
        shutil.copyfile(OVERLAY / f"{code}.yaml", folder / f"{code}.yaml")
    settings.write_text(
        dutch + f"talen: [{', '.join(codes)}]\ntalen_minimaal: 1\n", encoding="utf-8"
    )
    try:
        run = step(
            "build_languages",
            [PY, "-m", "sop_builder", "build", "--map", str(project), "--uit", str(out)],
            work / "bl",
            lambda: shutil.rmtree(project / CACHE_DIR, ignore_errors=True),
        )
    finally:
        settings.write_text(dutch, encoding="utf-8")
        shutil.rmtree(folder, ignore_errors=True)
    found: dict[str, Any] = {"codes": codes}
    if run.ok:
        found["site"] = tree_stats(out, codes)
        found["limits"] = {
            name: found["site"][key] <= limit for name, (key, limit) in HOST_LIMITS.items()
        }
        print(f"[languages] {found['site']} {found['limits']}", flush=True)
    shutil.rmtree(out, ignore_errors=True)
    return found


def languages_text(results: list[dict[str, Any]]) -> str:
    rows = [r for r in results if r.get("languages", {}).get("site")]
    if not rows:
        return "The site in more languages was not measured in this run."
    codes = ", ".join(rows[0]["languages"]["codes"])
    head = "| | " + " | ".join(
        f"{r['schools']:,}: Dutch only | {r['schools']:,}: Dutch + {codes}" for r in rows
    )
    lines = [head + " |", "|---|" + "---:|" * (2 * len(rows))]

    def cells(label: str, dutch: Callable[[dict[str, Any]], str],
              more: Callable[[dict[str, Any]], str]) -> None:  # fmt: skip
        parts = [f"{dutch(r)} | {more(r)}" for r in rows]
        lines.append(f"| {label} | " + " | ".join(parts) + " |")

    def run_text(r: dict[str, Any], key: str) -> str:
        run = r.get(key)
        return (
            _run_text(Run(**{k: v for k, v in run.items() if k != "others_load"})) if run else "–"
        )

    def mem(r: dict[str, Any], key: str) -> str:
        run = r.get(key)
        return f"{_mib(run['pss_kib'])}" if run else "–"

    cells("`build` wall time (CPU time)", lambda r: run_text(r, "build"),
          lambda r: run_text(r, "build_languages"))  # fmt: skip
    cells("`build` peak memory (process tree PSS)", lambda r: mem(r, "build"),
          lambda r: mem(r, "build_languages"))  # fmt: skip
    cells("site size, files", lambda r: f"{_mb(r['site']['bytes'])}, {r['site']['files']:,} files",
          lambda r: f"{_mb(r['languages']['site']['bytes'])}, "
          f"{r['languages']['site']['files']:,} files")  # fmt: skip
    cells("entries (files and folders)", lambda _r: "–",
          lambda r: f"{r['languages']['site']['entries']:,}")  # fmt: skip
    cells("largest file", lambda _r: "–",
          lambda r: f"{_mb(r['languages']['site']['largest'])} "
          f"(`{r['languages']['site']['largest_file']}`)")  # fmt: skip
    cells("of which each language's folder", lambda _r: "–",
          lambda r: ", ".join(f"{c} {_mb(b)}" for c, b in
                              r["languages"]["site"]["per_language"].items()))  # fmt: skip
    for name in HOST_LIMITS:
        cells(name, lambda _r: "–",
              lambda r, name=name: "yes" if r["languages"]["limits"][name] else "**no**")  # fmt: skip
    return "\n".join(lines)


# --- the report -----------------------------------------------------------------------------


def _run_text(run: Run) -> str:
    if run.code is None:
        return f"timeout after {run.wall:.0f} s"
    text = f"{run.wall:.1f} s (CPU {run.cpu:.1f} s)"
    return text if run.ok else text + f", exit code {run.code}"


def _mib(kib: int) -> str:
    return f"{kib / 1024:,.0f} MiB"


def _kb(n: int) -> str:
    return f"{n / 1000:,.1f} kB"


def _mb(n: int) -> str:
    return f"{n / 1e6:,.1f} MB"


def _cell(result: dict[str, Any], key: str) -> str:
    run = result.get(key.split(":")[0]) if ":" in key else None
    match key:
        case "own:qr" | "own:glossary":
            return _own_text(result, key.partition(":")[2])
        case (
            "check:wall" | "check_warm:wall" | "check_one_change:wall" | "build:wall" | "plain:wall"
        ):
            return _run_text(Run(**{k: v for k, v in run.items() if k != "others_load"}))
        case "check:mem" | "build:mem" | "plain:mem":
            return f"{_mib(run['pss_kib'])} ({_mib(run['rss_kib'])})"
        case "check:load" | "build:load" | "plain:load":
            return f"{run['others_load']:.2f}"
        case "ratio":
            if "ratio_wall" not in result:
                return "–"
            return f"**{result['ratio_wall']:.2f}×** (CPU {result['ratio_cpu']:.2f}×)"
        case "site" | "plain_site":
            site = result.get(key)
            return f"{_mb(site['bytes'])}, {site['files']:,} files" if site else "–"
        case "index":
            site = result.get("site")
            if not site:
                return "–"
            return f"{_mb(site['search_index_bytes'])}, {site['search_index_files']:,} files"
        case "median_html":
            site = result.get("site")
            return _kb(site["median_school_html"]) if site else "–"
    name, _, mode = key.partition("/")
    weights = result.get("weights", {}).get(name)
    if not weights or mode not in ("plain", "gzip"):
        return "–"
    found = weights[mode]
    text = f"{_kb(found['transferred'])} ({found['requests']} requests)"
    return text if mode == "plain" else f"**{_kb(found['transferred'])}**"


ROWS = [
    ("`check` wall time (CPU time), cold", "check:wall"),
    ("`check` again, nothing changed", "check_warm:wall"),
    ("`check` after one school's `sop.md` changed", "check_one_change:wall"),
    ("`check` peak memory: process tree PSS (largest process RSS)", "check:mem"),
    ("`build` wall time (CPU time)", "build:wall"),
    ("`build` peak memory: process tree PSS (largest process RSS)", "build:mem"),
    ("of the build: QR codes (encoded in one process)", "own:qr"),
    ("of the build: glossary links (in one process)", "own:glossary"),
    ("plain MkDocs + Pagefind wall time (CPU time)", "plain:wall"),
    ("plain MkDocs + Pagefind peak memory", "plain:mem"),
    ("**our build / plain build**, wall (CPU)", "ratio"),
    ("site size, files", "site"),
    ("plain site size, files", "plain_site"),
    ("of which the Pagefind index", "index"),
    ("median school page, HTML file", "median_html"),
    ("school page, first visit: server without compression", "school/plain"),
    ("school page, first visit: server with gzip", "school/gzip"),
    ("finder page `/scholen/`, first visit: server without compression", "finder/plain"),
    ("finder page `/scholen/`, first visit: server with gzip", "finder/gzip"),
    *(
        row
        for q in QUERIES
        for row in (
            (f"first search `{q}`: server without compression", f"search:{q}/plain"),
            (f"first search `{q}`: server with gzip", f"search:{q}/gzip"),
        )
    ),
    ("other work on the machine during check / build / plain (cores)", "loads"),
]


def size_table(results: list[dict[str, Any]]) -> str:
    head = "| | " + " | ".join(f"{r['schools']:,} schools" for r in results) + " |"
    lines = [head, "|---|" + "---:|" * len(results)]
    for label, key in ROWS:
        if key == "loads":
            cells = [
                " / ".join(
                    _cell(r, f"{s}:load") if s in r else "–" for s in ("check", "build", "plain")
                )
                for r in results
            ]
        else:
            cells = [_cell(r, key) for r in results]
        lines.append(f"| {label} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def breakdown(results: list[dict[str, Any]]) -> str:
    lines = [
        "| schools | page | requests | HTML | CSS | JS | search code | search index | "
        "search results | images/fonts | total |",
        "|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    kinds = ("html", "css", "js", "search code", "search index", "search results", "images/fonts")
    for r in results:
        for entry in r.get("weights", {}).values():
            if not isinstance(entry, dict) or "gzip" not in entry:
                continue
            found = entry["gzip"]
            cells = [_kb(found["by_kind"].get(k, 0)) for k in kinds]
            lines.append(
                f"| {r['schools']:,} | `{entry['path']}` | {found['requests']} | "
                + " | ".join(cells)
                + f" | {_kb(found['transferred'])} |"
            )
    return "\n".join(lines)


def targets(results: list[dict[str, Any]]) -> str:
    by_n = {r["schools"]: r for r in results}
    big = by_n.get(7000)
    rows = ["| target | measured | met |", "|---|---|---|"]

    def row(target: str, value: float | None, limit: float, text: str) -> None:
        met = "–" if value is None else ("yes" if value <= limit else "**no**")
        rows.append(f"| {target} | {text if value is not None else 'not measured'} | {met} |")

    def get(r: dict[str, Any] | None, *path: str) -> Any:
        for key in path:
            if not isinstance(r, dict) or key not in r:
                return None
            r = r[key]
        return r

    for n in sorted(by_n):
        for kind, key, label in (("edits", "serve_text_s", "a text edit"),
                                 ("fact_edits", "serve_fact_s", "a need's level (finder fact)")):  # fmt: skip
            edits = get(by_n[n], "serve", kind)
            if edits is None:
                continue
            median = statistics.median(e["seconds"] for e in edits) if edits else None
            row(f"`serve`: {label} visible ≤ {TARGETS[key]:.1f} s ({n:,} schools)", median,
                TARGETS[key], f"{median or 0:.2f} s (median of {len(edits)})")  # fmt: skip
    wall = get(big, "build", "wall")
    row("build of 7,000 schools ≤ 150 s", wall, TARGETS["build_s"], f"{wall or 0:.0f} s")
    pss = get(big, "build", "pss_kib")
    mib = pss / 1024 if pss else None
    row("build of 7,000 schools < 1 GiB (process tree PSS)", mib, TARGETS["build_mem_mib"],
        f"{mib or 0:,.0f} MiB")  # fmt: skip
    for n in sorted(by_n):
        ratio = get(by_n[n], "ratio_cpu")
        row(f"our build ≤ {TARGETS['ratio']:.2f}× plain MkDocs + Pagefind, CPU ({n:,} schools)",
            ratio, TARGETS["ratio"], f"{ratio or 0:.2f}×")  # fmt: skip
        ratio = get(by_n[n], "ratio_wall")
        row(f"our build ≤ {TARGETS['ratio_wall']:.2f}× plain, wall ({n:,} schools)", ratio,
            TARGETS["ratio_wall"], f"{ratio or 0:.2f}×")  # fmt: skip
        ours = get(by_n[n], "per_page_ms", "ours")
        row(f"our own work ≤ {TARGETS['own_ms']:.0f} ms CPU per staged page ({n:,} schools)",
            ours, TARGETS["own_ms"], f"{ours or 0:.1f} ms")  # fmt: skip
    wall = get(big, "check", "wall")
    row("`check` of 7,000 schools ≤ 5 s (cold)", wall, TARGETS["check_s"], f"{wall or 0:.1f} s")
    wall = get(big, "check_one_change", "wall")
    row("`check` of 7,000 schools ≤ 1 s after one file changed", wall, TARGETS["check_change_s"],
        f"{wall or 0:.2f} s")  # fmt: skip
    for part, label in (("qr", "QR codes"), ("glossary", "glossary links")):
        own = get(big, "own")
        share = own[part] / own["build_cpu"] if own and own.get("build_cpu") else None
        limit = TARGETS[f"{part}_share"]
        row(f"{label} ≤ {limit:.0%} of the build's CPU (7,000 schools)", share, limit,
            f"{share or 0:.1%}")  # fmt: skip
    started = get(big, "editor_start", "start_s")
    row(f"web editor start to a usable form at 7,000 schools ≤ {TARGETS['editor_start_s']:.0f} s",
        started, TARGETS["editor_start_s"], f"{started or 0:.1f} s")  # fmt: skip
    median = get(big, "editor", "median_s")
    row("a web editor save at 7,000 schools ≤ 1 s", median, TARGETS["editor_s"],
        f"{median or 0:.2f} s (median of {len(get(big, 'editor', 'saves') or [])})")  # fmt: skip
    searches = [get(big, "weights", f"search:{q}", "gzip", "transferred") for q in QUERIES]
    worst = max((s for s in searches if s is not None), default=None)
    kb = worst / 1000 if worst is not None else None
    row(
        f"first search at 7,000 schools ≤ {TARGETS['search_kb']:.0f} kB (gzip)",
        kb,
        TARGETS["search_kb"],
        f"{kb or 0:.0f} kB",
    )
    school = [get(r, "weights", "school", "gzip", "transferred") for r in results]
    worst = max((s for s in school if s is not None), default=None)
    kb = worst / 1000 if worst is not None else None
    row("a school page ≤ 150 kB gzip", kb, TARGETS["school_gzip_kb"], f"at most {kb or 0:.0f} kB")
    finder = get(big, "weights", "finder", "gzip", "transferred")
    kb = finder / 1000 if finder is not None else None
    row("the finder page at 7,000 schools ≤ 150 kB gzip", kb, TARGETS["finder_gzip_kb"],
        f"{kb or 0:.0f} kB")  # fmt: skip
    size = get(big, "languages", "site", "bytes")
    codes = len(get(big, "languages", "codes") or [])
    row(f"7,000 schools with {codes} languages beside Dutch < 1 GB", size,
        TARGETS["languages_bytes"], _mb(size or 0))  # fmt: skip
    return "\n".join(rows)


def serve_text(results: list[dict[str, Any]]) -> str:
    lines = []
    for r in results:
        serve = r.get("serve")
        if serve:
            times = ", ".join(f"{e['seconds']:.2f} s" for e in serve["edits"])
            lines.append(
                f"`sop-builder bekijk` on {r['schools']:,} schools: first build "
                f"{serve['first_build_s']:.1f} s; one school's `sop.md` edited "
                f"{len(serve['edits'])} times, new text served after {times} "
                f"(median **{serve['median_s']:.2f} s**)."
            )
            if serve.get("fact_edits"):
                times = ", ".join(f"{e['seconds']:.2f} s" for e in serve["fact_edits"])
                lines.append(
                    f"The level of its need `{serve['fact_need']}` changed "
                    f"{len(serve['fact_edits'])} times: the finder's data of that need changed "
                    f"after {times} (median **{serve['fact_median_s']:.2f} s**)."
                )
        start = r.get("editor_start")
        if start and "start_s" in start:
            lines.append(
                f"`sop-builder editor` on {r['schools']:,} schools: its page served after "
                f"{start['page_s']:.1f} s, a school's form answered after **{start['start_s']:.1f} "
                f"s**, the first save took {start['first_save_s']:.2f} s"
                + ("" if start.get("first_save_ok") else " (and was not written)")
                + "."
            )
        elif start:
            lines.append(f"`sop-builder editor` did not start: {start.get('error')}.")
        editor = r.get("editor")
        if editor and "saves" in editor:
            times = ", ".join(f"{t:.2f} s" for t in editor["saves"])
            lines.append(
                f"Web editor on {r['schools']:,} schools: the project read once in "
                f"{editor['warm_up_s']:.1f} s when the editor starts; then one school's `sop.md` "
                f"saved {len(editor['saves'])} times: {times} (median **{editor['median_s']:.2f} s**)."
            )
    return "\n\n".join(lines) or "`serve` and the editor were not measured in this run."


def report(
    results: list[dict[str, Any]], info: dict[str, str], args: argparse.Namespace, measured: str
) -> str:
    loads = ", ".join(
        f"{r['schools']:,}: {r['loadavg_start']} → {r['loadavg_end']}" for r in results
    )
    return "\n".join(
        [
            START,
            "",
            f"Measured {measured} with `bench/run.py` "
            f"(seed {args.seed}, best of {args.repeat} for steps under 60 s).",
            "",
            "Machine: " + "; ".join(f"{k} {v}" for k, v in info.items()) + ".",
            "",
            f"Load average (1, 5, 15 min) at the start → end of each size: {loads}.",
            "",
            "### Targets",
            "",
            targets(results),
            "",
            "### All sizes",
            "",
            size_table(results),
            "",
            "### What a first visit loads (gzip, by kind)",
            "",
            breakdown(results),
            "",
            "### serve and the web editor",
            "",
            serve_text(results),
            "",
            "### Our own work per staged page, beside the engine's and Pagefind's",
            "",
            per_page_table(results),
            "",
            "### The site in more languages (issue 24)",
            "",
            languages_text(results),
            "",
            END,
        ]
    )


def write_report(path: Path, text: str, start: str = START, end: str = END) -> None:
    """Put ``text`` (which begins with ``start`` and ends with ``end``) in place of what is
    between those markers in ``path`` (text outside them is kept)."""
    old = path.read_text(encoding="utf-8") if path.exists() else f"# Benchmarks\n\n{start}\n{end}\n"
    if start in old and end in old:
        before, rest = old.split(start, 1)
        after = rest.split(end, 1)[1]
        path.write_text(before + text + after, encoding="utf-8")
    else:
        path.write_text(old.rstrip() + "\n\n" + text + "\n", encoding="utf-8")


def write_text_report(path: Path, text: dict[str, Any] | None, measured: str) -> None:
    body = text_report(text)
    when = f"Measured {measured} with `bench/run.py`.\n\n" if text else ""
    write_report(path, f"{TEXT_START}\n\n{when}{body}\n\n{TEXT_END}", TEXT_START, TEXT_END)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--sizes", default="150,700,2000,7000", help="comma-separated school counts"
    )
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--timeout", type=float, default=1800, help="seconds per measured step")
    parser.add_argument("--repeat", type=int, default=3, help="runs per step; the fastest counts")
    parser.add_argument("--serve-sizes", default="700,2000,7000", help="sizes for serve")
    parser.add_argument("--editor-sizes", default="7000", help="sizes for the editor test")
    parser.add_argument("--talen-sizes", default="700,7000", help="sizes built in more languages")
    parser.add_argument("--talen", default="en,ar,tr", help="the languages beside Dutch")
    parser.add_argument("--no-browser", action="store_true", help="skip the Chromium part")
    parser.add_argument("--uit", type=Path, default=ROOT / "BENCHMARKS.md", help="report file")
    parser.add_argument("--json", type=Path, default=ROOT / "bench" / "results.json")
    parser.add_argument("--houd", action="store_true", help="keep the temporary folders")
    parser.add_argument(
        "--alleen-verslag", action="store_true", help="only rewrite the report from --json"
    )
    parser.add_argument(
        "--alleen-tekst",
        action="store_true",
        help="only the large-text part (check of a 1 MB sop.md, an editor save of a 40 kB one)",
    )
    parser.add_argument(
        "--alleen-talen",
        action="store_true",
        help="only the site in more languages (--talen-sizes): its build beside Dutch only",
    )
    parser.add_argument("--tekst-kb", default="125,250,999", help="sop.md sizes (kB) for check")
    parser.add_argument("--opslaan-kb", default="40,160", help="sop.md sizes (kB) for a save")
    args = parser.parse_args()
    if args.alleen_verslag:
        data = json.loads(args.json.read_text(encoding="utf-8"))
        args.seed, args.repeat = data.get("seed", args.seed), data.get("repeat", args.repeat)
        measured = data.get("measured", "?")
        if "results" in data:
            write_report(args.uit, report(data["results"], data["machine"], args, measured))
        if "text" in data:
            write_text_report(args.uit, data["text"], data.get("text_measured", measured))
        return
    if args.alleen_tekst:
        text_only(args)
        return
    if args.alleen_talen:
        languages_only(args)
        return
    info = machine()
    print("\n".join(f"{k}: {v}" for k, v in info.items()), flush=True)
    results: list[dict[str, Any]] = []
    for n in (int(s) for s in args.sizes.split(",")):
        with scratch(f"sop-bench-{n}-", str(n), args.houd) as work:
            results.append(bench_size(n, args, work))
        measured = f"{datetime.now(UTC):%Y-%m-%d %H:%M} UTC"
        write_report(args.uit, report(results, info, args, measured))
        data = {"machine": info, "measured": measured, "seed": args.seed, "repeat": args.repeat}
        args.json.write_text(
            json.dumps(data | {"results": results}, indent=1) + "\n", encoding="utf-8"
        )
        print(f"\n{size_table(results)}\n", flush=True)
    text_only(args)
    print(f"written to {args.uit} and {args.json}")


@contextlib.contextmanager
def scratch(prefix: str, label: str, keep: bool) -> Iterator[Path]:
    """A temporary folder, removed afterwards unless ``keep``."""
    work = Path(tempfile.mkdtemp(prefix=prefix))
    try:
        yield work
    finally:
        if keep:
            print(f"[{label}] kept {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)


def languages_size(n: int, args: argparse.Namespace, work: Path) -> dict[str, Any]:
    """One size of ``languages_only``: generate, build in Dutch, build with the languages."""
    project, out = work / "project", work / "site"
    generate(SAMPLE, project, n, args.seed)
    result: dict[str, Any] = {"schools": n, "loadavg_start": loadavg()}

    def step(name: str, cmd: list[str], output: Path, before: Any = None) -> Run:
        run = measure_best(cmd, output, args.timeout, 1, before)
        result[name] = asdict(run) | {"others_load": run.others_load}
        print(f"[{n}] {name}: {_run_text(run)}", flush=True)
        return run

    def cold() -> None:
        shutil.rmtree(project / CACHE_DIR, ignore_errors=True)

    build = [PY, "-m", "sop_builder", "build", "--map", str(project), "--uit", str(out)]
    if step("build", build, work / "b", cold).ok:
        slugs = sorted(p.name for p in (project / "content" / "schools").iterdir())
        result["site"] = site_stats(out, slugs)
    result["languages"] = bench_languages(project, args, work, step)
    result["loadavg_end"] = loadavg()
    return result


LANGUAGES_START, LANGUAGES_END = "<!-- bench:talen:start -->", "<!-- bench:talen:end -->"


def languages_only(args: argparse.Namespace) -> None:
    """Only the site in more languages, at ``--talen-sizes``: the Dutch build and the build
    with ``--talen`` beside it, once each; its own section of the report and key of the JSON."""
    results: list[dict[str, Any]] = []
    for n in sorted(_sizes(args.talen_sizes)):
        with scratch(f"sop-bench-talen-{n}-", str(n), args.houd) as work:
            results.append(languages_size(n, args, work))
    measured = f"{datetime.now(UTC):%Y-%m-%d %H:%M} UTC"
    body = (
        f"Measured {measured} with `bench/run.py --alleen-talen` (one run per build; "
        f"load average at the start → end: "
        + ", ".join(f"{r['schools']:,}: {r['loadavg_start']} → {r['loadavg_end']}" for r in results)
        + ").\n\n"
        + languages_text(results)
    )
    write_report(args.uit, f"{LANGUAGES_START}\n\n{body}\n\n{LANGUAGES_END}",
                 LANGUAGES_START, LANGUAGES_END)  # fmt: skip
    data = json.loads(args.json.read_text(encoding="utf-8")) if args.json.exists() else {}
    data |= {"languages_only": results, "languages_measured": measured}
    args.json.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
    print(f"\n{body}\n\nwritten to {args.uit} and {args.json}", flush=True)


def text_only(args: argparse.Namespace) -> None:
    """Measure the large-text part; write its section of the report and its key of the JSON
    (the rest of both is kept)."""
    with scratch("sop-bench-text-", "tekst", args.houd) as work:
        text = bench_text(args, work)
    measured = f"{datetime.now(UTC):%Y-%m-%d %H:%M} UTC"
    write_text_report(args.uit, text, measured)
    data = json.loads(args.json.read_text(encoding="utf-8")) if args.json.exists() else {}
    data |= {"text": text, "text_measured": measured}
    args.json.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
    print(f"\n{text_report(text)}\n\nwritten to {args.uit} and {args.json}", flush=True)


if __name__ == "__main__":
    main()
