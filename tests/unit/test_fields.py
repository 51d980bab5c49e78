"""fields (and the model's rules): each field kind's check, with its problem code and line."""

from __future__ import annotations

from typing import Any

import pytest

from macros.content import model
from macros.content.fields import (
    Context,
    Field,
    PendingRef,
    choice,
    describe,
    key_label,
    listof,
    obj,
    ref,
    text,
)
from macros.content.frontmatter import parse
from macros.content.identifiers import is_functional_email
from macros.content.kinds import check_mapping, check_value
from macros.problems import Problems

VOCABULARIES = {
    "mois": {"janvier": "janvier", "juin": "juin"},
    "thematiques": {"inclusion-numerique": "Inclusion numérique", "gouvernance": "Gouvernance"},
    "statuts_action": {"prevue": "Prévue", "realisee": "Réalisée"},
}


def context(problems: Problems, lines: Any = None) -> Context:
    return Context("f.md", lines or (lambda *keypath: 9), problems, VOCABULARIES)


def check_text(
    schema: dict[str, Field], *header: str, rules: tuple = ()
) -> tuple[dict, list[tuple[int, str]], Problems, Context]:
    """Parse a header (line i of ``header`` is file line i + 2) and check it against schema."""
    raw = "\n".join(("---", *header, "---", "")).encode()
    parsed, found = parse(raw, "f.md")
    assert found == [] and parsed is not None
    problems = Problems()
    ctx = Context("f.md", parsed.line, problems, VOCABULARIES)
    out = check_mapping(schema, parsed.meta, (), ctx, rules)
    return out, [(p.line, p.code) for p in problems], problems, ctx


@pytest.mark.parametrize(
    ("keypath", "label"),
    [
        ((), ""),
        (("title",), "title"),
        (("questions", 0), "questions[1]"),
        (("axes", 0, "actions", 2, "budget"), "axes[1].actions[3].budget"),
    ],
)
def test_key_label(keypath: tuple, label: str) -> None:
    assert key_label(keypath) == label


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        (True, "oui"),
        (False, "non"),
        ([1, 2], "une liste"),
        ({"a": 1}, "un dictionnaire"),
        (12, "« 12 »"),
        ("x" * 41, f"« {'x' * 40}… »"),
        ("x" * 40, f"« {'x' * 40} »"),
    ],
)
def test_describe(value: Any, shown: str) -> None:
    assert describe(value) == shown


F = Field
ACTION_ID = model.action.fields["id"]  # type: ignore[index]


@pytest.mark.parametrize(
    ("spec", "value", "result", "code"),
    [
        (text("t"), "  texte  ", "texte", None),
        (text("t"), 2024, "2024", None),
        (text("t"), ["a"], None, "E012"),
        (text("t"), True, None, "E012"),
        (ACTION_ID, "A1.2", "A1.2", None),
        (ACTION_ID, "A 1", None, "E016"),
        (text("t", max_length=5), "123456", None, "E016"),
        (F("int", "n"), 3, 3, None),
        (F("int", "n"), "3", None, "E012"),
        (F("int", "n"), 3.5, None, "E012"),
        (F("int", "n"), True, None, "E012"),
        (F("int", "n", minimum=1), 0, None, "E016"),
        (F("number", "n", minimum=0), 12.5, 12.5, None),
        (F("number", "n", minimum=0), -1, None, "E025"),
        (F("number", "n", minimum=0), "1 500 €", None, "E012"),
        (F("quantity", "q"), "12 %", "12 %", None),
        (F("quantity", "q"), 12, 12, None),
        (F("quantity", "q"), [12], None, "E012"),
        (F("bool", "b"), True, True, None),
        (F("bool", "b"), "oui", None, "E012"),
        (F("date", "d"), "2024-06", "2024-06", None),
        (F("date", "d"), "2024-06-30", "2024-06-30", None),
        (F("date", "d"), "2024-13", None, "E032"),
        (F("date", "d"), "2024-06-32", None, "E032"),
        (F("date", "d"), "juin 2024", None, "E032"),
        (F("email", "e"), " contact@lille.fr ", "contact@lille.fr", None),
        (F("email", "e"), "contact@lille", None, "E016"),
        (F("url", "u"), "https://ok.example/a", "https://ok.example/a", None),
        (F("url", "u"), "ftp://ok.example", None, "E016"),
        (F("url", "u"), "javascript:alert(1)", None, "E016"),
        (choice("mois", "m"), "juin", "juin", None),
        (choice("mois", "m"), "juinn", None, "E014"),
        (choice("inconnu", "m"), "juin", None, "E014"),
        (F("code", "c", code="insee"), "2a004", "2A004", None),
        (F("code", "c", code="insee"), "20004", None, "E026"),
        (listof(text("x"), "l"), "seul", ["seul"], None),
        (listof(text("x"), "l"), ["a", None, "b"], ["a", "b"], None),
        (listof(text("x"), "l"), {"a": 1}, None, "E012"),
        (listof(obj("o", {"nom": text("n")}), "l"), "x", None, "E012"),
        (listof(text("x"), "l", unique=True), ["a", "b", "a"], ["a", "b"], "E023"),
        (obj("o", {"nom": text("n")}), "x", None, "E012"),
    ],
)
def test_check_value(spec: Field, value: Any, result: Any, code: str | None) -> None:
    problems = Problems()
    assert check_value(spec, value, ("k",), context(problems)) == result
    assert [(p.line, p.code) for p in problems] == ([(9, code)] if code else [])


