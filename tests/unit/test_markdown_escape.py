"""md_escape: a front-matter value put into generated Markdown comes out as the same text."""

from __future__ import annotations

import pytest

from macros.content.html_policy import to_html
from macros.render.links import md_escape


@pytest.mark.parametrize(
    "value",
    [
        "x{: onfocus=alert(1) autofocus }",
        "a <img src=x onerror=alert(1)>",
        "[lien](javascript:alert(1))",
        "R&D : 3.5 % — *pas* d'emphase, `pas` de code, # pas de titre",
        "1. pas une liste | ni un tableau \\ ni un échappement",
        "> ni une citation",
    ],
)
def test_value_is_shown_as_written_in_a_table_cell(value: str) -> None:
    html = to_html(f"| {md_escape(value)} |\n|---|\n| x |")
    cell = html.split("<th>", 1)[1].split("</th>", 1)[0]
    expected = value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    assert cell == expected
