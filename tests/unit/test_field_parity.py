"""capi check, the JSON Schemas (editors) and the web editor give the same verdict.

For every field of every content type, Hypothesis generates values a contributor could
type (well-formed, nearly well-formed and wrong) and each judge says yes or no:
``capi check`` (the field's check, references resolved against the corpus), the field's
JSON Schema (validated with jsonschema) and, for the values the web editor can produce
at all, its widget (pattern, options, minimum). The three must agree.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

from macros.content.corpus import known_identities, load_corpus
from macros.content.fields import Context, Field
from macros.content.kinds import EMPTY_VALUES, check_mapping
from macros.content.model import SCHEMAS
from macros.outputs import json_schemas
from macros.outputs import web_editor as cms
from macros.problems import Problems
from tests.conftest import ROOT

CORPUS = load_corpus(ROOT)
VOCABULARIES = CORPUS.vocabularies
KNOWN = known_identities(CORPUS)
# what capi schemas and the web editor are given: the vocabularies and the identities
EDITOR_VOCABULARIES = json_schemas.schema_vocabularies(VOCABULARIES, KNOWN)


def _fields() -> Iterator[tuple[str, Field, dict, dict]]:
    """(name, field, JSON Schema of its value, editor widget) for every leaf field."""

    def walk(prefix: str, fields: dict, schema: dict, widgets: list[dict]):
        by_name = {w["name"]: w for w in widgets}
        for name, spec in fields.items():
            given = schema["properties"][name]  # with the empty values of an optional key
            prop = _unwrap(given)
            widget = by_name[name]
            if spec.kind == "object":
                yield from walk(f"{prefix}{name}.", spec.fields or {}, prop, widget["fields"])
            elif spec.kind == "list" and spec.items and spec.items.kind == "object":
                item = _unwrap(prop["items"])
                yield from walk(
                    f"{prefix}{name}[].", spec.items.fields or {}, item, widget["fields"]
                )
            else:
                yield f"{prefix}{name}", spec, given, widget

    for kind, fields in SCHEMAS.items():
        schema = json_schemas.schema_for(kind, EDITOR_VOCABULARIES)
        widgets = cms.fields_for(fields, EDITOR_VOCABULARIES)
        yield from walk(f"{kind}:", fields, schema, widgets)


def _unwrap(schema: dict) -> dict:
    """The value's own schema inside ``anyOf: [schema, empty values…]`` (an empty key is
    an absent one) or, for a required key, the schema itself."""
    if schema.get("anyOf", [])[1:] == EMPTY_VALUES:
        return schema["anyOf"][0]
    return schema


FIELDS = list(_fields())


# ---------------------------------------------------------------- what people type

WORDS = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), max_size=30
).map(str.strip)
DATES = st.builds(
    lambda y, m, d: f"{y:04d}-{m:02d}" + (f"-{d:02d}" if d else ""),
    st.integers(1990, 2100),
    st.integers(0, 13),
    st.integers(0, 32),
)
EMAILS = st.from_regex(
    r"\A[A-Za-z0-9._-]{1,12}@[A-Za-z0-9-]{1,10}\.[A-Za-z]{1,5}\Z"
) | st.sampled_from(["Contact@Exemple.FR", "jean.dupont@mairie.fr", "a@b", "@x.fr"])
URLS = st.sampled_from(
    [
        "https://exemple.fr",
        "http://exemple.fr/page?x=1",
        "ftp://exemple.fr",
        "https://exemple.fr/a b",
        "javascript:alert(1)",
        "exemple.fr",
        'https://x.fr/"onmouseover=',
    ]
)
NUMBERS = st.integers(-10, 10**7) | st.floats(-10, 10**7, allow_nan=False)


def _near(words: list[str]) -> st.SearchStrategy[str]:
    """Known words and the mistakes people make with them."""
    if not words:
        return WORDS
    word = st.sampled_from(words)
    return st.one_of(
        word,
        word.map(str.upper),
        word.map(lambda w: w.replace("-", "")),
        word.map(lambda w: w[:-1]),
        WORDS,
    )


def values(spec: Field) -> st.SearchStrategy[Any]:
    kind = spec.kind
    if kind in ("text", "markdown"):
        base = st.from_regex(spec.pattern, fullmatch=True) | WORDS if spec.pattern else WORDS
        return base | NUMBERS
    if kind == "date":
        return DATES | WORDS
    if kind == "email":
        return EMAILS | WORDS
    if kind == "url":
        return URLS | WORDS
    if kind == "choice":
        return _near(list(VOCABULARIES.get(spec.vocab or "", {})))
    if kind == "ref":
        return _near(sorted(KNOWN.get(spec.ref or "", ())))
    if kind == "code":
        return st.from_regex(r"\A[0-9AB QNPM]{4,10}\Z") | st.integers(0, 10**9).map(str)
    if kind in ("int", "number", "quantity"):
        return NUMBERS | WORDS
    if kind == "bool":
        return st.booleans() | st.sampled_from(["oui", "true", "non"])
    if kind == "list":
        assert spec.items is not None
        return st.lists(values(spec.items), max_size=3) | values(spec.items)
    raise AssertionError(f"no strategy for {kind}")


# ---------------------------------------------------------------- the three judges


def capi_accepts(spec: Field, value: Any, luhn: bool = True) -> bool:
    problems = Problems()
    ctx = Context("fiche.md", lambda *keypath: 1, problems, VOCABULARIES)
    checked = check_mapping({"cle": spec}, {"cle": value}, (), ctx)  # as in a file
    resolved = all(ref.slug in KNOWN.get(ref.kind, ()) for ref in ctx.refs)
    accepted = not problems.errors and resolved and ("cle" in checked or not spec.required)
    if not luhn and spec.code == "siren" and any("clé de contrôle" in p.message for p in problems):
        return True  # the SIREN key: a pattern cannot compute it (see TYPED_FORMS)
    return accepted


CONSENT_FIELDS = tuple(f"contacts[].{key}" for key in cms.WITHOUT_CONSENT)


def capi_accepts_in_contact(name: str, spec: Field, value: Any) -> bool:
    """The verdict on a contact without consent (the only kind the editor writes)."""
    contact = SCHEMAS["intervention"]["contacts"].items
    problems = Problems()
    ctx = Context("fiche.md", lambda *keypath: 1, problems, VOCABULARIES)
    check_mapping(
        contact.fields, {"nom": "X", name.rsplit(".", 1)[1]: value}, (), ctx, contact.rules
    )
    return not problems.errors


def schema_accepts(schema: dict, value: Any) -> bool:
    return Draft202012Validator(schema).is_valid(value)


def editor_accepts(widget: dict, value: Any) -> bool | None:
    """The editor's verdict, or None when the editor cannot produce ``value`` at all."""
    kind = widget["widget"]
    if value in ("", []) and kind != "boolean":
        return not widget["required"]  # Decap refuses an empty required field
    if kind in ("string", "text"):
        if not isinstance(value, str):
            return None
        pattern = widget.get("pattern")
        return pattern is None or re.search(pattern[0], value) is not None
    if kind == "number":
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            return None
        if widget.get("value_type") == "int" and not isinstance(value, int):
            return None
        return value >= widget.get("min", float("-inf"))
    if kind == "boolean":
        return True if isinstance(value, bool) else None
    if kind == "select":
        options = {o["value"] for o in widget["options"]}
        chosen = value if isinstance(value, list) else [value]
        producible = all(v in options for v in chosen) and len(set(chosen)) == len(chosen)
        return True if producible else None  # each option chosen at most once
    return None  # relations and lists of values: choices made from existing entries


@pytest.mark.parametrize(("name", "spec", "schema", "widget"), FIELDS, ids=[f[0] for f in FIELDS])
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_check_schema_and_editor_agree(name, spec, schema, widget, data):
    value = data.draw(values(spec), label=name)
    verdict = capi_accepts(spec, value, luhn=False)
    assert schema_accepts(schema, value) == verdict, (name, value, "schéma JSON", verdict)
    editor = editor_accepts(widget, value)
    if name.endswith(CONSENT_FIELDS):  # the editor applies the rule without consent
        verdict = verdict and capi_accepts_in_contact(name, spec, value)
    assert editor is None or editor == verdict, (name, value, "éditeur en ligne", verdict)


def test_every_field_of_every_content_type_is_judged():
    kinds = {name.split(":")[0] for name, *_ in FIELDS}
    assert kinds == set(SCHEMAS)
    assert len(FIELDS) > 80
