"""Pages converted and laid out by two processes give the very same site as one process."""

from __future__ import annotations

import filecmp
from pathlib import Path

import pytest

from bench.corpus import generate
from bench.history import make_history
from tests.conftest import run_capi


def set_workers(root: Path, original: str, workers: int) -> None:
    """``workers: N`` in the capi plugin's options of ``mkdocs.yml`` (no conversion cache:
    each build converts every page)."""
    assert "  - capi:\n" in original
    option = f"  - capi:\n      workers: {workers}\n      cache: false\n"
    (root / "mkdocs.yml").write_text(original.replace("  - capi:\n", option, 1), encoding="utf-8")


def differences(left: Path, right: Path) -> list[str]:
    """Paths that differ or exist on one side only (``diff -r``)."""
    found: list[str] = []

    def walk(cmp: filecmp.dircmp, prefix: str) -> None:
        found.extend(f"{prefix}{name}" for name in cmp.left_only + cmp.right_only)
        found.extend(f"{prefix}{name}" for name in cmp.funny_files)
        _, mismatch, errors = filecmp.cmpfiles(cmp.left, cmp.right, cmp.common_files, shallow=False)
        found.extend(f"{prefix}{name}" for name in mismatch + errors)
        for name, sub in cmp.subdirs.items():
            walk(sub, f"{prefix}{name}/")

    walk(filecmp.dircmp(left, right), "")
    return found


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("parallel") / "depot"
    generate(root, 120)
    make_history(root)
    return root


def test_parallel_build_is_byte_identical_to_sequential(corpus, tmp_path):
    original = (corpus / "mkdocs.yml").read_text(encoding="utf-8")
    sites = {}
    for workers in (1, 2):  # 2 even on one core: the forked processes still do the work
        set_workers(corpus, original, workers)
        sites[workers] = tmp_path / f"site-{workers}"
        result = run_capi("build", "--dossier", str(sites[workers]), cwd=corpus)
        assert result.returncode == 0, result.stderr
    (corpus / "mkdocs.yml").write_text(original, encoding="utf-8")
    assert len(list(sites[2].rglob("index.html"))) > 150  # the whole corpus was built
    assert differences(sites[1], sites[2]) == []
