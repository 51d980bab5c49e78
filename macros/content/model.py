"""The content model: one schema per content type, the single source of truth.

Validation, editor JSON Schemas, templates and the CMS configuration are all
derived from the declarations below.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from . import places
from .fields import (
    DATE_RE,
    DAY_RE,
    Context,
    Field,
    choice,
    deepest_line,
    key_label,
    listof,
    obj,
    ref,
    text,
)
from .fields import Field as F
from .identifiers import FUNCTIONAL_EMAIL_PATTERN, is_functional_email
from .vocabulary import indicator_vocabulary

# ---------------------------------------------------------------- content types

KINDS: dict[str, str] = {
    "seance": "séance",
    "intervention": "intervention",
    "territoire": "territoire",
    "diagnostic": "diagnostic",
    "plan-action": "plan d'action",
    "partenariat": "partenariat local",
    "pratique": "pratique",
}

# kinds usable in [[kind:slug]] references, with the entity kind they point to
REFERENCE_KINDS: dict[str, str] = {
    "pratique": "pratique",
    "territoire": "territoire",
    "seance": "seance",
    "retour": "intervention",
    "intervention": "intervention",
    "diagnostic": "diagnostic",
    "plan-action": "plan-action",
    "partenariat": "partenariat",
    "thematique": "thematique",
    "acteur": "acteur",
}

REPORT_FORMAT = "retour-experience"
DELIVERABLES = ("diagnostic", "plan-action", "partenariat")


# ---------------------------------------------------------------- rules


def _period_rule(start: str, end: str):
    def rule(value: dict, keypath: tuple, ctx: Context) -> None:
        if start not in value or end not in value:
            return
        # compare at the coarser precision: an end in June is not before a start on 15 June
        precision = min(len(value[start]), len(value[end]))
        if value[end][:precision] < value[start][:precision]:
            ctx.add(
                keypath + (end,),
                "E024",
                key=key_label(keypath + (end,)),
                start=value[start],
                end=value[end],
            )

    return rule


def _consent_rule(value: dict, keypath: tuple, ctx: Context) -> None:
    """A person's e-mail or phone is published only with their consent."""
    if value.get("consentement") is True:
        return
    for key in ("courriel", "telephone"):
        if key in value and (key == "telephone" or not is_functional_email(value[key])):
            ctx.add(keypath + (key,), "E030", value=value[key])


def _indicator_rule(value: dict, keypath: tuple, ctx: Context) -> None:
    """A catalogue indicator takes its label, unit and scale from the catalogue: a unit or a
    scale written in the diagnostic must agree with it; a free indicator needs a label."""
    code = value.get("code")
    if not code:
        if not value.get("libelle"):
            ctx.add(keypath, "E011", key=key_label(keypath + ("libelle",)), hint=INDICATOR_HINT)
        return
    for attribute in ("unite", "echelle"):
        expected = ctx.vocabularies.get(indicator_vocabulary(attribute), {}).get(str(code))
        found = value.get(attribute)
        if expected is None or found in (None, ""):
            continue
        if str(found).strip().casefold() != expected.strip().casefold():
            ctx.add(
                keypath + (attribute,),
                "E044",
                key=key_label(keypath + (attribute,)),
                indicator=code,
                found=found,
                expected=expected,
            )


INDICATOR_HINT = " (ou « code » d'un indicateur du catalogue)"

# ---------------------------------------------------------------- shared fields

COMMON: dict[str, Field] = {
    "title": text("Titre de la page", required=True),
    "description": text("Résumé en une ou deux phrases (moteurs de recherche, cartes)"),
    "tags": listof(text("Mot-clé"), "Mots-clés libres"),
    "hide": listof(text("Élément"), "Éléments de page à masquer (navigation, toc)"),
    "exemple": F("bool", "Contenu d'exemple, à retirer avant publication"),
    "type": text("Type de document, à ne pas modifier (il correspond à l'emplacement du fichier)"),
}

MONTH_HELP = "AAAA-MM ou AAAA-MM-JJ"
AVANCEMENT = choice("avancement", "Avancement du document")

