"""Commented French templates for new content files, derived from the model's schemas.

The front matter of a template lists the useful keys of the schema with their
label and allowed values as comments, so the template never disagrees with
validation. ``capi new`` fills in what it knows (title, format, séance…).
"""

from __future__ import annotations

import json
import posixpath

from .fields import Field
from .kinds import FIELD_KINDS
from .model import SCHEMAS
from .vocabulary import Vocabularies

# keys offered in each template, in order (the others stay documented in the schemas)
TEMPLATE_KEYS = {
    "retour": (
        "title",
        "format",
        "avancement",
        "description",
        "resume",
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
        "questions_ouvertes",
        "ressources",
        "contacts",
    ),
    "intervention": (
        "title",
        "format",
        "description",
        "resume",
        "intervenants",
        "structure",
        "type_acteur",
        "territoire",
        "pratiques",
        "thematiques",
    ),
    "territoire": (
        "title",
        "type",
        "region",
        "departement",
        "resume",
        "collectivites",
        "qpv",
        "structures",
    ),
    "diagnostic": (
        "title",
        "type",
        "avancement",
        "date",
        "indicateurs",
        "forces",
        "faiblesses",
        "opportunites",
        "menaces",
        "besoins",
        "lieux",
    ),
    "plan-action": ("title", "type", "avancement", "date", "axes"),
    "partenariat": (
        "title",
        "type",
        "avancement",
        "date",
        "partenaires",
        "instances",
        "conventions",
    ),
    "pratique": ("title", "description", "thematiques", "synonymes"),
    "seance": (
        "title",
        "numero",
        "mois",
        "annee",
        "date",
        "lieu",
        "description",
        "questions",
        "thematiques",
    ),
}

BODIES = {
    "retour": [
        "Contexte",
        "Objectifs",
        "Mise en œuvre",
        "Moyens",
        "Résultats",
        "Facteurs de réussite",
        "Difficultés",
        "Enseignements et conditions de transfert",
        "Contacts et ressources",
    ],
    "intervention": ["Ce qui a été présenté", "À retenir"],
    "territoire": [],
    "diagnostic": ["Analyse"],
    "plan-action": ["Présentation du plan"],
    "partenariat": ["Présentation du partenariat"],
    "pratique": ["Définition", "Conditions de réussite", "Points de vigilance"],
    "seance": [],
}

# example lines shown (commented) under list and object keys
EXAMPLES = {
    "collectivites": ["- nom: Ville de …", "  nature: commune", '  code_insee: "00000"'],
    "qpv": ["- code: QN00000M", "  nom: Quartier …"],
    "structures": ["- nom: Centre social …", "  type_acteur: structure-proximite", "  role: …"],
    "indicateurs": [
        "- libelle: Part des ménages sans accès à internet",
        "  valeur: 18",
        '  unite: "%"',
        "  echelle: qpv",
        "  source: INSEE",
        "  annee: 2024",
    ],
    "lieux": [
        "- id: nom-du-lieu",
        '  pivot: "00000000000000"',
        "  nom: …",
        "  commune: …",
        '  code_postal: "00000"',
        "  adresse: …",
        "  date_maj: 2026-01-31",
        "  services:",
        "    - Aide aux démarches administratives",
    ],
    "axes": [
        "- titre: Axe 1 …",
        "  actions:",
        "    - id: A1.1",
        "      titre: …",
        "      pratiques: [identifiant-de-pratique]",
        "      pilote: …",
        "      debut: 2026-09",
        "      fin: 2027-06",
        "      budget: 10000",
        "      statut: prevue",
    ],
    "partenaires": ["- nom: …", "  type_acteur: commune", "  role: …"],
    "instances": [
        "- nom: Comité de pilotage",
        "  membres: [Ville, EPCI]",
        "  frequence: deux fois par an",
    ],
    "conventions": ["- titre: …", "  signataires: [Ville, Association …]", "  date: 2026-09"],
    "ressources": ["- titre: …", "  url: https://…"],
    "contacts": ["- nom: Accueil de la structure", "  courriel: contact@exemple.fr"],
    "intervenants": ["- nom: …", "  fonction: …", "  structure: …"],
}


def _comment(spec: Field, vocabularies: Vocabularies, known: dict[str, list[str]]) -> str:
    label = spec.label + (" (obligatoire)" if spec.required else "")
    target = spec.items if spec.kind == "list" and spec.items else spec
    values = FIELD_KINDS[target.kind].choices(target, vocabularies, known)
    if spec.help:
        label += f" — {spec.help}"
    if values:
        shown = ", ".join(values[:8]) + (", …" if len(values) > 8 else "")
        label += f" — valeurs : {shown}"
    return label


def render(
    template: str,
    kind: str,
    values: dict[str, object],
    vocabularies: Vocabularies,
    known: dict[str, list[str]],
    target_path: str,
) -> str:
    """The full text of a new file of ``kind`` (``template`` picks keys and body)."""
    schema = SCHEMAS[kind]
    schema_path = posixpath.relpath(f"schemas/{kind}.schema.json", posixpath.dirname(target_path))
    lines = [
        "---",
        f"# yaml-language-server: $schema={schema_path}",
        "# Modèle créé par « capi new ». Les lignes qui commencent par # sont des commentaires.",
        "# Vérifiez la fiche avec : capi check " + target_path,
    ]
    for key in TEMPLATE_KEYS[template]:
        spec = schema[key]
        comment = _comment(spec, vocabularies, known)
        value = values.get(key)
        if value is not None:
            lines.append(f"{key}: {json.dumps(value, ensure_ascii=False)}  # {comment}")
        elif spec.kind in ("list", "object"):
            lines.append(f"{key}:  # {comment}")
            lines += [f"  # {example}" for example in EXAMPLES.get(key, ["- …"])]
        else:
            lines.append(f"{key}:  # {comment}")
    lines.append("---")
    body = []
    for heading in BODIES[template]:
        body += [f"## {heading}", "", "À compléter.", ""]
    if template == "seance":
        body = [
            "Présentez la séance en quelques phrases : ce qu'elle cherche, son déroulé, "
            "ses intervenants. Le programme (interventions, visites, ateliers) s'affiche "
            "de lui-même à partir des fiches du dossier.",
            "",
        ]
    if template == "territoire":
        body = [
            "Présentez le territoire en quelques phrases : ses quartiers, ses acteurs, "
            "ce qu'il attend du cycle.",
            "",
        ]
    return "\n".join(lines) + "\n\n" + "\n".join(body)
