"""Proofreading a careful 校对 would sign: quantities, repetition, lost characters, names,
titles, text left by a typeset page, words that contradict the letter's kind, what a
published letter must not carry.  One module per family; `registry.RULES` is the list that
`letterkit check` (through lint.py), `letterkit import` and docs/rules.md share.
"""

from __future__ import annotations

from . import quantities, repetition, missing, names, titles, typeset, kind, carry, small  # noqa: F401  (each registers its rules)
from dataclasses import replace

from .registry import FAMILIES, RULES, Finding, LineFinding, Rule
from .remember import remembering

# what lint.py runs: each rule answering from the cache when the draft's text was checked before
CHECK_RULES = [replace(r, check=remembering(r.code, r.check)) for r in RULES if r.stage == "check"]
CODES = tuple(r.code for r in RULES)


IMPORT_RULES = [r for r in RULES if r.stage == "import"]


def import_findings(lines, from_word: bool = False, disabled=()) -> list[LineFinding]:
    """The typeset-page rules on an input's lines [(line number, text)], for `letterkit import`."""
    found = []
    for item in IMPORT_RULES:
        if item.code not in disabled:
            for finding in item.check(lines, from_word):
                finding.code = item.code
                found.append(finding)
    return sorted(found, key=lambda f: (f.line, f.column or 0))


def rules_markdown() -> list[str]:
    """The proofreading rules' part of docs/rules.md, family by family."""
    lines = []
    for family, name in FAMILIES.items():
        members = [r for r in RULES if r.family == family]
        if not members:
            continue
        lines += [f"## 校对：{name}", ""]
        for item in members:
            severity = "错误" if item.severity == "error" else "警告"
            stage = "（`letterkit import` 时检查）" if item.stage == "import" else ""
            lines += [f"### `{item.code}`（{severity}）{stage}", "", item.summary, "", f"为什么：{item.why}", "",
                      f"- 错：{item.bad}", f"- 对：{item.good}", ""]
    return lines


__all__ = ["FAMILIES", "RULES", "CHECK_RULES", "IMPORT_RULES", "import_findings", "CODES", "Finding", "LineFinding", "Rule", "rules_markdown"]
