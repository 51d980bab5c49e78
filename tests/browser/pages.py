"""One URL per page type of the built site, found from the repository's own content."""

from __future__ import annotations

from tests.conftest import ROOT


def _first(pattern: str) -> str:
    return sorted(ROOT.glob(pattern))[0].relative_to(ROOT).as_posix()


def _report() -> str:
    for path in sorted(ROOT.glob("sessions/*/*.md")):
        if path.name != "index.md" and "retour-experience" in path.read_text("utf-8"):
            return f"seances/{path.parent.name}/{path.stem}/"
    raise AssertionError("no experience report in the repository")


def _territory() -> str:
    return f"territoires/{_first('territories/*/index.md').split('/')[1]}/"


def _practice() -> str:
    return f"pratiques/{sorted(ROOT.glob('docs/pratiques/*.md'))[0].stem}/"


PAGE_TYPES = {
    "home": lambda: "",
    "seance": lambda: f"seances/{_first('sessions/*/index.md').split('/')[1]}/",
    "report": lambda: _report(),
    "territory": lambda: _territory(),
    "diagnostic": lambda: _territory() + "diagnostic/",
    "plan": lambda: _territory() + "plan-d-action/",
    "partnership": lambda: _territory() + "partenariat/",
    "practice": lambda: _practice(),
    "theme": lambda: "thematiques/inclusion-numerique/",
    "actors": lambda: "acteurs/",
    "open-data": lambda: "donnees/",
    "404": lambda: "404.html",
}
