"""Load and validate the whole knowledge base: files → entries + problems.

This is the one pass over the content that a build or ``capi check`` makes:
every file is read once, checked against its schema, and every reference
(front matter and text) is checked against the set of known identities.
"""

from __future__ import annotations

import gc
import json
import multiprocessing
import os
from collections import defaultdict
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path

from ..messages import suggestion
from ..problems import Problem, Problems
from . import html_policy, references
from .cache import FileCache, engine_fingerprint, stamp_of, to_json
from .corpus_memory import CorpusMemory
from .fields import Context, PendingRef
from .frontmatter import parse
from .kinds import check_mapping
from .locate import Located, discover
from .model import (
    INTERVENTION_RULES,
    KINDS,
    ORGANISER_ONLY_KEYS,
    REFERENCE_KINDS,
    REPORT_REQUIRED,
    SCHEMAS,
    Entry,
)
from .vocabulary import IMAGE_HOSTS_KEY, VOCABULARY_FILE, Vocabularies, load_vocabularies
from .words import closest


@dataclass
class Corpus:
    """Everything the site is made of, validated."""

    root: Path
    vocabularies: Vocabularies
    entries: list[Entry] = field(default_factory=list)
    assets: list[Located] = field(default_factory=list)
    problems: Problems = field(default_factory=Problems)
    # entry key -> (kind, slug) of every entry it references, in its text or front matter
    links: dict[tuple[str, str], list[tuple[str, str]]] = field(default_factory=dict)

    def by_key(self) -> dict[tuple[str, str], Entry]:
        return {e.key: e for e in self.entries}


def load_corpus(
    root: Path,
    only: set[str] | None = None,
    use_cache: bool = False,
    memory: CorpusMemory | None = None,
) -> Corpus:
    """Read, validate and cross-check every content file under ``root``.

    ``only`` limits the reported problems to some paths (``capi check FILE``),
    but every file is still read, since references need the whole corpus.
    ``use_cache`` reuses the per-file results of unchanged files; it is for checking
    only: the entries it returns carry their metadata, not their body or line map.
    ``memory`` (the preview) keeps whole entries between two loads in the same process:
    only the files whose size or modification time changed are read again.
    """
    problems = Problems()
    vocabularies = load_vocabularies(root, problems)
    corpus = Corpus(root, vocabularies, problems=problems)
    pending: list[tuple[Entry, PendingRef]] = []
    if memory is not None:
        cache = memory.cache(_fingerprint(root))
    else:
        cache = FileCache(
            root, _fingerprint(root), enabled=use_cache, encode=_encode, decode=_decode
        )
    located_files = []
    for located in discover(root, problems):
        if located.kind == "asset":
            corpus.assets.append(located)
        else:
            located_files.append(located)
    stamps = {located.path: stamp_of(root / located.path) for located in located_files}
    results = {}
    for located in located_files:
        stamp = stamps[located.path]
        hit = cache.get(located.path, stamp) if stamp else None
        if hit is not None:
            results[located.path] = hit
    misses = [located for located in located_files if located.path not in results]
    for path, loaded, encoded in _load_entries(
        root, misses, vocabularies, slim=use_cache, encode=cache.enabled
    ):
        results[path] = loaded
        if stamps[path]:
            cache.put(path, stamps[path], loaded, encoded)
    for located in located_files:
        entry, refs, found_problems = results[located.path]
        problems.extend(found_problems)
        if entry is not None:
            corpus.entries.append(entry)
            pending.extend((entry, r) for r in refs)
    cache.save()
    _check_identity(corpus)
    _check_references(corpus, pending)
    if only is not None:
        corpus.problems = Problems(p for p in corpus.problems if p.path in only)
    corpus.problems.sort()
    return corpus


REFUSED_BODY = "*Le texte de cette page n'est pas publié : `capi check` indique pourquoi.*\n"

# below this many files to read, starting worker processes costs more than it saves
PARALLEL_FROM = 1500


def _load_entries(
    root: Path, files: list[Located], vocabularies: Vocabularies, slim: bool, encode: bool
) -> list[tuple[str, tuple, str | None]]:
    """(path, (entry, refs, problems), its cache encoding or None) for each file. A check
    (``slim``: no bodies to send back) of many files uses every core: reading YAML is most
    of a cold check's time."""
    workers = min(os.cpu_count() or 1, 4)
    if not slim or workers < 2 or len(files) < PARALLEL_FROM:
        return _load_chunk(root, files, vocabularies, slim, encode)
    chunks = [files[i::workers] for i in range(workers)]
    try:
        context = multiprocessing.get_context("fork")
    except ValueError:  # no fork on this system: stay in one process
        return _load_chunk(root, files, vocabularies, slim, encode)
    with ProcessPoolExecutor(workers, mp_context=context) as pool:
        parts = pool.map(_load_chunk_as_json, [root] * workers, chunks, [vocabularies] * workers)
        out = []
        for part in parts:
            # cache lines, not pickled entries: half the bytes, no pickling in the workers
            # (0.16 s each); one parse here, as a warm check decodes the cache
            data = json.loads("[" + ",".join(encoded for _, encoded in part) + "]")
            out.extend(
                (path, _decode(decoded), encoded)
                for (path, encoded), decoded in zip(part, data, strict=True)
            )
        return out


