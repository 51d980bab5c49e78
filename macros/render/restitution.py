"""The restitution section (the closing séance's): the cycle's lessons, gathered from the graph.

Organisers own the introduction (``docs/restitution/index.md``); the engine adds the
rest, so the restitution is always consistent with the pages it summarises.
"""

from __future__ import annotations

from collections import Counter

from ..content.model import Entry
from ..graph import Graph
from . import html_blocks as h
from .charts import timeline
from .entity import entity_link, practice_a, practice_link, theme_link
from .links import md_escape
from .listings import empty_listing
from .map import territory_map
from .numbers import french_number
from .organiser import key_figures
from .sessions import period, table

# A restitution is read, not scanned: past these numbers a list says how many more there are
# and where to find them (the page of the séance or practice), so pages stay readable and the
# build stays linear in the number of entries.
MAX_ITEMS = 60
MAX_LESSONS = 60

PAGES = {
    "restitution/index.md": "Restitution du cycle",
    "restitution/seances.md": "Ce que les séances ont apporté",
    "restitution/pratiques.md": "Pratiques et thématiques : convergences et questions ouvertes",
    "restitution/territoires.md": "Les territoires en une page",
}


def overview(graph: Graph) -> str:
    uri = "restitution/index.md"
    return "\n".join(
        [
            "## Le cycle en chiffres",
            "",
            key_figures(graph, uri),
            "",
            "## Parcourir la restitution",
            "",
            "- [Ce que les séances ont apporté](seances.md) : interventions et enseignements, "
            "séance par séance ;",
            "- [Pratiques et thématiques](pratiques.md) : ce qui converge d'un territoire à "
            "l'autre, et les questions qui restent ouvertes ;",
            "- [Les territoires en une page](territoires.md) : diagnostic, plan d'action et "
            "partenariat de chaque territoire.",
            "",
        ]
    )


def by_seance(graph: Graph) -> str:
    uri, out = "restitution/seances.md", [f"# {PAGES['restitution/seances.md']}", ""]
    for seance in graph.by_kind.get("seance", []):
        items = graph.items_by_seance.get(seance.slug, [])
        out += [f"## {entity_link(graph, uri, seance)}", ""]
        if not items:
            out += ["Aucune intervention n'est encore publiée pour cette séance.", ""]
            continue
        shown = " ; ".join(_a(uri, i) for i in items[:MAX_ITEMS])
        more = _more(len(items) - MAX_ITEMS, "intervention")
        out.append(h.block(f"<p>Présenté : {shown}{more}.</p>"))
        lessons = [(i, t) for i in items for t in i.meta.get("enseignements", [])]
        out += _quoted(uri, "Enseignements", lessons, "enseignement", _a(uri, seance))
    return "\n".join(out)


def _a(uri: str, entry: Entry) -> str:
    return h.a(uri, entry.src_uri, entry.title)


def _quoted(uri: str, label: str, said: list, noun: str, where: str) -> list[str]:
    """What the entries said (lessons, questions), each with a link to its entry, as one
    block of HTML (these lists are most of the restitution: no Markdown to convert)."""
    if not said:
        return []
    lines = [f"<p><strong>{label}</strong></p>"]
    lines.append(h.item_list_html([f"{h.text(t)} ({_a(uri, i)})" for i, t in said[:MAX_LESSONS]]))
    count = len(said) - MAX_LESSONS
    if count > 0:
        lines.append(
            f"<p><em>… et {count} autre{_s(count)} {noun}{_s(count)} : voir {where}.</em></p>"
        )
    return [h.block("\n".join(lines))]


def _s(count: int) -> str:
    return "s" if count > 1 else ""


def _more(count: int, noun: str) -> str:
    return f" et {count} autre{_s(count)} {noun}{_s(count)}" if count > 0 else ""


def by_practice(graph: Graph) -> str:
    uri = "restitution/pratiques.md"
    out = [f"# {PAGES[uri]}", ""]
    for slug in sorted(graph.practices, key=lambda s: graph.practice_title(s).lower()):
        items = graph.by_practice.get(slug, [])
        territories = sorted(graph.territories_by_practice.get(slug, set()))
        if not items and not territories:
            continue
        out += [f"## {practice_link(graph, uri, slug)}", ""]
        if territories:
            names = [
                _a(uri, t) for t in filter(None, (graph.get("territoire", s) for s in territories))
            ]
            out.append(
                h.block(
                    f"<p>Mobilisée par {len(names)} territoire{_s(len(names))} : "
                    + ", ".join(names)
                    + ".</p>"
                )
            )
        practice = practice_a(graph, uri, slug)
        lessons = [(i, t) for i in items for t in i.meta.get("enseignements", [])]
        out += _quoted(uri, "Ce qui converge", lessons, "enseignement", practice)
        questions = [(i, q) for i in items for q in i.meta.get("questions_ouvertes", [])]
        out += _quoted(uri, "Questions en suspens", questions, "question", practice)
    if len(out) == 2:  # no practice is cited yet: say so, and how that changes
        out += [empty_listing("convergences", uri), ""]
    out += ["## Par thématique", ""]
    themes = len(out)
    for slug in graph.vocabularies.get("thematiques", {}):
        entries = graph.by_theme.get(slug, [])
        reports = [e for e in entries if e.is_report]
        if reports:
            lessons = sum(len(e.meta.get("enseignements", [])) for e in reports)
            out.append(
                f"- {theme_link(graph, uri, slug)} : {len(reports)} retour"
                f"{_s(len(reports))} d'expérience, {lessons} enseignement{_s(lessons)}"
            )
    if len(out) == themes:
        out.append(empty_listing("bilan-thematiques", uri))
    return "\n".join(out) + "\n"


