"""The built site served on 127.0.0.1, and pages that watch the site's security policy
(the Chromium fixture ``browser`` is in tests/conftest.py, shared with the safety tests)."""

from __future__ import annotations

import functools
import http.server
import threading
from urllib.parse import urlsplit

import pytest
import yaml

from tests.conftest import ROOT

# the site is served under the path of its public address (site_url in mkdocs.yml), as on
# GitHub Pages: 404.html links its assets from there (MkDocs makes them absolute)
BASE_PATH = urlsplit(
    yaml.safe_load((ROOT / "mkdocs.yml").read_text("utf-8")).get("site_url") or "/"
).path.rstrip("/")


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - signature imposed by http.server
        pass

    def translate_path(self, path: str) -> str:
        if BASE_PATH and not (path == BASE_PATH or path.startswith(BASE_PATH + "/")):
            return "/nonexistent/outside-the-site"  # answered 404, like another site
        return super().translate_path(path[len(BASE_PATH) :] or "/")


@pytest.fixture(scope="session")
def site_url(built_site):
    handler = functools.partial(_QuietHandler, directory=str(built_site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}{BASE_PATH}/"
    server.shutdown()


def watch_csp(page) -> list[str]:
    """Every Content-Security-Policy violation the page reports, as Chromium words it."""
    violations: list[str] = []
    page.on(
        "console",
        lambda message: (
            violations.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    return violations


@pytest.fixture
def page(browser):
    """A page that fails its test if the site's own code breaks the site's policy."""
    context = browser.new_context(locale="fr-FR")
    page = context.new_page()
    violations = watch_csp(page)
    yield page
    context.close()
    assert violations == [], f"violations de la politique de sécurité : {violations}"
