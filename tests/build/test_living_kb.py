"""A living knowledge base (issue #20): what is new, when it changed, who contributed.

A copy of the repository gets a git history with fixed dates: everything committed by the
cycle's team, then a hostile author name, an update of an action plan by Jean Martin and,
last, a new experience report by a new contributor, Awa Diallo. One real ``capi build`` of
it (session fixture) feeds every test below: the feeds, the entry pages, the news page and
the open data must all say what a reader should see. Another build, of a copy without
``.git``, must still succeed with one warning and the files' dates.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
import re
import subprocess
import xml.etree.ElementTree as ET
from email.utils import parsedate_to_datetime
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

from tests.conftest import ROOT, copy_repo, run_capi

SITE_URL = yaml.safe_load((ROOT / "mkdocs.yml").read_text("utf-8"))["site_url"]
TEAM = "Équipe du cycle"
NEW_AUTHOR = "Awa Diallo"
UPDATER = "Jean Martin"
# what a commit author can write: Markdown links, emphasis, attribute lists, entities
# (git itself drops « < » and « > » from names: tests/unit/test_history.py feeds a raw <img>)
HOSTILE = "&lt;img src=x onerror=alert(1)&gt; [x](javascript:alert(1)) **gras** {: #md-x }"
EMAIL_DOMAIN = "contributeurs.invalid"

NEW_REPORT = "sessions/02-developpement-economique/jardin-numerique-partage.md"
NEW_URL = "seances/02-developpement-economique/jardin-numerique-partage/"
NEW_TITLE = "Un jardin numérique partagé au pied des tours"
NEW_BODY = """---
title: Un jardin numérique partagé au pied des tours
format: retour-experience
resume: >-
  Un collectif d'habitants des Tisserands anime un jardin partagé où l'on apprend aussi à
  réparer son téléphone et à faire ses démarches en ligne.
structure: Collectif des jardins des Tisserands
type_acteur: habitants
territoire: val-de-sorlin
pratiques:
  - mediation-hors-les-murs
thematiques:
  - inclusion-numerique
enseignements:
  - Un lieu familier fait venir des habitants qui ne poussent jamais la porte d'un EPN.
---

## Contexte

Le jardin existait depuis dix ans ; la permanence numérique s'y est installée au printemps.
"""
UPDATED = "territories/coteaux-du-mirel/plan-action.md"
UPDATED_URL = "territoires/coteaux-du-mirel/plan-d-action/"
HOSTILE_FILE = "sessions/03-participation/reseau-entraide-goelettes.md"
HOSTILE_URL = "seances/03-participation/reseau-entraide-goelettes/"

BASE_DATE = "2026-03-02T10:00:00+01:00"
HOSTILE_DATE = "2026-04-01T09:00:00+02:00"
UPDATE_DATE = "2026-05-05T14:00:00+02:00"
NEW_DATE = "2026-06-12T10:30:00+02:00"


def _commit(repo: Path, author: str, when: str, message: str, *paths: str) -> None:
    login = re.sub(r"[^a-z]+", ".", author.lower()).strip(".") or "x"
    env = {
        **os.environ,
        "GIT_CONFIG_GLOBAL": os.devnull,  # the tester's own settings (signing, hooks) stay out
        "GIT_CONFIG_NOSYSTEM": "1",
        "GIT_AUTHOR_NAME": author,
        "GIT_AUTHOR_EMAIL": f"{login}@{EMAIL_DOMAIN}",
        "GIT_AUTHOR_DATE": when,
        "GIT_COMMITTER_NAME": author,
        "GIT_COMMITTER_EMAIL": f"{login}@{EMAIL_DOMAIN}",
        "GIT_COMMITTER_DATE": when,
    }
    for args in (["add", "--", *paths], ["commit", "-q", "-m", message]):
        subprocess.run(["git", *args], cwd=repo, env=env, check=True, capture_output=True)


def _append(path: Path, text: str) -> None:
    path.write_text(path.read_text("utf-8").rstrip("\n") + "\n\n" + text + "\n", "utf-8")


@pytest.fixture(scope="session")
def living_repo(tmp_path_factory) -> Path:
    repo = copy_repo(tmp_path_factory.mktemp("vivante") / "repo")
    subprocess.run(["git", "init", "-q", "-b", "main"], cwd=repo, check=True)
    _commit(repo, TEAM, BASE_DATE, "Base de départ", ".")
    _append(repo / HOSTILE_FILE, "Une précision sur les horaires du réseau.")
    _commit(repo, HOSTILE, HOSTILE_DATE, "Précision", HOSTILE_FILE)
    _append(repo / UPDATED, "Le comité de pilotage a validé le calendrier en mai.")
    _commit(repo, UPDATER, UPDATE_DATE, "Plan d'action mis à jour", UPDATED)
    (repo / NEW_REPORT).write_text(NEW_BODY, "utf-8")
    _commit(repo, NEW_AUTHOR, NEW_DATE, "Nouveau retour d'expérience", NEW_REPORT)
    return repo


@pytest.fixture(scope="session")
def living(living_repo, tmp_path_factory) -> tuple[Path, str]:
    """(built site, what the build printed)."""
    out = tmp_path_factory.mktemp("vivante-site") / "site"
    result = run_capi("build", "--dossier", str(out), cwd=living_repo)
    assert result.returncode == 0, result.stderr + result.stdout
    return out, result.stderr


@pytest.fixture(scope="session")
def site(living) -> Path:
    return living[0]


class _Text(HTMLParser):
    """What a reader sees of a page's content (<article>), as text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.depth = 0
        self.skip = 0

    def handle_starttag(self, tag, attrs):
        if tag == "article":
            self.depth += 1
        if tag in ("script", "style"):
            self.skip += 1

    def handle_endtag(self, tag):
        if tag == "article":
            self.depth -= 1
        if tag in ("script", "style"):
            self.skip -= 1

    def handle_data(self, data):
        if self.depth and not self.skip:
            self.parts.append(data)


