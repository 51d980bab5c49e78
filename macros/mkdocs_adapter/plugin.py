"""MkDocs integration: a thin adapter from MkDocs events to the engine (see macros/README.md).

- ``on_files`` loads and validates the corpus once, reads its git history once (dates and
  contributors), mounts ``sessions/`` and ``territories/`` under French URLs, and adds the
  generated pages, the open data and the feeds.
- ``on_page_markdown`` frames entity pages with the engine's blocks and turns
  ``[[kind:slug]]`` references into links. Contributed pages never reach Jinja.
- ``on_page_read_source`` hands MkDocs the body the engine parsed (front matter never
  reaches MkDocs' own YAML reader), ``on_page_content`` sanitises every page with nh3 and
  puts the engine's charts back; ``on_post_page`` announces the feeds (``<link
  rel="alternate">``), adds the Content-Security-Policy, hardens the HTML (external links,
  e-mail addresses) and makes the theme's markup valid HTML.
"""

from __future__ import annotations

import gc
import os
import re
import sys
from functools import partial
from html import escape, unescape
from pathlib import Path

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from ..content import bounds
from ..content.corpus import REFUSED_BODY, Corpus, load_corpus, no_gc
from ..content.corpus_memory import CorpusMemory
from ..content.frontmatter import parse
from ..content.history import DEFAULT_NEW_DAYS, History, read_history
from ..content.locate import (
    CONTENT_DIRS,
    PRACTICE_DIR,
    SESSION_DIR_RE,
    is_outside_or_linked,
    locate,
)
from ..content.model import Entry
from ..content.vocabulary import IMAGE_HOSTS_KEY, VOCABULARY_FILE
from ..graph import Graph
from ..messages import say
from ..outputs import feeds, open_data, web_editor
from ..outputs.search_index import SearchIndex
from ..problems import Problems
from ..render import compare, csp, explorer, listings, news, restitution, sanitize, theme_markup
from ..render.editions import EDITIONS_PAGE, editions_page
from ..render.entity import kind_label
from ..render.links import INDEX_PAGES, TAG_PAGES, relative, set_directory_urls
from ..render.messages_page import messages_page, problems_block
from ..render.page import entity_markdown
from . import forked_search, incremental, markdown_reuse, nav_reuse, parallel
from .content_memo import ContentMemo
from .output_cache import OutputCache
from .page_cache import ConversionCache
from .sandbox import sandbox_macros

log = get_plugin_logger("capi")
TAG_RE = re.compile(r"<[^<>]*>")
# the dates and contributors line of an entry page: not what a search result should quote
HISTORY_RE = re.compile(r'<p class="capi-history">.*?</p>', re.DOTALL)
MESSAGES_PAGE = "guides/messages-erreur.md"
# generated pages with no contributed content that carry the engine's own scripts
TRUSTED_PAGES = frozenset({"explorer/index.md"})
GENERATED_KINDS = {
    "pratiques": "Pratique",
    "thematiques": "Thématique",
    "acteurs": "Type d'acteur",
    "restitution": "Restitution",
    "guides": "Guide",
    "seances": "Séance",
    "territoires": "Territoire",
}


class CapiConfig(Config):
    # organiser pages (under docs/) where mkdocs-macros may run; everything else never does
    macros_pages = c.ListOfItems(c.Type(str), default=[])
    licence = c.Type(str, default=open_data.DEFAULT_LICENCE)
    licence_url = c.Type(str, default=open_data.DEFAULT_LICENCE_URL)
    edition = c.Optional(c.Type(str))
    cms = c.Type(bool, default=True)  # web editing at /admin/ (Decap CMS)
    cms_base_url = c.Optional(c.Type(str))  # OAuth proxy for GitHub sign-in → backend.base_url
    # days during which an added entry shows « Nouveau » (counted back from the last commit)
    new_days = c.Type(int, default=DEFAULT_NEW_DAYS)
    # where the git history is, when the site is built from a copy (capi publish --sans-exemples)
    git_root = c.Optional(c.Type(str))
    # the editions to compare, oldest first (set by capi publish --edition; see
    # outputs/editions.py): the page editions/ is generated only when there are some
    editions = c.ListOfItems(c.Type(dict), default=[])
    # processes converting and laying out pages (default: one per core; 1: MkDocs alone)
    workers = c.Optional(c.Type(int))
    # converted pages kept in .cache/capi/ between builds (page_cache.py)
    cache = c.Type(bool, default=True)


