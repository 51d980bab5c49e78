"""Split a content file into its YAML front matter and Markdown body, safely.

Why not ``yaml.safe_load``: we need the line of every key (errors must point
at it), duplicate keys must be errors, and alias expansion must be bounded
(a "billion laughs" header must fail fast). So the C parser composes the node
tree (no alias expansion happens there) and a small walker builds the values,
counting nodes and recording lines. Scalars are built by PyYAML's safe
constructor: Python tags are refused.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass, field

import yaml

from ..problems import Problem, problem
from .fields import deepest_line, key_label

try:  # libyaml is 7x faster; fall back to the pure-Python parser if absent
    from yaml import CSafeLoader as _BaseLoader
except ImportError:  # pragma: no cover - depends on the PyYAML build
    from yaml import SafeLoader as _BaseLoader  # type: ignore[assignment]

# YAML 1.2 core schema, as the web editor writes it (PyYAML reads YAML 1.1, where « yes » is
# a boolean, « 12:30 » is 750 and « 05212 » an octal number): only true/false are booleans,
# numbers are decimal, and a number written with a leading zero (an INSEE code, a postcode)
# stays text, as typed. Dates stay text too: the date fields check them (calendar included).
_NULLS = frozenset({"", "~", "null", "Null", "NULL"})
_BOOLS = frozenset({"true", "True", "TRUE", "false", "False", "FALSE"})
_INT_RE = re.compile(r"[-+]?(?:0|[1-9][0-9]*)|0o[0-7]+|0x[0-9a-fA-F]+")
_FLOAT_RE = re.compile(
    r"[-+]?(?:\.[0-9]+|(?:0|[1-9][0-9]*)(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
    r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)"
)
_TAG = "tag:yaml.org,2002:"
_STR_TAG = _TAG + "str"


# the plain scalars that are words of the schema, and the first characters of numbers
_WORD_TAGS = {
    **dict.fromkeys(_NULLS, _TAG + "null"),
    **dict.fromkeys(_BOOLS, _TAG + "bool"),
    "<<": _TAG + "merge",  # refused (E009): a merge hides where a value comes from
}
_NUMBER_START = frozenset("+-.0123456789")


def _number_tag(value: str) -> str:
    """The YAML 1.2 core-schema type of a plain scalar that starts like a number."""
    if len(value) < 400 and _INT_RE.fullmatch(value):
        return _TAG + "int"
    if (
        len(value) < 400
        and _FLOAT_RE.fullmatch(value)
        and any(c.isdigit() for c in value)
        or value.lstrip("+-") in (".inf", ".Inf", ".INF")
        or value in (".nan", ".NaN", ".NAN")
    ):
        return _TAG + "float"
    return _STR_TAG


class _Loader(_BaseLoader):  # type: ignore[misc, valid-type]
    """The safe loader with YAML 1.2 core-schema scalars."""

    def resolve(self, kind, value, implicit):
        if kind is yaml.ScalarNode and implicit[0] and value is not None:
            tag = _WORD_TAGS.get(value)  # « null », « true »… (« "" » too: a null)
            if tag is None:  # most values: text, decided by their first character
                tag = _number_tag(value) if value[0] in _NUMBER_START else _STR_TAG
            return tag
        return super().resolve(kind, value, implicit)


MAX_FILE_BYTES = 1_000_000
MAX_NODES = 20_000
# no budget, population or year needs more; beyond, Python cannot print or convert it
MAX_NUMBER = 10**15

KeyPath = tuple  # ("actions", 0, "pratiques")


@dataclass
class Parsed:
    """A content file split into metadata, body and the line of each metadata key."""

    meta: dict = field(default_factory=dict)
    body: str = ""
    body_line: int = 1  # line number of the first body line in the file
    lines: dict[KeyPath, int] = field(default_factory=dict)
    warnings: list[Problem] = field(default_factory=list)  # the file is usable with them

    def line(self, *keypath: object) -> int:
        return deepest_line(self.lines, keypath)


class _TooManyNodes(Exception):
    pass


class _DuplicateKey(Exception):
    def __init__(self, key: str, first: int, line: int) -> None:
        super().__init__(key)
        self.key, self.first, self.line = key, first, line


class _Impossible(Exception):
    def __init__(self, value: str, why: str, line: int) -> None:
        super().__init__(value)
        self.value, self.why, self.line = value, why, line


class _BadTag(Exception):
    def __init__(self, tag: str, line: int) -> None:
        super().__init__(tag)
        self.tag, self.line = tag, line


def parse(raw: bytes, path: str) -> tuple[Parsed | None, list[Problem]]:
    """Parse a content file. Returns (parsed, problems); parsed is None when unusable."""
    if len(raw) > MAX_FILE_BYTES:
        return None, [problem(path, 1, "E010", size=len(raw), limit=MAX_FILE_BYTES)]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        return None, [problem(path, raw.count(b"\n", 0, exc.start) + 1, "E001")]
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    if "\x00" in text:
        line = text.count("\n", 0, text.index("\x00")) + 1
        return None, [problem(path, line, "E001")]
    lines = text.split("\n")
    # only spaces and tabs may follow the fences, as in MkDocs' reader: « --- » + a
    # non-breaking space is not a front matter for MkDocs, so it is not one here either
    if not lines or lines[0].rstrip(" \t") != "---":
        return None, [problem(path, 1, "E002")]
    end = next((i for i in range(1, len(lines)) if lines[i].rstrip(" \t") in ("---", "...")), None)
    if end is None:
        last = len(lines) - 1 if lines[-1] == "" else len(lines)
        return None, [problem(path, last, "E003")]
    header = lines[1:end]
    header_text = "\n".join(header)
    if "\t" in header_text:  # rarely: look for the lines that indent with one
        tabs = [i + 2 for i, ln in enumerate(header) if "\t" in ln[: len(ln) - len(ln.lstrip())]]
        if tabs:
            return None, [problem(path, n, "E004") for n in tabs]
    parsed = Parsed(body="\n".join(lines[end + 1 :]), body_line=end + 2)
    problems = _load_yaml(header_text, path, parsed)
    if problems:
        return None, problems
    if any(quote in header_text for quote in _CURLY_OPENING):
        parsed.warnings = list(_typographic_quotes(parsed.meta, (), parsed, path))
    parsed.warnings += _cut_by_hash(header, header_text, parsed, path)
    return parsed, problems


# « titre: Atelier #3 » : YAML reads « #3 » as a comment and the title as « Atelier ». A
# comment a person means to write has a space after « # »; glued to a word, it was text.
_CUT_BY_HASH_RE = re.compile(
    r"""^\s*(?:-\s+|[^\s:#"'-][^:#]*:\s+)[^\s"'|>#[{&*!][^#]*?\s(#\S.*)$"""
)


# line breaks for YAML that are not for the header's split: after one, rows and lines differ
_YAML_ONLY_BREAKS = ("\x85", "\u2028", "\u2029")


def _cut_by_hash(header: list[str], text: str, parsed: Parsed, path: str) -> list[Problem]:
    """Plain values whose end YAML dropped as a comment (W005); ``text``: the rows joined."""
    if "#" not in text or any(brk in text for brk in _YAML_ONLY_BREAKS):
        return []  # no comment; or YAML's line numbers no longer match the header's rows
    found = []
    for keypath, line in parsed.lines.items():
        cut = _CUT_BY_HASH_RE.match(header[line - 2])
        if cut and isinstance(_value_at(parsed.meta, keypath), str):
            found.append(
                problem(
                    path,
                    line,
                    "W005",
                    severity="warning",
                    key=key_label(keypath),
                    cut=cut.group(1).rstrip(),
                )
            )
    return found


def _value_at(meta, keypath: KeyPath):
    for part in keypath:
        meta = meta[part]
    return meta


# what a word processor types around a quotation; « » are French text, not delimiters
_CURLY_OPENING, _CURLY_CLOSING = "“‘„", "”’“"


def _typographic_quotes(value, keypath: KeyPath, parsed: Parsed, path: str):
    """Values wrapped in curly quotes, which YAML keeps as part of the text (W003)."""
    if isinstance(value, str):
        if len(value) > 1 and value[0] in _CURLY_OPENING and value[-1] in _CURLY_CLOSING:
            yield problem(
                path,
                parsed.line(*keypath),
                "W003",
                severity="warning",
                key=key_label(keypath),
                quotes=value[0] + "…" + value[-1],
            )
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _typographic_quotes(item, (*keypath, key), parsed, path)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _typographic_quotes(item, (*keypath, index), parsed, path)


def parse_yaml(raw: bytes, path: str) -> tuple[Parsed | None, list[Problem]]:
    """Parse a whole YAML file (a vocabulary, a configuration) with the same guarantees."""
    if len(raw) > MAX_FILE_BYTES:
        return None, [problem(path, 1, "E010", size=len(raw), limit=MAX_FILE_BYTES)]
    try:
        text = raw.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as exc:
        return None, [problem(path, raw.count(b"\n", 0, exc.start) + 1, "E001")]
    parsed = Parsed()
    problems = _load_yaml(text, path, parsed, offset=1)
    return (None if problems else parsed), problems


def _load_yaml(source: str, path: str, parsed: Parsed, offset: int = 2) -> list[Problem]:
    """Build ``parsed.meta``; ``offset`` is the file line of the source's first line."""
    loader = _Loader(source)
    try:
        node = loader.get_single_node()
        if node is None:
            return []
        if not isinstance(node, yaml.MappingNode):
            return [problem(path, node.start_mark.line + offset, "E006")]
        budget = [MAX_NODES]
        parsed.meta = _build(loader, node, (), parsed.lines, budget, offset)
        return []
    except yaml.MarkedYAMLError as exc:
        last = offset + max(source.count("\n"), 0)
        if (
            "quoted scalar" in (exc.context or "")
            and "end of stream" in (exc.problem or "")
            and exc.context_mark is not None
        ):
            # the error is where the quote was opened, not where PyYAML gave up
            line = exc.context_mark.line + offset
            return [
                problem(
                    path,
                    line,
                    "E005",
                    detail=f"guillemet ouvert ligne {line} jamais "
                    "fermé ; fermez-le à la fin de la valeur",
                )
            ]
        mark = exc.problem_mark or exc.context_mark
        line = min(mark.line + offset, last) if mark else offset
        cause = _cause_above(source, line - offset, offset)
        if cause is not None:  # PyYAML stops later than the mistake a person made
            return [problem(path, cause[0], "E005", detail=cause[1])]
        return [problem(path, line, "E005", detail=_french_yaml_error(exc))]
    except yaml.YAMLError as exc:
        return [problem(path, offset, "E005", detail=str(exc).splitlines()[0])]
    except _TooManyNodes:
        return [problem(path, offset, "E008", limit=MAX_NODES)]
    except _DuplicateKey as exc:
        return [problem(path, exc.line, "E007", key=exc.key, first=exc.first)]
    except _BadTag as exc:
        return [problem(path, exc.line, "E009", tag=exc.tag)]
    except _Impossible as exc:
        shown = exc.value if len(exc.value) <= 30 else exc.value[:29] + "…"
        return [problem(path, exc.line, "E005", detail=f"« {shown} » : {exc.why}")]
    except RecursionError:
        return [problem(path, offset, "E008", limit=MAX_NODES)]
    finally:
        loader.dispose()


# a value that opens a quote it never closes on its line, and a key glued to its value:
# the two mistakes that make PyYAML fail lines below where they are
_OPENED_QUOTE_RE = re.compile(r"""^\s*(?:-\s+|[^\s:#][^:#]*:\s+)(["'])(.*)$""")
_GLUED_KEY_RE = re.compile(r"^\s*(?:-\s+)?[A-Za-z_][\w-]*:(?![\s/])\S")


def _cause_above(source: str, error_index: int, offset: int) -> tuple[int, str] | None:
    """(file line, French cause) of the first mistake at or above the line PyYAML
    reported, when it is one of those two; None otherwise."""
    for index, row in enumerate(source.split("\n")[: error_index + 1]):
        line = index + offset
        opened = _OPENED_QUOTE_RE.match(row)
        if opened and not _closes(opened.group(1), opened.group(2)):
            return (
                line,
                f"guillemet ouvert ligne {line} jamais fermé ; fermez-le à la fin de la valeur",
            )
        if _GLUED_KEY_RE.match(row):
            return line, "il manque une espace après « : » (écrivez « clé: valeur »)"
    return None


def _closes(quote: str, rest: str) -> bool:
    """Whether a value opened with ``quote`` is closed on the same line."""
    if quote == '"':
        return re.search(r'(?<!\\)(?:\\\\)*"', rest) is not None
    return re.search(r"(?<!')'(?!')", rest.replace("''", "")) is not None


def _build(loader, node, keypath: KeyPath, lines: dict, budget: list[int], offset: int):
    budget[0] -= 1
    if budget[0] < 0:
        raise _TooManyNodes
    if node.tag == _STR_TAG and type(node) is yaml.ScalarNode:  # the common case, first
        return node.value
    if not isinstance(node, yaml.ScalarNode) and node.tag not in _PLAIN_TAGS:
        raise _BadTag(node.tag, node.start_mark.line + offset)
    if isinstance(node, yaml.MappingNode):
        result: dict = {}
        for key_node, value_node in node.value:
            key_line = key_node.start_mark.line + offset
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag.endswith(":merge"):
                raise _BadTag("<<" if key_node.tag.endswith(":merge") else "clé complexe", key_line)
            key = (
                key_node.value
                if key_node.tag == _STR_TAG
                else str(_scalar(loader, key_node, offset))
            )
            path = (*keypath, key)
            if key in result:
                raise _DuplicateKey(key, lines[path], key_line)
            lines[path] = key_line
            result[key] = _build(loader, value_node, path, lines, budget, offset)
        return result
    if isinstance(node, yaml.SequenceNode):
        items = []
        for index, item in enumerate(node.value):
            path = (*keypath, index)
            lines[path] = item.start_mark.line + offset
            items.append(_build(loader, item, path, lines, budget, offset))
        return items
    return _scalar(loader, node, offset)


_PLAIN_TAGS = {"tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"}


def _scalar(loader, node, offset: int):
    if node.tag == _STR_TAG:  # most scalars: the text as parsed, no constructor needed
        return node.value
    try:
        value = loader.construct_object(node, deep=True)
    except yaml.constructor.ConstructorError:
        raise _BadTag(node.tag, node.start_mark.line + offset) from None
    except Exception:  # noqa: BLE001 - !!timestamp 2026-02-30, !!bool peut-etre, 5,000 digits…
        why = (
            "cette date n'existe pas"
            if node.tag.endswith(":timestamp")
            else "valeur impossible à lire"
        )
        raise _Impossible(node.value, why, node.start_mark.line + offset) from None
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) > MAX_NUMBER:
        raise _Impossible(node.value, "nombre trop grand", node.start_mark.line + offset)
    if isinstance(value, float) and not math.isfinite(value):
        raise _Impossible(node.value, "nombre infini ou indéfini", node.start_mark.line + offset)
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()  # dates stay text: one representation everywhere
    if isinstance(value, bytes):
        raise _BadTag(node.tag, node.start_mark.line + offset)
    return value


