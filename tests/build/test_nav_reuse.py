"""The menu rendered once per folder for pages outside it (nav_reuse.py) is, on every page,
what Material renders for that page; pages in the menu keep their active item."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from bench.corpus import generate
from tests.build.test_parallel_build import differences
from tests.conftest import run_capi

OVERRIDES = Path("docs/overrides/partials")
SIDEBAR_RE = re.compile(r'<nav class="md-nav md-nav--primary.*?</nav>\s*</div>', re.DOTALL)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("nav") / "depot"
    generate(root, 40)
    return root


def build(root: Path, site: Path) -> Path:
    result = run_capi("build", "--dossier", str(site), cwd=root)
    assert result.returncode == 0, result.stderr
    return site


@pytest.mark.parametrize("directory_urls", [True, False])
def test_reused_menu_is_materials_own_rendering(corpus, tmp_path, directory_urls):
    config = corpus / "mkdocs.yml"
    original = config.read_text(encoding="utf-8")
    config.write_text(f"{original}\nuse_directory_urls: {str(directory_urls).lower()}\n", "utf-8")
    kept = {name: (corpus / OVERRIDES / name).read_bytes() for name in ("nav.html", "tabs.html")}
    try:
        reused = build(corpus, tmp_path / "reused")
        for name in kept:  # Material's partials, rendered for every page
            (corpus / OVERRIDES / name).unlink()
        plain = build(corpus, tmp_path / "plain")
    finally:
        config.write_text(original, encoding="utf-8")
        for name, content in kept.items():
            (corpus / OVERRIDES / name).write_bytes(content)
    assert len(list(reused.rglob("*.html"))) > 80
    assert differences(plain, reused) == []
    suffix = "/index.html" if directory_urls else ".html"
    # a page in the menu shows its own item as active, with its table of contents
    guide = SIDEBAR_RE.search((reused / f"guides/contribuer{suffix}").read_text("utf-8"))
    assert guide is not None and "md-nav__link--active" in guide.group(0)
    assert 'for="__toc"' in guide.group(0)
    # an entry (outside the menu) has no active item, and its links reach the menu's pages
    found = (reused / "seances").glob(f"*/*{suffix}")  # seances/<séance>/<entry>…
    entry = next(p for p in found if p.name != "index.html" or directory_urls)
    sidebar = SIDEBAR_RE.search(entry.read_text("utf-8"))
    assert sidebar is not None and "--active" not in sidebar.group(0)
