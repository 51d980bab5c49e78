"""``capi liens``: the external links of the content, and (with network) whether they answer.

Internal links and anchors are checked by every strict build (MkDocs validation);
external ones need the network, so organisers run this command when they have it.
It is never run by the tests, which work offline.
"""

from __future__ import annotations

import re
import urllib.error
import urllib.request
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from ..content.corpus import load_corpus
from ..content.prose import line_at, mask_code
from ..messages import say

URL_RE = re.compile(r"https?://[^\s<>\"')\]]+")
TIMEOUT = 10


@dataclass(frozen=True)
class ExternalLink:
    path: str
    line: int
    url: str


def external_links(root: Path) -> list[ExternalLink]:
    """Every http(s) address written in a content file (text and front matter)."""
    corpus = load_corpus(root)
    found: list[ExternalLink] = []
    for entry in corpus.entries:
        prose = mask_code(entry.body)
        for m in URL_RE.finditer(prose):
            found.append(
                ExternalLink(
                    entry.path,
                    line_at(prose, m.start(), entry.body_line),
                    m.group(0).rstrip(".,;:"),
                )
            )
        for keypath, value in _strings(entry.meta, ()):
            if value.startswith(("http://", "https://")):
                found.append(ExternalLink(entry.path, entry.line(*keypath), value))
    return sorted(set(found), key=lambda link: (link.path, link.line, link.url))


def _strings(value: object, keypath: tuple) -> Iterator[tuple[tuple, str]]:
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(item, keypath + (key,))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _strings(item, keypath + (index,))
    elif isinstance(value, str):
        yield keypath, value


def status_of(url: str) -> str:
    """A short French verdict for one address (HEAD, then GET when HEAD is refused)."""
    headers = {"User-Agent": "capi-liens (verification des liens d'une base de connaissances)"}
    for method in ("HEAD", "GET"):
        request = urllib.request.Request(url, method=method, headers=headers)
        try:
            with urllib.request.urlopen(request, timeout=TIMEOUT) as response:
                return f"ok ({response.status})"
        except urllib.error.HTTPError as exc:
            if method == "HEAD" and exc.code in (403, 405, 501):
                continue
            return say("links.http_error", status=exc.code)
        except (urllib.error.URLError, TimeoutError, OSError) as exc:
            return say("links.unreachable_because", reason=getattr(exc, "reason", exc))
    return say("links.unreachable")


def report(links: list[ExternalLink], check: bool) -> tuple[str, int]:
    """The report text and the number of broken links (0 when not checked)."""
    statuses: dict[str, str] = {}
    if check:
        urls = sorted({link.url for link in links})
        with ThreadPoolExecutor(max_workers=8) as pool:
            statuses = dict(zip(urls, pool.map(status_of, urls), strict=True))
    lines, broken = [], 0
    for link in links:
        verdict = statuses.get(link.url)
        if verdict is not None and not verdict.startswith("ok"):
            broken += 1
        lines.append(f"{link.path}:{link.line}: {link.url}" + (f" — {verdict}" if verdict else ""))
    return "\n".join(lines), broken
