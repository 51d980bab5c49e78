"""``[[kind:slug|label]]`` references written in page bodies.

Found outside code (fenced blocks and inline code are left alone, so the
guides can show the syntax), with the file line of each, and replaced by
Markdown links once the graph knows their targets.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from .prose import line_at, mask_code

# linear: the inside of « [[…]] » is one bounded run without brackets, split afterwards
# (an earlier pattern with overlapping \s* took 77 s on « [[a: » and 2,000 spaces); a
# single line break is allowed inside, since editors wrap long lines
REF_RE = re.compile(r"\[\[((?:[^\[\]\n]|\n(?![ \t]*\n)){1,400})\]\]")
INSIDE_RE = re.compile(r"\s*([A-Za-z-]+)\s*:([^|]*)(?:\|(.*))?", re.DOTALL)
# « [[pratique:fablab] » or « [[pratique:fablab »: an opening that no « ]] » closes
UNCLOSED_RE = re.compile(r"\[\[\s*[A-Za-z-]+\s*:[^\[\]\n]{0,80}\]?")
_SPACES_RE = re.compile(r"\s+")
_NOT_NEWLINE_RE = re.compile(r"[^\n]")


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
    return _found(prose, REF_RE.finditer(prose), body_line)


def find_with_unclosed(body: str, body_line: int) -> tuple[list[TextRef], list[tuple[int, str]]]:
    """``find``, and (line, text) of each « [[type:… » that no « ]] » closes, in one reading."""
    if "[[" not in body:
        return [], []
    prose = mask_code(body)
    matches = list(REF_RE.finditer(prose))
    # a reference holds no other « [ »: when the « [[ » are as many as the references (none
    # overlapping another, as in « [[[ »), each opens one, and none is left open
    unclosed = []
    if "[[[" in prose or prose.count("[[") != len(matches):
        blanked = REF_RE.sub(lambda m: _NOT_NEWLINE_RE.sub(" ", m.group(0)), prose)
        unclosed = [
            (line_at(blanked, m.start(), body_line), m.group(0).strip()[:40])
            for m in UNCLOSED_RE.finditer(blanked)
        ]
    return _found(prose, matches, body_line), unclosed


def _found(prose: str, matches: Iterable[re.Match[str]], body_line: int) -> list[TextRef]:
    found = []
    for m in matches:
        ref = _parse(m, prose, body_line)
        if ref is not None:
            found.append(ref)
    return found


def _parse(match: re.Match[str], prose: str, body_line: int) -> TextRef | None:
    """The reference in a « [[…]] »; kind "" when the type is missing (« [[fablab]] »)."""
    line = line_at(prose, match.start(), body_line)
    inside = INSIDE_RE.fullmatch(match.group(1))
    if inside is None:
        text = _SPACES_RE.sub(" ", match.group(1)).strip()
        if not re.fullmatch(r"[\w -]*[^\W\d_][\w -]*", text):
            return None  # not meant as a reference (« [[1]] », a checkbox…)
        return TextRef("", text, None, line)
    slug = _SPACES_RE.sub(" ", inside.group(2)).strip()
    if not slug:
        return None
    label = _SPACES_RE.sub(" ", inside.group(3)).strip() if inside.group(3) is not None else ""
    # identifiers are lower case: « [[pratique:Fablab]] » means fablab, as the kind's case does
    return TextRef(inside.group(1).lower(), slug.lower(), label or None, line)


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
        out.append(body[last : m.start()])
        out.append(render(ref))
        last = m.end()
    out.append(body[last:])
    return "".join(out)
