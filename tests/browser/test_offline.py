"""The offline bundle, unpacked and opened through file:// in Chromium, works."""

from __future__ import annotations

import zipfile

import pytest

from tests.conftest import ROOT


@pytest.fixture(scope="module")
def offline_home(published, tmp_path_factory):
    folder = tmp_path_factory.mktemp("usb")
    with zipfile.ZipFile(published / "site-hors-ligne.zip") as archive:
        archive.extractall(folder)
    home = folder / "site-hors-ligne" / "index.html"
    assert home.is_file()
    return home


def heading(page) -> str:
    """The page's one ``h1``, without the permalink sign Markdown headings carry."""
    assert page.locator("h1").count() == 1
    return page.locator("h1").inner_text().replace("¶", "").strip()


def follow(page, link) -> str:
    """Click ``link`` and wait until the page it points to is loaded; returns the page's
    address before the click, after checking the link leads elsewhere."""
    before = page.url
    target = link.evaluate("a => a.href")  # the address the browser resolved from href
    assert target.startswith("file://") and target != before
    with page.expect_navigation():
        link.click()
    assert page.url == target
    return before


def test_home_page_opens_from_file(page, offline_home):
    page.goto(offline_home.as_uri())
    assert "Numérique et innovation sociale" in page.title()
    start_heading = heading(page)
    assert not start_heading.startswith("Les séances du cycle")
    link = page.locator("a[href$='seances/index.html']").first
    start = follow(page, link)
    assert page.url != start and page.url.endswith("/seances/index.html")
    assert heading(page).startswith("Les séances du cycle")


def test_search_works_from_file(page, offline_home):
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(offline_home.as_uri())
    start_heading = heading(page)
    page.locator("#capi-search-input").fill("médiations")
    page.locator("#capi-search-status").filter(has_text="résultat").wait_for()
    first = page.locator(".capi-search__results a").first
    assert first.get_attribute("href").endswith(".html")
    title = first.locator(".capi-search__title").inner_text()
    assert title and title != start_heading
    follow(page, first)
    # the result's page is open: its heading is the title the result announced
    assert heading(page) == title
    assert page.title().startswith(title)
    assert errors == []


def test_explorer_works_from_file(page, offline_home):
    territories = sorted(p.parent.name for p in ROOT.glob("territories/*/index.md"))
    assert len(territories) > 1
    page.goto((offline_home.parent / "explorer" / "index.html").as_uri())
    start_heading = heading(page)
    status = page.locator("#capi-explorer-status")
    all_types = status.inner_text()
    page.locator("input[name='type'][value='territoire']").check()
    # the filter keeps the territories, and only them
    assert status.inner_text() != all_types
    assert status.inner_text().startswith(f"{len(territories)} fiches correspondent")
    links = page.locator(".capi-explorer__results a")
    hrefs = [links.nth(i).get_attribute("href") for i in range(links.count())]
    assert sorted(href.split("/")[-2] for href in hrefs) == territories
    first = links.first
    name = first.inner_text().strip()
    assert name and name != start_heading
    start = follow(page, first)
    assert page.url != start and "/territoires/" in page.url
    assert heading(page) == name
    assert page.title().startswith(name)


def test_the_results_page_works_from_file(page, offline_home):
    """/recherche/?q=… opened from the USB key: results, and Enter in the header box."""
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    results = offline_home.parent / "recherche.html"
    page.goto(results.as_uri() + "?q=fablab")
    page.locator("#capi-resultats-status").filter(has_text="résultat").wait_for()
    links = page.locator(".capi-resultats__liste .capi-search__result > a")
    assert links.count() > 0
    assert links.first.get_attribute("href").endswith(".html")
    assert page.locator(".capi-resultats__liste mark").count() > 0
    page.goto(offline_home.as_uri())
    box = page.locator("#capi-search-input")
    box.fill("tiers-lieu")
    with page.expect_navigation():
        box.press("Enter")
    assert page.url.startswith(results.as_uri())
    page.locator("#capi-resultats-status").filter(has_text="résultat").wait_for()
    assert page.locator("#capi-resultats-q").input_value() == "tiers-lieu"
    assert errors == []
