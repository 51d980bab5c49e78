"""Both cores for MkDocs' two page loops: conversion (``_populate_page``) and templates
(``_build_page``).

MkDocs handles pages one by one in one process. Each page's work is independent of the
others' within a loop, so the pages are split in contiguous shares, in MkDocs' own order:
the build process keeps the first share and runs it as usual; a process forked from it
(so with the same configuration, navigation, plugins and templates) runs each other share
through MkDocs' own functions, hooks included. What a forked process learnt is then
handed back where the build process would have made it itself:

- conversion: the page's attributes (Markdown, HTML, table of contents, title, front
  matter, anchors) and what a plugin kept of the page (``export`` / ``restore``);
- templates: the pages are written by the forked process; nothing comes back.

Messages logged by a forked process are logged again by the build process, at the page
where a sequential build would have logged them (same order, same count in strict mode).
The output is byte-identical to a sequential build (tests/build/test_parallel_build.py).
Without ``os.fork``, with one core or ``workers: 1``, nothing changes: MkDocs runs as is.
"""

from __future__ import annotations

import gc
import logging
import os
import pickle
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

import mkdocs.commands.build as mkdocs_build
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from .output_cache import OutputCache

ORIGINAL_POPULATE = mkdocs_build._populate_page
ORIGINAL_BUILD = mkdocs_build._build_page
# what converting a page sets on it (MkDocs 1.6); "title" only when a plugin set it
PAGE_STATE = (
    "markdown",
    "content",
    "toc",
    "_title_from_render",
    "present_anchor_ids",
    "meta",
    "update_date",
    "title",
)
Logged = tuple[str, int, str]  # logger name, level, message


def available_workers() -> int:
    """Cores this process may use (1 where ``os.fork`` does not exist)."""
    if not hasattr(os, "fork"):
        return 1
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - macOS
        return os.cpu_count() or 1


class PageStateKeeper(Protocol):
    """A plugin that keeps something of each converted page (the search index)."""

    def forked(self) -> None:
        """Called in a forked process before its first page."""

    def export_page_state(self, page: Page) -> Any:
        """What the plugin kept of ``page`` in the forked process (picklable)."""

    def restore_page_state(self, page: Page, state: Any) -> None:
        """The same, given back to the plugin in the build process."""

    def while_waiting(self, config) -> None:
        """Work of its own the build process does once its share of a loop is done, before
        it waits for the forked processes (once per loop: conversion, then layout)."""


@dataclass
class PageOutcome:
    logged: list[Logged] = field(default_factory=list)
    state: dict[str, Any] = field(default_factory=dict)
    error: str | None = None


@dataclass
class Share:
    """Pages a forked process handles, and how to read what it found."""

    pages: list[Page]
    pid: int = 0
    reader: int = -1
    outcomes: dict[str, PageOutcome] | None = None

    def collect(self) -> dict[str, PageOutcome]:
        """Wait for the forked process (once) and read its outcomes."""
        if self.outcomes is None:
            with os.fdopen(self.reader, "rb") as stream:
                data = stream.read()
            _, status = os.waitpid(self.pid, 0)
            if not data or os.waitstatus_to_exitcode(status) != 0:
                raise PluginError("un processus de construction s'est arrêté avant la fin")
            # our own fork's bytes, over a pipe: never a file anyone could have written
            self.outcomes = pickle.loads(data)  # noqa: S301
        return self.outcomes


