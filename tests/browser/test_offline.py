"""The offline bundle, unpacked and opened through file:// in Chromium, works."""

from __future__ import annotations

import zipfile

import pytest


@pytest.fixture(scope="module")
def offline_home(published, tmp_path_factory):
    folder = tmp_path_factory.mktemp("usb")
    with zipfile.ZipFile(published / "site-hors-ligne.zip") as archive:
        archive.extractall(folder)
    home = folder / "site-hors-ligne" / "index.html"
    assert home.is_file()
    return home


def test_home_page_opens_from_file(page, offline_home):
    page.goto(offline_home.as_uri())
    assert "Numérique et innovation sociale" in page.title()
    link = page.locator("a[href$='seances/index.html']").first
    link.click()
    assert page.url.startswith("file://") and page.url.endswith("seances/index.html")
    assert page.locator("h1").inner_text().startswith("Les séances du cycle")


def test_search_works_from_file(page, offline_home):
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(offline_home.as_uri())
    page.locator("#capi-search-input").fill("médiations")
    page.locator("#capi-search-status").filter(has_text="résultat").wait_for()
    first = page.locator(".capi-search__results a").first
    href = first.get_attribute("href")
    assert href.endswith(".html")
    with page.expect_navigation():
        first.click()
    assert page.url.startswith("file://") and page.url.endswith(href.rsplit("/", 1)[-1])
    assert page.locator("h1").count() == 1
    assert errors == []


def test_explorer_works_from_file(page, offline_home):
    page.goto((offline_home.parent / "explorer" / "index.html").as_uri())
    page.locator("input[name='type'][value='territoire']").check()
    assert "3 fiches" in page.locator("#capi-explorer-status").inner_text()
    page.locator(".capi-explorer__results a").first.click()
    assert page.url.endswith("index.html")
