"""Charts drawn at build time as inline SVG, each with a text alternative.

No chart library is loaded in the browser: the SVG is plain markup with a
``<title>`` and ``<desc>`` and the same numbers are always given in a table
next to it (RGAA: a complex image needs an equivalent text). Charts are the engine's
own markup, every text in them escaped: they are returned as a placeholder held out of
the page's sanitising (``sanitize.TRUSTED``) and put back after it.

Each chart is drawn twice, like a printed figure laid out for two page sizes: a wide
layout and a narrow one (labels above their bar, one action under the other). capi.css
shows the one that fits the width of the block holding it (a container query), so the
text is never drawn smaller than about 12 px. Labels are wrapped, never cut; their width
is estimated from the number of characters (``CHAR_EM`` of the font size each, on the
generous side), and every colour has its legend.
"""

from __future__ import annotations

import hashlib
import math
import textwrap
from dataclasses import dataclass
from html import escape

from .sanitize import TRUSTED
from .sessions import MONTHS

STATUS_COLOURS = {
    "prevue": "#6b7280",
    "en-cours": "#1d4ed8",
    "realisee": "#047857",
    "abandonnee": "#b91c1c",
}
STATUS_LABELS = {
    "prevue": "Prévue",
    "en-cours": "En cours",
    "realisee": "Réalisée",
    "abandonnee": "Abandonnée",
}
BAR_COLOUR = "#1d4ed8"
# the French abbreviations of the months (Imprimerie nationale), for the axis
SHORT_MONTHS = (
    "janv.",
    "févr.",
    "mars",
    "avr.",
    "mai",
    "juin",
    "juil.",
    "août",
    "sept.",
    "oct.",
    "nov.",
    "déc.",
)
CHAR_EM = 0.62  # estimated width of a character, in font sizes (wide fonts included)


@dataclass(frozen=True)
class Layout:
    """One of the two drawings: its width in SVG units and its font size in them."""

    name: str
    width: int
    font: float

    @property
    def line(self) -> float:
        return round(self.font * 1.3, 1)

    def chars(self, width: float) -> int:
        """How many characters fit in ``width`` units."""
        return max(int(width / (self.font * CHAR_EM)), 8)

    def text_width(self, text: str) -> float:
        return len(text) * self.font * CHAR_EM


# the wide drawing is shown from 600 px of room (scale >= 0.88: 14 units >= 12.3 px), the
# narrow one below (320 units shown in 300 px or more: 13 units >= 12.2 px)
WIDE = Layout("wide", 680, 14)
NARROW = Layout("narrow", 320, 13)


def _chart_id(kind: str, title: str, data: object) -> str:
    """An id from what the chart shows: the same on every build and whatever the pages'
    order (a process-wide counter changed with the order pages were rendered in)."""
    digest = hashlib.sha256(repr((kind, title, data)).encode()).hexdigest()[:10]
    return f"capi-chart-{digest}"


def _month_index(value: str) -> int:
    year, month = value.split("-")[:2]
    return int(year) * 12 + int(month) - 1


def _month_label(index: int, short: bool = False) -> str:
    return f"{(SHORT_MONTHS if short else MONTHS)[index % 12]} {index // 12}"


def _from(text: str) -> str:
    """« de » before a month, elided before a vowel: « d’avril 2026 », « de mai 2026 »."""
    return f"d’{text}" if text[:1] in "aeiouéAEIOUÉ" else f"de {text}"


def _wrap(text: str, chars: int) -> list[str]:
    return textwrap.wrap(text, chars, break_on_hyphens=False) or [""]


def _text(x: float, y: float, text: str, css: str, anchor: str = "") -> str:
    end = ' text-anchor="end"' if anchor == "end" else ""
    return f'<text x="{x:.1f}" y="{y:.1f}" class="{css}"{end}>{escape(text)}</text>'


def _lines(x: float, y: float, lines: list[str], layout: Layout, css: str = "capi-label") -> str:
    """Lines of text whose first baseline is at ``y``."""
    return "".join(_text(x, y + i * layout.line, line, css) for i, line in enumerate(lines))


def _paint(status: str) -> str:
    """The fill of a status's bar, and a class (known statuses only) that lets capi.css give
    the dark palette lighter colours."""
    if status in STATUS_COLOURS:
        return f'fill="{STATUS_COLOURS[status]}" class="capi-status-{status}"'
    return f'fill="{BAR_COLOUR}" class="capi-bar"'


