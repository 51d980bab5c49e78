"""Contributed content never runs code: template-injection payloads come out as text."""

from __future__ import annotations

import re
from pathlib import Path

from tests.conftest import run_capi

CANARY = "CANARI-7f3e9a1c"
PAYLOADS = [
    "{{ cycler.__init__.__globals__.os.popen('touch {marker}').read() }}",
    "{{ config }}",
    "{{ environment }}",
    "{{ lipsum.__globals__['os'].environ['CAPI_CANARY'] }}",
    "{% include '../../../../../../etc/hostname' %}",
    "{% import 'os' as os %}",
    "{{ self.__init__.__globals__.__builtins__.open('{marker}', 'w').write('x') }}",
    "{{ ''.__class__.__mro__[1].__subclasses__() }}",
]


def _payload_text(marker: Path) -> str:
    return "\n\n".join(p.replace("{marker}", str(marker)) for p in PAYLOADS)


def test_payloads_in_a_contributed_page_are_shown_as_written(repo_copy, tmp_path):
    marker = tmp_path / "pwned"
    seance = sorted((repo_copy / "sessions").glob("01-*"))[0]
    (seance / "essai-injection.md").write_text(
        "---\ntitle: Essai d'injection\nformat: atelier\n---\n\n" + _payload_text(marker) + "\n",
        encoding="utf-8",
    )
    out = tmp_path / "site"
    result = run_capi("build", "--dossier", str(out), cwd=repo_copy, env={"CAPI_CANARY": CANARY})
    assert result.returncode == 0, result.stderr
    assert not marker.exists()
    html = (out / "seances" / seance.name / "essai-injection" / "index.html").read_text("utf-8")
    assert "{{ cycler." in html and "os.popen(" in html  # shown literally, as Markdown text
    assert "{% include" in html.replace("&#39;", "'")
    for path in out.rglob("*"):
        if path.is_file() and path.suffix in (".html", ".json", ".csv", ".xml"):
            assert CANARY not in path.read_text("utf-8", errors="replace"), path


def test_render_macros_in_contributed_front_matter_is_refused(repo_copy):
    seance = sorted((repo_copy / "sessions").glob("01-*"))[0]
    (seance / "essai.md").write_text(
        "---\ntitle: Essai\nformat: atelier\nrender_macros: true\n---\n\n{{ config }}\n",
        encoding="utf-8",
    )
    result = run_capi("check", cwd=repo_copy)
    assert result.returncode == 1
    assert re.search(r"sessions/01-[^:]+/essai\.md:4: \[E033\]", result.stdout)


def _opt_in_macros(repo: Path, page: str) -> None:
    """List ``page`` under the capi plugin's macros_pages in the copy's mkdocs.yml."""
    config = repo / "mkdocs.yml"
    config.write_text(
        config.read_text("utf-8").replace(
            "      macros_pages:\n", f"      macros_pages:\n        - {page}\n"
        ),
        encoding="utf-8",
    )


def test_organiser_page_macros_run_in_a_sandbox(repo_copy, tmp_path):
    marker = tmp_path / "pwned"
    page = repo_copy / "docs" / "essai-organisateur.md"
    page.write_text(
        "---\ntitle: Essai\n---\n\n" + PAYLOADS[0].replace("{marker}", str(marker)),
        encoding="utf-8",
    )
    _opt_in_macros(repo_copy, "essai-organisateur.md")
    result = run_capi("build", "--dossier", str(tmp_path / "site"), cwd=repo_copy)
    assert not marker.exists()
    # the sandbox refuses the first attribute of the chain; mkdocs-macros (on_error_fail:
    # true in mkdocs.yml) names the file and the error, capi says in French what failed
    assert result.returncode == 1, result.stderr
    assert "Une page d'organisateur contient une erreur de gabarit" in result.stderr
    assert "_File_: `essai-organisateur.md`" in result.stderr
    assert (
        "_SecurityError_: access to attribute '__init__' of 'type' object is unsafe."
        in result.stderr
    )
    assert not (tmp_path / "site").exists()


def test_a_failed_build_leaves_the_previous_site_untouched(repo_copy, tmp_path):
    out = tmp_path / "site"
    assert run_capi("build", "--dossier", str(out), cwd=repo_copy).returncode == 0
    before = {p: p.stat().st_mtime_ns for p in out.rglob("*") if p.is_file()}
    seance = sorted((repo_copy / "sessions").glob("01-*"))[0]
    (seance / "casse.md").write_text("---\ntitle: [\n---\n", encoding="utf-8")
    result = run_capi("build", "--dossier", str(out), cwd=repo_copy)
    assert result.returncode == 1
    assert "casse.md:2: [E005]" in result.stderr
    assert "Traceback" not in result.stderr
    after = {p: p.stat().st_mtime_ns for p in out.rglob("*") if p.is_file()}
    assert after == before
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".site")] == []


def test_organiser_pages_see_plain_data_only(repo_copy, tmp_path):
    """The configuration reaches templates as plain data: no plugin object, no path, so no
    method that reads or writes files (here: the plugin's repository root)."""
    marker = repo_copy / "ecrit-par-un-gabarit"
    page = repo_copy / "docs" / "essai-organisateur.md"
    page.write_text(
        "---\ntitle: Essai\n---\n\nÉtat : {{ config.extra.accessibilite.etat }}\n\n"
        "Racine : {{ config.plugins.capi.root }}"
        "{{ config['plugins']['capi'].root.joinpath('ecrit-par-un-gabarit')"
        ".write_text('x') }}\n",
        encoding="utf-8",
    )
    _opt_in_macros(repo_copy, "essai-organisateur.md")
    out = tmp_path / "site"
    result = run_capi("build", "--dossier", str(out), cwd=repo_copy)
    assert not marker.exists()
    # the plain configuration has no plugins: mkdocs-macros reports the template error
    assert result.returncode == 1, result.stderr
    assert "_File_: `essai-organisateur.md`" in result.stderr
    assert "_UndefinedError_: 'dict object' has no attribute 'capi'" in result.stderr
    assert not out.exists()
    page.write_text(page.read_text("utf-8").split("Racine")[0], encoding="utf-8")
    assert run_capi("build", "--dossier", str(out), cwd=repo_copy).returncode == 0
    html = (out / "essai-organisateur" / "index.html").read_text("utf-8")
    assert "État : partiellement conforme" in html


def test_a_generated_page_cannot_be_listed_in_macros_pages(repo_copy, tmp_path):
    """Its generated part holds contributors' titles: it must never go through Jinja."""
    (repo_copy / "docs" / "restitution").mkdir(exist_ok=True)
    (repo_copy / "docs" / "restitution" / "index.md").write_text("# Restitution\n")
    _opt_in_macros(repo_copy, "restitution/index.md")
    result = run_capi("build", "--dossier", str(tmp_path / "site"), cwd=repo_copy)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "restitution/index.md : une page générée ne peut pas figurer dans macros_pages" in (
        result.stderr
    )
