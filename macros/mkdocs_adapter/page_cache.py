"""A page's Markdown → HTML conversion, kept between builds (``.cache/capi/pages/``).

MkDocs converts the Markdown each page has once every plugin has changed it: for an entry,
the contributor's text with its references resolved and the engine's blocks around it.
That Markdown is the key, with everything else the conversion reads: the page's address,
the addresses of every page (links are resolved against them), the Markdown extensions and
their options, the link checks, the log level, and the versions of capi, MkDocs and
Python-Markdown. A title changed in one entry changes the Markdown of the pages that cite
it, so exactly those are converted again; nothing is ever served stale, and the folder may
be deleted at any time.

Entries are JSON files (never pickle: a cache folder could come from anyone); what the
conversion logged (a broken link) is logged again on a hit, so a strict build fails the
same way. ``make serve``, ``make build`` and ``capi publish`` share the folder; a serving
process also keeps the entries it read in memory.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import re
import tempfile
from importlib import metadata
from pathlib import Path
from typing import Any

from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

from ..render.sanitize import TRUSTED
from . import markdown_reuse

TRUSTED_RE = re.compile(rf"capitrusted{TRUSTED.key}n\d+")
ANY_TRUSTED_RE = re.compile(r"capitrusted[0-9a-f]+n\d+")
CACHE_DIR = Path(".cache") / "capi" / "pages"
FORMAT = 1  # bump when what an entry holds changes
PACKAGES = ("capi", "mkdocs", "markdown", "pymdown-extensions")


def _stable(value: Any) -> Any:
    """Configuration as JSON that is the same in every process (functions by name)."""
    if isinstance(value, dict):
        return {str(k): _stable(v) for k, v in sorted(value.items(), key=lambda kv: str(kv[0]))}
    if isinstance(value, (list, tuple, set, frozenset)):
        items = [_stable(v) for v in value]
        return sorted(items, key=repr) if isinstance(value, (set, frozenset)) else items
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    if callable(value):
        return f"{getattr(value, '__module__', '')}.{getattr(value, '__qualname__', '')}"
    return f"{type(value).__module__}.{type(value).__qualname__}:{value}"


def _versions() -> dict[str, str]:
    found = {}
    for name in PACKAGES:
        try:
            found[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            found[name] = "?"
    return found


def _toc_tokens(items) -> list[dict]:
    return [
        {
            "level": item.level,
            "id": item.id,
            "name": item.title,
            "children": _toc_tokens(item.children),
        }
        for item in items
    ]


class _Capture(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.NOTSET)
        self.records: list[list] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append([record.name, record.levelno, record.getMessage()])


class ConversionCache:
    """Converted pages by key, on disk under ``root`` and in memory."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.folder = root / CACHE_DIR
        self.memory: dict[str, dict] = {}
        self.context = ""
        self.hits = 0
        self.misses = 0

    def start_build(self, config, files: Files) -> None:
        """What every page's conversion shares in this build."""
        logger = logging.getLogger("mkdocs")
        context = {
            "format": FORMAT,
            "versions": _versions(),
            "extensions": _stable(config["markdown_extensions"]),
            "options": _stable(config["mdx_configs"] or {}),
            "directory_urls": config["use_directory_urls"],
            "validation": _stable(dict(config["validation"])),
            "log_level": logger.getEffectiveLevel(),
            "files": sorted((f.src_uri, f.url, f.inclusion.name) for f in files),
        }
        self.context = hashlib.sha256(_json(context).encode()).hexdigest()
        self.hits = self.misses = 0

    def render(self, page: Page, config, files: Files) -> None:
        """``Page.render``, or its result from an earlier build."""
        markdown = page.markdown or ""
        # the engine's charts wait in the Markdown as placeholders that differ from one
        # process to the next: the key holds where they are, the entry the ones it used
        tokens = [(m.start(), m.group(0)) for m in TRUSTED_RE.finditer(markdown)]
        keyed = TRUSTED_RE.sub("capitrusted", markdown) if tokens else markdown
        key = hashlib.sha256(
            _json(
                [self.context, page.file.src_uri, page.file.url, keyed, [s for s, _ in tokens]]
            ).encode()
        ).hexdigest()
        found = self._read(key)
        if found is not None and len(found.get("trusted", [])) == len(tokens):
            self.hits += 1
            self._apply(page, found, files)
            if tokens:
                now = dict(zip(found["trusted"], [token for _, token in tokens]))
                page.content = ANY_TRUSTED_RE.sub(
                    lambda m: now.get(m.group(0), m.group(0)), page.content or ""
                )
            return
        self.misses += 1
        capture = _Capture()
        logger = logging.getLogger("mkdocs")
        logger.addHandler(capture)
        try:
            markdown_reuse.render(page, config, files)
        finally:
            logger.removeHandler(capture)
        entry = self._entry(page, capture.records)
        entry["trusted"] = [token for _, token in tokens]
        self._write(key, entry)

    @staticmethod
    def _entry(page: Page, logged: list[list]) -> dict:
        links = page.links_to_anchors
        return {
            "content": page.content,
            "toc": _toc_tokens(page.toc),
            "title": page._title_from_render,
            "anchors": sorted(page.present_anchor_ids or ()),
            "links": None
            if links is None
            else {target.src_uri: anchors for target, anchors in links.items()},
            "logged": logged,
        }

    @staticmethod
    def _apply(page: Page, entry: dict, files: Files) -> None:
        for name, level, message in entry["logged"]:
            logging.getLogger(name).log(level, message)
        page.content = entry["content"]
        page.toc = get_toc(entry["toc"])
        page._title_from_render = entry["title"]
        page.present_anchor_ids = set(entry["anchors"])
        if entry["links"] is not None:
            page.links_to_anchors = {
                found: anchors
                for uri, anchors in entry["links"].items()
                if (found := files.get_file_from_path(uri)) is not None
            }

    def _path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.json"

    def _read(self, key: str) -> dict | None:
        entry = self.memory.get(key)
        if entry is not None:
            return entry
        try:
            entry = json.loads(self._path(key).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None  # absent or damaged: converted again
        if not _well_formed(entry):
            return None
        self.memory[key] = entry
        return entry

    def _write(self, key: str, entry: dict) -> None:
        self.memory[key] = entry
        path = self._path(key)
        try:  # atomic: a reader never sees half an entry (two processes may write at once)
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, temp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
            with os.fdopen(fd, "w", encoding="utf-8") as stream:
                stream.write(_json(entry))
            os.replace(temp, path)
        except OSError:
            pass  # a read-only checkout still builds, without the cache


def _well_formed(entry: Any) -> bool:
    return (
        isinstance(entry, dict)
        and isinstance(entry.get("content"), str)
        and isinstance(entry.get("toc"), list)
        and isinstance(entry.get("anchors"), list)
        and isinstance(entry.get("logged"), list)
        and (entry.get("links") is None or isinstance(entry.get("links"), dict))
        and all(isinstance(item, list) and len(item) == 3 for item in entry["logged"])
        and all(isinstance(token, str) for token in entry.get("trusted", []))
    )


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=False)
