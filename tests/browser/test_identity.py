"""The site's own look, as a reader sees it in Chromium: its palette in both schemes, system
fonts, cards for the entries of a listing, and a page printed without the site's frame.

Colour contrast is axe-core's job (tests/browser/test_accessibility.py audits every page type
in both palettes); here, that the colours are the site's and not Material's indigo.
"""

from __future__ import annotations

import io
import re

import pytest
import yaml
from pypdf import PdfReader

from tests.browser.pages import PAGE_TYPES
from tests.conftest import ROOT

PETROL = {"light": "rgb(13, 77, 92)", "dark": "rgb(10, 61, 73)"}  # the header, docs/assets/capi.css
SCHEMES = {"light": "default", "dark": "slate"}
SITE_NAME = yaml.safe_load((ROOT / "mkdocs.yml").read_text("utf-8"))["site_name"]


def _front_matter(path) -> dict:
    return yaml.safe_load(path.read_text("utf-8").split("---\n", 2)[1])


def _reports() -> list[dict]:
    reports = []
    for path in sorted(ROOT.glob("sessions/*/*.md")):
        meta = _front_matter(path)
        if path.name != "index.md" and meta.get("format") == "retour-experience":
            reports.append(meta)
    assert reports, "no experience report in the repository"
    return reports


def _squeeze(text: str) -> str:
    """Text without white space nor invisible joiners (word joiner, soft hyphen): a PDF breaks
    lines (and long addresses) anywhere and keeps no invisible character."""
    return re.sub(r"[\s\u00ad\u200b\u2060]+", "", text)


@pytest.mark.parametrize("scheme", SCHEMES)
def test_the_header_wears_the_site_colours_and_the_text_system_fonts(browser, site_url, scheme):
    context = browser.new_context(locale="fr-FR", color_scheme=scheme)
    page = context.new_page()
    page.goto(site_url)
    page.wait_for_function("s => document.body.dataset.mdColorScheme === s", arg=SCHEMES[scheme])
    header = page.evaluate("getComputedStyle(document.querySelector('.md-header')).backgroundColor")
    fonts = page.evaluate(
        "[getComputedStyle(document.body).fontFamily,"
        " getComputedStyle(document.querySelector('article h1')).fontFamily]"
    )
    context.close()
    assert header == PETROL[scheme]
    text, heading = fonts
    assert "Roboto" not in text and "Segoe UI" in text, text  # not Material's web font
    assert heading.startswith("Charter") and heading.endswith("serif"), heading


@pytest.mark.parametrize("width", [1280, 360])
def test_listing_cards_show_title_type_places_and_summary(page, site_url, width):
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(site_url + "retours/")
    reports = _reports()
    cards = page.locator("article li.capi-card")
    assert cards.count() == len(reports)
    for meta in reports:
        card = cards.filter(has=page.get_by_role("link", name=meta["title"], exact=True))
        assert card.count() == 1, meta["title"]
        for part in (".capi-card__title", ".capi-card__meta", ".capi-card__summary"):
            assert card.locator(part).is_visible(), (meta["title"], part)
        facts = card.locator(".capi-card__meta").inner_text()
        assert facts.startswith("Retour d'expérience · séance "), facts
        assert str(meta["structure"]) in facts, facts
        summary = " ".join(meta["description"].split())
        shown = card.locator(".capi-card__summary").inner_text()
        assert shown == summary or (shown.endswith("…") and summary.startswith(shown[:-1])), shown
        tags = card.locator(".capi-card__tags li").all_inner_texts()
        assert len(tags) == len(meta.get("pratiques", [])), tags
        box = card.bounding_box()
        assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= width, box


def test_the_practices_index_is_a_list_of_cards(page, site_url):
    page.goto(site_url + "pratiques/")
    cards = page.locator("article li.capi-card")
    definitions = sorted(ROOT.glob("docs/pratiques/*.md"))
    assert cards.count() >= len(definitions) > 0
    for path in definitions:
        title = _front_matter(path)["title"]
        card = cards.filter(has=page.get_by_role("link", name=title, exact=True))
        assert card.locator(".capi-card__title").is_visible(), title
        facts = card.locator(".capi-card__meta").inner_text()
        # « 3 fiches · 2 actions » (entries and plan actions), not « 5 fiches et actions »
        assert re.fullmatch(
            r"\d+ fiches?( · \d+ actions?)?|\d+ actions?|pas encore de fiche", facts
        ), facts


def test_a_seance_programme_is_a_list_of_cards(page, site_url):
    page.goto(site_url + PAGE_TYPES["seance"]())
    cards = page.locator("article li.capi-card")
    assert cards.count() >= 2
    for index in range(cards.count()):
        card = cards.nth(index)
        assert card.get_by_role("link").first.is_visible()
        assert card.locator(".capi-card__summary").inner_text().strip()


