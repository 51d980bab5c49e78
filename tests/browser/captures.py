"""Screenshots of every page type, for a person to review the look: ``make captures``.

Serves an already built ``site/`` (``make captures`` builds it first) the way the tests do,
under the path of the public address, and writes ``captures/<palette>-<width>/<page>.png``
(full pages, 1280 and 360 px wide, light and dark palettes), for every page type or only
those named (``make captures PAGES="home report"``). Not a test: nothing is asserted,
the pictures are for eyes. ``captures/`` is ignored by git.
"""

from __future__ import annotations

import functools
import http.server
import sys
import threading
from pathlib import Path

from tests.browser.conftest import BASE_PATH, _QuietHandler
from tests.browser.pages import EXPLORER, OTHER_PAGES, PAGE_TYPES
from tests.conftest import CHROMIUM, CHROMIUM_ARGS, ROOT

OUT = ROOT / "captures"
WIDTHS = {1280: 800, 360: 740}  # width -> height of the window (the capture is the whole page)
PALETTES = {"clair": ("light", "default"), "sombre": ("dark", "slate")}


def targets() -> dict[str, str]:
    return {
        **{name: url() for name, url in PAGE_TYPES.items()},
        **OTHER_PAGES,
        "explorer": EXPLORER,
        "comparer": "territoires/comparer/",
    }


def serve(site: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    handler = functools.partial(_QuietHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}{BASE_PATH}/"


def capture(site: Path = ROOT / "site", out: Path = OUT, only: list[str] = ()) -> list[Path]:
    from playwright.sync_api import sync_playwright

    server, base = serve(site)
    written: list[Path] = []
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
            )
            for palette, (scheme, material) in PALETTES.items():
                for width, height in WIDTHS.items():
                    folder = out / f"{palette}-{width}"
                    folder.mkdir(parents=True, exist_ok=True)
                    context = browser.new_context(
                        locale="fr-FR",
                        viewport={"width": width, "height": height},
                        color_scheme=scheme,
                    )
                    page = context.new_page()
                    for name, url in targets().items():
                        if only and name not in only:
                            continue
                        page.goto(base + url)
                        page.wait_for_function(
                            "s => document.body.dataset.mdColorScheme === s", arg=material
                        )
                        path = folder / f"{name}.png"
                        page.screenshot(path=str(path), full_page=True, animations="disabled")
                        written.append(path)
                    context.close()
            browser.close()
    finally:
        server.shutdown()
    return written


def main(argv: list[str]) -> int:
    site = ROOT / "site"
    if not (site / "index.html").is_file():
        print("make captures : site/ absent, lancez d'abord « make build ».", file=sys.stderr)
        return 1
    unknown = set(argv) - set(targets())
    if unknown:
        print(
            f"make captures : pages inconnues {sorted(unknown)} ; au choix : "
            f"{', '.join(targets())}",
            file=sys.stderr,
        )
        return 1
    written = capture(site, only=argv)
    print(f"{len(written)} captures écrites dans {OUT.relative_to(ROOT)}/")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
