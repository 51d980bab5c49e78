"""The map of the participating territories and their places of digital mediation.

An inline SVG drawn at build time (nothing is loaded in the browser): the departments of
metropolitan France (``france_outlines``), the department of each territory coloured, each
place with a latitude and a longitude as a dot, and the territories' names. Like the
charts, it is the engine's own markup, every text escaped, held out of the sanitiser
(``sanitize.TRUSTED``).

The drawing is shared by both screen widths; only the names are written twice, at two sizes
(capi.css shows the set made for the room there is), so that they stay at 12 px or more on
a desktop and 11 px or more on a phone. Names are placed one after the other on the first
free spot around their territory, so none covers another. A visible legend follows the
drawing, and a list says in words (with links) everything the map shows.
"""

from __future__ import annotations

import hashlib
import re
import textwrap
from dataclasses import dataclass, field
from html import escape

from ..content.model import Entry
from ..graph import Graph
from . import france_outlines as geo
from .charts import Layout
from .links import link, md_escape
from .sanitize import TRUSTED

PAD = 12  # map units around the outlines, room for names near the coast
VIEW = (-PAD, -PAD, geo.WIDTH + 2 * PAD, geo.HEIGHT + 2 * PAD)
# shown at most 560 px wide (capi.css); from 480 px of room the wide names (16 units:
# >= 12 px at 480 px) are shown, below it the narrow ones (24 units: >= 11 px down to a
# 300 px column)
WIDE = Layout("wide", VIEW[2], 16)
NARROW = Layout("narrow", VIEW[2], 24)
SHOWN_WIDTH = 560  # px, its size where no style sheet says otherwise (capi.css: the same)
LABEL_CHARS = 22  # a name longer than this is wrapped
DOT = 6  # radius of a place, in map units
LAND, LAND_EDGE = "#e5e7eb", "#ffffff"
TERRITORY, TERRITORY_EDGE = "#93c5fd", "#1d4ed8"
PLACE, PLACE_EDGE = "#b45309", "#ffffff"

