"""content.examples: the example passages a clean start removes from real files."""

from __future__ import annotations

import pytest

from macros.content.examples import without_example_passages

SEANCE = """---
title: Séance
date: 2026-07-09
lieu: Mirelbourg (Coteaux du Mirel)  # exemple
---

Le programme, vrai.

!!! example "Exemple fictif"

    La séance est accueillie aux Coteaux du Mirel.

    Deuxième paragraphe de l'exemple.

La suite, vraie.
"""


def test_a_marked_line_and_an_example_block_are_removed():
    kept = without_example_passages(SEANCE)
    assert "Mirel" not in kept and "Exemple fictif" not in kept
    assert "date: 2026-07-09" in kept and "Le programme, vrai." in kept
    assert "La suite, vraie." in kept
    assert kept.startswith("---\ntitle: Séance\n") and "\n---\n" in kept


@pytest.mark.parametrize(
    "text",
    [
        "---\ntitle: Rien à retirer\n---\n\nUn exemple de phrase.\n",
        "---\ntitle: x\n---\n\n!!! note\n\n    Une note, pas un exemple.\n",
        "Sans en-tête.\n\nlieu: Paris  # exemple  (du texte, pas un en-tête)\n",
    ],
)
def test_text_without_example_passage_is_unchanged(text):
    assert without_example_passages(text) == text


@pytest.mark.parametrize("opening", ['!!! example "Exemple"', "??? example", "???+ example"])
def test_every_admonition_form_of_an_example_is_removed(opening):
    text = f"Avant.\n\n{opening}\n\n    Fictif.\n\nAprès.\n"
    assert without_example_passages(text) == "Avant.\n\nAprès.\n"