# what the site's frame prints if the print stylesheet lets it: the menu's tabs, the table
# of contents, the footer (licence, legal pages)
CHROME = ["À propos", "Table des matières", "Contenus sous Licence", "Mentions légales"]


def _printed(page, url: str, scheme: str = "light", paper: str = "A4") -> tuple[str, str]:
    """The page's text on screen and as Chromium prints it to PDF, read back with pypdf."""
    page.emulate_media(color_scheme=scheme)
    page.goto(url)
    page.wait_for_selector("article a[data-capi-url]", state="attached")
    screen = page.evaluate("document.body.innerText")
    pdf = PdfReader(io.BytesIO(page.pdf(format=paper)))
    return screen, "\n".join(p.extract_text() for p in pdf.pages)


@pytest.mark.parametrize("scheme", SCHEMES)
def test_a_printed_report_shows_its_text_and_link_addresses_without_the_frame(
    page, site_url, scheme
):
    screen, printed = _printed(page, site_url + PAGE_TYPES["report"](), scheme)
    title = page.locator("article h1").inner_text()
    assert _squeeze(title) in _squeeze(printed)
    for text in CHROME:
        assert text in screen, f"« {text} » is not on the page: the check would prove nothing"
        assert text not in printed, f"« {text} » est imprimé"
    # the public address of a link in the text to another page of the site, after the link
    link = page.locator("article p:not(.capi-badges) a[data-capi-url]").first
    name, address = link.inner_text(), link.get_attribute("data-capi-url")
    assert address.startswith("https://") and address not in screen
    assert _squeeze(f"{name} ({address})") in _squeeze(printed), address
    # and the address of a link to another site, as written
    external = page.locator("article :is(p, li) > a[href^='https://']").first
    name, address = external.inner_text(), external.get_attribute("href")
    assert address not in screen
    assert _squeeze(f"{name} ({address})") in _squeeze(printed), address


# every table of the page that does not fit its column: a printed page cannot scroll
TABLES_CUT = """() => [...document.querySelectorAll('article table')].map(table => {
  const room = (table.closest('.md-typeset__scrollwrap') || table.parentElement);
  return {width: table.scrollWidth, room: Math.min(room.clientWidth, innerWidth)};
}).filter(t => t.width > t.room + 1)"""
# the control: the same page without the site's print rules (capi.css's @media print blocks)
WITHOUT_SITE_PRINT_RULES = """() => {
  const sheet = [...document.styleSheets].find(s => (s.href || '').endsWith('/capi.css'));
  for (let i = sheet.cssRules.length - 1; i >= 0; i--) {
    const rule = sheet.cssRules[i];
    if (rule.media && rule.media.mediaText === 'print') sheet.deleteRule(i);
  }
}"""
A5_PRINTABLE_PX = 446  # 148 mm less the print stylesheet's margins (2 x 1.5 cm), at 96 dpi


@pytest.mark.parametrize("name", ["plan", "diagnostic", "partnership"])
def test_printed_tables_keep_every_column(page, site_url, name):
    """Even on A5 paper, narrower than an action table of six columns on screen."""
    screen, printed = _printed(page, site_url + PAGE_TYPES[name](), paper="A5")
    page.set_viewport_size({"width": A5_PRINTABLE_PX, "height": 800})
    page.emulate_media(media="print")
    assert page.evaluate(TABLES_CUT) == []
    page.evaluate(WITHOUT_SITE_PRINT_RULES)
    assert page.evaluate(TABLES_CUT) != [], (
        "tables fit without the print stylesheet: proves nothing"
    )
    last_cells = page.locator("article table").locator("tr > :last-child").all_inner_texts()
    assert len(last_cells) >= 2
    for cell in last_cells:  # the rightmost column: the first to go if a table is cut
        assert _squeeze(cell) in _squeeze(printed), cell


def test_the_page_for_unknown_addresses_speaks_french_and_shows_ways_back(page, site_url):
    # what GitHub Pages serves for an address the site does not have
    page.goto(site_url + PAGE_TYPES["404"]())
    assert page.locator("article h1").inner_text() == "Page introuvable"
    links = page.locator("article ul a")
    assert links.count() == 4
    for href in links.evaluate_all("links => links.map(a => a.href)"):
        assert page.request.get(href).ok, href


def test_on_a_phone_the_header_shows_the_whole_site_name(page, site_url):
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(site_url)
    name = page.locator(".md-header__topic").first.locator(".md-ellipsis")
    assert name.inner_text() == SITE_NAME
    cut = name.evaluate(
        "e => e.scrollWidth > e.clientWidth + 1 || e.scrollHeight > e.clientHeight + 1"
    )
    assert not cut, "le nom du site est coupé dans l'en-tête"
    assert name.evaluate("e => e.getBoundingClientRect().right") <= 360
