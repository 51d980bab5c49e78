"""The check cache (.capi-cache/): a check that reads it finds what a cold check finds, and a
cache written partly from the workers and partly from an earlier run is the one a cold
check writes."""

from __future__ import annotations

import pytest

from macros.content import corpus as corpus_module
from macros.content.cache import CACHE_DIR, CACHE_FILE
from macros.content.corpus import load_corpus
from tests.conftest import copy_repo

SAVED = "sessions/04-lieux/mediatheque-devenue-tiers-lieu.md"
# an error, a warning, a missing reference in the text and one in the front matter
FAULTS = (
    "---\ntitle: « Faute »\nformat: inconnu\ntitre: Atelier #3\n"
    "pratiques: [fablab-inconnu]\n---\n\nVoir [[pratique:nulle-part]] et [[sans-type]].\n"
)


def _summary(corpus) -> tuple:
    entries = [(e.kind, e.slug, e.path, e.src_uri, e.meta, e.body_line) for e in corpus.entries]
    return entries, [(str(p), p.severity) for p in corpus.problems]


def _cache_lines(root) -> set[str]:
    return set((root / CACHE_DIR / CACHE_FILE).read_text("utf-8").split("\n"))


@pytest.mark.parametrize("parallel_from", [1, 10**9], ids=["workers", "one-process"])
def test_a_cached_check_finds_what_a_cold_check_finds(tmp_path, monkeypatch, parallel_from):
    monkeypatch.setattr(corpus_module, "PARALLEL_FROM", parallel_from)
    root = copy_repo(tmp_path / "repo")
    seance = sorted((root / "sessions").glob("01-*"))[0]
    (seance / "faute.md").write_text(FAULTS, "utf-8")
    cold = _summary(load_corpus(root, use_cache=True))
    assert {"E014", "E020", "E021", "E037", "W005"} <= {p.split("[", 1)[1][:4] for p, _ in cold[1]}
    written = _cache_lines(root)
    assert _summary(load_corpus(root, use_cache=True)) == cold  # every file from the cache

    saved = root / SAVED
    saved.write_text(saved.read_text("utf-8").replace("title: ", "title: Revu #2 — ", 1), "utf-8")
    warm = _summary(load_corpus(root, use_cache=True))  # one file read again
    rewritten = _cache_lines(root)
    monkeypatch.setenv("CAPI_SANS_CACHE", "1")
    assert warm == _summary(load_corpus(root, use_cache=True))
    # only the saved file's line changed, and unchanged lines were kept as written
    assert len(rewritten - written) == 1 and len(written - rewritten) == 1
    assert (rewritten - written).pop().startswith(f'["{SAVED}",')


def test_a_cache_of_another_shape_is_ignored(tmp_path):
    root = copy_repo(tmp_path / "repo")
    cold = _summary(load_corpus(root, use_cache=True))
    cache = root / CACHE_DIR / CACHE_FILE
    header, first, *rest = cache.read_text("utf-8").split("\n")
    for broken in ([header, first[:-1], *rest], [header, '["x",1,2]', *rest], [header[:-1]]):
        cache.write_text("\n".join(broken), "utf-8")
        assert _summary(load_corpus(root, use_cache=True)) == cold
