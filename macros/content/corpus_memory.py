"""Checked files kept in memory between two loads of the same corpus (the preview).

``mkdocs serve`` loads the whole corpus again after every save. Checking one file depends
only on its bytes, the vocabularies and the engine (see cache.py), so a file whose size and
modification time are unchanged gives the same entry, references and problems: only the
saved files are read again. Unlike the check cache on disk (``.capi-cache/``), the entries
kept here have their body and line map, which the build needs. Cross-file checks
(identities, references) still run on the whole corpus at every load.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .cache import FileCache


class CorpusMemory:
    """Per-file results of the last load, valid for one engine and vocabulary fingerprint."""

    def __init__(self) -> None:
        self.fingerprint = ""
        self.files: dict[str, tuple[tuple[int, int], Any]] = {}

    def cache(self, fingerprint: str) -> FileCache:
        """A cache for one load: it starts from the last load's files and replaces them
        when the load saves it (files gone from the corpus are forgotten)."""
        return _MemoryCache(self, fingerprint)


class _MemoryCache(FileCache):
    def __init__(self, memory: CorpusMemory, fingerprint: str) -> None:
        super().__init__(Path("."), fingerprint, enabled=False)  # never reads or writes disk
        self.memory = memory
        if memory.fingerprint == fingerprint:  # another vocabulary or engine: read all again
            self.old = memory.files

    def save(self) -> None:
        self.memory.fingerprint, self.memory.files = self.fingerprint, self.new
