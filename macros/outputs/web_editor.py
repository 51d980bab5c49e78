"""Web editing for contributors who do not use git: the CMS configuration, made from the model.

The CMS is Decap CMS (the comparison with Sveltia CMS and the reasons for the
choice are in ``docs/guides/edition-en-ligne.md``). Its script is vendored in
``docs/admin/`` at a pinned version and loads nothing from another host. This
module generates the two other files of ``/admin/``: ``config.yml``, derived from
``SCHEMAS`` and the vocabularies so the forms never disagree with ``capi check``,
and ``index.html``, the only page of the site that loads the CMS.

Collections, one per place where a content type lives, checked with
Decap CMS 3.16.3 against the repository's files:

- ``seances``: a files collection, one file per ``sessions/NN-slug/index.md`` found
  on disk. Séances are made by organisers: the CMS edits them, never creates them.
- ``programme-NN-slug``: one folder collection per séance folder, for its
  programme items ``sessions/NN-slug/<slug>.md``. A folder collection also sees the
  folder's ``index.md`` (the séance itself). Decap's ``filter`` compares one field
  with one value (no pattern, no list of values); a filter without ``value``
  keeps the entries where the field is absent. ``mois`` is required on a séance
  and unknown to programme items, so ``filter: {field: mois}`` keeps exactly the
  programme items.
- ``pratiques``: a folder collection on ``docs/pratiques``.
- ``territoire-<slug>``: one files collection per territory found on disk, with
  its four files (presentation, diagnostic, plan d'action, partenariat): each file
  has its own fields, which a folder collection cannot express. Territories are
  created with ``capi new territoire`` (the four files at once).

References: a ``pratique`` is chosen with a relation widget on ``pratiques`` (its
Decap slug is the file name, the practice's identity). A territory's identity is
its folder name, which Decap cannot give as a relation value (the slug of
``territories/x/index.md`` in a folder collection is ``x/index``), so a
``territoire`` is chosen in a select of the territories found on disk, labelled
with their titles; a new territory is offered after the next build.

The body is edited in Markdown mode only (see ``body_field``), where Decap offers
no image insertion: images are added as contributors already do, next to the page
in the repository, and linked relatively. The global ``media_folder``, which Decap
requires, only backs its « Media » library.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator, Mapping
from typing import Any

import yaml

from ..content.corpus import Corpus
from ..content.fields import Field
from ..content.identifiers import FUNCTIONAL_EMAIL_PATTERN
from ..content.kinds import FIELD_KINDS
from ..content.locate import PRACTICE_DIR, discover, locate
from ..content.model import REPORT_FORMAT, REPORT_REQUIRED, SCHEMAS
from ..content.templates import BODIES
from ..content.vocabulary import Vocabularies, ref_vocabulary
from ..problems import Problems

# the vendored bundle: npm package decap-cms, file dist/decap-cms.js, byte for byte
CMS_PACKAGE = "decap-cms"
CMS_VERSION = "3.16.3"
SCRIPT_NAME = "decap-cms.js"
SCRIPT_SHA256 = "7c1efd6b616b4786e279aeef194dd21649a72058d3bc8d1f78901b574610dfb8"
# Decap's MIT licence, and the notices of the libraries in the bundle (named by the bundle)
LICENCE_FILES = ("decap-cms.LICENSE.txt", "decap-cms.js.LICENSE.txt")

ADMIN_DIR = "admin"
CONFIG_NAME = "config.yml"
BRANCH = "main"
# Decap's media library (entries keep their images next to them, see the docstring)
MEDIA_FOLDER = "docs/assets/images"
PUBLIC_FOLDER = "/assets/images"

# where each referenced kind can be chosen from (kind "ref" → relation widget)
REF_COLLECTIONS = {"pratique": "pratiques"}
# referenced kinds offered as a select of the entries on disk (see the module docstring)
REF_CHOICES = ("territoire",)
# the Markdown body is not front matter: its field name is the CMS convention
BODY = "body"
# text keys that hold a few sentences: a multi-line input instead of a one-line one
MULTILINE = frozenset({"description", "resume", "presentation_resume", "presentation_detail"})
# what tells a séance's index.md from a programme item in the same folder (see above)
SEANCE_ONLY_KEY = "mois"
# written by nobody: the type comes from the file's place; kept, not shown
HIDDEN = frozenset({"type"})

REQUIRED_TO_FINISH = " (requis sauf « À compléter »)"
_REPORT_HINT = (
    "Obligatoire pour un retour d'expérience dont l'avancement n'est plus « À compléter »."
)
_BODY_HINT = (
    "Texte de la page, en Markdown : `## Titre de section`, `**gras**`, "
    "`- élément de liste`. Lien vers une autre fiche : `[[pratique:identifiant]]`, "
    "`[[territoire:identifiant]]`, `[[seance:01]]` ou `[[retour:identifiant]]`. "
    "Image déposée à côté de la fiche : `![description](nom-du-fichier.jpg)`."
)
# the files of a territory folder: (file, CMS collection, label, content kind)
TERRITORY_FILES = (
    ("index.md", "territoires", "Territoires", "territoire"),
    ("diagnostic.md", "diagnostics", "Diagnostics", "diagnostic"),
    ("plan-action.md", "plans-action", "Plans d'action", "plan-action"),
    ("partenariat.md", "partenariats", "Partenariats locaux", "partenariat"),
)
TERRITORY_DESCRIPTIONS = {
    "territoire": "La présentation de chaque territoire participant.",
    "diagnostic": "Le diagnostic de chaque territoire : indicateurs, lieux, constats.",
    "plan-action": "Le plan d'action de chaque territoire : axes, actions, calendrier, budget.",
    "partenariat": "Le partenariat local de chaque territoire : partenaires et instances.",
}


# ---------------------------------------------------------------- fields


def _split_label(label: str) -> tuple[str, str]:
    """« Résumé (moteurs, cartes) » → (« Résumé », « Moteurs, cartes »)."""
    match = re.fullmatch(r"(.+?) \((.+)\)", label)
    if not match:
        return label, ""
    detail = match.group(2)
    return match.group(1), detail[:1].upper() + detail[1:]


def _hint(spec: Field, *extra: str) -> str:
    """The help under a field: the label's detail, the expected form, conditions."""
    detail = _split_label(spec.label)[1]
    if spec.kind == "ref":
        detail = ""  # « (identifiant) »: the select or relation shows titles, not identifiers
    parts = [detail, spec.help and f"Format : {spec.help}", *extra]
    return " ".join(p if p.endswith((".", "?", "!")) else p + "." for p in parts if p)


