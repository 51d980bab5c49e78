"""Search results a reader can judge, in Chromium at desktop and phone widths: each result
quotes its page's own passage with the words found marked, and /recherche/?q=… is a page
(address to share, reload, back button)."""

from __future__ import annotations

import re
from urllib.parse import quote

import pytest

from macros.outputs.search_index import terms
from tests.browser.test_accessibility import audit, describe

WIDTHS = {"bureau": 1280, "mobile": 360}
BANNER = "Cette page est un exemple fictif"


@pytest.fixture(params=list(WIDTHS))
def width(request) -> int:
    return WIDTHS[request.param]


@pytest.fixture
def reader(page):
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.errors = errors
    return page


def _open_results(page, site_url: str, query: str, width: int):
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(site_url + "recherche/?q=" + quote(query))
    status = page.locator("#capi-resultats-status")
    status.filter(has_text="résultat").wait_for()
    return page.locator(".capi-resultats__liste > li")


def _results(items) -> list[dict]:
    return items.evaluate_all(
        """items => items.map(li => ({
            title: li.querySelector('.capi-search__title').textContent,
            kind: li.querySelector('.capi-search__kind').textContent,
            href: li.querySelector('a').getAttribute('href'),
            excerpt: (li.querySelector('.capi-search__excerpt') || {}).textContent || '',
            marks: [...li.querySelectorAll('.capi-search__excerpt mark')].map(m => m.textContent),
            visible: li.querySelector('.capi-search__excerpt').getClientRects().length > 0,
        }))"""
    )


def test_each_result_quotes_its_own_passage_with_the_words_marked(reader, site_url, width):
    results = _results(_open_results(reader, site_url, "médiation", width))
    assert len(results) == 10
    for result in results:
        assert result["title"] and result["kind"], result
        assert result["visible"], result
        assert BANNER not in result["excerpt"], result
        assert "Contenu d'exemple" not in result["excerpt"], result
        assert "¶" not in result["excerpt"], result
        assert not re.search(r"\s[,.](?:\s|$)", result["excerpt"]), result
        assert result["marks"], result
        assert all("mediation" in terms(mark) for mark in result["marks"]), result
    assert reader.errors == []


def test_the_banner_was_there_to_be_quoted(reader, site_url):
    """Example pages found for « médiation » do carry the banner the results leave out."""
    results = _results(_open_results(reader, site_url, "médiation", 1280))
    banners = 0
    for result in results:
        reader.goto(site_url + "recherche/" + result["href"])
        banners += BANNER in reader.locator("article").inner_text()
    assert banners >= 5


def test_the_header_box_quotes_passages_too(reader, site_url):
    reader.set_viewport_size({"width": 1280, "height": 800})
    reader.goto(site_url)
    box = reader.locator("#capi-search-input")
    box.fill("médiations")
    reader.locator("#capi-search-status").filter(has_text="résultat").wait_for()
    items = reader.locator(".capi-search__results > li")
    assert items.count() > 0
    for item in items.all():
        marks = item.locator(".capi-search__excerpt mark").all_inner_texts()
        assert marks and all("mediation" in terms(m) for m in marks)
        assert BANNER not in item.inner_text()
    more = reader.locator(".capi-search__more a")
    assert more.is_visible()
    assert more.get_attribute("href").endswith("recherche/?q=m%C3%A9diations")


def test_the_not_found_page_searches_the_site_too(reader, site_url):
    # its links are absolute: the index used to be asked at « /capitalisation-numerique//… »,
    # which a local server forgives and a static host may not
    asked: list[tuple[str, int]] = []
    reader.goto(site_url + "404.html")  # the page itself answers 404 by design
    reader.on("response", lambda r: asked.append((r.url, r.status)))
    reader.locator("#capi-search-input").fill("fablab")
    reader.locator("#capi-search-status").filter(has_text="résultat").wait_for()
    assert reader.locator(".capi-search__results > li").count() > 0
    assert asked and all(status < 400 for _, status in asked), asked
    assert not [url for url, _ in asked if "//" in url.split("://", 1)[1]], asked


def test_a_results_address_opened_directly_shows_results_and_the_query(reader, site_url, width):
    items = _open_results(reader, site_url, "fablab", width)
    assert items.count() > 0
    assert reader.locator("#capi-resultats-q").input_value() == "fablab"
    assert reader.locator("#capi-search-input").input_value() == "fablab"
    assert "fablab" in reader.locator(".capi-resultats__liste").inner_text().lower()
    assert reader.errors == []