class ParallelRun:
    """One build's split of the two page loops; installed by the plugin for that build."""

    def __init__(self, workers: int, plugin: PageStateKeeper) -> None:
        self.workers = workers
        self.plugin = plugin
        self.convert: dict[str, Share] = {}  # src_uri → share of the conversion loop
        self.build: dict[str, Share] | None = None  # src_uri → share of the template loop
        # the plugin's own work before the first wait of each loop is done
        self.waited = self.laid_out = False

    # -- conversion loop ---------------------------------------------------------------

    def start_conversion(
        self,
        pages: list[Page],
        config,
        files: Files,
        cost: Callable[[Page], float] | None = None,
        kept: float = 0.0,
    ) -> None:
        """Fork the processes that convert all but the first share of ``pages``, shared by
        their estimated ``cost``; ``kept``: the cost of the pages the build process converts
        besides its share (those that may run macros)."""
        for share in _split(pages, self.workers, cost, kept)[1:]:
            for page in share.pages:
                self.convert[page.file.src_uri] = share
            _fork(share, lambda page: self._convert_one(page, config, files), self.plugin.forked)

    def _convert_one(self, page: Page, config, files: Files) -> PageOutcome:
        ORIGINAL_POPULATE(page, config, files)
        state = {k: page.__dict__[k] for k in PAGE_STATE if k in page.__dict__}
        state["links_to_anchors"] = {
            target.src_uri: links for target, links in (page.links_to_anchors or {}).items()
        }
        state["plugin"] = self.plugin.export_page_state(page)
        return PageOutcome(state=state)

    def populate(self, page: Page, config, files: Files, dirty: bool = False) -> None:
        share = self.convert.get(page.file.src_uri)
        if share is None or dirty:
            return ORIGINAL_POPULATE(page, config, files, dirty)
        if share.outcomes is None and not self.waited:
            self.waited = True
            self.plugin.while_waiting(config)
        outcome = self._replay(share, page)
        state = dict(outcome.state)
        links = state.pop("links_to_anchors")
        self.plugin.restore_page_state(page, state.pop("plugin"))
        page.__dict__.update(state)
        page.links_to_anchors = {
            found: anchors
            for uri, anchors in links.items()
            if (found := files.get_file_from_path(uri)) is not None
        }
        return None

    # -- template loop -----------------------------------------------------------------

    def build_page(
        self,
        page: Page,
        config,
        doc_files: Sequence[File],
        nav,
        env,
        dirty: bool = False,
        excluded: bool = False,
    ) -> None:
        if dirty:
            return ORIGINAL_BUILD(page, config, doc_files, nav, env, dirty, excluded)
        if self.build is None:  # first page: everything the templates read is ready
            self.build = {}
            kept = OUTPUTS[0] if OUTPUTS else None
            pages = [
                f.page
                for f in doc_files
                if f.page is not None and (kept is None or not kept.has(f.page))
            ]
            for share in _split(pages, self.workers)[1:]:
                for other in share.pages:
                    self.build[other.file.src_uri] = share
                _fork(share, lambda p: _build_one(p, config, doc_files, nav, env))
        share = self.build.get(page.file.src_uri)
        if share is None:
            return ORIGINAL_BUILD(page, config, doc_files, nav, env, dirty, excluded)
        if share.outcomes is None and not self.laid_out:
            self.laid_out = True
            self.plugin.while_waiting(config)
        self._replay(share, page)
        return None

    def close(self) -> None:
        """After a failed build: stop waiting for forked processes nobody will read."""
        shares = [*self.convert.values(), *(self.build or {}).values()]
        for share in {id(s): s for s in shares}.values():
            if share.outcomes is None and share.pid:
                os.close(share.reader)  # its write fails, and it exits
                os.waitpid(share.pid, 0)
                share.outcomes = {}

    def _replay(self, share: Share, page: Page) -> PageOutcome:
        """Log again what the forked process logged for ``page``; raise its error."""
        outcome = share.collect()[page.file.src_uri]
        for name, level, message in outcome.logged:
            logging.getLogger(name).log(level, message)
        if outcome.error is not None:
            raise PluginError(outcome.error)
        return outcome


def _build_one(page: Page, config, doc_files, nav, env) -> PageOutcome:
    excluded = page.file.inclusion.is_excluded()
    ORIGINAL_BUILD(page, config, doc_files, nav, env, False, excluded)
    return PageOutcome()


def _split(
    pages: list[Page],
    workers: int,
    cost: Callable[[Page], float] | None = None,
    kept: float = 0.0,
) -> list[Share]:
    """Contiguous shares in MkDocs' order, each done in about the same time (pages of equal
    cost without ``cost``): the build process reaches the second share only after its own
    (and ``kept``, its other work), by when the forked process has had the same time. A
    forked process is slower per page by FORKED_FACTOR (its results are pickled, sent and
    read back), so its shares are smaller."""
    costs = [cost(page) if cost else 1.0 for page in pages]
    factor = FORKED_FACTOR if cost else 1.0
    span = (sum(costs) + kept) / (1 + (max(1, workers) - 1) / factor)  # each process's time
    shares, current, budget = [], [], span - kept
    for page, one in zip(pages, costs, strict=True):
        if current and one / 2 > budget and len(shares) < workers - 1:
            shares.append(Share(current))
            current, budget = [], span / factor
        current.append(page)
        budget -= one
    shares.append(Share(current))
    return shares


