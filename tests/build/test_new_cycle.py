"""Preparing the next cycle: the séances are the folders of sessions/, nothing else to edit.

An organiser removes a séance, adds one with ``capi new seance`` and builds in strict
mode: the navigation, the home calendar and the séance pages follow the folders.
"""

from __future__ import annotations

import json
import re
import shutil

from pypdf import PdfReader

from tests.conftest import run_capi


def test_a_seance_removed_and_one_added_need_no_other_edit(repo_copy, tmp_path):
    seances = sorted((repo_copy / "sessions").glob("[0-9][0-9]-*"))
    removed = seances[-1].name
    shutil.rmtree(seances[-1])
    created = run_capi(
        "new",
        "seance",
        "09-bilan",
        "--titre",
        "Bilan et suites du cycle",
        "--date",
        "2027-01-21",
        "--lieu",
        "Mirelbourg",
        cwd=repo_copy,
    )
    assert created.returncode == 0, created.stderr
    assert "créé : sessions/09-bilan/index.md" in created.stdout
    assert run_capi("check", cwd=repo_copy).returncode == 0
    site = tmp_path / "site"
    built = run_capi("build", "--dossier", str(site), cwd=repo_copy)
    assert built.returncode == 0, built.stderr  # strict: no dead link to the removed séance
    home = (site / "index.html").read_text("utf-8")
    assert 'href="seances/09-bilan/"' in home  # in the navigation and the calendar
    rows = [  # the home calendar: one line per séance
        " ".join(re.sub(r"<[^>]+>", " ", r).split())
        for r in re.findall(r"<li>.*?</li>", home, re.S)
    ]
    row = next((r for r in rows if "séance 9 :" in r), None)
    assert row and "Bilan et suites du cycle" in row, rows
    assert "21 janvier 2027" in row and "Mirelbourg" in row
    linked = re.compile(rf'href="[^"]*seances/{removed}/')  # no page links to it any more
    assert not [p for p in site.rglob("*.html") if linked.search(p.read_text("utf-8"))]
    assert (site / "seances" / "09-bilan" / "index.html").is_file()


def test_new_seance_refuses_a_taken_number_and_an_impossible_date(repo_copy):
    taken = sorted((repo_copy / "sessions").glob("[0-9][0-9]-*"))[0].name
    again = run_capi(
        "new",
        "seance",
        f"{taken[:2]}-autre",
        "--titre",
        "X",
        "--date",
        "2027-01-21",
        cwd=repo_copy,
    )
    assert again.returncode == 2
    assert f"la séance {taken[:2]} existe déjà ({taken})" in again.stderr
    wrong = run_capi(
        "new", "seance", "09-bilan", "--titre", "X", "--date", "2027-02-30", cwd=repo_copy
    )
    assert wrong.returncode == 2 and "date « 2027-02-30 » invalide" in wrong.stderr
    assert not (repo_copy / "sessions" / "09-bilan").exists()


def _text(page) -> str:
    article = re.search(r"<article[^>]*>(.*?)</article>", page.read_text("utf-8"), re.S)
    return " ".join(re.sub(r"<[^>]+>", " ", article.group(1)).split())


def test_a_base_without_examples_says_what_is_missing_and_how_to_add_it(repo_copy, tmp_path):
    for path in [*repo_copy.glob("sessions/*/*.md"), *repo_copy.glob("territories/*/*.md")]:
        if "\nexemple: true\n" in path.read_text("utf-8"):
            path.unlink()
    site = tmp_path / "site"
    built = run_capi("build", "--dossier", str(site), cwd=repo_copy)
    assert built.returncode == 0, built.stderr
    territories = _text(site / "territoires" / "index.html")
    assert "Aucun territoire n'a encore publié sa présentation" in territories
    assert "capi new territoire" in territories
    assert "Aucun territoire" in _text(site / "restitution" / "territoires" / "index.html")
    reports = _text(site / "retours" / "index.html")
    assert "Aucun retour d'expérience n'est encore publié" in reports
    assert not re.search(r"\b0 retours?\b", reports)
    assert "(0 fiche" not in _text(site / "pratiques" / "index.html")
    home = _text(site / "index.html")
    assert "exemples fictifs" not in home  # said only while there are
    # no territory: the map's place says why it is empty and how to fill it
    assert "Aucun territoire participant n'est encore publié" in home
    assert "capi new territoire" in home
    assert 'class="capi-map"' not in (site / "index.html").read_text("utf-8")
    assert not re.search(r"\b0 (territoires|retours|actions)\b", home)  # no zero figure


