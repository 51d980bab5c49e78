"""Last touches on built HTML pages."""

from __future__ import annotations

import re

EXTERNAL_LINK_RE = re.compile(r'<a (?![^>]*\brel=)([^>]*\bhref="(?:https?:)?//[^"]*"[^>]*)>')


EMAIL_RE = re.compile(r"(?<![&#\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+")


def _entities(match: re.Match[str]) -> str:
    return "".join(f"&#{ord(ch)};" for ch in match.group(0))


def harden(html: str) -> str:
    """External links get ``rel="noopener"`` (the target page cannot reach back to ours) and
    e-mail addresses are written as HTML entities (shown as usual, missed by harvesters)."""
    html = EXTERNAL_LINK_RE.sub(r'<a rel="noopener" \1>', html)
    return EMAIL_RE.sub(_entities, html) if "@" in html else html
