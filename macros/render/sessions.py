"""Séance pages (programme grouped by format) and programme items (experience report sheet)."""

from __future__ import annotations

import re
from html import escape

from ..content.model import Entry
from ..graph import FORMAT_ORDER, Graph
from . import html_blocks as h
from .cards import card_list, entry_card
from .entity import actor_a, md_escape


def table(
    header: list[str], rows: list[list[str]], css: str = "", labels: list[str] | None = None
) -> str:
    """A Markdown table, wrapped in a classed block (attr_list cannot style tables).

    Tables of three columns or more are also readable as cards on a phone (capi.css): each
    cell starts with its column's name (``labels``, plain text, the header by default), in a
    ``capi-cell-label`` span that only narrow screens show. The name is written in the cell
    itself: the sanitiser removes ``data-*`` attributes and CSS cannot read a header."""
    if not rows:
        return ""
    stacked = len(header) >= 3
    if stacked:
        names = [escape(n) for n in (labels or header)]
        rows = [
            [
                f'<span class="capi-cell-label">{n}</span> {cell or "—"}'
                for n, cell in zip(names, row, strict=True)
            ]
            for row in rows
        ]
        css = f"capi-table {css}".strip()
    out = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    out += ["| " + " | ".join(cell or "—" for cell in row) + " |" for row in rows]
    text = "\n".join(out) + "\n"
    return f'<div class="{css}" markdown>\n\n{text}\n</div>\n' if css else text


FORMAT_PLURALS = {
    "apport-expertise": "Apports d'expertise",
    "cadrage-reglementaire": "Cadrages réglementaires",
    "retour-experience": "Retours d'expérience",
    "visite": "Visites de sites",
    "atelier": "Ateliers méthodologiques",
}


def seance_header(graph: Graph, entry: Entry) -> str:
    meta = entry.meta
    month = graph.label("mois", meta.get("mois", "")) if meta.get("mois") else ""
    # the day when the file gives it (« 9 juillet 2026 »), as the home calendar does
    when = human_date(meta.get("date")) or " ".join(
        str(part) for part in (month, meta.get("annee")) if part
    )
    lines = [
        f"**Séance {int(entry.slug)}**"
        + (f" · {md_escape(when)}" if when else "")
        + (f" · {md_escape(meta['lieu'])}" if meta.get("lieu") else ""),
        "{: .capi-badges }",
        "",
    ]
    lines += ['!!! question "Questions de la séance"', ""]
    lines += [f"    - {md_escape(q)}" for q in meta.get("questions", [])]
    return "\n".join(lines) + "\n"


def seance_programme(graph: Graph, entry: Entry, page_uri: str | None = None) -> str:
    """The séance's items grouped by format; links are relative to ``page_uri``."""
    uri = page_uri or entry.src_uri
    items = graph.items_by_seance.get(entry.slug, [])
    if not items:
        return "## Programme\n\nLe programme détaillé de cette séance sera publié prochainement.\n"
    out = ["## Programme", ""]
    groups: dict[str, list[Entry]] = {}
    for item in items:
        groups.setdefault(item.meta.get("format", ""), []).append(item)
    for fmt in (*FORMAT_ORDER, *[f for f in groups if f not in FORMAT_ORDER]):
        if fmt not in groups:
            continue
        label = graph.label("formats", fmt)
        if len(groups[fmt]) > 1:
            label = FORMAT_PLURALS.get(fmt, label)
        out += [f"### {md_escape(label)}", ""]
        # the heading says the format: the cards say the rest
        out.append(
            card_list([entry_card(graph, uri, item, in_programme=True) for item in groups[fmt]])
        )
    return "\n".join(out)


def item_sheet(graph: Graph, entry: Entry) -> str:
    """The key facts of a programme item, before its text (a fiche d'expérience's header),
    as HTML blocks (html_blocks.py)."""
    meta, uri, rows = entry.meta, entry.src_uri, []
    if meta.get("resume"):
        rows.append(h.block(f"<blockquote>\n<p>{h.text(meta['resume'])}</p>\n</blockquote>"))
    facts = []
    if meta.get("structure"):
        facts.append(("Structure porteuse", h.text(meta["structure"])))
    if meta.get("type_acteur"):
        facts.append(("Type d'acteur", actor_a(graph, uri, meta["type_acteur"])))
    if meta.get("intervenants"):
        facts.append(
            (
                "Intervenant·es",
                "; ".join(
                    h.text(
                        ", ".join(str(p[k]) for k in ("nom", "fonction", "structure") if p.get(k))
                    )
                    for p in meta["intervenants"]
                ),
            )
        )
    if meta.get("publics"):
        facts.append(
            ("Publics", ", ".join(h.text(graph.label("publics", p)) for p in meta["publics"]))
        )
    if meta.get("debut") or meta.get("fin"):
        facts.append(("Période", h.text(period(meta.get("debut"), meta.get("fin")))))
    if facts:
        rows.append(h.table(["Élément", "Détail"], [list(fact) for fact in facts], "capi-facts"))
    return "\n".join(rows) + ("\n" if rows else "")


def item_footer(graph: Graph, entry: Entry) -> str:
    meta, out = entry.meta, []
    if meta.get("enseignements"):
        out += ["## Enseignements à retenir", ""]
        out += [f"- {md_escape(t)}" for t in meta["enseignements"]]
        out.append("")
    if meta.get("questions_ouvertes"):
        out += ["## Questions en suspens", ""]
        out += [f"- {md_escape(t)}" for t in meta["questions_ouvertes"]]
        out.append("")
    if meta.get("ressources"):
        out += ["## Ressources", ""]
        for res in meta["ressources"]:
            kind = f" ({md_escape(res['type'])})" if res.get("type") else ""
            out.append(f"- [{md_escape(res['titre'])}](<{res['url']}>){kind}")
        out.append("")
    if meta.get("contacts"):
        out += ["## Contacts", ""]
        out += [f"- {contact_line(c)}" for c in meta["contacts"]]
        out.append("")
    return "\n".join(out)


def contact_line(contact: dict) -> str:
    parts = [md_escape(contact["nom"])]
    parts += [md_escape(contact[k]) for k in ("role", "structure") if contact.get(k)]
    if contact.get("courriel"):
        parts.append(obfuscated_email(contact["courriel"]))
    if contact.get("telephone"):
        parts.append(md_escape(contact["telephone"]))
    return ", ".join(parts)


MONTHS = (
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
)


def human_date(value: str | None) -> str:
    """2026-06 → juin 2026; 2026-06-12 → 12 juin 2026; 2026-06-01 → 1er juin 2026."""
    if not value:
        return ""
    if not re.fullmatch(r"\d{4}-(0[1-9]|1[0-2])(-\d{2})?", value):
        return value  # not a month or a day: shown as written
    parts = value.split("-")
    month = MONTHS[int(parts[1]) - 1]
    if len(parts) < 3:
        return f"{month} {parts[0]}"
    day = "1er" if int(parts[2]) == 1 else str(int(parts[2]))  # « le 1er juin », as in news
    return f"{day} {month} {parts[0]}"


def period(start: str | None, end: str | None) -> str:
    if start and end:
        return f"{human_date(start)} – {human_date(end)}"
    if start:
        return f"à partir de {human_date(start)}"
    return f"jusqu'à {human_date(end)}" if end else ""


def obfuscated_email(address: str) -> str:
    """An address written as HTML entities with « [at] »: readable, not harvestable by regex."""
    encoded = "".join(f"&#{ord(ch)};" for ch in address.replace("@", " [at] "))
    return f'<span class="capi-email">{encoded}</span>'
