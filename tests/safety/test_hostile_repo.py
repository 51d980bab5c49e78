"""Hostile files, names and links in a repository: refused by ``capi check`` on their line,
and never followed, parsed without bound or published by a build."""

from __future__ import annotations

import os
import pickle
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT, copy_repo, run_capi

SECRET = Path("/etc/hostname")  # a file of the build machine, outside the repository
# the first séance and territory of the content: the hostile files are planted there
SEANCE = sorted((ROOT / "sessions").glob("[0-9][0-9]-*/index.md"))[0].parent.name
TERRITORY = sorted((ROOT / "territories").glob("*/index.md"))[0].parent.name


class _Pwn:
    def __reduce__(self):
        return (Path.touch, (Path("/tmp/capi-pwned-by-cache"),))


@pytest.fixture(scope="module")
def hostile_repo(tmp_path_factory) -> Path:
    repo = copy_repo(tmp_path_factory.mktemp("hostile-files") / "repo")
    seance = repo / "sessions" / SEANCE
    (seance / "lien.md").symlink_to(SECRET)
    (repo / "docs" / "environnement.md").symlink_to("/proc/self/environ")
    (repo / "docs" / "systeme").symlink_to("/etc")
    territory = repo / "territories" / TERRITORY
    (territory / "photo.png").symlink_to(SECRET)
    (seance / "nom\navec-retour.md").write_text("---\ntitle: x\nformat: atelier\n---\n")
    other_digits = repo / "sessions" / "٠١-essai"
    other_digits.mkdir()
    (other_digits / "index.md").write_text("---\ntitle: Séance bis\n---\n")
    practices = repo / "docs" / "pratiques"
    (practices / "espace-insecable.md").write_text(
        "---\u00a0\ntitle: x\n---\n\n<img src=x onerror=window.__pwned=1>\n", encoding="utf-8"
    )
    (practices / "titre-liste.md").write_text("---\ntitle: [a, b]\n---\n\nTexte.\n")
    bomb = (
        "---\na: &a [x,x,x,x,x,x,x,x,x]\n"
        + "".join(
            f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)},*{chr(97 + i)},*{chr(97 + i)},"
            f"*{chr(97 + i)},*{chr(97 + i)},*{chr(97 + i)},*{chr(97 + i)},*{chr(97 + i)}]\n"
            for i in range(8)
        )
        + "title: Bombe\n---\n\nTexte.\n"
    )
    (practices / "bombe.md").write_text(bomb)
    (practices / "notes.html").write_text("<script>window.__pwned=1</script>")
    (practices / "outils").mkdir()
    (practices / "outils" / "a.js").write_text("window.__pwned=1")
    report = sorted(seance.glob("*.md"))[1]
    report.write_text(
        report.read_text("utf-8").replace("\ntitle:", "\ndebut: 2026-02-30\ntitle:", 1),
        encoding="utf-8",
    )
    (seance / "nombres.md").write_text(
        "---\ntitle: !!int 0x" + "f" * 4000 + "\nformat: atelier\n---\n\nTexte.\n"
    )
    (practices / "index.md").write_text("---\ntitle: Pratiques\nhide: 5\n---\n\n# Pratiques\n")
    (repo / "docs" / "crochets.md").write_text("---\ntitle: Crochets\n---\n\n" + "[" * 40_000)
    cache = repo / ".capi-cache"
    cache.mkdir(exist_ok=True)
    (cache / "fiches.pickle").write_bytes(pickle.dumps(_Pwn()))
    (cache / "fiches.jsonl").write_text('{"fingerprint": 1}\n[[[')
    return repo


@pytest.fixture(scope="module")
def check_output(hostile_repo) -> str:
    result = run_capi("check", cwd=hostile_repo)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    return result.stdout


@pytest.mark.parametrize(
    ("path", "code"),
    [
        (f"sessions/{SEANCE}/lien.md:1", "E034"),
        ("docs/environnement.md:1", "E034"),
        ("docs/systeme:1", "E034"),
        (f"territories/{TERRITORY}/photo.png:1", "E034"),
        (f"sessions/{SEANCE}/nom\\x0aavec-retour.md:1", "E036"),
        ("sessions/٠١-essai:1", "E036"),
        ("docs/pratiques/espace-insecable.md:1", "E002"),
        ("docs/pratiques/titre-liste.md:2", "E012"),
        ("docs/pratiques/bombe.md:2", "E008"),
        ("docs/pratiques/notes.html:1", "E038"),
        ("docs/pratiques/outils/a.js:1", "E038"),
        (f"sessions/{SEANCE}/nombres.md:2", "E005"),
    ],
)
def test_check_refuses_each_file_on_its_line(check_output, path, code):
    assert f"{path}: [{code}]" in check_output


