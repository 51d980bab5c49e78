"""Editor JSON Schemas: generated from the model, up to date, accepting every real entry."""

from __future__ import annotations

import json

import pytest
from jsonschema import Draft202012Validator

from macros.content.corpus import known_identities, load_corpus
from macros.content.frontmatter import parse
from macros.content.locate import discover
from macros.outputs.json_schemas import SCHEMA_DIR, all_schemas, schema_vocabularies
from macros.problems import Problems
from tests.conftest import ROOT

CORPUS = load_corpus(ROOT)
VOCABULARIES = schema_vocabularies(CORPUS.vocabularies, known_identities(CORPUS))
SCHEMAS = {name: json.loads(text) for name, text in all_schemas(VOCABULARIES).items()}
ENTRIES = [located for located in discover(ROOT, Problems()) if located.kind != "asset"]


def _validator(kind: str) -> Draft202012Validator:
    schema = SCHEMAS[f"{kind}.schema.json"]
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


def test_committed_schemas_are_what_the_model_generates():
    for name, text in all_schemas(VOCABULARIES).items():
        committed = (ROOT / SCHEMA_DIR / name).read_text("utf-8")
        assert committed == text, f"{name} est périmé : lancez « capi schemas »"


@pytest.mark.parametrize("located", ENTRIES, ids=lambda located: located.path)
def test_every_entry_of_the_repository_is_accepted(located):
    parsed, problems = parse((ROOT / located.path).read_bytes(), located.path)
    assert parsed is not None, problems
    errors = [e.message for e in _validator(located.kind).iter_errors(parsed.meta)]
    assert errors == []


BROKEN = [
    ("seance", {"title": "S", "mois": "juin"}, "questions"),  # missing required
    ("seance", {"title": "S", "mois": "juinn", "questions": ["Q ?"]}, "juinn"),
    ("intervention", {"title": "I", "format": "atelier", "pratique": ["x"]}, "pratique"),
    ("intervention", {"title": "I", "format": "retour-experience"}, "structure"),
    ("intervention", {"title": "I", "format": "atelier", "debut": "juin 2026"}, "juin 2026"),
    (
        "plan-action",
        {
            "title": "P",
            "axes": [
                {
                    "titre": "A",
                    "actions": [{"id": "A1", "titre": "T", "statut": "prevue", "budget": -5}],
                }
            ],
        },
        "-5",
    ),
    ("diagnostic", {"title": "D", "lieux": [{"id": "x", "nom": "L"}]}, "pivot"),
    ("territoire", {"title": "T", "qpv": [{"nom": "Q"}]}, "code"),
]


def _messages(errors) -> list[str]:
    """Messages of the errors and of their causes (nested anyOf branches)."""
    out = []
    for error in errors:
        out.append(error.message)
        out += _messages(error.context or [])
    return out


@pytest.mark.parametrize(("kind", "meta", "fragment"), BROKEN)
def test_broken_entries_are_rejected(kind, meta, fragment):
    errors = _messages(_validator(kind).iter_errors(meta))
    assert errors and any(fragment in message for message in errors), errors


def test_a_report_being_written_is_accepted_without_its_report_keys():
    meta = {
        "title": "I",
        "format": "retour-experience",
        "avancement": "a-completer",
        "structure": None,
    }
    assert list(_validator("intervention").iter_errors(meta)) == []
