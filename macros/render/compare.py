"""The territory comparison page: territories as columns, one row per catalogue indicator,
then plans, partnerships and practices. Without JavaScript the full table is shown; the
script (docs/assets/capi-comparer.js) only hides columns chosen out by the reader.
"""

from __future__ import annotations

from collections import Counter

from ..content.model import Entry
from ..content.vocabulary import INDICATOR_KEY, indicator_vocabulary
from ..graph import Graph
from .entity import practice_link
from .links import link, md_escape, relative
from .numbers import french_number

COMPARE_PAGE = "territoires/comparer.md"
TITLE = "Comparer les territoires"
MISSING = "—"


_number = french_number


def territories(graph: Graph) -> list[Entry]:
    return sorted(graph.by_kind.get("territoire", []), key=lambda e: e.slug)


def indicator_values(graph: Graph, slug: str) -> dict[str, dict]:
    """A territory's catalogue indicators by code (the first one given wins)."""
    diagnostic = graph.deliverables.get(slug, {}).get("diagnostic")
    found: dict[str, dict] = {}
    for indicator in graph.indicators(diagnostic):
        code = indicator.get("code")
        if code and code not in found:
            found[code] = indicator
    return found


def _table(header: list[str], rows: list[list[str]]) -> list[str]:
    out = ["| " + " | ".join(header) + " |", "|---|" + "---:|" * (len(header) - 1)]
    out += ["| " + " | ".join(cell or MISSING for cell in row) + " |" for row in rows]
    return ['<div class="capi-compare" markdown>', "", *out, "", "</div>", ""]


def _indicator_rows(graph: Graph, slugs: list[str], notes: list[str]) -> list[list[str]]:
    units = graph.vocabularies.get(indicator_vocabulary("unite"), {})
    values = {slug: indicator_values(graph, slug) for slug in slugs}
    rows = []
    for code, label in graph.vocabularies.get(INDICATOR_KEY, {}).items():
        unit = units.get(code, "")
        row = [md_escape(label) + (f" ({md_escape(unit)})" if unit else "")]
        for slug in slugs:
            indicator = values[slug].get(code)
            if indicator is None:
                row.append(MISSING)
                continue
            notes.append(f"{md_escape(indicator['source'])}, {indicator['annee']}")
            row.append(
                f"{md_escape(_number(indicator['valeur']))} ({indicator['annee']})[^{len(notes)}]"
            )
        rows.append(row)
    return rows


def _plan_rows(graph: Graph, slugs: list[str]) -> list[list[str]]:
    statuses = graph.vocabularies.get("statuts_action", {})
    actions = {slug: graph.actions_by_territory.get(slug, []) for slug in slugs}
    rows = [["Actions"] + [str(len(actions[s])) if actions[s] else MISSING for s in slugs]]
    rows.append(
        ["Axes"]
        + [str(len({a.axis for a in actions[s]})) if actions[s] else MISSING for s in slugs]
    )
    for status, label in statuses.items():
        counts = [sum(1 for a in actions[s] if a.data.get("statut") == status) for s in slugs]
        rows.append([f"Actions : {md_escape(label.lower())}"] + [str(n) for n in counts])
    budgets = [sum(a.data.get("budget", 0) or 0 for a in actions[s]) for s in slugs]
    rows.append(
        ["Budget total prévu"] + [f"{_number(b)}\u00a0€" if b else MISSING for b in budgets]
    )
    done = []
    for s in slugs:
        total = len(actions[s])
        finished = sum(1 for a in actions[s] if a.data.get("statut") == "realisee")
        done.append(f"{round(100 * finished / total)}\u00a0%" if total else MISSING)
    rows.append(["Part des actions réalisées"] + done)
    return rows


def _partner_rows(graph: Graph, slugs: list[str]) -> list[list[str]]:
    counts: dict[str, Counter] = {}
    for slug in slugs:
        partnership = graph.deliverables.get(slug, {}).get("partenariat")
        partners = partnership.meta.get("partenaires", []) if partnership else []
        counts[slug] = Counter(p.get("type_acteur") for p in partners)
    rows = [["Partenaires"] + [str(sum(counts[s].values())) for s in slugs]]
    for actor, label in graph.vocabularies.get("types_acteurs", {}).items():
        if any(counts[s][actor] for s in slugs):
            rows.append([md_escape(label)] + [str(counts[s][actor]) for s in slugs])
    return rows


