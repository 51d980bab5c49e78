"""Shared builders for the unit tests: small temporary repositories and problem summaries."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from helpers import VOCABULARY_FILE

from macros.content.corpus import Corpus, load_corpus


@pytest.fixture
def make_repo(tmp_path: Path) -> Callable[[dict[str, str | bytes]], Path]:
    """Write a repository (vocabularies, empty mkdocs.yml, the given files) under tmp_path."""

    def make(files: dict[str, str | bytes]) -> Path:
        shutil.copy(VOCABULARY_FILE, tmp_path / "vocabulaires.yml")
        (tmp_path / "mkdocs.yml").write_text("", encoding="utf-8")
        for rel, content in files.items():
            target = tmp_path / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(content, bytes):
                target.write_bytes(content)
            else:
                target.write_text(content, encoding="utf-8")
        return tmp_path

    return make


@pytest.fixture
def load(make_repo: Callable[[dict[str, str | bytes]], Path]) -> Callable[..., Corpus]:
    """Build a repository from files and load it as a corpus."""

    def run(files: dict[str, str | bytes], only: set[str] | None = None) -> Corpus:
        return load_corpus(make_repo(files), only=only)

    return run
