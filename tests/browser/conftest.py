"""A real Chromium (Debian's) driven by Playwright, against the built site on 127.0.0.1."""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import threading
from pathlib import Path

import pytest

CHROMIUM = os.environ.get("CAPI_CHROMIUM", "/usr/bin/chromium")
# flags that keep Chromium from calling home (the machine has no network besides registries)
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--disable-dev-shm-usage"]


def _chromium_path() -> str:
    path = CHROMIUM if Path(CHROMIUM).exists() else shutil.which("chromium")
    if not path:
        # a missing browser is a failure in CI, never a skip (.ci/run installs it)
        pytest.fail("Chromium introuvable : installez le paquet Debian « chromium » "
                    "(apt-get install chromium) ; .ci/run le fait en CI.")
    return path


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


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=_chromium_path(), headless=True,
                                              args=CHROMIUM_ARGS)
        yield instance
        instance.close()


def watch_csp(page) -> list[str]:
    """Every Content-Security-Policy violation the page reports, as Chromium words it."""
    violations: list[str] = []
    page.on("console", lambda message: violations.append(message.text)
            if "Content Security Policy" in message.text else None)
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