def _practice_rows(graph: Graph, slugs: list[str]) -> list[list[str]]:
    used = {slug: set(graph.practices_of_territory(slug)) for slug in slugs}
    every = sorted(set().union(*used.values()), key=graph.practice_title) if used else []
    return [
        [practice_link(graph, COMPARE_PAGE, p)]
        + ["oui" if p in used[s] else MISSING for s in slugs]
        for p in every
    ]


def compare_page(graph: Graph) -> str:
    entries = territories(graph)
    slugs = [e.slug for e in entries]
    header = [""] + [link(COMPARE_PAGE, e.src_uri, e.title) for e in entries]
    out = [
        f"# {TITLE}",
        "",
        "Les territoires du cycle côte à côte : les indicateurs du catalogue commun, les "
        "plans d'action, les partenariats et les pratiques. Les sources sont en notes ; "
        "« — » signale une donnée absente. Les données sont aussi disponibles en "
        "[CSV](../donnees/comparaison-territoires.csv) (une ligne par territoire et indicateur).",
        "",
        '<div id="capi-compare-choice" class="capi-compare-choice"></div>',
        "",
    ]
    if not entries:
        return "\n".join(out + ["Aucun territoire pour l'instant."]) + "\n"
    notes: list[str] = []
    out += ["## Indicateurs", ""] + _table(
        ["Indicateur"] + header[1:], _indicator_rows(graph, slugs, notes)
    )
    out += ["## Plans d'action", ""] + _table(["Plan"] + header[1:], _plan_rows(graph, slugs))
    out += ["## Partenariats", ""] + _table(
        ["Type d'acteur"] + header[1:], _partner_rows(graph, slugs)
    )
    practices = _practice_rows(graph, slugs)
    if practices:
        out += ["## Pratiques mises en œuvre", ""] + _table(["Pratique"] + header[1:], practices)
    out += [f"[^{n}]: {note}" for n, note in enumerate(notes, 1)]
    return "\n".join(out) + "\n"


def _population(graph: Graph, slug: str) -> float | None:
    value = indicator_values(graph, slug).get("population-qpv", {}).get("valeur")
    return value if isinstance(value, int | float) and value > 0 else None


def _actor_types(graph: Graph, slug: str) -> set[str]:
    partnership = graph.deliverables.get(slug, {}).get("partenariat")
    partners = partnership.meta.get("partenaires", []) if partnership else []
    return {p.get("type_acteur") for p in partners if p.get("type_acteur")}


def similar(graph: Graph, slug: str, limit: int = 3) -> list[tuple[Entry, list[str]]]:
    """Territories most like ``slug``: shared practices, similar size (population of the
    priority neighbourhoods within a factor of two), same actor types among partners."""
    practices = set(graph.practices_of_territory(slug))
    actors = _actor_types(graph, slug)
    size = _population(graph, slug)
    scored = []
    for other in territories(graph):
        if other.slug == slug:
            continue
        reasons, score = [], 0.0
        shared = practices & set(graph.practices_of_territory(other.slug))
        if shared:
            score += len(shared)
            reasons.append(f"{len(shared)} pratique{'s' if len(shared) > 1 else ''} en commun")
        other_size = _population(graph, other.slug)
        if size and other_size and 0.5 <= other_size / size <= 2:
            score += 1
            reasons.append("population des quartiers comparable")
        common_actors = actors & _actor_types(graph, other.slug)
        if common_actors:
            score += len(common_actors) / 2
            reasons.append(
                f"{len(common_actors)} type{'s' if len(common_actors) > 1 else ''} "
                "de partenaires en commun"
            )
        if score:
            scored.append((score, other.slug, other, reasons))
    scored.sort(key=lambda s: (-s[0], s[1]))
    return [(entry, reasons) for _, _, entry, reasons in scored[:limit]]


def similar_section(graph: Graph, entry: Entry) -> str:
    found = similar(graph, entry.slug)
    if not found:
        return ""
    uri = entry.src_uri
    out = ["## Territoires comparables", ""]
    out += [f"- {link(uri, e.src_uri, e.title)} : {', '.join(r)}" for e, r in found]
    preset = ",".join([entry.slug] + [e.slug for e, _ in found])
    target = relative(uri, COMPARE_PAGE)
    out += ["", f"[Comparer avec ces territoires](<{target}?t={preset}>)", ""]
    return "\n".join(out)
