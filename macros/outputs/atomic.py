"""Outputs are written to a temporary folder and swapped in only on success, so a failed
build or publication never leaves a half-written ``site/`` or ``dist/``."""

from __future__ import annotations

import os
import shutil
import tempfile
from contextlib import contextmanager
from pathlib import Path


@contextmanager
def replacing(target: Path):
    """Yield a fresh temporary folder next to ``target``; it replaces ``target`` on success.

    On any exception the temporary folder is removed and ``target`` stays as it was.
    """
    target = target.resolve()
    target.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=f".{target.name}-", dir=target.parent))
    try:
        yield work
    except BaseException:
        shutil.rmtree(work, ignore_errors=True)
        raise
    old = target.with_name(f".{target.name}-ancien")
    shutil.rmtree(old, ignore_errors=True)
    if target.exists():
        os.replace(target, old)
    os.replace(work, target)
    shutil.rmtree(old, ignore_errors=True)


def replace_bytes(path: Path, data: bytes) -> None:
    """Write ``path`` through a temporary file beside it: a reader sees the old or the new
    content, never half of it (the preview's server may be sending it)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}-")
    try:
        with os.fdopen(fd, "wb") as stream:
            stream.write(data)
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
