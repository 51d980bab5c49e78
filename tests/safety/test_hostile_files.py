"""Any byte sequence as a content file gives French problems or a valid entry, never a crash."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from macros.content.corpus import load_entry
from macros.content.frontmatter import MAX_NODES, parse
from macros.content.locate import Located
from macros.content.vocabulary import load_vocabularies
from macros.messages import render_message
from macros.problems import Problems
from tests.conftest import ROOT

HOSTILE_DIR = Path(__file__).parent / "hostile"
HOSTILE = sorted(HOSTILE_DIR.iterdir())
REAL = sorted(ROOT.glob("sessions/*/*.md")) + sorted(ROOT.glob("territories/*/*.md"))
VOCABULARIES = load_vocabularies(ROOT, Problems())


def _load(raw: bytes, tmp: Path, name: str = "x.md"):
    folder = tmp / "sessions" / "01-essai"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_bytes(raw)
    located = Located(
        f"sessions/01-essai/{name}", "intervention", name[:-3], f"seances/01-essai/{name}"
    )
    problems = Problems()
    entry, _refs = load_entry(tmp, located, VOCABULARIES, problems)
    return entry, problems


# file -> the (line, code) of each problem it must give, in order
EXPECTED = {
    "billion-laughs.md": [(2, "E008")],  # refused by the node budget, not expanded
    "complex-key.md": [(2, "E009")],
    "deep-nesting.md": [(2, "E005")],  # refused by the nesting bound, not parsed to the end
    "duplicate.md": [(3, "E007")],
    "empty-header.md": [(1, "E011"), (1, "E011")],
    "empty.md": [(1, "E002")],
    "html.md": [(1, "E011"), (4, "E029"), (5, "E029"), (6, "E029"), (7, "E029")],
    "latin1.md": [(2, "E001")],
    "list.md": [(2, "E006")],
    "merge-key.md": [(3, "E009")],
    "nul.md": [(4, "E001")],
    "python-tag.md": [(2, "E009")],
    "tab.md": [(2, "E004")],
    "unclosed.md": [(2, "E003")],
    "utf16.md": [(1, "E001")],
}


def test_every_hostile_file_has_its_expected_problems():
    assert sorted(EXPECTED) == [path.name for path in HOSTILE]


@pytest.mark.parametrize("path", HOSTILE, ids=lambda p: p.name)
def test_hostile_file_gives_a_located_french_problem(path, tmp_path):
    _, problems = _load(path.read_bytes(), tmp_path)
    assert [(p.line, p.code) for p in problems] == EXPECTED[path.name]
    for problem in problems:
        assert problem.path == "sessions/01-essai/x.md" and problem.message
    assert not Path("/tmp/capi-pwned").exists()


def test_alias_bomb_stops_at_the_node_budget(tmp_path):
    """What bounds the work on a bomb is the budget the message names, not a clock."""
    _, problems = _load((HOSTILE_DIR / "billion-laughs.md").read_bytes(), tmp_path)
    assert [(p.line, p.code) for p in problems] == [(2, "E008")]
    assert problems[0].message == render_message("E008", limit=MAX_NODES)
    assert str(MAX_NODES) in problems[0].message


def test_deep_nesting_stops_at_the_nesting_bound(tmp_path):
    _, problems = _load((HOSTILE_DIR / "deep-nesting.md").read_bytes(), tmp_path)
    assert "trop de niveaux imbriqués" in problems[0].message


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=2000))
def test_random_bytes_never_crash_the_parser(raw):
    parsed, problems = parse(raw, "x.md")
    assert (parsed is None) == bool(problems)
    for problem in problems:
        assert problem.line >= 1 and problem.message


@settings(
    max_examples=200,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(data=st.data())
def test_mutated_real_files_never_crash_the_loader(data, tmp_path):
    source = data.draw(st.sampled_from(REAL)).read_bytes()
    position = data.draw(st.integers(0, max(len(source) - 1, 0)))
    insert = data.draw(st.binary(min_size=0, max_size=12))
    cut = data.draw(st.integers(0, 20))
    mutated = source[:position] + insert + source[position + cut :]
    entry, problems = _load(mutated, tmp_path)
    assert entry is not None or problems
