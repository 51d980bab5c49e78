"""A Content-Security-Policy for every built page (DESIGN §6), as a ``<meta>`` element.

Static hosting (GitHub Pages, a USB key) cannot send headers, so the policy goes in the
page itself, right after ``<meta charset>``, before any script. Scripts run only from the
site's own files and from the theme's inline scripts, each allowed by the SHA-256 of its
exact text computed here at build time: no ``'unsafe-inline'`` for scripts, so markup that
slipped past every other defence still cannot run. Nothing is loaded from another host,
except images from the hosts organisers list in ``vocabulaires.yml`` (``hotes_images``).

Styles keep ``'unsafe-inline'``: the theme and the charts use ``style`` attributes, and a
style cannot run code or, with ``img-src``/``font-src`` closed, load anything.
"""

from __future__ import annotations

import base64
import hashlib
import re

# inline scripts that run (a JSON data block has a type and never runs)
_INLINE_SCRIPT_RE = re.compile(
    r"<script(?![^>]*\bsrc=)(?![^>]*\btype=\"(?!text/javascript|module)[^\"]*\")[^>]*>"
    r"(.*?)</script>", re.DOTALL | re.IGNORECASE)
_CHARSET_RE = re.compile(r"<meta charset=[^>]*>", re.IGNORECASE)


def script_hashes(page_html: str) -> list[str]:
    """``'sha256-…'`` sources for every inline script of the page, in order, without repeats."""
    hashes: list[str] = []
    for match in _INLINE_SCRIPT_RE.finditer(page_html):
        digest = hashlib.sha256(match.group(1).encode("utf-8")).digest()
        source = f"'sha256-{base64.b64encode(digest).decode()}'"
        if source not in hashes:
            hashes.append(source)
    return hashes


def policy(frame_html: str, image_hosts: frozenset[str] = frozenset()) -> str:
    """The policy for a page whose frame (the page without its content) is ``frame_html``."""
    images = " ".join(["'self'", "data:", *(f"https://{host}" for host in sorted(image_hosts))])
    return "; ".join([
        "default-src 'self'",
        "script-src " + " ".join(["'self'", *script_hashes(frame_html)]),
        "style-src 'self' 'unsafe-inline'",
        f"img-src {images}",
        "font-src 'self' data:",
        "connect-src 'self'",
        "object-src 'none'",
        "frame-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
    ])


def add_policy(page_html: str, image_hosts: frozenset[str] = frozenset(),
               content: str = "") -> str:
    """The page with its policy as the first element after ``<meta charset>``.

    Only the theme's scripts are hashed: ``content`` (the page's converted Markdown) is left
    out, so a script that got into it by any route is refused by the browser."""
    match = _CHARSET_RE.search(page_html)
    if match is None:
        return page_html
    frame = page_html.replace(content, "") if content else page_html
    meta = ('<meta http-equiv="Content-Security-Policy" content="'
            f'{policy(frame, image_hosts)}">')
    return page_html[: match.end()] + meta + page_html[match.end():]
