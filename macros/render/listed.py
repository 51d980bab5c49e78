"""What an entity page already lists before its « Voir aussi » and « Cité dans » blocks,
so that those two never repeat it (a séance's programme, a territory's presentations and
deliverables, a practice's lists)."""

from __future__ import annotations

from ..content.model import Entry
from ..graph import Graph

Key = tuple[str, str]


def _practice(graph: Graph, slug: str) -> list[Entry]:
    items = graph.by_practice.get(slug, [])
    seances = [s for s in (graph.seance_of(e) for e in items) if s is not None]
    territories = [graph.get("territoire", t) for t in graph.territories_by_practice.get(slug, ())]
    plans = [a.plan for a in graph.actions_by_practice.get(slug, [])]
    return [*items, *seances, *filter(None, territories), *plans]


def listed_above(graph: Graph, entry: Entry) -> set[Key]:
    """Keys of the entries the page's own blocks already link to."""
    if entry.kind == "seance":
        shown = graph.items_by_seance.get(entry.slug, [])
    elif entry.kind == "territoire":
        deliverables = graph.deliverables.get(entry.slug, {}).values()
        shown = [*graph.items_by_territory.get(entry.slug, []), *deliverables]
    elif entry.kind == "pratique":
        shown = _practice(graph, entry.slug)
    else:
        shown = []
    return {e.key for e in shown}
