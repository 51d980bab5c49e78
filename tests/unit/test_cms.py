"""cms: /admin/ is configured from the model, and its page loads nothing from elsewhere."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator, Mapping
from html.parser import HTMLParser
from typing import Any

import pytest
import yaml
from helpers import doc

from macros.content.corpus import load_corpus
from macros.content.fields import DATE_RE, Field, choice, listof, obj, ref, text, whole
from macros.content.fields import Field as F
from macros.content.locate import discover
from macros.content.model import KINDS, SCHEMAS
from macros.content.templates import BODIES
from macros.content.vocabulary import load_vocabularies
from macros.outputs import web_editor as cms
from macros.problems import Problems
from tests.conftest import ROOT

VOCABULARIES = load_vocabularies(ROOT, Problems())
CORPUS = load_corpus(ROOT)
REPO_URL = re.search(r"^repo_url:\s*(\S+)", (ROOT / "mkdocs.yml").read_text("utf-8"), re.M).group(1)
CONFIG = cms.cms_config(CORPUS, cms.repo_from_url(REPO_URL))
FORMS = list(cms.forms(CONFIG))
FOLDER_COLLECTIONS = {c["name"]: c for c in CONFIG["collections"] if "folder" in c}
TERRITORIES = {
    located.slug for located in discover(ROOT, Problems()) if located.kind == "territoire"
}

# model kind → the widgets that may stand for it (text: one line or several)
WIDGETS = {
    "text": {"string", "text"},
    "markdown": {"markdown"},
    "int": {"number"},
    "number": {"number"},
    "quantity": {"string"},
    "bool": {"boolean"},
    "date": {"string"},
    "email": {"string"},
    "url": {"string"},
    "code": {"string"},
    "choice": {"select"},
    "ref": {"relation", "select", "string"},
    "list": {"list", "select", "relation"},
    "object": {"object"},
}


def walk(
    fields: list[dict[str, Any]], schema: Mapping[str, Field], where: str
) -> Iterator[tuple[str, dict[str, Any], Field | None]]:
    """(key path, CMS field, model field or None) of every CMS field, nested ones too."""
    for field in fields:
        spec = schema.get(field["name"])
        path = f"{where}.{field['name']}"
        yield path, field, spec
        if spec is None:
            continue
        target = spec.items if spec.kind == "list" and spec.items else spec
        if "fields" in field and target.fields is not None:
            yield from walk(field["fields"], target.fields, path)
        if "field" in field:  # a list of scalars: its item is not a key of the data
            yield f"{path}[]", field["field"], spec.items


def model_fields(schema: Mapping[str, Field], where: str) -> Iterator[tuple[str, Field]]:
    for key, spec in schema.items():
        yield f"{where}.{key}", spec
        target = spec.items if spec.kind == "list" and spec.items else spec
        if target.fields is not None:
            yield from model_fields(target.fields, f"{where}.{key}")


def cms_fields(fields: list[dict[str, Any]], where: str) -> dict[str, dict[str, Any]]:
    out = {}
    for field in fields:
        out[f"{where}.{field['name']}"] = field
        if "fields" in field:
            out.update(cms_fields(field["fields"], f"{where}.{field['name']}"))
    return out


def all_widgets(config: Mapping[str, Any]) -> Iterator[dict[str, Any]]:
    def inner(fields):
        for field in fields:
            yield field
            yield from inner(field.get("fields", []))
            if "field" in field:
                yield from inner([field["field"]])

    for _, _, fields in cms.forms(config):
        yield from inner(fields)


# ---------------------------------------------------------------- the model, whole


def test_every_content_type_has_a_form_on_the_files_the_loader_reads():
    kinds = {kind for kind, _, _ in FORMS}
    assert "" not in kinds, [where for kind, where, _ in FORMS if not kind]
    assert kinds == set(KINDS)


@pytest.mark.parametrize("kind, where, fields", FORMS, ids=[where for _, where, _ in FORMS])
def test_every_required_field_of_the_model_has_a_required_widget(kind, where, fields):
    present = cms_fields(fields, kind)
    for path, spec in model_fields(SCHEMAS[kind], kind):
        if spec.required:
            parent = path.rsplit(".", 1)[0]
            assert parent == kind or parent in present, path  # reachable through its parents
            assert path in present, f"{where}: champ obligatoire sans widget : {path}"
            assert present[path]["required"] is True, path


@pytest.mark.parametrize("kind, where, fields", FORMS, ids=[where for _, where, _ in FORMS])
def test_every_widget_is_a_field_of_the_model_with_a_matching_kind(kind, where, fields):
    assert [f["name"] for f in fields][-1] == cms.BODY  # the Markdown body, not front matter
    for path, field, spec in walk(fields[:-1], SCHEMAS[kind], kind):
        assert spec is not None, f"{where}: {path} n'existe pas dans le modèle"
        assert field["required"] is spec.required, path  # Decap's default is true: always said
        if path.count(".") == 1 and field["name"] in cms.HIDDEN:
            assert field["widget"] == "hidden"
            continue
        if path.endswith(".contacts." + cms.CONSENT_KEY):  # collected by organisers only
            assert field["widget"] == "hidden"
            continue
        assert field["widget"] in WIDGETS[spec.kind], (path, field["widget"], spec.kind)
        if spec.kind in ("int", "number"):
            assert field["value_type"] == ("int" if spec.kind == "int" else "float"), path
            assert field.get("min") == spec.minimum, path
        if spec.kind == "date":
            assert field["pattern"][0] == DATE_RE.pattern, path
        if spec.kind == "text" and spec.pattern:
            assert field["pattern"][0] == whole(spec.pattern), path
        if spec.kind == "list":
            multiple = field["widget"] in ("select", "relation")
            assert multiple == (field.get("multiple") is True), path
            assert spec.items is not None
            assert ("fields" in field) == (spec.items.kind == "object"), path


def test_every_key_of_the_model_is_in_every_form_of_its_kind():
    """Nothing to lose: Decap writes the fields it knows, in the model's order."""
    for kind, where, fields in FORMS:
        assert [f["name"] for f in fields] == [*SCHEMAS[kind], cms.BODY], where


