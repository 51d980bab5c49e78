"""The conversion cache (.cache/capi/pages/): same site as without it, never stale."""

from __future__ import annotations

from pathlib import Path

from tests.build.test_parallel_build import differences
from tests.conftest import run_capi

CITING = "seances/01-enjeux/permanence-numerique-bailleur/index.html"
CITED = "sessions/04-lieux/mediatheque-devenue-tiers-lieu.md"
THEMED = "seances/01-enjeux/apport-inegalites-numeriques/index.html"


def build(root: Path, site: Path) -> Path:
    result = run_capi("build", "--dossier", str(site), cwd=root)
    assert result.returncode == 0, result.stderr
    return site


def replace_in(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} absent de {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def page(site: Path, uri: str) -> str:
    return (site / uri).read_text(encoding="utf-8")


def test_cached_build_is_byte_identical_to_cold_build_and_uses_the_cache(repo_copy, tmp_path):
    cold = build(repo_copy, tmp_path / "cold")
    entries = list((repo_copy / ".cache" / "capi" / "pages").rglob("*.json"))
    assert len(entries) > 50
    cached = build(repo_copy, tmp_path / "cached")
    assert differences(cold, cached) == []
    # every page, charts included, came from the cache: nothing new was converted
    assert sorted((repo_copy / ".cache" / "capi" / "pages").rglob("*.json")) == sorted(entries)
    # the second build took its HTML from the cache: an entry changed by hand shows
    held = [e for e in entries if "habilitée Aidants Connect" in e.read_text(encoding="utf-8")]
    assert len(held) == 1
    replace_in(held[0], "habilitée Aidants Connect", "habilitée Aidants Connect (du cache)")
    assert "(du cache)" in page(build(repo_copy, tmp_path / "tampered"), CITING)


def test_a_changed_title_config_or_vocabulary_reaches_the_pages_that_show_it(repo_copy, tmp_path):
    before = build(repo_copy, tmp_path / "before")
    assert "Lien vers cette section" in page(before, CITING)
    assert "Inclusion numérique" in page(before, THEMED)
    assert "Une médiathèque de quartier devenue tiers-lieu" in page(before, CITING)
    replace_in(repo_copy / CITED, "title: ", "title: Titre changé pour le cache — ")
    replace_in(repo_copy / "mkdocs.yml", "Lien vers cette section", "Lien direct vers ce titre")
    vocabularies = repo_copy / "vocabulaires.yml"
    replace_in(vocabularies, ": Inclusion numérique", ": Inclusion par le numérique")
    after = build(repo_copy, tmp_path / "after")
    assert "Titre changé pour le cache — " in page(after, CITING)
    assert "Lien direct vers ce titre" in page(after, CITING)
    assert "Lien vers cette section" not in page(after, THEMED)
    assert "Inclusion par le numérique" in page(after, THEMED)
