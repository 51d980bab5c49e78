"""references.find / replace: [[kind:slug|label]] outside code, with file line numbers."""

from __future__ import annotations

import pytest

from macros.content.references import TextRef, find, replace


def found(body: str, body_line: int = 10) -> list[tuple[str, str, str | None, int]]:
    return [(r.kind, r.slug, r.label, r.line) for r in find(body, body_line)]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        pytest.param("Rien ici.", [], id="none"),
        pytest.param("Voir [[pratique:fablab]].", [("pratique", "fablab", None, 10)], id="simple"),
        pytest.param(
            "[[territoire:lille|La ville]]", [("territoire", "lille", "La ville", 10)], id="label"
        ),
        pytest.param(
            "[[ seance : 1 | Séance un ]]", [("seance", "1", "Séance un", 10)], id="spaces-trimmed"
        ),
        pytest.param(
            "a [[pratique:a]] b [[plan-action:lille]]\n\nc [[retour:r|R]]",
            [
                ("pratique", "a", None, 10),
                ("plan-action", "lille", None, 10),
                ("retour", "r", "R", 12),
            ],
            id="several-lines",
        ),
        pytest.param(
            "```\n[[pratique:a]]\n```\n[[pratique:b]]",
            [("pratique", "b", None, 13)],
            id="backtick-fence",
        ),
        pytest.param(
            "~~~\n[[pratique:a]]\n~~~\n[[pratique:b]]",
            [("pratique", "b", None, 13)],
            id="tilde-fence",
        ),
        pytest.param(
            "```python\n[[pratique:a]]\n```\n[[pratique:b]]",
            [("pratique", "b", None, 13)],
            id="fence-with-info-string",
        ),
        pytest.param(
            "~~~\n```\n[[pratique:a]]\n~~~\n[[pratique:b]]",
            [("pratique", "b", None, 14)],
            id="other-fence-char-does-not-close",
        ),
        pytest.param(
            "  ```\n  [[pratique:a]]\n  ```\n[[pratique:b]]",
            [("pratique", "b", None, 13)],
            id="indented-fence",
        ),
        pytest.param(
            "x `[[pratique:a]]` y [[pratique:b]]", [("pratique", "b", None, 10)], id="inline-code"
        ),
        pytest.param(
            "``[[pratique:a]]`` [[pratique:b]] `[[pratique:c]]`",
            [("pratique", "b", None, 10)],
            id="double-backtick-inline-code",
        ),
        pytest.param("```\n[[pratique:a]]", [], id="unclosed-fence-runs-to-the-end"),
        pytest.param(
            "[[pratique:]] [pratique:c] [[1]]\n\n[[pratique:a\n\nb]]", [], id="not-references"
        ),
        pytest.param(
            "[[Pratique:x]] et [[pratique:\nfablab|les\nfablabs]]",
            [("pratique", "x", None, 10), ("pratique", "fablab", "les fablabs", 10)],
            id="mis-cased-and-wrapped-are-references",
        ),
    ],
)
def test_find(body: str, expected: list) -> None:
    assert found(body) == expected


def test_find_lines_follow_body_line() -> None:
    body = "intro\n\n```\ncode\n```\nfin [[pratique:x]]"
    assert [r.line for r in find(body, 1)] == [6]
    assert [r.line for r in find(body, 42)] == [47]


def test_find_returns_textrefs() -> None:
    assert find("[[acteur:epci|EPCI]]", 3) == [TextRef("acteur", "epci", "EPCI", 3)]


def test_longer_fence_is_not_closed_by_a_shorter_one() -> None:
    """Regression (engine bug at d613165, fixed since): a fence is closed by any fence of the same
    character, even a shorter one; CommonMark needs a closing fence at least as long as the
    opening one, so a ```` block showing a ``` block (how guides show fenced syntax) is cut
    in two and the reference inside it is reported"""
    body = "````markdown\n```\n[[pratique:a]]\n```\n[[pratique:b]]\n````\n[[pratique:c]]"
    assert found(body) == [("pratique", "c", None, 16)]


def _render(ref: TextRef) -> str:
    return f"<{ref.kind}/{ref.slug}/{ref.label}>"


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("sans référence", "sans référence"),
        ("x [[pratique:a|A]] y", "x <pratique/a/A> y"),
        ("[[pratique:a]][[territoire:t]]", "<pratique/a/None><territoire/t/None>"),
        ("x [[pratique:a]] `[[pratique:b]]` z", "x <pratique/a/None> `[[pratique:b]]` z"),
        (
            "```\n[[pratique:c]]\n```\n[[territoire:t]]\n",
            "```\n[[pratique:c]]\n```\n<territoire/t/None>\n",
        ),
        ("l1\n\n  [[seance:1|Un]]  \n", "l1\n\n  <seance/1/Un>  \n"),
    ],
)
def test_replace(body: str, expected: str) -> None:
    assert replace(body, _render) == expected


def test_replace_keeps_every_line() -> None:
    body = "a\n`x` [[pratique:p]] `y`\n~~~\n[[pratique:q]]\n~~~\nz"
    out = replace(body, lambda ref: ref.slug.upper())
    assert out.split("\n") == ["a", "`x` P `y`", "~~~", "[[pratique:q]]", "~~~", "z"]


def test_an_identifier_written_with_capitals_is_the_same_reference():
    from macros.content.references import find

    (ref,) = find("Voir [[pratique:Fablab]].", 1)
    assert (ref.kind, ref.slug) == ("pratique", "fablab")
