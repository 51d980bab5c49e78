"""Which entry pages may show something of an entry: what the preview redoes after a save.

An entry page shows its own fields and, through the graph, the titles, order and tags of
other entries: those it cites and those citing it, the entries sharing a practice or a
theme (« Voir aussi »), its séance's programme, its territory's presentations and
deliverables; every territory page compares itself with the others, and practice pages
list their items' séances and territories. The
set below is an upper bound of those pages, taken in the graph before and after the save
(a removed practice still changed the page that listed the entry). Generated pages and the
organisers' pages are not here: the preview recomputes all of them.
tests/unit/test_dependents.py checks the bound against every page's Markdown.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..content.model import DELIVERABLES, Entry
from ..graph import SEE_ALSO_CANDIDATES, Graph, window_start

Key = tuple[str, str]


def dependents(graphs: Iterable[Graph], changed: set[Key]) -> set[Key]:
    """Keys of the entries whose page may change when the entries ``changed`` change."""
    graphs = list(graphs)
    found: set[Key] = set(changed)
    # every territory page compares its practices with the other territories'
    compared = any(_practices_moved(graphs, key) for key in changed)
    # séance programmes and practice pages show their items' territories and practices:
    # when anything but an intervention changes, all of them (they are few)
    kinds = [] if all(kind == "intervention" for kind, _ in changed) else ["seance", "pratique"]
    if compared:
        kinds.append("territoire")
    for graph in graphs:
        for kind in kinds:
            found.update(e.key for e in graph.by_kind.get(kind, []))
        for key in changed:
            entry = graph.entries.get(key)
            if entry is not None:
                found.update(e.key for e in _around(graph, entry))
    return found


def _practices_moved(graphs: list[Graph], key: Key) -> bool:
    """Whether a change of this entry may change what a territory's practices are."""
    if key[0] in ("territoire", "plan-action", "pratique"):
        return True
    seen = [
        (entry.meta.get("territoire"), entry.meta.get("pratiques"))
        for graph in graphs
        if (entry := graph.entries.get(key)) is not None
    ]
    return len(set(map(repr, seen))) > 1


def _around(graph: Graph, entry: Entry) -> Iterable[Entry]:
    yield from graph.cited_by.get(entry.key, [])
    for target in graph.corpus.links.get(entry.key, []):
        cited = graph.entries.get(target)
        if cited is not None:
            yield cited
    practices = set(entry.meta.get("pratiques", []))
    if entry.kind == "plan-action":
        for action in graph.actions_by_territory.get(entry.slug, []):
            practices.update(action.data.get("pratiques", []))
    if entry.kind == "pratique":  # its title is on every page tagged with it
        yield from graph.by_practice.get(entry.slug, [])
        yield from (action.plan for action in graph.actions_by_practice.get(entry.slug, []))
    territory = graph.get("territoire", entry.meta.get("territoire") or "")
    if territory is not None:  # its page lists the territory's items
        yield territory
    for slug in practices:
        practice = graph.practices.get(slug)
        if practice is not None and practice.entry is not None:  # it lists its items
            yield practice.entry
        yield from _see_also_window(graph, graph.by_practice.get(slug, []), entry)
    seance = graph.seance_of(entry)
    if seance is not None:  # its programme shows the entry's card
        yield seance
    for theme in entry.meta.get("thematiques", []):
        yield from _see_also_window(graph, graph.by_theme.get(theme, []), entry)
    if entry.kind == "seance":  # its title and date are on its items' pages
        yield from graph.items_by_seance.get(entry.slug, [])
    if entry.kind in ("territoire", *DELIVERABLES):
        yield from graph.items_by_territory.get(entry.slug, [])
        yield from graph.deliverables.get(entry.slug, {}).values()


def _see_also_window(graph: Graph, entries: list[Entry], entry: Entry) -> list[Entry]:
    """The entries of a practice's or theme's list whose « Voir aussi » looks at ``entry``
    (each one looks at SEE_ALSO_CANDIDATES neighbours: graph.py). An entry that moves in
    a list changes no other window than those around its place before and after, which
    the two graphs give."""
    at = graph.position(entries, entry)
    if at == len(entries) or entries[at] is not entry:
        return []
    if len(entries) <= SEE_ALSO_CANDIDATES:
        return entries
    near = range(max(0, at - SEE_ALSO_CANDIDATES), min(len(entries), at + SEE_ALSO_CANDIDATES + 1))
    return [
        entries[i] for i in near if 0 <= at - window_start(len(entries), i) < SEE_ALSO_CANDIDATES
    ]
