"""Open data: the knowledge base as JSON and CSV files (``site/donnees/``).

The same functions feed the site build (files added to the site, so the
"Données ouvertes" page links are checked) and ``capi export``.
"""

from __future__ import annotations

import copy
import csv
import io
import json
import re
from collections.abc import Iterable

from ..content import places
from ..content.history import read_history
from ..content.model import Entry
from ..content.vocabulary import INDICATOR_KEY, indicator_vocabulary
from ..graph import Graph
from ..render import compare
from ..render.links import page_url

DATA_DIR = "donnees"
DEFAULT_LICENCE = "Licence Ouverte 2.0 (Etalab)"
DEFAULT_LICENCE_URL = "https://www.etalab.gouv.fr/licence-ouverte-open-licence/"


# a text cell starting with one of these is a formula for spreadsheet software
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# … except a signed number such as a phone number in international form (+33…), which the
# national places standard requires as is: digits cannot call a function or reach a cell
SIGNED_NUMBER_RE = re.compile(r"^[+-][0-9][0-9 .]*$")


# a spreadsheet set for « ; » or tabs splits a comma-separated cell there: each piece is a
# cell of its own, which may start a formula too
_SPLIT_FORMULA_RE = re.compile(r"([;\t])(\s*)(?=[=+\-@])")


def csv_cell(value: object) -> object:
    """A CSV cell that a spreadsheet shows as text: a leading « ' » before a text that would
    start a formula (OWASP's advice against CSV injection), also after a « ; » or a tab
    inside the text; numbers are left as numbers."""
    if value is None:
        return ""
    if not isinstance(value, str):
        return value
    if ";" in value or "\t" in value:
        value = _SPLIT_FORMULA_RE.sub(r"\1\2'", value)
    if value.startswith(FORMULA_STARTS) and not SIGNED_NUMBER_RE.match(value):
        return "'" + value
    return value


