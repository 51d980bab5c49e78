"""``capi check`` on the mistakes contributors really make: each one, on its line, in French.

One programme item gathers them; each test row is a mistake and the exact message it gets
(the table in the contributor guide is the same list).
"""

from __future__ import annotations

import pytest

from tests.conftest import run_capi

ITEM = """---
title: “Un atelier au pied des tours”
format: atelier
debut: 2026-06-31
code_essai: 05212
resume: "Un texte dont le guillemet
---

Voir [[Pratique:fablab]] et [[pratique:
fablab|les fablabs]], puis [[fablab]].

Et aussi [[pratique:tiers-lieu-de-quartier] pour finir.

<span style="font-family:Calibri">collé depuis Word</span>
"""


@pytest.fixture(scope="module")
def checked(tmp_path_factory):
    from tests.conftest import copy_repo

    repo = copy_repo(tmp_path_factory.mktemp("erreurs") / "repo")
    seance = sorted((repo / "sessions").glob("01-*"))[0]
    item = seance / "atelier-erreurs.md"
    item.write_text(ITEM, encoding="utf-8")
    fixed = seance / "atelier-corrige.md"
    fixed.write_text(ITEM.replace('resume: "Un texte dont le guillemet\n', ""), encoding="utf-8")
    return repo, item.relative_to(repo).as_posix(), fixed.relative_to(repo).as_posix()


def test_an_unclosed_quote_is_reported_where_it_opened(checked):
    repo, item, _ = checked
    result = run_capi("check", item, cwd=repo)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stdout.strip() == (
        f"{item}:6: [E005] syntaxe YAML invalide : guillemet ouvert ligne 6 jamais fermé ; "
        "fermez-le à la fin de la valeur"
    )


@pytest.mark.parametrize(
    ("line", "message"),
    [
        (2, "[W003] « title » : la valeur est entourée de guillemets typographiques “…”"),
        (
            4,
            "[E032] « debut » : date « 2026-06-31 » invalide (ce jour n'existe pas dans le "
            "calendrier)",
        ),
        (5, "[E013] clé « code_essai » inconnue"),
        (
            10,
            "[E037] référence « [[fablab]] » incomplète : le type manque : écrivez "
            "[[type:identifiant]], par exemple [[pratique:fablab]]",
        ),
        (
            12,
            "[E037] référence « [[pratique:tiers-lieu-de-quartier] » incomplète : elle n'est pas "
            "fermée",
        ),
        (
            14,
            "[W002] mise en forme retirée à la publication : propriété de style « font-family » "
            "sur <span>",
        ),
    ],
)
def test_each_mistake_is_on_its_line(checked, line, message):
    repo, _, fixed = checked
    result = run_capi("check", fixed, cwd=repo)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    # the corrected file has one line less (the unclosed quote is gone) after line 5
    shown = line if line <= 5 else line - 1
    assert any(
        row.startswith(f"{fixed}:{shown}: {message}") for row in result.stdout.splitlines()
    ), result.stdout


def test_mis_cased_and_wrapped_references_are_links(checked):
    repo, _, fixed = checked
    result = run_capi("check", fixed, cwd=repo)
    assert "Pratique" not in result.stdout and ":8: " not in result.stdout


def test_a_missing_path_is_an_error_that_names_it(repo_copy):
    result = run_capi("check", "sessions/02-…/ma-fiche.md", cwd=repo_copy)
    assert result.returncode == 2
    assert "« sessions/02-…/ma-fiche.md » n'existe pas" in result.stderr


def test_a_folder_counts_its_files(repo_copy):
    folder = sorted((repo_copy / "sessions").glob("01-*"))[0]
    files = len([p for p in folder.iterdir() if p.is_file()])
    result = run_capi("check", folder.relative_to(repo_copy).as_posix(), cwd=repo_copy)
    assert result.returncode == 0
    assert f"{files} fiches vérifiées" in result.stdout


def test_an_upper_case_extension_is_refused_with_the_fix(repo_copy):
    folder = sorted((repo_copy / "sessions").glob("01-*"))[0]
    (folder / "atelier.MD").write_text("---\ntitle: Atelier\nformat: atelier\n---\n", "utf-8")
    result = run_capi("check", cwd=repo_copy)
    assert result.returncode == 1
    rel = (folder / "atelier.MD").relative_to(repo_copy).as_posix()
    assert f"{rel}:1: [E039] extension « .MD » : écrivez « .md » en minuscules" in result.stdout


