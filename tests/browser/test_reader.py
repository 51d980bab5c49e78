"""What a reader sees on a desktop (1280 px) and a phone (360 px): charts legible like print,
tables that fit the screen, no page scrolling sideways."""

from __future__ import annotations

import pytest

from tests.browser.pages import OTHER_PAGES, PAGE_TYPES

WIDTHS = {1280: 12.0, 360: 11.0}  # viewport width -> smallest text allowed, in CSS pixels
# every chart type of the site: timeline (plan), bars (partnership, restitution figures),
# timelines of every territory (restitution)
CHART_PAGES = {
    "plan": PAGE_TYPES["plan"](),
    "partnership": PAGE_TYPES["partnership"](),
    "restitution": OTHER_PAGES["restitution"],
    "restitution-territories": OTHER_PAGES["restitution-territories"],
}

# Each visible chart: its width and its container's, the smallest text on screen (computed
# font size times the SVG's scale) and every pair of text boxes that intersect.
CHARTS_JS = r"""() => [...document.querySelectorAll('svg.capi-chart')]
  .filter(svg => svg.getBoundingClientRect().width > 0)
  .map(svg => {
    const source = [...document.querySelectorAll('article table'), svg.querySelector('desc')]
      .map(node => node.textContent).join(' ').replace(/\s+/g, ' ');
    const texts = [...svg.querySelectorAll('text')];
    const scale = svg.getScreenCTM().a;
    const sizes = texts.map(t => parseFloat(getComputedStyle(t).fontSize) * scale);
    const boxes = texts.map(t => t.getBoundingClientRect());
    const overlaps = [];
    for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i], b = boxes[j];
      if (a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5
          && b.top < a.bottom - 0.5) overlaps.push([texts[i].textContent, texts[j].textContent]);
    }
    const outside = texts.filter((t, i) => boxes[i].right > svg.getBoundingClientRect().right + 1
      || boxes[i].left < svg.getBoundingClientRect().left - 1).map(t => t.textContent);
    return {kind: svg.getAttribute('class'), width: svg.getBoundingClientRect().width,
      room: svg.closest('.md-typeset').getBoundingClientRect().width, texts: texts.length,
      smallest: Math.min(...sizes), overlaps, outside,
      // a line ending in « … » that the page's tables and the chart's description do not
      // hold as such was cut (labels used to be cut after 29 characters)
      cut: texts.filter(t => t.textContent.endsWith('…') && !source.includes(t.textContent))
        .map(t => t.textContent)};
  })"""


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("name", CHART_PAGES)
def test_charts_fill_their_column_and_their_text_is_legible(page, site_url, name, width):
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(site_url + CHART_PAGES[name])
    charts = page.evaluate(CHARTS_JS)
    assert charts, f"aucun graphique visible sur {CHART_PAGES[name]}"
    for chart in charts:
        assert chart["texts"] > 0
        assert chart["width"] >= chart["room"] - 1, chart  # the column's width, not 300 px
        assert chart["smallest"] >= WIDTHS[width], chart
        assert chart["overlaps"] == [], chart
        assert chart["outside"] == [], chart
        assert chart["cut"] == [], chart


def test_every_timeline_colour_has_its_legend(page, site_url):
    page.goto(site_url + CHART_PAGES["plan"])
    svg = page.locator("svg.capi-timeline:visible").first
    colours = set(
        svg.locator("rect[fill]").evaluate_all("rs => rs.map(r => r.getAttribute('fill'))")
    )
    legend = svg.locator("text.capi-legend").all_text_contents()
    assert len(legend) == len(colours) >= 1
    assert set(legend) <= {"Prévue", "En cours", "Réalisée", "Abandonnée"}


TABLE_PAGES = {
    name: PAGE_TYPES[name]() for name in ("territory", "diagnostic", "plan", "partnership")
} | {name: OTHER_PAGES[name] for name in ("restitution", "restitution-territories")}

TABLES_JS = """() => ({
  scroll: document.documentElement.scrollWidth, viewport: innerWidth,
  column: document.querySelector('article.md-typeset').getBoundingClientRect().width,
  tables: [...document.querySelectorAll('article table')].map(t => ({
    width: t.getBoundingClientRect().width, right: t.getBoundingClientRect().right,
    header: t.querySelector('thead') ? t.querySelector('thead').getBoundingClientRect().height : 0,
    labels: [...t.querySelectorAll('.capi-cell-label')].filter(l => l.offsetHeight > 0).length,
    cells: t.querySelectorAll('tbody td').length,
    columns: t.querySelectorAll('thead th').length,
    text: t.innerText.slice(0, 60)}))})"""


@pytest.mark.parametrize("name", TABLE_PAGES)
def test_on_a_phone_tables_fit_the_screen_as_cards(page, site_url, name):
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(site_url + TABLE_PAGES[name])
    seen = page.evaluate(TABLES_JS)
    assert seen["scroll"] <= seen["viewport"], "la page défile sur le côté"
    assert seen["tables"], "aucun tableau sur la page"
    for table in seen["tables"]:
        assert table["width"] <= seen["column"] + 1, table
        assert table["right"] <= seen["viewport"], table
    # tables of three columns or more: every cell shows its column's name, no header row
    for table in [t for t in seen["tables"] if t["columns"] >= 3]:
        assert table["labels"] == table["cells"] and table["header"] <= 1, table


