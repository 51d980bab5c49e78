"""Feeds of new and updated entries: RSS 2.0 (``flux.xml``) and JSON Feed 1.1 (``flux.json``).

One feed for the whole base, and one per territory and per practice (``flux/territoires/``,
``flux/pratiques/``). Written with the standard library from the history the engine read
once (content/history.py): a feed plugin such as mkdocs-rss-plugin runs git for every page,
which at 10,000 entries costs more than the rest of the build.

- Items are entries, newest change first, at most ``FEED_LIMIT`` per feed.
- An item's date is its entry's last change; a change after publication is a new item for
  feed readers (its id carries the date) titled « Mise à jour : … », so a reader following a
  territory sees its action plan change.
- Links are absolute, built from ``site_url`` in mkdocs.yml: a feed is read away from the
  site. Without ``site_url`` no feed is written (the build says so).
- Authors are names only (``dc:creator`` in RSS, whose ``author`` element must be an e-mail
  address); no e-mail address is ever published.
"""

from __future__ import annotations

import datetime as dt
import json
import posixpath
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from email.utils import format_datetime
from html import escape

from ..content.history import FileHistory
from ..content.model import Entry
from ..graph import Graph
from ..render.entity import kind_label
from ..render.links import page_url
from ..render.news import FEED_FILE, NEWS_PAGE

FEED_LIMIT = 50
RSS_FILE = f"{FEED_FILE}.xml"
JSON_FILE = f"{FEED_FILE}.json"
FEED_DIR = "flux"  # the territories' and practices' feeds
JSON_FEED_VERSION = "https://jsonfeed.org/version/1.1"
RSS_TYPE = "application/rss+xml"
JSON_TYPE = "application/feed+json"
ATOM_NS = "http://www.w3.org/2005/Atom"
DC_NS = "http://purl.org/dc/elements/1.1/"
SUMMARY_LIMIT = 500


@dataclass(frozen=True)
class Feed:
    """One feed's subject; ``path`` is its site path without extension."""

    path: str
    title: str
    description: str
    home: str  # site path of the page the feed follows
    entries: tuple[Entry, ...]

    @property
    def rss(self) -> str:
        return f"{self.path}.xml"

    @property
    def json(self) -> str:
        return f"{self.path}.json"


@dataclass(frozen=True)
class Item:
    id: str
    url: str
    title: str
    summary: str
    updated: dt.datetime
    published: dt.datetime | None
    authors: tuple[str, ...]
    category: str


def site_feeds(graph: Graph, site_name: str, site_description: str) -> list[Feed]:
    """The feed of the whole base, then one per territory and per practice."""
    everything = Feed(
        FEED_FILE,
        site_name,
        site_description or f"Nouveautés de « {site_name} »",
        page_url(NEWS_PAGE),
        tuple(graph.entries.values()),
    )
    feeds = [everything]
    for territory in graph.by_kind.get("territoire", []):
        slug = territory.slug
        entries = [territory, *graph.deliverables.get(slug, {}).values()]
        entries += graph.items_by_territory.get(slug, [])
        feeds.append(
            Feed(
                territory_feed(slug),
                f"{territory.title} — {site_name}",
                f"Nouveautés du territoire « {territory.title} » : fiche, livrables et "
                "interventions qui le concernent.",
                page_url(territory.src_uri),
                tuple(entries),
            )
        )
    for slug, practice in graph.practices.items():
        entries = ([practice.entry] if practice.entry else []) + graph.by_practice.get(slug, [])
        feeds.append(
            Feed(
                practice_feed(slug),
                f"{practice.title} — {site_name}",
                f"Nouveautés de la pratique « {practice.title} » : sa définition et les "
                "interventions qui la mobilisent.",
                f"pratiques/{slug}/",
                tuple(entries),
            )
        )
    return feeds


def territory_feed(slug: str) -> str:
    return f"{FEED_DIR}/territoires/{slug}"


def practice_feed(slug: str) -> str:
    return f"{FEED_DIR}/pratiques/{slug}"


def written(graph: Graph, site_url: str) -> bool:
    """Whether the site has feeds: they need the history and ``site_url`` (absolute links)."""
    return graph.history is not None and bool(site_url)


def file_names(graph: Graph, site_url: str, site_name: str, site_description: str) -> list[str]:
    """The paths ``all_files`` writes, in its order, without writing anything."""
    if not written(graph, site_url):
        return []
    return [p for f in site_feeds(graph, site_name, site_description) for p in (f.rss, f.json)]


def all_files(graph: Graph, site_url: str, site_name: str, site_description: str) -> dict:
    """Site path → content of every feed (none without history or ``site_url``)."""
    if not written(graph, site_url):
        return {}
    base = site_url if site_url.endswith("/") else site_url + "/"
    out = {}
    for feed in site_feeds(graph, site_name, site_description):
        items = feed_items(graph, feed.entries, base)
        out[feed.rss] = rss(feed, items, base, graph.history.now)
        out[feed.json] = json_feed(feed, items, base)
    return out


def feed_items(graph: Graph, entries: tuple[Entry, ...], base: str) -> list[Item]:
    history = graph.history
    assert history is not None
    dated = [(e, found) for e in entries if (found := history.get(e.path)) is not None]
    dated.sort(key=lambda pair: (-pair[1].updated.timestamp(), pair[0].path))
    return [_item(graph, entry, found, base) for entry, found in dated[:FEED_LIMIT]]


