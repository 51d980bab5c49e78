"""Example passages inside files that are not examples themselves (``--sans-exemples``).

A whole example file says ``exemple: true``. A real file (a séance of the cycle, an
organiser page) may still hold a fictional detail: it lives in a block a reader sees as
an example, and a clean start removes it:

- a front-matter line ending with the comment ``# exemple`` (``lieu: Mirelbourg  # exemple``);
- a Material admonition of type ``example`` (``!!! example "Exemple fictif"``, or the
  foldable ``???`` forms) with its indented body.
"""

from __future__ import annotations

import re

_FIELD_RE = re.compile(r"^[^#\n]*#\s*exemple\s*$")
_BLOCK_RE = re.compile(r"^(?:!!!|\?\?\?\+?)\s+example\b")
_FRONT_MATTER = "---"


def without_example_passages(text: str) -> str:
    """``text`` with its example lines and blocks removed (unchanged when it has none)."""
    lines = text.split("\n")
    out: list[str] = []
    in_front = bool(lines) and lines[0].strip() == _FRONT_MATTER
    in_block = False
    for number, line in enumerate(lines):
        if in_front and number > 0 and line.strip() == _FRONT_MATTER:
            in_front = False
        elif in_front and _FIELD_RE.match(line):
            continue
        if in_block:
            if not line.strip() or line.startswith(("    ", "\t")):
                continue  # the block's body, and the blank lines inside or after it
            in_block = False
        if not in_front and _BLOCK_RE.match(line):
            in_block = True
            continue
        out.append(line)
    return "\n".join(out)
