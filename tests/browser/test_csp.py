"""The Content-Security-Policy in Chromium: the site's own scripts all run under it (the
``page`` fixture fails any test that meets a violation), and a script that got into a
page by any route does not."""

from __future__ import annotations

import pytest

from tests.browser.pages import PAGE_TYPES

INJECTED = '<img src="x" onerror="window.__pwned = 1">'
LISTEN = """() => document.addEventListener("securitypolicyviolation",
    event => { window.__violated = event.violatedDirective; }, {once: true})"""


@pytest.mark.parametrize("kind", PAGE_TYPES)
def test_the_theme_runs_and_an_injected_handler_does_not(browser, site_url, kind):
    context = browser.new_context(locale="fr-FR")
    page = context.new_page()
    page.goto(site_url + PAGE_TYPES[kind]())
    assert page.evaluate("typeof document$") == "object"  # the theme's bundle ran
    page.evaluate(LISTEN)
    page.evaluate(f"document.body.insertAdjacentHTML('beforeend', {INJECTED!r})")
    page.wait_for_function("window.__violated !== undefined")
    assert page.evaluate("window.__violated").startswith("script-src")
    assert page.evaluate("window.__pwned") is None
    context.close()


def test_palette_search_and_menu_work_under_the_policy(page, site_url):
    """``page`` fails this test on any violation the site's own code causes."""
    page.goto(site_url)
    before = page.evaluate("document.body.dataset.mdColorScheme")
    page.locator("label.md-header__button[for^='__palette']:visible").first.click()
    page.wait_for_function(f"document.body.dataset.mdColorScheme !== {before!r}")
    page.locator("#capi-search-input").fill("médiation")
    page.locator("#capi-search-status").filter(has_text="résultat").wait_for()
