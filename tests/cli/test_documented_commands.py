"""Every command the README and the guides give as an example works on a fresh copy.

Commands are read from the documents themselves (code blocks, the README's ``make`` table
and its list of ``capi`` commands), placeholders filled in, and run in order in a copy of
the repository, as a reader following the document would.
"""

from __future__ import annotations

import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT, copy_repo

DOCUMENTS = [ROOT / "README.md", *sorted((ROOT / "docs" / "guides").glob("*.md"))]
BLOCK_RE = re.compile(r"```(?:sh|bash|shell)\n(.*?)```", re.S)
MAKE_ROW_RE = re.compile(r"^\| `(make [a-z]+)` \|", re.M)
CAPI_ITEM_RE = re.compile(r"(?:(?<=^- )|(?<=`, ))`(capi [^`]+)`", re.M)
# not run here, each for a reason the document gives
NOT_RUN = {
    "make serve": "un serveur qui tourne jusqu'à Ctrl+C",
    "make test": "la suite de tests elle-même",
    "make bench": "des mesures de plusieurs minutes",
    "capi liens --verifier": "le réseau, que le document dit nécessaire",
}
PLACEHOLDERS = {  # in this order; « n » numbers the command (two titles differ)
    "CHEMINS…": "",
    "…": "Essai de la documentation {n}",
    "<identifiant>": "essai-documentation-{n}",
}


def _normalised(command: str, n: int) -> str:
    command = " ".join(command.split())
    command = re.sub(r"#.*$", "", command).strip()  # a comment after the command
    command = re.sub(r"\[([^\]]*)\]", r"\1", command)  # « [--edition 2026] »: an option shown
    for placeholder, value in PLACEHOLDERS.items():
        command = command.replace(placeholder, value.format(n=n))
    return " ".join(command.removeprefix(".venv/bin/").split())


def commands(document: Path) -> list[str]:
    text = document.read_text("utf-8")
    found = [line for block in BLOCK_RE.findall(text) for line in block.splitlines()]
    if document.name == "README.md":
        found += MAKE_ROW_RE.findall(text) + CAPI_ITEM_RE.findall(text)
    return [c for c in (_normalised(c, n) for n, c in enumerate(found, 1)) if c]


def _run(command: str, repo: Path) -> subprocess.CompletedProcess:
    """``capi`` is the engine under test; ``make`` targets use it from this environment."""
    if command.startswith("capi "):
        argv = [sys.executable, "-m", "macros", *shlex.split(command)[1:]]
        return subprocess.run(argv, cwd=repo, capture_output=True, text=True, timeout=900)
    if command.startswith("make "):
        bin_dir = Path(sys.executable).parent
        argv = [*shlex.split(command), f"BIN={bin_dir}", "STAMP="]
        return subprocess.run(argv, cwd=repo, capture_output=True, text=True, timeout=900)
    return subprocess.run(command, shell=True, cwd=repo, capture_output=True, text=True)


CASES = [(document, commands(document)) for document in DOCUMENTS if commands(document)]


def test_the_documents_give_commands_to_run():
    every = [c for _, found in CASES for c in found]
    assert any(c.startswith("capi new") for c in every)
    assert any(c.startswith("make ") for c in every)
    assert set(NOT_RUN) <= set(every), set(NOT_RUN) - set(every)  # each exception still exists


@pytest.mark.parametrize(
    ("document", "found"), CASES, ids=[d.relative_to(ROOT).as_posix() for d, _ in CASES]
)
def test_each_documented_command_works_on_a_fresh_copy(document, found, tmp_path):
    repo = copy_repo(tmp_path / "depot")
    shutil.copytree(ROOT / "bench", repo / "bench", ignore=shutil.ignore_patterns("__pycache__"))
    for command in found:
        if command in NOT_RUN:
            continue
        result = _run(command, repo)
        said = result.stdout + result.stderr
        assert "Traceback" not in said, (command, said)
        assert result.returncode == 0, (command, said[-2000:])
    if any(c.startswith(("capi new", "grep")) for c in found):
        after = _run("capi check", repo)  # what the reader does next
        assert after.returncode == 0, after.stdout + after.stderr
