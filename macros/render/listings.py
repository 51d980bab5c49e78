"""Generated pages: one per practice, theme and actor type, and the family indexes.

Entries are reached through these pages, the explorer and search, never
through a sidebar listing every entry (that made builds quadratic: docs/performances.md).
"""

from __future__ import annotations

from ..graph import Graph
from .cards import card, card_list, card_summary, entry_card
from .entity import entity_link, practice_a, practice_link, theme_link
from .intros import actor_intro, practice_intro, theme_intro
from .links import INDEX_PAGES, link, md_escape, src_uri


def _section(title: str, lines: list[str]) -> list[str]:
    if not lines:
        return []
    return [f"## {title} ({len(lines)})", "", *lines, ""]


def _cards(graph: Graph, page_uri: str, entries: list) -> list[str]:
    """Entries as one list of cards (a single block: ``_cards_section`` counts the entries)."""
    return [card_list([entry_card(graph, page_uri, e) for e in entries])] if entries else []


def _cards_section(graph: Graph, title: str, page_uri: str, entries: list) -> list[str]:
    if not entries:
        return []
    return [f"## {title} ({len(entries)})", "", *_cards(graph, page_uri, entries), ""]


def practice_lists(graph: Graph, slug: str, page_uri: str) -> str:
    """What the cycle says about a practice: reports, other items, séances, territories, actions."""
    items = graph.by_practice.get(slug, [])
    reports = [e for e in items if e.is_report]
    others = [e for e in items if not e.is_report]
    seances = {e.seance: graph.seance_of(e) for e in items if graph.seance_of(e)}
    actions = graph.actions_by_practice.get(slug, [])
    territories = sorted(graph.territories_by_practice.get(slug, set()))
    out: list[str] = [practice_intro(graph, slug)]
    out += _cards_section(graph, "Retours d'expérience", page_uri, reports)
    out += _cards_section(graph, "Autres interventions", page_uri, others)
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
    if len(out) == 1:
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
    out = [f"# {md_escape(graph.label('thematiques', slug))}", "", theme_intro(graph, slug)]
    reports = [e for e in entries if e.is_report]
    items = [e for e in entries if e.kind == "intervention" and not e.is_report]
    out += _cards_section(graph, "Retours d'expérience", uri, reports)
    out += _cards_section(graph, "Interventions", uri, items)
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
    if len(out) == 3:
        out[2] = "Aucune fiche ne porte encore cette thématique."
    return "\n".join(out) + "\n"


def _structure_lines(graph: Graph, uri: str, structures: list) -> list[str]:
    """One line per structure of a territory, with every page that names it: the EPCI of a
    territory is named on its page and in its partnership, and said once."""
    pages: dict[tuple, list] = {}
    for entry, name in structures:
        pages.setdefault((entry.territory, name), []).append(entry)
    lines = []
    for (_, name), where in pages.items():
        named = [e for e in where if e.title == name][:1]
        first = entity_link(graph, uri, named[0]) if named else md_escape(name)
        rest = ", ".join(entity_link(graph, uri, e) for e in where if e not in named)
        lines.append(f"- {first}" + (f" — {rest}" if rest else ""))
    return lines


def actor_page(graph: Graph, slug: str) -> str:
    uri = src_uri("acteur", slug)
    rows = graph.by_actor.get(slug, [])
    items = [(e, name) for e, name in rows if e.kind == "intervention"]
    structures = _structure_lines(graph, uri, [(e, n) for e, n in rows if e.kind != "intervention"])
    out = [
        f"# {md_escape(graph.label('types_acteurs', slug))}",
        "",
        actor_intro(graph, slug, len(items), len(structures)),
    ]
    out += _section(
        "Interventions et retours d'expérience",
        [f"- {entity_link(graph, uri, e)} — {md_escape(name)}" for e, name in items],
    )
    out += _section("Structures des territoires", structures)
    if len(out) == 3:
        out[2] = "Aucune structure de ce type n'est encore citée."
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
        lines = _cards(graph, uri, graph.by_kind["seance"])
        return _listing("Les séances du cycle", lines, family, uri)
    if family == "retours":
        reports = [e for e in graph.by_kind["intervention"] if e.is_report]
        lines = _cards(graph, uri, reports)
        count = f"{len(reports)} retour{'s' if len(reports) > 1 else ''} d'expérience"
        intro = f"{count} présenté{'s' if len(reports) > 1 else ''} pendant le cycle, par séance."
        return _listing("Retours d'expérience", lines, family, uri, intro)
    if family == "territoires":
        lines = _cards(graph, uri, graph.by_kind["territoire"])
        compare = link(uri, "territoires/comparer.md", "Comparer les territoires")
        intro = f"{compare} : indicateurs, plans d'action, partenariats et pratiques côte à côte."
        return _listing("Territoires participants", lines, family, uri, intro)
    if family == "pratiques":
        cards = []
        for slug in sorted(graph.practices, key=lambda s: graph.practice_title(s).lower()):
            entries = len(graph.by_practice.get(slug, []))
            actions = len(graph.actions_by_practice.get(slug, []))
            practice = graph.practices[slug]
            used = (
                " · ".join(
                    f"{n} {word}{'s' if n > 1 else ''}"
                    for n, word in ((entries, "fiche"), (actions, "action"))
                    if n
                )
                or "pas encore de fiche"
            )
            summary = card_summary(practice.entry) if practice.entry else ""
            cards.append(card(practice_a(graph, uri, slug), [used], [], summary))
        return "# Pratiques\n\n" + card_list(cards)
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
