"""The real site, built in strict mode: URLs, content, search index, no third-party host."""

from __future__ import annotations

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
    html = _page(built_site, f"seances/{folder.name}")
    assert f"<h1" in html and _escape(meta["title"]) in html
    for question in meta["questions"]:
        assert _escape(question) in html
    assert 'lang="fr"' in html


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("'", "&#39;").replace('"', "&quot;").replace(
        "<", "&lt;")


def test_search_index_contains_the_seances(built_site):
    index = json.loads((built_site / "search/search_index.json").read_text(encoding="utf-8"))
    locations = {doc["location"] for doc in index["docs"]}
    for folder in SEANCES:
        assert f"seances/{folder.name}/" in locations
    assert index["config"]["lang"] == ["fr"]
    assert "’" in index["config"]["separator"] and "'" in index["config"]["separator"]


THIRD_PARTY = re.compile(
    r"""<(?:script|img|iframe|link|source|video|audio)\b[^>]*?(?:src|href)=["']?(?:https?:)?//"""
    r"""|url\(\s*["']?(?:https?:)?//|@import\s+["']?(?:url\()?["']?(?:https?:)?//""",
    re.IGNORECASE)


def test_no_built_page_loads_anything_from_another_host(built_site):
    offenders = []
    for path in built_site.rglob("*"):
        if path.suffix in (".html", ".css") and path.is_file():
            text = path.read_text(encoding="utf-8", errors="replace")
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
