"""Pathological bodies of 10 to 100 KB: how long the check and the page's conversion take.

Each is what a hostile or clumsy contribution can put in a page; before the cost bounds
of ``macros/content/bounds.py`` some took minutes in Python-Markdown. The safety tests use the same
inputs (tests/safety/test_output_properties.py) and only assert that each is refused or
converted; the durations are measured here.
"""

from __future__ import annotations

import time

INPUTS = {
    "crochets": "[" * 30_000,
    "doubles-crochets": "[[" * 20_000,
    "debuts-de-liens": "[a](" * 20_000,
    "balises-ouvertes": "<a " * 30_000,
    "reference-et-espaces": "[[a:" + " " * 100_000,
    "commentaires": "<!--" * 20_000,
    "listes-imbriquees": "".join("  " * i + "- x\n" for i in range(200)),
    "citations-imbriquees": "> " * 5_000 + "x",
    "accolades": "{: " * 30_000,
    "emphases": "*a" * 40_000,
    "backticks": "`" * 60_000,
    "esperluettes": "&#" * 40_000,
    "paragraphes-de-crochets": ("[" * 400 + "\n\n") * 100,
    "tableau-large": "|" * 50_000 + "\n|" + "-|" * 20_000,
    "abreviations": "".join(f"*[a{i}]: b\n" for i in range(5_000)),
    "balises-fermees": "<a>" * 20_000,
    "titres": "# a\n" * 20_000,
    "separateurs": "***\n" * 8_000,
    "definitions": "a\n: b\n" * 15_000,
    "blocs-html-imbriques": '<div markdown="1">\n\n' * 600 + "x\n\n" + "</div>\n\n" * 600,
    "appels-de-note": "[^1] " * 4_900 + "\n\n[^1]: x\n",
    "barres-obliques": "\\" * 100_000,
    "retours-forces": "a  \n" * 25_000,
    "entites": "&amp; " * 15_000,
    "glossaire-de-code": "| a | b |\n|---|---|\n"
    + "".join(f"| `champ_{i}` | x |\n" for i in range(1_000)),
    "tableau-de-liens": "".join(
        f"| [lien {i}](https://exemple.fr/{i}) | a<br>b |\n" for i in range(1_000)
    ),
}
# what the time of one input must stay under
BUDGET_SECONDS = 1.0


def process(body: str) -> bool:
    """What a build does with a body: check it, then convert and sanitise it if allowed."""
    from macros.content.html_policy import check_body, to_html
    from macros.problems import Problems
    from macros.render import sanitize

    if not check_body(body, 1, "x.md", Problems()):
        return False
    sanitize.clean(to_html(body))
    return True


def measure() -> list[tuple[str, int, bool, float]]:
    """(name, size in bytes, converted?, seconds) for each input."""
    rows = []
    for name, body in INPUTS.items():
        started = time.perf_counter()
        converted = process(body)
        rows.append((name, len(body.encode()), converted, time.perf_counter() - started))
    return rows
