"""Data of the explorer page: every entry with its facets, compact, from the graph.

Facet values are written once and entries refer to them by index, so the file
stays small (see the "Performances" page for sizes at 1,000 and 10,000 entries).
Loaded as a script (not fetched) so the explorer works from ``file://`` too.
"""

from __future__ import annotations

import json

from ..content.model import Entry
from ..graph import Graph
from .links import page_url

FACETS = ("type", "seance", "territoire", "pratique", "thematique", "acteur", "statut")
FACET_LABELS = {
    "type": "Type",
    "seance": "Séance",
    "territoire": "Territoire",
    "pratique": "Pratique",
    "thematique": "Thématique",
    "acteur": "Type d'acteur",
    "statut": "Statut de l'action",
}
TYPES = {
    "retour": "Retour d'expérience",
    "intervention": "Autre intervention",
    "territoire": "Territoire",
    "livrable": "Livrable de territoire",
    "action": "Action d'un plan",
    "pratique": "Pratique",
}


class _Values:
    """Facet values in order of first use: slug → index, with their labels."""

    def __init__(self) -> None:
        self.index: dict[str, dict[str, int]] = {f: {} for f in FACETS}
        self.labels: dict[str, list[str]] = {f: [] for f in FACETS}

    def add(self, facet: str, slug: str | None, label: str) -> int:
        if not slug:
            return -1
        table = self.index[facet]
        if slug not in table:
            table[slug] = len(table)
            self.labels[facet].append(label)
        return table[slug]


class _Items:
    """The explorer's rows: facet values by index, folders written once."""

    def __init__(self, values: _Values, directory_urls: bool) -> None:
        self.values = values
        self.directory_urls = directory_urls
        self.folders: dict[str, int] = {}
        self.rows: list[list] = []

    def add(
        self,
        title: str,
        src_uri: str,
        kind: str,
        *,
        anchor: str = "",
        seance: str | None = None,
        territory: str | None = None,
        practices: list[str] = (),  # type: ignore[assignment]
        themes: list[str] = (),  # type: ignore[assignment]
        actor: str | None = None,
        status: str | None = None,
    ) -> None:
        idx = self.values.index
        self.rows.append(
            [
                title,
                self._short_url(page_url(src_uri, self.directory_urls) + anchor),
                idx["type"][kind],
                idx["seance"].get(seance or "", -1),
                idx["territoire"].get(territory or "", -1),
                [idx["pratique"][p] for p in practices if p in idx["pratique"]],
                [idx["thematique"][t] for t in themes if t in idx["thematique"]],
                idx["acteur"].get(actor or "", -1),
                idx["statut"].get(status or "", -1),
            ]
        )

    def _short_url(self, url: str) -> list:
        """[folder index, last part]: the folders repeat, so they are written once."""
        folder, _, last = url.rstrip("/").rpartition("/")
        last = url[len(folder) + 1 :] if folder else url
        return [self.folders.setdefault(folder + "/" if folder else "", len(self.folders)), last]


def explorer_data(graph: Graph, directory_urls: bool = True) -> dict:
    values = _facet_values(graph)
    items = _Items(values, directory_urls)
    for entry in graph.by_kind.get("intervention", []):
        meta = entry.meta
        items.add(
            entry.title,
            entry.src_uri,
            "retour" if entry.is_report else "intervention",
            seance=entry.seance,
            territory=meta.get("territoire"),
            practices=meta.get("pratiques", []),
            themes=meta.get("thematiques", []),
            actor=meta.get("type_acteur"),
        )
    for territory in graph.by_kind.get("territoire", []):
        _territory_items(graph, territory, items)
    for slug, practice in graph.practices.items():
        uri = practice.entry.src_uri if practice.entry else f"pratiques/{slug}.md"
        themes = practice.entry.meta.get("thematiques", []) if practice.entry else []
        items.add(practice.title, uri, "pratique", practices=[slug], themes=themes)
    return {
        "folders": list(items.folders),
        "facets": [
            {
                "key": f,
                "label": FACET_LABELS[f],
                "values": list(values.index[f]),
                "labels": values.labels[f],
            }
            for f in FACETS
        ],
        "items": items.rows,
    }


def _facet_values(graph: Graph) -> _Values:
    values = _Values()
    for slug, label in TYPES.items():
        values.add("type", slug, label)
    for seance in graph.by_kind.get("seance", []):
        values.add("seance", seance.slug, f"{int(seance.slug)}. {seance.title}")
    for territory in graph.by_kind.get("territoire", []):
        values.add("territoire", territory.slug, territory.title)
    for slug in sorted(graph.practices, key=lambda s: graph.practice_title(s).lower()):
        values.add("pratique", slug, graph.practice_title(slug))
    for facet, vocabulary in (
        ("thematique", "thematiques"),
        ("acteur", "types_acteurs"),
        ("statut", "statuts_action"),
    ):
        for slug, label in graph.vocabularies.get(vocabulary, {}).items():
            values.add(facet, slug, label)
    return values


def _territory_items(graph: Graph, territory: Entry, items: _Items) -> None:
    """A territory, its deliverables and the actions of its plan."""
    slug = territory.slug
    items.add(
        territory.title,
        territory.src_uri,
        "territoire",
        territory=slug,
        practices=graph.practices_of_territory(slug),
    )
    for kind in ("diagnostic", "plan-action", "partenariat"):
        doc = graph.deliverables.get(slug, {}).get(kind)
        if doc is not None:
            items.add(doc.title, doc.src_uri, "livrable", territory=slug)
    for action in graph.actions_by_territory.get(slug, []):
        data = action.data
        items.add(
            f"{data['id']} {data['titre']}",
            action.plan.src_uri,
            "action",
            anchor="#" + action.anchor,
            territory=slug,
            practices=data.get("pratiques", []),
            status=data["statut"],
        )


def explorer_script(graph: Graph, directory_urls: bool = True) -> str:
    data = json.dumps(
        explorer_data(graph, directory_urls), ensure_ascii=False, separators=(",", ":")
    )
    return f"window.capiExplorerData = {data};\n"


EXPLORER_PAGE = """---
title: Explorer la base
description: >-
  Filtrer toutes les fiches par type, séance, territoire, pratique, thématique, type d'acteur
  et statut.
hide:
  - toc
---

# Explorer la base

Combinez les filtres et le champ de texte : la liste et les nombres se mettent à jour
aussitôt. L'adresse de la page garde vos choix ; copiez-la pour partager cette sélection.

<div id="capi-explorer" class="capi-explorer" markdown>

L'explorateur a besoin de JavaScript. Sans JavaScript, parcourez les
[retours d'expérience](../retours/index.md), les [territoires](../territoires/index.md) et
les [pratiques](../pratiques/index.md).
{: .capi-explorer__nojs }

</div>

<script src="donnees.js"></script>
<script src="../assets/capi-explorer.js"></script>
"""
