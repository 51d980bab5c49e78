"""The small type system of front matter: field kinds, checks and their JSON Schema.

One declaration per field drives three things, so they never disagree:
validation with French ``path:line:`` messages, the JSON Schema given to
editors, and the CMS configuration. Pydantic was considered; its messages and
error locations would need translating one by one, which costs more than this.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from ..messages import suggestion
from ..problems import Problems
from . import identifiers
from .words import closest

# the shape of a date, AAAA-MM or AAAA-MM-JJ…
DATE_SHAPE_RE = re.compile(r"^[0-9]{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?$")
# … and the days the calendar has (30 April, 29 February of leap years only), in one
# regex so that JSON Schemas and the web editor refuse « 2026-06-31 » as capi check does
_LEAP_YEAR = r"(?:[0-9]{2}(?:0[48]|[2468][048]|[13579][26])|(?:[02468][048]|[13579][26])00)"
DATE_RE = re.compile(
    r"^(?:[0-9]{4}-(?:0[1-9]|1[0-2])"
    r"|[0-9]{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12][0-9]|3[01])"
    r"|(?:0[469]|11)-(?:0[1-9]|[12][0-9]|30)|02-(?:0[1-9]|1[0-9]|2[0-8]))"
    rf"|{_LEAP_YEAR}-02-29)$"
)
SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[A-Za-z]{2,}$")  # no flag: editors get the pattern alone
# a web address with nothing that could end an HTML attribute or a Markdown link
URL_RE = re.compile(r"^https?://[^\s<>\"'`\\]+$")


@dataclass(frozen=True)
class Field:
    """One front-matter field. ``kind`` is one of the keys of ``_CHECKS``."""

    kind: str
    label: str
    required: bool = False
    vocab: str | None = None  # name of a vocabulary (kind "choice")
    ref: str | None = None  # kind of entity referenced (kind "ref")
    items: Field | None = None  # kind "list"
    fields: Mapping[str, Field] | None = None  # kind "object"
    rules: tuple[Callable[..., None], ...] = ()  # object-level checks
    rule_schema: Mapping[str, Any] | None = None  # the same rules, as JSON Schema keywords
    pattern: str | None = None  # kind "text"
    pattern_label: str = ""
    code: str | None = None  # kind "code": insee, siren, qpv
    minimum: float | None = None
    max_length: int | None = None
    unique: bool = False  # kind "list": no value twice
    help: str = ""  # shown in templates, schemas and the CMS


def whole(pattern: str) -> str:
    """``pattern`` matching a whole value wherever it is used: Python's fullmatch (capi
    check), JSON Schema's and JavaScript's search (editors) then say the same."""
    return pattern if pattern.startswith("^") and pattern.endswith("$") else f"^(?:{pattern})$"


def text(label: str, **kw: Any) -> Field:
    return Field("text", label, **kw)


def markdown(label: str, **kw: Any) -> Field:
    return Field("markdown", label, **kw)


def listof(item: Field, label: str, **kw: Any) -> Field:
    return Field("list", label, items=item, **kw)


def obj(label: str, fields: Mapping[str, Field], **kw: Any) -> Field:
    return Field("object", label, fields=fields, **kw)


def choice(vocab: str, label: str, **kw: Any) -> Field:
    return Field("choice", label, vocab=vocab, **kw)


def ref(kind: str, label: str, **kw: Any) -> Field:
    return Field("ref", label, ref=kind, **kw)


@dataclass(frozen=True)
class PendingRef:
    """A reference to another entry, checked once every entry is loaded."""

    kind: str
    slug: str
    line: int
    key: str


@dataclass
class Context:
    """What a check needs: where it is, what to report to, which words are known."""

    path: str
    lines: Callable[..., int]
    problems: Problems
    vocabularies: Mapping[str, Mapping[str, str]]
    refs: list[PendingRef] = field(default_factory=list)

    def line(self, keypath: tuple) -> int:
        return self.lines(*keypath)

    def add(self, keypath: tuple, code: str, **params: Any) -> None:
        self.problems.add(self.path, self.line(keypath), code, **params)


def key_label(keypath: tuple) -> str:
    """``("axes", 0, "actions", 2, "budget")`` → ``axes[1].actions[3].budget`` (1-based)."""
    out = ""
    for part in keypath:
        out += f"[{part + 1}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def describe(value: Any) -> str:
    if isinstance(value, bool):
        return "oui" if value else "non"
    if isinstance(value, (list, dict)):
        return "une liste" if isinstance(value, list) else "un dictionnaire"
    shown = str(value)
    return f"« {shown[:40]}{'…' if len(shown) > 40 else ''} »"


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
    return _CHECKS[spec.kind](spec, value, keypath, ctx)


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
    out, seen = [], set()
    for index, item in enumerate(value):
        if item is None:
            continue
        checked = check_value(spec.items, item, keypath + (index,), ctx)  # type: ignore[arg-type]
        if checked is None:
            continue
        if spec.unique:
            if checked in seen:
                ctx.add(keypath + (index,), "E023", key=key_label(keypath), value=checked)
                continue
            seen.add(checked)
        out.append(checked)
    return out


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


_CHECKS: dict[str, Callable[..., Any]] = {
    "text": _text,
    "markdown": _text,
    "int": _int,
    "number": _number,
    "quantity": _quantity,
    "bool": _bool,
    "date": _date,
    "email": _email,
    "url": _url,
    "choice": _choice,
    "ref": _ref,
    "list": _list,
    "object": _object,
    "code": _code,
}
