"""JSON Schemas of the content types, generated from the model (editors complete and check).

``capi schemas`` writes ``schemas/<type>.schema.json``; a test keeps the
committed files equal to what the model generates, so they are never written twice.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from ..content.fields import DATE_RE, EMAIL_RE, SLUG_RE, URL_RE, Field, whole
from ..content.identifiers import TYPED_FORMS
from ..content.model import KINDS, REPORT_FORMAT, REPORT_REQUIRED, SCHEMAS
from ..content.vocabulary import Vocabularies, ref_vocabulary

SCHEMA_DIR = "schemas"

# referenced kinds whose identities the schemas list (the others keep the slug pattern)
REF_ENUMS = ("territoire", "pratique")


# what capi check takes for an absent key: templates ship keys with empty values
EMPTY_VALUES = [{"type": "null"}, {"const": ""}, {"type": "array", "maxItems": 0}]


def _optional(schema: dict[str, Any]) -> dict[str, Any]:
    return {"anyOf": [schema, *EMPTY_VALUES]}


def field_schema(spec: Field, vocabularies: Vocabularies) -> dict[str, Any]:
    out: dict[str, Any] = {"description": spec.label + (f" ({spec.help})" if spec.help else "")}
    out.update(_BY_KIND.get(spec.kind, _no_constraint)(spec, vocabularies))
    return out


# one schema builder per field kind


def _text(spec: Field, _: Vocabularies) -> dict[str, Any]:
    # « title: 2026 » is a number in YAML and a fine title; a code must be quoted
    out: dict[str, Any] = {"type": "string" if spec.pattern else ["string", "number"]}
    if spec.pattern:
        out["pattern"] = whole(spec.pattern)
    if spec.max_length:
        out["maxLength"] = spec.max_length
    return out


def _number(spec: Field, _: Vocabularies) -> dict[str, Any]:
    out: dict[str, Any] = {"type": "integer" if spec.kind == "int" else "number"}
    if spec.minimum is not None:
        out["minimum"] = spec.minimum
    return out


def _ref(spec: Field, vocabularies: Vocabularies) -> dict[str, Any]:
    known = vocabularies.get(ref_vocabulary(spec.ref or ""))
    if known is not None:  # the identities of the corpus: an unknown one is refused
        return {"enum": sorted(known)}
    return {"type": "string", "pattern": r"^\d+$" if spec.ref == "seance" else SLUG_RE.pattern}


def schema_vocabularies(vocabularies: Vocabularies, known: Mapping[str, Any]) -> Vocabularies:
    """The vocabularies plus the identities references may name (territories, practices)."""
    return {
        **vocabularies,
        **{
            ref_vocabulary(kind): {slug: slug for slug in known.get(kind, ())} for kind in REF_ENUMS
        },
    }


def _list(spec: Field, vocabularies: Vocabularies) -> dict[str, Any]:
    assert spec.items is not None
    item = field_schema(spec.items, vocabularies)
    out: dict[str, Any] = {"type": "array", "items": item}
    if spec.unique:
        out["uniqueItems"] = True
    if spec.items.kind in ("object", "list"):
        return out
    return {"anyOf": [out, item]}  # « pratiques: fablab » is read as a one-item list


def _no_constraint(spec: Field, _: Vocabularies) -> dict[str, Any]:
    return {}


_BY_KIND = {
    "text": _text,
    "markdown": _text,
    "int": _number,
    "number": _number,
    "quantity": lambda spec, _: {"type": ["number", "string"]},
    "bool": lambda spec, _: {"type": "boolean"},
    "date": lambda spec, _: {"type": "string", "pattern": DATE_RE.pattern},
    "email": lambda spec, _: {"type": "string", "pattern": EMAIL_RE.pattern},
    "url": lambda spec, _: {"type": "string", "pattern": URL_RE.pattern},
    "choice": lambda spec, vocabularies: {"enum": list(vocabularies.get(spec.vocab or "", {}))},
    "ref": _ref,
    "code": lambda spec, _: {"type": "string", "pattern": TYPED_FORMS[spec.code or ""][0]},
    "list": _list,
    "object": lambda spec, vocabularies: {
        **object_schema(spec.fields or {}, vocabularies),
        **(spec.rule_schema or {}),
    },
}


def present(spec: Field, vocabularies: Vocabularies) -> dict[str, Any]:
    """The schema of a value that must be there: capi check takes an empty text or an
    empty list for an absent key."""
    out = field_schema(spec, vocabularies)
    if spec.kind in ("text", "markdown", "quantity"):
        return {**out, "minLength": 1}
    if spec.kind == "list" and "anyOf" in out:  # a list, or its one value alone
        array, single = out["anyOf"]
        assert spec.items is not None
        return {**out, "anyOf": [{**array, "minItems": 1}, present(spec.items, vocabularies)]}
    if spec.kind == "list":
        return {**out, "minItems": 1}
    return out


def object_schema(fields: Mapping[str, Field], vocabularies: Vocabularies) -> dict[str, Any]:
    return {
        "type": "object",
        "properties": {
            k: present(f, vocabularies) if f.required else _optional(field_schema(f, vocabularies))
            for k, f in fields.items()
        },
        "required": [k for k, f in fields.items() if f.required],
        "additionalProperties": False,
    }


def schema_for(kind: str, vocabularies: Vocabularies) -> dict[str, Any]:
    schema = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"{kind}.schema.json",
        "title": f"Fiche {KINDS[kind]}",
        **object_schema(SCHEMAS[kind], vocabularies),
    }
    if kind == "intervention":  # a finished experience report carries more
        schema["if"] = {
            "properties": {
                "format": {"const": REPORT_FORMAT},
                "avancement": {"not": {"const": "a-completer"}},
            },
            "required": ["format"],
        }
        fields = SCHEMAS[kind]
        schema["then"] = {
            "required": list(REPORT_REQUIRED),
            "properties": {k: present(fields[k], vocabularies) for k in REPORT_REQUIRED},
        }
    return schema


def all_schemas(vocabularies: Vocabularies) -> dict[str, str]:
    """File name → JSON text for every content type."""
    return {
        f"{kind}.schema.json": json.dumps(
            schema_for(kind, vocabularies), ensure_ascii=False, indent=2
        )
        + "\n"
        for kind in SCHEMAS
    }


def write_schemas(root: Path, vocabularies: Vocabularies) -> list[Path]:
    folder = root / SCHEMA_DIR
    folder.mkdir(exist_ok=True)
    written = []
    for name, text in all_schemas(vocabularies).items():
        path = folder / name
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            tmp = path.with_suffix(".tmp")
            tmp.write_text(text, encoding="utf-8")
            tmp.replace(path)
            written.append(path)
    return written