# ---------------------------------------------------------------- vocabularies and references


def test_select_options_are_the_vocabularies():
    checked = 0
    for kind, _where, fields in FORMS:
        for path, field, spec in walk(fields[:-1], SCHEMAS[kind], kind):
            if field.get("widget") != "select" or spec is None:
                continue
            target = spec.items if spec.kind == "list" else spec
            assert target is not None
            if target.kind == "choice":
                words = VOCABULARIES[target.vocab or ""]
            else:  # a territory: the folders on disk, labelled with their titles
                assert target.kind == "ref" and target.ref in cms.REF_CHOICES
                words = {slug: None for slug in TERRITORIES}
            values = [o["value"] for o in field["options"]]
            assert sorted(values) == sorted(words), path
            if target.kind == "choice":
                assert field["options"] == [
                    {"label": label, "value": value} for value, label in words.items()
                ], path
            checked += 1
    assert checked > 50


def test_relation_widgets_point_to_existing_collections_by_slug():
    relations = [w for w in all_widgets(CONFIG) if w.get("widget") == "relation"]
    assert relations
    for widget in relations:
        target = FOLDER_COLLECTIONS.get(widget["collection"])
        assert target is not None, widget["collection"]
        assert widget["value_field"] == "{{slug}}"
        assert "path" not in target  # there Decap's slug is the path, not the identity
        names = {f["name"] for f in target["fields"]}
        assert set(widget["search_fields"]) <= names
        assert set(widget["display_fields"]) <= names


def test_territory_choices_are_the_territories_on_disk(make_repo):
    root = make_repo(
        {
            "sessions/01-ouverture/index.md": doc(
                "title: Ouverture", "mois: juin", "questions: [Pourquoi ?]"
            ),
            "territories/alpha/index.md": doc("title: Territoire Alpha"),
            "territories/beta/index.md": doc("title: Territoire Beta"),
            "territories/beta/diagnostic.md": doc("title: Diagnostic Beta"),
        }
    )
    config = cms.cms_config(load_corpus(root), "o/r")
    selects = [
        w for w in all_widgets(config) if w["name"] == "territoire" and w["widget"] == "select"
    ]
    assert selects
    assert selects[0]["options"] == [
        {"label": "Territoire Alpha", "value": "alpha"},
        {"label": "Territoire Beta", "value": "beta"},
    ]
    names = {c["name"]: c for c in config["collections"]}
    diagnostics = names["diagnostics"]  # one collection for every territory's diagnostic
    assert diagnostics["folder"] == "territories"
    assert diagnostics["path"] == "{{slug}}/diagnostic"
    assert diagnostics["filter"] == {"field": "type", "value": "diagnostic"}
    assert not any(name.startswith("territoire-") for name in names)


