"""The one list of proofreading rules that `check`, `import` and docs/rules.md share.

A rule is a function registered with its stable code, severity, family and two examples.
`check` rules read the draft (the context that lint.py builds: .data, .draft, .letter) and
yield Findings; `import` rules read the input's lines and yield LineFindings.  This module
imports nothing from letterkit, so the package stays out of the build → validate → lint circle.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

FAMILIES = {
    "quantities": "数量与数字",
    "repetition": "重复",
    "missing": "漏字",
    "names": "同名异写",
    "titles": "标题",
    "typeset": "排版残留（导入时）",
    "kind": "文种与称谓",
    "carry": "发出前不能留的",
    "small": "其他细节",
}


@dataclass(frozen=True)
class Rule:
    code: str
    severity: str       # error | warning
    family: str         # a key of FAMILIES
    summary: str        # what it checks, one line
    why: str            # the rationale and how sure the rule is, for docs/rules.md
    bad: str            # text that fails
    good: str           # the same, right
    check: Callable
    stage: str = "check"  # check: reads drafts; import: reads the input's lines


@dataclass
class Finding:
    """Where and what, as lint.py reports it: path into the draft, offset inside the value."""
    path: tuple
    message: str
    hint: str | None = None
    offset: int | None = None
    fixes: tuple = ()


@dataclass
class LineFinding:
    """An import finding: the input's line (1-based) and column (1-based, or None)."""
    line: int
    message: str
    hint: str | None = None
    column: int | None = None
    code: str = field(default="")


RULES: list[Rule] = []


def rule(code, severity, family, summary, why, bad, good, stage="check"):
    assert family in FAMILIES and severity in ("error", "warning")
    assert all(r.code != code for r in RULES), code

    def register(function):
        RULES.append(Rule(code, severity, family, summary, why, bad, good, function, stage))
        return function
    return register
