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


def explorer_data(graph: Graph, directory_urls: bool = True) -> dict:
    def url(src_uri: str) -> str:
        return page_url(src_uri, directory_urls)

    values = _Values()
    for slug, label in TYPES.items():
        values.add("type", slug, label)
    for seance in graph.by_kind.get("seance", []):
        values.add("seance", seance.slug, f"{int(seance.slug)}. {seance.title}")
    for territory in graph.by_kind.get("territoire", []):
        values.add("territoire", territory.slug, territory.title)
    for slug in sorted(graph.practices, key=lambda s: graph.practice_title(s).lower()):
        values.add("pratique", slug, graph.practice_title(slug))
    for slug, label in graph.vocabularies.get("thematiques", {}).items():
        values.add("thematique", slug, label)
    for slug, label in graph.vocabularies.get("types_acteurs", {}).items():
        values.add("acteur", slug, label)
    for slug, label in graph.vocabularies.get("statuts_action", {}).items():
        values.add("statut", slug, label)

    def row(
        title: str,
        url: str,
        kind: str,
        seance: str | None,
        territory: str | None,
        practices: list[str],
        themes: list[str],
        actor: str | None,
        status: str | None,
    ) -> list:
        idx = values.index
        return [
            title,
            short_url(url),
            idx["type"][kind],
            idx["seance"].get(seance or "", -1),
            idx["territoire"].get(territory or "", -1),
            [idx["pratique"][p] for p in practices if p in idx["pratique"]],
            [idx["thematique"][t] for t in themes if t in idx["thematique"]],
            idx["acteur"].get(actor or "", -1),
            idx["statut"].get(status or "", -1),
        ]

    folders: dict[str, int] = {}

    def short_url(url: str) -> list:
        """[folder index, last part]: the folders repeat, so they are written once."""
        folder, _, last = url.rstrip("/").rpartition("/")
        last = url[len(folder) + 1 :] if folder else url
        return [folders.setdefault(folder + "/" if folder else "", len(folders)), last]

    items: list[list] = []
    for entry in graph.by_kind.get("intervention", []):
        meta = entry.meta
        items.append(
            row(
                entry.title,
                url(entry.src_uri),
                "retour" if entry.is_report else "intervention",
                entry.seance,
                meta.get("territoire"),
                meta.get("pratiques", []),
                meta.get("thematiques", []),
                meta.get("type_acteur"),
                None,
            )
        )
    for territory in graph.by_kind.get("territoire", []):
        items.append(
            row(
                territory.title,
                url(territory.src_uri),
                "territoire",
                None,
                territory.slug,
                graph.practices_of_territory(territory.slug),
                [],
                None,
                None,
            )
        )
        for kind in ("diagnostic", "plan-action", "partenariat"):
            doc: Entry | None = graph.deliverables.get(territory.slug, {}).get(kind)
            if doc is not None:
                items.append(
                    row(
                        doc.title,
                        url(doc.src_uri),
                        "livrable",
                        None,
                        territory.slug,
                        [],
                        [],
                        None,
                        None,
                    )
                )
        for action in graph.actions_by_territory.get(territory.slug, []):
            data = action.data
            items.append(
                row(
                    f"{data['id']} {data['titre']}",
                    url(action.plan.src_uri) + "#" + action.anchor,
                    "action",
                    None,
                    territory.slug,
                    data.get("pratiques", []),
                    [],
                    None,
                    data["statut"],
                )
            )
    for slug, practice in graph.practices.items():
        uri = practice.entry.src_uri if practice.entry else f"pratiques/{slug}.md"
        themes = practice.entry.meta.get("thematiques", []) if practice.entry else []
        items.append(
            row(practice.title, url(uri), "pratique", None, None, [slug], themes, None, None)
        )
    return {
        "folders": list(folders),
        "facets": [
            {
                "key": f,
                "label": FACET_LABELS[f],
                "values": list(values.index[f]),
                "labels": values.labels[f],
            }
            for f in FACETS
        ],
        "items": items,
    }


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
