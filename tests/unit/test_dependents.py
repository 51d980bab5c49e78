"""render/dependents.py bounds what the preview redoes after a save: every entry page whose
Markdown a change alters must be in the bound, or the preview would serve a stale page.

Checked exhaustively: for each change, every entry page of a 300-entry generated corpus is
written before and after, and the pages that differ are compared with the bound.
"""

from __future__ import annotations

import dataclasses

import pytest

from bench.corpus import generate
from macros.content.corpus import load_corpus
from macros.graph import Graph
from macros.render.dependents import dependents
from macros.render.page import entity_markdown
from macros.render.sanitize import TRUSTED


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    root = tmp_path_factory.mktemp("dependents") / "depot"
    generate(root, 300)
    found = load_corpus(root)
    assert not [p for p in found.problems if p.severity == "error"]
    return found


def pages(graph: Graph) -> dict:
    """Every entry page's Markdown, the engine's blocks written out."""
    out = {}
    for entry in graph.entries.values():
        out[entry.key] = TRUSTED.expanded(entity_markdown(graph, entry, entry.body))
        TRUSTED.clear()
    return out


def changed(corpus, kind: str, index: int, **meta):
    """The corpus with one entry's front matter changed (``None`` removes a key)."""
    entries = [e for e in corpus.entries if e.kind == kind]
    target = entries[index % len(entries)]
    new_meta = {**target.meta, **meta}
    new_meta = {k: v for k, v in new_meta.items() if v is not None}
    edited = dataclasses.replace(target, meta=new_meta)
    others = [edited if e is target else e for e in corpus.entries]
    return dataclasses.replace(corpus, entries=others), target


def practices(corpus) -> list[str]:
    return list(corpus.vocabularies.get("pratiques", {}))


def cases(corpus):
    slugs = practices(corpus)
    reports = [e for e in corpus.entries if e.is_report]
    first = reports[0]
    yield (
        "titre d'un retour (déplacé en tête de liste)",
        changed(corpus, "intervention", 0, title="Aaa — tout premier titre"),
    )
    yield (
        "titre d'un retour (déplacé en fin de liste)",
        changed(corpus, "intervention", 5, title="Zzz — tout dernier titre"),
    )
    others = [s for s in slugs if s not in first.meta.get("pratiques", [])]
    yield "pratiques d'un retour", changed(corpus, "intervention", 7, pratiques=others[:2])
    yield "thématiques retirées", changed(corpus, "intervention", 11, thematiques=None)
    yield "résumé d'un retour", changed(corpus, "intervention", 13, resume="Résumé revu.")
    territories = [e.slug for e in corpus.entries if e.kind == "territoire"]
    yield "territoire d'un retour", changed(corpus, "intervention", 17, territoire=territories[3])
    yield (
        "structure et type d'acteur",
        changed(corpus, "intervention", 19, structure="Autre structure", type_acteur="etat"),
    )
    yield "format d'une intervention", changed(corpus, "intervention", 23, format="atelier")
    yield "titre d'une séance", changed(corpus, "seance", 1, title="Séance renommée")
    yield "titre d'un territoire", changed(corpus, "territoire", 2, title="Territoire renommé")
    yield "titre d'une pratique", changed(corpus, "pratique", 0, title="Pratique renommée")
    yield "titre d'un diagnostic", changed(corpus, "diagnostic", 1, title="Diagnostic renommé")


def test_every_page_a_change_alters_is_in_the_bound(corpus):
    old_graph = Graph(corpus)
    before = pages(old_graph)
    sizes = []
    for label, (new_corpus, target) in cases(corpus):
        new_graph = Graph(new_corpus)
        after = pages(new_graph)
        differing = {key for key in before if before[key] != after[key]}
        assert differing, label  # the change shows on some page: the check can fail
        bound = dependents([old_graph, new_graph], {target.key})
        assert differing <= bound, f"{label} : pages oubliées {sorted(differing - bound)}"
        sizes.append(len(bound))
    # a bound, not the whole site: the preview redoes a small part of it
    assert max(sizes) < len(before) / 2, sizes
