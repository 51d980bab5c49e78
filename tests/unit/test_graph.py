"""graph.Graph on a small corpus: groupings, inverses, backlinks and « voir aussi »."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from helpers import doc, summary

from macros.content.corpus import Corpus
from macros.graph import Graph


def territory(title: str) -> str:
    return doc(f"title: {title}", "collectivites:", f"  - nom: {title}", "    nature: commune")


def seance(title: str) -> str:
    return doc(f"title: {title}", "mois: juin", "questions: [Q ?]")


def item(title: str, fmt: str, *header: str, body: str = "Texte.") -> str:
    return doc(f"title: {title}", f"format: {fmt}", *header, body=body)


FILES: dict[str, str] = {
    "sessions/01-enjeux/index.md": seance("Enjeux"),
    "sessions/02-lieux/index.md": seance("Lieux"),
    "docs/pratiques/fablab.md": doc("title: Fablab", "thematiques: [tiers-lieux]"),
    "docs/pratiques/repair-cafe.md": doc("title: Repair café"),
    "territories/lille/index.md": territory("Lille"),
    "territories/roubaix/index.md": territory("Roubaix"),
    "territories/roubaix/plan-action.md": doc(
        "title: Plan",
        "axes:",
        "  - titre: Axe",
        "    actions:",
        "      - id: A1.b",
        "        titre: Réparer",
        "        statut: prevue",
        "        pratiques: [repair-cafe]",
        "      - id: A2",
        "        titre: Fabriquer",
        "        statut: prevue",
        "        pratiques: [fablab, repair-cafe]",
    ),
    "sessions/01-enjeux/zeta.md": item(
        "Zeta",
        "apport-expertise",
        "pratiques: [fablab]",
        "territoire: lille",
        "thematiques: [tiers-lieux]",
    ),
    "sessions/01-enjeux/alpha.md": item(
        "Alpha",
        "atelier",
        "pratiques: [fablab, repair-cafe]",
        "thematiques: [gouvernance]",
        body="Voir [[intervention:zeta]], [[intervention:zeta|encore]], [[territoire:lille]] "
        "et [[intervention:alpha]].",
    ),
    "sessions/01-enjeux/beta.md": item(
        "Beta", "atelier", "thematiques: [tiers-lieux, gouvernance]"
    ),
    "sessions/02-lieux/gamma.md": item(
        "Gamma", "visite", "pratiques: [fablab]", body="[[intervention:zeta]]"
    ),
    "sessions/02-lieux/delta.md": item(
        "Delta", "cadrage-reglementaire", "thematiques: [tiers-lieux]"
    ),
}


@pytest.fixture
def graph(load: Callable[..., Corpus]) -> Graph:
    corpus = load(FILES)
    assert summary(corpus) == []
    return Graph(corpus)


def slugs(entries: list) -> list[str]:
    return [e.slug for e in entries]


def test_items_by_seance_grouped_and_ordered_by_format_then_title(graph: Graph) -> None:
    assert {k: slugs(v) for k, v in graph.items_by_seance.items()} == {
        "01": ["zeta", "alpha", "beta"],  # apport-expertise before atelier; then by title
        "02": ["delta", "gamma"],  # cadrage-reglementaire before visite
    }
    assert graph.seance_of(graph.get("intervention", "gamma")).title == "Lieux"  # type: ignore


def test_by_practice(graph: Graph) -> None:
    assert {k: slugs(v) for k, v in graph.by_practice.items()} == {
        "fablab": ["alpha", "zeta", "gamma"],  # séance, then title
        "repair-cafe": ["alpha"],
    }


def test_territories_by_practice_from_items_and_plan_actions(graph: Graph) -> None:
    assert dict(graph.territories_by_practice) == {
        "fablab": {"lille", "roubaix"},  # zeta (territoire: lille), action A2 of roubaix
        "repair-cafe": {"roubaix"},  # actions A1.b and A2 of roubaix
    }
    assert [
        (a.territory, a.data["id"], a.anchor, a.axis)
        for a in graph.actions_by_practice["repair-cafe"]
    ] == [("roubaix", "A1.b", "action-a1-b", "Axe"), ("roubaix", "A2", "action-a2", "Axe")]
    assert graph.practices_of_territory("roubaix") == ["repair-cafe", "fablab"]
    assert graph.practices_of_territory("lille") == ["fablab"]
    assert graph.practices_of_territory("nulle-part") == []


def test_practices_known_from_their_pages(graph: Graph) -> None:
    assert sorted(graph.practices) == ["fablab", "repair-cafe"]
    assert graph.practice_title("repair-cafe") == "Repair café"
    assert graph.practice_title("inconnue") == "inconnue"


def test_cited_by_backlinks(graph: Graph) -> None:
    # text references: alpha cites zeta twice (counted once) and itself (ignored)
    assert slugs(graph.cited_by[("intervention", "zeta")]) == ["alpha", "gamma"]
    assert ("intervention", "alpha") not in graph.cited_by
    assert slugs(graph.cited_by[("territoire", "lille")]) == ["alpha", "zeta"]
    # front-matter references count too
    assert slugs(graph.cited_by[("pratique", "repair-cafe")]) == ["alpha", "roubaix"]
    assert [e.kind for e in graph.cited_by[("pratique", "repair-cafe")]] == [
        "intervention",
        "plan-action",
    ]


@pytest.mark.parametrize(
    ("slug", "related"),
    [
        # zeta: fablab (+2) with alpha and gamma; tiers-lieux (+1) with beta and delta
        ("zeta", ["alpha", "gamma", "beta", "delta"]),
        ("alpha", ["zeta", "gamma", "beta"]),
        ("beta", ["alpha", "zeta", "delta"]),
        ("gamma", ["alpha", "zeta"]),
        ("delta", ["beta", "zeta"]),
    ],
)
def test_see_also(graph: Graph, slug: str, related: list[str]) -> None:
    entry = graph.get("intervention", slug)
    assert entry is not None
    assert slugs(graph.see_also(entry)) == related
    assert slugs(graph.see_also(entry, limit=1)) == related[:1]


def test_see_also_shared_practice_outweighs_shared_theme(load: Callable[..., Corpus]) -> None:
    corpus = load(
        {
            "sessions/01-a/index.md": seance("S"),
            "docs/pratiques/fablab.md": doc("title: Fablab"),
            "sessions/01-a/moi.md": item(
                "Moi", "atelier", "pratiques: [fablab]", "thematiques: [gouvernance]"
            ),
            # titles chosen so that the alphabetical tie-break would give the opposite order
            "sessions/01-a/theme.md": item("Aaa theme", "atelier", "thematiques: [gouvernance]"),
            "sessions/01-a/pratique.md": item("Zzz pratique", "atelier", "pratiques: [fablab]"),
            "sessions/01-a/les-deux.md": item(
                "Zzzz les deux", "atelier", "pratiques: [fablab]", "thematiques: [gouvernance]"
            ),
            "sessions/01-a/rien.md": item("Rien", "atelier", "thematiques: [reemploi]"),
        }
    )
    assert summary(corpus) == []
    graph = Graph(corpus)
    me = graph.get("intervention", "moi")
    assert me is not None
    assert slugs(graph.see_also(me)) == ["les-deux", "pratique", "theme"]


def test_see_also_of_a_practice_page_lists_interventions_sharing_its_themes(graph: Graph) -> None:
    fablab = graph.get("pratique", "fablab")
    assert fablab is not None
    assert slugs(graph.see_also(fablab)) == ["beta", "zeta", "delta"]


def test_items_by_seance_ignore_accents(load: Callable[..., Corpus]) -> None:
    """Regression (engine bug at d613165, fixed since): items_by_seance sorts titles with
    str.lower(), so a title starting with an accented capital (« Écriture ») comes after «
    Zoom »; sort_key folds accents everywhere else"""
    corpus = load(
        {
            "sessions/01-a/index.md": seance("S"),
            "sessions/01-a/zoom.md": item("Zoom", "atelier"),
            "sessions/01-a/ecriture.md": item("Écriture", "atelier"),
        }
    )
    assert slugs(Graph(corpus).items_by_seance["01"]) == ["ecriture", "zoom"]
