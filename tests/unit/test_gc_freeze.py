"""A build's long-lived objects are frozen for its page loops, then handed back."""

from __future__ import annotations

import gc

from macros.mkdocs_adapter import gc_freeze


def test_freeze_then_unfreeze_leaves_nothing_frozen():
    kept = [[i] for i in range(1000)]
    gc_freeze.freeze()
    try:
        assert gc.get_freeze_count() >= len(kept)
    finally:
        gc_freeze.unfreeze()
    assert gc.get_freeze_count() == 0
