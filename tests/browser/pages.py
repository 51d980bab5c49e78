"""One URL per page type of the built site, found from the repository's own content."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import ROOT


def _first(pattern: str) -> str:
    return sorted(ROOT.glob(pattern))[0].relative_to(ROOT).as_posix()


def _report() -> str:
    for path in sorted(ROOT.glob("sessions/*/*.md")):
        if path.name != "index.md" and "retour-experience" in path.read_text("utf-8"):
            return f"seances/{path.parent.name}/{path.stem}/"
    raise AssertionError("no experience report in the repository")


def _intervention() -> str:
    """A programme item that is not an experience report (an apport, a visit…)."""
    for path in sorted(ROOT.glob("sessions/*/*.md")):
        if path.name != "index.md" and "retour-experience" not in path.read_text("utf-8"):
            return f"seances/{path.parent.name}/{path.stem}/"
    raise AssertionError("no programme item other than experience reports in the repository")


def _territory() -> str:
    return f"territoires/{_first('territories/*/index.md').split('/')[1]}/"


def _practice() -> str:
    return f"pratiques/{sorted(ROOT.glob('docs/pratiques/*.md'))[0].stem}/"


PAGE_TYPES = {
    "home": lambda: "",
    "seance": lambda: f"seances/{_first('sessions/*/index.md').split('/')[1]}/",
    "report": lambda: _report(),
    "intervention": lambda: _intervention(),
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


# Pages that are not a type of entry but that readers reach from every page (menu, footer).
OTHER_PAGES = {
    "news": "nouveautes/",
    "restitution": "restitution/",
    "restitution-territories": "restitution/territoires/",
    "reports": "retours/",
    "practices": "pratiques/",
    "search-page": "recherche/",
    "guides": "guides/",
    "guide-contributing": "guides/contribuer/",
    "error-messages": "guides/messages-erreur/",
    "accessibility": "accessibilite/",
    "legal": "mentions-legales/",
}

# The explorer comes with its own issue: tests skip it (and only it) while it is not built.
EXPLORER = "explorer/"


def page_file(site: Path, url: str) -> Path:
    """The built file behind a site-relative URL (directory URLs, as the site is built)."""
    return site / url / "index.html" if url == "" or url.endswith("/") else site / url
