"""The comparison at 50 territories (the benchmark corpus of 1,000 entries): every territory
has its column and the page stays within its size budget."""

from __future__ import annotations

import csv
import io

from bench.corpus import generate
from macros.content.corpus import load_corpus
from macros.graph import Graph
from macros.outputs.open_data import comparison_csv
from macros.render.compare import compare_page, territories

PAGE_BUDGET = 100_000  # bytes of Markdown for 50 territories


def test_fifty_territories_fit_the_page_and_the_csv(tmp_path):
    stats = generate(tmp_path / "depot", 1000)
    assert stats.territories == 50
    graph = Graph(load_corpus(tmp_path / "depot"))
    entries = territories(graph)
    assert len(entries) == 50
    page = compare_page(graph)
    assert len(page.encode("utf-8")) < PAGE_BUDGET
    header = next(line for line in page.splitlines() if line.startswith("| Indicateur"))
    assert header.count("|") == 50 + 2
    rows = list(csv.DictReader(io.StringIO(comparison_csv(graph))))
    assert len(rows) == 50 * len(graph.vocabularies["indicateurs"])
    assert {r["territoire"] for r in rows} == {e.slug for e in entries}