def test_an_impossible_date_is_reported_on_its_line(hostile_repo, check_output):
    report = sorted(sorted((hostile_repo / "sessions").glob("01-*"))[0].glob("*.md"))[1]
    rel = report.relative_to(hostile_repo).as_posix()
    assert (
        f"{rel}:2: [E032] « debut » : date « 2026-02-30 » invalide (ce jour n'existe pas "
        "dans le calendrier)" in check_output
    )


def test_a_committed_cache_never_runs_code(check_output):
    assert not Path("/tmp/capi-pwned-by-cache").exists()


def test_a_file_name_cannot_forge_an_annotation(hostile_repo):
    result = run_capi("check", "--format", "github", cwd=hostile_repo)
    lines = [line for line in result.stdout.splitlines() if line.startswith("::")]
    assert any("nom\\x0aavec-retour.md" in line for line in lines)
    assert all(line.startswith(("::error file=", "::warning file=")) for line in lines)


def test_capi_new_stays_in_the_repository(hostile_repo):
    result = run_capi(
        "new", "retour", "--seance", "../../..", "--titre", "Évasion", cwd=hostile_repo
    )
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "numéro de séance « ../../.. » invalide" in result.stderr
    assert not list(hostile_repo.parent.rglob("evasion.md"))


@pytest.fixture(scope="module")
def loose_site(hostile_repo) -> tuple[Path, subprocess.CompletedProcess]:
    """A build that does not stop at problems (as ``make serve`` does not)."""
    out = hostile_repo.parent / "site"
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-d", str(out)],
        cwd=hostile_repo,
        capture_output=True,
        text=True,
        timeout=600,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr[-2000:]
    return out, result


def test_no_file_from_outside_reaches_the_site(loose_site):
    out, _ = loose_site
    secret = SECRET.read_bytes().strip()
    names = {p.relative_to(out).as_posix() for p in out.rglob("*")}
    assert not any(n.startswith(("systeme", "environnement")) or "lien" in n for n in names)
    assert not any(n.startswith(("pratiques/notes", "pratiques/outils")) for n in names)
    for path in out.rglob("*"):
        if path.is_file() and not path.is_symlink():
            data = path.read_bytes()
            assert b"PATH=" not in data or path.suffix == ".js", path
            if len(secret) > 6:
                assert secret not in data or path.suffix in (".js", ".map"), path


def test_refused_texts_are_never_handed_to_markdown(loose_site):
    out, result = loose_site
    page = (out / "crochets" / "index.html").read_text("utf-8")
    assert "n'est pas publié" in page and "[[[[" not in page
    assert "docs/crochets.md:5: [E035]" in result.stderr


def test_mkdocs_never_reads_a_refused_header(loose_site):
    out, _ = loose_site
    page = (out / "pratiques" / "espace-insecable" / "index.html").read_text("utf-8")
    assert "onerror" not in page and "n'est pas publié" in page


def test_strict_build_stops_on_these_problems(hostile_repo, tmp_path):
    result = run_capi("build", "--dossier", str(tmp_path / "site"), cwd=hostile_repo)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert re.search(r"E034", result.stderr) and not (tmp_path / "site").exists()


def test_publishing_without_examples_never_follows_a_link(hostile_repo, tmp_path):
    """The copy made for --sans-exemples keeps links as links: refused as in the original."""
    result = run_capi(
        "publish", "--sans-exemples", "--dossier", str(tmp_path / "dist"), cwd=hostile_repo
    )
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "E034" in result.stderr and not (tmp_path / "dist").exists()


def test_a_hand_written_page_with_a_wrong_hide_still_builds(loose_site):
    out, result = loose_site
    assert (out / "pratiques" / "index.html").is_file()
    assert "pratiques/index.md : « hide » ignoré" in result.stderr