def visible(site: Path, url: str) -> str:
    parser = _Text()
    parser.feed((site / url / "index.html").read_text("utf-8"))
    return " ".join(" ".join(parser.parts).split())


def _rss(site: Path, path: str = "flux.xml") -> ET.Element:
    return ET.parse(site / path).getroot()


def _items(root: ET.Element) -> list[ET.Element]:
    return root.findall("./channel/item")


DC = "{http://purl.org/dc/elements/1.1/}"


# ------------------------------------------------------------------ feeds


def test_the_new_report_is_the_first_item_of_the_rss_feed(site):
    root = _rss(site)
    assert root.tag == "rss" and root.get("version") == "2.0"
    first = _items(root)[0]
    assert first.findtext("title") == NEW_TITLE
    assert first.findtext("link") == SITE_URL + NEW_URL
    assert parsedate_to_datetime(first.findtext("pubDate")) == dt.datetime.fromisoformat(NEW_DATE)
    assert [c.text for c in first.findall(f"{DC}creator")] == [NEW_AUTHOR]
    assert "jardin partagé" in first.findtext("description")


def test_the_rss_feed_follows_the_rss_2_rules(site):
    channel = _rss(site).find("channel")
    for required in ("title", "link", "description"):
        assert (channel.findtext(required) or "").strip(), required
    assert channel.findtext("link").startswith(SITE_URL)
    self_link = channel.find("{http://www.w3.org/2005/Atom}link")
    assert self_link.get("href") == SITE_URL + "flux.xml" and self_link.get("rel") == "self"
    items = _items(_rss(site))
    assert len(items) >= 10
    dates = []
    for item in items:
        assert item.findtext("title") and item.findtext("link").startswith(SITE_URL)
        guid = item.find("guid")
        assert guid.text and guid.get("isPermaLink") == "false"
        assert item.find("author") is None  # RSS's author is an e-mail address: never one
        when = parsedate_to_datetime(item.findtext("pubDate"))  # RFC 822
        assert when.tzinfo is not None
        dates.append(when)
    assert dates == sorted(dates, reverse=True)
    assert len({item.findtext("guid") for item in items}) == len(items)


def test_an_update_is_an_item_of_its_own(site):
    titles = [item.findtext("title") for item in _items(_rss(site))]
    assert titles[1].startswith("Mise à jour : ")
    second = _items(_rss(site))[1]
    assert second.findtext("link") == SITE_URL + UPDATED_URL
    assert [c.text for c in second.findall(f"{DC}creator")] == [TEAM, UPDATER]


def test_the_json_feed_is_a_valid_json_feed_1_1(site):
    feed = json.loads((site / "flux.json").read_text("utf-8"))
    assert feed["version"] == "https://jsonfeed.org/version/1.1"
    assert feed["title"] and feed["feed_url"] == SITE_URL + "flux.json"
    assert feed["home_page_url"].startswith(SITE_URL)
    items = feed["items"]
    for item in items:
        assert item["id"] and item["url"].startswith(SITE_URL) and item["title"]
        assert item.get("content_text") or item.get("content_html")
        published = dt.datetime.fromisoformat(item["date_published"])  # ISO 8601 (RFC 3339)
        assert published.tzinfo is not None
    first = items[0]
    assert first["title"] == NEW_TITLE and first["url"] == SITE_URL + NEW_URL
    assert dt.datetime.fromisoformat(first["date_published"]) == dt.datetime.fromisoformat(NEW_DATE)
    assert first["authors"] == [{"name": NEW_AUTHOR}]
    modified = [dt.datetime.fromisoformat(i["date_modified"]) for i in items]
    assert modified == sorted(modified, reverse=True)


