"""French full-text search: a sharded index written at build time, read by capi-search.js.

Why not Material's search: its lunr index is one file holding the whole text
(8.5 MB at 1,000 pages), it has no accent folding and its French stemmer does
not match queries (see the "Recherche" page). Why not Pagefind: it fetches its
index, which browsers refuse from ``file://`` (the offline bundle).

So: terms are analysed the same way here and in ``capi-search.js`` (split on
apostrophes and hyphens, stop words, accents folded, a minimal French stemmer
written twice on purpose: ``docs/assets/capi-analyse.js``, checked against this
one by tests/browser/test_analyser_parity.py), then written as small script
files: one per two-letter term prefix, plus page descriptions in chunks (title,
address, type and a bounded set of passages, see search_passages.py). A query
loads only the shards of its terms and the chunks of its top results.
"""

from __future__ import annotations

import json
import math
import re
from collections import defaultdict
from dataclasses import dataclass, field
from html import unescape
from pathlib import Path

from ..content.words import fold
from ..render.web_only import WEB_ONLY_RE
from .search_passages import CONSIDERED, passages, select

# letters and digits (Unicode categories L and N), as [\p{L}\p{N}]+ in capi-analyse.js
WORD_RE = re.compile(r"[^\W_]+")
TAG_RE = re.compile(r"<[^>]+>")
HEADING_RE = re.compile(r"<h([23])[^>]*>(.*?)</h\1>", re.DOTALL)
HEADERLINK_RE = re.compile(r'<a [^>]*class="headerlink"[^>]*>.*?</a>', re.DOTALL)

STOP_WORDS = frozenset(
    [
        "a",
        "ai",
        "au",
        "aux",
        "avec",
        "c",
        "ce",
        "ces",
        "cet",
        "cette",
        "d",
        "dans",
        "de",
        "des",
        "du",
        "elle",
        "elles",
        "en",
        "est",
        "et",
        "etre",
        "il",
        "ils",
        "j",
        "l",
        "la",
        "le",
        "les",
        "leur",
        "leurs",
        "lui",
        "m",
        "ma",
        "mais",
        "me",
        "meme",
        "mes",
        "moi",
        "mon",
        "n",
        "ne",
        "nos",
        "notre",
        "nous",
        "on",
        "ou",
        "par",
        "pas",
        "pour",
        "qu",
        "que",
        "qui",
        "s",
        "sa",
        "se",
        "ses",
        "son",
        "sont",
        "sur",
        "t",
        "ta",
        "te",
        "tes",
        "toi",
        "ton",
        "tu",
        "un",
        "une",
        "vos",
        "votre",
        "vous",
        "y",
        "ici",
        "la",
    ]
)

# field weights: titles and names of practices, territories and themes rank above body text
WEIGHTS = {"title": 10.0, "keywords": 6.0, "headings": 3.0, "body": 1.0}
MAX_POSTINGS = 400  # per term: the best pages only, so no shard grows with the corpus
# page descriptions per file: a result loads its whole chunk, passages included (about
# 1.3 KB a page), so chunks stay small enough for ten results to cost little
CHUNK = 8
INDEX_DIR = "index-recherche"
HEADINGS = 400  # characters of section headings kept per page, for quoting


def stem(word: str) -> str:
    """Minimal French stemmer (plural and feminine endings); mirrored in capi-analyse.js."""
    if len(word) > 4 and word.endswith("aux"):
        return word[:-3] + "al"
    if len(word) > 3 and word[-1] in "sx":
        word = word[:-1]
    if len(word) > 4 and word.endswith("e"):
        word = word[:-1]
    return word


_TERM_OF: dict[str, str] = {}  # word → term ("" for a stop word): words repeat a lot


def terms(text: str) -> list[str]:
    """The searchable terms of a text, in order."""
    out = []
    cache = _TERM_OF
    for word in WORD_RE.findall(fold(text)):
        term = cache.get(word)
        if term is None:
            term = cache[word] = stem(word) if len(word) > 1 and word not in STOP_WORDS else ""
        if term:
            out.append(term)
    return out


# passage → its terms: an entry's card text is on several listing pages, and the preview
# indexes again listing pages that changed by one title (bounded: forgotten when full)
_PIECE_TERMS: dict[str, list[str]] = {}
PIECES_KEPT = 200_000


def _terms_of_piece(piece: str) -> list[str]:
    found = _PIECE_TERMS.get(piece)
    if found is None:
        if len(_PIECE_TERMS) >= PIECES_KEPT:
            _PIECE_TERMS.clear()
        found = _PIECE_TERMS[piece] = terms(piece)
    return found


def headings_of(html: str) -> list[str]:
    """The page's section headings (not the engine's « Voir aussi », « Cité dans »)."""
    found = HEADING_RE.findall(HEADERLINK_RE.sub("", WEB_ONLY_RE.sub("", html)))
    return [" ".join(unescape(TAG_RE.sub("", h)).split()) for _, h in found]


