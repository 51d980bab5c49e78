"""A Content-Security-Policy for every built page, as a ``<meta>`` element
(see docs/guides/securite.md).

Static hosting (GitHub Pages, a USB key) cannot send headers, so the policy goes in the
page itself, right after ``<meta charset>``, before any script. Scripts run only from the
site's own files and from the theme's inline scripts, each allowed by the SHA-256 of its
exact text computed here at build time: no ``'unsafe-inline'`` for scripts. Which inline
scripts are the theme's is learnt from a page without content (404.html): a script of a
page is hashed only if, its relative base URL aside, it is one of those; so markup that
slipped past every other defence, anywhere in the page, still cannot run. Nothing is loaded
from another host, except images from the hosts organisers list in ``vocabulaires.yml``
(``hotes_images``).

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
    r"(.*?)</script>",
    re.DOTALL | re.IGNORECASE,
)
_CHARSET_RE = re.compile(r"<meta charset=[^>]*>", re.IGNORECASE)


# the one part of the theme's scripts that differs between pages: the site's base URL,
# relative on pages (« ../.. »), the absolute path of ``site_url`` on 404.html (MkDocs makes
# that page's links absolute, since it is served at any depth)
_BASE_RE = re.compile(r'new URL\("(?:[./]*|/[A-Za-z0-9._~%/-]*)",location\)')


def _normalised(script: str) -> str:
    return _BASE_RE.sub('new URL("",location)', script)


def inline_scripts(page_html: str) -> set[str]:
    """The page's inline scripts, normalised (to learn the theme's own from a static page)."""
    return {_normalised(m.group(1)) for m in _INLINE_SCRIPT_RE.finditer(page_html)}


def script_hashes(page_html: str, trusted: set[str]) -> list[str]:
    """``'sha256-…'`` sources for the page's inline scripts that are the theme's, in order."""
    hashes: list[str] = []
    for match in _INLINE_SCRIPT_RE.finditer(page_html):
        if _normalised(match.group(1)) not in trusted:
            continue
        digest = hashlib.sha256(match.group(1).encode("utf-8")).digest()
        source = f"'sha256-{base64.b64encode(digest).decode()}'"
        if source not in hashes:
            hashes.append(source)
    return hashes


def policy(page_html: str, image_hosts: frozenset[str], trusted: set[str]) -> str:
    images = " ".join(["'self'", "data:", *(f"https://{host}" for host in sorted(image_hosts))])
    return "; ".join(
        [
            "default-src 'self'",
            "script-src " + " ".join(["'self'", *script_hashes(page_html, trusted)]),
            "style-src 'self' 'unsafe-inline'",
            f"img-src {images}",
            "font-src 'self' data:",
            "connect-src 'self'",
            "object-src 'none'",
            "frame-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
        ]
    )


def add_policy(page_html: str, image_hosts: frozenset[str], trusted: set[str]) -> str:
    """The page with its policy as the first element after ``<meta charset>``."""
    match = _CHARSET_RE.search(page_html)
    if match is None:
        return page_html
    meta = (
        '<meta http-equiv="Content-Security-Policy" content="'
        f'{policy(page_html, image_hosts, trusted)}">'
    )
    return page_html[: match.end()] + meta + page_html[match.end() :]
