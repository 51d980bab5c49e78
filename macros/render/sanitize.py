"""The last word on what a page built from contributed content may carry (docs/guides/securite.md).

Every page's HTML passes, after Markdown conversion, through nh3 (Rust's ammonia, an
HTML5 parser, so it reads markup as browsers do) with an allow-list: the tags and
attributes that Markdown, the theme and the engine produce, and only http, https,
mailto, tel and relative URLs. ``html_policy`` reports the same rules at check time,
with the line; this module is what guarantees them, whatever the source looked like.

The engine's SVG charts are not contributed HTML: they are held out of the page as an
unguessable placeholder and put back after sanitising (``TRUSTED``).
"""

from __future__ import annotations

import re
import secrets
from itertools import count

import nh3

from ..content.html_policy import (
    ALLOWED_ATTRIBUTES,
    ALLOWED_STYLE_PROPERTIES,
    ALLOWED_TAGS,
    URL_ATTRIBUTES,
    allowed_attribute_name,
    allowed_image,
    is_external,
    is_safe_id,
    theme_classes,
)

URL_SCHEMES = {"http", "https", "mailto", "tel"}
ATTRIBUTES = {
    "*": set(ALLOWED_ATTRIBUTES - URL_ATTRIBUTES),
    "a": {"href"},
    "img": {"src"},
    "q": {"cite"},
    "blockquote": {"cite"},
    "del": {"cite"},
    "ins": {"cite"},
}


def clean(html: str, image_hosts: frozenset[str] = frozenset()) -> str:
    """``html`` with everything outside the allow-list removed (text is kept)."""

    def attribute(tag: str, name: str, value: str) -> str | None:
        if not allowed_attribute_name(name):
            return None
        if name == "class":
            kept = [c for c in value.split() if c not in theme_classes(value)]
            return " ".join(kept) or None
        if name == "id" and not is_safe_id(value):
            return None  # no theme element (#__config…) shadowed, no quote into the contents
        if (
            tag == "img"
            and name == "src"
            and is_external(value)
            and not allowed_image(value, image_hosts)
        ):
            return None
        return value

    return nh3.clean(
        html,
        tags=set(ALLOWED_TAGS),
        clean_content_tags={"script", "style"},
        attributes=ATTRIBUTES,
        attribute_filter=attribute,
        generic_attribute_prefixes={"aria-"},
        url_schemes=URL_SCHEMES,
        filter_style_properties=ALLOWED_STYLE_PROPERTIES,
        link_rel=None,
        strip_comments=True,
    )


class TrustedFragments:
    """Engine-made markup (SVG charts) kept out of sanitising.

    ``hold`` returns a placeholder made of letters and digits (it survives Markdown, Jinja
    and nh3 unchanged); ``release`` puts the fragments back. The placeholder carries a
    random key drawn per process, so contributed text cannot forge one.

    A ``block`` (html_blocks.py) stands alone in the Markdown, which wraps its placeholder
    in a paragraph: the paragraph goes with it.
    """

    def __init__(self) -> None:
        self.key = secrets.token_hex(8)
        self.held: dict[str, str] = {}
        self.blocks: set[str] = set()
        self._ids = count(1)
        self._pattern = re.compile(rf"(<p>)?(capitrusted{self.key}n\d+)(</p>)?")

    def hold(self, fragment: str, block: bool = False) -> str:
        token = f"capitrusted{self.key}n{next(self._ids)}"
        self.held[token] = fragment
        if block:
            self.blocks.add(token)
        return token

    def release(self, html: str) -> str:
        if "capitrusted" not in html:
            return html
        return self._pattern.sub(self._fragment, html)

    def _fragment(self, match: re.Match) -> str:
        opening, token, closing = match.groups()
        fragment = self.held.pop(token, "")
        if token in self.blocks and opening and closing:
            self.blocks.discard(token)
            return fragment
        return (opening or "") + fragment + (closing or "")

    def expanded(self, text: str) -> str:
        """``text`` with the fragments it holds written out (they stay held): what a page
        shows, whatever placeholders this build drew."""
        if "capitrusted" not in text:
            return text
        return self._pattern.sub(
            lambda m: (m.group(1) or "") + self.held.get(m.group(2), "") + (m.group(3) or ""),
            text,
        )

    def held_size(self, text: str) -> int:
        """Characters of the fragments ``text`` holds."""
        if "capitrusted" not in text:
            return 0
        return sum(len(self.held.get(m.group(2), "")) for m in self._pattern.finditer(text))

    def clear(self) -> None:
        self.held.clear()
        self.blocks.clear()


TRUSTED = TrustedFragments()
