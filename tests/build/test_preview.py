"""The preview (``make serve``) shows each file's problems on its page, in French, with the
line and a link to the explanation; a file that cannot be read still gets a page."""

from __future__ import annotations

import os

import pytest


@pytest.fixture(scope="module")
def preview(tmp_path_factory):
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    from tests.conftest import copy_repo

    repo = copy_repo(tmp_path_factory.mktemp("apercu") / "repo")
    seance = sorted((repo / "sessions").glob("01-*"))[0]
    (seance / "casse.md").write_text(
        '---\ntitle: "Casse\nformat: atelier\n---\n\nTexte.\n', encoding="utf-8"
    )
    (seance / "erreur.md").write_text(
        "---\ntitle: Essai\nformat: atelier\npratiques: [fab-lab]"
        "\n---\n\nLe texte reste lisible.\n",
        encoding="utf-8",
    )
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    previous = os.getcwd()
    os.chdir(repo)
    try:
        config = load_config(str(repo / "mkdocs.yml"), site_dir=str(repo.parent / "site"))
        config.plugins.on_startup(command="serve", dirty=False)  # as `mkdocs serve` does
        build(config)
    finally:
        os.chdir(previous)
    return repo.parent / "site" / "seances" / seance.name


def test_a_page_shows_its_problems_above_its_text(preview):
    html = (preview / "erreur" / "index.html").read_text("utf-8")
    assert "À corriger avant la publication" in html
    assert "ligne 4 : " in html and 'href="../../../guides/messages-erreur/#e020"' in html
    assert "pratique « fab-lab » inconnue ; vouliez-vous dire « fablab » ?" in html
    assert html.index("À corriger") < html.index("Le texte reste lisible.")


def test_an_unreadable_file_gets_a_page_with_its_problem(preview):
    html = (preview / "casse" / "index.html").read_text("utf-8")
    assert "Fiche à corriger" in html
    assert "ligne 2 : " in html and "guillemet ouvert ligne 2 jamais fermé" in html


def test_a_publication_build_shows_no_such_box(built_site):
    for page in (built_site / "seances").rglob("index.html"):
        assert "À corriger avant la publication" not in page.read_text("utf-8")
