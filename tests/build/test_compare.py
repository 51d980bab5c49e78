"""The comparison page lists every territory and every catalogue indicator with its value;
the open-data CSV says the same, one row per territory × indicator."""

from __future__ import annotations

import csv
import html as htmllib
import io
import re

import yaml

from tests.conftest import ROOT

CATALOGUE = yaml.safe_load((ROOT / "vocabulaires.yml").read_text("utf-8"))["indicateurs"]
TERRITORIES = sorted(p.parent.name for p in (ROOT / "territories").glob("*/index.md"))


def _meta(path) -> dict:
    return yaml.safe_load(path.read_text("utf-8").split("---")[1])


def _number(value) -> str:
    return f"{value:,}".replace(",", "\u202f") if isinstance(value, int) else str(value)


def _indicator_rows(built_site) -> dict[str, list[str]]:
    """Indicator label → the texts of its cells, as a reader sees them."""
    page = (built_site / "territoires" / "comparer" / "index.html").read_text("utf-8")
    table = re.search(r"<table>.*?</table>", page, re.DOTALL).group(0)
    rows = {}
    for row in re.findall(r"<tr>(.*?)</tr>", table, re.DOTALL):
        cells = [
            htmllib.unescape(re.sub(r"<sup.*?</sup>|<[^>]+>", "", c)).strip()
            for c in re.findall(r"<t[dh][^>]*>(.*?)</t[dh]>", row, re.DOTALL)
        ]
        rows[cells[0]] = cells[1:]
    return rows


def _given(slug: str) -> dict[str, dict]:
    meta = _meta(ROOT / "territories" / slug / "diagnostic.md")
    return {i["code"]: i for i in meta.get("indicateurs", []) if "code" in i}


def test_every_territory_and_catalogue_indicator_with_its_value(built_site):
    rows = _indicator_rows(built_site)
    titles = [_meta(ROOT / "territories" / s / "index.md")["title"] for s in TERRITORIES]
    assert rows["Indicateur"] == titles
    for code, entry in CATALOGUE.items():
        cells = rows[f"{entry['libelle']} ({entry['unite']})"]
        for slug, cell in zip(TERRITORIES, cells, strict=True):
            indicator = _given(slug).get(code)
            if indicator is None:
                assert cell == "—"
            else:
                assert cell == f"{_number(indicator['valeur'])} ({indicator['annee']})"


def test_sources_are_footnotes(built_site):
    page = (built_site / "territoires" / "comparer" / "index.html").read_text("utf-8")
    notes = re.search(r'<div class="footnote">.*?</div>', page, re.DOTALL).group(0)
    for slug in TERRITORIES:
        for indicator in _given(slug).values():
            assert htmllib.escape(indicator["source"], quote=False) in notes


def test_the_csv_matches_the_page(built_site):
    text = (built_site / "donnees" / "comparaison-territoires.csv").read_text("utf-8")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert len(rows) == len(TERRITORIES) * len(CATALOGUE)
    page_rows = _indicator_rows(built_site)
    for row in rows:
        entry = CATALOGUE[row["code"]]
        assert row["libelle"] == entry["libelle"] and row["unite"] == entry["unite"]
        cell = page_rows[f"{entry['libelle']} ({entry['unite']})"][
            TERRITORIES.index(row["territoire"])
        ]
        indicator = _given(row["territoire"]).get(row["code"])
        if indicator is None:
            assert row["valeur"] == "" and cell == "—"
        else:
            assert (
                row["valeur"] == str(indicator["valeur"]) and row["source"] == indicator["source"]
            )
            assert cell.replace("\u202f", "") == f"{row['valeur']} ({row['annee']})"


def test_each_territory_page_links_to_comparable_territories(built_site):
    from macros.content.corpus import load_corpus
    from macros.graph import Graph
    from macros.render.compare import similar

    graph = Graph(load_corpus(ROOT))
    for slug in TERRITORIES:
        page = (built_site / "territoires" / slug / "index.html").read_text("utf-8")
        assert "Territoires comparables" in page
        found = similar(graph, slug)
        assert found, slug
        for entry, _reasons in found:
            assert htmllib.escape(entry.title, quote=False) in page
        preset = ",".join([slug] + [e.slug for e, _ in found])
        assert f'href="../comparer/?t={preset}"' in page
