"""Relations between entries and their inverses, built once per build.

Every lookup a page or macro needs is a dictionary read here; nothing scans
the corpus per page (that is what made "related pages" macros quadratic).
"""

from __future__ import annotations

import bisect
from collections import Counter, defaultdict
from dataclasses import dataclass

from .content.corpus import Corpus
from .content.history import History
from .content.model import DELIVERABLES, Entry, action_anchor
from .content.vocabulary import resolve_indicator
from .content.words import fold

FORMAT_ORDER = (
    "apport-expertise",
    "cadrage-reglementaire",
    "retour-experience",
    "visite",
    "atelier",
)
# "Voir aussi" looks at most this many candidates per shared practice or theme, so its cost
# per page stays bounded however large the corpus grows (linear builds)
SEE_ALSO_CANDIDATES = 40


@dataclass(frozen=True)
class Action:
    """One action of a territory's plan, addressable from practice pages."""

    plan: Entry
    axis: str
    data: dict

    @property
    def territory(self) -> str:
        return self.plan.slug

    @property
    def anchor(self) -> str:
        return action_anchor(self.data["id"])


@dataclass(frozen=True)
class Practice:
    slug: str
    title: str
    entry: Entry | None  # the hand-written definition, when it exists


class Graph:
    """The knowledge graph of one corpus."""

    def __init__(self, corpus: Corpus, history: History | None = None) -> None:
        self.corpus = corpus
        # dates and contributors from git (content/history.py); None when not read
        self.history = history
        self.vocabularies = corpus.vocabularies
        self.entries: dict[tuple[str, str], Entry] = {}
        self.by_kind: dict[str, list[Entry]] = defaultdict(list)
        self.items_by_seance: dict[str, list[Entry]] = defaultdict(list)
        self.by_practice: dict[str, list[Entry]] = defaultdict(list)
        self.actions_by_practice: dict[str, list[Action]] = defaultdict(list)
        self.actions_by_territory: dict[str, list[Action]] = defaultdict(list)
        self.by_theme: dict[str, list[Entry]] = defaultdict(list)
        self.by_actor: dict[str, list[tuple[Entry, str]]] = defaultdict(list)
        self.items_by_territory: dict[str, list[Entry]] = defaultdict(list)
        self.deliverables: dict[str, dict[str, Entry]] = defaultdict(dict)
        self.territories_by_practice: dict[str, set[str]] = defaultdict(set)
        self.cited_by: dict[tuple[str, str], list[Entry]] = defaultdict(list)
        self.practices: dict[str, Practice] = {}
        self._build()

    # ------------------------------------------------------------------ build

    def _build(self) -> None:
        for slug, label in self.vocabularies.get("pratiques", {}).items():
            self.practices[slug] = Practice(slug, label, None)
        indexers = {
            "pratique": self._index_practice,
            "intervention": self._index_intervention,
            "territoire": self._index_territory,
            "partenariat": self._index_partnership,
            "plan-action": self._index_plan,
        }
        for entry in sorted(self.corpus.entries, key=sort_key):
            self.entries[entry.key] = entry
            self.by_kind[entry.kind].append(entry)
            if entry.kind in indexers:
                indexers[entry.kind](entry)
            if entry.kind in ("intervention", "seance", "pratique"):
                for theme in entry.meta.get("thematiques", []):
                    self.by_theme[theme].append(entry)
            if entry.kind in DELIVERABLES:
                self.deliverables[entry.slug][entry.kind] = entry
        # reading order, computed once: sorting by it is a dictionary read per entry
        self.order = {key: rank for rank, key in enumerate(self.entries)}
        for items in self.items_by_seance.values():
            items.sort(key=lambda e: (_format_rank(e), fold(e.title)))
        self._index_citations()

    # one indexer per kind of entry: the relations that kind brings

    def _index_practice(self, entry: Entry) -> None:
        self.practices[entry.slug] = Practice(entry.slug, entry.title, entry)

    def _index_intervention(self, entry: Entry) -> None:
        meta = entry.meta
        territory = meta.get("territoire")
        self.items_by_seance[entry.seance or ""].append(entry)
        for practice in meta.get("pratiques", []):
            self.by_practice[practice].append(entry)
            if territory:
                self.territories_by_practice[practice].add(territory)
        if territory:
            self.items_by_territory[territory].append(entry)
        if meta.get("type_acteur"):
            self.by_actor[meta["type_acteur"]].append((entry, meta.get("structure", entry.title)))

    def _index_territory(self, entry: Entry) -> None:
        for structure in entry.meta.get("structures", []):
            self.by_actor[structure["type_acteur"]].append((entry, structure["nom"]))

    def _index_partnership(self, entry: Entry) -> None:
        for partner in entry.meta.get("partenaires", []):
            self.by_actor[partner["type_acteur"]].append((entry, partner["nom"]))

    def _index_plan(self, entry: Entry) -> None:
        for axis in entry.meta.get("axes", []):
            for data in axis.get("actions", []):
                action = Action(entry, axis["titre"], data)
                self.actions_by_territory[entry.slug].append(action)
                for practice in data.get("pratiques", []):
                    self.actions_by_practice[practice].append(action)
                    self.territories_by_practice[practice].add(entry.slug)

    def _index_citations(self) -> None:
        """Who cites whom, from the references found in bodies: « Cité dans » lists."""
        for source_key, targets in self.corpus.links.items():
            source = self.entries.get(source_key)
            if source is None:
                continue
            for target in dict.fromkeys(targets):  # once per source, in order
                if target != source_key:
                    self.cited_by[target].append(source)

    # ------------------------------------------------------------------ lookups

    def get(self, kind: str, slug: str) -> Entry | None:
        return self.entries.get((kind, slug))

    def label(self, vocabulary: str, slug: str) -> str:
        return self.vocabularies.get(vocabulary, {}).get(slug, slug)

    def indicators(self, diagnostic: Entry | None) -> list[dict]:
        """A diagnostic's indicators, catalogue ones with their label, unit and scale."""
        if diagnostic is None:
            return []
        return [
            resolve_indicator(i, self.vocabularies) for i in diagnostic.meta.get("indicateurs", [])
        ]

    def practice_title(self, slug: str) -> str:
        practice = self.practices.get(slug)
        return practice.title if practice else slug

    def seance_of(self, entry: Entry) -> Entry | None:
        return self.get("seance", entry.seance) if entry.seance else None

    def practices_of_territory(self, slug: str) -> list[str]:
        found: dict[str, None] = {}
        for action in self.actions_by_territory.get(slug, []):
            found.update(dict.fromkeys(action.data.get("pratiques", [])))
        for item in self.items_by_territory.get(slug, []):
            found.update(dict.fromkeys(item.meta.get("pratiques", [])))
        return list(found)

    def see_also(self, entry: Entry, limit: int = 6) -> list[Entry]:
        """Entries sharing practices or themes with ``entry``, most shared first."""
        scores: Counter[tuple[str, str]] = Counter()
        for practice in entry.meta.get("pratiques", []):
            for other in self._around(self.by_practice.get(practice, []), entry):
                scores[other.key] += 2  # a shared practice says more than a shared theme
        for theme in entry.meta.get("thematiques", []):
            for other in self._around(self.by_theme.get(theme, []), entry):
                if other.kind == "intervention":
                    scores[other.key] += 1
        scores.pop(entry.key, None)
        ranked = sorted(scores.items(), key=lambda kv: (-kv[1], self.order[kv[0]]))
        return [self.entries[key] for key, _ in ranked[:limit]]

    def _around(self, entries: list[Entry], entry: Entry) -> list[Entry]:
        """At most SEE_ALSO_CANDIDATES entries of a list, those nearest ``entry`` in reading
        order (lists are in that order): bounded work, and neighbours differ from page to page."""
        if len(entries) <= SEE_ALSO_CANDIDATES:
            return entries
        start = window_start(len(entries), self.position(entries, entry))
        return entries[start : start + SEE_ALSO_CANDIDATES]

    def position(self, entries: list[Entry], entry: Entry) -> int:
        """Where ``entry`` is (or would be) in a list in reading order."""
        return bisect.bisect_left(entries, self.order[entry.key], key=lambda e: self.order[e.key])


def window_start(size: int, position: int) -> int:
    """First of the SEE_ALSO_CANDIDATES entries « Voir aussi » looks at, in a list of
    ``size`` entries, for the entry at ``position``."""
    return max(0, min(position - SEE_ALSO_CANDIDATES // 2, size - SEE_ALSO_CANDIDATES))


def _format_rank(entry: Entry) -> int:
    fmt = entry.meta.get("format", "")
    return FORMAT_ORDER.index(fmt) if fmt in FORMAT_ORDER else len(FORMAT_ORDER)


def sort_key(entry: Entry) -> tuple:
    """Stable reading order: by séance, then by title (accents ignored)."""
    return (entry.seance or "99", fold(entry.title), entry.path)
