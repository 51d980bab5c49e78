"""Territory pages and their deliverables (« livrables » in vocabulaires.yml): tables, charts."""

from __future__ import annotations

from collections import Counter

from ..content.model import KINDS, Entry, action_anchor
from ..graph import Graph
from . import compare
from .charts import bars, timeline
from .entity import actor_link, entity_link, practice_link, to_complete
from .hours import opening_hours
from .links import link, md_escape, relative
from .numbers import french_number
from .sessions import human_date, period, table


def _esc(value: object) -> str:
    return md_escape(value) if value not in (None, "") else ""


def _amount(value: float | int | None) -> str:
    if value is None:
        return ""
    return f"{value:,.0f} €".replace(",", "\u202f")


def territory_intro(graph: Graph, entry: Entry) -> str:
    """Summary and location, shown before the contributor's text."""
    meta, out = entry.meta, []
    if meta.get("resume"):
        out.append(f"> {md_escape(meta['resume'])}\n")
    where = ", ".join(_esc(meta[k]) for k in ("departement", "region") if meta.get(k))
    if where:
        out.append(f"**Localisation** : {where}\n")
    return "\n".join(out)


def territory(graph: Graph, entry: Entry) -> str:
    meta, uri, out = entry.meta, entry.src_uri, []
    out += ["## Collectivités", ""]
    out.append(
        table(
            ["Collectivité", "Nature", "Code INSEE", "SIREN"],
            [
                [
                    _esc(c["nom"]),
                    _esc(graph.label("natures_collectivite", c["nature"])),
                    _esc(c.get("code_insee")),
                    _esc(c.get("siren")),
                ]
                for c in meta.get("collectivites", [])
            ],
        )
    )
    if meta.get("qpv"):
        out += ["## Quartiers prioritaires", ""]
        out.append(
            table(
                ["Quartier", "Code QPV", "Commune"],
                [[_esc(q["nom"]), _esc(q["code"]), _esc(q.get("commune"))] for q in meta["qpv"]],
            )
        )
    if meta.get("structures"):
        out += ["## Structures participantes", ""]
        out.append(
            table(
                ["Structure", "Type d'acteur", "Rôle dans le cycle"],
                [
                    [_esc(s["nom"]), actor_link(graph, uri, s["type_acteur"]), _esc(s.get("role"))]
                    for s in meta["structures"]
                ],
            )
        )
    out += ["## Livrables", ""]
    rows = []
    asked = graph.vocabularies.get("livrables", {})  # the cycle's deliverables, in order
    written = graph.deliverables.get(entry.slug, {})
    for kind in [*asked, *(k for k in written if k not in asked)]:
        title = asked.get(kind) or KINDS[kind].capitalize()
        doc = written.get(kind)
        if doc is None:
            rows.append([title, "non commencé"])
        else:
            state = graph.label("avancement", doc.meta.get("avancement", "a-completer"))
            rows.append([link(uri, doc.src_uri, title), _esc(state)])
    out.append(table(["Livrable", "Avancement"], rows))
    practices = graph.practices_of_territory(entry.slug)
    if practices:
        out += ["## Pratiques mobilisées", ""]
        out.append(", ".join(practice_link(graph, uri, p) for p in practices) + "\n")
    out.append(compare.similar_section(graph, entry))
    items = graph.items_by_territory.get(entry.slug, [])
    if items:
        out += ["## Présenté pendant le cycle", ""]
        out += [f"- {entity_link(graph, uri, i)}" for i in items]
        out.append("")
    return "\n".join(out)


def _back_to_territory(graph: Graph, entry: Entry) -> str:
    home = graph.get("territoire", entry.slug)
    if home is None:
        return ""
    state = graph.label("avancement", entry.meta.get("avancement", "a-completer"))
    return (
        f"**Territoire** : {entity_link(graph, entry.src_uri, home)} · "
        f"**Avancement** : {_esc(state)}\n{{: .capi-badges }}\n"
    )


def diagnostic(graph: Graph, entry: Entry) -> str:
    meta, out = entry.meta, [_back_to_territory(graph, entry)]
    filled = any(meta.get(k) for k in ("indicateurs", "forces", "faiblesses", "besoins", "lieux"))
    if not filled:
        return "\n".join(out) + "\n" + to_complete("Le diagnostic")
    if meta.get("indicateurs"):
        out += ["## Indicateurs clés", ""]
        out.append(
            table(
                ["Indicateur", "Valeur", "Unité", "Échelle", "Source", "Année"],
                [
                    [
                        _esc(i.get("libelle", "")),
                        _esc(_number(i["valeur"])),
                        _esc(i.get("unite")),
                        _esc(graph.label("echelles", i["echelle"]) if i.get("echelle") else ""),
                        _esc(i["source"]),
                        str(i["annee"]),
                    ]
                    for i in graph.indicators(entry)
                ],
            )
        )
    swot = [
        ("forces", "Forces"),
        ("faiblesses", "Faiblesses"),
        ("opportunites", "Opportunités"),
        ("menaces", "Menaces"),
    ]
    if any(meta.get(k) for k, _ in swot):
        out += ["## Forces, faiblesses, opportunités, menaces", ""]
        for key, title in swot:
            if meta.get(key):
                out += [f"### {title}", ""] + [f"- {_esc(v)}" for v in meta[key]] + [""]
    if meta.get("besoins"):
        out += ["## Besoins prioritaires", ""] + [f"1. {_esc(v)}" for v in meta["besoins"]] + [""]
    if meta.get("lieux"):
        out += ["## Lieux de médiation numérique", ""]
        out.append(
            table(
                ["Lieu", "Commune", "Services", "Publics", "Accès", "Horaires"],
                [
                    [
                        _esc(p["nom"]),
                        _esc(p["commune"]),
                        _esc(", ".join(p.get("services", []))),
                        _esc(
                            ", ".join(p.get("publics_specifiquement_adresses", []))
                            or "Tous publics"
                        ),
                        _esc(", ".join(p.get("modalites_acces", []))),
                        _esc(opening_hours(p.get("horaires"))),
                    ]
                    for p in meta["lieux"]
                ],
                "capi-places",
            )
        )
        out.append(
            "Ces lieux sont aussi publiés dans le fichier "
            "`lieux-mediation-numerique.csv` des [données ouvertes]"
            f"(<{_relative_to_data(entry)}>), au format du standard national.\n"
        )
    return "\n".join(out)


