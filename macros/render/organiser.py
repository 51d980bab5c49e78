"""Blocks for organiser pages (called by the macros): listings by facet, matrix, figures."""

from __future__ import annotations

from collections import Counter

from ..graph import Graph
from . import html_blocks as h
from .charts import bars
from .entity import entity_link, entry_line, practice_a
from .links import md_escape
from .sessions import human_date, seance_programme


def _facet_entries(graph: Graph, facet: str, value: str) -> list | None:
    items = graph.by_kind.get("intervention", [])
    if facet == "pratique":
        return graph.by_practice.get(value, [])
    if facet == "thematique":
        return graph.by_theme.get(value, [])
    if facet == "acteur":
        return [e for e, _ in graph.by_actor.get(value, []) if e.kind == "intervention"]
    if facet == "territoire":
        return graph.items_by_territory.get(value, [])
    if facet == "seance":
        return graph.items_by_seance.get(value.zfill(2), [])
    if facet == "format":
        return [e for e in items if e.meta.get("format") == value]
    return None


def entries_by_facet(graph: Graph, page_uri: str, facet: str, value: str) -> str:
    entries = _facet_entries(graph, facet, value)
    if entries is None:
        return (
            f"*Facette « {md_escape(facet)} » inconnue : pratique, thematique, acteur, "
            "territoire, seance ou format.*"
        )
    if not entries:
        return "*Aucune fiche pour l'instant.*"
    return "\n".join(entry_line(graph, page_uri, e) for e in entries) + "\n"


def territory_practice_matrix(graph: Graph, page_uri: str) -> str:
    territories = graph.by_kind.get("territoire", [])
    by_territory = {t.slug: set(graph.practices_of_territory(t.slug)) for t in territories}
    practices = sorted(
        {p for ps in by_territory.values() for p in ps},
        key=lambda s: graph.practice_title(s).lower(),
    )
    if not territories or not practices:
        return "*Aucun territoire ne mobilise encore de pratique.*"
    # in HTML: at 50 territories, a Markdown table this size is most of the page's build
    return h.stacked_table(
        ["Pratique", *(h.a(page_uri, t.src_uri, t.title) for t in territories)],
        [
            [
                practice_a(graph, page_uri, slug),
                *("✓ oui" if slug in by_territory[t.slug] else "—" for t in territories),
            ]
            for slug in practices
        ],
        labels=["Pratique", *(t.title for t in territories)],
    )


def programme(graph: Graph, page_uri: str, seance: str) -> str:
    entry = graph.get("seance", seance)
    if entry is None:
        return f"*Séance « {md_escape(seance)} » inconnue.*"
    return seance_programme(graph, entry, page_uri).split("\n", 2)[-1]  # without its heading


def headline_figures(graph: Graph) -> list[tuple[str, int]]:
    """The cycle's main numbers: the first table of the key figures, the home page's and the
    editions' comparison."""
    reports = [e for e in graph.by_kind.get("intervention", []) if e.is_report]
    return [
        ("Territoires participants", len(graph.by_kind.get("territoire", []))),
        ("Séances", len(graph.by_kind.get("seance", []))),
        ("Retours d'expérience", len(reports)),
        ("Pratiques", len(graph.practices)),
        ("Actions des plans d'action", sum(len(a) for a in graph.actions_by_territory.values())),
    ]


def key_figures(graph: Graph, page_uri: str) -> str:
    """The cycle in numbers, as a table and an accessible bar chart of the same numbers."""
    actions = [a for acts in graph.actions_by_territory.values() for a in acts]
    structures = Counter(
        t for t, rows in graph.by_actor.items() for e, _ in rows if e.kind == "territoire"
    )
    out = ["| Chiffre clé | Nombre |", "|---|---|"]
    out += [f"| {label} | {value} |" for label, value in headline_figures(graph)]
    statuses = Counter(a.data["statut"] for a in actions)
    status_rows = [
        (graph.label("statuts_action", s), statuses[s])
        for s in graph.vocabularies.get("statuts_action", {})
        if statuses[s]
    ]
    actor_rows = [(graph.label("types_acteurs", t), n) for t, n in structures.most_common()]
    for title, rows in (
        ("Actions par statut", status_rows),
        ("Structures participantes par type d'acteur", actor_rows),
    ):
        if not rows:
            continue
        out += ["", f"**{title}**", "", f"| {title.split(' par ')[0]} | Nombre |", "|---|---|"]
        out += [f"| {md_escape(label)} | {value} |" for label, value in rows]
        out += ["", f'<figure class="capi-figure">{bars(rows, title)}</figure>']
    return "\n".join(out) + "\n"


def calendar(graph: Graph, page_uri: str) -> str:
    """The cycle's séances as they are in sessions/: one short line each (date, number,
    title, place), so that the home page shows the whole cycle on a phone screen."""
    seances = graph.by_kind.get("seance", [])
    if not seances:
        return (
            "*Aucune séance pour l'instant. Un organisateur en crée une avec "
            '`capi new seance NN-nom --titre "…" --date AAAA-MM-JJ`.*\n'
        )
    lines = []
    for seance in seances:
        meta = seance.meta
        month = " ".join(str(part) for part in (meta.get("mois"), meta.get("annee")) if part)
        when = md_escape(human_date(meta.get("date")) or month) or "date à venir"
        place = f" — {md_escape(meta['lieu'])}" if meta.get("lieu") else ""
        lines.append(
            f"- **{when}** · séance {int(seance.slug)} : "
            f"{entity_link(graph, page_uri, seance)}{place}"
        )
    return "\n".join(lines) + "\n"


def deliverables(graph: Graph, page_uri: str) -> str:
    """The deliverables the cycle asks of each territoire, as ``vocabulaires.yml`` lists them
    (``livrables``, and ``livrables_descriptions`` for what each holds)."""
    asked = graph.vocabularies.get("livrables", {})
    if not asked:
        return (
            "*Ce cycle ne demande pas de livrable aux territoires "
            "(liste `livrables` de `vocabulaires.yml`).*\n"
        )
    said = graph.vocabularies.get("livrables_descriptions", {})
    lines = []
    for number, (kind, label) in enumerate(asked.items(), 1):
        what = f" : {md_escape(said[kind])}" if said.get(kind) else ""
        lines.append(f"{number}. **{md_escape(label)}**{what} ;")
    lines[-1] = lines[-1].removesuffix(" ;") + "."
    return "\n".join(lines) + "\n"
