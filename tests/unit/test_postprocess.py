"""render.theme_markup.conform_theme_markup: the theme's invalid attributes go, nothing else."""

from __future__ import annotations

import pytest

from macros.render.theme_markup import conform_theme_markup

CASES = [
    # (what, before, after)
    (
        "checkbox autocomplete dropped",
        '<input class="md-toggle" type="checkbox" id="__drawer" autocomplete="off">',
        '<input class="md-toggle" type="checkbox" id="__drawer">',
    ),
    (
        "text input keeps autocomplete",
        '<input type="text" name="q" autocomplete="off">',
        '<input type="text" name="q" autocomplete="off">',
    ),
    (
        "empty tabindex dropped",
        '<label class="md-nav__link" for="x" id="x_label" tabindex="">A</label><input id="x">',
        '<label class="md-nav__link" for="x" id="x_label">A</label><input id="x">',
    ),
    (
        "real tabindex kept",
        '<label for="x" tabindex="0">A</label><input id="x">',
        '<label for="x" tabindex="0">A</label><input id="x">',
    ),
    (
        "label for a missing control loses its for",
        '<label class="md-nav__title" for="__toc">Table des matières</label>',
        '<label class="md-nav__title">Table des matières</label>',
    ),
    (
        "label for an existing control kept",
        '<input type="checkbox" id="__toc"><label class="md-nav__title" for="__toc">T</label>',
        '<input type="checkbox" id="__toc"><label class="md-nav__title" for="__toc">T</label>',
    ),
    (
        "footer link label escaped once, as the visible title",
        '<a href="../acteurs/" class="md-footer__link md-footer__link--prev" '
        'aria-label="Précédent: Types d&amp;#x27;acteurs &amp;amp; structures">',
        '<a href="../acteurs/" class="md-footer__link md-footer__link--prev" '
        'aria-label="Précédent: Types d&#x27;acteurs &amp; structures">',
    ),
    (
        "an escaped ampersand written in other labels is kept",
        '<nav aria-label="A &amp;amp; B">',
        '<nav aria-label="A &amp;amp; B">',
    ),
    (
        "text that looks like markup is left alone",
        '<p>tabindex="" et for="__toc" dans un exemple</p>',
        '<p>tabindex="" et for="__toc" dans un exemple</p>',
    ),
]


@pytest.mark.parametrize(("before", "after"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_conform_theme_markup(before, after):
    assert conform_theme_markup(before) == after