def test_the_territory_feed_starts_with_the_new_report(site):
    root = _rss(site, "flux/territoires/val-de-sorlin.xml")
    assert _items(root)[0].findtext("title") == NEW_TITLE
    practice = json.loads((site / "flux/pratiques/mediation-hors-les-murs.json").read_text())
    assert practice["items"][0]["title"] == NEW_TITLE
    # another territory's feed does not carry it
    other = _rss(site, "flux/territoires/coteaux-du-mirel.xml")
    assert NEW_TITLE not in [item.findtext("title") for item in _items(other)]


@pytest.mark.parametrize("url", ["", NEW_URL, "territoires/val-de-sorlin/", "a-propos/"])
def test_every_page_announces_the_feeds(site, url):
    html = (site / url / "index.html").read_text("utf-8")
    head = html.split("</head>")[0]
    links = re.findall(r'<link rel="alternate" type="([^"]+)" title="[^"]*" href="([^"]+)">', head)
    depth = url.count("/")
    assert ("application/rss+xml", "../" * depth + "flux.xml") in links
    assert ("application/feed+json", "../" * depth + "flux.json") in links


def test_every_built_page_announces_the_feeds(site):
    pages = [
        p
        for p in site.rglob("index.html")
        if "md-header" in p.read_text("utf-8") and "admin" not in p.parts
    ]
    assert len(pages) > 80
    missing = [
        str(p.relative_to(site))
        for p in pages
        if 'type="application/rss+xml"' not in p.read_text("utf-8").split("</head>")[0]
    ]
    assert missing == []


def test_the_territory_page_offers_its_own_feed(site):
    html = (site / "territoires/val-de-sorlin/index.html").read_text("utf-8")
    assert 'href="../../flux/territoires/val-de-sorlin.xml"' in html.split("</head>")[0]
    assert "Suivre ce territoire : flux RSS · JSON Feed" in visible(
        site, "territoires/val-de-sorlin/"
    )


# ------------------------------------------------------------------ entry pages


def test_the_new_report_shows_its_date_its_contributor_and_the_new_badge(site):
    text = visible(site, NEW_URL)
    assert "Nouveau Publié le 12 juin 2026" in text
    assert f"Contributeurs : {NEW_AUTHOR}" in text
    assert "mis à jour" not in text.split("Contributeurs")[0]


def test_an_updated_page_shows_both_dates_and_both_contributors(site):
    text = visible(site, UPDATED_URL)
    assert "Publié le 2 mars 2026 · mis à jour le 5 mai 2026" in text
    assert f"Contributeurs : {TEAM}, {UPDATER}" in text
    assert "Nouveau Publié" not in text  # published in March: older than 30 days in June


@pytest.mark.parametrize(
    "url",
    [
        "seances/01-enjeux/",
        "territoires/val-de-sorlin/",
        "territoires/val-de-sorlin/diagnostic/",
        "territoires/val-de-sorlin/partenariat/",
        "pratiques/fablab/",
    ],
)
def test_every_kind_of_entry_page_shows_its_dates(site, url):
    assert f"Publié le 2 mars 2026 Contributeurs : {TEAM}" in visible(site, url)


def test_a_hostile_author_name_is_shown_as_text_never_as_markup(site):
    # shown exactly as written, entities included, on its page and on the news page
    assert f"Contributeurs : {TEAM}, {HOSTILE}" in visible(site, HOSTILE_URL)
    assert HOSTILE in visible(site, "nouveautes/")
    for html in (
        (site / HOSTILE_URL / "index.html").read_text("utf-8"),
        (site / "nouveautes/index.html").read_text("utf-8"),
    ):
        assert not re.search(r"<[^>]*onerror", html)
        assert not re.search(r"""href=["']?javascript""", html, re.IGNORECASE)
        assert 'id="md-x"' not in html and "<strong>gras</strong>" not in html
    for path in ("flux.json", "flux/pratiques/plateforme-entraide.json"):
        feed = json.loads((site / path).read_text("utf-8"))
        names = [a["name"] for item in feed["items"] for a in item.get("authors", [])]
        assert HOSTILE in names  # a JSON string: the feed reader shows it as text
    rss_names = [c.text for item in _items(_rss(site)) for c in item.findall(f"{DC}creator")]
    assert HOSTILE in rss_names  # XML-escaped by the writer, read back as the same text


def test_no_contributor_e_mail_address_is_published(site):
    leaked = [
        str(p.relative_to(site))
        for p in site.rglob("*")
        if p.is_file()
        and p.suffix in (".html", ".xml", ".json", ".csv", ".js")
        and EMAIL_DOMAIN in p.read_text("utf-8", errors="replace")
    ]
    assert leaked == []