def _legend(y: float, items: list[tuple[str, str]], layout: Layout) -> tuple[list[str], float]:
    """Colour squares and the names of their statuses, in rows; returns the markup and the
    height used."""
    parts, x, row = [], 0.0, 0
    size = layout.font
    for status, label in items:
        need = size + 6 + layout.text_width(label) + 18
        if x and x + need > layout.width:
            x, row = 0.0, row + 1
        top = y + row * (layout.line + 6)
        parts.append(
            f'<rect x="{x:.1f}" y="{top:.1f}" width="{size}" height="{size}" rx="2" '
            f"{_paint(status)}/>"
        )
        parts.append(_text(x + size + 6, top + size * 0.85, label, "capi-legend"))
        x += need
    return parts, (row + 1) * (layout.line + 6)


def _svg(kind: str, layout: Layout, uid: str, height: float, title: str, desc: str) -> str:
    u = f"{uid}-{layout.name[0]}"
    return (
        f'<svg class="capi-chart capi-{kind} capi-chart--{layout.name}" '
        f'viewBox="0 0 {layout.width} {math.ceil(height)}" font-size="{layout.font}" '
        f'role="img" aria-labelledby="{u}-t {u}-d" xmlns="http://www.w3.org/2000/svg">'
        f'<title id="{u}-t">{escape(title)}</title><desc id="{u}-d">{escape(desc)}</desc>'
    )


def _pair(wide: str, narrow: str) -> str:
    return TRUSTED.hold(f'<div class="capi-chart-set">{wide}{narrow}</div>')


# ------------------------------------------------------------------ timeline


@dataclass(frozen=True)
class _Span:
    label: str
    start: int
    end: int
    status: str


def _ticks(first: int, months: int, x0: float, scale: float, layout: Layout) -> list[int]:
    """Months to label on the axis: as many as fit without two labels touching."""
    widest = max(layout.text_width(_month_label(first + m, True)) for m in range(months))
    step = max(1, math.ceil((widest + layout.font) / scale))
    return [m for m in range(0, months, step) if x0 + m * scale + widest <= layout.width]


def _timeline_wide(spans: list[_Span], first: int, months: int, head: tuple) -> str:
    layout = WIDE
    label_w = 250
    x0 = label_w + 10
    scale = (layout.width - x0) / months
    rows = [_wrap(s.label, layout.chars(label_w)) for s in spans]
    top = layout.line + 8
    height = top + sum(len(r) * layout.line + 10 for r in rows)
    parts = []
    for m in _ticks(first, months, x0, scale, layout):
        x = x0 + m * scale
        parts.append(
            f'<line x1="{x:.1f}" y1="{top - 4}" x2="{x:.1f}" y2="{height:.1f}" class="capi-grid"/>'
        )
        parts.append(_text(x + 3, layout.font, _month_label(first + m, True), "capi-axis"))
    y = top
    for span, lines in zip(spans, rows, strict=True):
        block = len(lines) * layout.line + 10
        if y > top:  # a thin rule between rows, to follow a row from its label to its bar
            parts.append(
                f'<line x1="0" y1="{y:.1f}" x2="{layout.width}" y2="{y:.1f}" class="capi-grid"/>'
            )
        parts.append(_lines(0, y + 5 + layout.font, lines, layout))
        x = x0 + (span.start - first) * scale
        w = max((span.end - span.start + 1) * scale, 4)
        bar_y = y + 5 + (len(lines) * layout.line - 14) / 2
        parts.append(
            f'<rect x="{x:.1f}" y="{bar_y:.1f}" width="{w:.1f}" height="14" rx="3" '
            f"{_paint(span.status)}/>"
        )
        y += block
    legend, used = _legend(height + 14, _legend_items(spans), layout)
    return _finish("timeline", layout, head, height + 14 + used, parts + legend)


