"""A git history for a generated corpus, and the time the engine takes to read it.

The corpus gets one commit per file (its publication), spread over two years and 40
authors, plus a second commit for one file in five (an update, whose first version lacked
its last line), then the configuration: about 1.2 commits per file, like a base where most
entries are written once. ``git fast-import`` writes it in seconds, even at 10,000 files.
The engine then reads it as a build does: one ``git log`` for the whole repository
(macros/content/history.py); the best of a few reads is kept.
"""

from __future__ import annotations

import os
import random
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

AUTHORS = [f"{first} {last}" for first in ("Awa", "Léa", "Jean", "Nora", "Paul") for last in (
    "Diallo", "Martin", "Bernard", "Petit", "Robert", "Richard", "Durand", "Moreau"
)]  # fmt: skip
START = 1_767_222_000  # 1 January 2026, 00:00 in Paris
SPAN = 2 * 365 * 86_400
UPDATED_SHARE = 5  # one file in five is updated once
CONTENT = ("sessions", "territories", "docs/pratiques")


@dataclass(frozen=True)
class HistoryTiming:
    entries: int
    files: int
    commits: int
    seconds: float  # best read
    create_seconds: float  # writing the history (fast-import), for information


def _content_files(root: Path) -> list[str]:
    return sorted(
        p.relative_to(root).as_posix()
        for top in CONTENT
        if (root / top).is_dir()
        for p in (root / top).rglob("*")
        if p.is_file()
    )


def _data(payload: bytes) -> bytes:
    return b"data %d\n%s\n" % (len(payload), payload)


def make_history(root: Path, seed: int = 2026) -> tuple[int, int]:
    """Commit ``root``'s files with a plausible history; returns (files, commits)."""
    rng = random.Random(seed)
    files = _content_files(root)
    others = sorted(
        p.relative_to(root).as_posix()
        for p in root.rglob("*")
        if p.is_file() and ".git" not in p.parts and p.relative_to(root).as_posix() not in files
    )
    updated = set(rng.sample(files, len(files) // UPDATED_SHARE))
    events: list[tuple[int, str, bool]] = []  # (time, path, final version?)
    for path in files:
        when = START + rng.randrange(SPAN)
        if path in updated:
            events.append((when, path, False))
            events.append((when + rng.randrange(1, 90 * 86_400), path, True))
        else:
            events.append((when, path, True))
    events.sort()
    stream = bytearray()
    last = START
    for number, (when, path, final) in enumerate(events, 1):
        content = (root / path).read_bytes()
        if not final:  # the first version, without its last line
            content = content.rstrip(b"\n").rsplit(b"\n", 1)[0] + b"\n"
        author = rng.choice(AUTHORS).encode()
        login = b"personne%d" % (number % 97)
        ident = b"%s <%s@exemple.invalid> %d +0100" % (author, login, when)
        stream += b"commit refs/heads/main\nauthor %s\ncommitter %s\n" % (ident, ident)
        stream += _data(b"fiche %d" % number)
        stream += b"M 100644 inline %s\n" % path.encode()
        stream += _data(content)
        last = when
    stream += b"commit refs/heads/main\ncommitter Banc <banc@exemple.invalid> %d +0100\n" % (
        last + 60
    )
    stream += _data(b"configuration")
    for path in others:
        stream += b"M 100644 inline %s\n" % path.encode()
        stream += _data((root / path).read_bytes())
    env = {**os.environ, "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}
    subprocess.run(["git", "init", "-q", "-b", "main"], cwd=root, check=True, env=env)
    subprocess.run(
        ["git", "fast-import", "--quiet"],
        cwd=root,
        input=bytes(stream),
        check=True,
        env=env,
        capture_output=True,
    )
    subprocess.run(["git", "reset", "-q"], cwd=root, check=True, env=env)  # index = HEAD
    return len(files), len(events) + 1


def measure(root: Path, entries: int, reads: int = 3) -> HistoryTiming:
    """Give ``root`` a history, then time the engine's read of it (best of ``reads``)."""
    from macros.content.corpus import load_corpus
    from macros.content.history import read_history

    started = time.perf_counter()
    files, commits = make_history(root)
    created = time.perf_counter() - started
    paths = [entry.path for entry in load_corpus(root).entries]
    best = float("inf")
    for _ in range(reads):
        started = time.perf_counter()
        history = read_history(root, paths)
        best = min(best, time.perf_counter() - started)
    if history.warning or history.info:
        raise RuntimeError(f"historique mal lu : {history.warning or history.info}")
    return HistoryTiming(entries, files, commits, best, created)
