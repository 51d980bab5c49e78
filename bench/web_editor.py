"""Size of the web editor's configuration (admin/config.yml) as territories are added.

Decap CMS downloads and parses the whole configuration when the editor opens, on the
contributor's connection: its size is what a contributor pays, per territory added.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from macros.content.corpus import load_corpus
from macros.outputs.web_editor import cms_config, config_text

from .corpus import REPO

SIZES = (3, 50)
COPIED = ("docs", "sessions", "territories", "mkdocs.yml", "vocabulaires.yml")


def _repository(work: Path, territories: int) -> Path:
    """The repository's sources with ``territories`` territories (copies of a real one)."""
    root = work / f"depot-{territories}"
    for name in COPIED:
        source = REPO / name
        if source.is_dir():
            shutil.copytree(source, root / name, ignore=shutil.ignore_patterns("admin"))
        else:
            shutil.copy2(source, root / name)
    existing = sorted((root / "territories").glob("*/index.md"))
    for n in range(territories - len(existing)):
        copy = root / "territories" / f"territoire-ajoute-{n}"
        shutil.copytree(existing[0].parent, copy)
        index = copy / "index.md"
        index.write_text(
            index.read_text("utf-8").replace("title:", f"title: Ajout {n} —", 1), "utf-8"
        )
    return root


def measure() -> list[tuple[int, int]]:
    """(territories, bytes of admin/config.yml) for each size of SIZES."""
    rows = []
    with tempfile.TemporaryDirectory(prefix="capi-bench-cms-") as tmp:
        for territories in SIZES:
            corpus = load_corpus(_repository(Path(tmp), territories))
            rows.append((territories, len(config_text(cms_config(corpus, "o/r")).encode())))
    return rows
