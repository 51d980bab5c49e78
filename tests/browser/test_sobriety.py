"""Sobriety: a light first visit and pages that print without the site's frame.

The budget is measured in Chromium on a first visit (empty cache) of an experience report,
the page most readers land on: every response (HTML, CSS, JS, fonts, images) is counted
gzip-compressed with Python's gzip, as a server would send it.
"""

from __future__ import annotations

import gzip
from collections import defaultdict

from tests.browser.pages import PAGE_TYPES

BUDGET_KB = 300


def test_first_visit_of_an_experience_report_weighs_at_most_300_kb(page, site_url):
    responses = []
    page.on("response", lambda response: responses.append(response))
    page.goto(site_url + PAGE_TYPES["report"](), wait_until="networkidle")
    by_type: dict[str, int] = defaultdict(int)
    files = []
    for response in responses:
        if response.status != 200:
            continue
        size = len(gzip.compress(response.body()))
        by_type[response.request.resource_type] += size
        files.append((size, response.url))
    assert {"document", "stylesheet", "script"} <= set(by_type), dict(by_type)
    total = sum(by_type.values())
    detail = "\n".join(f"  {size / 1024:7.1f} Ko  {url}" for size, url in sorted(files)[::-1])
    print(
        f"\nPoids de la première visite d'un retour d'expérience : {total / 1024:.1f} Ko "
        f"(gzip)\n{detail}"
    )
    assert total <= BUDGET_KB * 1024, (
        f"première visite de {total / 1024:.1f} Ko compressés, au-delà du budget de "
        f"{BUDGET_KB} Ko :\n{detail}"
    )


def test_pages_print_without_the_site_frame(page, site_url, built_site):
    assert "@media print" in (built_site / "assets" / "capi.css").read_text("utf-8")
    page.goto(site_url + PAGE_TYPES["report"]())
    page.emulate_media(media="print")
    for frame in (".md-header", ".md-sidebar--primary", ".md-footer"):
        assert not page.locator(frame).first.is_visible(), f"{frame} est imprimé"
    assert page.locator("article h1").is_visible()
    page.emulate_media(media="screen")
    assert page.locator(".md-header").is_visible(), "the check would prove nothing"
