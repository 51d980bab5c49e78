"""The short sentence that opens a generated page of a theme, a practice or an actor type:
what the page is about and how much the cycle says of it, in words, before the lists."""

from __future__ import annotations

from ..graph import Graph
from .links import md_escape


def _count(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def _enumerate(parts: list[str]) -> str:
    """« a », « a et b », « a, b et c »."""
    parts = [p for p in parts if p]
    if len(parts) < 2:
        return "".join(parts)
    return ", ".join(parts[:-1]) + " et " + parts[-1]


def _counts(pairs: list[tuple[int, str, str]]) -> str:
    return _enumerate([_count(n, one, many) for n, one, many in pairs if n])


def theme_intro(graph: Graph, slug: str) -> str:
    entries = graph.by_theme.get(slug, [])
    reports = sum(1 for e in entries if e.is_report)
    items = sum(1 for e in entries if e.kind == "intervention" and not e.is_report)
    seances = sum(1 for e in entries if e.kind == "seance")
    practices = sum(1 for e in entries if e.kind == "pratique")
    said = _counts(
        [
            (reports, "retour d'expérience", "retours d'expérience"),
            (items, "autre intervention", "autres interventions"),
            (seances, "séance", "séances"),
            (practices, "pratique", "pratiques"),
        ]
    )
    name = md_escape(graph.label("thematiques", slug))
    if not said:
        return ""  # the page says there is nothing yet
    return f"Les fiches du cycle qui portent la thématique « {name} » : {said}.\n"


def practice_intro(graph: Graph, slug: str) -> str:
    items = graph.by_practice.get(slug, [])
    reports = sum(1 for e in items if e.is_report)
    territories = len(graph.territories_by_practice.get(slug, ()))
    actions = len(graph.actions_by_practice.get(slug, []))
    said = _counts(
        [
            (reports, "retour d'expérience", "retours d'expérience"),
            (len(items) - reports, "autre intervention", "autres interventions"),
            (actions, "action d'un plan d'action", "actions des plans d'action"),
        ]
    )
    if not said:
        return ""
    who = ""
    if territories:
        verb = "la mobilise" if territories == 1 else "la mobilisent"
        who = f" ; {_count(territories, 'territoire', 'territoires')} {verb}"
    return f"Dans le cycle, cette pratique apparaît dans {said}{who}.\n"


def actor_intro(graph: Graph, slug: str, items: int, structures: int) -> str:
    """``items``: interventions carried by this type of actor; ``structures``: structures of
    the territories (each counted once, as the page lists them)."""
    name = md_escape(graph.label("types_acteurs", slug))
    parts = []
    if structures:
        counted = _count(structures, "structure", "structures")
        parts.append(f"compte {counted} dans les territoires participants")
    if items:
        counted = _count(
            items, "intervention ou retour d'expérience", "interventions ou retours d'expérience"
        )
        parts.append(f"porte {counted}")
    if not parts:
        return ""
    return f"Dans le cycle, le type d'acteur « {name} » {' et '.join(parts)}.\n"
