"""The map of the territories as a reader sees it at 1280 and 360 px: every name legible
(computed font size times the SVG's scale, as for the charts), none covering another, all
inside the drawing, and the legend visible."""

from __future__ import annotations

import pytest

from tests.browser.pages import OTHER_PAGES, PAGE_TYPES

WIDTHS = {1280: 12.0, 360: 11.0}  # viewport width -> smallest name allowed, in CSS pixels
MAP_PAGES = {
    "home": PAGE_TYPES["home"](),
    "territory": PAGE_TYPES["territory"](),
    "restitution-territories": OTHER_PAGES["restitution-territories"],
}

MAP_JS = r"""() => {
  const svg = document.querySelector('svg.capi-map');
  if (!svg) return null;
  const frame = svg.getBoundingClientRect();
  const texts = [...svg.querySelectorAll('text')].filter(t => t.getBoundingClientRect().width > 0);
  const scale = svg.getScreenCTM().a;
  const boxes = texts.map(t => t.getBoundingClientRect());
  const overlaps = [];
  for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
    const a = boxes[i], b = boxes[j];
    if (a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5
        && b.top < a.bottom - 0.5) overlaps.push([texts[i].textContent, texts[j].textContent]);
  }
  const legend = svg.closest('figure').querySelector('figcaption');
  return {
    names: texts.map(t => t.textContent),
    sizes: texts.map(t => parseFloat(getComputedStyle(t).fontSize) * scale),
    overlaps,
    outside: texts.filter((t, i) => boxes[i].left < frame.left - 1
      || boxes[i].right > frame.right + 1 || boxes[i].top < frame.top - 1
      || boxes[i].bottom > frame.bottom + 1).map(t => t.textContent),
    width: frame.width,
    page: document.documentElement.scrollWidth,
    legend: legend && legend.getBoundingClientRect().height > 0 ? legend.innerText : '',
  };
}"""


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("name", MAP_PAGES)
def test_the_map_names_are_legible_and_never_overlap(page, site_url, name, width):
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(site_url + MAP_PAGES[name])
    shown = page.evaluate(MAP_JS)
    assert shown, f"pas de carte sur {MAP_PAGES[name]}"
    assert shown["names"], shown  # one name per territory at least
    assert min(shown["sizes"]) >= WIDTHS[width], shown
    assert shown["overlaps"] == [], shown
    assert shown["outside"] == [], shown
    assert shown["page"] <= width  # the map never makes the page scroll sideways
    assert "Département d'un territoire participant" in shown["legend"]
    assert "Lieu de médiation numérique" in shown["legend"]
