"""A local cache of checked files, so ``capi check`` stays fast enough to run on every save.

Checking one file depends only on its bytes, the vocabularies and the engine's
code: a file whose size and modification time are unchanged, under the same
vocabularies and engine, gives the same entry, references and problems. Cross-file
checks (identities, references) always run on the whole corpus.

The cache lives in ``.capi-cache/`` (ignored by git); deleting it is always safe. It is
plain JSON, read only as data (a pickle would run code: a cache file added to a pull
request with ``git add -f`` must never do that), and discarded whole when it does not
have the expected shape.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

CACHE_DIR = ".capi-cache"
CACHE_FILE = "fiches.json"
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

    def __init__(
        self,
        root: Path,
        fingerprint: str,
        enabled: bool = True,
        encode: Callable[[Any], Any] = lambda v: v,
        decode: Callable[[Any], Any] = lambda v: v,
    ) -> None:
        self.path = root / CACHE_DIR / CACHE_FILE
        self.fingerprint = fingerprint
        self.encode, self.decode = encode, decode
        self.enabled = enabled and os.environ.get("CAPI_SANS_CACHE") is None
        self.old: dict[str, tuple[tuple[int, int], Any]] = {}
        self.new: dict[str, tuple[tuple[int, int], Any]] = {}
        if self.enabled:
            self._read()

    def _read(self) -> None:
        try:
            with open(self.path, "rb") as handle:
                data = json.load(handle)
            if data["fingerprint"] != self.fingerprint:
                return  # another engine or vocabulary: start afresh
            self.old = {
                rel: ((size, mtime), self.decode(value))
                for rel, ((size, mtime), value) in data["files"].items()
            }
        except (OSError, ValueError, TypeError, KeyError, IndexError, AttributeError):
            self.old = {}  # no cache, or not one of ours: start afresh

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
        data = {
            "fingerprint": self.fingerprint,
            "files": {rel: (stamp, self.encode(value)) for rel, (stamp, value) in self.new.items()},
        }
        try:
            self.path.parent.mkdir(exist_ok=True)
            tmp = self.path.with_suffix(".tmp")
            tmp.write_text(
                json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8"
            )
            os.replace(tmp, self.path)
        except OSError:
            pass  # a read-only checkout: checking still works, only slower


def stamp_of(path: Path) -> tuple[int, int] | None:
    try:
        stat = path.stat()
    except OSError:
        return None
    return (stat.st_size, stat.st_mtime_ns)
