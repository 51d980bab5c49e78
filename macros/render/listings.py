"""Generated pages: one per practice, theme and actor type, and the family indexes.

Entries are reached through these pages, the explorer and search, never
through a sidebar listing every entry (that made builds quadratic: docs/performances.md).
"""

from __future__ import annotations

from ..graph import Graph
from .entity import entity_link, entry_line, practice_link, theme_link
from .links import INDEX_PAGES, link, md_escape, src_uri


def _section(title: str, lines: list[str]) -> list[str]:
    if not lines:
        return []
    return [f"## {title} ({len(lines)})", "", *lines, ""]


def practice_lists(graph: Graph, slug: str, page_uri: str) -> str:
    """What the cycle says about a practice: reports, other items, séances, territories, actions."""
    items = graph.by_practice.get(slug, [])
    reports = [e for e in items if e.is_report]
    others = [e for e in items if not e.is_report]
    seances = {e.seance: graph.seance_of(e) for e in items if graph.seance_of(e)}
    actions = graph.actions_by_practice.get(slug, [])
    territories = sorted(graph.territories_by_practice.get(slug, set()))
    out: list[str] = []
    out += _section("Retours d'expérience", [entry_line(graph, page_uri, e) for e in reports])
    out += _section("Autres interventions", [entry_line(graph, page_uri, e) for e in others])
    out += _section(
        "Séances", [f"- {entity_link(graph, page_uri, s)}" for _, s in sorted(seances.items())]
    )
    out += _section(
        "Territoires",
        [
            f"- {entity_link(graph, page_uri, t)}"
            for t in filter(None, (graph.get("territoire", s) for s in territories))
        ],
    )
    out += _section(
        "Actions des plans d'action", [_action_line(graph, page_uri, a) for a in actions]
    )
    if not out:
        out = ["Aucune fiche ne mobilise encore cette pratique.", ""]
    return "\n".join(out)


def _action_line(graph: Graph, page_uri: str, action) -> str:
    territory = graph.get("territoire", action.territory)
    where = territory.title if territory else action.territory
    status = graph.label("statuts_action", action.data["statut"]).lower()
    label = f"{action.data['id']} {action.data['titre']}"
    return (
        f"- {link(page_uri, action.plan.src_uri, label, action.anchor)} — "
        f"{md_escape(where)}, {md_escape(status)}"
    )


def practice_page(graph: Graph, slug: str) -> str:
    uri = src_uri("pratique", slug)
    return f"# {md_escape(graph.practice_title(slug))}\n\n" + practice_lists(graph, slug, uri)


def theme_page(graph: Graph, slug: str) -> str:
    uri = src_uri("thematique", slug)
    entries = graph.by_theme.get(slug, [])
    out = [f"# {md_escape(graph.label('thematiques', slug))}", ""]
    reports = [e for e in entries if e.is_report]
    items = [e for e in entries if e.kind == "intervention" and not e.is_report]
    out += _section("Retours d'expérience", [entry_line(graph, uri, e) for e in reports])
    out += _section("Interventions", [entry_line(graph, uri, e) for e in items])
    out += _section(
        "Séances", [f"- {entity_link(graph, uri, e)}" for e in entries if e.kind == "seance"]
    )
    practices = [e for e in entries if e.kind == "pratique"]
    out += _section("Pratiques", [f"- {practice_link(graph, uri, e.slug)}" for e in practices])
    territories = sorted({e.meta["territoire"] for e in entries if e.meta.get("territoire")})
    out += _section(
        "Territoires",
        [
            f"- {entity_link(graph, uri, t)}"
            for t in filter(None, (graph.get("territoire", s) for s in territories))
        ],
    )
    if len(out) == 2:
        out.append("Aucune fiche ne porte encore cette thématique.")
    return "\n".join(out) + "\n"


def actor_page(graph: Graph, slug: str) -> str:
    uri = src_uri("acteur", slug)
    out = [f"# {md_escape(graph.label('types_acteurs', slug))}", ""]
    rows = graph.by_actor.get(slug, [])
    items = [(e, name) for e, name in rows if e.kind == "intervention"]
    structures = [(e, name) for e, name in rows if e.kind != "intervention"]
    out += _section(
        "Interventions et retours d'expérience",
        [f"- {entity_link(graph, uri, e)} — {md_escape(name)}" for e, name in items],
    )
    out += _section(
        "Structures des territoires",
        [f"- {md_escape(name)} — {entity_link(graph, uri, e)}" for e, name in structures],
    )
    if len(out) == 2:
        out.append("Aucune structure de ce type n'est encore citée.")
    return "\n".join(out) + "\n"


