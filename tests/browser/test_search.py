"""French search in Chromium: stemming, elisions, accents, weighting, hostile queries."""

from __future__ import annotations

import pytest

QUERIES = [
    # (query, a title fragment expected among the first results)
    ("médiations", "Médiation numérique hors les murs"),  # plural → singular
    ("mediation", "Médiation numérique hors les murs"),  # accents not typed
    ("l'inclusion", "Inclusion numérique"),  # elision typed
    ("l’inclusion", "Inclusion numérique"),  # typographic apostrophe
    ("inclusion", "Inclusion numérique"),  # word after an elision in the text
    ("tiers-lieu", "tiers-lieu"),
    ("fablab", "Fablab"),  # practice name weighted above body text
    ("val de sorlin", "Val de Sorlin"),  # territory name
    ("reconditionnement ordinateurs", "econditionnement"),
]


@pytest.fixture
def search_page(page, site_url):
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(site_url)
    page.errors = errors
    return page


def _titles(page, query: str, top: int = 5) -> list[str]:
    answer = page.evaluate("q => capiSearch.search(q)", query)
    return [r["title"] for r in answer["results"][:top]]


@pytest.mark.parametrize(("query", "expected"), QUERIES)
def test_query_finds_its_expected_page_near_the_top(search_page, query, expected):
    titles = _titles(search_page, query)
    assert any(expected.lower() in t.lower() for t in titles), titles
    assert search_page.errors == []


def test_stemmed_accented_and_elided_forms_give_the_same_results(search_page):
    assert _titles(search_page, "médiations", 10) == _titles(search_page, "mediation", 10)
    assert _titles(search_page, "l'inclusion", 10) == _titles(search_page, "inclusion", 10)


def test_typing_in_the_box_shows_results_and_announces_the_count(search_page):
    box = search_page.locator("#capi-search-input")
    box.fill("médiations")
    status = search_page.locator("#capi-search-status")
    status.filter(has_text="résultat").wait_for()
    assert search_page.locator(".capi-search__results a").count() > 0
    assert status.get_attribute("aria-live") == "polite"
    box.press("ArrowDown")
    focused = search_page.evaluate(
        "document.activeElement.closest('.capi-search__results') !== null"
    )
    assert focused
    search_page.keyboard.press("Escape")
    assert search_page.evaluate("document.getElementById('__search').checked") is False


@pytest.mark.parametrize(
    "query",
    [
        "le de la les",
        "!!! ??? ...",
        "x" * 2000,
        ".*(",
        "[(",
        "zzzxqw",
        "<img src=x onerror=window.__pwned=1>",
    ],
)
def test_hostile_queries_say_no_result_without_console_errors(search_page, query):
    box = search_page.locator("#capi-search-input")
    box.fill(query)
    status = search_page.locator("#capi-search-status")
    # the markup payload's words (img, onerror…) are in the security guide: it may match
    status.filter(has_text="résultat" if query.startswith("<") else "Aucun résultat").wait_for()
    assert search_page.errors == []
    assert search_page.evaluate("window.__pwned === undefined")
    assert search_page.locator(".capi-search__results img").count() == 0


def test_html_in_a_query_is_text_not_markup(search_page):
    search_page.locator("#capi-search-input").fill("<b>script</b> sécurité")
    search_page.locator("#capi-search-status").filter(has_text="résultat").wait_for()
    assert search_page.locator(".capi-search__results b").count() == 0
    assert search_page.errors == []


def test_no_index_file_is_loaded_before_the_reader_searches(page, site_url):
    loaded: list[str] = []
    page.on("request", lambda r: loaded.append(r.url))
    page.goto(site_url, wait_until="networkidle")
    assert not [u for u in loaded if "index-recherche/" in u]
    page.locator("#capi-search-input").fill("fablab")
    page.locator("#capi-search-status").filter(has_text="résultat").wait_for()
    shards = [u for u in loaded if "index-recherche/t/" in u]
    assert shards and all(u.endswith(("/fa.js",)) for u in shards), shards
