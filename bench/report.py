"""The benchmark page, in French: machine, method, results, budgets, profile.

Units are decimal (1 Ko = 1 000 octets, 1 Mo = 10⁶, 1 Go = 10⁹).
"""

from __future__ import annotations

import datetime as dt
import os
import platform
import tempfile
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from .history import HistoryTiming
from .measure import Result
from .pathological import BUDGET_SECONDS

COMMAND_LABELS = {
    "check": "`capi check` à froid",
    "check-cache": "`capi check` cache rempli",
    "build": "construction capi à froid",
    "build-cache": "construction capi, cache rempli",
    "reference": "référence Material",
    "preview": "aperçu : enregistrement → site à jour",
}
TABLE_HEADER = (
    "| Fiches | Commande | Durée (s) | Processeur (s) | Mémoire max (Mo) | Pages "
    "| Sortie (Mo) | Ko par page | Recherche (Ko) | Explorateur (Ko) |"
)
MET, NOT_MET, UNMEASURED = "tenu", "non tenu", "non mesuré"
SMALL, LARGE = 1_000, 10_000
DISTRIBUTIONS = ("mkdocs", "mkdocs-material", "mkdocs-macros-plugin", "capi")
NNBSP = "\u202f"  # French thousands separator


@dataclass(frozen=True)
class Budget:
    label: str
    limit: str
    measured: str
    status: str


@dataclass(frozen=True)
class Profile:
    entries: int
    seconds: float
    rows: list[tuple[int, float, float, str]]  # calls, own time, cumulative time, function


# ---------------------------------------------------------------- numbers


def number(value: float, decimals: int = 0) -> str:
    """``1234.5`` → ``1 234,5`` (French separators)."""
    return f"{value:,.{decimals}f}".replace(",", NNBSP).replace(".", ",")


def kilo(size: int | None) -> str:
    return "—" if size is None else number(size / 1e3)


def mega(size: int, decimals: int = 1) -> str:
    return number(size / 1e6, decimals)


def _status(ok: bool) -> str:
    return MET if ok else NOT_MET


# ---------------------------------------------------------------- sections


def machine() -> list[str]:
    try:
        ram = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
        ram_text = f"{number(ram / 1e9, 1)} Go"
    except (ValueError, OSError, AttributeError):
        ram_text = "inconnue"
    rows = [
        ("Processeurs", str(os.cpu_count() or "inconnu")),
        ("Mémoire vive", ram_text),
        ("Système", f"{platform.system()} {platform.release()} ({platform.machine()})"),
        ("Python", platform.python_version()),
    ]
    for name in DISTRIBUTIONS:
        try:
            rows.append((name, metadata.version(name)))
        except metadata.PackageNotFoundError:
            rows.append((name, "absent"))
    return ["| Élément | Valeur |", "|---|---|", *(f"| {k} | {v} |" for k, v in rows)]