class CapiPlugin(BasePlugin[CapiConfig]):
    """Mounts the knowledge base into MkDocs."""

    def __init__(self) -> None:
        self.corpus: Corpus | None = None
        self.graph: Graph | None = None
        self.entities: dict[str, Entry] = {}
        # generated lists appended to a hand-written page that took the generated page's place
        self.generated_tail: dict[str, str] = {}
        self.search = SearchIndex()
        self.root = Path.cwd()
        self.page_meta: dict[str, dict] = {}  # src_uri → front matter the engine parsed
        self.image_hosts: frozenset[str] = frozenset()
        self.generated_uris: set[str] = set()
        self.theme_scripts: set[str] = set()  # inline scripts of the theme, normalised
        self.serving = False  # `mkdocs serve`: problems are shown on their pages
        self.problems_by_path: dict[str, list] = {}
        self.history = History()
        self.feeds_written = False  # feeds need site_url (absolute links)
        self.data_files: dict[str, File] = {}  # named in on_files, written later
        self.search_written = False  # by while_waiting, or else on_post_build
        self.parallel: parallel.ParallelRun | None = None
        self.cache: ConversionCache | None = None  # kept across `mkdocs serve` rebuilds
        self.outputs: OutputCache | None = None  # laid-out pages, while serving
        self.nav = None
        self.env = None
        self.files: Files | None = None
        self.memo: ContentMemo | None = None  # filtered pages and search parts, while serving
        self.loaded: CorpusMemory | None = None  # checked files, kept while serving
        # while serving: the last build, so that a save redoes only what it changes
        self.preview: incremental.Preview | None = None
        self.page_digests: dict[str, str] = {}  # src_uri → what the page shows
        self.search_parts: dict[str, forked_search.PagePart] = {}  # in the build's order

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.serving = command == "serve"
        self.outputs = OutputCache() if self.serving else None
        self.memo = ContentMemo() if self.serving else None
        self.loaded = CorpusMemory() if self.serving else None

    # priority 50: load the corpus before other plugins (search, macros) see the files
    @event_priority(50)
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self.root = Path(config.config_file_path or "mkdocs.yml").resolve().parent
        if config.nav:
            config.nav = _with_seances(config.nav, self.root)
        return config

    @event_priority(50)
    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        sandbox_macros(config.plugins)  # mkdocs-macros built its Jinja in on_config
        self.env, self.search_written = None, False  # set again by on_env, post_build
        # the generated pages below hold HTML links: written for this build's URL style
        set_directory_urls(config.use_directory_urls)
        if self.serving:  # before reading anything: a save from now on is seen next time
            config_file = Path(config.config_file_path or "mkdocs.yml").resolve()
            watched = [Path(config.docs_dir).resolve(), *(self.root / n for n in CONTENT_DIRS)]
            watched += [self.root / VOCABULARY_FILE, config_file]
            self.preview = incremental.Preview(watched, incremental.snapshot(watched))
            self.page_digests, self.search_parts = {}, {}
        sanitize.TRUSTED.clear()
        self.theme_scripts = set()
        self.search = SearchIndex()
        with no_gc():  # every object it makes lives on: collecting is wasted work
            corpus = load_corpus(self.root, memory=self.loaded)
        for problem in corpus.problems:
            (log.warning if problem.severity == "error" else log.info)(str(problem))
        self.history = self._read_history(corpus)
        self.corpus, self.graph = corpus, Graph(corpus, self.history)
        self.problems_by_path = {}
        for problem in corpus.problems:
            self.problems_by_path.setdefault(problem.path, []).append(problem)
        self.image_hosts = frozenset(corpus.vocabularies.get(IMAGE_HOSTS_KEY, {}))
        self.entities = {}
        self.generated_tail = {}
        self.generated_uris = set()
        self.page_meta = {}
        self._drop_unsafe_files(files, config)
        for file in files:  # "edit this page" opens the file where it is in the repository
            file.edit_uri = f"{_docs_prefix(config, self.root)}{file.src_uri}"
        for entry in corpus.entries:
            self.entities[entry.src_uri] = entry
            if entry.kind == "pratique":
                continue  # already a docs page
            # the body only: MkDocs never parses contributed YAML (ours is bounded and safe)
            file = File.generated(config, entry.src_uri, content=entry.body)
            file.edit_uri = entry.path
            files.append(file)
        for asset in corpus.assets:
            if asset.path.startswith(PRACTICE_DIR):
                continue  # already a docs file
            file = File.generated(config, asset.src_uri, abs_src_path=str(self.root / asset.path))
            file.edit_uri = asset.path
            files.append(file)
        self._add_generated(files, config)
        if self.serving:
            self._add_broken_pages(files, config)
        if not (self.config.cms and config.repo_url):
            # no web editing: the vendored script is not published either
            for file in [f for f in files if f.src_uri.startswith(f"{web_editor.ADMIN_DIR}/")]:
                files.remove(file)
        return files

    def _read_history(self, corpus: Corpus) -> History:
        """Dates and contributors of every entry, from one git log (content/history.py)."""
        git_root = Path(self.config.git_root) if self.config.git_root else None
        history = read_history(self.root, [e.path for e in corpus.entries], git_root)
        history.new_days = self.config.new_days
        if history.warning:  # said once, and never an error: the site is still right
            print(say("build.attention", warning=history.warning), file=sys.stderr)
        if history.info:
            log.info(history.info)
        return history

    def _add_broken_pages(self, files: Files, config: MkDocsConfig) -> None:
        """In the preview, a content file that cannot be read still has its page, which
        lists its problems (instead of a 404 that says nothing)."""
        present = {entry.path for entry in self.entities.values()}
        for path, problems in self.problems_by_path.items():
            located, _ = locate(path)
            if located is None or located.kind == "asset" or path in present:
                continue
            if files.get_file_from_path(located.src_uri) is None:
                files.append(
                    File.generated(
                        config,
                        located.src_uri,
                        content=(
                            "# Fiche à corriger\n\n" + problems_block(problems, located.src_uri)
                        ),
                    )
                )

    def _drop_unsafe_files(self, files: Files, config: MkDocsConfig) -> None:
        """Never publish what a symlink points to (E034), nor a file of the contributors'
        docs/pratiques/ folder that is neither a practice nor an image or document (an
        .html or .js file there would be copied as it is, unsanitised)."""
        docs = Path(config.docs_dir).absolute()
        practices = PRACTICE_DIR.split("/", 1)[1] + "/"
        for file in list(files):
            path = Path(file.abs_src_path or "/").absolute()
            if not path.is_relative_to(docs):
                continue  # the theme's own files
            if is_outside_or_linked(self.root, path):
                log.warning(f"{file.src_uri} : lien symbolique ignoré (E034)")
                files.remove(file)
            elif file.src_uri.startswith(practices) and file.src_uri != practices + "index.md":
                located, refusal = locate(f"{PRACTICE_DIR}/{file.src_uri[len(practices) :]}")
                if located is None:
                    code = refusal[0] if refusal else "E038"
                    log.warning(f"{file.src_uri} : fichier non publié ({code})")
                    files.remove(file)

    def _add_generated(self, files: Files, config: MkDocsConfig) -> None:
        """Pages the graph makes; a hand-written page at the same path wins (as in Quartz).
        The data files are only named here: ``fill_data_files`` writes them later."""
        assert self.graph is not None
        self.feeds_written = feeds.written(self.graph, config.site_url or "")
        if not self.feeds_written:
            print(say("build.no_site_url"), file=sys.stderr)
        for uri, content in self.generated_pages(config).items():
            existing = files.get_file_from_path(uri)
            if existing is not None:
                if uri in self.config.macros_pages:  # contributors' titles would meet Jinja
                    raise PluginError(
                        f"{uri} : une page générée ne peut pas figurer dans "
                        "macros_pages (ses titres viennent des contributeurs)"
                    )
                self.generated_tail[uri] = content.split("\n", 2)[-1]
                continue
            files.append(File.generated(config, uri, content=content))
            self.generated_uris.add(uri)
        self.data_files = {}
        for uri in self.data_file_names(config):
            self.data_files[uri] = File.generated(config, uri, content="")
            files.append(self.data_files[uri])

    def fill_data_files(self, config: MkDocsConfig) -> None:
        """The data files' content (once per build): by the build process while its forked
        process converts the last pages (``while_waiting``), or before they are copied."""
        if not self.data_files:
            return
        contents = self.generated_files(config)
        if contents.keys() != self.data_files.keys():  # the names and the files must agree
            raise PluginError(f"fichiers de données inattendus : {sorted(contents)}")
        for uri, content in contents.items():
            self.data_files[uri].content_string = content
        self.data_files = {}

    def data_file_names(self, config: MkDocsConfig) -> list[str]:
        """What ``generated_files`` writes, in its order, named without being written."""
        assert self.graph is not None
        names = ["explorer/donnees.js", *(f"{open_data.DATA_DIR}/{n}" for n in open_data.FILES)]
        names += feeds.file_names(
            self.graph, config.site_url or "", config.site_name, config.site_description or ""
        )
        if self.config.cms and config.repo_url:
            names += web_editor.ADMIN_FILES
        return names

    def generated_pages(
        self, config: MkDocsConfig, tags: dict[str, set[str]] | None = None
    ) -> dict[str, str]:
        """Page → Markdown of the listing pages the graph makes (``tags``: only these
        practices', themes' and actor types' pages, by metadata key)."""
        graph = self.graph
        assert graph is not None
        pages: dict[str, str] = {}
        for key, slugs, page in (
            ("pratiques", graph.practices, listings.practice_page),
            ("thematiques", graph.vocabularies.get("thematiques", {}), listings.theme_page),
            ("type_acteur", graph.vocabularies.get("types_acteurs", {}), listings.actor_page),
        ):
            folder = TAG_PAGES[key]
            for slug in slugs if tags is None else [s for s in slugs if s in tags[key]]:
                pages[f"{folder}/{slug}.md"] = page(graph, slug)
        for family, uri in INDEX_PAGES.items():
            pages[uri] = listings.index_page(graph, family)
        pages[MESSAGES_PAGE] = messages_page()
        pages.update(restitution.pages(graph))
        pages["explorer/index.md"] = explorer.EXPLORER_PAGE
        pages[compare.COMPARE_PAGE] = compare.compare_page(graph)
        pages["donnees.md"] = open_data.data_page(self.config.licence, self.config.licence_url)
        pages[news.NEWS_PAGE] = news.news_page(graph, self.feeds_written)
        if self.config.editions:
            current = self.config.edition or self.config.editions[-1]["edition"]
            pages[EDITIONS_PAGE] = editions_page(self.config.editions, current)
        return pages

    def generated_files(self, config: MkDocsConfig) -> dict[str, str]:
        """File → content of the explorer's data, the open data, the feeds (none without
        ``site_url``: ``feeds_written``) and the web editor's configuration."""
        graph = self.graph
        assert graph is not None and self.corpus is not None
        others = {"explorer/donnees.js": explorer.explorer_script(graph, config.use_directory_urls)}
        for name, content in open_data.all_files(
            graph, self.config.edition, self.config.licence, config.site_name
        ).items():
            others[f"{open_data.DATA_DIR}/{name}"] = content
        others.update(
            feeds.all_files(
                graph, config.site_url or "", config.site_name, config.site_description or ""
            )
        )
        if self.config.cms and config.repo_url:
            others.update(
                web_editor.admin_files(self.corpus, config.repo_url, self.config.cms_base_url)
            )
        return others

    def on_page_read_source(self, *, page: Page, config: MkDocsConfig) -> str | None:
        """The body the engine read, so MkDocs' own front-matter reader (unbounded aliases,
        MultiMarkdown « clé: valeur » lines) never sees contributed text. The leading newline
        keeps a body that starts with « --- » or « clé: » from being read as metadata."""
        uri = page.file.src_uri
        entry = self.entities.get(uri)
        if entry is not None:
            self.page_meta[uri] = entry.meta
            return "\n" + entry.body
        if page.file.generated_by is not None or not page.file.abs_src_path:
            return None
        path = Path(page.file.abs_src_path)
        raw = path.read_bytes()
        rel = _relative_path(path, self.root)
        if raw.startswith(b"---"):
            parsed, problems = parse(raw, rel)
            for problem in problems:
                log.warning(str(problem))
            if parsed is None:
                return "\n" + REFUSED_BODY
            self.page_meta[uri] = parsed.meta
            body, body_line = parsed.body, parsed.body_line
        else:
            body, body_line = raw.decode("utf-8", errors="replace"), 1
        found = Problems()
        if not bounds.check(body, body_line, rel, found):
            for problem in found:
                log.warning(str(problem))
            return "\n" + REFUSED_BODY
        return "\n" + body

    # priority 50: before mkdocs-macros (priority 0) so its opt-out flag is already set
    @event_priority(50)
    def on_page_markdown(
        self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        uri = page.file.src_uri
        # front matter as the engine parsed it, never as text the theme prints raw
        page.meta = _theme_meta(self.page_meta.get(uri, page.meta), uri)
        # our own index serves the search box: keep Material's lunr index empty
        page.meta["search"] = {"exclude": True}
        entry = self.entities.get(uri)
        # organiser pages listed in mkdocs.yml opt in; every other page never reaches Jinja
        page.meta["render_macros"] = entry is None and uri in self.config.macros_pages
        if entry is None:
            tail = self.generated_tail.get(uri)
            return self._with_feed_links(markdown + "\n\n" + tail if tail else markdown, uri)
        assert self.graph is not None
        found = self.history.get(entry.path)
        if found is not None:  # the sitemap's lastmod: the entry's last change, not the build
            page.update_date = found.updated.strftime("%Y-%m-%d")
        page_markdown = self._with_feed_links(entity_markdown(self.graph, entry, markdown), uri)
        problems = self.problems_by_path.get(entry.path) if self.serving else None
        if not problems:
            return page_markdown
        return problems_block(problems, entry.src_uri) + page_markdown

    def _page_feed(self, uri: str) -> tuple[str, str, str] | None:
        """(feed path, title, « ce territoire ») of a territory or practice page."""
        if not self.feeds_written or self.graph is None:
            return None
        entry = self.entities.get(uri)
        if entry is not None and entry.kind == "territoire":
            return feeds.territory_feed(entry.slug), entry.title, "ce territoire"
        folder, _, name = uri.partition("/")
        slug = name[:-3] if name.endswith(".md") else ""
        if folder == "pratiques" and slug in self.graph.practices:
            title = self.graph.practice_title(slug)
            return feeds.practice_feed(slug), title, "cette pratique"
        return None

    def _with_feed_links(self, markdown: str, uri: str) -> str:
        """A territory or practice page ends with the links to follow it."""
        feed = self._page_feed(uri)
        if feed is None:
            return markdown
        path, _title, what = feed
        links = [(label, relative(uri, path + ext)) for label, ext in news.FEEDS]
        return markdown.rstrip("\n") + "\n\n" + news.feed_links(links, what)

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        uri = page.file.src_uri
        if self.serving:  # what the page shows, for the next save (incremental.py)
            self.page_digests[uri] = incremental.page_digest(page)
        if not (uri in TRUSTED_PAGES and uri in self.generated_uris):
            html = (
                self.memo.clean(html, self.image_hosts, sanitize.clean)
                if self.memo is not None
                else sanitize.clean(html, self.image_hosts)
            )
        html = sanitize.TRUSTED.release(html)
        _escape_toc(page.toc)
        # a front-matter title is text; one taken from a heading is HTML without its tags
        title = str(page.meta["title"]) if "title" in page.meta else _plain_title(page.title)
        if uri != "404.md" and page.url is not None:
            kind, keywords = self._search_facts(page)
            facts = (page.url, title, kind, HISTORY_RE.sub("", html), keywords)
            if self.memo is not None:
                self.search_parts[uri] = self.memo.index(self.search, *facts)
            else:
                self.search.add(*facts)
        # the theme prints titles and descriptions as HTML: give it escaped text
        page.meta["title"] = escape(title)
        if page.meta.get("description") is not None:
            page.meta["description"] = escape(str(page.meta["description"]))
        return html

    def _search_facts(self, page: Page) -> tuple[str, list[str]]:
        """Kind label and the names a reader may type (practices, themes, territory)."""
        graph = self.graph
        assert graph is not None
        entry = self.entities.get(page.file.src_uri)
        if entry is None:
            folder = page.file.src_uri.split("/")[0]
            return GENERATED_KINDS.get(folder, "Page"), []
        meta = entry.meta
        words = [graph.practice_title(p) for p in meta.get("pratiques", [])]
        words += [graph.label("thematiques", t) for t in meta.get("thematiques", [])]
        words += [str(meta[k]) for k in ("structure", "localisation") if meta.get(k)]
        words += list(meta.get("synonymes", []))
        territory = graph.get("territoire", entry.territory or "")
        if territory is not None:
            words.append(territory.title)
        for action in (
            graph.actions_by_territory.get(entry.slug, []) if (entry.kind == "plan-action") else []
        ):
            words += [graph.practice_title(p) for p in action.data.get("pratiques", [])]
        return kind_label(entry, graph), words

    # priority -100: after every other plugin's navigation changes
    @event_priority(-100)
    def on_nav(self, nav, *, config: MkDocsConfig, files: Files):
        """Start converting the engine's pages in forked processes (parallel.py)."""
        if self.config.cache:
            if self.cache is None or self.cache.root != self.root:
                self.cache = ConversionCache(self.root)
            self.cache.start_build(config, files)
        else:
            self.cache = None
        workers = self.config.workers or parallel.available_workers()
        self.parallel = parallel.ParallelRun(workers, self) if workers > 1 else None
        self.nav = nav
        if self.preview is not None:
            self.preview.nav = nav
            self.preview.menu = {page.file.src_uri for page in nav.pages}
        if self.memo is not None:
            self.memo.start_build()
        parallel.activate(self.parallel, self.outputs)
        if self.parallel is not None:
            pages = self._engine_pages(files, config)
            engine = {page.file.src_uri for page in pages}
            kept = sum(
                self._conversion_cost(file.page)
                for file in files.documentation_pages()
                if file.page is not None and file.src_uri not in engine
            )
            kept += DATA_COST * len(self.entities)  # fill_data_files, while waiting
            self.parallel.start_conversion(pages, config, files, self._conversion_cost, kept)
        return nav

    # priority -100: once every plugin has finished with the pages
    @event_priority(-100)
    def on_env(self, env, *, config: MkDocsConfig, files: Files):
        self.env, self.files = env, files
        self.fill_data_files(config)  # MkDocs copies them next
        nav_reuse.install(env, self.nav, config)  # the menu rendered once per folder
        if self.outputs is not None:  # what the layout of every page reads (output_cache.py)
            extra = [self.feeds_written, sorted(self.image_hosts)]
            self.outputs.start_build(config, self.nav, extra)
        return env

    def on_pre_page(self, page: Page, *, config: MkDocsConfig, files: Files) -> Page:
        if self.cache is not None:  # MkDocs converts through the cache (page_cache.py)
            page.render = partial(self.cache.render, page)  # type: ignore[method-assign]
        else:  # one Markdown instance for the build (markdown_reuse.py)
            page.render = partial(markdown_reuse.render, page)  # type: ignore[method-assign]
        return page

    def _conversion_cost(self, page: Page) -> float:
        """A page's conversion time, estimated in microseconds from its Markdown and the
        engine's blocks it holds (on the bench's corpus: about 9 ms for an entry, 0.1 s for
        the organisers' guide run through Jinja, a quarter of a second for the restitution's
        territories), to share the pages between processes."""
        file = page.file
        if file.generated_by is None and file.abs_src_path:
            size = os.path.getsize(file.abs_src_path)
            return 6000 + size * (8 if file.src_uri in self.config.macros_pages else 0.5)
        content = file.content_string
        return 6000 + len(content) / 2 + sanitize.TRUSTED.held_size(content) / 8

    def _engine_pages(self, files: Files, config: MkDocsConfig) -> list[Page]:
        """Pages whose Markdown only the engine writes, in MkDocs' order (organiser pages,
        which may run macros, stay in the build process)."""
        pages = []
        for file in files.documentation_pages():
            uri = file.src_uri
            if not file.inclusion.is_included() or uri in self.config.macros_pages:
                continue
            if uri not in self.entities and uri not in self.generated_uris:
                continue
            if file.page is None:  # as MkDocs' own loop does for pages outside the menu
                Page(None, file, config)
            pages.append(file.page)
        return pages

    def while_waiting(self, config: MkDocsConfig) -> None:
        self.fill_data_files(config)
        if self.env is not None and not self.search_written:  # every page is indexed
            self.search.write(Path(config.site_dir))
            self.search_written = True

    def forked(self) -> None:
        # the preview's memory (if any) is read as the build process left it
        self.search = forked_search.PageSearch()  # type: ignore[assignment]

    def export_page_state(self, page: Page) -> tuple[forked_search.PagePart, str | None]:
        part = self.search.take()  # type: ignore[attr-defined]
        return part, self.page_digests.get(page.file.src_uri)

    def restore_page_state(
        self, page: Page, state: tuple[forked_search.PagePart, str | None]
    ) -> None:
        part, digest = state
        forked_search.merge(self.search, part)  # type: ignore[arg-type]
        if self.serving:
            self.search_parts[page.file.src_uri] = part
            if digest is not None:
                self.page_digests[page.file.src_uri] = digest

    def on_build_error(self, *, error: Exception) -> None:
        if self.parallel is not None:
            self.parallel.close()
        parallel.activate(None)

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        parallel.activate(None)
        if self.preview is not None:  # the build the next save is compared with
            self.preview.config, self.preview.files = config, self.files
            self.preview.env = self.env
            gc.collect()  # now, while the writer reads, rather than during the next save
        if self.outputs is not None:  # the preview says how much a save cost
            log.info(
                say("serve.reused", laid_out=self.outputs.laid_out, reused=self.outputs.reused)
            )
        if not self.search_written:
            self.search.write(Path(config.site_dir))

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        if self.feeds_written and page.url is not None:  # announced to browsers and readers
            feed = self._page_feed(page.file.src_uri)
            links = feeds.head_links(config.site_name, page.url, feed and feed[:2])
            output = output.replace("</head>", links + "</head>", 1)
        output = csp.add_policy(output, self.image_hosts, self.theme_scripts)
        return theme_markup.harden(theme_markup.conform_theme_markup(output))

    # priority 50: learn the theme's scripts before anything else touches the page
    @event_priority(50)
    def on_post_template(
        self, output_content: str, *, template_name: str, config: MkDocsConfig
    ) -> str:
        """Static templates (404.html) have the same page frame as pages, so the same markup
        fixes; they never hold contributed content, so their inline scripts are the theme's
        own: the only ones the pages' policy lets run (MkDocs builds them before pages)."""
        if template_name.endswith(".html"):
            self.theme_scripts |= csp.inline_scripts(output_content)
            return csp.add_policy(
                theme_markup.conform_theme_markup(output_content),
                self.image_hosts,
                self.theme_scripts,
            )
        return output_content

    def on_serve(self, server, *, config: MkDocsConfig, builder):
        incremental.watch_natively(server)
        for name in (*CONTENT_DIRS, VOCABULARY_FILE):
            path = self.root / name
            if path.exists():
                server.watch(str(path))
        # the server calls its builder after each save: redo only what the save changes
        server.builder = incremental.Builder(self, builder)
        return server


# microseconds per entry to write the data files (explorer, open data, feeds, editor):
# 0.25 s at 1,000 entries, 3.5 s at 10,000 on the bench's corpus
DATA_COST = 300

# what the theme may hide on a page (Material's "hide" values)
HIDEABLE = frozenset({"navigation", "toc", "footer", "path", "tags", "feedback"})


def _theme_meta(meta: dict, uri: str) -> dict:
    """The keys the theme reads, with the types it expects (a hand-written page of docs/ is
    not validated by the model: « hide: 5 » would crash the theme's template)."""
    out = {}
    for key in ("title", "description"):
        if isinstance(meta.get(key), (str, int, float)) and not isinstance(meta[key], bool):
            out[key] = str(meta[key])
    hide = meta.get("hide")
    if hide is not None:
        if isinstance(hide, list) and all(isinstance(h, str) and h in HIDEABLE for h in hide):
            out["hide"] = hide
        else:
            log.warning(f"{uri} : « hide » ignoré (liste parmi : {', '.join(sorted(HIDEABLE))})")
    return out


def _escape_toc(items) -> None:
    """Heading ids come from contributors (``{: #id }``, ``<h2 id=…>``) and the theme prints
    the table of contents' ``href="#id"`` raw: escape them (browsers decode the attribute,
    so each link still reaches its heading)."""
    for item in items:
        item.id = escape(unescape(item.id))
        _escape_toc(item.children)


def _plain_title(title: str | None) -> str:
    """A title MkDocs took from a heading (tags removed, entities kept), as text."""
    return unescape(TAG_RE.sub("", title or "")).strip()


def _relative_path(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


def _docs_prefix(config: MkDocsConfig, root: Path) -> str:
    docs = Path(config.docs_dir).resolve()
    try:
        rel = docs.relative_to(root).as_posix()
    except ValueError:
        return ""
    return "" if rel == "." else rel + "/"


SEANCES_INDEX = "seances/index.md"


def _with_seances(nav: list, root: Path) -> list:
    """The navigation with, after « seances/index.md », one entry per séance folder of
    sessions/ (a séance added or removed needs no edit of mkdocs.yml)."""
    folders = sorted(
        folder.name
        for folder in (root / "sessions").glob("*")
        if SESSION_DIR_RE.match(folder.name) and (folder / "index.md").is_file()
    )
    seances = [f"seances/{folder}/index.md" for folder in folders]
    out = []
    for item in nav:
        if isinstance(item, dict):
            item = {
                title: (
                    [SEANCES_INDEX, *seances]
                    if isinstance(value, list) and SEANCES_INDEX in value
                    else _with_seances(value, root)
                    if isinstance(value, list)
                    else value
                )
                for title, value in item.items()
            }
        out.append(item)
    return out
