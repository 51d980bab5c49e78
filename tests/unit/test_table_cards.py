"""render.sessions.table: the column names that phones show in each cell (as cards)."""

from __future__ import annotations

from macros.outputs.search_passages import passages
from macros.render.sessions import table


def test_three_columns_or_more_put_the_escaped_column_name_in_each_cell():
    out = table(["Action", "<Pilote>", "Statut"], [["A1", "", "En cours"]], "capi-actions")
    assert out.startswith('<div class="capi-table capi-actions" markdown>')
    assert '<span class="capi-cell-label">Action</span> A1' in out
    assert '<span class="capi-cell-label">&lt;Pilote&gt;</span> —' in out  # empty: a dash


def test_plain_names_can_replace_headers_that_are_links():
    out = table(
        ["Pratique", "[Val](../val/)", "[Port](../port/)"],
        [["x", "oui", "—"]],
        labels=["Pratique", "Val", "Port"],
    )
    assert '<span class="capi-cell-label">Val</span> oui' in out


def test_two_columns_stay_a_plain_table():
    assert "capi-cell-label" not in table(["Élément", "Détail"], [["a", "b"]])


def test_column_names_shown_on_phones_are_not_searched():
    cell = '<td><span class="capi-cell-label">Statut</span> En cours</td>'
    assert passages(f"<table><tr>{cell}</tr></table>") == ["En cours"]