@pytest.mark.parametrize("name", ["territory", "plan", "restitution-territories"])
def test_on_a_desktop_tables_stay_tables(page, site_url, name):
    page.goto(site_url + TABLE_PAGES[name])
    seen = page.evaluate(TABLES_JS)
    assert all(t["labels"] == 0 and t["header"] > 10 for t in seen["tables"]), seen["tables"]


# ------------------------------------------------------------------ explorer

EXPLORER_PAGE = "explorer/"


def _explorer(page, site_url, width: int):
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(site_url + EXPLORER_PAGE)
    page.wait_for_selector("#capi-explorer-status:not(:empty)")
    return page


def _shown(page) -> int:
    return page.locator(".capi-explorer__results > li").count()


@pytest.mark.parametrize("width", WIDTHS)
def test_show_more_appears_only_with_more_results_and_shows_them(page, site_url, width):
    _explorer(page, site_url, width)
    more = page.get_by_role("button", name="Afficher plus")
    total = int(page.locator("#capi-explorer-status").inner_text().split()[0])
    assert total > _shown(page) == 50 and more.is_visible()
    more.click()
    assert _shown(page) == total and more.is_hidden()
    if width == 360:
        page.get_by_role("button", name="Filtres").click()
    page.locator("input[name='type'][value='territoire']").check()
    assert 0 < _shown(page) < 50 and more.is_hidden()


# Facet labels whose text is wider than their box, or that stick out of their facet.
CUT_LABELS_JS = """() => [...document.querySelectorAll('.capi-explorer__facet label')]
  .filter(l => l.scrollWidth > l.clientWidth + 1
    || l.getBoundingClientRect().right > l.closest('fieldset').getBoundingClientRect().right)
  .map(l => l.textContent)"""


@pytest.mark.parametrize("width", WIDTHS)
def test_facet_labels_wrap_inside_their_box(page, site_url, width):
    _explorer(page, site_url, width)
    if width == 360:
        page.get_by_role("button", name="Filtres").click()
    labels = page.locator(".capi-explorer__facet label")
    assert labels.count() > 10 and labels.first.is_visible()
    assert page.evaluate(CUT_LABELS_JS) == []
    assert page.evaluate("document.documentElement.scrollWidth") <= width


def test_on_a_phone_filters_fold_behind_one_button_counting_active_ones(page, site_url):
    _explorer(page, site_url, 360)
    toggle = page.locator(".capi-explorer__toggle")
    first = page.locator("input[name='type']").first
    assert toggle.is_visible() and toggle.inner_text() == "Filtres" and first.is_hidden()
    assert toggle.get_attribute("aria-expanded") == "false"
    toggle.click()
    assert first.is_visible() and toggle.get_attribute("aria-expanded") == "true"
    first.check()
    page.locator("input[name='statut']").first.check()
    assert toggle.inner_text() == "Filtres (2 actifs)"
    toggle.click()
    assert first.is_hidden() and toggle.inner_text() == "Filtres (2 actifs)"
    page.goto(site_url + EXPLORER_PAGE + "?type=territoire")  # a shared link counts too
    assert page.locator(".capi-explorer__toggle").inner_text() == "Filtres (1 actif)"


def test_on_a_desktop_filters_are_open_without_a_button(page, site_url):
    _explorer(page, site_url, 1280)
    assert page.locator(".capi-explorer__toggle").is_hidden()
    assert page.locator("input[name='type']").first.is_visible()


# ------------------------------------------------------------------ French words


def test_places_hours_and_convention_dates_read_in_french(page, site_url):
    page.goto(site_url + "territoires/val-de-sorlin/diagnostic/")
    places = page.locator(".capi-places table").inner_text()
    assert "du lundi au vendredi, 9\u00a0h–\u206012\u00a0h et 13\u00a0h\u00a030–" in places
    assert "Mo-Fr" not in places and "09:00" not in places
    page.goto(site_url + "territoires/val-de-sorlin/partenariat/")
    conventions = page.locator("table", has_text="Signataires").inner_text()
    assert "novembre 2026" in conventions and "2026-11" not in conventions


# ------------------------------------------------------------------ every page on a phone

# what sticks out of a 360 px screen, named so a failure says where to look
WIDER_THAN_SCREEN_JS = """() => ({
  scroll: document.documentElement.scrollWidth, viewport: innerWidth,
  wide: [...document.querySelectorAll('article *')]
    .filter(e => e.getBoundingClientRect().right > innerWidth + 1 && e.offsetWidth > 0)
    .slice(0, 5).map(e => e.tagName + '.' + e.className + ' ' + (e.textContent || '').slice(0, 40))
})"""


@pytest.mark.parametrize("name", [*PAGE_TYPES, *OTHER_PAGES])
def test_on_a_phone_no_page_scrolls_sideways(page, site_url, name):
    url = PAGE_TYPES[name]() if name in PAGE_TYPES else OTHER_PAGES[name]
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(site_url + url)
    seen = page.evaluate(WIDER_THAN_SCREEN_JS)
    assert seen["scroll"] <= seen["viewport"], seen["wide"]
