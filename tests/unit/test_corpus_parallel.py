"""A large cold check reads files in several processes: same entries, same problems."""

from __future__ import annotations

import functools
import json
import os
import shutil
import uuid
from pathlib import Path

from macros.content import corpus as corpus_module
from tests.conftest import ROOT

# the engine's own reader, kept before the test wraps it
READ_CHUNK = corpus_module._load_chunk
WORKERS = 3


def _recording_chunk(journal: Path, root, files, *rest):
    """The engine's reader, unchanged, leaving a note of which process read which files
    (a file per call: the workers cannot append to the parent's lists)."""
    loaded = READ_CHUNK(root, files, *rest)
    note = {"pid": os.getpid(), "paths": [located.path for located in files]}
    (journal / f"{uuid.uuid4().hex}.json").write_text(json.dumps(note), "utf-8")
    return loaded


def _calls(journal: Path) -> list[dict]:
    """The notes left since the last call (read, then removed)."""
    notes = []
    for note in sorted(journal.iterdir()):
        notes.append(json.loads(note.read_text("utf-8")))
        note.unlink()
    return notes


def test_parallel_and_sequential_reading_agree(tmp_path, monkeypatch):
    content = tmp_path / "content"
    content.mkdir()
    for name in ("sessions", "territories", "docs", "vocabulaires.yml", "mkdocs.yml"):
        source = ROOT / name
        (shutil.copytree if source.is_dir() else shutil.copy)(source, content / name)
    seance = sorted((content / "sessions").glob("01-*"))[0]
    (seance / "faute.md").write_text("---\ntitle: x\nformat: inconnu\n---\n", "utf-8")
    journal = tmp_path / "journal"
    journal.mkdir()
    monkeypatch.setenv("CAPI_SANS_CACHE", "1")
    # the pool's size follows the machine's cores: fix it so the test is the same everywhere
    monkeypatch.setattr(os, "cpu_count", lambda: WORKERS)
    monkeypatch.setattr(corpus_module, "_load_chunk", functools.partial(_recording_chunk, journal))
    parent = os.getpid()

    sequential = corpus_module.load_corpus(content)
    read_alone = _calls(journal)
    # the reference run reads every file in this process, in one go
    assert [call["pid"] for call in read_alone] == [parent]
    every_file = sorted(read_alone[0]["paths"])
    assert f"sessions/{seance.name}/faute.md" in every_file

    monkeypatch.setattr(corpus_module, "PARALLEL_FROM", 1)
    parallel = corpus_module.load_corpus(content, use_cache=True)
    read_in_pool = _calls(journal)
    # the pool ran: one share of the files per worker, each read in another process
    assert len(read_in_pool) == WORKERS
    assert parent not in {call["pid"] for call in read_in_pool}
    assert sorted(p for call in read_in_pool for p in call["paths"]) == every_file
    assert all(call["paths"] for call in read_in_pool)

    assert [str(p) for p in parallel.problems] == [str(p) for p in sequential.problems]
    assert any(p.code == "E014" for p in parallel.problems)
    assert [e.key for e in parallel.entries] == [e.key for e in sequential.entries]
    assert all(e.body == "" for e in parallel.entries)  # a check keeps metadata only