def _options(vocabularies: Vocabularies, name: str | None) -> list[dict[str, str]]:
    return [
        {"label": label, "value": value}
        for value, label in vocabularies.get(name or "", {}).items()
    ]


def _pattern(spec: Field) -> list[str] | None:
    """``[regex, message]`` as Decap CMS expects it: the kind's own form, or None."""
    form = FIELD_KINDS[spec.kind].form(spec)
    return list(form) if form else None


def widget(
    name: str, spec: Field, vocabularies: Vocabularies, extra_hint: str = ""
) -> dict[str, Any]:
    """The CMS field for one model field (the kinds of ``fields._CHECKS``)."""
    out: dict[str, Any] = {"name": name, "label": _split_label(spec.label)[0]}
    kind = spec.kind
    if kind in ("text", "date", "email", "url", "code", "quantity"):
        out["widget"] = "text" if name in MULTILINE and not spec.pattern else "string"
        pattern = _pattern(spec)
        if pattern:
            out["pattern"] = pattern
    elif kind == "markdown":
        out["widget"] = "markdown"
    elif kind in ("int", "number"):
        out.update(widget="number", value_type="int" if kind == "int" else "float")
        if spec.minimum is not None:
            out["min"] = spec.minimum
    elif kind == "bool":
        out["widget"] = "boolean"
    elif kind == "choice":
        out.update(widget="select", options=_options(vocabularies, spec.vocab))
    elif kind == "ref" and spec.ref in REF_COLLECTIONS:
        out.update(
            widget="relation",
            collection=REF_COLLECTIONS[spec.ref],
            value_field="{{slug}}",
            search_fields=["title"],
            display_fields=["title"],
        )
    elif kind == "ref" and ref_vocabulary(spec.ref or "") in vocabularies:
        out.update(widget="select", options=_options(vocabularies, ref_vocabulary(spec.ref or "")))
    elif kind == "ref":
        out["widget"] = "string"  # no collection lists these identities
    elif kind == "list":
        out.update(_list(name, spec, vocabularies))
    elif kind == "object":
        out.update(widget="object", fields=fields_for(spec.fields or {}, vocabularies))
    else:
        raise ValueError(f"no CMS widget for field kind {kind!r} ({name})")
    out["required"] = spec.required  # Decap's default is true: always say it
    quantity = "Un nombre (18, 12.5) ou un texte court (« n.c. »)" if kind == "quantity" else ""
    hint = _hint(spec, quantity, extra_hint)
    if hint:
        out["hint"] = hint
    return out


