"""Generated blocks are HTML: their links carry the URL MkDocs would have written."""

from __future__ import annotations

import pytest
from mkdocs.structure.files import File

from macros.content.corpus import load_corpus
from macros.graph import Graph
from macros.render import links
from tests.conftest import ROOT

GRAPH = Graph(load_corpus(ROOT))
PAGES = sorted(
    {e.src_uri for e in GRAPH.entries.values()}
    | {"index.md", "retours/index.md", "pratiques/fablab.md", "thematiques/reemploi.md"}
)


@pytest.fixture(params=[True, False], ids=["directory_urls", "html_files"])
def directory_urls(request):
    links.set_directory_urls(request.param)
    yield request.param
    links.set_directory_urls(True)


def test_every_link_between_pages_is_the_one_mkdocs_writes(directory_urls):
    files = {uri: File(uri, "docs", "site", directory_urls) for uri in PAGES}
    assert len(files) > 20
    for source in PAGES:
        for target in PAGES:
            expected = files[target].url_relative_to(files[source])
            assert links.href(source, target) == expected, (source, target)


def test_an_anchor_follows_the_page_url():
    assert links.href("retours/index.md", "index.md", "carte") == "../#carte"
