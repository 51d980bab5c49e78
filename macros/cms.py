"""Web editing for contributors who do not use git: the CMS configuration, made from the model.

The CMS is Sveltia CMS (the successor of Decap/Netlify CMS; the comparison and the
choice are in ``docs/guides/edition-en-ligne.md``). Its script is vendored in
``docs/admin/`` at a pinned version, so the site never loads it from a CDN. This
module generates the two other files of ``/admin/``: ``config.yml``, derived from
``SCHEMAS`` and the vocabularies so the forms never disagree with ``capi check``,
and ``index.html``, the only page of the site that loads the CMS.

Collections, one per place where a content type lives (DESIGN §3):

- ``seances``: ``sessions/NN-slug/index.md``, a folder collection with
  ``path: "{{slug}}/index"`` (the slug is the folder name). Séances are made by
  organisers, so the CMS neither creates nor deletes them.
- one ``programme-NN-slug`` collection per séance folder found on disk, for its
  programme items ``sessions/NN-slug/<slug>.md``. A folder collection also sees the
  folder's ``index.md`` (the séance itself), so a ``filter`` on ``format`` keeps only
  programme items: a séance has no ``format``, every programme item has one.
- ``pratiques``: ``docs/pratiques/<slug>.md``.
- ``territoires``, ``diagnostics``, ``plans-action``, ``partenariats``: four folder
  collections on ``territories`` with ``path: "{{slug}}/index"``,
  ``"{{slug}}/diagnostic"``… Sveltia CMS turns ``path`` into a pattern on file
  paths (``fullPathRegEx`` in its bundle), so each collection sees only its own
  file name and the entry slug is the territory folder. Files collections would
  also work but must list every territory by hand; folder collections follow the
  repository. Territories are created with ``capi new territoire`` (which writes
  the four files at once), so these collections do not create entries either.

Media are stored next to the entry (``media_folder: ""``) and linked relatively,
as contributors already do, so images work under any site prefix.
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import yaml

from .codes import INSEE_RE, QPV_RE, SIREN_RE
from .fields import DATE_RE, EMAIL_RE, URL_RE, Field
from .frontmatter import parse
from .loader import PRACTICE_DIR, discover
from .model import KINDS, REPORT_FORMAT, REPORT_REQUIRED, SCHEMAS
from .problems import Problems
from .templates import BODIES
from .vocabulary import Vocabularies

# the vendored bundle: npm package @sveltia/cms, file dist/sveltia-cms.js, byte for byte
CMS_PACKAGE = "@sveltia/cms"
CMS_VERSION = "0.221.1"
SCRIPT_NAME = "sveltia-cms.js"
SCRIPT_SHA256 = "2fc783907e1a4a70783f155cc28435c70b8f79792f2aab75e787984e84aa413a"
LICENCE_NAME = "sveltia-cms.LICENSE.txt"

ADMIN_DIR = "admin"
CONFIG_NAME = "config.yml"
BRANCH = "main"
# images and documents uploaded outside an entry (entries keep theirs next to them)
MEDIA_FOLDER = "docs/assets/images"
PUBLIC_FOLDER = "/assets/images"

# where each referenced kind can be chosen from (kind "ref" → relation widget)
REF_COLLECTIONS = {"pratique": "pratiques", "territoire": "territoires"}
# the Markdown body is not front matter: its field name is the CMS convention
BODY = "body"
# text keys that hold a few sentences: a multi-line input instead of a one-line one
MULTILINE = frozenset({"description", "resume", "presentation_resume", "presentation_detail"})

_CODE_PATTERNS = {
    "insee": (INSEE_RE.pattern, "5 caractères, ex. 59350 ou 2A004"),
    "siren": (SIREN_RE.pattern, "9 chiffres"),
    "qpv": (QPV_RE.pattern, "ex. QN05901M ou QP059001"),
}
_REPORT_HINT = ("Obligatoire pour un retour d'expérience dont l'avancement n'est plus "
                "« À compléter ».")
_BODY_HINT = ("Texte de la page, en Markdown. Lien vers une autre fiche : "
              "[[pratique:identifiant]], [[territoire:identifiant]], [[seance:01]] ou "
              "[[retour:identifiant]].")


# ---------------------------------------------------------------- fields


def _split_label(label: str) -> tuple[str, str]:
    """« Résumé (moteurs de recherche, cartes) » → (« Résumé », « Moteurs de recherche, cartes »)."""
    match = re.fullmatch(r"(.+?) \((.+)\)", label)
    if not match:
        return label, ""
    detail = match.group(2)
    return match.group(1), detail[:1].upper() + detail[1:]


def _hint(spec: Field, *extra: str) -> str:
    parts = [_split_label(spec.label)[1], spec.help and f"Format : {spec.help}", *extra]
    return " ".join(p if p.endswith((".", "?", "!")) else p + "." for p in parts if p)


def _options(vocabularies: Vocabularies, name: str | None) -> list[dict[str, str]]:
    return [{"label": label, "value": value}
            for value, label in vocabularies.get(name or "", {}).items()]


def _pattern(spec: Field) -> list[str] | None:
    """``[regex, message]`` as Sveltia and Decap CMS expect it, or None."""
    if spec.kind == "text" and spec.pattern:
        return [spec.pattern, f"Forme attendue : {spec.pattern_label or spec.pattern}"]
    if spec.kind == "date":
        return [DATE_RE.pattern, "Forme attendue : AAAA-MM ou AAAA-MM-JJ (ex. 2026-06 ou 2026-06-18)"]
    if spec.kind == "email":
        return [EMAIL_RE.pattern, "Forme attendue : une adresse électronique"]
    if spec.kind == "url":
        return [URL_RE.pattern, "Forme attendue : une adresse web commençant par https://"]
    if spec.kind == "code" and spec.code in _CODE_PATTERNS:
        regex, label = _CODE_PATTERNS[spec.code]
        return [regex, f"Forme attendue : {label}"]
    return None


def widget(name: str, spec: Field, vocabularies: Vocabularies, extra_hint: str = "") -> dict[str, Any]:
    """The CMS field for one model field (kinds as in ``fields._CHECKS``)."""
    label, _ = _split_label(spec.label)
    out: dict[str, Any] = {"name": name, "label": label}
    kind = spec.kind
    if kind in ("text", "date", "email", "url", "code", "quantity"):
        out["widget"] = "text" if name in MULTILINE and not spec.pattern else "string"
        pattern = _pattern(spec)
        if pattern:
            out["pattern"] = pattern
        if spec.max_length:
            out["maxlength"] = spec.max_length
    elif kind == "markdown":
        out["widget"] = "markdown"
    elif kind in ("int", "number"):
        out["widget"] = "number"
        out["value_type"] = "int" if kind == "int" else "float"
        if spec.minimum is not None:
            out["min"] = spec.minimum
    elif kind == "bool":
        out["widget"] = "boolean"
    elif kind == "choice":
        out.update(widget="select", options=_options(vocabularies, spec.vocab))
    elif kind == "ref" and spec.ref in REF_COLLECTIONS:
        out.update(widget="relation", collection=REF_COLLECTIONS[spec.ref],
                   value_field="{{slug}}", search_fields=["title"], display_fields=["title"])
    elif kind == "ref":
        out["widget"] = "string"  # no collection lists these identities
    elif kind == "list":
        out.update(_list(name, spec, vocabularies))
    elif kind == "object":
        out.update(widget="object", fields=fields_for(spec.fields or {}, vocabularies))
    else:
        raise ValueError(f"no CMS widget for field kind {kind!r} ({name})")
    out["required"] = spec.required
    quantity = "Un nombre (18, 12.5) ou un texte court (« n.c. »)" if kind == "quantity" else ""
    hint = _hint(spec, quantity, extra_hint)
    if hint:
        out["hint"] = hint
    return out


def _list(name: str, spec: Field, vocabularies: Vocabularies) -> dict[str, Any]:
    item = spec.items
    assert item is not None
    if item.kind == "choice" or (item.kind == "ref" and item.ref in REF_COLLECTIONS):
        # a list of words or identities: one multiple select (its values are unique)
        single = widget(name, item, vocabularies)
        return {k: v for k, v in single.items() if k not in ("name", "label", "hint",
                                                              "required")} | {"multiple": True}
    if item.kind == "object":
        sub = fields_for(item.fields or {}, vocabularies)
        out: dict[str, Any] = {"widget": "list", "label_singular": _split_label(item.label)[0],
                               "fields": sub}
        first = next((f["name"] for f in sub if f.get("required")
                      and f["widget"] in ("string", "text")), None)
        if first:
            out["summary"] = "{{fields." + first + "}}"
        return out
    return {"widget": "list", "label_singular": _split_label(item.label)[0],
            "field": widget(name, item, vocabularies)}


def fields_for(schema: Mapping[str, Field], vocabularies: Vocabularies,
               conditional: tuple[str, ...] = ()) -> list[dict[str, Any]]:
    """CMS fields for a mapping of model fields, in the model's order."""
    return [widget(key, spec, vocabularies, _REPORT_HINT if key in conditional else "")
            for key, spec in schema.items()]


