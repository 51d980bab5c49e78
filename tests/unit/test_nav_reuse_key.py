"""Which pages share a rendered menu (nav_reuse.py): same parent folder, no menu link in or
under their own folder, not in the menu."""

from __future__ import annotations

from types import SimpleNamespace

from mkdocs.utils import get_relative_url

from macros.mkdocs_adapter.nav_reuse import NavReuse


def page(uri: str, url: str) -> SimpleNamespace:
    return SimpleNamespace(file=SimpleNamespace(src_uri=uri), url=url)


MENU = [page("index.md", ""), page("guides/index.md", "guides/"), page("a/b/c.md", "a/b/c/")]
NAV = SimpleNamespace(
    pages=MENU, items=[SimpleNamespace(url=p.url, children=None) for p in MENU], homepage=MENU[0]
)
LINKS = [p.url for p in MENU] + ["assets/logo.png"]


def test_pages_sharing_a_key_see_every_menu_link_alike():
    reuse = NavReuse(NAV, ["assets/logo.png"])
    orphans = [
        page(f"{folder}/{name}.md", f"{folder}/{name}/")
        for folder in ("seances/01", "seances/02", "guides", "a", "a/b", "a/b/c")
        for name in ("x", "y", "c")
    ]
    orphans += [page(f"{folder}/x.md", f"{folder}/x.html") for folder in ("seances/01", "a/b")]
    orphans += [page("x.md", "x.html"), page("y.md", "y.html")]
    by_key: dict = {}
    for orphan in orphans:
        key = reuse.key(orphan)
        if key is not None:
            by_key.setdefault(key, []).append(orphan)
    assert len(by_key) > 3 and any(len(group) > 2 for group in by_key.values())
    for group in by_key.values():
        seen = {tuple(get_relative_url(link, p.url) for link in LINKS) for p in group}
        assert len(seen) == 1, [p.url for p in group]


def test_menu_pages_and_pages_over_a_menu_link_are_rendered_as_usual():
    reuse = NavReuse(NAV, [])
    assert reuse.key(MENU[1]) is None  # in the menu: its own item is active
    assert reuse.key(page("a/b.md", "a/b/")) is None  # a/b/c/ lies under it
    assert reuse.key(page("assets.md", "assets/")) is not None
    assert NavReuse(NAV, ["assets/logo.png"]).key(page("assets.md", "assets/")) is None
    assert reuse.key(SimpleNamespace()) is None  # a static template (404.html): no page
