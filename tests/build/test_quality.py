"""Accessibility checks that axe-core cannot make, read from the built HTML (RGAA / WCAG).

- headings: one ``<h1>`` per page type, no level skipped going down (a screen reader user
  navigates by headings and must not think a level is missing);
- charts: every ``<svg role="img">`` has a ``<title>`` and a ``<desc>``, and the numbers its
  description gives are also in a table of the same page (the text equivalent);
- language: ``<html lang="fr">`` on every built page (speech synthesis picks its voice from it);
- link texts: none reads only « ici », « cliquez ici », « lien », « en savoir plus »
  (links are often listed out of context);
- tables: every table of the content has header cells.

The checkers are plain ``html.parser`` code, tried first on bad markup so they can fail.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

import pytest

from tests.browser.pages import OTHER_PAGES, PAGE_TYPES, page_file

CHECKED_PAGES = {**{name: url() for name, url in PAGE_TYPES.items()}, **OTHER_PAGES}
VAGUE_LINK_TEXTS = {"ici", "cliquez ici", "lien", "en savoir plus"}
# a number as French text writes it: 12, 12,5, 1 234 (thin or no-break space), 2026
NUMBER_RE = re.compile(r"\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:,\d+)?|\d+(?:[.,]\d+)?")


@dataclass
class Chart:
    title: str = ""
    desc: str = ""
    is_map: bool = False


@dataclass
class Table:
    header_cells: int = 0
    text: str = ""
    in_content: bool = False


class Outline(HTMLParser):
    """What the checks need from one page, in document order."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lang: str | None = None
        self.headings: list[tuple[int, str]] = []
        self.charts: list[Chart] = []
        self.tables: list[Table] = []
        self.links: list[str] = []
        self._heading: list | None = None
        self._chart: Chart | None = None
        self._chart_part: str | None = None
        self._tables: list[Table] = []
        self._links: list[list[str]] = []
        self._article_depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if tag == "html":
            self.lang = attributes.get("lang")
        elif tag == "article":
            self._article_depth += 1
        elif re.fullmatch(r"h[1-6]", tag):
            self._heading = [int(tag[1]), ""]
        elif tag == "svg" and attributes.get("role") == "img":
            self._chart = Chart(is_map="capi-map" in (attributes.get("class") or "").split())
            self.charts.append(self._chart)
        elif tag in ("title", "desc") and self._chart is not None:
            self._chart_part = tag
        elif tag == "table":
            table = Table(in_content=self._article_depth > 0)
            self.tables.append(table)
            self._tables.append(table)
        elif tag == "th" and self._tables:
            self._tables[-1].header_cells += 1
        elif tag == "a":
            self._links.append([""])
        elif tag == "img" and self._links:
            self._links[-1][0] += attributes.get("alt") or ""

    def handle_endtag(self, tag: str) -> None:
        if tag == "article":
            self._article_depth -= 1
        elif re.fullmatch(r"h[1-6]", tag) and self._heading is not None:
            self.headings.append((self._heading[0], " ".join(self._heading[1].split())))
            self._heading = None
        elif tag == "svg":
            self._chart = None
        elif tag in ("title", "desc"):
            self._chart_part = None
        elif tag == "table" and self._tables:
            self._tables.pop()
        elif tag == "a" and self._links:
            self.links.append(" ".join(self._links.pop()[0].split()))

    def handle_data(self, data: str) -> None:
        if self._heading is not None:
            self._heading[1] += data
        if self._chart is not None and self._chart_part is not None:
            setattr(self._chart, self._chart_part, getattr(self._chart, self._chart_part) + data)
        for table in self._tables:
            table.text += data + " "
        for link in self._links:
            link[0] += data


def outline(html: str) -> Outline:
    parsed = Outline()
    parsed.feed(html)
    parsed.close()
    return parsed


def heading_problems(page: Outline) -> list[str]:
    levels = [level for level, _ in page.headings]
    problems = []
    if levels.count(1) != 1:
        problems.append(f"{levels.count(1)} titres de niveau 1 au lieu d'un seul")
    if levels and levels[0] != 1:
        problems.append(f"le premier titre est de niveau {levels[0]}, pas 1")
    for (before, _), (level, text) in zip(page.headings, page.headings[1:]):
        if level > before + 1:
            problems.append(f"« {text} » : niveau {level} juste après un niveau {before}")
    return problems


def numbers(text: str) -> set[str]:
    return {re.sub(r"[ \u00a0\u202f]", "", n).replace(",", ".") for n in NUMBER_RE.findall(text)}


def chart_problems(page: Outline) -> list[str]:
    in_tables = set().union(*(numbers(t.text) for t in page.tables))
    problems = []
    for chart in page.charts:
        name = chart.title.strip() or "(graphique sans titre)"
        if not chart.title.strip():
            problems.append(f"{name} : pas de <title>")
        if not chart.desc.strip():
            problems.append(f"{name} : pas de <desc>")
        # the map's numbers count the territories and places of the list under it (the
        # list, not a table, is its text alternative: checked by test_map_home.py)
        missing = [] if chart.is_map else sorted(numbers(chart.desc) - in_tables)
        if missing:
            problems.append(
                f"{name} : les nombres {missing} de la description ne sont dans "
                "aucun tableau de la page"
            )
    return problems


