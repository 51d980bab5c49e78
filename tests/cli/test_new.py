"""``capi new`` through the real entry point: files created, valid, refusals write nothing."""

from __future__ import annotations

import pytest

from tests.conftest import ROOT, run_capi

# the séances of the content, by number ("01", "02"…)
SEANCES = [p.parent.name[:2] for p in sorted((ROOT / "sessions").glob("[0-9][0-9]-*/index.md"))]
FIRST, LAST = SEANCES[0], SEANCES[-1]
UNKNOWN = f"{int(LAST) + 1:02d}"  # the number after the last séance


def _files(root):
    return sorted(p.relative_to(root).as_posix() for p in root.rglob("*.md"))


def test_new_report_is_created_from_the_title_and_is_valid(repo_copy):
    result = run_capi(
        "new",
        "retour",
        "--seance",
        LAST.lstrip("0"),  # as people type it, without the leading zero
        "--titre",
        "Médiation numérique : l'expérience d'Œuvres & Cie !",
        cwd=repo_copy,
    )
    assert result.returncode == 0, result.stderr
    created = list(
        (repo_copy / "sessions").glob(f"{LAST}-*/mediation-numerique-l-experience-d-oeuvres-cie.md")
    )
    assert len(created) == 1
    text = created[0].read_text("utf-8")
    assert 'format: "retour-experience"' in text and "## Enseignements et conditions" in text
    assert "yaml-language-server: $schema=../../schemas/intervention.schema.json" in text
    check = run_capi("check", str(created[0]), cwd=repo_copy)
    assert check.returncode == 0, check.stdout


def test_new_intervention_with_format(repo_copy):
    result = run_capi(
        "new",
        "intervention",
        "--seance",
        FIRST,
        "--format",
        "visite",
        "--titre",
        "Visite d'un espace numérique",
        cwd=repo_copy,
    )
    assert result.returncode == 0, result.stderr
    assert list((repo_copy / "sessions").glob(f"{FIRST}-*/visite-d-un-espace-numerique.md"))
    assert run_capi("check", cwd=repo_copy).returncode == 0


def test_new_territory_creates_four_valid_files_that_build_as_to_complete(repo_copy, tmp_path):
    result = run_capi(
        "new", "territoire", "plaine-essai", "--titre", "Plaine d'essai", cwd=repo_copy
    )
    assert result.returncode == 0, result.stderr
    folder = repo_copy / "territories" / "plaine-essai"
    assert sorted(p.name for p in folder.iterdir()) == [
        "diagnostic.md",
        "index.md",
        "partenariat.md",
        "plan-action.md",
    ]
    assert run_capi("check", cwd=repo_copy).returncode == 0
    out = tmp_path / "site"
    assert run_capi("build", "--dossier", str(out), cwd=repo_copy).returncode == 0
    html = (out / "territoires/plaine-essai/plan-d-action/index.html").read_text("utf-8")
    assert "À compléter" in html


def test_new_practice(repo_copy):
    assert (
        run_capi(
            "new", "pratique", "cafe-numerique", "--titre", "Café numérique", cwd=repo_copy
        ).returncode
        == 0
    )
    assert (repo_copy / "docs/pratiques/cafe-numerique.md").is_file()
    assert run_capi("check", cwd=repo_copy).returncode == 0


@pytest.mark.parametrize(
    "args, message",
    [
        (["retour", "--seance", UNKNOWN, "--titre", "X"], f"séance « {UNKNOWN} » inconnue"),
        (
            ["intervention", "--seance", FIRST, "--format", "conference", "--titre", "X"],
            "format « conference » inconnu",
        ),
        (["retour", "--seance", FIRST, "--titre", "!!! ???"], "aucune lettre ni chiffre"),
        (["retour", "--seance", FIRST], "manquant"),  # not a terminal: never asks
        (["pratique"], "manquant"),
    ],
)
def test_refusals_exit_2_and_write_nothing(repo_copy, args, message):
    before = _files(repo_copy)
    result = run_capi("new", *args, cwd=repo_copy)
    assert result.returncode == 2
    assert message in result.stderr
    assert "Traceback" not in result.stderr
    assert _files(repo_copy) == before


def test_existing_file_is_never_overwritten(repo_copy):
    args = ["new", "retour", "--seance", FIRST, "--titre", "Doublon"]
    assert run_capi(*args, cwd=repo_copy).returncode == 0
    path = next((repo_copy / "sessions").glob(f"{FIRST}-*/doublon.md"))
    path.write_text(path.read_text("utf-8") + "\nmodifié\n", encoding="utf-8")
    again = run_capi(*args, cwd=repo_copy)
    assert again.returncode == 2 and "existe déjà" in again.stderr
    assert path.read_text("utf-8").endswith("modifié\n")


def test_check_refuses_a_path_outside_the_content_folders(repo_copy):
    result = run_capi("check", "macros/commands/cli.py", cwd=repo_copy)
    assert result.returncode == 2
    assert "n'est pas un fichier de contenu" in result.stderr


def test_check_github_format_annotates_the_line(repo_copy):
    path = next((repo_copy / "sessions").glob(f"{FIRST}-*")) / "faute.md"
    path.write_text("---\ntitle: Faute\nformat: atelier\npratiques: [fab-lab]\n---\n", "utf-8")
    result = run_capi("check", "--format", "github", cwd=repo_copy)
    assert result.returncode == 1
    rel = path.relative_to(repo_copy).as_posix()
    assert f"::error file={rel},line=4,title=E020::" in result.stdout