def test_results_fit_a_phone_screen_without_scrolling_sideways(reader, site_url):
    items = _open_results(reader, site_url, "médiation numérique", 360)
    assert items.count() > 0
    overflow = reader.evaluate(
        "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow == 0
    rights = items.evaluate_all("items => items.map(li => li.getBoundingClientRect().right)")
    assert max(rights) <= 360


def test_a_new_search_updates_the_address_and_back_returns_to_the_previous_one(reader, site_url):
    _open_results(reader, site_url, "fablab", 1280)
    first = _results(reader.locator(".capi-resultats__liste > li"))
    box = reader.locator("#capi-resultats-q")
    box.fill("reconditionnement")
    box.press("Enter")
    reader.wait_for_function("location.search === '?q=reconditionnement'")
    status = reader.locator("#capi-resultats-status")
    status.filter(has_text="reconditionnement").wait_for()
    second = _results(reader.locator(".capi-resultats__liste > li"))
    assert second != first
    assert "reconditionnement" in reader.title()
    reader.reload()
    status.filter(has_text="reconditionnement").wait_for()
    assert box.input_value() == "reconditionnement"
    reader.go_back()
    reader.wait_for_function("location.search === '?q=fablab'")
    status.filter(has_text="fablab").wait_for()
    assert box.input_value() == "fablab"
    assert _results(reader.locator(".capi-resultats__liste > li")) == first
    assert reader.errors == []


def test_enter_in_the_header_box_opens_the_results_page(reader, site_url):
    reader.set_viewport_size({"width": 1280, "height": 800})
    reader.goto(site_url + "territoires/")
    box = reader.locator("#capi-search-input")
    box.fill("tiers-lieu")
    with reader.expect_navigation():
        box.press("Enter")
    assert "/recherche/?q=tiers-lieu" in reader.url
    reader.locator("#capi-resultats-status").filter(has_text="résultat").wait_for()
    assert reader.locator(".capi-resultats__liste > li").count() > 0


def test_more_results_are_shown_on_request(reader, site_url):
    items = _open_results(reader, site_url, "numérique", 1280)
    assert items.count() == 10
    reader.get_by_role("button", name="Afficher plus de résultats").click()
    reader.wait_for_function("document.querySelectorAll('.capi-resultats__liste > li').length > 10")
    assert items.count() == 20


@pytest.mark.parametrize("query", ["", "hautmesnil"])
def test_show_more_is_offered_only_when_there_is_more(reader, site_url, query):
    reader.goto(site_url + "recherche/" + (f"?q={query}" if query else ""))
    if query:  # fewer than a page of results
        reader.locator(".capi-resultats__liste > li").first.wait_for()
        assert reader.locator(".capi-resultats__liste > li").count() < 10
    else:
        reader.wait_for_function("document.querySelector('.capi-resultats__liste') !== null")
    assert not reader.get_by_role("button", name="Afficher plus de résultats").is_visible()


def test_markup_in_the_address_is_shown_as_text(reader, site_url):
    query = "<img src=x onerror=window.__pwned=1> sécurité"
    _open_results(reader, site_url, query, 1280)
    assert reader.locator("#capi-resultats-q").input_value() == query
    assert reader.locator("#capi-resultats img").count() == 0
    assert reader.evaluate("window.__pwned === undefined")
    assert reader.errors == []


@pytest.mark.parametrize("palette", ["light", "dark"])
def test_the_results_page_passes_the_accessibility_audit(browser, site_url, width, palette):
    """Marked words keep their contrast in both palettes, the form has its label…"""
    # axe-core is injected as an inline script, which the site's policy refuses: bypassed
    # here only (the policy is tested by tests/browser/test_csp.py)
    context = browser.new_context(locale="fr-FR", color_scheme=palette, bypass_csp=True)
    try:
        page = context.new_page()
        items = _open_results(page, site_url, "médiation", width)
        assert items.count() > 0
        violations = audit(page)["violations"]
        assert violations == [], describe(violations)
    finally:
        context.close()


def test_a_long_page_found_by_a_section_quotes_that_section(reader, site_url):
    """The restitution's practice sections: passages cannot cover it all, headings do."""
    results = _results(_open_results(reader, site_url, "fablab", 1280))
    restitution = [r for r in results if r["title"].startswith("Pratiques et thématiques")]
    assert restitution, [r["title"] for r in results]
    assert [m.lower() for m in restitution[0]["marks"]] == ["fablab"]
