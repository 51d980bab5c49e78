"""Generate a realistic corpus of N entries with the project's own content model.

The corpus is a temporary repository: the real configuration (``mkdocs.yml``,
``vocabulaires.yml``, ``docs/`` with its overrides and practice pages) plus
generated ``sessions/`` and ``territories/``. N counts content entries:
programme items plus territory files (four per territory, about one territory
per 20 entries). The five séance pages and the practice pages are not counted.

Generation is deterministic (seeded), so two runs measure the same corpus.
"""

from __future__ import annotations

import random
import shutil
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import yaml

from macros.content.corpus import TERRITORY_KINDS
from macros.content.locate import locate

try:  # the C emitter is much faster at 10,000 files
    from yaml import CSafeDumper as _Dumper
except ImportError:  # pragma: no cover - depends on the PyYAML build
    from yaml import SafeDumper as _Dumper  # type: ignore[assignment]

REPO = Path(__file__).resolve().parents[1]
# folder names of the séances: mkdocs.yml's nav lists them
SEANCES = {
    "01-enjeux": (
        "Numérique et innovation sociale dans les quartiers : enjeux",
        "juin",
        "2026-06-18",
    ),
    "02-developpement-economique": (
        "Le numérique, levier de développement économique ?",
        "juillet",
        "2026-07-09",
    ),
    "03-participation": (
        "Participation des habitants et pouvoir d'agir",
        "septembre",
        "2026-09-24",
    ),
    "04-lieux": ("Renforcer les usages, soutenir l'innovation sociale", "octobre", "2026-10-15"),
    "05-et-apres": ("Et après ? Restitution des travaux du cycle", "decembre", "2026-12-03"),
}
ENTRIES_PER_TERRITORY = 20
REPORT_SECTIONS = (
    "Contexte",
    "Objectifs",
    "Mise en œuvre",
    "Moyens",
    "Résultats",
    "Facteurs de réussite",
    "Difficultés",
    "Enseignements et conditions de transfert",
    "Contacts et ressources",
)
OTHER_FORMATS = ("apport-expertise", "cadrage-reglementaire", "visite", "atelier")

