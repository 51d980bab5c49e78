"""Reading the history (macros/content/history.py) and showing it (render/news.py,
outputs/feeds.py): real git repositories in a temporary folder, fixed dates, no build."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from macros.content import history as history_module
from macros.content.history import FileHistory, History, clean_name, parse_log, read_history
from macros.content.model import Entry
from macros.render import news

PARIS = history_module.local_zone()
REPORT = "sessions/01-enjeux/retour.md"
OTHER = "sessions/01-enjeux/autre.md"


def git(repo: Path, *args: str, author: str = "Équipe", when: str = "") -> str:
    env = {
        **os.environ,
        "GIT_CONFIG_GLOBAL": os.devnull,
        "GIT_CONFIG_NOSYSTEM": "1",
        "GIT_AUTHOR_NAME": author,
        "GIT_AUTHOR_EMAIL": "personne@exemple.invalid",
        "GIT_COMMITTER_NAME": author,
        "GIT_COMMITTER_EMAIL": "personne@exemple.invalid",
    }
    if when:
        env["GIT_AUTHOR_DATE"] = env["GIT_COMMITTER_DATE"] = when
    done = subprocess.run(["git", *args], cwd=repo, env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    return done.stdout


def write(repo: Path, path: str, text: str) -> None:
    (repo / path).parent.mkdir(parents=True, exist_ok=True)
    (repo / path).write_text(text, encoding="utf-8")


def commit(repo: Path, author: str, when: str, *paths: str) -> None:
    git(repo, "add", "--", *paths)
    git(repo, "commit", "-q", "-m", "x", author=author, when=when)


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """Three commits: two files by Léa in March, Awa updates one in May, Léa again in June."""
    root = tmp_path / "depot"
    root.mkdir()
    git(root, "init", "-q", "-b", "main")
    write(root, REPORT, "a\n")
    write(root, OTHER, "b\n")
    write(root, "README.md", "not content\n")
    commit(root, "Léa Martin", "2026-03-01T09:00:00+01:00", ".")
    write(root, REPORT, "a\nb\n")
    commit(root, "Awa Diallo", "2026-05-20T23:30:00+00:00", REPORT)  # 21 May in Paris
    write(root, REPORT, "a\nb\nc\n")
    commit(root, "Léa Martin", "2026-06-01T12:00:00+02:00", REPORT)
    return root


def test_one_pass_gives_dates_and_authors_in_order_of_first_contribution(repo):
    history = read_history(repo, [REPORT, OTHER])
    report = history.get(REPORT)
    assert report.published == dt.datetime(2026, 3, 1, 9, tzinfo=PARIS)
    assert report.updated == dt.datetime(2026, 6, 1, 12, tzinfo=PARIS)
    assert report.authors == ("Léa Martin", "Awa Diallo")
    assert history.get(OTHER).authors == ("Léa Martin",)
    assert history.get(OTHER).updated == history.get(OTHER).published
    assert history.now == dt.datetime(2026, 6, 1, 12, tzinfo=PARIS)  # the last commit
    assert history.from_git and history.warning is None and history.info is None


def test_dates_are_the_days_of_paris(tmp_path):
    git(tmp_path, "init", "-q", "-b", "main")
    write(tmp_path, REPORT, "a\n")
    commit(tmp_path, "Awa Diallo", "2026-05-20T23:30:00+00:00", REPORT)
    published = read_history(tmp_path, [REPORT]).get(REPORT).published
    assert news.french_date(published) == "21\u00a0mai\u00a02026"  # 01:30 in Paris


def test_mailmap_changes_the_name_shown(repo):
    write(
        repo,
        ".mailmap",
        "Léa M. <personne@exemple.invalid> Léa Martin <personne@exemple.invalid>\n",
    )
    assert read_history(repo, [REPORT]).get(REPORT).authors == ("Léa M.", "Awa Diallo")


def test_the_new_badge_counts_from_the_last_commit_not_the_clock(repo):
    history = read_history(repo, [REPORT, OTHER])
    history.new_days = 30
    assert not history.is_new(REPORT)  # published 1 March, "now" is 1 June
    history.new_days = 100
    assert history.is_new(REPORT)
    history.new_days = 0
    assert not history.is_new(REPORT)


def test_an_uncommitted_file_gets_its_own_date_and_a_note(repo):
    write(repo, "sessions/01-enjeux/brouillon.md", "x\n")
    stamp = dt.datetime(2026, 6, 3, 8, tzinfo=dt.UTC).timestamp()
    os.utime(repo / "sessions/01-enjeux/brouillon.md", (stamp, stamp))
    history = read_history(repo, [REPORT, "sessions/01-enjeux/brouillon.md"])
    draft = history.get("sessions/01-enjeux/brouillon.md")
    assert draft.published is None and draft.authors == ()
    assert draft.updated == dt.datetime(2026, 6, 3, 10, tzinfo=PARIS)
    assert history.warning is None
    assert history.info.startswith("1 fiche(s) pas encore enregistrée(s) dans git")


def test_outside_a_repository_every_file_has_its_date_and_one_warning(tmp_path):
    write(tmp_path, REPORT, "a\n")
    stamp = dt.datetime(2026, 2, 3, 12, tzinfo=dt.UTC).timestamp()
    os.utime(tmp_path / REPORT, (stamp, stamp))
    history = read_history(tmp_path, [REPORT])
    assert history.get(REPORT) == FileHistory(None, dt.datetime(2026, 2, 3, 13, tzinfo=PARIS))
    assert not history.from_git
    assert history.warning.startswith("historique git indisponible (le dossier n'est pas un")
    assert history.now == history.get(REPORT).updated


def test_without_git_installed(tmp_path, monkeypatch):
    write(tmp_path, REPORT, "a\n")
    monkeypatch.setenv("PATH", str(tmp_path / "vide"))
    history = read_history(tmp_path, [REPORT])
    assert history.warning.startswith("historique git indisponible (git n'est pas installé)")


def test_a_repository_without_commits(tmp_path):
    git(tmp_path, "init", "-q")
    write(tmp_path, REPORT, "a\n")
    history = read_history(tmp_path, [REPORT])
    assert "aucun commit" in history.warning


def test_a_shallow_clone_keeps_the_dates_it_knows_and_says_what_is_missing(repo, tmp_path):
    clone = tmp_path / "clone"
    subprocess.run(
        ["git", "clone", "-q", "--depth", "1", repo.as_uri(), str(clone)],
        check=True,
        capture_output=True,
        env={**os.environ, "GIT_CONFIG_GLOBAL": os.devnull},
    )
    history = read_history(clone, [REPORT, OTHER])
    # the only commit fetched is the boundary: it lists every file, so it proves nothing
    assert history.get(REPORT).published is None and history.get(OTHER).published is None
    assert "clone superficiel" in history.warning and "fetch-depth: 0" in history.warning
    deeper = tmp_path / "deeper"
    subprocess.run(
        ["git", "clone", "-q", "--depth", "2", repo.as_uri(), str(deeper)],
        check=True,
        capture_output=True,
        env={**os.environ, "GIT_CONFIG_GLOBAL": os.devnull},
    )
    history = read_history(deeper, [REPORT, OTHER])
    # the last change of the report is known, not who wrote it first nor when
    report = history.get(REPORT)
    assert report.updated == dt.datetime(2026, 6, 1, 12, tzinfo=PARIS) and report.from_git
    assert history.get(OTHER).published is None
    assert "1 fiche(s) sans date de publication" in history.warning


def test_the_project_may_be_a_folder_of_the_repository(tmp_path):
    git(tmp_path, "init", "-q", "-b", "main")
    write(tmp_path, "site/" + REPORT, "a\n")
    commit(tmp_path, "Léa Martin", "2026-03-01T09:00:00+01:00", ".")
    history = read_history(tmp_path / "site", [REPORT])
    assert history.get(REPORT).authors == ("Léa Martin",)


def test_a_publication_copy_reads_the_history_of_the_repository(repo, tmp_path):
    copy = tmp_path / "copie"
    write(copy, REPORT, "a\nb\nc\n")
    history = read_history(copy, [REPORT], git_root=repo)
    assert history.get(REPORT).authors == ("Léa Martin", "Awa Diallo")


# ------------------------------------------------------------------ names


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        ("  Awa   Diallo ", "Awa Diallo"),
        ("Awa\nDiallo\x1b[31m", "Awa Diallo [31m"),
        ("dependabot[bot]", ""),
        ("x" * 200, "x" * 79 + "…"),
    ],
)
def test_names_are_one_bounded_line_and_bots_are_left_out(raw, shown):
    assert clean_name(raw) == shown


def test_a_forged_log_never_crashes_and_skips_what_it_cannot_read():
    log = "\x1ehash\x1fpas une date\x1fX\0\nsessions/a.md\0\x1eh2\x1f\0\ntruc\0\0\x1e"
    assert parse_log(log, PARIS) == {}


# ------------------------------------------------------------------ pages


def _graph_with(found: FileHistory, days: int = 30):
    from macros.graph import Graph

    entry = Entry("intervention", "retour", REPORT, "seances/01-enjeux/retour.md", {"title": "R"})
    graph = Graph.__new__(Graph)  # the blocks read only the history
    graph.history = History({REPORT: found}, now=found.updated, new_days=days, from_git=True)
    return graph, entry


@pytest.mark.parametrize(
    ("day", "text"),
    [(dt.date(2026, 6, 1), "1er juin 2026"), (dt.date(2026, 8, 15), "15 août 2026")],
)
def test_dates_are_written_in_french_on_one_line(day, text):
    assert news.french_date(day) == text.replace(" ", "\u00a0")  # no break inside a date


def _block(graph, entry) -> str:
    """The history block as it shows in the page (html_blocks.block), spaces made plain."""
    from macros.content.html_policy import to_html
    from macros.render import sanitize

    html = sanitize.TRUSTED.release(to_html(news.history_block(graph, entry)))
    return html.replace("&nbsp;", " ")


def test_the_history_block_says_both_dates_and_escapes_names():
    hostile = "<img src=x onerror=alert(1)> [x](javascript:alert(1)) {: #md-x } `c` & *e*"
    found = FileHistory(
        dt.datetime(2026, 6, 12, 10, tzinfo=PARIS),
        dt.datetime(2026, 10, 3, 10, tzinfo=PARIS),
        ("Awa Diallo", hostile),
        True,
    )
    graph, entry = _graph_with(found)
    block = _block(graph, entry)
    assert 'Publié le <time datetime="2026-06-12">12 juin 2026</time> · mis à jour le ' in block
    assert '<time datetime="2026-10-03">3 octobre 2026</time>' in block
    assert "capi-new" not in block  # published four months before "now"
    html = block  # as the page shows it: the sanitiser no longer sees the engine's blocks
    assert "<img" not in html and "javascript" not in html.replace("(javascript:", "")
    assert "<a " not in html and 'id="md-x"' not in html and "<em>" not in html
    assert "&lt;img src=x onerror=alert(1)&gt; [x](javascript:alert(1))" in html


def test_a_page_without_a_known_publication_says_when_it_changed():
    found = FileHistory(None, dt.datetime(2026, 2, 3, 13, tzinfo=PARIS))
    graph, entry = _graph_with(found)
    block = _block(graph, entry)
    assert block.startswith(
        '<p class="capi-history">Mis à jour le <time datetime="2026-02-03">3 février 2026</time>'
    )
    assert "Contributeurs" not in block and "capi-new" not in block


def test_a_new_entry_has_the_badge():
    when = dt.datetime(2026, 6, 12, 10, tzinfo=PARIS)
    graph, entry = _graph_with(FileHistory(when, when, ("Awa Diallo",), True))
    block = _block(graph, entry)
    assert block.startswith('<p class="capi-history"><span class="capi-new">Nouveau</span> ')


# ------------------------------------------------------------------ feeds


def test_feeds_carry_names_with_control_characters_as_valid_xml_and_json():
    from macros.outputs import feeds

    when = dt.datetime(2026, 6, 12, 10, tzinfo=PARIS)
    item = feeds.Item(
        "https://exemple.fr/a/#1", "https://exemple.fr/a/", "A\x0b & <b>", "R\x00é", when, when,
        ("Awa\x1b Diallo", "<script>"), "Retour d'expérience",
    )  # fmt: skip
    feed = feeds.Feed("flux", "Base", "Description", "nouveautes/", ())
    root = ET.fromstring(feeds.rss(feed, [item], "https://exemple.fr/", when))
    first = root.find("channel/item")
    assert first.findtext("title") == "A & <b>"
    assert [c.text for c in first.findall("{http://purl.org/dc/elements/1.1/}creator")] == [
        "Awa Diallo",
        "<script>",
    ]
    document = json.loads(feeds.json_feed(feed, [item], "https://exemple.fr/"))
    assert document["items"][0]["authors"][1] == {"name": "<script>"}