def vague_links(page: Outline) -> list[str]:
    return [text for text in page.links if text.lower().strip(" .,:;!?…»«()[]") in VAGUE_LINK_TEXTS]


def tables_without_headers(page: Outline) -> list[str]:
    return [
        " ".join(t.text.split())[:80] for t in page.tables if t.in_content and t.header_cells == 0
    ]


# -- the checkers catch what they are meant to catch ------------------------------------------

BAD_PAGE = """<!doctype html><html lang="en"><body><article>
<h2>Avant le titre</h2><h1>Titre</h1><h3>Saut</h3><h1>Second titre</h1>
<svg role="img"><desc>Total : 1 234 et 12,5 %</desc></svg>
<table><tr><td>1 234</td></tr></table>
<p><a href="x">Cliquez ici</a>, <a href="y">ici.</a>, <a href="z">les séances</a></p>
</article></body></html>"""

GOOD_PAGE = """<!doctype html><html lang="fr"><body><article>
<h1>Titre</h1><h2>Partie</h2><h3>Détail</h3><h2>Autre partie</h2>
<svg role="img"><title>Partenaires</title><desc>Commune : 1 234 ; État : 12,5</desc></svg>
<table><tr><th>Type</th><th>Nombre</th></tr><tr><td>Commune</td><td>1 234</td></tr>
<tr><td>État</td><td>12,5</td></tr></table><p><a href="x">Les retours d'expérience</a></p>
</article></body></html>"""


def test_checkers_report_bad_markup_and_accept_good_markup():
    bad, good = outline(BAD_PAGE), outline(GOOD_PAGE)
    assert bad.lang == "en" and good.lang == "fr"
    assert heading_problems(bad) == [
        "2 titres de niveau 1 au lieu d'un seul",
        "le premier titre est de niveau 2, pas 1",
        "« Saut » : niveau 3 juste après un niveau 1",
    ]
    assert chart_problems(bad) == [
        "(graphique sans titre) : pas de <title>",
        "(graphique sans titre) : les nombres ['12.5'] de la description ne sont dans aucun "
        "tableau de la page",
    ]
    assert vague_links(bad) == ["Cliquez ici", "ici."]
    assert tables_without_headers(bad) == ["1 234"]
    assert (
        heading_problems(good),
        chart_problems(good),
        vague_links(good),
        tables_without_headers(good),
    ) == ([], [], [], [])


# -- the built site ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def pages(built_site) -> dict[str, Outline]:
    """Every built HTML page, parsed once, by path relative to the site."""
    return {
        path.relative_to(built_site).as_posix(): outline(path.read_text("utf-8"))
        for path in sorted(built_site.rglob("*.html"))
    }


@pytest.mark.parametrize("name", list(CHECKED_PAGES))
def test_headings_are_in_order(built_site, pages, name):
    path = page_file(built_site, CHECKED_PAGES[name]).relative_to(built_site).as_posix()
    assert path in pages, f"{name}: {path} n'a pas été construit"
    assert pages[path].headings, f"{name}: aucun titre"
    assert heading_problems(pages[path]) == [], f"{name} ({path})"


def test_charts_have_a_title_a_description_and_their_numbers_in_a_table(pages):
    with_charts = {path: page for path, page in pages.items() if page.charts}
    assert len(with_charts) >= 2, "no chart in the built site: the check would prove nothing"
    problems = [
        f"{path}: {problem}"
        for path, page in with_charts.items()
        for problem in chart_problems(page)
    ]
    assert problems == [], "\n".join(problems)


def test_every_page_is_in_french(pages):
    assert len(pages) > 20
    wrong = {path: page.lang for path, page in pages.items() if page.lang != "fr"}
    assert wrong == {}, 'pages sans lang="fr" sur <html>'


def test_no_link_text_is_vague(pages):
    assert sum(len(page.links) for page in pages.values()) > 1000
    vague = {path: found for path, page in pages.items() if (found := vague_links(page))}
    assert vague == {}, "liens dont l'intitulé ne dit pas où ils mènent"


def test_content_tables_have_header_cells(pages):
    assert sum(len(page.tables) for page in pages.values()) > 20
    headless = {
        path: found for path, page in pages.items() if (found := tables_without_headers(page))
    }
    assert headless == {}, "tableaux de contenu sans cellule d'en-tête <th>"


def test_page_file_maps_urls_to_built_files(tmp_path: Path):
    assert page_file(tmp_path, "") == tmp_path / "index.html"
    assert page_file(tmp_path, "seances/") == tmp_path / "seances" / "index.html"
    assert page_file(tmp_path, "404.html") == tmp_path / "404.html"


def test_commands_in_the_guides_are_code_blocks_not_run_in_text(built_site):
    # ```sh fences, also inside numbered steps, used to come out as « sh .venv/bin/capi… »
    # inline in a paragraph; each command is now a block a reader can copy
    guide = (built_site / "guides" / "contribuer" / "index.html").read_text("utf-8")
    assert "<p><code>sh" not in guide
    blocks = re.findall(r"<pre>(.*?)</pre>", guide, re.DOTALL)
    commands = [re.sub(r"<[^>]+>", "", block) for block in blocks]
    assert any(".venv/bin/capi check sessions/" in command for command in commands)
    assert not any(command.lstrip().startswith("sh") for command in commands)
