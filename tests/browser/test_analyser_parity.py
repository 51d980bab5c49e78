"""The index is written by Python and queried by JavaScript: both must cut and fold every word
the same way, or a page is indexed under a term no query produces. Here Chromium runs the
site's own docs/assets/capi-analyse.js on several hundred words and phrases, and each answer
must equal Python's (macros/content/words.py fold, macros/outputs/search_index.py terms)."""

from __future__ import annotations

import re

import yaml

from macros.content.words import fold
from macros.outputs.search_index import STOP_WORDS, terms
from tests.conftest import ROOT

# the cases where the two languages differ unless written with care
TRICKY = [
    # accents, ligatures, case
    "Médiation numérique",
    "MÉDIATION",
    "ÉCOLE",
    "Cœur",
    "coeur",
    "CŒUR",
    "œuvre",
    "Œuvres",
    "Æsope",
    "ex æquo",
    "noël",
    "Noël",
    "maïs",
    "ça",
    "Ça",
    "garçon",
    "à",
    "où",
    "là-bas",
    "déjà",
    "crème brûlée",
    "naïveté",
    "île",
    "Straße",
    "ß",
    "İstanbul",
    "ΟΔΟΣ",
    "Σ",
    "ǅ",
    "Ǆ",
    "ǲ",
    # elisions, apostrophes, hyphens
    "l'inclusion",
    "l’inclusion",
    "L'Inclusion",
    "qu'il",
    "qu’elle",
    "jusqu'à",
    "jusqu’au",
    "lorsqu'on",
    "aujourd'hui",
    "d'abord",
    "c'est-à-dire",
    "tiers-lieu",
    "tiers-lieux",
    "tiers‑lieu",  # non-breaking hyphen
    "tiers–lieu",
    "peut-être",
    "Saint-Ivoine",
    "grand'mère",
    "l`accès",
    "l\u02bcaccès",
    "« guillemets »",
    # compatibility characters: NFKD before lowercasing
    "ℍôpital",
    "ℌ",
    "ℕ°",
    "№ 3",
    "ﬁnancement",
    "ﬂux",
    "ﬀ",
    "ﬃ",
    "ﬆ",
    "x²",
    "m³",
    "H₂O",
    "½",
    "¼ de la population",
    "Ⅻ",
    "ⅻ",
    "①②",
    "ⓐⓑ",
    "Ｍédiation",
    "ＦＡＢＬＡＢ",
    "ｆａｂｌａｂ",
    "１２３",
    "𝐀𝐁𝐂",
    "𝒞𝑜𝑒𝓊𝓇",
    "ｸﾞ",
    "㎞",
    "™",
    "…",
    "e\u0301cole",  # decomposed accent
    "e\u0327a",
    # names an object inherits in JavaScript
    "constructor",
    "Constructor",
    "__proto__",
    "proto",
    "toString",
    "valueOf",
    "hasOwnProperty",
    "isPrototypeOf",
    "propertyIsEnumerable",
    "toLocaleString",
    "__defineGetter__",
    "prototype",
    "length",
    # astral characters and emoji
    "𠀀",
    "𠀀𠀀",
    "𠀀es",
    "𠀀𠀀s",
    "a𠀀",
    "😀",
    "😀 emoji 😀x",
    "fablab🙂",
    "👩‍💻 numérique",
    "🇫🇷 France",
    "𐐀",
    "𐐨𐐨",
    # digits and numbers
    "2026",
    "1er",
    "2e",
    "3ème",
    "10 000 habitants",
    "68 000 €",
    "1,6 ETP",
    "12h30",
    "A1.1",
    "Q1",
    "5G",
    "x",
    "xx",
    # plurals and feminine endings (the stemmer)
    "médiations",
    "quartiers",
    "numériques",
    "locaux",
    "locales",
    "journaux",
    "chevaux",
    "animatrices",
    "animateurs",
    "prioritaires",
    "associatives",
    "aux",
    "eaux",
    "bas",
    "ses",
    "yes",
    # other scripts, punctuation, empty
    "Москва",
    "東京",
    "مرحبا",
    "שלום",
    "नमस्ते",
    "",
    " ",
    "!!! ??? ...",
    "<img src=x onerror=alert(1)>",
    "_soulignés_",
    "a_b",
    "mot\u00a0insécable",
    "mot\u202fmot",
    "tab\tcolonne",
    "ligne\nsuivante",
]

WORD_RE = re.compile(r"\S+")


def _vocabulary_labels() -> list[str]:
    """Every label of vocabulaires.yml (themes, actor types, formats…): French phrases."""
    data = yaml.safe_load((ROOT / "vocabulaires.yml").read_text("utf-8"))
    out: list[str] = []

    def walk(value):
        if isinstance(value, dict):
            for key, item in value.items():
                out.append(str(key))
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)
        elif isinstance(value, str):
            out.append(value)

    walk(data)
    return out


def _content_words(limit: int = 500) -> list[str]:
    """Distinct words of the séances as written (punctuation and apostrophes attached)."""
    seen: dict[str, None] = {}
    for path in sorted(ROOT.glob("sessions/*/*.md")):
        for word in WORD_RE.findall(path.read_text("utf-8")):
            seen.setdefault(word, None)
    return list(seen)[:limit]


CORPUS = TRICKY + sorted(STOP_WORDS) + _vocabulary_labels() + _content_words()


def test_the_corpus_is_several_hundred_words_and_phrases():
    assert len(set(CORPUS)) > 600


def test_python_and_javascript_give_the_same_terms(page, site_url):
    page.goto(site_url)
    answers = page.evaluate(
        "texts => texts.map(t => [capiAnalyse.fold(t), capiAnalyse.terms(t)])", CORPUS
    )
    differences = [
        (text, (fold(text), terms(text)), tuple(answer))
        for text, answer in zip(CORPUS, answers, strict=True)
        if [fold(text), terms(text)] != answer
    ]
    assert differences == [], "\n".join(
        f"{text!r}: Python {python} ≠ JavaScript {js}" for text, python, js in differences
    )


def test_the_known_pitfalls_have_the_expected_terms():
    """What the comparison relies on: the cases that once differed, answered rightly."""
    assert terms("ℍôpital") == ["hopital"]  # compatibility form, then lower case
    assert terms("constructor __proto__ toString") == ["constructor", "proto", "tostring"]
    assert terms("𠀀 a") == []  # one character, even outside the 16-bit range
    assert terms("Cœur ﬁnancement x² ＦＡＢＬＡＢ") == ["coeur", "financement", "x2", "fablab"]


def test_the_search_script_uses_the_shared_analyser(page, site_url):
    """« constructor » was a stop word in the search script (an inherited property)."""
    page.goto(site_url)
    assert page.evaluate("capiSearch.terms('constructor toString')") == [
        "constructor",
        "tostring",
    ]
