"""render.charts: the same chart gets the same markup, whatever was drawn before it."""

from __future__ import annotations

import re
from html import unescape

from macros.render.charts import bars, timeline
from macros.render.sanitize import TRUSTED


def _svg(held: str) -> str:
    return TRUSTED.release(held)


def test_a_chart_is_the_same_on_every_build_whatever_was_drawn_before():
    data = [("Médiation", 3), ("Fablab", 1)]
    first = _svg(bars(data, "Actions par pratique"))
    timeline([("Action", "2026-06", "2026-09", "en-cours")], "Calendrier")  # another page
    again = _svg(bars(data, "Actions par pratique"))
    assert first == again
    assert 'id="capi-chart-' in first


def test_two_different_charts_have_different_ids():
    one = _svg(bars([("A", 1)], "Un"))
    two = _svg(bars([("A", 1)], "Deux"))
    ids = [s.split('id="', 1)[1].split('"', 1)[0] for s in (one, two)]
    assert ids[0] != ids[1]


LONG = "A1.1 Un « pack équipement et prise en main » pour chaque ordinateur solidaire vendu"


def _texts(svg: str) -> list[str]:
    return re.findall(r"<text[^>]*>([^<]*)</text>", svg)


def test_labels_are_wrapped_whole_in_both_drawings_never_cut():
    svg = _svg(timeline([(LONG, "2026-06", "2027-09", "en-cours")], "Calendrier"))
    for drawing in re.findall(r"<svg.*?</svg>", svg, re.DOTALL):
        words = " ".join(_texts(drawing))
        assert unescape(words).count("pour chaque ordinateur solidaire vendu") == 1
        assert "…" not in words
    assert svg.count("<svg") == 2 and "capi-chart--wide" in svg and "capi-chart--narrow" in svg


def test_every_status_colour_has_its_legend_and_the_narrow_drawing_says_the_period():
    rows = [("A", "2026-01", "2026-03", "prevue"), ("B", "2026-02", None, "abandonnee")]
    svg = _svg(timeline(rows, "Calendrier"))
    legend = re.findall(r'class="capi-legend">([^<]*)<', svg)
    assert legend == ["Prévue", "Abandonnée"] * 2
    assert "janvier 2026 – mars 2026 · Prévue" in unescape(svg)


def test_axis_months_are_far_enough_apart_not_to_touch():
    svg = _svg(timeline([("A", "2024-01", "2028-12", "en-cours")], "Calendrier"))
    wide = re.search(r"<svg[^>]*capi-chart--wide.*?</svg>", svg, re.DOTALL).group(0)
    xs = [float(x) for x in re.findall(r'<text x="([\d.]+)"[^>]*class="capi-axis"', wide)]
    assert len(xs) >= 3
    assert min(b - a for a, b in zip(xs, xs[1:])) >= len("sept. 2026") * 14 * 0.62


def test_contributed_text_is_escaped():
    svg = _svg(bars([("<script>alert(1)</script> & co", 2)], "<b>Titre</b>"))
    assert "<script>" not in svg and "<b>" not in svg and "&lt;script&gt;" in svg


def test_de_is_elided_before_a_vowel():
    svg = unescape(_svg(timeline([("A", "2026-10", "2027-05", "prevue")], "Calendrier")))
    assert "d’oct. 2026" in svg and "d’octobre 2026 à mai 2027" in svg and "de oct" not in svg
