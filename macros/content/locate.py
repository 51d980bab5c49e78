"""Find content files on disk and tell their type, identity and site location.

The type comes from where a file is: nobody has to write it.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

from ..problems import Problems
from .fields import SLUG_RE
from .words import slugify

SESSION_DIR_RE = re.compile(r"^([0-9]{2})-([a-z0-9]+(?:-[a-z0-9]+)*)$")
DELIVERABLE_FILES = {
    "diagnostic.md": "diagnostic",
    "plan-action.md": "plan-action",
    "partenariat.md": "partenariat",
}
DELIVERABLE_URLS = {
    "diagnostic": "diagnostic.md",
    "plan-action": "plan-d-action.md",
    "partenariat": "partenariat.md",
}
# files other than Markdown that contributors may add next to their pages (SVG can carry
# scripts, so it is not among them)
ASSET_SUFFIXES = {".png", ".jpg", ".jpeg", ".webp", ".gif", ".pdf", ".csv", ".odt", ".ods"}
CONTENT_DIRS = ("sessions", "territories")
PRACTICE_DIR = "docs/pratiques"


@dataclass(frozen=True)
class Located:
    """A file found on disk: what it is and where it goes in the site."""

    path: str  # relative to the repository root, with forward slashes
    kind: str  # content kind, or "asset"
    slug: str
    src_uri: str


# why a file is not content: a problem code of the catalogue and its parameters
Refusal = tuple[str, dict[str, str]]
Found = tuple[Located | None, Refusal | None]  # what the file is, or why it is not content


def locate(path: str) -> Found:
    """Classify a repository-relative path: (located, None), (None, refusal) for a file in a
    content folder that cannot be published, or (None, None) for any other file."""
    parts = path.split("/")
    name = parts[-1]
    if os.path.splitext(name)[1].lower() == ".md" and not name.endswith(".md"):
        return None, ("E039", {"ext": name[-3:]})  # would be published as raw text
    if "/".join(parts[:2]) == PRACTICE_DIR:
        return _in_practices(path, parts)
    if parts[0] == "sessions":
        return _in_sessions(path, parts)
    if parts[0] == "territories":
        return _in_territories(path, parts)
    return None, None


# one locator per content folder; ``parts`` is the path split on "/"

TERRITORY_FILES = "un territoire contient index.md, diagnostic.md, plan-action.md, partenariat.md"


def _bad_name(what: str, name: str) -> Refusal:
    """A name a person typed (« Mon Atelier.md »): said with the name to give instead."""
    stem, dot, suffix = name.rpartition(".") if name.endswith(".md") else (name, "", "")
    better = slugify(stem) + (dot + suffix)
    fix = f" ; renommez-le « {better} »" if slugify(stem) else ""
    return "E036", {"why": f"{what} : minuscules sans accents, chiffres et tirets{fix}"}


def _suffix(parts: list[str]) -> str:
    return os.path.splitext(parts[-1])[1].lower()


def _in_practices(path: str, parts: list[str]) -> Found:
    name = parts[-1]
    if len(parts) == 3 and name == "index.md":
        return None, None  # the organisers' own index of practices
    if len(parts) == 3 and _suffix(parts) == ".md":
        slug = name[:-3]
        if not SLUG_RE.match(slug):
            return None, _bad_name(f"nom de pratique « {slug} »", name)
        return Located(path, "pratique", slug, f"pratiques/{name}"), None
    if _suffix(parts) in ASSET_SUFFIXES:
        return Located(path, "asset", "", "/".join(["pratiques", *parts[2:]])), None
    # anything else (.html, .js, .svg, sub-folders) would be published as it is
    if _suffix(parts) == ".md":
        return None, (
            "E019",
            {"expected": "une pratique va dans docs/pratiques/, sans sous-dossier"},
        )
    return None, ("E038", {"expected": "une pratique est un fichier docs/pratiques/<nom>.md"})


def _in_sessions(path: str, parts: list[str]) -> Found:
    if len(parts) < 3:
        return None, ("E019", {"expected": "un fichier de séance va dans sessions/NN-nom/"})
    match = SESSION_DIR_RE.match(parts[1])
    if not match:
        return None, (
            "E036",
            {"why": f"dossier « {parts[1]} » : un dossier de séance s'appelle NN-nom (01-enjeux)"},
        )
    name = parts[-1]
    base = f"seances/{parts[1]}"
    if len(parts) == 3 and name == "index.md":
        return Located(path, "seance", match.group(1), f"{base}/index.md"), None
    if len(parts) == 3 and _suffix(parts) == ".md":
        slug = name[:-3]
        if not SLUG_RE.match(slug):
            return None, _bad_name(f"nom de fichier « {name} »", name)
        return Located(path, "intervention", slug, f"{base}/{name}"), None
    if _suffix(parts) in ASSET_SUFFIXES:
        return Located(path, "asset", "", f"{base}/{'/'.join(parts[2:])}"), None
    if _suffix(parts) == ".md":
        return None, ("E019", {"expected": "une page va dans sessions/NN-nom/, sans sous-dossier"})
    return None, ("E038", {"expected": "une séance contient des fichiers .md"})


def _in_territories(path: str, parts: list[str]) -> Found:
    if len(parts) < 3:
        return None, ("E019", {"expected": "un fichier de territoire va dans territories/<nom>/"})
    slug = parts[1]
    if not SLUG_RE.match(slug):
        return None, _bad_name(f"dossier « {slug} »", slug)
    name = parts[-1]
    base = f"territoires/{slug}"
    if len(parts) == 3 and name == "index.md":
        return Located(path, "territoire", slug, f"{base}/index.md"), None
    if len(parts) == 3 and name in DELIVERABLE_FILES:
        kind = DELIVERABLE_FILES[name]
        return Located(path, kind, slug, f"{base}/{DELIVERABLE_URLS[kind]}"), None
    if _suffix(parts) in ASSET_SUFFIXES:
        return Located(path, "asset", "", f"{base}/{'/'.join(parts[2:])}"), None
    if _suffix(parts) == ".md":
        return None, ("E019", {"expected": TERRITORY_FILES})
    return None, ("E038", {"expected": TERRITORY_FILES})


# names must be plain: a newline forges CI annotations, other digits fake a séance number
_CONTROL_RE = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")
_OTHER_DIGITS_RE = re.compile(r"(?![0-9])\d")


def is_outside_or_linked(root: Path, path: Path) -> bool:
    """True for a symlink, or a path that leads outside ``root`` through one."""
    try:
        return path.is_symlink() or path.resolve().relative_to(root.resolve()) != Path(
            os.path.abspath(path)
        ).relative_to(root.resolve())
    except (ValueError, OSError):
        return True


def bad_name(name: str) -> str | None:
    """Why a file or folder name is refused, if it is."""
    if _CONTROL_RE.search(name):
        return "caractère de contrôle (retour à la ligne, tabulation…) dans le nom"
    if _OTHER_DIGITS_RE.search(name):
        return "chiffres autres que 0 à 9 dans le nom"
    return None


def discover(root: Path, problems: Problems) -> list[Located]:
    """Every content file and asset under the content folders, in a stable order.

    Symlinks are reported (E034) and never followed: what they point to may be outside
    the repository. The same holds for every file under ``docs/``.
    """
    found: list[Located] = []
    for top in (*CONTENT_DIRS, "docs"):
        base = root / top
        if not base.is_dir():
            continue
        for dirpath, dirnames, filenames in os.walk(base):
            # plain strings, not a Path per file: 10,000 files took 0.25 s with them
            folder = Path(dirpath).relative_to(root).as_posix()
            refused = set()  # symlinks and refused names: reported once, never read
            for name in [*dirnames, *filenames]:
                if os.path.islink(os.path.join(dirpath, name)):
                    problems.add(_shown(f"{folder}/{name}"), 1, "E034")
                elif (why := bad_name(name)) is not None:
                    problems.add(_shown(f"{folder}/{name}"), 1, "E036", why=why)
                else:
                    continue
                refused.add(name)
            dirnames[:] = sorted(d for d in dirnames if not d.startswith(".") and d not in refused)
            if top == "docs" and not folder.startswith(PRACTICE_DIR):
                continue  # other organiser pages are plain docs pages
            for filename in sorted(filenames):
                if filename.startswith(".") or filename in refused:
                    continue
                rel = f"{folder}/{filename}"
                located, refusal = locate(rel)
                if located is not None:
                    found.append(located)
                elif refusal is not None:
                    code, params = refusal
                    problems.add(rel, 1, code, **params)
    return found


def _shown(rel: str) -> str:
    """A path as printed in a message: control characters made visible, never executed."""
    return _CONTROL_RE.sub(lambda m: f"\\x{ord(m.group(0)):02x}", rel)
