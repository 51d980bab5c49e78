"""The preview (``mkdocs serve``): a save updates its page and the pages that cite it, and
lays out again only what changed."""

from __future__ import annotations

import re
import urllib.request

from bench import preview
from tests.build.test_page_cache import CITED

BASE = "/capitalisation-numerique/"  # the path of site_url, where mkdocs serve mounts the site
CITED_URL = "seances/04-lieux/mediatheque-devenue-tiers-lieu/"
CITING_URL = "seances/01-enjeux/permanence-numerique-bailleur/"
NEW_TITLE = "Une médiathèque de quartier devenue tiers-lieu (titre revu)"
REPORT_RE = re.compile(r"(\d+) mise\(s\) en page, (\d+) reprise\(s\)")


def fetch(port: int, url: str) -> str:
    with urllib.request.urlopen(f"http://127.0.0.1:{port}{BASE}{url}", timeout=60) as answer:
        return answer.read().decode("utf-8")


def test_a_save_updates_its_page_and_the_citing_page_only(repo_copy):
    server = preview.start(repo_copy)
    try:
        first = server.wait_serving(timeout=600)
        assert "aperçu à jour" in first
        assert NEW_TITLE not in fetch(server.port, CITED_URL)
        assert NEW_TITLE not in fetch(server.port, CITING_URL)
        old = "title: Une médiathèque de quartier devenue tiers-lieu"
        preview.save_and_wait(server, repo_copy / CITED, old, f"title: {NEW_TITLE}", 600)
        assert NEW_TITLE in fetch(server.port, CITED_URL)
        assert NEW_TITLE in fetch(server.port, CITING_URL)
        laid_out, reused = map(int, REPORT_RE.findall("\n".join(server.log))[-1])
        assert reused > 30  # the entries the save did not touch were kept as they were
        assert laid_out < reused
    finally:
        server.stop()
