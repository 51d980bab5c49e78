"""No request from any page type to a host other than the site itself (GDPR; see the
Sécurité guide)."""

from __future__ import annotations

from urllib.parse import urlparse

import pytest

from tests.browser.pages import PAGE_TYPES


@pytest.mark.parametrize("name", list(PAGE_TYPES))
def test_page_type_requests_only_its_own_host(page, site_url, name):
    own = urlparse(site_url).netloc
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    response = page.goto(site_url + PAGE_TYPES[name](), wait_until="networkidle")
    assert response is not None and response.ok or name == "404"
    foreign = [
        u
        for u in requested
        if urlparse(u).scheme in ("http", "https") and urlparse(u).netloc != own
    ]
    assert foreign == [], f"{name}: requêtes vers des hôtes tiers : {foreign}"
    assert requested, "the page made no request at all: the test would prove nothing"


def test_cms_admin_page_requests_only_its_own_host(page, site_url):
    """The web editor (Decap CMS, shipped with the site) contacts nobody until sign-in."""
    own = urlparse(site_url).netloc
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    response = page.goto(site_url + "admin/", wait_until="networkidle")
    assert response is not None and response.ok
    assert any(u.endswith("decap-cms.js") for u in requested)
    foreign = [
        u
        for u in requested
        if urlparse(u).scheme in ("http", "https") and urlparse(u).netloc != own
    ]
    assert foreign == []