WORDS = [
    "accompagnement",
    "habitant",
    "habitante",
    "quartier",
    "numérique",
    "médiation",
    "association",
    "structure",
    "territoire",
    "commune",
    "agglomération",
    "projet",
    "atelier",
    "démarche",
    "emploi",
    "insertion",
    "formation",
    "jeune",
    "famille",
    "parent",
    "enfant",
    "senior",
    "usager",
    "public",
    "service",
    "accueil",
    "permanence",
    "réseau",
    "partenaire",
    "bailleur",
    "collectivité",
    "mairie",
    "centre",
    "social",
    "tiers-lieu",
    "fablab",
    "ordinateur",
    "tablette",
    "téléphone",
    "connexion",
    "internet",
    "équipement",
    "matériel",
    "réemploi",
    "reconditionnement",
    "compétence",
    "autonomie",
    "confiance",
    "droit",
    "allocation",
    "dossier",
    "administration",
    "rendez-vous",
    "orientation",
    "repérage",
    "proximité",
    "immeuble",
    "rue",
    "place",
    "marché",
    "commerce",
    "activité",
    "création",
    "entreprise",
    "coopérative",
    "économie",
    "solidaire",
    "sociale",
    "collaborative",
    "initiative",
    "participation",
    "citoyen",
    "citoyenne",
    "conseil",
    "budget",
    "financement",
    "subvention",
    "convention",
    "gouvernance",
    "pilotage",
    "comité",
    "bilan",
    "évaluation",
    "indicateur",
    "résultat",
    "objectif",
    "moyen",
    "difficulté",
    "réussite",
    "enseignement",
    "transfert",
    "mobilisation",
    "animation",
    "animateur",
    "animatrice",
    "bénévole",
    "salarié",
    "conseiller",
    "conseillère",
    "professionnel",
    "partenariat",
    "coordination",
    "diagnostic",
    "besoin",
    "usage",
    "pratique",
    "outil",
    "plateforme",
    "application",
    "site",
    "messagerie",
    "courriel",
    "identité",
    "sécurité",
    "donnée",
    "confidentialité",
    "inclusion",
    "fracture",
    "précarité",
    "pauvreté",
    "isolement",
    "mobilité",
    "transport",
    "logement",
    "santé",
    "école",
    "collège",
    "lycée",
    "mission",
    "locale",
    "emploi",
    "recherche",
    "candidature",
    "entretien",
    "stage",
    "chantier",
    "parcours",
    "groupe",
    "session",
    "séance",
    "semaine",
    "mois",
    "année",
    "matin",
    "soir",
    "week-end",
    "horaire",
    "local",
    "salle",
    "espace",
    "lieu",
    "ouverture",
    "fréquentation",
    "inscription",
    "présence",
    "retour",
    "témoignage",
    "expérience",
    "méthode",
    "démarche",
    "étape",
    "phase",
    "lancement",
    "déploiement",
    "essaimage",
    "pérennisation",
    "durable",
    "nouveau",
    "nouvelle",
    "premier",
    "première",
    "petit",
    "grand",
    "collectif",
    "individuel",
    "gratuit",
    "régulier",
    "progressif",
    "concret",
    "simple",
    "commun",
    "partagé",
    "local",
    "national",
    "régional",
    "départemental",
    "municipal",
    "accessible",
    "ouvert",
    "souple",
    "adapté",
    "utile",
    "important",
    "essentiel",
    "fragile",
    "éloigné",
    "motivé",
    "engagé",
    "attentif",
    "permettre",
    "accompagner",
    "construire",
    "proposer",
    "organiser",
    "animer",
    "former",
    "repérer",
    "orienter",
    "soutenir",
    "développer",
    "renforcer",
    "favoriser",
    "faciliter",
    "mobiliser",
    "associer",
    "impliquer",
    "créer",
    "ouvrir",
    "tester",
    "adapter",
    "évaluer",
    "partager",
    "transmettre",
    "réunir",
    "rencontrer",
    "écouter",
    "apprendre",
    "comprendre",
    "utiliser",
    "réaliser",
    "lancer",
    "poursuivre",
    "améliorer",
    "financer",
    "piloter",
    "coordonner",
    "avec",
    "pour",
    "dans",
    "chez",
    "entre",
    "vers",
    "sans",
    "depuis",
    "pendant",
    "avant",
    "après",
    "grâce",
    "selon",
    "auprès",
    "autour",
]
CONNECTORS = ("le", "la", "les", "des", "du", "un", "une", "et", "de", "au", "aux", "en")
SYLLABLES = (
    "mor",
    "lan",
    "ver",
    "bel",
    "sor",
    "mi",
    "ro",
    "cha",
    "val",
    "fon",
    "ta",
    "ber",
    "gue",
    "lin",
    "mon",
    "ri",
    "sau",
    "ven",
    "cour",
    "ma",
    "ne",
    "pla",
    "tor",
    "vi",
)
SUFFIXES = ("ville", "court", "mont", "bourg", "ac", "y", "euil", "ières", "ange", "ois")
FIRST_NAMES = (
    "Amina",
    "Karim",
    "Sophie",
    "Mamadou",
    "Claire",
    "Yasmine",
    "Julien",
    "Fatou",
    "Nicolas",
    "Leïla",
    "Thomas",
    "Aïcha",
    "Camille",
    "Moussa",
    "Élodie",
    "Rachid",
)
LAST_NAMES = (
    "Benali",
    "Martin",
    "Diallo",
    "Lefèvre",
    "Nguyen",
    "Moreau",
    "Traoré",
    "Petit",
    "Haddad",
    "Garnier",
    "Fontaine",
    "Kone",
    "Rousseau",
    "Mercier",
    "Bernard",
)
REGIONS = (
    ("Hauts-de-France", "Nord", "59"),
    ("Occitanie", "Haute-Garonne", "31"),
    ("Bretagne", "Finistère", "29"),
    ("Grand Est", "Moselle", "57"),
    ("Auvergne-Rhône-Alpes", "Isère", "38"),
    ("Normandie", "Seine-Maritime", "76"),
    ("Nouvelle-Aquitaine", "Gironde", "33"),
    ("Île-de-France", "Seine-Saint-Denis", "93"),
)
STRUCTURE_KINDS = (
    "Centre social",
    "Association",
    "Maison de quartier",
    "Espace public numérique",
    "Tiers-lieu",
    "Régie de quartier",
    "Coopérative",
    "Médiathèque",
)


