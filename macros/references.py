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

# linear: the inside of « [[…]] » is one bounded run without brackets, split afterwards
# (an earlier pattern with overlapping \s* took 77 s on « [[a: » and 2,000 spaces)
REF_RE = re.compile(r"\[\[([^\[\]\n]{1,400})\]\]")
INSIDE_RE = re.compile(r"\s*([a-z-]+)\s*:([^|]*)(?:\|(.*))?", re.DOTALL)


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
    found = []
    for m in REF_RE.finditer(prose):
        ref = _parse(m, prose, body_line)
        if ref is not None:
            found.append(ref)
    return found


def _parse(match: re.Match[str], prose: str, body_line: int) -> TextRef | None:
    inside = INSIDE_RE.fullmatch(match.group(1))
    if inside is None or not inside.group(2).strip():
        return None
    label = inside.group(3).strip() if inside.group(3) is not None else None
    return TextRef(inside.group(1), inside.group(2).strip(), label or None,
                   line_at(prose, match.start(), body_line))


def replace(body: str, render: Callable[[TextRef], str], body_line: int = 1) -> str:
    """The body with every reference outside code replaced by ``render(ref)``."""
    if "[[" not in body:
        return body
    prose = mask_code(body)  # same positions as body: matches there are spans of body
    out, last = [], 0
    for m in REF_RE.finditer(prose):
        ref = _parse(m, prose, body_line)
        if ref is None:
            continue
        out.append(body[last:m.start()])
        out.append(render(ref))
        last = m.end()
    out.append(body[last:])
    return "".join(out)
