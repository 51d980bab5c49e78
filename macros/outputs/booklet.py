"""The restitution booklet: the built pages assembled into one A4 PDF with WeasyPrint.

Why WeasyPrint rather than Chromium's print-to-PDF: it numbers the table of
contents (CSS ``target-counter``), writes PDF bookmarks and internal links,
and embeds font subsets; it installs from PyPI and needs no browser.
The booklet is made from the built site's pages, so it always says what the
site says.
"""

from __future__ import annotations

import html
import os
import posixpath
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

from weasyprint import HTML
from weasyprint.urls import URLFetcher

from ..graph import Graph
from ..render.links import page_url
from ..render.web_only import WEB_ONLY_RE  # banner, « Voir aussi », « Cité dans »

ARTICLE_RE = re.compile(r'<article class="md-content__inner md-typeset">(.*?)</article>', re.DOTALL)
DROP_RE = re.compile(
    r'<a [^>]*class="(?:md-content__button|headerlink)[^"]*"[^>]*>.*?</a>'
    r"|<script\b.*?</script>|<form\b.*?</form>",
    re.DOTALL,
)
ID_RE = re.compile(r'\bid="([^"]+)"')
HREF_RE = re.compile(r'\bhref="([^"]*)"')
H1_RE = re.compile(r"<h1[^>]*>(.*?)</h1>", re.DOTALL)

CSS = """
@page { size: A4; margin: 20mm 18mm 22mm 18mm;
  @bottom-center { content: counter(page) " / " counter(pages); font-size: 9pt; color: #555; }
  @top-right { content: string(section); font-size: 8.5pt; color: #555; } }
@page cover { @bottom-center { content: none; } @top-right { content: none; } }
html { font-family: "DejaVu Sans", "Liberation Sans", sans-serif; font-size: 10pt;
  line-height: 1.45; color: #111; }
.cover { page: cover; height: 240mm; display: flex; flex-direction: column;
  justify-content: center; break-after: page; }
.cover h1 { font-size: 24pt; line-height: 1.2; margin: 0 0 8mm; color: #1a237e; }
.cover p { font-size: 12pt; margin: 2mm 0; }
.cover .edition { font-size: 14pt; font-weight: bold; margin-top: 10mm; }
nav.toc { break-after: page; }
nav.toc ol { list-style: none; padding: 0; }
nav.toc li { margin: 1mm 0; }
nav.toc li.part { font-weight: bold; margin-top: 4mm; }
nav.toc li.page { padding-left: 6mm; }
nav.toc a { color: inherit; text-decoration: none; }
nav.toc a::after { content: leader(". ") target-counter(attr(href), page); }
h1.part { string-set: section content(); font-size: 20pt; color: #1a237e;
  break-before: page; bookmark-level: 1; }
section.page { break-before: page; }
section.page h1 { font-size: 16pt; bookmark-level: 2; color: #1a237e; }
section.page h2 { font-size: 13pt; bookmark-level: none; }
section.page h3 { font-size: 11pt; bookmark-level: none; }
a { color: #1a237e; }
table { border-collapse: collapse; width: 100%; margin: 3mm 0; font-size: 8.5pt; }
thead { display: table-header-group; }
tr, figure, svg { break-inside: avoid; }
nav.toc li.sub { padding-left: 12mm; font-size: 9pt; }
section.sub { break-before: auto; margin-top: 10mm; }
section.sub h1 { font-size: 14pt; bookmark-level: 3; }
.closing { break-before: page; }
.where { font-size: 9pt; color: #333; }
.where a::after { content: " (p. " target-counter(attr(href), page) ")"; }
.closing h1 { font-size: 16pt; color: #1a237e; bookmark-level: 1; string-set: section content(); }
th, td { border: .3pt solid #999; padding: 1.2mm; vertical-align: top; text-align: left; }
th { background: #e8eaf6; }
svg { max-width: 100%; height: auto; }
svg text { fill: currentColor; }
.capi-chart { width: 100%; }
.capi-chart .capi-grid { stroke: #ccc; }
.capi-chart .capi-track { fill: #e5e5e5; }
.capi-chart--narrow, .capi-cell-label { display: none; }
.admonition { border-left: 1mm solid #3949ab; padding: 1mm 3mm; margin: 3mm 0;
  background: #f5f5fa; }
.admonition-title { font-weight: bold; margin: 0; }
.capi-badges { font-size: 8.5pt; color: #444; }
.capi-history { font-size: 8.5pt; color: #444; }
.capi-new { display: none; }
"""


@dataclass(frozen=True)
class Part:
    title: str
    urls: list[str]
    children: frozenset[str] = frozenset()  # pages listed under the one before them