@dataclass(frozen=True)
class CorpusStats:
    """What was generated: N entries and how they split."""

    entries: int
    items: int
    reports: int
    territories: int


def slugify(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return "-".join("".join(c if c.isalnum() else " " for c in ascii_text.lower()).split())


class Writer:
    """French-looking text from the word list, deterministic for a given seed."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng

    def words(self, count: int) -> list[str]:
        rng = self.rng
        return [
            rng.choice(CONNECTORS) if rng.random() < 0.3 else rng.choice(WORDS)
            for _ in range(count)
        ]

    def sentence(self, low: int = 8, high: int = 18) -> str:
        text = " ".join(self.words(self.rng.randint(low, high)))
        return text[0].upper() + text[1:] + "."

    def paragraph(self, words: int, refs: tuple[str, ...] = ()) -> str:
        sentences, count = [], 0
        while count < words:
            sentence = self.sentence()
            count += sentence.count(" ") + 1
            sentences.append(sentence)
        for ref in refs:  # references sit inside sentences, as contributors write them
            index = self.rng.randrange(len(sentences))
            sentences[index] = sentences[index][:-1] + f", voir {ref}."
        return " ".join(sentences)

    def title(self, low: int = 3, high: int = 7) -> str:
        return self.sentence(low, high)[:-1]

    def bullets(self, count: int, ordered: bool = False) -> str:
        return "\n".join(
            (f"{i + 1}. " if ordered else "- ") + self.sentence(5, 12) for i in range(count)
        )

    def person(self) -> str:
        return f"{self.rng.choice(FIRST_NAMES)} {self.rng.choice(LAST_NAMES)}"

    def place(self) -> str:
        rng = self.rng
        name = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(1, 2)))
        return (name + rng.choice(SUFFIXES)).capitalize()


def _document(meta: dict, body: str) -> str:
    header = yaml.dump(meta, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=1000)
    return f"---\n{header}---\n\n{body.strip()}\n"


def _siren(rng: random.Random) -> str:
    """Nine digits with a valid Luhn key, as the engine checks."""
    base = [rng.randint(0, 9) for _ in range(8)]
    for key in range(10):
        digits = base + [key]
        total = sum(
            (d * 2 - 9 if d * 2 > 9 else d * 2) if i % 2 else d
            for i, d in enumerate(reversed(digits))
        )
        if total % 10 == 0:
            return "".join(map(str, digits))
    raise AssertionError("unreachable")


def _month(rng: random.Random, year_low: int = 2024, year_high: int = 2027) -> str:
    return f"{rng.randint(year_low, year_high)}-{rng.randint(1, 12):02d}"


# ---------------------------------------------------------------- entries


def _report(w: Writer, ctx: dict, slug: str, others: list[str]) -> str:
    rng = w.rng
    structure = f"{rng.choice(STRUCTURE_KINDS)} {w.place()}"
    practices = rng.sample(ctx["practices"], 2)
    territory = rng.choice(ctx["territories"]) if ctx["territories"] else None
    start = _month(rng, 2023, 2025)
    meta: dict = {
        "title": f"Retour d'expérience : {w.title()}",
        "description": w.sentence(12, 24),
        "format": "retour-experience",
        "avancement": "finalise",
        "resume": w.sentence(20, 35),
        "intervenants": [
            {"nom": w.person(), "fonction": "Coordinatrice du projet", "structure": structure}
        ],
        "structure": structure,
        "type_acteur": rng.choice(ctx["actors"]),
    }
    if territory and rng.random() < 0.6:
        meta["territoire"] = territory
    else:
        meta["localisation"] = f"Quartier {w.place()}, {rng.choice(REGIONS)[1]}"
    meta |= {
        "pratiques": practices,
        "thematiques": rng.sample(ctx["themes"], 2),
        "publics": rng.sample(ctx["publics"], 2),
        "debut": start,
        "fin": f"{int(start[:4]) + 1}{start[4:]}",
        "ressources": [
            {
                "titre": "Bilan d'activité 2025",
                "type": "bilan",
                "url": f"https://{slugify(structure)}.example/bilan.pdf",
            }
        ],
        "enseignements": [w.sentence(8, 16) for _ in range(3)],
        "contacts": [
            {
                "nom": "Accueil",
                "structure": structure,
                "courriel": f"contact@{slugify(structure)}.example",
            }
        ],
    }
    other = rng.choice(others) if others else None
    refs = {
        "Contexte": (f"[[territoire:{territory}]]",) if territory else (),
        "Mise en œuvre": (f"[[pratique:{practices[0]}]]",),
        "Enseignements et conditions de transfert": (
            (f"[[retour:{other}|un retour proche]]",) if other else ()
        ),
    }
    body: list[str] = []
    for section in REPORT_SECTIONS:
        body.append(f"## {section}")
        if section == "Objectifs" or section == "Facteurs de réussite":
            body += [w.paragraph(25), w.bullets(rng.randint(3, 5))]
        elif section == "Moyens":
            rows = "\n".join(
                f"| {w.title(2, 4)} | {rng.randint(2, 90) * 500} € | {w.title(1, 3)} |"
                for _ in range(4)
            )
            body += [w.paragraph(30), "| Poste | Montant | Financeur |\n|---|---|---|\n" + rows]
        elif section == "Résultats":
            body += [w.paragraph(70), w.bullets(3, ordered=True)]
        elif section == "Contacts et ressources":
            body.append(w.paragraph(25))
        else:
            body.append(w.paragraph(95, refs.get(section, ())))
    return _document(meta, "\n\n".join(body))


def _item(w: Writer, ctx: dict, fmt: str, seance: str) -> str:
    """A programme item that is not a report: shorter, with fewer facts."""
    rng = w.rng
    meta = {
        "title": w.title(),
        "description": w.sentence(12, 24),
        "format": fmt,
        "resume": w.sentence(20, 35),
        "intervenants": [
            {
                "nom": w.person(),
                "fonction": "Intervenant·e",
                "structure": f"{rng.choice(STRUCTURE_KINDS)} {w.place()}",
            }
        ],
        "pratiques": rng.sample(ctx["practices"], 1),
        "thematiques": rng.sample(ctx["themes"], 2),
    }
    body = [
        "## Déroulé",
        w.paragraph(150, (f"[[seance:{seance[:2]}]]",)),
        "## Points clés",
        w.bullets(4),
        "## Pour aller plus loin",
        w.paragraph(120, (f"[[pratique:{meta['pratiques'][0]}]]",)),
    ]
    return _document(meta, "\n\n".join(body))


def _seance(w: Writer, folder: str, themes: list[str]) -> str:
    title, month, date = SEANCES[folder]
    meta = {
        "title": title,
        "description": w.sentence(12, 24),
        "numero": int(folder[:2]),
        "mois": month,
        "annee": 2026,
        "date": date,
        "questions": [w.sentence(8, 14)[:-1] + " ?" for _ in range(2)],
        "thematiques": w.rng.sample(themes, 2),
    }
    if folder.startswith("05"):
        meta["restitution"] = True
    return _document(meta, "\n\n".join(w.paragraph(120) for _ in range(3)))


def _territory_files(
    w: Writer, ctx: dict, slug: str, name: str, reports: list[str]
) -> dict[str, str]:
    rng = w.rng
    region, department, dep = rng.choice(REGIONS)
    towns = list(dict.fromkeys([name] + [w.place() for _ in range(2)]))
    # unique names: plan actions list them as partners, and partners may not repeat
    names = dict.fromkeys(
        f"{rng.choice(STRUCTURE_KINDS)} {w.place()}" for _ in range(rng.randint(3, 6))
    )
    structures = [
        {"nom": nom, "type_acteur": rng.choice(ctx["actors"]), "role": w.sentence(5, 10)[:-1]}
        for nom in names
    ]
    index = {
        "title": f"Communauté d'agglomération de {name}",
        "description": w.sentence(12, 24),
        "region": region,
        "departement": department,
        "resume": w.paragraph(45),
        "collectivites": [
            {"nom": f"Communauté d'agglomération de {name}", "nature": "epci", "siren": _siren(rng)}
        ]
        + [
            {"nom": town, "nature": "commune", "code_insee": f"{dep}{rng.randint(1, 999):03d}"}
            for town in towns
        ],
        "qpv": [
            {
                "code": f"QN0{dep}{rng.randint(10, 99)}M",
                "nom": f"Quartier {w.place()}",
                "commune": town,
            }
            for town in towns[:2]
        ],
        "structures": structures,
    }
    practice = rng.choice(ctx["practices"])
    diagnostic = {
        "title": f"Diagnostic de {name}",
        "description": w.sentence(12, 24),
        "avancement": "finalise",
        "date": _month(rng, 2026, 2026),
        "indicateurs": [
            {
                "libelle": w.title(3, 6),
                "valeur": rng.randint(3, 20000),
                "unite": rng.choice(("%", "habitants", "lieux", "personnes")),
                "echelle": rng.choice(("qpv", "commune", "epci")),
                "source": "Insee, recensement de la population",
                "annee": 2021,
            }
            for _ in range(rng.randint(4, 7))
        ],
        **{
            key: [w.sentence(6, 14)[:-1] for _ in range(rng.randint(2, 4))]
            for key in ("forces", "faiblesses", "opportunites", "menaces", "besoins")
        },
        "lieux": [
            {
                "id": f"{slug}-lieu-1",
                "pivot": f"{rng.randint(10**13, 10**14 - 1)}",
                "nom": structures[0]["nom"],
                "commune": name,
                "code_postal": f"{dep}{rng.randint(100, 999)}",
                "adresse": f"{rng.randint(1, 80)} rue {w.place()}",
                "typologie": ["ASSO"],
                "services": ["Aide aux démarches administratives"],
                "date_maj": "2026-09-15",
            }
        ],
    }
    axes = []
    for a in range(1, rng.randint(2, 3) + 1):
        actions = []
        for b in range(1, rng.randint(2, 3) + 1):
            start = _month(rng, 2026, 2027)
            actions.append(
                {
                    "id": f"A{a}.{b}",
                    "titre": w.title(4, 8),
                    "objectif": w.sentence(10, 18),
                    "pratiques": rng.sample(ctx["practices"], rng.randint(1, 2)),
                    "pilote": structures[0]["nom"],
                    "partenaires": [s["nom"] for s in structures[1:3]],
                    "debut": start,
                    "fin": f"{int(start[:4]) + 1}{start[4:]}",
                    "budget": rng.randint(2, 100) * 1000,
                    "financeurs": ["État (crédits de la politique de la ville)"],
                    "indicateurs": [w.title(3, 6)],
                    "statut": rng.choice(ctx["statuses"]),
                }
            )
        axes.append({"titre": w.title(3, 6), "objectif": w.sentence(10, 16), "actions": actions})
    plan = {
        "title": f"Plan d'action de {name}",
        "description": w.sentence(12, 24),
        "avancement": "finalise",
        "date": _month(rng, 2026, 2026),
        "axes": axes,
    }
    partnership = {
        "title": f"Partenariat local de {name}",
        "description": w.sentence(12, 24),
        "avancement": "en-cours",
        "date": _month(rng, 2026, 2026),
        "partenaires": [
            {**s, "engagement": "Convention cadre", "contribution": w.sentence(5, 10)[:-1]}
            for s in structures
        ],
        "instances": [
            {
                "nom": "Comité de pilotage",
                "membres": [s["nom"] for s in structures[:3]],
                "frequence": "Deux fois par an",
            }
        ],
        "conventions": [
            {
                "titre": f"Convention cadre de {name}",
                "signataires": [s["nom"] for s in structures[:2]],
                "date": _month(rng, 2026, 2026),
                "objet": w.sentence(6, 10)[:-1],
            }
        ],
    }
    seen = (f"[[retour:{rng.choice(reports)}]]",) if reports else ()
    # « type » as `capi new territoire` writes it (without it, each file warns: W004)
    index, diagnostic, plan, partnership = (
        {"title": meta["title"], "type": kind, **meta}
        for meta, kind in zip((index, diagnostic, plan, partnership), TERRITORY_KINDS, strict=True)
    )
    return {
        "index.md": _document(index, w.paragraph(180, (f"[[pratique:{practice}]]",))),
        "diagnostic.md": _document(
            diagnostic,
            "## Méthode\n\n" + w.paragraph(120) + "\n\n## Analyse\n\n" + w.paragraph(200, seen),
        ),
        "plan-action.md": _document(plan, w.paragraph(200, (f"[[diagnostic:{slug}]]",))),
        "partenariat.md": _document(partnership, w.paragraph(150)),
    }


# ---------------------------------------------------------------- corpus


def copy_config(dest: Path) -> None:
    """The repository's configuration and organiser pages (not its content)."""
    dest.mkdir(parents=True, exist_ok=True)
    for name in ("mkdocs.yml", "vocabulaires.yml"):
        shutil.copy2(REPO / name, dest / name)
    shutil.copytree(REPO / "docs", dest / "docs")
    # other pages link to this report; before its first run, a stand-in keeps the strict
    # build of the corpus from failing on that link
    report = dest / "docs" / "performances.md"
    if not report.exists():
        report.write_text("# Performances\n\nPas encore mesuré.\n", encoding="utf-8")


def generate(dest: Path, entries: int, seed: int = 2026) -> CorpusStats:
    """Write a repository of ``entries`` content entries into ``dest`` (a new folder)."""
    rng = random.Random(seed * 100_003 + entries)
    w = Writer(rng)
    copy_config(dest)
    vocab = yaml.safe_load((REPO / "vocabulaires.yml").read_text(encoding="utf-8"))
    territory_count = max(1, round(entries / ENTRIES_PER_TERRITORY)) if entries >= 4 else 0
    item_count = max(0, entries - 4 * territory_count)
    names: dict[str, str] = {}
    while len(names) < territory_count:
        name = w.place()
        names.setdefault(slugify(name), name)
    folders = list(SEANCES)
    formats = [
        OTHER_FORMATS[i // 10 % 4] if i % 10 == 9 else "retour-experience"
        for i in range(item_count)
    ]
    slugs = [f"{slugify(w.title(2, 4))[:40].strip('-')}-{i + 1}" for i in range(item_count)]
    reports = [s for s, f in zip(slugs, formats) if f == "retour-experience"]
    ctx = {
        "practices": sorted(
            p.stem for p in (REPO / "docs" / "pratiques").glob("*.md") if p.name != "index.md"
        ),
        "themes": list(vocab["thematiques"]),
        "actors": list(vocab["types_acteurs"]),
        "publics": list(vocab["publics"]),
        "statuses": list(vocab["statuts_action"]),
        "territories": list(names),
    }
    for folder in folders:
        (dest / "sessions" / folder).mkdir(parents=True)
        (dest / "sessions" / folder / "index.md").write_text(
            _seance(w, folder, ctx["themes"]), encoding="utf-8"
        )
    for i, (slug, fmt) in enumerate(zip(slugs, formats)):
        folder = folders[i % len(folders)]
        text = (
            _report(
                w, ctx, slug, [r for r in rng.sample(reports, min(3, len(reports))) if r != slug]
            )
            if fmt == "retour-experience"
            else _item(w, ctx, fmt, folder)
        )
        (dest / "sessions" / folder / f"{slug}.md").write_text(text, encoding="utf-8")
    for slug, name in names.items():
        folder = dest / "territories" / slug
        folder.mkdir(parents=True)
        for filename, text in _territory_files(w, ctx, slug, name, reports).items():
            (folder / filename).write_text(text, encoding="utf-8")
    return CorpusStats(item_count + 4 * territory_count, item_count, len(reports), territory_count)


def baseline_tree(corpus: Path, dest: Path) -> None:
    """The same Markdown laid out as plain MkDocs pages, for the Material reference build.

    Files keep their front matter and body untouched and go where the engine mounts them
    (``sessions/NN-x/a.md`` → ``seances/NN-x/a.md``, ``territories/t/plan-action.md`` →
    ``territoires/t/plan-d-action.md``, practice pages stay in ``pratiques/``).
    """
    docs = dest / "docs"
    for top in ("sessions", "territories", "docs/pratiques"):
        for path in sorted((corpus / top).rglob("*.md")):
            located, _ = locate(path.relative_to(corpus).as_posix())
            if located is None:
                continue
            target = docs / located.src_uri
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, target)
    (docs / "index.md").write_text(
        "# Accueil\n\nSite de référence du banc d'essai.\n", encoding="utf-8"
    )
    project = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))
    config = {
        "site_name": "Référence Material (banc d'essai)",
        "theme": {"name": "material", "language": "fr", "features": ["navigation.prune"]},
        "plugins": [{"search": {"lang": "fr"}}, "tags"],
        # the same Markdown extensions as the project, so both convert the same Markdown
        "markdown_extensions": project.get("markdown_extensions", []),
    }
    (dest / "mkdocs.yml").write_text(
        yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8"
    )
