"""The editions selector in the header, as a reader uses it (two editions published one
after the other, served under the site's public path: fixture ``two_editions``)."""

from __future__ import annotations

import functools
import http.server
import threading

import pytest

from tests.browser.conftest import BASE_PATH, _QuietHandler
from tests.conftest import NEW_TERRITORY_TITLE


@pytest.fixture(scope="module")
def editions_url(two_editions):
    handler = functools.partial(_QuietHandler, directory=str(two_editions["second"] / "site"))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}{BASE_PATH}/"
    server.shutdown()


def _choices(page) -> list[str]:
    return [" ".join(t.split()) for t in page.locator(".md-version__link").all_inner_texts()]


def test_the_header_selector_goes_from_one_edition_to_the_other(page, editions_url):
    page.goto(editions_url + "territoires/")
    current = page.locator(".md-header .md-version__current")
    assert current.inner_text() == "2027"
    assert _choices(page) == ["Édition 2027", "Édition 2026", "Comparer les éditions"]
    assert NEW_TERRITORY_TITLE in page.locator("article").inner_text()
    current.focus()  # the list opens for the keyboard as for the mouse
    older = page.get_by_role("link", name="Édition 2026")
    older.wait_for(state="visible")
    with page.expect_navigation():
        older.click()
    assert page.url == editions_url + "editions/2026/"
    assert current.inner_text() == "2026"
    assert _choices(page) == ["Édition 2027", "Édition 2026", "Comparer les éditions"]
    page.goto(editions_url + "editions/2026/territoires/")
    assert NEW_TERRITORY_TITLE not in page.locator("article").inner_text()
    current.focus()
    compare = page.get_by_role("link", name="Comparer les éditions")
    compare.wait_for(state="visible")
    with page.expect_navigation():
        compare.click()
    assert page.url == editions_url + "editions/"
    assert page.locator("h1").inner_text().replace("¶", "").strip() == "Éditions du cycle"