def parts(graph: Graph) -> list[Part]:
    """What the booklet holds, in reading order (site-relative directory URLs)."""

    def url(src_uri: str) -> str:
        return page_url(src_uri)

    seances, items = [], []
    for seance in graph.by_kind.get("seance", []):
        seances.append(url(seance.src_uri))
        programme = [url(item.src_uri) for item in graph.items_by_seance.get(seance.slug, [])]
        seances += programme
        items += programme
    territories, documents = [], []
    for territory in graph.by_kind.get("territoire", []):
        territories.append(url(territory.src_uri))
        docs = graph.deliverables.get(territory.slug, {})
        found = [
            url(docs[k].src_uri) for k in ("diagnostic", "plan-action", "partenariat") if k in docs
        ]
        territories += found
        documents += found
    book = [
        Part(
            "Restitution",
            [
                "restitution/",
                "restitution/seances/",
                "restitution/pratiques/",
                "restitution/territoires/",
            ],
        ),
        Part("Les séances", seances, frozenset(items)),
        Part("Les territoires et leurs livrables", territories, frozenset(documents)),
    ]
    # a part with no page would be a divider alone (a clean start has no territory yet;
    # the restitution's « Les territoires en une page » says so in a sentence)
    return [part for part in book if part.urls]


PRACTICE_INDEX = "Index des pratiques"


def practice_index(graph: Graph, anchors: dict[str, str]) -> tuple[str, dict[str, str]]:
    """The practices as a compact index: each with its definition and the pages of the
    booklet where it appears, with their page numbers (instead of a page of links each).
    Returns the HTML and the anchor of each practice's page URL, for links to it."""
    slugs = sorted(graph.practices, key=lambda s: graph.practice_title(s).lower())
    own = {f"pratiques/{slug}/": f"pratique-{n}" for n, slug in enumerate(slugs, 1)}
    out = [f'<h1 class="part" id="index-pratiques">{PRACTICE_INDEX}</h1>']
    for slug in slugs:
        practice = graph.practices[slug]
        out.append(f'<h2 id="{own[f"pratiques/{slug}/"]}">{html.escape(practice.title)}</h2>')
        summary = practice.entry.meta.get("description", "") if practice.entry else ""
        if summary:
            out.append(f"<p>{html.escape(summary)}</p>")
        where = [
            *graph.by_practice.get(slug, []),
            *(a.plan for a in graph.actions_by_practice.get(slug, [])),
        ]
        links = []
        for entry in dict.fromkeys(where):  # once each, in reading order
            pid = anchors.get(page_url(entry.src_uri))
            if pid is not None:
                links.append(f'<a href="#{pid}">{html.escape(entry.title)}</a>')
        said = ", ".join(links) if links else "pas encore de fiche"
        out.append(f'<p class="where">Apparaît dans : {said}.</p>')
    return "".join(out), own


def _page_html(site_dir: Path, url: str) -> str:
    path = site_dir / url / "index.html"
    match = ARTICLE_RE.search(path.read_text(encoding="utf-8"))
    return WEB_ONLY_RE.sub("", DROP_RE.sub("", match.group(1))) if match else ""


def _rewrite(article: str, url: str, anchors: dict[str, str], prefix: str) -> str:
    """Make ids unique in the booklet and point links at pages inside it."""
    article = ID_RE.sub(lambda m: f'id="{prefix}-{m.group(1)}"', article)

    def href(match: re.Match[str]) -> str:
        target = html.unescape(match.group(1))
        if target.startswith(("http://", "https://", "mailto:")):
            return match.group(0)
        path, _, fragment = target.partition("#")
        if not path:
            return f'href="#{prefix}-{fragment}"' if fragment else 'href="#"'
        resolved = posixpath.normpath(posixpath.join(url, path))
        resolved = "" if resolved == "." else resolved.rstrip("/") + "/"
        resolved = resolved.removesuffix("index.html/")
        page = anchors.get(resolved)
        if page is None:
            return 'data-hors-livret="1"'  # a page not in the booklet: keep the text only
        return f'href="#{page}-{fragment}"' if fragment else f'href="#{page}"'

    return HREF_RE.sub(href, article)