# ---------------------------------------------------------------- collections


def test_one_programme_collection_per_seance_folder_read_from_disk(make_repo):
    root = make_repo(
        {
            "sessions/01-ouverture/index.md": doc(
                "title: Ouverture", "mois: juin", "questions: [Pourquoi ?]"
            ),
            "sessions/07-bilan/index.md": doc("title: Bilan", "mois: juin", "questions: [Et ?]"),
        }
    )
    names = {c["name"]: c for c in cms.cms_config(load_corpus(root), "o/r")["collections"]}
    assert names["programme-07-bilan"]["folder"] == "sessions/07-bilan"
    assert names["programme-07-bilan"]["create"] is True
    assert [f["file"] for f in names["seances"]["files"]] == [
        "sessions/01-ouverture/index.md",
        "sessions/07-bilan/index.md",
    ]


def test_programme_filter_leaves_out_the_seance_of_the_folder():
    """Decap's filter without value keeps entries without that key: the séance has it."""
    assert SCHEMAS["seance"][cms.SEANCE_ONLY_KEY].required
    assert cms.SEANCE_ONLY_KEY not in SCHEMAS["intervention"]
    programmes = [c for c in CONFIG["collections"] if c["name"].startswith("programme-")]
    assert len(programmes) == len(list((ROOT / "sessions").glob("*/index.md")))
    for collection in programmes:
        assert collection["filter"] == {"field": cms.SEANCE_ONLY_KEY}


def test_new_entries_start_valid_with_the_template_outline():
    programme = FOLDER_COLLECTIONS[
        "programme-" + sorted(p.parent.name for p in (ROOT / "sessions").glob("*/index.md"))[0]
    ]
    defaults = {f["name"]: f["default"] for f in programme["fields"] if "default" in f}
    assert defaults["format"] in VOCABULARIES["formats"]
    assert defaults["avancement"] in VOCABULARIES["avancement"]
    assert [
        line[3:] for line in defaults[cms.BODY].splitlines() if line.startswith("## ")
    ] == BODIES["retour"]
    creatable = [c for c in CONFIG["collections"] if c.get("create")]
    assert {c["folder"].split("/")[0] for c in creatable} == {"sessions", "docs"}
    assert CONFIG["slug"] == {
        "encoding": "ascii",
        "clean_accents": True,
        "sanitize_replacement": "-",
    }


def test_body_is_edited_as_markdown_only():
    for collection in CONFIG["collections"]:
        for item in collection.get("files", [collection]):
            body = item["fields"][-1]
            assert body["modes"] == ["raw"]  # rich text would escape [[pratique:…]]
            assert body["editor_components"] == ["image"]  # code blocks need other files
    assert CONFIG["media_folder"].startswith("docs/")


# ---------------------------------------------------------------- backend and file


def test_backend_is_github_with_editorial_workflow_and_open_authoring():
    backend = CONFIG["backend"]
    assert backend["name"] == "github"
    assert backend["repo"] == "centre-ressources-pv/capitalisation-numerique"
    assert backend["branch"] == "main"
    assert backend["open_authoring"] is True
    assert CONFIG["publish_mode"] == "editorial_workflow"
    assert CONFIG["locale"] == "fr"
    assert "base_url" not in backend
    with_proxy = cms.cms_config(CORPUS, "o/r", base_url="https://auth.example.org/")
    assert with_proxy["backend"]["base_url"] == "https://auth.example.org"


@pytest.mark.parametrize(
    "url, repo",
    [
        (
            "https://github.com/centre-ressources-pv/capitalisation-numerique",
            "centre-ressources-pv/capitalisation-numerique",
        ),
        ("https://github.com/org/site.git", "org/site"),
        ("https://github.com/org/site/", "org/site"),
    ],
)
def test_repo_comes_from_the_repo_url(url, repo):
    assert cms.repo_from_url(url) == repo


