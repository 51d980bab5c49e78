"""Whole entries: capi check and the JSON Schemas agree on what an entry must contain.

Field by field agreement is in test_field_parity; here, the rules that span keys: a
required key left out or left empty, the five keys a finished experience report needs,
and a person's contact details published only with their consent.
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest
import yaml
from jsonschema import Draft202012Validator

from macros.content.corpus import known_identities, load_corpus, load_entry
from macros.content.frontmatter import parse
from macros.content.locate import locate
from macros.content.model import REPORT_REQUIRED, SCHEMAS
from macros.outputs import json_schemas
from macros.problems import Problems
from tests.conftest import ROOT

CORPUS = load_corpus(ROOT)
KNOWN = known_identities(CORPUS)
EDITOR_VOCABULARIES = json_schemas.schema_vocabularies(CORPUS.vocabularies, KNOWN)
EMPTY = {"absente": ..., "vide (null)": None, "chaîne vide": "", "liste vide": []}


def _sample(kind: str, **where: Any) -> Any:
    return next(
        e
        for e in CORPUS.entries
        if e.kind == kind and all(e.meta.get(k) == v for k, v in where.items())
    )


SAMPLES = {kind: _sample(kind) for kind in SCHEMAS if kind != "intervention"}
SAMPLES["intervention"] = next(
    e
    for e in CORPUS.entries
    if e.is_report and e.meta.get("avancement") != "a-completer" and e.meta.get("contacts")
)


def _raw_meta(entry) -> dict:
    """The front matter as read from the file (not as checked: that one is normalised)."""
    parsed, _ = parse((ROOT / entry.path).read_bytes(), entry.path)
    return parsed.meta


def capi_accepts(entry, meta: dict, tmp_path: Path) -> bool:
    target = tmp_path / entry.path
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(f"---\n{yaml.safe_dump(meta, allow_unicode=True)}---\n\nTexte.\n", "utf-8")
    located, _ = locate(entry.path)
    problems = Problems()
    loaded, refs = load_entry(tmp_path, located, CORPUS.vocabularies, problems)
    resolved = all(r.slug in KNOWN.get(r.kind, ()) for r in refs if ":" not in r.kind)
    return loaded is not None and not problems.errors and resolved


def schema_accepts(kind: str, meta: dict) -> bool:
    schema = json_schemas.schema_for(kind, EDITOR_VOCABULARIES)
    return Draft202012Validator(schema).is_valid(meta)


def _with(meta: dict, key: str, value: Any) -> dict:
    out = copy.deepcopy(meta)
    if value is ...:
        out.pop(key, None)
    else:
        out[key] = value
    return out


def test_every_sample_is_accepted_by_both(tmp_path):
    for kind, entry in SAMPLES.items():
        meta = _raw_meta(entry)
        assert capi_accepts(entry, meta, tmp_path), kind
        assert schema_accepts(kind, meta), kind


REQUIRED = [
    (kind, key, how)
    for kind, fields in SCHEMAS.items()
    for key, spec in fields.items()
    if spec.required
    for how in EMPTY
]


@pytest.mark.parametrize(("kind", "key", "how"), REQUIRED, ids=lambda v: str(v))
def test_a_required_key_missing_or_empty_is_refused_by_both(kind, key, how, tmp_path):
    entry = SAMPLES[kind]
    meta = _with(_raw_meta(entry), key, EMPTY[how])
    assert capi_accepts(entry, meta, tmp_path) is False
    assert schema_accepts(kind, meta) is False


@pytest.mark.parametrize("key", REPORT_REQUIRED)
@pytest.mark.parametrize("how", list(EMPTY))
def test_a_finished_report_needs_its_five_keys_in_both(key, how, tmp_path):
    entry = SAMPLES["intervention"]
    meta = _with(_raw_meta(entry), key, EMPTY[how])
    assert capi_accepts(entry, meta, tmp_path) is False
    assert schema_accepts("intervention", meta) is False
    being_written = {**meta, "avancement": "a-completer"}
    assert capi_accepts(entry, being_written, tmp_path) is True
    assert schema_accepts("intervention", being_written) is True


PERSONS = [
    ({"nom": "Awa Diallo", "courriel": "awa.diallo@exemple.fr"}, False),
    ({"nom": "Awa Diallo", "courriel": "Awa.Diallo@Exemple.FR"}, False),
    ({"nom": "Awa Diallo", "telephone": "06 12 34 56 78"}, False),
    ({"nom": "Awa Diallo", "courriel": "awa.diallo@exemple.fr", "consentement": True}, True),
    ({"nom": "Awa Diallo", "telephone": "06 12 34 56 78", "consentement": True}, True),
    ({"nom": "Accueil", "courriel": "contact@exemple.fr"}, True),
    ({"nom": "Accueil", "courriel": "Contact@Exemple.FR"}, True),
    ({"nom": "Accueil", "courriel": "accueil.centre-social@exemple.fr"}, True),
    ({"nom": "Awa Diallo", "courriel": "awa@exemple.fr", "consentement": False}, False),
]


@pytest.mark.parametrize(("contact", "published"), PERSONS, ids=lambda v: str(v))
def test_contact_details_need_consent_in_both(contact, published, tmp_path):
    entry = SAMPLES["intervention"]
    meta = _with(_raw_meta(entry), "contacts", [contact])
    assert capi_accepts(entry, meta, tmp_path) is published
    assert schema_accepts("intervention", meta) is published
