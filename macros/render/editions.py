"""The editions page: every published edition of the cycle, compared side by side.

It is generated only by ``capi publish --edition`` (outputs/editions.py gives it the
archived editions' summaries); the edition served at the root is ``current``, the others
are under ``editions/<X>/``. Links to the editions are raw HTML: they are not pages of
this build, and MkDocs' strict link check would refuse them as Markdown links.
"""

from __future__ import annotations

from html import escape

from .links import md_escape
from .sessions import human_date, table

ARCHIVE_DIR = "editions"
EDITIONS_PAGE = f"{ARCHIVE_DIR}/index.md"
ABSENT = "—"


def _home(name: str, current: str) -> str:
    """From the editions page (``editions/``) to an edition's home."""
    return "../" if name == current else f"{escape(name)}/"


def _editions_table(editions: list[dict], current: str) -> str:
    rows = []
    for edition in editions:
        name = edition["edition"]
        home = _home(name, current)
        site = f'<a href="{home}">Consulter l\'édition {escape(name)}</a>'
        downloads = ABSENT
        if name != current:  # the root's booklet and bundle are published next to the site
            downloads = (
                f'<a href="{home}restitution.pdf">livret PDF</a> · '
                f'<a href="{home}site-hors-ligne.zip">version hors ligne</a>'
            )
        when = human_date(edition.get("date")) or ABSENT
        shown = f"**{escape(name)}** (en ligne)" if name == current else escape(name)
        rows.append([shown, md_escape(when), md_escape(edition.get("titre", "")), site, downloads])
    return table(["Édition", "Publiée le", "Cycle", "Site", "Téléchargements"], rows)


def _figures_table(editions: list[dict]) -> str:
    labels: dict[str, None] = {}
    for edition in editions:
        labels.update(dict.fromkeys(label for label, _ in edition.get("chiffres", [])))
    rows = []
    for label in labels:
        values = [dict(map(tuple, e.get("chiffres", []))).get(label) for e in editions]
        rows.append([md_escape(label), *(ABSENT if v is None else str(v) for v in values)])
    return table(["Chiffre clé", *(escape(e["edition"]) for e in editions)], rows)


def _presence_table(editions: list[dict], key: str, header: str) -> str:
    """One row per territory or practice met in any edition, one column per edition."""
    titles: dict[str, str] = {}
    for edition in editions:
        for slug, value in edition.get(key, {}).items():
            titles[slug] = value["titre"] if isinstance(value, dict) else value
    rows = []
    for slug in sorted(titles, key=lambda s: titles[s].lower()):
        cells = []
        for edition in editions:
            value = edition.get(key, {}).get(slug)
            if value is None:
                cells.append("absent")
            elif isinstance(value, dict):
                cells.append(str(value.get("mentions", 0)))
            else:
                cells.append("présent")
        rows.append([md_escape(titles[slug]), *cells])
    return table([header, *(escape(e["edition"]) for e in editions)], rows)


def _names(values: dict, slugs: list[str]) -> str:
    titles = [v["titre"] if isinstance(v, dict) else v for v in (values[s] for s in slugs)]
    return ", ".join(md_escape(t) for t in sorted(titles, key=str.lower))


def _changes(before: dict, after: dict) -> list[str]:
    """What changed from one edition to the next, in sentences."""
    out = [f"### De l'édition {escape(before['edition'])} à l'édition {escape(after['edition'])}"]
    out.append("")
    for key, arrived, left, none in (
        ("territoires", "Nouveaux territoires", "Territoires qui n'y figurent plus", "aucun"),
        ("pratiques", "Nouvelles pratiques", "Pratiques qui n'y figurent plus", "aucune"),
    ):
        old, new = before.get(key, {}), after.get(key, {})
        added = [s for s in new if s not in old]
        gone = [s for s in old if s not in new]
        out.append(f"- {arrived} : {_names(new, added) or none}.")
        out.append(f"- {left} : {_names(old, gone) or none}.")
    old_figures = dict(map(tuple, before.get("chiffres", [])))
    moves = []
    for label, value in after.get("chiffres", []):
        previous = old_figures.get(label)
        if previous is not None and previous != value:
            moves.append(f"{md_escape(label)} : {previous} → {value} ({value - previous:+d})")
    out.append(f"- Chiffres clés : {'; '.join(moves) if moves else 'inchangés'}.")
    return [*out, ""]


def editions_page(editions: list[dict], current: str) -> str:
    """The page, oldest edition first; ``current`` is the one served at the root."""
    out = [
        "---",
        "title: Éditions du cycle",
        "description: Chaque édition publiée du cycle, consultable telle quelle et comparée "
        "aux autres.",
        "---",
        "",
        "# Éditions du cycle",
        "",
        "Chaque édition reste consultable telle qu'elle a été publiée : une édition archivée "
        "ne change plus, les contenus ajoutés ensuite n'y apparaissent pas. Le sélecteur en "
        "haut de chaque page passe d'une édition à l'autre.",
        "",
        "## Les éditions publiées",
        "",
        _editions_table(editions, current),
    ]
    if len(editions) < 2:
        out += [
            "Une seule édition est publiée pour l'instant : la comparaison apparaîtra ici avec "
            "la suivante (`capi publish --edition …`, voir le guide des organisateurs).",
            "",
        ]
        return "\n".join(out)
    out += ["## Chiffres clés", "", _figures_table(editions)]
    out += ["## Territoires", "", _presence_table(editions, "territoires", "Territoire")]
    out += [
        "## Pratiques",
        "",
        "Pour chaque édition, le nombre de fiches et d'actions qui citent la pratique.",
        "",
        _presence_table(editions, "pratiques", "Pratique"),
    ]
    out += ["## Ce qui a changé", ""]
    for before, after in zip(editions, editions[1:], strict=False):
        out += _changes(before, after)
    return "\n".join(out)
