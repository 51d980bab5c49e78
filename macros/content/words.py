"""Closest known names for a misspelt one, used by every "vouliez-vous dire" message."""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterable

COMBINING_RE = re.compile(r"[\u0300-\u036f]")


def fold(text: str) -> str:
    """Lowercase without accents, so « médiation » and « mediation » compare equal."""
    text = text.lower().replace("œ", "oe").replace("æ", "ae")
    return COMBINING_RE.sub("", unicodedata.normalize("NFKD", text))


def closest(word: str, known: Iterable[str], limit: int = 2) -> list[str]:
    """Up to ``limit`` known names that look like ``word`` (accents and case ignored)."""
    by_folded: dict[str, str] = {}
    for name in known:
        by_folded.setdefault(fold(str(name)), str(name))
    matches = difflib.get_close_matches(fold(str(word)), list(by_folded), n=limit, cutoff=0.6)
    return [by_folded[m] for m in matches]


def slugify(text: str) -> str:
    """« Médiation numérique hors les murs ! » → mediation-numerique-hors-les-murs."""
    decomposed = unicodedata.normalize("NFKD", text.replace("œ", "oe").replace("Œ", "OE"))
    ascii_text = decomposed.encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")[:80].strip("-")
