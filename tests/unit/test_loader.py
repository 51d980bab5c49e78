"""loader.locate / discover: a file's kind, identity and site location come from its path."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from macros.content.locate import Located, discover, locate
from macros.messages import render_message
from macros.problems import Problems


@pytest.mark.parametrize(
    ("path", "kind", "slug", "src_uri"),
    [
        ("sessions/01-enjeux/index.md", "seance", "01", "seances/01-enjeux/index.md"),
        ("sessions/12-et-apres/index.md", "seance", "12", "seances/12-et-apres/index.md"),
        (
            "sessions/01-enjeux/atelier-fablab.md",
            "intervention",
            "atelier-fablab",
            "seances/01-enjeux/atelier-fablab.md",
        ),
        ("sessions/01-enjeux/photo.PNG", "asset", "", "seances/01-enjeux/photo.PNG"),
        ("sessions/01-enjeux/img/plan.pdf", "asset", "", "seances/01-enjeux/img/plan.pdf"),
        ("territories/lille/index.md", "territoire", "lille", "territoires/lille/index.md"),
        (
            "territories/lille/diagnostic.md",
            "diagnostic",
            "lille",
            "territoires/lille/diagnostic.md",
        ),
        (
            "territories/lille/plan-action.md",
            "plan-action",
            "lille",
            "territoires/lille/plan-d-action.md",
        ),
        (
            "territories/lille/partenariat.md",
            "partenariat",
            "lille",
            "territoires/lille/partenariat.md",
        ),
        ("territories/lille/carte.jpg", "asset", "", "territoires/lille/carte.jpg"),
        ("docs/pratiques/fablab.md", "pratique", "fablab", "pratiques/fablab.md"),
    ],
)
def test_locate_recognised(path: str, kind: str, slug: str, src_uri: str) -> None:
    assert locate(path) == (Located(path, kind, slug, src_uri), None)


@pytest.mark.parametrize(
    ("path", "code", "said"),
    [
        ("sessions/index.md", "E019", "sessions/NN-nom/"),
        ("sessions/1-enjeux/index.md", "E036", "dossier « 1-enjeux »"),
        ("sessions/01_enjeux/index.md", "E036", "dossier « 01_enjeux »"),
        ("sessions/01-Enjeux/index.md", "E036", "dossier « 01-Enjeux »"),
        ("sessions/01-enjeux/Atelier.md", "E036", "nom de fichier « Atelier.md »"),
        ("sessions/01-enjeux/atelier_fablab.md", "E036", "nom de fichier « atelier_fablab.md »"),
        ("sessions/01-enjeux/dessin.svg", "E038", "une séance contient des fichiers .md"),
        ("sessions/01-enjeux/sous/page.md", "E019", "sans sous-dossier"),
        ("sessions/01-enjeux/atelier.MD", "E039", "« .MD »"),
        ("territories/index.md", "E019", "territories/<nom>/"),
        ("territories/Lille/index.md", "E036", "dossier « Lille »"),
        ("territories/lille/notes.md", "E019", "un territoire contient index.md"),
        ("territories/lille/logo.svg", "E038", "un territoire contient index.md"),
        ("docs/pratiques/Fab-Lab.md", "E036", "nom de pratique « Fab-Lab »"),
        ("docs/pratiques/outils/a.md", "E019", "sans sous-dossier"),
    ],
)
def test_locate_refuses_with_a_specific_code(path: str, code: str, said: str) -> None:
    located, refusal = locate(path)
    assert located is None and refusal is not None
    assert refusal[0] == code
    assert said in render_message(refusal[0], **refusal[1])


@pytest.mark.parametrize(
    "path",
    [
        "docs/pratiques/index.md",  # organiser page
        "docs/guides/contribuer.md",
        "README.md",
        "mkdocs.yml",
    ],
)
def test_locate_ignores_other_files(path: str) -> None:
    assert locate(path) == (None, None)


def test_discover_order_kinds_and_problems(
    make_repo: Callable[[dict[str, str | bytes]], Path],
) -> None:
    root = make_repo(
        {
            "sessions/02-b/index.md": "x",
            "sessions/01-a/z.md": "x",
            "sessions/01-a/index.md": "x",
            "sessions/01-a/photo.png": b"\x89PNG",
            "sessions/01-a/.brouillon.md": "x",  # hidden: skipped
            "sessions/.cache/index.md": "x",  # hidden folder: skipped
            "sessions/x/a.md": "x",  # wrong folder name
            "territories/lille/index.md": "x",
            "territories/lille/plan-action.md": "x",
            "territories/lille/notes.txt": "x",  # not allowed here
            "docs/pratiques/fablab.md": "x",
            "docs/pratiques/index.md": "x",  # organiser page: silently ignored
            "docs/index.md": "x",  # outside the content folders
        }
    )
    problems = Problems()
    found = discover(root, problems)
    assert [(f.path, f.kind) for f in found] == [
        ("sessions/01-a/index.md", "seance"),
        ("sessions/01-a/photo.png", "asset"),
        ("sessions/01-a/z.md", "intervention"),
        ("sessions/02-b/index.md", "seance"),
        ("territories/lille/index.md", "territoire"),
        ("territories/lille/plan-action.md", "plan-action"),
        ("docs/pratiques/fablab.md", "pratique"),
    ]
    assert sorted((p.path, p.line, p.code) for p in problems) == [
        ("sessions/x/a.md", 1, "E036"),
        ("territories/lille/notes.txt", 1, "E038"),
    ]


def test_discover_without_content_folders(tmp_path: Path) -> None:
    problems = Problems()
    assert discover(tmp_path, problems) == []
    assert problems == []


def test_images_next_to_practices_are_assets_and_other_files_are_refused() -> None:
    located, refusal = locate("docs/pratiques/images/a.png")
    assert located is not None and located.kind == "asset" and refusal is None
    for path in ("docs/pratiques/notes.html", "docs/pratiques/outils/a.js"):
        located, refusal = locate(path)
        assert located is None and refusal[0] == "E038"


@pytest.mark.parametrize(
    ("path", "better"),
    [
        ("sessions/02-x/Mon Atelier.md", "mon-atelier.md"),
        ("sessions/02-x/atelier_fablab.md", "atelier-fablab.md"),
        ("territories/Val de Lys/index.md", "val-de-lys"),
        ("docs/pratiques/Médiation.md", "mediation.md"),
    ],
)
def test_an_invalid_name_comes_with_the_name_to_use(path: str, better: str) -> None:
    _, refusal = locate(path)
    assert refusal is not None and refusal[0] == "E036"
    assert render_message(*refusal[:1], **refusal[1]).endswith(f"renommez-le « {better} »")


def test_discover_reports_links_and_bad_names_once_and_reads_nothing_through_them(
    make_repo: Callable[[dict[str, str | bytes]], Path],
) -> None:
    root = make_repo(
        {
            "sessions/01-a/index.md": "x",
            "ailleurs/02-b/index.md": "x",
            "ailleurs/page.md": "x",
            "sessions/01-a/nom\u2028saut.md": "x",  # a line separator in the name
            "sessions/0١-c/index.md": "x",  # other digits in a folder name
        }
    )
    (root / "sessions" / "02-b").symlink_to(root / "ailleurs" / "02-b")
    (root / "sessions" / "01-a" / "lien.md").symlink_to(root / "ailleurs" / "page.md")
    problems = Problems()
    found = discover(root, problems)
    assert [f.path for f in found] == ["sessions/01-a/index.md"]
    assert sorted((p.path, p.code) for p in problems) == [
        ("sessions/01-a/lien.md", "E034"),
        ("sessions/01-a/nom\\x2028saut.md", "E036"),
        ("sessions/02-b", "E034"),
        ("sessions/0١-c", "E036"),
    ]
