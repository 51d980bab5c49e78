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


LIVERELOAD_RE = re.compile(
    rb"<script>(?:(?!</script>).)*Enabled live reload.*?</script>", re.DOTALL
)
SITEMAP_LOC_RE = re.compile(r"<loc>[^<]*?/capitalisation-numerique/([^<]*)</loc>")
PRACTICE = "docs/pratiques/fablab.md"


def served_site(server: preview.Preview) -> dict[str, bytes]:
    """Every page the sitemap lists, as the browser gets it, without the live-reload script
    (its numbers change at each build) and with the server's own address neutralised."""
    pages = SITEMAP_LOC_RE.findall(fetch(server.port, "sitemap.xml"))
    assert len(pages) > 50
    origin = f"127.0.0.1:{server.port}".encode()
    site = {}
    for url in pages:
        with urllib.request.urlopen(f"http://127.0.0.1:{server.port}{BASE}{url}") as answer:
            body = answer.read()
        site[url] = LIVERELOAD_RE.sub(b"", body).replace(origin, b"ORIGIN")
    return site


def test_after_saves_the_preview_is_the_site_a_fresh_preview_serves(repo_copy):
    """The vocabularies, then edited, added, deleted and renamed files, saved one after the
    other: the pages served are those of a preview started afresh on the same files (the
    vocabularies come first: they make the preview read every file again)."""
    new_report = repo_copy / "sessions/04-lieux/fiche-ajoutee-pendant-l-apercu.md"
    deleted = repo_copy / "sessions/01-enjeux/permanence-numerique-bailleur.md"
    server = preview.start(repo_copy)
    try:
        server.wait_serving(timeout=600)
        before = fetch(server.port, CITED_URL)
        vocabularies = repo_copy / "vocabulaires.yml"
        text = vocabularies.read_text("utf-8")
        assert "hotes_images: []" in text
        vocabularies.write_text(
            text.replace("hotes_images: []", "hotes_images: [images.exemple.fr]"), "utf-8"
        )
        server.wait_built(600)
        old = "title: Une médiathèque de quartier devenue tiers-lieu"
        preview.save_and_wait(server, repo_copy / CITED, old, f"title: {NEW_TITLE}", 600)
        new_report.write_text(
            (repo_copy / CITED).read_text("utf-8").replace(NEW_TITLE, "Fiche ajoutée"), "utf-8"
        )
        server.wait_built(600)
        deleted.unlink()
        server.wait_built(600)
        (repo_copy / PRACTICE).rename(repo_copy / "docs/pratiques/fablab-de-quartier.md")
        server.wait_built(600)
        after = served_site(server)
    finally:
        server.stop()
    assert NEW_TITLE not in before and NEW_TITLE in after[CITED_URL].decode()
    assert "seances/04-lieux/fiche-ajoutee-pendant-l-apercu/" in after
    assert CITING_URL not in after
    assert_served_afresh(repo_copy, after)


def assert_served_afresh(root, served: dict[str, bytes]) -> None:
    """``served`` is what a preview started afresh on ``root`` serves, page for page."""
    fresh = preview.start(root)
    try:
        fresh.wait_serving(timeout=600)
        cold = served_site(fresh)
    finally:
        fresh.stop()
    assert sorted(served) == sorted(cold)
    differing = [url for url in cold if served[url] != cold[url]]
    assert differing == [], first_difference(served, cold, differing)


def first_difference(after: dict[str, bytes], cold: dict[str, bytes], urls: list[str]) -> str:
    url = urls[0]
    old, new = after[url].decode(), cold[url].decode()
    at = next(i for i, (a, b) in enumerate(zip(old, new, strict=False)) if a != b)
    around = slice(max(at - 80, 0), at + 80)
    return f"{len(urls)} page(s) différente(s), dont {url!r} : {old[around]!r} ≠ {new[around]!r}"


INCREMENTAL = "sans tout reconstruire"


def test_saves_redone_incrementally_serve_what_a_fresh_preview_serves(repo_copy):
    """Saves the preview redoes without a full rebuild (a title, practices and a theme, the
    text with a new reference, a summary; then a practice's title): the pages served are
    those of a preview started afresh on the same files."""
    cited = repo_copy / CITED
    server = preview.start(repo_copy)
    try:
        server.wait_serving(timeout=600)
        old = "title: Une médiathèque de quartier devenue tiers-lieu"
        preview.save_and_wait(server, cited, old, f"title: {NEW_TITLE}", 600)
        edits = [
            (cited, "  - espace-public-numerique\n", "  - fablab\n"),
            (cited, "  - inclusion-numerique\n", ""),
            (cited, "\nresume: >-\n", "\nresume: >-\n  Résumé revu pendant l'aperçu.\n"),
            (repo_copy / "docs/pratiques/fablab.md", "title: ", "title: Atelier fablab — "),
        ]
        for path, before, after in edits:
            preview.save_and_wait(server, path, before, after, 600)
        body = (
            cited.read_text("utf-8") + "\nVoir aussi [[pratique:reconditionnement-ordinateurs]].\n"
        )
        cited.write_text(body, "utf-8")
        server.wait_built(600)
        log = "\n".join(server.log)
        after_saves = served_site(server)
    finally:
        server.stop()
    # every save went the incremental way (a full rebuild would hide its mistakes)
    assert log.count(INCREMENTAL) == 6, log[-3000:]
    assert NEW_TITLE in after_saves[CITED_URL].decode()
    assert "Résumé revu pendant l'aperçu" in after_saves[CITED_URL].decode()
    assert_served_afresh(repo_copy, after_saves)
