"""The national open-data standard "Lieux de médiation numérique" (v1.0.2).

Column order, patterns and closed vocabularies of the standard, used both to
check the places listed in a diagnostic and to write the conforming CSV.
These are the standard's values, not the organisers': they live in code.
"""

from __future__ import annotations

STANDARD_VERSION = "1.0.2"

COLUMNS: tuple[str, ...] = (
    "id", "pivot", "nom", "commune", "code_postal", "code_insee", "adresse",
    "complement_adresse", "latitude", "longitude", "typologie", "telephone", "courriels",
    "site_web", "horaires", "presentation_resume", "presentation_detail", "source",
    "itinerance", "structure_parente", "date_maj", "services",
    "publics_specifiquement_adresses", "prise_en_charge_specifique", "frais_a_charge",
    "dispositif_programmes_nationaux", "formations_labels", "autres_formations_labels",
    "modalites_acces", "modalites_accompagnement", "fiche_acces_libre", "prise_rdv",
)

REQUIRED = ("id", "pivot", "nom", "commune", "code_postal", "adresse", "date_maj")

PIVOT_PATTERN = r"^[a-zA-Z0-9]{9,14}$"
CODE_POSTAL_PATTERN = r"^\d{5}$"
CODE_INSEE_PATTERN = r"^([013-9]\d|2[AB1-9])\d{3}$"
TELEPHONE_PATTERN = r"^(\+33|\+590|\+594|\+262|\+596|\+269|\+687|\+689|\+508|\+681)(\d){6,9}$"
DATE_PATTERN = r"^\d{4}-\d{2}-\d{2}$"
RESUME_MAX = 280

# data·inclusion structure types accepted in "typologie" (the most common ones)
TYPOLOGIE = (
    "ACI", "ADIE", "AFPA", "AI", "ASE", "ASSO", "ASSO_CHOMEUR", "AVIP", "BIB", "CAARUD",
    "CADA", "CAF", "CAP_EMPLOI", "CAVA", "CC", "CCAS", "CCONS", "CD", "CDAS", "CFP", "CHRS",
    "CHU", "CIAS", "CIDFF", "CITMET", "CMP", "CMS", "CPH", "CS", "CSAPA", "DEETS", "DEPT",
    "DIPLP", "E2C", "EA", "EATT", "EI", "ENM", "EPCI", "EPI", "EPIDE", "EPN", "ES", "ESS",
    "ETTI", "EVS", "FABLAB", "FAIS", "FT", "GEIQ", "HUDA", "LA_POSTE", "MDE", "MDH", "MDPH",
    "MDS", "MJC", "ML", "MQ", "MSA", "MSAP", "MUNI", "OACAS", "ODC", "OF", "OIL", "OPCS",
    "PAD", "PE", "PENSION", "PIJ_BIJ", "PIMMS", "PJJ", "PLIE", "PREF", "PREVENTION", "REG",
    "RESSOURCERIE", "RFS", "RS_FJT", "SCP", "SPIP", "TIERS_LIEUX", "UDAF", "COMMUNE",
)

VOCABULARIES: dict[str, tuple[str, ...]] = {
    "itinerance": ("Itinérant", "Fixe"),
    "services": (
        "Aide aux démarches administratives",
        "Maîtrise des outils numériques du quotidien",
        "Insertion professionnelle via le numérique",
        "Utilisation sécurisée du numérique",
        "Parentalité et éducation avec le numérique",
        "Loisirs et créations numériques",
        "Compréhension du monde numérique",
        "Accès internet et matériel informatique",
        "Acquisition de matériel informatique à prix solidaire",
    ),
    "publics_specifiquement_adresses": (
        "Jeunes", "Étudiants", "Familles et/ou enfants", "Seniors", "Femmes",
    ),
    "prise_en_charge_specifique": (
        "Surdité", "Handicaps moteurs", "Handicaps mentaux", "Illettrisme",
        "Langues étrangères (anglais)", "Langues étrangères (autres)", "Déficience visuelle",
    ),
    "frais_a_charge": ("Gratuit", "Gratuit sous condition", "Payant"),
    "dispositif_programmes_nationaux": (
        "Aidants Connect", "Bibliothèques numérique de référence", "Certification PIX",
        "Conseillers numériques", "Emmaüs Connect", "France Services",
        "Grande école du numérique", "La Croix Rouge", "Point d'accès numérique CAF",
        "Promeneurs du net", "Relais numérique (Emmaüs Connect)",
    ),
    "formations_labels": (
        "Formé à « Mon Espace Santé »", "Formé à « DUPLEX » (illettrisme)",
        "Arnia/MedNum BFC (Bourgogne-Franche-Comté)",
        "Collectif ressources et acteurs réemploi (Normandie)", "Étapes numériques(La Poste)",
        "Fabriques de Territoire", "Les Éclaireurs du numérique (Drôme)",
        "Mes Papiers (Métropole de Lyon)", "ORDI 3.0", "SUD LABS (PACA)",
    ),
    "modalites_acces": (
        "Se présenter", "Téléphoner", "Contacter par mail", "Prendre un RDV en ligne",
        "Ce lieu n'accueille pas de public", "Envoyer un mail avec une fiche de prescription",
    ),
    "modalites_accompagnement": (
        "En autonomie", "Accompagnement individuel", "Dans un atelier collectif", "À distance",
    ),
    "typologie": TYPOLOGIE,
}

MULTI_VALUED = (
    "typologie", "courriels", "site_web", "itinerance", "services",
    "publics_specifiquement_adresses", "prise_en_charge_specifique", "frais_a_charge",
    "dispositif_programmes_nationaux", "formations_labels", "modalites_acces",
    "modalites_accompagnement",
)


def vocabularies() -> dict[str, dict[str, str]]:
    """The closed lists in the shape of the site's vocabularies (value → label)."""
    return {f"lieux.{name}": {v: v for v in values} for name, values in VOCABULARIES.items()}
