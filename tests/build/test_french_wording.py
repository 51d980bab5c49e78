"""French everywhere a reader looks, and no list said twice on one page, read in the built
site: dates in words with their year, numbers with French separators, opening hours in
words, a generated sentence opening the theme, practice and actor-type pages."""

from __future__ import annotations

import re
from html import unescape

import yaml

from tests.conftest import ROOT


def _article(page) -> str:
    return re.search(r"<article[^>]*>(.*?)</article>", page.read_text("utf-8"), re.S).group(1)


def _text(html: str) -> str:
    html = re.sub(r"<(svg|script|style|code|pre)\b.*?</\1>", " ", html, flags=re.S)
    # ASCII blanks only: the narrow no-break space of « 11 450 » is part of the number
    return re.sub(r"[ \t\r\n]+", " ", unescape(re.sub(r"<[^>]+>", " ", html))).strip()


def _sections(article: str) -> dict[str, str]:
    """The article's h2 sections by their title (the part before the first h2 under "")."""
    parts = re.split(r"<h2[^>]*>(.*?)</h2>", article, flags=re.S)
    found = {"": parts[0]}
    for title, body in zip(parts[1::2], parts[2::2], strict=True):
        found[_text(title).rstrip("¶ ").strip()] = body
    return found


def _targets(html: str) -> set[str]:
    """Pages linked from a piece of HTML (anchors and permalinks left out)."""
    return {
        h.split("#")[0].rstrip("/").rsplit("/", 1)[-1]
        for h in re.findall(r'href="([^"#][^"]*)"', html)
        if "flux" not in h
    }


def _around(sections: dict[str, str]) -> tuple[set[str], set[str], set[str]]:
    """Targets of « Voir aussi », of « Cité dans », and of everything listed above them."""
    above = "".join(b for t, b in sections.items() if t not in ("Voir aussi", "Cité dans"))
    return (
        _targets(sections.get("Voir aussi", "")),
        _targets(sections.get("Cité dans", "")),
        _targets(above),
    )


def test_a_seance_page_never_repeats_its_programme(built_site):
    with_see_also = 0
    for page in sorted((built_site / "seances").glob("[0-9][0-9]-*/index.html")):
        sections = _sections(_article(page))
        programme = _targets(sections.get("Programme", ""))
        see_also, cited, _ = _around(sections)
        assert not see_also & programme, page
        assert not cited & programme, page
        assert not see_also & cited, page
        with_see_also += bool(see_also)
    assert with_see_also  # the blocks are still there, without the repetitions


# the lists the engine writes on practice and territory pages, above « Voir aussi »
LISTS = (
    "Retours d'expérience",
    "Autres interventions",
    "Séances",
    "Territoires",
    "Actions des plans d'action",
    "Présenté pendant le cycle",
    "Livrables",
)


def test_practice_and_territory_pages_never_cite_again_what_they_list(built_site):
    pages = [
        *sorted((built_site / "pratiques").glob("*/index.html")),
        *sorted((built_site / "territoires").glob("*/index.html")),
    ]
    repeated_before = 0
    for page in pages:
        sections = _sections(_article(page))
        see_also, cited, _ = _around(sections)
        listed = _targets("".join(b for t, b in sections.items() if t.startswith(LISTS)))
        assert not cited & listed, (page, cited & listed)
        assert not see_also & listed, (page, see_also & listed)
        repeated_before += bool(listed)
    assert repeated_before  # the lists are there


def test_theme_practice_and_actor_pages_open_with_a_sentence_that_counts(built_site):
    theme = _sections(_article(built_site / "thematiques" / "inclusion-numerique" / "index.html"))
    intro = _text(theme[""])
    reports = len(re.findall(r'<li class="capi-card">', theme["Retours d'expérience (5)"]))
    assert f"{reports} retours d'expérience" in intro
    assert intro.startswith("Inclusion numérique ¶ Les fiches du cycle qui portent la thématique")
    actor = _text(_sections(_article(built_site / "acteurs" / "epci" / "index.html"))[""])
    assert "Dans le cycle, le type d'acteur « EPCI » compte 3 structures" in actor  # one each
    practice = _text(_article(built_site / "pratiques" / "fablab" / "index.html"))
    assert "Dans le cycle, cette pratique apparaît dans 1 retour d'expérience" in practice


def test_a_structure_named_as_its_territory_is_said_once(built_site):
    actor = _text(_article(built_site / "acteurs" / "epci" / "index.html"))
    for index in (ROOT / "territories").glob("*/index.md"):
        title = yaml.safe_load(index.read_text("utf-8").split("---")[1])["title"]
        assert f"{title} — {title}" not in actor


def test_indicator_values_use_french_separators_in_the_restitution(built_site):
    text = _text(_article(built_site / "restitution" / "territoires" / "index.html"))
    big = []
    for path in (ROOT / "territories").glob("*/diagnostic.md"):
        meta = yaml.safe_load(path.read_text("utf-8").split("---")[1])
        big += [i["valeur"] for i in meta.get("indicateurs", []) if isinstance(i["valeur"], int)]
    shown = [v for v in big if v >= 1000 and f"{v:,}".replace(",", "\u202f") in text]
    assert shown, big  # at least one large value is on the page, written the French way
    assert not [v for v in shown if re.search(rf"(?<![\d\u202f]){v}(?!\d)", text)]


def test_no_page_shows_a_machine_date_or_machine_opening_hours(built_site):
    machine_date = re.compile(r"\b20\d\d-\d\d(-\d\d)?\b")
    hours_code = re.compile(r"\b(Mo|Tu|We|Th|Fr|Sa|Su)(-(Mo|Tu|We|Th|Fr|Sa|Su))? \d\d:\d\d")
    found = []
    for page in sorted(built_site.rglob("*.html")):
        name = page.relative_to(built_site).as_posix()
        if name.startswith(("admin/", "performances/")):  # the editor; the benchmark's log
            continue
        match = re.search(r"<article[^>]*>(.*?)</article>", page.read_text("utf-8"), re.S)
        text = _text(match.group(1)) if match else ""
        found += [(name, m.group(0)) for m in machine_date.finditer(text)]
        found += [(name, m.group(0)) for m in hours_code.finditer(text)]
    assert found == []
    diagnostic = _text(
        _article(built_site / "territoires" / "coteaux-du-mirel" / "diagnostic" / "index.html")
    )
    assert "du lundi au vendredi" in diagnostic


def test_a_seance_page_gives_the_day_of_its_file_in_words(built_site):
    for path in sorted((ROOT / "sessions").glob("[0-9][0-9]-*/index.md")):
        meta = yaml.safe_load(path.read_text("utf-8").split("---")[1])
        page = built_site / "seances" / path.parent.name / "index.html"
        header = _text(_sections(_article(page))[""])
        year, month, day = (int(part) for part in str(meta["date"]).split("-"))
        assert re.search(rf"Séance {int(path.parent.name[:2])} · {day}(er)? \w+ {year}", header)
