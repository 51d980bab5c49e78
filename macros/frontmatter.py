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
from dataclasses import dataclass, field

import yaml

try:  # libyaml is 7x faster; fall back to the pure-Python parser if absent
    from yaml import CSafeLoader as _BaseLoader
except ImportError:  # pragma: no cover - depends on the PyYAML build
    from yaml import SafeLoader as _BaseLoader  # type: ignore[assignment]

_RESOLVED: dict[tuple, str] = {}


class _Loader(_BaseLoader):  # type: ignore[misc, valid-type]
    """The safe loader, remembering how short plain scalars resolve (keys, vocabulary
    values and numbers repeat across thousands of files; resolving is pure Python)."""

    def resolve(self, kind, value, implicit):
        if kind is not yaml.ScalarNode or value is None or len(value) > 40:
            return super().resolve(kind, value, implicit)
        key = (value, implicit)
        tag = _RESOLVED.get(key)
        if tag is None:
            tag = _RESOLVED[key] = super().resolve(kind, value, implicit)
            if len(_RESOLVED) > 50_000:
                _RESOLVED.clear()
        return tag

from .problems import Problem, problem

MAX_FILE_BYTES = 1_000_000
MAX_NODES = 20_000

KeyPath = tuple  # ("actions", 0, "pratiques")


@dataclass
class Parsed:
    """A content file split into metadata, body and the line of each metadata key."""

    meta: dict = field(default_factory=dict)
    body: str = ""
    body_line: int = 1  # line number of the first body line in the file
    lines: dict[KeyPath, int] = field(default_factory=dict)

    def line(self, *keypath: object) -> int:
        """Line of the deepest known key on ``keypath`` (falls back to its parents)."""
        path = tuple(keypath)
        while path:
            if path in self.lines:
                return self.lines[path]
            path = path[:-1]
        return 1


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
    end = next((i for i in range(1, len(lines)) if lines[i].rstrip(" \t") in ("---", "...")),
               None)
    if end is None:
        last = len(lines) - 1 if lines[-1] == "" else len(lines)
        return None, [problem(path, last, "E003")]
    header = lines[1:end]
    tabs = [i + 2 for i, ln in enumerate(header) if "\t" in ln[: len(ln) - len(ln.lstrip())]]
    if tabs:
        return None, [problem(path, n, "E004") for n in tabs]
    parsed = Parsed(body="\n".join(lines[end + 1 :]), body_line=end + 2)
    problems = _load_yaml("\n".join(header), path, parsed)
    return (None if problems else parsed), problems


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
        mark = exc.problem_mark or exc.context_mark
        last = offset + max(source.count("\n"), 0)
        line = min(mark.line + offset, last) if mark else offset
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


_STR_TAG = "tag:yaml.org,2002:str"


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
            key = key_node.value if key_node.tag == _STR_TAG else str(
                _scalar(loader, key_node, offset))
            if key in result:
                raise _DuplicateKey(key, lines[keypath + (key,)], key_line)
            lines[keypath + (key,)] = key_line
            result[key] = _build(loader, value_node, keypath + (key,), lines, budget, offset)
        return result
    if isinstance(node, yaml.SequenceNode):
        items = []
        for index, item in enumerate(node.value):
            lines[keypath + (index,)] = item.start_mark.line + offset
            items.append(_build(loader, item, keypath + (index,), lines, budget, offset))
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
    except (ValueError, OverflowError):  # 2026-02-30, a 5,000-digit number…
        why = ("cette date n'existe pas" if node.tag.endswith(":timestamp")
               else "nombre impossible à lire")
        raise _Impossible(node.value, why, node.start_mark.line + offset) from None
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