def test_a_repo_url_elsewhere_than_github_is_refused():
    with pytest.raises(ValueError):
        cms.repo_from_url("https://gitlab.com/org/site")


def test_config_file_is_the_config_in_yaml():
    files = cms.admin_files(CORPUS, REPO_URL)
    assert set(files) == {"admin/config.yml", "admin/index.html"}
    text = files["admin/config.yml"]
    assert text.startswith("# ")
    assert yaml.safe_load(text) == CONFIG
    assert "&id" not in text  # no YAML anchors: every form is spelled out


# ---------------------------------------------------------------- the admin page


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def test_admin_page_loads_only_the_local_script_in_french():
    html = cms.admin_page(cms.SCRIPT_NAME)
    page = _Page()
    page.feed(html)
    scripts = [attrs for tag, attrs in page.tags if tag == "script"]
    assert [s.get("src") for s in scripts] == [cms.SCRIPT_NAME]
    for tag, attrs in page.tags:
        for name in ("src", "href"):
            value = attrs.get(name) or ""
            assert not re.match(r"^(?:[a-z]+:)?//|^[a-z]+:", value, re.I), (tag, value)
    assert "http" not in scripts[0]["src"]
    assert ("html", {"lang": "fr"}) in page.tags
    assert re.search(r"<title>[^<]+</title>", html)
    csp = next(
        attrs["content"]
        for _, attrs in page.tags
        if attrs.get("http-equiv") == "Content-Security-Policy"
    )
    assert csp.startswith("script-src 'self'") and "http" not in csp


@pytest.mark.parametrize(
    "name",
    [
        "https://unpkg.com/decap-cms@3/dist/decap-cms.js",
        "//cdn.example.org/cms.js",
        "../cdn/cms.js",
        "data:text/js,1",
    ],
)
def test_admin_page_refuses_a_script_from_elsewhere(name):
    with pytest.raises(ValueError):
        cms.admin_page(name)


def test_vendored_script_is_the_pinned_release_with_its_licences():
    folder = ROOT / "docs" / cms.ADMIN_DIR
    script = (folder / cms.SCRIPT_NAME).read_bytes()
    assert hashlib.sha256(script).hexdigest() == cms.SCRIPT_SHA256, (
        f"docs/admin/{cms.SCRIPT_NAME} n'est pas {cms.CMS_PACKAGE} {cms.CMS_VERSION}"
    )
    assert f"{cms.CMS_PACKAGE} {cms.CMS_VERSION}".encode() in script
    for name in cms.LICENCE_FILES:
        assert (folder / name).is_file(), name
    assert b"MIT License" in (folder / cms.LICENCE_FILES[0]).read_bytes()
    # generated, never written by hand (the plugin adds them to the site)
    assert not (folder / "index.html").exists() and not (folder / "config.yml").exists()


# ---------------------------------------------------------------- one field, one widget


VOCABS = {"mois": {"juin": "juin", "aout": "août"}, "@territoire": {"t": "Territoire T"}}


@pytest.mark.parametrize(
    "spec, expected",
    [
        (text("Titre", required=True), {"widget": "string", "required": True}),
        (
            text("Id", pattern=r"^[a-z]+$", pattern_label="minuscules"),
            {"widget": "string", "pattern": [r"^[a-z]+$", "Forme attendue : minuscules"]},
        ),
        (F("markdown", "Texte"), {"widget": "markdown"}),
        (F("int", "Année", minimum=2000), {"widget": "number", "value_type": "int", "min": 2000}),
        (F("number", "Budget"), {"widget": "number", "value_type": "float"}),
        (F("bool", "Exemple"), {"widget": "boolean", "required": False}),
        (
            F("date", "Date"),
            {
                "widget": "string",
                "pattern": [
                    DATE_RE.pattern,
                    "Forme attendue : AAAA-MM ou AAAA-MM-JJ (ex. 2026-06 ou 2026-06-18)",
                ],
            },
        ),
        (
            choice("mois", "Mois"),
            {
                "widget": "select",
                "options": [{"label": "juin", "value": "juin"}, {"label": "août", "value": "aout"}],
            },
        ),
        (
            ref("pratique", "Pratique"),
            {"widget": "relation", "collection": "pratiques", "value_field": "{{slug}}"},
        ),
        (
            ref("territoire", "Territoire"),
            {"widget": "select", "options": [{"label": "Territoire T", "value": "t"}]},
        ),
        (
            listof(text("Question"), "Questions"),
            {
                "widget": "list",
                "field": {"name": "q", "label": "Question", "widget": "string", "required": False},
            },
        ),
        (listof(choice("mois", "Mois"), "Mois"), {"widget": "select", "multiple": True}),
        (
            listof(ref("pratique", "Pratique"), "Pratiques"),
            {"widget": "relation", "multiple": True},
        ),
        (
            listof(obj("Contact", {"nom": text("Nom", required=True)}), "Contacts"),
            {
                "widget": "list",
                "summary": "{{fields.nom}}",
                "fields": [{"name": "nom", "label": "Nom", "widget": "string", "required": True}],
            },
        ),
        (
            obj("Lieu", {"nom": text("Nom")}),
            {
                "widget": "object",
                "fields": [{"name": "nom", "label": "Nom", "widget": "string", "required": False}],
            },
        ),
    ],
    ids=lambda value: value.kind if isinstance(value, Field) else "",
)
def test_widget_of_each_field_kind(spec, expected):
    widget = cms.widget("q", spec, VOCABS)
    assert widget["name"] == "q"
    assert widget["required"] is spec.required
    assert {k: widget[k] for k in expected} == expected


