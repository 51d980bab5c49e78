"""The preview's memory of laid-out pages: an unchanged entry is not laid out again.

``mkdocs serve`` rebuilds the whole site on every save, into a folder it empties first;
laying out a thousand pages in the theme's templates is most of that time. While serving,
the plugin keeps each entry page's HTML with the key of everything its layout reads: the
page (HTML, table of contents, front matter, title, addresses, date), the menu (every
item's title and address), ``mkdocs.yml``, the theme's files and what the engine adds at
the end (feeds, image hosts, the theme's scripts). A page whose key did not change is
written again as it was. Only pages outside the menu are kept: the menu of a page in it
shows where the page is, and its neighbours.
"""

from __future__ import annotations

import hashlib
import json
from importlib import metadata
from pathlib import Path

from mkdocs.structure.pages import Page


def _menu(items) -> list:
    return [
        [type(item).__name__, item.title, getattr(item, "url", None), _menu(item.children or [])]
        for item in items
    ]


def _theme_files(custom_dir: str | None) -> list:
    """The project's template overrides (the theme's own files change with its version)."""
    found = []
    if custom_dir:
        for path in sorted(Path(custom_dir).rglob("*")):
            if path.is_file():
                stat = path.stat()
                found.append([str(path), stat.st_size, stat.st_mtime_ns])
    return found


def _material_version() -> str:
    try:
        return metadata.version("mkdocs-material")
    except metadata.PackageNotFoundError:
        return "?"


def _toc(items) -> list:
    return [[item.title, item.id, item.level, _toc(item.children)] for item in items]


class OutputCache:
    """src_uri → (key, HTML bytes) of the last build, in memory."""

    def __init__(self) -> None:
        self.pages: dict[str, tuple[str, bytes]] = {}
        self.site = ""
        self.reused = 0
        self.laid_out = 0
        self.keys: dict[int, str | None] = {}  # id(page) → key, for this build

    def start_build(self, config, nav, extra: list) -> None:
        """What every page's layout shares in this build."""
        config_file = Path(config.config_file_path or "mkdocs.yml")
        site = [
            config_file.read_bytes().decode("utf-8", "replace") if config_file.is_file() else "",
            config.site_url,
            _menu(nav.items),
            _theme_files(config.theme.custom_dir),
            config.theme.name,
            _material_version(),
            extra,
        ]
        self.site = _digest(site)
        self.reused = 0
        self.laid_out = 0
        self.keys = {}

    def key(self, page: Page) -> str | None:
        """The page's key, or ``None`` for a page of the menu."""
        if id(page) not in self.keys:
            self.keys[id(page)] = self._key(page)
        return self.keys[id(page)]

    def _key(self, page: Page) -> str | None:
        if page.parent is not None or page.previous_page or page.next_page or page.is_homepage:
            return None
        return _digest(
            [
                self.site,
                page.file.src_uri,
                page.url,
                page.title,
                page.content,
                _toc(page.toc),
                page.meta,
                page.canonical_url,
                page.edit_url,
                page.update_date,
            ]
        )

    def has(self, page: Page) -> bool:
        """Whether the page's layout is kept and still right."""
        kept = self.pages.get(page.file.src_uri)
        return kept is not None and kept[0] == self.key(page)

    def restore(self, page: Page) -> bool:
        """Write the page as it was, if nothing it shows changed."""
        kept = self.pages.get(page.file.src_uri)
        if kept is None or kept[0] != self.key(page):
            return False
        path = Path(page.file.abs_dest_path)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(kept[1])
        self.reused += 1
        return True

    def keep(self, page: Page) -> None:
        """Remember the page MkDocs just wrote."""
        self.laid_out += 1
        key = self.key(page)
        path = Path(page.file.abs_dest_path)
        if key is not None and path.is_file():
            self.pages[page.file.src_uri] = (key, path.read_bytes())


def _digest(value) -> str:
    text = json.dumps(value, ensure_ascii=False, sort_keys=True, default=repr)
    return hashlib.sha256(text.encode()).hexdigest()
