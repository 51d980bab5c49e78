"""The per-file checks' shortcuts never hide what the full reading finds: the bounds' (a
search that rules out deep nesting, no count of a body shorter than a limit), the phone
numbers' (a faster pattern for a text without « +33 ») and the unclosed references' (none
looked for when every « [[ » opens a reference)."""

from __future__ import annotations

import functools
import re

from hypothesis import example, given, settings
from hypothesis import strategies as st

from macros.content import bounds, html_policy, references
from macros.content.prose import line_at, mask_code
from macros.problems import Problems

# what a line's prefix is made of, and what ends it
PIECES = st.sampled_from([" ", "  ", "    ", "\t", ">", "> ", "- ", "* ", "+ ", "1. ", "١) ", "x"])
LINES = st.lists(PIECES, max_size=40).map(lambda pieces: "".join(pieces) + "texte " * 6)


def _depth_by_line(block: str) -> int | None:
    """The reading without shortcut: the first line whose prefix is over the bound."""
    for index, text in enumerate(block.split("\n")):
        prefix = bounds._PREFIX_RE.match(text).group(0)
        spaces = prefix.count(" ") + 4 * prefix.count("\t")
        if len(bounds._MARKER_RE.findall(prefix)) + spaces // 4 > bounds.MAX_DEPTH:
            return index
    return None


@settings(max_examples=400, deadline=None)
@given(st.lists(LINES, min_size=1, max_size=6))
def test_the_deep_line_is_found_as_line_by_line(lines):
    block = "\n".join(lines)
    assert bounds._too_deep(block) == _depth_by_line(block)


def test_a_deep_first_line_and_deep_tabs_are_found():
    text = "texte " * 6  # a line shorter than 2 × MAX_DEPTH is not read
    for deep in ("\t" * 17, ">" * 17, "١) " * 17, "    " * 17):
        assert bounds._too_deep(deep + text) == 0
        assert bounds._too_deep("texte\n" + deep + text) == 1
    assert bounds._too_deep("\t" * 16 + "texte " * 6) is None


def test_a_body_over_a_count_limit_is_refused():
    problems = Problems()
    assert not bounds.check("# titre\n" * 501, 5, "p.md", problems)
    assert [(p.line, p.code) for p in problems] == [(505, "E035")]
    assert bounds.check("# titre\n" * 500, 5, "p.md", Problems())
    # a body just over a limit: as long as the count, which only then can exceed it
    problems = Problems()
    assert not bounds.check("&" * 10_001, 1, "p.md", problems)
    assert "10001 esperluettes" in problems[0].message
    assert bounds.check("&" * 10_000, 1, "p.md", Problems())


PHONE_PIECES = st.sampled_from(
    ["0", "6", "12", " ", ".", "-", "+33", "+33 6 12 34 56 78", "a", "\n", "06 12 34 56 78"]
)


@settings(max_examples=400, deadline=None)
@given(st.lists(PHONE_PIECES, max_size=30).map("".join))
@example("tél. +33612345678 ou 06 12 34 56 78, fax 0123456789")
def test_phone_numbers_are_found_as_by_the_full_pattern(text):
    problems, expected = Problems(), Problems()
    html_policy._check_personal_data(text, 1, "p.md", problems)
    for m in html_policy.PHONE_IN_TEXT_RE.finditer(text):
        before, after = text[m.start() - 1 : m.start()] or " ", text[m.end() : m.end() + 1]
        if not (before.isalnum() or before in "_+") and not after.isdigit():
            expected.add("p.md", 1 + text.count("\n", 0, m.start()), "E043", value=m.group(0))
    assert list(problems) == list(expected)


REF_PIECES = st.sampled_from(["[[", "[", "]]", "]", "pratique:", "fablab", " ", "\n", "`", "|x"])


@settings(max_examples=600, deadline=None)
@given(st.lists(REF_PIECES, max_size=25).map("".join))
@example("[[pratique:a]] [[seance:1 puis [[[pratique:b]] et [[[[x:y]]pratique:z")
def test_unclosed_references_are_found_as_by_blanking_the_closed_ones(text):
    blank = functools.partial(re.compile(r"[^\n]").sub, " ")  # line breaks kept
    blanked = references.REF_RE.sub(lambda m: blank(m.group(0)), mask_code(text))
    expected = [
        (line_at(blanked, m.start(), 3), m.group(0).strip()[:40])
        for m in references.UNCLOSED_RE.finditer(blanked)
    ]
    found, unclosed = references.find_with_unclosed(text, 3)
    assert unclosed == expected
    assert found == references.find(text, 3)
