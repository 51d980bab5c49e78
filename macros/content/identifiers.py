"""Identifiers contributors type: administrative codes (commune INSEE, EPCI SIREN, QPV) and
the e-mail addresses of structures."""

from __future__ import annotations

import re
from dataclasses import dataclass

INSEE_RE = re.compile(r"^(?:[013-9][0-9]|2[AB1-9])[0-9]{3}$")
# QPV codes: 2024 form QN + department on 3 characters + 2 digits + M (QN07511M),
# 2015 form QP + department on 3 characters + 3 digits (QP093028); Corsica is 02A/02B.
QPV_RE = re.compile(r"^(?:QN(?:[0-9]{3}|02[AB])[0-9]{2}M|QP(?:[0-9]{3}|02[AB])[0-9]{3})$")
SIREN_RE = re.compile(r"^[0-9]{9}$")

# The same forms as typed, for editors: capi check trims a code, upper-cases it and removes
# the spaces of a SIREN before matching, so these accept lower case and spaces too. The SIREN
# key (Luhn) is beyond a pattern: only capi check verifies it.
TYPED_FORMS = {
    "insee": (r"^\s*(?:[013-9][0-9]|2[ABab1-9])[0-9]{3}\s*$", "5 caractères, ex. 59350 ou 2A004"),
    "siren": (r"^\s*[0-9](?: *[0-9]){8}\s*$", "9 chiffres"),
    "qpv": (
        r"^\s*(?:[Qq][Nn](?:[0-9]{3}|02[ABab])[0-9]{2}[Mm]|[Qq][Pp](?:[0-9]{3}|02[ABab])[0-9]{3})\s*$",
        "ex. QN05901M ou QP059001",
    ),
}


@dataclass(frozen=True)
class Fault:
    """What is wrong with an identifier: a problem code and, for some, the reason."""

    code: str
    why: str | None = None


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


def check(kind: str, value: str) -> str | Fault:
    """``value`` as stored (a SIREN without its spaces), or what is wrong with it."""
    if kind == "insee" and not INSEE_RE.match(value):
        return Fault("E026")
    if kind == "qpv" and not QPV_RE.match(value):
        return Fault("E028")
    if kind == "siren":
        compact = value.replace(" ", "")
        if not SIREN_RE.match(compact):
            return Fault("E027", "9 chiffres attendus")
        if not luhn_ok(compact):
            return Fault("E027", "clé de contrôle incorrecte")
        return compact
    return value


# A structure's mailbox names: contact@…, accueil@… are not a person's address.
FUNCTIONAL_MAILBOXES = (
    "contact",
    "accueil",
    "info",
    "infos",
    "bonjour",
    "hello",
    "secretariat",
    "communication",
    "mediation",
    "numerique",
    "direction",
    "admin",
    "association",
    "mairie",
    "courrier",
)


def _any_case(word: str) -> str:
    return "".join(f"[{c}{c.upper()}]" if c.isalpha() else re.escape(c) for c in word)


# is_functional_email as a pattern for editors (JavaScript has no case-insensitive flag
# inside a pattern): a mailbox name, then « . », « - » or « @ »
FUNCTIONAL_EMAIL_PATTERN = (
    "^(?:" + "|".join(_any_case(name) for name in FUNCTIONAL_MAILBOXES) + r")(?:[.-][^@]*)?@"
)


def is_functional_email(address: str) -> bool:
    """contact@…, accueil@…: a structure's address, not a person's."""
    local = address.split("@", 1)[0].lower()
    return local.split(".")[0].split("-")[0] in FUNCTIONAL_MAILBOXES
