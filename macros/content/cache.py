"""A local cache of checked files, so ``capi check`` stays fast enough to run on every save.

Checking one file depends only on its bytes, the vocabularies and the engine's
code: a file whose size and modification time are unchanged, under the same
vocabularies and engine, gives the same entry, references and problems. Cross-file
checks (identities, references) always run on the whole corpus.

The cache lives in ``.capi-cache/`` (ignored by git); deleting it is always safe. It is
plain JSON, read only as data (a pickle would run code: a cache file added to a pull
request with ``git add -f`` must never do that), and discarded whole when it does not
have the expected shape. One line per file (JSON Lines): an unchanged file's line is
written back as it was read, and a changed one arrives already encoded from the process
that checked it, so saving costs no encoding in the main process.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

CACHE_DIR = ".capi-cache"
CACHE_FILE = "fiches.jsonl"
OLD_CACHE_FILE = "fiches.json"  # the earlier single-document format, removed on save
_ENGINE = Path(__file__).resolve().parent


def engine_fingerprint(vocabulary_bytes: bytes) -> str:
    """Changes whenever the engine's code or the vocabularies change."""
    digest = hashlib.sha256(vocabulary_bytes)
    for path in sorted(_ENGINE.rglob("*.py")):
        stat = path.stat()
        digest.update(f"{path.name}:{stat.st_mtime_ns}:{stat.st_size}".encode())
    return digest.hexdigest()


def to_json(data: Any) -> str:
    """Compact JSON on one line: JSON escapes every « \\n » inside strings."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


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
        self.lines: dict[str, str] = {}  # path → its line in the file, once known
        if self.enabled:
            self._read()

    def _read(self) -> None:
        try:
            with open(self.path, encoding="utf-8") as handle:
                header, *lines = handle.read().split("\n")
            if json.loads(header) != {"fingerprint": self.fingerprint}:
                return  # another engine or vocabulary: start afresh
            records = json.loads("[" + ",".join(lines) + "]")  # one parse, not one per line
            old = {}
            for line, (rel, size, mtime, value) in zip(lines, records, strict=True):
                old[rel] = ((size, mtime), self.decode(value))
                self.lines[rel] = line
            self.old = old
        except (OSError, ValueError, TypeError, KeyError, IndexError, AttributeError):
            self.old, self.lines = {}, {}  # no cache, or not one of ours: start afresh

    def get(self, rel: str, stamp: tuple[int, int]) -> Any:
        hit = self.old.get(rel)
        if hit is not None and hit[0] == stamp:
            self.new[rel] = hit
            return hit[1]
        return None

    def put(self, rel: str, stamp: tuple[int, int], value: Any, encoded: str | None = None) -> None:
        """``encoded``: ``to_json(encode(value))``, when the caller already has it."""
        self.new[rel] = (stamp, value)
        if self.enabled:
            if encoded is None:
                encoded = to_json(self.encode(value))
            self.lines[rel] = f"[{to_json(rel)},{stamp[0]},{stamp[1]},{encoded}]"

    def save(self) -> None:
        if not self.enabled or self.new == self.old:
            return
        text = "\n".join(
            [to_json({"fingerprint": self.fingerprint}), *(self.lines[rel] for rel in self.new)]
        )
        try:
            self.path.parent.mkdir(exist_ok=True)
            tmp = self.path.with_suffix(".tmp")
            tmp.write_text(text, encoding="utf-8")
            os.replace(tmp, self.path)
            (self.path.parent / OLD_CACHE_FILE).unlink(missing_ok=True)
        except OSError:
            pass  # a read-only checkout: checking still works, only slower


def stamp_of(path: Path) -> tuple[int, int] | None:
    try:
        stat = path.stat()
    except OSError:
        return None
    return (stat.st_size, stat.st_mtime_ns)
