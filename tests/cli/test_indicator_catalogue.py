"""The shared indicator catalogue: a diagnostic's indicator may name a catalogue ``code``;
a unit or a scale contradicting the catalogue is refused on its own line."""

from __future__ import annotations

import pytest
import yaml

from tests.conftest import ROOT, copy_repo, run_capi

DIAGNOSTIC = """---
title: Diagnostic d'essai
type: diagnostic
indicateurs:
  - code: taux-pauvrete
    valeur: 40
    unite: habitants
    source: Insee
    annee: 2021
  - code: population-qpv
    valeur: 5000
    echelle: epci
    source: Insee
    annee: 2021
  - code: couverture-fibre
    valeur: 80
    unite: " % "
    echelle: commune
    source: Arcep
    annee: 2024
  - code: indicateur-inconnu
    valeur: 3
    source: Enquête
    annee: 2024
  - valeur: 12
    source: Enquête
    annee: 2024
---
"""


@pytest.fixture(scope="module")
def checked(tmp_path_factory):
    repo = copy_repo(tmp_path_factory.mktemp("catalogue") / "repo")
    path = repo / "territories" / "val-de-sorlin" / "diagnostic.md"
    path.write_text(DIAGNOSTIC, encoding="utf-8")
    result = run_capi("check", "territories/val-de-sorlin/diagnostic.md", cwd=repo)
    assert "Traceback" not in result.stderr
    return result


def test_a_unit_contradicting_the_catalogue_is_reported_on_its_line(checked):
    assert checked.returncode == 1
    assert (
        "territories/val-de-sorlin/diagnostic.md:7: [E044] « indicateurs[1].unite » vaut "
        "« habitants » mais l'indicateur « taux-pauvrete » du catalogue (vocabulaires.yml) "
        "indique « % »"
    ) in checked.stdout


def test_a_scale_contradicting_the_catalogue_is_reported_on_its_line(checked):
    assert (
        "territories/val-de-sorlin/diagnostic.md:12: [E044] « indicateurs[2].echelle » vaut "
        "« epci » mais l'indicateur « population-qpv » du catalogue (vocabulaires.yml) "
        "indique « qpv »"
    ) in checked.stdout


def test_agreeing_unit_and_scale_are_accepted(checked):
    lines = [line for line in checked.stdout.splitlines() if "[E044]" in line]
    assert len(lines) == 2, checked.stdout


def test_an_unknown_code_is_refused_on_its_line(checked):
    line = next(x for x in checked.stdout.splitlines() if "indicateur-inconnu" in x)
    assert line.startswith("territories/val-de-sorlin/diagnostic.md:21: [E014]")
    assert "taux-pauvrete" in line  # the catalogue's codes are offered


def test_a_free_indicator_needs_a_label(checked):
    line = next(x for x in checked.stdout.splitlines() if "indicateurs[5].libelle" in x)
    assert line.startswith("territories/val-de-sorlin/diagnostic.md:25: [E011]")
    assert "code" in line


def test_the_examples_use_the_catalogue():
    catalogue = yaml.safe_load((ROOT / "vocabulaires.yml").read_text("utf-8"))["indicateurs"]
    assert {"population-qpv", "taux-pauvrete", "couverture-fibre"} <= set(catalogue)
    used = set()
    for path in (ROOT / "territories").glob("*/diagnostic.md"):
        meta = yaml.safe_load(path.read_text("utf-8").split("---")[1])
        used |= {i["code"] for i in meta.get("indicateurs", []) if "code" in i}
    assert used == set(catalogue)


def test_a_broken_catalogue_entry_is_reported_on_its_line(tmp_path):
    repo = copy_repo(tmp_path / "repo")
    vocab = repo / "vocabulaires.yml"
    text = vocab.read_text("utf-8")
    text = text.replace(
        "  sans-diplome:\n    libelle: Part des 15 ans et plus sans diplôme\n",
        "  sans-diplome:\n    intitule: Part des 15 ans et plus sans diplôme\n",
    )
    vocab.write_text(text, encoding="utf-8")
    line = text.splitlines().index("  sans-diplome:") + 1
    result = run_capi("check", cwd=repo)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert f"vocabulaires.yml:{line}: [E011]" in result.stdout
    assert "indicateurs.sans-diplome.libelle" in result.stdout


def test_the_json_schema_offers_the_catalogue_codes():
    import json

    schema = json.loads((ROOT / "schemas" / "diagnostic.schema.json").read_text("utf-8"))
    text = json.dumps(schema, ensure_ascii=False)
    catalogue = yaml.safe_load((ROOT / "vocabulaires.yml").read_text("utf-8"))["indicateurs"]
    enum = json.dumps(list(catalogue), ensure_ascii=False)[1:-1]
    assert enum in text