def _relative_to_data(entry: Entry) -> str:
    return relative(entry.src_uri, "donnees.md")


_number = french_number


def plan(graph: Graph, entry: Entry) -> str:
    meta, uri, out = entry.meta, entry.src_uri, [_back_to_territory(graph, entry)]
    actions = [(axis, a) for axis in meta.get("axes", []) for a in axis.get("actions", [])]
    if not actions:
        return "\n".join(out) + "\n" + to_complete("Le plan d'action")
    statuses = Counter(a["statut"] for _, a in actions)
    out += ["## Où en est le plan ?", ""]
    out.append(
        table(
            ["Statut", "Actions"],
            [
                [_esc(graph.label("statuts_action", s)), str(statuses[s])]
                for s in graph.vocabularies.get("statuts_action", {})
                if statuses[s]
            ]
            + [["**Total**", f"**{len(actions)}**"]],
            "capi-status",
        )
    )
    budget = sum(a.get("budget", 0) for _, a in actions)
    if budget:
        out.append(f"Budget total prévu : **{_amount(budget)}**.\n")
    for axis in meta.get("axes", []):
        out += [f"## {md_escape(axis['titre'])}", ""]
        if axis.get("objectif"):
            out.append(f"{md_escape(axis['objectif'])}\n")
        out.append(
            table(
                ["Action", "Pratiques", "Pilote et partenaires", "Période", "Budget", "Statut"],
                [
                    [
                        f"**{_esc(a['id'])}**{{ #{action_anchor(a['id'])} }} {_esc(a['titre'])}"
                        + (f"<br>{_esc(a['objectif'])}" if a.get("objectif") else ""),
                        ", ".join(practice_link(graph, uri, p) for p in a.get("pratiques", [])),
                        "; ".join(
                            filter(
                                None,
                                [_esc(a.get("pilote")), _esc(", ".join(a.get("partenaires", [])))],
                            )
                        ),
                        _esc(period(a.get("debut"), a.get("fin"))),
                        _esc(_amount(a.get("budget")))
                        + (
                            f"<br>{_esc(', '.join(a['financeurs']))}" if a.get("financeurs") else ""
                        ),
                        _esc(graph.label("statuts_action", a["statut"])),
                    ]
                    for a in axis.get("actions", [])
                ],
                "capi-actions",
            )
        )
    chart = timeline(
        [
            (f"{a['id']} {a['titre']}", a.get("debut"), a.get("fin"), a["statut"])
            for _, a in actions
        ],
        f"Calendrier du plan d'action : {entry.title}",
    )
    if chart:
        out += [
            "## Calendrier",
            "",
            f'<figure class="capi-figure">{chart}<figcaption>'
            "Calendrier des actions ; le détail de chaque action (dates, statut) est dans "
            "les tableaux ci-dessus.</figcaption></figure>",
            "",
        ]
    return "\n".join(out)


def partnership(graph: Graph, entry: Entry) -> str:
    meta, uri, out = entry.meta, entry.src_uri, [_back_to_territory(graph, entry)]
    if not any(meta.get(k) for k in ("partenaires", "instances", "conventions")):
        return "\n".join(out) + "\n" + to_complete("Le partenariat local")
    partners = meta.get("partenaires", [])
    if partners:
        by_type = Counter(p["type_acteur"] for p in partners)
        data = [(graph.label("types_acteurs", t), n) for t, n in by_type.most_common()]
        out += ["## Partenaires par type d'acteur", ""]
        out.append(
            table(
                ["Type d'acteur", "Partenaires"],
                [[actor_link(graph, uri, t), str(n)] for t, n in by_type.most_common()],
            )
        )
        out.append(
            f'<figure class="capi-figure">'
            f"{bars(data, 'Nombre de partenaires par type d’acteur')}</figure>\n"
        )
        out += ["## Partenaires", ""]
        out.append(
            table(
                ["Partenaire", "Type d'acteur", "Rôle", "Engagement", "Contribution"],
                [
                    [
                        _esc(p["nom"]),
                        actor_link(graph, uri, p["type_acteur"]),
                        _esc(p.get("role")),
                        _esc(p.get("engagement")),
                        _esc(p.get("contribution")),
                    ]
                    for p in partners
                ],
            )
        )
    if meta.get("instances"):
        out += ["## Gouvernance", ""]
        out.append(
            table(
                ["Instance", "Membres", "Fréquence"],
                [
                    [
                        _esc(i["nom"]),
                        _esc(", ".join(i.get("membres", []))),
                        _esc(i.get("frequence")),
                    ]
                    for i in meta["instances"]
                ],
            )
        )
    if meta.get("conventions"):
        out += ["## Conventions et accords", ""]
        out.append(
            table(
                ["Convention", "Signataires", "Date", "Objet"],
                [
                    [
                        _esc(c["titre"]),
                        _esc(", ".join(c.get("signataires", []))),
                        _esc(human_date(c.get("date"))),
                        _esc(c.get("objet")),
                    ]
                    for c in meta["conventions"]
                ],
            )
        )
    return "\n".join(out)
