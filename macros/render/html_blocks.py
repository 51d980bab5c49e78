"""The engine's generated blocks as HTML, not Markdown: they cost no conversion (they were
about half of an entry's).

A block waits in the page's Markdown as a placeholder (``block``: a paragraph of letters and
digits with a per-process random key, so contributed text cannot forge one, and Python-
Markdown has no raw HTML to parse) and comes back after the page is sanitised, like the
charts (``sanitize.TRUSTED``). So every value is escaped here, and written as the sanitiser
would have written it. Links carry their final URL (``links.href``), as MkDocs would have
written it; they only ever point to pages the graph knows (entries, practices, themes, actor
types), which tests/build/test_generated_links_built.py checks on the built site.
"""

from __future__ import annotations

from html import escape

from .links import href
from .sanitize import TRUSTED


def block(html: str) -> str:
    """``html`` as a block of the page's Markdown (blank lines around it are the caller's)."""
    # the sanitiser writes a no-break space as an entity: so do the blocks it no longer sees
    return TRUSTED.hold(html.rstrip("\n").replace("\u00a0", "&nbsp;"), block=True) + "\n"


def a(from_uri: str, to_uri: str, label: str, anchor: str = "") -> str:
    """A link from page ``from_uri`` to page ``to_uri`` (source paths), ``label`` as text."""
    url = escape(href(from_uri, to_uri, anchor), False).replace('"', "&quot;")
    return f'<a href="{url}">{escape(str(label), False)}</a>'


def text(value: object) -> str:
    """A front-matter value as text, on one line as Markdown would have shown it."""
    return escape(str(value).replace("\n", " ").replace("\r", " "), False)


def item_list(items: list[str]) -> str:
    """An HTML ``<ul>`` block of already escaped items."""
    return block(item_list_html(items))


def item_list_html(items: list[str]) -> str:
    """The ``<ul>`` of already escaped items, to put in a larger block."""
    return "<ul>\n" + "\n".join(f"<li>{item}</li>" for item in items) + "\n</ul>"


def stacked_table(
    header: list[str], rows: list[list[str]], css: str = "", labels: list[str] | None = None
) -> str:
    """``sessions.table`` in HTML, for cells already in HTML: with three columns or more,
    each cell starts with its column's name (``labels``, plain text), which only phones
    show (capi.css)."""
    if len(header) >= 3:
        names = [escape(name, False) for name in (labels or header)]
        rows = [
            [
                f'<span class="capi-cell-label">{n}</span> {cell or "—"}'
                for n, cell in zip(names, row)
            ]
            for row in rows
        ]
        css = f"capi-table {css}".strip()
    return table(header, rows, css)


def table(header: list[str], rows: list[list[str]], css: str) -> str:
    """A two-column table of already escaped cells in a classed ``<div>``, as the Markdown
    table of ``sessions.table`` comes out of Python-Markdown."""
    head = "".join(f"<th>{cell}</th>\n" for cell in header)
    body = "".join(
        "<tr>\n" + "".join(f"<td>{cell or '—'}</td>\n" for cell in row) + "</tr>\n" for row in rows
    )
    return block(
        f'<div class="{css}">\n<table>\n<thead>\n<tr>\n{head}</tr>\n</thead>\n'
        f"<tbody>\n{body}</tbody>\n</table>\n</div>"
    )
