"""French administrative codes: commune INSEE, EPCI SIREN, QPV."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .fields import Context

INSEE_RE = re.compile(r"^(?:[013-9][0-9]|2[AB1-9])[0-9]{3}$")
# QPV codes: 2024 form QN + department on 3 characters + 2 digits + M (QN07511M),
# 2015 form QP + department on 3 characters + 3 digits (QP093028); Corsica is 02A/02B.
QPV_RE = re.compile(r"^(?:QN(?:[0-9]{3}|02[AB])[0-9]{2}M|QP(?:[0-9]{3}|02[AB])[0-9]{3})$")
SIREN_RE = re.compile(r"^[0-9]{9}$")


def luhn_ok(digits: str) -> bool:
    """The Luhn check digit used by SIREN and SIRET numbers."""
    total = 0
    for index, char in enumerate(reversed(digits)):
        n = int(char)
        if index % 2 == 1:
            n *= 2
            if n > 9:
                n -= 9
        total += n
    return total % 10 == 0


def check(kind: str, value: str, keypath: tuple, ctx: Context) -> str | None:
    from .fields import key_label

    key = key_label(keypath)
    if kind == "insee" and not INSEE_RE.match(value):
        ctx.add(keypath, "E026", key=key, value=value)
        return None
    if kind == "qpv" and not QPV_RE.match(value):
        ctx.add(keypath, "E028", key=key, value=value)
        return None
    if kind == "siren":
        compact = value.replace(" ", "")
        if not SIREN_RE.match(compact):
            ctx.add(keypath, "E027", key=key, value=value, why="9 chiffres attendus")
            return None
        if not luhn_ok(compact):
            ctx.add(keypath, "E027", key=key, value=value, why="clé de contrôle incorrecte")
            return None
        return compact
    return value
