"""Last touches on built HTML pages."""

from __future__ import annotations

import re

EXTERNAL_LINK_RE = re.compile(r'<a (?![^>]*\brel=)([^>]*\bhref="(?:https?:)?//[^"]*"[^>]*)>')


def harden(html: str) -> str:
    """External links get ``rel="noopener"``: the target page cannot reach back to ours."""
    return EXTERNAL_LINK_RE.sub(r'<a rel="noopener" \1>', html)