def _load_chunk_as_json(
    root: Path, files: list[Located], vocabularies: Vocabularies
) -> list[tuple[str, str]]:
    """(path, cache encoding) of each file of a check: what a worker sends back."""
    return [
        (path, encoded) for path, _, encoded in _load_chunk(root, files, vocabularies, True, True)
    ]


def _load_chunk(
    root: Path, files: list[Located], vocabularies: Vocabularies, slim: bool, encode: bool
) -> list[tuple[str, tuple, str | None]]:
    out = []
    for located in files:
        found = Problems()
        entry, refs = load_entry(root, located, vocabularies, found)
        if slim and entry is not None:  # a check needs neither body nor lines again
            entry = replace(entry, body="", lines={})
        loaded = (entry, refs, list(found))
        out.append((located.path, loaded, to_json(_encode(loaded)) if encode else None))
    return out


@contextmanager
def no_gc() -> Iterator[None]:
    """No cyclic garbage collection inside: a check makes many objects that all live on
    until it ends, and no cycle to collect, so the collector's passes over them are wasted
    (a fifth of a cold check's CPU). Workers forked meanwhile inherit the setting."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _encode(loaded: tuple) -> list:
    """A checked file's result as JSON data (the cache never stores code)."""
    entry, refs, problems = loaded
    return [
        None
        if entry is None
        else [entry.kind, entry.slug, entry.path, entry.src_uri, entry.meta, entry.body_line],
        [[r.kind, r.slug, r.line, r.key] for r in refs],
        [[p.path, p.line, p.code, p.message, p.severity] for p in problems],
    ]


def _decode(data: list) -> tuple:
    entry, refs, problems = data
    return (
        None if entry is None else Entry(*entry[:5], body_line=int(entry[5])),
        [PendingRef(str(k), str(s), int(n), str(key)) for k, s, n, key in refs],
        [Problem(str(p), int(n), str(c), str(m), str(sev)) for p, n, c, m, sev in problems],
    )


def _fingerprint(root: Path) -> str:
    try:
        vocabulary = (root / VOCABULARY_FILE).read_bytes()
    except OSError:
        vocabulary = b""
    return engine_fingerprint(vocabulary)


REPORT_HINT = " (à remplir dès que l'avancement n'est plus « à compléter »)"
# a territory's files, which the web editor finds by their « type » (one collection each)
TERRITORY_KINDS = ("territoire", "diagnostic", "plan-action", "partenariat")


def load_entry(
    root: Path, located: Located, vocabularies: Vocabularies, problems: Problems
) -> tuple[Entry | None, list[PendingRef]]:
    """One file → an entry and its references (front matter and text)."""
    path = located.path
    try:
        raw = (root / path).read_bytes()
    except OSError:
        problems.add(path, 1, "E040")
        return None, []
    parsed, found = parse(raw, path)
    problems.extend(found)
    if parsed is None:
        return None, []
    problems.extend(parsed.warnings)
    meta = parsed.meta
    ctx = Context(path, parsed.line, problems, vocabularies)
    declared = meta.get("type")
    if declared is not None and str(declared) != located.kind:
        ctx.add(("type",), "E018", declared=declared, expected=located.kind)
    for key in ORGANISER_ONLY_KEYS:
        if key in meta:
            ctx.add((key,), "E033", what=f"la clé « {key} » est réservée aux organisateurs")
    ignored = frozenset(ORGANISER_ONLY_KEYS)
    rules = INTERVENTION_RULES if located.kind == "intervention" else ()
    checked = check_mapping(SCHEMAS[located.kind], meta, (), ctx, rules, ignored=ignored)
    checked = {k: v for k, v in checked.items() if k not in ignored}
    if located.kind in TERRITORY_KINDS and "type" not in meta:  # the web editor's filter
        problems.warn(path, 1, "W004", kind=located.kind)
    if (
        located.kind == "intervention"
        and checked.get("format") == "retour-experience"
        and checked.get("avancement") != "a-completer"
    ):
        for key in REPORT_REQUIRED:  # on the key's own line when it is there, empty
            if key not in checked and meta.get(key) in (None, "", []):
                where = (
                    (key,) if key in meta else ("avancement" if "avancement" in meta else "format",)
                )
                ctx.add(where, "E011", key=key, hint=REPORT_HINT)
    if (
        located.kind == "seance"
        and "numero" in checked
        and (int(checked["numero"]) != int(located.slug))
    ):
        ctx.add(
            ("numero",),
            "E016",
            key="numero",
            value=checked["numero"],
            expected=f"{int(located.slug)}, le numéro du dossier",
        )
    body = parsed.body
    if not html_policy.check_body(
        body,
        parsed.body_line,
        path,
        problems,
        frozenset(vocabularies.get(IMAGE_HOSTS_KEY, {})),
    ):
        body = REFUSED_BODY  # over a cost bound (reported): never handed to Markdown
    refs = list(ctx.refs)
    text_refs, unclosed = references.find_with_unclosed(parsed.body, parsed.body_line)
    for text_ref in text_refs:
        if not text_ref.kind:
            problems.add(
                path,
                text_ref.line,
                "E037",
                text=f"[[{text_ref.slug}]]",
                why="le type manque : écrivez [[type:identifiant]], par exemple "
                f"[[pratique:{text_ref.slug}]]",
            )
            continue
        refs.append(PendingRef(f"text:{text_ref.kind}", text_ref.slug, text_ref.line, ""))
    for line, text in unclosed:
        problems.add(
            path, line, "E037", text=text, why="elle n'est pas fermée : terminez-la par « ]] »"
        )
    entry = Entry(
        located.kind,
        located.slug,
        path,
        located.src_uri,
        checked,
        body,
        parsed.body_line,
        parsed.lines,
    )
    return entry, refs