def booklet_html(
    site_dir: Path,
    graph: Graph,
    title: str,
    edition: str,
    organiser: str,
    date: str,
    licence: str = "",
    subtitle: str = "",
) -> str:
    book = parts(graph)
    examples = sum(1 for entry in graph.entries.values() if entry.is_example)
    anchors: dict[str, str] = {}
    for part in book:
        for url in part.urls:
            anchors.setdefault(url, f"p{len(anchors) + 1}")
    index, practice_anchors = practice_index(graph, anchors)
    anchors.update(practice_anchors)  # links to a practice lead to its index entry
    toc, body, seen = [], [], set()
    for n, part in enumerate(book, 1):
        toc.append(f'<li class="part"><a href="#partie-{n}">{html.escape(part.title)}</a></li>')
        body.append(f'<h1 class="part" id="partie-{n}">{html.escape(part.title)}</h1>')
        for url in part.urls:
            if url not in seen and (site_dir / url / "index.html").is_file():
                seen.add(url)
                article = _page_html(site_dir, url)
                heading = H1_RE.search(article)
                name = re.sub(r"<[^>]+>", "", heading.group(1)).strip() if heading else url
                pid = anchors[url]
                level = "sub" if url in part.children else "page"
                shown = html.escape(html.unescape(name))
                toc.append(f'<li class="{level}"><a href="#{pid}">{shown}</a></li>')
                body.append(
                    f'<section class="{"page sub" if level == "sub" else "page"}" id="{pid}">'
                    f"{_rewrite(article, url, anchors, pid)}</section>"
                )
    toc.append(f'<li class="part"><a href="#index-pratiques">{PRACTICE_INDEX}</a></li>')
    body.append(index)
    cover = (
        f'<section class="cover"><h1>{html.escape(title)}</h1>'
        + (f"<p>{html.escape(subtitle)}</p>" if subtitle else "")
        + f'<p class="edition">Édition {html.escape(edition)}</p>'
        f"<p>{html.escape(organiser)}</p><p>Publié le {html.escape(date)}</p></section>"
    )
    return (
        f'<!doctype html><html lang="fr"><head><meta charset="utf-8">'
        f"<title>{html.escape(title)} — édition {html.escape(edition)}</title>"
        f'<meta name="author" content="{html.escape(organiser)}">'
        f'<meta name="dcterms.created" content="{html.escape(date)}">'
        f"<style>{CSS}</style></head><body>{cover}"
        f'<nav class="toc"><h1>Sommaire</h1><ol>{"".join(toc)}</ol></nav>'
        f"{''.join(body)}{_closing(title, edition, organiser, date, licence, examples)}"
        "</body></html>"
    )


def _closing(
    title: str, edition: str, organiser: str, date: str, licence: str, examples: int
) -> str:
    """The last page: what this booklet is, when and by whom, under which licence."""
    by = f" par {html.escape(organiser)}" if organiser else ""
    lines = [
        f"Édition {html.escape(edition)}, publiée le {html.escape(date)}{by}.",
        f"Ce livret rassemble les pages de la base de connaissances « {html.escape(title)} » "
        "telles qu'elles étaient à cette date ; le site, tenu à jour, fait foi.",
        "Textes : les territoires participants, les intervenants et l'équipe d'animation du cycle.",
    ]
    if examples:  # the web pages' banner is left out of print: said here once
        lines.append(
            f"{examples} fiche{'s' if examples > 1 else ''} de ce livret "
            f"{'sont des exemples fictifs' if examples > 1 else 'est un exemple fictif'}, "
            "qui montrent comment une fiche se remplit ; le site les signale par un bandeau."
        )
    if licence:
        lines.append(f"Données ouvertes publiées avec le site sous licence {html.escape(licence)}.")
    paragraphs = "".join(f"<p>{line}</p>" for line in lines)
    return f'<section class="closing"><h1>À propos de ce livret</h1>{paragraphs}</section>'


# « rel="attachment" » makes WeasyPrint embed the target as a PDF attachment: never wanted
ATTACHMENT_RE = re.compile(r"""\brel\s*=\s*(["']?)[^"'>]*attachment[^"'>]*\1""", re.IGNORECASE)


def site_only_fetcher(site_dir: Path):
    """A WeasyPrint URL fetcher that serves the built site's own files and nothing else:
    no ``file:`` outside it (symlinks included), no network, so the PDF cannot carry a
    file of the build machine or make a request."""
    root = site_dir.resolve()

    class SiteOnlyFetcher(URLFetcher):
        def fetch(self, url, headers=None):
            _refuse_outside(url, root)
            return super().fetch(url, headers)

    return SiteOnlyFetcher(allowed_protocols={"file", "data"}, allow_redirects=False)


def _refuse_outside(url: str, root: Path) -> None:
    parts = urlsplit(url)
    if parts.scheme == "data":
        return
    if parts.scheme != "file" or parts.netloc not in ("", "localhost"):
        raise ValueError(f"ressource hors du site refusée : {url[:80]}")
    path = Path(unquote(parts.path))
    try:
        inside = path.resolve(strict=True).relative_to(root)
    except (OSError, ValueError):
        raise ValueError(f"fichier hors du site refusé : {url[:80]}") from None
    if path.is_symlink() or Path(os.path.abspath(path)).relative_to(root) != inside:
        raise ValueError(f"lien symbolique refusé : {url[:80]}")


def write_booklet(
    site_dir: Path,
    graph: Graph,
    out: Path,
    title: str,
    edition: str,
    organiser: str,
    date: str,
    licence: str = "",
    subtitle: str = "",
) -> None:
    document = booklet_html(site_dir, graph, title, edition, organiser, date, licence, subtitle)
    render_pdf(document, site_dir, out)


def render_pdf(document: str, site_dir: Path, out: Path) -> None:
    """``document`` as a PDF, reading nothing but the files of ``site_dir``."""
    HTML(
        string=ATTACHMENT_RE.sub("", document),
        base_url=str(site_dir) + "/",
        url_fetcher=site_only_fetcher(site_dir),
    ).write_pdf(out)
