"""The draft's values a letter does not print, kept inside the .docx so `letterkit import` gives
them back (issue 6's round trip: a built letter imports to the same draft values).

What the page shows is read back from the page: an edit made in Word wins.  What it cannot show —
`sealed: false` on a letter without seal images, the 发文字号 of a letter without a 版头, a 签发人
or 印发机关 that the 信函格式 leaves out, the organ's short name, the house-style overrides, and where an unnumbered paragraph
or the closing stands in the measures tree — is written as one Word document variable
(`w:docVars/w:docVar`, ISO/IEC 29500-1 §17.15.1.31: invisible, kept by Word on saving), as JSON.
"""

from __future__ import annotations

import datetime as dt
import json
import re

from docx.oxml.ns import qn

from . import oxml
from .model import Draft, Measure, chinese_date

NAME = "letterkit.unprinted"
_SPACE = re.compile(r"\s+")


def outline(nodes: list[Measure], depth: int = 0) -> list[str]:
    """The measures tree as printed paragraphs in reading order: h<depth> for a numbered heading,
    p<depth> for an unnumbered paragraph (whose depth the page does not show)."""
    tokens = []
    for node in nodes:
        tokens.append(f"{'p' if node.is_paragraph else 'h'}{depth}")
        if not node.is_paragraph:
            tokens += outline(node.items, depth + 1)
    return tokens


def _closing_count(draft: Draft, letter: list) -> int | None:
    """How many paragraphs the template printed after the measures (the closing), or None."""
    kinds = [b.kind for b in letter]
    if "to" not in kinds:
        return None
    ends = ("attach", "signature", "date", "note", "annex", "cc", "printer", "printdate")
    body = []
    for block in letter[kinds.index("to") + 1:]:
        if block.kind in ends:
            break
        body.append(block)
    count = len(body) - 1 - len(outline(draft.measures))  # the first paragraph is the opening
    return count if count >= 0 else None


def printed(document) -> str:
    """Every piece of text the document holds (body, text boxes, headers and footers), run together:
    enough to tell whether a value is on the page, and quick (no paragraph objects made)."""
    parts = [document.element] + [rel.target_part.element for rel in document.part.rels.values()
                                  if rel.reltype.endswith(("/header", "/footer"))]
    return "".join(t.text or "" for part in parts for t in part.iter(qn("w:t")))


def values(draft: Draft, letter: list, printed: str) -> dict:
    """The values to keep: those `printed` (the letter's text) does not show, and the tree's shape."""
    shown = _SPACE.sub("", printed)

    def quiet(text) -> bool:
        return bool(text) and _SPACE.sub("", str(text)) not in shown

    kept: dict = {"layout": draft.layout, "sealed": draft.sealed}
    if draft.organ is not None:
        organ = {"name": draft.organ.name} if draft.layout == "plain" or quiet(draft.organ.name) else {}
        if draft.organ.short_name:
            organ["short_name"] = draft.organ.short_name
        if draft.organ.aliases:
            organ["aliases"] = list(draft.organ.aliases)
        if draft.organ.code and (draft.number is None or quiet(draft.number)):
            organ["code"] = draft.organ.code
        if organ:
            kept["organ"] = organ
    if draft.number is not None and quiet(draft.number):
        kept["number"] = {"year": draft.number.year, "seq": draft.number.seq}
    if draft.file_mark:
        kept["file_mark"] = True
    for key in ("signer", "copy_number", "secrecy", "urgency", "printer"):
        if quiet(getattr(draft, key)):
            kept[key] = getattr(draft, key)
    if draft.print_date and quiet(chinese_date(draft.print_date) + "印发"):
        kept["print_date"] = draft.print_date.isoformat()
    proposal = {key: getattr(draft.proposal, key) for key in ("id", "title", "session") if quiet(getattr(draft.proposal, key))}
    if proposal:
        kept["proposal"] = proposal
    for key in ("assigned", "sent"):
        if getattr(draft, key):
            kept[key] = getattr(draft, key).isoformat()
    if draft.style:  # a department's house style (a smaller 红头): seen on the page, not readable from it
        kept["style"] = draft.style
    kept["body"] = " ".join(outline(draft.measures))
    closing = _closing_count(draft, letter)
    if closing is not None:
        kept["closing"] = closing
    if any(a.content for a in draft.attachments):
        kept["annexes"] = [" ".join(outline(a.content)) for a in draft.attachments]
    return kept


def record(document, kept: dict) -> None:
    """Write the values into the document's settings (deterministically: keys sorted)."""
    settings = document.settings.element
    variables = oxml.child(settings, "docVars", oxml.SETTINGS_ORDER)
    for old in variables.findall(qn("w:docVar")):
        if old.get(qn("w:name")) == NAME:
            variables.remove(old)
    variable = variables.makeelement(qn("w:docVar"), {})
    oxml.set_attrs(variable, name=NAME, val=json.dumps(kept, ensure_ascii=False, sort_keys=True, separators=(",", ":")))
    variables.append(variable)


def recorded(document) -> dict | None:
    """The values a letterkit-built document keeps, or None (another .docx, or unreadable)."""
    variables = document.settings.element.find(qn("w:docVars"))
    if variables is None:
        return None
    for variable in variables.findall(qn("w:docVar")):
        if variable.get(qn("w:name")) == NAME:
            try:
                kept = json.loads(variable.get(qn("w:val")) or "")
            except (ValueError, RecursionError):  # a file made by hand: not ours to trust
                return None
            return kept if isinstance(kept, dict) else None
    return None


def date_of(text) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text) if isinstance(text, str) else None
    except ValueError:
        return None
