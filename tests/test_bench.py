"""`make bench` (bench/run.py) at a tiny size without a browser, so that it cannot rot unseen."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import REPO

RUN = [sys.executable, str(REPO / "bench" / "run.py")]
TIME = re.compile(r"^\d+\.\d s \(CPU \d+\.\d s\)$")  # a measured step that exited 0


def bench(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*RUN, *args], cwd=REPO, capture_output=True, text=True, timeout=300, check=False
    )


@pytest.mark.slow
def test_bench_at_five_schools_writes_a_report_with_measured_figures(tmp_path: Path):
    report, data = tmp_path / "BENCHMARKS.md", tmp_path / "results.json"
    # the large-text part that follows (asserted by the next test) at its smallest sizes
    run = bench(
        "--sizes", "5", "--no-browser", "--repeat", "1", "--tekst-kb", "20", "--opslaan-kb", "10",
        "--uit", str(report), "--json", str(data),
    )  # fmt: skip
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-3000:]

    results = json.loads(data.read_text(encoding="utf-8"))["results"]
    assert [r["schools"] for r in results] == [5]
    result = results[0]
    for step in ("check", "check_warm", "check_one_change", "build", "plain"):
        assert result[step]["code"] == 0, step
        assert result[step]["wall"] > 0, step
        assert result[step]["cpu"] > 0, step
        assert result[step]["pss_kib"] > 0, step
        assert result[step]["rss_kib"] > 0, step
    assert result["check_problems"] == "0 errors, 0 warnings"  # the synthetic project is clean
    assert result["ratio_wall"] > 0
    assert result["ratio_cpu"] > 0
    own = result["own"]  # QR codes and glossary links, timed in the bench's own process
    assert own["qr"] > 0
    assert own["glossary"] > 0
    assert own["staging"] > own["qr"]
    assert own["build_cpu"] == result["build"]["cpu"]
    site = result["site"]
    assert site["files"] > 20
    assert site["bytes"] > 100_000
    assert site["median_school_html"] > 1000
    assert site["search_index_files"] > 0
    assert "weights" not in result
    assert "serve" not in result  # --no-browser; serve is at 700

    text = report.read_text(encoding="utf-8")
    assert text.count("<!-- bench:start -->") == 1
    assert text.count("<!-- bench:end -->") == 1
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


@pytest.mark.slow
def test_bench_of_large_texts_writes_its_own_section_and_keeps_the_rest(tmp_path: Path):
    """`--alleen-tekst` (issue 21): check of a large sop.md and a web editor save of one, at
    small sizes here; its section of the report is rewritten, the sizes' section is kept."""
    report, data = tmp_path / "BENCHMARKS.md", tmp_path / "results.json"
    kept = "# Benchmarks\n\n<!-- bench:start -->\nSIZES\n<!-- bench:end -->\n"
    report.write_text(kept + "\n<!-- bench:tekst:start -->\n<!-- bench:tekst:end -->\n")
    run = bench(
        "--alleen-tekst", "--tekst-kb", "20,60", "--opslaan-kb", "10,30", "--repeat", "1",
        "--uit", str(report), "--json", str(data),
    )  # fmt: skip
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-3000:]

    text = json.loads(data.read_text(encoding="utf-8"))["text"]
    checks, saves = text["check"], text["save"]
    assert [c["code"] for c in checks] == [0, 0, 0]  # the school's own text, 20 kB, 60 kB
    assert checks[0]["bytes"] < 15_000 < checks[1]["bytes"] <= 20_000 < checks[2]["bytes"] <= 60_000
    assert all(c["wall"] > 0 and c["cpu"] > 0 for c in checks)
    assert [len(s["saves"]) for s in saves] == [3, 3, 3]
    assert all(s["median_s"] > 0 and s["median_cpu_s"] > 0 for s in saves)
    assert saves[2]["bytes"] > 25_000

    written = report.read_text(encoding="utf-8")
    assert written.startswith(kept)  # the section of the sizes is left as it was
    section = written.split("<!-- bench:tekst:start -->", 1)[1].split("<!-- bench:tekst:end -->")[0]
    rows = [line for line in section.splitlines() if line.startswith("| `check`")]
    assert len(rows) == 3
    assert all(TIME.match(row.split(" | ")[2]) for row in rows)
    assert re.search(r"\| \*\*-?\d+\.\d ms\*\* \|$", rows[2])  # time per kB above its own text
    assert sum(line.startswith("| web editor save") for line in section.splitlines()) == 3

    again = tmp_path / "again.md"
    again.write_text(kept + "\n<!-- bench:tekst:start -->\n<!-- bench:tekst:end -->\n")
    rewritten = bench("--alleen-verslag", "--json", str(data), "--uit", str(again))
    assert rewritten.returncode == 0, rewritten.stderr
    assert again.read_text(encoding="utf-8") == written
