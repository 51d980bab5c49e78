"""A whole hostile contribution, built and opened: nothing in it runs, loads or leaks.

Every text of every front matter carries a payload, and one programme item per trick
carries a body attack (``attacks.py``). ``capi check`` must report each attack on its
line; the site is then built *without* strict mode, as if the check had been ignored,
and the output is read back: the built HTML, the open data, and Chromium, with and
without the Content-Security-Policy (so each defence is proved on its own).
"""

from __future__ import annotations

import csv
import io
import re
import subprocess
import sys
import threading
from pathlib import Path

import pytest
import yaml

from tests.conftest import copy_repo, run_capi
from tests.safety.attacks import BODY_ATTACKS, FRONT_MATTER_ATTACK, live_markup

ATTACK_HEADER = "---\ntitle: Attaque {name}\nformat: atelier\n---\n\nIntroduction.\n\n"
ATTACK_LINE = 8  # file line where the attack starts, after the header and the introduction


def _poison(value):
    """Every text of a front matter, with the payload appended."""
    if isinstance(value, str):
        return value + " " + FRONT_MATTER_ATTACK
    if isinstance(value, list):
        return [_poison(v) for v in value]
    if isinstance(value, dict):
        return {k: _poison(v) for k, v in value.items()}
    return value


def _poison_file(path: Path) -> None:
    text = path.read_text("utf-8")
    _, header, body = text.split("---\n", 2)
    meta = _poison(yaml.safe_load(header))
    path.write_text(
        "---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=False) + "---\n" + body,
        encoding="utf-8",
    )


@pytest.fixture(scope="module")
def hostile_repo(tmp_path_factory) -> Path:
    repo = copy_repo(tmp_path_factory.mktemp("hostile") / "repo")
    for path in [
        *repo.glob("sessions/*/*.md"),
        *repo.glob("territories/*/*.md"),
        *repo.glob("docs/pratiques/*.md"),
    ]:
        _poison_file(path)
    seance = sorted((repo / "sessions").glob("01-*"))[0]
    for name, attack in BODY_ATTACKS.items():
        (seance / f"attaque-{name}.md").write_text(
            ATTACK_HEADER.format(name=name) + attack + "\n\nConclusion.\n", encoding="utf-8"
        )
    return repo


@pytest.fixture(scope="module")
def hostile_site(hostile_repo) -> Path:
    """Built without strict mode: what a site would hold if the check were ignored."""
    out = hostile_repo.parent / "site"
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(out)],
        cwd=hostile_repo,
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    assert "Traceback" not in result.stderr
    return out


def test_check_reports_every_body_attack_on_its_line(hostile_repo):
    result = run_capi("check", cwd=hostile_repo)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    seance = sorted((hostile_repo / "sessions").glob("01-*"))[0].name
    missed = []
    for name, attack in BODY_ATTACKS.items():
        lines = range(ATTACK_LINE, ATTACK_LINE + attack.count("\n") + 1)
        expected = [f"sessions/{seance}/attaque-{name}.md:{n}: [E029]" for n in lines]
        if not any(e in result.stdout for e in expected):
            missed.append(name)
    assert missed == []


def test_no_built_page_carries_live_markup(hostile_site):
    pages = sorted(hostile_site.rglob("*.html"))
    assert len(pages) > 80
    found = {}
    for page in pages:
        if "admin" in page.parts:
            continue
        live = live_markup(page.read_text("utf-8"))
        if live:
            found[page.relative_to(hostile_site).as_posix()] = live[:3]
    assert found == {}


def test_payload_is_shown_as_text_where_it_was_written(hostile_site, hostile_repo):
    seance = sorted((hostile_repo / "sessions").glob("01-*"))[0].name
    page = (hostile_site / "seances" / seance / "index.html").read_text("utf-8")
    title = re.search(r"<title>(.*?)</title>", page, re.DOTALL).group(1)
    assert "&lt;img src=x onerror" in title and "<img" not in title
    h1 = re.search(r"<h1[^>]*>(.*?)</h1>", page, re.DOTALL).group(1)
    assert "&lt;/title&gt;" in h1 and "<img" not in h1
    description = re.search(r'<meta name="description" content="([^"]*)"', page).group(1)
    assert "&lt;img" in description and "&#34;" in description or "&quot;" in description


def test_only_the_theme_scripts_are_inline(hostile_site, built_site):
    def inline_scripts(site: Path) -> set[str]:
        scripts = set()
        for page in site.rglob("*.html"):
            if "admin" not in page.parts:
                scripts |= set(
                    re.findall(r"<script>(.*?)</script>", page.read_text("utf-8"), re.DOTALL)
                )
        return scripts

    assert inline_scripts(hostile_site) <= inline_scripts(built_site)


def test_every_page_has_a_strict_policy(hostile_site):
    for page in hostile_site.rglob("*.html"):
        if "admin" in page.parts:
            continue
        match = re.search(
            r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">',
            page.read_text("utf-8"),
        )
        assert match, page
        directives = dict(d.strip().split(" ", 1) for d in match.group(1).split(";"))
        assert "'unsafe-inline'" not in directives["script-src"]
        assert directives["object-src"] == "'none'" and directives["base-uri"] == "'self'"
        assert "example" not in match.group(1)


@pytest.mark.parametrize("separator", [",", ";"])
def test_open_data_never_carries_a_formula(hostile_site, separator):
    """Read as written (commas) and as a spreadsheet set for French would (semicolons)."""
    cells = 0
    for path in (hostile_site / "donnees").glob("*.csv"):
        for row in csv.reader(io.StringIO(path.read_text("utf-8")), delimiter=separator):
            for cell in row:
                cells += 1
                formula = cell.lstrip().startswith(("=", "+", "-", "@"))
                number = re.fullmatch(r"[+-][0-9][0-9 .]*", cell)  # a phone, not a formula
                assert not formula or number, (path.name, cell)
    assert cells > 100


@pytest.mark.parametrize("policy", ["sans CSP", "avec CSP"])
def test_no_payload_runs_in_chromium(browser, hostile_site, policy):
    """Every page type, opened and focused: the global a payload sets never appears."""
    from tests.browser.conftest import watch_csp

    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "http.server",
            "0",
            "--bind",
            "127.0.0.1",
            "--directory",
            str(hostile_site),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        port = re.search(r"port (\d+)", server.stdout.readline()).group(1)
        # the server logs each request: left in a full pipe, it stopped answering (a page
        # load then timed out after 30 s, once the site had enough pages)
        threading.Thread(target=server.stdout.read, daemon=True).start()
        context = browser.new_context(bypass_csp=policy == "sans CSP")
        page = context.new_page()
        dialogs = []
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        watch_csp(page)
        visited = 0
        for html in sorted(hostile_site.rglob("index.html")):
            rel = html.parent.relative_to(hostile_site).as_posix()
            if rel.startswith(("admin", "assets", "donnees")):
                continue
            page.goto(
                f"http://127.0.0.1:{port}/{rel}/" if rel != "." else f"http://127.0.0.1:{port}/"
            )
            page.keyboard.press("Tab")
            assert page.evaluate("window.__pwned") is None, rel
            visited += 1
        assert visited > 80 and dialogs == []
        context.close()
    finally:
        server.terminate()
        server.wait()
