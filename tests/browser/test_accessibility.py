"""axe-core audit (WCAG 2.0/2.1 A and AA rules) of the built site in Chromium.

axe-core is committed in ``tests/browser/vendor/axe.min.js`` (version and origin in the README
beside it) and injected into each page with Playwright: nothing is fetched at run time.

Audited: one page per page type (``pages.PAGE_TYPES``, the 404 page included), the pages
every reader reaches (``pages.OTHER_PAGES``: restitution, listings, guides, search page…), the
explorer once it is built, and the search panel open on results; each in the
light and the dark palette (the palette follows ``prefers-color-scheme``, emulated), on a
desktop viewport and a 360 px wide phone viewport.

Every run (page, palette, viewport, violations) is written to
``tests/browser/reports/axe.json`` (gitignored); CI keeps that file as an artifact.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest

from tests.browser.pages import EXPLORER, OTHER_PAGES, PAGE_TYPES

HERE = Path(__file__).parent
AXE = HERE / "vendor" / "axe.min.js"
REPORT = HERE / "reports" / "axe.json"
RULE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
AXE_RUN = (
    f"() => axe.run(document, {{runOnly: {{type: 'tag', values: {json.dumps(RULE_TAGS)}}}, "
    "resultTypes: ['violations']})"
)

VIEWPORTS = {"bureau": {"width": 1280, "height": 800}, "mobile": {"width": 360, "height": 740}}
# palette name -> (emulated prefers-color-scheme, Material scheme it must select)
PALETTES = {"clair": ("light", "default"), "sombre": ("dark", "slate")}
CONFIGS = [(palette, viewport) for palette in PALETTES for viewport in VIEWPORTS]

SEARCH = "search"
SEARCH_WORD = "médiation"
# the addresses the site's search script finds for a word (it loads the index if needed)
SEARCH_ANSWER = "word => capiSearch.search(word).then(answer => answer.results.map(r => r.url))"
# true once the panel lists exactly those addresses, in that order, and shows them
SEARCH_SHOWN = """urls => {
  const links = [...document.querySelectorAll('.capi-search__results a')];
  return links.length === urls.length
    && links.every((link, i) => link.getAttribute('href').endsWith(urls[i]))
    && links[0].getClientRects().length > 0;
}"""
TARGETS = {
    **{name: url() for name, url in PAGE_TYPES.items()},
    **OTHER_PAGES,  # restitution, listings (cards), guides, search page, news…
    "explorer": EXPLORER,
    SEARCH: "",
}


def vendored_axe_version() -> str:
    match = re.match(r"/\*! axe v(\d+\.\d+\.\d+)", AXE.read_text("utf-8")[:100])
    assert match, f"{AXE} does not start with axe-core's banner"
    return match.group(1)


def test_vendored_axe_is_the_version_its_readme_names():
    version = vendored_axe_version()
    readme = (AXE.parent / "README.md").read_text("utf-8")
    assert f"axe-core **{version}**" in readme and f"axe-core@{version}" in readme
    assert (AXE.parent / "LICENSE").read_text("utf-8").startswith("Mozilla Public License")


@pytest.fixture(scope="module")
def report():
    """All runs of the module, written once at the end (also when some runs failed)."""
    runs: list[dict] = []
    yield runs
    REPORT.parent.mkdir(parents=True, exist_ok=True)
    partial = REPORT.with_suffix(".json.part")
    partial.write_text(
        json.dumps(
            {"axe": vendored_axe_version(), "tags": RULE_TAGS, "runs": runs},
            ensure_ascii=False,
            indent=1,
        ),
        encoding="utf-8",
    )
    os.replace(partial, REPORT)


@pytest.fixture(scope="module")
def tabs(browser):
    """One browser context (palette + viewport) per configuration, shared by its pages."""
    opened: dict[tuple[str, str], object] = {}

    def tab(palette: str, viewport: str):
        if (palette, viewport) not in opened:
            # the audit injects axe-core as an inline script, which the site's policy
            # refuses (as it should); the policy itself is tested by tests/browser/test_csp.py
            context = browser.new_context(
                locale="fr-FR",
                viewport=VIEWPORTS[viewport],
                color_scheme=PALETTES[palette][0],
                bypass_csp=True,
            )
            opened[palette, viewport] = context.new_page()
        return opened[palette, viewport]

    yield tab
    for page in opened.values():
        page.context.close()


def audit(page) -> dict:
    page.add_script_tag(path=str(AXE))
    return page.evaluate(AXE_RUN)


def describe(violations: list[dict]) -> str:
    lines = []
    for violation in violations:
        lines.append(
            f"- {violation['id']} ({violation['impact']}) : {violation['help']}"
            f" — {violation['helpUrl']}"
        )
        for node in violation["nodes"][:8]:
            summary = " ".join(node.get("failureSummary", "").split())
            lines.append(f"    {' '.join(map(str, node['target']))} : {summary}")
        if len(violation["nodes"]) > 8:
            lines.append(f"    … et {len(violation['nodes']) - 8} autres éléments")
    return "\n".join(lines)


def open_search(page, viewport: str) -> None:
    """Type a word in the header's search box, as a reader does, and wait until the panel
    shows the answer to the whole word (not to a word being typed): a wait for that state,
    not a time budget for typing, the pause after it and loading the index (Playwright's
    default timeout only stops a search that never answers)."""
    if viewport == "mobile":
        page.locator('label.md-header__button[for="__search"]').click()
    box = page.locator(".md-search__input")
    box.click()
    box.press_sequentially(SEARCH_WORD, delay=20)
    assert box.input_value() == SEARCH_WORD
    expected = page.evaluate(SEARCH_ANSWER, SEARCH_WORD)
    assert expected, f"la recherche ne trouve aucune page pour « {SEARCH_WORD} »"
    page.wait_for_function(SEARCH_SHOWN, arg=expected)


def test_axe_finds_violations_in_a_bad_page(page):
    """The audit can fail: a page without language, alt text or link text is reported."""
    page.set_content('<html><body><img src="x.png"><a href="#"></a></body></html>')
    found = {violation["id"] for violation in audit(page)["violations"]}
    assert {"html-has-lang", "image-alt", "link-name"} <= found, found


@pytest.mark.parametrize("target", list(TARGETS))
@pytest.mark.parametrize(("palette", "viewport"), CONFIGS, ids=[f"{p}-{v}" for p, v in CONFIGS])
def test_no_axe_violation(tabs, report, site_url, built_site, palette, viewport, target):
    url = TARGETS[target]
    if target == "explorer" and not (built_site / url).is_dir():
        pytest.skip("l'explorateur n'est pas encore construit (site/explorer/ absent)")
    page = tabs(palette, viewport)
    response = page.goto(site_url + url)
    assert response is not None and (response.ok or target == "404"), f"{url}: {response}"
    scheme = PALETTES[palette][1]
    page.wait_for_function("s => document.body.dataset.mdColorScheme === s", arg=scheme)
    if target == SEARCH:
        open_search(page, viewport)
    result = audit(page)
    violations = result["violations"]
    report.append(
        {
            "page": target,
            "url": url,
            "palette": palette,
            "viewport": viewport,
            "axe": result["testEngine"]["version"],
            "violations": violations,
        }
    )
    assert violations == [], (
        f"{target} ({url or 'accueil'}, thème {palette}, {viewport}) : "
        f"{len(violations)} règles WCAG non respectées selon axe-core\n{describe(violations)}"
    )
