"""Charts drawn at build time as inline SVG, each with a text alternative.

No chart library is loaded in the browser: the SVG is plain markup with a
``<title>`` and ``<desc>`` and the same numbers are always given in a table
next to it (RGAA: a complex image needs an equivalent text). Charts are the engine's
own markup, every text in them escaped: they are returned as a placeholder held out of
the page's sanitising (``sanitize.TRUSTED``) and put back after it.
"""

from __future__ import annotations

import hashlib
from html import escape

from .sanitize import TRUSTED
from .sessions import MONTHS


def _chart_id(kind: str, title: str, data: object) -> str:
    """An id from what the chart shows: the same on every build and whatever the pages'
    order (a process-wide counter changed with the order pages were rendered in)."""
    digest = hashlib.sha256(repr((kind, title, data)).encode()).hexdigest()[:10]
    return f"capi-chart-{digest}"


STATUS_COLOURS = {
    "prevue": "#6b7280",
    "en-cours": "#1d4ed8",
    "realisee": "#047857",
    "abandonnee": "#b91c1c",
}
BAR_COLOUR = "#1d4ed8"


def _month_index(value: str) -> int:
    year, month = value.split("-")[:2]
    return int(year) * 12 + int(month) - 1


def _month_label(index: int) -> str:
    return f"{MONTHS[index % 12]} {index // 12}"


def timeline(rows: list[tuple[str, str | None, str | None, str]], title: str) -> str:
    """Gantt-like SVG: one bar per (label, start, end, status); rows without dates are skipped."""
    dated = [(label, s or e, e or s, status) for label, s, e, status in rows if s or e]
    if not dated:
        return ""
    first = min(_month_index(s) for _, s, _, _ in dated)
    last = max(_month_index(e) for _, _, e, _ in dated)
    months = max(last - first + 1, 1)
    label_w, width, row_h, top = 220, 760, 26, 30
    scale = (width - label_w - 10) / months
    height = top + row_h * len(dated) + 10
    uid = _chart_id("timeline", title, dated)
    parts = [
        f'<svg class="capi-chart capi-timeline" viewBox="0 0 {width} {height}" role="img" '
        f'aria-labelledby="{uid}-t {uid}-d" xmlns="http://www.w3.org/2000/svg">',
        f'<title id="{uid}-t">{escape(title)}</title>',
        f'<desc id="{uid}-d">Calendrier de {len(dated)} actions, de {escape(_month_label(first))}'
        f" à {escape(_month_label(last))}. Les mêmes informations figurent dans le tableau des "
        "actions.</desc>",
    ]
    step = max(1, months // 8)
    for m in range(0, months, step):
        x = label_w + m * scale
        parts.append(
            f'<line x1="{x:.1f}" y1="{top - 6}" x2="{x:.1f}" y2="{height - 6}" class="capi-grid"/>'
        )
        parts.append(
            f'<text x="{x + 2:.1f}" y="{top - 10}" class="capi-axis">'
            f"{escape(_month_label(first + m))}</text>"
        )
    for i, (label, start, end, status) in enumerate(dated):
        y = top + i * row_h
        x = label_w + (_month_index(start) - first) * scale
        w = max((_month_index(end) - _month_index(start) + 1) * scale, 4)
        colour = STATUS_COLOURS.get(status, BAR_COLOUR)
        short = label if len(label) <= 30 else label[:29] + "…"
        parts.append(f'<text x="0" y="{y + 17}" class="capi-label">{escape(short)}</text>')
        parts.append(
            f'<rect x="{x:.1f}" y="{y + 5}" width="{w:.1f}" height="{row_h - 10}" '
            f'rx="3" fill="{colour}"/>'
        )
    parts.append("</svg>")
    return TRUSTED.hold("".join(parts))


def bars(data: list[tuple[str, int]], title: str, unit: str = "") -> str:
    """Horizontal bar chart of (label, value)."""
    if not data:
        return ""
    label_w, width, row_h = 260, 640, 26
    biggest = max(v for _, v in data) or 1
    height = row_h * len(data) + 8
    uid = _chart_id("bars", title, data)
    described = "; ".join(f"{label} : {value}{unit}" for label, value in data)
    parts = [
        f'<svg class="capi-chart capi-bars" viewBox="0 0 {width} {height}" role="img" '
        f'aria-labelledby="{uid}-t {uid}-d" xmlns="http://www.w3.org/2000/svg">',
        f'<title id="{uid}-t">{escape(title)}</title>',
        f'<desc id="{uid}-d">{escape(described)}</desc>',
    ]
    for i, (label, value) in enumerate(data):
        y = i * row_h + 4
        w = (width - label_w - 60) * value / biggest
        short = label if len(label) <= 36 else label[:35] + "…"
        parts.append(f'<text x="0" y="{y + 16}" class="capi-label">{escape(short)}</text>')
        parts.append(
            f'<rect x="{label_w}" y="{y + 3}" width="{w:.1f}" height="{row_h - 8}" '
            f'rx="3" fill="{BAR_COLOUR}"/>'
        )
        parts.append(
            f'<text x="{label_w + w + 6:.1f}" y="{y + 16}" class="capi-value">'
            f"{value}{escape(unit)}</text>"
        )
    parts.append("</svg>")
    return TRUSTED.hold("".join(parts))
