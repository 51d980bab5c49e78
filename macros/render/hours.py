"""Opening hours in French words, from OpenStreetMap's ``opening_hours`` syntax.

The places standard (and the open data) keep the syntax ``Mo-Fr 09:00-12:00,13:30-18:00``;
readers get « du lundi au vendredi, 9 h–12 h et 13 h 30–18 h ». Only the common subset is
read (days, day ranges, hours, ``off``); anything else is shown as written, never guessed.
"""

from __future__ import annotations

import re

DAYS = {
    "Mo": "lundi",
    "Tu": "mardi",
    "We": "mercredi",
    "Th": "jeudi",
    "Fr": "vendredi",
    "Sa": "samedi",
    "Su": "dimanche",
}
NBSP = "\u00a0"
JOINER = "\u2060"  # no line break after the dash of « 13 h 30–18 h »
_RULE = re.compile(r"^(?P<days>[A-Z][a-z](?:[-,][A-Z][a-z])*)\s+(?P<times>.+)$")
_SPAN = re.compile(r"^(\d{1,2}):(\d{2})-(\d{1,2}):(\d{2})$")


def _enumerate(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " et " + items[-1]


def _days(text: str) -> str | None:
    parts = []
    for chunk in text.split(","):
        ends = chunk.split("-")
        if any(d not in DAYS for d in ends) or len(ends) > 2:
            return None
        parts.append(f"du {DAYS[ends[0]]} au {DAYS[ends[1]]}" if len(ends) == 2 else DAYS[ends[0]])
    return _enumerate(parts)


def _time(hours: str, minutes: str) -> str:
    return f"{int(hours)}{NBSP}h" + (f"{NBSP}{minutes}" if minutes != "00" else "")


def _times(text: str) -> str | None:
    if text == "off":
        return "fermé"
    spans = []
    for chunk in text.split(","):
        match = _SPAN.match(chunk.strip())
        if not match:
            return None
        h1, m1, h2, m2 = match.groups()
        spans.append(f"{_time(h1, m1)}–{JOINER}{_time(h2, m2)}")
    return _enumerate(spans)


def opening_hours(value: str | None) -> str:
    """``value`` in French words, or as written when it is outside the common syntax."""
    if not value:
        return ""
    rules = []
    for rule in value.split(";"):
        match = _RULE.match(rule.strip())
        days = _days(match["days"]) if match else None
        times = _times(match["times"].strip()) if match else None
        if days is None or times is None:
            return value
        rules.append(f"{days}, {times}")
    return " ; ".join(rules)
