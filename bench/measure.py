"""Time a command in a subprocess and measure what a build wrote.

Peak memory: ``ru_maxrss`` of RUSAGE_CHILDREN is a maximum over every child a
process ever waited for, so deltas in this process would be wrong after the
first large child. Each command therefore runs under a tiny ``python -c``
wrapper whose only child is the command: the wrapper's RUSAGE_CHILDREN is
exactly the command's (including its own children, if it waited for them).
"""

from __future__ import annotations

import gzip
import json
import os
import re
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

WRAPPER = """\
import json, resource, subprocess, sys, time
start = time.perf_counter()
code = subprocess.call(sys.argv[2:])
wall = time.perf_counter() - start
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
with open(sys.argv[1], "w") as out:
    json.dump({"code": code, "wall": wall, "cpu": usage.ru_utime + usage.ru_stime,
               "maxrss_kb": usage.ru_maxrss}, out)
"""


@dataclass(frozen=True)
class Run:
    """One timed command."""

    code: int
    wall: float  # seconds
    cpu: float  # user + system seconds
    peak_rss: int  # bytes
    log: str  # the end of what the command printed, for failures


def run(command: list[str], cwd: Path, timeout: float | None = None) -> Run:
    """Run ``command`` in ``cwd`` under the wrapper; its output is kept, not shown."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    with tempfile.TemporaryDirectory(prefix="capi-bench-run-") as tmp:
        result_file = Path(tmp) / "usage.json"
        done = subprocess.run(
            [sys.executable, "-c", WRAPPER, str(result_file), *command],
            cwd=cwd,
            env=env,
            capture_output=True,
            text=True,
            timeout=timeout,
        )
        if not result_file.exists():  # the wrapper itself failed
            return Run(done.returncode or 1, 0.0, 0.0, 0, _tail(done.stdout + done.stderr))
        usage = json.loads(result_file.read_text(encoding="utf-8"))
    return Run(
        usage["code"],
        usage["wall"],
        usage["cpu"],
        usage["maxrss_kb"] * 1024,
        _tail(done.stdout + done.stderr),
    )


def _tail(text: str, lines: int = 15) -> str:
    return "\n".join(text.strip().splitlines()[-lines:])


@dataclass(frozen=True)
class Output:
    """What a build wrote: sizes in bytes."""

    total: int
    pages: int  # index.html files
    search: int | None  # what the browser loads before showing a first search result
    explorer: int | None  # site/explorer/*.json and *.js, None when there is no explorer
    explorer_transfer: int | None = None  # the same, gzip-compressed as web servers send it

    @property
    def per_page(self) -> float:
        return self.total / self.pages if self.pages else 0.0


def _size(path: Path) -> int:
    return path.stat().st_size if path.is_file() else 0


def search_payload(site: Path) -> int | None:
    """Bytes a browser loads before it shows the results of the heaviest one-word query.

    - The engine's own index (``index-recherche/``, read by ``assets/capi-search.js``):
      the script and its analyser (``assets/capi-analyse.js``), ``meta.js``, the largest
      term shard (a one-word query loads one) and the largest description chunks, one per
      result shown (``RESULTS`` in the script): an upper bound, as top results may share a
      chunk.
    - Material's lunr search, when its index holds pages: ``search/search_index.json``,
      the search worker and the lunr files of the index's languages (the worker loads
      ``lunr.stemmer.support`` and ``lunr.<lang>`` for languages other than English,
      ``lunr.multi`` when there are several).
    """
    found = [size for size in (_engine_search(site), _material_search(site)) if size]
    return sum(found) if found else None


def _engine_search(site: Path) -> int | None:
    index = site / "index-recherche"
    if not (index / "meta.js").is_file():
        return None
    script = site / "assets" / "capi-search.js"
    match = re.search(
        r"\bRESULTS\s*=\s*(\d+)", script.read_text(encoding="utf-8") if script.is_file() else ""
    )
    results = int(match.group(1)) if match else 10
    shards = sorted((_size(p) for p in (index / "t").glob("*.js")), reverse=True)
    chunks = sorted((_size(p) for p in (index / "d").glob("*.js")), reverse=True)
    analyser = site / "assets" / "capi-analyse.js"  # the word analyser the script uses
    scripts = _size(script) + _size(analyser)
    return scripts + _size(index / "meta.js") + sum(shards[:1]) + sum(chunks[:results])


def _material_search(site: Path) -> int | None:
    index = site / "search" / "search_index.json"
    try:
        data = json.loads(index.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not data.get("docs"):
        return None  # every page excluded: the site searches with something else
    scripts = site / "assets" / "javascripts"
    langs = data.get("config", {}).get("lang", ["en"])
    others = [lang for lang in langs if lang != "en"]
    names = [f"lunr.{lang}.min.js" for lang in others]
    names += ["lunr.stemmer.support.min.js"] if others else []
    names += ["lunr.multi.min.js"] if len(langs) > 1 else []
    return (
        _size(index)
        + sum(_size(p) for p in (scripts / "workers").glob("search*.js"))
        + sum(_size(scripts / "lunr" / "min" / name) for name in names)
    )


def measure_site(site: Path) -> Output:
    total = pages = 0
    for dirpath, _dirs, filenames in os.walk(site):
        for name in filenames:
            total += os.stat(os.path.join(dirpath, name)).st_size
            pages += name == "index.html"
    # the explorer's data: JSON files, or scripts (loaded with <script>, so the page also
    # works from file://); its code lives in assets/
    explorer = site / "explorer"
    data = [p for p in explorer.glob("*") if p.suffix in (".json", ".js")]
    explorer_size = sum(_size(p) for p in data) if data else None
    transfer = sum(len(gzip.compress(p.read_bytes(), 6)) for p in data) if data else None
    return Output(total, pages, search_payload(site), explorer_size, transfer)


@dataclass
class Result:
    """Every run of one command at one corpus size, and what the last run wrote."""

    entries: int
    command: str  # key of COMMANDS in __main__: check, build, reference
    runs: list[Run] = field(default_factory=list)
    output: Output | None = None

    @property
    def ok(self) -> bool:
        return bool(self.runs) and all(r.code == 0 for r in self.runs)

    @property
    def wall(self) -> float:
        """Best wall time: the run least disturbed by the rest of the machine."""
        return min(r.wall for r in self.runs)

    @property
    def cpu(self) -> float:
        return min(r.cpu for r in self.runs)

    @property
    def peak_rss(self) -> int:
        return max(r.peak_rss for r in self.runs)
