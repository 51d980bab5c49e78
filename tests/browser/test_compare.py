"""The territory comparison page in Chromium: choosing territories, URL state, back button,
phone width."""

from __future__ import annotations

from macros.content.corpus import load_corpus
from macros.graph import Graph
from macros.render.compare import territories
from tests.conftest import ROOT

GRAPH = Graph(load_corpus(ROOT))
TERRITORIES = territories(GRAPH)
SLUGS = [t.slug for t in TERRITORIES]


def _visible_heads(page) -> list[str]:
    """Titles of the territory columns a person sees in the indicator table."""
    heads = page.locator(".capi-compare table").first.locator("thead th")
    return [
        heads.nth(i).inner_text().strip()
        for i in range(1, heads.count())
        if heads.nth(i).is_visible()
    ]


def _title(slug: str) -> str:
    return next(t.title for t in TERRITORIES if t.slug == slug)


def test_every_territory_is_shown_by_default(page, site_url):
    page.goto(site_url + "territoires/comparer/")
    assert _visible_heads(page) == [t.title for t in TERRITORIES]


def test_t_parameter_shows_only_the_chosen_territories(page, site_url):
    a, b = SLUGS[0], SLUGS[-1]
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(site_url + f"territoires/comparer/?t={a},{b}")
    assert _visible_heads(page) == [_title(a), _title(b)]
    assert errors == []


def test_choosing_updates_the_url_and_the_back_button_restores_it(page, site_url):
    page.goto(site_url + "territoires/comparer/")
    dropped = SLUGS[1]
    page.get_by_label(_title(dropped)).uncheck()
    assert page.evaluate("location.search") == "?t=" + ",".join(s for s in SLUGS if s != dropped)
    assert _title(dropped) not in _visible_heads(page)
    page.go_back()
    page.wait_for_function("location.search === ''")
    assert _visible_heads(page) == [t.title for t in TERRITORIES]
    page.go_forward()
    page.wait_for_function("location.search !== ''")
    assert _title(dropped) not in _visible_heads(page)


def test_two_territories_side_by_side_on_a_phone(page, site_url):
    page.set_viewport_size({"width": 360, "height": 740})
    a, b = SLUGS[0], SLUGS[1]
    page.goto(site_url + f"territoires/comparer/?t={a},{b}")
    assert _visible_heads(page) == [_title(a), _title(b)]
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 360


def test_the_comparable_territories_link_opens_the_preset(page, site_url):
    slug = SLUGS[0]
    page.goto(site_url + f"territoires/{slug}/")
    page.get_by_role("link", name="Comparer avec ces territoires").click()
    page.wait_for_url("**/territoires/comparer/?t=*")
    chosen = page.evaluate("location.search")[3:].split(",")
    assert chosen[0] == slug
    assert _visible_heads(page) == [t.title for t in TERRITORIES if t.slug in chosen]


def test_the_choice_works_offline_from_file(page, built_site):
    a, b = SLUGS[-1], SLUGS[0]
    page.goto((built_site / "territoires" / "comparer" / "index.html").as_uri() + f"?t={a},{b}")
    assert _visible_heads(page) == [_title(s) for s in SLUGS if s in (a, b)]
    page.get_by_role("button", name="Tous les territoires").click()
    assert _visible_heads(page) == [t.title for t in TERRITORIES]
