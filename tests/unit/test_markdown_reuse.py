"""One Markdown instance for every page of a build gives what MkDocs' one-per-page gives."""

from __future__ import annotations

from pathlib import Path

import yaml
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from macros.mkdocs_adapter import markdown_reuse

ROOT = Path(__file__).resolve().parents[2]

# state a reused instance could carry over: footnotes, abbreviations, heading ids, a
# reference definition, raw HTML anchors, fenced code, admonitions, links between pages
PAGES = {
    "a.md": (
        "# Première\n\nUn texte[^1] sur le CCAS.\n\n*[CCAS]: Centre communal d'action sociale\n\n"
        "[^1]: La note.\n\n## Suite\n\n[réf][r] et [l'autre page](b.md#suite).\n\n"
        '[r]: https://example.org\n\n<div id="ancre">x</div>\n\n!!! note\n    Dedans\n\n'
        "```python\nprint(1)\n```\n"
    ),
    "b.md": (
        "# Deuxième\n\nLe CCAS encore, [réf][r] non définie ici[^1].\n\n## Suite\n\n"
        "## Suite\n\n[retour](a.md#ancre)\n"
    ),
}


def _config(tmp_path: Path) -> MkDocsConfig:
    config = MkDocsConfig()
    source = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    extensions = source.split("\nmarkdown_extensions:\n")[1].split("\n\n")[0]
    config.load_dict(
        {
            "site_name": "Essai",
            "docs_dir": str(tmp_path),
            "markdown_extensions": yaml.safe_load(extensions),
            "validation": {"anchors": "info"},
        }
    )
    errors, _ = config.validate()
    assert errors == []
    return config


def _pages(config: MkDocsConfig) -> tuple[Files, list[Page]]:
    files = Files(
        [File(uri, config.docs_dir, config.site_dir, config.use_directory_urls) for uri in PAGES]
    )
    pages = []
    for file in files:
        page = Page(None, file, config)
        page.markdown = PAGES[file.src_uri]
        pages.append(page)
    return files, pages


def _state(page: Page) -> tuple:
    links = {target.src_uri: anchors for target, anchors in (page.links_to_anchors or {}).items()}
    return (page.content, str(page.toc), page._title_from_render, page.present_anchor_ids, links)


def test_reused_instance_converts_each_page_as_a_new_one_would(tmp_path):
    config = _config(tmp_path)
    files, fresh = _pages(config)
    for page in fresh:
        page.render(config, files)
    files, reused = _pages(config)
    for page in [*reused, *reused]:  # twice: the second round follows the other page
        markdown_reuse.render(page, config, files)
    assert [_state(p) for p in reused] == [_state(p) for p in fresh]
    assert "fn:1" in fresh[0].content and "<abbr" in fresh[0].content
    assert "<abbr" not in fresh[1].content and "[réf][r]" in fresh[1].content


def test_a_new_configuration_gets_a_new_instance(tmp_path):
    config = _config(tmp_path)
    files, pages = _pages(config)
    markdown_reuse.render(pages[0], config, files)
    first = markdown_reuse._KEPT[0][1]
    markdown_reuse.render(pages[1], config, files)
    assert markdown_reuse._KEPT[0][1] is first
    other = _config(tmp_path)
    markdown_reuse.render(pages[1], other, files)
    assert markdown_reuse._KEPT[0][1] is not first
