"""Blocks the engine adds around every entity page: banner, badges, "Voir aussi", "Cité dans"."""

from __future__ import annotations

from collections.abc import Set

from ..content.model import KINDS, Entry
from ..graph import Graph
from . import html_blocks as h
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


def practice_target(graph: Graph, slug: str) -> str | None:
    """Source path of a practice's page; None when unknown (already reported by validation,
    so never a dead link)."""
    practice = graph.practices.get(slug)
    if practice is None:
        return None
    return practice.entry.src_uri if practice.entry else src_uri("pratique", slug)


def practice_link(graph: Graph, page_uri: str, slug: str) -> str:
    target = practice_target(graph, slug)
    if target is None:
        return md_escape(slug)
    return link(page_uri, target, graph.practice_title(slug))


def practice_a(graph: Graph, page_uri: str, slug: str) -> str:
    """``practice_link`` in HTML."""
    target = practice_target(graph, slug)
    if target is None:
        return h.text(slug)
    return h.a(page_uri, target, graph.practice_title(slug))


def theme_link(graph: Graph, page_uri: str, slug: str) -> str:
    return link(page_uri, src_uri("thematique", slug), graph.label("thematiques", slug))


def actor_link(graph: Graph, page_uri: str, slug: str) -> str:
    return link(page_uri, src_uri("acteur", slug), graph.label("types_acteurs", slug))


def theme_a(graph: Graph, page_uri: str, slug: str) -> str:
    """``theme_link`` in HTML."""
    return h.a(page_uri, src_uri("thematique", slug), graph.label("thematiques", slug))


def actor_a(graph: Graph, page_uri: str, slug: str) -> str:
    """``actor_link`` in HTML."""
    return h.a(page_uri, src_uri("acteur", slug), graph.label("types_acteurs", slug))


def kind_label(entry: Entry, graph: Graph) -> str:
    if entry.kind == "intervention":
        return graph.label("formats", entry.meta.get("format", ""))
    deliverable = graph.vocabularies.get("livrables", {}).get(entry.kind)  # as the cycle says
    return deliverable or KIND_LABELS[entry.kind].capitalize()


def badges(graph: Graph, entry: Entry) -> str:
    """One line of links placing the entry in the cycle (an HTML block)."""
    uri, meta, parts = entry.src_uri, entry.meta, []
    seance = graph.seance_of(entry) if entry.kind == "intervention" else None
    if seance is not None:
        parts.append(_badge("Séance", h.a(uri, seance.src_uri, seance.title)))
    if entry.kind == "intervention":
        parts.append(_badge("Format", h.text(kind_label(entry, graph))))
    territory = entry.territory
    if territory and entry.kind != "territoire":
        target = graph.get("territoire", territory)
        if target is not None:
            parts.append(_badge("Territoire", h.a(uri, target.src_uri, target.title)))
    elif meta.get("localisation"):
        parts.append(_badge("Lieu", h.text(meta["localisation"])))
    if meta.get("type_acteur"):
        parts.append(_badge("Acteur", actor_a(graph, uri, meta["type_acteur"])))
    if meta.get("thematiques"):
        themes = ", ".join(theme_a(graph, uri, t) for t in meta["thematiques"])
        parts.append(_badge("Thématiques", themes))
    if meta.get("pratiques"):
        practices = ", ".join(practice_a(graph, uri, p) for p in meta["pratiques"])
        parts.append(_badge("Pratiques", practices))
    if not parts:
        return ""
    return h.block('<p class="capi-badges">' + " · ".join(parts) + "</p>")


def _badge(label: str, value: str) -> str:
    return f"<strong>{label}</strong>{NBSP}: {value}"


def new_badge(graph: Graph, entry: Entry) -> str:
    """« Nouveau » before an entry added in the last days (``new_days`` in mkdocs.yml)."""
    history = graph.history
    return NEW_BADGE + " " if history is not None and history.is_new(entry.path) else ""


def entry_line(graph: Graph, page_uri: str, entry: Entry, with_summary: bool = True) -> str:
    """A list item describing an entry: link, kind, where it comes from, summary."""
    line = (
        f"- {new_badge(graph, entry)}{entity_link(graph, page_uri, entry)} — "
        f"{md_escape(_details(graph, entry))}"
    )
    summary = entry.meta.get("description") or entry.meta.get("resume")
    if with_summary and summary:
        line += f"  \n  {md_escape(_shorten(summary))}"
    return line


def entry_item(graph: Graph, page_uri: str, entry: Entry) -> str:
    """``entry_line`` without summary, as the content of an HTML list item."""
    link_html = h.a(page_uri, entry.src_uri, entry.title)
    return f"{new_badge(graph, entry)}{link_html} — {h.text(_details(graph, entry))}"


def _details(graph: Graph, entry: Entry) -> str:
    """Kind, séance and carrying structure of an entry, as plain text."""
    details = [kind_label(entry, graph)]
    seance = graph.seance_of(entry) if entry.kind == "intervention" else None
    if seance is not None:
        details.append(f"séance {int(seance.slug)}")
    if entry.meta.get("structure"):
        details.append(str(entry.meta["structure"]))
    return ", ".join(details)


def _shorten(text: str, limit: int = 220) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"


SEE_ALSO_LIMIT = 6


def see_also_entries(graph: Graph, entry: Entry, exclude: Set = frozenset()) -> list[Entry]:
    """The related entries, without those the page already lists (``exclude``: keys)."""
    related = graph.see_also(entry, limit=SEE_ALSO_LIMIT + len(exclude))
    return [e for e in related if e.key not in exclude][:SEE_ALSO_LIMIT]


def see_also(graph: Graph, entry: Entry, related: list[Entry]) -> str:
    """The « Voir aussi » block listing ``related`` (from ``see_also_entries``)."""
    if not related:
        return ""
    items = [entry_item(graph, entry.src_uri, other) for other in related]
    return "## Voir aussi\n\n" + h.item_list(items)


def cited_by(graph: Graph, entry: Entry, exclude: Set = frozenset()) -> str:
    sources = [e for e in graph.cited_by.get(entry.key, []) if e.key not in exclude]
    if not sources:
        return ""
    items = [entry_item(graph, entry.src_uri, other) for other in sources]
    return "## Cité dans\n\n" + h.item_list(items)


def to_complete(what: str) -> str:
    return (
        f'!!! note "À compléter"\n    {what} n\'est pas encore renseigné·e. '
        "Le modèle créé par `capi new` indique quoi écrire.\n"
    )
