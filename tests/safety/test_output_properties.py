"""Properties of what the engine outputs, whatever a contributor writes.

- Random compositions of the attack fragments, converted as the site converts them and
  sanitised, never keep an event handler, a dangerous URL or a third-party load; and
  whenever the unsanitised page would have kept one, ``capi check`` said so (E029).
- Pathological inputs of 10 to 100 KB are refused by a cost bound (E035) or converted;
  either way within bounds a hang guard can check (the timings are in ``make bench``).
"""

from __future__ import annotations

import signal
from contextlib import contextmanager

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bench.pathological import INPUTS, process
from macros.content.html_policy import check_body, to_html
from macros.problems import Problems
from macros.render import sanitize
from tests.safety.attacks import BODY_ATTACKS, FRONT_MATTER_ATTACK, live_markup

BENIGN = [
    "Un paragraphe.",
    "- une liste\n- de points",
    "> une citation",
    "`du code`",
    "## Un titre",
    "| a | b |\n|---|---|\n| 1 | 2 |",
    "[un lien](https://exemple.fr)",
    "![photo](photo.png)",
    "```\n<img src=x onerror=y>\n```",
    "*emphase* et **gras**",
    "!!! note\n    Une remarque.",
    "Terme\n:   Définition",
    "Texte[^1]\n\n[^1]: Note.",
]
FRAGMENTS = [*BODY_ATTACKS.values(), FRONT_MATTER_ATTACK, *BENIGN]
SEPARATORS = ["\n\n", "\n", " ", "", "\n    ", "\n> ", "\n- "]


@contextmanager
def hang_guard(seconds: int = 30):
    """Fail (instead of blocking the suite) if the body takes longer than ``seconds``."""

    def stop(signum, frame):
        raise AssertionError(f"plus de {seconds} s : traitement non borné")

    previous = signal.signal(signal.SIGALRM, stop)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.tuples(st.sampled_from(FRAGMENTS), st.sampled_from(SEPARATORS)), min_size=1, max_size=6
    )
)
def test_sanitised_output_is_never_live_and_the_check_agrees(parts):
    body = "".join(fragment + separator for fragment, separator in parts)
    problems = Problems()
    with hang_guard():
        convertible = check_body(body, 1, "x.md", problems)
        if not convertible:
            return
        raw = to_html(body)
        clean = sanitize.clean(raw)
    assert live_markup(clean) == []
    if live_markup(raw):
        assert any(p.code == "E029" for p in problems), (body, live_markup(raw))


PATHOLOGICAL = INPUTS  # shared with make bench, which times them


@pytest.mark.parametrize("name", PATHOLOGICAL)
def test_pathological_input_is_refused_or_converted_within_bounds(name):
    body = PATHOLOGICAL[name]
    assert 10_000 <= len(body) <= 120_000
    problems = Problems()
    with hang_guard():
        if not check_body(body, 1, "x.md", problems):
            assert [p.code for p in problems if p.code == "E035"] == ["E035"]
        assert process(body) is not any(p.code == "E035" for p in problems)
    assert all(p.line >= 1 for p in problems)


@pytest.mark.parametrize(
    "name",
    [
        "crochets",
        "doubles-crochets",
        "debuts-de-liens",
        "balises-ouvertes",
        "listes-imbriquees",
        "citations-imbriquees",
        "paragraphes-de-crochets",
        "abreviations",
        "titres",
        "separateurs",
        "definitions",
        "blocs-html-imbriques",
        "appels-de-note",
        "barres-obliques",
        "retours-forces",
        "entites",
    ],
)
def test_the_quadratic_and_recursive_constructs_are_refused(name):
    """Measured on Python-Markdown: 81 s, 142 s, 62 s, 18 s, RecursionError, 15 s, 29 s,
    6 s, RecursionError… if converted."""
    problems = Problems()
    assert check_body(PATHOLOGICAL[name], 1, "x.md", problems) is False
    assert [p.code for p in problems] == ["E035"]
