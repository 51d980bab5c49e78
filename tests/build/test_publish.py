"""``capi publish``: dist/ holds the site, a readable PDF booklet, the offline zip, the data."""

from __future__ import annotations

import hashlib
import json
import re
import zipfile
from urllib.parse import unquote, urlsplit

from pypdf import PdfReader

from macros.content.corpus import load_corpus
from macros.graph import Graph
from tests.conftest import ROOT, run_capi

GRAPH = Graph(load_corpus(ROOT))


def _pdf_text(reader: PdfReader) -> str:
    return " ".join(" ".join((page.extract_text() or "").split()) for page in reader.pages)


def test_dist_holds_every_output(published):
    names = sorted(p.name for p in published.iterdir())
    assert names == ["SHA256SUMS", "donnees", "restitution.pdf", "site", "site-hors-ligne.zip"]
    data = json.loads((published / "donnees" / "entites.json").read_text("utf-8"))
    assert data["edition"] == "2026"
    assert "Édition 2026" in (published / "site" / "index.html").read_text("utf-8")


def test_checksums_cover_every_file_and_match(published):
    lines = (published / "SHA256SUMS").read_text("utf-8").splitlines()
    listed = dict(reversed(line.split("  ", 1)) for line in lines)
    files = sorted(
        p.relative_to(published).as_posix()
        for p in published.rglob("*")
        if p.is_file() and p.name != "SHA256SUMS"
    )
    assert sorted(listed) == files
    for name in ("restitution.pdf", "site-hors-ligne.zip"):
        assert listed[name] == hashlib.sha256((published / name).read_bytes()).hexdigest()


def test_booklet_has_a_toc_every_seance_and_territory_and_working_links(published):
    reader = PdfReader(published / "restitution.pdf")
    assert len(reader.pages) > 20
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)  # A4 in points
    text = _pdf_text(reader)
    assert "Sommaire" in " ".join((reader.pages[1].extract_text() or "").split())
    assert "Édition 2026" in text
    for seance in GRAPH.by_kind["seance"]:
        assert " ".join(seance.title.split()) in text, seance.title
    for territory in GRAPH.by_kind["territoire"]:
        assert territory.title in text
    assert reader.outline, "no PDF bookmarks"
    named = reader.named_destinations
    internal = 0
    for page in reader.pages:
        for annotation in page.get("/Annots") or []:
            link = annotation.get_object()
            target = link.get("/Dest") or (link.get("/A") or {}).get("/D")
            if isinstance(target, str):
                assert target in named, target
                internal += 1
    assert internal > 50  # the table of contents and cross-links point inside the booklet
    fonts = set()
    for page in reader.pages[:5]:
        for font in (page["/Resources"].get("/Font") or {}).values():
            font = font.get_object()
            for part in [font, *[d.get_object() for d in font.get("/DescendantFonts") or []]]:
                descriptor = part.get("/FontDescriptor")
                if descriptor is not None:
                    descriptor = descriptor.get_object()
                    assert any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3"))
                    fonts.add(font["/BaseFont"])
    assert fonts, "no embedded font found"


def test_publish_with_errors_produces_nothing(repo_copy, tmp_path):
    seance = sorted((repo_copy / "sessions").glob("01-*"))[0]
    (seance / "erreur.md").write_text("---\ntitle: x\nformat: inconnu\n---\n", "utf-8")
    out = tmp_path / "dist"
    result = run_capi("publish", "--dossier", str(out), cwd=repo_copy)
    assert result.returncode == 1
    assert "erreur.md:3: [E014]" in result.stderr and "rien n'a été publié" in result.stderr
    assert not out.exists()
    assert list(tmp_path.iterdir()) == [repo_copy]


def test_every_relative_link_of_the_offline_bundle_opens_a_file(published, tmp_path):
    """From file://, a link to a folder shows a listing (or nothing): every relative href
    and src of every page must name a file of the bundle."""
    with zipfile.ZipFile(published / "site-hors-ligne.zip") as bundle:
        bundle.extractall(tmp_path)
    pages = list(tmp_path.rglob("*.html"))
    assert len(pages) > 50
    checked, broken = 0, []
    for page in pages:
        for url in re.findall(r'(?:href|src)="([^"]*)"', page.read_text("utf-8")):
            parts = urlsplit(url)
            if parts.scheme or url.startswith("#") or not parts.path:
                continue  # another site, or a place on the same page
            checked += 1
            if not (page.parent / unquote(parts.path)).resolve().is_file():
                broken.append((page.relative_to(tmp_path).as_posix(), url))
    assert checked > 1000
    assert broken == [], broken[:20]
    footer = next(p for p in pages if p.name == "index.html" and p.parent.parent == tmp_path)
    footer = footer.read_text("utf-8")
    assert 'href="accessibilite.html"' in footer and 'href="donnees.html"' in footer


def _outline(reader: PdfReader) -> list[tuple[int, str]]:
    """(level, title) of every bookmark, in order."""
    found: list[tuple[int, str]] = []

    def walk(items, level):
        for item in items:
            if isinstance(item, list):
                walk(item, level + 1)
            else:
                found.append((level, " ".join(item.title.split())))

    walk(reader.outline, 1)
    return found


def test_booklet_is_made_for_paper(published):
    """Parts, then séances with their programme one level down; no web-only block; a
    closing page that says what the booklet is."""
    reader = PdfReader(published / "restitution.pdf")
    outline = _outline(reader)
    levels = dict((title, level) for level, title in outline)
    seance = GRAPH.by_kind["seance"][0]
    item = GRAPH.items_by_seance[seance.slug][0]
    assert levels[" ".join(seance.title.split())] == 2
    assert levels[" ".join(item.title.split())] == 3  # under its séance
    text = _pdf_text(reader)
    for web_only in ("Voir aussi", "Cité dans", "Contenu d'exemple"):
        assert web_only not in text, web_only
    last = " ".join((reader.pages[-1].extract_text() or "").split())
    assert last.startswith("À propos de ce livret")
    assert "Édition 2026" in last and "licence" in last and "exemples fictifs" in last
    assert outline[-1] == (1, "À propos de ce livret")
    assert (1, "Index des pratiques") in outline  # an index, not a page of links each
    dividers = {title for level, title in outline if level == 1}
    for number, page in enumerate(reader.pages[1:], 2):  # the cover aside
        shown = " ".join((page.extract_text() or "").split())
        if len(shown) < 200:  # a near-empty page may only open a part
            assert any(shown.startswith(title) for title in dividers), (number, shown)
    practice = sorted(GRAPH.practices.values(), key=lambda p: p.title.lower())[0]
    entry = re.escape(" ".join(practice.title.split()))
    assert re.search(rf"{entry} .*?Apparaît dans : .*?\(p\. \d+\)", text)