# measured at 1,000 entries: a forked share took 10 % longer than estimated, and its
# results (17 MB) half a second more to pickle and read back
FORKED_FACTOR = 1.2


class _Capture(logging.Handler):
    """In a forked process: what would have been logged, kept for the build process."""

    def __init__(self) -> None:
        super().__init__(logging.NOTSET)
        self.records: list[Logged] = []
        self.last: logging.LogRecord | None = None

    def emit(self, record: logging.LogRecord) -> None:
        if record is self.last:  # seen by a logger and again by its parent's handlers
            return
        self.last = record
        self.records.append((record.name, record.levelno, record.getMessage()))


def _fork(
    share: Share, work: Callable[[Page], PageOutcome], forked: Callable[[], None] | None = None
) -> None:
    reader, writer = os.pipe()
    sys.stdout.flush()
    sys.stderr.flush()
    # the objects both processes share stay out of the collector's sight: collecting would
    # touch each of them, and the forked process would copy every memory page it reads
    gc.freeze()
    pid = os.fork()
    if pid:
        gc.unfreeze()
        os.close(writer)
        share.pid, share.reader = pid, reader
        return
    code = 1
    try:  # the forked process: never returns into MkDocs
        os.close(reader)
        capture = _capture_logs()
        if forked is not None:
            forked()
        outcomes: dict[str, PageOutcome] = {}
        for page in share.pages:
            outcome = _run_one(work, page, capture)
            outcomes[page.file.src_uri] = outcome
        data = pickle.dumps(outcomes, protocol=pickle.HIGHEST_PROTOCOL)
        with os.fdopen(writer, "wb") as stream:
            stream.write(data)
        code = 0
    finally:
        os._exit(code)


def _run_one(work: Callable[[Page], PageOutcome], page: Page, capture: _Capture) -> PageOutcome:
    capture.records = []
    try:
        outcome = work(page)
    except Exception as exc:  # noqa: BLE001 - raised again by the build process
        outcome = PageOutcome(error=f"{page.file.src_uri} : {exc}")
    except SystemExit as exc:  # mkdocs-macros stops on a template error
        outcome = PageOutcome(error=f"{page.file.src_uri} : arrêt ({exc.code})")
    outcome.logged = capture.records
    return outcome


def _capture_logs() -> _Capture:
    """Every handler of the forked process replaced by one that keeps the messages."""
    capture = _Capture()
    loggers = [logging.getLogger(), *logging.Logger.manager.loggerDict.values()]
    for logger in loggers:
        if isinstance(logger, logging.Logger) and logger.handlers:
            logger.handlers = [capture]
    return capture


# MkDocs calls its two page functions through its module's globals: the active run (if
# any) takes over; otherwise the original functions run unchanged.
ACTIVE: list[ParallelRun] = []
# the preview's laid-out pages (output_cache.py), when serving
OUTPUTS: list[OutputCache] = []


def _populate_page(page, config, files, dirty=False):
    if ACTIVE:
        return ACTIVE[0].populate(page, config, files, dirty)
    return ORIGINAL_POPULATE(page, config, files, dirty)


def _build_page(page, config, doc_files, nav, env, dirty=False, excluded=False):
    outputs = OUTPUTS[0] if OUTPUTS and not dirty else None
    if outputs is not None and outputs.restore(page):
        return None
    if ACTIVE:
        ACTIVE[0].build_page(page, config, doc_files, nav, env, dirty, excluded)
    else:
        ORIGINAL_BUILD(page, config, doc_files, nav, env, dirty, excluded)
    if outputs is not None:
        outputs.keep(page)
    return None


def activate(run: ParallelRun | None, outputs: OutputCache | None = None) -> None:
    """Make ``run`` the current build's split (``None``: MkDocs' own loops) and ``outputs``
    the pages kept from the previous build (``None``: every page is laid out)."""
    ACTIVE.clear()
    OUTPUTS.clear()
    if run is not None:
        ACTIVE.append(run)
    if outputs is not None:
        OUTPUTS.append(outputs)
    mkdocs_build._populate_page = _populate_page
    mkdocs_build._build_page = _build_page
