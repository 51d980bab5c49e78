"""identifiers: Luhn key, INSEE, SIREN and QPV codes, as a code field checks them."""

from __future__ import annotations

import pytest

from macros.content.fields import Context, Field
from macros.content.identifiers import INSEE_RE, QPV_RE, luhn_ok
from macros.content.kinds import check_value
from macros.problems import Problems


@pytest.mark.parametrize(
    ("digits", "ok"),
    [
        ("79927398713", True),  # the textbook example
        ("79927398710", False),
        ("49927398716", True),
        ("1234567812345670", True),
        ("1234567812345678", False),
        ("200093201", True),  # SIREN of the Métropole européenne de Lille
        ("200093202", False),  # same, last digit changed
        ("356000000", True),  # SIREN of La Poste
        ("0", True),
        ("18", True),
        ("19", False),
    ],
)
def test_luhn_ok(digits: str, ok: bool) -> None:
    assert luhn_ok(digits) is ok


@pytest.mark.parametrize(
    ("code", "ok"),
    [
        ("75056", True),  # Paris
        ("59350", True),  # Lille
        ("2A004", True),  # Ajaccio
        ("2B033", True),  # Bastia
        ("97411", True),  # Saint-Denis (La Réunion)
        ("01001", True),
        ("20004", False),  # no department 20 since 1976
        ("2C004", False),
        ("7505", False),
        ("750560", False),
        ("2a004", False),  # the regex itself is upper case; fields upper-case the value first
        ("", False),
    ],
)
def test_insee(code: str, ok: bool) -> None:
    assert bool(INSEE_RE.match(code)) is ok


@pytest.mark.parametrize(
    ("code", "ok"),
    [
        ("QN07511M", True),  # 2024 form
        ("QN02A01M", True),  # Corsica, 2024 form
        ("QP093028", True),  # 2015 form
        ("QP02B001", True),
        ("QN0751M", False),
        ("QN07511", False),
        ("QP09302", False),
        ("QX075110", False),
        ("QN07511MM", False),
    ],
)
def test_qpv(code: str, ok: bool) -> None:
    assert bool(QPV_RE.match(code)) is ok


def _ctx(problems: Problems) -> Context:
    return Context("t.md", lambda *keypath: 7, problems, {})


@pytest.mark.parametrize(
    ("kind", "value", "result", "code", "why"),
    [
        ("insee", "75056", "75056", None, None),
        ("insee", "7505", None, "E026", None),
        ("qpv", "QN07511M", "QN07511M", None, None),
        ("qpv", "QN0751", None, "E028", None),
        ("siren", "200093201", "200093201", None, None),
        ("siren", "200 093 201", "200093201", None, None),  # spaces are removed
        ("siren", "12345", None, "E027", "9 chiffres attendus"),
        ("siren", "20009320A", None, "E027", "9 chiffres attendus"),
        ("siren", "200093202", None, "E027", "clé de contrôle incorrecte"),
    ],
)
def test_check(
    kind: str, value: str, result: str | None, code: str | None, why: str | None
) -> None:
    problems = Problems()
    field = Field("code", "Code", code=kind)
    assert check_value(field, value, ("collectivites", 0, "x"), _ctx(problems)) == result
    assert [(p.line, p.code) for p in problems] == ([(7, code)] if code else [])
    if code:
        assert "collectivites[1].x" in problems[0].message
        assert value in problems[0].message
    if why:
        assert why in problems[0].message
