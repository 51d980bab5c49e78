"""JSON Schemas of the content types, generated from the model (editors complete and check).

``capi schemas`` writes ``schemas/<type>.schema.json``; a test keeps the
committed files equal to what the model generates, so they are never written twice.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from ..content.kinds import object_schema, present
from ..content.model import KINDS, REPORT_FORMAT, REPORT_REQUIRED, SCHEMAS
from ..content.vocabulary import Vocabularies, ref_vocabulary

SCHEMA_DIR = "schemas"

# referenced kinds whose identities the schemas list (the others keep the slug pattern)
REF_ENUMS = ("territoire", "pratique")


def schema_vocabularies(vocabularies: Vocabularies, known: Mapping[str, Any]) -> Vocabularies:
    """The vocabularies plus the identities references may name (territories, practices)."""
    identities = {
        ref_vocabulary(kind): {slug: slug for slug in known.get(kind, ())} for kind in REF_ENUMS
    }
    return {**vocabularies, **identities}


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