# ------------------------------------------------------------------ news page


def test_the_news_page_lists_the_new_report_first_under_its_month(site):
    html = (site / "nouveautes/index.html").read_text("utf-8")
    article = html.split("<article", 1)[1]
    months = re.findall(r"<h2[^>]*>([^<]+)<", article)
    assert months[:4] == ["Juin 2026", "Mai 2026", "Avril 2026", "Mars 2026"]
    june = article.split("Juin 2026", 1)[1].split("<h2", 1)[0]
    first = re.findall(r"<li>(.*?)</li>", june, re.DOTALL)[0]
    assert NEW_TITLE in first and "capi-new" in first
    text = visible(site, "nouveautes/")
    assert f"{NEW_TITLE} — Retour d'expérience" in text
    assert f"Publié le 12 juin 2026 · Contributeurs : {NEW_AUTHOR}" in text
    may = text.split("Mai 2026", 1)[1].split("Avril 2026", 1)[0]
    assert "mis à jour le 5 mai 2026" in may


def test_the_home_page_links_to_the_news_page_and_shows_the_latest(site):
    html = (site / "index.html").read_text("utf-8")
    assert 'href="nouveautes/"' in html
    text = visible(site, "")
    assert "Dernières contributions" in text
    latest = text.split("Dernières contributions", 1)[1]
    assert latest.index(NEW_TITLE) < latest.index("Publié le 2 mars 2026")


def test_the_new_badge_appears_in_the_lists_of_reports(site):
    html = (site / "retours/index.html").read_text("utf-8")
    cards = re.findall(r'<li class="capi-card">(.*?)</p>', html, re.DOTALL)  # up to the title
    line = next(card for card in cards if NEW_TITLE in card)
    assert '<span class="capi-new">Nouveau</span>' in line
    assert html.count('class="capi-new"') == 1


# ------------------------------------------------------------------ open data


def test_open_data_carries_the_dates(site):
    data = json.loads((site / "donnees/entites.json").read_text("utf-8"))
    by_source = {e.get("source"): e for e in data["entites"]}
    assert by_source[NEW_REPORT]["date_publication"] == "2026-06-12"
    assert by_source[NEW_REPORT]["date_mise_a_jour"] == "2026-06-12"
    assert by_source[UPDATED]["date_publication"] == "2026-03-02"
    assert by_source[UPDATED]["date_mise_a_jour"] == "2026-05-05"
    rows = list(csv.DictReader(io.StringIO((site / "donnees/interventions.csv").read_text())))
    row = next(r for r in rows if r["id"] == "jardin-numerique-partage")
    assert (row["date_publication"], row["date_mise_a_jour"]) == ("2026-06-12", "2026-06-12")


def test_the_build_with_history_prints_no_history_warning(living):
    assert "historique" not in living[1]


# ------------------------------------------------------------------ without git


def test_a_copy_without_git_builds_with_one_warning_and_the_files_dates(tmp_path):
    repo = copy_repo(tmp_path / "repo")
    when = dt.datetime(2026, 2, 3, 12, 0, tzinfo=dt.UTC).timestamp()
    os.utime(repo / "territories/val-de-sorlin/diagnostic.md", (when, when))
    result = run_capi("build", "--dossier", str(tmp_path / "site"), cwd=repo)
    assert result.returncode == 0, result.stderr + result.stdout
    warnings = [line for line in result.stderr.splitlines() if "historique git" in line]
    assert len(warnings) == 1, result.stderr
    assert "pas un dépôt git" in warnings[0] and "date de modification" in warnings[0]
    text = visible(tmp_path / "site", "territoires/val-de-sorlin/diagnostic/")
    assert "Mis à jour le 3 février 2026" in text
    assert "Publié le" not in text and "Contributeurs" not in text
    news = visible(tmp_path / "site", "nouveautes/")
    assert "Historique indisponible" in news
    assert (tmp_path / "site/flux.xml").is_file()


def test_without_site_url_the_build_says_no_feed_is_written(tmp_path):
    repo = copy_repo(tmp_path / "repo")
    config = repo / "mkdocs.yml"
    config.write_text(re.sub(r"(?m)^site_url:.*\n", "", config.read_text("utf-8")), "utf-8")
    result = run_capi("build", "--dossier", str(tmp_path / "site"), cwd=repo)
    assert result.returncode == 0, result.stderr + result.stdout
    assert "pas de « site_url » dans mkdocs.yml" in result.stderr
    site = tmp_path / "site"
    assert not (site / "flux.xml").exists() and not (site / "flux").exists()
    assert 'type="application/rss+xml"' not in (site / "index.html").read_text("utf-8")
    assert "flux RSS" not in visible(site, "nouveautes/") + visible(site, "")
    assert "Dernières contributions" in visible(site, "")
