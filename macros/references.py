"""``[[kind:slug|label]]`` references written in page bodies.

Found outside code (fenced blocks and inline code are left alone, so the
guides can show the syntax), with the file line of each, and replaced by
Markdown links once the graph knows their targets.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

REF_RE = re.compile(r"\[\[\s*([a-z-]+)\s*:\s*([^\]|\n]+?)\s*(?:\|\s*([^\]\n]+?)\s*)?\]\]")
FENCE_RE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
CODE_SPAN_RE = re.compile(r"(`+)(?:.+?)\1")


@dataclass(frozen=True)
class TextRef:
    kind: str
    slug: str
    label: str | None
    line: int


def _segments(body: str) -> Iterator[tuple[int, str, bool]]:
    """(line index, text, is_code) pieces of the body, line by line."""
    fence: str | None = None  # the opening fence; CommonMark closes it with one as long or longer
    for index, line in enumerate(body.split("\n")):
        match = FENCE_RE.match(line)
        if fence is not None:
            if match and match.group(1)[0] == fence[0] and len(match.group(1)) >= len(fence) \
                    and not line.strip().strip(fence[0]):
                fence = None
            yield index, line, True
            continue
        if match:
            fence = match.group(1)
            yield index, line, True
            continue
        last = 0
        for span in CODE_SPAN_RE.finditer(line):
            yield index, line[last : span.start()], False
            yield index, span.group(0), True
            last = span.end()
        yield index, line[last:], False


def find(body: str, body_line: int) -> list[TextRef]:
    """Every reference of the body, with its line number in the file."""
    if "[[" not in body:
        return []
    found = []
    for index, text, is_code in _segments(body):
        if is_code or "[[" not in text:
            continue
        for m in REF_RE.finditer(text):
            found.append(TextRef(m.group(1), m.group(2), m.group(3), body_line + index))
    return found


def replace(body: str, render: Callable[[TextRef], str], body_line: int = 1) -> str:
    """The body with every reference outside code replaced by ``render(ref)``."""
    if "[[" not in body:
        return body
    lines: list[list[str]] = []
    current = -1
    for index, text, is_code in _segments(body):
        if index != current:
            lines.append([])
            current = index
        if is_code or "[[" not in text:
            lines[-1].append(text)
        else:
            lines[-1].append(REF_RE.sub(
                lambda m: render(TextRef(m.group(1), m.group(2), m.group(3), body_line + index)),
                text))
    return "\n".join("".join(parts) for parts in lines)
