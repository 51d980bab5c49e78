"""Outputs are written to a temporary folder and swapped in only on success (DESIGN §6)."""

from __future__ import annotations

import logging
import os
import shutil
import sys
import tempfile
from collections.abc import Callable
from contextlib import contextmanager
from pathlib import Path


@contextmanager
def replacing(target: Path):
    """Yield a fresh temporary folder next to ``target``; it replaces ``target`` on success.

    On any exception the temporary folder is removed and ``target`` stays as it was.
    """
    target = target.resolve()
    target.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=f".{target.name}-", dir=target.parent))
    try:
        yield work
    except BaseException:
        shutil.rmtree(work, ignore_errors=True)
        raise
    old = target.with_name(f".{target.name}-ancien")
    shutil.rmtree(old, ignore_errors=True)
    if target.exists():
        os.replace(target, old)
    os.replace(work, target)
    shutil.rmtree(old, ignore_errors=True)


def build_site(
    root: Path, target: Path, tweak: Callable[..., None] | None = None, quiet: bool = False
) -> int:
    """Strict MkDocs build of ``root`` into ``target``; returns an exit code."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, ConfigurationError, PluginError

    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    _quiet_mkdocs_logs()
    try:
        with replacing(target) as work:
            config = load_config(str(root / "mkdocs.yml"), strict=True, site_dir=str(work))
            if tweak is not None:
                tweak(config)
            build(config)
    except (Abort, ConfigurationError, PluginError) as exc:
        print(
            f"capi build : échec de la construction, {target.name}/ est inchangé. {exc}",
            file=sys.stderr,
        )
        return 1
    if not quiet:
        print(f"capi build : site construit dans {target}")
    return 0


def _quiet_mkdocs_logs() -> None:
    """MkDocs logs through "mkdocs"; show warnings and errors only, as plain lines."""
    logger = logging.getLogger("mkdocs")
    if not logger.handlers:
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("%(levelname)s - %(message)s"))
        logger.addHandler(handler)
    logger.setLevel(logging.WARNING)
