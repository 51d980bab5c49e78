"""A local cache of checked files, so ``capi check`` stays fast enough to run on every save.

Checking one file depends only on its bytes, the vocabularies and the engine's
code: a file whose size and modification time are unchanged, under the same
vocabularies and engine, gives the same entry, references and problems. Cross-file
checks (identities, references) always run on the whole corpus.

The cache lives in ``.capi-cache/`` (ignored by git); deleting it is always safe.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from pathlib import Path
from typing import Any

CACHE_DIR = ".capi-cache"
CACHE_FILE = "fiches.pickle"
_ENGINE = Path(__file__).resolve().parent


def engine_fingerprint(vocabulary_bytes: bytes) -> str:
    """Changes whenever the engine's code or the vocabularies change."""
    digest = hashlib.sha256(vocabulary_bytes)
    for path in sorted(_ENGINE.rglob("*.py")):
        stat = path.stat()
        digest.update(f"{path.name}:{stat.st_mtime_ns}:{stat.st_size}".encode())
    return digest.hexdigest()


class FileCache:
    """path → (size, mtime) → cached value, valid for one engine fingerprint."""

    def __init__(self, root: Path, fingerprint: str, enabled: bool = True) -> None:
        self.path = root / CACHE_DIR / CACHE_FILE
        self.fingerprint = fingerprint
        self.enabled = enabled and os.environ.get("CAPI_SANS_CACHE") is None
        self.old: dict[str, tuple[tuple[int, int], Any]] = {}
        self.new: dict[str, tuple[tuple[int, int], Any]] = {}
        if self.enabled:
            self._read()

    def _read(self) -> None:
        try:
            with open(self.path, "rb") as handle:
                fingerprint, entries = pickle.load(handle)
        except (OSError, EOFError, pickle.PickleError, ValueError, TypeError, AttributeError,
                ImportError):
            return  # no cache, or one from another version: start afresh
        if fingerprint == self.fingerprint:
            self.old = entries

    def get(self, rel: str, stamp: tuple[int, int]) -> Any:
        hit = self.old.get(rel)
        if hit is not None and hit[0] == stamp:
            self.new[rel] = hit
            return hit[1]
        return None

    def put(self, rel: str, stamp: tuple[int, int], value: Any) -> None:
        self.new[rel] = (stamp, value)

    def save(self) -> None:
        if not self.enabled or self.new == self.old:
            return
        try:
            self.path.parent.mkdir(exist_ok=True)
            tmp = self.path.with_suffix(".tmp")
            with open(tmp, "wb") as handle:
                pickle.dump((self.fingerprint, self.new), handle, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, self.path)
        except OSError:
            pass  # a read-only checkout: checking still works, only slower


def stamp_of(path: Path) -> tuple[int, int] | None:
    try:
        stat = path.stat()
    except OSError:
        return None
    return (stat.st_size, stat.st_mtime_ns)
