"""The preview after a save: only what the save changes is made again.

``mkdocs serve`` rebuilds the whole site after every save (seconds at 1,000 entries). When
every saved file is an entry that was already there (no file added, removed or renamed; no
vocabulary, configuration, template, asset or hand-written page changed) and the problems
found are the same, the server's builder does this instead:

1. read the corpus again (only the saved files: corpus_memory.py) and build the graph;
2. recompute the Markdown of the generated pages, of the organisers' pages and of the entry
   pages that may show something of the saved entries (render/dependents.py), and convert
   and lay out only those whose Markdown or front matter changed (``page_digest``);
3. write again the generated files that changed (explorer data, open data, feeds, editor
   configuration), then the search index from every page's part, in the build's order.

Anything else, or a page of the menu whose title changed (every page shows the menu), runs
MkDocs' full rebuild: the result is the site a fresh preview serves
(tests/build/test_serve_incremental.py).
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import mkdocs.commands.build as mkdocs_build
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.pages import Page
from watchdog.events import (
    DirCreatedEvent,
    DirDeletedEvent,
    DirMovedEvent,
    FileClosedEvent,
    FileCreatedEvent,
    FileDeletedEvent,
    FileModifiedEvent,
    FileMovedEvent,
)
from watchdog.observers import Observer
from watchdog.observers.polling import PollingObserver

from ..content.corpus import load_corpus
from ..content.history import after_saving
from ..graph import Graph
from ..messages import say
from ..outputs.atomic import replace_bytes
from ..outputs.search_index import SearchIndex
from ..render.dependents import dependents
from ..render.links import TAG_PAGES
from ..render.sanitize import TRUSTED
from . import forked_search, parallel

# the CapiPlugin, which imports this module (no import back: no cycle)
CapiPlugin = Any

log = get_plugin_logger("capi")
Snapshot = dict[str, tuple[int, int]]
Key = tuple[str, str]


def page_digest(page: Page) -> str:
    """What a page shows once its plugins ran: its Markdown with the engine's blocks written
    out (their placeholders differ from build to build), its front matter and its date."""
    facts = [page.url, TRUSTED.expanded(page.markdown or ""), page.meta, page.update_date]
    text = json.dumps(facts, ensure_ascii=False, sort_keys=True, default=repr)
    return hashlib.sha256(text.encode()).hexdigest()


def snapshot(paths: list[Path]) -> Snapshot:
    """Size and modification time of every file under ``paths``."""
    found: Snapshot = {}
    for base in paths:
        if base.is_file():
            stat = base.lstat()
            found[str(base)] = (stat.st_size, stat.st_mtime_ns)
            continue
        for folder, _dirs, names in os.walk(base):
            for name in names:
                path = os.path.join(folder, name)
                stat = os.lstat(path)
                found[path] = (stat.st_size, stat.st_mtime_ns)
    return found


@dataclass
class Preview:
    """The last build while serving: what a save is compared with and redone in."""

    watched: list[Path]
    files_seen: Snapshot
    config: Any = None
    files: Any = None
    nav: Any = None
    env: Any = None
    menu: set[str] = field(default_factory=set)  # src_uri of the pages in the menu


class Builder:
    """The server's builder: the incremental update when it can, MkDocs' rebuild otherwise."""

    def __init__(self, plugin: CapiPlugin, full) -> None:
        self.plugin = plugin
        self.full = full

    def __call__(self, config=None) -> None:
        try:
            done = config is None and update(self.plugin)
        except Exception as exc:  # noqa: BLE001 - the full rebuild says what is wrong
            log.info(say("serve.full_rebuild", reason=f"{type(exc).__name__}: {exc}"))
            done = False
        if not done:
            self.full(config)


def watch_natively(server) -> None:
    """The system's file notifications instead of MkDocs' polling, which looks every half
    second (half the preview's budget): the paths already watched move to the new watcher.
    Left as it is where the system has none, or if MkDocs' server changed shape."""
    watched = getattr(server, "_watched_paths", None)
    if not isinstance(watched, dict) or not hasattr(server, "_watch_refs"):
        return
    observer = _WritesObserver()
    if isinstance(observer, PollingObserver):
        return
    paths = list(watched)
    server.observer = observer
    watched.clear()
    server._watch_refs.clear()
    for path in paths:
        server.watch(path)


class _WritesObserver(Observer):  # type: ignore[misc, valid-type]
    """Told of writes only: a file the build opens to read would otherwise start the next
    rebuild (and reload the browser twice)."""

    WRITES = [
        FileCreatedEvent,
        FileModifiedEvent,
        FileDeletedEvent,
        FileMovedEvent,
        FileClosedEvent,
        DirCreatedEvent,
        DirDeletedEvent,
        DirMovedEvent,
    ]

    def schedule(self, handler, path, *, recursive=False, event_filter=None, **options):
        return super().schedule(
            handler, path, recursive=recursive, event_filter=event_filter or self.WRITES, **options
        )


def update(plugin: CapiPlugin) -> bool:
    """Redo what the saved files change; ``False`` when only a full rebuild can."""
    state = plugin.preview
    if state is None or state.env is None or plugin.corpus is None:
        return False
    phases = _Phases()
    now = snapshot(state.watched)
    if now == state.files_seen:
        log.info(say("serve.nothing"))
        return True
    keys = _saved_entries(plugin, state.files_seen, now)
    if keys is None:
        return False
    phases.mark("fichiers")
    old_graph = plugin.graph
    dated = _reload(plugin, keys)
    if old_graph is None or dated is None:
        return False
    phases.mark("fiches et graphe")
    state.files_seen = now
    aside = _write_files_aside(plugin, state)
    index, parts = plugin.search, dict(plugin.search_parts)
    plugin.search = SearchIndex()  # the redone pages' parts are swapped in below
    graphs = [old_graph, plugin.graph]
    try:
        redone = _redo(plugin, state, dependents(graphs, keys), _tags(graphs, keys))
        phases.mark("pages")
    finally:
        _wait(aside)
    phases.mark("données")
    if redone is None:
        return False
    plugin.search = index
    _patch_search(plugin, parts, Path(state.config.site_dir))
    if dated:  # the sitemap gives each page's last change
        mkdocs_build._build_theme_template(
            "sitemap.xml", state.env, state.files, state.config, state.nav
        )
    phases.mark("recherche")
    total = len(state.files.documentation_pages())
    log.info(say("serve.reused", laid_out=len(redone), reused=total - len(redone)))
    log.info(say("serve.incremental", seconds=phases.total()))
    log.debug(phases.detail())  # `mkdocs serve -v`: where the time went
    return True


def _saved_entries(plugin: CapiPlugin, before: Snapshot, now: Snapshot) -> set[Key] | None:
    """Keys of the saved entries, or ``None`` when something else changed (a file added,
    removed or renamed changes menus and addresses; other files, anything)."""
    if now.keys() != before.keys():
        return None
    assert plugin.corpus is not None
    saved = {str(plugin.root / e.path): e.key for e in plugin.corpus.entries}
    changed = [path for path, seen in now.items() if before[path] != seen]
    if not all(path in saved for path in changed):
        return None
    return {saved[path] for path in changed}


def _reload(plugin: CapiPlugin, keys: set[Key]) -> bool | None:
    """The corpus read again (saved files only), its history and graph, given to the
    plugin; whether a saved file's date changed. ``None`` when the problems or the entries
    are not the same any more (their pages, menus and addresses change: full rebuild)."""
    old = plugin.corpus
    assert old is not None
    corpus = load_corpus(plugin.root, memory=plugin.loaded)
    if [str(p) for p in corpus.problems] != [str(p) for p in old.problems]:
        return None
    if [(e.key, e.path) for e in corpus.entries] != [(e.key, e.path) for e in old.entries]:
        return None
    paths = [entry.path for entry in corpus.entries if entry.key in keys]
    history = after_saving(plugin.history, plugin.root, paths)
    dated = any(history.get(path) != plugin.history.get(path) for path in paths)
    plugin.corpus, plugin.graph, plugin.history = corpus, Graph(corpus, history), history
    plugin.entities = {entry.src_uri: entry for entry in corpus.entries}
    return dated


class _Phases:
    """Seconds spent in each step of an update."""

    def __init__(self) -> None:
        self.started = self.last = time.monotonic()
        self.spent: list[str] = []

    def mark(self, step: str) -> None:
        now = time.monotonic()
        self.spent.append(f"{step} {now - self.last:.3f} s")
        self.last = now

    def total(self) -> str:
        return f"{time.monotonic() - self.started:.2f}".replace(".", ",")

    def detail(self) -> str:
        return "aperçu, durée de chaque étape : " + ", ".join(self.spent)


def _tags(graphs: list[Graph], keys: set) -> dict[str, set[str]] | None:
    """The practices, themes and actor types whose pages list the changed entries, when
    all are interventions (other kinds show on other generated pages: all are redone)."""
    if any(kind != "intervention" for kind, _slug in keys):
        return None
    tags: dict[str, set[str]] = {name: set() for name in TAG_PAGES}
    for graph in graphs:
        for key in keys:
            meta = graph.entries[key].meta
            for name, found in tags.items():
                value = meta.get(name) or []
                found.update([value] if isinstance(value, str) else value)
    return tags


def _redo(
    plugin: CapiPlugin, state: Preview, keys: set, tags: dict[str, set[str]] | None
) -> list[Page] | None:
    """Convert and lay out again the pages that changed; ``None`` if the menu changed."""
    config, files = state.config, state.files
    TRUSTED.clear()  # the last build released its blocks; these are this update's
    pages = plugin.generated_pages(config, tags)
    uris = {plugin.graph.entries[key].src_uri for key in keys if key in plugin.graph.entries}
    uris |= set(plugin.config.macros_pages)
    for uri, content in pages.items():
        if uri in plugin.generated_uris:
            file = files.get_file_from_path(uri)
            if file is not None and file.content_string != content:
                file.content_string = content
            uris.add(uri)
        elif plugin.generated_tail.get(uri) != content.split("\n", 2)[-1]:
            plugin.generated_tail[uri] = content.split("\n", 2)[-1]
            uris.add(uri)
    changed = []
    for file in files.documentation_pages():
        if file.src_uri in uris and file.page is not None:
            title = file.page.title
            if _convert_if_changed(plugin, file.page, config, files):
                if file.src_uri in state.menu and file.page.title != title:
                    return None
                changed.append(file.page)
    doc_files = files.documentation_pages()
    for page in changed:
        parallel.ORIGINAL_BUILD(page, config, doc_files, state.nav, state.env)
        if plugin.outputs is not None:
            plugin.outputs.keep(page)
    return changed


def _convert_if_changed(plugin: CapiPlugin, page: Page, config, files) -> bool:
    """MkDocs' conversion of one page (``_populate_page``), stopped once the plugins have
    written its Markdown if the page shows what it showed."""
    kept = {k: page.__dict__.get(k) for k in ("markdown", "meta", "update_date")}
    config._current_page = page
    try:
        page = config.plugins.on_pre_page(page, config=config, files=files)
        page.read_source(config)
        page.markdown = config.plugins.on_page_markdown(
            page.markdown, page=page, config=config, files=files
        )
        if page_digest(page) == plugin.page_digests.get(page.file.src_uri):
            page.__dict__.update(kept)
            return False
        page.render(config, files)
        page.content = config.plugins.on_page_content(
            page.content, page=page, config=config, files=files
        )
    finally:
        config._current_page = None
    return True


def _write_files_aside(plugin: CapiPlugin, state: Preview) -> int | None:
    """Write again the generated files whose content changed (explorer data, open data,
    feeds, editor configuration) in a forked process, while this one redoes the pages;
    returns its pid (``None``: written here, where there is no fork or one core)."""

    def write() -> None:
        for uri, content in plugin.generated_files(state.config).items():
            file = state.files.get_file_from_path(uri)
            if file is None:
                continue
            path, data = Path(file.abs_dest_path), content.encode("utf-8")
            if not path.is_file() or path.read_bytes() != data:
                replace_bytes(path, data)

    if parallel.available_workers() < 2:
        write()
        return None
    pid = os.fork()
    if pid:
        return pid
    code = 1
    try:  # the forked process: never returns into the server
        write()
        code = 0
    finally:
        os._exit(code)


def _wait(pid: int | None) -> None:
    if pid is not None:
        _, status = os.waitpid(pid, 0)
        if os.waitstatus_to_exitcode(status) != 0:
            log.warning(say("serve.files_failed"))


def _patch_search(plugin: CapiPlugin, parts: dict, site_dir: Path) -> None:
    """The redone pages' parts swapped into the search index (documents keep their
    numbers: no page was added or removed); only the files they touch are written."""
    terms: set[str] = set()
    docs: set[int] = set()
    for doc, (uri, part) in enumerate(plugin.search_parts.items()):
        if part is not parts.get(uri):
            terms |= forked_search.swap(plugin.search, doc, parts[uri], part)
            if part[0] != parts[uri][0]:
                docs.add(doc)
    if terms or docs:
        plugin.search.write(site_dir, terms, docs)