def body_field(template: str | None) -> dict[str, Any]:
    """The Markdown body; a new entry starts from the outline ``capi new`` would write."""
    out: dict[str, Any] = {"name": BODY, "label": "Texte", "widget": "markdown",
                           "required": False, "hint": _BODY_HINT}
    if template:
        out["default"] = "\n".join(f"## {heading}\n\nÀ compléter.\n"
                                   for heading in BODIES[template]).rstrip("\n")
    return out


# ---------------------------------------------------------------- collections


def _seance_folders(root: Path) -> list[tuple[str, str]]:
    """(folder name, séance title) of every séance on disk, in order."""
    found = []
    for located in discover(root, Problems()):
        if located.kind != "seance":
            continue
        parsed, _ = parse((root / located.path).read_bytes(), located.path)
        title = str(parsed.meta.get("title", "")) if parsed is not None else ""
        found.append((located.path.split("/")[1], title))
    return found


def _entry_fields(kind: str, vocabularies: Vocabularies, template: str | None = None,
                  defaults: Mapping[str, Any] | None = None) -> list[dict[str, Any]]:
    conditional = REPORT_REQUIRED if kind == "intervention" else ()
    fields = fields_for(SCHEMAS[kind], vocabularies, conditional)
    for field in fields:
        if defaults and field["name"] in defaults:
            field["default"] = defaults[field["name"]]
    return fields + [body_field(template)]


