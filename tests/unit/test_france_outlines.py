"""render.france_outlines: the vendored outlines read back, and the fitted projection puts
known places in their own department (a wrong projection puts Brest in the sea)."""

from __future__ import annotations

import pytest

from macros.render import france_outlines as geo

# (longitude, latitude) of towns, and their department (inland in Corsica: the fit is within
# 3 units there, about as far as Ajaccio is from the coast)
KNOWN = [
    ("Brest", -4.486, 48.390, "29"),
    ("Strasbourg", 7.752, 48.573, "67"),
    ("Lille", 3.057, 50.629, "59"),
    ("Saint-Nazaire", -2.214, 47.273, "44"),
    ("Marseille", 5.370, 43.296, "13"),
    ("Perpignan", 2.895, 42.699, "66"),
    ("Bordeaux", -0.579, 44.838, "33"),
    ("Clermont-Ferrand", 3.087, 45.778, "63"),
    ("Nice", 7.262, 43.710, "06"),
    ("Sartène", 8.975, 41.621, "2A"),
    ("Corte", 9.150, 42.306, "2B"),
]


def _inside(point, ring) -> bool:
    """Even-odd ray casting."""
    x, y = point
    inside = False
    for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1], strict=True):
        if (y1 > y) != (y2 > y) and x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
            inside = not inside
    return inside


@pytest.mark.parametrize(("city", "lon", "lat", "code"), KNOWN)
def test_a_known_place_falls_in_its_department(city, lon, lat, code):
    point = geo.project(lon, lat)
    department = geo.departments()[code]
    assert any(_inside(point, list(ring)) for ring in department.rings), (city, point)


def test_every_department_of_metropolitan_france_is_there_simplified():
    departments = geo.departments()
    assert len(departments) == 96 and {"2A", "2B", "75", "01", "95"} <= set(departments)
    points = sum(len(r) for d in departments.values() for r in d.rings)
    assert 1_000 < points < 6_000  # simplified from about 30 000 points, not emptied


@pytest.mark.parametrize(
    ("insee", "name", "code"),
    [
        ("67901", None, "67"),
        ("2A004", None, "2A"),
        (None, "Loire-Atlantique", "44"),
        ("", "bas rhin", "67"),
        ("97101", "Guadeloupe", None),
        (None, "Nulle part", None),
    ],
)
def test_the_department_of_a_commune_or_a_name(insee, name, code):
    assert geo.department_code(insee, name) == code
