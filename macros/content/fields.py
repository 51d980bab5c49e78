"""Front-matter field declarations: what a field is called, of which kind, with which limits.

What each kind accepts, and how capi check, the JSON Schemas and the web editor say it,
is in ``kinds.py``. Pydantic was considered; its messages and error locations would need
translating one by one, which costs more than this small type system.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from ..problems import Problems

# the shape of a date, AAAA-MM or AAAA-MM-JJ…
DATE_SHAPE_RE = re.compile(r"^[0-9]{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?$")
# … and the days the calendar has (30 April, 29 February of leap years only), in one
# regex so that JSON Schemas and the web editor refuse « 2026-06-31 » as capi check does
_LEAP_YEAR = r"(?:[0-9]{2}(?:0[48]|[2468][048]|[13579][26])|(?:[02468][048]|[13579][26])00)"
_DAY = (
    r"[0-9]{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12][0-9]|3[01])"
    r"|(?:0[469]|11)-(?:0[1-9]|[12][0-9]|30)|02-(?:0[1-9]|1[0-9]|2[0-8]))"
    rf"|{_LEAP_YEAR}-02-29"
)
DATE_RE = re.compile(rf"^(?:[0-9]{{4}}-(?:0[1-9]|1[0-2])|{_DAY})$")  # a month or a day
DAY_RE = re.compile(rf"^(?:{_DAY})$")  # a day only (the national places standard)
SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[A-Za-z]{2,}$")  # no flag: editors get the pattern alone
# a web address with nothing that could end an HTML attribute or a Markdown link
URL_RE = re.compile(r"^https?://[^\s<>\"'`\\]+$")


@dataclass(frozen=True)
class Field:
    """One front-matter field. ``kind`` is one of the keys of ``kinds.FIELD_KINDS``."""

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


def deepest_line(lines: Mapping[tuple, int], keypath: tuple) -> int:
    """Line of the deepest known key on ``keypath`` (falls back to its parents, then 1)."""
    path = tuple(keypath)
    while path:
        if path in lines:
            return lines[path]
        path = path[:-1]
    return 1


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