def _bounded(parts: list[str], limit: int) -> str:
    """``parts`` joined with « · », as many whole ones as fit in ``limit`` characters."""
    out = ""
    for part in parts:
        joined = f"{out} · {part}" if out else part
        if len(joined) > limit:
            break
        out = joined
    return out


@dataclass
class Document:
    url: str
    title: str
    kind: str
    passages: list[str]
    keywords: str  # practices, themes, territory…: quoted when they are what matched
    headings: str  # quoted when a long page matched by a section its passages leave out

    def row(self) -> list:
        row: list = [self.title, self.url, self.kind, self.passages, self.keywords, self.headings]
        while row[-1] == "":
            row.pop()  # most pages have no headings or keywords to quote: no empty fields
        return row


@dataclass
class SearchIndex:
    """Collects pages during the build, then writes the shards."""

    documents: list[Document] = field(default_factory=list)
    postings: dict[str, dict[int, float]] = field(default_factory=lambda: defaultdict(dict))

    def add(self, url: str, title: str, kind: str, html: str, keywords: list[str]) -> None:
        doc_id = len(self.documents)
        # the body is the page's prose, passage by passage: what a result can quote
        pieces = passages(html)
        piece_terms = [_terms_of_piece(piece) for piece in pieces]
        candidates = [set(found) for found in piece_terms[:CONSIDERED]]
        kept = select(pieces[:CONSIDERED], candidates)
        quoted = set().union(*(candidates[i] for i in kept))
        headings = headings_of(html)
        # a heading is worth quoting only for words no kept passage has (long pages)
        missing = [h for h in headings if not quoted.issuperset(terms(h))]
        self.documents.append(
            Document(
                url,
                title,
                kind,
                [pieces[i] for i in kept],
                " · ".join(keywords),
                _bounded(missing, HEADINGS),
            )
        )
        fields = {
            "title": terms(title),
            "keywords": terms(" ".join(keywords)),
            "headings": terms(" ".join(headings)),
            "body": [term for found in piece_terms for term in found],
        }
        for name, found in fields.items():
            counts: dict[str, int] = defaultdict(int)
            for term in found:
                counts[term] += 1
            for term, tf in counts.items():
                score = WEIGHTS[name] * (1 + math.log(tf))
                slot = self.postings[term]
                slot[doc_id] = slot.get(doc_id, 0.0) + score

    def shards(self, keys: set[str] | None = None) -> dict[str, dict[str, list[int]]]:
        """prefix → {term: [doc, score, doc, score, …]} with the best postings first, terms
        and ties in a fixed order (an index patched by the preview writes the same files);
        ``keys``: only those prefixes."""
        out: dict[str, dict[str, list[int]]] = defaultdict(dict)
        for term in sorted(self.postings):
            key = shard_key(term)
            if keys is not None and key not in keys:
                continue
            best = sorted(self.postings[term].items(), key=lambda kv: (-kv[1], kv[0]))
            out[key][term] = [
                x for doc, score in best[:MAX_POSTINGS] for x in (doc, max(1, round(score * 10)))
            ]
        return out

    def write(
        self, site_dir: Path, terms: set[str] | None = None, docs: set[int] | None = None
    ) -> dict[str, int]:
        """Write ``search/`` into the built site; returns sizes for the benchmark. With
        ``terms`` and ``docs`` (the preview after a save): only the files they are in."""
        root = site_dir / INDEX_DIR
        (root / "t").mkdir(parents=True, exist_ok=True)
        (root / "d").mkdir(parents=True, exist_ok=True)
        sizes = {"shards": 0, "docs": 0}
        keys = None if terms is None else {shard_key(term) for term in terms}
        shards = self.shards(keys)
        for key in shards if keys is None else keys:
            path = root / "t" / f"{key}.js"
            if key not in shards:  # its last term is gone
                path.unlink(missing_ok=True)
                continue
            text = f"capiSearch.shard({json.dumps(key)},{_json(shards[key])});\n"
            path.write_text(text, encoding="utf-8")
            sizes["shards"] += len(text.encode())
        chunks = range(0, len(self.documents), CHUNK)
        for start in chunks if docs is None else sorted({d // CHUNK * CHUNK for d in docs}):
            chunk = [d.row() for d in self.documents[start : start + CHUNK]]
            text = f"capiSearch.docs({start // CHUNK},{_json(chunk)});\n"
            (root / "d" / f"{start // CHUNK}.js").write_text(text, encoding="utf-8")
            sizes["docs"] += len(text.encode())
        # the shard list lets the browser skip prefixes that have no file (no 404 errors)
        listed = sorted({shard_key(term) for term in self.postings})
        meta = {"chunk": CHUNK, "count": len(self.documents), "shards": listed}
        (root / "meta.js").write_text(f"capiSearch.meta({_json(meta)});\n", encoding="utf-8")
        return sizes


def shard_key(term: str) -> str:
    """Two-letter shards; anything unusual goes to a catch-all shard."""
    key = term[:2]
    return key if re.fullmatch(r"[a-z0-9]{1,2}", key) else "_"


def _json(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
