"""Problems found in content: one shape for every error, printed the same way everywhere."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .messages import DOC_URL, render_message


@dataclass(frozen=True, order=True)
class Problem:
    """A content problem, located at a line of a file relative to the repository root."""

    path: str
    line: int
    code: str
    message: str
    severity: str = "error"  # "error" or "warning"

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: [{self.code}] {self.message}"

    def github(self) -> str:
        """The GitHub Actions annotation that puts the problem on its line of the pull request."""
        kind = "error" if self.severity == "error" else "warning"
        text = f"[{self.code}] {self.message} ({DOC_URL}#{self.code.lower()})"
        text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
        return f"::{kind} file={_property(self.path)},line={self.line},title={self.code}::{text}"


def _property(value: str) -> str:
    """A workflow-command property value: a file name cannot end it or start another."""
    return (
        value.replace("%", "%25")
        .replace("\r", "%0D")
        .replace("\n", "%0A")
        .replace(":", "%3A")
        .replace(",", "%2C")
    )


# a value quoted in a message may hold a line break: shown as « \n », a problem stays
# on one line (editors and CI read the output line by line)
_CONTROL_RE = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")
_SHOWN = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def one_line(text: str) -> str:
    return _CONTROL_RE.sub(lambda m: _SHOWN.get(m.group(0), f"\\x{ord(m.group(0)):02x}"), text)


def problem(path: str, line: int, code: str, severity: str = "error", **params: object) -> Problem:
    """Build a problem from a message code and its parameters."""
    return Problem(path, max(line, 1), code, one_line(render_message(code, **params)), severity)


class Problems(list):
    """An append-only list of problems with a shortcut to add one by code."""

    def add(self, path: str, line: int, code: str, **params: object) -> None:
        self.append(problem(path, line, code, **params))

    def warn(self, path: str, line: int, code: str, **params: object) -> None:
        self.append(problem(path, line, code, severity="warning", **params))

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self if p.severity == "error"]
