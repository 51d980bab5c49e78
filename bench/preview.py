"""The preview (``mkdocs serve``) after one save: how long until the saved page and a page
that depends on it are up to date. Shared by ``make bench`` and the preview test.

The server runs as ``make serve`` runs it; its log says when the first build ends
("Documentation built in …") and when a rebuild after a save is served ("Reloading
browsers"), so the harness waits for those lines, never for a fixed time.
"""

from __future__ import annotations

import os
import queue
import re
import socket
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path

EXTRA = os.environ.get("CAPI_SERVE_ARGS", "").split()
BUILT_RE = re.compile(r"Documentation built in")
SERVING_RE = re.compile(r"Serving on http")
# the end of a rebuild after a save, full or incremental: the server tells the browsers
RELOADED_RE = re.compile(r"Reloading browsers|An error happened during the rebuild")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@dataclass
class Preview:
    """A running ``mkdocs serve`` and the lines it logs."""

    process: subprocess.Popen
    port: int
    lines: queue.Queue
    log: list[str]

    def wait_built(self, timeout: float) -> str:
        """Lines up to the end of the next rebuild, when the browsers are told to reload
        (the rebuild's own log lines)."""
        lines = self.wait_for(RELOADED_RE, timeout)
        if "An error happened" in lines:
            raise RuntimeError(f"la reconstruction de l'aperçu a échoué :\n{lines}")
        return lines

    def wait_serving(self, timeout: float) -> str:
        """Lines up to the first build's end and the server's start."""
        return self.wait_for(BUILT_RE, timeout) + "\n" + self.wait_for(SERVING_RE, timeout)

    def wait_for(self, pattern: re.Pattern, timeout: float) -> str:
        """Lines up to the next one that matches ``pattern``."""
        deadline = time.monotonic() + timeout
        seen = []
        while True:
            left = deadline - time.monotonic()
            if left <= 0 or self.process.poll() is not None:
                tail = "\n".join(self.log[-20:])
                raise RuntimeError(f"l'aperçu n'a pas fini de construire :\n{tail}")
            try:
                line = self.lines.get(timeout=left)
            except queue.Empty:
                continue
            seen.append(line)
            if pattern.search(line):
                return "\n".join(seen)

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def start(root: Path) -> Preview:
    """``mkdocs serve`` in ``root`` on a free port (the first build has not finished yet)."""
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", *EXTRA, "--dev-addr", f"127.0.0.1:{port}"],
        cwd=root,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    lines: queue.Queue = queue.Queue()
    log: list[str] = []

    def read() -> None:
        for line in process.stderr:  # type: ignore[union-attr]
            log.append(line.rstrip("\n"))
            lines.put(line.rstrip("\n"))

    threading.Thread(target=read, daemon=True).start()
    return Preview(process, port, lines, log)


def save_and_wait(preview: Preview, path: Path, old: str, new: str, timeout: float) -> float:
    """Replace ``old`` by ``new`` in ``path``; seconds from the save to the rebuilt site."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} absent de {path}"
    started = time.monotonic()
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    preview.wait_built(timeout)
    return time.monotonic() - started


def _cpu_seconds(pid: int) -> float:
    """CPU time of ``pid`` and of the children it waited for (Linux ``/proc``)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    ticks = sum(int(v) for v in fields[11:15])  # utime, stime, cutime, cstime
    return ticks / os.sysconf("SC_CLK_TCK")


def measure(root: Path, entry: Path, old: str, revised, timeout: float = 900, saves: int = 3):
    """(seconds, CPU seconds) from saving ``entry`` to the rebuilt preview, the median of
    ``saves`` saves, or the error. Save ``n`` replaces ``old`` by ``revised(n)``: a text
    never seen before each time, as a writer's, so no conversion comes from the cache."""
    server = start(root)
    timings = []
    current = old
    try:
        server.wait_serving(timeout)
        for index in range(1, saves + 1):
            before = _cpu_seconds(server.process.pid)
            seconds = save_and_wait(server, entry, current, revised(index), timeout)
            current = revised(index)
            timings.append((seconds, _cpu_seconds(server.process.pid) - before))
        seconds, cpu = sorted(timings)[len(timings) // 2]
        return seconds, cpu, "\n".join(server.log[-5:])
    finally:
        server.stop()
        entry.write_text(entry.read_text(encoding="utf-8").replace(current, old, 1), "utf-8")
