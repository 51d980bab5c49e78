"""Numbers as French readers write them: a narrow no-break space between thousands and a
decimal comma (« 11 450 », « 12,5 »)."""

from __future__ import annotations

NARROW_NBSP = "\u202f"


def french_number(value: object) -> str:
    """An int or a float in French; anything else (text, a boolean) as written."""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, float):
        return f"{value:,.1f}".replace(",", NARROW_NBSP).replace(".", ",")
    if isinstance(value, int):
        return f"{value:,}".replace(",", NARROW_NBSP)
    return str(value)
