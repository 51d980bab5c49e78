"""What each kind of field accepts, said the same way to capi check, to JSON Schema
editors and to the web editor.

One ``Kind`` object per field kind (text, date, e-mail, code, choice, reference, list…)
owns its check (French ``path:line:`` messages), its JSON Schema, the pattern and wording
the web editor shows, and the values a template lists: the four cannot disagree, and
tests/unit/test_field_parity.py proves it with generated values.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from ..messages import suggestion
from . import identifiers
from .fields import (
    DATE_RE,
    DATE_SHAPE_RE,
    EMAIL_RE,
    SLUG_RE,
    URL_RE,
    Context,
    Field,
    PendingRef,
    describe,
    key_label,
    whole,
)
from .identifiers import TYPED_FORMS
from .vocabulary import Vocabularies, ref_vocabulary
from .words import closest

# ---------------------------------------------------------------- checks (capi check)


def check_mapping(
    fields: Mapping[str, Field],
    value: dict,
    keypath: tuple,
    ctx: Context,
    rules: tuple = (),
    ignored: frozenset[str] = frozenset(),
) -> dict:
    """Check a dict against field declarations: unknown, missing and wrong values."""
    out: dict = {}
    for key, item in value.items():
        if key in ignored:
            out[key] = item
            continue
        spec = fields.get(key)
        if spec is None:
            hint = closest(key, fields)
            ctx.add(
                keypath + (key,),
                "E013",
                key=key_label(keypath + (key,)),
                suggestion=suggestion(hint),
            )
            continue
        if item is None or item == "" or item == []:
            continue  # an empty key is the same as an absent one (templates ship them empty)
        checked = check_value(spec, item, keypath + (key,), ctx)
        if checked is not None:
            out[key] = checked
    for key, spec in fields.items():
        if spec.required and key not in out and not _failed(value, key):
            hint = f" ({spec.label})" if spec.label else ""
            ctx.add(keypath or (key,), "E011", key=key_label(keypath + (key,)), hint=hint)
    for rule in rules:
        rule(out, keypath, ctx)
    return out


def _failed(value: dict, key: str) -> bool:
    """A present but invalid value was already reported: do not also call it missing."""
    return value.get(key) not in (None, "", [])


def check_value(spec: Field, value: Any, keypath: tuple, ctx: Context) -> Any:
    """Return the checked value, or None after reporting a problem."""
    return FIELD_KINDS[spec.kind].check(spec, value, keypath, ctx)


def _wrong(ctx: Context, keypath: tuple, expected: str, value: Any) -> None:
    ctx.add(keypath, "E012", key=key_label(keypath), expected=expected, found=describe(value))


def _text(spec: Field, value: Any, keypath: tuple, ctx: Context) -> str | None:
    if isinstance(value, (bool, list, dict)):
        return _wrong(ctx, keypath, "un texte", value)
    if spec.pattern and not isinstance(value, str):  # 59000 would lose a leading zero elsewhere
        return _wrong(ctx, keypath, f'un texte entre guillemets, ex. « "{value}" »', value)
    value = str(value).strip()
    if spec.pattern and not re.fullmatch(spec.pattern, value):
        ctx.add(
            keypath,
            "E016",
            key=key_label(keypath),
            value=value,
            expected=spec.pattern_label or spec.pattern,
        )
        return None
    if spec.max_length and len(value) > spec.max_length:
        ctx.add(
            keypath,
            "E016",
            key=key_label(keypath),
            value=value[:30] + "…",
            expected=f"au plus {spec.max_length} caractères",
        )
        return None
    return value


def _int(spec: Field, value: Any, keypath: tuple, ctx: Context) -> int | None:
    if isinstance(value, float) and value.is_integer():
        value = int(value)  # « 3.0 » is the integer 3, as JSON Schema says
    if isinstance(value, bool) or not isinstance(value, int):
        return _wrong(ctx, keypath, "un nombre entier", value)
    return _minimum(spec, value, keypath, ctx)


def _number(spec: Field, value: Any, keypath: tuple, ctx: Context) -> float | int | None:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return _wrong(ctx, keypath, "un nombre (sans unité ni espace)", value)
    return _minimum(spec, value, keypath, ctx)


def _minimum(spec: Field, value: float, keypath: tuple, ctx: Context) -> float | None:
    if spec.minimum is not None and value < spec.minimum:
        if spec.minimum == 0:
            ctx.add(keypath, "E025", key=key_label(keypath), value=value)
        else:
            ctx.add(
                keypath,
                "E016",
                key=key_label(keypath),
                value=value,
                expected=f"au moins {spec.minimum:g}",
            )
        return None
    return value


def _quantity(spec: Field, value: Any, keypath: tuple, ctx: Context) -> Any:
    """An indicator value: a number, or a short text such as « 12 % » or « n.c. »."""
    if isinstance(value, (bool, list, dict)):
        return _wrong(ctx, keypath, "un nombre ou un texte court", value)
    return value


def _bool(spec: Field, value: Any, keypath: tuple, ctx: Context) -> bool | None:
    if not isinstance(value, bool):
        return _wrong(ctx, keypath, "true ou false", value)
    return value


def _not_scalar(value: Any, keypath: tuple, ctx: Context, expected: str) -> bool:
    """Lists, mappings and booleans are never a valid text-like value: say so plainly."""
    if isinstance(value, (list, dict, bool)):
        _wrong(ctx, keypath, expected, value)
        return True
    return False


def _date(spec: Field, value: Any, keypath: tuple, ctx: Context) -> str | None:
    if _not_scalar(value, keypath, ctx, "une date AAAA-MM ou AAAA-MM-JJ"):
        return None
    value = str(value)
    if not DATE_SHAPE_RE.match(value):
        ctx.add(
            keypath,
            "E032",
            key=key_label(keypath),
            value=value,
            why="attendu : AAAA-MM-JJ ou AAAA-MM",
        )
        return None
    if not DATE_RE.match(value):
        ctx.add(
            keypath,
            "E032",
            key=key_label(keypath),
            value=value,
            why="ce jour n'existe pas dans le calendrier",
        )
        return None
    return value


def _email(spec: Field, value: Any, keypath: tuple, ctx: Context) -> str | None:
    if _not_scalar(value, keypath, ctx, "une adresse électronique"):
        return None
    value = str(value).strip()
    if not EMAIL_RE.match(value):
        ctx.add(
            keypath,
            "E016",
            key=key_label(keypath),
            value=value,
            expected="une adresse électronique",
        )
        return None
    return value


def _url(spec: Field, value: Any, keypath: tuple, ctx: Context) -> str | None:
    if _not_scalar(value, keypath, ctx, "une adresse web"):
        return None
    value = str(value).strip()
    if not URL_RE.match(value):
        ctx.add(
            keypath,
            "E016",
            key=key_label(keypath),
            value=value,
            expected="une adresse web commençant par https://",
        )
        return None
    return value


def _choice(spec: Field, value: Any, keypath: tuple, ctx: Context) -> str | None:
    if _not_scalar(value, keypath, ctx, "une seule valeur de la liste"):
        return None
    words = ctx.vocabularies.get(spec.vocab or "", {})
    value = str(value).strip()
    if value not in words:
        shown = ", ".join(list(words)[:12]) + (" …" if len(words) > 12 else "")
        ctx.add(
            keypath,
            "E014",
            key=key_label(keypath),
            value=value,
            suggestion=suggestion(closest(value, words)),
            choices=shown,
        )
        return None
    return value


def _ref(spec: Field, value: Any, keypath: tuple, ctx: Context) -> str | None:
    if isinstance(value, (list, dict, bool)):
        return _wrong(ctx, keypath, "un identifiant (slug)", value)
    value = str(value).strip()
    if spec.ref == "seance" and value.isdigit():
        value = value.zfill(2)
    ctx.refs.append(PendingRef(spec.ref or "", value, ctx.line(keypath), key_label(keypath)))
    return value


def _list(spec: Field, value: Any, keypath: tuple, ctx: Context) -> list | None:
    if not isinstance(value, list):
        if spec.items and spec.items.kind not in ("object", "list") and not isinstance(value, dict):
            value = [value]  # "pratiques: fablab" is read as a one-item list
        else:
            return _wrong(ctx, keypath, "une liste (lignes commençant par « - »)", value)
    out, seen, typed = [], set(), []
    for index, item in enumerate(value):
        if item is None:
            continue
        checked = check_value(spec.items, item, keypath + (index,), ctx)  # type: ignore[arg-type]
        if checked is None:
            continue
        if spec.unique:
            # the same value as written (0 and 0.0, as JSON Schema's uniqueItems says) or read
            if checked in seen or any(_same_json(item, other) for other in typed):
                ctx.add(keypath + (index,), "E023", key=key_label(keypath), value=checked)
                continue
            seen.add(checked)
            typed.append(item)
        out.append(checked)
    return out


def _same_json(a: Any, b: Any) -> bool:
    """Equal as JSON values: 0 and 0.0 are, true and 1 are not."""
    return a == b and isinstance(a, bool) == isinstance(b, bool)


def _object(spec: Field, value: Any, keypath: tuple, ctx: Context) -> dict | None:
    if not isinstance(value, dict):
        return _wrong(ctx, keypath, "un groupe de clés « clé: valeur »", value)
    checked = check_mapping(spec.fields or {}, value, keypath, ctx, spec.rules)
    # an object missing a required value was reported: left out, so that a preview (never
    # strict) shows the rest instead of failing on the gap
    if any(f.required and k not in checked for k, f in (spec.fields or {}).items()):
        return None
    return checked


def _code(spec: Field, value: Any, keypath: tuple, ctx: Context) -> str | None:
    if _not_scalar(value, keypath, ctx, "un code"):
        return None
    value = str(value).strip().upper()
    result = identifiers.check(spec.code or "", value)
    if isinstance(result, identifiers.Fault):
        why = {"why": result.why} if result.why else {}
        ctx.add(keypath, result.code, key=key_label(keypath), value=value, **why)
        return None
    return result


# ---------------------------------------------------------------- JSON Schema


# what capi check takes for an absent key: templates ship keys with empty values
EMPTY_VALUES = [{"type": "null"}, {"const": ""}, {"type": "array", "maxItems": 0}]


def optional(schema: dict[str, Any]) -> dict[str, Any]:
    return {"anyOf": [schema, *EMPTY_VALUES]}


def field_schema(spec: Field, vocabularies: Vocabularies) -> dict[str, Any]:
    out: dict[str, Any] = {"description": spec.label + (f" ({spec.help})" if spec.help else "")}
    out.update(FIELD_KINDS[spec.kind].schema(spec, vocabularies))
    return out


def _text_schema(spec: Field, _: Vocabularies) -> dict[str, Any]:
    # « title: 2026 » is a number in YAML and a fine title; a code must be quoted
    out: dict[str, Any] = {"type": "string" if spec.pattern else ["string", "number"]}
    if spec.pattern:
        out["pattern"] = whole(spec.pattern)
    if spec.max_length:
        out["maxLength"] = spec.max_length
    return out


def _number_schema(spec: Field, _: Vocabularies) -> dict[str, Any]:
    out: dict[str, Any] = {"type": "integer" if spec.kind == "int" else "number"}
    if spec.minimum is not None:
        out["minimum"] = spec.minimum
    return out


def _ref_schema(spec: Field, vocabularies: Vocabularies) -> dict[str, Any]:
    known = vocabularies.get(ref_vocabulary(spec.ref or ""))
    if known is not None:  # the identities of the corpus: an unknown one is refused
        return {"enum": sorted(known)}
    return {"type": "string", "pattern": r"^\d+$" if spec.ref == "seance" else SLUG_RE.pattern}


def _list_schema(spec: Field, vocabularies: Vocabularies) -> dict[str, Any]:
    assert spec.items is not None
    item = field_schema(spec.items, vocabularies)
    out: dict[str, Any] = {"type": "array", "items": item}
    if spec.unique:
        out["uniqueItems"] = True
    if spec.items.kind in ("object", "list"):
        return out
    return {"anyOf": [out, item]}  # « pratiques: fablab » is read as a one-item list


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
            k: present(f, vocabularies) if f.required else optional(field_schema(f, vocabularies))
            for k, f in fields.items()
        },
        "required": [k for k, f in fields.items() if f.required],
        "additionalProperties": False,
    }


# ---------------------------------------------------------------- editor forms


def _text_form(spec: Field) -> tuple[str, str] | None:
    if spec.pattern:
        return whole(spec.pattern), f"Forme attendue : {spec.pattern_label or spec.pattern}"
    if spec.max_length:
        return rf"^[\s\S]{{0,{spec.max_length}}}$", f"Au plus {spec.max_length} caractères"
    return None


def _code_form(spec: Field) -> tuple[str, str]:
    regex, label = TYPED_FORMS[spec.code or ""]
    return regex, f"Forme attendue : {label}"


DATE_FORM = (DATE_RE.pattern, "Forme attendue : AAAA-MM ou AAAA-MM-JJ (ex. 2026-06 ou 2026-06-18)")
EMAIL_FORM = (EMAIL_RE.pattern, "Forme attendue : une adresse électronique")
URL_FORM = (URL_RE.pattern, "Forme attendue : une adresse web commençant par https://")


# ---------------------------------------------------------------- the kinds

Known = Mapping[str, list[str]]


@dataclass(frozen=True)
class Kind:
    """One kind of value: its check, its JSON Schema, the pattern an editor applies
    (regex and French wording, shared with the schema), the values a template lists."""

    check: Callable[[Field, Any, tuple, Context], Any]
    schema: Callable[[Field, Vocabularies], dict[str, Any]]
    form: Callable[[Field], tuple[str, str] | None] = lambda spec: None
    choices: Callable[[Field, Vocabularies, Known], list[str]] = lambda spec, v, k: []


def _string(pattern: str) -> Callable[[Field, Vocabularies], dict[str, Any]]:
    return lambda spec, _: {"type": "string", "pattern": pattern}


TEXT = Kind(_text, _text_schema, _text_form)
NUMBER = Kind(_number, _number_schema)
FIELD_KINDS: dict[str, Kind] = {
    "text": TEXT,
    "markdown": TEXT,
    "int": Kind(_int, _number_schema),
    "number": NUMBER,
    "quantity": Kind(_quantity, lambda spec, _: {"type": ["number", "string"]}),
    "bool": Kind(_bool, lambda spec, _: {"type": "boolean"}),
    "date": Kind(_date, _string(DATE_RE.pattern), lambda spec: DATE_FORM),
    "email": Kind(_email, _string(EMAIL_RE.pattern), lambda spec: EMAIL_FORM),
    "url": Kind(_url, _string(URL_RE.pattern), lambda spec: URL_FORM),
    "code": Kind(
        _code, lambda spec, _: {"type": "string", "pattern": _code_form(spec)[0]}, _code_form
    ),
    "choice": Kind(
        _choice,
        lambda spec, vocabularies: {"enum": list(vocabularies.get(spec.vocab or "", {}))},
        choices=lambda spec, vocabularies, known: list(vocabularies.get(spec.vocab or "", {})),
    ),
    "ref": Kind(
        _ref, _ref_schema, choices=lambda spec, vocabularies, known: known.get(spec.ref or "", [])
    ),
    "list": Kind(_list, _list_schema),
    "object": Kind(
        _object,
        lambda spec, vocabularies: {
            **object_schema(spec.fields or {}, vocabularies),
            **(spec.rule_schema or {}),
        },
    ),
}
