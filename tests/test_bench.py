"""`make bench` (bench/run.py) at a tiny size without a browser, so that it cannot rot unseen."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

from .conftest import REPO

RUN = [sys.executable, str(REPO / "bench" / "run.py")]
TIME = re.compile(r"^\d+\.\d s \(CPU \d+\.\d s\)$")  # a measured step that exited 0


def bench(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*RUN, *args], cwd=REPO, capture_output=True, text=True, timeout=300, check=False
    )


def test_bench_at_five_schools_writes_a_report_with_measured_figures(tmp_path: Path):
    report, data = tmp_path / "BENCHMARKS.md", tmp_path / "results.json"
    run = bench(
        "--sizes", "5", "--no-browser", "--repeat", "1", "--uit", str(report), "--json", str(data)
    )
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-3000:]

    results = json.loads(data.read_text(encoding="utf-8"))["results"]
    assert [r["schools"] for r in results] == [5]
    result = results[0]
    for step in ("check", "check_warm", "check_one_change", "build", "plain"):
        assert result[step]["code"] == 0, step
        assert result[step]["wall"] > 0 and result[step]["cpu"] > 0, step
        assert result[step]["pss_kib"] > 0 and result[step]["rss_kib"] > 0, step
    assert result["check_problems"] == "0 errors, 0 warnings"  # the synthetic project is clean
    assert result["ratio_wall"] > 0 and result["ratio_cpu"] > 0
    own = result["own"]  # QR codes and glossary links, timed in the bench's own process
    assert own["qr"] > 0 and own["glossary"] > 0 and own["staging"] > own["qr"]
    assert own["build_cpu"] == result["build"]["cpu"]
    site = result["site"]
    assert site["files"] > 20 and site["bytes"] > 100_000 and site["median_school_html"] > 1000
    assert site["search_index_files"] > 0
    assert "weights" not in result and "serve" not in result  # --no-browser; serve is at 700

    text = report.read_text(encoding="utf-8")
    assert text.count("<!-- bench:start -->") == 1 and text.count("<!-- bench:end -->") == 1
    rows = {
        line.split(" | ")[0].lstrip("| "): line.rsplit(" | ", 1)[-1].rstrip(" |")
        for line in text.splitlines()
        if line.startswith("| ") and line.count(" | ") == 1
    }
    for label in (
        "`check` wall time (CPU time), cold",
        "`check` again, nothing changed",
        "`check` after one school's `sop.md` changed",
        "`build` wall time (CPU time)",
    ):
        assert TIME.match(rows[label]), (label, rows[label])
    share = own["qr"] / own["build_cpu"]
    assert rows["of the build: QR codes (encoded in one process)"] == (
        f"{own['qr']:.2f} s CPU, {share:.1%} of the build's"
    )
    assert rows["site size, files"] == f"{site['bytes'] / 1e6:,.1f} MB, {site['files']:,} files"
    assert rows["school page, first visit: server with gzip"] == "–"  # not measured

    # The report can be written again from the JSON alone, to the same text.
    again = tmp_path / "again.md"
    rewritten = bench("--alleen-verslag", "--json", str(data), "--uit", str(again))
    assert rewritten.returncode == 0, rewritten.stderr
    assert again.read_text(encoding="utf-8") == text
