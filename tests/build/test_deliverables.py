"""Territory deliverables: rendered tables and timeline, open data and the places standard."""

from __future__ import annotations

import csv
import html as htmllib
import json
import re

import pytest
import yaml

from macros.content import places
from tests.conftest import ROOT, run_capi

TERRITORIES = sorted(p.parent.name for p in (ROOT / "territories").glob("*/index.md"))


def _meta(path) -> dict:
    return yaml.safe_load(path.read_text("utf-8").split("---")[1])


def _html(site, url: str) -> str:
    return htmllib.unescape((site / url / "index.html").read_text("utf-8"))


def test_there_are_three_example_territories():
    assert len(TERRITORIES) >= 3


@pytest.mark.parametrize("slug", TERRITORIES)
def test_territory_page_links_its_three_deliverables(built_site, slug):
    html = _html(built_site, f"territoires/{slug}")
    for target in ("diagnostic/", "plan-d-action/", "partenariat/"):
        assert f'href="{target}"' in html or f'href="./{target}"' in html, target


@pytest.mark.parametrize("slug", TERRITORIES)
def test_plan_tables_list_every_action_and_the_timeline_has_a_text_alternative(built_site, slug):
    meta = _meta(ROOT / "territories" / slug / "plan-action.md")
    html = _html(built_site, f"territoires/{slug}/plan-d-action")
    actions = [a for axis in meta.get("axes", []) for a in axis.get("actions", [])]
    assert actions
    tables = re.findall(r"<table.*?</table>", html, re.DOTALL)
    for action in actions:
        assert any(str(action["id"]) in t and action["titre"] in t for t in tables)
    svg = re.search(r"<svg[^>]*capi-timeline.*?</svg>", html, re.DOTALL)
    assert svg, "no timeline"
    assert 'role="img"' in svg.group(0) and "<title" in svg.group(0) and "<desc" in svg.group(0)
    assert f"{len([a for a in actions if a.get('debut') or a.get('fin')])} actions" in svg.group(0)


@pytest.mark.parametrize("slug", TERRITORIES)
def test_diagnostic_shows_indicators_and_places(built_site, slug):
    meta = _meta(ROOT / "territories" / slug / "diagnostic.md")
    html = _html(built_site, f"territoires/{slug}/diagnostic")
    catalogue = yaml.safe_load((ROOT / "vocabulaires.yml").read_text("utf-8"))["indicateurs"]
    for indicator in meta.get("indicateurs", []):
        code = indicator.get("code")
        label = catalogue[code]["libelle"] if code else indicator["libelle"]
        assert htmllib.escape(label, quote=False) in html
    for place in meta.get("lieux", []):
        assert place["nom"] in html


@pytest.mark.parametrize("slug", TERRITORIES)
def test_partnership_lists_partners(built_site, slug):
    meta = _meta(ROOT / "territories" / slug / "partenariat.md")
    html = _html(built_site, f"territoires/{slug}/partenariat")
    for partner in meta.get("partenaires", []):
        assert partner["nom"] in html


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    out = tmp_path_factory.mktemp("export") / "donnees"
    result = run_capi("export", "--dossier", str(out))
    assert result.returncode == 0, result.stderr
    return out


def test_export_writes_every_file(exported):
    names = sorted(p.name for p in exported.iterdir())
    assert names == sorted(
        [
            "entites.json",
            "actions.csv",
            "partenaires.csv",
            "indicateurs.csv",
            "comparaison-territoires.csv",
            "interventions.csv",
            "lieux-mediation-numerique.csv",
        ]
    )
    data = json.loads((exported / "entites.json").read_text("utf-8"))
    kinds = {e["type"] for e in data["entites"]}
    assert {"seance", "intervention", "territoire", "plan-action", "pratique"} <= kinds
    assert data["relations"]


def test_actions_csv_has_every_action(exported):
    rows = list(csv.DictReader((exported / "actions.csv").open(encoding="utf-8", newline="")))
    expected = sum(
        len(axis.get("actions", []))
        for slug in TERRITORIES
        for axis in _meta(ROOT / "territories" / slug / "plan-action.md").get("axes", [])
    )
    assert len(rows) == expected


def test_places_csv_conforms_to_the_national_standard(exported):
    raw = (exported / "lieux-mediation-numerique.csv").read_bytes()
    raw.decode("utf-8")  # UTF-8
    reader = csv.reader(raw.decode("utf-8").splitlines(), delimiter=",")
    header, *rows = list(reader)
    assert tuple(header) == places.COLUMNS  # exactly these columns, in this order
    expected = sum(
        len(_meta(ROOT / "territories" / s / "diagnostic.md").get("lieux", [])) for s in TERRITORIES
    )
    assert len(rows) == expected > 0
    ids = [row[0] for row in rows]
    assert len(ids) == len(set(ids))  # primary key
    for row in rows:
        record = dict(zip(header, row, strict=True))
        for column in places.REQUIRED:
            assert record[column], column
        assert re.fullmatch(places.PIVOT_PATTERN, record["pivot"])
        assert re.fullmatch(places.CODE_POSTAL_PATTERN, record["code_postal"])
        assert not record["code_insee"] or re.fullmatch(
            places.CODE_INSEE_PATTERN, record["code_insee"]
        )
        assert not record["telephone"] or re.fullmatch(
            places.TELEPHONE_PATTERN, record["telephone"]
        )
        assert re.fullmatch(places.DATE_PATTERN, record["date_maj"])
        assert len(record["presentation_resume"]) <= places.RESUME_MAX
        for column in ("latitude", "longitude"):
            if record[column]:
                float(record[column])
        for column, allowed in places.VOCABULARIES.items():
            if record[column]:
                values = record[column].split("|")
                assert all(v == v.strip() and v in allowed for v in values), (column, values)
        for column in ("courriels", "site_web"):
            assert " | " not in record[column]


def test_build_publishes_the_open_data_and_its_page(built_site):
    assert (built_site / "donnees" / "lieux-mediation-numerique.csv").is_file()
    html = _html(built_site, "donnees")
    assert "Licence Ouverte 2.0" in html and "lieux-mediation-numerique.csv" in html


def test_open_data_carries_the_licence_the_organisers_chose(repo_copy):
    config = repo_copy / "mkdocs.yml"
    text = config.read_text("utf-8")
    assert "licence:" not in text  # the default licence until now
    config.write_text(
        text.replace("  - capi:\n", "  - capi:\n      licence: CC BY-SA 4.0\n", 1), "utf-8"
    )
    result = run_capi("export", "--dossier", "donnees", cwd=repo_copy)
    assert result.returncode == 0, result.stderr
    document = json.loads((repo_copy / "donnees" / "entites.json").read_text("utf-8"))
    assert document["licence"] == "CC BY-SA 4.0"
