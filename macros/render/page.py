"""Assemble the Markdown of an entity page: what the contributor wrote, framed by the engine."""

from __future__ import annotations

from ..content import references
from ..content.model import REFERENCE_KINDS, Entry
from ..graph import Graph
from . import entity, listings, news, sessions, territories
from .links import GENERATED_DIRS, link, md_escape
from .listed import listed_above
from .map import territory_section


def resolve_references(graph: Graph, entry: Entry, body: str) -> str:
    """``[[kind:slug|label]]`` → relative Markdown links titled with the target's title."""

    def render(ref: references.TextRef) -> str:
        kind = REFERENCE_KINDS.get(ref.kind)
        slug = ref.slug.zfill(2) if ref.kind == "seance" and ref.slug.isdigit() else ref.slug
        if kind in GENERATED_DIRS:
            if kind == "pratique":
                practice = graph.practices.get(slug)
                if practice is None:
                    return md_escape(ref.label or slug)
                if ref.label:
                    target = practice.entry.src_uri if practice.entry else f"pratiques/{slug}.md"
                    return link(entry.src_uri, target, ref.label)
                return entity.practice_link(graph, entry.src_uri, slug)
            label = graph.label("thematiques" if kind == "thematique" else "types_acteurs", slug)
            return link(entry.src_uri, f"{GENERATED_DIRS[kind]}/{slug}.md", ref.label or label)
        target = graph.get(kind or "", slug)
        if target is None:  # already reported by validation; show the text, not a dead link
            return md_escape(ref.label or slug)
        return link(entry.src_uri, target.src_uri, ref.label or target.title)

    return references.replace(body, render)


def entity_markdown(graph: Graph, entry: Entry, body: str) -> str:
    """Full Markdown for an entity page; ``body`` is the page text after MkDocs read it."""
    head: list[str] = [news.history_block(graph, entry)]
    tail: list[str] = []
    if entry.is_example:
        head.append(entity.EXAMPLE_BANNER)
    if entry.kind == "seance":
        head.append(sessions.seance_header(graph, entry))
        tail.append(sessions.seance_programme(graph, entry))
    elif entry.kind == "intervention":
        head += [entity.badges(graph, entry), sessions.item_sheet(graph, entry)]
        tail.append(sessions.item_footer(graph, entry))
    elif entry.kind == "territoire":
        head += [entity.badges(graph, entry), territories.territory_intro(graph, entry)]
        tail += [territory_section(graph, entry), territories.territory(graph, entry)]
    elif entry.kind == "diagnostic":
        head.append(territories.diagnostic(graph, entry))
    elif entry.kind == "plan-action":
        head.append(territories.plan(graph, entry))
    elif entry.kind == "partenariat":
        head.append(territories.partnership(graph, entry))
    elif entry.kind == "pratique":
        head.append(entity.badges(graph, entry))
        tail.append(listings.practice_lists(graph, entry.slug, entry.src_uri))
    shown = listed_above(graph, entry)  # never listed twice on one page
    if entry.kind != "pratique":
        related = entity.see_also_entries(graph, entry, shown)  # ranked once per page
        tail.append(entity.see_also(graph, entry, related))
        shown |= {e.key for e in related}
    tail.append(entity.cited_by(graph, entry, shown))
    text = resolve_references(graph, entry, body)
    if entry.kind in ("diagnostic", "plan-action", "partenariat") and text.strip():
        text = "## Analyse\n\n" + text if not text.lstrip().startswith("#") else text
    parts = [p for p in (*head, text, *tail) if p and p.strip()]
    return "\n\n".join(parts) + "\n"
