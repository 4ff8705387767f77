"""One error contract for everything letterkit reports.

Every stage collects `Problem`s instead of raising on the first one, so a clerk
sees all that is wrong with a draft at once.  A problem prints as one line:

    path:line:column: 错误 code message（hint）
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass

SEVERITY_NAMES = {"error": "错误", "warning": "警告", "note": "说明"}

# Never printed raw in a message: C0/C1 controls (a NUL, an ESC that drives the terminal), bidi
# controls that reorder the line, zero-width characters and tag characters.  Shown as U+XXXX.
_UNPRINTABLE = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff"
                          "\U000e0000-\U000e007f]")


def printable(text: str) -> str:
    """`text` with every character a terminal would hide or obey shown as U+XXXX."""
    return _UNPRINTABLE.sub(lambda m: f"U+{ord(m.group()):04X}", text)


@dataclass(frozen=True)
class Location:
    path: str
    line: int | None = None  # 1-based
    column: int | None = None  # 1-based

    def __str__(self) -> str:
        parts = [self.path]
        if self.line is not None:
            parts.append(str(self.line))
            if self.column is not None:
                parts.append(str(self.column))
        return ":".join(parts)


@dataclass(frozen=True)
class Problem:
    location: Location
    code: str
    message: str
    hint: str | None = None
    severity: str = "error"

    def __str__(self) -> str:
        text = f"{self.location}: {SEVERITY_NAMES[self.severity]} {self.code} {self.message}"
        if self.hint:
            text += f"（{self.hint}）"
        return printable(text)


class LetterkitError(Exception):
    """Raised by a stage with every problem it found; the CLI prints them."""

    def __init__(self, problems: list[Problem]):
        self.problems = list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


class UsageError(Exception):
    """The command line itself is wrong (exit code 2)."""


def display_path(path: str | os.PathLike) -> str:
    """A path as a clerk should see it: relative to the current folder when inside it."""
    try:
        relative = os.path.relpath(path)
    except ValueError:  # another drive on Windows
        return str(path)
    return str(path) if relative.startswith("..") else relative
