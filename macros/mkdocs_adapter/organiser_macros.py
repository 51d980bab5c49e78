"""Macros for organiser pages (a mkdocs-macros "pluglet").

They run only in pages listed under ``macros_pages`` in mkdocs.yml, inside a
sandboxed Jinja, and are thin wrappers over the graph and the renderers.
"""

from __future__ import annotations

from ..render import home, news, organiser
from ..render.map import territory_map
from ..render.sessions import human_date


def define_env(env) -> None:
    """Register the macros; each reads the graph the capi plugin built for this build."""

    def _context():
        plugin = env.conf["plugins"]["capi"]
        return plugin.graph, env.page.file.src_uri

    @env.macro
    def fiches(facette: str, valeur: str) -> str:
        """Entries for one facet value: pratique, thematique, acteur, territoire, seance, format."""
        graph, uri = _context()
        return organiser.entries_by_facet(graph, uri, facette, str(valeur))

    @env.macro
    def matrice_territoires_pratiques() -> str:
        """Territory × practice table: which territory works on which practice."""
        graph, uri = _context()
        return organiser.territory_practice_matrix(graph, uri)

    @env.macro
    def programme(numero: str | int) -> str:
        """The programme of a séance, grouped by format."""
        graph, uri = _context()
        return organiser.programme(graph, uri, str(numero).zfill(2))

    @env.macro
    def calendrier() -> str:
        """The séances of the cycle, from their files: number, title, date, place."""
        graph, uri = _context()
        return organiser.calendar(graph, uri)

    @env.macro
    def carte() -> str:
        """The map of the participating territories and their places, with its text list."""
        graph, uri = _context()
        return territory_map(graph, uri)

    @env.macro
    def livrables() -> str:
        """The deliverables the cycle asks of each territory (vocabulaires.yml « livrables »)."""
        graph, uri = _context()
        return organiser.deliverables(graph, uri)

    @env.macro
    def exemples_publies() -> int:
        """How many example entries (exemple: true) the site shows: 0 after a clean start."""
        graph, _ = _context()
        return sum(1 for entry in graph.entries.values() if entry.is_example)

    @env.macro
    def chiffres_cles() -> str:
        """Key figures of the cycle, as a table."""
        graph, uri = _context()
        return organiser.key_figures(graph, uri)

    @env.macro
    def dernieres_contributions(nombre: int = news.HOME_LIMIT) -> str:
        """The latest added or updated entries, newest first, with their dates."""
        graph, uri = _context()
        feeds_written = env.conf["plugins"]["capi"].feeds_written
        return news.latest_list(graph, uri, max(1, min(int(nombre), 20)), feeds_written)

    @env.macro
    def chiffres_accueil() -> str:
        """The cycle's main numbers on one line (home page)."""
        graph, uri = _context()
        return home.figures_line(graph, uri)

    @env.macro
    def entrees() -> str:
        """Ways in by practice and by theme, the busiest first (home page)."""
        graph, uri = _context()
        return home.entry_points(graph, uri)

    @env.macro
    def date_fr(valeur: object) -> str:
        """« 2026-11 » → « novembre 2026 », « 2026-06-01 » → « 1er juin 2026 »."""
        return human_date(str(valeur or ""))
