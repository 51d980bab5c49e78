"""A clean start (issue #18, item 2): ``capi publish --sans-exemples`` leaves no example.

The names the example files give (territories, communes, quartiers, structures, people,
titles, identifiers), and the values real files mark ``# exemple``, are collected from the
sources; none may appear in any page, data file, feed, the offline bundle or the booklet.
Every page that becomes empty says so in a sentence, and the booklet has no page with only
a heading (a part's divider aside).
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest
from pypdf import PdfReader

from macros.content.corpus import load_corpus
from tests.conftest import ROOT, run_capi

# front-matter keys whose values name something: a place, a structure, a person, a page
NAMING_KEYS = frozenset(
    {"title", "nom", "structure", "commune", "pilote", "partenaires", "financeurs",
     "signataires", "membres", "adresse", "territoire", "lieu"}
)  # fmt: skip
MARKED_RE = re.compile(r"^\s*[\w-]+:\s*(.+?)\s+#\s*exemple\s*$", re.M)
TEXT_FILES = (".html", ".json", ".xml", ".csv", ".js", ".txt")


def _names(value, key: str | None, found: set[str]) -> None:
    if isinstance(value, dict):
        for k, v in value.items():
            _names(v, k, found)
    elif isinstance(value, list):
        for v in value:
            _names(v, key, found)
    elif isinstance(value, str) and key in NAMING_KEYS:
        found.add(" ".join(value.split()))


def example_names() -> set[str]:
    corpus = load_corpus(ROOT)
    found: set[str] = set()
    for entry in corpus.entries:
        if entry.is_example:
            _names(entry.meta, None, found)
            found.add(entry.slug)
    for path in [*ROOT.glob("sessions/*/*.md"), *ROOT.glob("territories/*/*.md")]:
        found.update(m.strip("\"'") for m in MARKED_RE.findall(path.read_text("utf-8")))
    # the organiser and what the configuration names are real, even when an example cites them
    real = (ROOT / "mkdocs.yml").read_text("utf-8") + (ROOT / "vocabulaires.yml").read_text("utf-8")
    return {name for name in found if len(name) >= 4 and name not in real}


@pytest.fixture(scope="module")
def clean(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("propre") / "dist"
    result = run_capi("publish", "--sans-exemples", "--dossier", str(out))
    assert result.returncode == 0, result.stderr + result.stdout
    assert "fiche(s) d'exemple" not in result.stderr
    return out


def _outputs(dist: Path, unpacked: Path) -> dict[str, str]:
    """Every text the publication holds, by path, the offline bundle's pages included."""
    with zipfile.ZipFile(dist / "site-hors-ligne.zip") as bundle:
        bundle.extractall(unpacked)
    texts = {}
    for folder in (dist, unpacked):
        for path in folder.rglob("*"):
            if path.suffix in TEXT_FILES and path.is_file():
                texts[path.relative_to(folder).as_posix()] = " ".join(
                    path.read_text("utf-8", errors="replace").split()
                )
    reader = PdfReader(dist / "restitution.pdf")
    texts["restitution.pdf"] = " ".join(
        " ".join((page.extract_text() or "").split()) for page in reader.pages
    )
    return texts


def test_no_example_name_anywhere(clean, tmp_path):
    names = example_names()
    assert len(names) > 100  # territories, communes, quartiers, structures, people, titles
    assert {"Mirelbourg", "Port-Landevan", "coteaux-du-mirel"} <= names
    texts = _outputs(clean, tmp_path / "hors-ligne")
    assert len(texts) > 200
    found = {
        (name, where) for where, text in texts.items() for name in names if name in text
    }  # fmt: skip
    assert sorted(found) == []


def _article(page: Path) -> str:
    match = re.search(r"<article[^>]*>(.*?)</article>", page.read_text("utf-8"), re.S)
    return match.group(1) if match else ""


def _text(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def test_every_empty_page_or_list_says_so(clean):
    site = clean / "site"
    bare, zeros = [], []
    for page in site.rglob("index.html"):
        article = _article(page)
        if not article:
            continue
        where = page.relative_to(site).as_posix()
        # a section heading followed by another section or by nothing; a title alone
        if re.search(r"</h2>\s*(?:<h[12][ >]|$)|</h1>\s*$", article):
            bare.append(where)
        if re.search(r"\(0\)|\b0 (?:retours?|fiches?|territoires?)\b", _text(article)):
            zeros.append(where)
    assert bare == [] and zeros == []
    practices = " ".join(
        re.sub(r"<[^>]+>", " ", _article(site / "restitution/pratiques/index.html")).split()
    )
    assert "Aucune fiche ne cite encore de pratique" in practices
    assert "le bilan par thématique (retours et enseignements) viendra avec eux" in practices
    actors = _text(_article(site / "acteurs/index.html"))
    assert "Aucune structure n'est encore citée" in actors


def test_the_booklet_has_no_page_with_only_a_heading(clean):
    reader = PdfReader(clean / "restitution.pdf")
    dividers = [item.title for item in reader.outline if not isinstance(item, list)]
    assert "Les territoires et leurs livrables" not in dividers  # a part with no page
    for number, page in enumerate(reader.pages[1:], 2):  # the cover aside
        shown = " ".join((page.extract_text() or "").split())
        if len(shown) < 200:
            assert any(shown.startswith(title) for title in dividers), (number, shown)
