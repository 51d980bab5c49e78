"""Smoke test of the benchmark harness (bench/): it runs and writes its table; no timings."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from bench.corpus import generate
from bench.report import TABLE_HEADER

REPO_ROOT = Path(__file__).resolve().parents[2]
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


def test_generated_corpus_passes_capi_check(tmp_path):
    stats = generate(tmp_path / "depot", 50)
    assert stats.entries == 50
    result = subprocess.run(
        [sys.executable, "-m", "macros", "check"],
        cwd=tmp_path / "depot",
        capture_output=True,
        text=True,
        env=ENV,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_bench_writes_its_report_with_a_row_for_50(tmp_path):
    report = tmp_path / "perf.md"
    result = subprocess.run(
        [sys.executable, "-m", "bench", "--tailles", "50", "--sortie", str(report)],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        env=ENV,
        timeout=900,
    )
    assert report.is_file(), result.stdout + result.stderr
    text = report.read_text(encoding="utf-8")
    assert text.startswith("# Performances")
    assert TABLE_HEADER in text
    assert "\n| 50 | " in text
    assert "## Historique git" in text and "Lecture de l'historique" in text
