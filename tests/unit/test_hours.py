"""render.hours: OpenStreetMap opening hours and ISO months as a French reader says them."""

from __future__ import annotations

import pytest

from macros.render.hours import opening_hours
from macros.render.sessions import human_date

NB = "\u00a0"


def _dash(text: str) -> str:
    """The expected text with the word joiner kept after each dash."""
    return text.replace("–", "–\u2060")


@pytest.mark.parametrize(
    ("osm", "french"),
    [
        (
            "Mo-Fr 09:00-12:00,13:30-18:00",
            f"du lundi au vendredi, 9{NB}h–12{NB}h et 13{NB}h{NB}30–18{NB}h",
        ),
        (
            "Mo-Th 09:00-12:00,14:00-17:00; Fr 09:00-12:00",
            f"du lundi au jeudi, 9{NB}h–12{NB}h et 14{NB}h–17{NB}h ; vendredi, 9{NB}h–12{NB}h",
        ),
        ("Tu,Th,Fr 13:00-19:00", f"mardi, jeudi et vendredi, 13{NB}h–19{NB}h"),
        ("Mo,We 14:00-17:00", f"lundi et mercredi, 14{NB}h–17{NB}h"),
        ("Mo-We,Sa 08:30-12:00", f"du lundi au mercredi et samedi, 8{NB}h{NB}30–12{NB}h"),
        ("Su off", "dimanche, fermé"),
    ],
)
def test_opening_hours_in_french_words(osm, french):
    assert opening_hours(osm) == _dash(french)


@pytest.mark.parametrize(
    "kept", ["24/7", "Mo-Fr 09:00-12:00; PH off", "sur rendez-vous", "Xx 09:00-12:00", "Mo 9h"]
)
def test_what_is_not_understood_is_shown_as_written(kept):
    assert opening_hours(kept) == kept


def test_no_hours_no_text():
    assert opening_hours(None) == opening_hours("") == ""


@pytest.mark.parametrize(
    ("iso", "french"),
    [
        ("2026-11", "novembre 2026"),
        ("2026-06-12", "12 juin 2026"),
        ("2026-06-01", "1er juin 2026"),
        ("2026", "2026"),
        ("", ""),
    ],
)
def test_dates_in_words(iso, french):
    assert human_date(iso) == french
