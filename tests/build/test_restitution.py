"""The restitution section gathers every lesson and every territory from the graph."""

from __future__ import annotations

import html as htmllib
import re

from macros.content.corpus import load_corpus
from macros.graph import Graph
from tests.conftest import ROOT

GRAPH = Graph(load_corpus(ROOT))


def _text(site, url: str) -> str:
    raw = (site / url / "index.html").read_text("utf-8")
    return htmllib.unescape(re.sub(r"<[^>]+>", "", raw))


def test_restitution_lists_the_lessons_of_every_report(built_site):
    text = _text(built_site, "restitution/seances")
    reports = [e for e in GRAPH.by_kind["intervention"] if e.is_report]
    assert reports
    for report in reports:
        for lesson in report.meta["enseignements"]:
            assert lesson in text, (report.path, lesson)


def test_restitution_summarises_every_territory(built_site):
    text = _text(built_site, "restitution/territoires")
    for territory in GRAPH.by_kind["territoire"]:
        assert territory.title in text
        actions = GRAPH.actions_by_territory.get(territory.slug, [])
        if actions:
            assert f"{len(actions)} actions" in text


def test_restitution_keeps_the_organisers_introduction_and_adds_key_figures(built_site):
    text = _text(built_site, "restitution")
    assert "Introduction rédigée par l'équipe d'animation" in text
    assert f"Territoires participants {len(GRAPH.by_kind['territoire'])}" in " ".join(text.split())
