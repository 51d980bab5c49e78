"""Blocks the engine adds around every entity page: banner, badges, "Voir aussi", "Cité dans"."""

from __future__ import annotations

from collections.abc import Set

from ..content.model import KINDS, Entry
from ..graph import Graph
from .links import link, md_escape, src_uri

EXAMPLE_BANNER = (
    '!!! example "Contenu d\'exemple"\n'
    "    Cette page est un exemple fictif, fourni pour montrer comment remplir une fiche. "
    "Les lieux, structures et personnes citées n'existent pas.\n"
)

KIND_LABELS = {**KINDS, "intervention": "intervention"}
NBSP = "\u00a0"  # before a colon in French: the label never ends a line without its colon
NEW_BADGE = '<span class="capi-new">Nouveau</span>'


def entity_link(graph: Graph, page_uri: str, entry: Entry, anchor: str = "") -> str:
    return link(page_uri, entry.src_uri, entry.title, anchor)


def practice_link(graph: Graph, page_uri: str, slug: str) -> str:
    practice = graph.practices.get(slug)
    if practice is None:  # unknown: already reported by validation, so no dead link
        return md_escape(slug)
    target = practice.entry.src_uri if practice and practice.entry else src_uri("pratique", slug)
    return link(page_uri, target, graph.practice_title(slug))


def theme_link(graph: Graph, page_uri: str, slug: str) -> str:
    return link(page_uri, src_uri("thematique", slug), graph.label("thematiques", slug))


def actor_link(graph: Graph, page_uri: str, slug: str) -> str:
    return link(page_uri, src_uri("acteur", slug), graph.label("types_acteurs", slug))


def kind_label(entry: Entry, graph: Graph) -> str:
    if entry.kind == "intervention":
        return graph.label("formats", entry.meta.get("format", ""))
    deliverable = graph.vocabularies.get("livrables", {}).get(entry.kind)  # as the cycle says
    return deliverable or KIND_LABELS[entry.kind].capitalize()


def badges(graph: Graph, entry: Entry) -> str:
    """One line of links placing the entry in the cycle."""
    uri, meta, parts = entry.src_uri, entry.meta, []
    seance = graph.seance_of(entry) if entry.kind == "intervention" else None
    if seance is not None:
        parts.append(f"**Séance**{NBSP}: {entity_link(graph, uri, seance)}")
    if entry.kind == "intervention":
        parts.append(f"**Format**{NBSP}: {md_escape(kind_label(entry, graph))}")
    territory = entry.territory
    if territory and entry.kind != "territoire":
        target = graph.get("territoire", territory)
        if target is not None:
            parts.append(f"**Territoire**{NBSP}: {entity_link(graph, uri, target)}")
    elif meta.get("localisation"):
        parts.append(f"**Lieu**{NBSP}: {md_escape(meta['localisation'])}")
    if meta.get("type_acteur"):
        parts.append(f"**Acteur**{NBSP}: {actor_link(graph, uri, meta['type_acteur'])}")
    if meta.get("thematiques"):
        themes = ", ".join(theme_link(graph, uri, t) for t in meta["thematiques"])
        parts.append(f"**Thématiques**{NBSP}: {themes}")
    if meta.get("pratiques"):
        practices = ", ".join(practice_link(graph, uri, p) for p in meta["pratiques"])
        parts.append(f"**Pratiques**{NBSP}: {practices}")
    if not parts:
        return ""
    return " · ".join(parts) + "\n{: .capi-badges }\n"


def new_badge(graph: Graph, entry: Entry) -> str:
    """« Nouveau » before an entry added in the last days (``new_days`` in mkdocs.yml)."""
    history = graph.history
    return NEW_BADGE + " " if history is not None and history.is_new(entry.path) else ""


def entry_line(graph: Graph, page_uri: str, entry: Entry, with_summary: bool = True) -> str:
    """A list item describing an entry: link, kind, where it comes from, summary."""
    details = [kind_label(entry, graph)]
    seance = graph.seance_of(entry) if entry.kind == "intervention" else None
    if seance is not None:
        details.append(f"séance {int(seance.slug)}")
    if entry.meta.get("structure"):
        details.append(str(entry.meta["structure"]))
    line = (
        f"- {new_badge(graph, entry)}{entity_link(graph, page_uri, entry)} — "
        f"{md_escape(', '.join(details))}"
    )
    summary = entry.meta.get("description") or entry.meta.get("resume")
    if with_summary and summary:
        line += f"  \n  {md_escape(_shorten(summary))}"
    return line


def _shorten(text: str, limit: int = 220) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"


SEE_ALSO_LIMIT = 6


def see_also_entries(graph: Graph, entry: Entry, exclude: Set = frozenset()) -> list[Entry]:
    """The related entries, without those the page already lists (``exclude``: keys)."""
    related = graph.see_also(entry, limit=SEE_ALSO_LIMIT + len(exclude))
    return [e for e in related if e.key not in exclude][:SEE_ALSO_LIMIT]


def see_also(graph: Graph, entry: Entry, exclude: Set = frozenset()) -> str:
    related = see_also_entries(graph, entry, exclude)
    if not related:
        return ""
    lines = [entry_line(graph, entry.src_uri, other, with_summary=False) for other in related]
    return "## Voir aussi\n\n" + "\n".join(lines) + "\n"


def cited_by(graph: Graph, entry: Entry, exclude: Set = frozenset()) -> str:
    sources = [e for e in graph.cited_by.get(entry.key, []) if e.key not in exclude]
    if not sources:
        return ""
    lines = [entry_line(graph, entry.src_uri, other, with_summary=False) for other in sources]
    return "## Cité dans\n\n" + "\n".join(lines) + "\n"


def to_complete(what: str) -> str:
    return (
        f'!!! note "À compléter"\n    {what} n\'est pas encore renseigné·e. '
        "Le modèle créé par `capi new` indique quoi écrire.\n"
    )