def test_choice_suggests_the_closest_word() -> None:
    problems = Problems()
    check_value(
        choice("thematiques", "t"), "inclusion-numerik", ("thematiques", 0), context(problems)
    )
    assert problems[0].message == (
        "« thematiques[1] » : valeur « inclusion-numerik » inconnue ; vouliez-vous dire "
        "« inclusion-numerique » ? ; valeurs possibles : inclusion-numerique, gouvernance"
    )


def test_list_given_for_a_choice_is_a_type_error() -> None:
    """Regression (engine bug at d613165, fixed since): choice (and date/email/url/code) fields do
    not check the value's type: a list is turned into the text "['juin']" and reported as
    E014 « valeur ['juin'] inconnue » instead of E012 (wrong type)"""
    problems = Problems()
    assert check_value(choice("mois", "m"), ["juin"], ("mois",), context(problems)) is None
    assert [p.code for p in problems] == ["E012"]


def test_ref_is_recorded_for_later_with_its_line() -> None:
    problems = Problems()
    ctx = context(problems)
    assert check_value(ref("territoire", "t"), " lille ", ("territoire",), ctx) == "lille"
    assert check_value(ref("seance", "s"), 3, ("seance",), ctx) == "03"
    assert check_value(ref("pratique", "p"), ["x"], ("pratiques",), ctx) is None
    assert ctx.refs == [
        PendingRef("territoire", "lille", 9, "territoire"),
        PendingRef("seance", "03", 9, "seance"),
    ]
    assert [p.code for p in problems] == ["E012"]


# ------------------------------------------------------------------ check_mapping

SCHEMA = {
    "title": text("Titre", required=True),
    "mois": choice("mois", "Mois", required=True),
    "thematiques": listof(choice("thematiques", "Thématique"), "Thématiques", unique=True),
    "contacts": listof(model.contact, "Contacts"),
}


def test_valid_mapping_is_returned_checked() -> None:
    out, problems, _, _ = check_text(SCHEMA, "title: T", "mois: juin", "thematiques: gouvernance")
    assert problems == []
    assert out == {"title": "T", "mois": "juin", "thematiques": ["gouvernance"]}


