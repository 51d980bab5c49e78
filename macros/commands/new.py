"""``capi new``: create a valid content file at the right place, from a template."""

from __future__ import annotations

import re
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from ..content import templates
from ..content.corpus import known_identities, load_corpus
from ..content.fields import DAY_RE, SLUG_RE
from ..content.locate import SESSION_DIR_RE, is_outside_or_linked
from ..content.vocabulary import load_vocabularies
from ..content.words import slugify
from ..messages import say
from ..problems import Problems


class NewError(Exception):
    """A refusal, with its French message; nothing has been written."""


def _seance_dir(root: Path, number: str) -> Path:
    number = number.strip()
    if not re.fullmatch(r"[0-9]{1,2}", number):  # never a path: « ../.. » finds nothing
        raise NewError(say("new.bad_seance", number=number[:20]))
    number = number.zfill(2)
    for folder in sorted((root / "sessions").glob(f"{number}-*")):
        if SESSION_DIR_RE.match(folder.name) and (folder / "index.md").is_file():
            return folder
    existing = sorted(p.name for p in (root / "sessions").glob("*") if p.is_dir())
    raise NewError(say("new.unknown_seance", number=number, existing=", ".join(existing)))


@dataclass
class _Request:
    """What ``capi new`` was asked, and how to ask for what is missing."""

    root: Path
    slug: str | None
    title: str | None
    seance: str | None
    fmt: str | None
    ask: Callable[[str], str] | None
    formats: dict
    known: dict[str, list[str]]
    months: list[str]  # the « mois » vocabulary's slugs, January first
    date: str | None = None
    place: str | None = None
    # the deliverables the cycle asks of each territory (vocabulaires.yml « livrables »)
    deliverables: dict[str, str] = field(default_factory=dict)

    def need(self, value: str | None, question: str) -> str:
        if value:
            return value
        if self.ask is None:
            raise NewError(say("new.missing", what=question.rstrip(" ?:")))
        return self.ask(question)


# A plan: the values to write and, for each file, its (template, kind)
_Plan = tuple[dict[str, object], dict[Path, tuple[str, str]]]


def create(
    root: Path,
    what: str,
    slug: str | None,
    title: str | None,
    seance: str | None,
    fmt: str | None,
    ask: Callable[[str], str] | None = None,
    date: str | None = None,
    place: str | None = None,
) -> list[Path]:
    """Create the file(s) for ``what``; returns the paths written (relative to ``root``)."""
    planner = _PLANNERS.get(what)
    if planner is None:
        raise NewError(say("new.unknown_type", what=what))
    vocabularies = load_vocabularies(root, Problems())
    known = {k: sorted(v) for k, v in known_identities(load_corpus(root)).items()}
    request = _Request(
        root,
        slug,
        title,
        seance,
        fmt,
        ask,
        vocabularies.get("formats", {}),
        known,
        list(vocabularies.get("mois", {})),
        date,
        place,
        vocabularies.get("livrables", {}),
    )
    values, files = planner(what, request)
    _refuse_unsafe_or_existing(root, files)
    texts = {}
    for path, (template, kind) in files.items():
        rel = path.relative_to(root).as_posix()
        file_values = dict(values)
        if kind in request.deliverables:
            title = f"{request.deliverables[kind]} — {values['title']}"
            file_values = {"title": title, "avancement": "a-completer", "type": kind}
        texts[path] = templates.render(template, kind, file_values, vocabularies, known, rel)
    for path, text in texts.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(path, "x", encoding="utf-8") as handle:  # "x": never overwrite
            handle.write(text)
    return [p.relative_to(root) for p in files]


# one planner per content type


