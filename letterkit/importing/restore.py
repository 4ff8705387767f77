"""Import of a letter letterkit built: the values its page does not show, put back into the fields
the recogniser read from the page (see letterkit/unprinted.py for what is kept and why).

The page wins for everything it shows.  The kept shape of the measures tree is used only when the
page still has the same paragraphs (same count, headings where headings were): a letter edited in
Word keeps the recogniser's reading.
"""

from __future__ import annotations

import re

from ..unprinted import date_of
from .notes import Note

# where a field the recogniser did not write goes, after the first of these that is there
_AFTER = {"organ": ("layout",), "number": ("organ",), "file_mark": ("number",), "copy_number": ("file_mark", "number"),
          "secrecy": ("copy_number", "file_mark", "number"), "urgency": ("secrecy", "copy_number", "file_mark", "number"),
          "signer": ("urgency", "secrecy", "copy_number", "file_mark", "number"), "sealed": ("signature",)}
RESOLVED = {"organ": ("import-organ",), "number": ("import-number-organ",)}  # warnings the kept values answer


def restore(fields: dict, kept: dict, notes: list[Note]) -> None:
    if kept.get("layout") in ("letter", "general", "plain"):
        fields["layout"] = kept["layout"]
    organ = kept.get("organ")
    if isinstance(organ, dict):
        merged = dict(fields["organ"]) if isinstance(fields.get("organ"), dict) else {}
        merged.update({k: organ[k] for k in ("name", "short_name", "code") if isinstance(organ.get(k), str)})
        if isinstance(organ.get("aliases"), list) and all(isinstance(a, str) for a in organ["aliases"]):
            merged["aliases"] = organ["aliases"]
        if "name" in merged:
            _put(fields, "organ", {k: merged[k] for k in ("name", "short_name", "code", "aliases") if k in merged})
            notes[:] = [n for n in notes if n.code not in RESOLVED["organ"]]
    number = kept.get("number")
    if isinstance(number, dict) and all(type(number.get(k)) is int for k in ("year", "seq")) \
            and isinstance(fields.get("organ"), dict) and fields["organ"].get("code"):
        _put(fields, "number", {"year": number.get("year"), "seq": number.get("seq")})
        notes[:] = [n for n in notes if n.code not in RESOLVED["number"]]
    if kept.get("file_mark") is True:
        _put(fields, "file_mark", True)
    for key in ("copy_number", "secrecy", "urgency", "signer"):
        if isinstance(kept.get(key), str):
            _put(fields, key, kept[key])
    if isinstance(kept.get("proposal"), dict) and isinstance(fields.get("proposal"), dict):
        fields["proposal"].update({k: v for k, v in kept["proposal"].items() if k in ("id", "title", "session")
                                   and isinstance(v, str)})
    if kept.get("sealed") is False and not fields.get("seal") and not fields.get("co_signers"):
        _put(fields, "sealed", False)
    elif kept.get("sealed") is True:
        fields.pop("sealed", None)
    if isinstance(kept.get("printer"), str):
        _put(fields, "printer", kept["printer"])
    for key in ("print_date", "assigned", "sent"):
        if date_of(kept.get(key)):
            _put(fields, key, date_of(kept[key]))
    if isinstance(kept.get("style"), dict) and kept["style"] and _settings(kept["style"]):
        _put(fields, "style", kept["style"])
    _reshape_body(fields, kept)
    _reshape_annexes(fields, kept.get("annexes"))


_KEY = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def _settings(value) -> bool:
    """A house-style mapping as letterkit writes one: named keys, numbers, words, lists of them
    (so the draft writer, made for the import's own fields, can write it)."""
    if isinstance(value, dict):
        return bool(value) and all(isinstance(k, str) and _KEY.fullmatch(k) and _settings(v) for k, v in value.items())
    if isinstance(value, list):
        return all(isinstance(v, (str, int, float, bool)) for v in value)
    return isinstance(value, (str, int, float, bool))


def _put(fields: dict, key: str, value) -> None:
    """Set `key`, in place when it is there, else after its neighbour (or at the end)."""
    if key in fields:
        fields[key] = value
        return
    anchor = next((a for a in _AFTER.get(key, ()) if a in fields), None)
    items = list(fields.items())
    at = [k for k, _ in items].index(anchor) + 1 if anchor else len(items)
    items.insert(at, (key, value))
    fields.clear()
    fields.update(items)


def _paragraphs(nodes) -> list[tuple[str, object]]:
    """The recognised tree as printed paragraphs in reading order: ("h", heading node) or ("p", text)."""
    out: list[tuple[str, object]] = []
    for node in nodes if isinstance(nodes, list) else []:
        if isinstance(node, dict) and node.get("heading") is not None:
            out.append(("h", {"heading": node["heading"], "text": node.get("text")}))
            out += _paragraphs(node.get("items") or [])
        else:
            out.append(("p", node.get("text") if isinstance(node, dict) else node))
    return out


def _rebuilt(paragraphs: list, tokens: list[str]) -> tuple[list, list] | None:
    """The tree the tokens describe, from the paragraphs (None when they do not fit each other)."""
    if len(paragraphs) != len(tokens):
        return None
    root: list = []
    closing: list = []
    open_at: list[dict] = []  # the heading open at each depth
    for (kind, value), token in zip(paragraphs, tokens):
        if token == "c" and kind == "p":
            closing.append(value)
            continue
        if closing or token[:1] != kind or not token[1:].isdigit() or int(token[1:]) > len(open_at):
            return None  # measures after the closing, a heading where a paragraph was, a skipped depth
        depth = int(token[1:])
        del open_at[depth:]
        siblings = open_at[-1]["items"] if open_at else root
        if kind == "h":
            node = dict(value, items=[])
            siblings.append(node)
            open_at.append(node)
        else:
            siblings.append(value)
    return root, closing


def _reshape_body(fields: dict, kept: dict) -> None:
    if not isinstance(kept.get("body"), str) or not isinstance(kept.get("closing"), int):
        return
    closing = fields.get("closing") if isinstance(fields.get("closing"), list) else []
    paragraphs = _paragraphs(fields.get("measures")) + [("p", text) for text in closing]
    if not 0 <= kept["closing"] <= len(paragraphs):
        return
    rebuilt = _rebuilt(paragraphs, kept["body"].split() + ["c"] * kept["closing"])
    if rebuilt is not None:
        fields["measures"] = rebuilt[0] or "无"
        fields["closing"] = rebuilt[1] or "无"


def _reshape_annexes(fields: dict, annexes) -> None:
    attachments = fields.get("attachments")
    if not isinstance(annexes, list) or not isinstance(attachments, list) or len(annexes) != len(attachments):
        return
    for attachment, shape in zip(attachments, annexes):
        if isinstance(attachment, dict) and isinstance(shape, str) and shape:
            rebuilt = _rebuilt(_paragraphs(attachment.get("content")), shape.split())
            if rebuilt is not None and rebuilt[0]:
                attachment["content"] = rebuilt[0]