def _check_identity(corpus: Corpus) -> None:
    """Two files cannot claim the same identity; items need their séance."""
    # folders of every séance file, duplicates included: their items do have a séance
    seance_dirs = {e.src_uri.rsplit("/", 1)[0] for e in corpus.entries if e.kind == "seance"}
    seen: dict[tuple[str, str], Entry] = {}
    unique: list[Entry] = []
    for entry in corpus.entries:
        other = seen.get(entry.key)
        if other is not None:
            corpus.problems.add(
                entry.path, 1, "E017", label=KINDS[entry.kind], slug=entry.slug, other=other.path
            )
            continue
        seen[entry.key] = entry
        unique.append(entry)
    territories = {e.slug for e in unique if e.kind == "territoire"}
    for entry in unique:
        folder = entry.src_uri.rsplit("/", 1)[0]
        if entry.kind == "intervention" and folder not in seance_dirs:
            corpus.problems.add(entry.path, 1, "E041", what="séance")
        if entry.kind in ("diagnostic", "plan-action", "partenariat") and (
            entry.slug not in territories
        ):
            corpus.problems.add(entry.path, 1, "E041", what="territoire")
    corpus.entries = unique


def known_identities(corpus: Corpus) -> dict[str, set[str]]:
    """Slugs that references may name, per referenced kind."""
    known: dict[str, set[str]] = defaultdict(set)
    for entry in corpus.entries:
        known[entry.kind].add(entry.slug)
        if entry.is_report:
            known["retour"].add(entry.slug)
    known["pratique"].update(corpus.vocabularies.get("pratiques", {}))
    known["thematique"].update(corpus.vocabularies.get("thematiques", {}))
    known["acteur"].update(corpus.vocabularies.get("types_acteurs", {}))
    return known


def _check_references(corpus: Corpus, pending: list[tuple[Entry, PendingRef]]) -> None:
    known = known_identities(corpus)
    kind_of_slug: dict[str, str] = {}
    for kind, slugs in known.items():
        for slug in slugs:
            kind_of_slug.setdefault(slug, kind)
    problems = corpus.problems
    for entry, ref in pending:
        in_text = ref.kind.startswith("text:")
        kind = ref.kind.removeprefix("text:")
        if in_text:
            target_kind = "retour" if kind == "retour" else REFERENCE_KINDS.get(kind)
            if target_kind is None:
                problems.add(
                    entry.path, ref.line, "E031", kind=kind, kinds=", ".join(REFERENCE_KINDS)
                )
                continue
            slug = ref.slug.zfill(2) if kind == "seance" and ref.slug.isdigit() else ref.slug
            if slug in known[target_kind]:
                link_kind = "intervention" if target_kind == "retour" else target_kind
                corpus.links.setdefault(entry.key, []).append((link_kind, slug))
                continue
            actual = kind_of_slug.get(slug)
            if actual is not None:
                problems.add(
                    entry.path,
                    ref.line,
                    "E022",
                    kind=kind,
                    slug=slug,
                    kind_label=kind,
                    actual=actual,
                )
            else:
                problems.add(
                    entry.path,
                    ref.line,
                    "E021",
                    kind=kind,
                    slug=slug,
                    suggestion=suggestion(closest(slug, known[target_kind])),
                )
            continue
        if ref.slug in known[ref.kind]:
            corpus.links.setdefault(entry.key, []).append((ref.kind, ref.slug))
            continue
        hint = suggestion(closest(ref.slug, known[ref.kind]))
        if ref.kind == "pratique":
            problems.add(entry.path, ref.line, "E020", value=ref.slug, suggestion=hint)
        else:
            problems.add(
                entry.path, ref.line, "E015", label=KINDS[ref.kind], value=ref.slug, suggestion=hint
            )
