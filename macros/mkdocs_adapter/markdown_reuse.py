"""``Page.render`` with one ``markdown.Markdown`` per build instead of one per page.

MkDocs 1.6 builds a new Markdown instance for every page: loading and registering the
extensions is about a tenth of a cold build's conversion time. Python-Markdown supports
reuse: ``Markdown.reset()`` clears its own state and calls every extension's ``reset``
(footnotes, abbreviations, table of contents, stashes). MkDocs' four per-page processors
are registered again for each page under the same names, which replaces the previous
page's (``Registry.register``). The rest mirrors ``Page.render`` of MkDocs 1.6; the
output is the same (tests/build/test_parallel_build.py, tests/unit/test_markdown_reuse.py).
"""

from __future__ import annotations

import logging

import markdown
from mkdocs.structure import pages as mkdocs_pages
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

# (config, its Markdown instance): a new configuration (a `mkdocs serve` rebuild, a test's
# second build) gets a new instance, so nothing leaks from one configuration to the next
_KEPT: list[tuple[object, markdown.Markdown]] = []


def _markdown_for(config) -> markdown.Markdown:
    if _KEPT and _KEPT[0][0] is config:
        return _KEPT[0][1].reset()
    md = markdown.Markdown(
        extensions=config["markdown_extensions"],
        extension_configs=config["mdx_configs"] or {},
    )
    _KEPT[:] = [(config, md)]
    return md


def render(page: Page, config, files: Files) -> None:
    """What ``Page.render`` sets on ``page``, with the build's Markdown instance."""
    if page.markdown is None:
        raise RuntimeError("`markdown` field hasn't been set (via `read_source`)")
    md = _markdown_for(config)
    raw_html = mkdocs_pages._RawHTMLPreprocessor()
    raw_html._register(md)
    anchors = mkdocs_pages._ExtractAnchorsTreeprocessor(page.file, files, config)
    anchors._register(md)
    relative = mkdocs_pages._RelativePathTreeprocessor(page.file, files, config)
    relative._register(md)
    title = mkdocs_pages._ExtractTitleTreeprocessor()
    title._register(md)
    try:
        page.content = md.convert(page.markdown)
    except BaseException:
        _KEPT.clear()  # a conversion stopped halfway may leave state reset() does not clear
        raise
    page.toc = get_toc(getattr(md, "toc_tokens", []))
    page._title_from_render = title.title
    page.present_anchor_ids = anchors.present_anchor_ids | raw_html.present_anchor_ids
    if mkdocs_pages.log.getEffectiveLevel() > logging.DEBUG:
        page.links_to_anchors = relative.links_to_anchors
