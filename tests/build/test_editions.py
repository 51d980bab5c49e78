"""Editions archived and compared (issue #18, item 3).

Edition 2026 is published, a territory is added, edition 2027 is published with the same
archive (fixture ``two_editions``): both are served, the old one is frozen and keeps its
links inside itself, and the editions page shows what changed.
"""

from __future__ import annotations

import hashlib
import json
import re
import zipfile
from pathlib import Path
from urllib.parse import unquote, urlsplit

import yaml

from tests.conftest import NEW_TERRITORY, NEW_TERRITORY_TITLE, ROOT, run_capi

SITE_URL = yaml.safe_load((ROOT / "mkdocs.yml").read_text("utf-8"))["site_url"]


def _text(page: Path) -> str:
    html = page.read_text("utf-8")
    article = re.search(r"<article[^>]*>(.*?)</article>", html, re.S)
    return " ".join(re.sub(r"<[^>]+>", " ", article.group(1) if article else html).split())


def _selector(home: Path) -> dict:
    script = (home / "editions.js").read_text("utf-8")
    return json.loads(re.search(r"window\.capiEditions = (\{.*\});", script).group(1))


def test_the_latest_edition_is_at_the_root_and_the_earlier_one_under_its_path(two_editions):
    first, second = two_editions["first"] / "site", two_editions["second"] / "site"
    assert not (first / "editions" / "2026").exists()  # alone, 2026 was the root
    assert "Édition 2026, publiée le" in (first / "index.html").read_text("utf-8")
    assert "Édition 2027, publiée le" in (second / "index.html").read_text("utf-8")
    old = second / "editions" / "2026"
    assert "Édition 2026, publiée le" in (old / "index.html").read_text("utf-8")
    assert (old / "restitution.pdf").is_file() and (old / "site-hors-ligne.zip").is_file()
    assert (second / "territoires" / NEW_TERRITORY / "index.html").is_file()
    assert NEW_TERRITORY_TITLE in _text(second / "territoires" / "index.html")


def test_the_archived_edition_never_shows_the_later_territory(two_editions):
    old = two_editions["second"] / "site" / "editions" / "2026"
    assert not (old / "territoires" / NEW_TERRITORY).exists()
    pages = [p for p in old.rglob("*") if p.suffix in (".html", ".xml", ".json", ".js")]
    assert len(pages) > 100
    leaks = [
        p.relative_to(old).as_posix()
        for p in pages
        if p.name != "editions.js"  # the selector's list names editions, not content
        and (NEW_TERRITORY_TITLE in (text := p.read_text("utf-8")) or NEW_TERRITORY in text)
    ]
    assert leaks == []


def test_the_archived_edition_is_offered_for_offline_reading(two_editions):
    old = two_editions["second"] / "site" / "editions" / "2026"
    with zipfile.ZipFile(old / "site-hors-ligne.zip") as bundle:
        home = bundle.read("site-hors-ligne/index.html").decode("utf-8")
        names = bundle.namelist()
    assert "Édition 2026, publiée le" in home
    assert "site-hors-ligne/territoires/index.html" in names
    assert not [n for n in names if NEW_TERRITORY in n]


def test_an_archived_edition_is_frozen(two_editions):
    """The second publication leaves every file of the 2026 archive as it was, and serves
    exactly the archived pages (only the selector's list is new)."""
    archives = two_editions["archives"]
    now = {
        p.relative_to(archives).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(archives.glob("2026/*"))
    }
    before = {k: v for k, v in two_editions["frozen"].items() if k.startswith("2026/")}
    assert now == before and len(now) == 4
    assert sorted(p.name for p in archives.iterdir()) == ["2026", "2027"]
    served = two_editions["second"] / "site" / "editions" / "2026"
    with zipfile.ZipFile(archives / "2026" / "site.zip") as archive:
        for name in archive.namelist():
            assert (served / name).read_bytes() == archive.read(name), name


