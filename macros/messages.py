"""Every French message the engine prints, each with a stable code.

The "Messages d'erreur" page of the site documents each code under an anchor
of the same name (lowercase), and ``capi check`` links to it.
"""

from __future__ import annotations

DOC_URL = "guides/messages-erreur/"

# code -> (message template, short title used by the documentation page)
MESSAGES: dict[str, tuple[str, str]] = {
    "E001": ("le fichier n'est pas encodé en UTF-8 (octet invalide) ; réenregistrez-le en UTF-8",
             "Fichier non UTF-8"),
    "E002": ("l'en-tête YAML est absent : le fichier doit commencer par une ligne « --- »",
             "En-tête absent"),
    "E003": ("l'en-tête YAML n'est pas fermé : ajoutez une ligne « --- » après la dernière clé",
             "En-tête non fermé"),
    "E004": ("tabulation dans l'en-tête YAML : indentez avec des espaces",
             "Tabulation dans l'en-tête"),
    "E005": ("syntaxe YAML invalide : {detail}", "Syntaxe YAML invalide"),
    "E006": ("l'en-tête YAML doit être une liste de clés « clé: valeur »",
             "En-tête qui n'est pas un dictionnaire"),
    "E007": ("clé « {key} » en double (déjà définie ligne {first}) ; gardez une seule des deux",
             "Clé en double"),
    "E008": ("en-tête YAML trop gros ou trop d'alias (plus de {limit} valeurs) ; simplifiez-le",
             "En-tête trop gros"),
    "E009": ("étiquette YAML « {tag} » non autorisée : seules les valeurs simples sont acceptées",
             "Étiquette YAML interdite"),
    "E010": ("fichier trop volumineux ({size} octets, maximum {limit})", "Fichier trop volumineux"),
    "E011": ("clé obligatoire « {key} » manquante{hint}", "Clé obligatoire manquante"),
    "E012": ("« {key} » doit être {expected} (valeur trouvée : {found})", "Type de valeur incorrect"),
    "E013": ("clé « {key} » inconnue{suggestion}", "Clé inconnue"),
    "E014": ("« {key} » : valeur « {value} » inconnue{suggestion} ; valeurs possibles : {choices}",
             "Valeur hors vocabulaire"),
    "E015": ("{label} « {value} » inconnu(e){suggestion}", "Référence inconnue"),
    "E016": ("« {key} » : « {value} » n'a pas le format attendu ({expected})", "Format invalide"),
    "E017": ("{label} « {slug} » déjà utilisé par {other} ; choisissez un autre nom de fichier",
             "Identifiant en double"),
    "E018": ("type « {declared} » déclaré, mais l'emplacement du fichier indique « {expected} »",
             "Type contradictoire"),
    "E019": ("emplacement non reconnu : {hint}", "Emplacement de fichier non reconnu"),
    "E020": ("pratique « {value} » inconnue{suggestion} ; pour en créer une : "
             "capi new pratique {value}", "Pratique inconnue"),
    "E021": ("référence [[{kind}:{slug}]] inconnue{suggestion}", "Référence inconnue dans le texte"),
    "E022": ("[[{kind}:{slug}]] : « {slug} » n'est pas un(e) {kind_label} mais un(e) {actual}",
             "Référence du mauvais type"),
    "E023": ("« {key} » : « {value} » figure deux fois dans la liste", "Doublon dans une liste"),
    "E024": ("« {key} » : la fin ({end}) précède le début ({start})", "Fin avant le début"),
    "E025": ("« {key} » doit être positif ou nul (valeur : {value})", "Valeur négative"),
    "E026": ("« {key} » : code INSEE « {value} » invalide (5 caractères : 2 chiffres ou 2A/2B, "
             "puis 3 chiffres)", "Code INSEE invalide"),
    "E027": ("« {key} » : SIREN « {value} » invalide ({why})", "SIREN invalide"),
    "E028": ("« {key} » : code QPV « {value} » invalide (forme QN07511M ou QP093028)",
             "Code QPV invalide"),
    "E029": ("HTML interdit : {what} ; {remedy}", "HTML interdit"),
    "E030": ("donnée personnelle « {value} » publiée sans consentement : ajoutez "
             "« consentement: true » à ce contact ou utilisez une adresse de structure",
             "Donnée personnelle sans consentement"),
    "E031": ("référence [[{kind}:…]] : type inconnu ; types possibles : {kinds}",
             "Type de référence inconnu"),
    "E032": ("« {key} » : date « {value} » invalide (attendu : AAAA-MM-JJ ou AAAA-MM)",
             "Date invalide"),
    "E033": ("contenu interdit hors des pages d'organisateurs : {what}", "Clé réservée"),
    "W001": ("contenu d'exemple (exemple: true) : à retirer avant la publication "
             "(capi publish --sans-exemples)", "Contenu d'exemple"),
}


def render_message(code: str, **params: object) -> str:
    template, _title = MESSAGES[code]
    return template.format(**params)


def suggestion(candidates: list[str]) -> str:
    """The "did you mean" tail of a message, empty when there is nothing close."""
    if not candidates:
        return ""
    quoted = " ou ".join(f"« {c} »" for c in candidates)
    return f" ; vouliez-vous dire {quoted} ?"
