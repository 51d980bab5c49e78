"""Closest known names for a misspelt one, used by every "vouliez-vous dire" message."""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterable

COMBINING_RE = re.compile(r"[\u0300-\u036f]")


def fold(text: str) -> str:
    """Lowercase without accents, so « médiation » and « mediation » compare equal.

    Compatibility forms are decomposed before lowercasing (« ℍôpital » → « hopital »,
    full-width and mathematical letters too). docs/assets/capi-analyse.js does the same,
    step for step, in the browser (tests/browser/test_analyser_parity.py)."""
    text = unicodedata.normalize("NFKD", unicodedata.normalize("NFKD", text).lower())
    return COMBINING_RE.sub("", text.replace("œ", "oe").replace("æ", "ae"))


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
