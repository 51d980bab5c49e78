"""``[[kind:slug|label]]`` references written in page bodies.

Found outside code (fenced blocks and inline code are left alone, so the
guides can show the syntax), with the file line of each, and replaced by
Markdown links once the graph knows their targets.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from .prose import line_at, mask_code

REF_RE = re.compile(r"\[\[\s*([a-z-]+)\s*:\s*([^\]|\n]+?)\s*(?:\|\s*([^\]\n]+?)\s*)?\]\]")


@dataclass(frozen=True)
class TextRef:
    kind: str
    slug: str
    label: str | None
    line: int


def find(body: str, body_line: int) -> list[TextRef]:
    """Every reference of the body outside code, with its line number in the file."""
    if "[[" not in body:
        return []
    prose = mask_code(body)
    return [TextRef(m.group(1), m.group(2), m.group(3), line_at(prose, m.start(), body_line))
            for m in REF_RE.finditer(prose)]


def replace(body: str, render: Callable[[TextRef], str], body_line: int = 1) -> str:
    """The body with every reference outside code replaced by ``render(ref)``."""
    if "[[" not in body:
        return body
    prose = mask_code(body)  # same positions as body: matches there are spans of body
    out, last = [], 0
    for m in REF_RE.finditer(prose):
        out.append(body[last:m.start()])
        out.append(render(TextRef(m.group(1), m.group(2), m.group(3),
                                  line_at(prose, m.start(), body_line))))
        last = m.end()
    out.append(body[last:])
    return "".join(out)