def by_territory(graph: Graph) -> str:
    uri = "restitution/territoires.md"
    out = [f"# {PAGES[uri]}", ""]
    if not graph.by_kind.get("territoire"):
        return "\n".join([*out, empty_listing("territoires", uri), ""])
    out += ["## Carte des territoires", "", territory_map(graph, uri)]
    for territory in graph.by_kind.get("territoire", []):
        docs = graph.deliverables.get(territory.slug, {})
        out += [f"## {entity_link(graph, uri, territory)}", ""]
        if territory.meta.get("resume"):
            out.append(md_escape(territory.meta["resume"]) + "\n")
        diagnostic = docs.get("diagnostic")
        indicators = graph.indicators(diagnostic)[:4]
        if indicators:
            out += [
                f"### {entity_link(graph, uri, diagnostic)} : indicateurs clés",
                "",
                table(
                    ["Indicateur", "Valeur", "Source"],
                    [
                        [
                            md_escape(i.get("libelle", "")),
                            md_escape(french_number(i["valeur"]))
                            + ((" " + md_escape(i["unite"])) if i.get("unite") else ""),
                            f"{md_escape(i['source'])}, {i['annee']}",
                        ]
                        for i in indicators
                    ],
                ),
            ]
        actions = graph.actions_by_territory.get(territory.slug, [])
        plan = docs.get("plan-action")
        if actions and plan is not None:
            counts = Counter(a.data["statut"] for a in actions)
            summary = ", ".join(
                f"{n} {graph.label('statuts_action', s).lower()}" for s, n in counts.items()
            )
            out += [
                f"### {entity_link(graph, uri, plan)}",
                "",
                f"{len(actions)} actions : {summary}.",
                "",
            ]
            chart = timeline(
                [
                    (
                        f"{a.data['id']} {a.data['titre']}",
                        a.data.get("debut"),
                        a.data.get("fin"),
                        a.data["statut"],
                    )
                    for a in actions
                ],
                f"Calendrier du plan d'action : {territory.title}",
            )
            if chart:
                out += [
                    f'<figure class="capi-figure">{chart}<figcaption>Calendrier des '
                    "actions ; détail dans le plan d'action.</figcaption></figure>",
                    "",
                    _calendar_table(graph, actions),
                ]
        partnership = docs.get("partenariat")
        partners = partnership.meta.get("partenaires", []) if partnership else []
        if partners:
            by_type = Counter(graph.label("types_acteurs", p["type_acteur"]) for p in partners)
            out += [
                f"### {entity_link(graph, uri, partnership)}",
                "",
                f"{len(partners)} partenaires : "
                + ", ".join(f"{md_escape(t)} ({n})" for t, n in by_type.most_common())
                + ".",
                "",
            ]
    return "\n".join(out)


def _calendar_table(graph: Graph, actions: list) -> str:
    """The timeline's text equivalent on the same page (RGAA 1.3: a chart's numbers must be
    readable without it): one row per dated action, as in the chart, and a total row that
    gives the count and the span the chart's description announces."""
    dated = [a for a in actions if a.data.get("debut") or a.data.get("fin")]
    starts = sorted(a.data.get("debut") or a.data["fin"] for a in dated)
    ends = sorted(a.data.get("fin") or a.data["debut"] for a in dated)
    rows = [
        [
            md_escape(f"{a.data['id']} {a.data['titre']}"),
            md_escape(period(a.data.get("debut"), a.data.get("fin"))),
            md_escape(graph.label("statuts_action", a.data["statut"])),
        ]
        for a in dated
    ]
    rows.append([f"**Total : {len(dated)} actions**", md_escape(period(starts[0], ends[-1])), ""])
    return table(["Action", "Période", "Statut"], rows)


def pages(graph: Graph) -> dict[str, str]:
    """Generated restitution pages (the index page is the organisers' introduction + overview)."""
    return {
        "restitution/index.md": f"# {PAGES['restitution/index.md']}\n\n" + overview(graph),
        "restitution/seances.md": by_seance(graph),
        "restitution/pratiques.md": by_practice(graph),
        "restitution/territoires.md": by_territory(graph),
    }