# "Communauté d'agglomération des Coteaux du Mirel" is named « Coteaux du Mirel » on the map
# (the full name is in the list under it): long names would cover half of France
_KIND_PREFIX = re.compile(
    r"^(communauté (d['’]agglomération|de communes|urbaine)|métropole|agglomération"
    r"|établissement public territorial)\s+(de la |de l['’]|du |des |de |d['’])?",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Place:
    name: str
    commune: str
    point: tuple[float, float] | None  # None: not drawn
    note: str = ""  # why it is not drawn, said in the list


@dataclass
class Shown:
    """One territory as the map shows it."""

    entry: Entry
    department: str | None  # code on the map, None when it cannot be placed
    places: list[Place] = field(default_factory=list)
    diagnostic: Entry | None = None

    @property
    def anchor(self) -> tuple[float, float] | None:
        """Where its name points: the middle of its places, else of its department."""
        points = [p.point for p in self.places if p.point]
        if points:
            return (
                sum(x for x, _ in points) / len(points),
                sum(y for _, y in points) / len(points),
            )
        return geo.departments()[self.department].centre if self.department else None


def short_name(title: str) -> str:
    name = _KIND_PREFIX.sub("", title).strip() or title
    return name[:1].upper() + name[1:]


def _number(meta: dict, key: str) -> float | None:
    value = meta.get(key)
    return float(value) if isinstance(value, int | float) and not isinstance(value, bool) else None


def _shown(graph: Graph, territory: Entry) -> Shown:
    meta = territory.meta
    codes = [c["code_insee"] for c in meta.get("collectivites", []) if c.get("code_insee")]
    insee = codes[0] if codes else ""
    diagnostic = graph.deliverables.get(territory.slug, {}).get("diagnostic")
    shown = Shown(territory, geo.department_code(insee, meta.get("departement")), [], diagnostic)
    for place in diagnostic.meta.get("lieux", []) if diagnostic else []:
        lat, lon = _number(place, "latitude"), _number(place, "longitude")
        known = lat is not None and lon is not None
        # a latitude past a pole has no place on any map (and no logarithm): said, not drawn
        point = geo.project(lon, lat) if known and -90 < lat < 90 else None
        note = "" if point else "sans coordonnées, non placé"
        if point and not (0 <= point[0] <= geo.WIDTH and 0 <= point[1] <= geo.HEIGHT):
            point, note = None, "hors de la métropole, non placé"  # listed, not drawn
        name, commune = str(place["nom"]), str(place.get("commune") or "")
        shown.places.append(Place(name, commune, point, note))
    return shown


# ------------------------------------------------------------------ drawing


def _ring_path(ring: tuple) -> str:
    (x, y), rest = ring[0], ring[1:]
    steps, (px, py) = [], (x, y)
    for qx, qy in rest:
        steps.append(f"{qx - px} {qy - py}")
        px, py = qx, qy
    return f"M{x} {y}l" + " ".join(steps) + "z"


def _outline(codes) -> str:
    departments = geo.departments()
    return "".join(_ring_path(r) for code in codes for r in departments[code].rings)


def _box_free(box, taken, points) -> bool:
    x, y, w, h = box
    if x < VIEW[0] or y < VIEW[1] or x + w > VIEW[0] + VIEW[2] or y + h > VIEW[1] + VIEW[3]:
        return False
    for ox, oy, ow, oh in taken:
        if x < ox + ow + 4 and ox < x + w + 4 and y < oy + oh + 4 and oy < y + h + 4:
            return False
    return not any(
        x - DOT <= px <= x + w + DOT and y - DOT <= py <= y + h + DOT for px, py in points
    )


def _candidates(anchor, w: float, h: float):
    """Boxes around the anchor, nearest first: right, left, above, below, then diagonals."""
    ax, ay = anchor
    for gap in (10, 30, 60, 100, 150):
        yield ax + gap, ay - h / 2
        yield ax - gap - w, ay - h / 2
        yield ax - w / 2, ay - gap - h
        yield ax - w / 2, ay + gap
        for dx in (gap * 0.7, -gap * 0.7 - w):
            for dy in (-gap * 0.7 - h, gap * 0.7):
                yield ax + dx, ay + dy


def _labels(shown: list[Shown], layout: Layout, dots: list) -> str:
    """The territories' names, each on the first free spot around its anchor, with a line
    to it when the spot is not next to it; a name with no free spot is left to the list."""
    taken: list[tuple] = []
    # the narrow names are hidden where capi.css is not loaded (PDF booklet, feed readers)
    hidden = ' display="none"' if layout is NARROW else ""
    parts = [
        f'<g class="capi-map-labels capi-map-labels--{layout.name}" '
        f'font-size="{layout.font}"{hidden}>'
    ]
    anchors = [s.anchor for s in shown if s.anchor]
    for territory in shown:
        if territory.anchor is None:
            continue
        lines = textwrap.wrap(short_name(territory.entry.title), LABEL_CHARS) or [""]
        w = max(layout.text_width(line) for line in lines)
        h = len(lines) * layout.line
        spot = next(
            (
                (x, y)
                for x, y in _candidates(territory.anchor, w, h)
                if _box_free((x, y, w, h), taken, [*dots, *anchors])
            ),
            None,
        )
        if spot is None:
            continue
        x, y = spot
        taken.append((x, y, w, h))
        ax, ay = territory.anchor
        nx, ny = min(max(ax, x), x + w), min(max(ay, y), y + h)
        if abs(nx - ax) + abs(ny - ay) > 20:
            parts.append(
                f'<line x1="{ax:.0f}" y1="{ay:.0f}" x2="{nx:.0f}" y2="{ny:.0f}" '
                f'class="capi-map-leader" stroke="currentColor" stroke-width="1.5"/>'
            )
        for i, line in enumerate(lines):
            baseline = y + layout.font * 0.95 + i * layout.line
            parts.append(
                f'<text x="{x:.0f}" y="{baseline:.0f}" class="capi-map-label">{escape(line)}</text>'
            )
    parts.append("</g>")
    return "".join(parts)


def _svg(shown: list[Shown], title: str, desc: str) -> str:
    uid = "capi-map-" + hashlib.sha256(repr((title, desc)).encode()).hexdigest()[:10]
    highlighted = sorted({s.department for s in shown if s.department})
    others = [code for code in geo.departments() if code not in highlighted]
    dots = [p.point for s in shown for p in s.places if p.point]
    circles = "".join(f'<circle cx="{x:.0f}" cy="{y:.0f}" r="{DOT}"/>' for x, y in dots)
    return (
        f'<svg class="capi-map" viewBox="{" ".join(str(v) for v in VIEW)}" '
        f'width="{SHOWN_WIDTH}" height="{round(SHOWN_WIDTH * VIEW[3] / VIEW[2])}" role="img" '
        f'aria-labelledby="{uid}-t {uid}-d" xmlns="http://www.w3.org/2000/svg">'
        f'<title id="{uid}-t">{escape(title)}</title><desc id="{uid}-d">{escape(desc)}</desc>'
        f'<path class="capi-map-land" d="{_outline(others)}" fill="{LAND}" '
        f'stroke="{LAND_EDGE}" stroke-width="1" stroke-linejoin="round"/>'
        f'<path class="capi-map-territory" d="{_outline(highlighted)}" fill="{TERRITORY}" '
        f'stroke="{TERRITORY_EDGE}" stroke-width="1.5" stroke-linejoin="round"/>'
        f'<g class="capi-map-places" fill="{PLACE}" stroke="{PLACE_EDGE}" stroke-width="1.5">'
        f"{circles}</g>"
        f"{_labels(shown, WIDE, dots)}{_labels(shown, NARROW, dots)}</svg>"
    )


def _swatch(kind: str) -> str:
    if kind == "place":
        shape = f'<circle cx="8" cy="8" r="5" fill="{PLACE}" stroke="{PLACE_EDGE}"/>'
    else:
        shape = (
            f'<rect x="1" y="3" width="14" height="10" fill="{TERRITORY}" '
            f'stroke="{TERRITORY_EDGE}"/>'
        )
    return (
        '<svg class="capi-map-swatch" viewBox="0 0 16 16" width="16" height="16" '
        f'aria-hidden="true">{shape}</svg>'
    )


# ------------------------------------------------------------------ block


def _plural(count: int, one: str, many: str) -> str:
    return f"{count} {one if count == 1 else many}"


def _description(shown: list[Shown]) -> str:
    placed = [s for s in shown if s.department]
    dots = sum(1 for s in shown for p in s.places if p.point)
    names = ", ".join(f"{s.entry.title} ({geo.departments()[s.department].name})" for s in placed)
    if len(placed) == 1:
        coloured = f"En bleu, le département de {names}. "
    elif placed:
        coloured = (
            f"En bleu, les départements des {len(placed)} territoires participants : {names}. "
        )
    else:
        coloured = "Aucun territoire n'a pu être placé. "
    return (
        f"Carte des départements de France métropolitaine. {coloured}Points : "
        f"{_plural(dots, 'lieu de médiation numérique', 'lieux de médiation numérique')}. "
        "La liste sous la carte donne les mêmes informations, avec des liens."
    )


def _text_alternative(shown: list[Shown], page_uri: str) -> list[str]:
    out = []
    for s in shown:
        where = (
            f"{md_escape(geo.departments()[s.department].name)} ({s.department})"
            if s.department
            else "non situé sur la carte (département inconnu ou hors de la métropole)"
        )
        line = f"- {link(page_uri, s.entry.src_uri, s.entry.title)} : {where}"
        if s.places and s.diagnostic is not None:
            places = [
                link(page_uri, s.diagnostic.src_uri, p.name, "lieux-de-mediation-numerique")
                + (f" ({md_escape(p.commune)})" if p.commune else "")
                + (f" — {p.note}" if p.note else "")
                for p in s.places
            ]
            line += " ; lieux de médiation numérique : " + ", ".join(places)
        out.append(line + ".")
    return out


def territory_map(graph: Graph, page_uri: str, only: str | None = None) -> str:
    """Markdown: the map (every territory, or only the one whose slug is ``only``), its
    legend and the list of what it shows; a helpful sentence when there is no territory."""
    territories = [t for t in graph.by_kind.get("territoire", []) if only is None or t.slug == only]
    if not territories:
        return (
            "*Aucun territoire participant n'est encore publié : la carte les montrera dès "
            "qu'un territoire aura sa présentation (`capi new territoire <identifiant>`, voir "
            f"le {link(page_uri, 'guides/organisateurs.md', 'guide des organisateurs')}).*\n"
        )
    shown = [_shown(graph, t) for t in territories]
    title = (
        f"Carte : {shown[0].entry.title} et ses lieux de médiation numérique"
        if only
        else "Carte des territoires participants et de leurs lieux de médiation numérique"
    )
    legend = (
        f'<figcaption class="capi-map-legend"><span>{_swatch("territory")} Département '
        f"d'un territoire participant</span> <span>{_swatch('place')} Lieu de médiation "
        "numérique</span></figcaption>"
    )
    figure = (
        f'<figure class="capi-map-figure{" capi-map-figure--one" if only else ""}">'
        '<div class="capi-map-frame">'
        f"{_svg(shown, title, _description(shown))}</div>{legend}</figure>"
    )
    return "\n".join(
        [
            f'<div class="capi-map-block">{TRUSTED.hold(figure)}</div>',
            "",
            "Ce que montre la carte :",
            "",
            *_text_alternative(shown, page_uri),
            "",
        ]
    )


def territory_section(graph: Graph, entry: Entry) -> str:
    """The section of a territory's page: its department and its places."""
    return "## Sur la carte\n\n" + territory_map(graph, entry.src_uri, only=entry.slug)