def test_links_inside_the_archived_edition_stay_inside_it(two_editions):
    old = (two_editions["second"] / "site" / "editions" / "2026").resolve()
    checked, outside = 0, []
    for page in old.rglob("*.html"):
        for url in re.findall(r'(?:href|src)="([^"]*)"', page.read_text("utf-8")):
            parts = urlsplit(url)
            if parts.scheme or url.startswith("#") or not parts.path:
                continue
            checked += 1
            target = (page.parent / unquote(parts.path)).resolve()
            if target.is_dir():
                target = target / "index.html"
            if not (target.is_file() and target.is_relative_to(old)):
                outside.append((page.relative_to(old).as_posix(), url))
    assert checked > 1000
    assert outside == [], outside[:20]


def test_the_archived_edition_gives_its_own_addresses(two_editions):
    old = two_editions["second"] / "site" / "editions" / "2026"
    home = old / "index.html"
    canonical = re.search(r'<link rel="canonical" href="([^"]+)"', home.read_text("utf-8"))
    assert canonical.group(1) == SITE_URL + "editions/2026/"
    feed = (old / "flux.xml").read_text("utf-8")
    links = re.findall(r"<link>([^<]+)</link>", feed)
    assert links and all(link.startswith(SITE_URL + "editions/2026/") for link in links)
    assert not (old / "admin").exists()  # a frozen edition is not edited online


def test_the_selector_lists_both_editions_from_each(two_editions):
    site = two_editions["second"] / "site"
    root, old = _selector(site), _selector(site / "editions" / "2026")
    expected = [{"nom": "2027", "chemin": ""}, {"nom": "2026", "chemin": "editions/2026/"}]
    assert root["liste"] == old["liste"] == expected
    assert (root["actuelle"], root["racine"]) == ("2027", "")
    assert (old["actuelle"], old["racine"]) == ("2026", "../../")
    for page in ("index.html", "seances/index.html", "editions/2026/territoires/index.html"):
        html = (site / page).read_text("utf-8")
        scripts = re.findall(r'<script src="([^"]*editions[^"]*)"', html)
        assert [s.rsplit("/", 1)[-1] for s in scripts] == ["editions.js", "capi-editions.js"]


def test_the_editions_page_compares_them_side_by_side(two_editions):
    page = two_editions["second"] / "site" / "editions" / "index.html"
    text = _text(page)
    assert "Consulter l'édition 2026" in text and "Consulter l'édition 2027" in text
    assert "Territoires participants 2026 3 2027 4" in text  # cell labels read on phones
    assert f"Territoire {NEW_TERRITORY_TITLE} 2026 absent 2027 présent" in text
    assert f"Nouveaux territoires : {NEW_TERRITORY_TITLE}." in text
    assert "Territoires participants : 3 → 4 (+1)" in text
    html = page.read_text("utf-8")
    assert 'href="2026/"' in html and 'href="2026/restitution.pdf"' in html
    first = _text(two_editions["first"] / "site" / "editions" / "index.html")
    assert "Une seule édition est publiée pour l'instant" in first


def test_a_publication_without_edition_name_leaves_the_archive_alone(two_editions, tmp_path):
    archives = two_editions["archives"]
    before = sorted(p.name for p in archives.iterdir())
    result = run_capi(
        "publish", "--archives", str(archives), "--dossier", str(tmp_path / "dist"),
        cwd=two_editions["repo"],
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in archives.iterdir()) == before
    assert not (tmp_path / "dist" / "site" / "editions").exists()


def test_a_bad_edition_name_or_archive_is_refused_in_french(two_editions, tmp_path):
    repo, dist = two_editions["repo"], tmp_path / "dist"
    result = run_capi(
        "publish", "--edition", "../2028", "--archives", str(tmp_path / "a"),
        "--dossier", str(dist), cwd=repo,
    )  # fmt: skip
    assert result.returncode == 1
    assert "nom d'édition « ../2028 » refusé" in result.stderr
    broken = tmp_path / "archives" / "2025"
    broken.mkdir(parents=True)
    (broken / "edition.json").write_text('{\n  "edition": "2025",\n  oups\n}\n', "utf-8")
    result = run_capi(
        "publish", "--edition", "2028", "--archives", str(broken.parent),
        "--dossier", str(dist), cwd=repo,
    )  # fmt: skip
    assert result.returncode == 1
    assert f"{broken.as_posix()}/edition.json:3: JSON illisible" in result.stderr
    assert "rien n'a été publié" in result.stderr and "Traceback" not in result.stderr
    assert not dist.exists()
