"""The one list of proofreading rules that `check`, `import` and docs/rules.md share.

A rule is a function registered with its stable code, severity, family and two examples.
`check` rules read the draft (a `Context`: .data, .draft, .today, .letter) and yield Findings;
`import` rules read the input's lines and yield LineFindings; `project` rules are checked
across a project's drafts by checkrun.check_paths and are here for their code and docs.  This
module imports nothing from letterkit: validate, lint, import and the docs all read it, and
it reads none of them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Callable

# form: how the letter is set down (elements, dates, punctuation, wording); content: what a
# careful 校对 reads for.  The docs list the families in this order.
FORM_FAMILIES = {
    "elements": "署名、版头与附注",
    "dates": "日期与期限",
    "punctuation": "标点与空格",
    "wording": "标题、编号与单位的写法",
    "project": "全项目",
    "importer": "导入时的说明与提醒（import-…）",
}
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
FAMILIES = {**FORM_FAMILIES, **FAMILIES}


@dataclass(frozen=True)
class Rule:
    code: str
    severity: str       # error | warning
    family: str         # a key of FAMILIES
    summary: str        # what it checks, one line
    why: str            # the rationale and how sure the rule is, for docs/rules.md
    bad: str            # text that fails
    good: str           # the same, right
    check: Callable | None
    stage: str = "check"  # check: reads drafts; import: reads the input's lines; project: across drafts;
    # importer: raised by letterkit import itself while it reads a letter (here for its code and docs)
    cached: bool = True   # False: reads the validated draft or today's date, not the text alone
    always: bool = False  # cannot be switched off with check: {disable: …}


@dataclass
class Context:
    """What a check rule reads: the draft as typed (layers merged), the validated draft (None
    when validation failed), today, and block kind → text of the rendered letter (title, the
    first paragraph), when it renders."""
    data: dict
    draft: object | None
    today: dt.date
    letter: dict

    def written(self, kind: str) -> tuple[tuple, str] | None:
        """The letter's `kind` text and where a clerk changes it: the draft's field, else the template."""
        text = self.letter.get(kind)
        if text is None:
            return None
        return ((kind,) if isinstance(self.data.get(kind), str) else ("template",)), text


@dataclass
class Finding:
    """Where and what, as lint.py reports it: path into the draft, offset inside the value;
    `fixes`: edits inside the value, (offset, length, replacement), given only when certain —
    `letterkit check --fix` applies them."""
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


def rule(code, severity, family, summary, why, bad, good, stage="check", cached=True, always=False):
    assert family in FAMILIES and (severity in ("error", "warning") or (severity == "note" and stage == "importer"))
    assert all(r.code != code for r in RULES), code

    def register(function):
        RULES.append(Rule(code, severity, family, summary, why, bad, good, function, stage, cached, always))
        return function
    return register
