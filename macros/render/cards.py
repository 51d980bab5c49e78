"""Cards: how listings show an entry (title, type, where it comes from, practices, summary).

A card is the engine's own HTML, a raw block Python-Markdown leaves alone: every
front-matter value is escaped here, and the title's link carries its final URL
(``html_blocks.a``), in either URL mode.
Cards are list items of one ``<ul>``: a screen reader announces how many entries there are,
and no card adds a heading to the page's table of contents.
"""

from __future__ import annotations

from html import escape

from ..content.model import Entry
from ..graph import Graph
from . import html_blocks as h
from .entity import kind_label, new_badge

SUMMARY_LIMIT = 200  # characters: two lines on a desktop, a few more on a phone


def card_list(cards: list[str]) -> str:
    """The cards of one listing, as one block of the page's Markdown."""
    if not cards:
        return ""
    return h.block('<ul class="capi-cards">\n' + "\n".join(cards) + "\n</ul>")


def entry_card(graph: Graph, page_uri: str, entry: Entry, in_programme: bool = False) -> str:
    """One entry as a card; links are relative to ``page_uri``."""
    return card(
        new_badge(graph, entry) + h.a(page_uri, entry.src_uri, entry.title),
        card_facts(graph, entry, in_programme),
        [graph.practice_title(p) for p in entry.meta.get("pratiques", [])],
        card_summary(entry),
    )


def card(title: str, facts: list[str], practices: list[str], summary: str) -> str:
    """A card from its parts: ``title`` is HTML, already escaped (a link and
    perhaps the « Nouveau » badge); ``facts``, ``practices`` and ``summary`` are plain text,
    escaped here."""
    parts = [
        '<li class="capi-card">',
        f'<p class="capi-card__title">{title}</p>',
    ]
    if facts:
        parts.append(f'<p class="capi-card__meta">{escape(" · ".join(facts), False)}</p>')
    if practices:
        chips = "".join(f"\n<li>{escape(p, False)}</li>" for p in practices) + "\n"
        parts.append(f'<ul aria-label="Pratiques" class="capi-card__tags">{chips}</ul>')
    if summary:
        parts.append(f'<p class="capi-card__summary">{escape(summary, False)}</p>')
    parts.append("</li>")
    return "\n".join(parts)


def card_facts(graph: Graph, entry: Entry, in_programme: bool = False) -> list[str]:
    """Type, séance, carrying structure and territory: what places the entry in the cycle
    (``in_programme``: on its séance's page, under a heading naming its format, the card
    says neither)."""
    meta = entry.meta
    if entry.kind == "seance":
        facts = [f"Séance {int(entry.slug)}"]
        when = graph.label("mois", meta.get("mois", "")).capitalize()
        if when:
            facts.append(f"{when} {meta.get('annee', '')}".strip())
        return facts + ([str(meta["lieu"])] if meta.get("lieu") else [])
    facts = [] if in_programme else [kind_label(entry, graph)]
    if entry.kind == "territoire":
        facts += [str(meta[key]) for key in ("departement", "region") if meta.get(key)]
    seance = graph.seance_of(entry) if entry.kind == "intervention" else None
    if seance is not None and not in_programme:
        facts.append(f"séance {int(seance.slug)}")
    if meta.get("structure"):
        facts.append(str(meta["structure"]))
    territory = graph.get("territoire", entry.territory) if entry.territory else None
    if territory is not None and territory is not entry:
        facts.append(territory.title)
    elif meta.get("localisation"):
        facts.append(str(meta["localisation"]))
    return facts


def card_summary(entry: Entry) -> str:
    """The entry's own summary, or for a séance its first question, cut at a word."""
    meta = entry.meta
    questions = meta.get("questions") or []
    text = meta.get("description") or meta.get("resume") or (questions[0] if questions else "")
    text = " ".join(str(text).split())
    if len(text) <= SUMMARY_LIMIT:
        return text
    return text[: SUMMARY_LIMIT - 1].rsplit(" ", 1)[0].rstrip(" ,;:") + "…"