def method(repetitions: int, corpus_lines: list[str]) -> list[str]:
    return [
        "Pour chaque taille, le banc d'essai génère dans un dossier temporaire un dépôt "
        "complet : la configuration du projet (`mkdocs.yml`, `vocabulaires.yml`, `docs/` avec "
        "`docs/overrides` et `docs/pratiques`), cinq séances et des fiches produites avec le "
        "modèle de contenu du projet. Le corpus est déterministe (graine fixe) et passe "
        "`capi check`.",
        "",
        "- Le nombre de **fiches** compte les interventions et les fichiers de territoire "
        "(quatre par territoire, environ un territoire pour 20 fiches) ; les séances et les "
        "pratiques s'y ajoutent.",
        "- Les retours d'expérience font environ 800 mots (titres, listes, un tableau) tirés "
        "d'une liste de mots, avec des renvois `[[pratique:…]]`, `[[territoire:…]]` et "
        "`[[retour:…]]` ; une intervention sur dix est d'un autre format, plus courte.",
        *corpus_lines,
        "- Trois commandes, chacune dans un processus séparé : `python -m macros check`, "
        "lancé deux fois de suite : **à froid** (dossier `.capi-cache/` effacé) puis **cache "
        "rempli** (fiches inchangées depuis le lancement précédent) ; la construction "
        "complète `python -m macros build --dossier …` ; une **référence** Material sans "
        "le moteur (`theme: material`, `language: fr`, greffons `search` et "
        "`tags`, fonction `navigation.prune`, pas de `nav`, ni greffon capi ni macros, mêmes "
        "extensions Markdown) construite sur les mêmes fichiers Markdown, en-têtes compris, "
        "rangés comme dans le site (`seances/…`, `territoires/…`, `pratiques/…`).",
        "- La construction capi est mesurée **à froid** (dossier `.cache/` effacé : chaque page "
        "est convertie) puis **cache rempli** (même corpus, conversions reprises du cache "
        "`.cache/capi/pages/`). Elle répartit les pages entre deux processus (un par cœur) : "
        "son temps processeur compte les deux, il peut dépasser sa durée.",
        "- **Aperçu** : `mkdocs serve` lancé sur le corpus ; une fois le site servi, le titre "
        "d'un retour d'expérience est modifié (entre ses guillemets : la fiche reste valide) "
        "et enregistré ; la durée va de l'enregistrement au moment où le serveur demande aux "
        "navigateurs de recharger la page (ligne « Reloading browsers » : la page est à jour "
        "sur le disque), détection du changement comprise ; le temps processeur est celui "
        "du serveur (et de ses processus de travail) pendant ce temps. Trois enregistrements "
        "par taille, chacun d'un titre nouveau (« (revu 1) », « (revu 2) »…, comme un "
        "rédacteur : aucune conversion ne vient du cache) : la médiane est retenue.",
        f"- {repetitions} passage{'s' if repetitions > 1 else ''} par taille ; les trois "
        "commandes alternent (ordre inversé d'un passage à l'autre) pour que la charge de la "
        "machine les touche également. La durée retenue est la meilleure des passages "
        "(temps écoulé), la mémoire le plus haut pic.",
        "- **Mémoire max** : pic de mémoire résidente (`ru_maxrss`) du processus mesuré, lu "
        "par un petit processus Python intermédiaire dont c'est le seul enfant.",
        "- **Sortie** : taille totale du dossier produit ; **Ko par page** : cette taille "
        "divisée par le nombre de pages (`index.html`).",
        "- **Recherche** : ce que le navigateur charge avant d'afficher les résultats de la "
        "requête d'un mot la plus lourde. Recherche du moteur (`index-recherche/`) : les scripts "
        "`assets/capi-search.js` et `assets/capi-analyse.js`, `meta.js`, le plus gros fragment "
        "de termes et les plus gros lots de descriptions (passages cités compris), un par "
        "résultat affiché (un majorant). Recherche de Material "
        "(référence) : `search/search_index.json`, le script de recherche et les fichiers lunr "
        "de la langue.",
        "- **Explorateur** : fichiers de données du dossier `explorer/` du site (`*.json`, "
        "`*.js`) ; « — » quand le site n'a pas d'explorateur.",
        "- Unités décimales : 1 Ko = 1 000 octets, 1 Mo = 10⁶ octets, 1 Go = 10⁹ octets. "
        "Les durées dépendent de la machine et de sa charge : comparez les rapports plutôt "
        "que les secondes.",
    ]