def test_renaming_the_cycle_is_one_edit_of_mkdocs_yml(repo_copy, tmp_path):
    config = repo_copy / "mkdocs.yml"
    text = config.read_text("utf-8")
    old_long = re.search(r'^    nom: "(.+)"$', text, re.M).group(1)
    old_short = re.search(r'^    nom_court: "(.+)"$', text, re.M).group(1)
    old_site = re.search(r'^site_name: "(.+)"$', text, re.M).group(1)
    text = text.replace(old_long, "Transition écologique et quartiers : agir ensemble")
    text = text.replace(f'nom_court: "{old_short}"', 'nom_court: "Transition écologique"')
    text = text.replace(f'site_name: "{old_site}"', 'site_name: "Transition écologique"')
    config.write_text(text, "utf-8")
    site = tmp_path / "site"
    built = run_capi("build", "--dossier", str(site), cwd=repo_copy)
    assert built.returncode == 0, built.stderr
    for page in (
        "index.html",
        "a-propos/index.html",
        "mentions-legales/index.html",
        "accessibilite/index.html",
    ):
        shown = _text(site / page)
        assert "Transition écologique" in shown, page
        # the cycle as the organisers' text names it (a séance title may still say anything)
        assert old_long not in shown and f"« {old_short} »" not in shown, page
    home = (site / "index.html").read_text("utf-8")
    assert re.search(r"<h1[^>]*>Transition écologique", home)


def test_the_cycle_identity_reaches_the_booklet_the_data_and_the_deliverables(repo_copy, tmp_path):
    """One edit of mkdocs.yml (name, subtitle) and of vocabulaires.yml (the deliverables
    asked of each territory and their labels): the PDF cover, the open data, the home page,
    the territory pages and ``capi new territoire`` follow, with no edit of code."""
    config = repo_copy / "mkdocs.yml"
    text = config.read_text("utf-8")
    old_site = re.search(r'^site_name: "(.+)"$', text, re.M).group(1)
    old_subtitle = re.search(r'^    sous_titre: "(.+)"$', text, re.M).group(1)
    text = text.replace(f'site_name: "{old_site}"', 'site_name: "Transition écologique"')
    text = text.replace(old_subtitle, "Bilan de la promotion 2027")
    config.write_text(text, "utf-8")
    vocabularies = repo_copy / "vocabulaires.yml"
    text = vocabularies.read_text("utf-8")
    text = text.replace("  partenariat: Partenariat local\n", "  partenariat: Alliance locale\n")
    text = text.replace("  plan-action: Plan d'action\n", "", 1)  # no action plan this time
    vocabularies.write_text(text, "utf-8")
    dist = tmp_path / "dist"
    published = run_capi("publish", "--dossier", str(dist), cwd=repo_copy)
    assert published.returncode == 0, published.stderr
    cover = " ".join((PdfReader(dist / "restitution.pdf").pages[0].extract_text() or "").split())
    assert cover.startswith("Transition écologique Bilan de la promotion 2027")
    assert old_site not in cover and old_subtitle not in cover
    data = json.loads((dist / "donnees" / "entites.json").read_text("utf-8"))
    assert data["cycle"] == "Transition écologique"
    home = _text(dist / "site" / "index.html")
    asked = home.split("Les livrables de chaque territoire", 1)[1].split("Ces livrables", 1)[0]
    assert "Diagnostic : les usages numériques" in asked and "Alliance locale : qui" in asked
    assert "Plan d'action" not in asked and "Partenariat local" not in asked
    territory = _text(dist / "site" / "territoires" / "val-de-sorlin" / "index.html")
    deliverables = territory.split("Livrables", 1)[1]
    assert "Alliance locale" in deliverables and "Partenariat local" not in deliverables
    created = run_capi("new", "territoire", "rives-du-lys", cwd=repo_copy)
    assert created.returncode == 0, created.stderr
    made = sorted(p.name for p in (repo_copy / "territories" / "rives-du-lys").iterdir())
    assert made == ["diagnostic.md", "index.md", "partenariat.md"]
    partnership = (repo_copy / "territories" / "rives-du-lys" / "partenariat.md").read_text()
    assert 'title: "Alliance locale — Rives Du Lys"' in partnership


def test_nouveau_cycle_takes_the_examples_out_of_the_repository(repo_copy, tmp_path):
    done = run_capi("nouveau-cycle", cwd=repo_copy)
    assert done.returncode == 0, done.stderr
    assert "supprimé : territories/coteaux-du-mirel/index.md" in done.stdout
    assert "exemples retirés : sessions/02-developpement-economique/index.md" in done.stdout
    left = [
        p.relative_to(repo_copy).as_posix()
        for p in [*repo_copy.glob("sessions/*/*.md"), *repo_copy.glob("territories/**/*.md")]
        if "\nexemple: true\n" in p.read_text("utf-8")
    ]
    assert left == [] and not list(repo_copy.glob("territories/*"))
    seance = (repo_copy / "sessions" / "02-developpement-economique" / "index.md").read_text()
    assert "Mirel" not in seance and "Exemple fictif" not in seance
    assert "numérique, levier de développement économique" in seance  # the real séance stays
    assert run_capi("check", cwd=repo_copy).returncode == 0
    site = tmp_path / "site"
    built = run_capi("build", "--dossier", str(site), cwd=repo_copy)
    assert built.returncode == 0, built.stderr
    assert "Aucun territoire n'a encore publié" in _text(site / "territoires" / "index.html")
