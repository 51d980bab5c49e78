"""outputs.search_passages: what a search result may quote, and how little of it is kept."""

from __future__ import annotations

from macros.outputs.search_index import terms
from macros.outputs.search_passages import BUDGET, LONGEST, passages, select

# the markup the site gives an example page (admonition, headings with their permalink,
# the engine's « Voir aussi » and « Cité dans » lists), as in the built HTML
EXAMPLE_PAGE = """
<h1>Médiation au pied des immeubles</h1>
<p class="capi-history">Publié le <time datetime="2026-11-26">26 novembre 2026</time></p>
<div class="admonition example">
<p class="admonition-title">Contenu d'exemple</p>
<p>Cette page est un exemple fictif, fourni pour montrer comment remplir une fiche.</p>
</div>
<p class="capi-badges"><strong>Séance</strong> : <a href="../">Enjeux</a></p>
<h2 id="contexte">Contexte<a class="headerlink" href="#contexte" title="Lien">¶</a></h2>
<p>Deux conseillers tiennent une permanence de <a href="../x/">médiation</a>, le mardi
et le jeudi.</p>
<h2 id="voir-aussi">Voir aussi<a class="headerlink" href="#voir-aussi">¶</a></h2>
<ul>
<li><a href="../autre/">Une médiathèque devenue tiers-lieu</a> — Retour d'expérience</li>
</ul>
<h2 id="cite-dans">Cité dans<a class="headerlink" href="#cite-dans">¶</a></h2>
<ul>
<li><a href="../plan/">Plan d'action du Val de Sorlin</a> — Plan d'action</li>
</ul>
"""


def test_an_example_page_quotes_its_own_sentence_only():
    found = passages(EXAMPLE_PAGE)
    assert found == ["Deux conseillers tiennent une permanence de médiation, le mardi et le jeudi."]


def test_the_same_page_without_the_engine_blocks_would_have_quoted_them():
    """The blocks above are what the filter removes, not text it never saw."""
    plain = EXAMPLE_PAGE.replace('id="voir-aussi"', 'id="autre"').replace(
        'class="admonition example"', 'class="admonition note"'
    )
    text = " ".join(passages(plain))
    assert "exemple fictif" in text and "Une médiathèque devenue tiers-lieu" in text


def test_table_rows_are_passages_without_headers_or_phone_labels():
    html = (
        "<table><thead><tr><th>Action</th><th>Statut</th></tr></thead><tbody>"
        '<tr><td><span class="capi-cell-label">Action</span> <strong>A1.1</strong> '
        "Ouvrir le fablab<br>aux collégiens</td>"
        '<td><span class="capi-cell-label">Statut</span> En cours</td></tr></tbody></table>'
    )
    assert passages(html) == ["A1.1 Ouvrir le fablab aux collégiens · En cours"]


def test_footnote_calls_and_line_breaks_do_not_glue_words():
    html = (
        '<p>Un numérique<sup id="fnref:1"><a class="footnote-ref" href="#fn:1">1</a></sup> '
        "utile<br/>partout, <em>vraiment</em> .</p>"
    )
    assert passages(html) == ["Un numérique utile partout, vraiment."]
    assert terms(passages(html)[0]) == ["numeriqu", "util", "partout", "vraiment"]


def test_a_long_paragraph_is_cut_into_sentences_then_at_words():
    sentence = "La médiation numérique se déplace vers les habitants. "
    long_word_run = " ".join(["accompagnement"] * 40)
    found = passages(f"<p>{sentence * 3}{long_word_run}</p>")
    assert found[:3] == [sentence.strip()] * 3
    assert all(len(p) <= LONGEST + 2 for p in found)
    assert found[3].endswith(" …") and found[4].startswith("… ")


def test_email_addresses_are_not_quoted():
    assert passages("<p>Écrire à contact@exemple.fr pour venir.</p>") == [
        "Écrire à (adresse électronique) pour venir."
    ]


def test_the_kept_passages_cover_the_page_terms_within_the_budget():
    candidates = [
        "Le centre social accueille les habitants du quartier.",
        *["Le centre social accueille les habitants du quartier le mardi."] * 40,
        "Un fablab ouvre aux collégiens le mercredi.",
    ]
    kept = [candidates[i] for i in select(candidates, [set(terms(c)) for c in candidates])]
    assert kept[0] == candidates[0]  # the opening stays first
    assert "Un fablab ouvre aux collégiens le mercredi." in kept  # new words beat repeats
    assert sum(len(p) for p in kept) <= BUDGET
    assert len(kept) < len(candidates)


def test_an_empty_page_has_no_passage():
    assert passages("<h1>Titre</h1>") == []
    assert select([], []) == []


def test_a_page_keeps_for_quoting_the_headings_its_passages_leave_out():
    from macros.outputs.search_index import SearchIndex

    filler = "".join(f"<p>Phrase {i} sur les usages du quartier numéro {i}.</p>" for i in range(80))
    html = (
        '<h2 id="mediation">Médiation<a class="headerlink" href="#mediation">¶</a></h2>'
        '<p>Le quartier et ses usages.</p><h2 id="fablab">Fablab</h2>'
        + filler
        + '<h2 id="voir-aussi">Voir aussi</h2><ul><li>Autre page</li></ul>'
    )
    index = SearchIndex()
    index.add("restitution/", "Restitution", "Restitution", html, [])
    index.add("court/", "Court", "Page", "<p>Une phrase.</p>", [])
    long_page, short_page = (d.row() for d in index.documents)
    assert long_page[4:] == ["", "Médiation · Fablab"]  # no « Voir aussi », no « ¶ »
    assert short_page == ["Court", "court/", "Page", ["Une phrase."]]  # no empty fields