def test_a_code_typed_as_a_number_asks_for_quotes(repo_copy):
    diagnostic = sorted((repo_copy / "territories").glob("*/diagnostic.md"))[0]
    text = diagnostic.read_text("utf-8")
    line = next(n for n, row in enumerate(text.splitlines(), 1) if "code_postal:" in row)
    typed = text.replace(text.splitlines()[line - 1], "    code_postal: 44995", 1)
    diagnostic.write_text(typed, "utf-8")
    rel = diagnostic.relative_to(repo_copy).as_posix()
    result = run_capi("check", rel, cwd=repo_copy)
    assert result.returncode == 1
    assert f"{rel}:{line}: [E012]" in result.stdout
    assert 'un texte entre guillemets, ex. « "44995" »' in result.stdout


@pytest.mark.parametrize(
    ("header", "line", "said"),
    [
        (
            'title: Atelier\nresume: "Depuis 2024, un atelier.\ndescription: Un texte\n'
            "thematiques:\n  - reemploi\n",
            3,
            "guillemet ouvert ligne 3 jamais fermé",
        ),
        (
            'title: Atelier\nquestions_ouvertes:\n  - "Comment financer ?\n  - Autre\n'
            "description: x\n",
            4,
            "guillemet ouvert ligne 4 jamais fermé",
        ),
        (
            'title: Atelier\nstructure:"Centre social"\ndescription: Un texte\n',
            3,
            "il manque une espace après « : »",
        ),
    ],
    ids=["guillemet au milieu", "guillemet dans une liste", "clé collée"],
)
def test_a_yaml_mistake_in_the_middle_is_reported_where_it_is(repo_copy, header, line, said):
    folder = sorted((repo_copy / "sessions").glob("02-*"))[0]
    fiche = folder / "atelier-milieu.md"
    fiche.write_text(f"---\n{header}---\n\nTexte.\n", "utf-8")
    rel = fiche.relative_to(repo_copy).as_posix()
    result = run_capi("check", rel, cwd=repo_copy)
    assert result.returncode == 1
    assert result.stdout.startswith(f"{rel}:{line}: [E005] syntaxe YAML invalide : {said}")


def test_warnings_are_counted_not_called_no_problem(repo_copy):
    folder = sorted((repo_copy / "sessions").glob("01-*"))[0]
    fiche = folder / "atelier-guillemets.md"
    fiche.write_text("---\ntitle: “Atelier”\nformat: atelier\n---\n\nTexte.\n", "utf-8")
    result = run_capi("check", fiche.relative_to(repo_copy).as_posix(), cwd=repo_copy)
    assert result.returncode == 0
    assert "aucun problème" not in result.stdout
    assert "1 fiche vérifiée, aucune erreur, 1 avertissement" in result.stdout


def test_a_hash_glued_to_a_word_warns_that_the_rest_is_cut(repo_copy):
    folder = sorted((repo_copy / "sessions").glob("01-*"))[0]
    item = folder / "atelier-numero.md"
    header = "title: Atelier #3 du cycle\nformat: atelier\nresume: Un atelier  # note interne\n"
    item.write_text(f"---\n{header}---\n\nTexte.\n", "utf-8")
    rel = item.relative_to(repo_copy).as_posix()
    result = run_capi("check", rel, cwd=repo_copy)
    assert result.returncode == 0 and "Traceback" not in result.stderr
    warnings = [row for row in result.stdout.splitlines() if "[W005]" in row]
    # the title lost « #3 du cycle »; « # note interne », with its space, is a real comment
    assert warnings == [
        f"{rel}:2: [W005] « title » : le texte « #3 du cycle » est lu comme un commentaire et "
        'ne sera pas publié ; mettez toute la valeur entre guillemets droits "…" pour le garder'
    ]
    quoted = header.replace("Atelier #3 du cycle", '"Atelier #3"')
    item.write_text(f"---\n{quoted}---\n", "utf-8")
    assert "[W005]" not in run_capi("check", rel, cwd=repo_copy).stdout
