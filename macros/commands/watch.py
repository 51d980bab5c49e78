"""``capi check --surveiller``: check again whenever a content file changes.

Polling (one ``stat`` per file each second) instead of a file-system watcher library: it
works the same on every system and in every editor's terminal, and costs a few
milliseconds per second even at thousands of files.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from ..content.locate import CONTENT_DIRS, PRACTICE_DIR
from ..content.vocabulary import VOCABULARY_FILE

Snapshot = dict[str, tuple[int, int]]


def snapshot(root: Path) -> Snapshot:
    """(modification time, size) of every file a check reads."""
    out: Snapshot = {}
    for top in (*CONTENT_DIRS, PRACTICE_DIR):
        for path in (root / top).rglob("*"):
            try:
                stat = path.lstat()
            except OSError:  # removed while listing
                continue
            out[path.relative_to(root).as_posix()] = (stat.st_mtime_ns, stat.st_size)
    vocabularies = root / VOCABULARY_FILE
    if vocabularies.exists():
        stat = vocabularies.stat()
        out[VOCABULARY_FILE] = (stat.st_mtime_ns, stat.st_size)
    return out


def watch(root: Path, check: Callable[[], object], interval: float = 1.0) -> None:
    """Run ``check`` now, then each time a file is added, changed or removed (until Ctrl+C).

    The state is noted before each check: a file saved while a check runs (or just after
    it said it was waiting) is seen at the next look, never missed."""
    last = snapshot(root)
    check()
    while True:
        time.sleep(interval)
        now = snapshot(root)
        if now != last:
            last = now
            check()
