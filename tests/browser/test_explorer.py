"""The explorer in Chromium: facet combinations and counts, URL state, keyboard, notices."""

from __future__ import annotations

import pytest

from macros.content.corpus import load_corpus
from macros.graph import Graph
from tests.conftest import ROOT

GRAPH = Graph(load_corpus(ROOT))
REPORTS = [e for e in GRAPH.by_kind["intervention"] if e.is_report]


@pytest.fixture
def explorer(page, site_url):
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(site_url + "explorer/")
    page.errors = errors
    return page


def _count(page) -> int:
    text = page.locator("#capi-explorer-status").inner_text()
    return 0 if text.startswith("Aucune") else int(text.split()[0])


def _query(page) -> str:
    """The page's query string, read in the page (Playwright's page.url lags pushState)."""
    return page.evaluate("location.search")


def _checkbox(page, facet: str, value: str):
    return page.locator(f"input[name='{facet}'][value='{value}']")


def test_type_filter_counts_every_experience_report(explorer):
    _checkbox(explorer, "type", "retour").check()
    assert _count(explorer) == len(REPORTS)
    assert explorer.errors == []


def test_combined_facets_give_the_graph_numbers(explorer):
    practice = REPORTS[0].meta["pratiques"][0]
    theme = REPORTS[0].meta["thematiques"][0]
    _checkbox(explorer, "type", "retour").check()
    _checkbox(explorer, "pratique", practice).check()
    expected = [e for e in REPORTS if practice in e.meta["pratiques"]]
    assert _count(explorer) == len(expected)
    _checkbox(explorer, "thematique", theme).check()
    expected = [e for e in expected if theme in e.meta["thematiques"]]
    assert _count(explorer) == len(expected)
    label = _checkbox(explorer, "thematique", theme).locator("xpath=following-sibling::label")
    assert f"({len(expected)})" in label.inner_text()


def test_state_lives_in_the_url_and_the_back_button_restores_it(explorer, site_url):
    _checkbox(explorer, "type", "territoire").check()
    assert "type=territoire" in _query(explorer)
    assert _count(explorer) == len(GRAPH.by_kind["territoire"])
    _checkbox(explorer, "type", "pratique").check()
    explorer.go_back()
    explorer.wait_for_function("location.search === '?type=territoire'")
    assert _count(explorer) == len(GRAPH.by_kind["territoire"])
    explorer.goto(site_url + "explorer/" + _query(explorer))
    assert _checkbox(explorer, "type", "territoire").is_checked()


def test_unknown_facet_values_are_ignored_with_a_notice(page, site_url):
    page.goto(site_url + "explorer/?type=inconnu&couleur=bleu")
    assert "Filtres inconnus ignorés" in page.locator(".capi-explorer__notice").inner_text()
    assert _count(page) > 0


def test_text_box_and_keyboard_only_use(explorer):
    explorer.locator("#capi-explorer-q").focus()
    explorer.keyboard.type("fablab")
    assert 0 < _count(explorer) < len(GRAPH.entries)
    explorer.keyboard.press("Tab")
    focused = explorer.evaluate("document.activeElement.type")
    assert focused == "checkbox"
    explorer.keyboard.press(" ")
    search = _query(explorer)
    assert "q=fablab" in search and "type=" in search
    status = explorer.locator("#capi-explorer-status")
    assert status.get_attribute("aria-live") == "polite"


def test_the_title_filter_folds_ligatures_as_search_does(explorer):
    """« coeur » finds « Cœur » (the explorer folds with capi-analyse.js, like the search)."""
    title = "Une fabrique de codeurs au cœur d'un quartier"
    results = explorer.locator(".capi-explorer__results")
    explorer.locator("#capi-explorer-q").fill("coeur")
    explorer.wait_for_function("location.search.includes('q=coeur')")
    assert title in results.inner_text()
    explorer.locator("#capi-explorer-q").fill("CŒUR")
    explorer.wait_for_function("location.search.includes('q=C')")
    assert title in results.inner_text()