def collections(root: Path, vocabularies: Vocabularies) -> list[tuple[str, dict[str, Any]]]:
    """(content kind, CMS collection) pairs, in the order the CMS lists them."""
    media = {"media_folder": "", "public_folder": ""}  # next to the entry, linked relatively
    fixed = {"create": False, "delete": False}  # made by organisers (capi new)
    out: list[tuple[str, dict[str, Any]]] = [("seance", {
        "name": "seances", "label": "Séances", "label_singular": "Séance",
        "description": "Présentation de chaque séance du cycle.",
        "folder": "sessions", "path": "{{slug}}/index", **fixed, **media,
        "summary": "{{slug}} — {{title}}",
        "fields": _entry_fields("seance", vocabularies),
    })]
    formats = list(vocabularies.get("formats", {}))
    for folder, title in _seance_folders(root):
        out.append(("intervention", {
            "name": f"programme-{folder}", "label": f"Séance {folder[:2]} : programme",
            "label_singular": "Intervention",
            "description": (f"Retours d'expérience, apports, visites et ateliers de la séance "
                            f"{folder[:2]}" + (f" « {title} »." if title else ".")),
            "folder": f"sessions/{folder}", "create": True, **media,
            # the séance's own index.md has no format: keep programme items only
            "filter": {"field": "format",
                       "pattern": "^(" + "|".join(map(re.escape, formats)) + ")$"},
            "fields": _entry_fields("intervention", vocabularies, "retour",
                                    {"format": REPORT_FORMAT, "avancement": "a-completer"}),
        }))
    out.append(("pratique", {
        "name": "pratiques", "label": "Pratiques", "label_singular": "Pratique",
        "description": "Fiches de définition des pratiques (fablab, médiation hors les murs…).",
        "folder": PRACTICE_DIR, "create": True, **media,
        "fields": _entry_fields("pratique", vocabularies, "pratique"),
    }))
    for kind, name, label, singular, stem in (
            ("territoire", "territoires", "Territoires", "Territoire", "index"),
            ("diagnostic", "diagnostics", "Diagnostics", "Diagnostic", "diagnostic"),
            ("plan-action", "plans-action", "Plans d'action", "Plan d'action", "plan-action"),
            ("partenariat", "partenariats", "Partenariats locaux", "Partenariat local",
             "partenariat")):
        out.append((kind, {
            "name": name, "label": label, "label_singular": singular,
            "description": f"{singular} de chaque territoire participant "
                           f"(territories/<territoire>/{stem}.md).",
            "folder": "territories", "path": "{{slug}}/" + stem, **fixed, **media,
            "summary": "{{slug}} — {{title}}",
            "fields": _entry_fields(kind, vocabularies),
        }))
    assert {kind for kind, _ in out} == set(KINDS), "every content type has a collection"
    return out


