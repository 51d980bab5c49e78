"""The preview keeps checked files in memory: only saved files are read again, and the
corpus it gets is the one a fresh load gives."""

from __future__ import annotations

from macros.content.corpus import load_corpus
from macros.content.corpus_memory import CorpusMemory
from tests.conftest import copy_repo

SAVED = "sessions/04-lieux/mediatheque-devenue-tiers-lieu.md"


def _summary(corpus) -> tuple:
    entries = [(e.path, e.meta, e.body, e.lines) for e in corpus.entries]
    return entries, [str(p) for p in corpus.problems], corpus.links


def test_only_the_saved_file_is_read_again_and_the_corpus_is_a_fresh_one(tmp_path):
    root = copy_repo(tmp_path / "repo")
    memory = CorpusMemory()
    first = {e.path: e for e in load_corpus(root, memory=memory).entries}
    saved = root / SAVED
    saved.write_text(saved.read_text("utf-8").replace("title: ", "title: Revu — ", 1), "utf-8")
    second = load_corpus(root, memory=memory)
    reread = [e.path for e in second.entries if e is not first[e.path]]
    assert reread == [SAVED]
    assert second.by_key()[first[SAVED].key].meta["title"].startswith("Revu — ")
    assert _summary(second) == _summary(load_corpus(root))


def test_a_changed_vocabulary_reads_every_file_again(tmp_path):
    root = copy_repo(tmp_path / "repo")
    memory = CorpusMemory()
    first = {e.path: e for e in load_corpus(root, memory=memory).entries}
    vocabularies = root / "vocabulaires.yml"
    vocabularies.write_text(vocabularies.read_text("utf-8") + "\n# revu\n", "utf-8")
    second = load_corpus(root, memory=memory)
    assert all(e is not first[e.path] for e in second.entries)
