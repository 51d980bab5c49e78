"""Editions of the cycle, archived and served side by side (``capi publish --edition X``).

Why an archive folder and not ``mike``: mike commits each version to a git branch and
expects every version in a sibling folder with a ``versions.json`` fetched at run time;
here ``dist/`` is written atomically by one command, the latest edition is served at the
site's root, and the header's selector must also work from ``file://`` (no fetch). So each
edition is kept, once published, in a folder of the repository (``editions/`` by default,
meant to be committed), and is never rebuilt: later content cannot reach it.

    editions/<X>/edition.json          what the comparison page needs (figures, territories…)
    editions/<X>/site.zip              the site as published, ready to serve under
                                       ``editions/<X>/`` (addresses rewritten, no web editor)
    editions/<X>/restitution.pdf       its booklet
    editions/<X>/site-hors-ligne.zip   its offline bundle

Each publication unpacks the earlier editions into ``dist/site/editions/<X>/`` and writes
next to every edition's home an ``editions.js``: the list the header's selector shows
(docs/assets/capi-editions.js draws it). Only that list changes in an archived edition.
"""

from __future__ import annotations

import datetime as dt
import gzip
import json
import re
import shutil
import zipfile
from pathlib import Path

from ..graph import Graph
from ..render.editions import ARCHIVE_DIR, EDITIONS_PAGE
from ..render.organiser import headline_figures
from . import atomic

SUMMARY = "edition.json"
SITE_ZIP = "site.zip"
DOWNLOADS = ("restitution.pdf", "site-hors-ligne.zip")
SELECTOR_DATA = "editions.js"
# an edition's name is a folder and an address: letters, digits, hyphens
NAME_RE = re.compile(r"[0-9A-Za-z][0-9A-Za-z_-]{0,39}")
# what an archived edition leaves out: the web editor edits today's files, not the
# edition's; the 404 page and the editions page are the served root's
LEFT_OUT = ("admin/", "404.html", EDITIONS_PAGE.replace(".md", ".html"))
REWRITTEN = (".html", ".xml", ".json", ".txt")


class ArchiveError(Exception):
    """An archive that cannot be read, worded for the organiser (French, with the file)."""


def valid_name(name: str) -> bool:
    return NAME_RE.fullmatch(name) is not None


def summary(graph: Graph, edition: str, published: dt.date, title: str) -> dict:
    """What the editions page compares, from this edition's graph."""
    cited: dict[str, int] = {}
    for slug in graph.practices:
        count = len(graph.by_practice.get(slug, [])) + len(graph.actions_by_practice.get(slug, []))
        cited[slug] = count
    return {
        "edition": edition,
        "date": published.isoformat(),
        "titre": title,
        "chiffres": [[label, value] for label, value in headline_figures(graph)],
        "territoires": {t.slug: t.title for t in graph.by_kind.get("territoire", [])},
        "pratiques": {
            slug: {"titre": graph.practice_title(slug), "mentions": cited[slug]}
            for slug in graph.practices
        },
        "seances": {s.slug: s.title for s in graph.by_kind.get("seance", [])},
    }


def read_archive(folder: Path) -> list[dict]:
    """The archived editions' summaries, by name; an unreadable one stops the publication."""
    found = []
    for path in sorted(folder.glob(f"*/{SUMMARY}")) if folder.is_dir() else []:
        if path.parent.name.startswith("."):
            continue  # what an interrupted publication left (atomic.replacing's work folder)
        where = path.as_posix()
        try:
            data = json.loads(path.read_text("utf-8"))
        except json.JSONDecodeError as exc:
            raise ArchiveError(f"{where}:{exc.lineno}: JSON illisible ({exc.msg})") from None
        except (OSError, UnicodeDecodeError) as exc:
            raise ArchiveError(f"{where}:1: fichier illisible ({exc})") from None
        name = data.get("edition") if isinstance(data, dict) else None
        if name != path.parent.name or not (path.parent / SITE_ZIP).is_file():
            raise ArchiveError(
                f"{where}:1: l'édition archivée doit s'appeler « {path.parent.name} » "
                f"et son dossier contenir {SITE_ZIP}"
            )
        found.append(data)
    return found


def store(folder: Path, published: Path, current: dict, site_url: str) -> None:
    """Archive the edition just built in ``published`` (dist's work folder), atomically."""
    name = current["edition"]
    with atomic.replacing(folder / name) as work:
        _zip_for_archive(published / "site", work / SITE_ZIP, site_url, name)
        for download in DOWNLOADS:
            shutil.copy2(published / download, work / download)
        text = json.dumps(current, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
        (work / SUMMARY).write_text(text, "utf-8")


def _zip_for_archive(site: Path, target: Path, site_url: str, name: str) -> None:
    """The site as it will be served under ``editions/<name>/``: its absolute addresses
    (canonical links, feeds, sitemap) point there, not to the root's later edition."""
    moved = f"{site_url.rstrip('/')}/{ARCHIVE_DIR}/{name}/" if site_url else ""
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(site.rglob("*")):
            rel = path.relative_to(site).as_posix()
            if not path.is_file() or rel.startswith(LEFT_OUT) or rel == "sitemap.xml.gz":
                continue
            data = path.read_bytes()
            if moved and rel.endswith(REWRITTEN):
                data = data.replace(site_url.encode(), moved.encode())
            archive.writestr(rel, data)
            if rel == "sitemap.xml":
                archive.writestr("sitemap.xml.gz", gzip.compress(data, mtime=0))


def serve(folder: Path, site: Path, earlier: list[dict]) -> None:
    """Unpack each earlier edition under ``site/editions/<name>/`` with its downloads."""
    for edition in earlier:
        name = edition["edition"]
        target = site / ARCHIVE_DIR / name
        with zipfile.ZipFile(folder / name / SITE_ZIP) as archive:
            archive.extractall(target)
        for download in DOWNLOADS:
            if (folder / name / download).is_file():
                shutil.copy2(folder / name / download, target / download)


def write_selectors(site: Path, current: str, earlier: list[str]) -> None:
    """``editions.js`` at the root and in each earlier edition: the selector's list."""
    items = [{"nom": current, "chemin": ""}]
    items += [{"nom": n, "chemin": f"{ARCHIVE_DIR}/{n}/"} for n in sorted(earlier, reverse=True)]
    for name, home, top in [
        (current, site, ""),
        *((n, site / ARCHIVE_DIR / n, "../../") for n in earlier),
    ]:
        data = {"actuelle": name, "racine": top, "comparaison": f"{ARCHIVE_DIR}/", "liste": items}
        text = json.dumps(data, ensure_ascii=False, sort_keys=True)
        (home / SELECTOR_DATA).write_text(
            "/* Écrit par capi publish : les éditions que propose le sélecteur de l'en-tête. */\n"
            f"window.capiEditions = {text};\n",
            "utf-8",
        )