contact = obj(
    "Contact",
    {
        "nom": text("Nom", required=True),
        "role": text("Fonction"),
        "structure": text("Structure"),
        "courriel": F("email", "Courriel"),
        "telephone": text("Téléphone"),
        "consentement": F("bool", "La personne a accepté la publication de ses coordonnées"),
    },
    rules=(_consent_rule,),
    # the consent rule for editors: without consent, only a structure's address, no phone
    rule_schema={
        "if": {
            "not": {"properties": {"consentement": {"const": True}}, "required": ["consentement"]}
        },
        "then": {
            "properties": {
                "courriel": {
                    "anyOf": [
                        {"type": "null"},
                        {"const": ""},
                        {"type": "string", "pattern": FUNCTIONAL_EMAIL_PATTERN},
                    ]
                },
                "telephone": {"anyOf": [{"type": "null"}, {"const": ""}]},
            }
        },
    },
)

resource = obj(
    "Ressource",
    {
        "titre": text("Titre", required=True),
        # a web address, or a repository file given by a relative path (no scheme, so never
        # javascript: or data:)
        "url": text(
            "Adresse web ou chemin d'un fichier du dépôt",
            required=True,
            pattern=r"https?://[^\s<>\"'`\\]+|[A-Za-z0-9_.][A-Za-z0-9_./#%-]*",
            pattern_label="une adresse https://… ou le chemin d'un fichier du dépôt",
        ),
        "type": text("Nature (guide, vidéo, outil…)"),
    },
)

intervenant = obj(
    "Intervenant·e",
    {
        "nom": text("Nom", required=True),
        "fonction": text("Fonction"),
        "structure": text("Structure"),
    },
)

# ---------------------------------------------------------------- schemas

SEANCE: dict[str, Field] = {
    **COMMON,
    "numero": F("int", "Numéro de la séance", minimum=1),
    "mois": choice("mois", "Mois", required=True),
    "annee": F("int", "Année", minimum=2000),
    "date": F("date", "Date", help=MONTH_HELP),
    "lieu": text("Lieu"),
    "questions": listof(text("Question"), "Questions posées par la séance", required=True),
    "thematiques": listof(choice("thematiques", "Thématique"), "Thématiques", unique=True),
    "restitution": F("bool", "Séance de clôture, qui restitue les travaux du cycle"),
}

INTERVENTION: dict[str, Field] = {
    **COMMON,
    "format": choice("formats", "Format", required=True),
    "avancement": choice("avancement", "Avancement de la fiche (à compléter : brouillon)"),
    "resume": text("Résumé"),
    "intervenants": listof(intervenant, "Intervenant·es"),
    "structure": text("Structure porteuse"),
    "type_acteur": choice("types_acteurs", "Type d'acteur de la structure porteuse"),
    "territoire": ref("territoire", "Territoire participant (identifiant)"),
    "localisation": text("Lieu ou territoire, s'il ne participe pas au cycle"),
    "pratiques": listof(ref("pratique", "Pratique"), "Pratiques", unique=True),
    "thematiques": listof(choice("thematiques", "Thématique"), "Thématiques", unique=True),
    "publics": listof(choice("publics", "Public"), "Publics concernés", unique=True),
    "debut": F("date", "Début", help=MONTH_HELP),
    "fin": F("date", "Fin", help=MONTH_HELP),
    "ressources": listof(resource, "Ressources"),
    "enseignements": listof(text("Enseignement"), "Enseignements (une phrase chacun)"),
    "questions_ouvertes": listof(text("Question"), "Questions en suspens"),
    "contacts": listof(contact, "Contacts"),
}
INTERVENTION_RULES = (_period_rule("debut", "fin"),)

# Required only for experience reports (format: retour-experience) once they are no longer
# drafts: a report created by `capi new` is "a-completer" and valid while it is being written
REPORT_REQUIRED = ("structure", "type_acteur", "pratiques", "thematiques", "enseignements")

collectivite = obj(
    "Collectivité",
    {
        "nom": text("Nom", required=True),
        "nature": choice("natures_collectivite", "Nature", required=True),
        "code_insee": F("code", "Code INSEE (commune)", code="insee"),
        "siren": F("code", "SIREN (EPCI, 9 chiffres)", code="siren"),
    },
)

