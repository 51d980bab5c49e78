"""The built site served on 127.0.0.1, and pages that watch the site's security policy
(the Chromium fixture ``browser`` is in tests/conftest.py, shared with the safety tests)."""

from __future__ import annotations

import functools
import http.server
import threading

import pytest


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - signature imposed by http.server
        pass


@pytest.fixture(scope="session")
def site_url(built_site):
    handler = functools.partial(_QuietHandler, directory=str(built_site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
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
