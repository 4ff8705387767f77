"""`letterkit check`: run the proofreading rules of letterkit/proof/ over drafts, without building them.

The rules themselves (codes, severities, messages, docs) live in letterkit/proof/, one module
per family and one registry; here is the orchestration: load and validate each draft, render
its title and opening, run the rules, and the checks across drafts (duplicate numbers and ids).
A finding points at the line to edit: rules read the draft as the clerk typed it.
"""

from __future__ import annotations

import datetime as dt

from . import proof
from .proof import Context, Finding, FORM_RULES as RULES  # RULES: the form rules, run before proof.CHECK_RULES
from .proof.text import get
from .errors import Location, Problem
from .load import Loaded
from .model import Draft


def check_draft(loaded: Loaded, draft: Draft | None, disabled: set[str], today: dt.date | None = None,
                letter: dict | None = None) -> list[Problem]:
    """Run every rule not switched off; `draft` is None when validation failed; `letter` holds
    the first title and paragraph of the rendered letter, for the rules about them."""
    context = Context(loaded.data if isinstance(loaded.data, dict) else {}, draft, today or dt.date.today(), letter or {})
    found = []
    for item in RULES + proof.CHECK_RULES:  # form rules here, proofreading rules in letterkit/proof/
        if item.code in disabled:
            continue
        for finding in item.check(context):
            found.append(Problem(_locate(loaded, finding), item.code, finding.message, finding.hint, item.severity))
    return found


def _locate(loaded: Loaded, finding: Finding) -> Location:
    where = loaded.sources.locate(finding.path)
    raw = loaded.sources.raw(finding.path)
    if finding.offset is not None and raw is not None and where.column is not None and "\n" not in raw:
        value = get(loaded.data, finding.path)
        if isinstance(value, str) and value == raw:  # a plain one-line value: point at the character
            return Location(where.path, where.line, where.column + finding.offset)
    return where


def check_paths(paths, project) -> dict:
    """Proofread drafts: {draft path: [Problem]} — load and validation problems included."""
    from pathlib import Path

    from .layers import layers
    from .deadlines import today
    from .errors import LetterkitError, display_path
    from .validate import validate

    results: dict = {}
    seen_ids: dict[tuple, list] = {}
    project_disabled = set(project.check_disabled)
    for path in paths:
        display = display_path(path)
        try:
            loaded = layers(path, project)
        except LetterkitError as error:
            results[path] = error.problems
            continue
        problems: list[Problem] = []
        try:
            draft = validate(loaded, display, base_dirs=[Path(path).resolve().parent, project.root])
        except LetterkitError as error:
            draft, problems = None, list(error.problems)
        disabled = project_disabled | set(_draft_disabled(loaded))
        problems += check_draft(loaded, draft, disabled, today=today(), letter=_rendered(draft, project, problems))
        if draft is not None and draft.number is not None:  # across the whole project, like build
            problems += _duplicate_number(path, draft, project)
        if draft is not None and draft.addressee is not None and draft.proposal.id \
                and "duplicate-proposal" not in disabled:
            # replies to the member only: a 会办 opinion to the lead unit shares the proposal's id
            from .assignments import ident  # ＴＡ８０３ and TA803 are one proposal

            seen_ids.setdefault((draft.proposal.kind, ident(draft.proposal.id).upper()), []).append((path, loaded))
        results[path] = problems
    for (kind, number), drafts in seen_ids.items():
        if len(drafts) > 1:
            for path, loaded in drafts:
                others = "、".join(display_path(p) for p, _ in drafts if p != path)
                results[path].append(Problem(loaded.sources.locate(("proposal", "id")), "duplicate-proposal",
                                             f"{kind} {number} 也由 {others} 答复", "一件提案/建议只写一份草稿", "error"))
    for path in results:
        results[path].sort(key=lambda p: (p.location.line or 0, p.location.column or 0))
    return results


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


def _duplicate_number(path, draft, project) -> list[Problem]:
    """Two letters with one 发文字号: an error build reports too, so it cannot be switched off."""
    from .docnumbers import duplicate_message, others_with

    number = draft.number
    others = others_with(project, path, number.code, number.year, number.seq)
    if not others:
        return []
    where = draft.sources.locate(("number", "seq"))
    message, hint = duplicate_message(str(number), others, path, where.path)
    return [Problem(where, "duplicate-number", message, hint, "error")]


def rules_markdown() -> str:
    """docs/rules.md, from letterkit/proof's registry: `python3 -m letterkit.lint > docs/rules.md`."""
    return proof.rules_markdown()


if __name__ == "__main__":
    print(rules_markdown(), end="")
