"""render.charts: the same chart gets the same markup, whatever was drawn before it."""

from __future__ import annotations

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