def table(results: list[Result]) -> list[str]:
    lines = [TABLE_HEADER, "|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for r in results:
        label = COMMAND_LABELS[r.command]
        if not r.ok:
            code = next((run.code for run in r.runs if run.code != 0), "?")
            lines.append(f"| {number(r.entries)} | {label} | échec (code {code}) |" + " — |" * 7)
            continue
        cells = [
            number(r.entries),
            label,
            number(r.wall, 2),
            number(r.cpu, 2),
            number(r.peak_rss / 1e6) if r.peak_rss else "—",
        ]
        out = r.output
        if out is None:
            cells += ["—"] * 5
        else:
            cells += [
                number(out.pages),
                mega(out.total),
                kilo(int(out.per_page)),
                kilo(out.search),
                kilo(out.explorer),
            ]
        lines.append("| " + " | ".join(cells) + " |")
    return lines


def _budget(
    label: str, limit: str, value: float | None, ceiling: float, shown: str | None
) -> Budget:
    """A budget met when ``value <= ceiling``; ``None`` means not measured."""
    if value is None or shown is None:
        return Budget(label, limit, "—", UNMEASURED)
    return Budget(label, limit, shown, MET if value <= ceiling else NOT_MET)


HISTORY_BUDGET = 2.0  # seconds to read the git history of 10,000 entries


def history_table(histories: list[HistoryTiming]) -> list[str]:
    lines = [
        "| Fiches | Fichiers suivis | Commits | Lecture de l'historique (s) |",
        "|---:|---:|---:|---:|",
    ]
    return lines + [
        f"| {number(h.entries)} | {number(h.files)} | {number(h.commits)} | "
        f"{number(h.seconds, 3)} |"
        for h in histories
    ]


def history_section(histories: list[HistoryTiming]) -> list[str]:
    return [
        "## Historique git",
        "",
        "Les dates de publication et de mise à jour et les contributeurs de chaque fiche "
        "viennent de l'historique du dépôt, lu par une seule commande `git log` pour tout le "
        "dépôt (`macros/content/history.py`), et non par une commande par page comme les "
        "greffons de date de MkDocs. Le banc d'essai donne à chaque corpus un historique "
        "plausible (`bench/history.py`) : un commit par fichier, étalés sur deux ans et "
        "40 auteurs, plus une mise à jour pour un fichier sur cinq. La durée est la "
        "meilleure de trois lectures ; la construction mesurée plus haut la comprend.",
        "",
        *history_table(histories),
        "",
    ]


def budgets(results: list[Result], histories: list[HistoryTiming] | None = None) -> list[Budget]:
    """The issue's budgets; those that need a size that was not run are "non mesuré"."""
    found = {(r.entries, r.command): r for r in results if r.ok}
    large = found.get((LARGE, "build"))
    build, reference = found.get((SMALL, "build")), found.get((SMALL, "reference"))
    out = []
    for key, when in (("check", "à froid"), ("check-cache", "cache rempli")):
        r = found.get((LARGE, key))
        out.append(
            _budget(
                f"`capi check` à 10 000 fiches, {when}",
                "≤ 3 s",
                r and r.wall,
                3,
                r and f"{number(r.wall, 2)} s",
            )
        )
    ratio = build and reference and build.wall / reference.wall
    for limit, ceiling in (("≤ 1,0 × référence Material", 1.0), ("≤ 0,6 × (visé)", 0.6)):
        out.append(
            _budget(
                "Construction complète à 1 000 fiches, à froid",
                limit,
                ratio,
                ceiling,
                build
                and reference
                and (
                    f"{number(build.wall, 1)} s / {number(reference.wall, 1)} s = "
                    f"{number(ratio, 2)} × (temps processeur, deux processus comptés : "
                    f"{number(build.cpu / reference.cpu, 2)} ×)"
                ),
            )
        )
    out.append(
        _budget(
            "Construction complète à 10 000 fiches",
            "≤ 120 s",
            large and large.wall,
            120,
            large and f"{number(large.wall, 1)} s",
        )
    )
    served = found.get((SMALL, "preview"))
    out.append(
        _budget(
            "Aperçu à 1 000 fiches : enregistrement d'une fiche → site à jour",
            "≤ 1 s",
            served and served.wall,
            1.0,
            served and f"{number(served.wall, 2)} s ({number(served.cpu, 2)} s de processeur)",
        )
    )
    growth = large and build and large.wall / build.wall
    out.append(
        _budget(
            "Passage à l'échelle : durée (10 000) / durée (1 000)",
            "≤ 11",
            growth,
            11,
            growth and number(growth, 1),
        )
    )
    engine_runs = [found.get((LARGE, key)) for key in ("check", "check-cache", "build")]
    peak = large and max(r.peak_rss for r in engine_runs if r)
    out.append(
        _budget(
            "Mémoire maximale à 10 000 fiches (check et construction)",
            "≤ 1,5 Go",
            peak,
            1.5e9,
            peak and f"{number(peak / 1e9, 2)} Go",
        )
    )
    sizes = {n: found.get((n, "build")) for n in (SMALL, LARGE)}
    per_page = {n: r.output.per_page for n, r in sizes.items() if r and r.output}
    shown = " ; ".join(
        f"{number(n)} : " + (f"{kilo(int(per_page[n]))} Ko" if n in per_page else "non mesuré")
        for n in sizes
    )
    over = any(v > 100e3 for v in per_page.values())
    status = NOT_MET if over else (MET if len(per_page) == 2 else UNMEASURED)
    out.append(
        Budget("Sortie moyenne par page à 1 000 et 10 000 fiches", "≤ 100 Ko", shown, status)
    )
    for label, attr in (
        ("Recherche : données chargées avant le premier résultat", "search"),
        ("Données de l'explorateur (transfert compressé)", "explorer"),
    ):
        size = getattr(large.output, attr) if large and large.output else None
        shown = None if size is None else f"{mega(size, 2)} Mo"
        if attr == "explorer" and size is not None and large.output.explorer_transfer:
            # web servers (GitHub Pages included) send scripts gzip-compressed: that is what
            # a reader downloads; the uncompressed size is shown beside it
            transfer = large.output.explorer_transfer
            shown = f"{mega(transfer, 2)} Mo compressé ({mega(size, 2)} Mo décompressé)"
            size = transfer
        budget = _budget(f"{label}, à 10 000 fiches", "≤ 1 Mo", size, 1e6, shown)
        if large and size is None:  # the build ran but wrote no such data
            budget = Budget(budget.label, budget.limit, "absentes du site", UNMEASURED)
        out.append(budget)
    read = next((h for h in histories or [] if h.entries == LARGE), None)
    out.append(
        _budget(
            "Lecture de l'historique git à 10 000 fiches",
            f"≤ {number(HISTORY_BUDGET)} s",
            read and read.seconds,
            HISTORY_BUDGET,
            read and f"{number(read.seconds, 2)} s ({number(read.commits)} commits)",
        )
    )
    return out


def budget_table(items: list[Budget]) -> list[str]:
    lines = ["| Budget | Seuil | Mesure | Statut |", "|---|---|---|---|"]
    return lines + [f"| {b.label} | {b.limit} | {b.measured} | **{b.status}** |" for b in items]


def profile_section(profile: Profile) -> list[str]:
    lines = [
        f"## Profil d'une construction de {number(profile.entries)} fiches",
        "",
        f"Construction complète dans le processus du banc d'essai, sous `cProfile` "
        f"({number(profile.seconds, 1)} s sous le profileur, plus lente qu'en temps normal). "
        "Les 25 fonctions de plus fort temps cumulé (temps passé dans la fonction et dans "
        "celles qu'elle appelle) :",
        "",
        "| Appels | Temps propre (s) | Temps cumulé (s) | Fonction |",
        "|---:|---:|---:|---|",
    ]
    for calls, own, cumulative, name in profile.rows:
        shown = name.replace("|", "¦").replace("`", "'")
        lines.append(
            f"| {number(calls)} | {number(own, 2)} | {number(cumulative, 2)} | `{shown}` |"
        )
    return lines


ANALYSIS = """## Ce qui retient les budgets non tenus

**Construction à 1 000 fiches : l'objectif visé de 0,6 fois Material.** Le moteur fait
plus que la référence : son propre index de recherche (passages cités compris),
l'explorateur, les données ouvertes, les flux, la politique de sécurité et les blocs de
chaque fiche. Il le fait sur les deux cœurs (`macros/mkdocs_adapter/parallel.py` : pages
réparties selon leur coût estimé ; le second processus est une copie du premier qui passe
ses pages par les fonctions de MkDocs ; site identique octet pour octet, vérifié par un
test) et avec moins de travail qu'avant : blocs générés et listes longues écrits
directement en HTML, une seule instance Python-Markdown par construction, menu de Material
rendu une fois par dossier pour les pages qui n'y figurent pas, données et index de
recherche écrits pendant que le second processus finit. Il reste environ 1,5 fois le temps
processeur de la référence, réparti sur deux cœurs : un peu moins que sa durée (la mesure
varie d'environ 10 % d'un passage à l'autre sur cette machine partagée). Pour aller vers
0,6 : la conversion Markdown (la même que la référence), l'indexation pour la recherche
(environ 1 ms par page), le chargement du corpus et les pages générées avant que le second
processus démarre, et le HTML que le second processus renvoie. À 10 000 fiches, la
référence Material est bien plus lente (son index lunr et son menu) : le moteur prend le
quart de sa durée.

**Mémoire à 10 000 fiches.** La construction garde toutes les pages en mémoire jusqu'à la
fin (MkDocs fait de même) et le second processus en renvoie le HTML : environ 1,5 Go au
plus haut, à la limite du budget. Piste : ne renvoyer que ce que la mise en page lit.

**Explorateur.** Les titres et adresses des 13 000 éléments font l'essentiel des données ;
les serveurs web les envoient compressés (gzip), ce qui divise leur poids par cinq environ :
c'est ce chiffre qui est comparé au budget.
"""


def pathological_section(rows: list[tuple[str, int, bool, float]], budget: float) -> list[str]:
    """Durations of the pathological bodies (bench/pathological.py)."""
    worst = max((seconds for *_, seconds in rows), default=0.0)
    lines = [
        "## Entrées pathologiques",
        "",
        "Textes de 10 à 100 Ko qu'une contribution hostile ou maladroite peut contenir "
        "(des milliers de « [ » ou de « < », des listes imbriquées…). Chacun est vérifié, "
        "puis mis en page et filtré s'il est accepté ; un texte refusé (E035) n'est jamais "
        "mis en page.",
        "",
        "| Entrée | Taille | Issue | Durée |",
        "|---|---:|---|---:|",
    ]
    lines += [
        f"| {name} | {kilo(size)} Ko | {'mis en page' if converted else 'refusé (E035)'} | "
        f"{number(seconds * 1000)} ms |"
        for name, size, converted, seconds in rows
    ]
    lines += [
        "",
        f"Budget : chaque entrée en moins de {number(budget, 1)} s ; la plus longue : "
        f"{number(worst * 1000)} ms — {_status(worst <= budget)}.",
        "",
    ]
    return lines


# the web editor's configuration may grow by this much per territory added
CMS_BYTES_PER_TERRITORY = 2048


def web_editor_section(rows: list[tuple[int, int]]) -> list[str]:
    """Size of admin/config.yml for a few numbers of territories (bench/web_editor.py)."""
    (few, small), (many, large) = rows[0], rows[-1]
    per_territory = (large - small) / (many - few)
    lines = [
        "## Configuration de l'édition en ligne",
        "",
        "L'éditeur en ligne (Decap CMS) télécharge toute sa configuration (`admin/config.yml`) "
        "à l'ouverture. Une collection par type de document, quel que soit le nombre de "
        "territoires : un territoire ajoute son nom aux listes de choix, pas de formulaires.",
        "",
        "| Territoires | Taille de admin/config.yml |",
        "|---:|---:|",
        *[f"| {number(n)} | {kilo(size)} Ko |" for n, size in rows],
        "",
        f"Budget : au plus {kilo(CMS_BYTES_PER_TERRITORY)} Ko de plus par territoire ; mesuré : "
        f"{number(per_territory)} octets — {_status(per_territory <= CMS_BYTES_PER_TERRITORY)}.",
        "",
    ]
    return lines


def render(
    results: list[Result],
    repetitions: int,
    corpus_lines: list[str],
    profile: Profile | None,
    pathological: list[tuple[str, int, bool, float]] | None = None,
    web_editor: list[tuple[int, int]] | None = None,
    histories: list[HistoryTiming] | None = None,
) -> str:
    now = dt.datetime.now().strftime("%Y-%m-%d à %H:%M")
    parts = [
        "# Performances",
        "",
        f"Page écrite par le banc d'essai (`make bench`) le {now}. Ce banc d'essai n'est pas "
        "un test : il mesure le temps de vérification et de construction du site quand le "
        "nombre de fiches grandit, et le compare à un site Material sans le moteur.",
        "",
        "## Machine",
        "",
        *machine(),
        "",
        "## Méthode",
        "",
        *method(repetitions, corpus_lines),
        "",
        "## Résultats",
        "",
        *table(results),
        "",
        "## Budgets",
        "",
        "Les budgets qui demandent la mesure à 10 000 fiches (`.venv/bin/python -m bench "
        "--grand`) sont « non mesuré » sans elle.",
        "",
        *budget_table(budgets(results, histories)),
        "",
        ANALYSIS,
    ]
    if histories:
        parts += history_section(histories)
    if pathological is not None:
        parts += pathological_section(pathological, BUDGET_SECONDS)
    if web_editor is not None:
        parts += web_editor_section(web_editor)
    if profile is not None:
        parts += [*profile_section(profile), ""]
    return "\n".join(parts)


def write_atomic(path: Path, text: str) -> None:
    """Write next to the target, then rename: readers never see half a page."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}-", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as out:
            out.write(text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