def _item(graph: Graph, entry: Entry, found: FileHistory, base: str) -> Item:
    url = base + page_url(entry.src_uri)
    updated_later = found.published is None or found.updated.date() != found.published.date()
    title = entry.title
    if updated_later and found.published is not None:
        title = f"Mise à jour : {title}"
    return Item(
        id=f"{url}#{found.updated.astimezone(dt.UTC):%Y%m%dT%H%M%SZ}",
        url=url,
        title=title,
        summary=summary(graph, entry),
        updated=found.updated,
        published=found.published,
        authors=found.authors,
        category=kind_label(entry, graph),
    )


def summary(graph: Graph, entry: Entry) -> str:
    """The entry's own summary, or what it is and where it belongs."""
    text = entry.meta.get("description") or entry.meta.get("resume")
    if text:
        text = " ".join(str(text).split())
        return text if len(text) <= SUMMARY_LIMIT else text[: SUMMARY_LIMIT - 1] + "…"
    territory = graph.get("territoire", entry.territory or "")
    if territory is not None and entry.kind != "territoire":
        return f"{kind_label(entry, graph)} — {territory.title}"
    return kind_label(entry, graph)


def rss(feed: Feed, items: list[Item], base: str, now: dt.datetime | None) -> str:
    """RSS 2.0 (rssboard.org/rss-specification), with the feed's own address (atom:link)."""
    ET.register_namespace("atom", ATOM_NS)
    ET.register_namespace("dc", DC_NS)
    root = ET.Element("rss", {"version": "2.0"})
    channel = ET.SubElement(root, "channel")
    _text(channel, "title", feed.title)
    _text(channel, "link", base + feed.home)
    _text(channel, "description", feed.description)
    _text(channel, "language", "fr")
    newest = items[0].updated if items else now
    if newest is not None:
        _text(channel, "lastBuildDate", format_datetime(newest))
    ET.SubElement(
        channel,
        f"{{{ATOM_NS}}}link",
        {"href": base + feed.rss, "rel": "self", "type": RSS_TYPE},
    )
    for item in items:
        node = ET.SubElement(channel, "item")
        _text(node, "title", item.title)
        _text(node, "link", item.url)
        _text(node, "description", item.summary)
        _text(node, "category", item.category)
        for name in item.authors:
            _text(node, f"{{{DC_NS}}}creator", name)
        ET.SubElement(node, "guid", {"isPermaLink": "false"}).text = item.id
        _text(node, "pubDate", format_datetime(item.updated))
    ET.indent(root, space=" ")
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(root, "unicode") + "\n"


def json_feed(feed: Feed, items: list[Item], base: str) -> str:
    """JSON Feed 1.1 (jsonfeed.org/version/1.1)."""
    document = {
        "version": JSON_FEED_VERSION,
        "title": feed.title,
        "home_page_url": base + feed.home,
        "feed_url": base + feed.json,
        "description": feed.description,
        "language": "fr",
        "items": [_json_item(item) for item in items],
    }
    return json.dumps(document, ensure_ascii=False, indent=1) + "\n"


def _json_item(item: Item) -> dict:
    out: dict = {
        "id": item.id,
        "url": item.url,
        "title": item.title,
        "content_text": item.summary,
        "date_published": (item.published or item.updated).isoformat(),
        "date_modified": item.updated.isoformat(),
        "tags": [item.category],
    }
    if item.authors:
        out["authors"] = [{"name": name} for name in item.authors]
    return out


def _text(parent: ET.Element, tag: str, text: str) -> ET.Element:
    node = ET.SubElement(parent, tag)
    node.text = _xml_safe(text)
    return node


def _xml_safe(text: str) -> str:
    """XML 1.0 cannot carry most control characters, even escaped: they are dropped."""
    return "".join(ch for ch in str(text) if _xml_char(ord(ch)))


def _xml_char(code: int) -> bool:
    return (
        code in (0x9, 0xA, 0xD)
        or 0x20 <= code <= 0xD7FF
        or 0xE000 <= code <= 0xFFFD
        or 0x10000 <= code <= 0x10FFFF
    )


def relative_href(page_url_: str, target: str) -> str:
    """A site path as seen from a page's URL (``seances/01-enjeux/`` → ``../../flux.xml``)."""
    folder = page_url_ if page_url_.endswith("/") else posixpath.dirname(page_url_)
    return posixpath.relpath(target, folder or ".")


def head_links(site_name: str, page_url_: str, extra: tuple[str, str] | None = None) -> str:
    """``<link rel="alternate">`` announcing the feeds to browsers and feed readers."""
    links = [
        (RSS_TYPE, f"{site_name} (RSS)", RSS_FILE),
        (JSON_TYPE, f"{site_name} (JSON Feed)", JSON_FILE),
    ]
    if extra is not None:
        path, title = extra
        links += [
            (RSS_TYPE, f"{title} (RSS)", f"{path}.xml"),
            (JSON_TYPE, f"{title} (JSON Feed)", f"{path}.json"),
        ]
    return "".join(
        f'<link rel="alternate" type="{kind}" title="{escape(title)}" '
        f'href="{escape(relative_href(page_url_, href))}">'
        for kind, title, href in links
    )
