"""Bounds on the Markdown that Python-Markdown is asked to convert, so builds take bounded
time (see docs/guides/securite.md).

Python-Markdown is quadratic in some constructs and recursive in others (measured on
this project's extensions: 30 KB of « [ » takes 81 s, 60 KB of « <a  » 18 s, 80 KB of
« [a]( » 62 s, 500 nested list levels raise RecursionError). The quadratic cases are
openers left unclosed: for each « [ », « < » or « ( » with no « ] », « > » or « ) » before
the next one, the parser scans to the end of the text. So the number of unclosed openers
times the length of the block (text between blank lines) is bounded, in one linear pass;
so is the nesting depth of lists and quotes. A body over a bound is refused by ``capi
check`` (E035) and never handed to Markdown by the build.

Closed links and tags cost nothing here: a table of hundreds of links, or pasted HTML,
stays far below the bounds.
"""

from __future__ import annotations

import re

from ..problems import Problems

# (number of unclosed « [ », « < » and « ( ») × (length) of one block of text
MAX_BLOCK_COST = 1_000_000
# and of all blocks together
MAX_BODY_COST = 3_000_000
# nested lists, quotes and indented blocks, counted from the start of a line
MAX_DEPTH = 16
# constructs that Python-Markdown handles in quadratic time or by recursion, counted per
# body (measured: 20,000 headings 29 s, 8,000 rules 6 s, 5,000 abbreviation definitions 15 s
# (each is a pattern run over the whole page), 600 nested markdown="1" blocks and 500
# definitions in a row a RecursionError); each limit is far above a real page
COUNTED = (
    (re.compile(r"^ {0,3}\*\[", re.MULTILINE), 100, "définitions d'abréviations « *[…]: »"),
    (re.compile(r"^ {0,3}#{1,6}(?:[ \t]|$)", re.MULTILINE), 500, "titres « # »"),
    (
        re.compile(r"^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$", re.MULTILINE),
        500,
        "lignes de séparation",
    ),
    (re.compile(r"\bmarkdown\s*=", re.IGNORECASE), 50, "blocs HTML avec markdown="),
    (re.compile(r"^ {0,3}:[ \t]", re.MULTILINE), 100, "définitions « : »"),
    # linear but slow in Python-Markdown (about 0.1 ms each): 60,000 links took 6 s
    (re.compile(r"\["), 5_000, "crochets « [ » (liens, références)"),
    (re.compile(r"<"), 10_000, "balises « < »"),
    # quadratic in Python-Markdown: 4,900 footnote calls took 36 s, 300,000 backslashes 15 s,
    # 200,000 line breaks (two trailing spaces) 119 s, 150,000 entities 47 s
    (re.compile(r"\[\^"), 300, "appels de note « [^ »"),
    (re.compile(r"\\"), 5_000, "barres obliques inverses « \\ »"),
    (re.compile(r"  \n"), 5_000, "retours à la ligne forcés (deux espaces en fin de ligne)"),
    (re.compile(r"&"), 10_000, "esperluettes « & »"),
)
# for each pattern above, a count of plain characters that no number of matches can exceed:
# a pattern anchored at every line start scans the whole text in Python's re, a count is
# much faster, and most pages are far below every limit
_MOST = (
    lambda body: body.count("*["),
    lambda body: body.count("#"),
    lambda body: (body.count("-") + body.count("*") + body.count("_")) // 3,
    lambda body: body.count("="),
    lambda body: body.count(":"),
    lambda body: body.count("["),
    lambda body: body.count("<"),
    lambda body: body.count("[^"),
    lambda body: body.count("\\"),
    lambda body: body.count("  \n"),
    lambda body: body.count("&"),
)
_BLANK_LINE_RE = re.compile(r"\n[ \t]*\n")
# runs of four backticks or more: ever longer runs never find their closing run (a table of
# inline code, runs of one, stays free)
_BACKTICKS_RE = re.compile(r"`{4,}")
# an opener with no closer before the next opener (linear: no nested quantifier)
_UNCLOSED_RES = (
    re.compile(r"\[[^\[\]]*(?=\[|\Z)"),
    re.compile(r"<[^<>]*(?=<|\Z)"),
    re.compile(r"\([^()]*(?=\(|\Z)"),
)
# the container markers at the start of a line: « > », « - », « * », « + », « 1. »
_PREFIX_RE = re.compile(r"(?:[ \t]*(?:>|[-*+](?=[ \t])|\d{1,9}[.)](?=[ \t])))*[ \t]*")
_MARKER_RE = re.compile(r">|[-*+]|\d{1,9}[.)]")