_YAML_PROBLEMS = {
    "mapping values are not allowed": "« : » inattendu ; mettez la valeur entre guillemets",
    "could not find expected ':'": "« : » manquant après une clé",
    "found character that cannot start any token": "caractère interdit en début de valeur ; "
    "mettez la valeur entre guillemets",
    "found undefined alias": "alias « * » non défini",
    "did not find expected key": "indentation incohérente ou clé attendue",
    "did not find expected '-' indicator": "élément de liste mal indenté",
    "found unexpected end of stream": "guillemet ou crochet non fermé",
    "found unknown escape character": "séquence d'échappement inconnue entre guillemets",
    "expected <block end>, but found": "indentation incohérente",
    "while scanning a quoted scalar": "guillemet non fermé",
    "did not find expected ',' or ']'": "crochet « ] » ou virgule manquant",
    "did not find expected ',' or '}'": "accolade « } » ou virgule manquante",
    "exceeded maximum nesting depth": "trop de niveaux imbriqués ([ ou { dans [ ou {…)",
    "did not find expected node content": "valeur attendue (crochet, accolade ou « - » en trop ?)",
}


def _french_yaml_error(exc: yaml.MarkedYAMLError) -> str:
    text = f"{exc.context or ''} {exc.problem or ''}"
    for english, french in _YAML_PROBLEMS.items():
        if english in text:
            return french
    return (exc.problem or exc.context or "erreur de syntaxe").strip()
