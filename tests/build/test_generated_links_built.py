"""The engine's generated blocks are raw HTML that MkDocs does not check: every link of the
built site must still open a page or a file of the site."""

from __future__ import annotations

import re
from urllib.parse import unquote, urlsplit

BLOCKS = ("capi-badges", "capi-history", "capi-cards", "Voir aussi", "Cité dans")


def test_every_relative_link_of_the_built_site_opens_a_page(built_site):
    # 404.html links from the site's root (site_url), wherever it is served
    pages = [p for p in built_site.rglob("*.html") if p.name != "404.html"]
    checked, broken, blocks = 0, [], set()
    for page in pages:
        html = page.read_text("utf-8")
        blocks.update(b for b in BLOCKS if b in html)
        for url in re.findall(r'href="([^"]*)"', html):
            parts = urlsplit(url.replace("&amp;", "&"))
            if parts.scheme or url.startswith(("#", "/")) or not parts.path:
                continue  # another site, or a place on the same page
            target = (page.parent / unquote(parts.path)).resolve()
            checked += 1
            if not (target.is_file() or (target / "index.html").is_file()):
                broken.append((page.relative_to(built_site).as_posix(), url))
    assert set(BLOCKS) <= blocks  # the generated blocks are among the pages checked
    assert checked > 5000
    assert broken == [], broken[:20]
