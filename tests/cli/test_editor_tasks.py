"""VS Code: the tasks of .vscode/tasks.json put every problem of capi check on its line.

VS Code's YAML tooling does not read front matter inside Markdown, so the editor runs
``capi check`` itself and reads its output with the tasks' problem matchers. These tests
apply the matchers' own regular expressions to the real output of the real command.
"""

from __future__ import annotations

import json
import queue
import re
import subprocess
import sys
import threading

import pytest

from tests.conftest import ROOT, copy_repo, run_capi

TASKS = json.loads((ROOT / ".vscode" / "tasks.json").read_text("utf-8"))["tasks"]
CONTINUOUS, ONCE = TASKS

BROKEN = """---
title: Atelier
format: atelierr
debut: 2026-06-31
---

Texte.
"""
WARNED = """---
title: “Atelier”
format: atelier
---

Texte.
"""


def _matchers(task: dict) -> list[tuple[re.Pattern, str]]:
    return [(re.compile(m["pattern"]["regexp"]), m["severity"]) for m in task["problemMatcher"]]


def _read(task: dict, output: str) -> list[tuple[str, int, str, str]]:
    """(file, line, code, severity) of every line a matcher of ``task`` recognises."""
    found = []
    for line in output.splitlines():
        for regexp, severity in _matchers(task):
            match = regexp.match(line)
            if match:
                pattern = next(
                    m["pattern"]
                    for m in task["problemMatcher"]
                    if m["pattern"]["regexp"] == regexp.pattern
                )
                found.append(
                    (
                        match.group(pattern["file"]),
                        int(match.group(pattern["line"])),
                        match.group(pattern["code"]),
                        severity,
                    )
                )
    return found


@pytest.fixture
def repo(tmp_path):
    repo = copy_repo(tmp_path / "repo")
    seance = sorted((repo / "sessions").glob("[0-9][0-9]-*"))[0]
    (seance / "atelier-casse.md").write_text(BROKEN, "utf-8")
    (seance / "atelier-guillemets.md").write_text(WARNED, "utf-8")
    return repo, seance.relative_to(repo).as_posix()


def test_both_tasks_run_capi_check_from_the_project(repo):
    for task in TASKS:
        assert task["command"] == "${workspaceFolder}/.venv/bin/capi"
        assert task["args"][0] == "check"
        assert all(
            m["fileLocation"] == ["relative", "${workspaceFolder}"] for m in task["problemMatcher"]
        )
    assert CONTINUOUS["isBackground"] is True
    assert CONTINUOUS["runOptions"] == {"runOn": "folderOpen"}
    assert "--surveiller" in CONTINUOUS["args"]


@pytest.mark.parametrize("task", TASKS, ids=["en continu", "une fois"])
def test_each_problem_lands_on_its_file_and_line_with_its_severity(repo, task):
    root, seance = repo
    result = run_capi("check", cwd=root)
    assert result.returncode == 1
    found = _read(task, result.stdout + result.stderr)
    assert (f"{seance}/atelier-casse.md", 3, "E014", "error") in found
    assert (f"{seance}/atelier-casse.md", 4, "E032", "error") in found
    assert (f"{seance}/atelier-guillemets.md", 2, "W003", "warning") in found
    problem_lines = [line for line in result.stdout.splitlines() if re.match(r".+:\d+: \[", line)]
    assert len(found) == len(problem_lines)  # every problem, each read once
    assert all((root / file).is_file() for file, *_ in found)


def _lines(process: subprocess.Popen) -> queue.Queue:
    """The process's output, line by line, as it comes (read in a thread)."""
    lines: queue.Queue = queue.Queue()

    def pump():
        for line in process.stdout:
            lines.put(line.rstrip("\n"))
        lines.put(None)

    threading.Thread(target=pump, daemon=True).start()
    return lines


def _until(lines: queue.Queue, pattern: str) -> list[str]:
    """Lines up to the first one matching ``pattern`` (the 120 s limit only stops a hang)."""
    seen = []
    while True:
        line = lines.get(timeout=120)
        assert line is not None, seen
        seen.append(line)
        if re.search(pattern, line):
            return seen


def test_the_continuous_check_reports_a_mistake_as_soon_as_it_is_saved(repo):
    root, seance = repo
    (root / seance / "atelier-casse.md").unlink()
    (root / seance / "atelier-guillemets.md").unlink()
    background = CONTINUOUS["problemMatcher"][0]["background"]
    process = subprocess.Popen(
        [sys.executable, "-m", "macros", "check", "--surveiller"],
        cwd=root,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        lines = _lines(process)
        first = _until(lines, background["beginsPattern"]) + _until(
            lines, background["endsPattern"]
        )
        assert not _read(CONTINUOUS, "\n".join(first))  # the repository has no problem
        assert "en attente d'un enregistrement" in _until(lines, "en attente")[-1]
        (root / seance / "atelier-casse.md").write_text(BROKEN, "utf-8")  # the writer saves
        _until(lines, background["beginsPattern"])
        second = _until(lines, background["endsPattern"])
        assert (f"{seance}/atelier-casse.md", 3, "E014", "error") in _read(
            CONTINUOUS, "\n".join(second)
        )
    finally:
        process.terminate()
        process.wait()
