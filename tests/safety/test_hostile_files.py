"""Any byte sequence as a content file gives French problems or a valid entry, never a crash."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from macros.content.corpus import load_entry
from macros.content.frontmatter import parse
from macros.content.locate import Located
from macros.content.vocabulary import load_vocabularies
from macros.problems import Problems
from tests.conftest import ROOT

HOSTILE = sorted((Path(__file__).parent / "hostile").iterdir())
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


@pytest.mark.parametrize("path", HOSTILE, ids=lambda p: p.name)
def test_hostile_file_gives_a_located_french_problem(path, tmp_path):
    entry, problems = _load(path.read_bytes(), tmp_path)  # bounded by the node budget
    assert problems, f"{path.name} was accepted"
    for problem in problems:
        assert problem.path == "sessions/01-essai/x.md" and problem.line >= 1
        assert problem.code.startswith(("E", "W"))
    assert not Path("/tmp/capi-pwned").exists()


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