TERRITOIRE: dict[str, Field] = {
    **COMMON,
    "region": text("Région"),
    "departement": text("Département"),
    "resume": text("Présentation en quelques phrases"),
    "collectivites": listof(collectivite, "Collectivités"),
    "qpv": listof(
        obj(
            "Quartier prioritaire",
            {
                "code": F("code", "Code QPV", code="qpv", required=True),
                "nom": text("Nom du quartier", required=True),
                "commune": text("Commune"),
            },
        ),
        "Quartiers prioritaires (QPV)",
    ),
    "structures": listof(
        obj(
            "Structure participante",
            {
                "nom": text("Nom", required=True),
                "type_acteur": choice("types_acteurs", "Type d'acteur", required=True),
                "role": text("Rôle dans le cycle"),
            },
        ),
        "Structures participantes",
    ),
    "contacts": listof(contact, "Contacts"),
}


def _place_field(name: str) -> Field:
    label = name.replace("_", " ").capitalize()
    required = name in places.REQUIRED
    if name in places.VOCABULARIES:
        return listof(choice(f"lieux.{name}", label), label, unique=True)
    patterns = {
        "pivot": (places.PIVOT_PATTERN, "SIRET (14 chiffres) ou RNA"),
        "code_postal": (places.CODE_POSTAL_PATTERN, "5 chiffres"),
        "telephone": (places.TELEPHONE_PATTERN, "forme internationale, ex. +33123456789"),
        "date_maj": (DAY_RE.pattern, "AAAA-MM-JJ, un jour qui existe"),
        "id": (r"^[a-z0-9]+(-[a-z0-9]+)*$", "minuscules, chiffres et tirets"),
    }
    if name in patterns:
        pattern, plabel = patterns[name]
        return text(label, required=required, pattern=pattern, pattern_label=plabel)
    if name == "code_insee":
        return F("code", label, code="insee")
    if name in ("latitude", "longitude"):
        return F("number", label)
    if name == "courriels":
        return listof(F("email", "Courriel"), label)
    if name in ("site_web",):
        return listof(F("url", "Adresse web"), label)
    if name in ("fiche_acces_libre", "prise_rdv"):
        return F("url", label)
    if name == "presentation_resume":
        return text(label, max_length=places.RESUME_MAX)
    return text(label, required=required)


PLACE = obj("Lieu de médiation numérique", {c: _place_field(c) for c in places.COLUMNS})

DIAGNOSTIC: dict[str, Field] = {
    **COMMON,
    "avancement": AVANCEMENT,
    "date": F("date", "Date de mise à jour", help=MONTH_HELP),
    "indicateurs": listof(
        obj(
            "Indicateur",
            {
                "code": choice(
                    "indicateurs",
                    "Indicateur du catalogue (libellé, unité et échelle viennent du catalogue)",
                ),
                "libelle": text("Libellé (indicateur local, hors catalogue)"),
                "valeur": F("quantity", "Valeur", required=True),
                "unite": text("Unité"),
                "echelle": choice("echelles", "Échelle"),
                "source": text("Source", required=True),
                "annee": F("int", "Année", required=True, minimum=1900),
            },
            rules=(_indicator_rule,),
            rule_schema={"anyOf": [{"required": ["code"]}, {"required": ["libelle"]}]},
        ),
        "Indicateurs",
    ),
    "forces": listof(text("Force"), "Forces"),
    "faiblesses": listof(text("Faiblesse"), "Faiblesses"),
    "opportunites": listof(text("Opportunité"), "Opportunités"),
    "menaces": listof(text("Menace"), "Menaces"),
    "besoins": listof(text("Besoin"), "Besoins prioritaires"),
    "lieux": listof(PLACE, "Lieux de médiation numérique (standard national)"),
}

action = obj(
    "Action",
    {
        "id": text(
            "Identifiant court (ex. A1)",
            required=True,
            pattern=r"^[A-Za-z0-9][A-Za-z0-9.-]*$",
            pattern_label="lettres, chiffres, points et tirets",
        ),
        "titre": text("Titre", required=True),
        "objectif": text("Objectif"),
        "pratiques": listof(ref("pratique", "Pratique"), "Pratiques mobilisées", unique=True),
        "pilote": text("Structure pilote"),
        "partenaires": listof(text("Partenaire"), "Partenaires", unique=True),
        "debut": F("date", "Début", help=MONTH_HELP),
        "fin": F("date", "Fin", help=MONTH_HELP),
        "budget": F("number", "Budget en euros", minimum=0),
        "financeurs": listof(text("Financeur"), "Financeurs"),
        "indicateurs": listof(text("Indicateur"), "Indicateurs de suivi"),
        "statut": choice("statuts_action", "Statut", required=True),
    },
    rules=(_period_rule("debut", "fin"),),
)