def _csv(header: Iterable[str], rows: Iterable[Iterable[object]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer)  # comma, minimal quoting, CRLF line ends (RFC 4180)
    writer.writerow(header)
    writer.writerows([csv_cell(v) for v in row] for row in rows)
    return buffer.getvalue()


def _join(values: object) -> str:
    if isinstance(values, list):
        return "|".join(str(v) for v in values)
    return "" if values is None else str(values)


DATE_COLUMNS = ("date_publication", "date_mise_a_jour")


def dates(graph: Graph, entry: Entry) -> tuple[str | None, str | None]:
    """(published, updated) as ISO dates (YYYY-MM-DD) from the history; None when unknown."""
    found = graph.history.get(entry.path) if graph.history is not None else None
    if found is None:
        return None, None
    published = found.published.date().isoformat() if found.published else None
    return published, found.updated.date().isoformat()


def entities_json(
    graph: Graph, edition: str | None = None, licence: str = DEFAULT_LICENCE, cycle: str = ""
) -> str:
    entities, relations = [], []
    for entry in graph.entries.values():
        record = {
            "type": entry.kind,
            "id": entry.slug,
            "titre": entry.title,
            "url": page_url(entry.src_uri),
            "source": entry.path,
        }
        record.update(zip(DATE_COLUMNS, dates(graph, entry)))
        record.update({k: v for k, v in entry.meta.items() if k not in ("title", "hide")})
        entities.append(record)
    for slug, practice in graph.practices.items():
        if practice.entry is None:
            entities.append(
                {
                    "type": "pratique",
                    "id": slug,
                    "titre": practice.title,
                    "url": f"pratiques/{slug}/",
                }
            )
    for (kind, slug), sources in graph.cited_by.items():
        for source in sources:
            relations.append(
                {"de": f"{source.kind}:{source.slug}", "vers": f"{kind}:{slug}", "relation": "cite"}
            )
    for entry in graph.by_kind.get("intervention", []):
        relations.append(
            {
                "de": f"intervention:{entry.slug}",
                "vers": f"seance:{entry.seance}",
                "relation": "fait_partie_de",
            }
        )
    document = {
        "cycle": cycle or None,  # the site's name (mkdocs.yml site_name): renamed with it
        "edition": edition,
        "licence": licence,
        "entites": entities,
        "relations": relations,
    }
    return json.dumps(document, ensure_ascii=False, indent=1, sort_keys=False) + "\n"


ACTION_COLUMNS = (
    "territoire",
    "axe",
    "id",
    "titre",
    "objectif",
    "pratiques",
    "pilote",
    "partenaires",
    "debut",
    "fin",
    "budget",
    "financeurs",
    "indicateurs",
    "statut",
)


def actions_csv(graph: Graph) -> str:
    rows = []
    for territory, actions in sorted(graph.actions_by_territory.items()):
        for action in actions:
            data = action.data
            rows.append([territory, action.axis] + [_join(data.get(c)) for c in ACTION_COLUMNS[2:]])
    return _csv(ACTION_COLUMNS, rows)


def partners_csv(graph: Graph) -> str:
    columns = ("territoire", "nom", "type_acteur", "role", "engagement", "contribution")
    rows = [
        [e.slug] + [_join(p.get(c)) for c in columns[1:]]
        for e in graph.by_kind.get("partenariat", [])
        for p in e.meta.get("partenaires", [])
    ]
    return _csv(columns, rows)


def indicators_csv(graph: Graph) -> str:
    columns = ("territoire", "code", "libelle", "valeur", "unite", "echelle", "source", "annee")
    rows = [
        [e.slug] + [_join(i.get(c)) for c in columns[1:]]
        for e in graph.by_kind.get("diagnostic", [])
        for i in graph.indicators(e)
    ]
    return _csv(columns, rows)


def comparison_csv(graph: Graph) -> str:
    """One row per territory × catalogue indicator, as on the comparison page (an empty
    value where the territory gives none)."""
    columns = ("territoire", "code", "libelle", "valeur", "unite", "echelle", "annee", "source")
    catalogue = graph.vocabularies.get(INDICATOR_KEY, {})
    rows = []
    for territory in compare.territories(graph):
        values = compare.indicator_values(graph, territory.slug)
        for code, label in catalogue.items():
            found = values.get(code, {})
            unit = graph.vocabularies.get(indicator_vocabulary("unite"), {}).get(code, "")
            scale = graph.vocabularies.get(indicator_vocabulary("echelle"), {}).get(code, "")
            rows.append(
                [territory.slug, code, label, _join(found.get("valeur")), unit, scale]
                + [_join(found.get("annee")), _join(found.get("source"))]
            )
    return _csv(columns, rows)


def reports_csv(graph: Graph) -> str:
    columns = (
        "seance",
        "id",
        "titre",
        "format",
        "structure",
        "type_acteur",
        "territoire",
        "localisation",
        "pratiques",
        "thematiques",
        "publics",
        "debut",
        "fin",
        "enseignements",
    )
    rows = [
        [e.seance, e.slug, e.title]
        + [_join(e.meta.get(c)) for c in columns[3:]]
        + [_join(d) for d in dates(graph, e)]
        for e in graph.by_kind.get("intervention", [])
    ]
    return _csv((*columns, *DATE_COLUMNS), rows)


def place_id(territory: str, place_id_: str) -> str:
    """Unique in the national file: the territory's slug, then the place's own id."""
    return place_id_ if place_id_.startswith(territory + "-") else f"{territory}-{place_id_}"


def places_csv(graph: Graph) -> str:
    """Places of digital mediation in the national standard (column order, ``|``, vocabularies)."""
    rows = []
    for entry in graph.by_kind.get("diagnostic", []):
        for place in entry.meta.get("lieux", []):
            row = {c: _join(place.get(c)) for c in places.COLUMNS}
            row["id"] = place_id(entry.slug, place["id"])
            row["source"] = row["source"] or "capitalisation du cycle de qualification"
            rows.append([row[c] for c in places.COLUMNS])
    return _csv(places.COLUMNS, rows)


FILES = {
    "entites.json": ("Toutes les fiches et leurs relations", entities_json),
    "actions.csv": ("Actions des plans d'action", actions_csv),
    "partenaires.csv": ("Partenaires des partenariats locaux", partners_csv),
    "indicateurs.csv": ("Indicateurs des diagnostics", indicators_csv),
    "comparaison-territoires.csv": (
        "Comparaison des territoires : indicateurs du catalogue commun",
        comparison_csv,
    ),
    "interventions.csv": ("Interventions et retours d'expérience", reports_csv),
    "lieux-mediation-numerique.csv": (
        f"Lieux de médiation numérique, au standard national v{places.STANDARD_VERSION}",
        places_csv,
    ),
}


def all_files(
    graph: Graph, edition: str | None = None, licence: str = DEFAULT_LICENCE, cycle: str = ""
) -> dict[str, str]:
    """File name → content of every open-data file.

    A graph built without history (``capi export``) gets it here: the files always carry
    each entry's dates."""
    if graph.history is None:
        graph = copy.copy(graph)
        corpus = graph.corpus
        graph.history = read_history(corpus.root, [e.path for e in corpus.entries])
    out = {}
    for name, (_label, make) in FILES.items():
        out[name] = make(graph, edition, licence, cycle) if make is entities_json else make(graph)
    return out


def data_page(licence: str = DEFAULT_LICENCE, licence_url: str = DEFAULT_LICENCE_URL) -> str:
    lines = [
        "# Données ouvertes",
        "",
        "Les informations structurées de la base (fiches, actions, partenaires, indicateurs, "
        "lieux de médiation numérique) sont publiées en fichiers réutilisables, mis à jour à "
        "chaque publication du site.",
        "",
        f"Licence : [{licence}](<{licence_url}>). Vous pouvez les réutiliser librement, "
        "y compris commercialement, en citant la source.",
        "",
        "| Fichier | Contenu | Format |",
        "|---|---|---|",
    ]
    for name, (label, _make) in FILES.items():
        fmt = "JSON" if name.endswith(".json") else "CSV (UTF-8, virgule)"
        lines.append(f"| [{name}]({DATA_DIR}/{name}) | {label} | {fmt} |")
    lines += [
        "",
        "Chaque fiche porte sa date de publication (`date_publication`) et de dernière mise à "
        "jour (`date_mise_a_jour`), au format AAAA-MM-JJ, tirées de l'historique du dépôt "
        "(sans cet historique, la date de publication est vide et la date de mise à jour est "
        "celle du fichier).",
        "",
        "Dans les fichiers CSV, une cellule qui contient plusieurs valeurs les sépare par « | ». "
        "Le fichier des lieux suit le schéma « Lieux de médiation numérique » publié sur "
        "schema.data.gouv.fr (mêmes colonnes, dans le même ordre, mêmes listes de valeurs).",
        "",
        "Un texte qui commencerait par « = », « + », « - » ou « @ » est précédé d'une "
        "apostrophe (« '=… »), de même après un « ; » ou une tabulation à l'intérieur d'un "
        "texte : un tableur l'affiche comme du texte au lieu de l'exécuter comme une formule. "
        "Les nombres, numéros de téléphone au format international (+33…) compris, ne sont pas "
        "concernés.",
        "",
    ]
    return "\n".join(lines)
