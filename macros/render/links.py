"""Where entities live in the site and how one page links to another."""

from __future__ import annotations

import posixpath
from functools import lru_cache

from ..model import Entry

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


def md_escape(text: str) -> str:
    """Text safe inside Markdown link labels and table cells."""
    out = str(text).replace("\\", "\\\\").replace("<", "&lt;")
    for char in "[]*_`|":
        out = out.replace(char, "\\" + char)
    return out.replace("\n", " ")


def link(from_uri: str, to_uri: str, label: str, anchor: str = "") -> str:
    target = relative(from_uri, to_uri) + (f"#{anchor}" if anchor else "")
    return f"[{md_escape(label)}](<{target}>)"


def page_url(src_uri: str, directory_urls: bool = True) -> str:
    """Site-relative URL of a page, as MkDocs writes it in either URL mode."""
    if src_uri.endswith("index.md"):
        folder = src_uri[: -len("index.md")]
        return folder if directory_urls else folder + "index.html"
    return src_uri[:-3] + ("/" if directory_urls else ".html")
