"""Example content out of a folder of sources, for a clean start: ``capi nouveau-cycle``
does it in the repository, ``capi publish --sans-exemples`` in a copy of it.

Example files say ``exemple: true``; real files may hold example passages (blocks and
front-matter lines, see content/examples.py).
"""

from __future__ import annotations

import shutil
from pathlib import Path

from ..content.examples import without_example_passages

CONTENT_FOLDERS = ("docs", "sessions", "territories")


def remove_examples(folder: Path, examples: set[str]) -> tuple[list[str], list[str]]:
    """Delete the ``examples`` files (paths relative to ``folder``), the territories left
    without their presentation, and the example passages of the other files.
    Returns (files deleted, files whose example passages were removed)."""
    deleted = sorted(examples)
    for path in deleted:
        (folder / path).unlink()
    for territory in sorted((folder / "territories").glob("*")):  # made only of examples
        lone = territory.is_dir() and not (territory / "index.md").exists()
        if lone and not territory.is_symlink():
            shutil.rmtree(territory)
    edited = []
    for name in CONTENT_FOLDERS:
        for path in sorted((folder / name).rglob("*.md")):
            if path.is_symlink():
                continue  # refused by the check, as everywhere (E034)
            try:
                text = path.read_text("utf-8")
            except UnicodeDecodeError:
                continue  # the check reports it on its line
            kept = without_example_passages(text)
            if kept != text:
                path.write_text(kept, "utf-8")
                edited.append(path.relative_to(folder).as_posix())
    return deleted, edited
