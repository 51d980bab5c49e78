"""Plain helpers shared by the unit tests (fixtures live in conftest.py)."""

from __future__ import annotations

from pathlib import Path

from macros.content.corpus import Corpus

REPO_ROOT = Path(__file__).resolve().parents[2]
VOCABULARY_FILE = REPO_ROOT / "vocabulaires.yml"


def doc(*header: str, body: str = "Texte.") -> str:
    """A content file. Header line i (0-based) is file line i + 2; the first body line is
    file line len(header) + 3."""
    return "\n".join(("---", *header, "---", body)) + "\n"


# the web editor's « type » key, which the small territories of these tests leave out: it
# has its own test (test_corpus.test_territory_documents_without_type_are_named)
UNLISTED = {"W004"}


def summary(corpus: Corpus) -> list[tuple[str, int, str]]:
    """(path, line, code) of every problem, in the corpus' order."""
    return [(p.path, p.line, p.code) for p in corpus.problems if p.code not in UNLISTED]


def messages(corpus: Corpus, code: str) -> list[str]:
    return [p.message for p in corpus.problems if p.code == code]
