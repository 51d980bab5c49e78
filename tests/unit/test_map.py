"""render.map on small made-up graphs: what cannot be drawn is still said in the list."""

from __future__ import annotations

import re
from types import SimpleNamespace

from macros.render.map import short_name, territory_map
from macros.render.sanitize import TRUSTED


def _graph(territory_meta: dict, places: list[dict]):
    territory = SimpleNamespace(
        slug="t",
        title="Communauté de communes du Haut-Lac",
        meta=territory_meta,
        src_uri="territories/t/index.md",
    )
    diagnostic = SimpleNamespace(
        slug="t", title="Diagnostic", meta={"lieux": places}, src_uri="territories/t/diagnostic.md"
    )
    return SimpleNamespace(
        by_kind={"territoire": [territory]}, deliverables={"t": {"diagnostic": diagnostic}}
    )


def _dots(block: str) -> int:
    drawing = re.search(r'<svg class="capi-map".*?</svg>', block, re.S).group(0)
    return len(re.findall(r"<circle ", drawing))


def test_a_territory_overseas_and_a_place_without_coordinates_are_listed_not_drawn():
    graph = _graph(
        {"departement": "Guadeloupe", "collectivites": [{"code_insee": "97101"}]},
        [
            {"nom": "Médiathèque", "commune": "Les Abymes"},
            {"nom": "EPN", "commune": "Pointe-à-Pitre", "latitude": 16.24, "longitude": -61.53},
            {"nom": "Erreur", "latitude": 472.7, "longitude": -2.2},  # digits slipped
        ],
    )
    block = TRUSTED.release(territory_map(graph, "index.md"))
    assert "non situé sur la carte" in block
    assert "Médiathèque" in block and "sans coordonnées, non placé" in block
    assert r"(Pointe\-à\-Pitre) — hors de la métropole, non placé" in block
    assert "Erreur](<territories/t/diagnostic.md#lieux-de-mediation-numerique>) — sans" in block
    assert _dots(block) == 0 and "capi-map-territory" in block
    assert 'd=""' in block  # no department coloured


def test_a_place_with_coordinates_is_a_dot_in_its_department():
    graph = _graph(
        {"departement": "Savoie"},
        [{"nom": "Tiers-lieu", "commune": "Chambéry", "latitude": 45.566, "longitude": 5.920}],
    )
    block = TRUSTED.release(territory_map(graph, "index.md", only="t"))
    assert "Savoie (73)" in block and _dots(block) == 1
    assert ">Haut-Lac</text>" in block  # the map names it shortly; the list in full
    assert r"[Communauté de communes du Haut\-Lac](<territories/t/index.md>)" in block


def test_no_territory_no_empty_map():
    graph = SimpleNamespace(by_kind={}, deliverables={})
    block = territory_map(graph, "index.md")
    assert "<svg" not in block and "Aucun territoire participant" in block


def test_short_names():
    assert short_name("Communauté d'agglomération des Portes de l'Estuaire") == (
        "Portes de l'Estuaire"
    )
    assert short_name("Métropole de Lyon") == "Lyon"
    assert short_name("Ville de Sorlin") == "Ville de Sorlin"