# A person's details are published only with their written consent (E030), which the
# editor cannot collect: there, a contact gets a structure's address and no phone; an
# organiser adds consented details in the file (« consentement: true »).
WITHOUT_CONSENT = {
    "courriel": [
        FUNCTIONAL_EMAIL_PATTERN,
        "Adresse d'une structure (contact@…, accueil@…) : l'adresse d'une personne ne peut "
        "être publiée qu'avec son accord écrit, ajouté par un organisateur",
    ],
    "telephone": [
        "^$",
        "Le téléphone d'une personne n'est publié qu'avec son accord écrit, ajouté par un "
        "organisateur",
    ],
}
CONSENT_KEY = "consentement"


def _without_consent(fields: list[dict[str, Any]]) -> list[dict[str, Any]]:
    out = []
    for field in fields:
        if field["name"] in WITHOUT_CONSENT:
            field = {**field, "pattern": list(WITHOUT_CONSENT[field["name"]])}
        elif field["name"] == CONSENT_KEY:
            field = {k: v for k, v in field.items() if k != "hint"} | {"widget": "hidden"}
        out.append(field)
    return out


def _list(name: str, spec: Field, vocabularies: Vocabularies) -> dict[str, Any]:
    item = spec.items
    assert item is not None
    if item.kind == "object":
        sub = fields_for(item.fields or {}, vocabularies)
        if item.rule_schema is not None and set(WITHOUT_CONSENT) <= set(item.fields or {}):
            sub = _without_consent(sub)
        out: dict[str, Any] = {
            "widget": "list",
            "label_singular": _split_label(item.label)[0],
            "fields": sub,
        }
        first = next(
            (f["name"] for f in sub if f.get("required") and f["widget"] in ("string", "text")),
            None,
        )
        if first:
            out["summary"] = "{{fields." + first + "}}"
        return out
    single = widget(name, item, vocabularies)
    if single["widget"] in ("select", "relation"):
        # a list of words or identities: one select or relation with several values
        return {
            k: v for k, v in single.items() if k not in ("name", "label", "hint", "required")
        } | {"multiple": True}
    return {"widget": "list", "label_singular": _split_label(item.label)[0], "field": single}


def fields_for(
    schema: Mapping[str, Field], vocabularies: Vocabularies, conditional: tuple[str, ...] = ()
) -> list[dict[str, Any]]:
    """CMS fields for a mapping of model fields, in the model's order; the ones a finished
    report needs say so in their label (Decap has no conditional « required »)."""
    out = []
    for key, spec in schema.items():
        field = widget(key, spec, vocabularies, _REPORT_HINT if key in conditional else "")
        if key in conditional:
            field["label"] += REQUIRED_TO_FINISH
        out.append(field)
    return out


def body_field(template: str | None) -> dict[str, Any]:
    """The Markdown body; a new entry starts from the outline ``capi new`` would write.

    Markdown mode only: Decap's rich-text mode writes ``[[pratique:x]]`` back as
    ``\\[[pratique:x]]``, which silently turns every cross-link into plain text.
    Only the image component: the code-block one would fetch CodeMirror modes that
    are separate files of the Decap package, not shipped with the site.
    """
    out: dict[str, Any] = {
        "name": BODY,
        "label": "Texte",
        "widget": "markdown",
        "required": False,
        "hint": _BODY_HINT,
        "modes": ["raw"],
        "editor_components": ["image"],
    }
    if template:
        out["default"] = "\n".join(
            f"## {heading}\n\nÀ compléter.\n" for heading in BODIES[template]
        ).rstrip("\n")
    return out


