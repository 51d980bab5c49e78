"""The passages the built search index quotes: the pages' own words, bounded per page."""

from __future__ import annotations

import json
import re

from macros.outputs.search_index import CHUNK, INDEX_DIR
from macros.outputs.search_passages import BUDGET, LONGEST

# « médiation , » where a link ended: a comma or full stop alone between spaces
SPACED_PUNCTUATION = re.compile(r"\s[,.](?:\s|$)")


def _chunks(site):
    out = []
    chunks = sorted((site / INDEX_DIR / "d").glob("*.js"), key=lambda p: int(p.stem))
    for path in chunks:
        text = path.read_text("utf-8")
        assert text.startswith("capiSearch.docs(")
        out.append(json.loads("[" + text[len("capiSearch.docs(") :].rstrip().rstrip(";)") + "]")[1])
    return out


def test_every_page_has_passages_of_its_own_text_within_the_budget(built_site):
    chunks = _chunks(built_site)
    assert all(len(chunk) <= CHUNK for chunk in chunks)  # a result costs a small file
    rows = [row for chunk in chunks for row in chunk]
    assert len(rows) > 50
    by_url = {row[1]: row for row in rows}
    # example pages carry the banner in the site, never in what search quotes
    report = by_url["seances/01-enjeux/mediation-pied-d-immeuble/"]
    html = (built_site / report[1] / "index.html").read_text("utf-8")
    assert "Cette page est un exemple fictif" in html and 'id="voir-aussi"' in html
    quoted = [p for row in rows for p in row[3]]
    assert not [p for p in quoted if "Cette page est un exemple fictif" in p]
    assert not [p for p in quoted if "¶" in p or SPACED_PUNCTUATION.search(p)]
    for row in rows:
        assert sum(len(p) for p in row[3]) <= BUDGET, row[1]
        assert all(0 < len(p) <= LONGEST + 2 for p in row[3]), row[1]
    # the report's own first sentence is kept, not one of its « Voir aussi » titles
    assert report[3][0].startswith("Depuis 2023, deux conseillers numériques")
