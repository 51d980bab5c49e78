"""What is new: dates and contributors on entry pages, the « Nouveautés » page, the latest
contributions on the home page. Dates come from git (content/history.py), in French.

Contributors' names are text anyone who commits can choose: they are escaped for Markdown
(``md_escape``) like every contributed value, and the page's HTML is sanitised after.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from ..content.history import FileHistory
from ..content.model import Entry
from ..graph import Graph
from .entity import NEW_BADGE, entry_line, new_badge
from .html_blocks import block, text
from .links import link, md_escape
from .sessions import MONTHS

NEWS_PAGE = "nouveautes.md"
NEWS_LIMIT = 100  # entries listed on the news page; the feeds and the explorer reach the rest
HOME_LIMIT = 5
FEED_FILE = "flux"  # flux.xml and flux.json (outputs/feeds.py writes them)
FEEDS = (("flux RSS", ".xml"), ("JSON Feed", ".json"))


NBSP = "\u00a0"  # a date never breaks across lines


def french_date(when: dt.date) -> str:
    """2026-06-12 → « 12 juin 2026 »; the first of the month is « 1er »."""
    day = "1er" if when.day == 1 else str(when.day)
    return f"{day}{NBSP}{MONTHS[when.month - 1]}{NBSP}{when.year}"


def month_title(when: dt.date) -> str:
    """2026-06-12 → « Juin 2026 »."""
    return f"{MONTHS[when.month - 1].capitalize()} {when.year}"


def _time(when: dt.datetime) -> str:
    return f'<time datetime="{when:%Y-%m-%d}">{french_date(when)}</time>'


def dates_text(found: FileHistory) -> str:
    """« Publié le 12 juin 2026 · mis à jour le 3 octobre 2026 » (inline Markdown)."""
    if found.published is None:
        return f"Mis à jour le {_time(found.updated)}"
    text = f"Publié le {_time(found.published)}"
    if found.updated.date() != found.published.date():
        text += f" · mis à jour le {_time(found.updated)}"
    return text


def contributors_text(found: FileHistory) -> str:
    if not found.authors:
        return ""
    return "Contributeurs : " + ", ".join(md_escape(name) for name in found.authors)


def history_block(graph: Graph, entry: Entry) -> str:
    """The dates and contributors shown under an entry's title."""
    history = graph.history
    found = history.get(entry.path) if history is not None else None
    if found is None:
        return ""
    lines = [new_badge(graph, entry) + dates_text(found)]
    if found.authors:  # an HTML block: no Markdown conversion (html_blocks.py)
        lines.append("Contributeurs : " + ", ".join(text(name) for name in found.authors))
    return block('<p class="capi-history">' + "<br>\n".join(lines) + "</p>")


def latest(graph: Graph, limit: int) -> list[tuple[Entry, FileHistory]]:
    """Entries by their last change, newest first (ties: by path, so builds are stable)."""
    history = graph.history
    if history is None:
        return []
    dated = [
        (entry, found)
        for entry in graph.entries.values()
        if (found := history.get(entry.path)) is not None
    ]
    dated.sort(key=lambda pair: (-pair[1].updated.timestamp(), pair[0].path))
    return dated[:limit]


def _item(graph: Graph, page_uri: str, entry: Entry, found: FileHistory) -> str:
    line = entry_line(graph, page_uri, entry, with_summary=False)
    details = dates_text(found)
    contributors = contributors_text(found)
    if contributors:
        details += " · " + contributors
    return f'{line}  \n  <span class="capi-history">{details}</span>'


def news_page(graph: Graph, with_feeds: bool = False) -> str:
    """The « Nouveautés » page: the latest additions and updates, grouped by month, and the
    feeds to follow them (``with_feeds``: when they are written)."""
    history = graph.history
    out = [
        "---",
        "title: Nouveautés",
        "description: Les dernières fiches publiées ou mises à jour dans la base de "
        "connaissances, les plus récentes d'abord.",
        "---",
        "",
        "# Nouveautés",
        "",
        f"Les dernières fiches publiées ou mises à jour ({NEWS_LIMIT} au plus), de la plus "
        "récente à la plus ancienne. Les dates sont celles de l'historique du dépôt : une "
        "fiche est publiée le jour où elle y entre, mise à jour chaque fois qu'elle y est "
        "modifiée.",
        "",
    ]
    if history is not None and history.new_days > 0:
        out += [
            f"Le badge {NEW_BADGE} signale les fiches publiées depuis moins de "
            f"{history.new_days} jours.",
            "",
        ]
    links = [link(NEWS_PAGE, f"{FEED_FILE}{ext}", label) for label, ext in FEEDS]
    if with_feeds:
        out += [
            "Pour suivre la base sans revenir la consulter, abonnez-vous à son flux dans un "
            "lecteur de flux (ou une messagerie qui les lit) : " + " · ".join(links) + ".",
            "",
        ]
    if history is not None and not history.from_git:
        out += [
            '!!! warning "Historique indisponible"',
            "    L'historique du dépôt n'a pas pu être lu lors de la construction du site : "
            "les dates ci-dessous sont celles des fichiers.",
            "",
        ]
    items = latest(graph, NEWS_LIMIT)
    if not items:
        out += ["Aucune fiche n'est encore publiée.", ""]
    month = None
    for entry, found in items:
        if (found.updated.year, found.updated.month) != month:
            month = (found.updated.year, found.updated.month)
            out += ["", f"## {month_title(found.updated)}", ""]
        out.append(_item(graph, NEWS_PAGE, entry, found))
    return "\n".join(out) + "\n"


def latest_list(
    graph: Graph, page_uri: str, limit: int = HOME_LIMIT, with_feeds: bool = False
) -> str:
    """The latest contributions as a list, then where to find and follow the others (home
    page macro ``dernieres_contributions``)."""
    items = latest(graph, limit)
    lines = [_item(graph, page_uri, entry, found) for entry, found in items]
    if not lines:
        lines = ["Aucune fiche n'est encore publiée."]
    news = link(page_uri, NEWS_PAGE, "Nouveautés")
    follow = f"Toutes les fiches récentes sont sur la page {news}"
    if with_feeds:
        rss, json_feed = (link(page_uri, f"{FEED_FILE}{ext}", label) for label, ext in FEEDS)
        follow += (
            " ; pour suivre les prochaines sans revenir sur le site, abonnez-vous au "
            f"{rss} ou au {json_feed} de la base dans un lecteur de flux"
        )
    return "\n".join(lines) + "\n\n" + follow + ".\n"


def feed_links(feeds: Iterable[tuple[str, str]], what: str) -> str:
    """« Suivre ce territoire : flux RSS · JSON Feed » with links relative to the page."""
    links = [f"[{md_escape(label)}](<{path}>)" for label, path in feeds]
    if not links:
        return ""
    return f"Suivre {what} : " + " · ".join(links) + "\n{: .capi-history }\n"