def _plan_report(what: str, request: _Request) -> _Plan:
    folder = _seance_dir(
        request.root, request.need(request.seance, "Numéro de la séance (ex. 02) : ")
    )
    fmt = "retour-experience" if what == "retour" else request.need(request.fmt, "Format : ")
    if fmt not in request.formats:
        raise NewError(say("new.unknown_format", fmt=fmt, formats=", ".join(request.formats)))
    title = request.need(request.title, "Titre : ")
    slug = request.slug or slugify(title)
    values: dict[str, object] = {"title": title, "format": fmt}
    if what == "retour":
        values["avancement"] = "a-completer"
    files = {folder / f"{_valid_slug(slug)}.md": (what, "intervention")}
    if slug in request.known.get("intervention", []):
        raise NewError(say("new.report_exists", slug=slug))
    return values, files


def _plan_territory(what: str, request: _Request) -> _Plan:
    question = "Identifiant du territoire (ex. val-de-lys) : "
    slug = _valid_slug(request.need(request.slug, question))
    folder = request.root / "territories" / slug
    files = {folder / "index.md": ("territoire", "territoire")}
    files.update({folder / f"{kind}.md": (kind, kind) for kind in request.deliverables})
    title = request.title or slug.replace("-", " ").title()
    return {"title": title, "type": "territoire"}, files


def _plan_practice(what: str, request: _Request) -> _Plan:
    slug = _valid_slug(request.need(request.slug, "Identifiant de la pratique (ex. fablab) : "))
    if slug in request.known.get("pratique", []):
        raise NewError(say("new.practice_exists", slug=slug))
    files = {request.root / "docs" / "pratiques" / f"{slug}.md": ("pratique", "pratique")}
    return {"title": request.title or slug.replace("-", " ").capitalize()}, files


def _plan_seance(what: str, request: _Request) -> _Plan:
    folder = request.need(request.slug, "Dossier de la séance (ex. 06-bilan) : ").strip()
    if not SESSION_DIR_RE.match(folder):
        raise NewError(say("new.bad_seance_folder", folder=folder[:40]))
    number = folder[:2]
    taken = sorted(p.name for p in (request.root / "sessions").glob(f"{number}-*") if p.is_dir())
    if taken:
        raise NewError(say("new.seance_exists", number=number, folder=taken[0]))
    title = request.need(request.title, "Titre : ")
    date = request.need(request.date, "Date (AAAA-MM-JJ) : ").strip()
    if not DAY_RE.match(date):
        raise NewError(say("new.bad_date", date=date[:20]))
    values: dict[str, object] = {
        "title": title,
        "numero": int(number),
        "mois": request.months[int(date[5:7]) - 1],
        "annee": int(date[:4]),
        "date": date,
        "questions": [say("new.seance_question")],
    }
    if request.place:
        values["lieu"] = request.place
    return values, {request.root / "sessions" / folder / "index.md": ("seance", "seance")}


_PLANNERS: dict[str, Callable[[str, _Request], _Plan]] = {
    "seance": _plan_seance,
    "retour": _plan_report,
    "intervention": _plan_report,
    "territoire": _plan_territory,
    "pratique": _plan_practice,
}


def _refuse_unsafe_or_existing(root: Path, files: dict[Path, tuple[str, str]]) -> None:
    for path in files:
        if is_outside_or_linked(root, path.parent if path.parent.exists() else root):
            raise NewError(say("new.unsafe_folder", folder=path.parent))
        if path.exists():
            raise NewError(say("new.file_exists", path=path.relative_to(root)))


def _valid_slug(slug: str) -> str:
    if not slug or not SLUG_RE.match(slug):
        cleaned = slugify(slug or "")
        if not cleaned:
            raise NewError(say("new.no_letters"))
        return cleaned
    return slug


def interactive_ask(question: str) -> str:
    answer = input(question).strip()
    if not answer:
        raise NewError(say("new.empty_answer"))
    return answer


def asker() -> Callable[[str], str] | None:
    """Ask questions only when a person is at the terminal, never in scripts or CI."""
    return interactive_ask if sys.stdin.isatty() and sys.stdout.isatty() else None
