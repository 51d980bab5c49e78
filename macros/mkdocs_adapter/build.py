"""Running MkDocs: a strict build into a folder swapped in only on success."""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Callable
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort, ConfigurationError, PluginError
from mkdocs_macros.plugin import ERROR_MACRO

from ..messages import say
from ..outputs.atomic import replacing
from ..outputs.open_data import DEFAULT_LICENCE


def build_site(
    root: Path, target: Path, tweak: Callable[..., None] | None = None, quiet: bool = False
) -> int:
    """Strict MkDocs build of ``root`` into ``target``; returns an exit code."""
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    _quiet_mkdocs_logs()
    try:
        with replacing(target) as work:
            config = load_config(str(root / "mkdocs.yml"), strict=True, site_dir=str(work))
            if tweak is not None:
                tweak(config)
            build(config)
    except (Abort, ConfigurationError, PluginError) as exc:
        print(say("build.failed", folder=target.name, reason=exc), file=sys.stderr)
        return 1
    except SystemExit as exc:  # mkdocs-macros exits on an organiser template error
        if exc.code != ERROR_MACRO:
            raise
        print(say("build.template_failed", folder=target.name), file=sys.stderr)
        return 1
    if not quiet:
        print(say("build.done", target=target))
    return 0


def _quiet_mkdocs_logs() -> None:
    """MkDocs logs through "mkdocs"; show warnings and errors only, as plain lines."""
    logger = logging.getLogger("mkdocs")
    if not logger.handlers:
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("%(levelname)s - %(message)s"))
        logger.addHandler(handler)
    logger.setLevel(logging.WARNING)


def site_identity(root: Path) -> dict[str, str]:
    """The site's name, organiser, data licence and the booklet's subtitle, as ``mkdocs.yml``
    gives them (``extra.cycle.sous_titre``: the cycle is named in one place)."""
    config = load_config(str(root / "mkdocs.yml"))
    capi = config.plugins.get("capi")
    licence = capi.config.licence if capi is not None else DEFAULT_LICENCE
    cycle = config.extra.get("cycle") or {}
    subtitle = cycle.get("sous_titre") if isinstance(cycle, dict) else None
    return {
        "title": config.site_name,
        "organiser": config.site_author or "",
        "licence": licence,
        "subtitle": str(subtitle or ""),
    }


def site_url(root: Path) -> str:
    """The public address in ``mkdocs.yml`` (an archived edition's pages are moved under it)."""
    return load_config(str(root / "mkdocs.yml")).site_url or ""