@pytest.mark.parametrize(
    ("header", "expected", "fragment"),
    [
        pytest.param(
            ("mois: juin",),
            [(1, "E011")],
            "« title » manquante (Titre)",
            id="missing-required-top-level",
        ),
        pytest.param(
            ('title: ""', "mois: juin"),
            [(2, "E011")],
            "« title »",
            id="empty-required-is-missing-at-its-line",
        ),
        pytest.param(("title: T", "mois:"), [(3, "E011")], "« mois »", id="null-required"),
        pytest.param(
            ("title: T", "mois: juinn"),
            [(3, "E014")],
            "vouliez-vous dire « juin »",
            id="invalid-required-not-also-missing",
        ),
        pytest.param(
            ("title: T", "mois: juin", "thematique: [gouvernance]"),
            [(4, "E013")],
            "clé « thematique » inconnue ; vouliez-vous dire « thematiques » ?",
            id="unknown-key-suggestion",
        ),
        pytest.param(
            ("title: T", "mois: juin", "zzz: 1"),
            [(4, "E013")],
            "clé « zzz » inconnue",
            id="unknown-key-without-suggestion",
        ),
        pytest.param(
            ("title: T", "mois: juin", "thematiques:", "  - gouvernance", "  - gouvernance"),
            [(6, "E023")],
            "« thematiques » : « gouvernance » figure deux fois",
            id="duplicate-list-item-at-its-line",
        ),
        pytest.param(
            ("title: T", "mois: juin", "contacts:", "  - role: Chargée", "  - nom: B"),
            [(5, "E011")],
            "« contacts[1].nom » manquante",
            id="nested-missing-at-item",
        ),
        pytest.param(
            ("title: T", "mois: juin", "contacts:", "  - nom: A", "    age: 3"),
            [(6, "E013")],
            "« contacts[1].age » inconnue",
            id="nested-unknown-key",
        ),
    ],
)
def test_mapping_problems(header: tuple[str, ...], expected: list, fragment: str) -> None:
    _, problems, found, _ = check_text(SCHEMA, *header)
    assert problems == expected
    assert fragment in found[0].message


def test_every_problem_of_a_mapping_is_reported() -> None:
    _, problems, _, _ = check_text(
        SCHEMA, "mois: juinn", "thematiques: [x, gouvernance, x]", "autre: 1"
    )
    assert problems == [(2, "E014"), (3, "E014"), (3, "E014"), (4, "E013"), (1, "E011")]


# ------------------------------------------------------------------ model rules

CONTACTS = {"contacts": listof(model.contact, "Contacts")}


@pytest.mark.parametrize(
    ("contact", "expected"),
    [
        pytest.param(
            ("  - nom: A", "    courriel: jean.dupont@example.org"),
            [(4, "E030")],
            id="personal-email",
        ),
        pytest.param(("  - nom: A", "    telephone: '0102030405'"), [(4, "E030")], id="phone"),
        pytest.param(
            ("  - nom: A", "    courriel: jean.dupont@example.org", "    consentement: true"),
            [],
            id="consent",
        ),
        pytest.param(("  - nom: A", "    courriel: contact@lille.fr"), [], id="contact-mailbox"),
        pytest.param(
            ("  - nom: A", "    courriel: accueil.mairie@lille.fr"), [], id="accueil-mailbox"
        ),
        pytest.param(
            ("  - nom: A", "    courriel: Mediation-numerique@lille.fr"), [], id="mediation-mailbox"
        ),
        pytest.param(
            ("  - nom: A", "    courriel: jean.dupont@example.org", "    consentement: 'oui'"),
            [(5, "E012"), (4, "E030")],
            id="consent-must-be-a-boolean",
        ),
    ],
)
def test_consent_rule(contact: tuple[str, ...], expected: list) -> None:
    _, problems, found, _ = check_text(CONTACTS, "contacts:", *contact)
    assert problems == expected
    for p in found:
        if p.code == "E030":
            assert "jean.dupont@example.org" in p.message or "0102030405" in p.message


@pytest.mark.parametrize(
    ("address", "functional"),
    [
        ("contact@lille.fr", True),
        ("Contact@lille.fr", True),
        ("accueil.epn@lille.fr", True),
        ("info-mairie@lille.fr", True),
        ("jean.dupont@lille.fr", False),
        ("contacts@lille.fr", False),
        ("marie.contact@lille.fr", False),
    ],
)
def test_is_functional_email(address: str, functional: bool) -> None:
    assert is_functional_email(address) is functional