def entry_fields(
    kind: str,
    vocabularies: Vocabularies,
    template: str | None = None,
    defaults: Mapping[str, Any] | None = None,
) -> list[dict[str, Any]]:
    """Every field of ``kind`` in the model, then the body."""
    conditional = REPORT_REQUIRED if kind == "intervention" else ()
    fields = fields_for(SCHEMAS[kind], vocabularies, conditional)
    for field in fields:
        if field["name"] in HIDDEN:
            field.update(widget="hidden")
            field.pop("hint", None)
        if defaults and field["name"] in defaults:
            field["default"] = defaults[field["name"]]
    return fields + [body_field(template)]


# ---------------------------------------------------------------- collections


def _found(corpus: Corpus, *kinds: str) -> list[list[tuple[str, str]]]:
    """For each of ``kinds``, (repository path, title) of its files on disk, in order, from
    one walk of the repository; the title is the one the corpus read (a file it refused is
    still listed, under its name, to be fixed)."""
    titles = {e.path: e.title for e in corpus.entries}
    found: dict[str, list[tuple[str, str]]] = {kind: [] for kind in kinds}
    for located in discover(corpus.root, Problems()):
        if located.kind in found:
            found[located.kind].append((located.path, titles.get(located.path) or located.slug))
    return [found[kind] for kind in kinds]


def collections(corpus: Corpus) -> list[dict[str, Any]]:
    """The CMS collections, in the order the CMS lists them."""
    seances, territories = _found(corpus, "seance", "territoire")
    vocabularies = {
        **corpus.vocabularies,
        ref_vocabulary("territoire"): {path.split("/")[1]: title for path, title in territories},
    }
    out: list[dict[str, Any]] = [
        {
            "name": "seances",
            "label": "Séances",
            "label_singular": "Séance",
            "description": "Présentation de chaque séance du cycle.",
            "files": [
                {
                    "name": path.split("/")[1],
                    "label": f"Séance {path.split('/')[1][:2]} : {title}",
                    "file": path,
                    "fields": entry_fields("seance", vocabularies),
                }
                for path, title in seances
            ],
        }
    ]
    for path, title in seances:
        folder = path.split("/")[1]
        out.append(
            {
                "name": f"programme-{folder}",
                "label": f"Séance {folder[:2]} : programme",
                "label_singular": "Intervention",
                "description": (
                    f"Retours d'expérience, apports, visites et ateliers de la séance « {title} »."
                ),
                "folder": f"sessions/{folder}",
                "create": True,
                "filter": {"field": SEANCE_ONLY_KEY},  # no value: entries without it
                "fields": entry_fields(
                    "intervention",
                    vocabularies,
                    "retour",
                    {"format": REPORT_FORMAT, "avancement": "a-completer"},
                ),
            }
        )
    out.append(
        {
            "name": "pratiques",
            "label": "Pratiques",
            "label_singular": "Pratique",
            "description": "Fiches de définition des pratiques (fablab, médiation hors les murs…).",
            "folder": PRACTICE_DIR,
            "create": True,
            "fields": entry_fields("pratique", vocabularies, "pratique"),
        }
    )
    # one collection per document of a territory, whatever the number of territories: the
    # files share the folder territories/<nom>/ and are told apart by their « type » (W004)
    for file, name, label, kind in TERRITORY_FILES:
        out.append(
            {
                "name": name,
                "label": label,
                "label_singular": label,
                "description": TERRITORY_DESCRIPTIONS[kind],
                "folder": "territories",
                "path": "{{slug}}/" + file.removesuffix(".md"),
                "filter": {"field": "type", "value": kind},
                "create": False,  # a territory and its documents come from capi new territoire
                "summary": "{{title}}",
                "fields": entry_fields(kind, vocabularies, defaults={"type": kind}),
            }
        )
    return out


def _kind(path: str) -> str:
    """The content kind of a repository path, as the loader tells it ("" if none)."""
    located, _ = locate(path)
    return located.kind if located else ""


def forms(config: Mapping[str, Any]) -> Iterator[tuple[str, str, list[dict[str, Any]]]]:
    """(content kind, where, fields) of every form of a CMS configuration.

    The kind is what the loader says of the file the CMS writes, so a form can
    only be checked against the schema of the file it really edits.
    """
    for collection in config["collections"]:
        for item in collection.get("files", []):
            yield _kind(item["file"]), item["file"], item["fields"]
        if "folder" in collection:
            template = collection.get("path", "{{slug}}").replace("{{slug}}", "exemple")
            sample = f"{collection['folder']}/{template}.md"
            yield _kind(sample), sample, collection["fields"]


