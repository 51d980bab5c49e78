"""A large cold check reads files in several processes: same entries, same problems."""

from __future__ import annotations

import shutil

from macros.content import corpus as corpus_module
from tests.conftest import ROOT


def test_parallel_and_sequential_reading_agree(tmp_path, monkeypatch):
    for name in ("sessions", "territories", "docs", "vocabulaires.yml", "mkdocs.yml"):
        source = ROOT / name
        (shutil.copytree if source.is_dir() else shutil.copy)(source, tmp_path / name)
    seance = sorted((tmp_path / "sessions").glob("01-*"))[0]
    (seance / "faute.md").write_text("---\ntitle: x\nformat: inconnu\n---\n", "utf-8")
    monkeypatch.setenv("CAPI_SANS_CACHE", "1")
    sequential = corpus_module.load_corpus(tmp_path)
    monkeypatch.setattr(corpus_module, "PARALLEL_FROM", 1)
    parallel = corpus_module.load_corpus(tmp_path, use_cache=True)
    assert [str(p) for p in parallel.problems] == [str(p) for p in sequential.problems]
    assert any(p.code == "E014" for p in parallel.problems)
    assert [e.key for e in parallel.entries] == [e.key for e in sequential.entries]
    assert all(e.body == "" for e in parallel.entries)  # a check keeps metadata only