def test_hint_comes_from_the_label_and_the_help():
    widget = cms.widget("description", text("Résumé (moteurs de recherche, cartes)"), VOCABS)
    assert (widget["label"], widget["hint"]) == ("Résumé", "Moteurs de recherche, cartes.")
    assert widget["widget"] == "text"
    dated = cms.widget("debut", F("date", "Début", help="AAAA-MM ou AAAA-MM-JJ"), VOCABS)
    assert dated["hint"] == "Format : AAAA-MM ou AAAA-MM-JJ."
    assert "hint" not in cms.widget("lieu", text("Lieu"), VOCABS)


def test_a_field_kind_without_widget_is_an_error():
    with pytest.raises(ValueError):
        cms.widget("x", Field("nouveau", "X"), VOCABS)


def test_only_the_entry_type_key_is_hidden_not_a_nested_key_of_that_name():
    programme = next(fields for kind, _, fields in FORMS if kind == "intervention")
    top = {f["name"]: f for f in programme}
    assert top["type"]["widget"] == "hidden"
    nested = {f["name"]: f for f in top["ressources"]["fields"]}
    assert nested["type"]["widget"] == "string"  # « Nature (guide, vidéo, outil…) »


def test_the_keys_a_finished_report_needs_say_so_in_their_label():
    from macros.content.model import REPORT_REQUIRED

    fields = {f["name"]: f for f in cms.entry_fields("intervention", VOCABULARIES)}
    for key in REPORT_REQUIRED:
        assert fields[key]["label"].endswith("(requis sauf « À compléter »)"), key
        assert fields[key]["required"] is False  # a report being written may lack them
    others = [f for name, f in fields.items() if name not in REPORT_REQUIRED]
    assert not any("requis sauf" in f["label"] for f in others)


def _with_territories(root, count: int):
    """The repository with ``count`` more territories, copies of a real one."""
    import shutil

    model = sorted((root / "territories").glob("*/index.md"))[0].parent
    for n in range(count):
        copy = root / "territories" / f"territoire-ajoute-{n}"
        shutil.copytree(model, copy)
        index = copy / "index.md"
        index.write_text(
            index.read_text("utf-8").replace("title:", f"title: Ajout {n} —", 1), "utf-8"
        )
    return load_corpus(root)


def test_the_configuration_grows_little_with_each_territory(tmp_path):
    """One collection per kind of document, not per territory: a territory adds its name to
    the choices, not four forms (175 KB for 3 territories and +35 KB each, before)."""
    from tests.conftest import copy_repo

    root = copy_repo(tmp_path / "depot")
    before = len(cms.config_text(cms.cms_config(load_corpus(root), "o/r")).encode())
    corpus = _with_territories(root, 10)
    assert len([e for e in corpus.entries if e.kind == "territoire"]) >= 13
    after = len(cms.config_text(cms.cms_config(corpus, "o/r")).encode())
    assert (after - before) / 10 <= 2048, (before, after)
    assert before < 120_000