def repo_from_url(url: str) -> str:
    """``https://github.com/owner/name(.git)`` → ``owner/name``."""
    match = re.match(
        r"^(?:https?://)?(?:www\.)?github\.com/([^/\s]+)/([^/\s#?]+?)(?:\.git)?/?$", url.strip()
    )
    if not match:
        raise ValueError(f"repo_url is not a GitHub repository: {url!r}")
    return f"{match.group(1)}/{match.group(2)}"


def cms_config(corpus: Corpus, repo: str, base_url: str | None = None) -> dict[str, Any]:
    """The content of ``admin/config.yml``.

    ``base_url`` is the address of the OAuth proxy that trades GitHub's code for a
    token; without it Decap uses Netlify's, which works only for a site hosted there.
    """
    backend: dict[str, Any] = {
        "name": "github",
        "repo": repo,
        "branch": BRANCH,
        # contributors without write access work on a fork; their work becomes a pull request
        "open_authoring": True,
        # the repository is public: do not ask contributors for their private repositories
        "auth_scope": "public_repo",
    }
    if base_url:
        backend["base_url"] = base_url.rstrip("/")
    return {
        "backend": backend,
        "publish_mode": "editorial_workflow",
        "locale": "fr",
        "media_folder": MEDIA_FOLDER,
        "public_folder": PUBLIC_FOLDER,
        # file names without accents or capitals, as capi check requires
        "slug": {"encoding": "ascii", "clean_accents": True, "sanitize_replacement": "-"},
        "collections": collections(corpus),
    }


def config_text(config: Mapping[str, Any]) -> str:
    header = (
        "# Généré à chaque construction du site à partir du modèle de contenu\n"
        "# (macros/content/model.py) et de vocabulaires.yml : ne pas modifier à la main.\n"
    )
    # libyaml's emitter: the configuration grows with the territories (one collection each)
    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    return header + yaml.dump(
        dict(config), Dumper=dumper, allow_unicode=True, sort_keys=False, width=100
    )


# scripts from the site only ('unsafe-eval': Decap compiles its configuration schema)
CSP = "script-src 'self' 'unsafe-eval'; object-src 'none'; base-uri 'self'"


def admin_page(script_name: str = SCRIPT_NAME) -> str:
    """``admin/index.html``: the only page that loads the CMS, from the site itself.

    The Content Security Policy lets scripts come only from the site itself, so
    no configuration can make this page run a script from elsewhere. Requests to
    GitHub's API and to the OAuth proxy are data, not scripts, and start only when
    someone signs in.
    """
    if "/" in script_name or ":" in script_name:
        raise ValueError("the CMS script must be a file next to this page, not a URL")
    src = html.escape(script_name, quote=True)
    return f"""<!doctype html>
<html lang="fr">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <meta name="robots" content="noindex">
  <meta name="referrer" content="same-origin">
  <meta http-equiv="Content-Security-Policy" content="{CSP}">
  <title>Édition en ligne</title>
  <link rel="icon" href="../assets/images/favicon.png">
  <link href="{CONFIG_NAME}" type="text/yaml" rel="cms-config-url">
</head>
<body>
  <noscript>
    <p>L'édition en ligne a besoin de JavaScript. Sans JavaScript, vous pouvez proposer une
    modification avec le bouton « Modifier cette page » de chaque page du site, ou en suivant le
    guide « Contribuer ».</p>
  </noscript>
  <script src="{src}"></script>
</body>
</html>
"""


ADMIN_FILES = (f"{ADMIN_DIR}/{CONFIG_NAME}", f"{ADMIN_DIR}/index.html")


def admin_files(corpus: Corpus, repo_url: str, base_url: str | None = None) -> dict[str, str]:
    """Site path → content of the generated files of ``/admin/`` (``ADMIN_FILES``)."""
    config = cms_config(corpus, repo_from_url(repo_url), base_url)
    return dict(zip(ADMIN_FILES, (config_text(config), admin_page(SCRIPT_NAME)), strict=True))
