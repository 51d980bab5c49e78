"""The real site, built in strict mode: URLs, content, search index, no third-party host."""

from __future__ import annotations

import html as htmllib
import json
import re
from pathlib import Path

import pytest
import yaml

from tests.conftest import ROOT, run_capi

SEANCES = sorted(p.parent for p in (ROOT / "sessions").glob("*/index.md"))


def _front_matter(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8").split("---")[1])


def _page(site: Path, url: str) -> str:
    return (site / url / "index.html").read_text(encoding="utf-8")


def test_there_are_five_seances():
    assert [p.name[:2] for p in SEANCES] == ["01", "02", "03", "04", "05"]


@pytest.mark.parametrize("folder", SEANCES, ids=lambda p: p.name)
def test_seance_page_has_its_url_title_and_questions(built_site, folder):
    meta = _front_matter(folder / "index.md")
    html = htmllib.unescape(_page(built_site, f"seances/{folder.name}"))
    assert "<h1" in html and meta["title"] in html
    for question in meta["questions"]:
        assert question in html
    assert 'lang="fr"' in html


def _script_payloads(folder: Path, call: str) -> list:
    """Arguments of the ``capiSearch.<call>(key, data)`` calls in the index scripts."""
    out = []
    # chunks in numeric order (10.js after 9.js): a document's number is its place
    for path in sorted(folder.glob("*.js"), key=lambda p: (len(p.stem), p.stem)):
        text = path.read_text(encoding="utf-8")
        assert text.startswith(f"capiSearch.{call}(")
        out.append(
            json.loads("[" + text[len(f"capiSearch.{call}(") :].rstrip().rstrip(";)") + "]")[1]
        )
    return out


def test_search_index_contains_the_seances(built_site):
    from macros.outputs.search_index import INDEX_DIR, terms

    index = built_site / INDEX_DIR
    documents = [doc for chunk in _script_payloads(index / "d", "docs") for doc in chunk]
    urls = {doc[1] for doc in documents}
    shards: dict = {}
    for table in _script_payloads(index / "t", "shard"):
        shards.update(table)
    for folder in SEANCES:
        assert f"seances/{folder.name}/" in urls
        doc_id = next(i for i, d in enumerate(documents) if d[1] == f"seances/{folder.name}/")
        title = _front_matter(folder / "index.md")["title"]
        for term in terms(title):
            assert doc_id in shards[term][0::2], (term, title)
    # Material's own index is left empty: our index serves the search box
    material = json.loads((built_site / "search/search_index.json").read_text("utf-8"))
    assert material["docs"] == []


THIRD_PARTY = re.compile(
    r"""<(?:script|img|iframe|link|source|video|audio)\b[^>]*?(?:src|href)=["']?(?:https?:)?//"""
    r"""|url\(\s*["']?(?:https?:)?//|@import\s+["']?(?:url\()?["']?(?:https?:)?//""",
    re.IGNORECASE,
)


# links a browser never fetches: the page's public address (site_url) and its feeds
NOT_LOADED = re.compile(r'<link rel="(?:canonical|alternate)"[^>]*>')


def test_no_built_page_loads_anything_from_another_host(built_site):
    offenders = []
    for path in built_site.rglob("*"):
        if path.suffix in (".html", ".css") and path.is_file():
            text = NOT_LOADED.sub("", path.read_text(encoding="utf-8", errors="replace"))
            if THIRD_PARTY.search(text):
                offenders.append(str(path.relative_to(built_site)))
    assert offenders == []
    assert "fonts.googleapis.com" not in (built_site / "index.html").read_text(encoding="utf-8")


def test_edit_links_open_the_source_file_in_the_repository(built_site):
    folder = SEANCES[0]
    html = _page(built_site, f"seances/{folder.name}")
    assert f"/edit/main/sessions/{folder.name}/index.md" in html
    assert "/edit/main/docs/a-propos.md" in _page(built_site, "a-propos")


def test_capi_check_on_the_repository_passes_with_a_summary():
    result = run_capi("check")
    assert result.returncode == 0, result.stdout + result.stderr
    assert re.search(r"capi check : \d+ fiches vérifiées, aucun problème", result.stdout)


def test_error_messages_page_documents_every_code(built_site):
    from macros.messages import MESSAGES

    html = _page(built_site, "guides/messages-erreur")
    for code in MESSAGES:
        assert f'id="{code.lower()}"' in html


def test_organiser_pages_that_opt_in_run_their_macros(built_site):
    guide = htmllib.unescape(_page(built_site, "guides/organisateurs"))
    assert "Chiffre clé" in guide  # chiffres_cles() rendered
    assert "capi-chart" in guide and "<table" in guide
    statement = htmllib.unescape(_page(built_site, "accessibilite"))
    assert "{{" not in statement.split("<article", 1)[1].split("</article>")[0]
    assert "partiellement conforme" in statement