# what an empty listing says instead of a bare heading: why, and how to fill it
EMPTY = {
    "seances": "Aucune séance pour l'instant : un organisateur en crée une avec "
    "`capi new seance` (voir le {organisers}).",
    "retours": "Aucun retour d'expérience n'est encore publié. Pour écrire le premier, suivez "
    "le guide {contribute}, ou passez par l'{online}.",
    "territoires": "Aucun territoire n'a encore publié sa présentation. Pour ajouter le vôtre, "
    "un organisateur crée ses fichiers (`capi new territoire <nom>`), que vous complétez "
    "ensuite : voir le guide {contribute}.",
    "convergences": "Aucune fiche ne cite encore de pratique : ce qui converge d'un territoire "
    "à l'autre, et les questions qui restent ouvertes, apparaîtront ici avec les premiers "
    "retours d'expérience. Pour écrire le premier, suivez le guide {contribute}, ou passez "
    "par l'{online}.",
    "bilan-thematiques": "Aucun retour d'expérience n'est encore publié : le bilan par thématique "
    "(retours et enseignements) viendra avec eux.",
    "acteurs": "Aucune structure n'est encore citée. Les types d'acteurs se remplissent avec "
    "les structures des territoires et des retours d'expérience (voir le guide "
    "{contribute}).",
}


def _count(count: int) -> str:
    """« (3) » after a listed value, or words for none: a bare « (0) » says nothing."""
    return f"({count})" if count else "(pas encore de fiche)"


def empty_listing(family: str, uri: str) -> str:
    return EMPTY[family].format(
        contribute=link(uri, "guides/contribuer.md", "Contribuer"),
        online=link(uri, "guides/edition-en-ligne.md", "édition en ligne"),
        organisers=link(uri, "guides/organisateurs.md", "guide des organisateurs"),
    )


def _listing(title: str, lines: list[str], family: str, uri: str, intro: str = "") -> str:
    if not lines:
        return f"# {title}\n\n{empty_listing(family, uri)}\n"
    return f"# {title}\n\n" + (f"{intro}\n\n" if intro else "") + "\n".join(lines) + "\n"


def index_page(graph: Graph, family: str) -> str:
    uri = INDEX_PAGES[family]
    if family == "seances":
        lines = [entry_line(graph, uri, e) + _questions(e) for e in graph.by_kind["seance"]]
        return _listing("Les séances du cycle", lines, family, uri)
    if family == "retours":
        reports = [e for e in graph.by_kind["intervention"] if e.is_report]
        lines = [entry_line(graph, uri, e) for e in reports]
        count = f"{len(reports)} retour{'s' if len(reports) > 1 else ''} d'expérience"
        intro = f"{count} présenté{'s' if len(reports) > 1 else ''} pendant le cycle, par séance."
        return _listing("Retours d'expérience", lines, family, uri, intro)
    if family == "territoires":
        lines = [
            f"- {entity_link(graph, uri, e)}"
            + (f"  \n  {md_escape(e.meta['resume'])}" if e.meta.get("resume") else "")
            for e in graph.by_kind["territoire"]
        ]
        compare = link(uri, "territoires/comparer.md", "Comparer les territoires")
        intro = f"{compare} : indicateurs, plans d'action, partenariats et pratiques côte à côte."
        return _listing("Territoires participants", lines, family, uri, intro)
    if family == "pratiques":
        lines = []
        for slug in sorted(graph.practices, key=lambda s: graph.practice_title(s).lower()):
            count = len(graph.by_practice.get(slug, [])) + len(
                graph.actions_by_practice.get(slug, [])
            )
            practice = graph.practices[slug]
            summary = practice.entry.meta.get("description", "") if practice.entry else ""
            used = (
                f"{count} fiche{'s' if count > 1 else ''} et actions"
                if count
                else "pas encore de fiche"
            )
            lines.append(
                f"- {practice_link(graph, uri, slug)} ({used})"
                + (f"  \n  {md_escape(summary)}" if summary else "")
            )
        return "# Pratiques\n\n" + "\n".join(lines) + "\n"
    if family == "thematiques":
        lines = [
            f"- {theme_link(graph, uri, slug)} {_count(len(graph.by_theme.get(slug, [])))}"
            for slug in graph.vocabularies.get("thematiques", {})
        ]
        return "# Thématiques\n\n" + "\n".join(lines) + "\n"
    lines = [
        f"- {link(uri, src_uri('acteur', slug), label)} {_count(len(graph.by_actor.get(slug, [])))}"
        for slug, label in graph.vocabularies.get("types_acteurs", {}).items()
    ]
    intro = "" if graph.by_actor else empty_listing("acteurs", uri) + "\n\n"
    return "# Types d'acteurs\n\n" + intro + "\n".join(lines) + "\n"


def _questions(entry) -> str:
    questions = entry.meta.get("questions", [])
    return f"  \n  *{md_escape(questions[0])}*" if questions else ""
