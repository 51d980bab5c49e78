"""Bounds on the Markdown that Python-Markdown is asked to convert (DESIGN §6: bounded time).

Python-Markdown is quadratic in some constructs and recursive in others (measured on
this project's extensions: 30 KB of « [ » takes 81 s, 60 KB of « <a  » 18 s, 500 nested
list levels raise RecursionError). Its cost for brackets and tags grows with *how many*
open in a block times *how long* the block is, so that product is bounded per block of
text (between blank lines), in one linear pass; so is the nesting depth of lists and
quotes. A body over a bound is refused by ``capi check`` (E035) and never handed to
Markdown by the build.

The bounds leave a wide margin over real pages: the example reports use under 2 % of them.
"""

from __future__ import annotations

import re

from .problems import Problems

# (number of « [ » and « < ») × (length) of one block of text
MAX_BLOCK_COST = 1_000_000
# and of all blocks together
MAX_BODY_COST = 3_000_000
# nested lists, quotes and indented blocks, counted from the start of a line
MAX_DEPTH = 16
_BLANK_LINE_RE = re.compile(r"\n[ \t]*\n")
# the container markers at the start of a line: « > », « - », « * », « + », « 1. »
_PREFIX_RE = re.compile(r"(?:[ \t]*(?:>|[-*+](?=[ \t])|\d{1,9}[.)](?=[ \t])))*[ \t]*")
_MARKER_RE = re.compile(r">|[-*+]|\d{1,9}[.)]")


def check(body: str, body_line: int, path: str, problems: Problems) -> bool:
    """Report the first construct over a bound; True when the body may be converted."""
    line, start, total = body_line, 0, 0
    while start <= len(body):
        separator = _BLANK_LINE_RE.search(body, start)
        end = separator.start() if separator else len(body)
        block = body[start:end]
        opening = block.count("[") + block.count("<")
        total += opening * len(block)
        if opening * len(block) > MAX_BLOCK_COST or total > MAX_BODY_COST:
            first = line + len(block) - len(block.lstrip("\n"))  # its first written line
            problems.add(path, first, "E035", what=f"bloc de {len(block)} caractères "
                         f"contenant {opening} « [ » ou « < »",
                         remedy="découpez-le en paragraphes séparés par des lignes vides")
            return False
        deep = _too_deep(block)
        if deep is not None:
            problems.add(path, line + deep, "E035",
                         what="listes, citations ou retraits imbriqués sur plus de "
                              f"{MAX_DEPTH} niveaux", remedy="réduisez l'imbrication")
            return False
        if separator is None:
            break
        line += block.count("\n") + separator.group(0).count("\n")
        start = separator.end()
    return True


def _too_deep(block: str) -> int | None:
    """Index of the first line of ``block`` nested deeper than allowed, if any."""
    for index, text in enumerate(block.split("\n")):
        if len(text) < 2 * MAX_DEPTH:
            continue  # too short to hold that many levels
        prefix = _PREFIX_RE.match(text).group(0)
        spaces = prefix.count(" ") + 4 * prefix.count("\t")
        if len(_MARKER_RE.findall(prefix)) + spaces // 4 > MAX_DEPTH:
            return index
    return None
