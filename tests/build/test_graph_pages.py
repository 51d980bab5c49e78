"""Cross-links in the built site: practice pages list exactly their entries, and a new
experience report appears everywhere it belongs after a rebuild."""

from __future__ import annotations

import re

import pytest

from macros.content.corpus import load_corpus
from macros.graph import Graph
from tests.conftest import ROOT, run_capi

GRAPH = Graph(load_corpus(ROOT))
PRACTICES = sorted(GRAPH.practices)


def _html(site, url: str) -> str:
    return (site / url / "index.html").read_text("utf-8")


def _section_links(html: str, heading: str) -> set[str]:
    """Link targets listed under an H2 starting with ``heading``, up to the next H2."""
    match = re.search(
        rf"<h2[^>]*>{re.escape(heading)}.*?</h2>(.*?)(?=<h2|</article>)", html, re.DOTALL
    )
    return set(re.findall(r'href="([^"#]+)"', match.group(1))) if match else set()


def _url_from(page_url: str, entry) -> str:
    import posixpath

    target = entry.src_uri.removesuffix("index.md").removesuffix(".md")
    target = target if target.endswith("/") or not target else target + "/"
    return posixpath.relpath(target, page_url) + "/"


@pytest.mark.parametrize("slug", PRACTICES)
def test_practice_page_lists_exactly_the_reports_that_cite_it(built_site, slug):
    page_url = f"pratiques/{slug}"
    html = _html(built_site, page_url)
    expected = {_url_from(page_url, e) for e in GRAPH.by_practice.get(slug, []) if e.is_report}
    listed = _section_links(html, "Retours d")
    assert listed == expected


def test_every_item_is_reachable_from_its_practices_themes_and_territory_and_back(built_site):
    for report in GRAPH.by_kind["intervention"]:
        page = report.src_uri.removesuffix(".md") + "/"
        report_html = _html(built_site, page)
        for practice in report.meta.get("pratiques", []):
            assert _url_from(f"pratiques/{practice}", report) in _html(
                built_site, f"pratiques/{practice}"
            )
            assert f"pratiques/{practice}/" in report_html
        for theme in report.meta.get("thematiques", []):
            assert _url_from(f"thematiques/{theme}", report) in _html(
                built_site, f"thematiques/{theme}"
            )
            assert f"thematiques/{theme}/" in report_html
        if report.meta.get("territoire"):
            slug = report.meta["territoire"]
            assert _url_from(f"territoires/{slug}", report) in _html(
                built_site, f"territoires/{slug}"
            )
            assert f"territoires/{slug}/" in report_html


def test_every_plan_action_is_reachable_from_its_practices_and_back(built_site):
    for plan in GRAPH.by_kind["plan-action"]:
        plan_html = _html(built_site, plan.src_uri.removesuffix(".md") + "/")
        for action in GRAPH.actions_by_territory[plan.slug]:
            assert f'id="{action.anchor}"' in plan_html
            for practice in action.data.get("pratiques", []):
                practice_html = _html(built_site, f"pratiques/{practice}")
                assert f"#{action.anchor}" in practice_html
                assert f"pratiques/{practice}/" in plan_html


def test_a_new_report_appears_on_its_practice_theme_seance_and_territory(repo_copy, tmp_path):
    practice, theme = PRACTICES[0], "inclusion-numerique"
    territory = GRAPH.by_kind["territoire"][0].slug
    seance = sorted((repo_copy / "sessions").glob("03-*"))[0]
    (seance / "nouveau-retour-test.md").write_text(
        "---\ntitle: Nouveau retour de test\nformat: retour-experience\n"
        "structure: Association Essai\ntype_acteur: structure-proximite\n"
        f"territoire: {territory}\npratiques: [{practice}]\nthematiques: [{theme}]\n"
        "enseignements: [Une leçon.]\n---\n\nTexte citant [[seance:01]].\n\n"
        "Accolades {{ 7 * 7 }} et {% if true %}oui{% endif %}.\n",
        encoding="utf-8",
    )
    out = tmp_path / "site"
    result = run_capi("build", "--dossier", str(out), cwd=repo_copy)
    assert result.returncode == 0, result.stderr
    link = "nouveau-retour-test/"
    assert link in _html(out, f"pratiques/{practice}")
    assert link in _html(out, f"thematiques/{theme}")
    assert link in _html(out, f"territoires/{territory}")
    assert link in _html(out, f"seances/{seance.name}")
    assert link in _html(out, "retours")
    seance_one = sorted((repo_copy / "sessions").glob("01-*"))[0].name
    assert "nouveau-retour-test/" in _html(out, f"seances/{seance_one}")  # "Cité dans"
    report = _html(out, f"seances/{seance.name}/nouveau-retour-test")
    assert "{{ 7 * 7 }}" in report and "{% if true %}" in report and ">49<" not in report
