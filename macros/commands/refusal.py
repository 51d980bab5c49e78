"""What every command that needs a valid corpus says when it is not."""

from __future__ import annotations

import sys

from ..content.corpus import Corpus


def refused(corpus: Corpus, summary: str) -> bool:
    """Print the corpus's problems, then ``summary``, on stderr when it has errors."""
    if not corpus.problems.errors:
        return False
    for problem in corpus.problems:
        print(problem, file=sys.stderr)
    print(summary, file=sys.stderr)
    return True
