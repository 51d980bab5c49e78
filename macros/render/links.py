"""Where entities live in the site and how one page links to another."""

from __future__ import annotations

import posixpath
from functools import lru_cache

from ..content.model import Entry

GENERATED_DIRS = {"pratique": "pratiques", "thematique": "thematiques", "acteur": "acteurs"}
INDEX_PAGES = {
    "seances": "seances/index.md",
    "retours": "retours/index.md",
    "territoires": "territoires/index.md",
    "pratiques": "pratiques/index.md",
    "thematiques": "thematiques/index.md",
    "acteurs": "acteurs/index.md",
}


def src_uri(kind: str, slug: str, entry: Entry | None = None) -> str:
    """Site source path (relative to the docs root) of an entity page."""
    if entry is not None:
        return entry.src_uri
    return f"{GENERATED_DIRS[kind]}/{slug}.md"


def relative(from_uri: str, to_uri: str) -> str:
    """Relative path between two source files, as Markdown links to .md files need."""
    return _relative(posixpath.dirname(from_uri) or ".", to_uri)


@lru_cache(maxsize=65536)
def _relative(from_dir: str, to_uri: str) -> str:
    return posixpath.relpath(to_uri, from_dir)


# every character Python-Markdown can escape (its ESCAPED_CHARS with the tables extension),
# backslash-escaped; « & » and « < » as entities, so a value is always shown as written
_MD_ESCAPES = {ord(c): "\\" + c for c in "\\`*_{}[]()#+-.!|>"}
_MD_ESCAPES.update({ord("&"): "&amp;", ord("<"): "&lt;", ord("\n"): " ", ord("\r"): " "})


def md_escape(text: str) -> str:
    """A front-matter value as literal text inside generated Markdown (labels, cells,
    headings): no link, no emphasis, no attribute list, no HTML can come out of it."""
    return str(text).translate(_MD_ESCAPES)


def link(from_uri: str, to_uri: str, label: str, anchor: str = "") -> str:
    target = relative(from_uri, to_uri) + (f"#{anchor}" if anchor else "")
    return f"[{md_escape(label)}](<{target}>)"


def page_url(src_uri: str, directory_urls: bool = True) -> str:
    """Site-relative URL of a page, as MkDocs writes it in either URL mode."""
    if src_uri.endswith("index.md"):
        folder = src_uri[: -len("index.md")]
        return folder if directory_urls else folder + "index.html"
    return src_uri[:-3] + ("/" if directory_urls else ".html")
