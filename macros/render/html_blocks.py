"""The engine's generated blocks as HTML, not Markdown: Python-Markdown passes a block of raw
HTML through untouched, so these blocks cost no conversion (about half of an entry's).

Every value is escaped here; links carry their final URL (``links.href``), as MkDocs would
have written it. They only ever point to pages the graph knows (entries, practices, themes,
actor types), so MkDocs' strict link check has nothing to miss. The page's HTML is still
sanitised after conversion, like every page built from contributed content.
"""

from __future__ import annotations

from html import escape

from .links import href


def a(from_uri: str, to_uri: str, label: str, anchor: str = "") -> str:
    """A link from page ``from_uri`` to page ``to_uri`` (source paths), ``label`` as text."""
    return f'<a href="{escape(href(from_uri, to_uri, anchor))}">{escape(str(label), False)}</a>'


def text(value: object) -> str:
    """A front-matter value as text, on one line as Markdown would have shown it."""
    return escape(str(value).replace("\n", " ").replace("\r", " "), False)


def item_list(items: list[str]) -> str:
    """An HTML ``<ul>`` block of already escaped items."""
    return "<ul>\n" + "\n".join(f"<li>{item}</li>" for item in items) + "\n</ul>\n"


def table(header: list[str], rows: list[list[str]], css: str) -> str:
    """A two-column table of already escaped cells in a classed ``<div>``, as the Markdown
    table of ``sessions.table`` comes out of Python-Markdown."""
    head = "".join(f"<th>{cell}</th>\n" for cell in header)
    body = "".join(
        "<tr>\n" + "".join(f"<td>{cell or '—'}</td>\n" for cell in row) + "</tr>\n" for row in rows
    )
    return (
        f'<div class="{css}">\n<table>\n<thead>\n<tr>\n{head}</tr>\n</thead>\n'
        f"<tbody>\n{body}</tbody>\n</table>\n</div>\n"
    )
