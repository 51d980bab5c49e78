"""Material's navigation (sidebar and tabs), rendered once per folder for the pages outside
the menu.

Most pages (the entries) are reached through the index pages, not through ``nav``. For such
a page, Material's ``partials/nav.html`` and ``partials/tabs.html`` depend on the page in
two ways only: which item is active (the page itself and its parents: a page outside the
menu has neither) and the relative links (``| url``). MkDocs writes a link to ``dest`` from
a page whose folder is ``D`` (its URL, without a file name) as
``'..' * (len(D) - common) + dest[common:]``, where ``common`` is the number of leading
parts both share. Unless ``dest`` lies in or under ``D``, ``common`` is decided by ``D``'s
parent folder, so every page outside the menu whose folder has the same parent, and no
menu link in or under it, gets the same HTML: it is rendered for the first and reused for
the others. Pages in the menu keep Material's rendering (their active item and their table
of contents). ``docs/overrides/partials/nav.html`` and ``tabs.html`` ask ``key`` and read
Material's own templates as ``material/partials/….html``.
"""

from __future__ import annotations

import posixpath
from pathlib import Path

import material
from jinja2 import ChoiceLoader, Environment, FileSystemLoader, PrefixLoader

MATERIAL_TEMPLATES = Path(material.__file__).parent / "templates"


def _parts(url: str) -> tuple[str, ...]:
    """``url``'s folders as MkDocs compares them (``mkdocs.utils._norm_parts``)."""
    path = posixpath.normpath(url if url.startswith("/") else "/" + url)[1:]
    return tuple(path.split("/")) if path else ()


def _folder(url: str) -> tuple[str, ...]:
    """The folder links are written from (MkDocs drops a last part holding a dot)."""
    head, _, last = url.rpartition("/")
    return _parts(head if "." in last else url)


def _menu_urls(items) -> list[str]:
    urls = []
    for item in items:
        url = getattr(item, "url", None)
        if isinstance(url, str):
            urls.append(url)
        urls += _menu_urls(getattr(item, "children", None) or [])
    return urls


class NavReuse:
    """One build's rendered sidebars, by folder key."""

    def __init__(self, nav, other_urls: list[str]) -> None:
        self.menu = {page.file.src_uri for page in nav.pages}
        urls = _menu_urls(nav.items) + other_urls
        if nav.homepage is not None:
            urls.append(nav.homepage.url)
        # every folder some menu link lies in or under: a page there is rendered as usual
        self.linked = {parts[:i] for parts in map(_parts, urls) for i in range(len(parts) + 1)}
        self.kept: dict[tuple, str] = {}

    def key(self, page) -> tuple | None:
        """What the page's sidebar depends on, or ``None`` when it must be rendered."""
        file = getattr(page, "file", None)
        if file is None or file.src_uri in self.menu or page.url is None:
            return None
        folder = _folder(page.url)
        if folder in self.linked:
            return None
        return folder[:-1]  # () is in self.linked: a parent decides the depth too

    def get(self, name: str, key: tuple) -> str | None:
        return self.kept.get((name, *key))

    def keep(self, name: str, key: tuple, html: str) -> str:
        self.kept[(name, *key)] = html
        return ""


def install(env: Environment, nav, config) -> None:
    """Let the override reach Material's template and this build's kept sidebars."""
    # the sidebar's other relative links: the logo and a configured home page
    other = [config.theme.get("logo"), (config.extra or {}).get("homepage")]
    env.loader = ChoiceLoader(
        [PrefixLoader({"material": FileSystemLoader(str(MATERIAL_TEMPLATES))}), env.loader]
    )
    env.globals["capi_nav"] = NavReuse(nav, [u for u in other if isinstance(u, str)])