ACTIONS = {"actions": listof(model.action, "Actions")}


def _action(*extra: str) -> tuple[str, ...]:
    return (
        "actions:",
        "  - id: A1",
        "    titre: T",
        "    statut: prevue",
        *(f"    {line}" for line in extra),
    )


@pytest.mark.parametrize(
    ("extra", "expected"),
    [
        pytest.param(("debut: 2024-06", "fin: 2024-01"), [(7, "E024")], id="end-before-start"),
        pytest.param(("debut: 2024-06-10", "fin: 2024-06-01"), [(7, "E024")], id="same-month-days"),
        pytest.param(("debut: 2024-01", "fin: 2024-06"), [], id="ordered"),
        pytest.param(("debut: 2024-06", "fin: 2024-06-30"), [], id="month-then-day"),
        pytest.param(("fin: 2020-01",), [], id="end-only"),
        pytest.param(("budget: -5",), [(6, "E025")], id="negative-budget"),
        pytest.param(("budget: 0",), [], id="zero-budget"),
        pytest.param(("budget: '1 500'",), [(6, "E012")], id="budget-as-text"),
    ],
)
def test_action_rules(extra: tuple[str, ...], expected: list) -> None:
    _, problems, found, _ = check_text(ACTIONS, *_action(*extra))
    assert problems == expected
    if expected and expected[0][1] == "E024":
        start, end = extra[0].split(": ")[1], extra[1].split(": ")[1]
        assert f"la fin ({end}) précède le début ({start})" in found[0].message


def test_end_before_start_names_the_key_like_other_messages() -> None:
    """Regression (engine bug at d613165, fixed since): the E024 message names the key with
    0-based indexes joined by dots (« actions.0.fin ») instead of key_label's 1-based form
    (« actions[1].fin ») used by every other message"""
    _, _, found, _ = check_text(ACTIONS, *_action("debut: 2024-06", "fin: 2024-01"))
    assert found[0].message.startswith("« actions[1].fin » :")


def test_month_end_in_the_start_month_is_not_before_the_start() -> None:
    """Regression (engine bug at d613165, fixed since): dates are compared as strings, so an end
    given to the month (2024-06) is reported as before a start given to the day in the same
    month (2024-06-15)"""
    _, problems, _, _ = check_text(ACTIONS, *_action("debut: 2024-06-15", "fin: 2024-06"))
    assert problems == []


@pytest.mark.parametrize(
    ("url", "valid"),
    [
        ("https://www.exemple.fr/guide.pdf", True),
        ("ressources/guide.pdf", True),
        ("../02-developpement-economique/atelier.md", True),
        ("javascript:alert(1)", False),
        ("JaVaScRiPt:alert(1)", False),
        ("data:text/html,x", False),
        ('https://x.fr/"><img src=x onerror=alert(1)>', False),
        ("https://x.fr/a b", False),
    ],
)
def test_resource_addresses_are_web_addresses_or_repository_files(url: str, valid: bool) -> None:
    problems = Problems()
    checked = check_value(
        model.resource, {"titre": "Guide", "url": url}, ("ressources", 0), context(problems)
    )
    assert (checked is not None) is valid
    assert [p.code for p in problems] == ([] if valid else ["E016"])


def test_the_date_pattern_editors_get_is_the_calendar():
    """The one regex JSON Schemas and the web editor use says what the calendar says."""
    import datetime as dt

    from macros.content.fields import DATE_RE, DAY_RE

    for year in [*range(1896, 2106), 1600, 1700, 2000, 2400]:
        for month in range(0, 14):
            assert bool(DATE_RE.match(f"{year}-{month:02d}")) is (1 <= month <= 12)
            assert not DAY_RE.match(f"{year}-{month:02d}")  # a day, for the places standard
            for day in range(0, 33):
                try:
                    exists = bool(dt.date(year, month, day))
                except ValueError:
                    exists = False
                assert bool(DATE_RE.match(f"{year}-{month:02d}-{day:02d}")) is exists
                assert bool(DAY_RE.match(f"{year}-{month:02d}-{day:02d}")) is exists
