"""Where entities live in the site and how one page links to another."""

from __future__ import annotations

import posixpath
from functools import lru_cache
from urllib.parse import quote

from ..content.model import Entry

GENERATED_DIRS = {"pratique": "pratiques", "thematique": "thematiques", "acteur": "acteurs"}
# an intervention's metadata key → the folder of the generated pages its values have
TAG_PAGES = {"pratiques": "pratiques", "thematiques": "thematiques", "type_acteur": "acteurs"}
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


# Generated blocks are written as HTML (html_blocks.py), which MkDocs does not rewrite: their
# links carry the final URL, computed here as MkDocs computes it for a Markdown link. The
# plugin sets the URL mode of the build before any page is written.
_URL_MODE = {"directory_urls": True}


def set_directory_urls(enabled: bool) -> None:
    _URL_MODE["directory_urls"] = enabled


def href(from_uri: str, to_uri: str, anchor: str = "") -> str:
    """The URL of page ``to_uri`` relative to page ``from_uri`` (both source paths), exactly as
    MkDocs writes a Markdown link between them (mkdocs.utils.get_relative_url)."""
    directory_urls = _URL_MODE["directory_urls"]
    url = _relative_url(page_url(to_uri, directory_urls), page_url(from_uri, directory_urls))
    return quote(url, safe=_URL_SAFE) + (f"#{anchor}" if anchor else "")


_URL_SAFE = "/#%[]=:;$&()+,!?*@'~"  # mkdocs.structure.files' urlquote


@lru_cache(maxsize=65536)
def _relative_url(url: str, other: str) -> str:
    dirname, _, basename = other.rpartition("/")
    if "." in basename:
        other = dirname
    other_parts, dest_parts = _parts(other), _parts(url)
    common = 0
    for a, b in zip(other_parts, dest_parts):
        if a != b:
            break
        common += 1
    relurl = "/".join([".."] * (len(other_parts) - common) + dest_parts[common:]) or "."
    return relurl + "/" if url.endswith("/") or not url else relurl


def _parts(path: str) -> list[str]:
    path = posixpath.normpath("/" + path)[1:]
    return path.split("/") if path else []
