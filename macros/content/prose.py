"""The prose of a Markdown body: code blanked out, so scanners never look inside code.

Guides show ``[[pratique:…]]`` or ``<script>`` inside code; those are examples,
not references or HTML. Blanking keeps every character's position (and so its
line), and bodies without code, the common case, are returned as they are.
"""

from __future__ import annotations

import re

FENCE_RE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
CODE_SPAN_RE = re.compile(r"(`+)(?:.+?)\1")


def mask_code(body: str) -> str:
    """``body`` with fenced blocks and code spans replaced by spaces (newlines kept)."""
    if "`" not in body and "~~~" not in body:
        return body
    out: list[str] = []
    fence: str | None = None  # the opening fence; CommonMark closes it with one as long or longer
    for line in body.split("\n"):
        match = FENCE_RE.match(line)
        if fence is not None:
            if (
                match
                and match.group(1)[0] == fence[0]
                and len(match.group(1)) >= len(fence)
                and not line.strip().strip(fence[0])
            ):
                fence = None
            out.append(" " * len(line))
        elif match:
            fence = match.group(1)
            out.append(" " * len(line))
        else:
            out.append(CODE_SPAN_RE.sub(lambda m: " " * len(m.group(0)), line))
    return "\n".join(out)


def line_at(text: str, position: int, first_line: int) -> int:
    """File line of ``position`` in a body whose first line is ``first_line``."""
    return first_line + text.count("\n", 0, position)
