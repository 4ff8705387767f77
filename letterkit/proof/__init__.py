"""Proofreading, form and content: one module per family, one registry.

Form (how the letter is set down): `sender` (signature, elements, phone), `dates`, `form`
(punctuation and spaces), `wording` (title, numbering, units), `across` (checked across the
project's drafts).  Content (what a careful 校对 reads for): quantities, repetition, lost
characters, names, titles, text left by a typeset page, words that contradict the letter's
kind, what a published letter must not carry.  `registry.RULES` is the list that `letterkit
check` (through lint.py), `check --fix`, `letterkit import`, validate's `check: {disable}`,
the JSON Schema and docs/rules.md share.  Nothing here imports build, validate or lint.
"""

from __future__ import annotations

from . import sender, dates, form, wording, across  # noqa: F401  (form rules first: their order is check's)
from . import quantities, counts, shares, repetition, missing, names, organ_name, titles, typeset, kind, carry, small  # noqa: F401  (each registers its rules)
from . import homophones  # noqa: F401  (place-homophone, a names rule of its own module)
from . import reference  # noqa: F401  (proposal-mismatch: the title, the opening and the proposal fields)
from . import importer  # noqa: F401  (the codes letterkit import reports itself, for the docs)
import re
from dataclasses import replace

from .registry import FAMILIES, FORM_FAMILIES, RULES, Context, Finding, LineFinding, Rule
from .remember import remembering


def _remembered(rule: Rule) -> Rule:
    """The rule answering from the cache when the draft's text was checked before (if only the text matters)."""
    return replace(rule, check=remembering(rule.code, rule.check)) if rule.cached else rule


# what lint.py runs: the form rules, then the proofreading rules
FORM_RULES = [_remembered(r) for r in RULES if r.stage == "check" and r.family in FORM_FAMILIES]
CHECK_RULES = [_remembered(r) for r in RULES if r.stage == "check" and r.family not in FORM_FAMILIES]
CODES = tuple(r.code for r in RULES if not r.always and r.stage != "importer")  # what check: {disable: […]} may name
# rules whose findings carry edits certain enough for `letterkit check --fix` to make
FIXABLE = ("half-width-punctuation", "nested-quotes", "space-in-chinese", "number-brackets", "doubled-character",
           "title-guanyu-dui", "space-around-sign", "dash-in-phone", "number-space", "doubled-punctuation",
           "full-width-digit")
FIXING = [r for r in RULES if r.code in FIXABLE]  # unremembered: the cache keeps no fixes


IMPORT_RULES = [r for r in RULES if r.stage == "import"]

# one slip, one finding: a code whose finding is left out when another code, run before it, named the
# same two spellings (区中医院 … 区中医医院: lost-character says which character went)
TOLD_BY = {"name-variant": "lost-character"}


def told_before(code: str, message: str, told: dict) -> bool:
    """Whether a finding of `code` names the same two spellings as one already told (recorded in `told`,
    code → sets of the spellings quoted, which this call keeps up to date)."""
    quoted = frozenset(re.findall("“([^”]+)”", message)[:2])
    if len(quoted) == 2 and quoted in told.get(TOLD_BY.get(code), ()):
        return True
    told.setdefault(code, set()).add(quoted)
    return False


def import_findings(lines, from_word: bool = False, disabled=()) -> list[LineFinding]:
    """The typeset-page rules on an input's lines [(line number, text)], for `letterkit import`."""
    found = []
    for item in IMPORT_RULES:
        if item.code not in disabled:
            for finding in item.check(lines, from_word):
                finding.code = item.code
                found.append(finding)
    return sorted(found, key=lambda f: (f.line, f.column or 0))


def rules_markdown() -> str:
    """docs/rules.md: every rule of the registry, family by family, form before content."""
    lines = ["# letterkit check 的规则", "",
             "由 `letterkit/proof/` 的规则表生成（`python3 -m letterkit.lint > docs/rules.md`），不要手改。",
             "草稿或项目文件中用 `check: {disable: [代码]}` 关掉某条规则；`--strict` 让警告也算不通过；",
             "标了“`--fix` 可改”的规则，`letterkit check --fix` 会直接改正草稿里的这一处。", ""]
    for family, name in FAMILIES.items():
        members = [r for r in RULES if r.family == family]
        if not members:
            continue
        part = "导入" if family == "importer" else "格式" if family in FORM_FAMILIES else "校对"
        lines += [f"## {part}：{name}", ""]
        for item in members:
            notes = [{"error": "错误", "warning": "警告", "note": "说明"}[item.severity]]
            notes += ["不能关闭"] if item.always else []
            notes += ["`--fix` 可改"] if item.code in FIXABLE else []
            stage = "（`letterkit import` 时检查）" if item.stage in ("import", "importer") else ""
            lines += [f"### `{item.code}`（{'，'.join(notes)}）{stage}", "", item.summary, "", f"为什么：{item.why}", "",
                      f"- 错：{item.bad}", f"- 对：{item.good}", ""]
    return "\n".join(lines)


__all__ = ["FAMILIES", "FORM_FAMILIES", "RULES", "FORM_RULES", "CHECK_RULES", "IMPORT_RULES", "FIXABLE", "FIXING",
           "import_findings", "told_before", "CODES", "Context", "Finding", "LineFinding", "Rule", "rules_markdown"]
