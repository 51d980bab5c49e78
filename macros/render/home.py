"""Blocks of the home page that show the cycle at a glance: its numbers and the ways in
(by practice, by theme). Short on purpose: each links to the page that says more."""

from __future__ import annotations

from ..graph import Graph
from .entity import practice_link, theme_link
from .links import link
from .organiser import headline_figures

ENTRY_LIMIT = 6  # practices or themes shown; the rest are one link away


# the headline figures' labels for one (the key figures table gives them in the plural)
SINGULAR = {
    "Territoires participants": "territoire participant",
    "Séances": "séance",
    "Retours d'expérience": "retour d'expérience",
    "Pratiques": "pratique",
    "Actions des plans d'action": "action d'un plan d'action",
}


def figures_line(graph: Graph, page_uri: str) -> str:
    """« 3 territoires participants · 5 séances · … », then where the detail is; a zero is
    left out (a clean start says « 5 séances », not « 0 territoires participants »)."""
    parts = [
        f"**{value}** "
        + (SINGULAR.get(label, label) if value == 1 else label[:1].lower() + label[1:])
        for label, value in headline_figures(graph)
        if value
    ]
    detail = link(page_uri, "restitution/index.md", "le cycle en chiffres")
    return " · ".join(parts) + f"\n{{: .capi-home-figures }}\n\nDétail : {detail}.\n"


def _count(count: int) -> str:
    return f"{count} fiche{'s' if count > 1 else ''}"


def entry_points(graph: Graph, page_uri: str) -> str:
    """The practices and themes with the most entries, each with its count."""
    practices = sorted(
        (
            (len(graph.by_practice.get(s, [])) + len(graph.actions_by_practice.get(s, [])), s)
            for s in graph.practices
        ),
        key=lambda pair: (-pair[0], graph.practice_title(pair[1]).lower()),
    )
    themes = sorted(
        ((len(graph.by_theme.get(s, [])), s) for s in graph.vocabularies.get("thematiques", {})),
        key=lambda pair: -pair[0],
    )
    out = []
    for title, pairs, make, index in (
        ("Par pratique", practices, practice_link, "pratiques/index.md"),
        ("Par thématique", themes, theme_link, "thematiques/index.md"),
    ):
        used = [f"{make(graph, page_uri, s)} ({_count(n)})" for n, s in pairs if n]
        every = link(page_uri, index, "toutes les " + title.split()[-1] + "s")
        shown = " · ".join(used[:ENTRY_LIMIT]) or "aucune fiche pour l'instant"
        out.append(f"**{title}** : {shown} · {every}\n")
    return "\n".join(out)
