"""Shared fixtures: the repository, a strict build of it, and throw-away copies to mutate."""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
IGNORED = shutil.ignore_patterns(
    ".venv",
    "site",
    "dist",
    ".git",
    "__pycache__",
    "*.egg-info",
    ".pytest_cache",
    ".hypothesis",
    "node_modules",
    "bench",
    ".capi-cache",
    ".cache",
)


def run_capi(
    *args: str, cwd: Path = ROOT, env: dict | None = None, timeout: int = 600
) -> subprocess.CompletedProcess:
    """Run the real ``capi`` entry point in a subprocess (as users do)."""
    full_env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "macros", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        env=full_env,
        timeout=timeout,
    )


def copy_repo(dest: Path) -> Path:
    """A copy of the repository's sources (no venv, no output) to change freely."""
    shutil.copytree(ROOT, dest, ignore=IGNORED)
    return dest


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The real repository, built once in strict mode."""
    out = tmp_path_factory.mktemp("build") / "site"
    result = run_capi("build", "--dossier", str(out))
    assert result.returncode == 0, result.stderr + result.stdout
    return out


@pytest.fixture
def repo_copy(tmp_path) -> Path:
    return copy_repo(tmp_path / "repo")


@pytest.fixture(scope="session")
def published(tmp_path_factory) -> Path:
    """``capi publish --edition 2026`` on the repository, once."""
    out = tmp_path_factory.mktemp("publish") / "dist"
    archives = out.parent / "archives"  # never the repository's own editions/
    result = run_capi(
        "publish", "--edition", "2026", "--archives", str(archives), "--dossier", str(out)
    )
    assert result.returncode == 0, result.stderr + result.stdout
    assert "fiche(s) d'exemple" in result.stderr  # the example content is announced
    return out


# ------------------------------------------------------------------ Chromium

CHROMIUM = os.environ.get("CAPI_CHROMIUM", "/usr/bin/chromium")
# flags that keep Chromium from calling home (the machine has no network besides registries)
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]


def _chromium_path() -> str:
    path = CHROMIUM if Path(CHROMIUM).exists() else shutil.which("chromium")
    if not path:
        # a missing browser is a failure in CI, never a skip (.ci/run installs it)
        pytest.fail(
            "Chromium introuvable : installez le paquet Debian « chromium » "
            "(apt-get install chromium) ; .ci/run le fait en CI."
        )
    return path


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(
            executable_path=_chromium_path(), headless=True, args=CHROMIUM_ARGS
        )
        yield instance
        instance.close()


# ------------------------------------------------------------------ editions

NEW_TERRITORY = "rives-du-lys"
NEW_TERRITORY_TITLE = "Communauté de communes des Rives du Lys"


@pytest.fixture(scope="session")
def two_editions(tmp_path_factory) -> dict[str, Path]:
    """Edition 2026 published, then a territory added and edition 2027 published with the
    same archive: {"repo", "archives", "first" (dist of 2026), "second" (dist of 2027),
    "frozen" (SHA-256 of each archived 2026 file right after its publication)}."""
    base = tmp_path_factory.mktemp("editions")
    repo = copy_repo(base / "repo")
    archives = base / "archives"
    out = {"repo": repo, "archives": archives}
    for edition, name in (("2026", "first"), ("2027", "second")):
        if edition == "2027":
            created = run_capi("new", "territoire", NEW_TERRITORY, cwd=repo)
            assert created.returncode == 0, created.stderr
            index = repo / "territories" / NEW_TERRITORY / "index.md"
            title = f'title: "{NEW_TERRITORY_TITLE}"'
            text = re.sub(r"^title: .*$", title, index.read_text("utf-8"), count=1, flags=re.M)
            index.write_text(text, "utf-8")
        out[name] = base / f"dist-{edition}"
        result = run_capi(
            "publish", "--edition", edition, "--archives", str(archives),
            "--dossier", str(out[name]), cwd=repo,
        )  # fmt: skip
        assert result.returncode == 0, result.stderr + result.stdout
        if edition == "2026":
            out["frozen"] = {
                p.relative_to(archives).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
                for p in sorted(archives.rglob("*"))
                if p.is_file()
            }
    return out