def _timeline_narrow(spans: list[_Span], first: int, months: int, head: tuple) -> str:
    layout = NARROW
    scale = layout.width / months
    parts = [
        _text(0, layout.font, _from(_month_label(first, True)), "capi-axis"),
        _text(
            layout.width,
            layout.font,
            f"à {_month_label(first + months - 1, True)}",
            "capi-axis",
            "end",
        ),
    ]
    y = layout.line + 10
    for span in spans:
        lines = _wrap(span.label, layout.chars(layout.width))
        period = _month_label(span.start)
        if span.end != span.start:
            period += f" – {_month_label(span.end)}"
        lines_h = len(lines) * layout.line
        parts.append(_lines(0, y + layout.font, lines, layout))
        parts.append(
            _text(0, y + lines_h + layout.font, f"{period} · {_status(span.status)}", "capi-value")
        )
        bar_y = y + lines_h + layout.line + 4
        parts.append(
            f'<rect x="0" y="{bar_y:.1f}" width="{layout.width}" height="10" rx="3" '
            'class="capi-track"/>'
        )
        x = (span.start - first) * scale
        w = max((span.end - span.start + 1) * scale, 4)
        parts.append(
            f'<rect x="{x:.1f}" y="{bar_y:.1f}" width="{w:.1f}" height="10" rx="3" '
            f"{_paint(span.status)}/>"
        )
        y = bar_y + 10 + 14
    legend, used = _legend(y, _legend_items(spans), layout)
    return _finish("timeline", layout, head, y + used, parts + legend)


def _status(status: str) -> str:
    return STATUS_LABELS.get(status, status)


def _legend_items(spans: list[_Span]) -> list[tuple[str, str]]:
    """(status, name) of each status drawn; unknown statuses share the plain bar colour."""
    used = {s.status for s in spans}
    known = [(s, _status(s)) for s in STATUS_COLOURS if s in used]
    other = [s for s in sorted(used) if s not in STATUS_COLOURS]
    return known + [(s, _status(s)) for s in other]


def _finish(kind: str, layout: Layout, head: tuple, height: float, parts: list[str]) -> str:
    uid, title, desc = head
    return _svg(kind, layout, uid, height, title, desc) + "".join(parts) + "</svg>"


def timeline(rows: list[tuple[str, str | None, str | None, str]], title: str) -> str:
    """Gantt-like SVG: one bar per (label, start, end, status); rows without dates are skipped."""
    dated = [(label, s or e, e or s, status) for label, s, e, status in rows if s or e]
    if not dated:
        return ""
    spans = [
        _Span(label, _month_index(s), max(_month_index(e), _month_index(s)), status)
        for label, s, e, status in dated
    ]
    first = min(s.start for s in spans)
    last = max(s.end for s in spans)
    months = last - first + 1
    desc = (
        f"Calendrier de {len(dated)} actions, {_from(_month_label(first))} à {_month_label(last)}. "
        "Les mêmes informations figurent dans le tableau des actions."
    )
    head = (_chart_id("timeline", title, dated), title, desc)
    return _pair(
        _timeline_wide(spans, first, months, head), _timeline_narrow(spans, first, months, head)
    )


# ------------------------------------------------------------------ bars


def _bars_drawing(data: list[tuple[str, int]], unit: str, layout: Layout, head: tuple) -> str:
    """Wide: labels in a column left of the bars; narrow: each label above its bar."""
    biggest = max(v for _, v in data) or 1
    values = [f"{value}{unit}" for _, value in data]
    value_w = max(layout.text_width(v) for v in values) + 8
    beside = layout is WIDE
    label_w = 260 if beside else layout.width
    x0 = label_w + 10 if beside else 0
    room = layout.width - x0 - value_w
    parts, y = [], 4.0
    for (label, value), shown in zip(data, values, strict=True):
        lines = _wrap(label, layout.chars(label_w))
        lines_h = len(lines) * layout.line
        parts.append(_lines(0, y + layout.font, lines, layout))
        bar_y = y + (lines_h - 16) / 2 if beside else y + lines_h + 2
        w = max(room * value / biggest, 2)
        parts.append(
            f'<rect x="{x0}" y="{bar_y:.1f}" width="{w:.1f}" height="16" rx="3" {_paint("")}/>'
        )
        parts.append(_text(x0 + w + 6, bar_y + 8 + layout.font * 0.35, shown, "capi-value"))
        y = (y + max(lines_h, 16) if beside else bar_y + 16) + 12
    return _finish("bars", layout, head, y, parts)


def bars(data: list[tuple[str, int]], title: str, unit: str = "") -> str:
    """Horizontal bar chart of (label, value)."""
    if not data:
        return ""
    described = "; ".join(f"{label} : {value}{unit}" for label, value in data)
    head = (_chart_id("bars", title, data), title, described)
    return _pair(_bars_drawing(data, unit, WIDE, head), _bars_drawing(data, unit, NARROW, head))
