"""render.cards: an entry's card says what it is, and shows every value as written."""

from __future__ import annotations

from collections.abc import Callable
from html.parser import HTMLParser

import pytest
from helpers import doc

from macros.content.corpus import Corpus
from macros.content.html_policy import to_html
from macros.graph import Graph
from macros.render.cards import SUMMARY_LIMIT, card_list, entry_card
from macros.render.sanitize import TRUSTED

HOSTILE = "<img src=x onerror=alert(1)> *gras* [lien](javascript:alert(1)) {: .x }"
LONG = "Une phrase assez longue pour dépasser la limite d'un résumé de carte. " * 4


class _Text(HTMLParser):
    """Visible text per card part, and every tag met (to see that no value became markup)."""

    def __init__(self) -> None:
        super().__init__()
        self.parts: dict[str, list[str]] = {}
        self.tags: list[str] = []
        self._part = ""

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        css = dict(attrs).get("class") or ""
        if css.startswith("capi-card__"):
            self._part = css.removeprefix("capi-card__").split()[0]

    def handle_data(self, data):
        if self._part and data.strip():
            self.parts.setdefault(self._part, []).append(data.strip())


def _html(markdown: str) -> str:
    """A page's HTML once the engine's blocks are back in it (html_blocks.block)."""
    return TRUSTED.release(to_html(markdown))


def _cards(html: str) -> _Text:
    parser = _Text()
    parser.feed(html)
    return parser


FILES = {
    "sessions/01-enjeux/index.md": doc("title: Enjeux", "mois: juin", "annee: 2026"),
    "docs/pratiques/fablab.md": doc("title: Fablab"),
    "territories/lille/index.md": doc(
        "title: Lille", "collectivites:", "  - nom: Lille", "    nature: commune"
    ),
    "sessions/01-enjeux/hostile.md": doc(
        f"title: '{HOSTILE}'",
        "format: retour-experience",
        f"description: '{HOSTILE}'",
        f"structure: '{HOSTILE}'",
        "territoire: lille",
        "pratiques: [fablab]",
    ),
    "sessions/01-enjeux/long.md": doc(
        "title: Long", "format: apport-expertise", f"description: {LONG}"
    ),
}


@pytest.fixture
def graph(load: Callable[..., Corpus]) -> Graph:
    # the hostile values are reported by the check (E011…); the site is built all the same
    # when the check is skipped (tests/safety), and so are its cards
    return Graph(load(FILES))


def test_a_card_shows_every_value_as_written(graph: Graph) -> None:
    entry = graph.get("intervention", "hostile")
    html = _html(card_list([entry_card(graph, "retours/index.md", entry)]))
    card = _cards(html)
    assert card.parts["title"] == [HOSTILE]
    assert card.parts["meta"] == [f"Retour d'expérience · séance 1 · {HOSTILE} · Lille"]
    assert card.parts["tags"] == ["Fablab"]
    assert card.parts["summary"] == [HOSTILE]
    assert "img" not in card.tags and "em" not in card.tags  # no value became markup
    assert '<a href="../seances/01-enjeux/hostile/">' in html  # its final URL


def test_on_its_seance_page_a_card_leaves_out_format_and_seance(graph: Graph) -> None:
    entry = graph.get("intervention", "hostile")
    card = _cards(_html(card_list([entry_card(graph, entry.src_uri, entry, True)])))
    assert card.parts["meta"] == [f"{HOSTILE} · Lille"]


def test_a_long_summary_is_cut_at_a_word(graph: Graph) -> None:
    entry = graph.get("intervention", "long")
    shown = _cards(_html(entry_card(graph, "x.md", entry))).parts["summary"][0]
    assert len(shown) <= SUMMARY_LIMIT and shown.endswith("…"), shown
    kept = shown[:-1]
    assert LONG.startswith(kept) and LONG[len(kept)] == " ", shown  # cut between two words


def test_a_seance_card_says_its_number_and_month(graph: Graph) -> None:
    entry = graph.get("seance", "01")
    card = _cards(_html(card_list([entry_card(graph, "seances/index.md", entry)])))
    assert card.parts["title"] == ["Enjeux"] and card.parts["meta"] == ["Séance 1 · Juin 2026"]
