"""The web editor (Decap CMS, shipped with the site) accepts the configuration we generate.

Decap validates admin/config.yml against its own schema when the page opens and shows its
configuration errors instead of the sign-in button: reaching the button proves the
generated collections (one per kind of territory document, filters, paths) are valid.
"""

from __future__ import annotations

from playwright.sync_api import expect


def test_decap_loads_the_generated_configuration(page, site_url):
    page.goto(site_url + "admin/")
    expect(page.get_by_role("button", name="Se connecter avec GitHub")).to_be_visible()
    assert "Config Errors" not in page.content()
    assert "Error loading the CMS configuration" not in page.content()