def repo_from_url(url: str) -> str:
    """``https://github.com/owner/name(.git)`` → ``owner/name``."""
    match = re.match(r"^(?:https?://)?(?:www\.)?github\.com/([^/\s]+)/([^/\s#?]+?)(?:\.git)?/?$",
                     url.strip())
    if not match:
        raise ValueError(f"repo_url is not a GitHub repository: {url!r}")
    return f"{match.group(1)}/{match.group(2)}"


def cms_config(root: Path, vocabularies: Vocabularies, repo: str,
               base_url: str | None = None) -> dict[str, Any]:
    """The content of ``admin/config.yml``.

    ``base_url`` is the origin of the OAuth proxy that trades GitHub's code for a
    token (Sveltia CMS Authenticator, a Netlify site…); without it the CMS uses
    Netlify's, which works only for a site hosted there.
    """
    backend: dict[str, Any] = {
        "name": "github", "repo": repo, "branch": BRANCH,
        # contributors without write access work on a fork; saving opens a pull request
        "open_authoring": True,
        # the repository is public: do not ask contributors for their private repositories
        "auth_scope": "public_repo",
    }
    if base_url:
        backend["base_url"] = base_url.rstrip("/")
    return {
        "backend": backend,
        "publish_mode": "editorial_workflow",
        # read by Decap CMS; Sveltia CMS follows the browser's language (French included)
        "locale": "fr",
        "app_title": "Édition en ligne",
        "media_folder": MEDIA_FOLDER,
        "public_folder": PUBLIC_FOLDER,
        # file names without accents or capitals, as capi check requires
        "slug": {"encoding": "ascii", "clean_accents": True, "sanitize_replacement": "-"},
        # an empty optional field is left out, as in the templates' spirit
        "output": {"omit_empty_optional_fields": True},
        "collections": [collection for _, collection in collections(root, vocabularies)],
    }


def config_text(config: Mapping[str, Any]) -> str:
    header = ("# Généré par le site à chaque construction, à partir du modèle de contenu\n"
              "# (macros/model.py) et de vocabulaires.yml : ne pas modifier à la main.\n")
    return header + yaml.safe_dump(dict(config), allow_unicode=True, sort_keys=False)


def admin_page(script_name: str = SCRIPT_NAME) -> str:
    """``admin/index.html``: the only page that loads the CMS, from the site itself.

    The Content Security Policy lets scripts come only from the site (and workers
    from ``blob:``, which the CMS makes itself): the optional helpers Sveltia CMS
    would fetch from unpkg.com (code highlighting, PDF thumbnails, maps…) are
    refused and those features simply stay off. Requests to GitHub's API and to the
    OAuth proxy are data, not scripts, and start only when someone signs in.
    """
    if "//" in script_name or ":" in script_name:
        raise ValueError("the CMS script must be a file of the site, not a URL")
    src = html.escape(script_name, quote=True)
    return f"""<!doctype html>
<html lang="fr">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <meta name="robots" content="noindex">
  <meta name="referrer" content="same-origin">
  <meta http-equiv="Content-Security-Policy" content="script-src 'self'; worker-src 'self' blob:; object-src 'none'; base-uri 'self'">
  <title>Édition en ligne</title>
  <link href="{CONFIG_NAME}" type="application/yaml" rel="cms-config-url">
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


def admin_files(root: Path, vocabularies: Vocabularies, repo_url: str,
                base_url: str | None = None) -> dict[str, str]:
    """Site path → content of the generated files of ``/admin/``."""
    config = cms_config(root, vocabularies, repo_from_url(repo_url), base_url)
    return {f"{ADMIN_DIR}/{CONFIG_NAME}": config_text(config),
            f"{ADMIN_DIR}/index.html": admin_page(SCRIPT_NAME)}

