"""`letterkit check`: run the proofreading rules of letterkit/proof/ over drafts, without building them.

The rules themselves (codes, severities, messages, docs) live in letterkit/proof/, one module
per family and one registry; here is the orchestration: load and validate each draft, render
its title and opening, run the rules, and the checks across drafts (duplicate numbers and ids).
A finding points at the line to edit: rules read the draft as the clerk typed it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from . import proof
from .proof import Context, Finding, FORM_RULES as RULES  # RULES: the form rules, run before proof.CHECK_RULES
from .proof.text import get
from .errors import LetterkitError, Location, Problem
from .load import Loaded
from .model import Draft


def check_draft(loaded: Loaded, draft: Draft | None, disabled: set[str], today: dt.date | None = None,
                letter: dict | None = None) -> list[Problem]:
    """Run every rule not switched off; `draft` is None when validation failed; `letter` holds
    the first title and paragraph of the rendered letter, for the rules about them."""
    context = Context(loaded.data if isinstance(loaded.data, dict) else {}, draft, today or dt.date.today(), letter or {})
    found, told = [], {}
    for item in RULES + proof.CHECK_RULES:  # form rules here, proofreading rules in letterkit/proof/
        if item.code in disabled:
            continue
        for finding in item.check(context):
            if proof.told_before(item.code, finding.message, told):
                continue  # one slip, one finding
            found.append(Problem(_locate(loaded, finding), item.code, finding.message, finding.hint, item.severity))
    return found


def readable_draft(loaded: Loaded, problems: list[Problem], validate) -> Draft | None:
    """The draft validated again with the top-level fields its validation problems point into set aside
    (written as 无 where the draft may say so, else left out), so that the rules reading the validated
    draft (signature-organ, the dates, the quoted title) still speak when one field is wrong: a clerk sees
    every finding at once.  None when a problem has no field to set aside, or the rest still fails."""
    from .validate import DRAFT_FIELDS

    if not isinstance(loaded.data, dict):
        return None
    fields = {f.name: f for f in DRAFT_FIELDS}
    data, set_aside = dict(loaded.data), set()
    for _ in range(3):  # setting a field aside may bring out a problem of a field that depends on it
        keys = set()
        for problem in problems:
            paths = [p for p, source in loaded.sources.items() if p and source.location == problem.location]
            key = min(paths, key=len)[0] if paths else None
            if key is None or key in set_aside or key not in data:
                return None  # a problem of the whole draft, or one that setting aside did not cure
            keys.add(key)
        for key in keys:
            if key not in fields:
                del data[key]  # titel: an unknown field, reported as such
            elif fields[key].absent_ok:
                data[key] = "无"
            elif not fields[key].required:
                del data[key]
            else:
                return None
        set_aside |= keys
        try:
            draft = validate(Loaded(data, loaded.sources, loaded.files))
            return replace(draft, absent=tuple(a for a in draft.absent if a.split(".")[0] not in set_aside))  # not the clerk's 无
        except LetterkitError as error:
            problems = list(error.problems)
    return None


def _locate(loaded: Loaded, finding: Finding) -> Location:
    where = loaded.sources.locate(finding.path)
    raw = loaded.sources.raw(finding.path)
    if finding.offset is not None and raw is not None and where.column is not None and "\n" not in raw:
        value = get(loaded.data, finding.path)
        if isinstance(value, str) and value == raw:  # a plain one-line value: point at the character
            quoted = loaded.sources[tuple(finding.path)].quoted  # '单位负责人：': one column after the quote
            return Location(where.path, where.line, where.column + quoted + finding.offset)
    return where


def _rendered(draft, project, problems) -> dict:
    """The letter's title and opening as the template writes them (template problems are reported)."""
    if draft is None:
        return {}
    from .render import letter_blocks
    from .errors import LetterkitError

    try:
        blocks = letter_blocks(draft, project)
    except LetterkitError as error:
        problems.extend(error.problems)
        return {}
    letter: dict = {}
    for block in blocks:
        if block.kind == "title":
            letter["title"] = letter.get("title", "") + block.text
        elif block.kind == "p" and "p" not in letter:
            letter["p"] = block.text
    return letter


def _draft_disabled(loaded: Loaded) -> list[str]:
    settings = loaded.data.get("check") if isinstance(loaded.data, dict) else None
    disabled = settings.get("disable") if isinstance(settings, dict) else None
    return [code for code in disabled if isinstance(code, str)] if isinstance(disabled, list) else []


RULE_CODES = proof.CODES  # every code check: {disable} may name, from the one registry


def rules_markdown() -> str:
    """docs/rules.md, from letterkit/proof's registry: `python3 -m letterkit.lint > docs/rules.md`."""
    return proof.rules_markdown()


if __name__ == "__main__":
    print(rules_markdown(), end="")