def check(body: str, body_line: int, path: str, problems: Problems) -> bool:
    """Report the first construct over a bound; True when the body may be converted."""
    for (pattern, limit, label), most in zip(COUNTED, _MOST, strict=True):
        # no count exceeds the body's length: a body shorter than the limit is not counted
        found = pattern.findall(body) if len(body) > limit and most(body) > limit else ()
        if len(found) > limit:
            extra = list(pattern.finditer(body))[limit]
            problems.add(
                path,
                body_line + body.count("\n", 0, extra.start()),
                "E035",
                what=f"{len(found)} {label}",
                remedy=f"au plus {limit} par page",
            )
            return False
    # each block costs at most (all openers of the body) × (length of the body): under the
    # block bound, no block nor their sum can be over, and only the depth is left to check
    openers = sum(body.count(c) for c in "[<(`")
    if openers * len(body) <= MAX_BLOCK_COST:
        deep = _too_deep(body)
        if deep is not None:
            _too_deep_problem(path, body_line + deep, problems)
        return deep is None
    line, start, total = body_line, 0, 0
    while start <= len(body):
        separator = _BLANK_LINE_RE.search(body, start)
        end = separator.start() if separator else len(body)
        block = body[start:end]
        opening = (
            sum(len(pattern.findall(block)) for pattern in _UNCLOSED_RES)
            if ("[" in block or "<" in block or "(" in block)
            else 0
        )
        if "`" in block:  # code spans of ever longer backtick runs: 885 KB took 29 s
            opening += len(_BACKTICKS_RE.findall(block))
        total += opening * len(block)
        if opening * len(block) > MAX_BLOCK_COST or total > MAX_BODY_COST:
            first = line + len(block) - len(block.lstrip("\n"))  # its first written line
            problems.add(
                path,
                first,
                "E035",
                what=f"{opening} ouvertures (« [ », « < » ou « ( » jamais refermés, suites de "
                f"« ` ») dans un bloc de {len(block)} caractères",
                remedy="refermez-les, ou séparez les paragraphes par des lignes vides",
            )
            return False
        deep = _too_deep(block)
        if deep is not None:
            _too_deep_problem(path, line + deep, problems)
            return False
        if separator is None:
            break
        line += block.count("\n") + separator.group(0).count("\n")
        start = separator.end()
    return True


def _too_deep_problem(path: str, line: int, problems: Problems) -> None:
    problems.add(
        path,
        line,
        "E035",
        what=f"listes, citations ou retraits imbriqués sur plus de {MAX_DEPTH} niveaux",
        remedy="réduisez l'imbrication",
    )


# each level takes at least one character of a line's prefix (a marker, a tab or 4 spaces):
# a line without MAX_DEPTH + 1 prefix characters cannot be too deep, and one search of the
# block rules most blocks out without a Python loop over their lines (after a « \n »,
# not at « ^ »: re jumps from one « \n » to the next, but tries « ^ » at every character)
_MAYBE_DEEP_RE = re.compile(rf"\n[ \t>*+\-\d.)]{{{MAX_DEPTH + 1}}}")


def _too_deep(block: str) -> int | None:
    """Index of the first line of ``block`` nested deeper than allowed, if any."""
    if _MAYBE_DEEP_RE.search("\n" + block) is None:
        return None
    for index, text in enumerate(block.split("\n")):
        if len(text) < 2 * MAX_DEPTH:
            continue  # too short to hold that many levels
        prefix = _PREFIX_RE.match(text).group(0)
        spaces = prefix.count(" ") + 4 * prefix.count("\t")
        if len(_MARKER_RE.findall(prefix)) + spaces // 4 > MAX_DEPTH:
            return index
    return None