PLAN_ACTION: dict[str, Field] = {
    **COMMON,
    "avancement": AVANCEMENT,
    "date": F("date", "Date de mise à jour", help=MONTH_HELP),
    "axes": listof(
        obj(
            "Axe",
            {
                "titre": text("Titre de l'axe", required=True),
                "objectif": text("Objectif de l'axe"),
                "actions": listof(action, "Actions"),
            },
        ),
        "Axes du plan d'action",
    ),
}

PARTENARIAT: dict[str, Field] = {
    **COMMON,
    "avancement": AVANCEMENT,
    "date": F("date", "Date de mise à jour", help=MONTH_HELP),
    "partenaires": listof(
        obj(
            "Partenaire",
            {
                "nom": text("Nom", required=True),
                "type_acteur": choice("types_acteurs", "Type d'acteur", required=True),
                "role": text("Rôle"),
                "engagement": text("Engagement (convention, lettre d'intention…)"),
                "contribution": text("Contribution (moyens, compétences…)"),
            },
        ),
        "Partenaires",
    ),
    "instances": listof(
        obj(
            "Instance de gouvernance",
            {
                "nom": text("Nom", required=True),
                "membres": listof(text("Membre"), "Membres"),
                "frequence": text("Fréquence des réunions"),
            },
        ),
        "Gouvernance",
    ),
    "conventions": listof(
        obj(
            "Convention",
            {
                "titre": text("Titre", required=True),
                "signataires": listof(text("Signataire"), "Signataires"),
                "date": F("date", "Date", help=MONTH_HELP),
                "objet": text("Objet"),
            },
        ),
        "Conventions et accords",
    ),
}

PRATIQUE: dict[str, Field] = {
    **COMMON,
    "thematiques": listof(choice("thematiques", "Thématique"), "Thématiques", unique=True),
    "synonymes": listof(text("Synonyme"), "Autres noms de la pratique (pour la recherche)"),
}

SCHEMAS: dict[str, Mapping[str, Field]] = {
    "seance": SEANCE,
    "intervention": INTERVENTION,
    "territoire": TERRITOIRE,
    "diagnostic": DIAGNOSTIC,
    "plan-action": PLAN_ACTION,
    "partenariat": PARTENARIAT,
    "pratique": PRATIQUE,
}

# keys read by MkDocs/Material or by our plugin on organiser pages only
ORGANISER_ONLY_KEYS = ("render_macros", "template", "macros")


# ---------------------------------------------------------------- entries


@dataclass(frozen=True, eq=False)
class Entry:
    """One content file, validated: its kind, identity, metadata and body."""

    kind: str
    slug: str
    path: str  # relative to the repository root, e.g. sessions/01-enjeux/index.md
    src_uri: str  # where it is mounted in the site, e.g. seances/01-enjeux/index.md
    meta: dict[str, Any]
    body: str = ""
    body_line: int = 1
    lines: dict[tuple, int] = field(default_factory=dict, repr=False)

    @property
    def key(self) -> tuple[str, str]:
        return (self.kind, self.slug)

    @property
    def title(self) -> str:
        return str(self.meta.get("title", self.slug))

    @property
    def is_report(self) -> bool:
        return self.kind == "intervention" and self.meta.get("format") == REPORT_FORMAT

    @property
    def is_example(self) -> bool:
        return bool(self.meta.get("exemple"))

    @property
    def territory(self) -> str | None:
        """Slug of the participating territory this entry belongs to or talks about."""
        if self.kind in DELIVERABLES or self.kind == "territoire":
            return self.slug
        return self.meta.get("territoire")

    @property
    def seance(self) -> str | None:
        if self.kind == "seance":
            return self.slug
        if self.kind == "intervention":
            return self.src_uri.split("/")[1][:2]
        return None

    def line(self, *keypath: object) -> int:
        return deepest_line(self.lines, keypath)


def month_key(value: str) -> str:
    """Sortable form of a date written with month or day precision."""
    return value if DATE_RE.match(value or "") else ""


def action_anchor(action_id: str) -> str:
    """HTML id of an action in its plan page, so practice pages can link to it."""
    return "action-" + str(action_id).lower().replace(".", "-")
