"""How the build shares pages between processes (mkdocs_adapter/parallel.py): contiguous,
in MkDocs' order, every page once, each process busy for about the same time."""

from __future__ import annotations

from macros.mkdocs_adapter.parallel import FORKED_FACTOR, _split


def test_shares_cover_every_page_in_order():
    pages = list(range(101))
    shares = _split(pages, 2)  # type: ignore[arg-type]
    assert [p for share in shares for p in share.pages] == pages
    assert [len(share.pages) for share in shares] == [51, 50]


def test_a_costly_page_at_the_end_moves_the_split_forward():
    """The restitution's pages come last and cost as much as dozens of entries: counting
    pages would leave the forked process most of the work."""
    costs = [1.0] * 100 + [60.0]
    pages = list(range(len(costs)))
    main, forked = _split(pages, 2, cost=lambda p: costs[p])  # type: ignore[arg-type]
    main_time = sum(costs[p] for p in main.pages)
    forked_time = sum(costs[p] for p in forked.pages) * FORKED_FACTOR
    assert abs(main_time - forked_time) <= max(costs[p] for p in pages), (main_time, forked_time)
    assert len(main.pages) > len(forked.pages) * 2


def test_work_the_build_process_keeps_shortens_its_share():
    pages = list(range(100))
    alone = _split(pages, 2, cost=lambda p: 1.0)  # type: ignore[arg-type]
    busy = _split(pages, 2, cost=lambda p: 1.0, kept=20.0)  # type: ignore[arg-type]
    assert len(busy[0].pages) < len(alone[0].pages)
    assert abs(len(busy[0].pages) + 20 - len(busy[1].pages) * FORKED_FACTOR) <= 1
