"""Every French text the engine prints: problems with a stable code, and the commands'
own lines (``TEXTS``), so wording is reviewed and kept consistent in one place.

The "Messages d'erreur" page of the site documents each code under an anchor
of the same name (lowercase), and ``capi check`` links to it.
"""

from __future__ import annotations

DOC_URL = "guides/messages-erreur/"

# code -> (message template, short title used by the documentation page)
MESSAGES: dict[str, tuple[str, str]] = {
    "E001": (
        "le fichier n'est pas encodé en UTF-8 (octet invalide) ; réenregistrez-le en UTF-8",
        "Fichier non UTF-8",
    ),
    "E002": (
        "l'en-tête YAML est absent : le fichier doit commencer par une ligne « --- »",
        "En-tête absent",
    ),
    "E003": (
        "l'en-tête YAML n'est pas fermé : ajoutez une ligne « --- » après la dernière clé",
        "En-tête non fermé",
    ),
    "E004": (
        "tabulation dans l'en-tête YAML : indentez avec des espaces",
        "Tabulation dans l'en-tête",
    ),
    "E005": ("syntaxe YAML invalide : {detail}", "Syntaxe YAML invalide"),
    "E006": (
        "l'en-tête YAML doit être une liste de clés « clé: valeur »",
        "En-tête qui n'est pas un dictionnaire",
    ),
    "E007": (
        "clé « {key} » en double (déjà définie ligne {first}) ; gardez une seule des deux",
        "Clé en double",
    ),
    "E008": (
        "en-tête YAML trop gros ou trop d'alias (plus de {limit} valeurs) ; simplifiez-le",
        "En-tête trop gros",
    ),
    "E009": (
        "étiquette YAML « {tag} » non autorisée : seules les valeurs simples sont acceptées",
        "Étiquette YAML interdite",
    ),
    "E010": ("fichier trop volumineux ({size} octets, maximum {limit})", "Fichier trop volumineux"),
    "E011": ("clé obligatoire « {key} » manquante{hint}", "Clé obligatoire manquante"),
    "E012": (
        "« {key} » doit être {expected} (valeur trouvée : {found})",
        "Type de valeur incorrect",
    ),
    "E013": ("clé « {key} » inconnue{suggestion}", "Clé inconnue"),
    "E014": (
        "« {key} » : valeur « {value} » inconnue{suggestion} ; valeurs possibles : {choices}",
        "Valeur hors vocabulaire",
    ),
    "E015": ("{label} « {value} » inconnu(e){suggestion}", "Référence inconnue"),
    "E016": ("« {key} » : « {value} » n'a pas le format attendu ({expected})", "Format invalide"),
    "E017": (
        "{label} « {slug} » déjà utilisé par {other} ; choisissez un autre nom de fichier",
        "Identifiant en double",
    ),
    "E018": (
        "type « {declared} » déclaré, mais l'emplacement du fichier indique « {expected} »",
        "Type contradictoire",
    ),
    "E019": ("fichier rangé au mauvais endroit : {expected}", "Fichier au mauvais endroit"),
    "E020": (
        "pratique « {value} » inconnue{suggestion}",
        "Pratique inconnue",
    ),
    "E021": (
        "référence [[{kind}:{slug}]] inconnue{suggestion}",
        "Référence inconnue dans le texte",
    ),
    "E022": (
        "[[{kind}:{slug}]] : « {slug} » n'est pas un(e) {kind_label} mais un(e) {actual}",
        "Référence du mauvais type",
    ),
    "E023": ("« {key} » : « {value} » figure deux fois dans la liste", "Doublon dans une liste"),
    "E024": ("« {key} » : la fin ({end}) précède le début ({start})", "Fin avant le début"),
    "E025": ("« {key} » doit être positif ou nul (valeur : {value})", "Valeur négative"),
    "E026": (
        "« {key} » : code INSEE « {value} » invalide (5 caractères : 2 chiffres ou 2A/2B, "
        "puis 3 chiffres)",
        "Code INSEE invalide",
    ),
    "E027": ("« {key} » : SIREN « {value} » invalide ({why})", "SIREN invalide"),
    "E028": (
        "« {key} » : code QPV « {value} » invalide (forme QN07511M ou QP093028)",
        "Code QPV invalide",
    ),
    "E029": ("HTML interdit : {what} ; {remedy}", "HTML interdit"),
    "E030": (
        "donnée personnelle « {value} » publiée sans consentement : ajoutez "
        "« consentement: true » à ce contact ou utilisez une adresse de structure",
        "Donnée personnelle sans consentement",
    ),
    "E043": (
        "donnée personnelle « {value} » dans le texte : retirez-la, ou donnez-la dans « contacts » "
        "avec « consentement: true » si la personne a donné son accord écrit",
        "Donnée personnelle dans le texte",
    ),
    "E031": (
        "référence [[{kind}:…]] : type inconnu ; types possibles : {kinds}",
        "Type de référence inconnu",
    ),
    "E032": ("« {key} » : date « {value} » invalide ({why})", "Date invalide"),
    "E033": ("contenu interdit hors des pages d'organisateurs : {what}", "Clé réservée"),
    "E034": (
        "lien symbolique refusé : seul un vrai fichier du dépôt peut être publié",
        "Lien symbolique",
    ),
    "E035": ("texte trop coûteux à mettre en page : {what} ; {remedy}", "Texte trop complexe"),
    "E036": ("nom de fichier ou de dossier invalide : {why}", "Nom de fichier invalide"),
    "E037": ("référence « {text} » incomplète : {why}", "Référence incomplète"),
    "E038": (
        "ce type de fichier n'est pas publié ici : {expected} ; seules des images et des "
        "documents (PNG, JPEG, WebP, GIF, PDF, CSV, ODT, ODS) peuvent l'accompagner",
        "Type de fichier refusé",
    ),
    "E039": (
        "extension « {ext} » : écrivez « .md » en minuscules, sinon la page serait publiée "
        "en texte brut",
        "Extension en majuscules",
    ),
    "E040": ("fichier illisible (droits d'accès ou fichier spécial)", "Fichier illisible"),
    "E041": (
        "ce dossier de {what} n'a pas de index.md : créez-le en copiant un index.md voisin, "
        "ou déplacez ce fichier",
        "Dossier sans index.md",
    ),
    "E042": (
        "fichier des vocabulaires « vocabulaires.yml » introuvable à la racine du dépôt",
        "Vocabulaires introuvables",
    ),
    "W002": ("mise en forme retirée à la publication : {what} ; {remedy}", "Mise en forme ignorée"),
    "W003": (
        "« {key} » : la valeur est entourée de guillemets typographiques {quotes}, qui "
        'seront affichés ; retirez-les, ou utilisez des guillemets droits "…" pour '
        "délimiter la valeur",
        "Guillemets typographiques",
    ),
    "E044": (
        "« {key} » vaut « {found} » mais l'indicateur « {indicator} » du catalogue "
        "(vocabulaires.yml) indique « {expected} »",
        "Indicateur contraire au catalogue",
    ),
    "W004": (
        "ajoutez « type: {kind} » à l'en-tête : l'édition en ligne ne montre que les "
        "documents de territoire qui le portent",
        "Type de document absent",
    ),
    "W005": (
        "« {key} » : le texte « {cut} » est lu comme un commentaire et ne sera pas publié ; "
        'mettez toute la valeur entre guillemets droits "…" pour le garder',
        "Texte coupé par « # »",
    ),
    "W001": (
        "contenu d'exemple (exemple: true) : à retirer avant la publication "
        "(capi publish --sans-exemples)",
        "Contenu d'exemple",
    ),
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


# code -> how to fix it, for the "Messages d'erreur" page
REMEDIES: dict[str, str] = {
    "E001": "Ouvrez le fichier dans votre éditeur et enregistrez-le avec l'encodage « UTF-8 » "
    "(menu Fichier › Enregistrer avec l'encodage).",
    "E002": "La première ligne d'une fiche est `---`, suivie des clés (`title: …`), puis d'une "
    "autre ligne `---`. Repartez du modèle créé par `capi new`.",
    "E003": "Ajoutez une ligne `---` seule après la dernière clé de l'en-tête.",
    "E004": "YAML n'accepte que des espaces pour l'indentation. Remplacez chaque tabulation par "
    "deux espaces (la plupart des éditeurs le font via « Convertir l'indentation »).",
    "E005": "Relisez la ligne indiquée : un « : » dans une valeur impose de la mettre entre "
    "guillemets, chaque élément de liste commence par « - » aligné sur les autres.",
    "E006": "L'en-tête doit être une suite de lignes « clé: valeur », pas une liste ni un texte.",
    "E007": "Une clé ne peut figurer qu'une fois : fusionnez les deux valeurs sous une seule clé.",
    "E008": "L'en-tête est anormalement gros ou abuse des alias YAML (`&` / `*`). Écrivez les "
    "valeurs directement.",
    "E009": "Les étiquettes YAML commençant par `!` (par exemple `!!python/…`) sont refusées : "
    "elles permettraient d'exécuter du code. Écrivez une valeur simple.",
    "E010": "Découpez le fichier ou placez les gros documents en pièce jointe (PDF) à côté.",
    "E011": "Ajoutez la clé indiquée. Le modèle de `capi new` contient toutes les clés "
    "obligatoires, commentées.",
    "E012": "La valeur n'a pas la bonne forme : un nombre s'écrit sans unité ni espace "
    "(`budget: 12000`), une liste s'écrit avec des lignes « - ».",
    "E013": "Vérifiez l'orthographe de la clé (sans accents, en minuscules, avec `_`). La "
    "suggestion donne la clé la plus proche.",
    "E014": "Utilisez une des valeurs proposées. Pour en ajouter une, un organisateur la "
    "déclare dans `vocabulaires.yml`.",
    "E015": "L'identifiant ne correspond à aucune fiche. Corrigez l'orthographe (la suggestion "
    "donne le plus proche) ou créez la fiche visée.",
    "E016": "La valeur ne respecte pas le format indiqué entre parenthèses.",
    "E017": "Deux fichiers portent le même identifiant. Renommez l'un des deux fichiers.",
    "E018": "Le type d'une fiche dépend de son emplacement : écrivez dans `type` celui que "
    "le message indique (l'édition en ligne s'en sert pour les documents d'un territoire), "
    "ou déplacez le fichier.",
    "E019": "Rangez le fichier au bon endroit : `sessions/NN-nom/` pour une séance et ses "
    "interventions, `territories/<territoire>/` pour un territoire et ses livrables.",
    "E038": "Seuls les fichiers Markdown (`.md`) et les images ou documents joints sont "
    "publiés depuis `sessions/`, `territories/` et `docs/pratiques/`. Un fichier HTML, "
    "JavaScript ou SVG pourrait exécuter du code dans le navigateur des lecteurs : "
    "convertissez-le (une image SVG en PNG) ou mettez un lien vers lui.",
    "E039": "Renommez le fichier avec l'extension `.md` en minuscules (par exemple "
    "`atelier.MD` → `atelier.md`).",
    "E040": "Le fichier ne peut pas être lu : vérifiez ses droits d'accès (`chmod 644`) ou "
    "remplacez-le par un vrai fichier.",
    "E041": "Une intervention vit dans le dossier d'une séance, un livrable dans celui d'un "
    "territoire ; chacun de ces dossiers a son `index.md` (la présentation de la séance ou du "
    "territoire). Créez-le en copiant celui d'un dossier voisin, ou déplacez le fichier dans "
    "un dossier existant.",
    "E042": "Le dépôt doit contenir `vocabulaires.yml` à sa racine : lancez la commande depuis "
    "le dossier du dépôt, ou restaurez ce fichier depuis l'historique Git.",
    "E020": "Les pratiques forment une liste tenue par les organisateurs (`vocabulaires.yml` "
    "et `docs/pratiques/`) : corrigez l'identifiant (voir la suggestion), une valeur par "
    "ligne (`  - fablab`). Pour une pratique nouvelle, demandez-la à un organisateur, qui "
    "la crée avec `capi new pratique <identifiant>`.",
    "E021": "La référence `[[type:identifiant]]` ne mène à aucune page. Corrigez l'identifiant "
    "(voir la suggestion).",
    "E022": "L'identifiant existe, mais pour un autre type : changez le type de la référence "
    "(par exemple `[[pratique:…]]` au lieu de `[[territoire:…]]`).",
    "E023": "Retirez le doublon de la liste.",
    "E024": "Vérifiez les dates : la fin doit être postérieure ou égale au début.",
    "E025": "Un budget ou une quantité ne peut pas être négatif.",
    "E026": "Le code INSEE d'une commune a 5 caractères (par exemple `75056`, `2A004` en Corse). "
    "Ne le confondez pas avec le code postal.",
    "E027": "Le SIREN d'un EPCI a 9 chiffres ; le dernier est une clé de contrôle. Recopiez-le "
    "depuis l'annuaire des entreprises.",
    "E028": "Le code d'un quartier prioritaire s'écrit `QN07511M` (géographie 2024) ou "
    "`QP093028` (géographie 2015).",
    "E029": "Les scripts, cadres (`<iframe>` : mettez plutôt un lien vers la vidéo), "
    "formulaires, attributs `on…` (y compris par `{: … }`), liens `javascript:` ou "
    "`data:`, styles qui chargent une ressource, identifiants réservés au site et images "
    "hébergées ailleurs sont interdits : la publication les retirerait. Enregistrez les "
    "images dans le dépôt et écrivez `![description](photo.png)`.",
    "E030": "N'indiquez l'adresse ou le téléphone d'une personne qu'avec son accord écrit, "
    "signalé par `consentement: true`. Sinon, donnez l'adresse de la structure "
    "(`contact@…`).",
    "E031": "Utilisez un des types de référence listés.",
    "E043": "Le texte d'une fiche est public et repris par les moteurs de recherche : il ne "
    "donne ni l'adresse ni le téléphone d'une personne. Donnez celle de la structure "
    "(`contact@…`), ou mettez les coordonnées de la personne dans `contacts`, avec son "
    "accord écrit (`consentement: true`).",
    "E032": "Écrivez la date sous la forme `2026-06` (mois) ou `2026-06-12` (jour).",
    "E033": "Cette clé n'est utilisable que par les organisateurs, dans `docs/`. Retirez-la.",
    "E034": "Un lien symbolique pourrait publier un fichier situé hors du dépôt (configuration, "
    "secrets de la machine). Remplacez-le par une copie du fichier.",
    "E035": "Le texte contient une construction qui demanderait un temps de mise en page "
    "démesuré (des milliers de « [ » ou de « < » dans un même paragraphe, ou des listes "
    "imbriquées sur des dizaines de niveaux). Séparez les paragraphes par des lignes "
    "vides et simplifiez l'imbrication.",
    "E036": "Un nom de fichier ou de dossier s'écrit en minuscules sans accents, avec des "
    "chiffres et des tirets à la place des espaces : `Mon Atelier.md` devient "
    "`mon-atelier.md` (le message donne le nom à utiliser). Il ne contient ni caractère de "
    "contrôle (retour à la ligne, tabulation…) ni chiffres autres que 0 à 9.",
    "E037": "Une référence s'écrit `[[type:identifiant]]` entre doubles crochets, par exemple "
    "`[[pratique:fablab]]` ou `[[territoire:identifiant|libellé]]` ; elle peut "
    "être coupée par un retour à la ligne, mais pas par une ligne vide.",
    "W002": "Le texte collé depuis un traitement de texte ou une page web apporte souvent une "
    "mise en forme (polices, tailles, `<font>`, `align`, `target`…) que le site ne "
    "publie pas : le texte reste, cette mise en forme disparaît. Ce n'est pas une "
    'erreur ; pour centrer ou colorer, utilisez `style="text-align: center"` ou '
    '`style="color: …"`.',
    "W003": "Un traitement de texte remplace les guillemets droits par des guillemets "
    "typographiques (“ ” ‘ ’). En YAML, seuls les guillemets droits (\" ou ') délimitent "
    "une valeur : les autres font partie du texte et apparaissent sur le site.",
    "E044": "Un indicateur qui porte un `code` du catalogue prend son libellé, son unité et "
    "son échelle dans `vocabulaires.yml` (liste `indicateurs`) : retirez `unite` et `echelle` "
    "de la fiche, ou corrigez-les. Si la mesure est différente, retirez le `code` et donnez "
    "un `libelle` : l'indicateur reste local.",
    "W004": "Les quatre documents d'un territoire (présentation, diagnostic, plan d'action, "
    "partenariat) sont rangés dans le même dossier ; l'édition en ligne les distingue par la "
    "clé `type` de leur en-tête. `capi new territoire` l'écrit ; ajoutez-la si vous avez créé "
    "le fichier autrement.",
    "W005": "En YAML, « # » précédé d'une espace commence un commentaire : la suite de la "
    "ligne n'est pas lue. `titre: Atelier #3` donne le titre « Atelier ». Entourez la valeur "
    'de guillemets droits (`titre: "Atelier #3"`) ; un vrai commentaire s\'écrit avec une '
    "espace après « # ».",
    "W001": "Les contenus d'exemple sont marqués `exemple: true`. Supprimez-les ou publiez avec "
    "`capi publish --sans-exemples`.",
}


# What the commands say, by command; templates use str.format parameters
TEXTS: dict[str, str] = {
    # capi check
    "check.waiting": "capi check : en attente d'un enregistrement… (Ctrl+C pour arrêter)",
    "check.started": "capi check : vérification…",
    "check.missing": "capi check : « {path} » n'existe pas ; vérifiez le chemin",
    "check.outside": "capi check : « {path} » est hors du dépôt ({root})",
    "check.not_content": (
        "capi check : « {path} » n'est pas un fichier de contenu (dossiers sessions/, "
        "territories/, {practices}/ ou {vocabularies})"
    ),
    # {s}, {fs}: « s » for a plural, « » for one
    "check.failed": (
        "{count} problème{s} dans {files} fichier{fs}. Chaque code est expliqué sur la page "
        "« Messages d'erreur » du site ({doc})."
    ),
    "check.warned": (
        "capi check : {count} fiche{s} vérifiée{s}, aucune erreur, {warnings} "
        "avertissement{ws} ({seconds:.2f} s)."
    ),
    "check.ok": "capi check : {count} fiche{s} vérifiée{s}, aucun problème ({seconds:.2f} s).",
    # capi new
    "new.refused": "capi new : {reason}",
    "new.interrupted": "capi new : interrompu, rien n'a été écrit.",
    "new.created": "créé : {path}",
    "new.schema_updated": "mis à jour : {path}",
    "new.next": "Complétez puis vérifiez avec : capi check {paths}",
    "new.bad_seance": "numéro de séance « {number} » invalide : un ou deux chiffres (ex. 02)",
    "new.unknown_seance": "séance « {number} » inconnue ; séances existantes : {existing}",
    "new.missing": "{what} manquant(e) : précisez-le en option (voir capi new --help)",
    "new.bad_seance_folder": (
        "dossier de séance « {folder} » invalide : deux chiffres, un tiret, puis des minuscules "
        "sans accents (ex. 06-bilan)"
    ),
    "new.seance_exists": "la séance {number} existe déjà ({folder}) : choisissez un autre numéro",
    "new.bad_date": "date « {date} » invalide : un jour qui existe, AAAA-MM-JJ (ex. 2027-01-21)",
    "new.seance_question": "À compléter : quelle question la séance pose-t-elle ?",
    "new.unknown_type": (
        "type « {what} » inconnu ; types possibles : retour, intervention, territoire, "
        "pratique, seance"
    ),
    "new.unknown_format": "format « {fmt} » inconnu ; formats possibles : {formats}",
    "new.report_exists": (
        "une intervention « {slug} » existe déjà ; choisissez un autre titre ou un "
        "identifiant avec --slug"
    ),
    "new.practice_exists": "la pratique « {slug} » existe déjà",
    "new.unsafe_folder": (
        "{folder} est hors du dépôt ou passe par un lien symbolique : rien n'a été écrit"
    ),
    "new.file_exists": "{path} existe déjà : rien n'a été écrit",
    "new.no_letters": (
        "le titre ou l'identifiant ne contient aucune lettre ni chiffre utilisable pour un "
        "nom de fichier"
    ),
    "new.empty_answer": "réponse vide : rien n'a été écrit",
    # capi build, export, schemas, liens
    "build.failed": "capi build : échec de la construction, {folder}/ est inchangé. {reason}",
    "build.template_failed": (
        "capi build : échec de la construction, {folder}/ est inchangé. Une page "
        "d'organisateur contient une erreur de gabarit (fichier et erreur ci-dessus)."
    ),
    "build.done": "capi build : site construit dans {target}",
    "serve.reused": (
        "aperçu à jour : {laid_out} mise(s) en page, {reused} reprise(s) telles quelles"
    ),
    "serve.incremental": (
        "aperçu mis à jour en {seconds} s sans tout reconstruire (seules les pages que "
        "l'enregistrement change ont été refaites)"
    ),
    "serve.nothing": "aperçu : aucun fichier modifié, rien à refaire",
    "serve.full_rebuild": "aperçu : mise à jour partielle impossible ({reason}), site reconstruit",
    "serve.files_failed": (
        "aperçu : les données ouvertes, les flux ou les données de l'explorateur n'ont pas "
        "pu être mis à jour ; relancez make serve pour les refaire"
    ),
    "export.invalid": "capi export : fiches invalides, aucune donnée écrite.",
    "export.done": "capi export : {count} fichiers écrits dans {target}",
    "schemas.done": "capi schemas : {count} schéma(s) mis à jour dans schemas/",
    "links.listed": (
        "capi liens : {links} lien(s) externe(s), {urls} adresse(s) différente(s). "
        "Ajoutez --verifier (réseau nécessaire) pour tester chaque adresse."
    ),
    "links.http_error": "erreur {status}",
    "links.unreachable": "injoignable",
    "links.unreachable_because": "injoignable ({reason})",
    "links.checked": "capi liens : {urls} adresse(s) testée(s), {broken} lien(s) en erreur.",
    # capi publish
    "publish.invalid": (
        "capi publish : {count} problème(s) ; rien n'a été publié. Corrigez-les (capi check) "
        "puis relancez."
    ),
    "publish.examples": (
        "capi publish : attention, {count} fiche(s) d'exemple seront publiées "
        "(exemple: true) ; utilisez --sans-exemples pour les exclure."
    ),
    "publish.site": "capi publish : construction du site…",
    "publish.offline": "capi publish : version hors ligne…",
    "publish.booklet": "capi publish : livret PDF…",
    "publish.step_site": "construction du site",
    "publish.step_offline": "construction hors ligne",
    "publish.failed": "capi publish : échec ({step}) ; {folder}/ est inchangé.",
    # capi nouveau-cycle
    "new_cycle.invalid": (
        "capi nouveau-cycle : {count} problème(s) ; rien n'a été retiré. Corrigez-les "
        "(capi check) puis relancez."
    ),
    "new_cycle.deleted": "supprimé : {path}",
    "new_cycle.edited": "exemples retirés : {path}",
    "new_cycle.done": (
        "capi nouveau-cycle : {deleted} fiche(s) d'exemple supprimée(s), {edited} fichier(s) "
        "sans leurs passages d'exemple. Relisez (git diff), puis capi check et make build."
    ),
    "publish.archive": "capi publish : archive des éditions…",
    "publish.archived": (
        "capi publish : édition {edition} archivée dans {archives} ; le site publié la sert "
        "à sa racine et {count} édition(s) antérieure(s) sous editions/."
    ),
    "publish.edition_name": (
        "capi publish : nom d'édition « {edition} » refusé ; il sert d'adresse : lettres "
        "sans accents, chiffres et tirets (ex. 2026, 2027-printemps)."
    ),
    "publish.archive_unreadable": (
        "capi publish : {problem} ; rien n'a été publié. Restaurez ce fichier depuis git "
        "(git checkout -- editions/) puis relancez."
    ),
    "publish.done": (
        "capi publish : édition {edition} publiée dans {target} (site/, restitution.pdf, "
        "site-hors-ligne.zip, donnees/, SHA256SUMS)"
    ),
    # the build's warnings about what the site could not say
    "build.attention": "capi : attention, {warning}.",
    "build.no_site_url": (
        "capi : attention, pas de « site_url » dans mkdocs.yml : les flux RSS et JSON Feed "
        "(adresses absolues) ne sont pas produits."
    ),
    # dates and contributors read from git (content/history.py)
    "history.unavailable": "historique git indisponible ({reason})",
    "history.none": "aucune fiche n'a d'historique dans git",
    "history.shallow": (
        "historique git incomplet (clone superficiel ; récupérez-le en entier avec "
        "« git fetch --unshallow », ou « fetch-depth: 0 » dans les workflows)"
    ),
    "history.partly_shallow": (
        "{shallow} : {count} fiche(s) sans date de publication ni contributeurs"
    ),
    "history.uncommitted": (
        "{count} fiche(s) pas encore enregistrée(s) dans git (commit) : la date affichée est "
        "celle du fichier"
    ),
    "history.file_dates": (
        "{why} : les pages montrent la date de modification de chaque fichier, sans date de "
        "publication ni contributeurs"
    ),
    # any command
    "interrupted": "capi : interrompu.",
}


def say(key: str, **params: object) -> str:
    """The command text ``key`` with its parameters."""
    return TEXTS[key].format(**params)
