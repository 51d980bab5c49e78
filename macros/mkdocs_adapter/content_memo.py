"""The preview's memory of filtered pages and of their search-index parts.

While serving, every save rebuilds the site: filtering each page's HTML (nh3) and indexing
it for search are pure functions of the page's HTML and facts, so a page whose HTML did not
change reuses what the previous build computed. Only the last build's results are kept.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable

from ..outputs.search_index import SearchIndex
from .forked_search import PagePart, PageSearch, merge


def _digest(*parts: object) -> str:
    return hashlib.sha256(repr(parts).encode()).hexdigest()


class ContentMemo:
    def __init__(self) -> None:
        self.cleaned: dict[str, str] = {}
        self.indexed: dict[str, PagePart] = {}
        self._cleaned: dict[str, str] = {}
        self._indexed: dict[str, PagePart] = {}

    def start_build(self) -> None:
        """Keep what the last build used; forget the rest."""
        if self._cleaned or self._indexed:
            self.cleaned, self.indexed = self._cleaned, self._indexed
        self._cleaned, self._indexed = {}, {}

    def clean(self, html: str, hosts: frozenset[str], clean: Callable[..., str]) -> str:
        key = _digest(html, sorted(hosts))
        found = self.cleaned.get(key)
        if found is None:
            found = clean(html, hosts)
        self._cleaned[key] = found
        return found

    def index(self, index: SearchIndex | PageSearch, *args) -> PagePart:
        """``index.add(*args)``, or the same part computed by the previous build; returns
        the page's part."""
        key = _digest(*args)
        part = self.indexed.get(key)
        if part is None:
            one = PageSearch()
            one.add(*args)
            part = one.take()
        self._indexed[key] = part
        merge(index, part)  # type: ignore[arg-type]
        return part
