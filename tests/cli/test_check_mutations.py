"""capi check on real entries whose field values are replaced by anything YAML can hold.

Whatever the value (a date that does not exist, a list where a text is expected, a
mapping, a huge number, an empty key…), the command ends with a French
``path:line: [CODE] message`` on the file and exit code 1, or says nothing is wrong and
exits 0: never a traceback, never another exit code.
"""

from __future__ import annotations

import io
import os
import re
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from macros.commands.cli import main
from macros.content.frontmatter import parse
from macros.content.locate import discover
from macros.problems import Problems
from tests.conftest import copy_repo

SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**12), 10**12),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=40),
    st.sampled_from(["2026-06-31", "2026-02-30", "2026-13", "05212", "yes", "12:30", "", " "]),
)
VALUES = st.recursive(
    SCALARS,
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=6,
)


@pytest.fixture(scope="module")
def repo(tmp_path_factory) -> Path:
    return copy_repo(tmp_path_factory.mktemp("mutations") / "repo")


@pytest.fixture(scope="module")
def entries(repo) -> list[tuple[str, dict]]:
    out = []
    for located in discover(repo, Problems()):
        if located.kind != "asset":
            parsed, _ = parse((repo / located.path).read_bytes(), located.path)
            out.append((located.path, parsed.meta))
    return out


def _keypaths(meta: object, prefix: tuple = ()) -> list[tuple]:
    """Every key and list position of a front matter, nested ones included."""
    out = []
    if isinstance(meta, dict):
        for key, value in meta.items():
            out.append((*prefix, key))
            out.extend(_keypaths(value, (*prefix, key)))
    elif isinstance(meta, list):
        for index, value in enumerate(meta):
            out.append((*prefix, index))
            out.extend(_keypaths(value, (*prefix, index)))
    return out


def _replace(meta: dict, keypath: tuple, value: object) -> dict:
    copy = yaml.safe_load(yaml.safe_dump(meta))
    target = copy
    for part in keypath[:-1]:
        target = target[part]
    target[keypath[-1]] = value
    return copy


def _check(repo: Path, path: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    previous = Path.cwd()
    os.chdir(repo)
    try:
        with redirect_stdout(out), redirect_stderr(err):
            code = main(["check", path])
    finally:
        os.chdir(previous)
    return code, out.getvalue(), err.getvalue()


@settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))
@given(data=st.data())
def test_any_value_in_any_field_gets_a_located_french_answer(repo, entries, data):
    path, meta = data.draw(st.sampled_from(entries), label="fiche")
    keypath = data.draw(st.sampled_from(_keypaths(meta)), label="clé")
    value = data.draw(VALUES, label="valeur")
    original = (repo / path).read_bytes()
    body = original.decode("utf-8").split("---", 2)[2]
    front = yaml.safe_dump(_replace(meta, keypath, value), allow_unicode=True)
    (repo / path).write_text(f"---\n{front}---{body}", "utf-8")
    try:
        code, out, err = _check(repo, path)
    finally:
        (repo / path).write_bytes(original)
    assert "Traceback" not in out + err
    assert code in (0, 1), (code, out, err)
    lines = [line for line in out.splitlines() if line]
    problems = [line for line in lines if not line.startswith("capi check :")]
    located = re.compile(rf"^{re.escape(path)}:[0-9]+: \[[EW][0-9]{{3}}\] \S")
    assert all(located.match(line) for line in problems), problems
    if code == 1:
        assert any("] " in line and ": [E" in line for line in problems), out
        assert "problème" in err
    else:
        warned = any(": [W" in line for line in problems)
        summary = "aucune erreur, " if warned else "aucun problème"
        assert lines[-1].startswith(f"capi check : 1 fiche vérifiée, {summary}"), lines
