"""The message catalogue: every text a command says exists, and every text is said."""

from __future__ import annotations

import re
import string

from macros.messages import TEXTS
from tests.conftest import ROOT

SAID_RE = re.compile(r"""\bsay\(\s*["']([\w.]+)["']""")


def _said() -> set[str]:
    return {
        key
        for path in (ROOT / "macros").rglob("*.py")
        for key in SAID_RE.findall(path.read_text("utf-8"))
    }


def test_every_text_a_command_says_is_in_the_catalogue():
    said = _said()
    assert said, "no say() call found: the scan itself is broken"
    assert said <= set(TEXTS), sorted(said - set(TEXTS))


def test_every_text_of_the_catalogue_is_said_somewhere():
    assert set(TEXTS) <= _said(), sorted(set(TEXTS) - _said())


def test_texts_are_french_templates_without_stray_braces():
    for key, template in TEXTS.items():
        names = [field for _, field, _, _ in string.Formatter().parse(template) if field]
        assert all(re.fullmatch(r"\w+(:[.\d\w]+)?", n) for n in names), key
